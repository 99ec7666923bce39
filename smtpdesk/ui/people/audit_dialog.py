"""„Dziennik zdarzeń”: the office's audit trail for the administrator — sign-ins, password changes
and resets, role changes and every save of settings, with who and when; filtered by kind, person,
dates and text, and exported as CSV (what is listed is what is exported)."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.people import audit
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.default_button import keep_default_button

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30


class DateField(QDateEdit):
    """A date whose day, month and year are chosen with the arrow keys; Tab leaves the field (a
    plain QDateEdit moves between its parts on Tab, so the keyboard never gets past it)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class AuditDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Dziennik zdarzeń"))
        self.resize(1000, 620)
        self.store = store
        self.rows: list[audit.AuditRow] = []
        self._save_dialog: QFileDialog | None = None

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Wszystkie zdarzenia"), "")
        for key, group in audit.GROUPS.items():
            self.kind_combo.addItem(group.text(), key)
        self.person_combo = QComboBox()
        self.since_edit = DateField()
        self.until_edit = DateField()
        today = QDate.currentDate()
        for edit, shown in ((self.since_edit, today.addDays(-DEFAULT_DAYS)), (self.until_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setDate(shown)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("np. nazwisko, adres, nazwa pola"))
        self.search_edit.setClearButtonEnabled(True)

        filters = QHBoxLayout()
        for text, widget, stretch in (
            (self.tr("&Rodzaj:"), self.kind_combo, 0),
            (self.tr("Oso&ba:"), self.person_combo, 0),
            (self.tr("&Od:"), self.since_edit, 0),
            (self.tr("&Do:"), self.until_edit, 0),
            (self.tr("&Szukaj:"), self.search_edit, 1),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, stretch)

        self.table = QTableWidget(0, len(audit.header()))
        self.table.setAccessibleName(self.tr("Zdarzenia"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setHorizontalHeaderLabels(audit.header())
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 260, 230, 170)):
            header.resizeSection(column, width)
        self.count_label = QLabel()

        self.export_button = QPushButton(self.tr("&Eksportuj do CSV…"))
        self.export_button.clicked.connect(self.ask_export)
        refresh_button = QPushButton(self.tr("Odś&wież"))
        refresh_button.clicked.connect(self.reload)
        close_button = QPushButton(self.tr("Zamknij"))
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        keep_default_button(self, None)  # Enter in a filter field changes nothing else

        self._fill_people()
        self.kind_combo.currentIndexChanged.connect(self.reload)
        self.person_combo.currentIndexChanged.connect(self.reload)
        self.since_edit.dateChanged.connect(self.reload)
        self.until_edit.dateChanged.connect(self.reload)
        self.search_edit.textChanged.connect(self.reload)
        self.reload()

    def _fill_people(self) -> None:
        self.person_combo.addItem(self.tr("Wszyscy"), None)
        self._names = audit.Names({})
        try:
            people = self.store.list_employees()
        except StoreError:
            people = []
        self._names = audit.Names({e.id: e.full_name or e.email for e in people if e.id is not None})
        for employee in sorted(people, key=lambda e: e.full_name.casefold()):
            self.person_combo.addItem(f"{employee.full_name} ({employee.email})", employee.id)

    def current_filter(self) -> audit.AuditFilter:
        group = self.kind_combo.currentData()
        since = datetime.combine(_day(self.since_edit), time.min).astimezone()
        until = datetime.combine(_day(self.until_edit), time.min).astimezone() + timedelta(days=1)
        return audit.AuditFilter(
            groups=frozenset({group}) if group else frozenset(),
            person_id=self.person_combo.currentData(),
            since=since,
            until=until,
        )

    @Slot()
    def reload(self) -> None:
        try:
            records = audit.read(self.store, self.current_filter())
        except StoreError as error:
            self.count_label.setText(
                self.tr("Nie udało się odczytać dziennika: {reason}").format(reason=error)
            )
            return
        self.rows = audit.rows(records, self._names, self.search_edit.text())
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (audit.when(row.record.at), row.who, row.event, row.subject, row.detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        limit = (
            ""
            if len(records) < audit.MAX_ROWS
            else self.tr(" (najnowsze {count})").format(count=audit.MAX_ROWS)
        )
        self.count_label.setText(self.tr("Zdarzeń: {count}").format(count=len(self.rows)) + limit)
        self.export_button.setEnabled(bool(self.rows))

    # -- export -------------------------------------------------------------------------------

    def ask_export(self) -> None:
        if self._save_dialog is not None:
            self._save_dialog.raise_()
            return
        dialog = QFileDialog(self, self.tr("Eksportuj dziennik zdarzeń"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Pliki CSV (*.csv)"), self.tr("Wszystkie pliki (*)")])
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"dziennik-zdarzen-{datetime.now():%Y%m%d}.csv")
        dialog.fileSelected.connect(self.export)
        dialog.finished.connect(self._save_dialog_closed)
        self._save_dialog = dialog
        dialog.open()

    @property
    def save_dialog(self) -> QFileDialog | None:
        return self._save_dialog

    def _save_dialog_closed(self) -> None:
        if self._save_dialog is not None:
            self._save_dialog.deleteLater()
        self._save_dialog = None

    def export(self, path: str) -> bool:
        try:
            audit.write_csv(path, self.rows)
        except OSError as error:
            log.warning("could not export the audit log to %s: %s", path, error.strerror or error)
            show_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Nie wyeksportowano dziennika"),
                self.tr("Nie udało się zapisać pliku {path}: {reason}").format(
                    path=path, reason=error.strerror or str(error)
                ),
            )
            return False
        self.count_label.setText(
            self.tr("Zapisano {count} zdarzeń do pliku {path}").format(count=len(self.rows), path=path)
        )
        return True


def _day(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())
