"""Which network addresses a webhook delivery may connect to.

A webhook URL is typed by an admin, but the delivery runs on our server: a URL
naming an internal host (a database, a cloud metadata service at
169.254.169.254) would let anyone with the admin role probe the inside of the
network and read the answers in the delivery history. So a delivery connects
only to public addresses, unless the deployment says otherwise:

* ``WEBHOOK_ALLOW_PRIVATE_NETWORK``: private ranges (10/8, 172.16/12,
  192.168/16, fc00::/7) and loopback, for receivers inside the company network;
* ``WEBHOOK_ALLOW_LOOPBACK_HTTP``: loopback only (tests and local development).

Link-local (cloud metadata), unspecified, multicast and reserved addresses are
never allowed. Every address a name resolves to must pass, and the delivery
connects to the addresses that were checked, so a second DNS answer cannot swap
in another host between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetRefused(OSError):
    """The webhook's host is, or resolves to, an address deliveries may not reach."""


@dataclass(frozen=True)
class Reach:
    """What this deployment lets deliveries connect to besides public addresses."""

    loopback: bool = False
    private_network: bool = False


def refusal(address: IPAddress, reach: Reach) -> str | None:
    """Why a delivery may not connect to ``address``, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_link_local or address.is_unspecified or address.is_multicast:
        return "a link-local, unspecified or multicast address"
    if address.is_loopback:
        return None if reach.loopback or reach.private_network else "a loopback address"
    if address.is_global:
        return None
    if address.is_private and reach.private_network:
        return None
    return "a private or reserved address"


#: A host made only of numbers: the C resolver reads it as an IPv4 address, in any of
#: the inet_aton forms (``2130706433``, ``017700000001``, ``0x7f.1``, ``127.1``).
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


def looks_numeric(host: str) -> bool:
    return bool(_NUMERIC_HOST.match(host))


def literal_address(host: str) -> IPAddress | None:
    """``host`` as an IP address when it is written as one (``10.0.0.5``, ``::1``).

    The short, decimal, octal and hex IPv4 forms are read the way the resolver
    reads them when connecting (``http://2130706433/`` is 127.0.0.1), so they
    cannot slip a loopback or private address past a check of dotted quads.
    """
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if looks_numeric(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def vetted_addresses(host: str, port: int, reach: Reach) -> list[str]:
    """The addresses to try, in order, for ``host``: every one it resolves to must be allowed.

    Raises :class:`TargetRefused` naming the first address refused, and
    ``OSError`` when the name does not resolve.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for text in addresses:
        # Scoped IPv6 addresses ("fe80::1%eth0") are link-local anyway.
        why = refusal(ipaddress.ip_address(text.split("%", 1)[0]), reach)
        if why is not None:
            raise TargetRefused(f"{host} resolves to {text}, {why}")
    if not addresses:
        raise TargetRefused(f"{host} resolves to no address")
    return addresses


def connect_first(addresses: Sequence[str], port: int, timeout: float | None) -> socket.socket:
    """A connection to the first of ``addresses`` that answers (as the resolver ordered them)."""
    failure: OSError = TargetRefused("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            failure = exc
    raise failure
