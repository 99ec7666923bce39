"""„Zmiany w tym samym miejscu”: the save was refused because someone else changed the same fields
meanwhile. Per field the user keeps their own value or takes the saved one, or reloads everything.

Non-blocking: ``resolved`` carries the keys whose own value the user keeps; ``reload_requested``
asks to drop the edits and show what is stored; closing the dialog goes back to editing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.i18n import language
from smtpdesk.core.store import Conflict
from smtpdesk.core.store.display import value_text, when_text
from smtpdesk.ui.widgets.default_button import keep_default_button

VALUE_WIDTH = 270  # pixels a value may take before it is shortened


class ConflictDialog(QDialog):
    resolved = Signal(object)  # set[str]: the keys whose own value is kept
    reload_requested = Signal()

    def __init__(self, conflicts: tuple[Conflict, ...], subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Ktoś zmienił te same ustawienia"))
        self.conflicts = conflicts
        lang = language()

        heading = QLabel(
            self.tr(
                "Od chwili otwarcia {subject} ktoś inny zapisał inne wartości w tych samych polach. "
                "Nic jeszcze nie zostało zapisane — wybierz, którą wartość zachować w każdym polu."
            ).format(subject=subject)
        )
        heading.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for column, text in enumerate(
            (self.tr("Pole"), self.tr("Twoja wartość"), self.tr("Zapisana wartość"))
        ):
            label = QLabel(f"<b>{text}</b>")
            grid.addWidget(label, 0, column)
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self._groups: list[QButtonGroup] = []
        for row, conflict in enumerate(conflicts, start=1):
            name = QLabel(conflict.label.text(lang))
            name.setWordWrap(True)
            name.setMinimumWidth(200)
            mine = self._choice(value_text(conflict.key, conflict.mine, lang))
            who = conflict.changed_by or self.tr("inny komputer")
            when = when_text(conflict.changed_at, lang)
            theirs = self._choice(value_text(conflict.key, conflict.theirs, lang))
            origin = QLabel(self.tr("zapisał(a) {who}, {when}").format(who=who, when=when))
            origin.setObjectName("conflictOrigin")
            origin.setWordWrap(True)
            origin.setStyleSheet("color: #555555;")
            theirs_box = QVBoxLayout()
            theirs_box.setSpacing(0)
            theirs_box.addWidget(theirs, 0, Qt.AlignmentFlag.AlignLeft)
            theirs_box.addWidget(origin)
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            mine.setChecked(True)
            self._groups.append(group)
            self.mine_buttons[conflict.key] = mine
            self.theirs_buttons[conflict.key] = theirs
            mine.setAccessibleName(self.tr("{field}: zachowaj moją wartość").format(field=name.text()))
            theirs.setAccessibleName(self.tr("{field}: weź zapisaną wartość").format(field=name.text()))
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            # As wide as their text: a click beside a short value must not miss the button.
            grid.addWidget(mine, row, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addLayout(theirs_box, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from choice to choice, scrolling to each

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Zapisz wybrane wartości"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reload_button: QPushButton = self.buttons.addButton(
            self.tr("&Wczytaj zapisane (porzuć moje zmiany)"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.back_button: QPushButton = self.buttons.addButton(
            self.tr("Wróć do edycji"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self._save)
        self.reload_button.clicked.connect(self._reload)
        self.back_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        keep_default_button(self, self.save_button)  # never "Wczytaj zapisane (porzuć…)"
        self.resize(880, min(600, 200 + 80 * len(conflicts)))

    def _choice(self, text: str) -> QRadioButton:
        """A radio button showing a value; a long one is shortened, the whole of it in the tooltip."""
        button = QRadioButton()
        shown = button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, VALUE_WIDTH)
        button.setText(shown)
        if shown != text:
            button.setToolTip(text)
        return button

    def kept(self) -> set[str]:
        return {key for key, button in self.mine_buttons.items() if button.isChecked()}

    def _save(self) -> None:
        kept = self.kept()
        self.accept()
        self.resolved.emit(kept)

    def _reload(self) -> None:
        self.accept()
        self.reload_requested.emit()
