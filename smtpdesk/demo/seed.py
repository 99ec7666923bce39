"""Fills an empty store with the sample agency of demo mode, its accounts pointing at the demo server."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    DEFAULT_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OAuthApps,
    OfficeSettings,
    employee_account,
)
from smtpdesk.core.people.accounts import People
from smtpdesk.demo.accounts import COMPANY_MAILBOX, DOMAIN, PEOPLE
from smtpdesk.paths import resource_path

if TYPE_CHECKING:
    from smtpdesk.core.secrets import SecretStore
    from smtpdesk.core.store import Store
    from smtpdesk.demo.server import DemoServer

LOGO_FILE = "demo-logo.png"  # mail clients need a raster image; the SVG is its source


def demo_company() -> Company:
    return Company(
        name="Nieruchomości Pod Dębem Sp. z o.o.",
        address="ul. Dębowa 12 lok. 3, 30-001 Kraków",
        phone="+48 12 345 67 89",
        email=COMPANY_MAILBOX.login,
        website=f"www.{DOMAIN}",
        logo=resource_path(LOGO_FILE).read_bytes(),
        logo_mime="image/png",
    )


def demo_settings(server: DemoServer) -> OfficeSettings:
    """Agent contact mode; the company account (which may send as anyone) is both the company SMTP
    and the application's default server, so employees without an own account can still send."""
    company_account = server.account(COMPANY_MAILBOX.login)
    return OfficeSettings(
        company=demo_company(),
        contact_mode=ContactMode.AGENT,
        company_smtp=company_account,
        giodo=Giodo(password_change_days=30, giodo_password_format=True, hide_client_contacts=True),
        default_server=company_account,
        default_server_sender=COMPANY_MAILBOX.login,
    )


def seed_demo(store: Store, secrets: SecretStore, server: DemoServer, oauth: OAuthApps | None = None) -> None:
    """Save the sample agency into ``store`` and its passwords into ``secrets``.

    ``server`` must be running: the accounts carry its port and CA file.
    """
    settings = demo_settings(server)
    if oauth is not None:
        settings = replace(settings, oauth=oauth)
    store.save_settings(settings)
    secrets.set(COMPANY_ACCOUNT, COMPANY_MAILBOX.password)
    secrets.set(DEFAULT_ACCOUNT, COMPANY_MAILBOX.password)
    people = People(store)
    admin: Employee | None = None
    for person in PEOPLE:
        saved = store.save_employee(
            Employee(
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                phone=person.phone,
                role=person.role,
                smtp=server.account(person.mailbox.login) if person.mailbox else None,
            )
        )
        if person.mailbox is not None and saved.id is not None:
            secrets.set(employee_account(saved.id), person.password_to_store)
        admin = admin or saved  # the office manager comes first and gives everyone their sign-in
        people.assign_password(saved, person.sign_in_password, by=admin)
