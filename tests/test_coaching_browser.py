"""Coaching in Chromium (issue 17): a person's progress, self-rating beside the manager's, the team table's
order, marks and layout, the spreadsheet export, both prints, axe.

Storage is seeded with format-2 records scored by kam_guide.quiz.scoring; every figure, order and reading the
page shows is compared with kam_guide.quiz.team, which applies the rules team.js applies.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import unicodedata
from pathlib import Path

import pytest

from accessibility import axe_results
from conftest import LANGUAGES, ROOT, BuiltSite
from kam_guide.quiz.scoring import fingerprint, is_weak, question_key, score, shown_share
from kam_guide.quiz.team import (
    AGREE,
    MANAGER_HIGHER,
    SELF_HIGHER,
    SavedAssessment,
    changes,
    comparison,
    history,
    person_key,
    team_summary,
    team_weakest_shown,
    weak_people,
)
from quizfiles import placed_quizzes
from test_print import pdf_pages

pytestmark = [pytest.mark.browser, pytest.mark.content]

QUIZ_PAGE, QUIZ = placed_quizzes()[0]
FORM = f"form[data-quiz='{QUIZ.id}']"
TEAM = f"{FORM} [data-quiz-team]"
PERSON = f"{FORM} [data-person-view]"
TEAM_KEY = f"kam-guide.team.{QUIZ.id}"
VERSION = fingerprint(QUIZ)
OLDER = "0" * 12  # a version the quiz never had
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIRECTIONS = {AGREE, SELF_HIGHER, MANAGER_HIGHER}


# ── records: built from answers, valid as team.js stores them (format 2) ─────


def random_answers(rng: random.Random) -> dict[str, int]:
    return {q.id: rng.randrange(len(q.options)) for q in QUIZ.questions}


def best_answers() -> dict[str, int]:
    return {q.id: max(range(len(q.options)), key=lambda i: q.options[i].points) for q in QUIZ.questions}


def record(ident: str, name: str, date: str, rater: str, answers: dict[str, int], version: str = VERSION) -> dict:
    result = score(QUIZ, answers)
    return {
        "id": ident,
        "name": name,
        "date": date,
        "rater": rater,
        "version": version,
        "answers": answers,
        "keys": {q.id: question_key(q, LANGUAGES[0]) for q in QUIZ.questions},
        "total": result.total,
        "band": QUIZ.bands.index(result.band),
        "bandTitle": "Older title",
        "scores": {d: value.score for d, value in result.dimensions.items()},
    }


def model(records: list[dict]) -> list[SavedAssessment]:
    return [
        SavedAssessment(r["id"], r["name"], r["date"], r["version"], r["total"], r["scores"], r["rater"], r["answers"])
        for r in records
    ]


def sample_team(seed: int) -> list[dict]:
    """Five people in storage order: progress by managers (a tie of dates included), a self-rating after the
    manager's, one person rated only by themselves, one whose self-rating is of an older version."""
    rng = random.Random(seed)
    r = lambda: random_answers(rng)  # noqa: E731
    return [
        record("a1", " anne", "2026-01-15", "manager", r()),
        record("b1", "Bruno", "2026-02-01", "manager", r()),
        record("a2", "Anne", "2026-04-15", "manager", r()),
        record("c1", "Chloé", "2026-03-01", "self", r()),
        record("a3", "Anne", "2026-04-15", "manager", r()),  # same day as a2, stored later: the latest
        record("d1", "David", "2026-05-01", "manager", r()),
        record("a4", "Anne", "2026-05-02", "self", r()),
        record("b2", "Bruno", "2026-03-01", "self", r(), version=OLDER),
        record("c2", "chloé", "2026-06-01", "self", r()),
        record("d2", "David", "2026-02-01", "manager", r()),  # stored later, dated earlier: the previous
        record("e1", "Élodie", "2026-06-10", "manager", r()),
        record("d3", "David", "2026-01-20", "self", r()),
    ]


def comparison_pairs() -> list[dict]:
    """People rated by both sides, chosen among random pairs until every reading appears for missions and
    questions (the search uses the model only)."""
    seen: dict[str, set[str]] = {"dimensions": set(), "questions": set()}
    records: list[dict] = []
    for seed in range(500):
        rng = random.Random(1000 + seed)
        name = f"Kam {seed}"
        pair = [
            record(f"s{seed}", name, "2026-03-02", "self", random_answers(rng)),
            record(f"m{seed}", name, "2026-03-01", "manager", random_answers(rng)),
        ]
        found = comparison(QUIZ, model(pair), person_key(model(pair)[0]))
        assert found is not None
        new = {gap.direction for gap in found.dimensions} - seen["dimensions"]
        new |= {gap.direction for gap in found.questions} - seen["questions"]
        if new or not records:
            records += pair
            seen["dimensions"] |= {gap.direction for gap in found.dimensions}
            seen["questions"] |= {gap.direction for gap in found.questions}
        if seen["dimensions"] == seen["questions"] == DIRECTIONS:
            return records
    raise AssertionError(f"500 random pairs never show every reading: {seen}")


# ── the page ────────────────────────────────────────────────────────────────


def seed(page, site: BuiltSite, language: str, records: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """The quiz page opened on these records (written as JSON.stringify writes them)."""
    stored = json.dumps({"format": 2, "entries": records}, separators=(",", ":"), ensure_ascii=False)
    site.preset_storage(page, {TEAM_KEY: stored})
    page.goto(site.page_url(QUIZ_PAGE, language))
    page.wait_for_selector(f"{TEAM}[data-team-ready]", state="attached")


def stored(page) -> list[dict]:  # type: ignore[no-untyped-def]
    raw = page.evaluate("key => localStorage.getItem(key)", TEAM_KEY)
    return json.loads(raw)["entries"] if raw else []


def number(text: str) -> float:
    """The first number of a text as the page writes it in either language (−, narrow spaces, decimal comma)."""
    found = re.search(r"[-+]?\d[\d\u202f\u00a0 ]*(?:[.,]\d+)?", text.replace("\u2212", "-"))
    assert found, f"no number in {text!r}"
    return float(re.sub(r"[\u202f\u00a0 ]", "", found.group()).replace(",", "."))


def percent_of(text: str) -> int:
    found = re.search(r"\((\d+)", text)
    assert found, f"no percentage in {text!r}"
    return int(found.group(1))


def arrow(delta: int) -> str:
    return "↑" if delta > 0 else "↓" if delta < 0 else "="


def team_rows(page) -> list[dict]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """team => [...document.querySelectorAll(`${team} [data-team-rows] [data-team-entry]`)].map(row => {
            const cell = c => ({
                level: c.querySelector(".quiz__cell").dataset.level,
                value: c.querySelector("[data-team-value]").textContent,
                delta: c.querySelector("[data-team-delta]").textContent,
                marks: [...c.querySelectorAll(".quiz__mark")].map(mark => {
                    const symbol = mark.querySelector("[aria-hidden=true]");
                    const box = symbol && symbol.getBoundingClientRect();
                    return {
                        level: mark.dataset.level,
                        symbol: symbol ? symbol.textContent.trim() : "",
                        symbolShown: !!box && box.width > 0 && box.height > 0,
                        words: (mark.querySelector(".visually-hidden") || {}).textContent || "",
                    };
                }),
            });
            return {
                id: row.dataset.teamEntry, name: row.dataset.name, date: row.dataset.date, rater: row.dataset.rater,
                selfTag: !row.querySelector("[data-team-self-tag]").hidden,
                total: cell(row.querySelector("[data-team-total]")),
                dimensions: Object.fromEntries([...row.querySelectorAll("[data-team-dimension]")].map(c =>
                    [c.dataset.teamDimension, cell(c)])),
            };
        })""",
        TEAM,
    )


def open_person(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{TEAM} [data-team-rows] [data-team-entry][data-name='{name}'] [data-team-open]").click()
    page.wait_for_selector(f"{PERSON}:not([hidden])", state="attached")


def person_view(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """person => {
            const view = document.querySelector(person);
            const compare = view.querySelector("[data-compare]");
            return {
                heading: view.querySelector("h3").textContent.trim(),
                entries: [...view.querySelectorAll("[data-person-rows] [data-team-entry]")].map(row => ({
                    name: row.dataset.name, date: row.dataset.date, rater: row.dataset.rater,
                    values: [...row.querySelectorAll("[data-team-value]")].map(v => v.textContent),
                })),
                changes: [...view.querySelectorAll("[data-person-change]")].map(item => ({
                    dimension: item.dataset.dimension, delta: item.dataset.delta ?? null, hidden: item.hidden,
                    text: item.querySelector("[data-person-delta]").textContent,
                    chartHidden: item.querySelector("[data-person-chart]").getAttribute("aria-hidden"),
                    chart: !!item.querySelector("[data-person-chart] svg"),
                })),
                compared: !compare.hidden,
                dimensions: [...compare.querySelectorAll("[data-compare-dimension]")].map(row => ({
                    id: row.dataset.dimension, self: Number(row.dataset.self), manager: Number(row.dataset.manager),
                    reading: row.dataset.reading,
                })),
                questions: Object.fromEntries([...compare.querySelectorAll("[data-compare-question]")].map(row =>
                    [row.dataset.compareQuestion, row.dataset.reading])),
                discuss: [...compare.querySelectorAll("[data-compare-discuss]")].filter(li => !li.hidden)
                    .map(li => li.dataset.compareDiscuss),
                discussNone: !compare.querySelector("[data-compare-discuss-none]").hidden,
            };
        }""",
        PERSON,
    )


def expected_entries(records: list[dict], key: str) -> list[dict]:
    """A person's records latest first: by date, the same day in storage order (then reversed)."""
    mine = [r for r in records if person_key(model([r])[0]) == key]
    ordered = sorted(enumerate(mine), key=lambda pair: (pair[1]["date"], pair[0]))
    return [
        {
            "name": r["name"],
            "date": r["date"],
            "rater": r["rater"],
            # an older version's scores are shown as they were given, without a share of today's maximum
            "figures": [r["total"]]
            + [
                (
                    r["scores"][d.id],
                    shown_share(r["scores"][d.id], QUIZ.dimension_max(d.id)) if r["version"] == VERSION else None,
                )
                for d in QUIZ.dimensions
            ],
        }
        for _, r in reversed(ordered)
    ]


def figures(entries: list[dict]) -> list[dict]:
    """The history as shown: each record's total, then each mission's points and percentage, as text."""
    return [
        {
            **{k: v for k, v in e.items() if k != "values"},
            "figures": [number(e["values"][0])]
            + [(number(v), percent_of(v) if "(" in v else None) for v in e["values"][1:]],
        }
        for e in entries
    ]


def focused(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => { const e = document.activeElement;
            return e.tagName + (e.hasAttribute("data-team-open") ? "[open]" : "")
                + "|" + (e.closest("[data-team-entry]") ? e.closest("[data-team-entry]").dataset.teamEntry : ""); }"""
    )


# ── 1. a person's progress ──────────────────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
def test_person_view_lists_records_and_changes_as_the_model(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(1)
    seed(page, site, language, records)
    saved = model(records)
    rows = {row["name"]: row for row in team_rows(page)}
    for key in dict.fromkeys(person_key(e) for e in saved):
        row_name = next(name for name in rows if name.strip().lower() == key)
        open_person(page, row_name)
        assert focused(page).startswith("H3"), "focus moves to the person's heading"
        shown = person_view(page)
        assert figures(shown["entries"]) == expected_entries(records, key)
        rater = "manager" if history(QUIZ, saved, "manager").get(key) else "self"
        change = changes(QUIZ, saved, key, rater)
        mine = history(QUIZ, saved, rater)[key]
        for item, dimension in zip(shown["changes"], QUIZ.dimensions, strict=True):
            assert item["dimension"] == dimension.id
            assert item["chartHidden"] == "true" and item["chart"]
            assert number(item["text"]) == mine[-1].scores[dimension.id], "the latest figure, as text"
            if change is None:
                assert item["delta"] is None and not re.search("[↑↓=]", item["text"])
            else:
                delta = change.dimensions[dimension.id]
                assert int(item["delta"]) == delta, (key, dimension.id)
                assert item["text"].rstrip().endswith(arrow(delta)), item["text"]
                assert number(item["text"].split(")")[-1]) == delta  # the change in points, signed
        # The advice speaks to whoever made the figures: the manager, or the KAM who only rated themselves.
        audiences = page.locator(f"{PERSON} [data-person-focus] [data-person-audience]:visible")
        assert audiences.count() == 1 and audiences.get_attribute("data-person-audience") == rater, key
        page.locator(f"{PERSON} [data-person-close]").click()
        assert page.locator(PERSON).is_hidden()
        assert focused(page) == f"BUTTON[open]|{rows[row_name]['id']}", f"focus back on {row_name}'s name"
    # The model agrees that this team shows progress (a test that could not see a change would prove nothing).
    assert changes(QUIZ, saved, "anne", "manager") and changes(QUIZ, saved, "david", "manager")
    assert changes(QUIZ, saved, "chloé", "self")


# ── 2. self-rating beside the manager's ─────────────────────────────────────


def test_comparison_follows_the_model_in_every_reading(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(2) + comparison_pairs()
    saved = model(records)
    seed(page, site, LANGUAGES[0], records)
    readings: dict[str, set[str]] = {"dimensions": set(), "questions": set(), "discuss": set()}
    for row in team_rows(page):
        key = row["name"].strip().lower()
        expected = comparison(QUIZ, saved, key)
        open_person(page, row["name"])
        shown = person_view(page)
        assert shown["compared"] == (expected is not None), row["name"]
        if expected is None:
            continue
        assert shown["dimensions"] == [
            {"id": g.id, "self": g.self_points, "manager": g.manager_points, "reading": g.direction}
            for g in expected.dimensions
        ]
        assert shown["questions"] == {g.id: g.direction for g in expected.questions}
        talk = [g.id for g in expected.questions if g.direction != AGREE]
        assert shown["discuss"] == talk
        assert shown["discussNone"] == (not talk)
        readings["dimensions"] |= {g.direction for g in expected.dimensions}
        readings["questions"] |= {g.direction for g in expected.questions}
    assert readings["dimensions"] == readings["questions"] == DIRECTIONS
    # Bruno's self-rating is of an older version and Chloé has no manager record: no comparison for them.
    assert comparison(QUIZ, saved, "bruno") is None and comparison(QUIZ, saved, "chloé") is None


# ── 3. the team table ───────────────────────────────────────────────────────


def shown_row(entry: SavedAssessment, saved: list[SavedAssessment]) -> dict:
    key = person_key(entry)
    managers = history(QUIZ, saved, "manager").get(key)
    rater = "manager" if managers else "self"
    return {"id": entry.id, "rater": rater, "change": changes(QUIZ, saved, key, rater)}


def sort_key(name: str) -> str:
    return unicodedata.normalize("NFD", name.strip()).encode("ascii", "ignore").decode().casefold()


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_table_rows_marks_averages_and_weakest(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(3)
    saved = model(records)
    seed(page, site, language, records)
    rows = team_rows(page)
    people = {person_key(e) for e in saved}
    assert len(rows) == len(people), "one row per person"
    for row in rows:
        key = row["name"].strip().lower()
        managers = history(QUIZ, saved, "manager").get(key)
        latest = (managers or history(QUIZ, saved, "self")[key])[-1]
        assert (row["id"], row["rater"], row["date"]) == (latest.id, latest.rater, latest.date)
        assert row["selfTag"] == (not managers), row["name"]
        change = changes(QUIZ, saved, key, latest.rater)
        assert (number(row["total"]["delta"]) if change else None) == (change.total if change else None)
        for dimension in QUIZ.dimensions:
            cell = row["dimensions"][dimension.id]
            maximum = QUIZ.dimension_max(dimension.id)
            value = latest.scores[dimension.id]
            level = "weak" if is_weak(value, maximum, QUIZ.weak_below_percent) else "strong"
            assert (number(cell["value"]), percent_of(cell["value"])) == (value, shown_share(value, maximum))
            assert cell["level"] == level
            assert [m["level"] for m in cell["marks"]] == [level], "a mark besides the colour"
            mark = cell["marks"][0]
            assert mark["symbol"] and mark["symbolShown"] and mark["words"].strip()
            if change is None:
                assert cell["delta"] == ""
            else:
                delta = change.dimensions[dimension.id]
                assert number(cell["delta"]) == delta and cell["delta"].strip().endswith(arrow(delta))
    levels = {cell["level"] for row in rows for cell in row["dimensions"].values()}
    assert levels == {"weak", "strong"}, "this team should show both marks"
    symbols = {c["marks"][0]["level"]: c["marks"][0]["symbol"] for r in rows for c in r["dimensions"].values()}
    assert symbols["weak"] != symbols["strong"]

    averages = page.evaluate(
        """team => Object.fromEntries(["data-team-average-row", "data-team-self-row"].map(name => {
            const row = document.querySelector(`${team} [${name}]`);
            return [name, row.hidden ? null : {
                total: row.querySelector("[data-team-average-total]").textContent,
                people: row.querySelector("[data-team-average-people]").textContent,
                shares: Object.fromEntries([...row.querySelectorAll("[data-team-average]")].map(c =>
                    [c.dataset.teamAverage, [c.querySelector("[data-team-value]").textContent,
                                             c.querySelector(".quiz__cell").dataset.level,
                                             c.querySelectorAll(`.quiz__mark[data-level=${c.querySelector(".quiz__cell").dataset.level}]`).length]])),
            }];
        }))""",
        TEAM,
    )
    for name, rater in (("data-team-average-row", "manager"), ("data-team-self-row", "self")):
        summary = team_summary(QUIZ, saved, rater=rater)
        shown = averages[name]
        assert summary is not None and shown is not None, rater
        assert number(shown["total"]) == summary.shown_total
        assert number(shown["people"].split("=")[-1]) == summary.people
        for dimension in QUIZ.dimensions:
            text, level, marks = shown["shares"][dimension.id]
            part, whole = summary.shares[dimension.id]
            assert number(text) == shown_share(part, summary.people, 10) / 10
            assert percent_of(text) == summary.shown_percent(dimension.id)
            assert level == ("weak" if summary.is_weak(dimension.id, QUIZ.weak_below_percent) else "strong")
            assert marks == 1

    check_weakest(page, saved)
    # Everyone at their best: the team is weak nowhere, and the box says nothing.
    best = [record(f"x{n}", name, "2026-01-01", "manager", best_answers()) for n, name in enumerate(("Anne", "Bruno"))]
    seed(page, site, language, best)
    assert team_weakest_shown(team_summary(QUIZ, model(best)), QUIZ) is None
    check_weakest(page, model(best))


def check_weakest(page, saved: list[SavedAssessment]) -> None:  # type: ignore[no-untyped-def]
    weakest = team_weakest_shown(team_summary(QUIZ, saved), QUIZ)
    box = page.locator(f"{TEAM} [data-team-weakest]")
    if weakest is None:
        assert box.is_hidden()
        return
    assert box.is_visible()
    blocks = box.locator("[data-team-weakest-dimension]:visible")
    assert blocks.count() == 1 and blocks.get_attribute("data-team-weakest-dimension") == weakest
    names = blocks.locator("[data-team-weakest-names]")
    template = names.get_attribute("data-quiz-fill") or ""
    expected = weak_people(QUIZ, saved, weakest)
    assert expected, "a weak team names someone"
    assert names.text_content() == template.replace("{name}", ", ".join(expected))


def check_order(page, key: str, descending: bool, saved: list[SavedAssessment]) -> None:  # type: ignore[no-untyped-def]
    header = page.locator(f"{TEAM} [data-team-sort='{key}']")
    assert header.get_attribute("aria-sort") == ("descending" if descending else "ascending")
    assert page.locator(f"{TEAM} [data-team-sort][aria-sort]").count() == 1
    by_id = {e.id: e for e in saved}
    shown = [by_id[row["id"]] for row in team_rows(page)]
    if key == "name":
        figures = [sort_key(e.name) for e in shown]
    else:
        figures = [e.total if key == "total" else e.scores[key[2:]] for e in shown]
    assert figures == sorted(figures, reverse=descending), (key, descending, figures)


def test_team_table_sorts_by_name_total_and_mission(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(4)
    saved = model(records)
    seed(page, site, LANGUAGES[0], records)
    check_order(page, "name", False, saved)  # the first order
    mission = f"d:{QUIZ.dimensions[-1].id}" if QUIZ.dimensions else "total"
    for key in ("total", mission, "name"):
        button = page.locator(f"{TEAM} [data-team-sort='{key}'] button")
        button.click()
        first = key != "name"  # figures start with the highest, names with A
        check_order(page, key, first, saved)
        button.click()  # twice: the other way round
        check_order(page, key, not first, saved)
    totals = {e.total for e in saved if e.version == VERSION}
    assert len(totals) > 2, "totals that differ, or the order proves nothing"


# ── 4. layout ───────────────────────────────────────────────────────────────


def test_team_table_uses_the_width_on_a_desktop_and_keeps_names_in_view_on_a_phone(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(5)
    page = page_with(locale="fr-FR", viewport={"width": 1280, "height": 900})
    seed(page, site, LANGUAGES[0], records)
    sizes = page.evaluate(
        """team => {
            const root = document.querySelector(team);
            const line = parseFloat(getComputedStyle(root.querySelector("[data-team-rows] th")).lineHeight);
            return {
                line,
                rows: [...root.querySelectorAll("[data-team-rows] tr")].map(row => row.getBoundingClientRect().height),
                table: root.querySelector("[data-team-grid] table").getBoundingClientRect().width,
                text: root.querySelector("[data-team-grid] > .quiz__note").getBoundingClientRect().width,
                hidden: (box => box.scrollWidth - box.clientWidth)(
                    root.querySelector("[data-team-grid] .quiz__team-scroll")),
            };
        }""",
        TEAM,
    )
    assert all(height < 2 * sizes["line"] for height in sizes["rows"]), sizes
    # the page gives the table the table of contents' width: it spans the text column, nothing scrolls away
    assert sizes["table"] >= sizes["text"] and sizes["hidden"] <= 1, sizes
    # Every header stays clickable where it is drawn (nothing beside the text column lies over it).
    last = page.locator(f"{TEAM} [data-team-sort]").last.locator("button")
    last.click(timeout=2000)
    assert last.locator("xpath=..").get_attribute("aria-sort") == "descending"
    page.set_viewport_size({"width": 390, "height": 844})
    scroller = page.locator(f"{TEAM} [data-team-grid] .quiz__team-scroll")
    scroller.evaluate("box => box.scrollLeft = box.scrollWidth")
    assert scroller.evaluate("box => box.scrollLeft") > 0, "the table is wider than a phone"
    left = scroller.bounding_box()["x"]  # type: ignore[index]
    for name in page.locator(f"{TEAM} [data-team-rows] th[scope=row]").all():
        assert name.bounding_box()["x"] >= left - 0.5  # type: ignore[index]


# ── 5. the spreadsheet ──────────────────────────────────────────────────────


def export(page, separator: str) -> str:  # type: ignore[no-untyped-def]
    page.locator(f"{TEAM} [data-team-separator]").select_option(separator)
    with page.expect_download() as download:
        page.locator(f"{TEAM} [data-team-export]").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    return data.decode("utf-8-sig")


def expected_keys() -> list[str]:
    keys = ["name", "date", "rater", "version"]
    for question in QUIZ.questions:
        keys += [f"q:{question.id}", f"p:{question.id}"]
    keys += ["total", "band"]
    for dimension in QUIZ.dimensions:
        keys += [f"d:{dimension.id}", f"max:{dimension.id}", f"pct:{dimension.id}"]
    return keys


def expected_cells(entry: dict, language: str, raters: dict[str, str]) -> dict[str, str]:
    """raters: the page's word for each rater (its texts template), written before the key."""
    result = score(QUIZ, entry["answers"])
    rater = f"{raters[entry['rater']]} [{entry['rater']}]"
    cells = {"name": entry["name"], "date": entry["date"], "rater": rater, "version": entry["version"]}
    for question in QUIZ.questions:
        index = entry["answers"][question.id]
        option = question.options[index]
        cells[f"q:{question.id}"] = f"{LETTERS[index]} – {' '.join(option.text[language].split())}"
        cells[f"p:{question.id}"] = str(option.points)
    assert result.band is not None
    cells["total"] = str(result.total)
    cells["band"] = f"{QUIZ.bands.index(result.band) + 1} – {result.band.title[language]}"
    for dimension in QUIZ.dimensions:
        value, maximum = result.dimensions[dimension.id].score, QUIZ.dimension_max(dimension.id)
        cells.update(
            {
                f"d:{dimension.id}": str(value),
                f"max:{dimension.id}": str(maximum),
                f"pct:{dimension.id}": str(shown_share(value, maximum)),
            }
        )
    return cells


def read_csv(text: str, delimiter: str) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    titles = rows[0]
    keys = []
    for title in titles:
        found = re.fullmatch(r"(.+) \[([^\]]+)\]", title)
        assert found and found.group(1).strip(), f"not 'Label [key]': {title!r}"
        keys.append(found.group(2))
    return keys, [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def import_file(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{TEAM} [data-team-import]").set_input_files(str(path))


def essentials(entries: list[dict]) -> list[tuple]:
    return sorted((e["name"], e["date"], e["rater"], tuple(sorted(e["answers"].items()))) for e in entries)


def empty_table(page) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("key => localStorage.removeItem(key)", TEAM_KEY)
    page.reload()
    page.wait_for_selector(f"{TEAM}[data-team-ready]", state="attached")


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_export_is_spreadsheet_ready_and_comes_back_whole(  # type: ignore[no-untyped-def]
    site: BuiltSite, page, language: str, tmp_path: Path
) -> None:
    records = [r for r in sample_team(6) if r["version"] == VERSION]
    records[0]["name"] = "Amélie Œuvray"  # words Windows-1252 has, beyond ASCII
    seed(page, site, language, records)
    raters = page.evaluate(
        """team => Object.fromEntries(["self", "manager"].map(key => [key, document.querySelector(team)
            .querySelector("[data-team-texts]").content.querySelector(`[data-team-text='rater:${key}']`).textContent]))""",
        TEAM,
    )
    assert all(raters.values()), raters
    for separator in (";", ","):
        text = export(page, separator)
        keys, rows = read_csv(text, separator)
        assert keys == expected_keys()
        by_id = sorted(rows, key=lambda row: (row["name"], row["date"], row["rater"]))
        wanted = sorted(
            (expected_cells(r, language, raters) for r in records), key=lambda c: (c["name"], c["date"], c["rater"])
        )
        assert by_id == wanted

    # Into an empty table: the same records.
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    empty_table(page)
    import_file(page, path)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])", state="attached")
    assert essentials(stored(page)) == essentials(records)

    # Saved back by French Excel: Windows-1252, ";", dates as 30/11/2026, no BOM; and a column of its own.
    keys, rows = read_csv(export(page, ";"), ";")
    titles = next(csv.reader(io.StringIO(export(page, ";").lstrip("\ufeff"))))[0].split(";")
    extra = "Commentaire du manager"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([*titles, extra])
    for row in rows:
        year, month, day = row["date"].split("-")
        writer.writerow([*({**row, "date": f"{day}/{month}/{year}"}[k] for k in keys), "à revoir"])
    excel = tmp_path / "excel.csv"
    excel.write_bytes(out.getvalue().encode("windows-1252"))
    empty_table(page)
    import_file(page, excel)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='imported']:not([hidden])", state="attached")
    assert essentials(stored(page)) == essentials(records)
    shown = page.locator(f"{TEAM} [data-team-extra-columns]")
    assert shown.is_visible() and extra in (shown.text_content() or "")


def test_csv_over_the_size_limit_imports_nothing(site: BuiltSite, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The limit is team-tools.js's IMPORT_LIMIT: this reads it there, so the two stay in step.
    found = re.search(
        r"IMPORT_LIMIT = (\d+) << 20", (ROOT / "overrides/assets/team/team-tools.js").read_text(encoding="utf-8")
    )
    assert found, "IMPORT_LIMIT moved: bring this test in step"
    limit = int(found.group(1)) << 20
    records = sample_team(7)[:2]
    seed(page, site, LANGUAGES[0], records)
    text = export(page, ";")
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as file:
        file.write(text.rstrip("\r\n"))
        file.write(";" + "x" * (limit - len(text.encode()) + 16) + "\r\n")
    assert path.stat().st_size > limit
    empty_table(page)
    import_file(page, path)
    page.wait_for_selector(f"{FORM} [data-quiz-notice='too-big']:not([hidden])", state="attached")
    assert stored(page) == []


# ── 6. print ────────────────────────────────────────────────────────────────

PRINTED_ELSEWHERE = """inside => {
    const box = document.querySelector(inside);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const outside = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || box.contains(parent) || parent.closest("script, style, template")) continue;
        const shown = parent.checkVisibility({opacityProperty: true, visibilityProperty: true});
        if (shown && parent.getClientRects().length) outside.push(node.textContent.trim().slice(0, 40));
    }
    return outside;
}"""


def lowest_mission(entry: SavedAssessment) -> str:
    """The mission of the lowest share in a record, the first on a tie (what the coaching sheet advises on)."""
    from fractions import Fraction

    return min(QUIZ.dimensions, key=lambda d: Fraction(entry.scores[d.id], QUIZ.dimension_max(d.id))).id


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_report_and_coaching_sheet_print_alone(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    records = sample_team(8)
    saved = model(records)
    seed(page, site, language, records)
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('quiz-print-team')")  # what "Print" does before printing
    assert page.evaluate(PRINTED_ELSEWHERE, TEAM) == []
    for part in ("h2", "[data-team-printed]", ".quiz__legend", "[data-team-rows] [data-team-entry]"):
        assert page.locator(f"{TEAM} {part}").first.is_visible(), part
    assert re.search(r"\d", page.locator(f"{TEAM} [data-team-printed]").text_content() or "")
    for part in ("[data-team-export]", "[data-person-view]", "[data-quiz-notice]"):
        assert not page.locator(f"{TEAM} {part}").first.is_visible(), part
    page.evaluate("document.documentElement.classList.remove('quiz-print-team')")

    page.emulate_media(media="null")
    open_person(page, "Anne")
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('quiz-print-person')")
    assert page.evaluate(PRINTED_ELSEWHERE, PERSON) == []
    for part in ("h3", "[data-person-printed]", "[data-compare]", "[data-person-focus]"):
        assert page.locator(f"{PERSON} {part}").is_visible(), part
    lines = page.locator(f"{PERSON} .quiz__commitments li")
    assert lines.count() >= 1 and all(line.is_visible() for line in lines.all())
    latest = history(QUIZ, saved, "manager")["anne"][-1]
    advice = page.locator(f"{PERSON} [data-person-advice]:visible")
    assert advice.count() == 1 and advice.get_attribute("data-person-advice") == lowest_mission(latest)
    assert (advice.text_content() or "").strip()
    for part in ("[data-person-close]", "[data-team-open]", "[data-team-delete]"):
        assert not page.locator(f"{PERSON} {part}").first.is_visible(), part


@pytest.mark.parametrize("language", LANGUAGES)
def test_coaching_sheet_fits_one_a4_page(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    """A typical sheet, and the longest: views at opposite ends on every question, so every prompt prints."""
    best = {q.id: max(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in QUIZ.questions}
    worst = {q.id: min(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in QUIZ.questions}
    apart = [record(f"x{n}", "Xavier", f"2026-0{n + 1}-01", "manager", worst) for n in range(3)]
    apart.append(record("x9", "Xavier", "2026-05-01", "self", best))
    seed(page, site, language, sample_team(8) + apart)  # Anne: three manager records and her own
    for name in ("Anne", "Xavier"):
        open_person(page, name)
        page.evaluate("document.documentElement.classList.add('quiz-print-person')")
        assert pdf_pages(page) == 1, f"the coaching sheet of {name} ({language}) is no longer one A4 page"
        page.evaluate("document.documentElement.classList.remove('quiz-print-person')")
        page.locator(f"{PERSON} [data-person-close]").click()


# ── 7. axe ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("scheme", "language"), [("light", LANGUAGES[0]), ("dark", LANGUAGES[-1])])
def test_axe_finds_nothing_on_the_table_person_view_and_comparison(  # type: ignore[no-untyped-def]
    site: BuiltSite, page_with, scheme: str, language: str
) -> None:
    records = sample_team(9) + comparison_pairs()
    page = page_with(locale="fr-FR", color_scheme=scheme)  # fails on a console error
    seed(page, site, language, records)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    open_person(page, "Anne")  # rated by both: history, progress and comparison all shown
    assert page.locator(f"{PERSON} [data-compare]").is_visible()
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
