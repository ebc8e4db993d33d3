"""A real HTTP endpoint on 127.0.0.1 that records what webhooks post to it."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.integrations.serving import serving


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str = ""
    status: int = 200
    requests: list[Received] = field(default_factory=list)

    def __call__(self, environ: dict, start_response):  # type: ignore[no-untyped-def]
        request = Request(environ)
        self.requests.append(Received(dict(request.headers), request.get_data()))
        return Response(f"answer {self.status}", status=self.status)(environ, start_response)


@contextmanager
def receiver(status: int = 200, tls: ssl.SSLContext | None = None) -> Iterator[Receiver]:
    """Plain HTTP on 127.0.0.1; with ``tls``, HTTPS addressed as ``localhost``."""
    endpoint = Receiver(status=status)
    server = make_server("127.0.0.1", 0, endpoint, threaded=True, ssl_context=tls)
    place = f"localhost:{server.server_port}" if tls else f"127.0.0.1:{server.server_port}"
    endpoint.url = f"{'https' if tls else 'http'}://{place}/hook"
    with serving(server):
        yield endpoint
