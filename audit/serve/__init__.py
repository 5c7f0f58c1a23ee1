"""`article-audit serve`: a local web page to paste a draft into, checked as the editor types.

`app` makes the page and the answers to it (from audit.api and the report writers);
`server` is the standard library HTTP server around it, with its safety checks.
See docs/serve.md.
"""
