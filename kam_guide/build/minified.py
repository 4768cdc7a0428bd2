"""The site's scripts as readers download them (DESIGN.md, "Assets are minified when shipped").

calmjs.parse reads ES5 and prints it without comments or spaces, with short local names; a script in
newer syntax fails to parse. hooks/assets.py ships every script through `minify_script`, and the
scripts' tests run what it prints as well as the source.
"""

from __future__ import annotations

from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print


def minify_script(source: str) -> str:
    return minify_print(es5(source), obfuscate=True, obfuscate_globals=False)
