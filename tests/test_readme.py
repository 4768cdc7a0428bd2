"""The README's two commands are the ones CI and newcomers actually run."""

import re

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
