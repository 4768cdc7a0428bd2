"""The tree shows the architecture: hooks/ holds the hooks mkdocs.yml registers, kam_guide/ the rest.

A helper module dropped into hooks/ would become a top-level module with a generic name on
sys.path while MkDocs loads the hooks; a module named like another one sends readers (and
imports) to the wrong file.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import yaml

from conftest import ROOT

HOOKS = ROOT / "hooks"
PACKAGE = ROOT / "kam_guide"


def _registered_hooks() -> list[str]:
    # mkdocs.yml uses `!ENV` and Material's `!!python/name:` tags: read only the `hooks:` list.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return sorted(config.get("hooks") or [])


def test_hooks_folder_holds_exactly_the_registered_hooks() -> None:
    # Python files and folders holding any (a folder left with only __pycache__ after a pull is no module).
    present = sorted(
        path.relative_to(ROOT).as_posix()
        for path in HOOKS.iterdir()
        if path.suffix == ".py" or (path.is_dir() and any(path.rglob("*.py")))
    )
    registered = _registered_hooks()
    assert present == registered, (
        f"hooks/ holds {present} but mkdocs.yml's `hooks:` lists {registered}: put helper code in the "
        "kam_guide package (README, 'Layout'), and list every file of hooks/ in mkdocs.yml"
    )


def _names(paths: list[Path]) -> dict[str, str]:
    return {path.stem: path.relative_to(ROOT).as_posix() for path in paths if path.name != "__init__.py"}


HOOK_NAMES = _names(sorted(HOOKS.glob("*.py")))
MODULE_NAMES = _names(sorted(PACKAGE.rglob("*.py")))
PACKAGE_NAMES = {path.parent.name: path.parent.relative_to(ROOT).as_posix() for path in PACKAGE.glob("*/__init__.py")}


def test_no_hook_is_named_like_a_module_of_the_package() -> None:
    # hooks/quiz.py wires kam_guide/quiz/ (a package, the hook's subject); hooks/typography.py beside
    # kam_guide/pages/typography.py would be two files that answer to one name.
    shared = {name: (path, MODULE_NAMES[name]) for name, path in HOOK_NAMES.items() if name in MODULE_NAMES}
    assert not shared, f"a hook and a module share a name (rename the module): {shared}"


def test_no_module_is_named_like_a_sub_package() -> None:
    # kam_guide/pages/source.py beside kam_guide/source/ reads as the same thing.
    shared = {name: (path, PACKAGE_NAMES[name]) for name, path in MODULE_NAMES.items() if name in PACKAGE_NAMES}
    assert not shared, f"a module is named like a sub-package (rename the module): {shared}"


def test_no_module_is_named_like_an_installed_one() -> None:
    # `kam_guide/build/markdown.py` would read as the Markdown library in every traceback and import.
    project = {str(ROOT), str(HOOKS), str(PACKAGE), ""}
    installed = {
        name
        for name in [*HOOK_NAMES, *MODULE_NAMES, *PACKAGE_NAMES]
        if name in sys.stdlib_module_names
        or (
            (spec := importlib.util.find_spec(name)) is not None
            and spec.origin is not None
            and not any(Path(spec.origin).is_relative_to(folder) for folder in project if folder)
        )
    }
    assert not installed, f"modules named like a library or a standard module (rename them): {sorted(installed)}"


# Python methods Jinja2 lets templates call on maps and strings and MiniJinja (Zensical) does not:
# written as filters instead (`| items`, a subscript for `.get`), a template renders under both.
PYTHON_METHOD = re.compile(
    r"\.(get|items|keys|values|update|pop|append|split|strip|replace|lower|upper|startswith|endswith|format|join)\("
)
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def test_templates_call_no_python_method() -> None:
    found = [
        f"{path.relative_to(ROOT)}: `{match.group(0)}`"
        for path in sorted((ROOT / "overrides").rglob("*.html"))
        for match in PYTHON_METHOD.finditer(JINJA_COMMENT.sub("", path.read_text(encoding="utf-8")))
    ]
    assert not found, (
        f"{found}: use a filter (`| items`, `| replace(…)`) or a subscript (`map[key]`) instead, so the template "
        "also renders under MiniJinja (DESIGN.md, 'The road after Material')"
    )
