"""`article-audit lsp`: a Language Server Protocol server for editors (docs/editors.md).

Built on pygls (the optional extra `article-audit[lsp]`). `server` holds the protocol's
handlers, `diagnostics` turns results into LSP's shapes, `positions` counts columns in
UTF-16 code units as LSP does."""
