"""The coaching rules of team.js and its tools (`kamGuide.teamRules`, `kamGuide.teamTools.rules`) against
the Python model, on random records.

For random teams of records (several people, names that differ only by case or surrounding spaces,
unnamed records, both raters, a few dates so that days tie, some records of another version, a few
with an answer missing or out of range) on small quizzes (tests/fixtures/quizzes/valid/coach.yml, and
quizzes made in code), every person's figures in the browser are compared with kam_guide.quiz.team:

- `change` (each rater) with `changes`;
- `compare` with `comparison`, per dimension and per question, under random gap thresholds and under
  thresholds set exactly on a difference the data holds (the edge where "agree" turns into a gap);
- `summary(rater)` with `team_summary(rater=…)`, `weakPeople` with `weak_people`, and the rule that
  shows the weakest box (`isWeak(sum, people × maximum, percent)`) with `team_weakest_shown`.

Each grid is one `page.evaluate` call (JSON text both ways), on team.js as written and as shipped.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kam_guide.quiz.model import Audienced, Band, Dimension, Gaps, Option, Question, Quiz
from kam_guide.quiz.scoring import fingerprint, score
from kam_guide.quiz.team import (
    JS_SPACES,
    SavedAssessment,
    changes,
    comparison,
    person_key,
    team_summary,
    team_weakest_shown,
    weak_people,
)
from kam_guide.source.fields import LocalizedText
from quizfiles import load_fixture
from scriptpage import QUIZ_JS, TEAM_JS, TEAM_TOOLS_JS, script_page

pytestmark = [pytest.mark.browser, pytest.mark.code_only]

OLDER = "0123456789ab"
RATERS = ("manager", "self")
DATES = ("2026-01-05", "2026-02-10", "2026-02-10", "2026-03-15", "2026-03-15")  # ties are likely
# One person written several ways, two people whose names only look alike, nobody (a person per record),
# and spaces that are not JavaScript's trim (U+0085, U+001C are Python's isspace, U+FEFF is JavaScript's).
NAMES = ("Anne", "anne ", " ANNE", "\u00a0Anne\t", "Anne Marie", "Bruno", "BRUNO", "Chloé", "CHLOÉ ", "Zoë", "", "")
NAMES += ("\u0085Anne", "Anne\u001c", "\ufeffBruno", "Bruno\u2003", "\u200bChloé")


@pytest.fixture(scope="module", params=["source", "minified"])
def rules(browser, request) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A blank page running quiz.js, team.js and its tools (their rules use kamGuide.quizRules)."""
    with script_page(browser, [QUIZ_JS, TEAM_JS, TEAM_TOOLS_JS], shipped=request.param == "minified") as page:
        yield page


def made_quiz(rng: random.Random) -> Quiz:
    """A quiz in memory: 1 to 4 dimensions of 1 to 3 questions of 2 to 5 options, points 0 to 12."""
    text = LocalizedText({"fr": "x", "en": "x"})
    dimensions = tuple(Dimension(f"d{n}", text, None, Audienced.for_all(text)) for n in range(rng.randrange(1, 5)))
    questions = []
    for dimension in dimensions:
        for _ in range(rng.randrange(1, 4)):
            points = [rng.randrange(13) for _ in range(rng.randrange(2, 6))]
            points[0] = max(points[0], 1)  # every dimension can be scored
            options = tuple(Option(LocalizedText({"fr": f"o{p}", "en": f"o{p}"}), p) for p in points)
            questions.append(Question(f"q{len(questions)}", dimension.id, text, options))
    quiz = Quiz("made", "made.yml", ("fr", "en"), text, None, dimensions, tuple(questions), (), 70, {})
    band = Band(quiz.lowest_total, quiz.highest_total, text, Audienced.for_all(text))
    return replace(quiz, bands=(band,), weak_below_percent=rng.randrange(1, 101))


def random_records(rng: random.Random, quiz: Quiz) -> list[SavedAssessment]:
    version = fingerprint(quiz)
    records = []
    for n in range(rng.randrange(0, 36)):
        answers = {q.id: rng.randrange(len(q.options)) for q in quiz.questions}
        result = score(quiz, answers)
        scores = {key: value.score for key, value in result.dimensions.items()}
        total = result.total
        if rng.random() < 0.12:  # another version: its own scores, kept as they were
            scores = {d.id: rng.randrange(quiz.dimension_max(d.id) + 1) for d in quiz.dimensions}
            total = rng.randrange(100)
        if rng.random() < 0.08:  # a damaged or hand-made record: an answer missing or out of range
            question = rng.choice(quiz.questions)
            if rng.random() < 0.5:
                del answers[question.id]
            else:
                answers[question.id] = len(question.options)
        records.append(
            SavedAssessment(
                id=f"id{n}",
                name=rng.choice(NAMES),
                date=rng.choice(DATES),
                version=version if rng.random() > 0.12 else OLDER,
                total=total,
                scores=scores,
                rater=rng.choice(RATERS),
                answers=answers,
            )
        )
    return records


def edge_gaps(rng: random.Random, quiz: Quiz, records: list[SavedAssessment]) -> Gaps:
    """Gap thresholds: random, or set exactly on a difference between two of the records."""
    question_points = rng.randrange(1, 14)
    dimension_percent = rng.randrange(1, 101)
    current = [r for r in records if r.version == fingerprint(quiz)]
    if len(current) >= 2 and rng.random() < 0.7:
        a, b = rng.sample(current, 2)
        question = rng.choice(quiz.questions)
        if question.id in a.answers and question.id in b.answers:
            points = [
                question.options[r.answers[question.id]].points
                for r in (a, b)
                if r.answers[question.id] < len(question.options)
            ]
            if len(points) == 2 and points[0] != points[1]:
                question_points = abs(points[0] - points[1])
        dimension = rng.choice(quiz.dimensions)
        difference, maximum = abs(a.scores[dimension.id] - b.scores[dimension.id]), quiz.dimension_max(dimension.id)
        if difference and difference * 100 % maximum == 0 and difference * 100 // maximum <= 100:
            dimension_percent = difference * 100 // maximum
    return Gaps(question_points=question_points, dimension_percent=dimension_percent)


def team_cases(seed: int, count: int) -> list[tuple[Quiz, list[SavedAssessment]]]:
    rng = random.Random(seed)
    coach = load_fixture("coach")
    cases = []
    for n in range(count):
        quiz = replace(coach, weak_below_percent=rng.randrange(1, 101)) if n % 3 == 0 else made_quiz(rng)
        records = random_records(rng, quiz)
        cases.append((replace(quiz, gaps=edge_gaps(rng, quiz, records)), records))
    return cases


def model_view(quiz: Quiz, records: list[SavedAssessment]) -> dict[str, object]:
    """What the Python model says of every person, and of the team."""
    people = list(dict.fromkeys(person_key(r) for r in records))
    persons = {}
    for who in people:
        steps = {}
        for rater in RATERS:
            change = changes(quiz, records, who, rater)
            steps[rater] = change and {
                "total": change.total,
                "scores": dict(change.dimensions),
                "from": change.previous_date,
                "to": change.latest_date,
            }
        both = comparison(quiz, records, who)
        persons[who] = {
            "change": steps,
            "compare": both
            and {
                "self": both.self_date,
                "manager": both.manager_date,
                "dimensions": {g.id: [g.self_points, g.manager_points, g.direction] for g in both.dimensions},
                "questions": {g.id: [g.self_points, g.manager_points, g.direction] for g in both.questions},
            },
        }
    summaries = {}
    for rater in RATERS:
        summary = team_summary(quiz, records, rater=rater)
        summaries[rater] = summary and {
            "people": summary.people,
            "total": summary.total_sum,
            "shares": {key: list(share) for key, share in summary.shares.items()},
            "weakest": summary.weakest,
        }
    return {
        "people": people,
        "persons": persons,
        "summaries": summaries,
        "weakPeople": {d.id: list(weak_people(quiz, records, d.id)) for d in quiz.dimensions},
        "weakestShown": team_weakest_shown(team_summary(quiz, records), quiz),
    }


def page_case(quiz: Quiz, records: list[SavedAssessment]) -> dict[str, object]:
    """The quiz as team.js's rules are handed it, and the records as stored."""
    return {
        "version": fingerprint(quiz),
        "percent": quiz.weak_below_percent,
        "dimensions": [d.id for d in quiz.dimensions],
        "maxima": {d.id: quiz.dimension_max(d.id) for d in quiz.dimensions},
        "questions": [{"id": q.id, "points": [o.points for o in q.options]} for q in quiz.questions],
        "gaps": {"questionPoints": quiz.gaps.question_points, "dimensionPercent": quiz.gaps.dimension_percent},
        "entries": [
            {
                "id": r.id,
                "name": r.name,
                "date": r.date,
                "rater": r.rater,
                "version": r.version,
                "total": r.total,
                "scores": dict(r.scores),
                "answers": dict(r.answers),
                "band": 0,
            }
            for r in records
        ],
    }


PAGE_VIEW = """cases => JSON.stringify(JSON.parse(cases).map(q => {
    const T = Object.assign({}, kamGuide.teamRules, kamGuide.teamTools.rules), R = kamGuide.quizRules;
    const byPerson = T.people(q.entries);
    const plain = value => JSON.parse(JSON.stringify(value));
    const persons = {};
    byPerson.forEach((list, who) => {
        const change = {};
        for (const rater of ["manager", "self"]) change[rater] = plain(T.change(list, rater, q.version, q.dimensions));
        const both = T.compare(list, q);
        const pairs = figures => Object.fromEntries(
            Object.entries(figures).map(([id, f]) => [id, [f.self, f.manager, f.reading]]));
        persons[who] = {change, compare: both && {
            self: both.self.date, manager: both.manager.date,
            dimensions: pairs(both.dimensions), questions: pairs(both.questions)}};
    });
    const summaries = {};
    for (const rater of ["manager", "self"]) {
        const s = T.summary(q.entries, rater, q.version, q.dimensions, q.maxima);
        summaries[rater] = s && {people: s.people, total: s.total, shares: plain(s.shares), weakest: s.weakest};
    }
    const managers = T.summary(q.entries, "manager", q.version, q.dimensions, q.maxima);
    const weakest = managers && managers.weakest;
    return {
        people: Array.from(byPerson.keys()),
        persons,
        summaries,
        weakPeople: Object.fromEntries(q.dimensions.map(
            id => [id, T.weakPeople(byPerson, q.version, id, q.maxima[id], q.percent)])),
        // the table's rule (showWeakest): the weakest dimension, only when the team is weak on it
        weakestShown: weakest !== null && weakest !== undefined &&
            R.isWeak(managers.shares[weakest][0], managers.shares[weakest][1], q.percent) ? weakest : null,
    };
}))"""


def test_a_person_is_named_alike_in_both(rules) -> None:  # type: ignore[no-untyped-def]
    """What trim() removes around a name is JS_SPACES, every character of the BMP checked; and a name is lower-cased
    alike (one character at a time, and whole words with a final sigma or a dotted capital I)."""
    trimmed = rules.evaluate(
        """() => { let out = ""; for (let c = 0; c < 0x10000; c++) {
            if (c >= 0xd800 && c < 0xe000) continue;
            const s = String.fromCharCode(c); if (("a" + s).trim() === "a" && (s + "a").trim() === "a") out += s;
        } return out; }"""
    )
    assert trimmed == JS_SPACES
    words = ["ΟΔΟΣ", "ΣΑΣ Σ", "İstanbul", "STRASSE ẞ", "ǅemal", "Chloé", "ÉMILE", "Ǆ", "ꭰꮎ"]
    got = rules.evaluate("words => words.map(w => w.toLowerCase())", words)
    assert got == [word.lower() for word in words]


def first_difference(path: str, want: object, have: object) -> str | None:
    """Where two JSON values first differ, as a path, for a readable failure."""
    if isinstance(want, dict) and isinstance(have, dict):
        for key in [*want, *(k for k in have if k not in want)]:
            found = first_difference(f"{path}.{key}", want.get(key, "<absent>"), have.get(key, "<absent>"))
            if found:
                return found
        return None
    if isinstance(want, list) and isinstance(have, list) and len(want) == len(have):
        for index, (a, b) in enumerate(zip(want, have, strict=True)):
            found = first_difference(f"{path}[{index}]", a, b)
            if found:
                return found
        return None
    return None if want == have else f"{path}: Python {want!r}, page {have!r}"


@pytest.mark.parametrize("seed", [17, 2026])
def test_coaching_figures_of_random_teams_follow_the_model(rules, seed: int) -> None:  # type: ignore[no-untyped-def]
    cases = team_cases(seed, 250)
    expected = [model_view(quiz, records) for quiz, records in cases]
    got = json.loads(rules.evaluate(PAGE_VIEW, json.dumps([page_case(quiz, records) for quiz, records in cases])))
    assert len(got) == len(expected)
    wrong = [
        f"team {n} ({len(cases[n][1])} records, gaps {cases[n][0].gaps}): {found}"
        for n, (want, have) in enumerate(zip(expected, got, strict=True))
        if (found := first_difference("", want, have))
    ]
    assert not wrong, f"{len(wrong)} of {len(cases)} teams differ:\n" + "\n".join(wrong[:6])


def test_the_random_teams_reach_every_case_they_are_meant_to() -> None:
    """The grid is not vacuous: progress, comparisons, both directions, edges hit exactly, the weakest shown or not."""
    seen: dict[str, int] = dict.fromkeys(
        [
            "change",
            "compare",
            "dimension edge",
            "question edge",
            "agree",
            "self-higher",
            "manager-higher",
            "question skipped",
            "weakest shown",
            "weakest hidden",
            "weak people",
            "self summary",
            "tie of dates",
        ],
        0,
    )
    for quiz, records in [*team_cases(17, 250), *team_cases(2026, 250)]:
        view = model_view(quiz, records)
        for person in view["persons"].values():
            seen["change"] += any(person["change"].values())
            both = person["compare"]
            if not both:
                continue
            seen["compare"] += 1
            for key, (mine, theirs, direction) in both["dimensions"].items():
                seen[direction] += 1
                seen["dimension edge"] += (
                    abs(mine - theirs) * 100 == quiz.dimension_max(key) * quiz.gaps.dimension_percent
                )
            for mine, theirs, direction in both["questions"].values():
                seen[direction] += 1
                seen["question edge"] += abs(mine - theirs) == quiz.gaps.question_points
            seen["question skipped"] += len(both["questions"]) < len(quiz.questions)
        seen["weakest shown" if view["weakestShown"] else "weakest hidden"] += view["summaries"]["manager"] is not None
        seen["weak people"] += any(view["weakPeople"].values())
        seen["self summary"] += view["summaries"]["self"] is not None
        dates = [(person_key(r), r.rater, r.date) for r in records if r.version == fingerprint(quiz)]
        seen["tie of dates"] += len(dates) != len(set(dates))
    assert all(count >= 10 for count in seen.values()), seen
