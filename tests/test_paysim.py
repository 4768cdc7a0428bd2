"""The pay formula, the simulator's data file, and its rendering without JavaScript."""

from __future__ import annotations

import pytest

from conftest import ROOT, BuiltSite
from paysim.formula import PayPlan, pay
from paysim.model import validate
from paysim.render import format_money, format_share
from sourcekit.yamlsource import SourceError, load

DATA = ROOT / "quizdata" / "simulators" / "pay.yml"
LANGUAGES = ("fr", "en")
EXAMPLE = PayPlan(base=40_000, variable_percent=20, accelerator=1.5, cap_percent=150)


def load_simulator(text: str | None = None):  # type: ignore[no-untyped-def]
    return validate(load(text if text is not None else DATA.read_text(encoding="utf-8"), "pay.yml"), LANGUAGES)


@pytest.mark.parametrize(
    ("attainment", "variable", "total"),
    [
        (100, 8_000, 48_000),  # the worked example of the sources
        (0, 0, 40_000),
        (50, 4_000, 44_000),  # proportional below target
        (120, 10_400, 50_400),  # 8 000 + 20 points × 80 € × 1.5
        (150, 14_000, 54_000),
        (170, 14_000, 54_000),  # capped at 150 %
    ],
)
def test_pay_of_the_salary_page_examples(attainment: float, variable: float, total: float) -> None:
    result = pay(EXAMPLE, attainment)
    assert (result.variable, result.total) == pytest.approx((variable, total))


def test_no_cap_and_no_accelerator_is_linear() -> None:
    linear = PayPlan(base=50_000, variable_percent=10)
    assert pay(linear, 300).variable == pytest.approx(15_000)


def test_variable_share_of_total() -> None:
    assert pay(EXAMPLE, 100).variable_share == pytest.approx(8_000 / 48_000)
    assert pay(PayPlan(base=0, variable_percent=20), 100).variable_share == 0


def test_amounts_are_written_the_way_each_language_writes_them() -> None:
    assert format_money(48_000, "EUR", "fr") == "48\u202f000\xa0€"
    assert format_money(48_000, "EUR", "en") == "€48,000"
    assert format_share(8_000 / 48_000, "fr") == "16,7\xa0%"
    assert format_share(8_000 / 48_000, "en") == "16.7%"


def test_real_data_file_defaults_reproduce_the_worked_example() -> None:
    simulator = load_simulator()
    assert simulator.plan == EXAMPLE
    assert simulator.attainment_percent == 100
    assert simulator.currency == "EUR"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("currency: EUR", "currency: EURO"), "pay.yml:4:11: unknown currency 'EURO'"),
        (("  base: 40000", "  base: -1"), "pay.yml:6:9: `base` must be a number of zero or more (got -1)"),
        (("  cap_percent: 150", "  cap_percent: 80"), "`cap_percent` cannot be below 100"),
        (("  base: 40000", "  base: 99999999"), "`base` is above `limits.base_max` (1e+07)"),
        (("  reset:\n", "  restart:\n"), "unknown key `restart`"),
        (('    en: "Enter a number."\n', ""), "`error_empty` has no `en` text"),
    ],
)
def test_bad_data_file_reports_line_and_fix(change: tuple[str, str], message: str) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert change[0] in text
    with pytest.raises(SourceError) as raised:
        load_simulator(text.replace(change[0], change[1], 1))
    assert message in str(raised.value)


@pytest.mark.parametrize(("language", "total"), [("fr", "48\u202f000\xa0€"), ("en", "€48,000")])
def test_page_without_javascript_shows_the_worked_example(site: BuiltSite, language: str, total: str) -> None:
    section = site.soup("salary", language).select_one("[data-simulator='pay']")
    fallback = section.select_one("[data-sim-fallback]")
    assert not fallback.has_attr("hidden") and total in fallback.get_text()
    assert section.select_one("[data-sim-form]").has_attr("hidden")
    assert section.select_one("[data-sim-out='total']").get_text() == total


def test_simulator_assets_load_on_the_salary_page_only(site: BuiltSite) -> None:
    for slug in ("salary", "kam-role", "self-assessment"):
        soup = site.soup(slug, "en")
        scripts = [s["src"] for s in soup.find_all("script", src=True) if "simulator" in s["src"]]
        assert len(scripts) == (1 if slug == "salary" else 0), slug
