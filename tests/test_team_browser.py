"""The team table in Chromium: dated records that are never lost or rewritten (in any number of tabs, through
share links, format changes and storage failures), one row per person, the person view, averages by rater,
CSV round trip, a11y, print.

Figures are compared with the Python model (kam_guide.quiz.scoring and kam_guide.quiz.team), which applies
the rules the script applies; records with what localStorage holds (DESIGN.md, "Team table"); CSV files are
read back with Python's csv module.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from playwright.sync_api import expect

from accessibility import axe_results
from conftest import LANGUAGES, BuiltSite
from kam_guide.quiz.scoring import fingerprint, question_key, score, shown_share
from kam_guide.quiz.team import (
    SavedAssessment,
    changes,
    comparison,
    history,
    team_summary,
    team_weakest_shown,
    weak_people,
)
from quizfiles import placed_quizzes
from test_quiz_browser import answer_quickly

pytestmark = [pytest.mark.browser, pytest.mark.content]

QUIZ_PAGE, QUIZ = placed_quizzes()[0]
FORM = f"form[data-quiz='{QUIZ.id}']"
TEAM_KEY = f"kam-guide.team.{QUIZ.id}"
VERSION = fingerprint(QUIZ)
OLD_VERSION = "0123456789ab"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"  # a share link's answer characters
NAMES = ("Anne", "Bruno", "Chloé")
# The fields a record keeps of an assessment (its id, question keys and band title aside).
FIELDS = ("name", "date", "rater", "version", "answers", "total", "band", "scores")


# ── the page ─────────────────────────────────────────────────────────────────


def open_page(page, site: BuiltSite, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(QUIZ_PAGE, language))
    wait_ready(page)


def wait_ready(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f"{FORM} [data-quiz-team][data-team-ready]", state="attached")


def reload(page) -> None:  # type: ignore[no-untyped-def]
    page.reload()
    wait_ready(page)


def other_language(language: str) -> str:
    return next(lang for lang in LANGUAGES if lang != language)


def today() -> str:
    """The day the browser dates a record with (same machine, same time zone)."""
    return datetime.date.today().isoformat()


def watch_errors(page, errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))


def known_answers(seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {q.id: rng.randrange(len(q.options)) for q in QUIZ.questions}


def changed(answers: dict[str, int]) -> dict[str, int]:
    """The same answers but one, changed to an option worth other points (so the scores change)."""
    for question in QUIZ.questions:
        points = question.options[answers[question.id]].points
        for index, option in enumerate(question.options):
            if option.points != points:
                return {**answers, question.id: index}
    raise AssertionError("every option of every question is worth the same")


def choose_rater(page, rater: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{FORM} input[data-quiz-rater][value='{rater}']").check()


def save_assessment(page, name: str, answers: dict[str, int], rater: str = "manager") -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{FORM} [data-quiz-reset]").click()
    page.locator(f"{FORM} [data-quiz-subject]").fill(name)
    choose_rater(page, rater)
    answer_quickly(page, answers)
    page.locator(f"{FORM} [data-quiz-save]").click()


def notice(page, name: str):  # type: ignore[no-untyped-def]
    return page.locator(f"{FORM} [data-quiz-notice='{name}']")


def shown_notices(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "form => [...document.querySelectorAll(`${form} [data-quiz-notice]:not([hidden])`)]"
        ".map(e => e.dataset.quizNotice)",
        FORM,
    )


def draft(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The form as the reader left it: name, rater and answers."""
    return page.evaluate(
        """form => {
            const root = document.querySelector(form);
            const rater = root.querySelector("input[data-quiz-rater]:checked");
            return {
                name: root.querySelector("[data-quiz-subject]").value,
                rater: rater ? rater.value : null,
                answers: Object.fromEntries([...root.querySelectorAll("fieldset[data-question]")]
                    .map(set => [set.dataset.question, [...set.querySelectorAll("input")].findIndex(i => i.checked)])
                    .filter(([, index]) => index >= 0)),
            };
        }""",
        FORM,
    )


# ── what the reader sees ─────────────────────────────────────────────────────

# The figures of a cell's text, "12 (60 %)" → [12, 60], "12,5 (63 %)" → [12.5, 63], "n = 2" → [2].
NUMBERS = """const numbers = element => ((element ? element.textContent : "").replace(/[\\s\\u00a0\\u202f]/g, "")
    .match(/\\d+(?:[.,]\\d+)?/g) || []).map(n => Number(n.replace(",", ".")));"""


def rows(page, scope: str = "[data-team-rows]") -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The rows of the team table (or of the person view's history), as a reader sees them."""
    return page.evaluate(
        f"""([form, scope]) => {{
            {NUMBERS}
            const visibleText = element => element && !element.hidden ? element.textContent : null;
            return [...document.querySelectorAll(`${{form}} ${{scope}} [data-team-entry]`)].map(row => ({{
                label: visibleText(row.querySelector("[data-team-name]")),
                name: row.dataset.name,
                date: row.dataset.date,
                rater: row.dataset.rater,
                band: row.dataset.band === undefined ? null : Number(row.dataset.band),
                data_total: row.dataset.total === undefined ? null : Number(row.dataset.total),
                total: numbers(row.querySelector("[data-team-total] [data-team-value]"))[0],
                older: !row.querySelector("[data-team-older]").hidden,
                corrected: visibleText(row.querySelector("[data-team-corrected]")),
                scores: Object.fromEntries([...row.querySelectorAll("[data-team-dimension]")].map(cell =>
                    [cell.dataset.teamDimension, numbers(cell.querySelector("[data-team-value]"))[0]])),
                percents: Object.fromEntries([...row.querySelectorAll("[data-team-dimension]")].map(cell =>
                    [cell.dataset.teamDimension, numbers(cell.querySelector("[data-team-value]"))[1] ?? null])),
            }}));
        }}""",
        [FORM, scope],
    )


def table(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return rows(page, "[data-team-rows]")


def person_rows(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return rows(page, "[data-person-rows]")


def averages(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The managers' average row, the self-ratings' row, and the weakest mission's block."""
    return page.evaluate(
        f"""form => {{
            {NUMBERS}
            const root = document.querySelector(`${{form}} [data-quiz-team]`);
            const row = selector => {{
                const element = root.querySelector(selector);
                return element.hidden ? null : {{
                    people: numbers(element.querySelector("[data-team-average-people]"))[0],
                    total: numbers(element.querySelector("[data-team-average-total]"))[0],
                    cells: Object.fromEntries([...element.querySelectorAll("[data-team-average]")].map(cell =>
                        [cell.dataset.teamAverage, numbers(cell.querySelector("[data-team-value]"))])),
                }};
            }};
            const box = root.querySelector("[data-team-weakest]");
            const weakest = box && !box.hidden ?
                [...box.querySelectorAll("[data-team-weakest-dimension]")].filter(e => !e.hidden) : [];
            return {{
                manager: row("[data-team-average-row]"),
                self: row("[data-team-self-row]"),
                weakest: weakest.map(e => e.dataset.teamWeakestDimension),
                weak_names: weakest.map(e => {{
                    const names = e.querySelector("[data-team-weakest-names]");
                    return [names.textContent, names.dataset.quizFill];
                }}),
            }};
        }}""",
        FORM,
    )


def person_view(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The person view: whose it is, the change per mission, and the self/manager comparison."""
    return page.evaluate(
        """form => {
            const view = document.querySelector(`${form} [data-person-view]`);
            const compare = view.querySelector("[data-compare]");
            return {
                hidden: view.hidden,
                name: view.querySelector("[data-person-name]").textContent,
                deltas: Object.fromEntries([...view.querySelectorAll("[data-person-change]")].map(e =>
                    [e.dataset.dimension, e.hasAttribute("data-delta") ? Number(e.dataset.delta) : null])),
                compare: compare.hidden ? null : {
                    dimensions: Object.fromEntries([...compare.querySelectorAll("[data-compare-dimension]")].map(e =>
                        [e.dataset.dimension, [Number(e.dataset.self), Number(e.dataset.manager), e.dataset.reading]])),
                    questions: Object.fromEntries([...compare.querySelectorAll("[data-compare-question]")].map(e =>
                        [e.dataset.compareQuestion, e.dataset.reading])),
                },
            };
        }""",
        FORM,
    )


def open_person(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{FORM} [data-team-rows] [data-team-entry][data-name='{name}'] [data-team-open]").click()
    expect(page.locator(f"{FORM} [data-person-view]")).to_be_visible()


def open_record(page, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{FORM} [data-person-rows] [data-team-entry='{entry_id}'] [data-team-open]").click()


# ── what storage holds ───────────────────────────────────────────────────────


def stored_text(page) -> str | None:  # type: ignore[no-untyped-def]
    return page.evaluate("key => localStorage.getItem(key)", TEAM_KEY)


def stored(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return json.loads(stored_text(page) or "null")


def stored_entries(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return stored(page)["entries"]  # type: ignore[index,return-value]


def store_text(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [TEAM_KEY, text])


def store(page, entries: list[dict[str, object]], format: int = 2) -> None:  # type: ignore[no-untyped-def]  # noqa: A002
    store_text(page, listed(entries, format))


def listed(entries: list[dict[str, object]], format: int = 2) -> str:  # noqa: A002
    return json.dumps({"format": format, "entries": entries})


def open_page_on(page, site: BuiltSite, language: str, stored: str) -> None:  # type: ignore[no-untyped-def]
    """The page opened on this list in storage (as written, then reloaded, but a page load less)."""
    site.preset_storage(page, {TEAM_KEY: stored})
    open_page(page, site, language)


def keys_beside(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What is kept beside the list: `<key>.format-1`, `<key>.unreadable-<time>`."""
    return page.evaluate(
        "key => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(key + '.'))"
        ".map(k => [k.slice(key.length + 1), localStorage.getItem(k)]))",
        TEAM_KEY,
    )


def scores_of(answers: dict[str, int]) -> dict[str, int]:
    return {d: v.score for d, v in score(QUIZ, answers).dimensions.items()}


def stored_entry(name: str, date: str, answers: dict[str, int], version: str | None = None) -> dict[str, object]:
    """A record as format 1 stored it (no rater: a manager's), scored by the Python model."""
    result = score(QUIZ, answers)
    return {
        "id": f"{name}-{date}",
        "name": name,
        "date": date,
        "version": version or VERSION,
        "answers": answers,
        "keys": {q.id: question_key(q, LANGUAGES[0]) for q in QUIZ.questions},
        "total": result.total,
        "band": QUIZ.bands.index(result.band),
        "bandTitle": "Old band title",
        "scores": scores_of(answers),
    }


def record(name: str, date: str, answers: dict[str, int], rater: str = "manager", **more: object) -> dict[str, object]:
    """A record of storage format 2."""
    entry = {**stored_entry(name, date, answers), "rater": rater, **more}
    entry["id"] = f"{name}-{date}-{rater}"
    return entry


def fields(entry: dict[str, object]) -> dict[str, object]:
    return {key: entry[key] for key in FIELDS}


# ── the Python model's view of the same records ─────────────────────────────


def model(entries: list[dict[str, object]]) -> list[SavedAssessment]:
    return [
        SavedAssessment(
            str(e["id"]),
            str(e["name"]),
            str(e["date"]),
            str(e["version"]),
            int(e["total"]),  # type: ignore[call-overload]
            e["scores"],  # type: ignore[arg-type]
            str(e.get("rater", "manager")),
            e["answers"],  # type: ignore[arg-type]
        )
        for e in entries
        if "id" in e
    ]


def person_of(entry: dict[str, object]) -> str:
    return str(entry["name"]).strip().lower() or str(entry["id"])


def shown_row(entry: dict[str, object], team: bool = True) -> dict[str, object]:
    """A record as its row shows it: points and share of the maximum (never rescored when of an older version)."""
    current = entry["version"] == VERSION
    scores: dict[str, int] = entry["scores"]  # type: ignore[assignment]
    return {
        "label": entry["name"] if team else None,
        "name": entry["name"],
        "date": entry["date"],
        "rater": entry.get("rater", "manager"),
        "band": entry["band"] if team else None,
        "data_total": entry["total"] if team else None,
        "total": entry["total"],
        "older": not current,
        "corrected": None,
        "scores": {d.id: scores[d.id] for d in QUIZ.dimensions},
        "percents": {
            d.id: shown_share(scores[d.id], QUIZ.dimension_max(d.id)) if current else None for d in QUIZ.dimensions
        },
    }


def expected_table(entries: list[dict[str, object]]) -> list[dict[str, object]]:
    """One row per person: their latest manager record, else their latest self-rating; by name."""
    people: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        people.setdefault(person_of(entry), []).append(entry)
    shown = []
    for records in people.values():
        ordered = sorted(records, key=lambda e: e["date"])  # stable: one day's records in storage order
        managers = [e for e in ordered if e.get("rater", "manager") == "manager"]
        shown.append((managers or ordered)[-1])
    return [shown_row(e) for e in sorted(shown, key=lambda e: str(e["name"]).casefold())]


def expected_averages(entries: list[dict[str, object]]) -> dict[str, object]:
    saved = model(entries)

    def row(rater: str) -> dict[str, object] | None:
        summary = team_summary(QUIZ, saved, rater=rater)
        if summary is None:
            return None
        return {
            "people": summary.people,
            "total": summary.shown_total,
            "cells": {
                d.id: [shown_share(summary.shares[d.id][0], summary.people, 10) / 10, summary.shown_percent(d.id)]
                for d in QUIZ.dimensions
            },
        }

    weakest = team_weakest_shown(team_summary(QUIZ, saved, rater="manager"), QUIZ)
    return {
        "manager": row("manager"),
        "self": row("self"),
        "weakest": [weakest] if weakest else [],
        "weak_names": [", ".join(weak_people(QUIZ, saved, weakest))] if weakest else [],
    }


def shown_averages(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """averages(), the names of the weak filled into their text as the model would have them."""
    shown = averages(page)
    names = []
    for text, template in shown["weak_names"]:
        prefix, suffix = template.split("{name}")
        assert text.startswith(prefix) and text.endswith(suffix), (text, template)
        names.append(text[len(prefix) : len(text) - len(suffix)])
    return {**shown, "weak_names": names}


def expected_person(entries: list[dict[str, object]], person: str) -> dict[str, object]:
    saved = model(entries)
    mine = sorted((e for e in entries if person_of(e) == person), key=lambda e: e["date"])
    rater = "manager" if history(QUIZ, saved, "manager").get(person) else "self"
    change = changes(QUIZ, saved, person, rater)
    compared = comparison(QUIZ, saved, person)
    return {
        "hidden": False,
        "name": mine[-1]["name"],
        "deltas": {d.id: change.dimensions[d.id] if change else None for d in QUIZ.dimensions},
        "compare": compared
        and {
            "dimensions": {g.id: [g.self_points, g.manager_points, g.direction] for g in compared.dimensions},
            "questions": {g.id: g.direction for g in compared.questions},
        },
        "rows": [shown_row(e, team=False) for e in reversed(mine)],
    }


def shown_person(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {**person_view(page), "rows": person_rows(page)}


ANSWERS = {name: known_answers(seed) for seed, name in enumerate(NAMES)}


# ── saving, reloading, switching language ────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
def test_saved_assessments_and_the_draft_survive_reload_and_language_switch(
    site: BuiltSite, page, language: str
) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, language)
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    expected = [record(name, today(), answers) for name, answers in ANSWERS.items()]
    assert stored(page)["format"] == 2
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in expected]
    assert table(page) == expected_table(expected)
    assert shown_averages(page) == expected_averages(expected)
    # The next KAM, half answered by themselves: name, rater and answers are the draft.
    page.locator(f"{FORM} [data-quiz-reset]").click()
    half = dict(list(known_answers(7).items())[: len(QUIZ.questions) // 2])
    page.locator(f"{FORM} [data-quiz-subject]").fill("Dora Lenoir")
    choose_rater(page, "self")
    answer_quickly(page, half)
    left = {"name": "Dora Lenoir", "rater": "self", "answers": half}
    assert draft(page) == left
    reload(page)
    assert draft(page) == left
    assert table(page) == expected_table(expected)
    open_page(page, site, other_language(language))
    assert draft(page) == left
    assert table(page) == expected_table(expected)  # the same table, read in the other language
    assert shown_averages(page) == expected_averages(expected)


def test_another_name_saves_another_assessment(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    page.locator(f"{FORM} [data-quiz-subject]").fill("Anne")
    answer_quickly(page, ANSWERS["Anne"])
    page.locator(f"{FORM} [data-quiz-save]").click()
    # Straight on to the next KAM without "Start again": Anne's assessment must stay.
    page.locator(f"{FORM} [data-quiz-subject]").fill("Bruno")
    answer_quickly(page, ANSWERS["Bruno"])
    page.locator(f"{FORM} [data-quiz-save]").click()
    expected = [record("Anne", today(), ANSWERS["Anne"]), record("Bruno", today(), ANSWERS["Bruno"])]
    assert table(page) == expected_table(expected)
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in expected]


# ── one row per person, the person view, averages by rater ──────────────────


def test_one_row_per_person_and_self_ratings_apart_from_the_managers_average(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    # An assessment of an older version alone: shown, marked, its scores those of the time, not averaged.
    old = record("Dora", "2024-12-01", ANSWERS["Anne"], version=OLD_VERSION, total=99)
    open_page_on(page, site, "fr", listed([old]))
    assert table(page) == [shown_row(old)]
    assert table(page)[0]["total"] == 99  # never rescored
    assert page.locator(f"{FORM} [data-team-note='older']").is_visible()
    assert shown_averages(page)["manager"] is None and page.locator(f"{FORM} [data-team-average-row]").is_hidden()
    entries = [
        old,
        record("Anne", "2026-01-10", known_answers(10)),
        record("anne ", "2026-06-10", known_answers(11)),  # the same person: her latest manager record
        record("Anne", "2026-07-01", known_answers(12), rater="self"),  # later, but a self-rating
        record("Bruno", "2026-02-01", known_answers(13), rater="self"),  # rated by himself only
        record("Eve", "2026-05-05", known_answers(14)),
    ]
    store(page, entries)
    reload(page)
    save_assessment(page, "Chloé", known_answers(15), rater="self")  # a self-rating saved by the manager
    expect(notice(page, "saved")).to_be_visible()
    entries.append(record("Chloé", today(), known_answers(15), rater="self"))
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in entries]
    assert table(page) == expected_table(entries)
    assert [row["name"] for row in table(page)] == ["anne ", "Bruno", "Chloé", "Dora", "Eve"]
    shown = shown_averages(page)
    assert shown == expected_averages(entries)
    assert shown["manager"]["people"] == 2  # Anne and Eve: the self-ratings are not in the managers' average
    assert shown["self"]["people"] == 3
    # Anne's view: all her records, latest first; her progress by her manager; her view beside his.
    open_person(page, "anne ")
    assert page.evaluate("document.activeElement.closest('[data-person-view]') !== null")
    assert shown_person(page) == expected_person(entries, "anne")
    assert shown_person(page)["compare"] is not None
    page.locator(f"{FORM} [data-person-close]").click()
    assert page.locator(f"{FORM} [data-person-view]").is_hidden()
    assert page.evaluate("document.activeElement.closest('[data-team-entry]').dataset.name") == "anne "
    open_person(page, "Bruno")  # a self-rating alone: no progress yet, nothing to compare
    assert shown_person(page) == expected_person(entries, "bruno")


# ── nothing lost across tabs ────────────────────────────────────────────────


# In a page: the `storage` listeners hear nothing while window.deafToStorage is true, as when an event is still
# on its way to a tab that writes.
DEAF_WHILE_ASKED = """(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
        if (type !== "storage") return add.call(this, type, listener, options);
        const heard = function (event) { if (!window.deafToStorage) listener.call(this, event); };
        return add.call(this, type, heard, options);
    };
})()"""


def test_two_tabs_saving_alternately_lose_nothing_and_show_each_other(site: BuiltSite, fresh_page) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    first = fresh_page  # its init script stays with it: a page of its own
    second = first.context.new_page()
    watch_errors(second, errors)
    first.add_init_script(DEAF_WHILE_ASKED)
    open_page(first, site, "fr")
    open_page(second, site, "en")
    saved: list[dict[str, object]] = []
    for tab, other, name, seed in (
        (first, second, "Alpha", 20),
        (second, first, "Bravo", 21),
        (first, second, "Charlie", 22),
    ):
        tab.bring_to_front()  # a tab in the background runs no animation frame: clicks would wait for one
        save_assessment(tab, name, known_answers(seed))  # neither tab is ever reloaded
        expect(notice(tab, "saved")).to_be_visible()
        saved.append(record(name, today(), known_answers(seed)))
        expect(other.locator(f"{FORM} [data-team-rows] [data-team-entry]")).to_have_count(len(saved))
        assert table(other) == table(tab) == expected_table(saved)
        assert shown_averages(other) == expected_averages(saved)
    assert [fields(e) for e in stored_entries(first)] == [fields(e) for e in saved]
    # A save in a tab that has not yet heard of the other's (its storage event still on the way) keeps both.
    first.evaluate("() => { window.deafToStorage = true; }")
    for tab, name, seed in ((second, "Delta", 23), (first, "Echo", 24)):
        tab.bring_to_front()
        save_assessment(tab, name, known_answers(seed))
        expect(notice(tab, "saved")).to_be_visible()
        saved.append(record(name, today(), known_answers(seed)))
    assert [fields(e) for e in stored_entries(first)] == [fields(e) for e in saved]
    expect(second.locator(f"{FORM} [data-team-rows] [data-team-entry]")).to_have_count(len(saved))
    first.evaluate("() => { window.deafToStorage = false; }")
    # A deletion in one tab is a deletion of that record only, and the other tab shows it.
    second.bring_to_front()
    open_person(second, "Alpha")
    second.locator(f"{FORM} [data-person-rows] [data-team-delete]").click()
    second.locator(f"{FORM} [data-team-confirm-yes]").click()
    expect(first.locator(f"{FORM} [data-team-rows] [data-team-entry]")).to_have_count(len(saved) - 1)
    assert table(first) == table(second) == expected_table(saved[1:])
    assert [fields(e) for e in stored_entries(first)] == [fields(e) for e in saved[1:]]
    second.close()
    assert not errors, f"console errors in the second tab: {errors}"


# ── history: a new assessment never rewrites one; a correction says so ─────


def test_a_new_assessment_never_rewrites_the_one_opened(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    january = record("Anne", "2026-01-10", known_answers(30))
    entries = [january, record("Bruno", "2026-01-11", known_answers(31))]
    open_page_on(page, site, "en", listed(entries))
    open_person(page, "Anne")
    open_record(page, str(january["id"]))
    assert draft(page) == {"name": "Anne", "rater": "manager", "answers": january["answers"]}
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-subject')")
    assert shown_notices(page) == ["opened"] and "Anne" in notice(page, "opened").inner_text()
    assert page.locator(f"{FORM} [data-quiz-correct]").is_visible()
    april = changed(january["answers"])  # type: ignore[arg-type]
    answer_quickly(page, april)
    page.locator(f"{FORM} [data-quiz-save]").click()  # the main button: a new assessment, dated today
    expect(notice(page, "saved")).to_be_visible()
    entries.append(record("Anne", today(), april))
    assert stored_entries(page)[:2] == entries[:2]  # January's record exactly as it was
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in entries]
    assert table(page) == expected_table(entries)
    assert shown_person(page) == expected_person(entries, "anne")  # two records, and the change between them
    # The same person, rater, day and answers again: a warning, nothing added; another rater is another record.
    page.locator(f"{FORM} [data-quiz-save]").click()
    expect(notice(page, "duplicate")).to_be_visible()
    assert shown_notices(page) == ["duplicate"]
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in entries]
    choose_rater(page, "self")
    page.locator(f"{FORM} [data-quiz-save]").click()
    expect(notice(page, "saved")).to_be_visible()
    entries.append(record("Anne", today(), april, rater="self"))
    assert [fields(e) for e in stored_entries(page)] == [fields(e) for e in entries]


def test_correcting_an_assessment_keeps_its_date_and_says_so(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    january = record("Anne", "2026-01-10", known_answers(32))
    open_page_on(page, site, "fr", listed([january]))
    open_person(page, "Anne")
    open_record(page, str(january["id"]))
    fixed = changed(january["answers"])  # type: ignore[arg-type]
    answer_quickly(page, fixed)
    page.locator(f"{FORM} [data-quiz-correct]").click()
    expect(notice(page, "corrected")).to_be_visible()
    assert "Anne" in notice(page, "corrected").inner_text()
    [entry] = stored_entries(page)
    corrected = record("Anne", "2026-01-10", fixed)
    assert fields(entry) == fields(corrected) and entry["id"] == january["id"]
    assert entry["corrected"] == today()
    shown_day = page.evaluate(
        "day => new Intl.DateTimeFormat(document.documentElement.lang, {dateStyle: 'medium'})"
        ".format(new Date(day + 'T12:00'))",
        today(),
    )
    template = page.locator(f"{FORM} [data-person-rows] [data-team-corrected]").get_attribute("data-quiz-fill")
    assert person_rows(page) == [
        {**shown_row(corrected, team=False), "corrected": template.replace("{date}", shown_day)}
    ]
    # Another name is another person's assessment: it can no longer be corrected into Anne's.
    page.locator(f"{FORM} [data-quiz-subject]").fill("Bruno")
    assert page.locator(f"{FORM} [data-quiz-correct]").is_hidden()


def test_saving_twice_says_it_again(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    """A live region only speaks when its content changes: the notice leaves and comes back."""
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    page.locator(f"{FORM} [data-quiz-save]").click()
    duplicate = notice(page, "duplicate")
    duplicate.wait_for()
    page.evaluate(
        """form => {
            const notice = document.querySelector(`${form} [data-quiz-notice='duplicate']`);
            window.noticeChanges = [];
            new MutationObserver(() => window.noticeChanges.push(notice.hidden))
                .observe(notice, {attributes: true, attributeFilter: ["hidden"]});
        }""",
        FORM,
    )
    page.locator(f"{FORM} [data-quiz-save]").click()
    page.wait_for_function("() => window.noticeChanges.length >= 2")
    assert page.evaluate("window.noticeChanges") == [True, False]
    assert duplicate.is_visible()
    assert len(stored_entries(page)) == 1


# ── share links ─────────────────────────────────────────────────────────────


def share_link(answers: dict[str, int], rater: str, day: str, name: str) -> str:
    digits = "".join(DIGITS[answers[q.id]] for q in QUIZ.questions)
    encoded = quote(name, safe="").replace(".", "%2E")
    return f"#quiz-{QUIZ.id}={VERSION}.{digits}.{rater[0]}.{day.replace('-', '')}.{encoded}"


def read_link(url: str) -> dict[str, object]:
    prefix = f"quiz-{QUIZ.id}="
    fragment = url.split("#", 1)[1]
    assert fragment.startswith(prefix), url
    version, digits, rater, day, *name = fragment[len(prefix) :].split(".")
    assert version == VERSION
    return {
        "answers": {q.id: DIGITS.index(digit) for q, digit in zip(QUIZ.questions, digits, strict=True)},
        "rater": {"s": "self", "m": "manager"}[rater],
        "date": f"{day[:4]}-{day[4:6]}-{day[6:]}",
        "name": unquote(name[0]) if name else "",
    }


def shared(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What the share button offers (the field shown when there is no clipboard)."""
    page.locator(f"{FORM} [data-quiz-share]").click()
    return read_link(page.locator(f"{FORM} [data-quiz-share-url]").input_value())


def test_a_share_link_applies_to_an_open_tab_and_is_saved_with_its_day_and_rater(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "fr")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.locator(f"{FORM} [data-quiz-subject]").fill("Zoé")  # the open tab's own work in progress
    answer_quickly(page, known_answers(40))
    answers, name, day = known_answers(41), "Élise M. (KAM)", "2026-03-15"
    page.evaluate("hash => { location.hash = hash; }", share_link(answers, "self", day, name))  # pasted
    expect(notice(page, "restored")).to_be_visible()
    assert draft(page) == {"name": name, "rater": "self", "answers": answers}
    assert page.evaluate("location.hash") == ""
    # Shared again: the KAM's day, rater and name go along.
    assert shared(page) == {"answers": answers, "rater": "self", "date": day, "name": name}
    page.locator(f"{FORM} [data-quiz-save]").click()
    expect(notice(page, "saved")).to_be_visible()
    expected = record(name, day, answers, rater="self")
    assert [fields(e) for e in stored_entries(page)] == [fields(expected)]
    assert table(page) == expected_table([expected])
    # Once an answer changes, the answers are today's.
    answer_quickly(page, changed(answers))
    assert shared(page) == {"answers": changed(answers), "rater": "self", "date": today(), "name": name}
    # A day no calendar has is no link: nothing of it is applied.
    page.evaluate("hash => { location.hash = hash; }", share_link(answers, "manager", "2026-02-31", "Ugo"))
    expect(notice(page, "bad-link")).to_be_visible()
    assert draft(page) == {"name": name, "rater": "self", "answers": changed(answers)}


# ── storage: formats and failures ───────────────────────────────────────────


def test_a_format_1_list_is_read_as_managers_records_and_kept_as_a_copy(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    old = [
        stored_entry("Anne", "2026-01-10", known_answers(50)),
        stored_entry("Bruno", "2026-02-10", known_answers(51)),
    ]
    raw = json.dumps({"format": 1, "entries": [old[0], {"garbage": True}, old[1]]})
    open_page_on(page, site, "fr", raw)
    migrated = [{**entry, "rater": "manager"} for entry in old]
    assert table(page) == expected_table(migrated)
    assert notice(page, "unreadable").is_visible()
    assert stored_text(page) == raw and keys_beside(page) == {}  # reading writes nothing
    save_assessment(page, "Chloé", known_answers(52))
    expect(notice(page, "saved")).to_be_visible()
    chloe = record("Chloé", today(), known_answers(52))
    data = stored(page)
    assert data["format"] == 2
    readable = [entry for entry in data["entries"] if "id" in entry]
    assert readable[:2] == migrated and fields(readable[2]) == fields(chloe)
    assert {"garbage": True} in data["entries"]  # kept as it was, although not shown
    assert keys_beside(page) == {"format-1": raw}  # what was read, as it was
    save_assessment(page, "Dora", known_answers(53))
    expect(notice(page, "saved")).to_be_visible()
    assert keys_beside(page) == {"format-1": raw}  # the copy is of the format-1 list, never replaced
    assert table(page) == expected_table([*migrated, chloe, record("Dora", today(), known_answers(53))])


def test_unreadable_data_is_set_aside_not_lost(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page_on(page, site, LANGUAGES[0], "{not json")
    assert shown_notices(page) == ["damaged"]
    kept = keys_beside(page)
    assert list(kept.values()) == ["{not json"] and all(key.startswith("unreadable-") for key in kept)
    save_assessment(page, "Fay", ANSWERS["Bruno"])
    expect(notice(page, "saved")).to_be_visible()
    assert [fields(e) for e in stored_entries(page)] == [fields(record("Fay", today(), ANSWERS["Bruno"]))]
    assert keys_beside(page) == kept


def test_damaged_data_that_cannot_be_set_aside_blocks_every_save(site: BuiltSite, fresh_page) -> None:  # type: ignore[no-untyped-def]
    page = fresh_page  # its context's init script stays with it: a context of its own
    open_page(page, site, "en")
    # Storage full: there is no room for a copy of what could not be read.
    page.context.add_init_script(
        """(() => {
            const setItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {
                if (String(key).includes("unreadable")) throw new DOMException("full", "QuotaExceededError");
                return setItem.call(this, key, value);
            };
        })()"""
    )
    store_text(page, "{not json")
    reload(page)
    assert shown_notices(page) == ["damaged-kept"]
    assert table(page) == [] and page.locator(f"{FORM} [data-team-empty]").is_visible()
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
        expect(notice(page, "blocked")).to_be_visible()
        assert stored_text(page) == "{not json" and keys_beside(page) == {}
        assert table(page) == []
    assert notice(page, "saved").is_hidden()


def test_a_list_of_a_newer_format_is_never_overwritten(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    newer = [
        {"format": 3, "entries": [record("Anne", "2026-01-10", ANSWERS["Anne"], mood="new field")]},
        {"format": 3, "people": {"anne": [record("Anne", "2026-01-10", ANSWERS["Anne"])]}},  # another shape
    ]
    for data in newer:
        raw = json.dumps(data)
        open_page_on(page, site, "fr", raw)
        assert shown_notices(page) == ["newer"]
        assert table(page) == []
        save_assessment(page, "Bruno", ANSWERS["Bruno"])
        expect(notice(page, "blocked")).to_be_visible()
        assert stored_text(page) == raw and keys_beside(page) == {}


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


def test_a_full_storage_says_this_save_failed_and_keeps_the_others(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    # The browser refuses any write to the team's list, as when the origin's storage is full.
    context.add_init_script(
        f"""const write = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {{
            if (key === "{TEAM_KEY}" && sessionStorage.getItem("full"))
                throw new DOMException("full", "QuotaExceededError");
            return write.call(this, key, value);
        }};"""
    )
    page = context.new_page()
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    kept = page.evaluate(f"localStorage.getItem('{TEAM_KEY}')")
    page.evaluate("sessionStorage.setItem('full', '1')")
    save_assessment(page, "Bruno", ANSWERS["Bruno"])
    page.locator(f"{FORM} [data-quiz-notice='full']").wait_for()
    assert page.evaluate(f"localStorage.getItem('{TEAM_KEY}')") == kept
    assert [row["name"] for row in table(page)] == ["Anne"]
    context.close()


# ── deleting ─────────────────────────────────────────────────────────────────


def test_delete_one_asks_first(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    save_assessment(page, "Bruno", ANSWERS["Bruno"])
    open_person(page, "Anne")
    delete = page.locator(f"{FORM} [data-person-rows] [data-team-delete]")
    delete.click()
    assert "Anne" in page.locator(f"{FORM} [data-team-confirm]").inner_text()
    page.locator(f"{FORM} [data-team-confirm-no]").click()
    assert len(table(page)) == 2
    delete.click()
    page.keyboard.press("Escape")  # a dialog: Escape cancels, and focus returns to the button that asked
    assert page.locator(f"{FORM} [data-team-confirm]").is_hidden() and len(table(page)) == 2
    assert page.evaluate("document.activeElement.hasAttribute('data-team-delete')")
    delete.click()
    page.keyboard.press("Shift+Tab")  # focus starts on Cancel: one step back is "Yes, delete"
    page.keyboard.press("Enter")
    assert [row["name"] for row in table(page)] == ["Bruno"]
    assert [entry["name"] for entry in stored_entries(page)] == ["Bruno"]
    assert page.locator(f"{FORM} [data-person-view]").is_hidden()  # nobody left to show


def test_delete_all_says_all_were_deleted(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "fr")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    save_assessment(page, "Bruno", ANSWERS["Bruno"])
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    assert table(page) == []
    assert page.locator(f"{FORM} [data-quiz-notice='deleted-all']").is_visible()
    assert page.locator(f"{FORM} [data-quiz-notice='deleted']").is_hidden()
    assert stored_entries(page) == []


# ── accessibility, no JavaScript, print ─────────────────────────────────────


def coached_team() -> list[dict[str, object]]:
    """A team whose first member has two manager records and a self-rating: every part of the person view shows."""
    return [
        record("Anne", "2026-01-10", ANSWERS["Anne"]),
        record("Anne", "2026-04-10", changed(ANSWERS["Anne"])),
        record("Anne", "2026-04-01", ANSWERS["Bruno"], rater="self"),
        *(record(name, "2026-02-01", answers) for name, answers in ANSWERS.items() if name != "Anne"),
    ]


def assert_no_axe_violation_in_every_view(page, empty: bool = True) -> None:  # type: ignore[no-untyped-def]
    if empty:
        results = axe_results(page)  # the empty table
        assert results.violations_count == 0, results.generate_report()
    store(page, coached_team())
    reload(page)
    open_person(page, "Anne")
    assert person_view(page)["compare"] is not None
    results = axe_results(page)  # the table, the person view and the comparison
    assert results.violations_count == 0, results.generate_report()
    page.locator(f"{FORM} [data-team-delete-all]").click()  # the confirmation too
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_a_team(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, language)
    assert_no_axe_violation_in_every_view(page)


def test_dark_scheme_team_has_no_axe_violation(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    page = page_with(color_scheme="dark")
    open_page(page, site, "en")
    assert_no_axe_violation_in_every_view(page, empty=False)


def test_without_javascript_the_team_says_it_needs_it(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    page = page_with(java_script_enabled=False)
    page.goto(site.page_url(QUIZ_PAGE, "en"))
    assert page.locator(f"{FORM} [data-team-nojs]").is_visible()
    assert page.locator(f"{FORM} [data-team-live]:visible").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_the_team_table_alone_on_at_most_two_a4_pages(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    from test_print import pdf_pages

    twelve = [record(f"Person {n}", f"2026-0{1 + n % 9}-01", known_answers(n)) for n in range(12)]
    open_page_on(page, site, language, listed(twelve))
    page.evaluate("document.documentElement.classList.add('quiz-print-team')")  # what "Print the table" does
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} [data-team-entry]").first.is_visible()
    assert page.locator(f"{FORM} fieldset[data-question]").first.is_hidden()
    assert page.locator(f"{FORM} [data-team-export]").is_hidden()
    assert pdf_pages(page) <= 2  # a team of twelve
    page.evaluate("document.documentElement.classList.remove('quiz-print-team')")
    assert page.locator(f"{FORM} [data-quiz-team]").is_hidden()  # printing the quiz leaves the team out


def test_printed_assessment_names_who_was_assessed(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "fr")
    page.locator(f"{FORM} [data-quiz-subject]").fill("Anne")
    answer_quickly(page, ANSWERS["Anne"])
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} [data-quiz-subject]").is_visible()
    assert page.locator(f"{FORM} .quiz__subject .quiz__hint").is_hidden()


# ── CSV (their checks of the new export are rewritten in test_coaching_browser.py) ──


def export(page) -> str:  # type: ignore[no-untyped-def]
    with page.expect_download() as download:
        page.locator(f"{FORM} [data-team-export]").click()
    return Path(download.value.path()).read_text(encoding="utf-8-sig")


def import_file(page, text: str, tmp_path: Path, encoding: str = "utf-8") -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "team.csv"
    path.write_text(text, encoding=encoding)
    page.locator(f"{FORM} [data-team-import]").set_input_files(str(path))


def csv_delimiter(text: str) -> str:
    return ";" if "[name];" in text.splitlines()[0] else ","


def read_csv(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter=csv_delimiter(text)))
    keys = [header.rsplit("[", 1)[1].rstrip("]") for header in rows[0]]
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_export_then_import_loses_nothing(site: BuiltSite, page, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    format_1 = [
        stored_entry('=Anne; "A"', "2026-02-01", ANSWERS["Anne"]),
        stored_entry("Bruno", "2026-03-01", ANSWERS["Bruno"]),
        stored_entry("Chloé", "2025-05-01", ANSWERS["Chloé"], version=OLD_VERSION),
    ]
    open_page_on(page, site, language, listed(format_1, format=1))
    before = table(page)
    text = export(page)
    first_line = text.splitlines()[0]
    assert "[name];" in first_line  # the reader's locale (fr-FR) writes decimal commas: French Excel expects ";"
    rows = read_csv(text)
    assert [row["name"] for row in rows] == ['\'=Anne; "A"', "Bruno", "Chloé"]  # no formula in a spreadsheet
    assert [key for key in rows[0] if key.startswith("d:")] == [f"d:{d.id}" for d in QUIZ.dimensions]  # as on screen
    for row in rows:
        answers = {q.id: LETTERS.index(row[f"q:{q.id}"][0]) for q in QUIZ.questions}
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
    assert imported_notice(page) == imported_text(page, len(rows))  # the count of what was added
    import_file(page, text, tmp_path)  # the same file again: merged, not duplicated
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])")
    assert table(page) == before
    assert imported_notice(page) == imported_text(page, 0)
    open_page(page, site, other_language(language))
    page.locator(f"{FORM} [data-team-delete-all]").click()
    page.locator(f"{FORM} [data-team-confirm-yes]").click()
    import_file(page, text, tmp_path)  # an export of the other language's page
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])")
    assert table(page) == before


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        (0, "date", "31/02/2026"),
        (0, "version", "not-a-version"),
        (0, f"q:{QUIZ.questions[0].id}", "Z"),
        (1, "total", "999"),
    ],
    ids=["date", "version", "answer", "total"],
)
def test_corrupted_csv_gives_row_messages_and_changes_nothing(
    site: BuiltSite, page, tmp_path: Path, row: int, column: str, value: str
) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    for name, answers in ANSWERS.items():
        save_assessment(page, name, answers)
    text = export(page)
    delimiter = csv_delimiter(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows[1 + row][[title.endswith(f"[{column}]") for title in rows[0]].index(True)] = value
    broken = io.StringIO()
    csv.writer(broken, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    before = table(page)
    kept = stored_text(page)
    import_file(page, broken.getvalue(), tmp_path)
    problems = page.locator(f"{FORM} [data-team-import-problems] li")
    problems.first.wait_for()
    assert problems.count() == 1 and value in problems.first.inner_text()
    assert problems.first.inner_text().startswith(("Row 2", "Row 3"))
    assert table(page) == before
    assert stored_text(page) == kept


def test_a_foreign_csv_changes_nothing(site: BuiltSite, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, site, "en")
    save_assessment(page, "Anne", ANSWERS["Anne"])
    import_file(page, "Date,Amount\n2026-01-01,12\n", tmp_path)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='not-export']:not([hidden])")
    assert len(table(page)) == 1


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


def imported_notice(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(f"{FORM} [data-quiz-notice='imported']").text_content() or ""


def imported_text(page, count: int) -> str:  # type: ignore[no-untyped-def]
    """The page's own "import done" text with this count filled in."""
    template = page.locator(f"{FORM} [data-quiz-notice='imported']").get_attribute("data-quiz-fill")
    assert template and "{value}" in template
    return template.replace("{value}", str(count))


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


def import_in_locale(site: BuiltSite, page_with, locale: str, language: str, text: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Import a CSV in a browser whose language (navigator.language) is `locale` (page_with fails the test on a
    console error); the page."""
    page = page_with(locale=locale)
    open_page(page, site, language)
    assert page.evaluate("navigator.language") == locale
    import_file(page, text, tmp_path)
    page.locator(
        f"{FORM} [data-quiz-notice='imported']:not([hidden]), {FORM} [data-team-import-problems] li"
    ).first.wait_for()
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
    site: BuiltSite, page_with, tmp_path: Path, locale: str, language: str, dates: list[str], expected: list[str]
) -> None:
    page = import_in_locale(site, page_with, locale, language, csv_with_dates(dates), tmp_path)
    assert page.locator(f"{FORM} [data-quiz-notice='imported']").is_visible()
    assert stored_dates(page) == expected


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
    site: BuiltSite, page_with, tmp_path: Path, dates: list[str], messages: list[tuple[int, list[str]]]
) -> None:
    page = import_in_locale(site, page_with, "en-US", "en", csv_with_dates(dates), tmp_path)
    problems = page.locator(f"{FORM} [data-team-import-problems] li").all_inner_texts()
    assert [problem.split(":")[0] for problem in problems] == [f"Row {row}" for row, _ in messages]
    for problem, (_, words) in zip(problems, messages, strict=True):
        assert all(word in problem for word in words), problem
        assert "2026-11-30" in problem  # the way to write a date that no one can misread
    assert page.locator(f"{FORM} [data-quiz-notice='import-failed']").is_visible()
    assert stored_dates(page) == []  # nothing imported


# ── the separator, and what a page with no records costs ──────────────────────

# Counts the Intl formatters the site's quiz and team scripts make (Material's are not theirs to answer for).
COUNT_INTL = """
window.madeIntl = 0;
for (const name of ["NumberFormat", "DateTimeFormat"]) {
  Intl[name] = new Proxy(Intl[name], {
    construct(target, args) {
      if (/\\/assets\\/(team|quiz)\\//.test(new Error().stack)) window.madeIntl += 1;
      return Reflect.construct(target, args);
    },
  });
}
"""


@pytest.mark.parametrize(("locale", "separator"), [("en-US", ","), ("fr-FR", ";")])
def test_the_separator_is_the_reader_locale_and_a_page_without_records_makes_no_intl_formatter(  # type: ignore[no-untyped-def]
    site: BuiltSite, browser, locale: str, separator: str
) -> None:
    # Intl's first formatter loads its locale data: tens of milliseconds of script before the page answers a
    # click (Lighthouse's blocking time). Without records nothing needs one: no date, no figure, nothing to export.
    context = browser.new_context(locale=locale)
    context.add_init_script(COUNT_INTL)
    page = context.new_page()
    errors: list[str] = []
    watch_errors(page, errors)
    try:
        open_page(page, site, "en")
        assert page.evaluate("window.madeIntl") == 0, "the quiz page made an Intl formatter with no record to show"

        # The first record presets the separator from the reader's locale, unless the reader chose one.
        chooser = page.locator(f"{FORM} [data-team-separator]")
        other = "," if separator == ";" else ";"
        chooser.select_option(other)
        save_assessment(page, "Anne", known_answers(1))
        expect(notice(page, "saved")).to_be_visible()
        assert chooser.input_value() == other
        assert page.evaluate("window.madeIntl") > 0  # the dates and figures shown: the count above counts
        reload(page)
        assert chooser.input_value() == separator
        assert not errors, errors
    finally:
        context.close()
