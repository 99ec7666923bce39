"""Python's cycle collector runs on the GUI thread only.

The collector frees unreachable reference cycles on whichever thread happens to allocate when a
threshold is crossed, often a test or check-all thread. A cycle that holds a Qt object (a dialog
and a lambda connected to it, a run and its callbacks) would then be destroyed off the GUI thread,
and Qt crashes the program when that happens. So automatic collection is switched off and a timer
on the GUI thread collects with the same thresholds; worker threads never start a collection.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
OBJECT_NAME = "smtpdesk_gui_gc"


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(OBJECT_NAME)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app.aboutToQuit.connect(self.collect_all)

    def check(self) -> int:
        """Collects the generations whose counts crossed their thresholds; returns the number
        of unreachable objects found."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return 0
        generation = 0
        if counts[1] > self.thresholds[1]:
            generation = 2 if counts[2] > self.thresholds[2] else 1
        return gc.collect(generation)

    def collect_all(self) -> None:
        gc.collect()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Installs the collector once per application (later calls return the same one)."""
    existing = app.findChild(GuiThreadCollector, OBJECT_NAME)
    return existing if existing is not None else GuiThreadCollector(app)
