"""What the configuration doctor reports: findings, their severity and their one-click fixes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from smtpdesk.core.i18n import Lang, Msg

# Who a finding is about: the company settings, the application's default server, one employee
# (``employee_subject(id)``) or the application as a whole (the keychain, no server anywhere).
SUBJECT_COMPANY = "company"
SUBJECT_DEFAULT = "default"
SUBJECT_APP = "app"


def employee_subject(employee_id: int | None) -> str:
    return f"employee:{employee_id}"


class Severity(str, Enum):
    ERROR = "error"  # mail will not go out (or not from the right address)
    WARNING = "warning"  # mail may fail or land in spam
    INFO = "info"  # worth knowing, nothing breaks

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class DoctorFixKind(str, Enum):
    """A change to the stored settings that the doctor can make with one click."""

    SET_SECURITY = "set_security"  # params: security — on the finding's account
    SET_PORT = "set_port"  # params: port, security — on the finding's account
    SET_HOST = "set_host"  # params: host — on the finding's account
    CLEAR_COMPANY_SMTP = "clear_company_smtp"
    SET_CONTACT_MODE = "set_contact_mode"  # params: mode
    COPY_SMTP_TO_COMPANY = "copy_smtp_to_company"  # params: employee_id
    # Interactive: the window signs the finding's account in with Microsoft (params: method).
    SIGN_IN_MICROSOFT = "sign_in_microsoft"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class DoctorFix:
    kind: DoctorFixKind
    label: Msg  # button caption / what will change
    params: Mapping[str, Any] = field(default_factory=dict)
    # Password bookkeeping the caller does after saving: copy one account's password to another
    # account key, or forget the password of an account that no longer exists.
    copy_secret: tuple[str, str] | None = None
    forget_secret: str | None = None

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {"kind": self.kind.value, "params": dict(self.params), "label": self.label.text(lang)}


@dataclass(frozen=True)
class Finding:
    code: str  # stable identifier, e.g. "port_security_mismatch"
    severity: Severity
    subject: str  # SUBJECT_* or employee_subject(id)
    title: Msg
    explanation: Msg
    employee_id: int | None = None
    fix: DoctorFix | None = None
    about: Msg | None = None  # the account or employee concerned, e.g. "konto SMTP pracownika …"

    @property
    def key(self) -> tuple[str, str]:
        """Identifies the same problem across runs (a fixed finding no longer has its key)."""
        return (self.code, self.subject)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "subject": self.subject,
            "employee_id": self.employee_id,
            "about": self.about.text(lang) if self.about is not None else None,
            "title": self.title.text(lang),
            "explanation": self.explanation.text(lang),
            "fix": self.fix.to_json(lang) if self.fix is not None else None,
        }


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Number of findings per severity, every severity present (for the JSON and the summary)."""
    result = {severity.value: 0 for severity in Severity}
    for finding in findings:
        result[finding.severity.value] += 1
    return result


def _polish_plural(n: int, one: str, few: str, many: str) -> str:
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


_NOUNS: dict[Severity, dict[str, tuple[str, str, str]]] = {
    Severity.ERROR: {"pl": ("błąd", "błędy", "błędów"), "en": ("error", "errors", "errors")},
    Severity.WARNING: {
        "pl": ("ostrzeżenie", "ostrzeżenia", "ostrzeżeń"),
        "en": ("warning", "warnings", "warnings"),
    },
    Severity.INFO: {
        "pl": ("informacja", "informacje", "informacji"),
        "en": ("note", "notes", "notes"),
    },
}

NO_FINDINGS = Msg(
    pl="Nie znaleziono problemów w konfiguracji poczty.",
    en="No problems found in the mail configuration.",
)


def summary(findings: Iterable[Finding], lang: Lang) -> str:
    """E.g. "2 błędy, 1 ostrzeżenie" — the severities that occur, most serious first."""
    numbers = counts(findings)
    parts = []
    for severity in Severity:
        n = numbers[severity.value]
        if n:
            one, few, many = _NOUNS[severity][lang]
            noun = _polish_plural(n, one, few, many) if lang == "pl" else (one if n == 1 else many)
            parts.append(f"{n} {noun}")
    return ", ".join(parts) if parts else NO_FINDINGS.text(lang)
