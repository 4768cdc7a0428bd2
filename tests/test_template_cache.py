"""The theme's templates are compiled once per machine, and compiled again whenever that could change the code.

MkDocs makes a new Jinja environment for every build and language; kam_guide/source/template_cache.py
keeps what one compiles for the next (hooks/i18n_site.py sets it on MkDocs' environment).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader
from jinja2.ext import loopcontrols
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import ROOT
from hookloader import load_hook
from kam_guide.source.template_cache import bytecode_cache, cache_compiled_templates, settings_key

pytestmark = pytest.mark.code_only


class CountingEnvironment(Environment):
    """An environment that counts the templates it compiles from source."""

    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def _render(templates: Path, cache: Path, **settings: object) -> tuple[str, int]:
    """A new environment, as MkDocs makes one per build: what it renders and how many templates it compiled."""
    cache.mkdir(exist_ok=True)
    CountingEnvironment.compiled = 0
    env = CountingEnvironment(loader=FileSystemLoader(templates), **settings)  # type: ignore[arg-type]
    cache_compiled_templates(env, str(cache))
    return env.get_template("page.html").render(title="Comptes clés"), CountingEnvironment.compiled


def test_a_new_environment_reuses_what_an_earlier_one_compiled(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert _render(tmp_path / "t", tmp_path / "c") == ("<h1>Comptes clés</h1>", 1)
    assert _render(tmp_path / "t", tmp_path / "c") == ("<h1>Comptes clés</h1>", 0)


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    _render(tmp_path / "t", tmp_path / "c")
    page.write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert _render(tmp_path / "t", tmp_path / "c") == ("<h2>Comptes clés</h2>", 1)


@pytest.mark.parametrize(
    "settings",
    [{"extensions": [loopcontrols]}, {"trim_blocks": True}, {"variable_start_string": "[["}, {"autoescape": True}],
    ids=["extension", "whitespace", "delimiters", "autoescape"],
)
def test_other_settings_compile_again(tmp_path: Path, settings: dict[str, object]) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    _render(tmp_path / "t", tmp_path / "c")
    assert settings_key(Environment(**settings)) != settings_key(Environment())  # type: ignore[arg-type]
    assert _render(tmp_path / "t", tmp_path / "c", **settings)[1] == 1


def test_mkdocs_environment_gets_the_cache_from_the_i18n_hook() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    assert env.bytecode_cache is None
    load_hook(ROOT / "hooks" / "i18n_site.py").on_env(env, config=config, files=Files([]))
    assert env.bytecode_cache is not None, "hooks/i18n_site.py on_env must call cache_compiled_templates(env)"


def test_a_folder_that_cannot_be_written_leaves_the_build_uncached_not_failed(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    (tmp_path / "c").write_text("a file where the cache folder should be", encoding="utf-8")
    for _ in range(2):
        CountingEnvironment.compiled = 0
        env = CountingEnvironment(loader=FileSystemLoader(tmp_path / "t"))
        cache_compiled_templates(env, str(tmp_path / "c"))
        assert env.get_template("page.html").render(title="Comptes clés") == "<h1>Comptes clés</h1>"
        assert CountingEnvironment.compiled == 1


def test_no_safe_cache_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsafe(self: FileSystemBytecodeCache) -> str:
        raise RuntimeError("Cannot determine safe temp directory.")  # what Jinja says of a folder others can write

    monkeypatch.setattr(FileSystemBytecodeCache, "_get_default_cache_dir", unsafe)
    assert bytecode_cache("__kam_test_%s.cache") is None


def test_the_projects_own_environments_are_keyed_by_their_settings_filters_included() -> None:
    from kam_guide.source.components import components_environment

    security = load_hook(ROOT / "hooks" / "security.py")
    config = load_config(str(ROOT / "mkdocs.yml"))
    components = components_environment(ROOT / "overrides" / "components")
    for env in (components, security.theme_partials_environment(tuple(config.theme.dirs))):
        assert isinstance(env.bytecode_cache, FileSystemBytecodeCache)
        assert settings_key(env) in env.bytecode_cache.pattern, "set the cache with cache_compiled_templates(env)"
    assert "fill" in components.filters, "the components' filters are set before the cache's key is taken"
