"""The one way a ``RunResult`` is made, whether the engine ran or the settings stopped it first."""

from __future__ import annotations

from collections.abc import Sequence

from smtpdesk.core.diagnosis import Diagnosis, diagnose
from smtpdesk.core.model import Security, SmtpAccount
from smtpdesk.core.smtp.request import MailTestRequest
from smtpdesk.core.smtp.result import Facts, RunResult, Stage, TranscriptLine


def make_result(
    request: MailTestRequest,
    facts: Facts | None,
    *,
    diagnosis: Diagnosis | None = None,
    account: SmtpAccount | None = None,
    security_used: Security | None = None,
    timings_ms: dict[str, float] | None = None,
    elapsed_ms: float = 0.0,
    server_reply: str | None = None,
    transcript: Sequence[TranscriptLine] = (),
    notes: Sequence[str] = (),
    queue_id: str | None = None,
) -> RunResult:
    """The result of one run: ``facts`` None means the server accepted everything asked of it.

    ``diagnosis`` is made from the facts unless given (a settings problem found before the run,
    such as a password missing from the keychain, brings its own).
    """
    account = account if account is not None else request.account
    if diagnosis is None:
        diagnosis = diagnose(facts, request.diagnosis_context(), ok=facts is None)
    ok = facts is None
    return RunResult(
        ok=ok,
        code=diagnosis.code,
        stage=facts.stage if facts is not None else Stage.QUIT,
        login_only=request.login_only,
        account=account,
        sender=request.sender,
        recipient=request.recipient,
        security_used=security_used if security_used is not None else account.security,
        timings_ms=dict(timings_ms or {}),
        elapsed_ms=elapsed_ms,
        server_reply=server_reply,
        transcript=list(transcript),
        facts=facts,
        diagnosis=diagnosis,
        notes=list(notes),
        queue_id=queue_id if ok else None,
        sender_checked=request.sender_check,
    )
