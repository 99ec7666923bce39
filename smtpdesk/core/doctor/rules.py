"""The doctor's rules: the reference help page's advice and common mistakes, checked in order.

Each rule reads the stored settings (never the network) and yields findings that name the user's
own values. ``RULES`` is the ordered table; ``run_doctor`` runs it and sorts the findings by
severity, keeping the table's order within one severity.

Decisions worth knowing:

* Agent mode with the company SMTP filled in is reported when employees without their own account
  would send through it as their own address (warning, no fix: clearing it would move them to the
  default server), or, as a note with the fix "clear the company SMTP", when every employee has an
  own account and the company account is therefore unused. An employee whose address is the
  company address (or the company account's login) justifies it: the page's first paragraph asks
  for the company SMTP then, and clearing it would only bring back that finding.
* A missing password is an error for an account that mail goes through now, and a note for one
  the current contact mode does not use (an agent's own account in company mode).
* Company mode without a company SMTP offers "switch to the agent's contact" only when every
  employee has an own account, because only then does that switch make mail go through real
  accounts.
* Missing passwords are checked only for accounts with a login (a relay authorised by address has
  none). A locked or absent keychain is one application-wide finding, not one per account.
"""

from __future__ import annotations

from smtpdesk.core.doctor.account_rules import (
    incoming_mail_port,
    incoming_server_host,
    plaintext_auth,
    port_25,
    port_security_mismatch,
)
from smtpdesk.core.doctor.context import Context, Rule, SecretStates
from smtpdesk.core.doctor.employee_rules import duplicate_email, employee_without_email
from smtpdesk.core.doctor.findings import Finding
from smtpdesk.core.doctor.oauth_rules import microsoft_password_sign_in
from smtpdesk.core.doctor.password_rules import passwords
from smtpdesk.core.doctor.route_rules import (
    agent_mode_company_smtp,
    company_email_missing,
    company_login_differs,
    company_mode_own_smtp_unused,
    company_mode_without_company_smtp,
    employee_email_is_company_email,
    employee_login_differs,
    employee_without_smtp,
    no_server_at_all,
)
from smtpdesk.core.model import Employee, OfficeSettings

RULES: tuple[Rule, ...] = (
    no_server_at_all,
    company_mode_without_company_smtp,
    company_mode_own_smtp_unused,
    company_email_missing,
    agent_mode_company_smtp,
    employee_email_is_company_email,
    employee_without_smtp,
    employee_without_email,
    company_login_differs,
    employee_login_differs,
    incoming_server_host,
    incoming_mail_port,
    port_security_mismatch,
    port_25,
    plaintext_auth,
    microsoft_password_sign_in,
    passwords,
    duplicate_email,
)

# Every code a rule can produce (stable identifiers for the CLI's JSON and the GUI).
DOCTOR_CODES: tuple[str, ...] = (
    "no_server_at_all",
    "company_mode_without_company_smtp",
    "company_mode_own_smtp_unused",
    "company_email_missing",
    "agent_mode_company_smtp",
    "employee_email_is_company_email",
    "employee_without_smtp",
    "employee_without_email",
    "company_login_differs",
    "employee_login_differs",
    "incoming_server_host",
    "incoming_mail_port",
    "port_security_mismatch",
    "port_25",
    "plaintext_auth",
    "microsoft_password_sign_in",
    "password_missing",
    "keychain_locked",
    "keychain_unavailable",
    "password_session_only",
    "duplicate_email",
)


def run_doctor(settings: OfficeSettings, employees: list[Employee], secrets: SecretStates) -> list[Finding]:
    """All findings, errors first; within one severity in the order of ``RULES``."""
    ctx = Context(
        settings=settings,
        employees=tuple(employees),
        secrets=secrets,
        session_only=bool(getattr(secrets, "session_only", False)),
    )
    findings = [finding for rule in RULES for finding in rule(ctx)]
    return sorted(findings, key=lambda finding: finding.severity.rank)
