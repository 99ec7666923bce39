"""Export and import on both backends: a round trip gives the same office, an import writes what its
preview showed or nothing at all, and no password ever reaches the file."""

from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.model import COMPANY_ACCOUNT, DEFAULT_ACCOUNT, ContactMode, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.engine import run_test
from smtpdesk.core.store import Actor, Store
from smtpdesk.core.store.exchange import (
    ImportConflictError,
    apply_import,
    export_configuration,
    export_json,
    password_known,
    preview_import,
    read_import,
    read_import_file,
    write_export,
)
from smtpdesk.core.store.import_job import EmployeeImport, ImportJob
from smtpdesk.core.store.schema import employee_flat, settings_flat
from tests.fixtures.keyring_backends import MemoryKeyring
from tests.fixtures.office_files import as_bytes, manager_store, office_file, seed_office, without_ids
from tests.fixtures.samples import agent, full_settings
from tests.fixtures.smtp_servers import build_request
from tests.fixtures.stores import OpenStore


def import_all(store: Store, data: bytes, *, remove_absent: bool = False, secrets: SecretStore | None = None):
    preview = preview_import(store, read_import(data), source="konfiguracja.json")
    assert preview.ok, preview.file.all_problems()
    return apply_import(store, preview, remove_absent=remove_absent, secrets=secrets)


def comparable_runs(store: Store) -> list[tuple]:
    """The runs with the employee's account named by e-mail (ids differ between databases)."""
    emails = {employee_account(e.id): e.email for e in store.list_employees() if e.id is not None}
    return sorted(
        (emails.get(e.account_key, e.account_key), json.dumps(replace(e, id=None, account_key="").to_json()))
        for e in store.history(limit=10_000)
    )


# --- round trip ---------------------------------------------------------------------------------------


def test_an_office_exported_here_and_imported_into_an_empty_file_is_the_same(any_store, tmp_path) -> None:
    seed_office(any_store)
    data = as_bytes(export_configuration(any_store, include_history=True))

    with Store.open(tmp_path / "agent") as agent_desktop:
        outcome = import_all(agent_desktop, data)
        assert agent_desktop.load_settings() == any_store.load_settings()
        assert without_ids(agent_desktop.list_employees()) == without_ids(any_store.list_employees())
        assert comparable_runs(agent_desktop) == comparable_runs(any_store)
        assert outcome.history_added == 3 and outcome.removed == ()


def test_a_file_from_another_desktop_imported_here_gives_the_same_office(any_store, tmp_path) -> None:
    with manager_store(tmp_path) as manager:
        data = as_bytes(export_configuration(manager))
        import_all(any_store, data)
        assert any_store.load_settings() == manager.load_settings() == full_settings()
        assert without_ids(any_store.list_employees()) == without_ids(manager.list_employees())
    assert any_store.history() == []  # not asked for: not in the file


def test_the_history_stays_out_of_the_file_unless_asked(any_store) -> None:
    seed_office(any_store)
    assert "history" not in export_configuration(any_store)
    runs = export_configuration(any_store, include_history=True)["history"]
    assert len(runs) == 3
    assert {run.get("employee") for run in runs} == {"anna@zrodlo.pl", None}
    assert all("smtp:employee" not in json.dumps(run) for run in runs)  # never a local id


def test_importing_the_same_file_again_changes_nothing(any_store, tmp_path) -> None:
    data = as_bytes(office_file(tmp_path, history=True))
    import_all(any_store, data)
    log_before = any_store.last_change_id()

    preview = preview_import(any_store, read_import(data), source="konfiguracja.json")
    assert not preview.has_changes(remove_absent=True)
    assert (
        preview.summary(False).pl == "Ta baza ma już wszystko, co jest w pliku — import niczego nie zmieni."
    )
    assert apply_import(any_store, preview).history_added == 0
    assert len(any_store.history()) == 3
    assert len(any_store.list_employees()) == 2
    assert [c.kind for c in any_store.changes_after(log_before)] == ["import"]


def test_the_change_log_marks_the_import_and_every_field_it_changed(any_store, tmp_path) -> None:
    any_store.save_settings(replace(full_settings(), contact_mode=ContactMode.AGENT))
    log_before = any_store.last_change_id()
    import_all(any_store, as_bytes(office_file(tmp_path)))

    records = any_store.changes_after(log_before)
    marks = [r for r in records if r.kind == "import"]
    assert len(marks) == 1
    assert marks[0].subject == "konfiguracja.json"
    assert marks[0].new == {"settings": 1, "added": 2, "changed": 0, "removed": 0, "history": 0}
    assert ("settings", "office.contact_mode") in {(r.kind, r.field) for r in records}
    assert sum(r.field == "created" for r in records) == 2


# --- the file -----------------------------------------------------------------------------------------


def test_no_password_ever_reaches_the_file(
    any_store, secrets: SecretStore, memory_keyring: MemoryKeyring, smtp_server, tmp_path
) -> None:
    server = smtp_server()
    anna = any_store.save_employee(replace(agent(), smtp=server.account()))
    assert anna.id is not None
    passwords = {
        employee_account(anna.id): server.password,
        COMPANY_ACCOUNT: "Firmowe-Hasło-9",
        DEFAULT_ACCOUNT: "Domyślne-Hasło-7",
    }
    for key, password in passwords.items():
        secrets.set(key, password)
    any_store.save_settings(full_settings())
    # A real sign-in and send, so the history holds a real (redacted) conversation with AUTH in it.
    result = run_test(build_request(server.account(), server.password))
    assert result.ok, result.code
    any_store.add_history(HistoryEntry.from_result(result, employee_account(anna.id), "Anna Nowak"))
    # An office database keeps passwords encrypted: not even those go into the file.
    any_store.put_secret(COMPANY_ACCOUNT, b"n" * 12, b"zaszyfrowane-haslo-firmowe")

    target = tmp_path / "konfiguracja.json"
    write_export(target, export_configuration(any_store, include_history=True))
    text = target.read_text(encoding="utf-8")

    assert "AUTH" in text  # the conversation is there, its secrets are not
    secrets_seen = [*passwords.values(), *memory_keyring.entries.values()]
    for password in secrets_seen:
        assert password not in text
        for form in (password.encode(), f"\0{server.login}\0{password}".encode()):
            assert base64.b64encode(form).decode() not in text
    assert base64.b64encode(b"zaszyfrowane-haslo-firmowe").decode() not in text
    assert "zaszyfrowane" not in text


def test_the_file_is_private_and_replaces_an_older_one_whole(store: Store, tmp_path: Path) -> None:
    seed_office(store)
    target = tmp_path / "konfiguracja.json"
    target.write_text("poprzedni eksport", encoding="utf-8")
    os.chmod(target, 0o644)

    content = export_configuration(store)
    write_export(target, content)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8")) == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "konfiguracja.json"]  # nothing left over
    assert read_import_file(target).ok


def test_the_logo_travels_as_base64(store: Store) -> None:
    seed_office(store)
    content = export_configuration(store)
    logo = full_settings().company.logo
    assert logo is not None
    assert content["settings"]["company"]["logo"] == base64.b64encode(logo).decode("ascii")
    assert export_json(content).count("\n") > 50  # indented for people who open it


# --- what the preview shows is what is written ------------------------------------------------------------


def test_the_preview_lists_exactly_the_changes(any_store, tmp_path) -> None:
    anna, jan = seed_office(any_store)
    with manager_store(tmp_path) as manager:
        settings = manager.load_settings()
        manager.save_settings(
            replace(settings, company=replace(settings.company, name="Źródło Nieruchomości"))
        )
        their_anna = next(e for e in manager.list_employees() if e.email == "anna@zrodlo.pl")
        manager.save_employee(replace(their_anna, phone="+48 601 000 111"))
        their_jan = next(e for e in manager.list_employees() if e.email == "jan@zrodlo.pl")
        assert their_jan.id is not None
        manager.delete_employee(their_jan.id)
        manager.save_employee(agent("Ewa", "Zielińska", own_smtp=False))
        data = as_bytes(export_configuration(manager))

    preview = preview_import(any_store, read_import(data), source="konfiguracja.json")

    shown = {
        (g.kind, g.title.pl): [(r.label.pl, r.old and r.old.pl, r.new and r.new.pl) for r in g.rows]
        for g in preview.groups(remove_absent=False)
    }
    assert shown == {
        ("settings", "Dane firmy"): [
            ("Nazwa firmy", "Nieruchomości Źródło Sp. z o.o.", "Źródło Nieruchomości"),
        ],
        ("changed", "Pracownik: Anna Nowak <anna@zrodlo.pl>"): [
            ("Telefon", "600 700 800", "+48 601 000 111")
        ],
        ("added", "Nowy pracownik: Ewa Zielińska <ewa@zrodlo.pl>"): [
            ("Imię", None, "Ewa"),
            ("Nazwisko", None, "Zielińska"),
            ("E-mail", None, "ewa@zrodlo.pl"),
            ("Telefon", None, "600 700 800"),
            ("Rola", None, "Agent"),
        ],
        ("absent", "Pracownicy, których nie ma w pliku"): [
            ("Jan Kowalski <jan@zrodlo.pl>", None, "zostaje bez zmian")
        ],
        ("passwords", "Do uzupełnienia na tym komputerze"): [
            (
                "Konto firmowe (SMTP): biuro@zrodlo.pl",
                None,
                "wpisz hasło w ustawieniach konta — plik nie zawiera haseł, a ten komputer go nie zna",
            ),
            (
                "Konto firmowe (SMTP): biuro@zrodlo.pl",
                None,
                "skopiuj na ten komputer plik urzędu certyfikacji /etc/ssl/zrodlo-ca.pem — tu go nie ma",
            ),
            (
                "Anna Nowak <anna@zrodlo.pl>",
                None,
                "wpisz hasło w ustawieniach konta — plik nie zawiera haseł, a ten komputer go nie zna",
            ),
            (
                "Anna Nowak <anna@zrodlo.pl>",
                None,
                "skopiuj na ten komputer plik urzędu certyfikacji /home/anna/ca.pem — tu go nie ma",
            ),
        ],
    }
    assert (
        preview.summary(False).pl
        == "Ustawienia do zmiany: 1 · Nowi pracownicy: 1 · Pracownicy ze zmianami: 1"
    )
    assert preview.summary(True).pl.endswith("Pracownicy ze zmianami: 1 · Do usunięcia: 1")
    removing = {g.kind: g for g in preview.groups(remove_absent=True)}["absent"]
    assert [r.new.pl for r in removing.rows if r.new] == ["zostanie usunięty"]

    apply_import(any_store, preview)
    stored = {e.email: e for e in any_store.list_employees()}
    assert any_store.load_settings().company.name == "Źródło Nieruchomości"
    assert stored["anna@zrodlo.pl"].phone == "+48 601 000 111"
    assert stored["anna@zrodlo.pl"].id == anna.id  # the same person, the same password entry
    assert stored["jan@zrodlo.pl"] == jan  # not in the file, not asked to remove: kept
    assert "ewa@zrodlo.pl" in stored


def test_employees_absent_from_the_file_go_only_when_asked_with_their_password_and_history(
    any_store, secrets: SecretStore, tmp_path
) -> None:
    anna, _ = seed_office(any_store)
    extra = any_store.save_employee(agent("Ola", "Lis"))
    assert extra.id is not None and anna.id is not None
    secrets.set(employee_account(extra.id), "Hasło-Oli-1")
    secrets.set(employee_account(anna.id), "Hasło-Anny-1")
    any_store.add_history(replace(any_store.history()[0], id=None, account_key=employee_account(extra.id)))
    data = as_bytes(office_file(tmp_path))

    import_all(any_store, data)
    assert extra in any_store.list_employees()

    outcome = import_all(any_store, data, remove_absent=True, secrets=secrets)
    assert outcome.removed == (extra.id,)
    assert [e.email for e in any_store.list_employees()] == ["anna@zrodlo.pl", "jan@zrodlo.pl"]
    assert secrets.get(employee_account(extra.id)) is None
    assert any_store.history(employee_account(extra.id)) == []
    assert secrets.get(employee_account(anna.id)) == "Hasło-Anny-1"  # imported accounts: untouched


def test_employees_are_matched_by_email_whatever_the_letter_case(any_store, tmp_path) -> None:
    mine = any_store.save_employee(replace(agent("Anna", "Nowak"), email="Anna@zrodlo.pl", phone=""))
    preview = preview_import(any_store, read_import(as_bytes(office_file(tmp_path))), source="k.json")
    kinds = {g.title.pl: g.kind for g in preview.groups(False)}
    assert kinds["Pracownik: Anna Nowak <Anna@zrodlo.pl>"] == "changed"
    apply_import(any_store, preview)
    annas = [e for e in any_store.list_employees() if e.email.casefold() == "anna@zrodlo.pl"]
    assert [(e.id, e.email, e.phone) for e in annas] == [(mine.id, "anna@zrodlo.pl", "600 700 800")]


def test_the_preview_says_which_passwords_this_computer_lacks(
    any_store, secrets: SecretStore, tmp_path
) -> None:
    anna, _ = seed_office(any_store)
    assert anna.id is not None
    secrets.set(COMPANY_ACCOUNT, "Firmowe-Hasło-9")
    secrets.set(employee_account(anna.id), "Hasło-Anny-1")
    file = office_file(tmp_path)
    file["employees"].append({**file["employees"][0], "first_name": "Ola", "email": "ola@zrodlo.pl"})

    preview = preview_import(
        any_store, read_import(as_bytes(file)), source="k.json", has_password=password_known(secrets)
    )
    assert [p.pl for p in preview.passwords] == ["Ola Nowak <ola@zrodlo.pl>"]

    apply_import(any_store, preview, secrets=secrets)
    assert secrets.get(COMPANY_ACCOUNT) == "Firmowe-Hasło-9"
    assert secrets.get(employee_account(anna.id)) == "Hasło-Anny-1"


# --- all or nothing -------------------------------------------------------------------------------------


def other_desktop(open_store: OpenStore) -> Store:
    store = open_store()
    store.actor = Actor("Marta", "biuro-2")
    return store


def test_a_setting_changed_after_the_preview_refuses_the_import_and_nothing_is_written(
    open_store: OpenStore, tmp_path
) -> None:
    here = open_store()
    seed_office(here)
    file = office_file(tmp_path)
    file["settings"]["company"]["name"] = "Z pliku"
    file["employees"].append({**file["employees"][1], "first_name": "Ewa", "email": "ewa@zrodlo.pl"})
    preview = preview_import(here, read_import(as_bytes(file)), source="k.json")
    assert preview.has_changes(False)

    there = other_desktop(open_store)
    settings = there.load_settings()
    there.save_settings(
        replace(settings, giodo=replace(settings.giodo, password_change_days=60)), base=settings
    )
    before = (here.load_settings(), here.list_employees(), here.last_change_id())

    with pytest.raises(ImportConflictError) as refused:
        apply_import(here, preview)

    assert (here.load_settings(), here.list_employees(), here.last_change_id()) == before
    message = refused.value.message.pl
    assert "Ustawienia GIODO › Wymuś zmianę hasła: częstotliwość zmian (liczba dni)" in message
    assert "Marta (biuro-2)" in message and "Nic nie zostało zaimportowane" in message

    # Looked at again, as of now: it applies, and the other desktop's change stays.
    again = preview_import(here, read_import(as_bytes(file)), source="k.json")
    assert [g.title.pl for g in again.groups(False) if g.kind == "settings"] == [
        "Dane firmy",
        "Ustawienia GIODO",
    ]
    apply_import(here, again)
    assert here.load_settings().company.name == "Z pliku"
    assert here.load_settings().giodo.password_change_days == 30  # the file's value, as the preview showed


@pytest.mark.parametrize("meanwhile", ["edited", "removed", "same_email_added"])
def test_an_employee_changed_after_the_preview_refuses_the_import(
    open_store: OpenStore, tmp_path, meanwhile: str
) -> None:
    here = open_store()
    anna, _ = seed_office(here)
    file = office_file(tmp_path)
    file["employees"][0]["phone"] = "+48 601 000 111"
    file["employees"].append({**file["employees"][1], "first_name": "Ewa", "email": "ewa@zrodlo.pl"})
    preview = preview_import(here, read_import(as_bytes(file)), source="k.json")

    there = other_desktop(open_store)
    expected = {
        "edited": "Anna Nowak <anna@zrodlo.pl> › Telefon",
        "removed": "usunięto pracownika Anna Nowak <anna@zrodlo.pl>",
        "same_email_added": "dodano pracownika Ewa Zielińska <Ewa@zrodlo.pl>",
    }[meanwhile]
    if meanwhile == "edited":
        there.save_employee(replace(anna, phone="500 500 500"), base=anna)
    elif meanwhile == "removed":
        assert anna.id is not None
        there.delete_employee(anna.id)
    else:
        there.save_employee(replace(agent("Ewa", "Zielińska"), email="Ewa@zrodlo.pl"))
    before = (here.load_settings(), here.list_employees(), here.last_change_id())

    with pytest.raises(ImportConflictError) as refused:
        apply_import(here, preview)

    assert expected in refused.value.message.pl
    assert (here.load_settings(), here.list_employees(), here.last_change_id()) == before


def test_an_employee_added_elsewhere_after_the_preview_is_kept(open_store: OpenStore, tmp_path) -> None:
    here = open_store()
    seed_office(here)
    preview = preview_import(here, read_import(as_bytes(office_file(tmp_path))), source="k.json")
    zofia = other_desktop(open_store).save_employee(agent("Zofia", "Mazur"))

    apply_import(here, preview, remove_absent=True)  # removes only what the preview listed
    assert zofia in here.list_employees()


def test_a_failure_halfway_through_the_import_leaves_everything_as_it_was(any_store) -> None:
    seed_office(any_store)
    base = settings_flat(any_store.load_settings())
    good = employee_flat(agent("Ewa", "Zielińska"))
    broken = {**employee_flat(agent("Ola", "Lis")), "smtp.port": "587"}  # a value no column takes
    job = ImportJob(
        source="k.json",
        settings_base=base,
        settings_new={**base, "company.name": "Nowa nazwa"},
        employees=(EmployeeImport("ewa@zrodlo.pl", good), EmployeeImport("ola@zrodlo.pl", broken)),
    )
    before = (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id())

    with pytest.raises(TypeError):
        any_store.apply_import(job)

    assert (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id()) == before


def test_a_file_with_problems_cannot_be_applied(any_store, tmp_path) -> None:
    file = office_file(tmp_path)
    file["settings"]["company_smtp"]["port"] = 0
    preview = preview_import(any_store, read_import(as_bytes(file)), source="k.json")
    assert not preview.ok
    with pytest.raises(ValueError):
        apply_import(any_store, preview)
    assert not any_store.is_configured()
