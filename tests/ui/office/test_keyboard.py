"""The office windows with the keyboard only: the database dialog (an agent joins an office
database by typing and pressing Enter), the office key, a conflict, an employee removed elsewhere,
and the ways back at start."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from smtpdesk.core.model import Company, OfficeSettings, SmtpAccount
from smtpdesk.core.people.accounts import People
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import DamagedError, Location, Store
from smtpdesk.core.store.backups import make_backup
from smtpdesk.core.store.choice import save_location
from smtpdesk.core.store.merge import Conflict
from smtpdesk.core.store.office import move_to_office
from smtpdesk.core.store.office_key import OfficeKey
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from smtpdesk.paths import database_path
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.office.conflict_dialog import ConflictDialog
from smtpdesk.ui.office.database_dialog import DatabaseDialog
from smtpdesk.ui.office.office_key_dialogs import EnterOfficeKeyDialog, ShowOfficeKeyDialog
from smtpdesk.ui.office.start_problems import damage_dialog, unreachable_dialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.keyboard import walk_window
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD, enter_as_admin, sign_in
from tests.fixtures.postgres import OWNER, PostgresCluster
from tests.fixtures.samples import agent
from tests.fixtures.typing import type_text
from tests.ui.office.test_office_database_ui import fill, local_office, open_database_dialog, start

WAIT_MS = 15_000


def test_the_database_form_tests_the_connection_on_enter(
    qtbot, show_window, store: Store, secrets: SecretStore
) -> None:
    dialog = show_window(DatabaseDialog(store, secrets))
    assert isinstance(dialog, DatabaseDialog)
    walk = walk_window(qtbot, dialog, main=dialog.test_button)
    assert walk.problems() == []
    assert {"Serwer:", "Port:", "Plik urzędu certyfikacji:"} <= set(walk.mnemonics_pressed)

    dialog.host_edit.setFocus()
    type_text(qtbot, dialog.host_edit, "127.0.0.1")
    dialog.port_edit.setFocus()
    dialog.port_edit.selectAll()
    type_text(qtbot, dialog.port_edit, "1")  # nothing listens there
    qtbot.keyClick(dialog.port_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.test_button.isEnabled() and dialog.check_result is not None, timeout=WAIT_MS
    )
    assert not dialog.check_result.ok  # type: ignore[union-attr]

    with qtbot.assertNotEmitted(dialog.switch_requested):
        qtbot.keyClick(dialog.host_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_agent_joins_the_office_database_with_the_keyboard(
    qtbot,
    sessions,
    data_dir: Path,
    tmp_path: Path,
    postgres_cluster: PostgresCluster,
    empty_database: str,
) -> None:
    # The administrator's desktop moved its settings to the office database.
    admin_dir = tmp_path / "admin"
    admin_dir.mkdir()
    with Store.open(admin_dir) as admin:
        admin.save_settings(OfficeSettings(company=Company(name="Biuro Źródło")))
        People(admin).create_administrator("Katarzyna", "Nowicka", ADMIN_EMAIL, ADMIN_PASSWORD)
        location = Location.parse(postgres_cluster.url(empty_database))
        opened, key = move_to_office(admin, SecretStore(), location, postgres_cluster.passwords[OWNER])
        opened.store.close()

    # The agent's desktop: its own keychain and its own local settings file.
    keyring.set_keyring(MemoryKeyring())
    save_location(None)
    local_office(data_dir, SmtpAccount(host="smtp.agent.pl"))
    session = start(sessions)
    dialog = open_database_dialog(qtbot, enter_as_admin(qtbot, session))
    fill(qtbot, dialog, postgres_cluster, empty_database, postgres_cluster.passwords[OWNER])
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter tests the connection
    qtbot.waitUntil(dialog.join_button.isEnabled, timeout=WAIT_MS)

    # The office key is asked for; Enter now joins, and "Przenieś…" or going local never answer it.
    assert dialog.code_edit.hasFocus()
    walk = walk_window(qtbot, dialog, main=dialog.join_button)
    assert walk.problems() == []
    dialog.code_edit.setFocus()
    type_text(qtbot, dialog.code_edit, key.code().lower())
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    # Joining another database asks who signs in there.
    qtbot.waitUntil(
        lambda: session.gate is not None and session.gate.store.is_office and session.gate.dialog is not None,
        timeout=WAIT_MS,
    )
    sign_in(qtbot, session, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert isinstance(session.window, SettingsWindow) and session.window.store.is_office
    assert session.window.company_page.name_edit.text() == "Biuro Źródło"

    # On the office database, "Wróć do pliku lokalnego" is offered — and never pressed by Enter.
    again = open_database_dialog(qtbot, session.window)
    assert again.local_button.isVisible()
    walk = walk_window(qtbot, again, main=again.test_button)
    assert walk.problems() == []
    with qtbot.assertNotEmitted(again.switch_requested):
        again.local_button.setFocus()
        qtbot.keyClick(again.local_button, Qt.Key.Key_Escape)
    assert session.window.store.is_office


def test_the_office_key_stays_until_it_was_written_down(qtbot, show_window) -> None:
    dialog = show_window(ShowOfficeKeyDialog(OfficeKey.generate()))
    assert isinstance(dialog, ShowOfficeKeyDialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    assert "Zapisałem(-am) ten kod w bezpiecznym miejscu" in walk.mnemonics_pressed

    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)
    assert dialog.isVisible()  # neither Escape nor Enter loses the code before it is written down
    qtbot.keyClick(dialog.copy_button, "z", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.confirm.isChecked, timeout=WAIT_MS)
    assert dialog.confirm.hasFocus()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)


def test_the_office_key_is_typed_into_its_field(
    qtbot, show_window, store: Store, secrets: SecretStore
) -> None:
    dialog = show_window(EnterOfficeKeyDialog(OfficeSecretStore(store, secrets)))
    assert isinstance(dialog, EnterOfficeKeyDialog)
    walk = walk_window(qtbot, dialog, main=dialog.ok_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Kod klucza biura:"]

    type_text(qtbot, dialog.code_edit, "ABCD-EFGH")
    with qtbot.assertNotEmitted(dialog.unlocked):
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)  # not a whole code yet: nothing to save
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Escape)  # "Później"


def conflicts() -> tuple[Conflict, ...]:
    when = datetime(2025, 3, 4, 10, 15, tzinfo=timezone.utc)
    return (
        Conflict("company.name", "Biuro", "Biuro Jana", "Biuro Anny", "Anna Nowak (PC-ANNA)", when),
        Conflict("company.phone", "", "600 100 200", "600 300 400", "Anna Nowak (PC-ANNA)", when),
    )


def test_a_conflict_is_settled_with_the_keyboard(qtbot, show_window) -> None:
    dialog = show_window(ConflictDialog(conflicts(), "okna ustawień"))
    assert isinstance(dialog, ConflictDialog)
    walk = walk_window(qtbot, dialog, main=dialog.save_button)
    assert walk.problems() == []

    # The right arrow takes the saved value of the phone; Enter keeps the choices made.
    mine = dialog.mine_buttons["company.phone"]
    mine.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(mine, Qt.Key.Key_Right)
    assert dialog.theirs_buttons["company.phone"].isChecked()
    with (
        qtbot.waitSignal(dialog.resolved, timeout=WAIT_MS) as resolved,
        qtbot.assertNotEmitted(dialog.reload_requested),
    ):
        qtbot.keyClick(dialog.theirs_buttons["company.phone"], Qt.Key.Key_Return)
    assert resolved.args == [{"company.name"}]


def test_escape_goes_back_to_editing_from_a_conflict(qtbot, show_window) -> None:
    dialog = show_window(ConflictDialog(conflicts(), "okna ustawień"))
    assert isinstance(dialog, ConflictDialog)
    dialog.reload_button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.assertNotEmitted(dialog.resolved), qtbot.assertNotEmitted(dialog.reload_requested):
        qtbot.keyClick(dialog.reload_button, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def damaged_file(data_dir: Path, *, backup: bool) -> DamagedError:
    local_office(data_dir, SmtpAccount(host="smtp.zrodlo.pl"))
    path = database_path(data_dir)
    if backup:
        make_backup(path, "auto")
    path.write_bytes(path.read_bytes()[:1024])  # truncated
    with pytest.raises(DamagedError) as damaged:
        Store.open(data_dir)
    return damaged.value


@pytest.mark.parametrize(("backup", "enter_chooses"), [(True, "backup"), (False, "quit")])
def test_enter_at_start_never_starts_anew(
    qtbot, show_window, data_dir: Path, backup: bool, enter_chooses: str
) -> None:
    dialog, _backup = damage_dialog(damaged_file(data_dir, backup=backup).report)
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.buttons[enter_chooses])
    assert walk.problems() == []
    assert not dialog.buttons["anew"].isDefault()

    with qtbot.waitSignal(dialog.chosen, timeout=WAIT_MS) as chosen:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert chosen.args == [enter_chooses]


def test_escape_at_start_changes_nothing(qtbot, show_window, data_dir: Path) -> None:
    dialog, _backup = damage_dialog(damaged_file(data_dir, backup=True).report)
    show_window(dialog)
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT_MS) as chosen:
        qtbot.keyClick(dialog.buttons["anew"], Qt.Key.Key_Escape)
    assert chosen.args == ["quit"]


def test_an_employee_removed_elsewhere_is_kept_only_when_asked(qtbot, show_window, store: Store) -> None:
    anna = store.save_employee(agent())
    assert anna.id is not None
    dialog = EmployeeDialog(store, SecretStore(), store.get_employee(anna.id))
    show_window(dialog)
    store.delete_employee(anna.id)  # another desktop removed her meanwhile
    dialog.phone_edit.setFocus()
    dialog.phone_edit.selectAll()
    type_text(qtbot, dialog.phone_edit, "602 222 222")
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)
    box = dialog.conflict_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)

    # "Zapisz ponownie" answers Enter; "Porzuć zmiany" never does; Escape goes back to editing.
    walk = walk_window(qtbot, box, main=box.defaultButton())
    assert walk.problems() == []
    assert box.defaultButton().text() == "Zapisz ponownie"
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)
    assert dialog.isVisible() and store.list_employees() == []

    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)
    box = dialog.conflict_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)
    [restored] = store.list_employees()
    assert restored.phone == "602 222 222"


def test_enter_at_start_tries_the_office_database_again(qtbot, show_window) -> None:
    dialog = unreachable_dialog("postgresql://smtpdesk@serwer.biuro.lan/smtpdesk", None, "Connection refused")
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.buttons["retry"])
    assert walk.problems() == []
    assert not dialog.buttons["local"].isDefault()  # leaving the office database: only when chosen

    dialog.buttons["local"].setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT_MS) as chosen:
        qtbot.keyClick(dialog.buttons["local"], Qt.Key.Key_Return)
    assert chosen.args == ["retry"]
