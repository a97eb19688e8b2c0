"""The copy-desk server (``copylint serve``, needs ``pip install 'copylint[server]'``).

An ASGI application (Starlette, run by uvicorn) that speaks LanguageTool's HTTP protocol
(``/v2/check``), copylint's own JSON API (``/api/v1/check``, ``/api/v1/fix``) and serves a
proofreading page at ``/``. One module per job:

- :mod:`.settings`: the server's settings and limits, and the API keys;
- :mod:`.linters`: one warmed-up :class:`~copylint.engine.linter.Linter` per configuration;
- :mod:`.annotation`: LanguageTool's annotated text (text and markup) and its offsets;
- :mod:`.lt_protocol`: ``/v2/...`` requests and answers, translated to and from findings;
- :mod:`.json_api`: ``/api/v1/...`` requests and answers;
- :mod:`.openapi`: the OpenAPI document of both APIs;
- :mod:`.errors`: the one exception every handler raises for a client error;
- :mod:`.app`: the ASGI app (routes, limits, keys, CORS, access log, start-up and shutdown);
- ``static/``: the page's HTML, CSS and JavaScript (no CDN: it works offline).

Only :mod:`.app` imports Starlette; the other modules are plain Python.
"""
