"""The team table in Chromium: saved assessments, averages, CSV round trip, nothing lost, a11y, print.

Figures are compared with the Python model (kam_guide.quiz.scoring and kam_guide.quiz.team), which applies
the rules the script applies; CSV files are read back with Python's csv module.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from accessibility import axe_results
from conftest import LANGUAGES, BuiltSite
from kam_guide.quiz.scoring import fingerprint, question_key, score
from kam_guide.quiz.team import SavedAssessment, team_summary
from quizfiles import placed_quizzes
from test_quiz_browser import answer_quickly

pytestmark = [pytest.mark.browser, pytest.mark.content]

QUIZ_PAGE, QUIZ = placed_quizzes()[0]
FORM = f"form[data-quiz='{QUIZ.id}']"
TEAM_KEY = f"kam-guide.team.{QUIZ.id}"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAMES = ("Anne", "Bruno", "Chloé")


def open_page(page, site: BuiltSite, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(QUIZ_PAGE, language))
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")


def known_answers(seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {q.id: rng.randrange(len(q.options)) for q in QUIZ.questions}


def save_assessment(page, name: str, answers: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{FORM} [data-quiz-reset]").click()
    page.locator(f"{FORM} [data-quiz-subject]").fill(name)
    answer_quickly(page, answers)
    page.locator(f"{FORM} [data-quiz-save]").click()


def table(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """What the team table shows, row by row."""
    return page.evaluate(
        """form => [...document.querySelectorAll(`${form} [data-team-entry]`)].map(row => ({
            name: row.querySelector("[data-team-name]").textContent,
            total: Number(row.dataset.total),
            band: Number(row.dataset.band),
            older: !row.querySelector("[data-team-older]").hidden,
            scores: Object.fromEntries([...row.querySelectorAll("[data-team-dimension]")].map(cell =>
                [cell.dataset.teamDimension, Number(cell.querySelector("[data-team-value]").textContent)])),
        }))""",
        FORM,
    )


def expected_row(name: str, answers: dict[str, int]) -> dict[str, object]:
    result = score(QUIZ, answers)
    return {
        "name": name,
        "total": result.total,
        "band": QUIZ.bands.index(result.band),
        "older": False,
        "scores": {d: value.score for d, value in result.dimensions.items()},
    }


def saved_models(rows: dict[str, dict[str, int]]) -> list[SavedAssessment]:
    return [
        SavedAssessment(
            name,
            name,
            "2026-01-01",
            fingerprint(QUIZ),
            score(QUIZ, answers).total,
            {d: v.score for d, v in score(QUIZ, answers).dimensions.items()},
        )
        for name, answers in rows.items()
    ]


def shown_summary(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """form => {
            const root = document.querySelector(`${form} [data-quiz-team]`);
            const weakest = [...root.querySelectorAll("[data-team-weakest-dimension]")].filter(e => !e.hidden);
            return {
                total: root.querySelector("[data-team-average-total]").textContent,
                percents: Object.fromEntries([...root.querySelectorAll("[data-team-average]")].map(cell =>
                    [cell.dataset.teamAverage, cell.querySelector("[data-team-value]").textContent])),
                weakest: weakest.map(e => e.dataset.teamWeakestDimension),
            };
        }""",
        FORM,
    )


def export(page) -> str:  # type: ignore[no-untyped-def]
    with page.expect_download() as download:
        page.locator(f"{FORM} [data-team-export]").click()
    return Path(download.value.path()).read_text(encoding="utf-8-sig")


def import_file(page, text: str, tmp_path: Path, encoding: str = "utf-8") -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "team.csv"
    path.write_text(text, encoding=encoding)
    page.locator(f"{FORM} [data-team-import]").set_input_files(str(path))


def read_csv(text: str) -> list[dict[str, str]]:
    delimiter = ";" if "[name];" in text.splitlines()[0] else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    keys = [header.rsplit("[", 1)[1].rstrip("]") for header in rows[0]]
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


ANSWERS = {name: known_answers(seed) for seed, name in enumerate(NAMES)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_three_saved_assessments_survive_reload_and_language_switch(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, language)
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    expected = sorted((expected_row(name, answers) for name, answers in ANSWERS.items()), key=lambda r: r["name"])
    assert table(page) == expected
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    assert table(page) == expected
    other = next(lang for lang in LANGUAGES if lang != language)
    open_page(page, site, other)
    assert table(page) == expected  # the same table, read in the other language
    model = team_summary(QUIZ, saved_models(ANSWERS))
    assert model is not None
    shown = shown_summary(page)
    assert [int("".join(ch for ch in shown["percents"][d.id] if ch.isdigit())) for d in QUIZ.dimensions] == [
        model.shown_percent(d.id) for d in QUIZ.dimensions
    ]
    assert shown["weakest"] == [model.weakest]
    assert float(shown["total"].replace(",", ".").replace("\u202f", "")) == model.shown_total


def test_a_person_assessed_twice_counts_once_in_the_average(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, LANGUAGES[0])
    first, later = known_answers(10), known_answers(11)
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify({format: 1, entries}))""",
        [TEAM_KEY, [stored_entry("Anne", "2026-01-10", first), stored_entry("anne ", "2026-06-10", later)]],
    )
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    assert len(table(page)) == 2  # both kept, with their dates
    model = team_summary(
        QUIZ,
        [
            SavedAssessment("a", "Anne", "2026-01-10", fingerprint(QUIZ), score(QUIZ, first).total, scores_of(first)),
            SavedAssessment("b", "anne ", "2026-06-10", fingerprint(QUIZ), score(QUIZ, later).total, scores_of(later)),
        ],
    )
    assert model is not None and model.total == score(QUIZ, later).total
    assert shown_summary(page)["weakest"] == [model.weakest]


def scores_of(answers: dict[str, int]) -> dict[str, int]:
    return {d: v.score for d, v in score(QUIZ, answers).dimensions.items()}


def stored_entry(name: str, date: str, answers: dict[str, int], version: str | None = None) -> dict[str, object]:
    result = score(QUIZ, answers)
    return {
        "id": f"{name}-{date}",
        "name": name,
        "date": date,
        "version": version or fingerprint(QUIZ),
        "answers": answers,
        "keys": {q.id: question_key(q, LANGUAGES[0]) for q in QUIZ.questions},
        "total": result.total,
        "band": QUIZ.bands.index(result.band),
        "bandTitle": "Old band title",
        "scores": scores_of(answers),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_export_then_import_loses_nothing(site: BuiltSite, page, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, language)
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify({format: 1, entries}))""",
        [
            TEAM_KEY,
            [
                stored_entry('=Anne; "A"', "2026-02-01", ANSWERS["Anne"]),
                stored_entry("Bruno", "2026-03-01", ANSWERS["Bruno"]),
                stored_entry("Chloé", "2025-05-01", ANSWERS["Chloé"], version="0123456789ab"),
            ],
        ],
    )
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    before = table(page)
    text = export(page)
    first_line = text.splitlines()[0]
    assert (";" in first_line) == (language == "fr")  # French Excel expects ";" (and decimal commas)
    rows = read_csv(text)
    assert [row["name"] for row in rows] == ['\'=Anne; "A"', "Bruno", "Chloé"]  # no formula in a spreadsheet
    assert [key for key in rows[0] if key.startswith("d:")] == [f"d:{d.id}" for d in QUIZ.dimensions]  # as on screen
    for row in rows:
        answers = {q.id: LETTERS.index(row[f"q:{q.id}"]) for q in QUIZ.questions}
        result = score(QUIZ, answers)
        assert int(row["total"]) == result.total
        assert row["band"].startswith(f"{QUIZ.bands.index(result.band) + 1} – ")
        assert {d.id: int(row[f"d:{d.id}"]) for d in QUIZ.dimensions} == scores_of(answers)
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    assert table(page) == []
    import_file(page, text, tmp_path)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])")
    assert table(page) == before
    import_file(page, text, tmp_path)  # the same file again: merged, not duplicated
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])")
    assert table(page) == before
    other = next(lang for lang in LANGUAGES if lang != language)
    open_page(page, site, other)
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    import_file(page, text, tmp_path)  # an export of the other language's page
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])")
    assert table(page) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda rows: rows[1].__setitem__(1, "31/02/2026"), "31/02/2026"),
        (lambda rows: rows[1].__setitem__(2, "not-a-version"), "not-a-version"),
        (lambda rows: rows[1].__setitem__(3, "Z"), "Z"),
        (lambda rows: rows[2].__setitem__(3 + len(QUIZ.questions), "999"), "999"),
    ],
    ids=["date", "version", "answer", "total"],
)
def test_corrupted_csv_gives_row_messages_and_changes_nothing(
    site: BuiltSite, page, tmp_path: Path, change, message
) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    text = export(page)
    rows = list(csv.reader(io.StringIO(text)))
    change(rows)
    broken = io.StringIO()
    csv.writer(broken, lineterminator="\r\n").writerows(rows)
    before = table(page)
    stored = page.evaluate(f"localStorage.getItem('{TEAM_KEY}')")
    import_file(page, broken.getvalue(), tmp_path)
    problems = page.locator(f"{FORM} [data-team-import-problems] li")
    problems.first.wait_for()
    assert problems.count() == 1 and message in problems.first.inner_text()
    assert problems.first.inner_text().startswith(("Row 2", "Row 3"))
    assert table(page) == before
    assert page.evaluate(f"localStorage.getItem('{TEAM_KEY}')") == stored


def test_a_foreign_csv_changes_nothing(site: BuiltSite, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    import_file(page, "Date,Amount\n2026-01-01,12\n", tmp_path)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='not-export']:not([hidden])")
    assert len(table(page)) == 1


def test_older_version_assessments_stay_visible_and_marked(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, LANGUAGES[0])
    old = stored_entry("Dora", "2024-12-01", ANSWERS["Anne"], version="0123456789ab")
    old["total"] = 99  # its scores are those of the time: never recomputed
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify({format: 1, entries}))""", [TEAM_KEY, [old]]
    )
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    rows = table(page)
    assert len(rows) == 1 and rows[0]["older"] and rows[0]["total"] == 99
    assert page.locator(f"{FORM} [data-team-note='older']").is_visible()
    assert page.locator(f"{FORM} [data-team-average-row]").is_hidden()  # older scores are not averaged


def test_unreadable_data_is_set_aside_not_lost(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, LANGUAGES[0])
    page.evaluate(f"localStorage.setItem('{TEAM_KEY}', '{{not json')")
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    assert page.locator(f"{FORM} [data-quiz-notice='damaged']").is_visible()
    kept = page.evaluate(
        f"Object.keys(localStorage).filter(k => k.startsWith('{TEAM_KEY}.unreadable-')).map(k => localStorage[k])"
    )
    assert kept == ["{not json"]
    good = stored_entry("Eve", "2026-01-01", ANSWERS["Anne"])
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify({format: 1, entries}))""",
        [TEAM_KEY, [good, {"garbage": True}]],
    )
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    assert page.locator(f"{FORM} [data-quiz-notice='unreadable']").is_visible()
    save_assessment(page, "Fay", ANSWERS["Bruno"])
    stored = json.loads(page.evaluate(f"localStorage.getItem('{TEAM_KEY}')"))
    assert {"garbage": True} in stored["entries"]  # kept as it was, although not shown
    assert len(table(page)) == 2


def test_without_storage_the_assessment_still_works(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }})"
    )
    page = context.new_page()
    open_page(page, site, "en")
    assert page.locator(f"{FORM} [data-quiz-notice='unavailable']").is_visible()
    answer_quickly(page, ANSWERS["Anne"])
    assert page.locator(f"{FORM} [data-quiz-total]").is_visible()  # the result still shows
    page.locator(f"{FORM} [data-quiz-save]").click()
    page.locator(f"{FORM} [data-quiz-notice='unavailable']").wait_for()  # said again, after a moment
    context.close()


def test_open_and_update_an_assessment(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    page.locator(f"{FORM} [data-quiz-reset]").click()
    page.locator(f"{FORM} [data-team-open]").click()
    assert page.locator(f"{FORM} [data-quiz-subject]").input_value() == "Anne"
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-subject')")
    changed = dict(ANSWERS["Anne"])
    last = QUIZ.questions[-1]
    changed[last.id] = (changed[last.id] + 1) % len(last.options)
    answer_quickly(page, {last.id: changed[last.id]})
    page.locator(f"{FORM} [data-quiz-save]").click()  # now "Update this assessment"
    assert table(page) == [expected_row("Anne", changed)]


def test_delete_one_asks_first(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    save_assessment(page, "Bruno", ANSWERS["Bruno"])
    first_delete = page.locator(f"{FORM} [data-team-entry]").first.locator("[data-team-delete]")
    first_delete.click()
    assert "Anne" in page.locator(f"{FORM} [data-team-confirm]").inner_text()
    page.locator(f"{FORM} [data-team-confirm-no]").click()
    assert len(table(page)) == 2
    first_delete.click()
    page.keyboard.press("Escape")  # a dialog: Escape cancels, and focus returns to the button that asked
    assert page.locator(f"{FORM} [data-team-confirm]").is_hidden() and len(table(page)) == 2
    assert page.evaluate("document.activeElement.hasAttribute('data-team-delete')")
    page.locator(f"{FORM} [data-team-entry]").first.locator("[data-team-delete]").click()
    page.keyboard.press("Shift+Tab")  # focus starts on Cancel: one step back is "Yes, delete"
    page.keyboard.press("Enter")
    assert [row["name"] for row in table(page)] == ["Bruno"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_a_team(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, language)
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    page.locator(f"{FORM} [data-team-delete-all]").click()  # the confirmation too
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_team_says_it_needs_it(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.page_url(QUIZ_PAGE, "en"))
    assert page.locator(f"{FORM} [data-team-nojs]").is_visible()
    assert page.locator(f"{FORM} [data-team-live]:visible").count() == 0
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_the_team_table_alone_on_at_most_two_a4_pages(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    from test_print import pdf_pages

    open_page(page, site, language)
    team = [stored_entry(f"Person {n}", f"2026-0{1 + n % 9}-01", known_answers(n)) for n in range(12)]
    page.evaluate(
        """([key, entries]) => localStorage.setItem(key, JSON.stringify({format: 1, entries}))""", [TEAM_KEY, team]
    )
    page.reload()
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")
    page.evaluate("document.documentElement.classList.add('quiz-print-team')")  # what "Print the table" does
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} [data-team-entry]").first.is_visible()
    assert page.locator(f"{FORM} fieldset[data-question]").first.is_hidden()
    assert page.locator(f"{FORM} [data-team-export]").is_hidden()
    assert pdf_pages(page) <= 2  # a team of twelve
    page.evaluate("document.documentElement.classList.remove('quiz-print-team')")
    assert page.locator(f"{FORM} [data-quiz-team]").is_hidden()  # printing the quiz leaves the team out


def test_dark_scheme_team_has_no_axe_violation(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_page(page, site, "en")
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    page.locator(f"{FORM} [data-team-delete-all]").click()
    results = axe_results(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_another_name_saves_another_assessment(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    page.locator(f"{FORM} [data-quiz-subject]").fill("Anne")
    answer_quickly(page, ANSWERS["Anne"])
    page.locator(f"{FORM} [data-quiz-save]").click()
    # Straight on to the next KAM without "Start again": Anne's assessment must stay.
    page.locator(f"{FORM} [data-quiz-subject]").fill("Bruno")
    answer_quickly(page, ANSWERS["Bruno"])
    page.locator(f"{FORM} [data-quiz-save]").click()
    assert table(page) == [expected_row("Anne", ANSWERS["Anne"]), expected_row("Bruno", ANSWERS["Bruno"])]


def test_delete_all_says_all_were_deleted(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "fr")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    save_assessment(page, "Bruno", ANSWERS["Bruno"])
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    assert table(page) == []
    assert page.locator(f"{FORM} [data-quiz-notice='deleted-all']").is_visible()
    assert page.locator(f"{FORM} [data-quiz-notice='deleted']").is_hidden()


@pytest.mark.parametrize("header_only", [False, True], ids=["empty file", "header only"])
def test_a_csv_without_assessments_says_so_and_changes_nothing(
    site: BuiltSite, page, tmp_path: Path, header_only: bool
) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    text = export(page) if header_only else ""  # an empty table exports its header alone
    save_assessment(page, "Anne", ANSWERS["Anne"])
    import_file(page, text, tmp_path)
    page.locator(f"{FORM} [data-quiz-notice='empty-file']").wait_for()
    assert len(table(page)) == 1


def test_a_csv_saved_again_by_french_excel_imports(site: BuiltSite, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """French Excel saves "CSV (séparateur : point-virgule)" in Windows-1252, without the BOM."""
    open_page(page, site, "fr")
    save_assessment(page, "Chloé", ANSWERS["Chloé"])
    save_assessment(page, "Amélie", ANSWERS["Anne"])
    before = table(page)
    text = export(page)
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    import_file(page, text, tmp_path, encoding="cp1252")
    page.locator(f"{FORM} [data-quiz-notice='imported']").wait_for()
    assert table(page) == before


def test_saving_twice_says_it_again(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    """A live region only speaks when its content changes: the notice leaves and comes back."""
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    notice = page.locator(f"{FORM} [data-quiz-notice='saved']")
    notice.wait_for()
    page.evaluate(
        """form => {
            const notice = document.querySelector(`${form} [data-quiz-notice='saved']`);
            window.noticeChanges = [];
            new MutationObserver(() => window.noticeChanges.push(notice.hidden))
                .observe(notice, {attributes: true, attributeFilter: ["hidden"]});
        }""",
        FORM,
    )
    page.locator(f"{FORM} [data-quiz-save]").click()
    page.wait_for_function("() => window.noticeChanges.length >= 2")
    assert page.evaluate("window.noticeChanges") == [True, False]
    assert notice.is_visible()


def test_printed_assessment_names_who_was_assessed(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "fr")
    page.locator(f"{FORM} [data-quiz-subject]").fill("Anne")
    answer_quickly(page, ANSWERS["Anne"])
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} [data-quiz-subject]").is_visible()
    assert page.locator(f"{FORM} .quiz__subject .quiz__hint").is_hidden()


# ── dates in an imported CSV: ISO, or a day/month order the file or the reader's locale settles ──


def csv_with_dates(dates: list[str]) -> str:
    """An export of one assessment per date (Anne, Bruno, …, a day apart), its date cells replaced by these."""
    entries = [stored_entry(f"{NAMES[n % 3]} {n}", f"2026-01-{n + 1:02}", known_answers(n)) for n in range(len(dates))]
    header = [
        "Name [name]",
        "Date [date]",
        "Version [version]",
        *(f"Q [q:{q.id}]" for q in QUIZ.questions),
        "T [total]",
    ]
    rows = [header]
    for entry, date in zip(entries, dates, strict=True):
        answers = entry["answers"]
        assert isinstance(answers, dict)
        letters = [LETTERS[answers[q.id]] for q in QUIZ.questions]
        rows.append([str(entry["name"]), date, str(entry["version"]), *letters, str(entry["total"])])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def import_in_locale(site: BuiltSite, browser, locale: str, language: str, text: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Import a CSV in a browser whose language (navigator.language) is `locale`; the page's context, to close."""
    context = browser.new_context(locale=locale)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    open_page(page, site, language)
    assert page.evaluate("navigator.language") == locale
    import_file(page, text, tmp_path)
    page.locator(
        f"{FORM} [data-quiz-notice='imported']:not([hidden]), {FORM} [data-team-import-problems] li"
    ).first.wait_for()
    assert not errors, errors
    return page


def stored_dates(page) -> list[str]:  # type: ignore[no-untyped-def]
    entries = json.loads(page.evaluate(f"localStorage.getItem('{TEAM_KEY}')") or '{"entries": []}')["entries"]
    return [entry["date"] for entry in sorted(entries, key=lambda entry: int(entry["name"].split()[-1]))]


@pytest.mark.parametrize(
    ("locale", "language", "dates", "expected"),
    [
        # Nothing in the file settles the order: the reader's locale, whose spreadsheet wrote the file, does.
        ("en-US", "en", ["12/3/2026", "1/2/2026"], ["2026-12-03", "2026-01-02"]),
        ("en-GB", "en", ["12/3/2026", "1/2/2026"], ["2026-03-12", "2026-02-01"]),
        ("fr-FR", "en", ["12/3/2026", "1/2/2026"], ["2026-03-12", "2026-02-01"]),
        ("en-US", "fr", ["12/3/2026", "1/2/2026"], ["2026-12-03", "2026-01-02"]),
        ("de-DE", "en", ["12.3.2026", "01.02.2026"], ["2026-03-12", "2026-02-01"]),
        # A part above 12 settles it for the whole file, whatever the reader's locale.
        ("en-US", "en", ["12/3/2026", "30/11/2026"], ["2026-03-12", "2026-11-30"]),
        ("fr-FR", "fr", ["12/3/2026", "11/30/2026"], ["2026-12-03", "2026-11-30"]),
        ("en-GB", "en", ["4/5/2026", "1-2-2026", "12-31-2026"], ["2026-04-05", "2026-01-02", "2026-12-31"]),
        # ISO dates and a date with day = month mean one day everywhere.
        ("en-US", "en", ["2026-03-12", "3/3/2026", "2026-12-03"], ["2026-03-12", "2026-03-03", "2026-12-03"]),
    ],
    ids=lambda value: value if isinstance(value, str) else "+".join(value),
)
def test_csv_dates_follow_the_file_then_the_reader_locale(  # type: ignore[no-untyped-def]
    site: BuiltSite, browser, tmp_path: Path, locale: str, language: str, dates: list[str], expected: list[str]
) -> None:
    page = import_in_locale(site, browser, locale, language, csv_with_dates(dates), tmp_path)
    assert page.locator(f"{FORM} [data-quiz-notice='imported']").is_visible()
    assert stored_dates(page) == expected
    page.context.close()


@pytest.mark.parametrize(
    ("dates", "messages"),
    [
        # (row, words the row's message holds): the first date with a part above 12 settles the order.
        (["30/11/2026", "11/30/2026"], [(3, ["11/30/2026", "2", "30/11/2026"])]),
        (
            ["1/2/2026", "11/30/2026", "13/1/2026", "30/11/2026"],
            [(4, ["13/1/2026", "3", "11/30/2026"]), (5, ["30/11/2026"])],
        ),
        (["31/02/2026", "2026-01-01"], [(2, ["31/02/2026"])]),  # no 31 February
        (["2026-01-01", "2026-02-30"], [(3, ["2026-02-30"])]),
        (["13/13/2026"], [(2, ["13/13/2026"])]),
        (["30/11/26"], [(2, ["30/11/26"])]),  # which century: not a date this import reads
        (["2026-01-01", ""], [(3, [])]),
    ],
    ids=lambda value: "+".join(value) if all(isinstance(item, str) for item in value) else "messages",
)
def test_csv_dates_that_contradict_or_do_not_exist_are_reported_by_row(  # type: ignore[no-untyped-def]
    site: BuiltSite, browser, tmp_path: Path, dates: list[str], messages: list[tuple[int, list[str]]]
) -> None:
    page = import_in_locale(site, browser, "en-US", "en", csv_with_dates(dates), tmp_path)
    problems = page.locator(f"{FORM} [data-team-import-problems] li").all_inner_texts()
    assert [problem.split(":")[0] for problem in problems] == [f"Row {row}" for row, _ in messages]
    for problem, (_, words) in zip(problems, messages, strict=True):
        assert all(word in problem for word in words), problem
        assert "2026-11-30" in problem  # the way to write a date that no one can misread
    assert page.locator(f"{FORM} [data-quiz-notice='import-failed']").is_visible()
    assert stored_dates(page) == []  # nothing imported
    page.context.close()
