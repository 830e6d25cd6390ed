"""One self-contained, offline HTML page per answer (page.py), with its assets and layouts."""

# The choices the page offers; the CLI lists them without importing the page builder.
LAYOUTS = ("auto", "force", "geo", "none")
LANGS = ("zh", "en")
