"""Find, load and validate every quiz under `quizdata/`, and the quiz interface texts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kam_guide.source.fields import Localized
from kam_guide.source.folder import ValidatedFiles

from .model import Quiz
from .texts import INTERFACE_FILE
from .validate import validate, validate_interface


class QuizCatalog:
    def __init__(self) -> None:
        self._quizzes = ValidatedFiles(validate)
        self._interface = ValidatedFiles(validate_interface)

    def load_all(self, folder: Path, languages: Sequence[str], root: Path) -> tuple[dict[str, Quiz], list[Quiz]]:
        """Every quiz in `folder` by id, and those read anew since the last call (SourceError on problems)."""
        quizzes, fresh = self._quizzes.load_folder(folder, languages, root)
        return {quiz.id: quiz for quiz in quizzes}, fresh

    def load_interface(self, folder: Path, languages: Sequence[str], root: Path) -> dict[str, Localized]:
        return self._interface.load_file(
            folder / INTERFACE_FILE, languages, root, purpose="the questionnaire's buttons, labels and notices"
        )
