"""Locking after inactivity: the time of the last key press, click or mouse movement anywhere in the
program, checked every few seconds against the office's limit.

An application-wide event filter sees every event; it only notes the time of input events and
lets everything through. The time comes from the injectable clock, so tests move the clock instead
of waiting.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from smtpdesk.core.people.clock import Clock, system_clock

CHECK_MS = 5000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    idle = Signal()

    def __init__(
        self, clock: Clock = system_clock, *, check_ms: int = CHECK_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.minutes = 0
        self.last_input = clock()
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)

    def start(self, minutes: int) -> None:
        """Watches from now on; ``minutes`` 0 never locks."""
        self.minutes = minutes
        self.last_input = self.clock()
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = self.clock()
        return False

    def check(self) -> bool:
        """Emits ``idle`` (once, and stops watching) when the limit has passed since the last input."""
        if not self._watching or self.minutes <= 0:
            return False
        if self.clock() - self.last_input < timedelta(minutes=self.minutes):
            return False
        self.stop()
        self.idle.emit()
        return True
