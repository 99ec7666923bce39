"""A small OAuth2 authorization server on 127.0.0.1 that behaves like Microsoft's and Google's.

The demo office signs in through it (no app registration needed to see the whole flow), and the
tests use it as the far end of the sign-in. It speaks the authorization-code grant with PKCE (S256
only), the refresh-token grant with rotation, and answers with the providers' own error codes and
texts (AADSTS…, invalid_grant, redirect_uri_mismatch), so the diagnosis can be exercised for real.

Paths: Microsoft's ``/{tenant}/oauth2/v2.0/authorize`` and ``/token``; Google's ``/o/oauth2/v2/auth``
and ``/token``. The token endpoint is HTTPS; the pages a browser sees can also be served over plain
HTTP on a second port (``browser_base``), because a browser does not know the demo's own CA.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

HOST = "127.0.0.1"
_SOCKET_TIMEOUT = 10.0
ACCESS_TOKEN_SECONDS = 3600

MS_AUTHORIZE = "/oauth2/v2.0/authorize"
MS_TOKEN = "/oauth2/v2.0/token"
GOOGLE_AUTHORIZE = "/o/oauth2/v2/auth"
GOOGLE_TOKEN = "/token"


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    user: str
    scope: str
    issued: float


@dataclass
class Registration:
    """One app registration: which client may sign in, back to which redirect URIs."""

    client_id: str
    # Loopback redirect URIs as registered ("http://localhost", "http://127.0.0.1"); the port is
    # not compared (RFC 8252 section 7.3), scheme, host and path are.
    redirect_uris: tuple[str, ...] = ("http://localhost", "http://127.0.0.1")
    client_secret: str = ""  # Google's desktop clients have one; empty: not checked
    tenant: str = "organizations"


@dataclass
class Behaviour:
    """What the server does on the next sign-in; tests change it to provoke failures."""

    user: str = "jan@biuro-demo.test"
    consent: bool = True  # False: the user clicks "Cancel" on the consent screen
    interactive: bool = False  # True: show a consent page with a button (the demo)
    known_tenants: tuple[str, ...] = ("organizations", "common", "consumers")
    # The user's account lives in this tenant; signing in through another gives AADSTS50020.
    user_tenant: str = ""


@dataclass
class OAuthServer:
    registration: Registration
    behaviour: Behaviour = field(default_factory=Behaviour)
    port: int = 0
    browser_port: int = 0
    _grants: dict[str, _Grant] = field(default_factory=dict)
    _refresh: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # token → (client, user, scope)
    _access: dict[str, tuple[str, float]] = field(default_factory=dict)  # token → (user, expiry)
    _pending: dict[str, str] = field(default_factory=dict)  # consent page id → redirect with code
    _lock: threading.Lock = field(default_factory=threading.Lock)
    token_requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"https://{HOST}:{self.port}"

    @property
    def browser_base(self) -> str:
        return f"http://{HOST}:{self.browser_port}" if self.browser_port else self.base

    # --- what tests and the demo SMTP server ask ------------------------------------------
    def access_token_valid(self, token: str, user: str) -> bool:
        with self._lock:
            entry = self._access.get(token)
        return entry is not None and entry[0].lower() == user.lower() and entry[1] > time.time()

    def revoke_all(self) -> None:
        """The user (or an administrator) revoked the app's access: every token stops working."""
        with self._lock:
            self._refresh.clear()
            self._access.clear()

    def expire_access_tokens(self) -> None:
        with self._lock:
            self._access = {t: (u, 0.0) for t, (u, _e) in self._access.items()}

    def refresh_tokens(self) -> list[str]:
        with self._lock:
            return list(self._refresh)

    # --- authorization endpoint -----------------------------------------------------------
    def authorize(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], str]:
        """(status, headers, html body) for a browser's visit to the authorization endpoint."""
        tenant = path.split("/")[1] if path.startswith("/") and MS_AUTHORIZE in path else ""
        reg = self.registration
        if tenant and tenant not in self.behaviour.known_tenants and tenant != reg.tenant:
            return _page(
                400,
                "AADSTS90002",
                f"AADSTS90002: Tenant '{tenant}' not found. "
                "Check to make sure you have the correct tenant ID.",
            )
        if query.get("client_id") != reg.client_id:
            if tenant:
                text = (
                    f"AADSTS700016: Application with identifier '{query.get('client_id', '')}' was not "
                    "found in the directory. This can happen if the application has not been installed "
                    "by the administrator of the tenant."
                )
            else:
                text = "Error 401: invalid_client. The OAuth client was not found."
            return _page(400, "invalid_client", text)
        redirect = query.get("redirect_uri", "")
        if not _redirect_allowed(redirect, reg.redirect_uris):
            if tenant:
                text = (
                    f"AADSTS50011: The redirect URI '{redirect}' specified in the request does not match "
                    f"the redirect URIs configured for the application '{reg.client_id}'."
                )
            else:
                text = "Error 400: redirect_uri_mismatch. You can't sign in to this app (it doesn't comply)."
            return _page(400, "redirect_uri_mismatch", text)
        if query.get("response_type") != "code" or query.get("code_challenge_method") != "S256":
            return _page(400, "invalid_request", "invalid_request: PKCE with S256 is required")
        state = query.get("state", "")
        if not self.behaviour.consent:
            error = {
                "error": "access_denied",
                "error_description": "AADSTS65004: User declined to consent to access the app.",
                "state": state,
            }
            return 302, {"Location": _with_query(redirect, error)}, ""
        if self.behaviour.user_tenant and tenant not in (
            "",
            "common",
            "organizations",
            self.behaviour.user_tenant,
        ):
            error = {
                "error": "invalid_request",
                "error_description": (
                    f"AADSTS50020: User account '{self.behaviour.user}' from identity provider does not "
                    f"exist in tenant '{tenant}' and cannot access the application."
                ),
                "state": state,
            }
            return 302, {"Location": _with_query(redirect, error)}, ""
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._grants[code] = _Grant(
                reg.client_id,
                redirect,
                query.get("code_challenge", ""),
                self.behaviour.user,
                query.get("scope", ""),
                time.time(),
            )
        target = _with_query(redirect, {"code": code, "state": state})
        if not self.behaviour.interactive:
            return 302, {"Location": target}, ""
        ticket = secrets.token_urlsafe(12)
        with self._lock:
            self._pending[ticket] = target
        return 200, {}, _consent_page(self.behaviour.user, reg.client_id, ticket)

    def approve(self, query: dict[str, str]) -> tuple[int, dict[str, str], str]:
        with self._lock:
            target = self._pending.pop(query.get("ticket", ""), "")
        if not target:
            return _page(400, "invalid_request", "This sign-in page has expired. Start again from smtpdesk.")
        return 302, {"Location": target}, ""

    # --- token endpoint -------------------------------------------------------------------
    def token(self, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        self.token_requests.append({k: ("…" if "token" in k or k == "code" else v) for k, v in form.items()})
        reg = self.registration
        if form.get("client_id") != reg.client_id or (
            reg.client_secret and form.get("client_secret") != reg.client_secret
        ):
            return 401, _error("invalid_client", "AADSTS7000215: Invalid client secret provided.")
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            with self._lock:
                grant = self._grants.pop(form.get("code", ""), None)
            if grant is None or time.time() - grant.issued > 600:
                return 400, _error(
                    "invalid_grant", "AADSTS70008: The provided authorization code has expired."
                )
            if form.get("redirect_uri") != grant.redirect_uri:
                return 400, _error(
                    "invalid_grant", "AADSTS50011: The redirect URI does not match the one used to sign in."
                )
            verifier = form.get("code_verifier", "")
            if _s256(verifier) != grant.challenge:
                return 400, _error(
                    "invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge."
                )
            return 200, self._issue(grant.client_id, grant.user, grant.scope)
        if grant_type == "refresh_token":
            with self._lock:
                entry = self._refresh.pop(form.get("refresh_token", ""), None)
            if entry is None:
                return 400, _error(
                    "invalid_grant",
                    "AADSTS70000: The provided grant has expired due to it being revoked, a fresh auth "
                    "token is needed. The user might have changed or reset their password.",
                )
            return 200, self._issue(entry[0], entry[1], entry[2])
        return 400, _error("unsupported_grant_type", f"grant_type {grant_type!r} is not supported")

    def _issue(self, client_id: str, user: str, scope: str) -> dict[str, object]:
        access, refresh = "at-" + secrets.token_urlsafe(32), "rt-" + secrets.token_urlsafe(32)
        with self._lock:
            self._access[access] = (user, time.time() + ACCESS_TOKEN_SECONDS)
            self._refresh[refresh] = (client_id, user, scope)
        claims = {"aud": client_id, "email": user, "preferred_username": user, "iat": int(time.time())}
        id_token = (
            ".".join(_b64url(json.dumps(part).encode()) for part in ({"alg": "none", "typ": "JWT"}, claims))
            + "."
        )
        return {
            "token_type": "Bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": ACCESS_TOKEN_SECONDS,
            "scope": scope,
            "id_token": id_token,
        }


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _s256(verifier: str) -> str:
    return _b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())


def _error(code: str, description: str) -> dict[str, object]:
    return {"error": code, "error_description": description}


def _with_query(url: str, values: dict[str, str]) -> str:
    return url + ("&" if "?" in url else "?") + urlencode(values)


def _redirect_allowed(redirect: str, registered: tuple[str, ...]) -> bool:
    given = urlsplit(redirect)
    for uri in registered:
        wanted = urlsplit(uri)
        if (given.scheme, given.hostname, given.path or "/") == (
            wanted.scheme,
            wanted.hostname,
            wanted.path or "/",
        ):
            return True
    return False


def _page(status: int, title: str, text: str) -> tuple[int, dict[str, str], str]:
    body = f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title><p>{html.escape(text)}</p>"
    return status, {}, body


def _consent_page(user: str, client_id: str, ticket: str) -> str:
    return (
        "<!doctype html><meta charset=utf-8><title>Logowanie — demo</title>"
        "<body style='font-family:sans-serif;max-width:32em;margin:3em auto'>"
        "<h2>Serwer logowania demo smtpdesk</h2>"
        f"<p>Aplikacja <b>{html.escape(client_id)}</b> prosi o zgodę na wysyłanie poczty "
        f"jako <b>{html.escape(user)}</b>.</p>"
        "<p>Tak wygląda ekran zgody u Microsoft lub Google; tutaj nic nie trzeba wpisywać.</p>"
        "<form action='/approve' method='get'>"
        f"<input type='hidden' name='ticket' value='{html.escape(ticket)}'>"
        "<button type='submit' style='font-size:1.2em'>Zezwól</button></form></body>"
    )


def _handler(server: OAuthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = _SOCKET_TIMEOUT

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if parts.path.endswith(MS_AUTHORIZE) or parts.path == GOOGLE_AUTHORIZE:
                status, headers, body = server.authorize(parts.path, query)
            elif parts.path == "/approve":
                status, headers, body = server.approve(query)
            else:
                status, headers, body = _page(404, "not found", "not found")
            self._send(status, headers, body.encode("utf-8"), "text/html; charset=utf-8")

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = min(int(self.headers.get("Content-Length") or 0), 65536)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace")).items()}
            if parts.path.endswith(MS_TOKEN) or parts.path == GOOGLE_TOKEN:
                status, payload = server.token(form)
            else:
                status, payload = 404, _error("not_found", "no such endpoint")
            self._send(
                status, {"Cache-Control": "no-store"}, json.dumps(payload).encode(), "application/json"
            )

        def _send(self, status: int, headers: dict[str, str], body: bytes, kind: str) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # requests carry codes and tokens: nothing is printed

    return Handler


class LoopbackHttpServer(ThreadingHTTPServer):
    """An HTTP(S) server on 127.0.0.1 whose TLS handshakes happen in the request's own thread (a
    client that connects and stays silent cannot stop the accepting loop), and whose
    ``server_close`` waits for every request thread, so no connection outlives the server."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], context: ssl.SSLContext | None) -> None:
        super().__init__((HOST, 0), handler)
        self.tls_context = context

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = self.socket.accept()
        sock.settimeout(_SOCKET_TIMEOUT)
        if self.tls_context is None:
            return sock, address
        return self.tls_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address

    def finish_request(self, request: Any, client_address: Any) -> None:
        if isinstance(request, ssl.SSLSocket):
            try:
                request.do_handshake()
            except (OSError, ValueError):
                return  # the client gave up or does not trust us; shutdown_request closes it
        super().finish_request(request, client_address)

    def start(self, name: str) -> None:
        threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
        ).start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def _serve(server: OAuthServer, context: ssl.SSLContext | None) -> LoopbackHttpServer:
    httpd = LoopbackHttpServer(_handler(server), context)
    httpd.start("smtpdesk-oauth-server")
    return httpd


@contextmanager
def running(
    server: OAuthServer, context: ssl.SSLContext, *, browser_http: bool = False
) -> Iterator[OAuthServer]:
    """Serve ``server`` over HTTPS with ``context`` (and, for a real browser, the pages over HTTP)."""
    httpds = [_serve(server, context)]
    server.port = httpds[0].server_address[1]
    if browser_http:
        httpds.append(_serve(server, None))
        server.browser_port = httpds[1].server_address[1]
    try:
        yield server
    finally:
        for httpd in httpds:
            httpd.stop()
