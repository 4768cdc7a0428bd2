"""The simulator's data file (quizdata/simulators/<id>.yml), checked like a quiz."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from kam_guide.source.fields import FieldChecker, Localized, shown_number
from kam_guide.source.yamlsource import SourceError, YamlDocument

from .formula import PayPlan

TOP_KEYS: dict[str, tuple[str, ...]] = {"required": ("id", "currency", "defaults", "limits", "texts"), "optional": ()}
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "required": ("base", "variable_percent", "attainment_percent"),
    "optional": ("accelerator", "cap_percent"),
}
LIMIT_KEYS: dict[str, tuple[str, ...]] = {
    "required": ("base_max", "variable_percent_max", "attainment_percent_max", "accelerator_max"),
    "optional": (),
}
# Keys of `texts:`; the partial overrides/components/pay-simulator.html uses each of them.
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
    "bad_link",
    "fallback_heading",
    "fallback_note",
    "base_row",
)
CURRENCIES = ("EUR", "GBP", "CHF", "USD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON")


# The largest value a limit may take: beyond, numbers stop being exact in a browser's arithmetic.
LIMIT_CEILINGS = {
    "base_max": 1_000_000_000,
    "variable_percent_max": 10_000,
    "attainment_percent_max": 10_000,
    "accelerator_max": 100,
}
# Which limit bounds each default.
DEFAULT_LIMITS = {
    "base": "base_max",
    "variable_percent": "variable_percent_max",
    "attainment_percent": "attainment_percent_max",
    "accelerator": "accelerator_max",
    "cap_percent": "attainment_percent_max",
}


@dataclass(frozen=True)
class PaySimulator:
    id: str
    source: str
    currency: str
    plan: PayPlan
    attainment_percent: float
    accelerator_field: float | None  # the accelerator field's starting value; None leaves it empty (= 1)
    limits: Mapping[str, float]
    texts: Mapping[str, Localized]


def validate(document: YamlDocument, languages: Sequence[str]) -> PaySimulator:
    checker = _Checker(document, tuple(languages))
    simulator = checker.simulator()
    if checker.problems or simulator is None:
        raise SourceError(checker.problems)
    return simulator


class _Checker(FieldChecker):
    def simulator(self) -> PaySimulator | None:
        root = self.root("simulator file", TOP_KEYS)
        if root is None or not self.keys(root, (), TOP_KEYS, "simulator file"):
            return None
        simulator_id = self.identifier(root, ("id",))
        expected = PurePath(self.document.file).stem
        if simulator_id is not None and simulator_id != expected:
            self.report(("id",), f"the id `{simulator_id}` must equal the file name `{expected}`: rename one of them")
        currency = root["currency"]
        if currency not in CURRENCIES:
            self.report(("currency",), f"unknown currency {currency!r}: use one of {', '.join(CURRENCIES)}")
        limits = self._limits(root)
        defaults = self._defaults(root, limits) if limits is not None else None
        texts = self._texts(root)
        if self.problems or defaults is None or limits is None:
            return None
        plan = PayPlan(
            base=defaults["base"],
            variable_percent=defaults["variable_percent"],
            accelerator=defaults.get("accelerator", 1.0),
            cap_percent=defaults.get("cap_percent"),
        )
        return PaySimulator(
            id=simulator_id or "",
            source=self.document.file,
            currency=currency,
            plan=plan,
            attainment_percent=defaults["attainment_percent"],
            accelerator_field=defaults.get("accelerator"),
            limits=limits,
            texts=texts,
        )

    def _limits(self, root: dict[str, Any]) -> dict[str, float] | None:
        section = root["limits"]
        if not self.keys(section, ("limits",), LIMIT_KEYS, "`limits` section"):
            return None
        limits = {}
        for name in LIMIT_KEYS["required"]:
            value = self.number(section, ("limits", name), LIMIT_CEILINGS[name])
            if value is not None and value <= 0:
                self.report(("limits", name), f"`{name}` must be above 0: it is the largest value a reader may enter")
            elif value is not None:
                limits[name] = value
        if limits.get("attainment_percent_max", 100) < 100:
            self.report(
                ("limits", "attainment_percent_max"),
                "`attainment_percent_max` must be at least 100: a reader must be able to enter the target itself",
            )
        return limits if len(limits) == len(LIMIT_KEYS["required"]) else None

    def _defaults(self, root: dict[str, Any], limits: dict[str, float]) -> dict[str, float] | None:
        section = root["defaults"]
        if not self.keys(section, ("defaults",), DEFAULT_KEYS, "`defaults` section"):
            return None
        defaults = {}
        for name in section:
            if name not in DEFAULT_LIMITS:
                continue
            limit = DEFAULT_LIMITS[name]
            value = self.number(section, ("defaults", name), LIMIT_CEILINGS[limit])
            if value is None:
                continue
            if value > limits[limit]:
                self.report(
                    ("defaults", name),
                    f"`{name}` is {shown_number(value)}, above `limits.{limit}` ({shown_number(limits[limit])}): "
                    "the page would open with an error; lower it or raise the limit",
                )
                continue
            defaults[name] = value
        if defaults.get("cap_percent", 100) < 100:
            self.report(
                ("defaults", "cap_percent"), "`cap_percent` cannot be below 100: the cap stops pay above target"
            )
        return defaults if not self.problems else None

    def _texts(self, root: dict[str, Any]) -> dict[str, Localized]:
        texts: dict[str, Localized] = {}
        if self.keys(root["texts"], ("texts",), {"required": TEXT_KEYS, "optional": ()}, "`texts` section"):
            for key in TEXT_KEYS:
                localized = self.localized(root["texts"], ("texts", key))
                if localized is not None:
                    texts[key] = localized
        return texts
