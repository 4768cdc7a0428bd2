"""A hook of hooks/ loaded as MkDocs loads it: by its path, registered under it (its dataclasses need that)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_hook(path: Path) -> ModuleType:
    """The module of hooks/<name>.py, loaded once per test process."""
    name = f"hooks/{path.name}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
