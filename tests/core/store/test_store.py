"""The settings database on both backends: what is saved comes back, a second window or desktop
sees it, and nothing is lost when two of them save at once."""

from __future__ import annotations

import dataclasses
import gc
import threading
from dataclasses import replace
from datetime import timedelta

import pytest

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OfficeSettings,
    Role,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.store import HISTORY_KEEP_PER_ACCOUNT, Store, StoreError
from smtpdesk.core.store.schema import model_fields_covered
from tests.fixtures.samples import T0, agent, failed_auth_result, full_settings, run
from tests.fixtures.stores import OpenStore

# --- settings -------------------------------------------------------------------------------------


def test_a_new_database_is_empty_and_not_configured(any_store: Store) -> None:
    assert not any_store.is_configured()
    assert any_store.load_settings() == OfficeSettings()
    assert any_store.list_employees() == []
    assert any_store.history() == []
    assert any_store.last_results() == {}
    assert any_store.section_versions() == dict.fromkeys(any_store.section_versions(), 0)


def test_every_settings_field_round_trips(any_store: Store) -> None:
    settings = full_settings()
    assert any_store.save_settings(settings) == settings
    assert any_store.is_configured()
    assert any_store.load_settings() == settings


def test_the_schema_covers_every_field_of_the_model() -> None:
    # A field added to the model without a place in the database would silently not be saved.
    assert model_fields_covered()


def test_saving_again_replaces_and_removing_an_account_clears_it(any_store: Store) -> None:
    any_store.save_settings(full_settings())
    changed = dataclasses.replace(
        full_settings(),
        company=Company(name="Inna firma"),
        company_smtp=None,
        default_server=None,
        contact_mode=ContactMode.AGENT,
    )
    any_store.save_settings(changed)
    assert any_store.load_settings() == changed
    assert any_store.load_settings().company.logo is None


def test_an_account_with_an_empty_server_stays_an_account(any_store: Store) -> None:
    settings = OfficeSettings(company_smtp=SmtpAccount(host="", username="biuro@zrodlo.pl"))
    any_store.save_settings(settings)
    assert any_store.load_settings() == settings


def test_a_value_that_cannot_be_stored_stops_the_save_before_any_write(any_store: Store) -> None:
    any_store.save_settings(full_settings())
    wrong_type = Giodo(password_change_days="7")  # type: ignore[arg-type]
    bad = dataclasses.replace(full_settings(), company=Company(name="Nowa"), giodo=wrong_type)
    with pytest.raises(TypeError):
        any_store.save_settings(bad, base=full_settings())
    assert any_store.load_settings() == full_settings()


def test_only_changed_sections_get_a_new_version(any_store: Store) -> None:
    any_store.save_settings(full_settings())
    before = any_store.section_versions()
    renamed = replace(full_settings(), company=replace(full_settings().company, name="Nowa nazwa"))
    any_store.save_settings(renamed, base=full_settings())
    after = any_store.section_versions()
    assert after["company"] == before["company"] + 1
    assert {k: v for k, v in after.items() if k != "company"} == {
        k: v for k, v in before.items() if k != "company"
    }


def test_a_second_store_sees_changes_while_the_first_is_open(open_store: OpenStore) -> None:
    first, other = open_store(), open_store()
    first.save_settings(full_settings())
    assert other.load_settings() == full_settings()


def test_a_restart_shows_what_was_saved(open_store: OpenStore) -> None:
    first = open_store()
    first.save_settings(full_settings())
    anna = first.save_employee(agent())
    assert anna.id is not None
    first.add_history(run(employee_account(anna.id), T0))
    first.close()

    second = open_store()
    assert second.is_configured()
    assert second.load_settings() == full_settings()
    assert second.list_employees() == [anna]
    assert [e.account_key for e in second.history()] == [employee_account(anna.id)]
    assert second.backup_path is None  # no upgrade, no copy


def test_a_closed_store_says_so(open_store: OpenStore) -> None:
    s = open_store()
    s.close()
    s.close()  # closing twice is fine
    with pytest.raises(StoreError) as caught:
        s.load_settings()
    assert caught.value.message.pl == "Baza ustawień została już zamknięta"


def test_closing_while_another_thread_reads_leaves_no_connection_open(open_store: OpenStore) -> None:
    """A window's change monitor may still be reading when the store closes: its connection must
    be closed with the store (an office database's driver warns about one left open)."""
    store = open_store()
    reading = threading.Event()
    outcome: list[BaseException] = []

    def reader() -> None:
        try:
            while True:
                reading.set()
                store.changes_after(0)
        except StoreError as error:
            outcome.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    assert reading.wait(10)
    store.close()
    thread.join(10)
    gc.collect()  # a connection left open would be freed here, with the driver's warning

    assert not thread.is_alive()
    [error] = outcome
    assert isinstance(error, StoreError) and error.message.pl == "Baza ustawień została już zamknięta"


# --- employees ------------------------------------------------------------------------------------


def test_employees_round_trip_with_and_without_own_account(any_store: Store) -> None:
    anna = any_store.save_employee(agent("Anna", "Nowak"))
    jan = any_store.save_employee(
        Employee(first_name="Jan", last_name="Żółć", email="", phone="", role=Role.ADMIN, smtp=None)
    )
    assert anna.id is not None and jan.id is not None and anna.id != jan.id
    assert any_store.is_configured()
    assert any_store.list_employees() == [anna, jan]
    assert any_store.get_employee(jan.id) == jan
    assert any_store.get_employee(anna.id) == anna
    assert any_store.get_employee(9999) is None


def test_an_employee_can_be_edited(any_store: Store) -> None:
    anna = any_store.save_employee(agent())
    assert anna.id is not None
    edited = dataclasses.replace(anna, last_name="Kowalska", role=Role.ADMIN, smtp=None)
    assert any_store.save_employee(edited, base=anna) == edited
    assert any_store.get_employee(anna.id) == edited
    assert any_store.employee_versions() == {anna.id: 2}
    assert len(any_store.list_employees()) == 1


def test_delete_employee_removes_them_and_their_history(any_store: Store) -> None:
    anna = any_store.save_employee(agent("Anna"))
    jan = any_store.save_employee(agent("Jan"))
    assert anna.id is not None and jan.id is not None
    any_store.add_history(run(employee_account(anna.id), T0))
    any_store.add_history(run(employee_account(jan.id), T0))

    any_store.delete_employee(anna.id)

    assert any_store.list_employees() == [jan]
    assert any_store.get_employee(anna.id) is None
    assert [e.account_key for e in any_store.history()] == [employee_account(jan.id)]
    any_store.delete_employee(anna.id)  # already gone: nothing happens


def test_a_removed_employees_id_is_never_given_to_someone_new(any_store: Store) -> None:
    # The password entry is keyed by the id; a reused id could inherit someone else's password.
    last = any_store.save_employee(agent("Ostatni"))
    assert last.id is not None
    any_store.delete_employee(last.id)
    newcomer = any_store.save_employee(agent("Nowy"))
    assert newcomer.id is not None and newcomer.id > last.id


def test_saving_a_whole_employee_removed_meanwhile_keeps_their_id(open_store: OpenStore) -> None:
    mine, other = open_store(), open_store()
    anna = mine.save_employee(agent())
    assert anna.id is not None
    other.delete_employee(anna.id)
    assert mine.save_employee(anna) == anna
    assert mine.get_employee(anna.id) == anna


# --- history --------------------------------------------------------------------------------------


def test_history_is_listed_newest_first(any_store: Store) -> None:
    key_a, key_b = employee_account(1), COMPANY_ACCOUNT
    first = any_store.add_history(run(key_a, T0, ok=False))
    second = any_store.add_history(run(key_b, T0 + timedelta(minutes=1), label="Konto firmowe"))
    third = any_store.add_history(run(key_a, T0 + timedelta(minutes=2)))
    # Recorded later but ran earlier (e.g. a slow check finishing last): sorted by time.
    oldest = any_store.add_history(run(key_b, T0 - timedelta(hours=1), ok=False, label="Konto firmowe"))

    assert [e.id for e in any_store.history()] == [third, second, first, oldest]
    assert [e.id for e in any_store.history(key_a)] == [third, first]
    assert [e.id for e in any_store.history(limit=2)] == [third, second]
    assert any_store.history("smtp:employee:404") == []


def test_a_cancelled_run_is_history_but_never_the_last_result(any_store: Store) -> None:
    key = employee_account(1)
    failed = any_store.add_history(run(key, T0, ok=False))
    cancelled = replace(run(key, T0 + timedelta(minutes=1)), code="cancelled", ok=False, stage="greeting")
    any_store.add_history(cancelled)
    any_store.add_history(replace(cancelled, account_key=COMPANY_ACCOUNT))

    assert [e.code for e in any_store.history(key)] == ["cancelled", "auth_failed"]
    last = any_store.last_result(key)
    assert last is not None and last.id == failed
    assert any_store.last_result(COMPANY_ACCOUNT) is None
    assert {k: e.id for k, e in any_store.last_results().items()} == {key: failed}


def test_a_history_entry_round_trips(any_store: Store) -> None:
    entry = run(COMPANY_ACCOUNT, T0, ok=False, label="Konto firmowe Łódź")
    entry_id = any_store.add_history(entry)
    assert any_store.history() == [dataclasses.replace(entry, id=entry_id)]


def test_last_results_has_the_newest_run_of_every_account(any_store: Store) -> None:
    any_store.add_history(run(COMPANY_ACCOUNT, T0, ok=True))
    latest_company = any_store.add_history(run(COMPANY_ACCOUNT, T0 + timedelta(seconds=5), ok=False))
    latest_anna = any_store.add_history(run(employee_account(1), T0))
    last = any_store.last_results()
    assert set(last) == {COMPANY_ACCOUNT, employee_account(1)}
    assert last[COMPANY_ACCOUNT].id == latest_company
    assert last[COMPANY_ACCOUNT].ok is False
    assert last[employee_account(1)].id == latest_anna


def test_of_two_runs_at_the_same_moment_the_later_stored_is_the_last_result(any_store: Store) -> None:
    any_store.add_history(run(COMPANY_ACCOUNT, T0, ok=True))
    later = any_store.add_history(run(COMPANY_ACCOUNT, T0, ok=False))
    assert any_store.last_results()[COMPANY_ACCOUNT].id == later
    assert any_store.last_results(details=False)[COMPANY_ACCOUNT].id == later


def test_last_results_without_details_say_how_it_went_and_the_run_reads_in_full(any_store: Store) -> None:
    stored = run(employee_account(1), T0, ok=False)
    entry_id = any_store.add_history(stored)
    any_store.add_history(replace(run(employee_account(1), T0 + timedelta(minutes=1)), code="cancelled"))

    (outcome,) = any_store.last_results(details=False).values()
    assert (outcome.id, outcome.ok, outcome.code, outcome.title, outcome.at) == (
        entry_id,
        False,
        "auth_failed",
        stored.title,
        T0,
    )
    assert outcome.transcript == [] and outcome.timings_ms == {}
    assert any_store.history_entry(entry_id) == replace(stored, id=entry_id)
    assert any_store.last_results()[employee_account(1)] == replace(stored, id=entry_id)
    assert any_store.history_entry(entry_id + 1000) is None


def test_clear_history_of_one_account_or_all(any_store: Store) -> None:
    any_store.add_history(run(COMPANY_ACCOUNT, T0))
    any_store.add_history(run(employee_account(1), T0))
    any_store.clear_history(COMPANY_ACCOUNT)
    assert [e.account_key for e in any_store.history()] == [employee_account(1)]
    any_store.clear_history()
    assert any_store.history() == []
    assert any_store.last_results() == {}


def test_history_of_one_account_is_capped(any_store: Store) -> None:
    for i in range(HISTORY_KEEP_PER_ACCOUNT + 5):
        any_store.add_history(run(COMPANY_ACCOUNT, T0 + timedelta(seconds=i)))
    any_store.add_history(run(employee_account(1), T0))
    kept = any_store.history(COMPANY_ACCOUNT, limit=HISTORY_KEEP_PER_ACCOUNT + 100)
    assert len(kept) == HISTORY_KEEP_PER_ACCOUNT
    assert kept[-1].at == T0 + timedelta(seconds=5)  # the oldest ones went
    assert len(any_store.history(employee_account(1))) == 1


# --- threads --------------------------------------------------------------------------------------


def test_concurrent_writes_from_worker_threads(any_store: Store) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8, timeout=10)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                saved = any_store.save_employee(agent(f"Agent{n}", f"Nr{i}"))
                assert saved.id is not None
                any_store.add_history(run(employee_account(saved.id), T0 + timedelta(seconds=i)))
                any_store.last_results()
                if i % 5 == 0:
                    any_store.save_settings(
                        dataclasses.replace(full_settings(), company=Company(name=f"Firma {n}"))
                    )
        except BaseException as error:  # reported to the main thread below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    employees = any_store.list_employees()
    assert len(employees) == 120
    assert len({e.id for e in employees}) == 120
    assert len(any_store.history(limit=1000)) == 120
    assert any_store.load_settings().company.name.startswith("Firma ")


def test_a_stored_run_gives_the_same_report_the_dialog_gave(any_store: Store) -> None:
    # A failed run with every part of its diagnosis, as the engine reports it.
    from datetime import datetime, timezone

    from smtpdesk.core.history import HistoryEntry
    from smtpdesk.core.report import report_for_entry

    result = failed_auth_result()
    entry = HistoryEntry.from_result(result, employee_account(1), "Anna Nowak")
    entry = replace(entry, at=datetime(2025, 3, 12, 13, 5, 33, tzinfo=timezone.utc))
    stored_id = any_store.add_history(entry)
    [stored] = any_store.history(employee_account(1))
    assert stored == replace(entry, id=stored_id)
    assert stored.explanation and stored.steps and stored.fixes and stored.server_reply
    assert report_for_entry(stored, lang="pl") == report_for_entry(entry, lang="pl")
    # The list's short form leaves the long parts out; the full run is one read away.
    short = any_store.last_results(details=False)[employee_account(1)]
    assert short.explanation == "" and short.code == entry.code
