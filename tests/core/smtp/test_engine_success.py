"""A test mail that goes through: over STARTTLS, over implicit TLS, with Polish credentials, or
only logging in."""

from __future__ import annotations

from email import message_from_bytes, policy

from smtpdesk.core.model import Security
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.smtp.result import ProgressEvent, Stage, StageState
from tests.fixtures.smtp_servers import DEFAULT_LOGIN, RECIPIENT, build_request


def _events(events: list[ProgressEvent]) -> list[tuple[str, str]]:
    return [(e.stage.value, e.state.value) for e in events]


def test_starttls_send_delivers_the_message_and_reports_every_stage(smtp_server):
    server = smtp_server()
    events: list[ProgressEvent] = []

    result = run_test(build_request(server.account(), lang="en"), on_progress=events.append)

    assert result.ok and result.code == "ok"
    assert result.diagnosis.code == "ok"
    assert result.security_used is Security.STARTTLS
    assert result.stage is Stage.QUIT
    [message] = server.messages
    assert message.login == DEFAULT_LOGIN
    assert message.mail_from == DEFAULT_LOGIN
    assert message.rcpt_tos == [RECIPIENT]
    parsed = message_from_bytes(message.data, policy=policy.default)
    assert parsed["To"] == RECIPIENT
    assert parsed["Message-ID"]
    # The queue id the server printed is the one the user is shown.
    assert result.queue_id and f"queued as {result.queue_id}" in result.server_reply
    assert set(result.timings_ms) == {s.value for s in Stage if s is not Stage.CONFIG}
    ok_order = [stage for stage, state in _events(events) if state == "ok"]
    assert ok_order == [
        "dns",
        "connect",
        "greeting",
        "ehlo",
        "tls",
        "ehlo",
        "auth",
        "mail",
        "rcpt",
        "data",
        "quit",
    ]
    assert all(e.duration_ms is not None for e in events if e.state is StageState.OK)
    texts = [line.text for line in result.transcript]
    assert "STARTTLS" in texts
    assert any(t.startswith("TLS established: TLSv1.") for t in texts)
    assert any(t.startswith("Certificate verified for 127.0.0.1") for t in texts)
    assert [t for t in texts if t.startswith("AUTH")] == ["AUTH PLAIN ********"]
    assert result.transcript == sorted(result.transcript, key=lambda line: line.t_ms)


def test_implicit_tls_send_goes_through(smtp_server):
    server = smtp_server(mode="implicit")

    result = run_test(build_request(server.account()))

    assert result.code == "ok"
    assert result.security_used is Security.SSL
    assert len(server.messages) == 1
    assert "STARTTLS" not in [line.text for line in result.transcript]


def test_polish_login_and_password_are_sent_as_utf8(smtp_server):
    login, password = "żaneta.wójcik", "Zażółć gęślą jaźń €"
    server = smtp_server(users={login: password}, auth_mechanisms=("PLAIN",))

    result = run_test(build_request(server.account(), password, sender="zaneta@biuro.test"))

    assert result.code == "ok"
    assert server.auth_logins == [login]
    assert server.messages[0].login == login


def test_polish_password_over_auth_login(smtp_server):
    server = smtp_server(auth_mechanisms=("LOGIN",))

    result = run_test(build_request(server.account(), server.password, login_only=True))

    assert result.code == "ok"
    texts = [line.text for line in result.transcript]
    start = texts.index("AUTH LOGIN")
    # The 334 questions stay readable, the answers (login and password) do not.
    assert texts[start + 1].startswith("334 ") and texts[start + 2] == "********"
    assert texts[start + 3].startswith("334 ") and texts[start + 4] == "********"


def test_login_only_stops_after_auth_and_sends_nothing(smtp_server):
    server = smtp_server()
    events: list[ProgressEvent] = []

    result = run_test(build_request(server.account(), login_only=True), on_progress=events.append)

    assert result.code == "ok" and result.login_only
    assert server.messages == []
    assert server.auth_logins == [DEFAULT_LOGIN]
    skipped = [stage for stage, state in _events(events) if state == "skipped"]
    assert skipped == ["mail", "rcpt", "data"]
    assert result.server_reply.startswith("235")
    assert "quit" in result.timings_ms and "mail" not in result.timings_ms
    assert result.queue_id is None


def test_ehlo_name_is_plain_ascii(smtp_server):
    server = smtp_server()

    run_test(build_request(server.account(), login_only=True))

    assert server.ehlo_names
    for name in server.ehlo_names:
        assert name.isascii() and (name == "[127.0.0.1]" or "." in name)


def test_given_ehlo_name_is_used(smtp_server):
    server = smtp_server()

    run_test(build_request(server.account(), login_only=True, ehlo_name="biuro.example.pl"))

    assert server.ehlo_names == ["biuro.example.pl", "biuro.example.pl"]


def test_run_without_login_on_an_open_relay(smtp_server):
    server = smtp_server(auth_required=False)

    result = run_test(build_request(server.account(username=""), None, sender="biuro@biuro.test"))

    assert result.code == "ok"
    assert server.auth_commands == 0
    assert server.messages[0].login is None


def test_given_message_bytes_are_sent_with_crlf_and_dot_stuffing(smtp_server):
    server = smtp_server()
    body = b"Subject: test\n\n.line starting with a dot\nsecond line\n"

    result = run_test(build_request(server.account(), message=body))

    assert result.code == "ok"
    assert server.messages[0].data == b"Subject: test\r\n\r\n.line starting with a dot\r\nsecond line\r\n"
