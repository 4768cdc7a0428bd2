"""The rules the page shares with the Python model, run in Chromium from quiz.js alone: no build, no server.

quiz.js defines `window.kamGuide.quizRules` (DESIGN.md, "Browser scripts"), whole-number rules that
kam_guide.quiz.scoring and kam_guide.quiz.team apply too. Each test runs one rule over a whole grid of cases in
one call, its answers one character per case, and compares them with the Python model's in one
go; a difference is reported with its first cases. Both the source and the file as shipped
(minified by kam_guide/build/minify.py) are tested.

Also quiz.js's share links (`kamGuide.quizLinks`), which have no Python counterpart: read back as written,
and every malformed link refused.
"""

from __future__ import annotations

import datetime
import functools
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import asdict

import pytest

from conftest import LANGUAGES
from kam_guide.quiz.model import Audienced, Band, Dimension, Option, Question, Quiz
from kam_guide.quiz.scoring import fingerprint, is_weak, shown_share
from kam_guide.quiz.team import SavedAssessment, team_summary
from kam_guide.source.fields import LocalizedText
from quizfiles import REAL_QUIZZES, load_fixture, load_quiz
from scriptpage import QUIZ_JS, differences, script_page

pytestmark = [pytest.mark.browser, pytest.mark.code_only]

PERCENTS = range(1, 100)  # thresholds (a quiz may also say 100: every share short of the maximum is weak)
GRID_MAX = 100  # every maximum up to it, every score from 0 to the maximum
DIMENSION_MAX = 100 * 100  # the highest a dimension can reach: 100 questions of at most 100 points


@pytest.fixture(scope="module", params=["source", "minified"])
def rules(browser, request) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A blank page running quiz.js; `rules.evaluate(...)` sees `kamGuide.quizRules` as `R`."""
    with script_page(browser, [QUIZ_JS], shipped=request.param == "minified") as page:
        page.evaluate("() => { window.R = window.kamGuide.quizRules; }")
        yield page


# Many cases travel as one JSON text each way: far quicker than Playwright's argument serialization.
SHOWN = "cases => JSON.stringify(JSON.parse(cases).map(([part, whole, unit]) => R.shown(part, whole, unit)))"


def test_rules_are_frozen_and_nothing_is_set_on_the_page(rules) -> None:  # type: ignore[no-untyped-def]
    """What quiz.js offers on kamGuide is read-only and frozen (team.js and simulator.js add their own members)."""
    assert rules.evaluate(
        """() => [Object.keys(kamGuide).sort().join(),
                  Object.keys(kamGuide).every(name => {
                      const property = Object.getOwnPropertyDescriptor(kamGuide, name);
                      return !property.writable && !property.configurable;
                  }),
                  Object.isFrozen(R), Object.isFrozen(kamGuide.quizLinks), Object.keys(R).sort().join(),
                  kamGuide.quiz(document.body)]"""
    ) == ["quiz,quizLinks,quizRules", True, True, True, "band,below,isWeak,shown,team", None]


def test_a_day_is_written_as_links_and_records_store_it(rules) -> None:  # type: ignore[no-untyped-def]
    """The Date's own calendar day (the reader's time zone), zero-padded, at any hour."""
    days = "[[2026, 0, 5, 0], [2026, 10, 30, 23], [2026, 11, 31, 12]]"
    assert rules.evaluate(f"() => {days}.map(([y, m, d, h]) => kamGuide.quizLinks.day(new Date(y, m, d, h, 59)))") == [
        "2026-01-05",
        "2026-11-30",
        "2026-12-31",
    ]


# ── weak or not: score / max < percent % ────────────────────────────────────


def test_weak_on_every_threshold_maximum_and_score(rules) -> None:  # type: ignore[no-untyped-def]
    """99 thresholds × maxima 1–100 × every score: about 510,000 cases."""
    got = rules.evaluate(
        """([percents, grid]) => {
            const out = [];
            for (const p of percents) for (let m = 1; m <= grid; m++) for (let s = 0; s <= m; s++)
                out.push(R.isWeak(s, m, p) ? "1" : "0");
            return out.join("");
        }""",
        [list(PERCENTS), GRID_MAX],
    )
    cases = [(s, m, p) for p in PERCENTS for m in range(1, GRID_MAX + 1) for s in range(m + 1)]
    expected = "".join("1" if is_weak(s, m, p) else "0" for s, m, p in cases)
    assert got == expected, differences([f"{s}/{m} at {p} %" for s, m, p in cases], expected, got)


@functools.cache
def boundary_model() -> tuple[list[tuple[int, int, int]], str]:
    """For every maximum above the grid up to a dimension's highest, the scores around the threshold
    (score, max, percent), and the model's answers (computed once for both versions of the script)."""
    cases = []
    for p in PERCENTS:
        for m in range(GRID_MAX + 1, DIMENSION_MAX + 1):
            k = m * p // 100
            cases.extend((s, m, p) for s in (k - 1, k, k + 1) if 0 <= s <= m)
    return cases, "".join("1" if is_weak(s, m, p) else "0" for s, m, p in cases)


def test_weak_at_the_threshold_of_every_larger_maximum(rules) -> None:  # type: ignore[no-untyped-def]
    """Whether a share is weak only changes at percent × max / 100: the scores on each side of it."""
    got = rules.evaluate(
        """([percents, from, to]) => {
            const out = [];
            for (const p of percents) for (let m = from; m <= to; m++) {
                const k = Math.floor(m * p / 100);  // exact: m × p is far below 2^53
                for (const s of [k - 1, k, k + 1]) if (s >= 0 && s <= m) out.push(R.isWeak(s, m, p) ? "1" : "0");
            }
            return out.join("");
        }""",
        [list(PERCENTS), GRID_MAX + 1, DIMENSION_MAX],
    )
    cases, expected = boundary_model()
    assert got == expected, differences([f"{s}/{m} at {p} %" for s, m, p in cases], expected, got)


# ── a share as shown: a whole percent, a tenth ──────────────────────────────


def test_shown_percent_of_every_score_up_to_a_thousand(rules) -> None:  # type: ignore[no-untyped-def]
    """Every maximum 1–1,000 and every score: the whole percent shown, one character per case."""
    top = 1000
    got = rules.evaluate(
        """top => {
            const out = [];
            for (let m = 1; m <= top; m++) for (let s = 0; s <= m; s++)
                out.push(String.fromCharCode(48 + R.shown(s, m, 100)));
            return out.join("");
        }""",
        top,
    )
    cases = [(s, m) for m in range(1, top + 1) for s in range(m + 1)]
    expected = "".join(chr(48 + shown_share(s, m)) for s, m in cases)
    assert got == expected, differences([f"{s}/{m}" for s, m in cases], expected, got)


def test_halves_round_up_and_nothing_of_nothing_is_nought(rules) -> None:  # type: ignore[no-untyped-def]
    cases = [(1, 8, 100), (5, 8, 100), (29, 200, 100), (1, 200, 100), (3, 2, 10), (7, 4, 10), (0, 0, 100), (0, 0, 10)]
    got = json.loads(rules.evaluate(SHOWN, json.dumps(cases)))
    assert got == [shown_share(*case) for case in cases] == [13, 63, 15, 1, 15, 18, 0, 0]


def test_shown_tenths_and_percents_of_random_teams(rules) -> None:  # type: ignore[no-untyped-def]
    """Mean totals to a tenth and shares to a percent, for teams of 1 to 10,000 people."""
    rng = random.Random(18)
    cases = []
    for _ in range(20_000):
        people = rng.choice([rng.randrange(1, 30), rng.randrange(1, 10_001)])
        unit = rng.choice([10, 100])
        whole = people if unit == 10 else people * rng.randrange(0, DIMENSION_MAX + 1)
        most = people * DIMENSION_MAX if unit == 10 else whole
        part = rng.randrange(0, most + 1)
        if whole and rng.random() < 0.3:  # half-way between two shown values (exactly when 2·unit divides whole)
            part = min(most, (2 * rng.randrange(unit * most // whole + 1) + 1) * whole // (2 * unit))
        cases.append((part, whole, unit))
    got = json.loads(rules.evaluate(SHOWN, json.dumps(cases)))
    expected = [shown_share(*case) for case in cases]
    assert got == expected, differences(cases, expected, got)


@pytest.mark.parametrize("language", LANGUAGES)
def test_intl_writes_a_shown_percent_or_tenth_as_it_is(rules, language: str) -> None:  # type: ignore[no-untyped-def]
    """The page formats the whole number it rounded: Intl must not round it again (0.29 → 29 %, 1.5)."""
    got = rules.evaluate(
        """language => {
            const percent = new Intl.NumberFormat(language, {style: "percent"});
            const decimal = new Intl.NumberFormat(language, {maximumFractionDigits: 1});
            const digits = text => Number(text.replace(/[^0-9]/g, ""));
            const percents = [], tenths = [];
            for (let p = 0; p <= 100; p++) percents.push(digits(percent.format(p / 100)));
            for (let t = 0; t <= 100000; t++) tenths.push(digits(decimal.format(t / 10)) * (t % 10 ? 1 : 10));
            return [percents, tenths];
        }""",
        language,
    )
    assert got == [list(range(101)), list(range(100_001))]


# ── exact past 2^53 ─────────────────────────────────────────────────────────


def big_comparisons(rng: random.Random) -> list[tuple[int, int, int, int]]:
    cases = []
    for _ in range(5_000):
        k = rng.randrange(2**26, 2**52)
        a, b = rng.randrange(1, 2**52), rng.randrange(1, 2**52)
        # (k)(k + 2) is (k + 1)² − 1: a float product cannot tell them apart above 2^53.
        cases += [(k, k + 2, k + 1, k + 1), (k + 1, k + 1, k, k + 2), (a, b, b, a), (a, b, a, b + 1)]
        cases.append((rng.randrange(0, 2**30), rng.randrange(0, 2**30), rng.randrange(0, 2**30), rng.randrange(2**30)))
    return cases


def test_comparisons_stay_exact_beyond_two_to_the_53(rules) -> None:  # type: ignore[no-untyped-def]
    cases = big_comparisons(random.Random(53))
    got = rules.evaluate(
        "cases => JSON.parse(cases).map(([a, b, c, d]) => R.below(a, b, c, d) ? '1' : '0').join('')", json.dumps(cases)
    )
    expected = "".join("1" if a * b < c * d else "0" for a, b, c, d in cases)
    assert got == expected, differences(cases, expected, got)


def test_shown_share_stays_exact_beyond_two_to_the_53(rules) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(54)
    cases = []
    for _ in range(5_000):
        whole = rng.randrange(2**45, 2**52)
        cases.append((rng.randrange(0, whole + 1), whole, rng.choice([10, 100])))
        unit, m = rng.choice([10, 100]), rng.randrange(2**36, 2**44)
        cases.append(((2 * rng.randrange(unit) + 1) * m, 2 * unit * m, unit))  # exactly half-way
    got = json.loads(rules.evaluate(SHOWN, json.dumps(cases)))
    expected = [shown_share(*case) for case in cases]
    assert got == expected, differences(cases, expected, got)


# ── bands ───────────────────────────────────────────────────────────────────


def quizzes() -> list[Quiz]:
    return [*(load_quiz(path) for path in REAL_QUIZZES), load_fixture("mini")]


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: quiz.id)
def test_band_of_every_total(rules, quiz: Quiz) -> None:  # type: ignore[no-untyped-def]
    ranges = [[band.min, band.max] for band in quiz.bands]
    totals = list(range(quiz.lowest_total - 2, quiz.highest_total + 3))
    got = rules.evaluate("([ranges, totals]) => totals.map(total => R.band(total, ranges))", [ranges, totals])
    bands = [quiz.band_for(total) for total in totals]
    assert got == [-1 if band is None else quiz.bands.index(band) for band in bands]


# ── the team's figures ──────────────────────────────────────────────────────


def team_quiz(maxima: Sequence[int], percent: int) -> Quiz:
    """A quiz in memory whose dimensions reach these maxima (one two-option question each)."""
    text = LocalizedText({"fr": "x", "en": "x"})
    dimensions = tuple(Dimension(f"d{n}", text, None, Audienced.for_all(text)) for n in range(len(maxima)))
    questions = tuple(
        Question(f"q{n}", f"d{n}", text, (Option(text, 0), Option(LocalizedText({"fr": "y", "en": "y"}), high)))
        for n, high in enumerate(maxima)
    )
    band = Band(0, sum(maxima), text, Audienced.for_all(text))
    return Quiz("team", "team.yml", ("fr", "en"), text, None, dimensions, questions, (band,), percent, {})


NAMES = ("Anne", "anne ", " ANNE", "Bruno", "Chloé", "chloé", "Dora", "", "")


def random_team(rng: random.Random, quiz: Quiz, version: str) -> list[SavedAssessment]:
    maxima = {d.id: quiz.dimension_max(d.id) for d in quiz.dimensions}
    entries = []
    for n in range(rng.randrange(0, 40)):
        if rng.random() < 0.6:  # quarters of the maximum: equal shares across dimensions, ties for the weakest
            scores = {d: maxima[d] * rng.randrange(5) // 4 for d in maxima}
        else:
            scores = {d: rng.randrange(maxima[d] + 1) for d in maxima}
        entries.append(
            SavedAssessment(
                id=f"id{n}",
                name=rng.choice(NAMES),
                date=f"2026-0{rng.randrange(1, 4)}-0{rng.randrange(1, 4)}",
                version=version if rng.random() < 0.85 else "0123456789ab",
                total=rng.randrange(0, 10_001),
                scores=scores,
            )
        )
    return entries


def test_team_figures_of_random_teams(rules) -> None:  # type: ignore[no-untyped-def]
    """Who counts, mean total, each dimension's share, weak or not, the weakest: as kam_guide.quiz.team says."""
    rng = random.Random(2026)
    teams, expected = [], []
    for _ in range(400):
        maxima = [rng.choice([0, 1, 3, 4, 5, 8, 12, 20, 25, 100, 9_999, 10_000]) for _ in range(rng.randrange(1, 13))]
        quiz = team_quiz(maxima, rng.randrange(1, 101))
        version = fingerprint(quiz)
        entries = random_team(rng, quiz, version)
        teams.append(
            {
                "version": version,
                "percent": quiz.weak_below_percent,
                "dimensions": [d.id for d in quiz.dimensions],
                "maxima": {d.id: quiz.dimension_max(d.id) for d in quiz.dimensions},
                "entries": [
                    {
                        "id": e.id,
                        "name": e.name,
                        "date": e.date,
                        "version": e.version,
                        "total": e.total,
                        "scores": e.scores,
                    }
                    for e in entries
                ],
            }
        )
        summary = team_summary(quiz, entries)
        expected.append(
            None
            if summary is None
            else {
                "people": summary.people,
                "total": summary.total_sum,
                "tenths": round(summary.shown_total * 10),
                "shares": {d: list(share) for d, share in summary.shares.items()},
                "percents": {d.id: summary.shown_percent(d.id) for d in quiz.dimensions},
                "weak": {d.id: summary.is_weak(d.id, quiz.weak_below_percent) for d in quiz.dimensions},
                "weakest": summary.weakest,
            }
        )
    got = json.loads(
        rules.evaluate(
            """teams => JSON.stringify(JSON.parse(teams).map(team => {
            const s = R.team(team.entries, team.version, team.dimensions, team.maxima);
            if (!s) return null;
            const each = f => Object.fromEntries(team.dimensions.map(id => [id, f(s.shares[id])]));
            return {
                people: s.people, total: s.total, tenths: R.shown(s.total, s.people, 10),
                shares: each(share => share.slice()),
                percents: each(share => R.shown(share[0], share[1], 100)),
                weak: each(share => R.isWeak(share[0], share[1], team.percent)),
                weakest: s.weakest,
            };
        }))""",
            json.dumps(teams),
        )
    )
    wrong = [(n, want, have) for n, (want, have) in enumerate(zip(expected, got, strict=True)) if want != have]
    assert not wrong, f"{len(wrong)} of {len(teams)} teams differ, the first: {wrong[0]}"
    assert sum(e is not None for e in expected) > 300  # most teams count someone


def test_weakest_compares_exact_shares_not_rounded_ones(rules) -> None:  # type: ignore[no-untyped-def]
    """1/9,999 and 1/10,000 are equal to six decimals, not exactly; then true ties: the first dimension wins."""
    for maxima, scores, weakest in [
        ([9_999, 10_000], {"d0": 1, "d1": 1}, "d1"),
        ([10_000, 3], {"d0": 3333, "d1": 1}, "d0"),  # 0.3333 < 0.33333…
        ([4, 8], {"d0": 2, "d1": 4}, "d0"),  # ½ and ½
        ([0, 5], {"d0": 0, "d1": 0}, "d0"),  # nothing of nothing counts as nought
    ]:
        quiz = team_quiz(maxima, 70)
        entry = SavedAssessment("a", "Anne", "2026-01-01", fingerprint(quiz), 0, scores)
        summary = team_summary(quiz, [entry])
        assert summary is not None and summary.weakest == weakest
        got = rules.evaluate(
            "([entries, version, maxima]) => R.team(entries, version, Object.keys(maxima), maxima).weakest",
            [[asdict(entry)], entry.version, {f"d{n}": m for n, m in enumerate(maxima)}],
        )
        assert got == weakest


# ── share links: #quiz-<id>=<version>.<one character per question>[.<rater>.<day>[.<name>]] ───


def link_read(choices: list[int], rater: str = "", date: str = "", name: str = "") -> dict[str, object]:
    """What `quizLinks.read` gives for a link of this quiz: the choices, and who answered and when ("" unsaid)."""
    return {"choices": choices, "rater": rater, "date": date, "name": name}


# Names as readers type them: dots (the link's separator), spaces, accents, emoji, "%", signs URLs mean something by.
LINK_NAMES = [
    "Anne",
    "A. N. Other",
    "Jean-Éric d'Alembert",
    "Zoë  Ünal",
    "50 % Rémi",
    "%41%2E",
    "👩🏽‍💼 Ana",
    "a.b..c.",
]
LINK_NAMES += ["?x=1&y=#z", "/slash\\back", "名前", "O'Brien (KAM)", "+33 6 12", "-", "x" * 60, "e\u0301"]


def test_share_links_read_back_every_answer(rules) -> None:  # type: ignore[no-untyped-def]
    """Random quizzes of 1 to 60 questions of 1 to 36 options, random answers (-1: unanswered); half of the links
    also say who answered (a rater, a day, a name or none), which reads back exactly."""
    rng = random.Random(36)
    cases = []
    for n in range(2_000):
        options = [rng.randrange(1, 37) for _ in range(rng.randrange(1, 61))]
        choices = [rng.randrange(-1, count) for count in options]
        case = {"id": rng.choice(["self-assessment", "mini", "a-b"]), "options": options, "choices": choices}
        if n % 2:
            day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(3_000))
            case["who"] = {
                "rater": rng.choice(["self", "manager"]),
                "date": day.isoformat(),
                "name": rng.choice(["", *LINK_NAMES]),
            }
        cases.append(case)
    got = json.loads(
        rules.evaluate(
            """cases => JSON.stringify(JSON.parse(cases).map(c => {
                const link = kamGuide.quizLinks.write(c.id, "0123456789ab", c.choices, c.who);
                return [link, kamGuide.quizLinks.read("#" + link, c.id, "0123456789ab", c.options)];
            }))""",
            json.dumps(cases),
        )
    )
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    expected = [
        [
            f"quiz-{c['id']}=0123456789ab." + "".join("-" if i < 0 else digits[i] for i in c["choices"]),
            link_read(c["choices"], **c.get("who", {})),
        ]
        for c in cases
    ]
    # The link itself is not compared beyond its answers: who answered is written as the page may encode it.
    got_links = [[link.split(".")[0] + "." + link.split(".")[1], read] for link, read in got]
    assert got_links == expected, differences(cases, expected, got_links)
    for (link, _), case in zip(got, cases, strict=True):
        assert link.count(".") == (1 if "who" not in case else 3 if not case["who"]["name"] else 4), link


@pytest.mark.parametrize(
    ("hash_", "expected"),
    [
        ("", None),
        ("#quiz--team", None),  # a heading's anchor
        ("#quiz-minimal=0123456789ab.0-1", None),  # another quiz whose id starts the same
        ("#quiz-mini=0123456789ab.0-1", link_read([0, -1, 1])),
        ("#quiz-mini=0123456789ab.0-2", "bad"),  # the third question has two options
        ("#quiz-mini=0123456789ab.0-", "bad"),  # truncated
        ("#quiz-mini=0123456789ab.0-11", "bad"),
        ("#quiz-mini=ffffffffffff.0-1", "bad"),  # another version
        ("#quiz-mini=0123456789ab.0-1.2", "bad"),
        ("#quiz-mini=0123456789ab.A-1", "bad"),  # digits are lower case
        ("#quiz-mini=0123456789ab", "bad"),
        # who answered, and when
        ("#quiz-mini=0123456789ab.0-1.m.20261130", link_read([0, -1, 1], "manager", "2026-11-30")),
        (
            "#quiz-mini=0123456789ab.0-1.s.20240229.Zo%C3%AB%20%2E%25",
            link_read([0, -1, 1], "self", "2024-02-29", "Zoë .%"),
        ),
        ("#quiz-mini=0123456789ab.0-1.s.20261130.%20Anne%20", link_read([0, -1, 1], "self", "2026-11-30", "Anne")),
        ("#quiz-mini=0123456789ab.0-1.s.20261130.", link_read([0, -1, 1], "self", "2026-11-30")),
        # at most 60 UTF-16 units, and never half of an emoji (the link could not be written again)
        (
            "#quiz-mini=0123456789ab.0-1.s.20261130." + "a" * 59 + "%F0%9F%98%80",
            link_read([0, -1, 1], "self", "2026-11-30", "a" * 59),
        ),
        ("#quiz-mini=0123456789ab.0-1.x.20261130", "bad"),  # no such rater
        ("#quiz-mini=0123456789ab.0-1.manager.20261130", "bad"),  # one letter
        ("#quiz-mini=0123456789ab.0-1.constructor.20261130", "bad"),  # not a rater, whatever objects hold
        ("#quiz-mini=0123456789ab.0-1.__proto__.20261130", "bad"),
        ("#quiz-mini=0123456789ab.0-1.m", "bad"),  # a rater without a day
        ("#quiz-mini=0123456789ab.0-1.m.20261330", "bad"),  # month 13
        ("#quiz-mini=0123456789ab.0-1.m.20260015", "bad"),  # month 00
        ("#quiz-mini=0123456789ab.0-1.m.20261100", "bad"),  # day 00
        ("#quiz-mini=0123456789ab.0-1.m.20260230", "bad"),  # 30 February
        ("#quiz-mini=0123456789ab.0-1.m.20250229", "bad"),  # not a leap year
        ("#quiz-mini=0123456789ab.0-1.m.2026-11-30", "bad"),
        ("#quiz-mini=0123456789ab.0-1.m.2026113", "bad"),
        ("#quiz-mini=0123456789ab.0-1.m.20261130.Anne.x", "bad"),  # six parts
        ("#quiz-mini=0123456789ab.0-1.m.20261130.%E0%A4%A", "bad"),  # a truncated escape
        ("#quiz-mini=0123456789ab.0-1.m.20261130.50%", "bad"),  # "%" not escaped
        ("#quiz-mini=0123456789ab.0-1.m.20261130.%ZZ", "bad"),
        ("#quiz-mini=0123456789ab.0-1.m.20261130.%C3", "bad"),  # half a character
        ("#quiz-mini=0123456789ab.0-1.m.20261130.%ED%A0%80", "bad"),  # an encoded lone surrogate
        ("#quiz-mini=0123456789ab.0-2.m.20261130", "bad"),  # answers still checked
    ],
)
def test_share_links_that_are_not_this_quiz_or_are_malformed(rules, hash_: str, expected: object) -> None:  # type: ignore[no-untyped-def]
    got = rules.evaluate(
        "hash => kamGuide.quizLinks.read(hash, 'mini', '0123456789ab', [2, 3, 2])",
        hash_,
    )
    assert got == expected
