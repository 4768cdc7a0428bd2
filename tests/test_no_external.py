"""Built pages load nothing from other origins: no CDN scripts, web fonts or remote images."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = pytest.mark.content

# Elements and attributes through which a browser fetches something on load.
LOADED = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
}
LOADED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def html_files(site: BuiltSite) -> list[Path]:
    return sorted(site.path.rglob("*.html"))


def fetched_urls(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    urls: list[str] = []
    for tag, attributes in LOADED.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    urls += [part.split()[0] for part in value.split(",")] if attribute == "srcset" else [value]
    for link in soup.find_all("link", href=True):
        if LOADED_LINK_RELS & set(link.get("rel", [])):
            urls.append(link["href"])
    for style in soup.find_all("style"):
        urls += CSS_URL.findall(style.get_text())
    for element in soup.find_all(style=True):
        urls += CSS_URL.findall(element["style"])
    return urls


def is_other_origin(url: str, page_url: str) -> bool:
    if url.startswith("data:"):
        return False
    return urlsplit(urljoin(page_url, url)).netloc != urlsplit(page_url).netloc


def test_every_page_loads_from_its_own_origin(site: BuiltSite) -> None:
    offenders = {}
    for path in html_files(site):
        page_url = site.url + path.relative_to(site.path).as_posix()
        external = [url for url in fetched_urls(path.read_text(encoding="utf-8")) if is_other_origin(url, page_url)]
        if external:
            offenders[str(path.relative_to(site.path))] = external
    assert offenders == {}
    assert len(html_files(site)) >= len(SLUGS) * len(LANGUAGES) + 1  # every page in every language, and the 404


def test_stylesheets_fetch_nothing_from_other_origins(site: BuiltSite) -> None:
    for css in site.path.rglob("*.css"):
        remote = [url for url in CSS_URL.findall(css.read_text(encoding="utf-8")) if re.match(r"(https?:)?//", url)]
        assert remote == [], css


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example/x.js"></script>',
        '<link rel="stylesheet" href="//fonts.googleapis.com/css">',
        '<img src="https://img.example/a.png">',
    ],
)
def test_the_check_itself_catches_remote_loads(html: str) -> None:
    assert any(is_other_origin(url, "http://127.0.0.1:8000/a.html") for url in fetched_urls(html))
