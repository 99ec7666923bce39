"""The last stored test result of one account, shown next to it, with a link to its history."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.history_events import history_events

OK_COLOUR = "#1a7f37"
ERROR_COLOUR = "#cf222e"


def when_text(at: datetime, now: datetime | None = None) -> str:
    """ "dziś 14:05", "wczoraj 09:12" or "12.03.2025 14:05" in local time."""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return QCoreApplication.translate("LastResult", "dziś {time}").format(time=clock)
    if (today - local.date()).days == 1:
        return QCoreApplication.translate("LastResult", "wczoraj {time}").format(time=clock)
    return local.strftime("%d.%m.%Y %H:%M")


def outcome_text(entry: HistoryEntry) -> str:
    """ "✓ title" or "✗ title", plain text."""
    return f"{'✓' if entry.ok else '✗'} {entry.title or entry.code}"


class LastResultLabel(QLabel):
    """``key_for()`` names the account; the label follows the history as runs are stored."""

    def __init__(self, store: Store, key_for: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.key_for = key_for
        self.entry: HistoryEntry | None = None
        self._shown_key: str | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self._open_history)
        events = history_events()
        events.recorded.connect(self._recorded)
        events.cleared.connect(self._cleared)
        self.refresh()

    def refresh(self) -> None:
        self._shown_key = self.key_for()
        self.show_entry(self.store.last_result(self._shown_key))

    def follow_key(self) -> None:
        """Re-reads only when the form now stands for another account: new runs and clearing
        arrive as events, so typing into the form needs no database query."""
        if self.key_for() != self._shown_key:
            self.refresh()

    def show_entry(self, entry: HistoryEntry | None) -> None:
        self.entry = entry
        if entry is None:
            never = html.escape(self.tr("Ostatni test: jeszcze nie testowano"))
            self.setText(f'<span style="color:#57606a;">{never}</span>')
            self.setToolTip("")
            return
        colour = OK_COLOUR if entry.ok else ERROR_COLOUR
        kind = self.tr("logowanie") if entry.login_only else self.tr("wysyłka")
        # Outside the f-string, where lupdate finds them.
        last, history = self.tr("Ostatni test:"), self.tr("historia")
        self.setText(
            f"{html.escape(last)} "
            f'<span style="color:{colour};">{html.escape(outcome_text(entry))}</span> '
            f"({html.escape(when_text(entry.at))}, {html.escape(kind)}) · "
            f'<a href="history">{html.escape(history)}</a>'
        )
        self.setToolTip(f"{entry.host}:{entry.port}")

    def plain_text(self) -> str:
        """The label as a user reads it (without markup)."""
        return html.unescape(_strip_tags(self.text()))

    @Slot(object, object)
    def _recorded(self, store: object, entry: HistoryEntry) -> None:
        if store is self.store and entry.account_key == self.key_for() and entry.has_outcome:
            self.show_entry(entry)

    @Slot(object, object)
    def _cleared(self, store: object, key: str | None) -> None:
        if store is self.store and key in (None, self.key_for()):
            self.refresh()

    def _open_history(self, _link: str) -> None:
        from smtpdesk.ui.mailtest.history_view import HistoryDialog

        dialog = HistoryDialog(self.store, self.window(), account_key=self.key_for())
        dialog.show()


def _strip_tags(text: str) -> str:
    out, inside = [], False
    for char in text:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)
