"""The Jinja partial renders the markup contract, escapes YAML text, and serves on paper."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from kam_guide.quiz.catalog import QuizCatalog
from kam_guide.quiz.render import QuizRenderer
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
