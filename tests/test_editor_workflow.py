"""What an editor does, following README and CONTRIBUTING only, keeps the suite green.

In a throwaway copy: a new page in every language with its nav title, a second quiz of
another size on it (ids chosen to trip a naive script: `constructor`, `result`, `band-1`),
and the pay simulator's starting salary changed together with the salary page's worked
example. Then the copy's own tests that read the content run on it (marker `content`): every one
outside a browser, and the browser tests of the new page and quiz. The names are ones the site
does not use yet, so an editor's own page of the same name does not collide with this one.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import random
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kam_guide.paysim.formula import pay
from kam_guide.paysim.render import format_money
from kam_guide.quiz.scoring import score
from kam_guide.quiz.validate import validate
from kam_guide.source.yamlsource import load
from sitecontent import LANGUAGES, ROOT, SLUGS, placements
from siteproject import build, copy_project, output_of
from test_paysim import real_simulator


def unused(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`… the first the site does not use."""
    return next(candidate for candidate in [name] + [f"{name}-{n}" for n in range(2, 1000)] if candidate not in taken)


SLUG = unused("negotiation", set(SLUGS))
QUIZ_ID = unused("negotiation-check", {path.stem for path in (ROOT / "quizdata").glob("*.yml")})
NUMBER = SLUG.removeprefix("negotiation").replace("-", " ")  # "" or " 2"
TITLES = {LANGUAGES[0]: f"Négociation{NUMBER}"} | {
    language: f"Negotiation{NUMBER} ({language})" for language in LANGUAGES[1:]
}


def texts(word: str) -> dict[str, str]:
    return {language: f"{word} ({language})" for language in LANGUAGES}


def second_quiz() -> dict[str, object]:
    """Five questions, two dimensions, ids that are also JavaScript property or element names."""
    option = lambda word, points: {"text": texts(word), "points": points}  # noqa: E731
    questions = [
        {"id": "constructor", "dimension": "result", "text": texts("Q1"),
         "options": [option("a", 0), option("b", 2), option("c", 1)]},
        {"id": "result", "dimension": "result", "text": texts("Q2"), "options": [option("a", 3), option("b", 0)]},
        {"id": "band-1", "dimension": "constructor", "text": texts("Q3"),
         "options": [option("a", 1), option("b", 4), option("c", 0), option("d", 2)]},
        {"id": "to-string", "dimension": "constructor", "text": texts("Q4"),
         "options": [option("a", 2), option("b", 2)]},
        {"id": "profile", "dimension": "constructor", "text": texts("Q5"), "options": [option("a", 5), option("b", 1)]},
    ]  # fmt: skip
    return {
        "id": QUIZ_ID,
        "title": texts("Negotiation check"),
        "interface": {"profile_heading": texts("Your two sides as a negotiator")},
        "dimensions": [
            {"id": "result", "title": texts("Results"), "advice": texts(f"See [the page]({SLUG}.md).")},
            {"id": "constructor", "title": texts("Relationship"), "advice": texts("Advice.")},
        ],
        "questions": questions,
        "bands": [
            {"min": 3, "max": 8, "title": texts("Low"), "text": texts("Low text.")},
            {"min": 9, "max": 16, "title": texts("High"), "text": texts("High text.")},
        ],
    }


def page_text(language: str) -> str:
    description = (
        f"A page an editor added ({language}): how a key account manager prepares a negotiation with a key "
        "account, with a short check to take."
    )
    return f'---\ndescription: "{description}"\n---\n\n# {TITLES[language]}\n\n<!-- quiz: {QUIZ_ID} -->\n'


def edit_as_an_editor(project: Path) -> None:
    for language in LANGUAGES:
        suffix = "" if language == LANGUAGES[0] else f".{language}"
        (project / "docs" / f"{SLUG}{suffix}.md").write_text(page_text(language), encoding="utf-8")
        home = project / "docs" / f"index{suffix}.md"  # the guide's step 4: a reader path to it
        home.write_text(home.read_text(encoding="utf-8") + f"\n[{TITLES[language]}]({SLUG}.md)\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").rstrip("\n") + f"\n  - {TITLES[LANGUAGES[0]]}: {SLUG}.md\n"
    for language in LANGUAGES[1:]:
        marker = "nav_translations:\n"
        start = text.index(f"- locale: {language}")
        at = text.index(marker, start) + len(marker)
        text = text[:at] + f"            {TITLES[LANGUAGES[0]]}: {TITLES[language]}\n" + text[at:]
    config.write_text(text, encoding="utf-8")
    (project / "quizdata" / f"{QUIZ_ID}.yml").write_text(
        "# yaml-language-server: $schema=quiz.schema.json\n"
        + yaml.safe_dump(second_quiz(), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    # The simulator starts 5,000 higher, and every language's salary page says so.
    placement = placements("simulator")[0]
    simulator = real_simulator(placement.id)
    data_file = project / "quizdata" / "simulators" / f"{placement.id}.yml"
    data = data_file.read_text(encoding="utf-8")
    base = simulator.plan.base
    data_file.write_text(data.replace(f"base: {base:g}", f"base: {base + 5000:g}", 1), encoding="utf-8")
    new_plan = type(simulator.plan)(base + 5000, simulator.plan.variable_percent, simulator.plan.accelerator,
                                    simulator.plan.cap_percent)  # fmt: skip
    for language in LANGUAGES:
        suffix = "" if language == LANGUAGES[0] else f".{language}"
        page = project / "docs" / f"{placement.slug}{suffix}.md"
        text = page.read_text(encoding="utf-8")
        for old, new in [
            (simulator.plan.base, new_plan.base),
            (
                pay(simulator.plan, simulator.attainment_percent).total,
                pay(new_plan, simulator.attainment_percent).total,
            ),
        ]:
            for space in ("\u202f", "\xa0", " "):
                written = (
                    format_money(old, simulator.currency, language).replace("\u202f", space).replace("\xa0", space)
                )
                replacement = (
                    format_money(new, simulator.currency, language).replace("\u202f", space).replace("\xa0", space)
                )
                text = text.replace(written, replacement)
        page.write_text(text, encoding="utf-8")


def sources() -> dict[str, str]:
    """What editors change in the real project, file by file: a digest of each."""
    files = [ROOT / "mkdocs.yml", *sorted((ROOT / "docs").rglob("*")), *sorted((ROOT / "quizdata").rglob("*"))]
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in files if path.is_file()}


SOURCES_BEFORE = sources()


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The whole repository, as a fresh clone has it (README, CI script, benchmarks…).
    parts = tuple(
        path.name
        for path in ROOT.iterdir()
        if path.name not in {".git", ".venv", "node_modules", "site", "kam_guide.egg-info"}
        and not path.name.endswith("_cache")
    )
    project = copy_project(tmp_path_factory.mktemp("edited"), parts)
    edit_as_an_editor(project)
    return project


def test_the_edited_site_builds(edited: Path) -> None:
    result = build(edited)
    assert result.returncode == 0, output_of(result)


# The copy's own tests that read the content: all of them outside a browser, and in a browser those of
# the new page and quiz (the browser tests of the pages it did not change check what the main run did).
FOLLOWS_THE_CONTENT = ["-m", "content", "-k", f"not browser or {SLUG} or {QUIZ_ID}"]


@pytest.mark.browser  # it runs some of the copy's browser tests: not for the quick loop
def test_the_suite_follows_the_content(edited: Path) -> None:
    # In one process (`-n 0`): this test already runs beside the other workers of the main run.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider", *FOLLOWS_THE_CONTENT],
        cwd=edited,
        env={**os.environ, "CI": ""},  # Lighthouse skips for want of node_modules, as on a fresh clone
        capture_output=True,
        text=True,
        timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


# ── the second quiz in a real browser ───────────────────────────────────────


@pytest.fixture(scope="module")
def edited_site(edited: Path) -> Iterator[str]:
    site = edited / "served"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=edited,
        env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


@pytest.mark.browser
def test_ids_that_are_property_or_element_names_work(edited: Path, edited_site: str, page) -> None:  # type: ignore[no-untyped-def]
    from test_quiz_browser import answer_quickly, expected, shown

    quiz = validate(
        load((edited / "quizdata" / f"{QUIZ_ID}.yml").read_text(encoding="utf-8"), f"{QUIZ_ID}.yml"), LANGUAGES
    )
    page.goto(f"{edited_site}{SLUG}.html")
    page.wait_for_selector(f"form[data-quiz='{QUIZ_ID}'][data-quiz-ready]", state="attached")
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert page.locator(f"form[data-quiz='{QUIZ_ID}'] h2").filter(has_text="Your two sides").count() == 1
    rng = random.Random(11)
    for _ in range(20):
        answers = {q.id: rng.randrange(len(q.options)) for q in quiz.questions}
        answer_quickly(page, answers)
        assert shown(page, quiz) == expected(answers, quiz)
        assert "NaN" not in page.locator(f"form[data-quiz='{QUIZ_ID}']").inner_text()
    page.reload()  # stored answers come back under those ids
    page.wait_for_selector(f"form[data-quiz='{QUIZ_ID}'][data-quiz-ready]", state="attached")
    assert shown(page, quiz) == expected(answers, quiz)
    assert score(quiz, answers).total == shown(page, quiz)["total"]


def test_root_is_not_touched(edited: Path) -> None:
    assert sources() == SOURCES_BEFORE, "the editor's changes went to the real project, not only to the copy"
