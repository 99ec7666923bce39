"""A damaged settings file is recognised for what it is, explained, and each way back works —
without deleting anything."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from smtpdesk.core.model import COMPANY_ACCOUNT, employee_account
from smtpdesk.core.store import DamagedError, Store
from smtpdesk.core.store import backups as backups_module
from smtpdesk.core.store.backups import KEEP, backup_if_due, list_backups, make_backup, newest_intact_backup
from smtpdesk.core.store.damage import inspect_file, move_aside, restore_backup, salvage
from smtpdesk.paths import database_path
from tests.fixtures.samples import T0, agent, full_settings, run


def filled(data_dir: Path, runs: int = 400) -> tuple[Path, int]:
    """A file with settings, an employee and enough history to span many pages."""
    with Store.open(data_dir) as store:
        store.save_settings(full_settings())
        anna = store.save_employee(agent())
        assert anna.id is not None
        for i in range(runs):
            store.add_history(run(employee_account(anna.id), T0 + timedelta(seconds=i)))
    return database_path(data_dir), anna.id


def garble_table(path: Path, table: str) -> None:
    """Overwrites the first page of ``table``'s b-tree, as a failing disk would."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def aside(data_dir: Path) -> list[Path]:
    return sorted(
        p for p in data_dir.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    )


# --- recognising damage -----------------------------------------------------------------------------


def test_a_healthy_file_is_not_damage(data_dir: Path) -> None:
    path, _ = filled(data_dir, runs=5)
    assert inspect_file(path) is None


def test_an_empty_file_is_damage_not_a_fresh_start(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_bytes(b"")
    with pytest.raises(DamagedError) as caught:
        Store.open(data_dir)
    assert caught.value.report.kind == "empty"
    assert "jest pusty (0 bajtów)" in caught.value.message.pl
    assert path.read_bytes() == b""


def test_a_truncated_file_is_damage(data_dir: Path) -> None:
    path, _ = filled(data_dir)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DamagedError) as caught:
        Store.open(data_dir)
    report = caught.value.report
    assert report.kind == "truncated"
    assert (report.size, report.expected) == (len(whole) // 2, len(whole))
    assert "jest ucięty" in caught.value.message.pl


def test_a_file_overwritten_with_something_else_is_damage(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_bytes(b"To nie jest baza danych, tylko notatka.\n" * 100)
    with pytest.raises(DamagedError) as caught:
        Store.open(data_dir)
    assert caught.value.report.kind == "not_database"


def test_only_the_history_damaged_is_told_apart(data_dir: Path) -> None:
    path, _ = filled(data_dir)
    garble_table(path, "history")
    with pytest.raises(DamagedError) as caught:
        Store.open(data_dir)
    report = caught.value.report
    assert report.kind == "tables"
    assert report.damaged == ("history",)
    assert report.settings_readable
    assert (
        "historia testów" in caught.value.message.pl
        and "Pozostałe dane są czytelne" in caught.value.message.pl
    )


def test_damaged_employees_cannot_be_left_behind(data_dir: Path) -> None:
    path, _ = filled(data_dir, runs=5)
    garble_table(path, "employees")
    report = inspect_file(path)
    assert report is not None and report.kind == "tables" and "employees" in report.damaged
    assert not report.settings_readable
    with pytest.raises(ValueError):
        salvage(path, report)


# --- ways back --------------------------------------------------------------------------------------


def test_open_without_the_history_keeps_settings_and_people(data_dir: Path) -> None:
    path, anna_id = filled(data_dir)
    garble_table(path, "history")
    report = inspect_file(path)
    assert report is not None
    damaged_copy = path.read_bytes()

    moved = salvage(path, report)

    assert moved.read_bytes() == damaged_copy  # nothing deleted: the damaged file is kept aside
    with Store.open(data_dir) as store:
        assert store.load_settings() == full_settings()
        assert [e.id for e in store.list_employees()] == [anna_id]
        assert store.history() == []
        store.add_history(run(COMPANY_ACCOUNT, T0))
        newcomer = store.save_employee(agent("Nowy"))
        assert newcomer.id is not None and newcomer.id > anna_id
    assert inspect_file(path) is None


def test_open_the_newest_intact_backup(data_dir: Path) -> None:
    path, _ = filled(data_dir, runs=5)
    good = make_backup(path, "auto")
    with Store.open(data_dir) as store:
        store.save_employee(agent("Późniejszy"))
    newer_but_damaged = make_backup(path, "auto")
    garble_table(newer_but_damaged, "employees")
    garble_table(path, "employees")

    found = newest_intact_backup(path)
    assert found is not None and found.path == good
    restore_backup(path, found.path)

    with Store.open(data_dir) as store:
        assert [e.first_name for e in store.list_employees()] == ["Anna"]
        assert store.load_settings() == full_settings()
    assert len(aside(data_dir)) == 1


def test_start_anew_moves_the_damaged_file_aside(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_bytes(b"")
    moved = move_aside(path)
    assert moved.exists() and not path.exists()
    with Store.open(data_dir) as store:
        assert not store.is_configured()
    assert aside(data_dir) == [moved]


# --- automatic copies -------------------------------------------------------------------------------


def test_a_copy_is_made_at_start_once_a_day(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = filled(data_dir, runs=2)
    Store.open(data_dir, auto_backup=True).close()
    [first] = list_backups(path)
    assert first.label == "auto"
    Store.open(data_dir, auto_backup=True).close()
    assert len(list_backups(path)) == 1  # not again the same day
    later = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    assert backup_if_due(path, now=later) is not None
    assert len(list_backups(path)) == 2


def test_nothing_is_copied_before_anything_is_saved(data_dir: Path) -> None:
    Store.open(data_dir, auto_backup=True).close()
    assert list_backups(database_path(data_dir)) == []


def test_only_the_newest_copies_are_kept(data_dir: Path) -> None:
    path, _ = filled(data_dir, runs=1)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for day in range(KEEP + 3):
        make_backup(path, "auto", now=start + timedelta(days=day))
    kept = list_backups(path)
    assert len(kept) == KEEP
    assert kept[0].at == start + timedelta(days=KEEP + 2)
    assert all(backups_module.is_intact(b.path) for b in kept)
    assert all(oct(b.path.stat().st_mode & 0o777) == "0o600" for b in kept)
