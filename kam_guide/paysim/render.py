"""Render the pay simulator into a page, in one language, through its Jinja partial.

Amounts are formatted the way the page's language writes them (Babel, from CLDR:
`40 000 €` in French, `€40,000` in English); the browser formats with Intl, from
the same CLDR data.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent

from kam_guide.source.components import components_environment

from .formula import pay
from .model import PaySimulator

TEMPLATE = "pay-simulator.html"
TABLE_ATTAINMENTS = (0, 50, 100, 150, 200)


class SimulatorRenderer:
    def __init__(self, templates_dir: Path) -> None:
        self.environment = components_environment(templates_dir)

    def render(self, simulator: PaySimulator, language: str) -> str:
        plan = simulator.plan

        def money(value: float) -> str:
            return format_money(value, simulator.currency, language)

        example = pay(plan, simulator.attainment_percent)
        return self.environment.get_template(TEMPLATE).render(
            simulator=simulator,
            language=language,
            t={key: texts[language] for key, texts in simulator.texts.items()},
            inputs={
                "base": format_decimal(plan.base, locale=language),
                "variable": format_decimal(plan.variable_percent, locale=language),
                "attainment": format_decimal(simulator.attainment_percent, locale=language),
                "accelerator": (
                    format_decimal(simulator.accelerator_field, locale=language)
                    if simulator.accelerator_field is not None
                    else ""
                ),
                "cap": format_decimal(plan.cap_percent, locale=language) if plan.cap_percent is not None else "",
            },
            example={
                "base": money(plan.base),
                "variable_percent": format_percent(plan.variable_percent / 100, locale=language),
                "attainment": format_percent(simulator.attainment_percent / 100, locale=language),
                "variable": money(example.variable),
                "total": money(example.total),
                "share": format_share(example.variable_share, language),
            },
            table=[
                (attainment, format_percent(attainment / 100, locale=language), money(pay(plan, attainment).total))
                for attainment in TABLE_ATTAINMENTS
            ],
            scenario=(format_percent(simulator.attainment_percent / 100, locale=language), money(example.total)),
        )


def format_money(value: float, currency: str, language: str) -> str:
    """Whole currency units in the language's own pattern: `48 000 €`, `€48,000`."""
    pattern = Locale.parse(language).currency_formats["standard"].pattern
    whole_units = pattern.split(";")[0].replace(".00", "")
    return format_currency(round(value), currency, format=whole_units, locale=language, currency_digits=False)


def format_share(fraction: float, language: str) -> str:
    """A percentage with at most one decimal: `16,7 %`, `16.7%`."""
    pattern = Locale.parse(language).percent_formats[None].pattern.replace("0%", "0.#%").replace("0\xa0%", "0.#\xa0%")
    return format_percent(fraction, format=pattern, locale=language)
