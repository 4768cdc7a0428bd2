"""The simulator's data file (quizdata/simulators/<id>.yml), checked like a quiz."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sourcekit.fields import FieldChecker, Localized
from sourcekit.yamlsource import SourceError, YamlDocument

from .formula import PayPlan

TOP_KEYS = {"required": ("id", "currency", "defaults", "limits", "texts"), "optional": ()}
DEFAULT_KEYS = {
    "required": ("base", "variable_percent", "attainment_percent"),
    "optional": ("accelerator", "cap_percent"),
}
LIMIT_KEYS = {
    "required": ("base_max", "variable_percent_max", "attainment_percent_max", "accelerator_max"),
    "optional": (),
}
# Keys of `texts:`; the partial overrides/partials/pay-simulator.html uses each of them.
TEXT_KEYS = (
    "heading",
    "intro",
    "base_label",
    "variable_label",
    "attainment_label",
    "accelerator_label",
    "accelerator_hint",
    "cap_label",
    "cap_hint",
    "error_empty",
    "error_not_a_number",
    "error_negative",
    "error_too_large",
    "error_cap_below_target",
    "fix_fields",
    "result_heading",
    "variable_result",
    "total_result",
    "share_result",
    "chart_caption",
    "table_attainment",
    "table_total",
    "table_scenario",
    "reset",
    "share_note",
    "fallback_heading",
    "fallback_note",
    "base_row",
)
CURRENCIES = ("EUR", "GBP", "CHF", "USD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON")


@dataclass(frozen=True)
class PaySimulator:
    id: str
    source: str
    currency: str
    plan: PayPlan
    attainment_percent: float
    limits: Mapping[str, int]
    texts: Mapping[str, Localized]


def validate(document: YamlDocument, languages: Sequence[str]) -> PaySimulator:
    checker = _Checker(document, tuple(languages))
    simulator = checker.simulator()
    if checker.problems or simulator is None:
        raise SourceError(checker.problems)
    return simulator


class _Checker(FieldChecker):
    def simulator(self) -> PaySimulator | None:
        root = self.document.value
        if not isinstance(root, dict):
            self.report((), "a simulator file must be a mapping of keys such as `id:`, `currency:`, `defaults:`")
            return None
        if not self.keys(root, (), TOP_KEYS, "simulator file"):
            return None
        simulator_id = self.identifier(root, ("id",))
        expected = PurePath(self.document.file).stem
        if simulator_id is not None and simulator_id != expected:
            self.report(("id",), f"the id `{simulator_id}` must equal the file name `{expected}`: rename one of them")
        currency = root["currency"]
        if currency not in CURRENCIES:
            self.report(("currency",), f"unknown currency {currency!r}: use one of {', '.join(CURRENCIES)}")
        defaults = self._numbers(root, "defaults", DEFAULT_KEYS)
        limits = self._numbers(root, "limits", LIMIT_KEYS)
        texts = self._texts(root)
        if self.problems or defaults is None or limits is None:
            return None
        self._check_defaults(defaults, limits)
        plan = PayPlan(
            base=defaults["base"],
            variable_percent=defaults["variable_percent"],
            accelerator=defaults.get("accelerator", 1),
            cap_percent=defaults.get("cap_percent"),
        )
        return PaySimulator(
            id=simulator_id or "",
            source=self.document.file,
            currency=currency,
            plan=plan,
            attainment_percent=defaults["attainment_percent"],
            limits={key: int(value) for key, value in limits.items()},
            texts=texts,
        )

    def _numbers(self, root: dict[str, Any], key: str, keys: dict[str, tuple[str, ...]]) -> dict[str, float] | None:
        section = root[key]
        if not self.keys(section, (key,), keys, f"`{key}` section"):
            return None
        numbers = {}
        for name, value in section.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                self.report((key, name), f"`{name}` must be a number of zero or more (got {value!r})")
            else:
                numbers[name] = value
        return numbers

    def _check_defaults(self, defaults: dict[str, float], limits: dict[str, float]) -> None:
        for name, limit in (
            ("base", "base_max"),
            ("variable_percent", "variable_percent_max"),
            ("attainment_percent", "attainment_percent_max"),
            ("accelerator", "accelerator_max"),
        ):
            if name in defaults and defaults[name] > limits[limit]:
                self.report(("defaults", name), f"`{name}` is above `limits.{limit}` ({limits[limit]:g})")
        if defaults.get("cap_percent", 100) < 100:
            self.report(
                ("defaults", "cap_percent"), "`cap_percent` cannot be below 100: the cap stops pay above target"
            )

    def _texts(self, root: dict[str, Any]) -> dict[str, Localized]:
        texts: dict[str, Localized] = {}
        if self.keys(root["texts"], ("texts",), {"required": TEXT_KEYS, "optional": ()}, "`texts` section"):
            for key in TEXT_KEYS:
                localized = self.localized(root["texts"], ("texts", key))
                if localized is not None:
                    texts[key] = localized
        return texts
