"""A real store, keychain wrapper and SMTP form for the test-feature GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

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
from smtpdesk.core.smtp.engine import Timeouts
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.buttons import MailTestButtons
from smtpdesk.ui.mailtest.dialog import MailTestDialog
from smtpdesk.ui.widgets.smtp_section import SmtpSection
from tests.fixtures.smtp_servers import DEFAULT_PASSWORD as PASSWORD
from tests.fixtures.smtp_servers import RunningServer

WAIT_MS = 5000
# Against a silent server only "Anuluj" (or quitting) can end a run this long.
SLOW_TIMEOUTS = Timeouts(connect=5, greeting=30, command=30, data=30, probe=30)


@pytest.fixture
def form(qtbot, secrets: SecretStore) -> Iterator[SmtpSection]:
    """An SMTP form in a shown window, as in the employee dialog."""
    window = QWidget()
    qtbot.addWidget(window)
    section = SmtpSection(secrets)
    QVBoxLayout(window).addWidget(section)
    window.resize(720, 420)
    window.show()
    yield section  # the generator keeps the window alive for the test


def fill(section: SmtpSection, account: SmtpAccount, password: str = "") -> None:
    """Types ``account`` into the form as a user would (the CA file is not a form field)."""
    section.load(SmtpAccount(ca_file=account.ca_file), section.account_key)
    section.host_edit.setText(account.host)
    section.port_edit.setText(str(account.port))
    section.username_edit.setText(account.username)
    section.security_combo.setCurrentIndex(section.security_combo.findData(account.security.value))
    section.password_field.set_text(password)


def run_to_end(qtbot, buttons: MailTestButtons, *, login_only: bool = False) -> MailTestDialog:
    """Opens the test window of ``buttons`` and waits until its run has a result."""
    dialog = buttons.test(login_only=login_only)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.run_result is not None, timeout=WAIT_MS)
    return dialog


@dataclass
class Office:
    employees: list[Employee]
    expected: dict[int, str]  # employee id -> a piece of the status they must show
    servers: dict[str, RunningServer]


@pytest.fixture
def office(store: Store, secrets: SecretStore, smtp_server, closed_port) -> Office:
    """20 employees: working accounts, wrong passwords, a closed port, SSL/TLS on a STARTTLS
    port, and three without an own account who send through the company account."""
    good = smtp_server(
        users={f"agent{n}@biuro.test": PASSWORD for n in range(20)} | {"biuro@biuro.test": PASSWORD}
    )
    plain_tls = smtp_server()
    store.save_settings(
        OfficeSettings(
            company=Company(name="Biuro Nieruchomości Łódź", email="biuro@biuro.test"),
            contact_mode=ContactMode.AGENT,
            company_smtp=good.account(username="biuro@biuro.test"),
        )
    )
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    employees: list[Employee] = []
    expected: dict[int, str] = {}
    for n in range(20):
        login = f"agent{n}@biuro.test"
        password = PASSWORD
        if n < 9:
            account, outcome = good.account(username=login), "✓"
        elif n < 13:
            account, outcome, password = (
                good.account(username=login),
                "✗ Serwer nie przyjął loginu lub hasła",
                "złe",
            )
        elif n < 15:
            account, outcome = closed_port.account(username=login), "✗"
        elif n < 17:
            account, outcome = plain_tls.account(username=login, security=Security.SSL), "✗"
        else:
            account, outcome = None, "✓"  # through the company account
        employee = store.save_employee(
            Employee(first_name="Agent", last_name=f"Nr {n}", email=login, smtp=account)
        )
        assert employee.id is not None
        if account is not None:
            secrets.set(employee_account(employee.id), password)
        employees.append(employee)
        expected[employee.id] = outcome
    return Office(employees, expected, {"good": good})
