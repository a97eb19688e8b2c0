"""``copylint lsp``: a Language Server for Markdown, HTML and plain text (needs ``copylint[lsp]``).

Modules: :mod:`.server` (the pygls server and its handlers), :mod:`.documents` (open documents and
their changes), :mod:`.positions` (LSP positions in UTF-8, UTF-16 or UTF-32), :mod:`.scheduler`
(debounced, never-stale checks), :mod:`.checking` (engine and per-file config), :mod:`.diagnostics`,
:mod:`.actions`, :mod:`.hover`, :mod:`.workspace`, :mod:`.rule_docs` and :mod:`.settings`.
"""
