"""The pay simulator in Chromium: figures against the Python formula, bad input, sharing, no-JS, axe."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal

from accessibility import axe_results
from conftest import LANGUAGES, BuiltSite
from kam_guide.paysim.formula import PayPlan, pay
from kam_guide.paysim.render import format_money
from sitecontent import placements
from test_paysim import real_simulator

pytestmark = [pytest.mark.browser, pytest.mark.content]

PLACEMENT = placements("simulator")[0]
SIMULATOR = real_simulator(PLACEMENT.id)
SIM = f"[data-simulator='{PLACEMENT.id}']"
FIELDS = ("base", "variable", "attainment", "accelerator", "cap")
CURRENCY = SIMULATOR.currency


def flat(text: str) -> str:
    """Chromium and Babel may pick different no-break spaces; readers see the same thing."""
    return text.replace("\u202f", " ").replace("\xa0", " ").strip()


def open_simulator(page, site: BuiltSite, language: str, fragment: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(PLACEMENT.slug, language) + fragment)
    page.wait_for_selector(f"{SIM}[data-sim-ready]", state="attached")


def fill(page, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for field, value in values.items():
        page.locator(f"[data-sim-input='{field}']").fill(value)


def out(page, name: str) -> str:  # type: ignore[no-untyped-def]
    return flat(page.locator(f"[data-sim-out='{name}']").inner_text())


def money(value: float, language: str) -> str:
    return flat(format_money(value, CURRENCY, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_defaults_show_the_worked_example(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language)
    example = pay(SIMULATOR.plan, SIMULATOR.attainment_percent)
    assert (out(page, "total"), out(page, "variable")) == (
        money(example.total, language),
        money(example.variable, language),
    )
    assert page.locator("[data-sim-fallback]").is_hidden()


SCENARIOS = [
    # base, variable %, attainment %, accelerator, cap %
    (40_000, 20, 100, 1.5, 150),
    (55_000, 25, 80, 1.5, 150),
    (62_500, 15, 135, 2, 200),
    (48_000, 30, 175, 1.25, None),
    (38_000, 12.5, 0, 1, 120),
    (90_000, 40, 260, 1.5, 150),
]


def scenario_id(scenario: tuple[float | None, ...]) -> str:
    return "-".join(map(str, scenario))


@pytest.mark.parametrize("language", LANGUAGES)
def test_scenarios_match_the_python_formula(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    """Every scenario typed in turn into one page: each sets all five fields, so none depends on the one before."""
    open_simulator(page, site, language)
    for scenario in SCENARIOS:
        base, variable, attainment, accelerator, cap = scenario
        typed = [base, variable, attainment, accelerator, cap]
        fill(
            page,
            {f: "" if v is None else format_decimal(v, locale=language) for f, v in zip(FIELDS, typed, strict=True)},
        )
        expected = pay(PayPlan(base, variable, accelerator, cap), attainment)
        case = scenario_id(scenario)
        assert out(page, "variable") == money(expected.variable, language), case
        assert out(page, "total") == money(expected.total, language), case
        row_100 = pay(PayPlan(base, variable, accelerator, cap), 100).total
        row = flat(page.locator("[data-sim-row='100'] [data-sim-row-total]").inner_text())
        assert row == money(row_100, language), case


BAD_INPUT = [
    # field, typed, the error shown
    ("base", "", "empty"),
    ("base", "abc", "not-a-number"),
    ("base", "-5", "negative"),
    ("base", "9999999999", "too-large"),
    ("variable", "1e5", "not-a-number"),
    ("attainment", "-10", "negative"),
    ("attainment", "", "empty"),
    ("accelerator", "Infinity", "not-a-number"),
    ("cap", "90", "below-target"),
    # Numbers written another language's way are refused, never guessed.
    ("base", "48.000", "not-a-number"),
    ("variable", "12.5", "not-a-number"),
    ("base", "40 000,5,0", "not-a-number"),
    ("base", "4 00 000", "not-a-number"),
    ("base", "45,000", "not-a-number"),  # 45 in French, 45 000 in English: ambiguous
    ("base", "45 000 £", "not-a-number"),  # another currency than the simulator's
]


VALID_FR = {"base": "40 000", "variable": "20", "attainment": "100", "accelerator": "1,5", "cap": "150"}


def test_bad_input_gets_a_message_by_the_field_and_nothing_broken(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    """Every mistake in turn in one page, from the worked example ("Start again" between two)."""
    open_simulator(page, site, "fr")
    for field, typed, error in BAD_INPUT:
        case = f"{field} = {typed!r}"
        page.locator("[data-sim-reset]").click()
        fill(page, {"attainment": "120"})
        fill(page, {field: typed})
        box = page.locator(f"[data-sim-error-for='{field}']")
        assert box.is_visible(), case
        assert page.locator(f"[data-sim-error-for='{field}'] [data-sim-error='{error}']").is_visible(), case
        assert box.locator("[data-sim-error]:visible").count() == 1, case
        the_input = page.locator(f"[data-sim-input='{field}']")
        assert the_input.get_attribute("aria-invalid") == "true", case
        assert box.get_attribute("id") in the_input.get_attribute("aria-describedby").split(), case
        assert page.locator("[data-sim-fix]").is_visible(), case
        text = page.locator(SIM).inner_text()
        assert "NaN" not in text and "Infinity" not in text.replace(typed, ""), case
        others = {name: page.locator(f"[data-sim-input='{name}']").input_value() for name in FIELDS if name != field}
        assert others.get("attainment", "120") == "120", case  # nothing lost from the other fields
        fill(page, {field: VALID_FR[field]})
        assert box.is_hidden() and the_input.get_attribute("aria-invalid") is None, case
        assert page.locator("[data-sim-figures]").is_visible(), case


READ_AS = {
    "fr": [("40 000", 40_000), ("40\u202f000", 40_000), ("40000,50", 40_000.5), ("40 000,50 €", 40_000.5)],
    "en": [("40,000", 40_000), ("40000.50", 40_000.5), ("€40,000.50", 40_000.5)],
}


@pytest.mark.parametrize("language", READ_AS)
def test_numbers_are_read_the_way_the_page_language_writes_them(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language)
    for typed, value in READ_AS[language]:
        fill(page, {"base": typed})
        assert page.locator("[data-sim-error-for='base']").is_hidden(), typed
        plan = PayPlan(value, SIMULATOR.plan.variable_percent, SIMULATOR.plan.accelerator, SIMULATOR.plan.cap_percent)
        assert out(page, "total") == money(pay(plan, SIMULATOR.attainment_percent).total, language), typed


# "12.500" and "12,500": three decimals read as thousands in the other language, so ambiguous.
WRITTEN_ANOTHER_WAY = {"en": ["12,5", "48 000,50", "12.500"], "fr": ["48.000", "12.5", "12,500"]}


@pytest.mark.parametrize("language", WRITTEN_ANOTHER_WAY)
def test_numbers_written_another_way_are_an_error_not_a_guess(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language)
    for typed in WRITTEN_ANOTHER_WAY[language]:
        fill(page, {"variable": typed})
        assert page.locator("[data-sim-error-for='variable'] [data-sim-error='not-a-number']").is_visible(), typed
        assert page.locator("[data-sim-figures]").is_hidden(), typed


def test_optional_fields_may_be_empty(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, "en")
    fill(page, {"accelerator": "", "cap": "", "attainment": "200"})
    linear = PayPlan(SIMULATOR.plan.base, SIMULATOR.plan.variable_percent)
    assert out(page, "variable") == money(pay(linear, 200).variable, "en")
    assert page.locator("[data-sim-fix]").is_hidden()


def test_scenario_travels_in_the_address(site: BuiltSite, page, page_with) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, "en")
    fill(page, {"base": "52,000", "variable": "25", "attainment": "130", "accelerator": "1.5", "cap": ""})
    assert page.evaluate("location.hash") == f"#simulator-{PLACEMENT.id}=52000,25,130,1.5,"
    total = out(page, "total")
    assert total == money(pay(PayPlan(52_000, 25, 1.5, None), 130).total, "en")
    other = page_with()  # another reader
    other.goto(page.url.replace("/en/", "/"))  # the same scenario, read in French
    other.wait_for_selector(f"{SIM}[data-sim-ready]", state="attached")
    assert other.locator("[data-sim-input='base']").input_value() == "52\u202f000"
    assert other.locator("[data-sim-input='cap']").input_value() == ""
    assert flat(other.locator("[data-sim-out='total']").inner_text()) == money(
        pay(PayPlan(52_000, 25, 1.5, None), 130).total, "fr"
    )


def notice(page):  # type: ignore[no-untyped-def]
    return page.locator(f"{SIM} [data-sim-notice='bad-link']")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "values",
    [
        "1,2",  # too few numbers
        "a,b,c,d,e",
        "-1,20,100,1.5,150",  # a sign
        "1e5,20,100,,",  # an exponent
        "NaN,20,100,,",
        "40000,,100,,",  # a required number left empty
        "40000,20,100,1.5,150,9",  # one too many
        "40000,20,100,1%2C5,150",  # a decimal comma, as a chat app may encode it
        "40000,20,100,1.,150",
    ],
)
def test_a_malformed_scenario_in_the_address_is_named_not_ignored(
    site: BuiltSite, page, language: str, values: str
) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language, f"#simulator-{PLACEMENT.id}={values}")
    assert notice(page).is_visible()
    assert flat(notice(page).inner_text()) == flat(SIMULATOR.texts["bad_link"][language])  # the page's words
    assert out(page, "total") == money(pay(SIMULATOR.plan, SIMULATOR.attainment_percent).total, language)
    assert page.evaluate("location.hash") == ""  # what could not be read is not passed on
    fill(page, {"attainment": "120"})
    assert notice(page).is_hidden()  # the address now holds the reader's own figures
    assert page.evaluate("location.hash").startswith(f"#simulator-{PLACEMENT.id}=")


@pytest.mark.parametrize("fragment", ["", "#simulator-pay-other=1,2", "#quiz-x=1", "#simulator-pay=40000,20,100,,"])
def test_no_notice_without_a_link_to_read(site: BuiltSite, page, fragment: str) -> None:  # type: ignore[no-untyped-def]
    """Another simulator's scenario, another anchor, or a good link: nothing to say."""
    open_simulator(page, site, "en", fragment.replace("pay", PLACEMENT.id, 1))
    assert notice(page).is_hidden()


# Typed in one language, reopened from the address in every language: the same numbers, so the same
# amounts as the Python formula with what was typed. More decimals than an amount shows, on purpose.
ROUND_TRIPS = [
    # (language typed in, base, variable %, attainment %, accelerator, cap %) as typed
    ("en", "52,000.125", "20", "130", "1.1255", ""),
    ("fr", "48 000", "12,3456", "175,5", "1,1255", "150,05"),
    ("en", "61000.5", "7.1255", "142.1", "2.33333", "199.9991"),
    ("fr", "39 999,99", "20", "260", "0,0000001", ""),
    ("fr", "1 000,125", "10,0001", "1000", "9,9999", "1000"),
]


def as_number(typed: str, language: str) -> float | None:
    if not typed:
        return None
    group, decimal = (" ", ",") if language == "fr" else (",", ".")
    return float(typed.replace(group, "").replace(decimal, "."))


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=lambda case: "-".join(case).replace(" ", ""))
def test_a_shared_scenario_reopens_on_exactly_what_was_typed(site: BuiltSite, page, page_with, case) -> None:  # type: ignore[no-untyped-def]
    language, *typed = case
    open_simulator(page, site, language)
    fill(page, dict(zip(FIELDS, typed, strict=True)))
    assert page.locator(f"{SIM} [aria-invalid]").count() == 0
    base, variable, attainment, accelerator, cap = (as_number(value, language) for value in typed)
    assert base is not None and variable is not None and attainment is not None
    plan = PayPlan(base, variable, 1.0 if accelerator is None else accelerator, cap)
    expected = pay(plan, attainment)
    assert out(page, "total") == money(expected.total, language)
    hash_ = page.evaluate("location.hash")
    numbers = hash_.split("=", 1)[1].split(",")
    assert [float(n) if n else None for n in numbers] == [as_number(v, language) for v in typed]
    for other in LANGUAGES:
        reopened = page_with(locale=other)
        open_simulator(reopened, site, other, hash_)
        assert notice(reopened).is_hidden()
        assert reopened.locator(f"{SIM} [aria-invalid]").count() == 0
        shown = [reopened.locator(f"[data-sim-input='{f}']").input_value() for f in FIELDS]
        assert [as_number(flat(v), other) for v in shown] == [as_number(v, language) for v in typed]
        assert (out(reopened, "variable"), out(reopened, "total")) == (
            money(expected.variable, other),
            money(expected.total, other),
        )
        reopened.locator("[data-sim-input='base']").dispatch_event("input")  # writes the link again: the same
        assert reopened.evaluate("location.hash") == hash_


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hand_written_link_with_three_decimals_is_not_read_as_thousands(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    """`1.125` in a link is one and an eighth; `1,125` in a French field would be ambiguous: it shows `1,1250`."""
    open_simulator(page, site, language, f"#simulator-{PLACEMENT.id}=40000,20,120,1.125,")
    assert page.locator("[data-sim-input='accelerator']").input_value() == ("1,1250" if language == "fr" else "1.1250")
    assert page.locator(f"{SIM} [aria-invalid]").count() == 0
    assert out(page, "total") == money(pay(PayPlan(40_000, 20, 1.125, None), 120).total, language)


def test_start_again_restores_the_example(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, "fr")
    starting = page.locator("[data-sim-input='attainment']").input_value()
    fill(page, {"base": "70 000", "attainment": "x"})
    page.locator("[data-sim-reset]").focus()
    page.keyboard.press("Enter")
    assert out(page, "total") == money(pay(SIMULATOR.plan, SIMULATOR.attainment_percent).total, "fr")
    assert page.locator("[data-sim-input='attainment']").input_value() == starting


def test_keyboard_and_live_region(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, "en")
    page.locator("[data-sim-input='base']").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("60000")
    page.keyboard.press("Tab")  # leaving the field commits the change
    region = page.locator("[data-sim-announcement]")
    assert region.get_attribute("aria-live") == "polite"
    plan = PayPlan(60_000, SIMULATOR.plan.variable_percent, SIMULATOR.plan.accelerator, SIMULATOR.plan.cap_percent)
    assert money(pay(plan, SIMULATOR.attainment_percent).total, "en") in flat(region.inner_text())
    assert page.evaluate("document.activeElement.dataset.simInput") == "variable"


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_and_without_errors(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language)
    page.locator(SIM).scroll_into_view_if_needed()
    assert axe_results(page).violations_count == 0
    fill(page, {"base": "abc"})
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_the_bad_link_notice(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_simulator(page, site, language, f"#simulator-{PLACEMENT.id}=x")
    assert notice(page).is_visible()
    page.locator(SIM).scroll_into_view_if_needed()
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_focused_or_hovered_button_stays_readable(site: BuiltSite, page_with, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Keyboard focus and the mouse pointer change a button's colours: axe checks them in that state."""
    page = page_with(color_scheme=scheme)
    open_simulator(page, site, "fr")
    button = page.locator("[data-sim-reset]")
    for state in (button.focus, button.hover):
        state()
        results = axe_results(page)
        assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_worked_example_is_a_table(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    page = page_with(java_script_enabled=False)
    page.goto(site.page_url(PLACEMENT.slug, "en"))
    fallback = page.locator("[data-sim-fallback] table")
    total = money(pay(SIMULATOR.plan, SIMULATOR.attainment_percent).total, "en")
    assert fallback.is_visible() and total in flat(fallback.inner_text())
    assert page.locator("[data-sim-form]").is_hidden()
