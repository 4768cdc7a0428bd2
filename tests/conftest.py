"""Shared fixtures: one strict build per test session (per worker under pytest-xdist), served on 127.0.0.1;
browser pages lent from a pool; the workers' gate for what measures speed."""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, ROOT, SLUGS

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "ROOT", "SLUGS", "BuiltSite"]


@dataclass(frozen=True)
class BuiltSite:
    """The output of `mkdocs build --strict`, and the address it is served at."""

    path: Path
    url: str  # ends with "/"
    log: str

    def page_path(self, slug: str, language: str) -> Path:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        return self.path / f"{prefix}{slug}.html"

    def page_url(self, slug: str, language: str) -> str:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        return f"{self.url}{prefix}{slug}.html"

    def soup(self, slug: str, language: str) -> BeautifulSoup:
        return _parse(self.page_path(slug, language))

    def preset_storage(self, page, items: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        """Write localStorage items for the site before a test opens one of its pages: from an empty page of the
        test server's, a page load less than opening a page, writing and reloading it."""
        page.goto(f"{self.url}{BLANK_PAGE.lstrip('/')}")
        page.evaluate(
            "items => { for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value); }", items
        )


@functools.cache
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves the build as a static host would: gzip for text, keep-alive, a cache lifetime, no request log.

    Lighthouse scores what it is served; a bare http.server (uncompressed, one connection
    per file) would make it grade the test server instead of the site.
    """

    protocol_version = "HTTP/1.1"
    compressible = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        # GitHub Pages lets browsers keep a file ten minutes: a test's next page load reuses the scripts and
        # style sheets the last one fetched, as a reader's would (Lighthouse starts from an empty cache).
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.path == BLANK_PAGE:
            return self._send(BLANK_HTML, "text/html; charset=utf-8")
        path = self.translate_path(self.path)
        content_type = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and wants_gzip and content_type.startswith(self.compressible)):
            return super().send_head()
        return self._send(_gzipped(path, os.stat(path).st_mtime_ns), content_type, gzipped=True)

    def _send(self, body: bytes, content_type: str, gzipped: bool = False) -> io.BytesIO:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# An empty page of the site's origin, for tests only: where a test writes storage before it opens a page.
BLANK_PAGE = "/__tests__/blank.html"
BLANK_HTML = b'<!doctype html><html lang="en"><title>blank</title><link rel="icon" href="data:,"></html>'


@functools.cache
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """Build once, in a subprocess (mkdocs-static-i18n patches MkDocs during a build)."""
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(StaticHostHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # The site's absolute links (hreflang, canonical, sitemap) point at the test server.
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed:\n{log}", pytrace=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(path=site_dir, url=url, log=log)
    server.shutdown()
    server.server_close()


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    executable = chromium_path()
    if executable is None:
        message = (
            "Chromium is not installed: install Debian's package (`sudo apt-get install chromium`) "
            "or set CHROMIUM_PATH to a Chromium binary."
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests. {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class PagePool:
    """Browser pages kept open for the session and lent to one test at a time, one context each.

    Opening a page costs more than loading one: a new renderer, and a new context's empty cache
    fetches and compiles every script and style sheet again. A page given back is left as a new
    one would be: other tabs closed, the storage of the origin it was on emptied, on about:blank,
    no media emulated, its viewport restored, the mouse off the page. What cannot be undone (a
    test that added an init script or a route, closed the page, or visited a second origin whose
    storage would stay) costs its context: the next test gets a new one.
    """

    def __init__(self, browser: object) -> None:
        self.browser = browser
        self.free: dict[str, list[LentPage]] = {}

    def take(self, options: dict[str, object]) -> LentPage:
        key = json.dumps(options, sort_keys=True)
        free = self.free.setdefault(key, [])
        lent = free.pop() if free else LentPage(self.browser, key, options)
        lent.start()
        return lent

    def give_back(self, lent: LentPage) -> None:
        if lent.reset():
            self.free[lent.key].append(lent)
        else:
            lent.close()

    def close(self) -> None:
        for free in self.free.values():
            for lent in free:
                lent.close()


class LentPage:
    """A page of its own context; `errors` are its console's errors since the test took it."""

    def __init__(self, browser: object, key: str, options: dict[str, object]) -> None:
        self.key = key
        self.context = browser.new_context(**options)  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.viewport = self.page.viewport_size
        self.errors: list[str] = []
        self.origins: set[str] = set()
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("framenavigated", self._navigated)

    def _navigated(self, frame: object) -> None:
        url = urlsplit(frame.url)  # type: ignore[attr-defined]
        if url.scheme in ("http", "https"):
            self.origins.add(f"{url.scheme}://{url.netloc}")

    def start(self) -> None:
        self.errors.clear()
        self.origins.clear()

    def reset(self) -> bool:
        """Leave the page as a new one; False if that cannot be done."""
        page = self.page
        try:
            if page.is_closed() or len(self.origins) > 1:
                return False
            for other in self.context.pages:
                if other is not page:
                    other.close()
            if self.origins and not page.evaluate(CLEAR_STORAGE):
                return False
            page.goto("about:blank")
            page.emulate_media(media="null")
            if page.viewport_size != self.viewport and self.viewport is not None:
                page.set_viewport_size(self.viewport)
            page.mouse.move(-1, -1)
        except Exception:  # a page a test left broken is not lent again
            return False
        return True

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()


CLEAR_STORAGE = """() => {
    try { localStorage.clear(); sessionStorage.clear(); return true; } catch (error) { return false; }
}"""


@pytest.fixture(scope="session")
def page_pool(browser: object) -> Iterator[PagePool]:
    pool = PagePool(browser)
    yield pool
    pool.close()


@pytest.fixture
def page_with(page_pool: PagePool) -> Iterator[Callable[..., object]]:
    """`page_with(**context options)`: a page as `browser.new_context(**options).new_page()` gives, but lent
    from the pool; fails the test on any console error of those pages."""
    lent: list[LentPage] = []

    def take(**options: object) -> object:
        lent.append(page_pool.take(options))
        return lent[-1].page

    yield take
    errors = [error for page in lent for error in page.errors]
    for page in lent:
        page_pool.give_back(page)
    # Every browser test doubles as a check that the page logs no error.
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def page(page_with: Callable[..., object]) -> object:
    """A page with no storage (French browser); fails on any console error. Lent by the pool: a test that
    adds init scripts or routes takes `fresh_page` (or a context of its own) instead."""
    return page_with(locale="fr-FR")


@pytest.fixture
def fresh_page(browser: object) -> Iterator[object]:
    """A page of a context of its own, closed after the test, for a test that changes the context for good (init
    scripts, routes); fails on any console error."""
    context = browser.new_context(locale="fr-FR")  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"


# ── running on several workers (pytest-xdist, `-n` in pyproject.toml) ───────

ALONE = "alone"  # the marker of tests that measure speed (pyproject.toml): no other worker runs meanwhile


class MachineGate:
    """Between the workers of one run: a test marked `alone` (Lighthouse scores what the CPU does in time)
    runs while the other workers wait between two tests; the others run side by side.

    Two lock files: every test holds `running` shared; an `alone` test holds it exclusively. The `gate`,
    taken on the way in, stops the others from starting new tests while an `alone` test waits for the
    running ones to end, so that it is not kept waiting for ever.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.gate = os.open(folder / "gate.lock", os.O_RDWR | os.O_CREAT)
        self.running = os.open(folder / "running.lock", os.O_RDWR | os.O_CREAT)

    @contextlib.contextmanager
    def enter(self, alone: bool) -> Iterator[None]:
        import fcntl

        fcntl.flock(self.gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(self.running, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:
                fcntl.flock(self.gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(self.running, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(self.gate, fcntl.LOCK_UN)


GATE = pytest.StashKey[MachineGate | None]()


def machine_gate(config: pytest.Config) -> MachineGate | None:
    """The gate of this run's workers; None outside pytest-xdist."""
    if GATE not in config.stash:
        workerinput = getattr(config, "workerinput", None)
        gate = None
        if workerinput is not None and sys.platform != "win32":
            # The workers of one run share the parent of their temporary folders.
            shared = config._tmp_path_factory.getbasetemp().parent  # type: ignore[attr-defined]
            gate = MachineGate(shared / f"gate-{workerinput['testrunuid']}")
        config.stash[GATE] = gate
    return config.stash[GATE]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Setup (module and session fixtures included), call and teardown of a test, through the gate."""
    gate = machine_gate(item.config)
    if gate is None:
        yield
        return
    with gate.enter(alone=item.get_closest_marker(ALONE) is not None):
        yield


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What the tests asked to show whatever the outcome (`record_property("shown", …)`), workers' included."""
    lines = [
        str(value)
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if getattr(report, "when", "") == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "shown"
    ]
    if lines:
        terminalreporter.write_sep("-", "measured")
        for line in lines:
            terminalreporter.write_line(line)
