"""One remembered test run: what the history list and the "last result" badges show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from smtpdesk.core.smtp.result import RunResult

CANCELLED = "cancelled"
# What a stored run keeps of its diagnosis beyond the columns of its own.
DETAIL_FIELDS = (
    "explanation",
    "steps",
    "fixes",
    "server_reply",
    "notes",
    "certificate",
    "queue_id",
    "security_configured",
    "sender_checked",
)
# How each detail is read back: text, a list of texts, a list of objects, an object, yes/no.
_DETAIL_KINDS: dict[str, type] = {
    "explanation": str,
    "steps": tuple,
    "fixes": dict,
    "server_reply": str,
    "notes": tuple,
    "certificate": object,
    "queue_id": str,
    "security_configured": str,
    "sender_checked": bool,
}


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class HistoryEntry:
    id: int | None = None
    at: datetime = field(default_factory=utc_now)  # UTC; a naive value is taken as UTC
    account_key: str = ""
    account_label: str = ""  # e.g. "Anna Nowak" or "Konto firmowe", as it was when the test ran
    login_only: bool = False
    ok: bool = False
    code: str = ""  # diagnosis code, "ok" on success
    stage: str = ""  # Stage value where the run ended
    title: str = ""  # diagnosis title, in the language of the run
    host: str = ""
    port: int = 0
    security: str = ""  # Security value actually used
    username: str = ""
    sender: str = ""
    recipient: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)
    transcript: list[dict[str, Any]] = field(default_factory=list)  # redacted TranscriptLine dicts
    elapsed_ms: float = 0.0
    # What the diagnosis said and the run found, so the stored entry shows the same report as the
    # dialog did (the store keeps them together: DETAIL_FIELDS).
    explanation: str = ""
    steps: tuple[str, ...] = ()
    fixes: tuple[dict[str, Any], ...] = ()
    server_reply: str | None = None
    notes: tuple[str, ...] = ()
    certificate: dict[str, Any] | None = None
    queue_id: str | None = None
    security_configured: str = ""
    sender_checked: bool = False

    def __post_init__(self) -> None:
        at = self.at
        at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
        object.__setattr__(self, "at", at)

    @property
    def has_outcome(self) -> bool:
        """False for a run the user cancelled: it is kept, but says nothing about the account."""
        return self.code != CANCELLED

    @classmethod
    def from_result(cls, result: RunResult, account_key: str, account_label: str) -> HistoryEntry:
        return cls.from_flat(result.to_json(), account_key, account_label)

    @classmethod
    def from_flat(cls, flat: dict[str, Any], account_key: str, account_label: str) -> HistoryEntry:
        """An entry from the flat form of a result (``RunResult.to_json``)."""
        return cls(
            id=None,
            at=utc_now(),
            account_key=account_key,
            account_label=account_label,
            login_only=bool(flat["login_only"]),
            ok=bool(flat["ok"]),
            code=str(flat["code"]),
            stage=str(flat["stage"]),
            title=str(flat["title"]),
            host=str(flat["host"]),
            port=int(flat["port"]),
            security=str(flat["security_used"]),
            username=str(flat["username"]),
            sender=str(flat["sender"]),
            recipient=str(flat["recipient"]),
            timings_ms={str(k): float(v) for k, v in flat["timings_ms"].items()},
            # The engine redacts every line before it lands in the transcript.
            transcript=[dict(line) for line in flat["transcript"]],
            elapsed_ms=float(flat["elapsed_ms"]),
            explanation=str(flat["explanation"]),
            steps=tuple(flat["steps"]),
            fixes=tuple(dict(fix) for fix in flat["fixes"]),
            server_reply=flat["server_reply"],
            notes=tuple(flat["notes"]),
            certificate=flat["certificate"],
            queue_id=flat["queue_id"],
            security_configured=str(flat["security"]),
            sender_checked=bool(flat["sender_checked"]),
        )

    def details_json(self) -> dict[str, Any]:
        """The diagnosis' detail fields, as the store keeps them in one JSON column."""
        whole = self.to_json()
        return {name: whole[name] for name in DETAIL_FIELDS}

    @staticmethod
    def details_from_json(data: dict[str, Any]) -> dict[str, Any]:
        """The detail fields from ``details_json`` (what a stored value lacks keeps its default);
        never raises on a hand-edited value."""
        found: dict[str, Any] = {}
        for name in DETAIL_FIELDS:
            value = data.get(name)
            kind = _DETAIL_KINDS[name]
            if kind is str and isinstance(value, str):
                found[name] = value
            elif kind is tuple and isinstance(value, list):
                found[name] = tuple(str(item) for item in value)
            elif kind is dict and isinstance(value, list):
                found[name] = tuple(dict(item) for item in value if isinstance(item, dict))
            elif kind is object and isinstance(value, dict):
                found[name] = dict(value)
            elif kind is bool and isinstance(value, bool):
                found[name] = value
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "account_key": self.account_key,
            "account_label": self.account_label,
            "login_only": self.login_only,
            "ok": self.ok,
            "code": self.code,
            "stage": self.stage,
            "title": self.title,
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "username": self.username,
            "sender": self.sender,
            "recipient": self.recipient,
            "timings_ms": dict(self.timings_ms),
            "transcript": [dict(line) for line in self.transcript],
            "elapsed_ms": self.elapsed_ms,
            "explanation": self.explanation,
            "steps": list(self.steps),
            "fixes": [dict(fix) for fix in self.fixes],
            "server_reply": self.server_reply,
            "notes": list(self.notes),
            "certificate": self.certificate,
            "queue_id": self.queue_id,
            "security_configured": self.security_configured,
            "sender_checked": self.sender_checked,
        }
