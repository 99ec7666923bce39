"""The short notice above the tabs when settings changed elsewhere: who changed what, and whether
the window shows it already or the user's own unsaved edits were kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

HIDE_AFTER_MS = 20_000

_STYLE = (
    "#changeNotice { background: #e8f1fb; border: 1px solid #8bb3dd; border-radius: 4px; }"
    "#changeNotice QLabel { color: #10304f; }"
)


class ChangeNotice(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeNotice")
        self.setStyleSheet(_STYLE)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reload_button = QPushButton(self.tr("Wczytaj ponownie"))
        self.reload_button.setToolTip(self.tr("Porzuć niezapisane zmiany i pokaż zapisane ustawienia"))
        self.close_button = QPushButton(self.tr("Zamknij"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_changes(self, summary: str, *, kept_edits: bool) -> None:
        if kept_edits:
            text = self.tr(
                "{summary}. Twoje niezapisane zmiany zostały zachowane — przy zapisie zobaczysz, "
                "jeśli dotyczą tych samych pól."
            ).format(summary=summary)
        else:
            text = self.tr("{summary}. Okno pokazuje już zapisane zmiany.").format(summary=summary)
        self.message.setText(text)
        self.reload_button.setVisible(kept_edits)
        self.show()
        self._timer.start(HIDE_AFTER_MS)
