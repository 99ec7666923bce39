"""The concurrent-saves benchmark's claim, itself tested: desktops saving at once lose no update on
either backend, a conflict is reported and retried, and the check would notice a lost update."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from bench.concurrent_saves import (
    SHARED_SETTING,
    Desktop,
    Save,
    Target,
    WorkerReport,
    assignments,
    measure,
    seed,
    verify,
)
from smtpdesk.core.model import OfficeSettings
from smtpdesk.core.store import Store
from smtpdesk.core.store.schema import settings_flat, with_values
from tests.fixtures.postgres import OWNER, PostgresCluster
from tests.fixtures.stores import OpenStore


@pytest.fixture
def target(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Target:
    if backend == "sqlite":
        with Store.open(data_dir) as store:
            return Target("sqlite", store.location.url())
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    database: str = request.getfixturevalue("postgres_database")
    return Target("postgresql", cluster.url(database), cluster.passwords[OWNER])


@pytest.mark.slow
def test_two_desktops_saving_at_once_lose_no_update(target: Target) -> None:
    result = measure(target, processes=2, seconds=2)
    assert result.saves > 20
    assert result.by_kind.keys() == {"own employee", "own settings", "shared employee", "shared settings"}
    assert result.lost_updates == 0
    assert result.problems == []
    assert result.errors == 0
    assert result.false_conflicts == 0


class SavesInBetween:
    """A real store whose next settings load is followed by another desktop's save, as if that
    desktop had been quicker between this one's load and save."""

    def __init__(self, store: Store, other: Callable[[], None]) -> None:
        self._store = store
        self._other: Callable[[], None] | None = other

    def load_settings(self) -> OfficeSettings:
        loaded = self._store.load_settings()
        if self._other is not None:
            other, self._other = self._other, None
            other()
        return loaded

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_a_conflict_is_counted_and_the_value_saved_again_on_the_new_state(open_store: OpenStore) -> None:
    mine, theirs = open_store(), open_store()
    start = seed(mine, 2)
    job, their_job = assignments(start, 2, seconds=60)
    other = Desktop(theirs, their_job)

    def their_save() -> None:
        other.edit_setting(SHARED_SETTING, shared=True, deadline=float("inf"))

    desktop = Desktop(cast(Store, SavesInBetween(mine, their_save)), job)
    desktop.edit_setting(SHARED_SETTING, shared=True, deadline=float("inf"))

    assert desktop.report.conflicts == 1
    (saved,) = desktop.report.saves
    (their,) = other.report.saves
    assert saved.base == their.new  # saved again on top of what the other desktop wrote
    assert settings_flat(mine.load_settings())[SHARED_SETTING] == saved.new
    verdict = verify(mine, start, [desktop.report, other.report])
    assert verdict.ok, verdict.problems


def test_the_check_notices_a_save_that_overwrote_a_value_its_user_never_saw(open_store: OpenStore) -> None:
    a, b = open_store(), open_store()
    start = seed(a, 2)
    loaded_a, loaded_b = a.load_settings(), b.load_settings()
    base = settings_flat(loaded_a)[SHARED_SETTING]
    b.save_settings(with_values(loaded_b, {SHARED_SETTING: "Biuro B"}), base=loaded_b)
    # Without its base the save cannot tell that B changed the name meanwhile: B's name is gone.
    a.save_settings(with_values(loaded_a, {SHARED_SETTING: "Biuro A"}))
    reports = [
        WorkerReport(0, saves=[Save("settings", "company", SHARED_SETTING, base, "Biuro A", 1.0)]),
        WorkerReport(1, saves=[Save("settings", "company", SHARED_SETTING, base, "Biuro B", 1.0)]),
    ]
    verdict = verify(a, start, reports)
    assert verdict.lost == 1
    assert any("its user had loaded" in problem for problem in verdict.problems)


def test_the_check_notices_a_value_changed_behind_the_stores_back(store: Store) -> None:
    start = seed(store, 1)
    (job,) = assignments(start, 1, seconds=60)
    desktop = Desktop(store, job)
    desktop.edit_setting(job.own_setting, shared=False, deadline=float("inf"))
    assert verify(store, start, [desktop.report]).ok

    assert store.path is not None
    section, _, column = job.own_setting.partition(".")
    with sqlite3.connect(store.path) as raw:
        raw.execute(f"UPDATE settings_{section} SET {column} = 'ktoś inny'")
    raw.close()
    verdict = verify(store, start, [desktop.report])
    assert verdict.lost == 1
    assert any("its last save was" in problem for problem in verdict.problems)
