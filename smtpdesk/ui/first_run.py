"""The welcome shown on a first start with no settings at all: set up the office, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import heading_label


class FirstRunDialog(QDialog):
    """Offers the two ways in; open it with ``open()`` or ``show()`` and listen to the signals.

    Each signal is emitted before the dialog closes, so the next window can appear first.
    Closing the dialog without a choice emits neither (``rejected`` tells that case).
    """

    setup_chosen = Signal()
    demo_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Witamy w smtpdesk"))
        self.setMinimumWidth(520)

        heading = heading_label(self.tr("Witamy w smtpdesk"))
        intro = QLabel(
            self.tr(
                "Na tym komputerze nie ma jeszcze ustawień. Możesz od razu ustawić wysyłanie poczty "
                "w swoim biurze albo najpierw zobaczyć, jak program działa, na przykładowym biurze."
            )
        )
        intro.setWordWrap(True)

        self.setup_button = QCommandLinkButton(
            self.tr("Skonfiguruj swoje biuro"),
            self.tr("Wpisz dane firmy, pracowników i ustawienia ich poczty wychodzącej (SMTP)."),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Wypróbuj wersję demo"),
            self.tr(
                "Przykładowe biuro i wbudowany serwer poczty na tym komputerze. Nic nie jest "
                "wysyłane do internetu, a zmiany znikną po zamknięciu."
            ),
        )
        self.setup_button.clicked.connect(self._choose_setup)
        self.demo_button.clicked.connect(self._choose_demo)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.setup_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        keep_default_button(self, self.setup_button)
        # Wrapped labels make Qt guess a needlessly tall dialog; size it to its text instead.
        height = layout.heightForWidth(self.minimumWidth())
        if height > 0:
            self.resize(self.minimumWidth(), height)

    def _choose_setup(self) -> None:
        self.setup_chosen.emit()
        self.accept()

    def _choose_demo(self) -> None:
        self.demo_chosen.emit()
        self.accept()
