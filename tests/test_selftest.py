"""``smtpdesk --self-test``: the sign-in's password hashing, window, a test mail to an embedded
server, the binding's reference counts and the keychain backend, reported line by line with exit
status 0 or 1."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

from smtpdesk.demo import accounts
from smtpdesk.logfile import stop_logging
from smtpdesk.selftest import run_self_test

RUN_TIMEOUT_S = 120


def test_the_self_test_passes_without_a_display(tmp_path, english_catalogue):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SMTPDESK_LOG_DIR"] = str(tmp_path / "log")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-m", "smtpdesk", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("smtpdesk ") and "autotest" in lines[0]
    text = done.stdout
    assert "okno ustawień:" in text and "5 zakładek" in text
    assert "tłumaczenie angielskie:    wczytane z " in text and "smtpdesk_en.qm" in text
    assert "wiadomość testowa:" in text and "przyjęta przez wbudowany serwer 127.0.0.1:" in text
    assert "stałe po 10000 sygnałach" in text
    assert "hasła do programu:" in text and "Argon2id działa" in text
    assert "pęk kluczy:" in text and "brak działającego pęku kluczy" in text
    assert f"dziennik:                  {tmp_path / 'log' / 'smtpdesk.log'}" in text
    assert lines[-1] == "WYNIK: wszystko działa"
    assert done.stderr == ""  # Qt's plugin chatter goes to the log, not the terminal


def test_a_failed_test_mail_fails_the_self_test(qapp, capsys, monkeypatch):
    wrong = dataclasses.replace(accounts.COMPANY_MAILBOX, password="nie-to-hasło")
    monkeypatch.setattr(accounts, "COMPANY_MAILBOX", wrong)
    try:
        assert run_self_test(["--self-test", "--lang", "en"]) == 1
    finally:
        stop_logging()
    out = capsys.readouterr().out
    assert "test mail:                 failed:" in out
    assert out.splitlines()[-1] == "RESULT: failure — test mail"
