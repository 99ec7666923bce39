"""A finished test run becomes one history entry with everything the history list shows."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from smtpdesk.core.diagnosis.model import Diagnosis
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import COMPANY_ACCOUNT, Security, SmtpAccount
from smtpdesk.core.smtp.result import RunResult, Stage, TranscriptLine


def failed_run() -> RunResult:
    return RunResult(
        ok=False,
        code="auth_failed",
        stage=Stage.AUTH,
        login_only=True,
        account=SmtpAccount(host="smtp.biuro.pl", port=587, username="anna@biuro.pl"),
        sender="anna@biuro.pl",
        recipient="anna@biuro.pl",
        security_used=Security.STARTTLS,
        timings_ms={"connect": 12.5, "tls": 40.25},
        elapsed_ms=123.4,
        transcript=[
            TranscriptLine("server", "220 smtp.biuro.pl ESMTP", 1.0),
            TranscriptLine("client", "AUTH PLAIN ********", 50.0),
            TranscriptLine("server", "535 5.7.8 Błędny login lub hasło", 60.04),
        ],
        diagnosis=Diagnosis(
            code="auth_failed",
            severity="error",
            title="Serwer smtp.biuro.pl odrzucił login lub hasło",
            explanation="…",
        ),
    )


def test_from_result_keeps_what_the_history_list_shows() -> None:
    before = datetime.now(timezone.utc)
    entry = HistoryEntry.from_result(failed_run(), COMPANY_ACCOUNT, "Konto firmowe")
    after = datetime.now(timezone.utc)

    assert entry.id is None
    assert before <= entry.at <= after
    assert entry.at.tzinfo is timezone.utc
    assert (entry.account_key, entry.account_label) == (COMPANY_ACCOUNT, "Konto firmowe")
    assert entry.login_only is True
    assert entry.ok is False
    assert (entry.code, entry.stage) == ("auth_failed", "auth")
    assert entry.title == "Serwer smtp.biuro.pl odrzucił login lub hasło"
    assert (entry.host, entry.port, entry.security) == ("smtp.biuro.pl", 587, "starttls")
    assert (entry.username, entry.sender, entry.recipient) == ("anna@biuro.pl",) * 3
    assert entry.timings_ms == {"connect": 12.5, "tls": 40.25}
    assert entry.elapsed_ms == 123.4
    assert entry.transcript == [
        {"dir": "server", "text": "220 smtp.biuro.pl ESMTP", "t_ms": 1.0},
        {"dir": "client", "text": "AUTH PLAIN ********", "t_ms": 50.0},
        {"dir": "server", "text": "535 5.7.8 Błędny login lub hasło", "t_ms": 60.0},
    ]


def test_a_run_without_a_diagnosis_has_an_empty_title() -> None:
    run = failed_run()
    run.diagnosis = None
    assert HistoryEntry.from_result(run, "smtp:employee:3", "Anna Nowak").title == ""


def test_the_time_is_always_utc() -> None:
    naive = HistoryEntry(at=datetime(2024, 5, 1, 12, 0))
    assert naive.at == datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    warsaw = timezone(timedelta(hours=2))
    local = HistoryEntry(at=datetime(2024, 5, 1, 14, 0, tzinfo=warsaw))
    assert local.at == datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert local.at.utcoffset() == timedelta(0)


def test_an_entry_serialises_to_json_with_polish_text() -> None:
    entry = HistoryEntry.from_result(failed_run(), COMPANY_ACCOUNT, "Biuro Łódź")
    data = json.loads(json.dumps(entry.to_json(), ensure_ascii=False))
    assert data["account_label"] == "Biuro Łódź"
    assert data["at"] == entry.at.isoformat()
    assert data["transcript"][2]["text"] == "535 5.7.8 Błędny login lub hasło"
