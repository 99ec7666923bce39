"""The stages of a run as they happen: a tick or a cross and the time each one took."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from smtpdesk.core.i18n import language
from smtpdesk.core.report import format_ms
from smtpdesk.core.smtp.result import ProgressEvent, RunResult, Stage, StageState
from smtpdesk.core.stages import stage_name

# Rows the user sees; the engine's finer stages fold into them.
ROW_OF_STAGE: dict[Stage, int] = {
    Stage.DNS: 0,
    Stage.CONNECT: 0,
    Stage.GREETING: 1,
    Stage.EHLO: 1,
    Stage.TLS: 2,
    Stage.AUTH: 3,
    Stage.MAIL: 4,
    Stage.RCPT: 5,
    Stage.DATA: 6,
}
SEND_ROWS = (4, 5, 6)
# The stage each row is named after.
ROW_STAGES = (Stage.CONNECT, Stage.GREETING, Stage.TLS, Stage.AUTH, Stage.MAIL, Stage.RCPT, Stage.DATA)


class RowState(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"
    STOPPED = "stopped"  # the run was cancelled while this stage was going on


ICONS = {
    RowState.PENDING: ("○", "#8c959f"),
    RowState.RUNNING: ("●", "#0969da"),
    RowState.OK: ("✓", "#1a7f37"),
    RowState.FAILED: ("✗", "#cf222e"),
    RowState.SKIPPED: ("–", "#8c959f"),
    RowState.STOPPED: ("■", "#9a6700"),
}


@dataclass
class _Row:
    icon: QLabel
    name: QLabel
    time: QLabel
    detail: QLabel
    state: RowState = RowState.PENDING
    duration_ms: float = 0.0
    running_since: QElapsedTimer = field(default_factory=QElapsedTimer)


class ProgressView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The core's stage names, so the rows, the diagnosis and the report say the same words.
        lang = language()
        self._names = tuple(stage_name(stage, lang) for stage in ROW_STAGES)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self._rows: list[_Row] = []
        for index, name in enumerate(self._names):
            row = _Row(QLabel(), QLabel(name), QLabel(), QLabel())
            row.icon.setFixedWidth(18)
            row.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.time.setMinimumWidth(110)
            row.detail.setStyleSheet("color: #57606a;")
            row.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(row.icon, index, 0)
            grid.addWidget(row.name, index, 1)
            grid.addWidget(row.time, index, 2)
            grid.addWidget(row.detail, index, 3)
            self._rows.append(row)
        grid.setColumnStretch(3, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(100)
        self._ticker.timeout.connect(self._tick)
        self.reset(login_only=False)

    # -- what tests and the dialog read -------------------------------------------------------

    def row_names(self) -> list[str]:
        return [row.name.text() for row in self._rows if not row.name.isHidden()]

    def row_state(self, name: str) -> RowState:
        return self._rows[self._names.index(name)].state

    def row_text(self, name: str) -> str:
        row = self._rows[self._names.index(name)]
        return f"{row.icon.text()} {row.name.text()} {row.time.text()} {row.detail.text()}".strip()

    # -- updates ------------------------------------------------------------------------------

    def reset(self, *, login_only: bool, sender_check: bool = False) -> None:
        """``sender_check``: a login check that also gives the sender (MAIL and RCPT rows)."""
        hidden = (SEND_ROWS[-1],) if sender_check else SEND_ROWS if login_only else ()
        for index, row in enumerate(self._rows):
            visible = index not in hidden
            for widget in (row.icon, row.name, row.time, row.detail):
                widget.setVisible(visible)
            row.duration_ms = 0.0
            row.detail.clear()
            self._set(row, RowState.PENDING)
        self._ticker.stop()

    def apply(self, event: ProgressEvent) -> None:
        index = ROW_OF_STAGE.get(event.stage)
        if index is None:
            return
        row = self._rows[index]
        if event.detail:
            row.detail.setText(event.detail)
        if event.state is StageState.STARTED:
            if row.state is not RowState.FAILED:
                row.running_since.start()
                self._set(row, RowState.RUNNING)
                self._ticker.start()
        elif event.state is StageState.SKIPPED:
            if row.state in (RowState.PENDING, RowState.RUNNING):
                self._set(row, RowState.SKIPPED)
        else:
            row.duration_ms += event.duration_ms or 0.0
            self._set(row, RowState.OK if event.state is StageState.OK else RowState.FAILED)
        if not any(r.state is RowState.RUNNING for r in self._rows):
            self._ticker.stop()

    def finish(self, result: RunResult | None) -> None:
        """Settle every row from the final result: its timings are the reference."""
        self._ticker.stop()
        if result is not None:
            totals = [0.0] * len(self._rows)
            seen = [False] * len(self._rows)
            for key, ms in result.timings_ms.items():
                try:
                    index = ROW_OF_STAGE.get(Stage(key))
                except ValueError:
                    continue
                if index is not None:
                    totals[index] += ms
                    seen[index] = True
            for index, row in enumerate(self._rows):
                if seen[index]:
                    row.duration_ms = totals[index]
        cancelled = result is not None and result.code == "cancelled"
        ok = result is not None and result.ok
        end_row = ROW_OF_STAGE.get(result.stage) if result is not None and not ok else None
        for index, row in enumerate(self._rows):
            if cancelled and index == end_row and row.state is RowState.FAILED:
                # The stage did not fail: the user stopped it.
                self._set(row, RowState.STOPPED)
            elif row.state is RowState.RUNNING:
                self._set(row, RowState.STOPPED if cancelled else RowState.OK if ok else RowState.FAILED)
            elif index == end_row and row.state is RowState.PENDING and not cancelled:
                self._set(row, RowState.FAILED)
            else:
                self._set(row, row.state)

    # -- drawing ------------------------------------------------------------------------------

    def _set(self, row: _Row, state: RowState) -> None:
        row.state = state
        symbol, colour = ICONS[state]
        row.icon.setText(symbol)
        row.icon.setStyleSheet(f"color: {colour}; font-weight: bold;")
        weight = "bold" if state in (RowState.RUNNING, RowState.FAILED) else "normal"
        row.name.setStyleSheet(
            f"font-weight: {weight};" + (" color: #8c959f;" if state is RowState.PENDING else "")
        )
        lang = language()
        if state in (RowState.OK, RowState.FAILED) or (state is RowState.STOPPED and row.duration_ms):
            row.time.setText(format_ms(row.duration_ms, lang))
        elif state is RowState.SKIPPED:
            row.time.setText(self.tr("pominięto"))
        elif state is RowState.RUNNING:
            row.time.setText(self.tr("trwa…"))
        else:
            row.time.clear()

    def _tick(self) -> None:
        for row in self._rows:
            if row.state is RowState.RUNNING and row.running_since.isValid():
                elapsed = row.running_since.elapsed()
                if elapsed >= 1000:
                    row.time.setText(self.tr("trwa… {time}").format(time=format_ms(elapsed, language())))
