"""Vale-compatible styles: a team's `.vale.ini` and styles folder, run as Vale runs them.

    ini.py       .vale.ini found and read; what applies to each file
    styles.py    the rules of the enabled styles, read from YAML (one loader with the
                 word lists: audit.engine.word_lists), the built-in Vale style, vocabularies
    regex.py     RE2 with Vale's semantics, and the lookaround shim
    markup.py    a file as Vale's scoped blocks (through the project's front ends)
    scopes.py    Vale's scope selectors (`heading & ~heading.h1`)
    checks/      one module per check type (existence, substitution, ...)
    lint.py      the rules run over a file's blocks: alerts with lines and columns
    output.py    Vale's output formats (line, JSON, the default)

docs/vale.md is the user's page.
"""
