"""What the program shows when the settings cannot be opened at start, with the ways back.

A damaged local file: open the newest intact backup, open without the test history (when only the
history is damaged), or start anew — the damaged file is always moved aside, never deleted. An
office database that cannot be reached: the reason in plain language, try again, or work on this
desktop's local file for now.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from smtpdesk.core.i18n import language
from smtpdesk.core.store import DamageReport
from smtpdesk.core.store.backups import Backup, newest_intact_backup
from smtpdesk.core.store.display import when_text
from smtpdesk.core.store.office_check import DatabaseCheck
from smtpdesk.ui.widgets.default_button import keep_default_button


@dataclass(frozen=True)
class Way:
    """One way out of the problem, as its button offers it."""

    key: str
    title: str
    description: str
    # Starting anew or leaving the office database: chosen with a click or Space, never with Enter.
    destructive: bool = False


class StartProblemDialog(QDialog):
    """A problem and the ways out; ``chosen`` tells which one (closing chooses "quit")."""

    chosen = Signal(str)

    def __init__(self, title: str, message: str, ways: list[Way], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(6)
        self.buttons: dict[str, QCommandLinkButton] = {}
        for way in ways:
            button = QCommandLinkButton(way.title, way.description)
            button.setObjectName(f"way_{way.key}")
            button.clicked.connect(self._clicked)
            self.buttons[way.key] = button
            layout.addWidget(button)
        safe = next((way for way in ways if not way.destructive), None)
        main = self.buttons[safe.key] if safe is not None else None
        keep_default_button(self, main)
        if main is not None:
            main.setFocus()
        layout.addStretch(1)
        self.setMinimumWidth(600)
        self._answer = "quit"
        self.finished.connect(self._done)

    def _clicked(self) -> None:
        sender = self.sender()
        for key, button in self.buttons.items():
            if button is sender:
                self._answer = key
        self.accept()

    def _done(self) -> None:
        self.chosen.emit(self._answer)


def damage_dialog(
    report: DamageReport, parent: QWidget | None = None
) -> tuple[StartProblemDialog, Backup | None]:
    """The dialog for a damaged local file, and the backup its first way would open."""
    backup = newest_intact_backup(report.path)
    ways: list[Way] = []
    if backup is not None:
        ways.append(
            Way(
                "backup",
                QCoreApplication.translate("StartProblemDialog", "Otwórz najnowszą dobrą kopię"),
                QCoreApplication.translate(
                    "StartProblemDialog",
                    "Kopia z {when}. Zmiany zapisane później trzeba będzie wprowadzić ponownie.",
                ).format(when=when_text(backup.at, language())),
            )
        )
    if report.settings_readable:
        ways.append(
            Way(
                "salvage",
                QCoreApplication.translate("StartProblemDialog", "Otwórz bez historii testów"),
                QCoreApplication.translate(
                    "StartProblemDialog",
                    "Ustawienia i pracownicy zostają; znika tylko uszkodzona historia testów.",
                ),
            )
        )
    ways.append(
        Way(
            "anew",
            QCoreApplication.translate("StartProblemDialog", "Zacznij od nowa"),
            QCoreApplication.translate(
                "StartProblemDialog",
                "Nowy, pusty plik ustawień. Uszkodzony plik zostanie odłożony obok, nie usunięty.",
            ),
            destructive=True,
        )
    )
    ways.append(
        Way(
            "quit",
            QCoreApplication.translate("StartProblemDialog", "Zamknij program"),
            QCoreApplication.translate("StartProblemDialog", "Nic nie zostanie zmienione."),
        )
    )
    message = "\n\n".join(
        (
            report.message().text(language()),
            QCoreApplication.translate(
                "StartProblemDialog",
                "Nic nie zostało usunięte: uszkodzony plik zostanie zachowany pod inną nazwą w tym samym "
                "folderze.",
            ),
        )
    )
    dialog = StartProblemDialog(
        QCoreApplication.translate("StartProblemDialog", "Plik ustawień jest uszkodzony"),
        message,
        ways,
        parent,
    )
    return dialog, backup


def unreachable_dialog(
    where: str, reason: DatabaseCheck | None, detail: str, parent: QWidget | None = None
) -> StartProblemDialog:
    """The dialog for an office database that cannot be opened."""
    lang = language()
    if reason is not None and reason.reason is not None:
        parts = [reason.text("title", lang), reason.text("explanation", lang), reason.text("fix", lang)]
    else:
        parts = [detail]
    message = "\n\n".join(
        [
            QCoreApplication.translate("StartProblemDialog", "Nie można otworzyć bazy biura {where}.").format(
                where=where
            ),
            *parts,
        ]
    )
    ways = [
        Way(
            "retry",
            QCoreApplication.translate("StartProblemDialog", "Spróbuj ponownie"),
            QCoreApplication.translate("StartProblemDialog", "Gdy serwer znów działa albo sieć wróciła."),
        ),
        Way(
            "local",
            QCoreApplication.translate("StartProblemDialog", "Pracuj na pliku lokalnym"),
            QCoreApplication.translate(
                "StartProblemDialog",
                "Ten komputer wróci do własnego pliku ustawień; do bazy biura można wrócić w Narzędzia.",
            ),
            destructive=True,
        ),
        Way(
            "quit",
            QCoreApplication.translate("StartProblemDialog", "Zamknij program"),
            QCoreApplication.translate("StartProblemDialog", "Nic nie zostanie zmienione."),
        ),
    ]
    return StartProblemDialog(
        QCoreApplication.translate("StartProblemDialog", "Baza biura jest niedostępna"), message, ways, parent
    )
