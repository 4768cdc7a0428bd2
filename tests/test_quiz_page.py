"""The built self-assessment page carries the markup contract, in both languages."""

from __future__ import annotations

import json

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite
from quizfiles import QUIZDATA, load_quiz
from quizkit.scoring import fingerprint

QUIZ = load_quiz(QUIZDATA / "kam-self-assessment.yml")


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_holds_the_quiz_form(site: BuiltSite, language: str) -> None:
    soup = site.soup("self-assessment", language)
    form = soup.select_one("form[data-quiz='kam-self-assessment']")
    assert form is not None
    assert form["data-quiz-version"] == fingerprint(QUIZ)
    fieldsets = form.select("fieldset[data-question]")
    assert [f["data-question"] for f in fieldsets] == [q.id for q in QUIZ.questions]
    for fieldset, question in zip(fieldsets, QUIZ.questions, strict=True):
        assert fieldset.find("legend").get_text(" ", strip=True).endswith(question.text[language])
        points = [int(radio["data-points"]) for radio in fieldset.select("input[type=radio]")]
        assert points == [option.points for option in question.options]
    assert form.select_one("[data-quiz-max]").get_text() == "75"
    assert len(form.select("[data-quiz-band]")) == 3
    assert {d["data-quiz-dimension"] for d in form.select("[data-quiz-dimension]")} == {
        "watcher",
        "businessman",
        "networker",
        "conductor",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_mission_advice_links_to_the_role_page_sections(site: BuiltSite, language: str) -> None:
    soup = site.soup("self-assessment", language)
    for dimension in ("watcher", "businessman", "networker", "conductor"):
        advice = soup.select_one(f"[data-quiz-dimension='{dimension}'] [data-quiz-advice]")
        hrefs = [a["href"] for a in advice.find_all("a")]
        assert f"kam-role.html#{dimension}" in hrefs
        assert site.soup("kam-role", language).find(id=dimension) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_quiz_assets_load_on_the_quiz_page_only(site: BuiltSite, language: str) -> None:
    for slug in SLUGS:
        soup = site.soup(slug, language)
        scripts = [s["src"] for s in soup.find_all("script", src=True) if "quiz" in s["src"]]
        styles = [s["href"] for s in soup.find_all("link", rel="stylesheet") if "quiz" in s["href"]]
        expected = 1 if slug == "self-assessment" else 0
        assert (len(scripts), len(styles)) == (expected, expected), slug


def test_quiz_text_is_not_in_the_table_of_contents(site: BuiltSite) -> None:
    toc = site.soup("self-assessment", "fr").select("nav.md-nav--secondary a")
    assert [a["href"] for a in toc if a["href"].startswith("#quiz-")] == []
    assert any(a["href"] == "#origin" for a in toc)


def test_build_reports_the_band_spread_once(site: BuiltSite) -> None:
    lines = [line for line in site.log.splitlines() if "possible answer sets spread over the bands" in line]
    assert len(lines) == 1  # validated once, although the site is built once per language
    assert "14,348,907" in lines[0] and "35–55" in lines[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_indexes_the_quiz_texts_but_not_its_answers(site: BuiltSite, language: str) -> None:
    folder = site.path / ("search" if language == "fr" else "en/search")
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("self-assessment.html"))
    first_words = " ".join(QUIZ.dimensions[0].advice[language].split()[:6])
    assert first_words in text
    assert QUIZ.questions[0].options[0].text[language] not in text
