"""The page that shows a simulator also writes out its worked example: both must give the same figures.

The simulator starts from its `defaults:`; the page's prose and tables state the same
example (base salary, total pay). An editor who changes one must change the other, and
the build says so, naming both places.
"""

from __future__ import annotations

from kam_guide.source.yamlsource import Problem

from .formula import pay
from .model import PaySimulator
from .render import format_money

SPACES = str.maketrans({"\u202f": " ", "\xa0": " ", "\u2009": " "})


def example_problems(simulator: PaySimulator, page_markdown: str, page_path: str, language: str) -> list[Problem]:
    """The figures of the simulator's starting state that the page's text does not show."""
    text = page_markdown.translate(SPACES)
    figures = {
        "base salary": simulator.plan.base,
        "total pay": pay(simulator.plan, simulator.attainment_percent).total,
    }
    problems = []
    for name, value in figures.items():
        written = format_money(value, simulator.currency, language).translate(SPACES)
        if written not in text:
            problems.append(
                Problem(
                    page_path,
                    1,
                    1,
                    f"the page does not show {written}, the {name} of the example the simulator starts from "
                    f"({simulator.source}, `defaults:`): bring the page's worked example and the simulator's "
                    "defaults back in step",
                )
            )
    return problems
