"""The site builds with `mkdocs build --strict` and says nothing worth a warning."""

import pytest

from conftest import BuiltSite

pytestmark = pytest.mark.content


def test_strict_build_has_no_warnings(site: BuiltSite) -> None:
    warnings = [line for line in site.log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []


def test_build_output_has_both_languages(site: BuiltSite) -> None:
    assert (site.path / "index.html").is_file()
    assert (site.path / "en" / "index.html").is_file()
