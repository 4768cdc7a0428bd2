"""Material's search box, typed into as a reader types, read once the search worker has answered the last query.

Material sends each new text of the box to its search worker and draws every answer as it comes, so
results read too early are an earlier query's. A probe on the page notes what Material asks the worker
(`{type: 2, data: <the box's text>}`) and how many results each answer holds (`{type: 3, data: {items}}`:
Material's SearchMessageType QUERY and RESULT). The results are the query's once the last question asked
is the whole query and every question has had its answer, and complete once the list holds as many
results as that answer (Material draws ten, then more as the list is scrolled).
"""

from __future__ import annotations

from typing import Any

TIMEOUT = 15_000  # ms for the worker to answer, and for the list to be drawn

PROBE = """() => {
    if (window.searchProbe) return;
    const probe = window.searchProbe = {queries: [], answers: []};
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (!this.searchProbed) {
            this.searchProbed = true;
            this.addEventListener("message", event => {
                if (event.data && event.data.type === 3) probe.answers.push(event.data.data.items.length);
            });
        }
        if (message && message.type === 2) probe.queries.push(message.data);
        return post.call(this, message, ...rest);
    };
}"""

ANSWERED = """query => {
    const probe = window.searchProbe;
    return probe.queries.length > 0 && probe.queries[probe.queries.length - 1] === query
        && probe.answers.length === probe.queries.length;
}"""

DRAWN = """() => {
    const wrap = document.querySelector(".md-search__scrollwrap");
    wrap.scrollTop = wrap.scrollHeight;
    const answers = window.searchProbe.answers;
    return wrap.querySelectorAll(".md-search-result__item").length === answers[answers.length - 1];
}"""


def watch_the_search_worker(page: Any) -> None:
    """Put the probe in the page (once), before the first key."""
    page.evaluate(PROBE)


def wait_for_the_answer(page: Any, query: str) -> None:
    """Until the worker has answered `query`, the last text the box sent, and the list holds every result."""
    try:
        page.wait_for_function(ANSWERED, arg=query, timeout=TIMEOUT)
        page.wait_for_function(DRAWN, polling="raf", timeout=TIMEOUT)
    except Exception as error:  # Playwright's TimeoutError: say what the probe saw
        seen = page.evaluate("() => window.searchProbe")
        raise AssertionError(f"the search for {query!r} was not answered and drawn: {seen}") from error
