"""What every doctor rule reads: the settings, the employees, the password states, and helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from smtpdesk.core.doctor.findings import (
    SUBJECT_COMPANY,
    SUBJECT_DEFAULT,
    DoctorFix,
    Finding,
    Severity,
    employee_subject,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    ContactMode,
    Employee,
    OfficeSettings,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretState
from smtpdesk.core.wording import (
    COMPANY_ACCOUNT_LABEL,
    COMPANY_SMTP_PLACE,
    DEFAULT_SERVER_LABEL,
    EMPLOYEE_ACCOUNT_LABEL,
    EMPLOYEE_SMTP_PLACE,
    employee_name,
    fill,
)


class SecretStates(Protocol):
    """The part of ``SecretStore`` the doctor needs: where each password is."""

    def state(self, key: str) -> SecretState: ...


@dataclass(frozen=True)
class AccountRef:
    """One stored sending account and where it lives in the settings."""

    account: SmtpAccount
    subject: str
    employee_id: int | None
    key: str | None  # secret store key; None for an employee not saved yet
    label: Msg  # "firmowe konto SMTP (…)", in the nominative
    place: Msg  # where the user edits it


_DEFAULT_SERVER_PLACE = Msg(pl="ustawieniach serwera domyślnego", en="the default server settings")


@dataclass(frozen=True)
class Context:
    settings: OfficeSettings
    employees: tuple[Employee, ...]
    secrets: SecretStates
    session_only: bool = False  # passwords deliberately kept in memory (the demo): not a finding

    @property
    def agent_mode(self) -> bool:
        return self.settings.contact_mode is ContactMode.AGENT

    @property
    def company_email(self) -> str:
        return self.settings.company.email.strip().lower()

    @property
    def default_server(self) -> SmtpAccount | None:
        server = self.settings.default_server
        return server if server is not None and server.configured else None

    def in_use(self, ref: AccountRef) -> bool:
        """Whether mail goes through this account with the current contact mode."""
        without_own = any(not e.has_own_smtp for e in self.employees)
        if ref.subject == SUBJECT_COMPANY:
            return not self.agent_mode or without_own or not self.employees
        if ref.subject == SUBJECT_DEFAULT:
            return not self.settings.has_company_smtp and (not self.agent_mode or without_own)
        return self.agent_mode

    def accounts(self) -> list[AccountRef]:
        refs: list[AccountRef] = []
        if self.settings.has_company_smtp and self.settings.company_smtp is not None:
            refs.append(
                AccountRef(
                    self.settings.company_smtp,
                    SUBJECT_COMPANY,
                    None,
                    COMPANY_ACCOUNT,
                    COMPANY_ACCOUNT_LABEL,
                    COMPANY_SMTP_PLACE,
                )
            )
        if self.default_server is not None:
            refs.append(
                AccountRef(
                    self.default_server,
                    SUBJECT_DEFAULT,
                    None,
                    DEFAULT_ACCOUNT,
                    DEFAULT_SERVER_LABEL,
                    _DEFAULT_SERVER_PLACE,
                )
            )
        for employee in self.employees:
            if employee.has_own_smtp and employee.smtp is not None:
                refs.append(
                    AccountRef(
                        employee.smtp,
                        employee_subject(employee.id),
                        employee.id,
                        employee_account(employee.id) if employee.id is not None else None,
                        fill(EMPLOYEE_ACCOUNT_LABEL, name=employee_name(employee)),
                        EMPLOYEE_SMTP_PLACE,
                    )
                )
        return refs


Rule = Callable[[Context], Iterator[Finding]]


def cap(msg: Msg) -> Msg:
    return Msg(pl=msg.pl[:1].upper() + msg.pl[1:], en=msg.en[:1].upper() + msg.en[1:])


def names(employees: list[Employee]) -> str:
    return ", ".join(employee_name(e) for e in employees)


def for_employee(
    code: str, severity: Severity, employee: Employee, title: Msg, text: Msg, fix: DoctorFix | None = None
) -> Finding:
    about = fill(Msg(pl="pracownik {name}", en="employee {name}"), name=employee_name(employee))
    return Finding(code, severity, employee_subject(employee.id), title, text, employee.id, fix, about)


def for_account(
    code: str, severity: Severity, ref: AccountRef, title: Msg, text: Msg, fix: DoctorFix | None = None
) -> Finding:
    return Finding(code, severity, ref.subject, title, text, ref.employee_id, fix, ref.label)


DELIVERABILITY = Msg(
    pl=(
        "Może to powodować problemy w dostarczaniu poczty, między innymi na skrzynki obsługiwane "
        "przez home.pl."
    ),
    en="This can cause delivery problems, among others to mailboxes hosted by home.pl.",
)
