"""Guards against a Qt binding that loses references while delivering signals.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``True`` per signal delivered to a Python
method slot; typing emits signals on every key, so a long session aborted the interpreter. Signals
are emitted in batches and the test stops at the first drift, so a broken binding fails the test
instead of aborting the run.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

EMISSIONS = 10_000
BATCH = 100


class _Emitter(QObject):
    plain = Signal()
    with_text = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.received = 0
        self.plain.connect(self.on_plain)
        self.with_text.connect(self.on_text)

    def on_plain(self) -> None:
        self.received += 1

    def on_text(self, _text: str) -> None:
        self.received += 1


def _drift_after(emit_batch) -> int:
    objects = (True, False, None)
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(EMISSIONS // BATCH):
        emit_batch()
        drift = max(abs(sys.getrefcount(o) - b) for o, b in zip(objects, before, strict=True))
        if drift > BATCH // 2:
            return drift
    return max(abs(sys.getrefcount(o) - b) for o, b in zip(objects, before, strict=True))


def test_custom_signals_keep_reference_counts(qapp):
    emitter = _Emitter()

    def batch() -> None:
        for _ in range(BATCH):
            emitter.plain.emit()
            emitter.with_text.emit("ż")

    drift = _drift_after(batch)
    assert emitter.received > 0
    # A few references may come and go with caches; a leak grows with every emission.
    assert drift < 10, f"the Qt binding lost {drift} references while delivering signals"


def test_typing_signals_keep_reference_counts(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    seen: list[str] = []
    receiver = _Emitter()
    edit.textEdited.connect(receiver.on_text)
    edit.textChanged.connect(seen.append)

    def batch() -> None:
        for _ in range(BATCH):
            edit.textEdited.emit("ł")
        edit.setText(str(len(seen)))

    drift = _drift_after(batch)
    assert receiver.received >= EMISSIONS or drift >= 10
    assert drift < 10, f"the Qt binding lost {drift} references while delivering typing signals"
