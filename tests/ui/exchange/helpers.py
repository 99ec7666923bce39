"""Driving the settings window's export and import the way a person does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLineEdit, QMessageBox, QTreeWidgetItem

from smtpdesk.ui.exchange.preview_dialog import AFTER, FIELD, PLACE, ImportPreviewDialog

WAIT_MS = 5000


def type_file_name(qtbot, dialog: QFileDialog | None, path: Path) -> None:
    """Types the whole path over the suggested name, key by key, and presses Enter (QTest types
    ASCII only). The dialog is made the active window first, as a click into it would: its name
    field follows typing only while it has the focus."""
    assert dialog is not None and dialog.isVisible()
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    dialog.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=WAIT_MS)
    edit.selectAll()
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def click_check(qtbot, box: QCheckBox) -> None:
    """Clicks a check box on its label, where a person clicks (its row is wider than the label)."""
    on_text = QPoint(box.sizeHint().width() // 2, box.height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_text)


def groups(dialog: ImportPreviewDialog) -> dict[str, list[tuple[str, str, str, str]]]:
    """What the preview shows: group title -> (field, now, after, place in the file) of each row."""
    shown: dict[str, list[tuple[str, str, str, str]]] = {}
    for item in dialog.group_items():
        rows = [_cells(item.child(i)) for i in range(item.childCount())]
        shown[item.text(FIELD)] = rows
    return shown


def _cells(item: QTreeWidgetItem | None) -> tuple[str, str, str, str]:
    assert item is not None
    return item.text(FIELD), item.text(1), item.text(AFTER), item.text(PLACE)


def visible_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
