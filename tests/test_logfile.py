"""The log file: in platformdirs' log folder, rotating, and never holding a password."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpdesk.core.redaction import redact, remember_secret
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.engine import Timeouts
from smtpdesk.logfile import LOG_FILE_NAME, log_path, start_logging, stop_logging
from smtpdesk.ui.mailtest.plan import MailTestPlan
from smtpdesk.ui.mailtest.worker import MailTestRun

WAIT_MS = 5000
SECRET = "Tajne-Hasło-Żółw-77"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    stop_logging()  # a program started by an earlier test keeps its log open until the process ends
    path = start_logging()
    assert path is not None
    yield path
    stop_logging()


def test_the_log_lives_in_the_per_user_log_folder(log_file, tmp_path):
    assert log_file.name == LOG_FILE_NAME
    assert log_file.is_relative_to(tmp_path / "home" / ".local" / "state")
    assert log_path() == log_file


def test_a_known_password_never_reaches_the_file_in_any_form(log_file, secrets):
    secrets.set("smtp:employee:1", SECRET)  # remembered for redaction when it goes to the keychain
    log = logging.getLogger("smtpdesk.test")
    encoded = base64.b64encode(f"\0anna@biuro.pl\0{SECRET}".encode()).decode()
    log.warning("server said: %s / %s", SECRET, encoded)
    try:
        raise ValueError(f"bad password {SECRET!r}")
    except ValueError:
        log.exception("failed")
    text = log_file.read_text(encoding="utf-8")
    assert "server said" in text and "ValueError" in text
    assert SECRET not in text and encoded not in text
    assert "Żółw" not in text


def test_auth_arguments_are_hidden_even_for_unknown_passwords():
    assert redact("C: AUTH PLAIN AGFubmEAc2VjcmV0") == "C: AUTH PLAIN [UKRYTO]"


def test_a_workers_exception_reaches_the_file(qtbot, log_file, smtp_server):
    """What run_gui sets up at start: a defect on a test thread is written with its traceback."""
    server = smtp_server()
    remember_secret(server.password)
    plan = MailTestPlan(
        account=server.account(),
        password=server.password,
        sender=server.login,
        account_key="smtp:company",
        account_label="Konto firmowe",
        login_only=True,
        timeouts=Timeouts(connect=3, greeting=3, command=3, data=3, probe=3),
    )

    def broken_record(_result: object) -> None:
        raise RuntimeError("the history could not be written")

    run = MailTestRun(plan.request(), record=broken_record)
    with qtbot.waitSignal(run.finished, timeout=WAIT_MS):
        run.start()
    assert run.wait(WAIT_MS)
    text = log_file.read_text(encoding="utf-8")
    assert "test run failed unexpectedly" in text
    assert "RuntimeError: the history could not be written" in text
    assert server.password not in text


def test_an_unwritable_log_folder_never_stops_the_program(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("SMTPDESK_LOG_DIR", str(blocked / "log"))
    assert start_logging() is None
    stop_logging()


def test_secret_store_remembers_what_it_reads(memory_keyring):
    memory_keyring.set_password("smtpdesk", "smtp:company", "Inne-Hasło-12")
    assert SecretStore().get("smtp:company") == "Inne-Hasło-12"
    assert "Inne-Hasło-12" not in redact("reply: Inne-Hasło-12")
