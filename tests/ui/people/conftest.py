"""A started program on an office with an administrator and an agent whose own account is on a
real SMTP server on 127.0.0.1; the clock is the test's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OfficeSettings,
    employee_account,
)
from smtpdesk.core.people.accounts import People
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.application import GuiSession, start_gui
from tests.fixtures.people import AGENT_EMAIL, FakeClock, Staff, add_staff
from tests.fixtures.smtp_servers import RunningServer

AGENT_MAILBOX_PASSWORD = "Skrzynka-Anny-5"
CLIENT = "jan.kowalski@klient-domena.pl"


@dataclass
class Office:
    data_dir: Path
    staff: Staff
    server: RunningServer
    colleague: Employee
    clock: FakeClock
    _opened: list[Store] = field(default_factory=list)

    def people(self) -> People:
        """The sign-in rules on a store of their own (as another program on this desktop)."""
        self._opened.append(Store.open(self.data_dir))
        return People(self._opened[-1], self.clock)

    def close(self) -> None:
        for store in self._opened:
            store.close()


@pytest.fixture
def office(data_dir: Path, clock: FakeClock, smtp_server) -> Iterator[Office]:
    server = smtp_server(users={AGENT_EMAIL: AGENT_MAILBOX_PASSWORD, "biuro@biuro.test": "Firmowe-1"})
    with Store.open(data_dir) as store:
        store.save_settings(
            OfficeSettings(
                company=Company(name="Biuro Pod Lipą", email="biuro@biuro.test", phone="+48 22 100 20 30"),
                contact_mode=ContactMode.AGENT,
                company_smtp=server.account(username="biuro@biuro.test"),
                giodo=Giodo(password_change_days=0, giodo_password_format=True, hide_client_contacts=True),
            )
        )
        staff = add_staff(store, clock)
        agent = store.save_employee(
            replace(staff.agent, smtp=server.account(username=AGENT_EMAIL)), base=staff.agent
        )
        staff.agent = agent
        colleague = store.save_employee(
            Employee(
                first_name="Piotr",
                last_name="Zieliński",
                email="piotr@biuro.test",
                smtp=server.account(host="smtp.piotra.test", port=2525, username="piotr-sekret-login"),
            )
        )
    assert agent.id is not None and colleague.id is not None
    secrets = SecretStore()
    secrets.set(employee_account(agent.id), AGENT_MAILBOX_PASSWORD)
    secrets.set(employee_account(colleague.id), "Haslo-Piotra-9")
    secrets.set(COMPANY_ACCOUNT, "Firmowe-1")
    opened = Office(data_dir, staff, server, colleague, clock)
    yield opened
    opened.close()


@pytest.fixture
def sessions(qapp) -> Iterator[list[GuiSession]]:
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[GuiSession], office: Office, clock: FakeClock) -> GuiSession:
    session = start_gui(["--data-dir", str(office.data_dir)], clock=clock)
    sessions.append(session)
    return session
