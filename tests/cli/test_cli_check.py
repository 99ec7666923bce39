"""``smtpdesk check --host ...`` against real SMTP servers on 127.0.0.1."""

from __future__ import annotations

import base64
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smtpdesk.app import main
from tests.fixtures.smtp_servers import DEFAULT_LOGIN as ANNA
from tests.fixtures.smtp_servers import DEFAULT_PASSWORD as PASSWORD

PASSWORD_ENV = "SMTPDESK_TEST_PASSWORD"
REPO = Path(__file__).resolve().parents[2]
JSON_FIELDS = {
    "ok",
    "code",
    "stage",
    "title",
    "explanation",
    "steps",
    "fix",
    "server_reply",
    "transcript",
    "timings_ms",
    "elapsed_ms",
}


def password_forms(password: str, login: str = ANNA) -> list[str]:
    """Every form in which a password could leak: as typed, UTF-8 bytes, base64 (LOGIN and PLAIN)."""
    raw, user = password.encode("utf-8"), login.encode("utf-8")
    return [
        password,
        repr(raw)[2:-1],
        raw.hex(),
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + user + b"\0" + raw).decode(),
        base64.b64encode(user + b"\0" + user + b"\0" + raw).decode(),
    ]


def assert_no_password(text: str, password: str = PASSWORD) -> None:
    for form in password_forms(password):
        assert form not in text


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def server_args(server, *extra: str, user: str = ANNA) -> list[str]:
    return [
        "--host",
        server.host,
        "--port",
        str(server.port),
        "--user",
        user,
        "--password-env",
        PASSWORD_ENV,
        "--ca-file",
        server.ca_file,
        *extra,
    ]


def one_json_object(out: str) -> dict:
    decoder = json.JSONDecoder()
    data, end = decoder.raw_decode(out)
    assert out[end:].strip() == "", "more than one JSON object on stdout"
    assert isinstance(data, dict)
    return data


@pytest.fixture
def password_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    return PASSWORD


def test_success_over_starttls_prints_one_json_object(smtp_server, password_env, capsys):
    server = smtp_server(mode="starttls")
    status, out, err = check(capsys, *server_args(server, "--security", "starttls", "--json"))

    assert status == 0, out + err
    data = one_json_object(out)
    assert data.keys() >= JSON_FIELDS
    assert data["ok"] is True
    assert data["code"] == "ok"
    assert data["title"]
    assert isinstance(data["steps"], list)
    assert data["host"] == server.host
    assert data["port"] == server.port
    assert data["security_used"] == "starttls"
    assert {"connect", "tls", "auth", "data"} <= data["timings_ms"].keys()
    assert data["elapsed_ms"] > 0
    assert data["transcript"]
    for line in data["transcript"]:
        assert line["dir"] in ("client", "server", "info")
        assert isinstance(line["text"], str)
        assert isinstance(line["t_ms"], (int, float))
    assert any(line["text"].upper().startswith("STARTTLS") for line in data["transcript"])
    # The sender defaults to the login, the recipient to the sender.
    [received] = server.messages
    assert received.login == ANNA
    assert received.mail_from == ANNA
    assert received.rcpt_tos == [ANNA]
    assert_no_password(out + err)


def test_success_over_implicit_tls(smtp_server, password_env, capsys):
    server = smtp_server(mode="implicit")
    status, out, _ = check(capsys, *server_args(server, "--security", "ssl", "--json"))
    assert status == 0, out
    data = one_json_object(out)
    assert data["security_used"] == "ssl"
    assert len(server.messages) == 1


@pytest.mark.parametrize("line_end", ["\n", "\r\n", ""])
def test_password_from_stdin_loses_only_the_line_end(smtp_server, monkeypatch, capsys, line_end):
    password = " Hasło z odstępami ż "  # leading and trailing spaces belong to the password
    server = smtp_server(users={ANNA: password})
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + line_end))
    argv = ["--host", server.host, "--port", str(server.port), "--user", ANNA, "--password-stdin"]
    status, out, err = check(capsys, *argv, "--ca-file", server.ca_file, "--json")
    assert status == 0, out + err
    assert one_json_object(out)["ok"] is True
    assert_no_password(out + err, password)


def test_wrong_password_is_a_diagnosed_auth_failure(smtp_server, monkeypatch, capsys):
    wrong = "Złe-hasło-7"
    monkeypatch.setenv(PASSWORD_ENV, wrong)
    server = smtp_server()
    status, out, err = check(capsys, *server_args(server, "--json"))

    assert status == 1
    data = one_json_object(out)
    assert data["ok"] is False
    assert data["code"] == "auth_failed"
    assert data["stage"] == "auth"
    assert data["title"] and data["explanation"] and data["steps"]
    assert data["server_reply"] and "535" in data["server_reply"]
    assert server.messages == []
    assert_no_password(out + err, wrong)
    assert_no_password(out + err, PASSWORD)


def test_login_only_sends_no_message(smtp_server, password_env, capsys):
    server = smtp_server()
    status, out, _ = check(capsys, *server_args(server, "--login-only", "--json"))
    assert status == 0, out
    data = one_json_object(out)
    assert data["ok"] is True
    assert data["login_only"] is True
    assert "auth" in data["timings_ms"]
    assert "data" not in data["timings_ms"]
    assert server.messages == []


def test_recipient_and_sender_options(smtp_server, password_env, capsys):
    server = smtp_server()
    status, out, _ = check(
        capsys, *server_args(server, "--from", "ANNA@Biuro.Test", "--to", "klient@przyklad.test")
    )
    assert status == 0, out
    [received] = server.messages
    assert received.mail_from.lower() == ANNA
    assert received.rcpt_tos == ["klient@przyklad.test"]


def test_port_pasted_into_the_host(smtp_server, password_env, capsys):
    server = smtp_server()
    argv = [
        "--host",
        f" smtp://{server.host}:{server.port}/ ",
        "--user",
        ANNA,
        "--password-env",
        PASSWORD_ENV,
    ]
    status, out, _ = check(capsys, *argv, "--ca-file", server.ca_file, "--login-only", "--json")
    assert status == 0, out
    assert one_json_object(out)["port"] == server.port


def test_human_output_shows_stages_and_the_server(smtp_server, password_env, capsys):
    server = smtp_server()
    status, out, err = check(capsys, *server_args(server))
    assert status == 0, out + err
    assert f"{server.host}:{server.port}" in out
    assert "STARTTLS" in out
    assert f"Login: {ANNA}" in out
    # The stages by their Polish names, never the engine's English identifiers.
    for stage in ("Łączenie", "Powitanie serwera", "Szyfrowanie", "Logowanie", "Wiadomość"):
        assert f"✓ {stage} " in out
    assert "✓ connect" not in out
    assert "✗" not in out
    assert "Kod: ok" in out
    assert not out.lstrip().startswith("{")
    assert_no_password(out + err)


def test_human_output_of_a_failure_says_what_to_do(smtp_server, monkeypatch, capsys):
    monkeypatch.setenv(PASSWORD_ENV, "Złe-hasło-7")
    server = smtp_server()
    status, out, _ = check(capsys, *server_args(server))
    assert status == 1
    assert f"{server.host}:{server.port}" in out
    assert "✓ Łączenie" in out
    assert "✗ Logowanie" in out
    assert "Co zrobić:" in out
    assert "  1. " in out
    assert "Odpowiedź serwera:" in out
    assert "535" in out
    assert "Kod: auth_failed" in out
    assert "Certyfikat serwera" not in out  # only shown when the certificate is the problem
    assert_no_password(out, "Złe-hasło-7")


def test_human_output_in_english(smtp_server, monkeypatch, capsys):
    monkeypatch.setenv(PASSWORD_ENV, "wrong-password")
    server = smtp_server()
    status, out, _ = check(capsys, *server_args(server, "--lang", "en"))
    assert status == 1
    assert "Server:" in out
    assert "What to do:" in out
    assert "Code: auth_failed" in out
    assert "Co zrobić" not in out


def test_untrusted_certificate_is_explained_with_its_fingerprint(smtp_server, capsys):
    server = smtp_server(cert="untrusted")
    argv = ["--host", server.host, "--port", str(server.port), "--from", ANNA]
    status, out, _ = check(capsys, *argv)
    assert status == 1
    assert "Kod: certificate_untrusted" in out
    assert "SHA-256:" in out
    status, out, _ = check(capsys, *argv, "--json")
    data = one_json_object(out)
    assert data["code"] == "certificate_untrusted"
    assert len(data["certificate"]["sha256"]) == 64


def test_closed_port_is_connection_refused(closed_port, capsys):
    status, out, _ = check(
        capsys, "--host", "127.0.0.1", "--port", str(closed_port.port), "--login-only", "--json"
    )
    assert status == 1
    data = one_json_object(out)
    assert data["code"] == "connection_refused"
    assert data["stage"] == "connect"


def test_timeout_option_bounds_the_wait_for_a_silent_server(silent_server, capsys):
    started = time.monotonic()
    argv = ["--host", silent_server.host, "--port", str(silent_server.port), "--login-only"]
    status, out, _ = check(capsys, *argv, "--timeout", "1", "--json")
    elapsed = time.monotonic() - started
    assert status == 1
    data = one_json_object(out)
    assert data["code"] == "greeting_timeout"
    assert elapsed < 8, "the default 30 s greeting timeout was used instead of --timeout 1"


def test_no_encryption_sends_the_password_only_with_allow_plaintext_auth(smtp_server, password_env, capsys):
    server = smtp_server(mode="plain", require_tls_for_auth=False)

    status, out, _ = check(capsys, *server_args(server, "--security", "none", "--login-only", "--json"))
    assert status == 1
    # The server cannot encrypt, so without the switch the password is not sent.
    assert one_json_object(out)["code"] == "starttls_unavailable"
    assert server.auth_commands == 0

    allowed = server_args(server, "--security", "none", "--allow-plaintext-auth", "--login-only", "--json")
    status, out, _ = check(capsys, *allowed)
    assert status == 0, out
    data = one_json_object(out)
    assert data["ok"] is True and data["security_used"] == "none"
    assert server.auth_logins == [ANNA]
    assert_no_password(out)


def subprocess_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        SMTPDESK_DATA_DIR=str(data_dir),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
        PYTHONUTF8="1",
        **{PASSWORD_ENV: PASSWORD},
    )
    return env


def test_module_entry_point_runs_headless_without_importing_qt(smtp_server, data_dir):
    server = smtp_server()
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smtpdesk", "check", *server_args(server, "--json")],
        env=subprocess_env(data_dir),
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    data = one_json_object(completed.stdout)
    assert data["ok"] is True
    assert len(server.messages) == 1
    # -X importtime lists every imported module on stderr: the check never loads Qt.
    assert "PySide6" not in completed.stderr
    assert_no_password(completed.stdout + completed.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_cancels_the_run_cleanly(silent_server, data_dir):
    argv = [
        "--host",
        silent_server.host,
        "--port",
        str(silent_server.port),
        "--login-only",
        "--timeout",
        "10",
    ]
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpdesk", "check", *argv],
        env=subprocess_env(data_dir),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        seen = []
        for line in process.stdout:  # the connection is up once its stage line is printed
            seen.append(line)
            if line.startswith("✓ Łączenie"):
                break
        assert seen and seen[-1].startswith("✓ Łączenie"), "".join(seen)
        interrupted = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
        assert time.monotonic() - interrupted < 3
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 1, out + err
    assert "Kod: cancelled" in out
    assert "Traceback" not in err


def test_a_suggested_fix_names_the_options_and_they_work(smtp_server, password_env, capsys):
    server = smtp_server(mode="starttls")
    status, out, _ = check(capsys, *server_args(server, "--security", "ssl"))
    assert status == 1
    assert "Kod: tls_on_plain_port" in out
    options = f"--security starttls --port {server.port}"
    assert f"w poleceniu: {options}" in out
    status, out, _ = check(capsys, *server_args(server, *options.split()))
    assert status == 0, out
