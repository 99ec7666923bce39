"""Two windows (or two desktops) on one database: nothing one saves is silently undone by the
other, a real conflict is shown with who changed what and when, and changes made elsewhere appear
in an open window with a short notice."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from smtpdesk.core.model import Company, OfficeSettings
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Actor, Location, Store
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.office.conflict_dialog import ConflictDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.samples import agent
from tests.fixtures.stores import OpenStore

WAIT_MS = 8000


def window_on(qtbot, store: Store, name: str) -> SettingsWindow:
    store.actor = Actor(name, f"PC-{name.split()[0].upper()}")
    window = SettingsWindow(store, SecretStore())
    qtbot.addWidget(window)
    window.show()
    return window


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def seeded(open_store: OpenStore) -> tuple[Store, Store]:
    first = open_store()
    first.save_settings(OfficeSettings(company=Company(name="Biuro Start", phone="+48 22 000 00 00")))
    return first, open_store()


def test_two_windows_saving_different_fields_keep_both(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    window_b = window_on(qtbot, jan_store, "Jan Kowalski")  # opened first, as in the report
    window_a = window_on(qtbot, anna_store, "Anna Nowak")
    retype(qtbot, window_a.company_page.name_edit, "Biuro Anny")
    assert window_a.save()
    retype(qtbot, window_b.company_page.phone_edit, "+48 22 111 11 11")
    assert window_b.save()

    stored = anna_store.load_settings().company
    assert (stored.name, stored.phone) == ("Biuro Anny", "+48 22 111 11 11")
    assert window_b.company_page.name_edit.text() == "Biuro Anny"  # B now shows A's change too


def test_the_same_field_changed_in_two_windows_asks_which_value_to_keep(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    window_b = window_on(qtbot, jan_store, "Jan Kowalski")
    window_a = window_on(qtbot, anna_store, "Anna Nowak")
    retype(qtbot, window_a.company_page.name_edit, "Biuro Anny")
    assert window_a.save()

    retype(qtbot, window_b.company_page.name_edit, "Biuro Jana")
    qtbot.mouseClick(window_b.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window_b.conflict_dialog, ConflictDialog), timeout=WAIT_MS)
    dialog = window_b.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    labels = " ".join(child.text() for child in dialog.findChildren(QLabel))
    assert "Dane firmy › Nazwa firmy" in labels
    assert "zapisał(a) Anna Nowak (PC-ANNA)" in labels
    assert dialog.mine_buttons["company.name"].text() == "„Biuro Jana”"
    assert dialog.theirs_buttons["company.name"].text() == "„Biuro Anny”"
    # Nothing was written yet.
    assert anna_store.load_settings().company.name == "Biuro Anny"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # keep mine (the default choice)
    qtbot.waitUntil(lambda: window_b.conflict_dialog is None, timeout=WAIT_MS)
    assert anna_store.load_settings().company.name == "Biuro Jana"
    assert not window_b.is_modified()


def test_after_a_conflict_the_saved_value_can_be_taken(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    window_b = window_on(qtbot, jan_store, "Jan Kowalski")
    window_a = window_on(qtbot, anna_store, "Anna Nowak")
    retype(qtbot, window_a.company_page.name_edit, "Biuro Anny")
    assert window_a.save()
    retype(qtbot, window_b.company_page.name_edit, "Biuro Jana")
    retype(qtbot, window_b.company_page.email_edit, "kontakt@biuro.pl")
    assert not window_b.save()
    dialog = window_b.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.mouseClick(dialog.theirs_buttons["company.name"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window_b.conflict_dialog is None, timeout=WAIT_MS)
    stored = anna_store.load_settings().company
    assert (stored.name, stored.email) == ("Biuro Anny", "kontakt@biuro.pl")
    assert window_b.company_page.name_edit.text() == "Biuro Anny"


def test_a_change_made_elsewhere_appears_in_the_open_window(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    window = window_on(qtbot, jan_store, "Jan Kowalski")
    anna_store.actor = Actor("Anna Nowak", "PC-ANNA")
    current = anna_store.load_settings()
    anna_store.save_settings(
        replace(current, company=replace(current.company, name="Nowa nazwa")), base=current
    )

    qtbot.waitUntil(lambda: window.company_page.name_edit.text() == "Nowa nazwa", timeout=WAIT_MS)
    assert window.change_notice.isVisible()
    notice = window.change_notice.message.text()
    assert "Anna Nowak (PC-ANNA) zmienił(a): Dane firmy › Nazwa firmy" in notice


def test_edits_in_progress_are_kept_when_others_save(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    window = window_on(qtbot, jan_store, "Jan Kowalski")
    retype(qtbot, window.company_page.phone_edit, "+48 22 333 33 33")
    anna_store.save_employee(agent("Ewa"))

    qtbot.waitUntil(lambda: window.change_notice.isVisible(), timeout=WAIT_MS)
    assert window.company_page.phone_edit.text() == "+48 22 333 33 33"
    assert "dodano pracownika Ewa Nowak" in window.change_notice.message.text()
    assert "niezapisane zmiany zostały zachowane" in window.change_notice.message.text()
    assert window.employees_page.model.rowCount() == 1
    assert window.save()
    assert anna_store.load_settings().company.phone == "+48 22 333 33 33"


def test_the_employee_dialog_shows_a_conflict_on_the_same_field(qtbot, open_store: OpenStore) -> None:
    anna_store, jan_store = seeded(open_store)
    anna_store.actor = Actor("Anna Nowak", "PC-ANNA")
    original = anna_store.save_employee(agent())
    dialog = EmployeeDialog(jan_store, SecretStore(), jan_store.get_employee(original.id or 0))
    qtbot.addWidget(dialog)
    dialog.show()
    anna_store.save_employee(replace(original, phone="601 111 111"), base=original)

    retype(qtbot, dialog.phone_edit, "602 222 222")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(dialog.conflict_dialog, ConflictDialog), timeout=WAIT_MS)
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog)
    assert conflict.theirs_buttons["phone"].text() == "„601 111 111”"
    qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert anna_store.get_employee(original.id or 0).phone == "602 222 222"  # type: ignore[union-attr]


_OTHER_PROCESS = """
import sys
from dataclasses import replace
from pathlib import Path
from smtpdesk.core.store import Actor, Location, Store
kind, where, password = sys.argv[1], sys.argv[2], sys.argv[3] or None
if kind == "sqlite":
    store = Store.open(Path(where))
else:
    store = Store.connect(Location.parse(where), password=password)
store.actor = Actor("Ewa Zielińska", "PC-EWA")
loaded = store.load_settings()
store.save_settings(replace(loaded, company=replace(loaded.company, name="Z innego procesu")), base=loaded)
store.close()
"""


def test_a_change_saved_by_another_process_appears_in_the_open_window(
    qtbot, backend: str, data_dir, request
) -> None:
    import subprocess
    import sys

    if backend == "postgresql":
        cluster = request.getfixturevalue("postgres_cluster")
        database = cluster.create_database()
        where, password = cluster.url(database), cluster.passwords["office"]
        store = Store.connect(Location.parse(where), password=password)
    else:
        store, where, password = Store.open(data_dir), str(data_dir), ""
    try:
        store.save_settings(OfficeSettings(company=Company(name="Biuro Start")))
        window = window_on(qtbot, store, "Jan Kowalski")
        subprocess.run(
            [sys.executable, "-c", _OTHER_PROCESS, backend, where, password], check=True, timeout=60
        )
        qtbot.waitUntil(lambda: window.company_page.name_edit.text() == "Z innego procesu", timeout=WAIT_MS)
        assert (
            "Ewa Zielińska (PC-EWA) zmienił(a): Dane firmy › Nazwa firmy"
            in window.change_notice.message.text()
        )
        window.discard_and_close()
    finally:
        store.close()
        if backend == "postgresql":
            cluster.drop_database(database)
