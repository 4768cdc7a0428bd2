"""The Markdown texts of a quiz are checked per audience, each where it was written, a shared one once."""

from __future__ import annotations

from pathlib import Path

from kam_guide.quiz.render import markdown_fields
from kam_guide.quiz.textchecks import converted_problems, quiz_text_problems
from kam_guide.quiz.validate import validate
from kam_guide.source.yamlsource import load
from quizfiles import FIXTURE_LANGUAGES, FIXTURES

COACH = (FIXTURES / "valid" / "coach.yml").read_text(encoding="utf-8")


def problems_in(text: str, root: Path) -> list[str]:
    (root / "coach.yml").write_text(text, encoding="utf-8")
    quiz = validate(load(text, "coach.yml"), FIXTURE_LANGUAGES)
    problems, _anchors = quiz_text_problems(quiz, "quiz.md", lambda uri: uri == "quiz.md", root)
    return [str(problem) for problem in problems]


def at(text: str, needle: str) -> str:
    """`line:column` of the needle in the file."""
    return next(
        f"{number}:{line.index(needle) + 1}" for number, line in enumerate(text.splitlines(), 1) if needle in line
    )


def test_each_audience_and_the_team_advice_are_checked_at_their_line(tmp_path: Path) -> None:
    text = COACH.replace("Work on **alpha**.", "Work on [alpha](self-page.md).")
    text = text.replace("Their total is low.", "See [low](manager-page.md).")
    text = text.replace("Train the team on alpha.", "See [team](team-page.md).")
    found = problems_in(text, tmp_path)
    assert found == [
        f"coach.yml:{at(text, 'self-page.md')}: the link `self-page.md` goes to no page: docs/self-page.md "
        "does not exist (links name the default-language file, e.g. `kam-role.md#watcher`) "
        "(dimensions[1].advice.self.en)",
        f"coach.yml:{at(text, 'team-page.md')}: the link `team-page.md` goes to no page: docs/team-page.md "
        "does not exist (links name the default-language file, e.g. `kam-role.md#watcher`) "
        "(dimensions[1].team_advice.en)",
        f"coach.yml:{at(text, 'manager-page.md')}: the link `manager-page.md` goes to no page: "
        "docs/manager-page.md does not exist (links name the default-language file, e.g. `kam-role.md#watcher`) "
        "(bands[1].text.manager.en)",
    ]


def test_a_text_shared_by_both_audiences_is_reported_once(tmp_path: Path) -> None:
    text = COACH.replace("Beta advice.", "See [beta](beta-page.md).")
    found = problems_in(text, tmp_path)
    assert len(found) == 1 and "(dimensions[2].advice.en)" in found[0]


def test_active_content_is_traced_back_to_the_audience_text(tmp_path: Path) -> None:
    (tmp_path / "coach.yml").write_text(COACH, encoding="utf-8")
    quiz = validate(load(COACH, "coach.yml"), FIXTURE_LANGUAGES)
    converted = {field.name: "<p>fine</p>" for field in markdown_fields(quiz)}
    converted["band:self:0"] = '<p onclick="x()">Your total is low.</p>'
    converted["band:manager:1"] = '<p><a href="javascript:x()">Middle text.</a></p>'
    found = [str(problem) for problem in converted_problems(quiz, converted, "en", tmp_path)]
    assert len(found) == 2
    assert "(bands[1].text.self.en)" in found[0] and "an event handler `onclick=`" in found[0]
    assert "(bands[2].text.en)" in found[1] and "`javascript:`" in found[1]
