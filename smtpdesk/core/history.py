"""One remembered test run: what the history list and the "last result" badges show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from smtpdesk.core.smtp.result import RunResult

CANCELLED = "cancelled"


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
        diagnosis = result.diagnosis
        return cls(
            id=None,
            at=utc_now(),
            account_key=account_key,
            account_label=account_label,
            login_only=result.login_only,
            ok=result.ok,
            code=result.code,
            stage=result.stage.value,
            title=str(diagnosis.title) if diagnosis is not None else "",
            host=result.account.host,
            port=result.account.port,
            security=result.security_used.value,
            username=result.account.username,
            sender=result.sender,
            recipient=result.recipient,
            timings_ms={str(k): float(v) for k, v in result.timings_ms.items()},
            # The engine redacts every line before it lands in the transcript.
            transcript=[line.to_json() for line in result.transcript],
            elapsed_ms=float(result.elapsed_ms),
        )

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
        }
