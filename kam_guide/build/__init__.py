"""What the hooks share while MkDocs builds: state, languages, Markdown, markers, assets, failure."""
