"""Two windows or desktops saving: what one changed is never silently undone by the other, and a
real conflict names who changed what, and when."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from smtpdesk.core.model import Company, Employee, OfficeSettings
from smtpdesk.core.store import Actor, ConflictError, Location, Store
from smtpdesk.core.store.merge import rebase_settings, three_way
from tests.fixtures.postgres import OWNER, PostgresCluster
from tests.fixtures.samples import agent, full_settings
from tests.fixtures.stores import OpenStore

ANNA = Actor("Anna Nowak", "BIURO-PC1")
JAN = Actor("Jan Kowalski", "BIURO-PC2")


def renamed(settings: OfficeSettings, **company: Any) -> OfficeSettings:
    return replace(settings, company=replace(settings.company, **company))


def two_desktops(open_store: OpenStore) -> tuple[Store, Store]:
    anna, jan = open_store(), open_store()
    anna.actor, jan.actor = ANNA, JAN
    return anna, jan


def test_three_way_writes_only_what_the_user_changed() -> None:
    base = {"a": 1, "b": 1, "c": 1, "d": 1}
    mine = {"a": 2, "b": 1, "c": 3, "d": 4}
    theirs = {"a": 1, "b": 5, "c": 3, "d": 6}
    write, conflicts = three_way(base, mine, theirs)
    assert write == {"a": 2}  # b: theirs kept; c: already equal; d: both changed
    assert conflicts == ["d"]
    assert three_way(None, mine, theirs) == ({"a": 2, "b": 1, "d": 4}, [])


# --- settings ---------------------------------------------------------------------------------------


def test_changes_to_different_fields_both_survive(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    anna.save_settings(full_settings())
    seen_by_anna = anna.load_settings()
    seen_by_jan = jan.load_settings()

    jan.save_settings(renamed(seen_by_jan, name="Nazwa od Jana"), base=seen_by_jan)
    saved = anna.save_settings(renamed(seen_by_anna, phone="+48 22 111 22 33"), base=seen_by_anna)

    assert saved.company.name == "Nazwa od Jana"
    assert saved.company.phone == "+48 22 111 22 33"
    assert jan.load_settings() == saved


def test_the_same_field_changed_on_two_desktops_is_a_conflict_and_nothing_is_saved(
    open_store: OpenStore,
) -> None:
    anna, jan = two_desktops(open_store)
    anna.save_settings(full_settings())
    loaded_by_jan = jan.load_settings()
    anna.save_settings(renamed(full_settings(), name="Nazwa Anny"), base=full_settings())

    janes_edit = replace(
        renamed(loaded_by_jan, name="Nazwa Jana"),
        giodo=replace(loaded_by_jan.giodo, password_change_days=90),
    )
    with pytest.raises(ConflictError) as caught:
        jan.save_settings(janes_edit, base=loaded_by_jan)

    error = caught.value
    [conflict] = error.conflicts
    assert conflict.key == "company.name"
    assert (conflict.base, conflict.mine, conflict.theirs) == (
        full_settings().company.name,
        "Nazwa Jana",
        "Nazwa Anny",
    )
    assert conflict.changed_by == "Anna Nowak (BIURO-PC1)"
    assert conflict.changed_at is not None
    assert conflict.label.pl == "Dane firmy › Nazwa firmy"
    assert "Dane firmy › Nazwa firmy" in error.message.pl and "Nic nie zostało zapisane" in error.message.pl
    assert isinstance(error.current, OfficeSettings) and error.current.company.name == "Nazwa Anny"
    # Nothing of Jan's save went in, not even the field without a conflict.
    assert anna.load_settings().giodo.password_change_days == full_settings().giodo.password_change_days


def test_after_a_conflict_the_user_can_keep_their_own_value(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    anna.save_settings(full_settings())
    loaded = jan.load_settings()
    anna.save_settings(renamed(full_settings(), name="Nazwa Anny"), base=full_settings())
    mine = renamed(loaded, name="Nazwa Jana")
    with pytest.raises(ConflictError) as caught:
        jan.save_settings(mine, base=loaded)
    current = caught.value.current
    assert isinstance(current, OfficeSettings)

    kept = jan.save_settings(rebase_settings(loaded, mine, current, take_theirs=set()), base=current)
    assert kept.company.name == "Nazwa Jana"
    assert [c.actor for c in anna.changes_after(0) if c.field == "company.name"][-2:] == [
        "Anna Nowak (BIURO-PC1)",
        "Jan Kowalski (BIURO-PC2)",
    ]


def test_removing_an_account_while_someone_edits_another_section(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    anna.save_settings(full_settings())
    loaded = jan.load_settings()
    anna.save_settings(replace(full_settings(), company_smtp=None), base=full_settings())
    saved = jan.save_settings(renamed(loaded, email="kontakt@zrodlo.pl"), base=loaded)
    assert saved.company_smtp is None
    assert saved.company.email == "kontakt@zrodlo.pl"


# --- employees --------------------------------------------------------------------------------------


def test_two_desktops_editing_different_fields_of_one_employee(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    original = anna.save_employee(agent())
    jan.save_employee(replace(original, phone="601 000 000"), base=original)
    saved = anna.save_employee(replace(original, last_name="Nowak-Kowalska"), base=original)
    assert (saved.phone, saved.last_name) == ("601 000 000", "Nowak-Kowalska")


def test_the_same_employee_field_changed_twice_is_a_conflict(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    original = anna.save_employee(agent())
    assert original.smtp is not None
    anna.save_employee(replace(original, smtp=replace(original.smtp, port=465)), base=original)
    with pytest.raises(ConflictError) as caught:
        jan.save_employee(replace(original, smtp=replace(original.smtp, port=2525)), base=original)
    [conflict] = caught.value.conflicts
    assert conflict.key == "smtp.port"
    assert (conflict.mine, conflict.theirs, conflict.changed_by) == (2525, 465, "Anna Nowak (BIURO-PC1)")
    assert conflict.label.pl == "Ustawienia wysyłania poczty (SMTP) › Port serwera poczty wychodzącej"
    assert isinstance(caught.value.current, Employee) and caught.value.current.smtp == replace(
        original.smtp, port=465
    )


def test_editing_an_employee_someone_removed_meanwhile_says_who_removed_them(open_store: OpenStore) -> None:
    anna, jan = two_desktops(open_store)
    original = anna.save_employee(agent())
    assert original.id is not None
    anna.delete_employee(original.id)
    with pytest.raises(ConflictError) as caught:
        jan.save_employee(replace(original, phone="602 000 000"), base=original)
    assert caught.value.current is None
    assert caught.value.removed_by == "Anna Nowak (BIURO-PC1)"
    assert "pracownik został usunięty" in caught.value.message.pl
    assert jan.get_employee(original.id) is None


# --- the change log and watching -----------------------------------------------------------------------


def test_every_save_is_in_the_change_log_with_who_and_what(open_store: OpenStore) -> None:
    anna, _jan = two_desktops(open_store)
    anna.save_settings(OfficeSettings(company=Company(name="Biuro", logo=b"\x89PNG" * 10)))
    employee = anna.save_employee(agent())
    records = anna.changes_after(0)
    fields = [(r.kind, r.field, r.old, r.new) for r in records]
    assert ("settings", "company.name", "", "Biuro") in fields
    assert ("settings", "company.logo", None, {"bytes": 40}) in fields  # an image only by its size
    assert ("employee", "created", None, "Anna Nowak") in fields
    assert {r.actor for r in records} == {"Anna Nowak (BIURO-PC1)"}
    assert {r.origin for r in records} == {anna.origin}
    assert anna.changes_after(records[-1].id) == []
    assert employee.id is not None and records[-1].subject == str(employee.id)


def test_a_save_elsewhere_is_noticed_without_a_query_storm(open_store: OpenStore, qtbot) -> None:
    anna, jan = two_desktops(open_store)
    watcher = anna.watcher()
    try:
        assert watcher.poll() is False  # the first look only takes note
        seen = anna.last_change_id()
        jan.save_settings(OfficeSettings(company=Company(name="Zmiana z innego komputera")))
        qtbot.waitUntil(watcher.poll, timeout=5000)
        [record] = [r for r in anna.changes_after(seen) if r.origin != anna.origin]
        assert (record.field, record.new, record.actor) == (
            "company.name",
            "Zmiana z innego komputera",
            "Jan Kowalski (BIURO-PC2)",
        )
        assert watcher.poll() is False  # told once
    finally:
        watcher.close()


# --- two processes ----------------------------------------------------------------------------------


def _process_saves(
    target: tuple[str, str, str | None], field: str, tag: str, rounds: int, queue: multiprocessing.Queue
) -> None:
    kind, where, password = target
    location = Location.parse(where)
    store = (
        Store.connect(location, password=password) if kind == "postgresql" else Store.open(Path(where).parent)
    )
    saved = conflicts = 0
    try:
        for i in range(rounds):
            loaded = store.load_settings()
            if field == "shared":
                mine = renamed(loaded, name=f"{tag}-{i}")
            else:
                mine = renamed(loaded, **{field: f"{field}-{i}"})
            try:
                store.save_settings(mine, base=loaded)
                saved += 1
            except ConflictError:
                conflicts += 1
    finally:
        store.close()
    queue.put((field, saved, conflicts))


@pytest.mark.slow
def test_two_processes_saving_lose_nothing(
    backend: str, data_dir: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        database = cluster.create_database()
        target: tuple[str, str, str | None] = ("postgresql", cluster.url(database), cluster.passwords[OWNER])
        Store.connect(Location.parse(target[1]), password=target[2]).close()
    else:
        Store.open(data_dir).close()
        target = ("sqlite", str(data_dir / "smtpdesk.sqlite3"), None)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    rounds = 60
    workers = [
        context.Process(target=_process_saves, args=(target, field, tag, rounds, queue))
        for field, tag in (("phone", "p"), ("address", "a"), ("shared", "A"), ("shared", "B"))
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    by_field: dict[str, list[tuple[int, int]]] = {}
    for field, saved, conflicts in results:
        by_field.setdefault(field, []).append((saved, conflicts))
    # Different fields never conflict and every save of them stays.
    assert by_field["phone"] == [(rounds, 0)] and by_field["address"] == [(rounds, 0)]
    if backend == "postgresql":
        store = Store.connect(Location.parse(target[1]), password=target[2])
    else:
        store = Store.open(data_dir)
    try:
        final = store.load_settings()
        assert (final.company.phone, final.company.address) == (
            f"phone-{rounds - 1}",
            f"address-{rounds - 1}",
        )
        log = store.changes_after(0, limit=100_000)
        shared_saves = sum(saved for saved, _ in by_field["shared"])
        # Each successful save of the shared field is one change of it in the log: none vanished.
        assert len([r for r in log if r.field == "company.name"]) == shared_saves
        assert len([r for r in log if r.field == "company.phone"]) == rounds
        assert final.company.name in {f"{tag}-{i}" for tag in "AB" for i in range(rounds)}
    finally:
        store.close()
        if backend == "postgresql":
            cluster.drop_database(database)
