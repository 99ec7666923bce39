"""The embedded demo server speaks SMTP like a provider, keeps what it accepts and frees its port."""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpdesk.core.smtp import engine
from smtpdesk.demo.accounts import ANNA_MAILBOX, COMPANY_MAILBOX, MAREK_MAILBOX, PIOTR_MAILBOX
from smtpdesk.demo.server import CapturedMessage, DemoServer

TIMEOUT = 5.0
RAW = "From: x\r\nTo: y\r\nSubject: Demo\r\n\r\nZażółć gęślą jaźń\r\n".encode()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[DemoServer]:
    with DemoServer(tmp_path) as running:
        yield running


def trusted_context(server: DemoServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(server.ca_file))


@contextlib.contextmanager
def client(server: DemoServer, *, tls: bool = True) -> Iterator[smtplib.SMTP]:
    connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    try:
        connection.ehlo()
        if tls:
            connection.starttls(context=trusted_context(server))
            connection.ehlo()
        yield connection
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.quit()
        connection.close()


def can_listen_on(port: int) -> bool:
    """Whether a new server could listen on ``port`` (as asyncio's servers bind: SO_REUSEADDR)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind(("127.0.0.1", port))
        probe.listen(1)
        return True
    except OSError:
        return False
    finally:
        probe.close()


def test_password_is_accepted_only_inside_tls_with_a_certificate_the_demo_ca_vouches_for(server):
    assert server.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
    with client(server, tls=False) as plain:
        assert plain.has_extn("starttls")
        assert not plain.has_extn("auth"), "AUTH must not be offered on an unencrypted line"
        code, _reply = plain.docmd("AUTH", "PLAIN")
        assert code == 538
    # smtplib verifies the certificate against the demo CA and the name 127.0.0.1 it connected to.
    with client(server) as secure:
        assert "PLAIN" in secure.esmtp_features["auth"]
        secure.login(ANNA_MAILBOX.login, ANNA_MAILBOX.password)


def test_the_certificate_is_refused_by_a_client_that_does_not_trust_the_demo_ca(server):
    connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    try:
        connection.ehlo()
        with pytest.raises(ssl.SSLCertVerificationError):
            connection.starttls(context=ssl.create_default_context())
    finally:
        connection.close()


def test_a_wrong_password_gets_the_postfix_authentication_failure(server):
    with client(server) as secure, pytest.raises(smtplib.SMTPAuthenticationError) as failure:
        secure.login(PIOTR_MAILBOX.login, "Zielen-Piotr-2023")
    assert failure.value.smtp_code == 535
    assert failure.value.smtp_error == b"5.7.8 Error: authentication failed"


def test_an_unknown_login_gets_the_same_authentication_failure(server):
    with client(server) as secure, pytest.raises(smtplib.SMTPAuthenticationError) as failure:
        secure.login("nikt@poddebem.test", COMPANY_MAILBOX.password)
    assert failure.value.smtp_code == 535


def test_mail_is_refused_before_logging_in(server):
    with client(server) as secure, pytest.raises(smtplib.SMTPSenderRefused) as refused:
        secure.sendmail(ANNA_MAILBOX.login, ["klient@example.test"], RAW)
    assert refused.value.smtp_code == 530
    assert server.messages() == []


def test_a_personal_mailbox_may_send_only_as_its_own_login(server):
    with client(server) as secure:
        secure.login(MAREK_MAILBOX.login, MAREK_MAILBOX.password)
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            secure.sendmail("marek.dabrowski@poddebem.test", ["klient@example.test"], RAW)
        assert refused.value.smtp_code == 553
        assert refused.value.smtp_error.decode() == (
            "5.7.1 <marek.dabrowski@poddebem.test>: Sender address rejected: "
            "not owned by user marek@poddebem.test"
        )
        secure.rset()
        secure.sendmail(MAREK_MAILBOX.login, ["klient@example.test"], RAW)
    assert [m.mail_from for m in server.messages()] == [MAREK_MAILBOX.login]


def test_the_company_mailbox_may_send_as_anyone_and_the_mail_is_kept_with_its_login(server):
    with client(server) as secure:
        secure.login(COMPANY_MAILBOX.login, COMPANY_MAILBOX.password)
        refused = secure.sendmail(
            "ewa.kaminska@poddebem.test", ["klient@example.test", "b@example.test"], RAW
        )
    assert refused == {}
    [message] = server.messages()
    assert message.mail_from == "ewa.kaminska@poddebem.test"
    assert message.rcpt_tos == ("klient@example.test", "b@example.test")
    assert message.login == COMPANY_MAILBOX.login
    assert message.data == RAW
    assert message.parsed()["Subject"] == "Demo"
    assert len(message.queue_id) == 10


def test_listeners_hear_each_mail_from_the_server_thread_and_clear_forgets_the_mails(server):
    heard: list[tuple[CapturedMessage, str]] = []
    arrived = threading.Event()

    def listener(message: CapturedMessage) -> None:
        heard.append((message, threading.current_thread().name))
        arrived.set()

    server.add_listener(listener)
    with client(server) as secure:
        secure.login(ANNA_MAILBOX.login, ANNA_MAILBOX.password)
        secure.sendmail(ANNA_MAILBOX.login, ["klient@example.test"], RAW)
    assert arrived.wait(TIMEOUT)
    [(message, thread)] = heard
    assert thread != threading.current_thread().name
    assert server.messages() == [message]

    server.remove_listener(listener)
    server.clear()
    assert server.messages() == []
    with client(server) as secure:
        secure.login(ANNA_MAILBOX.login, ANNA_MAILBOX.password)
        secure.sendmail(ANNA_MAILBOX.login, ["klient@example.test"], RAW)
    assert len(heard) == 1
    assert len(server.messages()) == 1


def test_a_failing_listener_does_not_make_the_server_refuse_mail(server, caplog):
    def broken(message: CapturedMessage) -> None:
        raise RuntimeError("viewer closed")

    server.add_listener(broken)
    with client(server) as secure:
        secure.login(ANNA_MAILBOX.login, ANNA_MAILBOX.password)
        assert secure.sendmail(ANNA_MAILBOX.login, ["klient@example.test"], RAW) == {}
    assert len(server.messages()) == 1
    assert "demo inbox listener failed" in caplog.text


@pytest.mark.parametrize(
    ("login", "password", "sender", "code"),
    [
        (ANNA_MAILBOX.login, ANNA_MAILBOX.password, ANNA_MAILBOX.login, "ok"),
        (PIOTR_MAILBOX.login, "Zielen-Piotr-2023", PIOTR_MAILBOX.login, "auth_failed"),
        (MAREK_MAILBOX.login, MAREK_MAILBOX.password, "marek.dabrowski@poddebem.test", "sender_not_allowed"),
        (COMPANY_MAILBOX.login, COMPANY_MAILBOX.password, "ewa.kaminska@poddebem.test", "ok"),
    ],
    ids=["own-account", "wrong-password", "foreign-sender", "company-as-anyone"],
)
def test_the_engine_diagnoses_each_kind_of_demo_mailbox(server, login, password, sender, code):
    request = engine.MailTestRequest(
        account=server.account(login), password=password, sender=sender, recipient="klient@example.test"
    )

    result = engine.run_test(request)

    assert result.code == code, result.server_reply
    assert [m.mail_from for m in server.messages()] == ([sender] if code == "ok" else [])


def test_a_login_only_check_sends_nothing(server):
    request = engine.MailTestRequest(
        account=server.account(ANNA_MAILBOX.login),
        password=ANNA_MAILBOX.password,
        sender=ANNA_MAILBOX.login,
        recipient=ANNA_MAILBOX.login,
        login_only=True,
    )

    assert engine.run_test(request).code == "ok"
    assert server.messages() == []


def test_accounts_point_at_the_running_server_and_trust_its_ca(server):
    account = server.account(ANNA_MAILBOX.login.upper())
    assert (account.host, account.port, account.username) == ("127.0.0.1", server.port, ANNA_MAILBOX.login)
    assert account.ca_file == str(server.ca_file)
    with pytest.raises(KeyError):
        server.account("nikt@poddebem.test")


def test_stop_closes_open_connections_and_frees_the_port(tmp_path):
    server = DemoServer(tmp_path)
    server.start()
    port = server.port
    assert not can_listen_on(port)
    idle = smtplib.SMTP(server.host, port, timeout=TIMEOUT)  # a client that never says QUIT
    idle.ehlo()
    idle.starttls(context=trusted_context(server))
    try:
        server.stop()
        assert not server.running
        assert can_listen_on(port)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT).close()
        with pytest.raises((smtplib.SMTPServerDisconnected, OSError)):
            idle.noop()
    finally:
        idle.close()
    server.stop()  # a second stop is harmless


def test_a_stopped_server_starts_again_on_a_fresh_port_with_a_fresh_certificate(tmp_path):
    server = DemoServer(tmp_path)
    with server:
        first_ca = server.ca_file.read_text()
        with pytest.raises(RuntimeError):
            server.start()
    with server, client(server) as secure:
        assert server.ca_file.read_text() != first_ca
        secure.login(ANNA_MAILBOX.login, ANNA_MAILBOX.password)
    with pytest.raises(RuntimeError):
        server.account(ANNA_MAILBOX.login)
