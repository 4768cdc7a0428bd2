"""The pay formula, the simulator's data files, and the simulator on its page without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite
from kam_guide.paysim.formula import PayPlan, pay
from kam_guide.paysim.model import PaySimulator, validate
from kam_guide.paysim.render import format_money, format_share
from kam_guide.source.yamlsource import SourceError, load
from sitecontent import QUIZDATA, placements

pytestmark = pytest.mark.content

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "simulators"
FIXTURE_LANGUAGES = ("fr", "en")
PLACED = placements("simulator")
# A plan to exercise the formula with, not the site's content.
PLAN = PayPlan(base=40_000, variable_percent=20, accelerator=1.5, cap_percent=150)


def load_simulator(path: Path, languages: tuple[str, ...] = LANGUAGES) -> PaySimulator:
    return validate(load(path.read_text(encoding="utf-8"), path.name), languages)


def real_simulator(simulator_id: str) -> PaySimulator:
    return load_simulator(QUIZDATA / "simulators" / f"{simulator_id}.yml")


@pytest.mark.parametrize(
    ("attainment", "variable", "total"),
    [
        (100, 8_000, 48_000),
        (0, 0, 40_000),
        (50, 4_000, 44_000),  # proportional below target
        (120, 10_400, 50_400),  # 8 000 + 20 points × 80 € × 1.5
        (150, 14_000, 54_000),
        (170, 14_000, 54_000),  # capped at 150 %
    ],
)
def test_pay_formula(attainment: float, variable: float, total: float) -> None:
    result = pay(PLAN, attainment)
    assert (result.variable, result.total) == pytest.approx((variable, total))


def test_no_cap_and_no_accelerator_is_linear() -> None:
    linear = PayPlan(base=50_000, variable_percent=10)
    assert pay(linear, 300).variable == pytest.approx(15_000)


def test_variable_share_of_total() -> None:
    assert pay(PLAN, 100).variable_share == pytest.approx(8_000 / 48_000)
    assert pay(PayPlan(base=0, variable_percent=20), 100).variable_share == 0


def test_amounts_are_written_the_way_each_language_writes_them() -> None:
    assert format_money(48_000, "EUR", "fr") == "48\u202f000\xa0€"
    assert format_money(48_000, "EUR", "en") == "€48,000"
    assert format_share(8_000 / 48_000, "fr") == "16,7\xa0%"
    assert format_share(8_000 / 48_000, "en") == "16.7%"


def test_valid_fixture_starts_with_empty_optional_fields() -> None:
    simulator = load_simulator(FIXTURES / "valid" / "pay.yml", FIXTURE_LANGUAGES)
    assert simulator.plan == PayPlan(base=40_000, variable_percent=20, accelerator=1.0, cap_percent=None)
    assert simulator.accelerator_field is None


# fixture name → (line, column, words the message must contain)
BAD_FIXTURES = {
    "empty": (1, 1, "the file is empty: a simulator file needs at least id, currency, defaults, limits, texts"),
    "unknown-currency": (3, 11, "unknown currency 'EURO'"),
    "negative-base": (5, 9, "`base` must be a number from 0 to 1000000000, such as 40000 or 12.5 (got -1)"),
    "not-a-number": (6, 21, "`variable_percent` must be a number from 0 to 10000, such as 40000 or 12.5 (got nan)"),
    "infinite": (7, 23, "`attainment_percent` must be a number from 0 to 10000, such as 40000 or 12.5 (got inf)"),
    "default-above-limit": (5, 9, "`base` is 99999999, above `limits.base_max` (10000000): the page would open"),
    "cap-below-target": (8, 16, "`cap_percent` cannot be below 100"),
    "cap-above-attainment-limit": (8, 16, "`cap_percent` is 1500, above `limits.attainment_percent_max` (1000)"),
    "limit-zero": (12, 20, "`accelerator_max` must be above 0"),
    "limit-beyond-ceiling": (9, 13, "`base_max` must be a number from 0 to 1000000000"),
    "attainment-limit-below-target": (11, 27, "`attainment_percent_max` must be at least 100"),
    "unknown-text": (37, 3, "unknown key `restart` in this `texts` section"),
    "missing-text-language": (23, 16, "`error_empty` has no `en` text"),
}


def test_every_bad_fixture_is_listed() -> None:
    assert {path.stem for path in (FIXTURES / "bad").glob("*.yml")} == set(BAD_FIXTURES)


@pytest.mark.parametrize("name", sorted(BAD_FIXTURES))
def test_bad_data_file_reports_line_and_fix(name: str) -> None:
    line, column, words = BAD_FIXTURES[name]
    path = FIXTURES / "bad" / f"{name}.yml"
    with pytest.raises(SourceError) as raised:
        validate(load(path.read_text(encoding="utf-8"), f"bad/{name}.yml"), FIXTURE_LANGUAGES)
    first = str(raised.value.problems[0])
    assert first.startswith(f"bad/{name}.yml:{line}:{column}: "), first
    assert words in first


def test_some_page_shows_a_simulator() -> None:
    assert PLACED, "no page of docs/ holds a `<!-- simulator: … -->` line"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("placement", PLACED, ids=lambda p: f"{p.slug}:{p.id}")
def test_page_without_javascript_shows_the_starting_example(site: BuiltSite, placement, language: str) -> None:  # type: ignore[no-untyped-def]
    simulator = real_simulator(placement.id)
    total = format_money(pay(simulator.plan, simulator.attainment_percent).total, simulator.currency, language)
    section = site.soup(placement.slug, language).select_one(f"[data-simulator='{placement.id}']")
    fallback = section.select_one("[data-sim-fallback]")
    assert not fallback.has_attr("hidden") and total in fallback.get_text()
    assert section.select_one("[data-sim-form]").has_attr("hidden")
    assert section.select_one("[data-sim-out='total']").get_text() == total


def test_simulator_assets_load_on_simulator_pages_only(site: BuiltSite) -> None:
    pages = {placement.slug for placement in PLACED}
    for slug in SLUGS:
        soup = site.soup(slug, LANGUAGES[-1])
        scripts = [s["src"] for s in soup.find_all("script", src=True) if "/simulator/" in s["src"]]
        assert len(scripts) == (1 if slug in pages else 0), slug
