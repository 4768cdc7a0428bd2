"""MkDocs hook: French search forgives accents (« remuneration » finds « rémunération »).

Runs after `i18n_site.py` has split the merged index into one per language, and gives each
index of a folded language its accent-free words (kam_guide/search_folding.py says how).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kam_guide.search_folding import with_folded_fields

# ─── Hooks ──────────────────────────────────────────────────────────────────


@event_priority(-300)  # after i18n_site.py's on_post_build (-200) wrote one index per language
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    for path in [site_dir / "search" / "search_index.json", *site_dir.glob("*/search/search_index.json")]:
        if path.is_file():
            _fold_index_file(path)


# ─── Helpers ────────────────────────────────────────────────────────────────


def _fold_index_file(path: Path) -> None:
    index = json.loads(path.read_text(encoding="utf-8"))
    folded = with_folded_fields(index)
    if folded is not index:
        path.write_text(json.dumps(folded, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
