"""The audit log the administrator reads and exports, every GIODO rule's message while a password
is typed, resets by the administrator, and a scan of everything written for any password."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import logging
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from smtpdesk.core.model import Role
from smtpdesk.core.people import audit
from smtpdesk.core.store import Store
from smtpdesk.ui.people.admin_tools import people_admin
from smtpdesk.ui.people.audit_dialog import AuditDialog
from smtpdesk.ui.people.change_password_dialog import ChangePasswordDialog
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.people import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    AGENT_EMAIL,
    AGENT_PASSWORD,
    sign_in,
)
from tests.ui.people.conftest import start


def admin_window(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    return session, sign_in(qtbot, session, ADMIN_EMAIL, ADMIN_PASSWORD)


def test_every_giodo_rule_says_what_fails_while_the_password_is_typed(qtbot, sessions, office, clock):
    session, window = admin_window(qtbot, sessions, office, clock)
    dialog = session.gate.change_password(window)
    assert isinstance(dialog, ChangePasswordDialog)
    form = dialog.password
    assert form.title.text() == "Hasło musi spełniać zasady GIODO ustawione w biurze:"

    def typed(text: str) -> str:
        form.new_edit.clear()
        qtbot.keyClicks(form.new_edit, text)
        return dialog.errors.message(form.new_edit)

    assert typed("Ab1") == "Hasło jest za krótkie: ma 3 zn., a musi mieć co najmniej 8."
    assert typed("abcdefgh1") == "Dodaj wielką literę (np. A, Ł)."
    assert typed("ABCDEFGH1") == "Dodaj małą literę (np. a, ż)."
    assert typed("Abcdefghij") == "Dodaj cyfrę lub znak specjalny (np. 7, !, #)."
    assert typed("Nowicka-2026") == "Hasło nie może zawierać Twojego imienia ani nazwiska."
    assert typed("Katarzyna!99") == "Hasło nie może zawierać Twojego imienia ani nazwiska."
    assert typed("Xkatarzyna@biuro.test1") == "Hasło nie może zawierać Twojego imienia ani nazwiska."
    assert (
        typed("Password1") == "To jedno z 1000 najczęściej używanych haseł — łatwo je odgadnąć. Wybierz inne."
    )
    assert typed("Letnie-Burze-8") == ""
    assert form.items["upper"].text() == "✓ wielka litera"
    form.new_edit.clear()
    qtbot.keyClicks(form.new_edit, "letnie")
    assert form.items["upper"].text() == "✗ wielka litera" and form.items["lower"].text() == "✓ mała litera"
    qtbot.keyClicks(dialog.current_edit, ADMIN_PASSWORD)
    form.new_edit.clear()
    qtbot.keyClicks(form.new_edit, ADMIN_PASSWORD)
    qtbot.keyClicks(form.repeat_edit, ADMIN_PASSWORD)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.errors.message(form.new_edit) == "To hasło było już używane. Wybierz inne niż 5 poprzednich."
    )
    assert form.items["not_recent"].text().startswith("✗")
    form.repeat_edit.clear()
    qtbot.keyClicks(form.repeat_edit, "inne")
    assert dialog.errors.message(form.repeat_edit) == "Hasła nie są takie same."


def test_the_e_mail_rule_without_the_name_in_it(qtbot, sessions, office, clock):
    from smtpdesk.core.people.rules import NO_EMAIL, broken_rules

    assert NO_EMAIL in broken_rules("Xx-anna.k@x.pl-1", giodo=True, first_name="Ewa", email="anna.k@x.pl")
    assert NO_EMAIL.problem.pl == "Hasło nie może zawierać Twojego adresu e-mail ani jego części przed @."


def test_without_giodo_eight_characters_and_not_a_common_password_are_enough(qtbot, sessions, office, clock):
    from smtpdesk.core.people.rules import broken_rules

    assert broken_rules("abcdefgh", giodo=False) == []
    assert [r.code for r in broken_rules("qwerty123", giodo=False)] == ["not_common"]
    assert [r.code for r in broken_rules("krótkie", giodo=False)] == ["length"]


def test_the_administrator_resets_an_agents_password_and_sees_it_once(qtbot, sessions, office, clock):
    _session, window = admin_window(qtbot, sessions, office, clock)
    page = window.employees_page
    page.select_employee(office.staff.agent.id)
    employee_dialog = page.edit_selected()
    tools = people_admin(window)
    assert tools is not None
    from smtpdesk.ui.people.admin_tools import EmployeePassword

    password_row = employee_dialog.findChild(EmployeePassword)
    assert password_row is not None and password_row.state.text().startswith("hasło ustawione")
    shown = password_row.reset()
    assert shown is not None
    temporary = shown.password_edit.text()
    assert len(temporary) == 12
    assert password_row.state.text() == "hasło tymczasowe (zmieni przy logowaniu)"
    answer = office.people().sign_in(AGENT_EMAIL, temporary)
    assert answer.ok and answer.change_required == "reset"
    shown.close()
    employee_dialog.reject()


def test_the_last_administrator_keeps_the_role_and_cannot_be_removed(qtbot, sessions, office, clock):
    _session, window = admin_window(qtbot, sessions, office, clock)
    page = window.employees_page
    page.select_employee(office.staff.admin.id)
    box = page.remove_selected()
    assert box is not None and "Nie możesz usunąć siebie" in box.text()
    box.close()
    dialog = page.edit_selected()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.AGENT.value))
    assert not dialog.save()
    assert "co najmniej jeden administrator" in dialog.errors.message(dialog.role_combo)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.ADMIN.value))
    dialog.reject()


def test_each_event_is_in_the_audit_log_which_filters_and_exports_csv(
    qtbot, sessions, office, clock, tmp_path
):
    people = office.people()
    people.sign_in(AGENT_EMAIL, "Zle-Haslo-1")
    people.sign_in("nikt@biuro.test", "Zle-Haslo-1")
    _session, window = admin_window(qtbot, sessions, office, clock)
    window.company_page.name_edit.setText("Biuro Pod Dębem")
    assert window.save()
    page = window.employees_page
    page.select_employee(office.staff.agent.id)
    dialog = page.edit_selected()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.ADMIN.value))
    dialog.accept()
    people.reset_password(office.staff.agent, by=office.staff.admin)

    action = next(a for a in window.tools_menu.actions() if a.objectName() == "audit_log_action")
    action.trigger()
    tools = people_admin(window)
    log = tools.audit
    assert isinstance(log, AuditDialog) and log.isVisible()
    # The sign-in events carry the test's clock, the saves the real one: all dates.
    log.since_edit.setDate(QDate(2000, 1, 1))
    log.until_edit.setDate(QDate(2100, 1, 1))
    events = {(row.event, row.subject) for row in log.rows}
    expected = {
        ("Ustawienie hasła do programu", "Katarzyna Nowicka"),
        ("Zmiana hasła do programu", "Anna Wiśniewska"),
        ("Nieudane logowanie", "Anna Wiśniewska"),
        ("Nieudane logowanie", ""),
        ("Zalogowanie", "Katarzyna Nowicka"),
        ("Zmiana ustawień", "Dane firmy"),
        ("Zmiana roli", "Anna Wiśniewska"),
        ("Reset hasła do programu (hasło tymczasowe)", "Anna Wiśniewska"),
    }
    assert expected <= events
    role = next(row for row in log.rows if row.event == "Zmiana roli")  # newest first
    assert role.detail == "Rola: Agent → Administrator" and role.who.startswith("Katarzyna Nowicka <")
    name = next(row for row in log.rows if row.detail.startswith("Dane firmy › Nazwa firmy"))
    assert name.detail == "Dane firmy › Nazwa firmy: „Biuro Pod Lipą” → „Biuro Pod Dębem”"

    log.kind_combo.setCurrentIndex(log.kind_combo.findData("signin"))
    assert {row.event for row in log.rows} <= {"Zalogowanie", "Nieudane logowanie"}
    log.kind_combo.setCurrentIndex(0)
    log.person_combo.setCurrentIndex(log.person_combo.findData(office.staff.admin.id))
    assert log.rows and all(row.record.person_id == office.staff.admin.id for row in log.rows)
    log.person_combo.setCurrentIndex(0)
    qtbot.keyClicks(log.search_edit, "roli")
    assert {row.event for row in log.rows} == {"Zmiana roli"}
    log.search_edit.clear()

    target = tmp_path / "dziennik.csv"
    assert log.export(str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["Kiedy", "Kto", "Zdarzenie", "Dotyczy", "Szczegóły"]
    assert len(table) == len(log.rows) + 1
    assert any(r[2] == "Zmiana roli" and r[4] == "Rola: Agent → Administrator" for r in table)
    for password in (ADMIN_PASSWORD, AGENT_PASSWORD, "Zle-Haslo-1"):
        assert password not in raw.decode("utf-8-sig")


def test_a_cell_starting_like_a_formula_is_exported_as_text() -> None:
    from datetime import datetime, timezone

    from smtpdesk.core.store import ChangeRecord

    record = ChangeRecord(
        1, datetime.now(timezone.utc), "=HYPERLINK(1)", "", "signin", "", "succeeded", None, None
    )
    text = audit.to_csv([audit.describe(record, audit.Names())])
    assert ";'=HYPERLINK(1);" in text


def forms(password: str) -> set[str]:
    """The password as typed and in every quick, unsalted form someone might have stored."""
    raw = password.encode("utf-8")
    found = {password, raw.hex(), base64.b64encode(raw).decode(), password.encode("utf-16-le").hex()}
    for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b"):
        digest = hashlib.new(name, raw)
        found |= {digest.hexdigest(), digest.hexdigest().upper(), base64.b64encode(digest.digest()).decode()}
    return found


def test_no_application_password_is_anywhere_plain_or_fast_hashed_after_a_session(
    qtbot, sessions, office, clock, data_dir: Path, memory_keyring: MemoryKeyring, caplog
):
    caplog.set_level(logging.DEBUG)
    session, window = admin_window(qtbot, sessions, office, clock)
    used = [ADMIN_PASSWORD, AGENT_PASSWORD, "Zle-Haslo-1", "Nowe-Haslo-Kasi-5"]
    dialog = session.gate.change_password(window)
    dialog.current_edit.setText(ADMIN_PASSWORD)
    dialog.password.new_edit.setText("Nowe-Haslo-Kasi-5")
    dialog.password.repeat_edit.setText("Nowe-Haslo-Kasi-5")
    dialog.submit()
    people = office.people()
    people.sign_in(AGENT_EMAIL, "Zle-Haslo-1")
    people.sign_in(AGENT_PASSWORD, AGENT_PASSWORD)  # a password typed into the address field
    used.append(people.reset_password(office.staff.agent, by=office.staff.admin))
    session.close()
    office.close()

    written = b"".join(path.read_bytes() for path in data_dir.rglob("*") if path.is_file())
    assert written  # the settings file (with its write-ahead log) is there
    text = written.decode("latin-1")
    keychain = repr(memory_keyring.entries) + repr(
        [memory_keyring.get_password(s, n) for s, n in memory_keyring.entries]
    )
    for password in used:
        for form in forms(password):
            assert form not in text, form
            assert form not in keychain, form
            assert form not in caplog.text, form
    with Store.open(data_dir) as store, store._reading() as conn:
        hashes = list(conn.exec_driver_sql("SELECT password_hash FROM app_passwords").scalars())
        used_hashes = list(conn.exec_driver_sql("SELECT password_hash FROM app_password_history").scalars())
        hashes += used_hashes
    assert hashes and all(h.startswith("$argon2id$v=19$m=47104,t=1,p=1$") for h in hashes)
    salts = [h.split("$")[4] for h in used_hashes]
    assert len(set(salts)) == len(salts)  # a salt of its own each
