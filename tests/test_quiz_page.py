"""Every page that shows a quiz carries the markup contract, in every language, for that quiz's own data."""

from __future__ import annotations

import json
import math

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite
from kam_guide.quiz.scoring import fingerprint, question_key
from quizfiles import placed_quizzes

pytestmark = pytest.mark.content

PLACED = placed_quizzes()
QUIZ_PAGES = {slug for slug, _quiz in PLACED}


def quiz_id(item: tuple[str, object]) -> str:
    return f"{item[0]}:{item[1].id}"  # type: ignore[attr-defined]


def test_some_page_shows_a_quiz() -> None:
    assert PLACED, "no page of docs/ holds a `<!-- quiz: … -->` line"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_page_holds_the_quiz_form(site: BuiltSite, slug: str, quiz, language: str) -> None:  # type: ignore[no-untyped-def]
    form = site.soup(slug, language).select_one(f"form[data-quiz='{quiz.id}']")
    assert form is not None
    assert form["data-quiz-version"] == fingerprint(quiz)
    fieldsets = form.select("fieldset[data-question]")
    assert [f["data-question"] for f in fieldsets] == [q.id for q in quiz.questions]
    for fieldset, question in zip(fieldsets, quiz.questions, strict=True):
        assert fieldset["data-question-key"] == question_key(question, LANGUAGES[0])
        # Compared word by word: the page's typography may turn spaces into no-break ones.
        legend = " ".join(fieldset.find("legend").get_text(" ", strip=True).split())
        assert legend.endswith(" ".join(question.text[language].split()))
        points = [int(radio["data-points"]) for radio in fieldset.select("input[type=radio]")]
        assert points == [option.points for option in question.options]
    assert form.select_one("[data-quiz-max]").get_text() == str(quiz.highest_total)
    assert [(b["data-min"], b["data-max"]) for b in form.select("[data-quiz-band]")] == [
        (str(b.min), str(b.max)) for b in quiz.bands
    ]
    assert [d["data-quiz-dimension"] for d in form.select("[data-quiz-dimension]")] == [d.id for d in quiz.dimensions]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_html_ids_are_unique(site: BuiltSite, slug: str, quiz, language: str) -> None:  # type: ignore[no-untyped-def]
    ids = [element["id"] for element in site.soup(slug, language).find_all(id=True)]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_links_in_quiz_texts_reach_their_target(site: BuiltSite, slug: str, quiz, language: str) -> None:  # type: ignore[no-untyped-def]
    form = site.soup(slug, language).select_one(f"form[data-quiz='{quiz.id}']")
    for link in form.select("[data-quiz-advice] a[href], [data-quiz-band] a[href], .quiz__intro a[href]"):
        page, _, anchor = link["href"].partition("#")
        target = page.removesuffix(".html") or slug
        assert site.page_path(target, language).is_file(), link["href"]
        if anchor:
            assert site.soup(target, language).find(id=anchor) is not None, link["href"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_quiz_assets_load_on_quiz_pages_only(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, language)
    scripts = [s["src"] for s in soup.find_all("script", src=True) if "/quiz/" in s["src"]]
    styles = [s["href"] for s in soup.find_all("link", rel="stylesheet") if "/quiz/" in s["href"]]
    expected = 1 if slug in QUIZ_PAGES else 0
    assert (len(scripts), len(styles)) == (expected, expected)


@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_quiz_text_is_not_in_the_table_of_contents(site: BuiltSite, slug: str, quiz) -> None:  # type: ignore[no-untyped-def]
    toc = site.soup(slug, LANGUAGES[0]).select("nav.md-nav--secondary a")
    assert [a["href"] for a in toc if a["href"].startswith("#quiz-")] == []


@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_build_reports_the_band_spread_once(site: BuiltSite, slug: str, quiz) -> None:  # type: ignore[no-untyped-def]
    lines = [line for line in site.log.splitlines() if f"{quiz.source}: the " in line and "spread over" in line]
    assert len(lines) == 1  # validated once, although the site is built once per language
    combinations = math.prod(len(q.options) for q in quiz.questions)
    if combinations < 10**12:
        assert f"{combinations:,}" in lines[0]
    for band in quiz.bands:
        assert f"{band.min}–{band.max}" in lines[0]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz_id(item) for item in PLACED])
def test_search_indexes_the_quiz_texts_but_not_its_answers(site: BuiltSite, slug: str, quiz, language: str) -> None:  # type: ignore[no-untyped-def]
    folder = site.path / ("search" if language == LANGUAGES[0] else f"{language}/search")
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(f"{slug}.html"))
    first_words = quiz.bands[0].text.manager[language].split()[:4]
    assert all(word.strip("*_[]()") in text for word in first_words)
    assert quiz.questions[0].options[0].text[language] not in text
