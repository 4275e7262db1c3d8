-- A real editor session against `titlelint lsp`: Neovim's own LSP client
-- (Neovim 0.7+, headless) opens a titles file, sees the diagnostics,
-- changes a line and sees them follow, asks for code actions, applies the
-- suggested title and an "allowed word" edit of .titlelint.ini, and checks
-- what each step did.  Run by tests/check-lsp-nvim.sh, which sets
-- TITLELINT (the binary), EXAMPLE (the Neovim set-up of examples/editors)
-- and WORKDIR (a directory with titles.txt and .titlelint.ini).
local bin, dir = os.getenv('TITLELINT'), os.getenv('WORKDIR')
local failures = 0

local function check(ok, what)
  if ok then
    io.stdout:write('ok: ' .. what .. '\n')
  else
    io.stdout:write('FAIL: ' .. what .. '\n')
    failures = failures + 1
  end
  return ok
end

local function codes(buf, line)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = line })) do
    table.insert(out, d.user_data.lsp.code)
  end
  table.sort(out)
  return table.concat(out, ',')
end

local function wait_for(what, cond)
  return check(vim.wait(15000, cond, 20), what)
end

local function actions_at(buf, client, line)
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, line) }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 15000)
  return (res and res[client] and res[client].result) or {}
end

local function find_action(actions, pattern)
  for _, a in ipairs(actions) do
    if a.title:find(pattern) then return a end
  end
end

-- the set-up users copy: examples/editors/neovim/titlelint.lua
vim.g.titlelint_cmd = bin
dofile(os.getenv('EXAMPLE'))
vim.cmd('edit ' .. dir .. '/titles.txt')
local buf = vim.api.nvim_get_current_buf()
wait_for('the example attaches the server to a titles file',
         function() return #vim.lsp.buf_get_clients(buf) == 1 end)
local client = next(vim.lsp.buf_get_clients(buf))

-- 1. open: line 1 rides on a brand; line 3 (with an emoji) on a celebrity
wait_for('diagnostics published on open', function() return #vim.diagnostic.get(buf) > 0 end)
check(codes(buf, 0) == 'TL501', 'line 1 has brand-riding (got ' .. codes(buf, 0) .. ')')
check(codes(buf, 1) == '', 'line 2 is clean (got ' .. codes(buf, 1) .. ')')
check(codes(buf, 2) == 'TL002,TL502', 'line 3 has an emoji and celebrity-riding (got ' ..
      codes(buf, 2) .. ')')
-- "🌸杨幂同款...": the server counts the emoji as two UTF-16 units (2..6);
-- Neovim turns that into bytes, 4..16, only if the server counted right
for _, d in ipairs(vim.diagnostic.get(buf, { lnum = 2 })) do
  if d.user_data.lsp.code == 'TL502' then
    check(d.col == 4 and d.end_col == 16, 'the span after an emoji is right (bytes ' ..
          d.col .. '..' .. d.end_col .. ')')
  end
end

-- 2. change: line 2 becomes a riding title, line 1 an honest one
vim.api.nvim_buf_set_lines(buf, 1, 2, false, { '迪奥平替口红哑光持久不脱色' })
wait_for('diagnostics follow an edit of line 2',
         function() return codes(buf, 1):find('TL501') ~= nil end)
vim.api.nvim_buf_set_lines(buf, 0, 1, false, { '纯棉短袖T恤男夏季宽松圆领' })
wait_for('diagnostics of line 1 go away after it is fixed by hand',
         function() return codes(buf, 0) == '' end)

-- 3. code actions on line 2: the suggested title, applied
local actions = actions_at(buf, client, 1)
local fix = find_action(actions, '^改为建议标题')
if check(fix ~= nil, 'a quick fix with the suggested title is offered') then
  check(fix.kind == 'quickfix' and fix.isPreferred, 'it is the preferred quick fix')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1]
  check(not line:find('迪奥') and line:find('口红'), 'line 2 is the suggestion: ' .. line)
  wait_for('line 2 has no errors after the fix', function()
    return #vim.diagnostic.get(buf, { lnum = 1, severity = vim.diagnostic.severity.ERROR }) == 0
  end)
end
check(find_action(actions, '加入已授权名单') ~= nil, 'an "authorize this brand" action is offered')

-- 4. an absolute claim, allowed through .titlelint.ini by a code action
vim.api.nvim_buf_set_lines(buf, 3, 4, false, { '最好用的保温杯316不锈钢大容量' })
wait_for('line 4 gets absolute-claims', function() return codes(buf, 3):find('TL601') ~= nil end)
local allow = find_action(actions_at(buf, client, 3), '加入允许词')
if check(allow ~= nil, 'an "allow this word" action is offered') then
  vim.lsp.util.apply_workspace_edit(allow.edit, 'utf-16')
  vim.cmd('silent wall')
  local ini = table.concat(vim.fn.readfile(dir .. '/.titlelint.ini'), '\n')
  check(ini:find('words = 小香风, 最好') ~= nil, '.titlelint.ini lists the word: ' .. ini)
  -- any edit of the titles file relints it with the new configuration
  vim.api.nvim_buf_set_lines(buf, 4, 4, false, { '' })
  wait_for('the allowed word is no longer reported',
           function() return codes(buf, 3):find('TL601') == nil end)
end

-- 5. fix all, then close: the diagnostics are cleared
vim.api.nvim_buf_set_lines(buf, 0, 1, false, { '香奈儿同款小香风粗花呢短外套女秋冬新款' })
wait_for('line 1 rides again', function() return codes(buf, 0) == 'TL501' end)
local all = find_action(actions_at(buf, client, 0), '^修正本文件全部')
if check(all ~= nil and all.kind == 'source.fixAll', 'a fix-all action is offered') then
  vim.lsp.util.apply_workspace_edit(all.edit, 'utf-16')
  wait_for('no errors are left after fix-all', function()
    return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }) == 0
  end)
end

vim.lsp.stop_client(client)
wait_for('the server exits after shutdown and exit', function()
  return vim.lsp.get_client_by_id(client) == nil
end)
io.stdout:write(failures == 0 and 'all passed\n' or (failures .. ' failed\n'))
vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
