"""A demo session runs the sample agency end to end, and leaves nothing behind when it stops."""

from __future__ import annotations

import re
import socket
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest
import requests

from smtpdesk.core.message import build_test_message
from smtpdesk.core.model import AuthMethod, ContactMode, Employee, employee_account, oauth_token_key
from smtpdesk.core.oauth import endpoints_for, sign_in
from smtpdesk.core.oauth.tokens import TokenSource
from smtpdesk.core.routing import resolve
from smtpdesk.core.smtp import engine
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.demo.accounts import COMPANY_MAILBOX, PEOPLE, TOMASZ_MAILBOX, DemoPerson
from smtpdesk.demo.server import CapturedMessage
from smtpdesk.demo.session import DATA_DIR_PREFIX, DemoSession

RECIPIENT = "klient@example.test"
TIMEOUTS = engine.Timeouts(connect=3.0, greeting=3.0, command=3.0, data=5.0, probe=1.0)


@pytest.fixture
def session() -> Iterator[DemoSession]:
    running = DemoSession.start()
    try:
        yield running
    finally:
        running.stop()


def employee_of(session: DemoSession, person: DemoPerson) -> Employee:
    return next(e for e in session.store.list_employees() if e.email == person.email)


def send_test_mail(session: DemoSession, employee: Employee) -> RunResult:
    """What the window's test button does: route, build the mail, send it with the stored password."""
    settings = session.store.load_settings()
    route = resolve(settings, employee)
    assert route.account is not None and route.account_key is not None
    token_provider = None
    if route.account.uses_oauth:
        token_provider = TokenSource(settings.oauth, session.secrets).stored(
            route.account.auth_method, route.account_key
        )
    message = build_test_message(
        sender=route.sender,
        sender_name=route.sender_name,
        recipient=RECIPIENT,
        footer=route.footer,
        reply_to=route.reply_to,
    )
    request = engine.MailTestRequest(
        account=route.account,
        password=session.secrets.get(route.account_key),
        sender=route.sender,
        recipient=RECIPIENT,
        message=message,
        timeouts=TIMEOUTS,
        token_provider=token_provider,
    )
    return engine.run_test(request)


def bodies(message: CapturedMessage) -> tuple[EmailMessage, str, str]:
    parsed = message.parsed()
    plain = parsed.get_body(preferencelist=("plain",))
    html = parsed.get_body(preferencelist=("html",))
    assert isinstance(plain, EmailMessage) and isinstance(html, EmailMessage)
    return parsed, str(plain.get_content()), str(html.get_content())


def test_start_opens_a_private_folder_with_the_seeded_agency_and_a_running_server(session):
    folder = session.data_dir
    assert folder.name.startswith(DATA_DIR_PREFIX)
    assert folder.parent == Path(tempfile.gettempdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert session.store.is_configured()
    assert len(session.store.list_employees()) == len(PEOPLE)
    assert session.server.running
    assert Path(session.server.ca_file).parent == folder
    assert session.store.load_settings().company_smtp == session.server.account(COMPANY_MAILBOX.login)


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: f"{p.first_name}-{p.expected}")
def test_each_agents_test_mail_ends_as_the_demo_promises(session, person: DemoPerson):
    employee = employee_of(session, person)

    result = send_test_mail(session, employee)

    assert result.code == person.expected, result.server_reply
    assert result.diagnosis is not None and result.diagnosis.code == person.expected
    captured = session.server.messages()
    if person.expected != "ok":
        assert captured == []
        return
    [mail] = captured
    # Agent contact mode: the agent's own address and contact, without the company logo.
    parsed, plain, html = bodies(mail)
    assert parsed["From"].addresses[0].addr_spec == person.email
    assert parsed["From"].addresses[0].display_name == f"{person.first_name} {person.last_name}"
    assert mail.mail_from == person.email
    assert mail.rcpt_tos == (RECIPIENT,)
    assert mail.login == (person.mailbox or COMPANY_MAILBOX).login
    for line in (f"{person.first_name} {person.last_name}", person.phone, person.email):
        assert line in plain
        assert line in html
    assert "cid:" not in html


def test_the_failures_carry_the_servers_own_words(session):
    by_code = {p.expected: p for p in PEOPLE}
    auth = send_test_mail(session, employee_of(session, by_code["auth_failed"]))
    sender = send_test_mail(session, employee_of(session, by_code["sender_not_allowed"]))

    assert "535 5.7.8 Error: authentication failed" in (auth.server_reply or "")
    marek = by_code["sender_not_allowed"]
    assert marek.mailbox is not None
    assert f"553 5.7.1 <{marek.email}>: Sender address rejected: not owned by user {marek.mailbox.login}" in (
        sender.server_reply or ""
    )


def test_in_company_mode_every_mail_leaves_as_the_office_with_its_logo_and_website(session):
    settings = session.store.load_settings()
    session.store.save_settings(replace(settings, contact_mode=ContactMode.COMPANY))
    company = settings.company
    # Even Marek, whose own login may send only as itself, goes through the company account now.
    marek = next(p for p in PEOPLE if p.expected == "sender_not_allowed")

    result = send_test_mail(session, employee_of(session, marek))

    assert result.code == "ok", result.server_reply
    [mail] = session.server.messages()
    parsed, plain, html = bodies(mail)
    assert mail.login == COMPANY_MAILBOX.login
    assert parsed["From"].addresses[0].addr_spec == company.email
    assert parsed["From"].addresses[0].display_name == company.name
    assert parsed["Reply-To"].addresses[0].addr_spec == marek.email
    for line in (company.name, company.address, company.phone, company.email, company.website):
        assert line in plain
        assert line in html
    assert marek.phone not in plain
    [logo] = [part for part in parsed.walk() if part.get("Content-ID")]
    assert logo.get_content_type() == "image/png"
    assert logo.get_payload(decode=True) == company.logo
    assert f'src="cid:{logo["Content-ID"].strip("<>")}"' in html


def test_stop_closes_the_store_frees_the_port_and_removes_the_folder():
    session = DemoSession.start()
    folder, port = session.data_dir, session.server.port
    session.stop()

    assert not folder.exists()
    assert not session.server.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=3).close()
    session.stop()  # stopping twice is harmless
    assert not folder.exists()


def test_a_session_used_as_a_context_manager_cleans_up_after_an_error():
    with pytest.raises(KeyError), DemoSession.start() as session:
        folder = session.data_dir
        assert folder.is_dir()
        raise KeyError("anything")
    assert session.stopped
    assert not folder.exists()


def test_demo_passwords_never_reach_the_keychain_or_the_database(session, memory_keyring):
    assert memory_keyring.entries == {}
    database = b"".join(p.read_bytes() for p in session.data_dir.iterdir() if p.is_file())
    for person in PEOPLE:
        if person.password_to_store:
            assert person.password_to_store.encode() not in database
    assert COMPANY_MAILBOX.password.encode() not in database


def consent_in_browser(session: DemoSession) -> Callable[[str], None]:
    """The newcomer's browser: opens the demo's sign-in page, clicks "Zezwól", follows the redirect."""
    assert session.oauth is not None
    sign_in_server = session.oauth

    def browse(url: str) -> None:
        with requests.Session() as browser:
            browser.trust_env = False
            page = browser.get(sign_in_server.browser_url(url), timeout=5)
            assert page.status_code == 200 and "Zezwól" in page.text
            ticket = re.search(r"name='ticket' value='([^']+)'", page.text)
            assert ticket is not None
            done = browser.get(
                f"{sign_in_server.server.browser_base}/approve", params={"ticket": ticket.group(1)}, timeout=5
            )
            assert "Zalogowano" in done.text

    return browse


def test_the_microsoft_365_agent_signs_in_through_the_demo_and_sends(session):
    person = next(p for p in PEOPLE if p.mailbox is TOMASZ_MAILBOX)
    employee = employee_of(session, person)
    assert employee.smtp is not None and employee.smtp.auth_method is AuthMethod.OAUTH_MICROSOFT
    settings = session.store.load_settings()
    assert settings.oauth.microsoft_authority.startswith("https://127.0.0.1:")

    result = sign_in(
        endpoints_for(AuthMethod.OAUTH_MICROSOFT, settings.oauth),
        consent_in_browser(session),
        login_hint=person.email,
        timeout=10,
    )
    assert result.account == person.email
    assert employee.id is not None
    session.secrets.set(oauth_token_key(employee_account(employee.id)), result.refresh_token)

    sent = send_test_mail(session, employee)

    assert sent.ok, sent.diagnosis.explanation if sent.diagnosis else sent
    [mail] = session.server.messages()
    assert mail.login == person.email and mail.mail_from == person.email
    assert any(line.text == "AUTH XOAUTH2 ********" for line in sent.transcript)


def test_a_password_for_the_microsoft_365_mailbox_is_refused_as_microsoft_does(session):
    account = session.server.account(TOMASZ_MAILBOX.login).with_changes(auth_method=AuthMethod.PASSWORD)
    request = engine.MailTestRequest(
        account=account,
        password="cokolwiek",
        sender=TOMASZ_MAILBOX.login,
        recipient=RECIPIENT,
        login_only=True,
        timeouts=TIMEOUTS,
    )
    result = engine.run_test(request)
    assert result.code == "auth_disabled_by_provider"
