-- Neovim's own LSP client (0.7 or later) on the current buffer: start article-audit lsp,
-- wait for its diagnostics, write them to $ARTICLE_AUDIT_OUT as "code line column", quit.
local client = vim.lsp.start_client({
  name = "article-audit",
  cmd = { os.getenv("ARTICLE_AUDIT_PYTHON"), "-m", "audit", "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client)
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(lines, string.format("%s %d %d", code, d.lnum + 1, d.col + 1))
end
vim.fn.writefile(lines, os.getenv("ARTICLE_AUDIT_OUT"))
vim.lsp.stop_client(client)
vim.cmd("qa!")
