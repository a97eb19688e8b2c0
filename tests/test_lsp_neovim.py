"""``copylint lsp`` in a real editor: headless Neovim (``.ci/run`` installs Debian's; skipped where
``nvim`` is missing) opens the seed with emoji before a typo, and must show the findings on
the right characters (Neovim converts the UTF-16 ranges to its byte columns itself), apply the fix
for "yeae" through its own change tracking, get the diagnostic cleared and stop the server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim is not installed")

SCRIPT = r"""
local out = {}
local function say(s) table.insert(out, s) end
local function text_of(d)
  local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
  return line:sub(d.col + 1, d.end_col)
end
local config = { name = 'copylint', cmd = vim.fn.json_decode(vim.env.COPYLINT_CMD), root_dir = vim.fn.getcwd() }
vim.cmd('edit story.md')
vim.bo.filetype = 'markdown'
local client_id = vim.lsp.start_client(config)
vim.lsp.buf_attach_client(0, client_id)
local client = vim.lsp.get_client_by_id(client_id)
assert(vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 20), 'no diagnostics')
local yeae
for _, d in ipairs(vim.diagnostic.get(0)) do
  say(d.code .. ' ' .. text_of(d))
  if text_of(d) == 'yeae' then yeae = d end
end
vim.api.nvim_win_set_cursor(0, { yeae.lnum + 1, yeae.col })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {} }
local actions = client.request_sync('textDocument/codeAction', params, 30000, 0).result
say('action ' .. actions[1].title)
vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
local count = #vim.diagnostic.get(0)
assert(vim.wait(30000, function() return #vim.diagnostic.get(0) == count - 1 end, 20), 'not cleared')
for _, d in ipairs(vim.diagnostic.get(0)) do say('after ' .. d.code .. ' ' .. text_of(d)) end
client.stop()
assert(vim.wait(30000, function() return client.is_stopped() end, 20), 'not stopped')
vim.fn.writefile(out, 'result.txt')
vim.cmd('qa!')
"""


def test_neovim_shows_fixes_and_clears_findings(tmp_path: Path) -> None:
    seed = (Path(__file__).resolve().parent.parent / "seeds" / "kursk-north-korea.md").read_text(encoding="utf-8")
    (tmp_path / "story.md").write_text(seed.replace("Kim Jong Un sent", "🇰🇵 Kim Jong Un 🤝 sent"), encoding="utf-8")
    (tmp_path / "check.lua").write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "COPYLINT_CMD": f'["{sys.executable}", "-m", "copylint", "lsp"]'}
    assert NVIM is not None
    done = subprocess.run([NVIM, "--headless", "-u", "NONE", "-c", "luafile check.lua"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert (tmp_path / "result.txt").is_file(), done.stdout + done.stderr
    lines = (tmp_path / "result.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:6] == ["CL301 we’ll be bringing you the very latest updates, pictures and video on this breaking "
                         "news story.", "CL201 Kim Jong-un", "CL101 yeae", "CL101 Ukranian", "CL301 Share.",
                         "CL301 Exit mobile version"]
    assert lines[6] == "action Replace “yeae” with “year”"
    assert lines[7:] == [f"after {line}" for line in lines[:6] if line != "CL101 yeae"]
