"""Garbage cycles are freed on the GUI thread, never on a worker thread that happens to allocate."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QEvent

from smtpdesk.ui.gui_gc import collect_on_gui_thread

WAIT_MS = 5000


class Cycle:
    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def test_a_worker_that_allocates_never_collects_and_the_gui_thread_does(qtbot, qapp):
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # one per application
    assert not gc.isenabled()
    # Widgets earlier tests closed are deleted at the first wait; each deletion lowers the
    # collector's allocation count, so they go first and the count starts from zero.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    Cycle.freed_on.clear()
    Cycle()  # unreachable at once, freed only by the cycle collector

    def churn() -> None:
        # Garbage cycles, as a worker leaves behind: enough to start an automatic collection
        # several times over on this thread, were it enabled.
        for _ in range(5 * collector.thresholds[0]):
            garbage: list[object] = []
            garbage.append(garbage)

    worker = threading.Thread(target=churn, name="allocating-worker")
    worker.start()
    worker.join(timeout=WAIT_MS / 1000)
    assert Cycle.freed_on == []

    qtbot.waitUntil(lambda: Cycle.freed_on != [], timeout=WAIT_MS)
    assert Cycle.freed_on == [threading.main_thread().name]
