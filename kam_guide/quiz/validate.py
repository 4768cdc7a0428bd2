"""Check a quiz document against the format in DESIGN.md and build the model.

Every rule reports `file:line:column: what is wrong (where)` and says what to do.
All problems of a file are collected, so an editor fixes them in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from kam_guide.source.fields import FieldChecker, Localized
from kam_guide.source.yamlsource import Path, SourceError, YamlDocument

from .model import (
    AUDIENCES,
    MAX_BANDS,
    MAX_DIMENSIONS,
    MAX_OPTIONS,
    MAX_POINTS,
    MAX_QUESTIONS,
    Audienced,
    Band,
    Dimension,
    Gaps,
    Option,
    Question,
    Quiz,
)
from .texts import INTERFACE_KEYS

DEFAULT_WEAK_BELOW_PERCENT = 70
# Band limits are totals: at most every question's highest points.
MAX_TOTAL = MAX_QUESTIONS * MAX_POINTS

# Allowed keys per kind of mapping; required ones first.
QUIZ_KEYS: dict[str, tuple[str, ...]] = {
    "required": ("id", "title", "questions", "bands"),
    "optional": ("intro", "dimensions", "weak_below_percent", "gaps", "interface"),
}
DIMENSION_KEYS: dict[str, tuple[str, ...]] = {
    "required": ("id", "title", "advice"),
    "optional": ("summary", "team_advice"),
}
QUESTION_KEYS: dict[str, tuple[str, ...]] = {
    "required": ("id", "text", "options"),
    "optional": ("dimension", "discuss"),
}
OPTION_KEYS: dict[str, tuple[str, ...]] = {"required": ("text", "points"), "optional": ()}
BAND_KEYS: dict[str, tuple[str, ...]] = {"required": ("min", "max", "title", "text"), "optional": ()}
# Who reads each audience's text, for messages.
AUDIENCE_READERS = {"manager": "to a manager about the KAM they rated", "self": "to a KAM who rated themselves"}
GAPS_KEYS: dict[str, tuple[str, ...]] = {"required": (), "optional": ("question_points", "dimension_percent")}


def validate(document: YamlDocument, languages: Sequence[str]) -> Quiz:
    """Return the quiz, or raise SourceError listing every problem found."""
    checker = _Checker(document, tuple(languages))
    quiz = checker.quiz()
    if checker.problems or quiz is None:
        raise SourceError(checker.problems)
    return quiz


class _Checker(FieldChecker):
    # ── the quiz and its parts ──────────────────────────────────────────────

    def quiz(self) -> Quiz | None:
        root = self.root("quiz", QUIZ_KEYS)
        if root is None or not self.keys(root, (), QUIZ_KEYS, "quiz"):
            return None
        quiz_id = self.identifier(root, ("id",))
        expected_id = PurePath(self.document.file).stem
        if quiz_id is not None and quiz_id != expected_id:
            self.report(("id",), f"the id `{quiz_id}` must equal the file name `{expected_id}`: rename one of them")
        title = self.localized(root, ("title",))
        intro = self.localized(root, ("intro",)) if "intro" in root else None
        weak_below = self._weak_below(root)
        gaps = self._gaps(root) if "gaps" in root else Gaps()
        interface = self._interface(root) if "interface" in root else {}
        dimensions = (
            self.list(root, ("dimensions",), self._dimension, minimum=1, maximum=MAX_DIMENSIONS)
            if "dimensions" in root
            else ()
        )
        questions = self.list(root, ("questions",), self._question, minimum=1, maximum=MAX_QUESTIONS)
        bands = self.list(root, ("bands",), self._band, minimum=1, maximum=MAX_BANDS)
        if self.problems:
            return None
        quiz = Quiz(
            id=quiz_id or "",
            source=self.document.file,
            languages=self.languages,
            title=title or {},
            intro=intro,
            dimensions=dimensions,
            questions=questions,
            bands=bands,
            weak_below_percent=weak_below,
            interface=interface,
            gaps=gaps,
        )
        self._check_references(quiz)
        self._check_bands(quiz)
        return quiz

    def _dimension(self, item: dict[str, Any], path: Path) -> Dimension | None:
        if not self.keys(item, path, DIMENSION_KEYS, "dimension"):
            return None
        return Dimension(
            id=self.identifier(item, path + ("id",)) or "",
            title=self.localized(item, path + ("title",)) or {},
            summary=self.localized(item, path + ("summary",)) if "summary" in item else None,
            advice=self.audienced(item, path + ("advice",)),
            team_advice=self.localized(item, path + ("team_advice",)) if "team_advice" in item else None,
        )

    def _question(self, item: dict[str, Any], path: Path) -> Question | None:
        if not self.keys(item, path, QUESTION_KEYS, "question"):
            return None
        dimension = self.identifier(item, path + ("dimension",)) if "dimension" in item else None
        return Question(
            id=self.identifier(item, path + ("id",)) or "",
            dimension=dimension,
            text=self.localized(item, path + ("text",)) or {},
            options=self.list(item, path + ("options",), self._option, minimum=2, maximum=MAX_OPTIONS),
            discuss=self._discuss(item, path + ("discuss",)) if "discuss" in item else None,
        )

    def _option(self, item: dict[str, Any], path: Path) -> Option | None:
        if not self.keys(item, path, OPTION_KEYS, "option"):
            return None
        return Option(
            text=self.localized(item, path + ("text",)) or {},
            points=self.integer(item, path + ("points",), 0, MAX_POINTS) or 0,
        )

    def _band(self, item: dict[str, Any], path: Path) -> Band | None:
        if not self.keys(item, path, BAND_KEYS, "band"):
            return None
        return Band(
            min=self.integer(item, path + ("min",), 0, MAX_TOTAL) or 0,
            max=self.integer(item, path + ("max",), 0, MAX_TOTAL) or 0,
            title=self.localized(item, path + ("title",)) or {},
            text=self.audienced(item, path + ("text",)),
        )

    def _discuss(self, item: dict[str, Any], path: Path) -> Localized | None:
        """A question a manager asks: plain text ending with a question mark in every language."""
        texts = self.localized(item, path)
        if texts is None:
            return None
        for language in self.languages:
            if not texts[language].endswith("?"):
                self.report(
                    path + (language,),
                    f"the `{language}` text of `discuss` is a question to ask the KAM: end it with `?`",
                )
        return texts

    def audienced(self, mapping: dict[str, Any], path: Path) -> Audienced:
        """A Markdown text for every reader, `{fr, en}`, or one per audience, `{manager: {fr, en}, self: {fr, en}}`."""
        name = path[-1]
        assert isinstance(name, str), f"{path} does not end with a key"
        value = mapping[name]
        languages = ", ".join(self.languages)
        one_text = "{" + ", ".join(f'{language}: "…"' for language in self.languages) + "}"
        per_audience = "{" + ", ".join(f"{audience}: {one_text}" for audience in AUDIENCES) + "}"
        if not isinstance(value, dict) or not any(key in AUDIENCES for key in value):
            if not isinstance(value, dict):
                self.report(
                    path,
                    f"`{name}` needs one text per language ({languages}), e.g. `{one_text}`, "
                    f"or one such text per audience, `{per_audience}`",
                )
                return Audienced.for_all({})
            return Audienced.for_all(self.localized(mapping, path) or {})
        mixed = [key for key in value if key in self.languages]
        if mixed:
            audiences = ", ".join(key for key in value if key in AUDIENCES)
            self.report(
                path,
                f"`{name}` mixes languages ({', '.join(mixed)}) and audiences ({audiences}): write either one "
                f"text for every reader, `{one_text}`, or one per audience, `{per_audience}` (`manager`: "
                f"{AUDIENCE_READERS['manager']}; `self`: {AUDIENCE_READERS['self']})",
            )
            return Audienced.for_all({})
        for key in value:
            if key not in AUDIENCES:
                self.report(
                    path + (key,),
                    f"unknown audience `{key}` in `{name}`; audiences: {', '.join(AUDIENCES)} "
                    f"(or one text for every reader, `{one_text}`)",
                    at_key=True,
                )
        texts: dict[str, Localized] = {}
        for audience in AUDIENCES:
            if audience not in value:
                self.report(
                    path,
                    f"`{name}` has no `{audience}` text ({AUDIENCE_READERS[audience]}): add "
                    f"`{audience}: {one_text}`, or write one text for every reader, `{one_text}`",
                )
            else:
                texts[audience] = self.localized(value, path + (audience,)) or {}
        return Audienced(texts.get("manager", {}), texts.get("self", {}))

    def _gaps(self, root: dict[str, Any]) -> Gaps:
        section = root["gaps"]
        if not isinstance(section, dict):
            self.report(
                ("gaps",),
                "`gaps` must be a mapping such as `{question_points: 4, dimension_percent: 20}` "
                "(either key may be left out)",
            )
            return Gaps()
        if not self.keys(section, ("gaps",), GAPS_KEYS, "`gaps:` section"):
            return Gaps()
        default = Gaps()
        return Gaps(
            question_points=(
                self.integer(section, ("gaps", "question_points"), 1, MAX_POINTS) or default.question_points
                if "question_points" in section
                else default.question_points
            ),
            dimension_percent=(
                self.integer(section, ("gaps", "dimension_percent"), 1, 100) or default.dimension_percent
                if "dimension_percent" in section
                else default.dimension_percent
            ),
        )

    def _weak_below(self, root: dict[str, Any]) -> int:
        if "weak_below_percent" not in root:
            return DEFAULT_WEAK_BELOW_PERCENT
        return self.integer(root, ("weak_below_percent",), 1, 100) or DEFAULT_WEAK_BELOW_PERCENT

    def _interface(self, root: dict[str, Any]) -> dict[str, Localized]:
        section = root["interface"]
        keys = {"required": (), "optional": INTERFACE_KEYS}
        texts: dict[str, Localized] = {}
        if self.keys(section, ("interface",), keys, "`interface:` section (it rewords texts of _interface.yml)"):
            for key in section:
                if key in INTERFACE_KEYS:
                    localized = self.localized(section, ("interface", key))
                    if localized is not None:
                        texts[key] = localized
        return texts

    # ── rules across the whole quiz ─────────────────────────────────────────

    def _check_references(self, quiz: Quiz) -> None:
        self._unique_ids([d.id for d in quiz.dimensions], ("dimensions",), "dimension")
        self._unique_ids([q.id for q in quiz.questions], ("questions",), "question")
        known = list(dict.fromkeys(d.id for d in quiz.dimensions))
        for index, question in enumerate(quiz.questions):
            path: Path = ("questions", index)
            if known and question.dimension is None:
                self.report(path, f"question `{question.id}` needs a `dimension:` (one of: {', '.join(known)})")
            elif question.dimension is not None and question.dimension not in known:
                choices = f"one of: {', '.join(known)}" if known else "add a `dimensions:` list first"
                self.report(
                    path + ("dimension",),
                    f"unknown dimension `{question.dimension}`: use {choices}",
                )
        for index, dimension in enumerate(quiz.dimensions):
            if not quiz.questions_of(dimension.id):
                self.report(
                    ("dimensions", index),
                    f"no question uses dimension `{dimension.id}`: remove it or tie a question to it",
                )
            elif quiz.dimension_max(dimension.id) == 0:
                # Its share of the maximum would be 0/0: "NaN %" in the team table.
                self.report(
                    ("dimensions", index),
                    f"every option of the questions of dimension `{dimension.id}` is worth 0 points, so it "
                    "cannot be scored: give the best answer of at least one of its questions some points",
                )
        if quiz.highest_total == 0:
            self.report(
                ("questions",),
                "every option is worth 0 points, so no answer can score: give the best answers some points",
            )

    def _unique_ids(self, ids: list[str], path: Path, kind: str) -> None:
        first_index: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in first_index:
                self.report(
                    path + (index, "id"),
                    f"duplicate {kind} id `{item_id}` (already used by {kind} {first_index[item_id] + 1}): "
                    "ids must be unique",
                )
            else:
                first_index[item_id] = index

    def _check_bands(self, quiz: Quiz) -> None:
        if self.problems:
            return  # ranges are only meaningful once every band and point is valid
        lowest, highest = quiz.lowest_total, quiz.highest_total
        reach = f"totals a reader can score run from {lowest} to {highest}"
        for index, band in enumerate(quiz.bands):
            if band.min > band.max:
                self.report(
                    ("bands", index, "min"), f"this band runs backwards (min {band.min} > max {band.max}): swap them"
                )
        if self.problems:
            return
        for index, band in enumerate(quiz.bands):
            later = next((i for i, other in enumerate(quiz.bands[:index]) if other.min > band.min), None)
            if later is not None:
                # Out of order, every gap and overlap below would be a false lead: say this alone.
                above = quiz.bands[later]
                self.report(
                    ("bands", index, "min"),
                    f"bands are listed from the lowest total to the highest: move this band ({band.min}–{band.max}) "
                    f"before the band {above.min}–{above.max} (bands[{later + 1}])",
                )
                return
        first, last = quiz.bands[0], quiz.bands[-1]
        if first.min < lowest:
            self.report(
                ("bands", 0, "min"), f"the first band starts at {first.min}, below any reachable total; {reach}"
            )
        elif first.min > lowest:
            self.report(("bands", 0, "min"), f"{_totals(lowest, first.min - 1)} in no band; {reach}")
        for index in range(1, len(quiz.bands)):
            before, band = quiz.bands[index - 1], quiz.bands[index]
            if band.min > before.max + 1:
                self.report(
                    ("bands", index, "min"),
                    f"gap: {_totals(before.max + 1, band.min - 1)} in no band; start this band at {before.max + 1}",
                )
            elif band.min <= before.max:
                self.report(
                    ("bands", index, "min"),
                    f"overlap: {_totals(band.min, min(before.max, band.max))} in two bands; "
                    f"start this band at {before.max + 1} (bands are listed from the lowest total to the highest)",
                )
        if last.max > highest:
            self.report(
                ("bands", len(quiz.bands) - 1, "max"),
                f"the last band ends at {last.max}, above any reachable total; {reach}",
            )
        elif last.max < highest:
            self.report(("bands", len(quiz.bands) - 1, "max"), f"{_totals(last.max + 1, highest)} in no band; {reach}")


def _totals(first: int, last: int) -> str:
    """`total 8 falls` or `totals 8 to 9 fall`."""
    return f"total {first} falls" if first == last else f"totals {first} to {last} fall"


def validate_interface(document: YamlDocument, languages: Sequence[str]) -> dict[str, Localized]:
    """Check the quiz interface texts: every key of INTERFACE_KEYS, each in every language."""
    checker = _Checker(document, tuple(languages))
    keys = {"required": INTERFACE_KEYS, "optional": ()}
    root = checker.root("interface file (one text per key)", keys)
    texts: dict[str, Localized] = {}
    if root is not None and checker.keys(root, (), keys, "interface file"):
        for key in INTERFACE_KEYS:
            localized = checker.localized(root, (key,))
            if localized is not None:
                texts[key] = localized
    if checker.problems:
        raise SourceError(checker.problems)
    return texts
