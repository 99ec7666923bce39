"""The SMTP test engine: one conversation with the sending server, step by step, timed and recorded.

resolve → connect → greeting → EHLO → TLS (STARTTLS or implicit) → EHLO → AUTH → MAIL → RCPT →
DATA (or RSET, for a sender check) → QUIT. Each stage ends by its own deadline and the run by one
overall (``Timeouts``); replies are bounded (``replies``). ``run_test`` never raises: whatever the
network, the server or the input does ends as a ``RunResult`` whose ``diagnosis`` says what
happened. It runs on the caller's thread (a worker in the GUI) and can be cancelled from any other
thread through a ``CancelToken``.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from smtpdesk.core.addresses import AddressError, MailAddress, parse_address
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Security
from smtpdesk.core.smtp import notes, sasl, sasl_oauth
from smtpdesk.core.smtp.cancel import Cancelled, CancelToken
from smtpdesk.core.smtp.certificates import cert_info, normalise_fingerprint
from smtpdesk.core.smtp.connection import NotSmtp, Refused, Reply, ReplyOverflow, SmtpConnection
from smtpdesk.core.smtp.deadline import Deadline
from smtpdesk.core.smtp.ehlo_name import safe_ehlo_name
from smtpdesk.core.smtp.facts import SessionState, facts_from_exception
from smtpdesk.core.smtp.network import (
    Address,
    PortProbe,
    Resolver,
    connect,
    dns_works,
    handshake,
    resolve,
    speaks_implicit_tls,
    speaks_plain_smtp,
    system_resolver,
    unverified_context,
    wait_readable,
    wrap_tls,
)
from smtpdesk.core.smtp.outcome import make_result
from smtpdesk.core.smtp.preflight import message_bytes, request_problem, verify_context
from smtpdesk.core.smtp.replies import queue_id, reply_line
from smtpdesk.core.smtp.request import MailTestRequest, Timeouts
from smtpdesk.core.smtp.result import CertInfo, Facts, ProgressEvent, RunResult, Stage, StageState
from smtpdesk.core.smtp.transcript import Secrets, Transcript

__all__ = ["CancelToken", "MailTestRequest", "Timeouts", "run_test"]

log = logging.getLogger("smtpdesk.smtp")

ProgressCallback = Callable[[ProgressEvent], None]

# How long a refusing server gets to answer QUIT before the connection is simply closed.
_POLITE_QUIT_S = 1.0


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
        self.lang = request.lang
        self.on_progress = on_progress
        self.cancel = cancel or CancelToken()
        self.resolver = resolver or system_resolver
        self.secrets = Secrets(self.account.username, request.password)
        self.transcript = Transcript(self.secrets, lang=self.lang)
        self.run_deadline = Deadline(self.timeouts.run, what="the whole test")
        self.deadline = self.run_deadline
        self.timings: dict[str, float] = {}
        self.notes: list[str] = []
        self.stage = Stage.CONFIG
        self.state = SessionState(self.account.host, self.account.port, self.account.resolved_security())
        self.address: Address | None = None
        self.message = b""
        self.sender: MailAddress | None = None
        self.recipient: MailAddress | None = None
        self.verify_context: ssl.SSLContext | None = None
        self.conn: SmtpConnection | None = None
        self.sock: socket.socket | None = None
        self.server_reply: str | None = None
        self.queue_id: str | None = None
        self.ehlo_name = "[127.0.0.1]"
        self.port_probe: PortProbe | None = None

    # -- bookkeeping -----------------------------------------------------------------------
    def _say(self, msg: Msg, **values: object) -> None:
        """A line smtpdesk itself writes into the conversation record, in the run's language."""
        self.transcript.say(msg, **values)

    def _emit(
        self, stage: Stage, state: StageState, duration: float | None = None, detail: Msg | None = None
    ) -> None:
        if self.on_progress is not None:
            text = detail.text(self.lang) if detail is not None else ""
            self.on_progress(ProgressEvent(stage, state, self.transcript.elapsed_ms(), duration, text))

    def _stage_seconds(self, stage: Stage) -> float:
        t = self.timeouts
        if stage in (Stage.DNS, Stage.CONNECT):
            return t.connect
        if stage is Stage.GREETING:
            return t.greeting
        if stage is Stage.DATA:
            return t.data
        if stage is Stage.QUIT:
            return min(t.command, 5.0)
        return t.command

    def _set_deadline(self, stage: Stage) -> None:
        what = f"no answer at the {stage.value} step"
        self.deadline = Deadline(self._stage_seconds(stage), within=self.run_deadline, what=what)
        if self.conn is not None:
            self.conn.deadline = self.deadline

    @contextmanager
    def _step(self, stage: Stage, detail: Msg | None = None) -> Iterator[None]:
        """One stage: its deadline, its timing and progress events; anything the network or the
        server raises inside it becomes that stage's facts."""
        self.stage = stage
        self._set_deadline(stage)
        self._emit(stage, StageState.STARTED, detail=detail)
        started = time.monotonic()
        failed = False
        try:
            yield
        except _Restart as restart:
            detail, failed = restart.detail, restart.failed
            raise
        except (_Failed, Cancelled):
            failed = True
            raise
        except Exception as exc:
            failed = True
            raise _Failed(self._facts(exc)) from None
        finally:
            duration = (time.monotonic() - started) * 1000.0
            self.timings[stage.value] = self.timings.get(stage.value, 0.0) + duration
            self._emit(stage, StageState.FAILED if failed else StageState.OK, duration, detail)

    def _skip(self, stage: Stage, detail: Msg | None = None) -> None:
        self._emit(stage, StageState.SKIPPED, detail=detail)

    def _note(self, msg: Msg) -> None:
        text = msg.text(self.lang, port=self.account.port)
        self.notes.append(text)
        self.transcript.info(text)

    def _facts(self, exc: BaseException, **values: object) -> Facts:
        if self.cancel.cancelled:
            return self._cancelled()
        if isinstance(exc, ReplyOverflow):
            self._say(notes.OVERFLOW, limit=str(exc).rpartition("limit of ")[2])
        elif isinstance(exc, NotSmtp):
            self._say(notes.NOT_SMTP)
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
        except Exception as exc:  # anything unforeseen still becomes a diagnosis, never a traceback
            log.debug("unexpected %s at %s", type(exc).__name__, self.stage.value, exc_info=True)
            facts = self._facts(exc)
        finally:
            self._close()
        if facts is not None and facts.cancelled:
            self._say(notes.CANCELLED)
        if self.port_probe is not None:
            if facts is not None:
                facts = replace(facts, answering_ports=self._answering_ports())
            else:
                self.port_probe.stop()  # the chosen port answered after all
        return self._result(facts)

    def _run(self) -> None:
        self.cancel.check()
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
        request = self.request
        problem = request_problem(request)
        if problem is not None:
            raise self._fail(*problem)
        try:
            if not request.login_only or request.sender_check:
                self.sender = parse_address(request.sender)
            if not request.login_only:
                self.recipient = parse_address(request.recipient)
                self.message = message_bytes(request)
        except (AddressError, ValueError, UnicodeError) as error:
            # Appended to the diagnosis' sentence: in the run's language when it is smtpdesk's own.
            reason = error.message.text(self.lang) if isinstance(error, AddressError) else str(error)
            raise self._fail("InvalidAddress", reason) from None
        try:
            self.verify_context = verify_context(self.account)
        except (OSError, ValueError) as error:
            # The file and the system's own words; the diagnosis says the rest in the run's language.
            raise self._fail("CaFileUnusable", f"{self.account.ca_file}: {error}") from None

    def _resolve(self) -> list[Address]:
        host, port = self.account.host, self.account.port
        with self._step(Stage.DNS):
            self._say(notes.LOOKING_UP, host=host)
            try:
                addresses = resolve(self.resolver, host, port, self.deadline.left(), self.cancel)
            except socket.gaierror as error:
                self._say(notes.DNS_ERROR, error=error.strerror or error)
                probe_time = min(self.deadline.remaining(), 5.0)
                works = dns_works(self.resolver, host, probe_time, self.cancel) if probe_time > 0 else None
                raise _Failed(self._facts(error, dns_works=works)) from None
            except UnicodeError as error:  # a label the IDNA codec refuses (e.g. too long)
                raise _Failed(self._facts(socket.gaierror(socket.EAI_NONAME, str(error)))) from None
            found = [str(address[1][0]) for address in addresses]
            if found != [host]:
                self._say(notes.RESOLVED, host=host, addresses=", ".join(found))
        return addresses

    # -- one connection --------------------------------------------------------------------
    def _converse(self, addresses: list[Address], plan: _Plan) -> None:
        self.state = replace(
            self.state,
            security=Security.SSL if plan.implicit else self._plain_security(),
            tls_active=False,
            authenticated=False,
            greeting="",
            cert=None,
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
            if self.request.sender_check:
                self._check_sender()
            elif self.request.login_only:
                for stage in (Stage.MAIL, Stage.RCPT, Stage.DATA):
                    self._skip(stage, notes.DETAIL_LOGIN_ONLY)
            else:
                self._send()
            self._quit()
        except _Failed as failure:
            if failure.facts.reply_code is not None and failure.facts.reply_code > 0:
                self._polite_quit()
            raise
        finally:
            self._close()

    def _plain_security(self) -> Security:
        return Security.NONE if self.account.security is Security.NONE else Security.STARTTLS

    def _other_ports(self) -> tuple[int, ...]:
        return tuple(p for p in self.request.alternative_ports if p != self.account.port)

    def _start_port_probe(self, address: Address) -> None:
        ports = self._other_ports()
        if self.port_probe is None and ports and not self.cancel.cancelled:
            self._say(notes.PROBING_PORTS, ports=", ".join(map(str, ports)))
            timeout = min(self.timeouts.probe, max(self.run_deadline.remaining(), 0.0))
            if timeout > 0:
                self.port_probe = PortProbe(address, self.account.host, ports, timeout)

    def _answering_ports(self) -> tuple[tuple[int, str], ...]:
        assert self.port_probe is not None
        found = self.port_probe.results(Deadline(self.timeouts.probe, within=self.run_deadline))
        names = {"starttls": "STARTTLS", "ssl": "SSL/TLS"}
        for port in self.port_probe.ports:
            security = dict(found).get(port)
            if security:
                self._say(notes.PORT_ANSWERS, port=port, security=names[security])
            else:
                self._say(notes.PORT_SILENT, port=port)
        return found

    def _connect(self, addresses: list[Address]) -> None:
        port = self.account.port
        with self._step(Stage.CONNECT):

            def attempt(address: Address) -> None:
                self._say(notes.CONNECTING, address=address[1][0], port=port)

            try:
                sock, self.address = connect(addresses, self.deadline, self.cancel, on_attempt=attempt)
            except (ConnectionRefusedError, TimeoutError) as error:
                if not self.cancel.cancelled:
                    self._start_port_probe(addresses[0])
                raise _Failed(self._facts(error)) from None
            self._use_socket(sock)
            local_ip = str(sock.getsockname()[0])
            self.ehlo_name = self.request.ehlo_name or safe_ehlo_name(local_ip)
            self._say(notes.CONNECTED, address=self.address[1][0], port=port)

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
        try:
            tls = wrap_tls(context, raw, host)
        except (OSError, ValueError) as error:
            raise _Failed(self._facts(error)) from None
        self.cancel.detach(raw)
        self._use_socket(tls)
        if self.conn is not None:
            self.conn.sock = tls
        try:
            handshake(tls, self.deadline)
        except ssl.SSLCertVerificationError as error:
            self._say(notes.CERT_NOT_VERIFIED, reason=error.verify_message)
            facts = self._facts(error)
            if self.cancel.cancelled or plan.inspect:
                raise _Failed(facts) from None
            self._say(notes.READING_CERT)
            raise _Restart(
                _Plan(implicit=plan.implicit, inspect=True, first_failure=facts),
                notes.DETAIL_READING_CERTIFICATE,
                failed=True,
            ) from None
        except (OSError, ValueError) as error:
            self._say(notes.TLS_FAILED, error=error)
            if self.cancel.cancelled:
                raise Cancelled() from None
            plain = False
            if plan.implicit and not after_starttls and self.address is not None:
                probe_time = min(self.timeouts.probe, max(self.deadline.remaining(), 0.0))
                plain = probe_time > 0 and speaks_plain_smtp(self.address, probe_time, self.cancel)
                if plain:
                    self._say(notes.PLAIN_GREETING, port=self.account.port)
                    if self.account.security is Security.AUTO:
                        self._note(notes.STARTTLS_ON_TLS_PORT)
                        raise _Restart(_Plan(implicit=False), notes.DETAIL_PLAIN_RECONNECT) from None
            raise _Failed(self._facts(error, plain_detected=plain)) from None
        self.state.tls_active = True
        cipher = tls.cipher()
        self._say(notes.TLS_ESTABLISHED, version=tls.version(), cipher=cipher[0] if cipher else "?")
        if plan.inspect or self.account.pinned_fingerprint:
            # Certificate details cost a parse; they are needed only to pin or to explain.
            der = tls.getpeercert(binary_form=True)
            certificate = cert_info(der) if der else None
            self.state.cert = certificate
            if plan.inspect:
                self._accept_pinned(plan, certificate)
                return
        issuer, until = _issuer_and_expiry(tls)
        self._say(notes.CERT_VERIFIED, host=host, issuer=issuer, until=until)

    def _accept_pinned(self, plan: _Plan, certificate: CertInfo | None) -> None:
        assert plan.first_failure is not None
        pinned = normalise_fingerprint(self.account.pinned_fingerprint)
        fingerprint = certificate.sha256 if certificate is not None else ""
        self._say(notes.FINGERPRINT, fingerprint=fingerprint)
        if pinned and pinned == fingerprint:
            self._note(notes.PINNED)
            return
        if pinned:
            self._say(notes.FINGERPRINT_DIFFERS, pinned=pinned)
        raise _Failed(replace(plan.first_failure, cert=certificate, pinned_changed=bool(pinned)))

    def _greeting(self, plan: _Plan) -> None:
        assert self.sock is not None
        with self._step(Stage.GREETING):
            if not plan.implicit:
                self._wait_for_greeting()
            self.conn = SmtpConnection(self.sock, self.transcript, self.deadline)
            try:
                reply = self.conn.read_reply()
            except (ConnectionError, OSError) as error:
                if not plan.implicit and self.conn.bytes_received == 0 and not self.cancel.cancelled:
                    # Some implicit-TLS servers hang up on a client that stays silent.
                    self._check_implicit_tls()
                raise _Failed(self._facts(error)) from None
            self.state.greeting = reply_line(reply.code, reply.text)
            if reply.code != 220:
                raise Refused(reply, "SMTPConnectError")
            self.server_reply = self.state.greeting

    def _wait_for_greeting(self) -> None:
        """Wait for the first byte; if none comes within ``probe`` seconds, find out on a second
        connection whether the port expects TLS from the first byte, while still waiting here
        (a slow server is not a TLS server)."""
        assert self.sock is not None and self.address is not None
        probe_cancel = CancelToken()
        outcome: dict[str, bool] = {}
        prober: threading.Thread | None = None
        probe_at = time.monotonic() + self.timeouts.probe
        address, host = self.address, self.account.host
        # Most servers greet at once: one plain wait first (Cancel shuts the socket, which wakes it).
        first_wait = min(self.timeouts.probe, max(self.deadline.remaining(), 0.0))
        if select.select([self.sock], [], [], first_wait)[0]:
            return

        def probe() -> None:
            timeout = min(self.timeouts.probe, max(self.deadline.remaining(), 0.0))
            outcome["tls"] = timeout > 0 and speaks_implicit_tls(address, host, timeout, probe_cancel)

        try:
            while True:
                if self.cancel.cancelled:
                    raise Cancelled()
                if self.deadline.expired():
                    raise _Failed(self._facts(self.deadline.exceeded()))
                if wait_readable(self.sock, min(self.deadline.remaining(), 0.1), self.cancel):
                    return
                if prober is None and not outcome and time.monotonic() >= probe_at:
                    self._say(
                        notes.NO_GREETING_PROBE, seconds=f"{self.timeouts.probe:g}", port=self.account.port
                    )
                    prober = threading.Thread(target=probe, name="smtpdesk-tls-probe", daemon=True)
                    prober.start()
                    self._start_port_probe(address)
                if prober is not None and not prober.is_alive():
                    prober = None
                    if outcome.get("tls"):
                        self._implicit_tls_found()
                    self._say(notes.NO_TLS_EITHER)
        finally:
            probe_cancel.cancel()
            if prober is not None:
                # Bounded by the probe's own timeout; waited for so no connection outlives the run.
                prober.join(timeout=self.timeouts.probe + 1.0)

    def _check_implicit_tls(self) -> None:
        assert self.address is not None
        timeout = min(self.timeouts.probe, max(self.deadline.remaining(), 0.0))
        if timeout > 0 and speaks_implicit_tls(self.address, self.account.host, timeout, self.cancel):
            self._implicit_tls_found()

    def _implicit_tls_found(self) -> None:
        self._say(notes.TLS_ANSWERED, port=self.account.port)
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
            reply = conn.ehlo(self.ehlo_name)
            if not 200 <= reply.code <= 299:
                if reply.code == 421:
                    raise Refused(reply, "SMTPHeloError")
                helo = conn.helo(self.ehlo_name)
                if not 200 <= helo.code <= 299:
                    raise Refused(reply, "SMTPHeloError")
                self._say(notes.HELO_ONLY)
                reply = helo
            self.state.auth_mechanisms = conn.auth_mechanisms()
            self.state.size_limit = conn.size_limit()
            self.state.smtputf8_offered = conn.offers("smtputf8")
            if not self.state.tls_active:
                self.state.starttls_offered = conn.offers("starttls")
            self.server_reply = reply_line(reply.code, reply.first)

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
                raise self._fail("SMTPNotSupportedError", "STARTTLS extension not supported by server.")
            reply = conn.command("STARTTLS")
            if reply.code != 220:
                raise Refused(reply, "SMTPResponseException")
            conn.discard_buffer()  # anything sent before TLS must be ignored (RFC 3207)
            self._tls(plan, after_starttls=True)
            self.state.security = Security.STARTTLS
        self._ehlo(notes.DETAIL_AFTER_TLS)

    def _authenticate(self) -> None:
        if not self.request.has_credentials:
            self._skip(Stage.AUTH, notes.DETAIL_NO_LOGIN)
            return
        conn = self._connection()
        with self._step(Stage.AUTH):
            if not conn.offers("auth"):
                raise self._fail("SMTPNotSupportedError", "SMTP AUTH extension not supported by server.")
            if not self.state.tls_active and not self.account.allow_plaintext_auth:
                raise self._fail(
                    "PlaintextAuthNotAllowed",
                    "The password would travel unencrypted and this account does not allow that",
                )
            reply = self._log_in(conn)
            self.state.authenticated = True
            self.server_reply = reply_line(reply.code, reply.text)

    def _log_in(self, conn: SmtpConnection) -> Reply:
        """Log in once with the best mechanism both sides support (no retries with a wrong
        password: servers lock accounts after a few). Falls through to the next mechanism only
        when the server says it does not implement the one tried (504). New mechanisms plug in
        through ``sasl.MECHANISMS``/``sasl.PREFERENCE``; an OAuth2 account (a token provider)
        uses ``sasl_oauth``."""
        if self.request.token_provider is not None:
            oauth = sasl_oauth.choose(conn)
            if oauth is None:
                offered = " ".join(conn.auth_mechanisms()) or "none"
                raise self._fail(
                    "SMTPException",
                    "No suitable authentication method found: the server offers no OAuth2 login "
                    f"(XOAUTH2 or OAUTHBEARER), only: {offered}",
                )
            return sasl_oauth.log_in(
                conn,
                oauth,
                username=self.account.username,
                host=self.account.host,
                port=self.account.port,
                fetch_token=self.request.token_provider,
                secrets=self.secrets,
                note=self.transcript.say,
            )
        usable = sasl.usable(conn.auth_mechanisms())
        if not usable:
            raise self._fail("SMTPException", "No suitable authentication method found.")
        credentials = sasl.Credentials(self.account.username, self.request.password or "")
        reply: Reply | None = None
        for name in usable:
            reply = conn.authenticate(sasl.MECHANISMS[name](credentials))
            if reply.code in (235, 503):  # 503: already authenticated
                return reply
            if reply.code != 504:
                break
        assert reply is not None
        raise Refused(reply, "SMTPAuthenticationError")

    def _mail_from(
        self, conn: SmtpConnection, sender: MailAddress, recipients: tuple[MailAddress, ...]
    ) -> None:
        options: list[str] = []
        if self.message and conn.offers("size"):
            options.append(f"SIZE={len(self.message)}")
        if self.message and not self.message.isascii() and conn.offers("8bitmime"):
            options.append("BODY=8BITMIME")
        if any(a.needs_smtputf8 for a in (sender, *recipients)):
            if not conn.offers("smtputf8"):
                raise self._fail(
                    "SMTPUTF8NotOffered",
                    "The server does not offer SMTPUTF8, which an address with non-ASCII letters "
                    "before @ needs",
                )
            options.append("SMTPUTF8")
        limit = self.state.size_limit
        if self.message and limit is not None and len(self.message) > limit:
            raise self._fail(
                "MessageExceedsSize",
                f"The message has {len(self.message)} bytes; the server accepts at most {limit}",
                message_size=len(self.message),
            )
        reply = conn.command(" ".join([f"MAIL FROM:<{sender.addr_spec}>", *options]))
        if reply.code != 250:
            raise Refused(reply, "SMTPSenderRefused")
        self.server_reply = reply_line(reply.code, reply.text)

    def _rcpt_to(self, conn: SmtpConnection, recipient: MailAddress) -> None:
        reply = conn.command(f"RCPT TO:<{recipient.addr_spec}>")
        if reply.code not in (250, 251):
            raise Refused(reply, "SMTPRecipientsRefused")
        self.server_reply = reply_line(reply.code, reply.text)

    def _send(self) -> None:
        conn = self._connection()
        assert self.sender is not None and self.recipient is not None
        with self._step(Stage.MAIL):
            self._mail_from(conn, self.sender, (self.recipient,))
        with self._step(Stage.RCPT):
            self._rcpt_to(conn, self.recipient)
        with self._step(Stage.DATA):
            reply = conn.command("DATA")
            if reply.code != 354:
                raise Refused(reply, "SMTPDataError")
            reply = conn.send_message(self.message)
            if reply.code != 250:
                raise Refused(reply, "SMTPDataError")
            self.server_reply = reply_line(reply.code, reply.text)
            self.queue_id = queue_id(reply.text)

    def _check_sender(self) -> None:
        """MAIL FROM and RCPT TO with the sender's own address, then RSET: the server says whether
        it takes mail from this sender, and no message is sent."""
        conn = self._connection()
        assert self.sender is not None
        with self._step(Stage.MAIL, notes.DETAIL_SENDER_CHECK):
            self._mail_from(conn, self.sender, ())
        with self._step(Stage.RCPT, notes.DETAIL_SENDER_CHECK):
            self._rcpt_to(conn, self.sender)
            conn.command("RSET")  # forget the transaction: nothing is to be sent
        self._skip(Stage.DATA, notes.DETAIL_SENDER_CHECK)

    def _quit(self) -> None:
        conn = self._connection()
        with self._step(Stage.QUIT):
            try:
                conn.command("QUIT")
            except (ConnectionError, OSError, NotSmtp, ReplyOverflow):
                # Everything that matters was accepted already; a server that just hangs up is fine.
                self._say(notes.QUIT_UNANSWERED)

    def _polite_quit(self) -> None:
        conn = self.conn
        if conn is None or self.cancel.cancelled:
            return
        conn.deadline = Deadline(_POLITE_QUIT_S, within=self.run_deadline)
        with contextlib.suppress(Exception):
            conn.command("QUIT")

    def _connection(self) -> SmtpConnection:
        assert self.conn is not None
        return self.conn

    def _close(self) -> None:
        self.conn = None
        if self.sock is not None:
            self.cancel.detach(self.sock)
            with contextlib.suppress(OSError):
                self.sock.close()
            self.sock = None

    # -- the result ------------------------------------------------------------------------
    def _result(self, facts: Facts | None) -> RunResult:
        server_reply = self.server_reply
        if facts is not None:
            if facts.reply_code is not None and facts.reply_code > 0:
                server_reply = reply_line(facts.reply_code, facts.reply_text)
            elif facts.greeting and not facts.greeting[:3].isdigit():
                server_reply = facts.greeting  # a foreign service's own first line
            else:
                server_reply = None  # smtpdesk's own findings are never shown as the server's words
        return make_result(
            self.request,
            facts,
            security_used=self.state.security,
            timings_ms=self.timings,
            elapsed_ms=self.transcript.elapsed_ms(),
            server_reply=server_reply,
            transcript=self.transcript.lines,
            notes=self.notes,
            queue_id=self.queue_id,
        )


def _issuer_and_expiry(tls: ssl.SSLSocket) -> tuple[str, str]:
    """The issuer's organisation (or common name) and the end of validity of the verified
    certificate, from the TLS layer's own summary (no certificate parsing needed)."""
    cert = tls.getpeercert() or {}
    fields = dict(item[0] for item in cert.get("issuer", ()) if item)  # type: ignore[misc]
    issuer = fields.get("organizationName") or fields.get("commonName") or "?"
    return str(issuer), str(cert.get("notAfter", "?"))


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
