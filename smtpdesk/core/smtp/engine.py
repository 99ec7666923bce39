"""The SMTP test engine: one conversation with the sending server, step by step, timed and recorded.

resolve → connect → greeting → EHLO → TLS (STARTTLS or implicit) → EHLO → AUTH → MAIL → RCPT →
DATA → QUIT. ``run_test`` never raises for anything the network or the server does; it returns a
``RunResult`` whose ``diagnosis`` says what happened. It runs on the caller's thread (a worker in
the GUI) and can be cancelled from any other thread through a ``CancelToken``.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from smtpdesk.core.diagnosis import diagnose
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Security
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.smtp import notes, sasl_oauth
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken
from smtpdesk.core.smtp.certificates import cert_info, normalise_fingerprint
from smtpdesk.core.smtp.connection import SmtpConnection
from smtpdesk.core.smtp.ehlo_name import safe_ehlo_name
from smtpdesk.core.smtp.facts import SessionState, facts_from_exception
from smtpdesk.core.smtp.network import (
    Address,
    Resolver,
    connect,
    dns_works,
    resolve,
    speaks_implicit_tls,
    speaks_plain_smtp,
    system_resolver,
    unverified_context,
    wait_readable,
    wrap_tls,
)
from smtpdesk.core.smtp.preflight import message_bytes, request_problem, verify_context
from smtpdesk.core.smtp.replies import decode, queue_id, reply_line
from smtpdesk.core.smtp.request import MailTestRequest, Timeouts
from smtpdesk.core.smtp.result import CertInfo, Facts, ProgressEvent, RunResult, Stage, StageState
from smtpdesk.core.smtp.transcript import Secrets, Transcript

__all__ = ["CancelToken", "MailTestRequest", "Timeouts", "run_test"]

log = logging.getLogger("smtpdesk.smtp")

ProgressCallback = Callable[[ProgressEvent], None]


class _Failed(Exception):
    def __init__(self, facts: Facts) -> None:
        super().__init__(facts.stage.value)
        self.facts = facts


@dataclass(frozen=True)
class _Plan:
    """How one connection is made. A run may need a second one: after the port turned out to
    speak the other TLS mode (auto), or to read a certificate that failed verification."""

    implicit: bool
    inspect: bool = False  # TLS without verification: read the certificate, go on only if pinned
    first_failure: Facts | None = None


class _Restart(Exception):
    """Give up this connection and make another one according to ``plan``."""

    def __init__(self, plan: _Plan, detail: Msg, *, failed: bool = False) -> None:
        super().__init__(detail.en)
        self.plan = plan
        self.detail = detail
        self.failed = failed


class _Run:
    def __init__(
        self,
        request: MailTestRequest,
        on_progress: ProgressCallback | None,
        cancel: CancelToken | None,
        resolver: Resolver | None,
    ) -> None:
        self.request = request
        self.account = request.account
        self.timeouts = request.timeouts
        self.on_progress = on_progress
        self.cancel = cancel or CancelToken()
        self.resolver = resolver or system_resolver
        self.secrets = Secrets(self.account.username, request.password)
        self.transcript = Transcript(self.secrets)
        self.timings: dict[str, float] = {}
        self.notes: list[str] = []
        self.stage = Stage.CONFIG
        self.state = SessionState(self.account.host, self.account.port, self.account.resolved_security())
        self.address: Address | None = None
        self.message = b""
        self.verify_context: ssl.SSLContext | None = None
        self.conn: SmtpConnection | None = None
        self.sock: socket.socket | None = None
        self.server_reply: str | None = None
        self.queue_id: str | None = None
        self.ehlo_name = "[127.0.0.1]"

    # -- bookkeeping -----------------------------------------------------------------------
    def _emit(
        self, stage: Stage, state: StageState, duration: float | None = None, detail: Msg | None = None
    ) -> None:
        if self.on_progress is not None:
            text = detail.text(self.request.lang) if detail is not None else ""
            self.on_progress(ProgressEvent(stage, state, self.transcript.elapsed_ms(), duration, text))

    @contextmanager
    def _step(self, stage: Stage, detail: Msg | None = None) -> Iterator[None]:
        self.stage = stage
        self._emit(stage, StageState.STARTED, detail=detail)
        started = time.monotonic()
        failed = False
        try:
            yield
        except _Restart as restart:
            detail, failed = restart.detail, restart.failed
            raise
        except BaseException:
            failed = True
            raise
        finally:
            duration = (time.monotonic() - started) * 1000.0
            self.timings[stage.value] = self.timings.get(stage.value, 0.0) + duration
            self._emit(stage, StageState.FAILED if failed else StageState.OK, duration, detail)

    def _skip(self, stage: Stage, detail: Msg | None = None) -> None:
        self._emit(stage, StageState.SKIPPED, detail=detail)

    def _note(self, msg: Msg) -> None:
        text = msg.text(self.request.lang, port=self.account.port)
        self.notes.append(text)
        self.transcript.info(text)

    def _facts(self, exc: BaseException, **values: object) -> Facts:
        if self.cancel.cancelled:
            return self._cancelled()
        return facts_from_exception(exc, stage=self.stage, state=self.state, secrets=self.secrets, **values)

    def _cancelled(self) -> Facts:
        return self.state.facts(
            self.stage, exception="Cancelled", message="Cancelled by the user", cancelled=True
        )

    def _fail(self, exception: str | None, message: str, **values: object) -> _Failed:
        return _Failed(self.state.facts(self.stage, exception=exception, message=message, **values))

    # -- the run ---------------------------------------------------------------------------
    def execute(self) -> RunResult:
        facts: Facts | None = None
        try:
            self._run()
        except _Failed as failure:
            facts = self._cancelled() if self.cancel.cancelled else failure.facts
        except Cancelled:
            facts = self._cancelled()
        except Exception as exc:  # anything unforeseen from the network still becomes a diagnosis
            log.debug("unexpected %s at %s", type(exc).__name__, self.stage.value)
            facts = self._facts(exc)
        finally:
            self._close()
        if facts is not None and facts.cancelled:
            self.transcript.info("Cancelled.")
        return self._result(facts)

    def _run(self) -> None:
        self._check_config()
        addresses = self._resolve()
        plan = _Plan(implicit=self.account.resolved_security() is Security.SSL)
        for _attempt in range(4):
            try:
                self._converse(addresses, plan)
                return
            except _Restart as restart:
                plan = restart.plan
            except _Failed:
                if plan.inspect and plan.first_failure is not None and not self.state.tls_active:
                    # The second connection did not get as far as the certificate: the
                    # verification failure of the first one is the news.
                    raise _Failed(plan.first_failure) from None
                raise
        raise self._fail("RuntimeError", "Too many reconnections")

    def _check_config(self) -> None:
        problem = request_problem(self.request)
        if problem is not None:
            raise self._fail(*problem)
        if not self.request.login_only:
            try:
                self.message = message_bytes(self.request)
            except ValueError as error:
                raise self._fail("InvalidAddress", str(error)) from None
        try:
            self.verify_context = verify_context(self.account)
        except (OSError, ValueError) as error:
            raise self._fail(
                type(error).__name__, f"The CA file {self.account.ca_file!r} cannot be used: {error}"
            ) from None

    def _resolve(self) -> list[Address]:
        host, port = self.account.host, self.account.port
        with self._step(Stage.DNS):
            self.transcript.info(f"Looking up {host}")
            try:
                addresses = resolve(self.resolver, host, port, self.timeouts.connect, self.cancel)
            except socket.gaierror as error:
                works = dns_works(self.resolver, host, min(self.timeouts.connect, 5.0), self.cancel)
                raise _Failed(self._facts(error, dns_works=works)) from None
            except UnicodeError as error:  # a label the IDNA codec refuses (e.g. too long)
                raise _Failed(self._facts(socket.gaierror(socket.EAI_NONAME, str(error)))) from None
            found = [str(address[1][0]) for address in addresses]
            if found != [host]:
                self.transcript.info(f"{host} is " + ", ".join(found))
        return addresses

    # -- one connection --------------------------------------------------------------------
    def _converse(self, addresses: list[Address], plan: _Plan) -> None:
        self.state = SessionState(
            self.account.host,
            self.account.port,
            Security.SSL if plan.implicit else self._plain_security(),
        )
        try:
            self._connect(addresses)
            if plan.implicit:
                with self._step(Stage.TLS, notes.DETAIL_IMPLICIT_TLS):
                    self._tls(plan, after_starttls=False)
            self._greeting(plan)
            self._ehlo()
            if not plan.implicit:
                self._starttls(plan)
            self._authenticate()
            if self.request.login_only:
                for stage in (Stage.MAIL, Stage.RCPT, Stage.DATA):
                    self._skip(stage, notes.DETAIL_LOGIN_ONLY)
            else:
                self._send()
            self._quit()
        except _Failed as failure:
            if failure.facts.reply_code is not None and not self.cancel.cancelled:
                self._polite_quit()
            raise
        finally:
            self._close()

    def _plain_security(self) -> Security:
        return Security.NONE if self.account.security is Security.NONE else Security.STARTTLS

    def _connect(self, addresses: list[Address]) -> None:
        port = self.account.port
        with self._step(Stage.CONNECT):

            def attempt(address: Address) -> None:
                self.transcript.info(f"Connecting to {address[1][0]} port {port}")

            try:
                sock, self.address = connect(
                    addresses, self.timeouts.connect, self.cancel, on_attempt=attempt
                )
            except OSError as error:
                raise _Failed(self._facts(error)) from None
            self._use_socket(sock)
            local_ip = str(sock.getsockname()[0])
            self.ehlo_name = self.request.ehlo_name or safe_ehlo_name(local_ip)
            self.transcript.info(f"Connected to {self.address[1][0]} port {port}")

    def _use_socket(self, sock: socket.socket) -> None:
        if self.sock is not None and self.sock is not sock:
            self.cancel.detach(self.sock)
        self.sock = sock
        self.cancel.attach(sock)

    def _tls(self, plan: _Plan, *, after_starttls: bool) -> None:
        """The TLS handshake on the current socket (implicit TLS, or after STARTTLS)."""
        assert self.sock is not None and self.verify_context is not None
        host = self.account.host
        context = unverified_context() if plan.inspect else self.verify_context
        raw = self.sock
        raw.settimeout(self.timeouts.command)
        try:
            tls = wrap_tls(context, raw, host)
        except (OSError, ValueError) as error:
            raise _Failed(self._facts(error)) from None
        self.cancel.detach(raw)
        self._use_socket(tls)
        if self.conn is not None:
            self.conn.sock = tls
        try:
            tls.do_handshake()
        except ssl.SSLCertVerificationError as error:
            self.transcript.info(f"Certificate not verified: {error.verify_message}")
            facts = self._facts(error)
            if self.cancel.cancelled or plan.inspect:
                raise _Failed(facts) from None
            self.transcript.info("Reading the certificate details over a second connection")
            raise _Restart(
                _Plan(implicit=plan.implicit, inspect=True, first_failure=facts),
                notes.DETAIL_READING_CERTIFICATE,
                failed=True,
            ) from None
        except (OSError, ValueError) as error:
            self.transcript.info(f"TLS handshake failed: {error}")
            if self.cancel.cancelled:
                raise Cancelled() from None
            plain = False
            if plan.implicit and not after_starttls and self.address is not None:
                plain = speaks_plain_smtp(self.address, self.timeouts.probe, self.cancel)
                if plain:
                    self.transcript.info(
                        f"Port {self.account.port} greets in plain SMTP (it expects STARTTLS)"
                    )
                    if self.account.security is Security.AUTO:
                        self._note(notes.STARTTLS_ON_TLS_PORT)
                        raise _Restart(_Plan(implicit=False), notes.DETAIL_PLAIN_RECONNECT) from None
            raise _Failed(self._facts(error, plain_detected=plain)) from None
        self.state.tls_active = True
        cipher = tls.cipher()
        self.transcript.info(f"TLS established: {tls.version()}, {cipher[0] if cipher else 'unknown cipher'}")
        der = tls.getpeercert(binary_form=True)
        certificate = cert_info(der) if der else None
        self.state.cert = certificate
        if plan.inspect:
            self._accept_pinned(plan, certificate)
        elif certificate is not None:
            self.transcript.info(
                f"Certificate verified for {host} "
                f"(issued by {certificate.issuer}, valid until {certificate.not_after})"
            )

    def _accept_pinned(self, plan: _Plan, certificate: CertInfo | None) -> None:
        assert plan.first_failure is not None
        pinned = normalise_fingerprint(self.account.pinned_fingerprint)
        fingerprint = certificate.sha256 if certificate is not None else ""
        self.transcript.info(f"Certificate SHA-256 fingerprint: {fingerprint}")
        if pinned and pinned == fingerprint:
            self._note(notes.PINNED)
            return
        if pinned:
            self.transcript.info("The fingerprint differs from the one saved for this server")
        raise _Failed(replace(plan.first_failure, cert=certificate))

    def _greeting(self, plan: _Plan) -> None:
        assert self.sock is not None
        with self._step(Stage.GREETING):
            started = time.monotonic()
            if not plan.implicit:
                self._wait_for_greeting(started)
            remaining = self.timeouts.greeting - (time.monotonic() - started)
            self.sock.settimeout(max(remaining, 0.5))
            self.conn = SmtpConnection(self.sock, self.transcript, self.ehlo_name)
            try:
                code, reply = self.conn.getreply()
            except (smtplib.SMTPServerDisconnected, OSError) as error:
                if not plan.implicit and self.conn.bytes_received == 0 and not self.cancel.cancelled:
                    # Some implicit-TLS servers hang up on a client that stays silent.
                    self._check_implicit_tls()
                raise _Failed(self._facts(error)) from None
            text = decode(reply)
            if code == -1:
                raise self._fail(
                    "SMTPConnectError", f"Not an SMTP greeting: {text}", greeting=text, reply_text=text
                )
            self.state.greeting = reply_line(code, text)
            if code != 220:
                raise _Failed(self._facts(smtplib.SMTPConnectError(code, reply)))
            self.server_reply = reply_line(code, text)

    def _wait_for_greeting(self, started: float) -> None:
        """Wait for the first byte; if none comes within ``probe`` seconds, find out on a second
        connection whether the port expects TLS from the first byte, while still waiting here
        (a slow server is not a TLS server)."""
        assert self.sock is not None and self.address is not None
        probe_cancel = CancelToken()
        outcome: dict[str, bool] = {}
        prober: threading.Thread | None = None
        deadline = started + self.timeouts.greeting
        probe_at = started + self.timeouts.probe
        address, host = self.address, self.account.host

        def probe() -> None:
            outcome["tls"] = speaks_implicit_tls(address, host, self.timeouts.probe, probe_cancel)

        try:
            while True:
                if self.cancel.cancelled:
                    raise Cancelled()
                now = time.monotonic()
                if now >= deadline:
                    raise _Failed(
                        self._facts(
                            TimeoutError(f"timed out: no greeting within {self.timeouts.greeting:g} s")
                        )
                    )
                if wait_readable(self.sock, min(deadline - now, 0.1), self.cancel):
                    return
                if prober is None and not outcome and time.monotonic() >= probe_at:
                    self.transcript.info(
                        f"No greeting after {self.timeouts.probe:g} s; checking whether port "
                        f"{self.account.port} expects TLS from the first byte"
                    )
                    prober = threading.Thread(target=probe, name="smtpdesk-tls-probe", daemon=True)
                    prober.start()
                if prober is not None and not prober.is_alive():
                    prober = None
                    if outcome.get("tls"):
                        self._implicit_tls_found()
                    self.transcript.info("No TLS there either; still waiting for the greeting")
        finally:
            probe_cancel.cancel()
            if prober is not None:
                prober.join(timeout=1.0)

    def _check_implicit_tls(self) -> None:
        assert self.address is not None
        if speaks_implicit_tls(self.address, self.account.host, self.timeouts.probe, self.cancel):
            self._implicit_tls_found()

    def _implicit_tls_found(self) -> None:
        self.transcript.info(f"Port {self.account.port} answered a TLS handshake (implicit TLS)")
        if self.account.security is Security.AUTO:
            self._note(notes.IMPLICIT_TLS)
            raise _Restart(_Plan(implicit=True), notes.DETAIL_IMPLICIT_RECONNECT)
        raise self._fail(
            None,
            f"No SMTP greeting; port {self.account.port} expects TLS from the first byte (implicit TLS)",
            implicit_tls_detected=True,
        )

    def _ehlo(self, detail: Msg | None = None) -> None:
        conn = self._connection()
        with self._step(Stage.EHLO, detail):
            conn.sock.settimeout(self.timeouts.command)  # type: ignore[union-attr]
            try:
                code, reply = conn.ehlo(self.ehlo_name)
                if not 200 <= code <= 299:
                    helo_code, helo_reply = conn.helo(self.ehlo_name)
                    if not 200 <= helo_code <= 299:
                        raise smtplib.SMTPHeloError(code, reply)
                    self.transcript.info("EHLO refused, HELO accepted: no extensions (no STARTTLS, no AUTH)")
                    code, reply = helo_code, helo_reply
            except (smtplib.SMTPException, OSError) as error:
                raise _Failed(self._facts(error)) from None
            self.state.auth_mechanisms = tuple(conn.esmtp_features.get("auth", "").upper().split())
            if not self.state.tls_active:
                self.state.starttls_offered = conn.has_extn("starttls")
            self.server_reply = reply_line(code, decode(reply).split("\n")[0])

    def _starttls(self, plan: _Plan) -> None:
        conn = self._connection()
        security = self.account.security
        if security is Security.NONE:
            self._skip(Stage.TLS, notes.DETAIL_NO_ENCRYPTION)
            return
        if not self.state.starttls_offered and security is Security.AUTO and not self.request.has_credentials:
            self._skip(Stage.TLS, notes.DETAIL_NOT_OFFERED)
            self._note(notes.NO_STARTTLS_NO_PASSWORD)
            self.state.security = Security.NONE
            return
        with self._step(Stage.TLS, notes.DETAIL_STARTTLS):
            if not self.state.starttls_offered:
                # Never downgrade: the password is not sent over an unencrypted line.
                raise _Failed(
                    self._facts(smtplib.SMTPNotSupportedError("STARTTLS extension not supported by server."))
                )
            try:
                code, reply = conn.docmd("STARTTLS")
            except (smtplib.SMTPException, OSError) as error:
                raise _Failed(self._facts(error)) from None
            if code != 220:
                raise _Failed(self._facts(smtplib.SMTPResponseException(code, reply)))
            if conn.file is not None:
                conn.file.close()  # anything buffered before TLS must be discarded (RFC 3207)
                conn.file = None
            self._tls(plan, after_starttls=True)
            self.state.security = Security.STARTTLS
        self._ehlo(notes.DETAIL_AFTER_TLS)

    def _authenticate(self) -> None:
        if not self.request.has_credentials:
            self._skip(Stage.AUTH, notes.DETAIL_NO_LOGIN)
            return
        conn = self._connection()
        with self._step(Stage.AUTH):
            if not conn.has_extn("auth"):
                error = smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
                raise _Failed(self._facts(error))
            if not self.state.tls_active and not self.account.allow_plaintext_auth:
                raise self._fail(
                    "PlaintextAuthNotAllowed",
                    "The password would travel unencrypted and this account does not allow that",
                )
            try:
                # --- OAuth2 sign-in (XOAUTH2 / OAUTHBEARER): see core/smtp/sasl_oauth.py ---
                if self.request.token_provider is not None:
                    code, reply = sasl_oauth.authenticate(
                        conn,
                        username=self.account.username,
                        host=self.account.host,
                        port=self.account.port,
                        fetch_token=self.request.token_provider,
                        secrets=self.secrets,
                        transcript=self.transcript,
                    )
                # --- end of OAuth2 sign-in ---
                else:
                    code, reply = conn.authenticate(self.account.username, self.request.password or "")
            except (smtplib.SMTPException, OSError, ValueError, OAuthError) as error:
                raise _Failed(self._facts(error)) from None
            self.state.authenticated = True
            self.server_reply = reply_line(code, decode(reply))

    def _send(self) -> None:
        conn = self._connection()
        sender, recipient = self.request.sender.strip(), self.request.recipient.strip()
        with self._step(Stage.MAIL):
            options = []
            if conn.has_extn("size"):
                options.append(f"SIZE={len(self.message)}")
            if not self.message.isascii() and conn.has_extn("8bitmime"):
                options.append("BODY=8BITMIME")
            if not (sender + recipient).isascii():
                options.append("SMTPUTF8")  # smtplib refuses when the server does not offer it
            try:
                code, reply = conn.mail(sender, options)
                if code != 250:
                    raise smtplib.SMTPSenderRefused(code, reply, sender)
            except (smtplib.SMTPException, OSError, UnicodeError) as error:
                raise _Failed(self._facts(error)) from None
            self.server_reply = reply_line(code, decode(reply))
        with self._step(Stage.RCPT):
            try:
                code, reply = conn.rcpt(recipient)
                if code not in (250, 251):
                    raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
            except (smtplib.SMTPException, OSError, UnicodeError) as error:
                raise _Failed(self._facts(error)) from None
            self.server_reply = reply_line(code, decode(reply))
        with self._step(Stage.DATA):
            conn.sock.settimeout(self.timeouts.data)  # type: ignore[union-attr]
            try:
                code, reply = conn.send_data(self.message)
                if code != 250:
                    raise smtplib.SMTPDataError(code, reply)
            except (smtplib.SMTPException, OSError) as error:
                raise _Failed(self._facts(error)) from None
            text = decode(reply)
            self.server_reply = reply_line(code, text)
            self.queue_id = queue_id(text)

    def _quit(self) -> None:
        conn = self._connection()
        with self._step(Stage.QUIT):
            try:
                conn.sock.settimeout(min(self.timeouts.command, 5.0))  # type: ignore[union-attr]
                conn.quit()
            except (smtplib.SMTPException, OSError):
                # Everything that matters was accepted already; a server that just hangs up is fine.
                self.transcript.info("The server closed the connection without answering QUIT")

    def _polite_quit(self) -> None:
        conn = self.conn
        if conn is None or conn.sock is None:
            return
        with contextlib.suppress(smtplib.SMTPException, OSError):
            conn.sock.settimeout(min(self.timeouts.command, 1.0))
            conn.quit()

    def _connection(self) -> SmtpConnection:
        assert self.conn is not None and self.conn.sock is not None
        return self.conn

    def _close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.sock is not None:
            self.cancel.detach(self.sock)
            self.sock.close()
            self.sock = None

    # -- the result ------------------------------------------------------------------------
    def _result(self, facts: Facts | None) -> RunResult:
        request, account = self.request, self.account
        diagnosis = diagnose(facts, request.diagnosis_context(), ok=facts is None)
        server_reply = self.server_reply
        if facts is not None:
            if facts.reply_code is not None:
                server_reply = reply_line(facts.reply_code, facts.reply_text)
            elif facts.greeting and not facts.greeting[:3].isdigit():
                server_reply = facts.greeting
            else:
                server_reply = None
        return RunResult(
            ok=facts is None,
            code=diagnosis.code,
            stage=facts.stage if facts is not None else Stage.QUIT,
            login_only=request.login_only,
            account=account,
            sender=request.sender,
            recipient=request.recipient,
            security_used=self.state.security,
            timings_ms=dict(self.timings),
            elapsed_ms=self.transcript.elapsed_ms(),
            server_reply=server_reply,
            transcript=list(self.transcript.lines),
            facts=facts,
            diagnosis=diagnosis,
            notes=list(self.notes),
            queue_id=self.queue_id if facts is None else None,
        )


def run_test(
    request: MailTestRequest,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    resolver: Resolver | None = None,
) -> RunResult:
    """Run one test conversation. ``resolver`` replaces the system name lookup (tests of DNS
    failures use it; it is also asked about ``network.DNS_PROBE_NAME`` after a failed lookup)."""
    return _Run(request, on_progress, cancel, resolver).execute()
