"""Turning whatever ended a run (an exception or a refusing reply) into ``Facts`` for the rules."""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass

from smtpdesk.core.model import Security
from smtpdesk.core.smtp.replies import decode, enhanced_code
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage
from smtpdesk.core.smtp.transcript import Secrets


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
        }
        base.update(values)
        return Facts(**base)  # type: ignore[arg-type]


def _underlying(exc: BaseException) -> BaseException:
    """smtplib turns socket errors into ``SMTPServerDisconnected``; the socket error says more
    (a timeout is not a reset is not an orderly close), so report that one."""
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, OSError) and not isinstance(cause, ssl.SSLError):
            return cause
    return exc


def _ssl_cause(exc: BaseException) -> ssl.SSLError | None:
    if isinstance(exc, ssl.SSLError):
        return exc
    cause = exc.__cause__ or exc.__context__
    return cause if isinstance(cause, ssl.SSLError) else None


def _smtp_reply(exc: BaseException) -> tuple[int | None, str]:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        for refused_code, refused_text in exc.recipients.values():
            return refused_code, decode(refused_text)
        return None, ""
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code if isinstance(exc.smtp_code, int) and exc.smtp_code > 0 else None
        return code, decode(exc.smtp_error)
    return None, ""


def facts_from_exception(
    exc: BaseException, *, stage: Stage, state: SessionState, secrets: Secrets, **values: object
) -> Facts:
    root = _underlying(exc)
    code, text = _smtp_reply(exc)
    text = secrets.scrub(text)
    ssl_error = _ssl_cause(exc)
    errno_value: int | None = None
    if isinstance(root, socket.gaierror) or (
        isinstance(root, OSError) and not isinstance(root, ssl.SSLError)
    ):
        errno_value = root.errno
    fields: dict[str, object] = {
        "exception": type(root).__name__,
        "message": secrets.scrub(str(exc) or type(exc).__name__),
        "errno": errno_value,
        "reply_code": code,
        "enhanced_code": enhanced_code(text) if text else None,
        "reply_text": text,
    }
    if ssl_error is not None:
        fields["ssl_reason"] = ssl_error.reason
        if isinstance(ssl_error, ssl.SSLCertVerificationError):
            fields["verify_message"] = ssl_error.verify_message
    fields.update(values)
    return state.facts(stage, **fields)
