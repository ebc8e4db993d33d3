"""The development server's access log keeps no query string (``?q=<name>``)."""

from __future__ import annotations

import contextlib
import logging
import urllib.request

from werkzeug.serving import make_server

from tests.integrations.serving import serving


def test_a_search_for_a_name_leaves_no_trace_in_the_access_log(app, caplog):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    with caplog.at_level(logging.INFO, logger="werkzeug"), serving(server):
        for path in ("/candidates/?q=Zelda+Quarkington", "/api/v1/candidates?q=zelda%40ex.org"):
            # A redirect to sign in or a 401: the line is logged all the same.
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + path, timeout=10).close()
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("GET /candidates/ " in line for line in lines), lines
    assert any("GET /api/v1/candidates " in line for line in lines), lines
    assert not any("zelda" in line.lower() or "?" in line for line in lines), lines
