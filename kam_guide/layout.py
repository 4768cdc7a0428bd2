"""Where the project keeps what editors write, relative to mkdocs.yml (docs/ is MkDocs' `docs_dir`)."""

QUIZ_FOLDER = "quizdata"  # one <id>.yml per quiz, placed with `<!-- quiz: id -->`
SIMULATOR_FOLDER = "quizdata/simulators"  # one <id>.yml per simulator, placed with `<!-- simulator: id -->`

# Each kind of marker a page may hold, and the folder whose `<id>.yml` files it names.
MARKER_FOLDERS = {"quiz": QUIZ_FOLDER, "simulator": SIMULATOR_FOLDER}
