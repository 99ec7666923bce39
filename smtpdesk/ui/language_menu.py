"""„Język / Language”: the window's language on this computer, from the next start.

Its texts name each language in that language and the menu in both, so it can be found and
read whichever language the window is in now. The choice is kept per computer (see
smtpdesk.language); ``--lang`` still decides for a single run.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from smtpdesk.core.i18n import Lang
from smtpdesk.language import save_language, saved_language
from smtpdesk.ui.msgbox import show_message

TITLE = "&Język / Language"
SYSTEM = "Jak w systemie / System language"
NAMES: dict[Lang, str] = {"pl": "Polski", "en": "English"}
RESTART = (
    "Program będzie po polsku od następnego uruchomienia.\n\nsmtpdesk will be in Polish from its next start.",
    "Program będzie po angielsku od następnego uruchomienia.\n\n"
    "smtpdesk will be in English from its next start.",
    "Program będzie w języku systemu od następnego uruchomienia.\n\n"
    "smtpdesk will follow the system's language from its next start.",
)
NOT_SAVED = (
    "Nie udało się zapamiętać wyboru języka (folder ustawień nie jest zapisywalny).\n\n"
    "The language choice could not be saved (the settings folder cannot be written)."
)
# Shown as they are in either language: the checks for untranslated text leave these alone.
BILINGUAL_TEXTS = frozenset({TITLE.replace("&", ""), SYSTEM, *NAMES.values(), *RESTART, NOT_SAVED})


class LanguageMenu(QMenu):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self.setObjectName("language_menu")
        self.message: QMessageBox | None = None
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_choice: dict[Lang | None, QAction] = {}
        choices: tuple[tuple[Lang | None, str], ...] = (
            (None, SYSTEM),
            ("pl", NAMES["pl"]),
            ("en", NAMES["en"]),
        )
        for choice, text in choices:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setData(choice)
            group.addAction(action)
            self.addAction(action)
            if choice is None:
                self.addSeparator()
            self.actions_by_choice[choice] = action
        self.actions_by_choice[saved_language()].setChecked(True)
        group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        choice: Lang | None = action.data()
        if choice == saved_language():
            return
        if not save_language(choice):
            self.actions_by_choice[saved_language()].setChecked(True)
            self.message = show_message(self.parentWidget(), QMessageBox.Icon.Warning, TITLE[1:], NOT_SAVED)
            return
        text = RESTART[2] if choice is None else RESTART[0 if choice == "pl" else 1]
        self.message = show_message(self.parentWidget(), QMessageBox.Icon.Information, TITLE[1:], text)
