"""simulator.js's pure functions (`kamGuide.simulatorRules`) in Chromium, from the script alone: no build.

The formula against kam_guide.paysim.formula over a grid of plans; numbers as Babel writes them (the
page's worked example) read back digit for digit, the shapes a language does not write refused, and
the digits the script writes read back; the share link. Source and minified (hooks/assets.py) alike.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from kam_guide.paysim.formula import PayPlan, pay
from kam_guide.paysim.render import format_money, format_share
from scriptpage import SIMULATOR_JS, differences, script_page

pytestmark = [pytest.mark.browser, pytest.mark.code_only]

LANGUAGES = ("fr", "en")  # the languages whose number shapes DESIGN.md describes ("Pay simulator")


@pytest.fixture(scope="module", params=["source", "minified"])
def rules(browser, request) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A blank page running simulator.js alone; `rules.evaluate(...)` sees `kamGuide.simulatorRules` as `S`."""
    with script_page(browser, [SIMULATOR_JS], shipped=request.param == "minified") as page:
        page.evaluate("() => { window.S = window.kamGuide.simulatorRules; }")
        yield page


def test_rules_are_frozen_and_read_only(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules.evaluate(
        """() => {
            const property = Object.getOwnPropertyDescriptor(kamGuide, "simulatorRules");
            return [Object.keys(kamGuide).join(), Object.isFrozen(S), property.writable, property.configurable,
                    Object.keys(S).sort().join(), Object.isFrozen(S.numberReading("fr", "EUR"))];
        }"""
    ) == [
        "simulatorRules",
        True,
        False,
        False,
        "localDigits,numberReading,parseNumber,readLink,variablePay,writeLink",
        True,
    ]


# ── the formula ─────────────────────────────────────────────────────────────


def test_variable_pay_of_every_plan_of_a_grid(rules) -> None:  # type: ignore[no-untyped-def]
    """Bases, variable shares, accelerators, caps and attainments around each point where the rule changes."""
    bases = [0, 1, 40_000, 52_000.25, 123_456.78, 10_000_000]
    variables = [0, 12.5, 20, 33.3333, 100, 300]
    accelerators = [0, 1, 1.1255, 1.5, 3]
    caps = [None, 100, 120.5, 150, 1000]
    attainments = [0, 0.5, 50, 99.99, 100, 100.01, 120.5, 130, 150, 199.9, 1000, 5000]
    cases = list(itertools.product(bases, variables, accelerators, caps, attainments))
    got = json.loads(
        rules.evaluate(
            """cases => JSON.stringify(JSON.parse(cases).map(([base, variable, accelerator, cap, attainment]) =>
                S.variablePay({base, variable, accelerator, cap}, attainment)))""",
            json.dumps(cases),
        )
    )
    expected = [pay(PayPlan(b, v, a, c), t).variable for b, v, a, c, t in cases]
    assert got == expected, differences(cases, expected, got)  # the same operations: the same floats


# ── numbers in the page's language ──────────────────────────────────────────

PARSE = """([cases, lang, currency]) => {
    const reading = S.numberReading(lang, currency);
    return JSON.stringify(JSON.parse(cases).map(text => S.parseNumber(text, reading)));
}"""


def typed(digits: str) -> dict[str, object] | None:
    """What parseNumber gives for a number typed with these digits: three decimals after at most three
    digits would read as thousands in the other language, so they are refused."""
    whole, _, fraction = digits.partition(".")
    if len(fraction) == 3 and len(whole) <= 3:
        return None
    return {"value": float(digits), "digits": digits}


def random_digits(rng: random.Random, count: int) -> list[str]:
    found = []
    for _ in range(count):
        whole = str(rng.choice([rng.randrange(10), rng.randrange(1000), rng.randrange(10**9)]))
        fraction = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 0, 1, 2, 3, 4])))
        found.append(f"{whole}.{fraction.rstrip('0') or '5'}" if fraction else whole)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_babel_writes_read_back_digit_for_digit(rules, language: str) -> None:  # type: ignore[no-untyped-def]
    """Grouped as Babel groups them (the page's own figures), or not grouped at all."""
    numbers = random_digits(random.Random(language), 3_000)
    grouped = [format_decimal(Decimal(d), locale=language, decimal_quantization=False) for d in numbers]
    plain = [d.replace(".", "," if language == "fr" else ".") for d in numbers]
    cases = grouped + plain
    got = json.loads(rules.evaluate(PARSE, [json.dumps(cases), language, "EUR"]))
    expected = [typed(d) for d in numbers] * 2
    assert got == expected, differences(cases, expected, got)


@pytest.mark.parametrize("language", LANGUAGES)
def test_amounts_and_shares_the_page_writes_read_back(rules, language: str) -> None:  # type: ignore[no-untyped-def]
    amounts = [0, 7, 999, 1_000, 48_000, 52_000, 1_234_567]
    shares = [0, 0.125, 0.167, 0.5, 1, 1.755]
    cases = [format_money(value, "EUR", language) for value in amounts] + [format_share(s, language) for s in shares]
    got = json.loads(rules.evaluate(PARSE, [json.dumps(cases), language, "EUR"]))
    expected = [str(value) for value in amounts] + ["0", "12.5", "16.7", "50", "100", "175.5"]
    assert [read and read["digits"] for read in got] == expected, cases


REFUSED = {
    # another language's marks, three decimals after at most three digits, no number, another currency
    "fr": ["48.000", "45,000", "12.5", "1,5,5", "4 0000", "40 000,", ",5", "1e5", "+5", "", "€", "48 000 $", "0x10"],
    "en": ["12,5", "48.000", "1 000", "4,0000", "40,000.", ".5", "1e5", "+5", "", "€", "$48,000", "Infinity"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_shapes_the_language_does_not_write_are_refused(rules, language: str) -> None:  # type: ignore[no-untyped-def]
    cases = REFUSED[language]
    got = json.loads(rules.evaluate(PARSE, [json.dumps(cases), language, "EUR"]))
    assert got == [None] * len(cases), differences(cases, [None] * len(cases), got)


def test_a_minus_sign_is_read_for_the_field_to_refuse(rules) -> None:  # type: ignore[no-untyped-def]
    got = json.loads(rules.evaluate(PARSE, [json.dumps(["-5", "\u22125 %", "- 40 000 €"]), "fr", "EUR"]))
    assert got == [{"value": -5, "digits": "5"}, {"value": -5, "digits": "5"}, {"value": -40000, "digits": "40000"}]


@pytest.mark.parametrize("language", LANGUAGES)
def test_digits_the_script_writes_read_back(rules, language: str) -> None:  # type: ignore[no-untyped-def]
    """A share link's digits are written in the page's language; read, they give the same number (with a
    fourth decimal where three after at most three digits would be ambiguous)."""
    numbers = random_digits(random.Random(7), 3_000) + ["1.125", "999.999", "1000.125", "0.5", "0"]
    got = json.loads(
        rules.evaluate(
            """([cases, lang]) => {
                const reading = S.numberReading(lang, "EUR");
                return JSON.stringify(JSON.parse(cases).map(d => S.parseNumber(S.localDigits(d, reading), reading)));
            }""",
            [json.dumps(numbers), language],
        )
    )
    expected = [typed(d) or typed(d + "0") for d in numbers]
    assert got == expected, differences(numbers, expected, got)


def test_digits_are_written_as_the_language_writes_them(rules) -> None:  # type: ignore[no-untyped-def]
    got = rules.evaluate(
        """() => ["fr", "en"].map(lang => ["40000.5", "1.125", "1234.125", "52000"].map(d =>
            S.localDigits(d, S.numberReading(lang, "EUR"))))"""
    )
    assert got == [
        ["40\u202f000,5", "1,1250", "1\u202f234,125", "52\u202f000"],
        ["40,000.5", "1.1250", "1,234.125", "52,000"],
    ]


# ── the share link: #simulator-<id>=base,variable,attainment,accelerator,cap ─


def test_a_link_reads_back_the_digits_written(rules) -> None:  # type: ignore[no-untyped-def]
    digits = [["52000", "25", "130", "1.1255", ""], ["0", "0", "0", "", ""], ["1.5", "2.25", "100", "3", "150"]]
    got = rules.evaluate(
        "all => all.map(d => { const link = S.writeLink('pay', d); return [link, S.readLink(link, 'pay')]; })", digits
    )
    assert got == [["#simulator-pay=" + ",".join(d), d] for d in digits]


@pytest.mark.parametrize(
    ("hash_", "expected"),
    [
        ("", None),
        ("#sim-pay", None),  # an anchor of the page
        ("#simulator-payroll=1,2,3,,", None),  # another simulator whose id starts the same
        ("#simulator-pay=1,2,3,,", ["1", "2", "3", "", ""]),
        ("#simulator-pay=1,2,3,", "bad"),  # four figures
        ("#simulator-pay=1,2,3,,,", "bad"),
        ("#simulator-pay=,2,3,,", "bad"),  # the base is required
        ("#simulator-pay=1,2,-3,,", "bad"),
        ("#simulator-pay=1,2,3e2,,", "bad"),
        ("#simulator-pay=1,2,3.,,", "bad"),
        ("#simulator-pay=1,2,3,1,5,", "bad"),  # a decimal comma
        ("#simulator-pay=1 000,2,3,,", "bad"),
    ],
)
def test_links_that_are_not_five_plain_numbers_are_refused(rules, hash_: str, expected: object) -> None:  # type: ignore[no-untyped-def]
    assert rules.evaluate("hash => S.readLink(hash, 'pay')", hash_) == expected
