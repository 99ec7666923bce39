"""The loopback redirect (RFC 8252 section 7.3): a one-shot HTTP listener on 127.0.0.1 (and ::1
where there is one) that receives the browser's return from the sign-in page."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

from smtpdesk.core.smtp.cancel import Cancelled, CancelToken

_SOCKET_TIMEOUT = 10.0
PATH = "/"

_DONE_PAGE = """<!doctype html><meta charset="utf-8"><title>smtpdesk</title>
<body style="font-family:sans-serif;max-width:34em;margin:3em auto">
<h2>{title}</h2><p>{text}</p></body>"""
_OK = ("Zalogowano — wróć do smtpdesk", "Możesz zamknąć to okno. / You can close this window.")
_FAILED = (
    "Logowanie nie powiodło się",
    "Wróć do smtpdesk: tam jest opis problemu. / Return to smtpdesk for details.",
)


@dataclass(frozen=True)
class Callback:
    params: dict[str, str]


class _Server(HTTPServer):
    def __init__(self, family: socket.AddressFamily, address: tuple[str, int]) -> None:
        self.address_family = family
        self.result: Callback | None = None
        self.arrived = threading.Event()
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    timeout = _SOCKET_TIMEOUT
    server: _Server

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path != PATH or not ({"code", "error"} & params.keys()):
            # A favicon or a stray visit: not the answer we are waiting for.
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        title, text = _OK if "code" in params else _FAILED
        body = _DONE_PAGE.format(title=title, text=text).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        if self.server.result is None:
            self.server.result = Callback(params)
            self.server.arrived.set()

    def log_message(self, format: str, *args: object) -> None:
        return  # the query carries the authorization code: never printed


class Listener:
    """Listens on one free port of 127.0.0.1, and of ::1 on the same port when possible (a browser
    may resolve "localhost" to either)."""

    def __init__(self) -> None:
        self._servers = [_Server(socket.AF_INET, ("127.0.0.1", 0))]
        self.port = int(self._servers[0].server_address[1])
        if socket.has_ipv6:
            with contextlib.suppress(OSError):
                self._servers.append(_Server(socket.AF_INET6, ("::1", self.port)))
        self._arrived = threading.Event()
        self._threads = [
            threading.Thread(target=self._serve, args=(s,), name="smtpdesk-oauth-redirect", daemon=True)
            for s in self._servers
        ]
        for thread in self._threads:
            thread.start()

    def redirect_uri(self, host: str) -> str:
        return f"http://{host}:{self.port}{PATH}"

    def _serve(self, server: _Server) -> None:
        server.serve_forever(poll_interval=0.05)

    def wait(self, timeout: float, cancel: CancelToken) -> Callback | None:
        """The browser's return, or None when ``timeout`` ran out. Raises ``Cancelled``."""
        remaining = timeout
        while remaining > 0:
            cancel.check()
            for server in self._servers:
                if server.arrived.is_set() and server.result is not None:
                    return server.result
            self._servers[0].arrived.wait(0.05)
            remaining -= 0.05
        cancel.check()
        return None

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()


__all__ = ["Callback", "Cancelled", "Listener"]
