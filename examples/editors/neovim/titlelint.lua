-- titlelint in Neovim 0.7 or later, with its built-in LSP client and no
-- plug-in: copy this file to ~/.config/nvim/plugin/titlelint.lua.
--
-- Title files (*.titles, *titles*.txt) and product exports (*.csv, *.tsv)
-- get diagnostics as you type; `:lua vim.lsp.buf.code_action()` on a line
-- offers the suggested title, "fix all titles in this file", and adding a
-- brand or word to .titlelint.ini.  Set vim.g.titlelint_cmd to the binary
-- when it is not on PATH.  The test suite runs this file
-- (tests/check-lsp-nvim.sh).
local client_id

local function attach(args)
  if not (client_id and vim.lsp.get_client_by_id(client_id)) then
    client_id = vim.lsp.start_client({
      name = 'titlelint',
      cmd = { vim.g.titlelint_cmd or 'titlelint', 'lsp' },
      root_dir = vim.fn.getcwd(),
    })
  end
  vim.lsp.buf_attach_client(args.buf, client_id)
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.titles', '*titles*.txt', '*.csv', '*.tsv' },
  callback = attach,
})
