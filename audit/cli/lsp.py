"""`article-audit lsp`: the language server over standard input and output (docs/editors.md)."""

from __future__ import annotations

from audit.cli.output import Stop
from audit.results.exit_codes import ExitCode


def cmd_lsp(args) -> ExitCode:
    try:
        from audit.lsp.server import main
    except ImportError as exc:
        if exc.name not in ("pygls", "lsprotocol") and not str(exc.name or "").startswith(("pygls.", "lsprotocol.")):
            raise
        raise Stop(
            ExitCode.ERROR, "article-audit lsp needs pygls: pip install 'article-audit[lsp]' (or pip install pygls)"
        ) from None
    main()
    return ExitCode.OK
