"""What a test run produces: plain data the GUI, the CLI, the history and the tests all read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from smtpdesk.core.model import Security, SmtpAccount


class Stage(str, Enum):
    CONFIG = "config"
    DNS = "dns"
    CONNECT = "connect"
    GREETING = "greeting"
    EHLO = "ehlo"
    TLS = "tls"
    AUTH = "auth"
    MAIL = "mail"
    RCPT = "rcpt"
    DATA = "data"
    QUIT = "quit"

    def __str__(self) -> str:
        return self.value


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)


class StageState(str, Enum):
    STARTED = "started"
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ProgressEvent:
    """Emitted by the engine as a stage starts and ends (``t_ms`` since the run began)."""

    stage: Stage
    state: StageState
    t_ms: float
    duration_ms: float | None = None
    detail: str = ""


@dataclass(frozen=True)
class TranscriptLine:
    dir: str  # "client" | "server" | "info"
    text: str  # already redacted: AUTH payloads never appear
    t_ms: float

    def to_json(self) -> dict[str, Any]:
        return {"dir": self.dir, "text": self.text, "t_ms": round(self.t_ms, 1)}


@dataclass(frozen=True)
class CertInfo:
    """The server certificate as the user needs to see it when verification fails."""

    subject_cn: str
    names: tuple[str, ...]  # DNS names and IP addresses the certificate is valid for
    issuer: str
    not_before: str  # ISO 8601, UTC
    not_after: str
    sha256: str  # lower-case hex, no colons
    self_signed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "subject_cn": self.subject_cn,
            "names": list(self.names),
            "issuer": self.issuer,
            "not_before": self.not_before,
            "not_after": self.not_after,
            "sha256": self.sha256,
            "self_signed": self.self_signed,
        }


@dataclass(frozen=True)
class Facts:
    """Everything the diagnosis rules may look at about how a run ended.

    ``reply_text`` and ``message`` are redacted; codes are None when the server never answered.
    """

    stage: Stage
    exception: str | None = None  # class name, e.g. "SSLCertVerificationError", "gaierror"
    message: str = ""  # str(exception), redacted
    errno: int | None = None
    ssl_reason: str | None = None  # OpenSSL reason, e.g. "WRONG_VERSION_NUMBER"
    verify_message: str | None = None  # e.g. "Hostname mismatch, certificate is not valid for 'x'"
    reply_code: int | None = None
    enhanced_code: str | None = None  # "5.7.8"
    reply_text: str = ""
    security: Security = Security.AUTO  # the mode actually in use when it ended
    port: int = 0
    host: str = ""
    starttls_offered: bool | None = None
    auth_mechanisms: tuple[str, ...] = ()
    tls_active: bool = False
    authenticated: bool = False
    cert: CertInfo | None = None
    implicit_tls_detected: bool = False  # a probe found the port speaks TLS from the first byte
    plain_detected: bool = False  # an implicit-TLS attempt met a plain SMTP greeting
    dns_works: bool | None = None  # a second, well-known lookup succeeded (None: not checked)
    greeting: str = ""
    cancelled: bool = False
    # The resolver's own words and their kind: "nxdomain", "nodata", "servfail", "timeout".
    dns_error: str = ""
    dns_kind: str = ""
    size_limit: int | None = None  # SIZE announced in EHLO
    message_size: int | None = None  # bytes of the test message
    pinned_changed: bool = False  # a pinned certificate no longer matches the one presented
    # Other ports of the same server that answered a quick probe: ((587, "starttls"), (465, "ssl")).
    answering_ports: tuple[tuple[int, str], ...] = ()
    overflow: str = ""  # "line" | "lines" | "bytes": the server's reply broke that bound
    smtputf8_offered: bool | None = None
    sender_check: bool = False  # MAIL/RCPT were a sender check, no message was to be sent


@dataclass
class RunResult:
    ok: bool
    code: str
    stage: Stage
    login_only: bool
    account: SmtpAccount
    sender: str
    recipient: str
    security_used: Security
    timings_ms: dict[str, float] = field(default_factory=dict)
    elapsed_ms: float = 0.0
    server_reply: str | None = None
    transcript: list[TranscriptLine] = field(default_factory=list)
    facts: Facts | None = None
    # Filled by the engine from ``core.diagnosis.diagnose``; typed loosely to keep the import light.
    diagnosis: Any = None
    notes: list[str] = field(default_factory=list)
    queue_id: str | None = None
    sender_checked: bool = False  # a login check that also asked the server about the sender

    def to_json(self) -> dict[str, Any]:
        """The one flat form of a result: the CLI's JSON, the history entry and the report are all
        made from it, so a stored run can show again exactly what the dialog showed."""
        d = self.diagnosis
        account = self.account
        return {
            "ok": self.ok,
            "code": self.code,
            "stage": self.stage.value,
            "title": d.title if d else "",
            "explanation": d.explanation if d else "",
            "steps": list(d.steps) if d else [],
            "fix": d.fixes[0].to_json() if d and d.fixes else None,
            "fixes": [f.to_json() for f in d.fixes] if d else [],
            "temporary": bool(d.temporary) if d else False,
            "server_reply": self.server_reply,
            "transcript": [line.to_json() for line in self.transcript],
            "timings_ms": dict(self.timings_ms),
            "elapsed_ms": self.elapsed_ms,
            "security": account.security.value,
            "security_used": self.security_used.value,
            "login_only": self.login_only,
            "sender_checked": self.sender_checked,
            "host": account.host,
            "port": account.port,
            "username": account.username,
            "allow_plaintext_auth": account.allow_plaintext_auth,
            "pinned_fingerprint": account.pinned_fingerprint,
            "sender": self.sender,
            "recipient": self.recipient,
            "certificate": self.facts.cert.to_json() if self.facts and self.facts.cert else None,
            "notes": list(self.notes),
            "queue_id": self.queue_id,
        }
