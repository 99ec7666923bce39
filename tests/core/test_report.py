"""The text report for the IT person: complete, in the right order, and never with a password."""

from __future__ import annotations

import base64
import urllib.parse
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smtpdesk.core.diagnosis.model import Diagnosis
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.report import format_ms, report_for_entry, report_for_result, scrub, technical_details
from smtpdesk.core.report import input_from_result as report_input
from smtpdesk.core.smtp.result import CertInfo, Facts, Stage
from tests.fixtures.samples import LOGIN, failed_auth_result

PASSWORD = "Hasło-łódź-1"
AT = datetime(2025, 3, 12, 13, 5, 33, tzinfo=timezone.utc)


def _forms(password: str, login: str = LOGIN) -> list[str]:
    raw = password.encode()
    return [
        password,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + login.encode() + b"\0" + raw).decode(),
        base64.b64encode(login.encode() + b"\0" + login.encode() + b"\0" + raw).decode(),
        repr(raw)[2:-1],
        raw.hex(),
        urllib.parse.quote(password, safe=""),
    ]


def test_report_has_the_settings_diagnosis_steps_timings_and_transcript() -> None:
    text = report_for_result(
        failed_auth_result(), account_label="Anna Nowak", account_key="smtp:employee:1", at=AT
    )

    assert "Konto: Anna Nowak (smtp:employee:1)" in text
    assert "Serwer poczty wychodzącej: smtp.biuro.test" in text
    assert "Port serwera poczty wychodzącej: 587" in text
    assert "Szyfrowanie: STARTTLS" in text
    assert f"Nazwa użytkownika: {LOGIN}" in text
    assert "Hasło: (nie jest dołączane do raportu)" in text
    assert "tylko logowanie" in text
    assert "Wynik: BŁĄD — Serwer nie przyjął loginu lub hasła" in text
    assert "Odpowiedź serwera: 535 5.7.8 Error: authentication failed" in text
    assert "odrzucił logowanie" in text
    assert "  1. Sprawdź hasło do skrzynki." in text
    assert "  2. Upewnij się, że login to pełny adres e-mail." in text
    # Timings in the order the stages happen, whatever order they were recorded in.
    connect, greeting, tls, auth = (
        text.index(f"  {name}") for name in ("Łączenie", "Powitanie serwera", "Szyfrowanie ", "Logowanie")
    )
    assert connect < greeting < tls < auth
    assert "S: 535 5.7.8 Error: authentication failed" in text
    assert "K: AUTH PLAIN [ukryte]" in text
    # Acceptance is not delivery, but this run did not send anything: no such note here.
    assert "doręczenie" not in text


def test_report_never_contains_the_password_in_any_form() -> None:
    result = failed_auth_result(leak=PASSWORD)
    text = report_for_result(result, account_label="Anna", secrets=[PASSWORD], at=AT)

    for form in _forms(PASSWORD):
        assert form not in text, form
    assert "[UKRYTO]" in text
    details = technical_details(report_input(result), secrets=[PASSWORD])
    assert PASSWORD not in details
    assert "Zapis rozmowy z serwerem" in details


@settings(max_examples=60, deadline=None)
@given(
    password=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=8, max_size=40
    ).filter(lambda p: p.strip() == p),
    prefix=st.binary(max_size=5),
    suffix=st.binary(max_size=5),
)
def test_base64_of_the_password_is_removed_at_any_position(
    password: str, prefix: bytes, suffix: bytes
) -> None:
    # However the password sits inside an encoded AUTH payload, its bytes cannot be read back.
    payload = base64.b64encode(prefix + password.encode() + suffix).decode()
    text = scrub(f"C: {payload}\nplain {password}", [password], username=LOGIN)
    assert password not in text
    decodable = text.split("\n")[0][3:]
    if "[UKRYTO]" not in decodable:  # only when nothing recognisable was left to remove
        assert password.encode() not in base64.b64decode(decodable + "==")


def test_success_of_a_send_says_acceptance_is_not_delivery() -> None:
    result = failed_auth_result()
    result.ok, result.code, result.login_only, result.stage = True, "ok", False, Stage.QUIT
    result.diagnosis = Diagnosis(
        code="ok", severity="ok", title="Wiadomość przyjęta przez serwer", explanation=""
    )
    result.queue_id = "4A11CE"

    text = report_for_result(result, at=AT)

    assert "Wynik: POWODZENIE — Wiadomość przyjęta przez serwer" in text
    assert "to nie to samo co doręczenie" in text
    assert "tylko administrator serwera smtp.biuro.test" in text
    assert "Identyfikator w kolejce serwera: 4A11CE" in text
    assert f"Odbiorca: {LOGIN}" in text


def test_report_in_english() -> None:
    text = report_for_result(failed_auth_result(), at=AT, lang="en")
    assert "Outgoing mail server: smtp.biuro.test" in text
    assert "Password: (never included in the report)" in text
    assert "Result: FAILURE" in text


def test_certificate_details_are_part_of_the_report() -> None:
    result = failed_auth_result()
    cert = CertInfo(
        subject_cn="mail.other.test",
        names=("mail.other.test",),
        issuer="Unknown Issuer Ltd",
        not_before="2025-01-01T00:00:00Z",
        not_after="2026-01-01T00:00:00Z",
        sha256="ab" * 32,
        self_signed=True,
    )
    result.facts = Facts(stage=Stage.TLS, cert=cert)
    text = report_for_result(result, at=AT)
    assert "Wystawiony dla: mail.other.test" in text
    assert "Unknown Issuer Ltd (samopodpisany)" in text
    assert "SHA-256: " + "ab" * 32 in text


def test_report_from_a_stored_history_entry() -> None:
    entry = HistoryEntry.from_result(failed_auth_result(), "smtp:company", "Konto firmowe")
    text = report_for_entry(entry)
    assert "Konto: Konto firmowe (smtp:company)" in text
    assert "Wynik: BŁĄD — Serwer nie przyjął loginu lub hasła" in text
    assert "S: 220 smtp.biuro.test ESMTP" in text


@pytest.mark.parametrize(
    ("ms", "lang", "text"),
    [(0.4, "pl", "0 ms"), (35.2, "pl", "35 ms"), (1234.0, "pl", "1,2 s"), (1234.0, "en", "1.2 s")],
)
def test_times_are_written_as_people_read_them(ms: float, lang: str, text: str) -> None:
    assert format_ms(ms, lang) == text  # type: ignore[arg-type]


def test_a_stored_entry_gives_the_same_report_the_dialog_showed(smtp_server) -> None:
    # The one flat form carries explanation, steps, fixes, server reply, notes and transcript.
    from datetime import datetime, timezone

    from smtpdesk.core.history import HistoryEntry
    from smtpdesk.core.smtp.engine import run_test
    from tests.fixtures.smtp_servers import build_request

    server = smtp_server()
    result = run_test(build_request(server.account(), "złe hasło", lang="en"))
    at = datetime(2026, 1, 2, 10, 0, tzinfo=timezone.utc)
    entry = HistoryEntry.from_result(result, "smtp:company", "Company account")
    entry = HistoryEntry(**{**entry.__dict__, "at": at})

    shown = report_for_result(
        result, account_label="Company account", account_key="smtp:company", at=at, lang="en"
    )
    stored = report_for_entry(entry, lang="en")

    assert result.code == "auth_failed"
    assert stored == shown
    assert result.server_reply is not None
    assert result.diagnosis.explanation in stored and result.server_reply in stored
