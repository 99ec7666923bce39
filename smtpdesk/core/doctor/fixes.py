"""Applying a finding's one-click fix: a pure change of the settings, then saving it."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from smtpdesk.core.doctor.findings import SUBJECT_COMPANY, SUBJECT_DEFAULT, DoctorFixKind, Finding
from smtpdesk.core.model import ContactMode, Employee, OfficeSettings, Security, SmtpAccount


class SettingsStore(Protocol):
    def load_settings(self) -> OfficeSettings: ...
    def save_settings(self, settings: OfficeSettings, *, base: OfficeSettings | None = None) -> object: ...
    def list_employees(self) -> list[Employee]: ...
    def save_employee(self, e: Employee, *, base: Employee | None = None) -> Employee: ...


class Secrets(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, password: str) -> object: ...
    def delete(self, key: str) -> None: ...


def _account_changes(finding: Finding) -> dict[str, object]:
    assert finding.fix is not None
    params = finding.fix.params
    kind = finding.fix.kind
    if kind is DoctorFixKind.SET_SECURITY:
        return {"security": Security(params["security"])}
    if kind is DoctorFixKind.SET_PORT:
        changes: dict[str, object] = {"port": int(params["port"])}
        if "security" in params:
            changes["security"] = Security(params["security"])
        return changes
    if kind is DoctorFixKind.SET_HOST:
        return {"host": str(params["host"])}
    raise ValueError(f"not an account fix: {kind}")


def needs_window(finding: Finding) -> bool:
    """A fix that cannot be applied to stored settings alone (it signs in through the browser)."""
    return finding.fix is not None and finding.fix.kind is DoctorFixKind.SIGN_IN_MICROSOFT


def _change_account(account: SmtpAccount | None, changes: dict[str, object]) -> SmtpAccount:
    if account is None:
        raise ValueError("the account this fix is for no longer exists")
    return account.with_changes(**changes)


def apply_fix(
    finding: Finding, settings: OfficeSettings, employees: list[Employee]
) -> tuple[OfficeSettings, list[Employee]]:
    """The settings and employees with ``finding``'s fix applied; the inputs are left untouched.

    Raises ``ValueError`` when the finding has no fix or what it points at is gone.
    """
    fix = finding.fix
    if fix is None:
        raise ValueError(f"{finding.code} has no automatic fix")
    if needs_window(finding):
        raise ValueError(f"{finding.code} is fixed by signing in, in the window")
    employees = list(employees)
    if fix.kind is DoctorFixKind.CLEAR_COMPANY_SMTP:
        return replace(settings, company_smtp=None), employees
    if fix.kind is DoctorFixKind.SET_CONTACT_MODE:
        return replace(settings, contact_mode=ContactMode(fix.params["mode"])), employees
    if fix.kind is DoctorFixKind.COPY_SMTP_TO_COMPANY:
        source = next((e for e in employees if e.id == fix.params["employee_id"]), None)
        if source is None or source.smtp is None:
            raise ValueError("the employee whose account should be copied no longer has one")
        return replace(settings, company_smtp=source.smtp), employees

    changes = _account_changes(finding)
    if finding.subject == SUBJECT_COMPANY:
        return replace(settings, company_smtp=_change_account(settings.company_smtp, changes)), employees
    if finding.subject == SUBJECT_DEFAULT:
        return replace(settings, default_server=_change_account(settings.default_server, changes)), employees
    for index, employee in enumerate(employees):
        if employee.id is not None and employee.id == finding.employee_id:
            employees[index] = replace(employee, smtp=_change_account(employee.smtp, changes))
            return settings, employees
    raise ValueError(f"no account for {finding.subject}")


def apply_and_save(finding: Finding, store: SettingsStore, secrets: Secrets) -> None:
    """Apply ``finding``'s fix to what is stored now, save what changed, move passwords along."""
    settings = store.load_settings()
    employees = store.list_employees()
    new_settings, new_employees = apply_fix(finding, settings, employees)
    assert finding.fix is not None
    # A fix changes either the settings or one employee, so this is one transaction; only the
    # fields it changes are written, so a change made elsewhere meanwhile is kept (or, when the
    # same field changed, the save is refused). Passwords move only once it is saved
    # (SecretStore.set never raises: it falls back to memory).
    if new_settings != settings:
        store.save_settings(new_settings, base=settings)
    for old, new in zip(employees, new_employees, strict=True):
        if old != new:
            store.save_employee(new, base=old)
    if finding.fix.copy_secret is not None:
        source_key, target_key = finding.fix.copy_secret
        password = secrets.get(source_key)
        if password:
            secrets.set(target_key, password)
    if finding.fix.forget_secret is not None:
        secrets.delete(finding.fix.forget_secret)
