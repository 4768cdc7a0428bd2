"""Everything the hooks decide during one build, in one typed object: `build_state(config)`.

A build is one `mkdocs build` with all its languages, or one rebuild of `mkdocs serve`.
MkDocs makes a new config object for each, and mkdocs-static-i18n builds every language on
that same object, so the state hangs on the config: it starts empty with each build, lives
exactly as long, and is shared by the seven hooks without module globals.

`page.meta` is the editor's front matter and is never written here: a value a hook stored
there could be written by an editor instead (`page_assets: …` once loaded any file of docs/
as a script). What the hooks decide about a page is kept by its File object, which MkDocs
and mkdocs-static-i18n make anew for every build and every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from kam_guide.pages.checks import PageSet
from kam_guide.paysim.model import PaySimulator
from kam_guide.quiz.model import Quiz
from kam_guide.quiz.textchecks import AnchorLink
from kam_guide.source.fields import Localized


@dataclass(frozen=True)
class PageAsset:
    """A script (and maybe a stylesheet) of overrides/assets/<name>/ that the page loads."""

    name: str
    script: str  # site path, e.g. assets/quiz/quiz.js
    stylesheet: str | None
    version: str  # hash of the files, in the URL: a browser never mixes an old script with a new page


@dataclass
class PageState:
    placed: dict[str, list[str]] = field(default_factory=dict)  # marker kind → ids placed on the page
    assets: list[PageAsset] = field(default_factory=list)  # in the order asked


@dataclass
class BuildState:
    # content_check: the site folder of the default language's build, emptied if the build fails.
    site_root: str | None = None
    # content_check: every page of docs/ as read before the build (front matter, headings, anchors).
    page_set: PageSet | None = None
    # quiz: the quizzes and the interface texts of quizdata/, read in on_pre_build.
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    interface: dict[str, Localized] = field(default_factory=dict)
    # quiz: links from quiz texts to headings, checked in on_env once every page is rendered.
    quiz_anchor_links: list[AnchorLink] = field(default_factory=list)
    # pay_simulator: the simulators of quizdata/simulators/.
    simulators: dict[str, PaySimulator] = field(default_factory=dict)
    pages: WeakKeyDictionary[File, PageState] = field(default_factory=WeakKeyDictionary)

    def read_pages(self) -> PageSet:
        """The pages as the content check read them; hooks that run after it in every build use them."""
        assert self.page_set is not None, "hooks/content_check.py runs before the other hooks (mkdocs.yml)"
        return self.page_set

    def page(self, page: Page) -> PageState:
        if page.file not in self.pages:
            self.pages[page.file] = PageState()
        return self.pages[page.file]


_ATTRIBUTE = "_kam_guide_build_state"  # an attribute, not a key: mkdocs.yml cannot set it


def build_state(config: MkDocsConfig) -> BuildState:
    state = getattr(config, _ATTRIBUTE, None)
    if not isinstance(state, BuildState):
        state = BuildState()
        setattr(config, _ATTRIBUTE, state)
    return state


def page_state(page: Page, config: MkDocsConfig) -> PageState:
    return build_state(config).page(page)
