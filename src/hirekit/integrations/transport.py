"""Posting a signed webhook body over HTTP(S): to checked addresses only, never following
redirects, through the deployment's proxy when ``HTTPS_PROXY``/``HTTP_PROXY`` name one.

Without a proxy the connection goes to the addresses
:func:`~hirekit.integrations.addresses.vetted_addresses` allowed. Through a
proxy the proxy resolves the name; the host is still checked first wherever it
resolves here, so an internal name visible to this machine stays refused. A
host in ``NO_PROXY`` is reached directly.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import socket
import ssl
import urllib.request
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit

from hirekit.integrations.addresses import Reach, connect_first, vetted_addresses

EXCERPT_CHARS = 1000


@dataclass(frozen=True)
class Answer:
    status: int
    excerpt: str


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the addresses that were checked, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses

    def connect(self) -> None:
        self.sock = connect_first(self._addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`_PinnedHTTPConnection`, with the certificate checked against the name."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._addresses = addresses

    def connect(self) -> None:
        raw = connect_first(self._addresses, self.port, self.timeout)
        try:
            self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()  # a failed handshake must not leave the receiver waiting on us
            raise


def proxy_for(parts: SplitResult) -> SplitResult | None:
    """The proxy the environment names for this URL's scheme, unless its host is in NO_PROXY."""
    proxy = urllib.request.getproxies_environment().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(parts.netloc):
        return None
    found = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return found if found.hostname else None


def _proxy_headers(proxy: SplitResult) -> dict[str, str]:
    if not proxy.username:
        return {}
    pair = f"{unquote(proxy.username)}:{unquote(proxy.password or '')}".encode()
    return {"Proxy-Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


def _via_proxy(
    parts: SplitResult, port: int, proxy: SplitResult, reach: Reach, timeout: float
) -> tuple[http.client.HTTPConnection, str, dict[str, str]]:
    assert parts.hostname is not None
    # Not resolvable here (egress only through the proxy): the proxy decides.
    with contextlib.suppress(socket.gaierror):
        vetted_addresses(parts.hostname, port, reach)
    proxy_port = proxy.port or 8080
    assert proxy.hostname is not None
    headers = _proxy_headers(proxy)
    if parts.scheme == "https":
        tls = ssl.create_default_context()
        tunnel = http.client.HTTPSConnection(
            proxy.hostname, proxy_port, timeout=timeout, context=tls
        )
        tunnel.set_tunnel(parts.hostname, port, headers=headers)
        return tunnel, _path(parts), {}
    plain = http.client.HTTPConnection(proxy.hostname, proxy_port, timeout=timeout)
    return plain, parts.geturl(), headers


def _path(parts: SplitResult) -> str:
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def post(url: str, body: bytes, headers: dict[str, str], timeout: float, reach: Reach) -> Answer:
    """POST ``body``; any HTTP answer is returned, network failures raise OSError.

    Redirects are not followed: one could lead a signed payload off the
    registered URL. A host that is, or resolves to, an address ``reach`` does
    not allow raises :class:`~hirekit.integrations.addresses.TargetRefused`.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"refusing to post to {url!r}")  # checked at registration
    port = parts.port or (443 if parts.scheme == "https" else 80)
    proxy = proxy_for(parts)
    extra: dict[str, str] = {}
    connection: http.client.HTTPConnection
    if proxy is not None:
        connection, target, extra = _via_proxy(parts, port, proxy, reach, timeout)
    else:
        addresses = vetted_addresses(parts.hostname, port, reach)
        kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        connection, target = kind(parts.hostname, port, addresses, timeout), _path(parts)
    try:
        connection.request("POST", target, body=body, headers={**headers, **extra})
        response = connection.getresponse()
        raw, status = response.read(EXCERPT_CHARS * 4), response.status
    except http.client.HTTPException as exc:  # a malformed answer
        raise OSError(f"bad answer from the subscriber: {exc!r}") from exc
    finally:
        connection.close()
    return Answer(status, raw.decode("utf-8", "replace")[:EXCERPT_CHARS])
