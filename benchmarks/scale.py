"""How build cost grows with the number of pages.

Generates synthetic bilingual sites of 100 and 500 pages per language: the real
docs/ (home, content pages, the self-assessment) plus generated pages (French
`sheet-NNN.md` + English `sheet-NNN.en.md`) with front matter, headings with ids,
paragraphs, a bullet list, a numbered list, a table, an admonition and links to
other pages (one to a heading anchor). The real `nav:` is followed by the generated
pages in 5 parts of chapters of 10 pages, so Material draws a nested navigation.
Every 20th generated page places the real quiz with `<!-- quiz: kam-self-assessment -->`
(the generated pages sit at the docs root like the real ones: the quiz's texts link to them).

Two configurations build the same pages, alternately:

- project: the real mkdocs.yml (without its `nav:`, so the navigation follows the
  folders) with the project's hooks, overrides and quizdata;
- plain: Material + mkdocs-static-i18n only: no `hooks:`, no custom_dir, no
  extra_css, and no quiz markers in the pages;
- plain + texts: the plain configuration, with the quiz's texts written as Markdown where
  the quiz is placed (what the quiz hook puts in the page for MkDocs to convert): the same
  Markdown as the project, so project / (plain + texts) is what the hooks, the quiz's form
  and the overrides cost beyond converting and indexing the same texts.

The 500-page project site is also built without Material's `navigation.prune`
(the real site has it on). For each build: wall-clock seconds per page (pages of
both languages), CPU time, and the peak memory of the build process (ru_maxrss).

    .venv/bin/python benchmarks/scale.py [--sizes 100 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from _common import (
    ROOT,
    BuildRun,
    build,
    copy_project,
    machine,
    strip_quiz_markers,
    summarize,
    table,
    temp_dir,
    top_level_block,
    without_lines,
    without_top_level_keys,
    write_quiz_texts,
)

PARTS = 5
PAGES_PER_CHAPTER = 10
QUIZ_EVERY = 20
QUIZ_ID = "kam-self-assessment"

WORDS = {
    "fr": [
        "compte",
        "client",
        "stratégie",
        "relation",
        "valeur",
        "contrat",
        "marge",
        "croissance",
        "équipe",
        "direction",
        "achat",
        "offre",
        "service",
        "besoin",
        "objectif",
        "plan",
        "revue",
        "risque",
        "potentiel",
        "fidélité",
        "négociation",
        "décision",
        "acheteur",
        "projet",
        "délai",
        "prix",
        "volume",
        "partenaire",
        "marché",
        "concurrent",
        "signal",
        "priorité",
        "budget",
        "résultat",
        "suivi",
        "rentabilité",
        "confiance",
        "interlocuteur",
        "organisation",
        "processus",
        "engagement",
        "chiffre",
        "portefeuille",
    ],
    "en": [
        "account",
        "customer",
        "strategy",
        "relationship",
        "value",
        "contract",
        "margin",
        "growth",
        "team",
        "management",
        "purchasing",
        "offer",
        "service",
        "need",
        "objective",
        "plan",
        "review",
        "risk",
        "potential",
        "loyalty",
        "negotiation",
        "decision",
        "buyer",
        "project",
        "deadline",
        "price",
        "volume",
        "partner",
        "market",
        "competitor",
        "signal",
        "priority",
        "budget",
        "result",
        "follow-up",
        "profitability",
        "trust",
        "contact",
        "organisation",
        "process",
        "commitment",
        "revenue",
        "portfolio",
    ],
}
GLUE = {
    "fr": [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "pour",
        "avec",
        "dans",
        "sur",
        "par",
        "chaque",
        "son",
        "leur",
        "plus",
    ],
    "en": ["the", "a", "an", "of", "and", "for", "with", "in", "on", "by", "each", "its", "their", "more", "to"],
}
LABELS = {
    "fr": {
        "page": "Fiche",
        "see": "Voir aussi",
        "next": "Page suivante",
        "home": "Accueil du guide de test",
        "table": ("Indicateur", "Cible", "Revue"),
        "note": "À retenir",
        "sections": ("Contexte", "Méthode", "Exemple", "Signaux d’alerte"),
        "quiz": "Faites le point",
    },
    "en": {
        "page": "Sheet",
        "see": "See also",
        "next": "Next page",
        "home": "Test guide home",
        "table": ("Indicator", "Target", "Review"),
        "note": "Remember",
        "sections": ("Context", "Method", "Example", "Warning signs"),
        "quiz": "Take stock",
    },
}


# ─── Synthetic site ─────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SyntheticPage:
    number: int  # 1-based
    path: str  # French file at the docs root, e.g. sheet-003.md (the quiz links to root pages)
    part: int
    chapter: int

    def localized(self, language: str) -> str:
        return self.path if language == "fr" else self.path.removesuffix(".md") + ".en.md"


def synthetic_pages(count: int) -> list[SyntheticPage]:
    chapters = max(1, math.ceil(count / PAGES_PER_CHAPTER))
    chapters_per_part = math.ceil(chapters / PARTS)
    result = []
    for number in range(1, count + 1):
        chapter = (number - 1) // PAGES_PER_CHAPTER
        result.append(SyntheticPage(number, f"sheet-{number:03d}.md", chapter // chapters_per_part, chapter))
    return result


def sentence(rng: random.Random, language: str, words: int) -> str:
    vocabulary, glue = WORDS[language], GLUE[language]
    text = " ".join(rng.choice(vocabulary if i % 2 else glue) for i in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, language: str) -> str:
    return " ".join(sentence(rng, language, rng.randint(8, 18)) for _ in range(rng.randint(3, 5)))


def page_markdown(page: SyntheticPage, pages: list[SyntheticPage], language: str, quiz: bool) -> str:
    # Links name the French file in both languages: mkdocs-static-i18n points them
    # at the page of the same language (as in the real docs).
    rng = random.Random(page.number * 7919 + (0 if language == "fr" else 1))
    labels = LABELS[language]
    previous = pages[page.number - 2] if page.number > 1 else pages[-1]
    following = pages[page.number % len(pages)]
    elsewhere = pages[rng.randrange(len(pages))]
    colon = " :" if language == "fr" else ":"
    lines = [
        "---",
        # 120 to 160 characters, as the content check asks.
        f'description: "{(sentence(rng, language, 14) + " " + sentence(rng, language, 14))[:150]}"',
        "---",
        "",
        f"# {labels['page']} {page.number}{colon} {rng.choice(WORDS[language])} {rng.choice(WORDS[language])}",
        "",
        paragraph(rng, language),
        "",
    ]
    for number, title in enumerate(labels["sections"], start=1):
        lines += [f"## {title} {{ #section-{number} }}", "", paragraph(rng, language), ""]
        if number == 1:
            lines += [f"- {sentence(rng, language, rng.randint(5, 10))}" for _ in range(5)] + [""]
        if number == 2:
            lines += [f"{i}. {sentence(rng, language, rng.randint(6, 12))}" for i in range(1, 5)] + [""]
            head = labels["table"]
            lines += [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | ---: | --- |"]
            for _ in range(5):
                lines.append(
                    f"| {rng.choice(WORDS[language])} | {rng.randint(5, 95)} % | {sentence(rng, language, 4)} |"
                )
            lines.append("")
        if number == 3:
            lines += [f'!!! note "{labels["note"]}"', f"    {paragraph(rng, language)}", ""]
        lines += [paragraph(rng, language), ""]
    if quiz:
        lines += [f"## {labels['quiz']} {{ #quiz }}", "", f"<!-- quiz: {QUIZ_ID} -->", ""]
    lines += [
        f"## {labels['see']} {{ #see-also }}",
        "",
        f"- [{labels['page']} {previous.number}]({previous.path})",
        f"- [{labels['page']} {elsewhere.number}]({elsewhere.path}#section-2)",
        f"- [{labels['next']}]({following.path})",
        f"- [{labels['home']}](index.md)",
        "",
    ]
    return "\n".join(lines)


def with_nav_translations(config_text: str, pages: list[SyntheticPage]) -> str:
    """The English titles of the synthetic parts and chapters, under the English nav_translations."""
    titles = {f"Partie {page.part + 1}": f"Part {page.part + 1}" for page in pages}
    titles |= {f"Chapitre {page.chapter + 1}": f"Chapter {page.chapter + 1}" for page in pages}
    marker = "nav_translations:\n"
    at = config_text.index(marker, config_text.index("- locale: en")) + len(marker)
    lines = "".join(f"            {french}: {english}\n" for french, english in titles.items())
    return config_text[:at] + lines + config_text[at:]


def nav_block(config_text: str, pages: list[SyntheticPage]) -> str:
    """The real `nav:` followed by the synthetic pages in parts and chapters."""
    real = top_level_block(config_text, "nav")
    lines = [real.rstrip("\n")]
    for page in pages:
        if page.number == 1 or page.part != pages[page.number - 2].part:
            lines.append(f"  - Partie {page.part + 1}:")
        if page.number == 1 or page.chapter != pages[page.number - 2].chapter:
            lines.append(f"    - Chapitre {page.chapter + 1}:")
        lines.append(f"      - {page.path}")
    return "\n".join(lines) + "\n"


def write_site(dest: Path, pages: int, with_quiz: bool, config_text: str, quiz_texts: bool = False) -> None:
    """The real docs plus synthetic ones, `pages` per language in all; config with their nav.

    quiz_texts: each quiz marker replaced by the quiz's Markdown texts, as the quiz hook would place them.
    """
    copy_project(dest, parts=("docs",))
    docs = dest / "docs"
    real = len(list(docs.glob("*.en.md")))
    synthetic = synthetic_pages(pages - real)
    for language in ("fr", "en"):
        for page in synthetic:
            quiz = with_quiz and page.number % QUIZ_EVERY == 0
            (docs / page.localized(language)).write_text(
                page_markdown(page, synthetic, language, quiz), encoding="utf-8"
            )
    if quiz_texts:
        write_quiz_texts(docs)
    elif not with_quiz:
        strip_quiz_markers(docs)
    config = without_top_level_keys(with_nav_translations(config_text, synthetic), ["nav"])
    config = config.rstrip("\n") + "\n\n" + nav_block(config_text, synthetic)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")


def make_project_site(dest: Path, pages: int, prune: bool = True) -> Path:
    copy_project(dest, parts=("hooks", "kam_guide", "overrides", "quizdata"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not prune:
        config = without_lines(config, r"^\s*-\s*navigation\.prune\s*$")
    write_site(dest, pages, with_quiz=True, config_text=config)
    return dest


def make_plain_site(dest: Path, pages: int, prune: bool = True, quiz_texts: bool = False) -> Path:
    config = without_top_level_keys((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ["hooks", "watch", "extra_css"])
    config = without_lines(config, r"^\s+(custom_dir|favicon|logo):")
    if not prune:
        config = without_lines(config, r"^\s*-\s*navigation\.prune\s*$")
    write_site(dest, pages, with_quiz=quiz_texts, config_text=config, quiz_texts=quiz_texts)
    return dest


# ─── Measurement ────────────────────────────────────────────────────────────


def html_per_page(site: Path) -> float:
    sizes = [p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html"]
    return sum(sizes) / len(sizes) / 1024


def measure(variants: dict[str, Path], work: Path, runs: int) -> dict[str, tuple[list[BuildRun], float]]:
    """Warm up, then build the variants alternately; also the mean HTML size of a page."""
    results: dict[str, list[BuildRun]] = {name: [] for name in variants}
    names = list(variants)
    for project in variants.values():
        build(project, work / "out")  # warm-up (file cache, bytecode), not counted
    for run in range(runs):
        order = names if run % 2 == 0 else names[::-1]
        for name in order:
            results[name].append(build(variants[name], work / f"out-{name}"))
        print(
            f"    run {run + 1}/{runs}: " + ", ".join(f"{name} {results[name][-1].wall:.1f} s" for name in names),
            flush=True,
        )
    return {name: (results[name], html_per_page(work / f"out-{name}")) for name in names}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500], help="pages per language")
    parser.add_argument("--runs", type=int, default=3, help="builds of each variant (default 3)")
    args = parser.parse_args()

    work = temp_dir("scale")
    print(f"Machine: {machine()}")
    print(f"Synthetic sites in {work}")
    rows = []
    per_page: dict[tuple[str, int], float] = {}
    for pages in args.sizes:
        print(
            f"  {pages} pages per language: project vs plain vs plain + texts, {args.runs} alternating builds…",
            flush=True,
        )
        variants = {
            f"project-{pages}": make_project_site(work / f"project-{pages}", pages),
            f"plain-{pages}": make_plain_site(work / f"plain-{pages}", pages),
            f"plain + texts-{pages}": make_plain_site(work / f"texts-{pages}", pages, quiz_texts=True),
        }
        for name, (runs, html_kib) in measure(variants, work, args.runs).items():
            total_pages = 2 * pages
            wall = summarize([r.wall for r in runs])
            cpu = summarize([r.cpu for r in runs])
            memory = summarize([r.maxrss_mib for r in runs])
            per_page[(name.rsplit("-", 1)[0], pages)] = wall.median / total_pages
            rows.append(
                [
                    name.rsplit("-", 1)[0],
                    pages,
                    "on",
                    wall.show(),
                    f"{wall.median / total_pages * 1000:.1f} ms",
                    cpu.show(),
                    f"{memory.median:.0f} MiB",
                    f"{html_kib:.0f} KiB",
                ]
            )

    largest = max(args.sizes)
    print(f"  {largest} pages per language, project: navigation.prune on vs off, {args.runs} builds each…")
    prune_variants = {
        "prune-on": make_project_site(work / f"prune-on-{largest}", largest, prune=True),
        "prune-off": make_project_site(work / f"prune-off-{largest}", largest, prune=False),
    }
    prune_medians = {}
    for name, (runs, html_kib) in measure(prune_variants, work, args.runs).items():
        total_pages = 2 * largest
        wall = summarize([r.wall for r in runs])
        cpu = summarize([r.cpu for r in runs])
        memory = summarize([r.maxrss_mib for r in runs])
        prune_medians[name] = (wall.median, html_kib)
        rows.append(
            [
                "project",
                largest,
                name.removeprefix("prune-"),
                wall.show(),
                f"{wall.median / total_pages * 1000:.1f} ms",
                cpu.show(),
                f"{memory.median:.0f} MiB",
                f"{html_kib:.0f} KiB",
            ]
        )

    print()
    print(
        f"Builds of the whole bilingual site (2 × pages/lang pages; per page = wall clock / that); "
        f"median [min–max, ±half the spread] of {args.runs}:"
    )
    print(
        table(
            [
                "config",
                "pages/lang",
                "prune",
                "build wall clock",
                "per page",
                "CPU (user+sys)",
                "peak RSS",
                "HTML/page",
            ],
            rows,
        )
    )

    print()
    print("Conclusion:")
    smallest = min(args.sizes)
    for config in ("project", "plain"):
        if (config, smallest) in per_page and (config, largest) in per_page and smallest != largest:
            growth = per_page[(config, largest)] / per_page[(config, smallest)]
            print(
                f"- {config}: per-page cost ×{growth:.2f} from {smallest} to {largest} pages per language "
                f"({'near linear' if growth < 1.25 else 'super-linear'} total build time)."
            )
    for pages in args.sizes:
        if ("project", pages) in per_page and ("plain", pages) in per_page:
            print(
                f"- {pages} pages: project / plain = "
                f"{per_page[('project', pages)] / per_page[('plain', pages)]:.2f} "
                f"(the hooks, the quiz on every {QUIZ_EVERY}th page, and the overrides); "
                f"project / (plain + texts) = {per_page[('project', pages)] / per_page[('plain + texts', pages)]:.2f} "
                "(the same Markdown in both: the hooks, the quiz's form and the overrides)."
            )
    on, off = prune_medians["prune-on"], prune_medians["prune-off"]
    print(
        f"- {largest} pages: without navigation.prune the build takes ×{off[0] / on[0]:.2f} the time "
        f"and each page weighs {off[1]:.0f} KiB instead of {on[1]:.0f} KiB (the whole navigation in every page)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
