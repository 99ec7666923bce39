""" "Importuj konfigurację…": what the chosen file would change, before anything is written.

Every change is listed under its section or employee (now → after the import), every problem of
the file next to the field it concerns. "Zastosuj" is offered only for a file without problems
and writes everything in one transaction. When the database changed since the preview was made,
nothing is written: the dialog says what changed and shows the preview again, as of now.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.i18n import Msg
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store, StoreError
from smtpdesk.core.store.exchange import (
    Group,
    ImportConflictError,
    ParsedFile,
    Preview,
    apply_import,
    password_known,
    preview_import,
)
from smtpdesk.ui.widgets.default_button import keep_default_button, resettle_default_button
from smtpdesk.ui.widgets.field_error import ERROR_COLOUR

log = logging.getLogger(__name__)

HINT_STYLE = "color: #57606a;"
NOTICE_STYLE = (
    "QLabel { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px;"
    " color: #3b2e00; }"
)
FIELD, NOW, AFTER, PLACE = range(4)


def _text(msg: Msg | None) -> str:
    return "" if msg is None else msg.text()


class _WrappingDelegate(QStyledItemDelegate):
    """Wraps long cells (problem messages, to-dos) at their column's width instead of cutting
    them; the tree asks every cell for its height, so each row is as tall as its longest cell."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        spanned = not index.parent().isValid()  # a group title spans the whole row
        width = self.tree.viewport().width() if spanned else self.tree.columnWidth(index.column())
        if not item.text or width <= 0:
            return size
        indent = self.tree.indentation() if index.column() == 0 else 0
        icon = item.decorationSize.width() + 6 if not item.icon.isNull() else 0
        available = max(40, width - indent - icon - 12)
        bounds = item.fontMetrics.boundingRect(
            QRect(0, 0, available, 100000), int(Qt.TextFlag.TextWordWrap), item.text
        )
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


class ImportPreviewDialog(QDialog):
    """Open with ``open()``; ``applied`` carries the ``ImportOutcome`` once the import is written."""

    applied = Signal(object)

    def __init__(
        self,
        store: Store,
        secrets: SecretStore,
        parsed: ParsedFile,
        source: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self.parsed = parsed
        self.source = source
        self.setWindowTitle(self.tr("Import konfiguracji"))
        self.resize(1000, 640)

        heading = QLabel(self.tr("Importuj konfigurację z pliku"))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.file_line = QLabel()
        self.file_line.setStyleSheet(HINT_STYLE)
        self.file_line.setTextFormat(Qt.TextFormat.PlainText)
        self.file_line.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.notice_label = QLabel()
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.notice_label.hide()

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Pole"), self.tr("Obecnie"), self.tr("Po imporcie"), self.tr("Miejsce w pliku")]
        )
        self.tree.setAccessibleName(self.tr("Zmiany z pliku"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOW, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(FIELD, 290)
        header.resizeSection(NOW, 210)
        # Wrapped cells take their height from the column width: lay the rows out again after a resize.
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        header.sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())

        self.remove_check = QCheckBox()
        self.remove_check.toggled.connect(self._show_preview)

        self.buttons = QDialogButtonBox()
        self.apply_button: QPushButton = self.buttons.addButton(
            self.tr("&Zastosuj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.file_line)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.remove_check)
        layout.addStretch(0)  # takes the room of the list when there is none (a refused file)
        layout.addWidget(self.buttons)

        # Enter applies a file that can be applied, else closes: nothing is written then.
        self._can_apply = False
        keep_default_button(self, self._main_button)
        self.preview: Preview = self._compute()
        self._show_preview()
        if parsed.refused is not None:
            self.resize(640, self.sizeHint().height())

    # -- contract -------------------------------------------------------------------------------

    @Slot()
    def apply(self) -> None:
        """Writes the import, or says why not; after a conflict the preview is made again."""
        if not self.preview.ok:
            return
        try:
            outcome = apply_import(
                self.store, self.preview, remove_absent=self.remove_check.isChecked(), secrets=self.secrets
            )
        except ImportConflictError as conflict:
            self._notice(str(conflict))
            self._look_again()
            return
        except StoreError as error:
            log.warning("the import could not be written: %s", error)
            self._notice(self.tr("Nie zaimportowano konfiguracji: {reason}").format(reason=error))
            return
        self.applied.emit(outcome)
        self.accept()

    def _main_button(self) -> QPushButton:
        return self.apply_button if self._can_apply else self.close_button

    def group_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    # -- internals ------------------------------------------------------------------------------

    def _compute(self) -> Preview:
        return preview_import(
            self.store, self.parsed, source=self.source, has_password=password_known(self.secrets)
        )

    def _look_again(self) -> None:
        """The preview as of now (after the database changed under the old one)."""
        try:
            self.preview = self._compute()
        except StoreError as error:
            log.warning("the preview could not be made again: %s", error)
            self.apply_button.setEnabled(False)
            self._notice(f"{self.notice_label.text()}\n{error}")
            return
        self._show_preview()

    def _notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()

    @Slot()
    def _show_preview(self) -> None:
        preview = self.preview
        remove = self.remove_check.isChecked()
        parsed = preview.file
        details = [self.tr("Plik: {name}").format(name=self.source)]
        if parsed.exported_at is not None:
            when = parsed.exported_at.astimezone().strftime("%Y-%m-%d %H:%M")
            details.append(self.tr("zapisany {when}").format(when=when))
        if parsed.program:
            details.append(parsed.program)
        self.file_line.setText(" · ".join(details))

        self.summary_label.setText(preview.summary(remove).text())
        failed = not preview.ok
        colour = f"color: {ERROR_COLOUR};" if failed else ""
        self.summary_label.setStyleSheet(f"font-weight: 600; {colour}")

        self.tree.setVisible(parsed.refused is None)
        self.tree.clear()
        for group in preview.groups(remove):
            item = self._group_item(group)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # only once the item is in the tree
        self.tree.expandAll()
        self.tree.setColumnHidden(PLACE, not preview.problems)

        self.remove_check.setVisible(preview.ok and bool(preview.absent))
        self.remove_check.setText(
            self.tr("Usuń z tej bazy pracowników, których nie ma w pliku ({count})").format(
                count=len(preview.absent)
            )
        )
        can_apply = preview.ok and preview.has_changes(remove)
        self._can_apply = can_apply
        self.apply_button.setVisible(preview.ok)
        self.apply_button.setEnabled(can_apply)
        resettle_default_button(self)
        (self.apply_button if can_apply else self.close_button).setFocus()
        self.close_button.setText(self.tr("Anuluj") if preview.ok else self.tr("Zamknij"))

    def _group_item(self, group: Group) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        title = group.title.text()
        if group.problems:
            title = self.tr("{title} — problemy: {count}").format(title=title, count=group.problems)
        item.setText(FIELD, title)
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(FIELD, font)
        item.setData(FIELD, Qt.ItemDataRole.UserRole, group.kind)
        if group.problems:
            item.setForeground(FIELD, QBrush(QColor(ERROR_COLOUR)))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        to_do = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        removing = group.kind == "absent" and self.remove_check.isChecked()
        for row in group.rows:
            child = QTreeWidgetItem(item)
            child.setText(FIELD, row.label.text())
            child.setText(NOW, _text(row.old))
            child.setText(PLACE, row.path)
            if row.problem is not None:
                child.setText(AFTER, row.problem.text())
                child.setIcon(AFTER, warning)
                child.setForeground(AFTER, QBrush(QColor(ERROR_COLOUR)))
            else:
                child.setText(AFTER, _text(row.new))
                if group.kind == "passwords":
                    child.setIcon(AFTER, to_do)
                if removing:
                    child.setForeground(AFTER, QBrush(QColor(ERROR_COLOUR)))
            for column in (FIELD, NOW, AFTER, PLACE):
                child.setToolTip(column, child.text(column))
        return item
