"""article-audit: readability and accessibility audit for written articles."""

__version__ = "0.1.0"
