"""Reading a configuration file: every value is checked with the forms' validators, every problem is
reported with its place in the file, and a file that is not an export (or is from a newer
smtpdesk) is refused — and a refused or faulty file changes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smtpdesk.core.store import Store
from smtpdesk.core.store.exchange import apply_import, preview_import, read_import, read_import_file
from tests.fixtures.office_files import as_bytes, office_file, seed_office


def problems_of(content: dict[str, Any]) -> dict[str, str]:
    parsed = read_import(as_bytes(content))
    assert parsed.refused is None
    found = parsed.all_problems()
    assert len({p.path for p in found}) == len(found)
    return {p.path: p.message.pl for p in found}


def test_a_file_written_by_the_export_has_no_problems(tmp_path) -> None:
    parsed = read_import(as_bytes(office_file(tmp_path, history=True)))
    assert parsed.ok and parsed.all_problems() == []
    assert parsed.program.startswith("smtpdesk ")
    assert parsed.exported_at is not None and parsed.exported_at.tzinfo is not None
    assert len(parsed.employees) == 2 and len(parsed.history) == 3


def test_every_problem_is_reported_with_its_place_and_in_both_languages(tmp_path) -> None:
    file = office_file(tmp_path)
    file["settings"]["company"]["email"] = "biuro(at)zrodlo.pl"
    file["settings"]["company_smtp"]["port"] = 70000
    file["settings"]["company_smtp"]["security"] = "tls"
    file["settings"]["giodo"]["password_change_days"] = "30"
    file["settings"]["office"]["contact_mode"] = 1
    del file["settings"]["default_server"]
    file["employees"][0]["email"] = "anna@@zrodlo.pl"
    file["employees"][0]["smtp"]["host"] = "smtp.zrodlo.pl\r\nRCPT TO:<x@y.pl>"
    file["employees"][1]["role"] = "szef"
    file["employees"][1]["smtp"] = "brak"
    file["employees"][1]["nickname"] = "Janek"
    file["extra"] = True

    found = problems_of(file)

    assert found == {
        "settings.company.email": "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl",
        "settings.company_smtp.port": "Port musi być liczbą od 1 do 65535",
        "settings.company_smtp.security": "Dozwolone wartości: auto, starttls, ssl, none",
        "settings.giodo.password_change_days": "Oczekiwano liczby całkowitej",
        "settings.office.contact_mode": "Dozwolone wartości: agent, company",
        "settings.default_server": "Brak tego pola w pliku",
        "employees[0].email": "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl",
        "employees[0].smtp.host": (
            "To pole nie może zawierać znaków nowej linii, tabulacji ani innych znaków sterujących"
        ),
        "employees[1].role": "Dozwolone wartości: admin, agent",
        "employees[1].smtp": "Oczekiwano ustawień konta (obiekt JSON) albo null, gdy konta nie ma",
        "employees[1].nickname": "Nieznane pole — ten program go nie zna (literówka?)",
        "extra": "Nieznane pole — ten program go nie zna (literówka?)",
    }
    english = {p.path: p.message.en for p in read_import(as_bytes(file)).all_problems()}
    assert english["settings.company_smtp.port"] == "The port must be a number from 1 to 65535"
    assert all(english[path] != found[path] for path in ("extra", "settings.default_server"))


def test_values_are_tidied_as_the_forms_tidy_them(tmp_path) -> None:
    file = office_file(tmp_path)
    file["settings"]["company_smtp"]["host"] = "  smtps://Smtp.Źródło.PL:465/ "
    file["settings"]["company"]["website"] = "www.zrodlo.pl"
    file["settings"]["company_smtp"]["pinned_fingerprint"] = ":".join(["AB"] * 32)
    file["employees"][0]["first_name"] = "  Anna  "
    parsed = read_import(as_bytes(file))
    assert parsed.ok, parsed.all_problems()
    assert parsed.settings["company_smtp.host"] == "smtp.xn--rdo-gna01bwk.pl"
    assert parsed.settings["company.website"] == "https://www.zrodlo.pl"
    assert parsed.settings["company_smtp.pinned_fingerprint"] == "ab" * 32
    assert parsed.employees[0].values["first_name"] == "Anna"


def test_two_employees_with_one_address_are_a_problem(tmp_path) -> None:
    file = office_file(tmp_path)
    file["employees"][1]["email"] = "ANNA@zrodlo.pl"
    assert problems_of(file)["employees[1].email"].startswith("Ten sam adres e-mail ma już pracownik nr 1")


def test_runs_name_employees_by_address_never_by_a_local_id(tmp_path) -> None:
    file = office_file(tmp_path, history=True)
    assert [run.get("employee") for run in file["history"]] == ["anna@zrodlo.pl", None, "anna@zrodlo.pl"]
    file["history"][0]["employee"] = "nikt@zrodlo.pl"
    file["history"][1]["at"] = "wczoraj"
    del file["history"][2]["employee"]
    file["history"][2]["account_key"] = "smtp:employee:7"
    assert problems_of(file) == {
        "history[0].employee": "W pliku nie ma pracownika z adresem nikt@zrodlo.pl",
        "history[1].at": "Oczekiwano daty i godziny ISO 8601, np. 2024-05-01T09:00:00+00:00",
        "history[2].account_key": "Wpis musi wskazywać konto: „employee” (adres e-mail pracownika) albo "
        "„account_key” (np. smtp:company)",
    }


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "plik nie jest tekstem UTF-8"),
        (
            b"<html><body>konfiguracja</body></html>",
            "pliku nie da się odczytać jako JSON (błąd w wierszu 1, kolumna 1)",
        ),
        (b'{"format": "smtpdesk-configuration",\n "version": 1,', "(błąd w wierszu 2, kolumna 15)"),
        (b"[1, 2, 3]", "brak oznaczenia „smtpdesk-configuration”"),
        (json.dumps({"company": {"name": "Biuro"}}).encode(), "brak oznaczenia"),
        (
            json.dumps({"format": "smtpdesk-configuration", "version": 2}).encode(),
            "Ten plik zapisała nowsza wersja smtpdesk (format w wersji 2, ten program zna najwyżej wersję 1)",
        ),
    ],
)
def test_what_is_not_an_export_or_is_from_a_newer_smtpdesk_is_refused(
    any_store: Store, data: bytes, says: str
) -> None:
    seed_office(any_store)
    before = (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id())

    parsed = read_import(data)
    assert parsed.refused is not None and says in parsed.refused.pl
    assert parsed.refused.en and parsed.refused.en != parsed.refused.pl
    preview = preview_import(any_store, parsed, source="plik.json")
    assert not preview.ok and preview.groups(True) == []
    assert preview.summary(False) == parsed.refused
    with pytest.raises(ValueError):
        apply_import(any_store, preview)
    assert (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id()) == before


def test_a_rejected_import_changes_nothing_and_shows_each_problem_where_it_is(
    any_store: Store, tmp_path
) -> None:
    seed_office(any_store)
    file = office_file(tmp_path)
    file["settings"]["company"]["name"] = "Nowa nazwa"
    file["settings"]["company_smtp"]["port"] = "465"
    file["employees"][1]["email"] = "jan.kowalski"
    before = (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id())

    preview = preview_import(any_store, read_import(as_bytes(file)), source="plik.json")

    assert not preview.ok
    placed = {
        g.title.pl: [(r.label.pl, r.problem.pl if r.problem else None, r.path) for r in g.rows]
        for g in preview.groups(False)
    }
    assert placed["Dane firmy"] == [("Nazwa firmy", None, "")]  # the valid change, shown too
    assert placed["Konto firmowe (SMTP)"] == [
        ("Port serwera poczty wychodzącej", "Oczekiwano liczby całkowitej", "settings.company_smtp.port")
    ]
    assert placed["Pracownik nr 2 w pliku"] == [
        ("E-mail", "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl", "employees[1].email")
    ]
    assert preview.summary(False).pl.startswith("Problemy w pliku: 2.")
    with pytest.raises(ValueError):
        apply_import(any_store, preview)
    assert (any_store.load_settings(), any_store.list_employees(), any_store.last_change_id()) == before


def test_a_huge_file_is_refused_without_being_read(tmp_path) -> None:
    huge = tmp_path / "kopia-dysku.json"
    with open(huge, "wb") as file:
        file.truncate(80 * 1024 * 1024)  # sparse: takes no room on the disk
    parsed = read_import_file(huge)
    assert parsed.refused is not None
    assert parsed.refused.pl == (
        "Plik jest za duży na eksport konfiguracji smtpdesk (80 MB, najwyżej 64 MB)."
    )
