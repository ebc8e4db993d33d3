"""Real TLS for tests: certificates issued by a throwaway authority (trustme).

The ``authority`` fixture (tests/conftest.py) makes that authority the one the
code under test trusts, through ``SSL_CERT_FILE``, as a private CA would be set
up on a real server; :func:`server_tls` gives a server its certificate.
"""

from __future__ import annotations

import ssl

import trustme


def server_tls(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*names).configure_cert(context)
    return context
