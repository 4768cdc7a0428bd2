"""The text a page shows in its own language: what typography and terminology tests read."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, Tag

from kam_guide.pages.typesetting import VERBATIM


def own_texts(root: BeautifulSoup | Tag, language: str) -> list[str]:
    """Text nodes outside code and outside elements marked as another language (`lang="en"`),
    plus the texts the scripts fill in (`data-quiz-fill`)."""
    found = []
    for node in root.find_all(string=True):
        if isinstance(node, Comment) or any(parent.name in VERBATIM for parent in node.parents):
            continue
        marked = next((parent["lang"] for parent in node.parents if parent.get("lang")), language)
        if marked.split("-")[0] == language:
            found.append(str(node))
    found += [element["data-quiz-fill"] for element in root.find_all(attrs={"data-quiz-fill": True})]
    return found
