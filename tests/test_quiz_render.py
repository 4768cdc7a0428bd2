"""The Jinja partial renders the markup contract, escapes YAML text, and serves on paper."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from kam_guide.quiz.catalog import QuizCatalog
from kam_guide.quiz.model import Gaps, Quiz
from kam_guide.quiz.render import QuizRenderer, _QuizView, markdown_fields
from kam_guide.quiz.scoring import fingerprint
from quizfiles import FIXTURE_LANGUAGES, QUIZDATA, ROOT, load_fixture
from quizfiles import LANGUAGES as SITE_LANGUAGES

MINI = load_fixture("mini")
RENDERER = QuizRenderer(ROOT / "overrides" / "components")
INTERFACE = QuizCatalog().load_interface(QUIZDATA, SITE_LANGUAGES, ROOT)
LANGUAGES = FIXTURE_LANGUAGES


def rendered(language: str) -> BeautifulSoup:
    """The two steps of a build: the Markdown fields through Markdown, then the form around them."""
    page_markdown = f"Before.\n\n{RENDERER.markdown_parts(MINI, language)}\n\nAfter."
    page_html = markdown.markdown(page_markdown, extensions=["md_in_html", "attr_list", "tables"])
    return BeautifulSoup(RENDERER.assemble(page_html, {"mini": MINI}, language, INTERFACE), "html.parser")


def test_only_markdown_fields_go_through_markdown() -> None:
    parts = RENDERER.markdown_parts(MINI, "en")
    assert "Alpha** advice." in parts and "Low text." in parts
    assert "First question" not in parts and "<form" not in parts


def test_the_form_replaces_the_parts_where_they_stood() -> None:
    text = rendered("en").get_text()
    assert text.index("Before.") < text.index("First question") < text.index("After.")
    assert "quiz-part" not in str(rendered("en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_follows_the_markup_contract(language: str) -> None:
    soup = rendered(language)
    form = soup.select_one("form[data-quiz='mini']")
    assert form is not None and form["data-quiz-version"] == fingerprint(MINI)
    fieldsets = form.select("fieldset[data-question]")
    assert [f["data-question"] for f in fieldsets] == ["first", "second", "third"]
    assert all(f.find("legend") for f in fieldsets)
    points = [[int(i["data-points"]) for i in f.select("input[type=radio]")] for f in fieldsets]
    assert points == [[1, 3], [0, 2, 1], [1, 4]]
    names = {i["name"] for i in fieldsets[1].select("input")}
    assert names == {"mini--second"}
    assert form.select_one("[data-quiz-score]") is not None
    assert form.select_one("[data-quiz-max]").get_text() == "9"
    assert [b["data-min"] for b in form.select("[data-quiz-band]")] == ["2", "5", "8"]
    assert [d["data-quiz-dimension"] for d in form.select("[data-quiz-dimension]")] == ["alpha", "beta"]
    assert form.select_one("[aria-live]") is not None


def test_every_option_is_labelled_by_its_text() -> None:
    soup = rendered("en")
    label = soup.select_one("fieldset[data-question='second'] label")
    assert label.find("input") is not None and "Zero" in label.get_text()


def test_yaml_text_shows_as_typed() -> None:
    soup = rendered("en")
    legend = soup.select_one("fieldset[data-question='first'] legend")
    assert "First question <b>raw</b>?" in legend.get_text()
    assert legend.find("b") is None
    intro = soup.select_one(".quiz__intro")
    assert "with < and & as typed" in intro.get_text()
    assert intro.find("em") is not None  # and Markdown still works there


def test_markdown_fields_are_rendered() -> None:
    soup = rendered("fr")
    advice = soup.select_one("[data-quiz-dimension='alpha'] [data-quiz-advice]")
    assert advice.find("strong").get_text() == "alpha"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_is_a_paper_questionnaire(language: str) -> None:
    soup = rendered(language)
    # Nothing a paper reader needs is hidden; only the interactive parts are.
    for band in soup.select("[data-quiz-band]"):
        assert not band.has_attr("hidden")
    grid = soup.select_one("[data-quiz-paper] table")
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in grid.select("tbody tr")]
    alpha = "Alpha"
    assert rows[0][:4] == ["1", "1", "3", ""] and rows[0][4] == alpha
    assert rows[1][:4] == ["2", "0", "2", "1"]
    for live in soup.select("[data-quiz-live]"):
        assert live.has_attr("hidden")


def test_texts_follow_the_language() -> None:
    assert "Première question" in rendered("fr").get_text()
    assert "First question" in rendered("en").get_text()
    assert "Start again" in rendered("en").get_text() and "Recommencer" in rendered("fr").get_text()


# ── coaching: texts per audience, team advice, questions to discuss, gaps ────

COACH = load_fixture("coach")


class _PartsSeen(QuizRenderer):
    """A renderer that keeps what the partials would be given instead of rendering them."""

    def render(self, quiz, language, interface, parts):  # type: ignore[no-untyped-def]
        self.seen = dict(parts)
        return ""


def parts_given(quiz: Quiz, language: str) -> dict[str, str]:
    renderer = _PartsSeen(ROOT / "overrides" / "components")
    page_html = markdown.markdown(renderer.markdown_parts(quiz, language), extensions=["md_in_html", "attr_list"])
    renderer.assemble(page_html, {quiz.id: quiz}, language, INTERFACE)
    return {name: str(html) for name, html in renderer.seen.items()}


def test_the_partials_find_every_text_by_audience() -> None:
    parts = parts_given(COACH, "en")
    assert sorted(parts) == sorted(
        [
            "advice:manager:alpha",
            "advice:self:alpha",
            "team-advice:alpha",
            "advice:manager:beta",
            "advice:self:beta",
            *(f"band:{audience}:{index}" for audience in ("manager", "self") for index in range(3)),
        ]
    )
    assert parts["advice:manager:alpha"] == "<p>Help them with <strong>alpha</strong>.</p>"
    assert parts["advice:self:alpha"] == "<p>Work on <strong>alpha</strong>.</p>"
    assert parts["team-advice:alpha"] == "<p>Train the team on alpha.</p>"
    assert parts["advice:manager:beta"] == parts["advice:self:beta"] == "<p>Beta advice.</p>"
    assert (
        parts["band:manager:0"] == "<p>Their total is low.</p>" and parts["band:self:0"] == "<p>Your total is low.</p>"
    )
    assert parts["band:manager:1"] == parts["band:self:1"] == "<p>Middle text.</p>"
    assert "intro" in parts_given(MINI, "fr") and "advice:alpha" not in parts_given(MINI, "fr")


def test_a_text_shared_by_both_audiences_is_converted_once() -> None:
    fields = markdown_fields(COACH)
    names = [field.names for field in fields]
    assert names == [
        ("advice:manager:alpha",),
        ("advice:self:alpha",),
        ("team-advice:alpha",),
        ("advice:manager:beta", "advice:self:beta"),
        ("band:manager:0",),
        ("band:self:0",),
        ("band:manager:1", "band:self:1"),
        ("band:manager:2", "band:self:2"),
    ]
    page = RENDERER.markdown_parts(COACH, "en")
    assert page.count("Beta advice.") == page.count("Middle text.") == 1
    assert page.count("<!--quiz-part ") == len(fields)


def test_the_template_sees_questions_to_discuss_and_gaps_as_plain_values() -> None:
    view = _QuizView(COACH, "fr")
    assert [question.discuss for question in view.questions] == [
        "Qu'est-ce qui vous a fait choisir cette réponse ?",
        "",
        "",
    ]
    assert (view.gaps.question_points, view.gaps.dimension_percent) == (2, 25)
    assert [dimension.has_team_advice for dimension in view.dimensions] == [True, False]
    assert _QuizView(MINI, "en").gaps == Gaps(4, 20)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coaching_quiz_renders(language: str) -> None:
    page_html = markdown.markdown(RENDERER.markdown_parts(COACH, language), extensions=["md_in_html", "attr_list"])
    soup = BeautifulSoup(RENDERER.assemble(page_html, {"coach": COACH}, language, INTERFACE), "html.parser")
    advice = soup.select_one("[data-quiz-dimension='alpha'] [data-quiz-advice]")
    assert advice.find("strong") is not None and ("Help them" in advice.get_text() or "Aidez-le" in advice.get_text())
