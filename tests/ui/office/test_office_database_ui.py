"""„Narzędzia › Baza danych biura…” driven as an administrator would: type the server's details,
test the connection, move this desktop's settings there; another desktop joins with the code; a
desktop without the key says so; a damaged file or an unreachable database at start offers the
ways back."""

from __future__ import annotations

from pathlib import Path

import keyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from smtpdesk.core.model import COMPANY_ACCOUNT, Company, OfficeSettings, SmtpAccount
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Location, Store
from smtpdesk.core.store.backups import make_backup
from smtpdesk.core.store.choice import save_location, saved_location
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from smtpdesk.paths import database_path
from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.office.database_dialog import DatabaseDialog
from smtpdesk.ui.office.install import OfficeTools
from smtpdesk.ui.office.office_key_dialogs import EnterOfficeKeyDialog, ShowOfficeKeyDialog
from smtpdesk.ui.office.start_problems import StartProblemDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD, enter_as_admin, sign_in
from tests.fixtures.postgres import OWNER, PostgresCluster

WAIT_MS = 15_000
COMPANY_PASSWORD = "Hasło-Firmowe-77"


def start(sessions: list[GuiSession], *argv: str) -> GuiSession:
    session = start_gui(list(argv))
    sessions.append(session)
    return session


def labels_of(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def tools_of(window: SettingsWindow) -> OfficeTools:
    tools = window.findChild(OfficeTools)
    assert tools is not None
    return tools


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def open_database_dialog(qtbot, window: SettingsWindow) -> DatabaseDialog:
    tools = tools_of(window)
    tools.action.trigger()
    qtbot.waitUntil(lambda: tools.dialog is not None and tools.dialog.isVisible(), timeout=WAIT_MS)
    assert tools.dialog is not None
    return tools.dialog


def fill(qtbot, dialog: DatabaseDialog, cluster: PostgresCluster, database: str, password: str) -> None:
    type_into(qtbot, dialog.host_edit, cluster.host)
    type_into(qtbot, dialog.port_edit, str(cluster.port))
    type_into(qtbot, dialog.database_edit, database)
    type_into(qtbot, dialog.user_edit, OWNER)
    type_into(qtbot, dialog.password_edit, password)
    type_into(qtbot, dialog.ca_edit, str(cluster.ca_file))


def local_office(directory: Path, smtp: SmtpAccount) -> None:
    with Store.open(directory) as store:
        store.save_settings(OfficeSettings(company=Company(name="Biuro Źródło"), company_smtp=smtp))
    SecretStore().set(COMPANY_ACCOUNT, COMPANY_PASSWORD)


def test_the_administrator_moves_the_office_to_postgresql_and_an_agent_joins(
    qtbot,
    sessions,
    data_dir: Path,
    postgres_cluster: PostgresCluster,
    empty_database: str,
    memory_keyring: MemoryKeyring,
) -> None:
    local_office(data_dir, SmtpAccount(host="smtp.zrodlo.pl", username="biuro@zrodlo.pl"))
    session = start(sessions)
    first = enter_as_admin(qtbot, session)  # the first administrator of an office saved before sign-in
    dialog = open_database_dialog(qtbot, first)
    assert "pliku lokalnego" in labels_of(dialog)
    assert not dialog.local_button.isVisible()  # it is on the local file already

    # A wrong password first: the reason, in a sentence with the server's own details.
    fill(qtbot, dialog, postgres_cluster, empty_database, "zle-haslo")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "odrzucił hasło" in dialog.status.text(), timeout=WAIT_MS)
    assert f"127.0.0.1:{postgres_cluster.port}" in dialog.status.text()
    assert not dialog.move_button.isEnabled()

    type_into(qtbot, dialog.password_edit, postgres_cluster.passwords[OWNER])
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter tests the connection
    qtbot.waitUntil(dialog.move_button.isEnabled, timeout=WAIT_MS)
    assert "Baza jest pusta" in dialog.status.text()
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: isinstance(session.key_dialog, ShowOfficeKeyDialog), timeout=WAIT_MS)
    key_dialog = session.key_dialog
    assert isinstance(key_dialog, ShowOfficeKeyDialog)
    code = key_dialog.code
    office_window = session.window
    assert isinstance(office_window, SettingsWindow) and office_window.store.is_office
    assert session.gate is not None and session.gate.person is not None
    assert session.gate.person.email == ADMIN_EMAIL  # moved with the settings: still signed in
    assert office_window.company_page.name_edit.text() == "Biuro Źródło"
    assert not key_dialog.close_button.isEnabled()  # not before the code was written down
    qtbot.keyClick(key_dialog, Qt.Key.Key_Escape)
    assert key_dialog.isVisible()
    qtbot.mouseClick(key_dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(key_dialog.close_button, Qt.MouseButton.LeftButton)
    assert saved_location() is not None and saved_location().database == empty_database  # type: ignore[union-attr]
    session.close()

    # Another desktop: its own keychain, the same database, the code typed key by key.
    keyring.set_keyring(MemoryKeyring())
    save_location(None)
    agent = start(sessions)
    join = open_database_dialog(qtbot, enter_as_admin(qtbot, agent))
    fill(qtbot, join, postgres_cluster, empty_database, postgres_cluster.passwords[OWNER])
    qtbot.mouseClick(join.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(join.join_button.isEnabled, timeout=WAIT_MS)
    type_into(qtbot, join.code_edit, code.lower())
    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    # Joining another database asks who signs in there; the people moved with the settings.
    qtbot.waitUntil(
        lambda: agent.gate is not None and agent.gate.store.is_office and agent.gate.dialog is not None,
        timeout=WAIT_MS,
    )
    joined = sign_in(qtbot, agent, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert isinstance(joined, SettingsWindow) and joined.store.is_office
    assert joined.company_page.name_edit.text() == "Biuro Źródło"
    assert joined.secrets.get(COMPANY_ACCOUNT) == COMPANY_PASSWORD


def test_a_desktop_without_the_office_key_says_so_and_takes_the_code(
    qtbot,
    sessions,
    data_dir: Path,
    postgres_cluster: PostgresCluster,
    empty_database: str,
    memory_keyring: MemoryKeyring,
) -> None:
    from smtpdesk.core.store.office import move_to_office

    local_office(data_dir, SmtpAccount(host="smtp.zrodlo.pl", username="biuro@zrodlo.pl"))
    location = Location.parse(postgres_cluster.url(empty_database))
    with Store.open(data_dir) as local:
        opened, key = move_to_office(local, SecretStore(), location, postgres_cluster.passwords[OWNER])
        opened.store.close()
    other = MemoryKeyring()
    keyring.set_keyring(other)
    SecretStore().set(location.secret_key(), postgres_cluster.passwords[OWNER])

    session = start(sessions)
    window = enter_as_admin(qtbot, session)
    assert window is not None and isinstance(window.secrets, OfficeSecretStore)
    tools = tools_of(window)
    assert tools.key_banner is not None and tools.key_banner.isVisible()
    section = window.other_settings_page.smtp_section
    # The keychain is decided after the window's first paint; then the field says why.
    qtbot.waitUntil(
        lambda: "nie ma klucza biura" in section.password_field.status_label.text(), timeout=WAIT_MS
    )

    qtbot.mouseClick(tools.key_banner.enter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(tools.key_dialog, EnterOfficeKeyDialog), timeout=WAIT_MS)
    dialog = tools.key_dialog
    assert isinstance(dialog, EnterOfficeKeyDialog)
    wrong = key.code()[:-1] + ("2" if key.code()[-1] != "2" else "3")
    type_into(qtbot, dialog.code_edit, wrong)
    assert "literówkę" in dialog.errors.message(dialog.code_edit)
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.code_edit, key.code())
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tools.key_banner.isVisible(), timeout=WAIT_MS)
    assert window.secrets.get(COMPANY_ACCOUNT) == COMPANY_PASSWORD
    assert any(name.startswith("office-key:") for _s, name in other.entries)


def test_a_damaged_file_at_start_offers_the_ways_back(qtbot, sessions, data_dir: Path) -> None:
    local_office(data_dir, SmtpAccount(host="smtp.zrodlo.pl"))
    path = database_path(data_dir)
    make_backup(path, "auto")
    path.write_bytes(path.read_bytes()[:1024])  # truncated

    session = start(sessions)
    assert session.window is None
    dialog = session.problem
    assert isinstance(dialog, StartProblemDialog)
    assert "jest ucięty" in labels_of(dialog)
    assert set(dialog.buttons) == {
        "backup",
        "anew",
        "quit",
    }  # the settings part is damaged: no "without history"
    qtbot.mouseClick(dialog.buttons["backup"], Qt.MouseButton.LeftButton)
    enter_as_admin(qtbot, session)
    assert session.window is not None
    assert session.window.company_page.name_edit.text() == "Biuro Źródło"
    assert [p for p in data_dir.iterdir() if ".damaged-" in p.name]  # kept aside, not deleted


def test_an_unreachable_office_database_at_start_offers_the_local_file(
    qtbot, sessions, data_dir: Path, postgres_cluster: PostgresCluster
) -> None:
    local_office(data_dir, SmtpAccount(host="smtp.zrodlo.pl"))
    save_location(Location.parse("postgresql://office@127.0.0.1:1/biuro?sslmode=require"))
    session = start(sessions)
    dialog = session.problem
    assert isinstance(dialog, StartProblemDialog)
    assert set(dialog.buttons) == {"retry", "local", "quit"}
    qtbot.mouseClick(dialog.buttons["local"], Qt.MouseButton.LeftButton)
    enter_as_admin(qtbot, session)
    assert session.window is not None and not session.window.store.is_office
    assert saved_location() is None
