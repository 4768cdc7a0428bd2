"""How fixed and variable pay add up. The browser script applies the same rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PayPlan:
    base: float  # annual base salary
    variable_percent: float  # variable pay at 100 % attainment, as a share of base
    accelerator: float = 1.0  # above target, each point pays this many times the normal rate
    cap_percent: float | None = None  # attainment beyond which nothing more is paid


@dataclass(frozen=True)
class Pay:
    variable: float
    total: float

    @property
    def variable_share(self) -> float:
        """Variable pay as a fraction of total pay (0 when nothing is paid)."""
        return self.variable / self.total if self.total else 0.0


def pay(plan: PayPlan, attainment_percent: float) -> Pay:
    """Pay for an attainment: proportional up to target, accelerated above, stopped at the cap."""
    at_target = plan.base * plan.variable_percent / 100
    counted = attainment_percent if plan.cap_percent is None else min(attainment_percent, plan.cap_percent)
    if counted <= 100:
        variable = at_target * counted / 100
    else:
        variable = at_target + at_target * (counted - 100) / 100 * plan.accelerator
    return Pay(variable=variable, total=plan.base + variable)
