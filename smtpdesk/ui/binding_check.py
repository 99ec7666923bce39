"""Whether the Qt binding keeps reference counts while it delivers signals to Python slots.

PySide6 6.12.0 on Python 3.11 lost a reference to ``True`` per delivered signal and a long
session aborted the interpreter. The self-test runs this on the binding that actually ships.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMISSIONS = 10_000
TOLERANCE = 10  # caches may take or give back a few references; a leak grows with every emission


class _Emitter(QObject):
    fired = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.received = 0
        self.fired.connect(self.on_fired)

    def on_fired(self, _text: str) -> None:
        self.received += 1


def reference_drift(emissions: int = EMISSIONS) -> int:
    """How far the reference counts of True, False and None moved over ``emissions`` signals."""
    emitter = _Emitter()
    objects = (True, False, None)
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(emissions):
        emitter.fired.emit("ż")
    after = [sys.getrefcount(o) for o in objects]
    return max(abs(a - b) for a, b in zip(after, before, strict=True))


def binding_keeps_references() -> bool:
    return reference_drift() < TOLERANCE
