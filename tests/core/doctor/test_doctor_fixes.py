"""One-click fixes: a pure change of the settings, then saved to a real store with passwords moved."""

from __future__ import annotations

from dataclasses import replace

import pytest

from smtpdesk.core.doctor import Finding, apply_and_save, apply_fix, run_doctor
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store

PASSWORD = "Hasło-łódź-1"
COMPANY = Company(name="Biuro Źródło", email="biuro@zrodlo.pl")


def finding(store: Store, secrets: SecretStore, code: str) -> Finding:
    findings = run_doctor(store.load_settings(), store.list_employees(), secrets)
    return next(f for f in findings if f.code == code)


def codes(store: Store, secrets: SecretStore) -> set[str]:
    return {f.code for f in run_doctor(store.load_settings(), store.list_employees(), secrets)}


def test_apply_fix_leaves_its_inputs_untouched() -> None:
    smtp = SmtpAccount(host="smtp.zrodlo.pl", port=465, username="a@zrodlo.pl", security=Security.STARTTLS)
    employees = [Employee(id=1, first_name="Anna", email="a@zrodlo.pl", smtp=smtp)]
    settings = OfficeSettings(company=COMPANY)
    found = next(
        f for f in run_doctor(settings, employees, SecretStore()) if f.code == "port_security_mismatch"
    )
    new_settings, new_employees = apply_fix(found, settings, employees)
    assert employees[0].smtp is smtp and smtp.security is Security.STARTTLS
    assert new_employees is not employees and new_settings == settings
    assert new_employees[0].smtp is not None and new_employees[0].smtp.security is Security.SSL


def test_a_finding_without_a_fix_cannot_be_applied() -> None:
    settings = OfficeSettings(company=COMPANY)
    found = next(f for f in run_doctor(settings, [], SecretStore()) if f.code == "no_server_at_all")
    with pytest.raises(ValueError):
        apply_fix(found, settings, [])


def test_a_fix_for_an_employee_who_is_gone_is_refused(store: Store, secrets: SecretStore) -> None:
    anna = store.save_employee(
        Employee(
            first_name="Anna",
            email="a@zrodlo.pl",
            smtp=SmtpAccount(host="smtp.zrodlo.pl", port=25, username="a@zrodlo.pl"),
        )
    )
    found = finding(store, secrets, "port_25")
    assert anna.id is not None
    store.delete_employee(anna.id)
    with pytest.raises(ValueError):
        apply_and_save(found, store, secrets)
    assert store.list_employees() == []


def test_an_employee_account_fix_is_saved_and_the_finding_is_gone(store: Store, secrets: SecretStore) -> None:
    anna = store.save_employee(
        Employee(
            first_name="Anna",
            last_name="Łęcka",
            email="anna@zrodlo.pl",
            smtp=SmtpAccount(host="imap.zrodlo.pl", port=587, username="anna@zrodlo.pl"),
        )
    )
    assert anna.id is not None
    secrets.set(employee_account(anna.id), PASSWORD)
    store.save_settings(OfficeSettings(company=COMPANY))

    apply_and_save(finding(store, secrets, "incoming_server_host"), store, secrets)

    saved = store.get_employee(anna.id)
    assert saved is not None and saved.smtp is not None and saved.smtp.host == "smtp.zrodlo.pl"
    assert replace(saved, smtp=anna.smtp) == anna  # nothing else changed
    assert codes(store, secrets) == set()


def test_copying_an_employees_account_to_the_company_copies_its_password(
    store: Store, secrets: SecretStore
) -> None:
    smtp = SmtpAccount(host="smtp.zrodlo.pl", port=465, username="biuro@zrodlo.pl", security=Security.SSL)
    ewa = store.save_employee(Employee(first_name="Ewa", email="biuro@zrodlo.pl", smtp=smtp))
    assert ewa.id is not None
    secrets.set(employee_account(ewa.id), PASSWORD)
    store.save_settings(OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT))

    apply_and_save(finding(store, secrets, "employee_email_is_company_email"), store, secrets)

    assert store.load_settings().company_smtp == smtp
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert secrets.get(employee_account(ewa.id)) == PASSWORD
    assert codes(store, secrets) == set()


def test_clearing_an_unused_company_smtp_forgets_its_password(store: Store, secrets: SecretStore) -> None:
    own = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="anna@zrodlo.pl")
    anna = store.save_employee(Employee(first_name="Anna", email="anna@zrodlo.pl", smtp=own))
    assert anna.id is not None
    secrets.set(employee_account(anna.id), PASSWORD)
    company_smtp = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl")
    store.save_settings(
        OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT, company_smtp=company_smtp)
    )
    secrets.set(COMPANY_ACCOUNT, PASSWORD)

    apply_and_save(finding(store, secrets, "agent_mode_company_smtp"), store, secrets)

    assert store.load_settings().company_smtp is None
    assert secrets.get(COMPANY_ACCOUNT) is None
    assert codes(store, secrets) == set()


def test_switching_the_contact_mode_is_saved(store: Store, secrets: SecretStore) -> None:
    own = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="anna@zrodlo.pl")
    anna = store.save_employee(Employee(first_name="Anna", email="anna@zrodlo.pl", smtp=own))
    assert anna.id is not None
    secrets.set(employee_account(anna.id), PASSWORD)
    store.save_settings(OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY))

    apply_and_save(finding(store, secrets, "company_mode_without_company_smtp"), store, secrets)

    assert store.load_settings().contact_mode is ContactMode.AGENT
    assert codes(store, secrets) == set()


def test_a_company_account_fix_is_saved(store: Store, secrets: SecretStore) -> None:
    company_smtp = SmtpAccount(
        host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl", security=Security.SSL
    )
    store.save_settings(
        OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=company_smtp)
    )
    secrets.set(COMPANY_ACCOUNT, PASSWORD)

    apply_and_save(finding(store, secrets, "port_security_mismatch"), store, secrets)

    saved = store.load_settings().company_smtp
    assert saved == replace(company_smtp, security=Security.STARTTLS)
    assert codes(store, secrets) == set()
