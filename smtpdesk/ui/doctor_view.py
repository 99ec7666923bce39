""" "Doktor konfiguracji": the doctor's findings, each with its explanation and a "Napraw" button.

The window never blocks: it is shown with ``show()``, a fix is applied and saved at once, and the
list is checked again so a fixed finding disappears.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.doctor import NO_FINDINGS, Finding, Severity, apply_and_save, run_doctor, summary
from smtpdesk.core.doctor.fixes import needs_window
from smtpdesk.core.i18n import language
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.widgets.default_button import keep_default_button, resettle_default_button
from smtpdesk.ui.widgets.tab_order import chain_tab_order

log = logging.getLogger(__name__)

OK_COLOUR = "#1a7f37"
_COLOURS = {Severity.ERROR: "#cf222e", Severity.WARNING: "#9a6700", Severity.INFO: "#0969da"}
_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
ICON_SIZE = 32


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class FindingCard(QFrame):
    """One finding: severity icon, title, explanation and, when it can be fixed, "Napraw"."""

    fix_clicked = Signal(object)  # the Finding

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        lang = language()
        colour = _COLOURS[finding.severity]
        self.setObjectName("finding")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#finding {{ border: 1px solid #d0d7de; border-left: 4px solid {colour};"
            " border-radius: 4px; background: palette(base); }"
        )

        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(_ICONS[finding.severity]).pixmap(ICON_SIZE, ICON_SIZE))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.icon.setFixedWidth(ICON_SIZE + 4)
        self.icon.setToolTip(self._severity_text(finding.severity))

        self.title = QLabel(finding.title.text(lang))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.about = QLabel(_capitalised(finding.about.text(lang)) if finding.about is not None else "")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setStyleSheet("color: #57606a;")
        self.about.setVisible(finding.about is not None)
        self.severity = QLabel(self._severity_text(finding.severity))
        self.severity.setStyleSheet(f"color: {colour};")
        self.explanation = QLabel(finding.explanation.text(lang))
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        text = QVBoxLayout()
        text.setSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.severity, 0, Qt.AlignmentFlag.AlignTop)
        text.addLayout(heading)
        text.addWidget(self.about)
        text.addWidget(self.explanation)

        self.fix_button: QPushButton | None = None
        if finding.fix is not None:
            fix_label = QLabel(self.tr("Poprawka: {label}").format(label=finding.fix.label.text(lang)))
            fix_label.setWordWrap(True)
            fix_label.setTextFormat(Qt.TextFormat.PlainText)
            fix_label.setStyleSheet("color: #57606a;")
            self.fix_button = QPushButton(self.tr("Napraw"))
            self.fix_button.setToolTip(finding.fix.label.text(lang))
            self.fix_button.clicked.connect(lambda: self.fix_clicked.emit(self.finding))
            row = QHBoxLayout()
            row.addWidget(fix_label, 1)
            row.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignRight)
            text.addLayout(row)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(10)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

    def _severity_text(self, severity: Severity) -> str:
        if severity is Severity.ERROR:
            return self.tr("Błąd")
        if severity is Severity.WARNING:
            return self.tr("Ostrzeżenie")
        return self.tr("Informacja")


class DoctorDialog(QDialog):
    """Lists what the doctor found in the stored settings; ``settings_changed`` after each fix."""

    settings_changed = Signal()
    sign_in_requested = Signal(object)  # Finding whose fix is "Zaloguj przez Microsoft"

    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self._findings: list[Finding] = []
        self._cards: list[FindingCard] = []
        self.setWindowTitle(self.tr("Doktor konfiguracji"))
        self.setModal(False)
        self.resize(760, 600)

        intro = QLabel(
            self.tr(
                "Sprawdzenie zapisanych ustawień poczty według zasad strony pomocy i typowych błędów. "
                "Nic nie jest wysyłane."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #57606a;")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 120%; font-weight: bold;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(f"color: {_COLOURS[Severity.ERROR]};")
        self.error_label.hide()

        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 4, 0)
        self._list_layout.setSpacing(8)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        self._scroll = scroll
        # It takes the focus so the findings can be scrolled with the keyboard.
        scroll.setAccessibleName(self.tr("Wyniki sprawdzenia"))

        self.refresh_button = QPushButton(self.tr("Sprawdź ponownie"))
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self.tr("Zamknij"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(intro)
        layout.addWidget(self.error_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        keep_default_button(self, self.close_button)
        self.refresh()

    # --- state ------------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def cards(self) -> list[FindingCard]:
        return list(self._cards)

    def card_for(self, code: str, subject: str | None = None) -> FindingCard | None:
        for card in self._cards:
            if card.finding.code == code and (subject is None or card.finding.subject == subject):
                return card
        return None

    # --- actions ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check the stored settings again and show what was found."""
        try:
            settings = self.store.load_settings()
            employees = self.store.list_employees()
        except (StoreError, OSError) as error:
            log.warning("could not read the settings for the doctor: %s", error)
            self._show_error(self.tr("Nie udało się odczytać ustawień: {error}").format(error=error))
            return
        self._findings = run_doctor(settings, employees, self.secrets)
        self._rebuild()
        resettle_default_button(self)  # "Napraw" changes settings: never on Enter

    def apply(self, finding: Finding) -> None:
        """Apply and save ``finding``'s fix, then check again."""
        if needs_window(finding):
            self.sign_in_requested.emit(finding)  # a sign-in in the browser, run by the window
            return
        try:
            apply_and_save(finding, self.store, self.secrets)
        except (ValueError, StoreError, OSError) as error:
            log.warning("could not apply the fix for %s: %s", finding.code, error)
            self._show_error(self.tr("Nie udało się wprowadzić poprawki: {error}").format(error=error))
            self.refresh()
            return
        self.error_label.hide()
        self.settings_changed.emit()
        self.refresh()

    # --- view -------------------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _rebuild(self) -> None:
        for card in self._cards:
            self._list_layout.removeWidget(card)
            card.deleteLater()
        self._cards = []
        lang = language()
        if self._findings:
            self.summary_label.setText(
                self.tr("Znaleziono: {summary}").format(summary=summary(self._findings, lang))
            )
            self.summary_label.setStyleSheet("font-size: 120%; font-weight: bold;")
        else:
            self.summary_label.setText(NO_FINDINGS.text(lang))
            self.summary_label.setStyleSheet(f"font-size: 120%; font-weight: bold; color: {OK_COLOUR};")
        for index, finding in enumerate(self._findings):
            card = FindingCard(finding, self._list)
            card.fix_clicked.connect(self.apply)
            self._list_layout.insertWidget(index, card)
            self._cards.append(card)
        # The cards are made after the buttons under them: Tab goes through the list first.
        fixes = [card.fix_button for card in self._cards if card.fix_button is not None]
        chain_tab_order([self._scroll, *fixes, self.refresh_button, self.close_button])
