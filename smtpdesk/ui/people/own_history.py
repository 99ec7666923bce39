""" "Historia Twoich testów": the signed-in person's runs only — those of their own account and
those they ran themselves — never another employee's. A run opens its diagnosis (masked for an
agent like everything else)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import language
from smtpdesk.core.model import employee_account
from smtpdesk.core.report import format_ms
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.history_events import history_events
from smtpdesk.ui.mailtest.last_result import outcome_text, when_text
from smtpdesk.ui.people.viewer import masker_for

SHOWN = 200


class OwnHistory(QWidget):
    reloaded = Signal()

    def __init__(self, store: Store, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        self.entries: list[HistoryEntry] = []
        self.dialog: DiagnosisDialog | None = None
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kiedy"), self.tr("Rodzaj"), self.tr("Wynik"), self.tr("Czas")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setAccessibleName(self.tr("Historia Twoich testów"))
        self.empty = QLabel(self.tr("Nie wysłano jeszcze żadnej wiadomości testowej."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details_button = QPushButton(self.tr("Pokaż &diagnozę…"))
        self.details_button.clicked.connect(self.show_selected)
        self.table.itemActivated.connect(self.show_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.details_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        events = history_events()
        events.recorded.connect(self._recorded)
        events.cleared.connect(self._recorded)
        self.reload()

    @Slot()
    def reload(self) -> None:
        try:
            self.entries = self.store.person_history(self.person_id, employee_account(self.person_id), SHOWN)
        except StoreError:
            self.entries = []
        mask = masker_for(self).text
        lang = language()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                when_text(entry.at),
                self.tr("logowanie") if entry.login_only else self.tr("wysyłka"),
                mask(outcome_text(entry)),
                format_ms(entry.elapsed_ms, lang),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(QColor("#1a7f37" if entry.ok else "#cf222e"))
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)
        self._selection_changed()
        self.reloaded.emit()

    def latest(self) -> HistoryEntry | None:
        return next((e for e in self.entries if e.has_outcome), None)

    def _selection_changed(self) -> None:
        self.details_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def show_selected(self) -> DiagnosisDialog | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = DiagnosisDialog.for_entry(self.entries[rows[0].row()], self)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.show()
        return dialog

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None

    @Slot(object, object)
    def _recorded(self, store: object, _what: object) -> None:
        if store is self.store:
            self.reload()
