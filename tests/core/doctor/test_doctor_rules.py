"""Every doctor rule: when it fires, what it says (with the user's values), and when it stays quiet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from smtpdesk.core.doctor import (
    DOCTOR_CODES,
    SUBJECT_APP,
    SUBJECT_COMPANY,
    SUBJECT_DEFAULT,
    DoctorFixKind,
    Finding,
    Severity,
    apply_fix,
    employee_subject,
    run_doctor,
)
from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    OfficeSettings,
    Security,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore

COMPANY = Company(name="Biuro Nieruchomości Źródło", email="biuro@zrodlo.pl", phone="22 123 45 67")
COMPANY_SMTP = SmtpAccount(host="smtp.zrodlo.pl", port=587, username="biuro@zrodlo.pl")
DEFAULT = SmtpAccount(host="smtp.domyslny.example", port=587, username="relay@domyslny.example")


def agent(id_: int, first: str, last: str, email: str, smtp: SmtpAccount | None = None) -> Employee:
    return Employee(id=id_, first_name=first, last_name=last, email=email, smtp=smtp)


def own(email: str, **changes: object) -> SmtpAccount:
    return SmtpAccount(host="smtp.zrodlo.pl", port=587, username=email).with_changes(**changes)


ANNA = agent(1, "Anna", "Łęcka", "anna@zrodlo.pl", own("anna@zrodlo.pl"))
JAN = agent(2, "Jan", "Żółw", "jan@zrodlo.pl", own("jan@zrodlo.pl"))


def store_passwords(secrets: SecretStore, *keys: str) -> None:
    for key in keys:
        secrets.set(key, "Hasło-łódź-1")


def check(settings: OfficeSettings, employees: list[Employee], secrets: SecretStore) -> list[Finding]:
    return run_doctor(settings, employees, secrets)


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [f.code for f in findings]
    return matching[0]


def both_languages(finding: Finding) -> tuple[str, str]:
    pl, en = finding.explanation.text("pl"), finding.explanation.text("en")
    assert pl != en and "{" not in pl + en and "}" not in pl + en
    assert finding.title.text("pl") and finding.title.text("en")
    return pl, en


def agent_office(**changes: object) -> OfficeSettings:
    return replace(OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT), **changes)  # type: ignore[arg-type]


def company_office(**changes: object) -> OfficeSettings:
    base = OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=COMPANY_SMTP)
    return replace(base, **changes)  # type: ignore[arg-type]


# --- healthy offices say nothing ------------------------------------------------------------------


def test_a_healthy_agent_office_has_no_findings(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1), employee_account(2))
    assert check(agent_office(), [ANNA, JAN], secrets) == []


def test_a_healthy_company_office_has_no_findings(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT)
    # In company mode nobody needs an own account (one would be unused: see below).
    assert check(company_office(), [replace(ANNA, smtp=None), replace(JAN, smtp=None)], secrets) == []


# --- where mail goes ------------------------------------------------------------------------------


def test_no_server_anywhere_is_an_error_for_the_whole_office(secrets: SecretStore) -> None:
    findings = check(agent_office(), [replace(ANNA, smtp=None)], secrets)
    finding = only(findings, "no_server_at_all")
    assert finding.severity is Severity.ERROR and finding.subject == SUBJECT_APP
    pl, _ = both_languages(finding)
    assert "Pracownicy" in pl
    assert only(findings, "employee_without_smtp").severity is Severity.ERROR


def test_agent_mode_company_smtp_used_by_employees_without_own_account(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1))
    findings = check(agent_office(company_smtp=COMPANY_SMTP), [ANNA, replace(JAN, smtp=None)], secrets)
    finding = only(findings, "agent_mode_company_smtp")
    assert finding.severity is Severity.WARNING and finding.subject == SUBJECT_COMPANY
    assert finding.fix is None  # clearing it would send Jan's mail through the default server
    pl, en = both_languages(finding)
    assert "Jan Żółw" in pl and "biuro@zrodlo.pl" in pl and "smtp.zrodlo.pl" in pl
    assert "Sender address reject" in pl and "Sender address reject" in en
    assert "Anna" not in pl


def test_agent_mode_company_smtp_unused_can_be_cleared(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1), employee_account(2))
    office = agent_office(company_smtp=COMPANY_SMTP)
    finding = only(check(office, [ANNA, JAN], secrets), "agent_mode_company_smtp")
    assert finding.severity is Severity.INFO
    assert finding.fix is not None and finding.fix.kind is DoctorFixKind.CLEAR_COMPANY_SMTP
    assert finding.fix.forget_secret == COMPANY_ACCOUNT
    fixed, employees = apply_fix(finding, office, [ANNA, JAN])
    assert fixed.company_smtp is None
    assert check(fixed, employees, secrets) == []


def test_agent_mode_company_smtp_for_the_office_address_is_what_the_page_asks(secrets: SecretStore) -> None:
    office_manager = agent(3, "Ewa", "Biurowa", "biuro@zrodlo.pl")
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1))
    findings = check(agent_office(company_smtp=COMPANY_SMTP), [ANNA, office_manager], secrets)
    assert findings == []


@pytest.mark.parametrize(("with_default", "severity"), [(True, Severity.WARNING), (False, Severity.ERROR)])
def test_company_mode_without_company_smtp(
    secrets: SecretStore, with_default: bool, severity: Severity
) -> None:
    office = company_office(company_smtp=None, default_server=DEFAULT if with_default else None)
    store_passwords(secrets, DEFAULT_ACCOUNT)
    finding = only(check(office, [replace(JAN, smtp=None)], secrets), "company_mode_without_company_smtp")
    assert finding.severity is severity
    pl, _ = both_languages(finding)
    assert "biuro@zrodlo.pl" in pl and "Kontakt do firmy / biura" in pl
    if with_default:
        assert "home.pl" in pl and "smtp.domyslny.example" in pl
    assert finding.fix is None  # Jan has no own account: switching mode would not help him


def test_company_mode_without_company_smtp_offers_the_agent_mode_when_everyone_has_an_account(
    secrets: SecretStore,
) -> None:
    store_passwords(secrets, employee_account(1), employee_account(2), DEFAULT_ACCOUNT)
    office = company_office(company_smtp=None, default_server=DEFAULT)
    finding = only(check(office, [ANNA, JAN], secrets), "company_mode_without_company_smtp")
    assert finding.fix is not None and finding.fix.kind is DoctorFixKind.SET_CONTACT_MODE
    assert "Kontakt do aktualnie zalogowanego agenta" in finding.fix.label.text("pl")
    fixed, employees = apply_fix(finding, office, [ANNA, JAN])
    assert fixed.contact_mode is ContactMode.AGENT
    assert check(fixed, employees, secrets) == []


def test_company_mode_without_company_email(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT)
    office = company_office(company=replace(COMPANY, email=""), company_smtp=COMPANY_SMTP)
    finding = only(check(office, [], secrets), "company_email_missing")
    assert finding.severity is Severity.ERROR
    assert "Dane firmy" in both_languages(finding)[0]


def test_agent_mode_does_not_need_a_company_email(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    office = agent_office(company=replace(COMPANY, email=""))
    assert "company_email_missing" not in {f.code for f in check(office, [ANNA], secrets)}


def test_employee_with_the_company_address_and_no_company_smtp_can_copy_their_account(
    secrets: SecretStore,
) -> None:
    office_manager = agent(3, "Ewa", "Biurowa", "biuro@zrodlo.pl", own("biuro@zrodlo.pl"))
    store_passwords(secrets, employee_account(3))
    office = agent_office()
    finding = only(check(office, [office_manager], secrets), "employee_email_is_company_email")
    assert finding.severity is Severity.WARNING
    assert finding.subject == employee_subject(3) and finding.employee_id == 3
    pl, _ = both_languages(finding)
    assert "biuro@zrodlo.pl" in pl and "Ewa Biurowa" in pl and "Pozostałe ustawienia" in pl
    assert finding.fix is not None and finding.fix.kind is DoctorFixKind.COPY_SMTP_TO_COMPANY
    assert finding.fix.copy_secret == (employee_account(3), COMPANY_ACCOUNT)
    fixed, _ = apply_fix(finding, office, [office_manager])
    assert fixed.company_smtp == office_manager.smtp


def test_employee_with_the_company_address_without_any_account_gets_no_fix(secrets: SecretStore) -> None:
    office_manager = agent(3, "Ewa", "Biurowa", "Biuro@Zrodlo.pl")
    finding = only(check(agent_office(), [office_manager], secrets), "employee_email_is_company_email")
    assert finding.fix is None
    assert "employee_without_smtp" not in {f.code for f in check(agent_office(), [office_manager], secrets)}


@pytest.mark.parametrize(("with_default", "severity"), [(True, Severity.WARNING), (False, Severity.ERROR)])
def test_agent_without_own_account(secrets: SecretStore, with_default: bool, severity: Severity) -> None:
    store_passwords(secrets, employee_account(1), DEFAULT_ACCOUNT)
    office = agent_office(default_server=DEFAULT if with_default else None)
    finding = only(check(office, [ANNA, replace(JAN, smtp=None)], secrets), "employee_without_smtp")
    assert finding.severity is severity
    assert finding.subject == employee_subject(2)
    pl, _ = both_languages(finding)
    assert "Jan Żółw" in pl and "jan@zrodlo.pl" in pl
    if with_default:
        assert "home.pl" in pl and "smtp.domyslny.example" in pl


# --- who the accounts may send as -----------------------------------------------------------------


def test_company_login_different_from_the_company_address(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT)
    office = company_office(company_smtp=replace(COMPANY_SMTP, username="wysylka@zrodlo.pl"))
    finding = only(check(office, [], secrets), "company_login_differs")
    assert finding.severity is Severity.WARNING
    pl, en = both_languages(finding)
    assert "wysylka@zrodlo.pl" in pl and "biuro@zrodlo.pl" in pl and "Sender address reject" in en


def test_company_login_as_local_part_is_fine(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT)
    office = company_office(company_smtp=replace(COMPANY_SMTP, username="biuro"))
    assert check(office, [], secrets) == []


def test_employee_login_different_from_their_address(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    alias = replace(ANNA, smtp=own("a.lecka@zrodlo.pl"))
    finding = only(check(agent_office(), [alias], secrets), "employee_login_differs")
    pl, _ = both_languages(finding)
    assert "a.lecka@zrodlo.pl" in pl and "anna@zrodlo.pl" in pl and "Sender address reject" in pl


# --- server, port and security --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "security", "wanted"),
    [
        (465, Security.STARTTLS, Security.SSL),
        (465, Security.NONE, Security.SSL),
        (587, Security.SSL, Security.STARTTLS),
        (25, Security.SSL, Security.STARTTLS),
    ],
)
def test_port_and_security_that_do_not_match(
    secrets: SecretStore, port: int, security: Security, wanted: Security
) -> None:
    store_passwords(secrets, employee_account(1))
    wrong = replace(ANNA, smtp=own("anna@zrodlo.pl", port=port, security=security))
    finding = only(check(agent_office(), [wrong], secrets), "port_security_mismatch")
    assert finding.severity is Severity.ERROR and finding.subject == employee_subject(1)
    pl, _ = both_languages(finding)
    assert f"port {port}" in pl and "smtp.zrodlo.pl" in pl and "Anna Łęcka" in pl
    assert finding.fix is not None and finding.fix.params == {"security": wanted.value}
    _, employees = apply_fix(finding, agent_office(), [wrong])
    assert employees[0].smtp is not None and employees[0].smtp.security is wanted
    assert "port_security_mismatch" not in {f.code for f in check(agent_office(), employees, secrets)}


@pytest.mark.parametrize(
    ("port", "security"), [(465, Security.AUTO), (465, Security.SSL), (587, Security.AUTO)]
)
def test_matching_port_and_security_are_fine(secrets: SecretStore, port: int, security: Security) -> None:
    store_passwords(secrets, employee_account(1))
    fine = replace(ANNA, smtp=own("anna@zrodlo.pl", port=port, security=security))
    assert check(agent_office(), [fine], secrets) == []


def test_mismatch_on_the_company_and_the_default_account_is_fixed_there(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT, DEFAULT_ACCOUNT)
    office = company_office(
        company_smtp=replace(COMPANY_SMTP, port=465, security=Security.STARTTLS),
        default_server=replace(DEFAULT, security=Security.SSL),
    )
    findings = [f for f in check(office, [], secrets) if f.code == "port_security_mismatch"]
    assert {f.subject for f in findings} == {SUBJECT_COMPANY, SUBJECT_DEFAULT}
    for finding in findings:
        office, _ = apply_fix(finding, office, [])
    assert office.company_smtp is not None and office.company_smtp.security is Security.SSL
    assert office.default_server is not None and office.default_server.security is Security.STARTTLS
    assert check(office, [], secrets) == []


@pytest.mark.parametrize(
    ("port", "security", "fixed_port", "fixed_security"),
    [
        (993, Security.SSL, 465, Security.SSL),
        (143, Security.STARTTLS, 587, Security.STARTTLS),
        (110, Security.AUTO, 587, Security.AUTO),
    ],
)
def test_incoming_mail_port(
    secrets: SecretStore, port: int, security: Security, fixed_port: int, fixed_security: Security
) -> None:
    store_passwords(secrets, employee_account(1))
    wrong = replace(ANNA, smtp=own("anna@zrodlo.pl", port=port, security=security))
    finding = only(check(agent_office(), [wrong], secrets), "incoming_mail_port")
    assert finding.severity is Severity.ERROR
    assert str(port) in both_languages(finding)[0]
    _, employees = apply_fix(finding, agent_office(), [wrong])
    smtp = employees[0].smtp
    assert smtp is not None and (smtp.port, smtp.security) == (fixed_port, fixed_security)
    assert check(agent_office(), employees, secrets) == []


def test_port_25_is_often_blocked(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    old = replace(ANNA, smtp=own("anna@zrodlo.pl", port=25))
    finding = only(check(agent_office(), [old], secrets), "port_25")
    assert finding.severity is Severity.WARNING
    assert "587" in both_languages(finding)[0]
    _, employees = apply_fix(finding, agent_office(), [old])
    assert employees[0].smtp is not None and employees[0].smtp.port == 587
    assert check(agent_office(), employees, secrets) == []


def test_port_25_on_this_computer_is_fine(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    local = replace(ANNA, smtp=own("anna@zrodlo.pl", host="127.0.0.1", port=25))
    assert check(agent_office(), [local], secrets) == []


@pytest.mark.parametrize(
    ("host", "suggested"),
    [
        ("imap.zrodlo.pl", "smtp.zrodlo.pl"),
        ("pop3.poczta.pl", "smtp.poczta.pl"),
        ("POP.x.com.pl", "smtp.x.com.pl"),
    ],
)
def test_incoming_server_name(secrets: SecretStore, host: str, suggested: str) -> None:
    store_passwords(secrets, employee_account(1))
    wrong = replace(ANNA, smtp=own("anna@zrodlo.pl", host=host))
    finding = only(check(agent_office(), [wrong], secrets), "incoming_server_host")
    assert finding.severity is Severity.WARNING
    assert suggested in both_languages(finding)[0]
    assert finding.fix is not None and suggested in finding.fix.label.text("pl")
    _, employees = apply_fix(finding, agent_office(), [wrong])
    assert employees[0].smtp is not None and employees[0].smtp.host == suggested


@pytest.mark.parametrize("host", ["mail.zrodlo.pl", "poczta.o2.pl", "imap.pl", "smtp.imap.pl"])
def test_other_server_names_are_not_questioned(secrets: SecretStore, host: str) -> None:
    store_passwords(secrets, employee_account(1))
    assert check(agent_office(), [replace(ANNA, smtp=own("anna@zrodlo.pl", host=host))], secrets) == []


def test_password_allowed_in_clear(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    clear = replace(
        ANNA, smtp=own("anna@zrodlo.pl", port=2525, security=Security.NONE, allow_plaintext_auth=True)
    )
    finding = only(check(agent_office(), [clear], secrets), "plaintext_auth")
    assert finding.severity is Severity.WARNING
    assert "smtp.zrodlo.pl:2525" in both_languages(finding)[0]
    local = replace(clear, smtp=own("anna@zrodlo.pl", host="localhost", security=Security.NONE))
    assert check(agent_office(), [local], secrets) == []


# --- employees ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "severity"), [(ContactMode.AGENT, Severity.ERROR), (ContactMode.COMPANY, Severity.WARNING)]
)
def test_employee_without_email(secrets: SecretStore, mode: ContactMode, severity: Severity) -> None:
    store_passwords(secrets, employee_account(1), COMPANY_ACCOUNT)
    office = agent_office(
        contact_mode=mode, company_smtp=COMPANY_SMTP if mode is ContactMode.COMPANY else None
    )
    finding = only(check(office, [replace(ANNA, email="")], secrets), "employee_without_email")
    assert finding.severity is severity
    assert "Anna Łęcka" in both_languages(finding)[0]


def test_duplicate_addresses_name_both_employees(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1), employee_account(2))
    twin = replace(JAN, email="ANNA@zrodlo.pl", smtp=own("ANNA@zrodlo.pl"))
    finding = only(check(agent_office(), [ANNA, twin], secrets), "duplicate_email")
    assert finding.subject == employee_subject(2)
    pl, _ = both_languages(finding)
    assert "Jan Żółw" in pl and "Anna Łęcka" in pl


# --- passwords ------------------------------------------------------------------------------------


def test_a_stored_account_without_its_password(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(2))
    findings = check(agent_office(), [ANNA, JAN], secrets)
    finding = only(findings, "password_missing")
    assert finding.severity is Severity.ERROR and finding.subject == employee_subject(1)
    pl, _ = both_languages(finding)
    assert "anna@zrodlo.pl" in pl and "smtp.zrodlo.pl" in pl


def test_a_missing_password_of_an_account_not_used_now_is_a_note(secrets: SecretStore) -> None:
    store_passwords(secrets, COMPANY_ACCOUNT)
    finding = only(check(company_office(), [ANNA], secrets), "password_missing")
    assert finding.severity is Severity.INFO  # Anna's own account is used only in agent mode
    assert finding.subject == employee_subject(1)


def test_an_account_without_login_needs_no_password(secrets: SecretStore) -> None:
    relay = replace(ANNA, smtp=own("", host="relay.zrodlo.pl"))
    assert check(agent_office(), [relay], secrets) == []


def test_the_demo_keeps_passwords_in_memory_without_a_finding() -> None:
    demo = SecretStore(session_only=True)
    demo.set(employee_account(1), "x")
    assert check(agent_office(), [ANNA], demo) == []


@pytest.mark.usefixtures("locked_keyring")
def test_a_locked_keychain_is_one_finding_for_all_accounts(secrets: SecretStore) -> None:
    finding = only(check(agent_office(), [ANNA, JAN], secrets), "keychain_locked")
    assert finding.severity is Severity.WARNING and finding.subject == SUBJECT_APP
    pl, _ = both_languages(finding)
    assert "Anna Łęcka" in pl and "Jan Żółw" in pl


@pytest.mark.usefixtures("no_keyring")
def test_no_keychain_at_all(secrets: SecretStore) -> None:
    finding = only(check(agent_office(), [ANNA], secrets), "keychain_unavailable")
    assert finding.severity is Severity.WARNING
    secrets.set(employee_account(1), "Hasło-łódź-1")
    finding = only(check(agent_office(), [ANNA], secrets), "password_session_only")
    assert finding.severity is Severity.INFO


# --- the whole table --------------------------------------------------------------------------------


def test_findings_are_sorted_errors_first(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    employees = [
        replace(ANNA, smtp=own("anna@zrodlo.pl", port=25)),  # warning
        agent(3, "Piotr", "Bez", ""),  # error: no e-mail in agent mode
        agent(4, "Ola", "Info", "ola@zrodlo.pl", own("ola@zrodlo.pl")),  # error: no password
    ]
    findings = check(agent_office(default_server=DEFAULT), employees, secrets)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks) and ranks[0] == Severity.ERROR.rank


def test_json_of_a_finding(secrets: SecretStore) -> None:
    store_passwords(secrets, employee_account(1))
    wrong = replace(ANNA, smtp=own("anna@zrodlo.pl", port=465, security=Security.STARTTLS))
    document = only(check(agent_office(), [wrong], secrets), "port_security_mismatch").to_json("en")
    assert document == {
        "code": "port_security_mismatch",
        "severity": "error",
        "subject": "employee:1",
        "employee_id": 1,
        "about": "the SMTP account of Anna Łęcka",
        "title": "Port 465 with STARTTLS",
        "explanation": document["explanation"],
        "fix": {"kind": "set_security", "params": {"security": "ssl"}, "label": "Set security to SSL/TLS"},
    }
    assert "smtp.zrodlo.pl" in document["explanation"]


# The smallest office that shows each code; the keychain codes need a keychain state as well.
SCENARIOS: dict[str, tuple[str | None, OfficeSettings, list[Employee]]] = {
    "no_server_at_all": (None, agent_office(), []),
    "company_mode_without_company_smtp": (None, company_office(company_smtp=None), []),
    "company_email_missing": (None, company_office(company=replace(COMPANY, email="")), []),
    "agent_mode_company_smtp": (None, agent_office(company_smtp=COMPANY_SMTP), [replace(JAN, smtp=None)]),
    "employee_email_is_company_email": (None, agent_office(), [agent(3, "Ewa", "B", "biuro@zrodlo.pl")]),
    "employee_without_smtp": (None, agent_office(), [replace(JAN, smtp=None)]),
    "employee_without_email": (None, agent_office(), [agent(3, "Ewa", "B", "")]),
    "company_login_differs": (None, company_office(company_smtp=own("x@zrodlo.pl")), []),
    "employee_login_differs": (None, agent_office(), [replace(ANNA, smtp=own("x@zrodlo.pl"))]),
    "incoming_server_host": (
        None,
        agent_office(),
        [replace(ANNA, smtp=own("anna@zrodlo.pl", host="imap.a.pl"))],
    ),
    "incoming_mail_port": (None, agent_office(), [replace(ANNA, smtp=own("anna@zrodlo.pl", port=993))]),
    "port_security_mismatch": (
        None,
        agent_office(),
        [replace(ANNA, smtp=own("anna@zrodlo.pl", port=465, security=Security.STARTTLS))],
    ),
    "port_25": (None, agent_office(), [replace(ANNA, smtp=own("anna@zrodlo.pl", port=25))]),
    "plaintext_auth": (
        None,
        agent_office(),
        [replace(ANNA, smtp=own("anna@zrodlo.pl", security=Security.NONE, allow_plaintext_auth=True))],
    ),
    "microsoft_password_sign_in": (
        None,
        agent_office(),
        [replace(ANNA, smtp=own("anna@zrodlo.pl", host="smtp.office365.com"))],
    ),
    "password_missing": (None, agent_office(), [ANNA]),
    "keychain_locked": ("locked_keyring", agent_office(), [ANNA]),
    "keychain_unavailable": ("no_keyring", agent_office(), [ANNA]),
    "password_session_only": ("no_keyring", agent_office(), [ANNA]),
    "duplicate_email": (None, agent_office(), [ANNA, replace(JAN, email="anna@zrodlo.pl")]),
    "company_mode_own_smtp_unused": (None, company_office(), [ANNA]),
}


def test_every_code_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(DOCTOR_CODES)


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_each_code_is_produced_and_explained_in_both_languages(
    request: pytest.FixtureRequest, code: str
) -> None:
    keychain, office, employees = SCENARIOS[code]
    if keychain is not None:
        request.getfixturevalue(keychain)
    secrets = SecretStore()
    if code == "password_session_only":
        secrets.set(employee_account(1), "Hasło-łódź-1")
    elif code != "password_missing" and keychain is None:
        store_passwords(secrets, *(employee_account(e.id) for e in employees if e.id is not None))
    finding = next(f for f in run_doctor(office, employees, secrets) if f.code == code)
    both_languages(finding)


# --- an employee's own account that company mode leaves unused -------------------------------------


def test_company_mode_names_an_own_account_that_is_not_used(secrets):
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1), employee_account(2))
    ewa = agent(3, "Ewa", "Kamińska", "ewa@zrodlo.pl")  # no own account: nothing to say about her
    settings = OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=COMPANY_SMTP)
    findings = [f for f in check(settings, [ANNA, ewa], secrets) if f.code == "company_mode_own_smtp_unused"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.WARNING
    assert finding.subject == employee_subject(1)
    assert finding.title.pl == "Własne konto SMTP pracownika Anna Łęcka nie jest używane"
    text = finding.explanation.pl
    assert "anna@zrodlo.pl na smtp.zrodlo.pl" in text and "(smtp.zrodlo.pl)" in text
    assert "Kontakt do aktualnie zalogowanego agenta" in text
    assert finding.fix is None  # Ewa has no own account: switching would leave her without one


def test_when_every_agent_has_an_own_account_the_doctor_offers_agent_mode(secrets):
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1), employee_account(2))
    settings = OfficeSettings(company=COMPANY, contact_mode=ContactMode.COMPANY, company_smtp=COMPANY_SMTP)
    findings = [f for f in check(settings, [ANNA, JAN], secrets) if f.code == "company_mode_own_smtp_unused"]
    assert {f.subject for f in findings} == {employee_subject(1), employee_subject(2)}
    fix = findings[0].fix
    assert fix is not None and fix.kind is DoctorFixKind.SET_CONTACT_MODE
    fixed, _ = apply_fix(findings[0], settings, [ANNA, JAN])
    assert fixed.contact_mode is ContactMode.AGENT


def test_agent_mode_uses_own_accounts_and_says_nothing_about_them(secrets):
    store_passwords(secrets, COMPANY_ACCOUNT, employee_account(1))
    settings = OfficeSettings(company=COMPANY, contact_mode=ContactMode.AGENT, company_smtp=COMPANY_SMTP)
    assert not [f for f in check(settings, [ANNA], secrets) if f.code == "company_mode_own_smtp_unused"]
