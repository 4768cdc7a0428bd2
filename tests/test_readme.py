"""The README's two commands are the ones CI and newcomers actually run."""

import re
from importlib.metadata import requires

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_opens_with_serve_then_test_commands() -> None:
    serve, test = COMMANDS[:2]
    assert serve.endswith("mkdocs serve") and "pip install" in serve
    assert test.endswith("python -m pytest") and '".[test]"' in test
    assert README.index(serve) < README.index("## What this is")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == COMMANDS[1]


def test_every_declared_dependency_is_pinned_in_the_constraints_file() -> None:
    declared = requires("kam-guide") or []  # pyproject.toml's, runtime and test, as the editable install read them
    assert declared, "the project is not installed: run the README's test command"
    lines = [line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    pinned = {}
    for line in lines:
        name, _, version = line.partition("==")
        assert version and " " not in line, f"constraints.txt: `{line}` is not `name==version`"
        pinned[re.sub(r"[-_.]+", "-", name).lower()] = version
    for requirement in declared:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]).lower()
        assert name in pinned, (
            f"{name} is declared in pyproject.toml but not pinned in constraints.txt: re-pin as README.md says "
            '("Upgrading dependencies")'
        )
