"""A real HTTP endpoint on 127.0.0.1 that records what webhooks post to it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.webhooks.serving import serving


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
def receiver(status: int = 200) -> Iterator[Receiver]:
    endpoint = Receiver(status=status)
    server = make_server("127.0.0.1", 0, endpoint, threaded=True)
    endpoint.url = f"http://127.0.0.1:{server.server_port}/hook"
    with serving(server):
        yield endpoint
