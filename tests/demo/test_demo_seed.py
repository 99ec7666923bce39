"""The sample agency: a plausible Polish office whose accounts cover every outcome of the help page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpdesk.core.model import COMPANY_ACCOUNT, DEFAULT_ACCOUNT, ContactMode, Role, employee_account
from smtpdesk.core.people.accounts import People
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.demo.accounts import COMPANY_MAILBOX, PEOPLE
from smtpdesk.demo.seed import seed_demo
from smtpdesk.demo.server import DemoServer
from smtpdesk.paths import resource_path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def seeded(store: Store, data_dir: Path) -> Iterator[tuple[Store, SecretStore, DemoServer]]:
    secrets = SecretStore(session_only=True)
    with DemoServer(data_dir) as server:
        seed_demo(store, secrets, server)
        yield store, secrets, server


def test_the_agency_has_polish_company_data_a_logo_and_a_website(seeded):
    store, _secrets, _server = seeded
    settings = store.load_settings()
    company = settings.company
    assert company.name == "Nieruchomości Pod Dębem Sp. z o.o."
    assert "Kraków" in company.address
    assert company.phone.startswith("+48 ")
    assert company.email == COMPANY_MAILBOX.login
    assert company.website.endswith(".test")
    assert company.logo is not None and company.logo.startswith(PNG_SIGNATURE)
    assert company.logo_mime == "image/png"
    assert settings.contact_mode is ContactMode.AGENT
    assert settings.giodo.password_change_days > 0


def test_the_shipped_logo_is_a_small_landscape_png_made_from_the_svg():
    png = resource_path("demo-logo.png").read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (400, 128)
    assert len(png) < 40_000
    assert "Pod Dębem" in resource_path("demo-logo.svg").read_text(encoding="utf-8")


def test_company_and_default_server_are_the_company_account_on_the_demo_server(seeded):
    store, secrets, server = seeded
    settings = store.load_settings()
    company_account = server.account(COMPANY_MAILBOX.login)
    assert settings.company_smtp == company_account
    assert settings.default_server == company_account
    assert settings.default_server_sender == COMPANY_MAILBOX.login
    assert secrets.get(COMPANY_ACCOUNT) == COMPANY_MAILBOX.password
    assert secrets.get(DEFAULT_ACCOUNT) == COMPANY_MAILBOX.password


def test_six_employees_in_both_roles_each_with_the_account_the_story_needs(seeded):
    store, secrets, server = seeded
    employees = {e.email: e for e in store.list_employees()}
    assert len(employees) == 6
    assert {e.role for e in employees.values()} == {Role.ADMIN, Role.AGENT}
    for person in PEOPLE:
        employee = employees[person.email]
        assert (employee.first_name, employee.last_name, employee.phone) == (
            person.first_name,
            person.last_name,
            person.phone,
        )
        assert employee.id is not None
        if person.mailbox is None:
            assert not employee.has_own_smtp
            assert secrets.get(employee_account(employee.id)) is None
        else:
            assert employee.smtp == server.account(person.mailbox.login)
            assert (secrets.get(employee_account(employee.id)) or "") == person.password_to_store
    outcomes = sorted(p.expected for p in PEOPLE)
    assert outcomes == ["auth_failed", "oauth_sign_in_expired", "ok", "ok", "ok", "sender_not_allowed"]


def test_the_stories_differ_as_promised():
    by_code = {p.expected: p for p in PEOPLE if p.mailbox is not None}
    wrong = by_code["auth_failed"]
    assert wrong.mailbox is not None and wrong.password_to_store != wrong.mailbox.password
    rejected = by_code["sender_not_allowed"]
    assert rejected.mailbox is not None and rejected.mailbox.login != rejected.email
    assert not rejected.mailbox.send_as_anyone
    assert COMPANY_MAILBOX.send_as_anyone
    assert any(p.mailbox is None and p.role is Role.AGENT for p in PEOPLE)


def test_the_demo_passwords_are_not_in_the_repr_of_its_people_and_mailboxes():
    for person in PEOPLE:
        shown = repr(person)
        assert person.email in shown
        assert person.password_to_store == "" or person.password_to_store not in shown
        if person.mailbox is not None and person.mailbox.password:
            assert person.mailbox.password not in shown
            assert person.mailbox.password not in repr(person.mailbox)


def test_everyone_in_the_sample_agency_signs_in_with_the_published_password(seeded):
    store, _secrets, _server = seeded
    people = People(store)
    for person in PEOPLE:
        assert person.sign_in_password, f"{person.first_name} has no published sign-in"
        answer = people.sign_in(person.email, person.sign_in_password)
        assert answer.ok, (person.first_name, answer.message)
        assert answer.person is not None and answer.person.role is person.role
        assert answer.change_required is None  # the demo opens straight away
