"""The doctor's warning about Microsoft 365 accounts that still log in with a password."""

from __future__ import annotations

import pytest

from smtpdesk.core.doctor import apply_fix, run_doctor
from smtpdesk.core.doctor.findings import DoctorFixKind
from smtpdesk.core.model import (
    AuthMethod,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
)
from smtpdesk.core.secrets import SecretStore

M365 = SmtpAccount(host="smtp.office365.com", port=587, username="biuro@firma.pl", security=Security.STARTTLS)


def settings(account: SmtpAccount) -> OfficeSettings:
    return OfficeSettings(
        company=Company(name="Biuro", email="biuro@firma.pl"),
        contact_mode=ContactMode.COMPANY,
        company_smtp=account,
    )


def test_every_microsoft_365_account_with_a_password_is_warned_about() -> None:
    anna = Employee(
        id=7, first_name="Anna", email="anna@firma.pl", smtp=M365.with_changes(username="anna@firma.pl")
    )
    findings = [
        f for f in run_doctor(settings(M365), [anna], SecretStore()) if f.code == "microsoft_password_sign_in"
    ]

    assert [f.subject for f in findings] == ["company", "employee:7"]
    first = findings[0]
    assert first.severity.value == "warning"
    assert "końca grudnia 2026" in first.explanation.pl and "2027" in first.explanation.pl
    assert "550 5.7.30 Basic authentication is not supported for Client Submission" in first.explanation.en
    assert first.fix is not None and first.fix.kind is DoctorFixKind.SIGN_IN_MICROSOFT
    assert first.fix.label.pl == "Zaloguj przez Microsoft"
    with pytest.raises(ValueError):
        apply_fix(first, settings(M365), [anna])


def test_accounts_already_signed_in_with_microsoft_or_elsewhere_are_fine() -> None:
    signed_in = M365.with_changes(auth_method=AuthMethod.OAUTH_MICROSOFT)
    other = SmtpAccount(host="smtp.firma.pl", port=587, username="biuro@firma.pl")
    for account in (signed_in, other):
        codes = {f.code for f in run_doctor(settings(account), [], SecretStore())}
        assert "microsoft_password_sign_in" not in codes
