"""Refuse to fetch pages from internal addresses when a server fetches on a client's behalf.

`claimgraph ingest URL` on one's own machine may fetch anything the user
types. The web workbench fetches URLs that arrive in a request, so without a
guard anyone who can post a URL could make the server read its own admin
pages, cloud metadata endpoints or other hosts behind the firewall.

The check runs on the socket itself, right after it connects and before a
byte is sent: the address that counts is the one actually reached, so a host
name that resolves to a public address for one lookup and to 127.0.0.1 for
the next (DNS rebinding), or a redirect to an internal page, is caught too.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from typing import Any


class InternalAddressError(OSError):
    """The connection reached a private, loopback, link-local or reserved address."""

    def __init__(self, address: str):
        super().__init__(f"refused: {address} is an internal address (private, loopback or link-local)")
        self.address = address


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _checked_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
    """socket.create_connection, closed again unless the peer is a public address.

    A host that resolves to internal addresses only is refused before any connection, so whether
    a local port is open never shows in the error a client gets back.
    """
    found = {info[4][0] for info in socket.getaddrinfo(address[0], address[1], type=socket.SOCK_STREAM)}
    if found and not any(is_public_address(str(a)) for a in found):
        raise InternalAddressError(str(sorted(found)[0]))
    sock = socket.create_connection(address, *args, **kwargs)
    peer = sock.getpeername()[0]
    if not is_public_address(peer):
        sock.close()
        raise InternalAddressError(peer)
    return sock


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _checked_connection


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _checked_connection  # TLS starts only after this returns


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


def public_opener() -> urllib.request.OpenerDirector:
    """An opener that connects only to public addresses, redirects included, and ignores proxies.

    Proxies are left out on purpose: through a proxy the socket's peer is the
    proxy, and the check would say nothing about the page's host.
    """
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _PublicHTTPHandler(), _PublicHTTPSHandler()
    )
