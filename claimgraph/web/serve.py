"""`claimgraph serve`: the workbench over the store, on uvicorn."""

from __future__ import annotations

import argparse
import os
import socket
import sys

from claimgraph.model import StoreError
from claimgraph.web.security import is_loopback


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="store: a SQLite path, sqlite:// or postgresql:// URL (default: the user's data directory)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--token",
        help="token writes need (default: $CLAIMGRAPH_TOKEN); required for writes "
        "when --host is not a loopback address",
    )
    p.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let URL ingest fetch pages on private, loopback and link-local addresses "
        "(refused by default: the server would fetch them on the client's behalf)",
    )


def main(args: argparse.Namespace) -> int:
    """Start the server; refuse to open writes to the network without a token."""
    import uvicorn

    from claimgraph.web.app import create_app

    token = args.token or os.environ.get("CLAIMGRAPH_TOKEN") or None
    if not 0 < args.port < 65536:
        print(f"claimgraph: --port {args.port}: not a port number", file=sys.stderr)
        return 2
    if not is_loopback(args.host) and token is None:
        print(
            f"claimgraph: listening on {args.host} without --token: ingest, reports and review are "
            "disabled (set --token or CLAIMGRAPH_TOKEN to enable them)",
            file=sys.stderr,
        )
    try:
        app = create_app(args.db, token, host=args.host, allow_private_urls=args.allow_private_urls)
    except StoreError as exc:  # a store that cannot be opened: one line, not a traceback
        print(f"claimgraph: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - anything else while opening: still one line
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"claimgraph: cannot open the store: {first}", file=sys.stderr)
        return 2
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        reason = exc.strerror or exc
        print(f"claimgraph: cannot listen on {args.host}:{args.port} ({reason})", file=sys.stderr)
        return 2
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"claimgraph: serving on http://{shown}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    server.run(sockets=[sock])
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """The bound socket uvicorn serves on: a port in use fails here, before 'serving on' is printed."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock
