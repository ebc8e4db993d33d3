"""A real forwarding proxy on 127.0.0.1 (HTTP requests and HTTPS tunnels) that records
what passed through it."""

from __future__ import annotations

import http.client
import select
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.integrations.serving import serving


@dataclass
class Forwarded:
    target: str
    proxy_authorization: str | None


@dataclass
class Proxy:
    url: str = ""
    forwarded: list[Forwarded] = field(default_factory=list)


@contextmanager
def forwarding_proxy() -> Iterator[Proxy]:
    record = Proxy()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            record.forwarded.append(Forwarded(self.path, self.headers.get("Proxy-Authorization")))
            target = urlsplit(self.path)  # a proxy receives the absolute URL
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {k: v for k, v in self.headers.items() if k != "Proxy-Authorization"}
            upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=5)
            upstream.request("POST", target.path or "/", body=body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
            self.send_response(answer.status)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            upstream.close()

        def do_CONNECT(self) -> None:
            # HTTPS through the proxy: open a TCP tunnel and pass the bytes both ways.
            record.forwarded.append(Forwarded(self.path, self.headers.get("Proxy-Authorization")))
            host, _, port = self.path.rpartition(":")
            upstream = socket.create_connection((host, int(port)), timeout=5)
            self.send_response(200, "Connection established")
            self.end_headers()
            sockets = [self.connection, upstream]
            with upstream:
                while True:
                    readable, _, _ = select.select(sockets, [], [], 5)
                    if not readable:
                        return
                    for source in readable:
                        chunk = source.recv(65536)
                        if not chunk:
                            return
                        (upstream if source is self.connection else self.connection).sendall(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    record.url = f"http://127.0.0.1:{server.server_port}"
    with serving(server):
        yield record
