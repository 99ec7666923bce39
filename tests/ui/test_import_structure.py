"""The window's own modules never import the mail tests (the tests extend the window, not the
other way round), and the first paint loads neither the SMTP engine, the diagnosis, the doctor
nor keyring."""

from __future__ import annotations

import os
import subprocess
import sys

RUN_TIMEOUT_S = 60


def loaded_after(code: str) -> set[str]:
    prefixes = ("smtpdesk", "keyring", "cryptography", "email")
    probe = f"{code}\nimport sys\nprint('\\n'.join(m for m in sys.modules if m.startswith({prefixes!r})))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_settings_window_does_not_import_the_mail_tests():
    modules = loaded_after("import smtpdesk.ui.settings_window, smtpdesk.ui.employee_dialog")
    assert not {m for m in modules if m.startswith("smtpdesk.ui.mailtest")}


DEFERRED = {
    "smtpdesk.core.smtp.engine",
    "smtpdesk.core.diagnosis",
    "smtpdesk.core.doctor",
    "smtpdesk.ui.mailtest",
    "keyring",
    "cryptography",
    # The test message builder (SQLAlchemy itself loads the stdlib's email package through
    # importlib.metadata, so that one cannot wait).
    "smtpdesk.core.message",
}


def test_the_welcome_needs_no_engine_no_doctor_and_no_keyring(tmp_path):
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from smtpdesk.ui.application import start_gui\n"
        f"session = start_gui(['--data-dir', {str(tmp_path)!r}], defer_features=True)\n"
        "assert session.gate.dialog is not None and session.window is None\n"
        "session.close()"
    )
    assert loaded_after(code) & DEFERRED == set()


def test_the_first_paint_after_the_sign_in_needs_no_engine_no_doctor_and_no_keyring(tmp_path):
    code = (
        "from pathlib import Path\n"
        "from smtpdesk.core.people.accounts import People\n"
        "from smtpdesk.core.store import Store\n"
        f"with Store.open(Path({str(tmp_path)!r})) as store:\n"
        "    People(store).create_administrator('Ewa', 'Zając', 'ewa@biuro.test', 'Mocne-Haslo-Biura-7')\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from smtpdesk.ui.application import start_gui\n"
        f"session = start_gui(['--data-dir', {str(tmp_path)!r}], defer_features=True)\n"
        "dialog = session.gate.dialog\n"
        "dialog.email_edit.setText('ewa@biuro.test')\n"
        "dialog.password_edit.setText('Mocne-Haslo-Biura-7')\n"
        "dialog.submit()\n"
        "assert type(session.window).__name__ == 'SettingsWindow', session.window\n"
        "session.close()"
    )
    modules = loaded_after(code)
    assert "smtpdesk.ui.settings_window" in modules
    assert modules & DEFERRED == set()
