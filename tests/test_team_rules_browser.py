"""team.js's pure functions (`kamGuide.teamRules`) in Chromium, from the script alone: no build, no server.

CSV cells against Python's csv module both ways, dates against Python's calendar, an export read back
with the scores of the Python model (kam_guide.quiz.scoring), the rows an import refuses, and the
table's order. Both the source and the file as shipped (minified by hooks/assets.py) are tested.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from collections.abc import Iterator

import pytest

from kam_guide.quiz.scoring import fingerprint, score
from quizfiles import load_fixture
from scriptpage import QUIZ_JS, TEAM_JS, TEAM_TOOLS_JS, differences, script_page

pytestmark = [pytest.mark.browser, pytest.mark.code_only]

MINI = load_fixture("mini")
VERSION = fingerprint(MINI)
OLDER = "0123456789ab"  # another version of the quiz
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@pytest.fixture(scope="module", params=["source", "minified"])
def team(browser, request) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A blank page running quiz.js, team.js and its tools; `team.evaluate(...)` sees `kamGuide.teamRules`
    and `kamGuide.teamTools.rules` together as `T`."""
    with script_page(browser, [QUIZ_JS, TEAM_JS, TEAM_TOOLS_JS], shipped=request.param == "minified") as page:
        page.evaluate("() => { window.T = Object.assign({}, kamGuide.teamRules, kamGuide.teamTools.rules); }")
        yield page


def test_rules_are_frozen_and_read_only(team) -> None:  # type: ignore[no-untyped-def]
    assert team.evaluate(
        """() => {
            const frozen = ["teamRules", "teamTools"].map(name => {
                const property = Object.getOwnPropertyDescriptor(kamGuide, name);
                return [Object.isFrozen(property.value), property.writable, property.configurable];
            });
            const tools = kamGuide.teamTools;
            return [Object.keys(kamGuide).join(), frozen, Object.isFrozen(tools.rules),
                    Object.keys(kamGuide.teamRules).sort().join(), Object.keys(tools.rules).sort().join(),
                    Object.keys(tools).sort().join()];
        }"""
    ) == [
        "quizRules,quizLinks,quiz,teamRules,teamTools",  # quiz.js's, team.js's, then its tools'
        [[True, False, False], [True, False, False]],
        True,
        "byRater,change,isEntry,migrate,people,personOf,separatorFor,signature,sortRows,summary,weakPeople",
        "compare,csvCell,csvSeparator,csvText,exportRows,isoDate,localeDayFirst,newEntries,parseCsv,readExport,"
        "settledOrder",
        "exportCsv,importCsv,rules,start",
    ]


# ── CSV cells ───────────────────────────────────────────────────────────────

CELLS = ["", " ", "Anne", "Zoé", "a,b", "a;b", 'say "hi"', '"', '""', "two\nlines", "cr\rlf\r\n", "=SUM(A1)", "+1", "-"]
CELLS += ["@x", "\tx", "'=x", "12", "3 – Haut", '; , " \n']


def random_tables(seed: int, count: int) -> list[list[list[str]]]:
    rng = random.Random(seed)
    tables = []
    for _ in range(count):
        width = rng.randrange(1, 8)
        rows = [[rng.choice(CELLS) for _ in range(width)] for _ in range(rng.randrange(1, 6))]
        tables.append([row for row in rows if "".join(row).strip()] or [["x"]])  # blank rows are skipped
    return tables


@pytest.mark.parametrize("separator", [",", ";"])
def test_cells_read_as_python_writes_them(team, separator: str) -> None:  # type: ignore[no-untyped-def]
    tables = random_tables(4180, 1_000)
    texts = []
    for rows in tables:
        out = io.StringIO()
        csv.writer(out, delimiter=separator, lineterminator=random.Random(len(texts)).choice(["\r\n", "\n"])).writerows(
            rows
        )
        texts.append(out.getvalue())
    got = json.loads(
        team.evaluate(
            "([texts, separator]) => JSON.stringify(JSON.parse(texts).map(text => T.parseCsv(text, separator)))",
            [json.dumps(texts), separator],
        )
    )
    assert got == tables, differences(texts, tables, got)


def safe(cell: str) -> str:
    """A cell as a spreadsheet must show it: never a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


@pytest.mark.parametrize("separator", [",", ";"])
def test_files_written_are_read_by_python(team, separator: str) -> None:  # type: ignore[no-untyped-def]
    tables = random_tables(1252, 1_000)
    got = json.loads(
        team.evaluate(
            "([tables, separator]) => JSON.stringify(JSON.parse(tables).map(rows => T.csvText(rows, separator)))",
            [json.dumps(tables), separator],
        )
    )
    read = [list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=separator)) for text in got]
    expected = [[[safe(cell) for cell in row] for row in rows] for rows in tables]
    assert read == expected, differences(tables, expected, read)
    assert all(text.startswith("\ufeff") and text.endswith("\r\n") for text in got)


def test_separator_follows_the_language_and_the_file(team) -> None:  # type: ignore[no-untyped-def]
    assert team.evaluate(
        """() => [["fr", "en", "de", "en-GB"].map(T.separatorFor),
                  ['Nom [name];Date [date]', '"Nom; le [name]";Date [date]', 'Name [name],Date [date]',
                   'Name [name] , x;y', ''].map(T.csvSeparator)]"""
    ) == [[";", ",", ";", ","], [";", ";", ",", ",", ","]]


# ── dates ───────────────────────────────────────────────────────────────────


def python_date(year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


def test_local_and_iso_dates_of_every_day(team) -> None:  # type: ignore[no-untyped-def]
    """Every day and month 0–32 of leap and common years, each separator, padded or not, either order."""
    cases, expected = [], []
    for year in (1999, 2000, 2024, 2026, 2100):
        for a in range(33):
            for b in range(33):
                for sep, padded in (("/", False), (".", True), ("-", False), ("/", True)):
                    text = f"{a:02}{sep}{b:02}{sep}{year}" if padded else f"{a}{sep}{b}{sep}{year}"
                    for day_first in (True, False):
                        cases.append([text, day_first])
                        expected.append(python_date(year, b, a) if day_first else python_date(year, a, b))
                if a <= 13:  # ISO: year-month-day, two digits each, whatever the order of the locale
                    cases.append([f"{year}-{a:02}-{b:02}", True])
                    expected.append(python_date(year, a, b))
    cases += [[text, True] for text in ("2026-1-05", "30/11/26", "30/11-2026", "2026/11/30", " 2026-11-30", "")]
    expected += [""] * 6
    got = json.loads(
        team.evaluate("cases => JSON.stringify(JSON.parse(cases).map(([t, d]) => T.isoDate(t, d)))", json.dumps(cases))
    )
    assert got == expected, differences(cases, expected, got)


# Whether each locale writes the day before the month when it writes a date in numbers (CLDR's yMd).
LOCALES = {"en-US": False, "en-GB": True, "fr-FR": True, "fr": True, "de-DE": True, "es-ES": True, "nl-NL": True}
LOCALES |= {"ja-JP": False, "zh-CN": False, "ko-KR": False, "hu-HU": False}


def test_day_order_of_a_locale(team) -> None:  # type: ignore[no-untyped-def]
    got = team.evaluate("locales => locales.map(T.localeDayFirst)", list(LOCALES))
    assert dict(zip(LOCALES, got, strict=True)) == LOCALES


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2026-11-30", "1/2/2026", "12/12/2026"], None),  # nothing tells
        (["1/2/2026", "30/11/2026", "11/30/2026"], {"index": 1, "first": "30/11/2026", "dayFirst": True}),
        (["", "11/30/2026"], {"index": 1, "first": "11/30/2026", "dayFirst": False}),
        (["13/13/2026", "12.31.2026"], {"index": 1, "first": "12.31.2026", "dayFirst": False}),  # both parts above 12
    ],
)
def test_the_first_date_with_a_part_above_twelve_settles_the_order(team, dates: list[str], expected: object) -> None:  # type: ignore[no-untyped-def]
    assert team.evaluate("dates => T.settledOrder(dates)", dates) == expected


# ── an export read back ─────────────────────────────────────────────────────

NAMES = ("Anne", "anne", "Zoé", "Émile", "=SUM(A1)", "+33 6", "-x", "@who", "O'Brien", 'Say "hi"', "a;b", "a,b", "")


def quiz_view() -> dict[str, object]:
    """The quiz as readExport sees it, plus what the page's scoring needs (points, dimensions, bands)."""
    return {
        "version": VERSION,
        "questions": [
            {"id": q.id, "options": len(q.options), "points": [o.points for o in q.options], "dimension": q.dimension}
            for q in MINI.questions
        ],
        "dimensions": [d.id for d in MINI.dimensions],
        "bands": [[b.min, b.max, b.title["en"]] for b in MINI.bands],
    }


# What the page's quiz.js and team.js give readExport to score this version's answers (assessment()).
SCORE = """answers => {
    const total = quiz.questions.reduce((sum, q) => sum + q.points[answers[q.id]], 0);
    const scores = Object.create(null);
    quiz.dimensions.forEach(id => { scores[id] = 0; });
    quiz.questions.forEach(q => { scores[q.dimension] += q.points[answers[q.id]]; });
    const band = quiz.bands.findIndex(([min, max]) => total >= min && total <= max);
    return {version: quiz.version, answers, keys: {}, total, band, bandTitle: quiz.bands[band][2], scores};
}"""


def random_entries(rng: random.Random, count: int) -> list[dict[str, object]]:
    entries = []
    for n in range(count):
        date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(400))).isoformat()
        if rng.random() < 0.7:
            answers = {q.id: rng.randrange(len(q.options)) for q in MINI.questions}
            result = score(MINI, answers)
            assert result.band is not None
            entry = {
                "version": VERSION,
                "total": result.total,
                "band": MINI.bands.index(result.band),
                "bandTitle": result.band.title["en"],
                "scores": {d: value.score for d, value in result.dimensions.items()},
            }
        else:  # an older version's: its own questions and scores, kept as they were
            answers = {q: rng.randrange(4) for q in ("first", "gone", "other") if rng.random() < 0.8}
            entry = {
                "version": OLDER,
                "total": rng.randrange(50),
                "band": rng.randrange(5),
                "bandTitle": rng.choice(["Old band", "Ancien – niveau", "a;b"]),
                "scores": {d.id: rng.randrange(9) for d in MINI.dimensions if rng.random() < 0.8},
            }
        rater = rng.choice(["manager", "self"])
        entries.append(
            {"id": f"id{n}", "name": rng.choice(NAMES), "date": date, "rater": rater, "answers": answers, **entry}
        )
    return entries


READ_BACK = (
    """([entries, quiz, lang, separator]) => {
    entries = JSON.parse(entries); quiz = JSON.parse(quiz);
    const maxima = Object.fromEntries(quiz.dimensions.map(id => [id, 100]));
    const view = {version: quiz.version, dimensions: quiz.dimensions, maxima, label: key => "Label " + key,
                  band: entry => entry.bandTitle,
                  questions: quiz.questions.map(q => ({
                      id: q.id, points: q.points, options: q.points.map((p, i) => "Option " + i)}))};
    const text = T.csvText(T.exportRows(entries, view), separator);
    const score = """
    + SCORE
    + """;
    const read = T.readExport(text, {version: quiz.version, questions: quiz.questions, dayFirst: false, score});
    return JSON.stringify({text, read});
}"""
)

FIELDS = ("name", "date", "rater", "version", "answers", "total", "band", "bandTitle", "scores")


@pytest.mark.parametrize(("lang", "separator"), [("fr", ";"), ("en", ",")])
def test_an_export_reads_back_as_the_model_scores_it(team, lang: str, separator: str) -> None:  # type: ignore[no-untyped-def]
    entries = random_entries(random.Random(lang), 300)
    got = json.loads(team.evaluate(READ_BACK, [json.dumps(entries), json.dumps(quiz_view()), lang, separator]))
    assert got["read"]["problems"] == []
    read = sorted(json.dumps({f: e[f] for f in FIELDS}, sort_keys=True) for e in got["read"]["entries"])
    expected = sorted(json.dumps({f: e[f] for f in FIELDS}, sort_keys=True) for e in entries)
    assert read == expected
    # The file as a spreadsheet reads it: the columns named, every cell safe.
    rows = list(csv.reader(io.StringIO(got["text"].removeprefix("\ufeff"), newline=""), delimiter=separator))
    questions = [q.id for q in MINI.questions]
    questions += [id_ for entry in entries for id_ in entry["answers"] if id_ not in questions]  # type: ignore[attr-defined]
    questions = list(dict.fromkeys(questions))  # this quiz's, then the others in the order they come
    keys = [
        "name",
        "date",
        "rater",
        "version",
        *(f"{kind}:{id_}" for id_ in questions for kind in "qp"),
        "total",
        "band",
    ]
    keys += [f"{kind}:{d.id}" for d in MINI.dimensions for kind in ("d", "max", "pct")]
    assert rows[0] == [f"Label {key} [{key}]" for key in keys]
    assert sorted(row[0] for row in rows[1:]) == sorted(safe(str(e["name"])) for e in entries)


def export_of(*rows: list[str], separator: str = ",") -> str:
    header = ["N [name]", "D [date]", "V [version]", "1 [q:first]", "2 [q:second]", "3 [q:third]", "T [total]"]
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue()


READ = (
    """([text, quiz]) => {
    quiz = JSON.parse(quiz);
    const score = """
    + SCORE
    + """;
    return T.readExport(text, {version: quiz.version, questions: quiz.questions, dayFirst: true, score});
}"""
)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["Anne", "2026-11-30", VERSION, "B", "B", "B", "8"], {"kind": "wrong-total", "row": 2, "value": 8}),
        (["Anne", "2026-11-30", VERSION, "B", "?", "B", "9"], {"kind": "unreadable", "column": "q:second"}),
        (["Anne", "2026-11-30", VERSION, "B", "D", "B", "9"], {"kind": "unreadable", "value": "D"}),  # 3 options
        (["Anne", "2026-11-30", VERSION, "B", "", "B", "9"], {"kind": "unreadable", "column": "q:second"}),
        (["Anne", "2026-11-30", "v2", "B", "B", "B", "9"], {"kind": "unreadable", "column": "version"}),
        (["Anne", "2026-11-30", VERSION, "B", "B", "B", "nine"], {"kind": "unreadable", "column": "total"}),
        (["Anne", "31/02/2026", VERSION, "B", "B", "B", "9"], {"kind": "not-a-date", "value": "31/02/2026"}),
        (["Anne", "30/11/26", VERSION, "B", "B", "B", "9"], {"kind": "not-a-date", "row": 2}),
    ],
)
def test_rows_that_cannot_be_read_are_named(team, row: list[str], problem: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    good = ["Bruno", "2026-11-29", VERSION, "B", "B", "B", "9"]  # 3 + 2 + 4
    read = team.evaluate(READ, [export_of(row, good), json.dumps(quiz_view())])
    assert len(read["entries"]) == 2
    assert len(read["problems"]) == 1
    assert problem.items() <= read["problems"][0].items()


def test_a_date_against_the_order_the_file_settled_names_both_rows(team) -> None:  # type: ignore[no-untyped-def]
    rows = [["Anne", date, VERSION, "A", "A", "A", "2"] for date in ("1/2/2026", "30/11/2026", "11/30/2026")]
    read = team.evaluate(READ, [export_of(*rows, separator=";"), json.dumps(quiz_view())])
    assert read["problems"] == [
        {"kind": "date-order", "row": 4, "value": "11/30/2026", "other": 3, "first": "30/11/2026"}
    ]
    assert [entry["date"] for entry in read["entries"][:2]] == ["2026-02-01", "2026-11-30"]


def test_what_is_no_export_is_said_so(team) -> None:  # type: ignore[no-untyped-def]
    texts = ["", "\ufeff", "a,b,c\r\n1,2,3\r\n", "N [name],D [date]\r\nAnne,2026-01-01\r\n"]
    assert team.evaluate(
        "([texts, quiz]) => texts.map(text => T.readExport(text, JSON.parse(quiz)))", [texts, json.dumps(quiz_view())]
    ) == [None, None, None, None]
    assert team.evaluate(READ, [export_of(), json.dumps(quiz_view())]) == {"problems": [], "entries": [], "unknown": []}


# ── saved assessments ───────────────────────────────────────────────────────


def test_the_table_sorts_by_name_or_a_figure_named_first(team) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"entry": {"name": name, "total": total, "scores": {"alpha": alpha}}}
        for name, total, alpha in [("", 9, 1), ("Zoé", 3, 5), ("Émile", 9, 2), ("anne", 3, 2), ("Anne", 5, 2)]
    ]
    got = team.evaluate(
        """rows => [{key: "name"}, {key: "name", descending: true}, {key: "total", descending: true}, {key: "d:alpha"}]
            .map(sort => T.sortRows(rows, sort, "fr").map(row => row.entry.name || "-").join(" "))""",
        rows,
    )
    assert got == [
        "anne Anne Émile Zoé -",  # by name as French sorts it (accents after their letter), nameless last
        "- Zoé Émile Anne anne",  # reversed
        "Émile - Anne anne Zoé",  # highest figure first; a tie still by name, A to Z
        "- anne Anne Émile Zoé",  # lowest first; ties by name
    ]


def test_an_import_adds_only_what_is_not_saved_yet(team) -> None:  # type: ignore[no-untyped-def]
    """Same name, date, version and answers (in any order of the keys) is the same assessment."""
    saved = [{"name": "Anne", "date": "2026-01-01", "version": VERSION, "answers": {"first": 1, "second": 0}}]
    found = [
        {"name": "Anne", "date": "2026-01-01", "version": VERSION, "answers": {"second": 0, "first": 1}},
        {"name": "Anne", "date": "2026-01-02", "version": VERSION, "answers": {"first": 1, "second": 0}},
        {"name": "Anne", "date": "2026-01-02", "version": VERSION, "answers": {"first": 1, "second": 0}},
        {"name": "anne", "date": "2026-01-01", "version": VERSION, "answers": {"first": 1, "second": 0}},
    ]
    got = team.evaluate(
        "([saved, found]) => T.newEntries(saved, found).map(e => e.name + ' ' + e.date)", [saved, found]
    )
    assert got == ["Anne 2026-01-02", "anne 2026-01-01"]


def test_what_counts_as_a_saved_assessment(team) -> None:  # type: ignore[no-untyped-def]
    good = {
        "id": "x",
        "name": "",
        "date": "2026-01-01",
        "rater": "self",
        "answers": {},
        "scores": {},
        "total": 3,
        "band": 0,
    }
    cases = [
        good,
        {**good, "date": "1/1/2026"},
        {**good, "name": None},
        {**good, "total": "x"},
        {**good, "band": "x"},
        {k: v for k, v in good.items() if k != "scores"},
        {**good, "rater": "boss"},
        {k: v for k, v in good.items() if k != "rater"},  # format 1: read through migrate() first
        {k: v for k, v in good.items() if k != "id"},
        None,
    ]
    assert team.evaluate("cases => cases.map(c => !!T.isEntry(c))", cases) == [True] + [False] * 9
    assert team.evaluate("c => T.isEntry(T.migrate(c))", cases[7]) is True
