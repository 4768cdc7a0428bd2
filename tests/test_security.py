"""Every page sends a Content-Security-Policy that lets only the site's own scripts run."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = pytest.mark.content

PAGES = [(slug, language) for slug in SLUGS for language in LANGUAGES] + [("404", LANGUAGES[0])]


def policy_of(site: BuiltSite, slug: str, language: str) -> dict[str, list[str]]:
    soup = site.soup(slug, language)
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy"
    first_script = soup.find("script")
    assert first_script is None or meta.sourceline < first_script.sourceline, "the policy must come before any script"
    directives = [part.split() for part in meta["content"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.parametrize(("slug", "language"), PAGES)
def test_page_allows_only_its_own_scripts(site: BuiltSite, slug: str, language: str) -> None:
    policy = policy_of(site, slug, language)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    scripts = policy["script-src"]
    assert scripts[0] == "'self'" and all(value.startswith("'sha256-") for value in scripts[1:])
    assert "'unsafe-inline'" not in policy["style-src"] and "'unsafe-inline'" not in scripts


def test_every_inline_script_of_a_page_is_allowed_by_its_hash(site: BuiltSite) -> None:
    # hooks/security.py renders Material's partials to hash their scripts; the pages render them again.
    # The two must give the same scripts, byte for byte, or the browser blocks one.
    for slug, language in PAGES:
        allowed = set(policy_of(site, slug, language)["script-src"])
        page = site.page_path(slug, language).read_text(encoding="utf-8")
        scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
        assert scripts, f"{slug} ({language}): Material's inline scripts are gone; is the test still needed?"
        for script in scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            assert f"'sha256-{digest}'" in allowed, f"{slug} ({language}): no hash for <script>{script[:60]}…"


@pytest.mark.browser
def test_injected_inline_script_and_handler_do_not_run(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(site.page_url(SLUGS[0], LANGUAGES[0]))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
            const image = document.createElement("img");
            image.setAttribute("onerror", "window.__handled = true");
            image.src = "data:,";
            document.body.append(image);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran === undefined && window.__handled === undefined")
    assert blocked, "the browser reported no blocked script"
    context.close()


def test_the_policy_comes_right_after_the_charset_on_every_page(site: BuiltSite) -> None:
    # Before anything a page or its front matter wrote: Chromium ignores a CSP <meta> pushed out of <head>.
    for slug, language in PAGES:
        head = site.soup(slug, language).head
        assert head is not None
        first, second = head.find_all(True, limit=2)
        assert first.name == "meta" and first.get("charset") == "utf-8", f"{slug} ({language})"
        assert second.get("http-equiv") == "Content-Security-Policy", f"{slug} ({language}): policy not second"


@pytest.mark.browser
def test_the_policy_is_in_force_and_the_console_clean_on_every_page(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(str(error)))
    for slug, language in PAGES:
        messages.clear()
        page.goto(site.page_url(slug, language))
        page.wait_for_load_state("load")
        assert messages == [], f"{slug} ({language}): console errors {messages}"
        # The answer as soon as the browser reports the script blocked; 50 ms without a report is an answer too.
        ran = page.evaluate(
            """() => new Promise((resolve) => {
                const answer = (blocked) => resolve({ ran: window.__ran === true, blocked });
                document.addEventListener("securitypolicyviolation", () => answer(true), { once: true });
                const script = document.createElement("script");
                script.textContent = "window.__ran = true";
                document.head.append(script);
                setTimeout(() => answer(false), 50);
            })"""
        )
        assert ran == {"ran": False, "blocked": True}, f"{slug} ({language}): the policy is not in force"
    context.close()
