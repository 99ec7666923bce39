"""Browsing and clearing the stored test runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import language
from smtpdesk.core.report import format_ms, stage_text
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.mailtest.diagnosis_view import DiagnosisView
from smtpdesk.ui.mailtest.history_events import clear_history, history_events
from smtpdesk.ui.mailtest.last_result import outcome_text, when_text
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.default_button import (
    keep_default_button,
    resettle_default_button,
    settle_message_box,
)
from smtpdesk.ui.widgets.form_rows import buddy_label

ALL_ACCOUNTS = ""


class HistoryDialog(QDialog):
    COLUMNS = 6

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, account_key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Historia testów poczty"))
        self.resize(860, 620)
        self.store = store
        self.entries: list[HistoryEntry] = []
        self._confirm: QMessageBox | None = None
        self._confirm_key: str | None = None
        self.error_box: QMessageBox | None = None  # the last "could not clear" message

        self.account_combo = QComboBox()
        self.account_combo.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kiedy"),
                self.tr("Konto"),
                self.tr("Rodzaj"),
                self.tr("Wynik"),
                self.tr("Etap"),
                self.tr("Czas"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setAccessibleName(self.tr("Zapisane testy"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty_label = QLabel(self.tr("Nie ma jeszcze żadnych zapisanych testów."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = DiagnosisView()
        self.details.hide()

        self.clear_button = QPushButton(self.tr("Wyczyść historię…"))
        self.clear_button.clicked.connect(self.ask_clear)
        close_button = QPushButton(self.tr("Zamknij"))
        close_button.clicked.connect(self.close)
        self.close_button = close_button

        top = QHBoxLayout()
        account_label = buddy_label(self.tr("&Konto:"), self.account_combo)
        top.addWidget(account_label)
        top.addWidget(self.account_combo, 1)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table)
        list_layout.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_box)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        keep_default_button(self, close_button)  # "Wyczyść historię…" never answers Enter

        self._fill_accounts(account_key)
        events = history_events()
        events.recorded.connect(self._recorded)
        events.cleared.connect(self._cleared)
        self.reload()

    def account_key(self) -> str | None:
        key = self.account_combo.currentData()
        return key or None

    # -- content ------------------------------------------------------------------------------

    def _fill_accounts(self, selected: str | None) -> None:
        """The accounts with stored runs; the chosen one stays listed even when it has none."""
        self.account_combo.blockSignals(True)
        current = selected if selected is not None else self.account_key()
        shown = {
            self.account_combo.itemData(i): self.account_combo.itemText(i)
            for i in range(self.account_combo.count())
        }
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("Wszystkie konta"), ALL_ACCOUNTS)
        items = {
            key: f"{entry.account_label} ({key})" if entry.account_label else key
            for key, entry in self.store.last_results().items()
        }
        if current and current not in items:
            items[current] = shown.get(current, current)
        for key, text in sorted(items.items(), key=lambda item: item[1].lower()):
            self.account_combo.addItem(text, key)
        self.account_combo.setCurrentIndex(max(0, self.account_combo.findData(current or ALL_ACCOUNTS)))
        self.account_combo.blockSignals(False)

    @Slot()
    def reload(self) -> None:
        self.entries = self.store.history(self.account_key())
        lang = language()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            colour = QColor("#1a7f37" if entry.ok else "#cf222e")
            cells = (
                when_text(entry.at),
                entry.account_label or entry.account_key,
                self.tr("logowanie") if entry.login_only else self.tr("wysyłka"),
                outcome_text(entry),
                "—" if entry.ok else stage_text(entry.stage, lang),
                format_ms(entry.elapsed_ms, lang),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(colour)
                if column == 0:
                    item.setToolTip(entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        self.clear_button.setEnabled(bool(self.entries))
        self.details.hide()
        if self.entries:
            self.table.selectRow(0)

    def _show_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            self.details.hide()
            return
        self.details.show_entry(self.entries[min(rows)])
        self.details.show()
        resettle_default_button(self)

    def selected_entry(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    # -- clearing -----------------------------------------------------------------------------

    def ask_clear(self) -> QMessageBox:
        key = self.account_key()
        text = (
            self.tr("Usunąć całą historię testów konta „{account}”?").format(
                account=self.account_combo.currentText()
            )
            if key
            else self.tr("Usunąć całą historię testów wszystkich kont?")
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Wyczyść historię"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Usuń"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Anuluj"))
        settle_message_box(box, box.button(QMessageBox.StandardButton.No))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._clear_answered)
        self._confirm, self._confirm_key = box, key
        box.open()
        return box

    @Slot(int)
    def _clear_answered(self, answer: int) -> None:
        key, self._confirm = self._confirm_key, None
        if answer == QMessageBox.StandardButton.Yes.value:
            self.clear(key)

    def clear(self, key: str | None) -> None:
        try:
            clear_history(self.store, key)
        except StoreError as error:  # a failing disk: say so, keep the list as it is
            box = show_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Nie wyczyszczono historii"),
                self.tr("Nie udało się wyczyścić historii testów: {reason}").format(reason=error),
            )
            self.error_box = box

    @Slot(object, object)
    def _recorded(self, store: object, _entry: HistoryEntry) -> None:
        if store is self.store:
            self._fill_accounts(None)
            self.reload()

    @Slot(object, object)
    def _cleared(self, store: object, _key: str | None) -> None:
        if store is self.store:
            self._fill_accounts(None)
            self.reload()
