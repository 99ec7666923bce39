"""Turning whatever ended a run (an exception or a refusing reply) into ``Facts`` for the rules."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, replace

from smtpdesk.core.model import Security
from smtpdesk.core.scrub import Scrubber
from smtpdesk.core.smtp.connection import NotSmtp, Refused, Reply, ReplyOverflow, ServerClosed
from smtpdesk.core.smtp.network import dns_kind
from smtpdesk.core.smtp.replies import enhanced_code
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage


@dataclass
class SessionState:
    """What is known about the session so far; copied into every ``Facts``."""

    host: str
    port: int
    security: Security
    starttls_offered: bool | None = None
    auth_mechanisms: tuple[str, ...] = ()
    tls_active: bool = False
    authenticated: bool = False
    greeting: str = ""
    cert: CertInfo | None = None
    size_limit: int | None = None
    smtputf8_offered: bool | None = None

    def facts(self, stage: Stage, **values: object) -> Facts:
        base: dict[str, object] = {
            "stage": stage,
            "security": self.security,
            "host": self.host,
            "port": self.port,
            "starttls_offered": self.starttls_offered,
            "auth_mechanisms": self.auth_mechanisms,
            "tls_active": self.tls_active,
            "authenticated": self.authenticated,
            "greeting": self.greeting,
            "cert": self.cert,
            "size_limit": self.size_limit,
            "smtputf8_offered": self.smtputf8_offered,
        }
        base.update(values)
        return Facts(**base)  # type: ignore[arg-type]


# Names the rules know these conditions by (smtplib's, kept stable for the history and JSON).
_CLOSED = "SMTPServerDisconnected"


def _ssl_cause(exc: BaseException) -> ssl.SSLError | None:
    if isinstance(exc, ssl.SSLError):
        return exc
    cause = exc.__cause__ or exc.__context__
    return cause if isinstance(cause, ssl.SSLError) else None


def reply_facts(reply: Reply, kind: str, *, stage: Stage, state: SessionState, secrets: Scrubber) -> Facts:
    text = secrets.scrub(reply.text)
    return state.facts(
        stage,
        exception=kind,
        message=secrets.scrub(f"{reply.code} {reply.first}"),
        reply_code=reply.code,
        enhanced_code=enhanced_code(text) if text else None,
        reply_text=text,
    )


def facts_from_exception(
    exc: BaseException, *, stage: Stage, state: SessionState, secrets: Scrubber, **values: object
) -> Facts:
    if isinstance(exc, Refused):
        facts = reply_facts(exc.reply, exc.kind, stage=stage, state=state, secrets=secrets)
        return replace(facts, **values) if values else facts  # type: ignore[arg-type]
    fields: dict[str, object] = {
        "exception": type(exc).__name__,
        "message": secrets.scrub(str(exc) or type(exc).__name__),
    }
    if isinstance(exc, ServerClosed):
        fields["exception"] = _CLOSED
    elif isinstance(exc, TimeoutError):
        fields["exception"] = "TimeoutError"
    elif isinstance(exc, ReplyOverflow):
        fields["overflow"] = exc.kind
    elif isinstance(exc, NotSmtp):
        fields["exception"] = "NotSmtpReply"
        fields["reply_code"] = -1
        if stage in (Stage.GREETING, Stage.CONNECT, Stage.TLS):
            fields["greeting"] = secrets.scrub(exc.first_line)
    elif isinstance(exc, socket.gaierror):
        fields["errno"] = exc.errno
        fields["dns_error"] = secrets.scrub(str(exc.strerror or exc))
        fields["dns_kind"] = dns_kind(exc)
    elif isinstance(exc, OSError) and not isinstance(exc, ssl.SSLError):
        fields["errno"] = exc.errno
    ssl_error = _ssl_cause(exc)
    if ssl_error is not None:
        fields["ssl_reason"] = ssl_error.reason
        if isinstance(ssl_error, ssl.SSLCertVerificationError):
            fields["verify_message"] = ssl_error.verify_message
    fields.update(values)
    return state.facts(stage, **fields)
