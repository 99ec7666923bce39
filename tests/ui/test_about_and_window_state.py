"""„Pomoc › O programie” names the version and the program's files; the window reopens at the size
it was closed with; the crash dialog says where the log is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from smtpdesk import __version__
from smtpdesk.core.secrets import SecretStore
from smtpdesk.logfile import log_path
from smtpdesk.paths import database_path
from smtpdesk.ui.about_dialog import AboutDialog
from smtpdesk.ui.crash_dialog import CrashDialog
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.window_state import config_dir


def test_about_names_version_settings_file_log_and_config_folder(qtbot, store, secrets, data_dir):
    window = SettingsWindow(store, secrets)
    qtbot.addWidget(window)
    assert window.about_action.text() == "&O programie"
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    fields = {key: label.text() for key, label in dialog.fields.items()}
    assert fields["version"] == __version__
    assert fields["data"] == str(database_path(data_dir))
    assert fields["log"] == str(log_path())
    assert fields["config"] == str(config_dir())
    assert fields["keychain"]  # the backend's name
    dialog.copy_button.click()
    assert str(database_path(data_dir)) in QGuiApplication.clipboard().text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter closes ("Zamknij" is the default)
    assert not dialog.isVisible()


def test_the_window_reopens_at_the_size_it_was_closed_with(qtbot, store, secrets):
    first = SettingsWindow(store, secrets)
    qtbot.addWidget(first)
    first.show()
    first.resize(777, 555)
    qtbot.waitUntil(lambda: first.size().width() == 777, timeout=3000)
    first.close()
    assert (config_dir() / "windows.json").exists()

    second = SettingsWindow(store, secrets)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (777, 555)


def test_the_crash_dialog_says_where_the_log_is(qtbot):
    dialog = CrashDialog("Traceback (most recent call last):\nValueError: x")
    qtbot.addWidget(dialog)
    assert str(log_path()) in dialog.log_line.text()
    assert dialog.close_button.isDefault()


def test_about_says_in_polish_when_passwords_live_only_in_memory(qtbot, data_dir):
    """No keychain (as in the demo): the program's own stand-in is named in the window's language."""
    dialog = AboutDialog(data_dir, SecretStore(session_only=True))
    qtbot.addWidget(dialog)
    assert dialog.fields["keychain"].text() == "brak — hasła są w pamięci programu do jego zamknięcia"
