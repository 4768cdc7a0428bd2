"""What a reader downloads: the HTML of a page plus every stylesheet and script it references.

Builds the real site (`python -m mkdocs build -q -d <tmp>`), then for the home page
(index), a content page (kam-role) and the quiz page (self-assessment), in French and
English, sums the bytes of the HTML and of every `<link rel="stylesheet">` and
`<script src>` the page references (Material's bundle and stylesheets included), raw
and gzipped (level 9, as a static host would serve them). A last column adds what
Material's search fetches once the page has loaded (its worker, the language's search
index and lunr's language support), which the page does not reference directly.

Then: what the quiz adds on its page (quiz.js, quiz.css, the form's HTML), what the team
table adds (team.js), what its tools add the first time a reader uses one (team-tools.js and
team-tools.css, which team.js fetches then: the person view, the CSV, the deletion dialog), and
what a page without a quiz loads of them (must be nothing). Budget, on the files as shipped
(minified by kam_guide/build/minify.py): what the self-assessment page references of the quiz's
and the team's assets ≤ 12 KiB gzipped (issue 17); the tools are reported beside it.

    .venv/bin/python benchmarks/page_weight.py [--check]

`--check` exits with status 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from _common import ROOT, build, gzipped_size, machine, table, temp_dir, verdict

sys.path.insert(0, str(ROOT / "tests"))
from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, SLUGS, placements  # noqa: E402

QUIZ_PAGE = placements("quiz")[0].slug
PAGES = {
    "home": "index",
    "content": "kam-role" if "kam-role" in SLUGS else next(s for s in SLUGS if s not in ("index", QUIZ_PAGE)),
    "quiz": QUIZ_PAGE,
}
QUIZ_ASSETS = ("assets/quiz/", "assets/team/")
# Bytes gzipped of what the self-assessment page references for the quiz and the team table (quiz.js,
# quiz.css, team.js): one budget for the page, as issue 17 sets it, instead of one per file (the split
# between files is a design choice, not a cost to readers).
QUIZ_PAGE_BUDGET = 12288
TEAM_TOOLS = ("assets/team/team-tools.js", "assets/team/team-tools.css")  # fetched by team.js on first use
BASE = "http://site.invalid/"  # resolves relative references; never fetched


@dataclass
class Weight:
    raw: int = 0
    gz: int = 0
    files: list[str] = field(default_factory=list)

    def add(self, path: Path, name: str) -> None:
        data = path.read_bytes()
        self.raw += len(data)
        self.gz += gzipped_size(data)
        self.files.append(name)

    def show(self) -> str:
        return f"{self.raw / 1024:.1f} / {self.gz / 1024:.1f}"


def site_file(site: Path, page_url: str, reference: str) -> tuple[Path, str]:
    """The built file a reference in a page points at, and its site-relative name."""
    url = urljoin(page_url, reference)
    parts = urlsplit(url)
    if not url.startswith(BASE):
        raise SystemExit(f"{page_url} references another origin: {reference}")
    name = parts.path.removeprefix(urlsplit(BASE).path)
    path = site / name
    if not path.is_file():
        raise SystemExit(f"{page_url} references {reference}, which the build did not write")
    return path, name


def page_weights(site: Path, slug: str, language: str) -> dict[str, Weight]:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    html_path = site / f"{prefix}{slug}.html"
    page_url = f"{BASE}{prefix}{slug}.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    weights = {"html": Weight(), "css": Weight(), "js": Weight(), "after": Weight()}
    weights["html"].add(html_path, f"{prefix}{slug}.html")
    for tag in soup.find_all("link", href=True):
        if "stylesheet" in (tag.get("rel") or []):
            weights["css"].add(*site_file(site, page_url, tag["href"]))
    for tag in soup.find_all("script", src=True):
        weights["js"].add(*site_file(site, page_url, tag["src"]))
    # Fetched by Material once the page runs: the search worker, the index of the
    # page's language, and lunr's support for languages other than English.
    config_tag = soup.find("script", id="__config")
    if config_tag is not None:
        config = json.loads(config_tag.string)
        worker_path, worker_name = site_file(site, page_url, config["search"])
        weights["after"].add(worker_path, worker_name)
        base = config["base"].rstrip("/")
        index_path, index_name = site_file(site, page_url, f"{base}/search/search_index.json")
        weights["after"].add(index_path, index_name)
        index_languages = json.loads(index_path.read_text(encoding="utf-8"))["config"]["lang"]
        lunr = [f"lunr.{lang}.min.js" for lang in index_languages if lang != "en"]
        if lunr:
            lunr.insert(0, "lunr.stemmer.support.min.js")
        if len(index_languages) > 1:
            lunr.append("lunr.multi.min.js")
        for script in lunr:
            weights["after"].add(*site_file(site, urljoin(BASE, worker_name), f"../lunr/min/{script}"))
    return weights


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is exceeded")
    args = parser.parse_args()

    site = temp_dir("weight") / "site"
    build(ROOT, site)
    print(f"Machine: {machine()}")
    print(f"Site built into {site} (sizes in KiB, raw / gzip -9).")
    print()

    rows = []
    quiz_bytes_elsewhere: dict[str, int] = {}
    quiz_page_assets: dict[str, int] = {}  # site name → gzipped bytes, what the quiz page references
    for kind, slug in PAGES.items():
        for language in LANGUAGES:
            w = page_weights(site, slug, language)
            total_raw = w["html"].raw + w["css"].raw + w["js"].raw
            total_gz = w["html"].gz + w["css"].gz + w["js"].gz
            rows.append(
                [
                    f"{kind} ({slug})",
                    language,
                    w["html"].show(),
                    f"{w['css'].show()} ({len(w['css'].files)})",
                    f"{w['js'].show()} ({len(w['js'].files)})",
                    f"{total_raw / 1024:.1f} / {total_gz / 1024:.1f}",
                    f"+ {w['after'].show()}",
                ]
            )
            if kind == "quiz":
                for part in ("css", "js"):
                    for name in w[part].files:
                        if name.startswith(QUIZ_ASSETS):
                            quiz_page_assets[name] = gzipped_size((site / name).read_bytes())
            else:
                quiz_bytes_elsewhere[f"{slug} ({language})"] = sum(
                    (site / name).stat().st_size
                    for part in ("css", "js")
                    for name in w[part].files
                    if name.startswith(QUIZ_ASSETS)
                )
    print(
        table(
            ["page", "lang", "HTML", "CSS (files)", "JS (files)", "page total", "search, after load"],
            rows,
        )
    )

    print()
    print("What the quiz adds:")
    quiz_rows = []
    for name in ("quiz.js", "quiz.css"):
        data = (site / "assets" / "quiz" / name).read_bytes()
        quiz_rows.append([name, len(data), gzipped_size(data)])
    team = (site / "assets" / "team" / "team.js").read_bytes()
    quiz_rows.append(["team.js (the team table)", len(team), gzipped_size(team)])
    tools_gz = 0
    for name in TEAM_TOOLS:
        data = (site / name).read_bytes()
        tools_gz += gzipped_size(data)
        quiz_rows.append([f"{Path(name).name} (on first use of a tool)", len(data), gzipped_size(data)])
    for language in LANGUAGES:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        soup = BeautifulSoup((site / f"{prefix}{PAGES['quiz']}.html").read_text(encoding="utf-8"), "html.parser")
        form = soup.find("form", attrs={"data-quiz": True})
        if form is None:
            raise SystemExit(f"no <form data-quiz> in {prefix}{PAGES['quiz']}.html")
        html = str(form).encode("utf-8")
        quiz_rows.append([f"form HTML ({language}, {PAGES['quiz']})", len(html), gzipped_size(html)])
    print(table(["what", "raw bytes", "gzip -9 bytes"], quiz_rows))
    print()
    for page, size in quiz_bytes_elsewhere.items():
        print(f"Quiz assets loaded by {page}: {size} bytes → {verdict(size == 0)}")
    elsewhere_ok = not any(quiz_bytes_elsewhere.values())
    page_gz = sum(quiz_page_assets.values())
    budget_ok = page_gz <= QUIZ_PAGE_BUDGET
    shipped = " + ".join(Path(name).name for name in sorted(quiz_page_assets))
    print(
        f"Budget: what the quiz page loads ({shipped}) gzipped = {page_gz} bytes ≤ {QUIZ_PAGE_BUDGET}"
        f" → {verdict(budget_ok)}"
    )
    print(f"On first use of a tool, team.js fetches {tools_gz} bytes more (gzipped): {page_gz + tools_gz} in all")
    return 1 if args.check and not (budget_ok and elsewhere_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
