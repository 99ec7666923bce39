"""The embedded mail server of demo mode: a real SMTP server on 127.0.0.1 that keeps what it receives.

It speaks SMTP like a provider's submission port: STARTTLS with a certificate from its own CA
(written next to the demo data, so the demo accounts trust it through ``SmtpAccount.ca_file``),
AUTH only inside TLS, per-mailbox passwords (or, for the Microsoft 365 mailbox, XOAUTH2 with a token
from the demo's sign-in server), and personal mailboxes that may send only as their
own login. Nothing is relayed: every accepted message is kept in memory for the demo inbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import hmac
import logging
import os
import secrets
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Any

import trustme
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from smtpdesk.core.model import AuthMethod, Security, SmtpAccount
from smtpdesk.demo.accounts import MAILBOXES, DemoMailbox
from smtpdesk.demo.oauth_smtp import OAuthMechanisms

log = logging.getLogger(__name__)
# aiosmtpd reports every odd client (e.g. a TLS hello on the STARTTLS port, which the wrong-security
# test sends on purpose) at WARNING; without a handler Python prints those raw bytes to the terminal.
logging.getLogger("mail.log").addHandler(logging.NullHandler())

HOST = "127.0.0.1"
CA_FILE_NAME = "demo-ca.pem"
AUTH_FAILED_REPLY = "535 5.7.8 Error: authentication failed"
BASIC_AUTH_DISABLED_REPLY = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
# Older messages are dropped beyond this many, so a long demo session cannot grow without bound.
MAX_KEPT_MESSAGES = 500
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
_IDLE_TIMEOUT = 120.0  # seconds a connected client may stay silent, as on real servers


@dataclass(frozen=True)
class CapturedMessage:
    """One message the demo server accepted: the envelope, the raw bytes and who sent it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    login: str | None  # the mailbox that authenticated
    queue_id: str
    received_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def parsed(self) -> EmailMessage:
        message = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        return message


MessageListener = Callable[[CapturedMessage], None]


def sender_rejected_reply(address: str, login: str) -> str:
    """Postfix's reply when a login may send only as itself (``reject_sender_login_mismatch``)."""
    return f"553 5.7.1 <{_ascii(address)}>: Sender address rejected: not owned by user {_ascii(login)}"


def _ascii(text: str) -> str:
    # Replies go out as ASCII; a stray non-ASCII byte must not break the reply.
    return text.encode("ascii", "backslashreplace").decode("ascii")


class DemoServer:
    """A running SMTP server for the demo accounts (``start()`` / ``stop()``, or a ``with`` block)."""

    host = HOST

    def __init__(
        self,
        directory: Path,
        mailboxes: Iterable[DemoMailbox] = MAILBOXES,
        *,
        hostname: str = "poczta.poddebem.test",
    ) -> None:
        self.ca_file = Path(directory) / CA_FILE_NAME
        self.hostname = hostname
        self._mailboxes = {m.login.lower(): m for m in mailboxes}
        self._lock = threading.Lock()
        self._messages: list[CapturedMessage] = []
        self._listeners: list[MessageListener] = []
        self._port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._start_error: BaseException | None = None
        # Checks an access token for a mailbox (set once the demo's sign-in server runs).
        self.oauth_validate: Callable[[str, str], bool] | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Generate a fresh CA and certificate, bind a free port on 127.0.0.1 and start serving."""
        if self._thread is not None:
            raise RuntimeError("the demo mail server is already running")
        tls = self._new_tls_context()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            if os.name != "nt":  # as asyncio does: on Windows the option lets others take the port
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((HOST, 0))
            listener.listen(16)
            listener.setblocking(False)
        except OSError:
            listener.close()
            raise
        self._port = listener.getsockname()[1]
        loop = asyncio.new_event_loop()
        ready = threading.Event()
        self._start_error = None
        self._loop = loop
        self._thread = threading.Thread(
            target=self._serve, args=(loop, listener, tls, ready), name="smtpdesk-demo-smtp", daemon=True
        )
        self._thread.start()
        if not ready.wait(_START_TIMEOUT) or self._start_error is not None:
            error = self._start_error
            self.stop()
            # An environment failure like a failed bind: callers handle OSError.
            raise OSError("the demo mail server did not start") from error
        log.info("demo mail server listening on %s:%d", HOST, self._port)

    def stop(self) -> None:
        """Close every connection and the listening socket; the port is free when this returns."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop already ended
            loop.call_soon_threadsafe(loop.stop)
        thread.join(_STOP_TIMEOUT)
        self._thread = None
        self._loop = None
        self._port = 0

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- accounts and captured mail ----------------------------------------------------------

    def account(self, login: str) -> SmtpAccount:
        """The settings a client uses for ``login`` on this server (while it runs)."""
        mailbox = self._mailboxes[login.lower()]
        if not self._port:
            raise RuntimeError("the demo mail server is not running")
        return SmtpAccount(
            host=HOST,
            port=self._port,
            username=mailbox.login,
            security=Security.STARTTLS,
            ca_file=str(self.ca_file),
            auth_method=AuthMethod.OAUTH_MICROSOFT if mailbox.oauth else AuthMethod.PASSWORD,
        )

    def messages(self) -> list[CapturedMessage]:
        with self._lock:
            return list(self._messages)

    def clear(self) -> None:
        with self._lock:
            self._messages.clear()

    def add_listener(self, listener: MessageListener) -> None:
        """Call ``listener`` for every accepted message; it runs on the server's thread."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: MessageListener) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    # -- server thread -----------------------------------------------------------------------

    def _new_tls_context(self) -> ssl.SSLContext:
        ca = trustme.CA(organization_name="smtpdesk demo")
        cert = ca.issue_cert("localhost", HOST, organization_name="smtpdesk demo")
        self.ca_file.parent.mkdir(parents=True, exist_ok=True)
        ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        return context

    def _serve(
        self,
        loop: asyncio.AbstractEventLoop,
        listener: socket.socket,
        tls: ssl.SSLContext,
        ready: threading.Event,
    ) -> None:
        asyncio.set_event_loop(loop)
        connections: set[_DemoSMTP] = set()
        handler = _Handler(self)

        def new_connection() -> _DemoSMTP:
            return _DemoSMTP(
                connections,
                handler,
                loop=loop,
                hostname=self.hostname,
                ident="ESMTP smtpdesk demo",
                tls_context=tls,
                auth_required=True,
                auth_require_tls=True,
                authenticator=self._authenticate,
                # Like Microsoft 365: LOGIN, PLAIN and XOAUTH2.
                auth_exclude_mechanism=["OAUTHBEARER"],
                timeout=_IDLE_TIMEOUT,
            )

        try:
            server = loop.run_until_complete(loop.create_server(new_connection, sock=listener))
        except BaseException as error:  # reported by start()
            self._start_error = error
            listener.close()
            loop.close()
            ready.set()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            server.close()
            for connection in list(connections):
                connection.abort()
            loop.run_until_complete(server.wait_closed())
            _finish_tasks(loop)
            loop.close()

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode("utf-8", "replace").lower()
            mailbox = self._mailboxes.get(login)
            if mailbox is not None and mailbox.oauth:
                # As Microsoft 365 answers a password where only OAuth2 is allowed.
                return AuthResult(success=False, handled=False, message=BASIC_AUTH_DISABLED_REPLY)
            if mailbox is not None and hmac.compare_digest(auth_data.password, mailbox.password.encode()):
                return AuthResult(success=True, auth_data=mailbox.login)
        return AuthResult(success=False, handled=False, message=AUTH_FAILED_REPLY)

    def _mailbox(self, login: object) -> DemoMailbox | None:
        return self._mailboxes.get(login.lower()) if isinstance(login, str) else None

    def _capture(self, message: CapturedMessage) -> None:
        with self._lock:
            self._messages.append(message)
            del self._messages[:-MAX_KEPT_MESSAGES]
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(message)
            except Exception:  # a broken viewer must not make the server refuse mail
                log.exception("demo inbox listener failed")


def _finish_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """Let aborted connections run their clean-up, so no transport is left unclosed."""
    tasks = asyncio.all_tasks(loop)
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())


class _DemoSMTP(SMTP):
    """aiosmtpd's protocol, remembering its live connections so ``stop()`` can close them."""

    def __init__(self, registry: set[_DemoSMTP], handler: _Handler, **options: Any) -> None:
        super().__init__(handler, **options)
        self._registry = registry

    def _create_session(self) -> Session:
        return _QuietSession(self.loop)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._registry.add(self)
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        self._registry.discard(self)
        super().connection_lost(error)

    def abort(self) -> None:
        for transport in (self.transport, self._original_transport):
            if isinstance(transport, asyncio.WriteTransport):
                transport.abort()


class _QuietSession(Session):
    """aiosmtpd's session without its log line about the deprecated ``login_data`` on every AUTH."""

    @property
    def login_data(self) -> Any:
        return self._login_data

    @login_data.setter
    def login_data(self, value: Any) -> None:
        self._login_data = value


class _Handler(OAuthMechanisms):
    """The provider's rules: who may send as whom, and what is kept."""

    def __init__(self, owner: DemoServer) -> None:
        self._owner = owner
        self.oauth_logins: list[str] = []

    def oauth_validate(self, user: str, token: str) -> bool:
        mailbox = self._owner._mailbox(user)
        check = self._owner.oauth_validate
        return mailbox is not None and mailbox.oauth and check is not None and check(mailbox.login, token)

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        mailbox = self._owner._mailbox(session.auth_data)
        if mailbox is None:
            return "530 5.7.0 Authentication required"
        if not mailbox.send_as_anyone and address.lower() != mailbox.login.lower():
            return sender_rejected_reply(address, mailbox.login)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Ok"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content
        if raw is None:
            raw = envelope.content if isinstance(envelope.content, bytes) else b""
        queue_id = secrets.token_hex(5).upper()
        mailbox = self._owner._mailbox(session.auth_data)
        self._owner._capture(
            CapturedMessage(
                mail_from=envelope.mail_from or "",
                rcpt_tos=tuple(envelope.rcpt_tos),
                data=raw,
                login=mailbox.login if mailbox else None,
                queue_id=queue_id,
            )
        )
        return f"250 2.0.0 Ok: queued as {queue_id}"
