"""The diagnosis of a finished run in its own window (from check-all's status column or history)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.ui.mailtest.diagnosis_view import DiagnosisView
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.fit_height import fit_height


class DiagnosisDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(600)
        self.view = DiagnosisView()
        # The window grows to show the whole diagnosis (with "Szczegóły techniczne" too) as far as
        # the screen allows; beyond that it scrolls instead of squeezing the lines into each other.
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(self.view)
        # It takes the focus so a long diagnosis can be scrolled with the keyboard.
        self.area.setAccessibleName(self.tr("Diagnoza"))
        self.view.details_toggle.toggled.connect(self._fit_height)
        close_button = QPushButton(self.tr("Zamknij"))
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)
        self.close_button = close_button
        # Fix buttons a sign-in failure adds before showing it take no Enter either.
        keep_default_button(self, close_button)
        self.resize(self.minimumWidth(), 0)  # as high as the diagnosis once shown (showEvent)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        fit_height(self, self.area)

    @classmethod
    def for_result(
        cls,
        result: RunResult,
        parent: QWidget | None = None,
        *,
        account_label: str = "",
        account_key: str = "",
        secrets: Iterable[str] = (),
    ) -> DiagnosisDialog:
        dialog = cls(parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("DiagnosisDialog", "Diagnoza: {account}").format(
                account=account_label or result.account.host
            )
        )
        # Fixes change a form; from here there is none to change, so they are shown as advice.
        dialog.view.show_result(
            result, account_label=account_label, account_key=account_key, secrets=secrets, fixes_enabled=False
        )
        return dialog

    @classmethod
    def for_entry(cls, entry: HistoryEntry, parent: QWidget | None = None) -> DiagnosisDialog:
        dialog = cls(parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("DiagnosisDialog", "Diagnoza: {account}").format(
                account=entry.account_label or entry.host
            )
        )
        dialog.view.show_entry(entry)
        return dialog
