"""The site's own Python: everything the MkDocs hooks in hooks/ call, by concern.

- `source/`  reading editors' files (line-aware YAML, text files, Markdown cost, invisible characters)
             and the messages that name the file, the line and the fix;
- `pages/`   checks of docs/ and the nav as editors wrote them, before MkDocs reads them;
- `quiz/`    the self-assessment: model, validation, scoring, team figures, rendering;
- `paysim/`  the pay simulator: data, formula, worked example, rendering;
- `build/`   plumbing shared by the hooks: per-build state, languages, the site's Markdown,
             marker placement, page assets, stopping a build.

Only `build/` imports MkDocs; the others are plain Python that tests call without a build.
"""
