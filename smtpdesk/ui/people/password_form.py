"""A new application password typed twice, with the office's rules checked while it is typed: a
checklist that ticks each rule as it is met, and under the field the sentence of the first rule
still broken."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from smtpdesk.core.people.rules import Rule, broken_rules, problem_text, rules_for
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, hint_label

# (first name, last name, e-mail) of the person whose password it is, as typed or stored.
Identity = Callable[[], tuple[str, str, str]]

MET_COLOUR = "#1a7f37"
OPEN_COLOUR = "#57606a"
BROKEN_COLOUR = "#b3261e"


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


class NewPasswordForm(QWidget):
    changed = Signal()

    def __init__(
        self, form: QFormLayout, errors: FieldErrors, *, giodo: bool, identity: Identity, label: str = ""
    ) -> None:
        """Adds its rows to ``form`` (sharing the dialog's ``errors``); the checklist is this widget."""
        super().__init__()
        self.giodo = giodo
        self.identity = identity
        self.errors = errors
        self.new_edit = password_edit()
        self.repeat_edit = password_edit()
        self.show_check = QCheckBox(self.tr("Pokaż wpisywane hasła"))
        add_row(form, label or self.tr("&Nowe hasło:"), self.new_edit, errors)
        add_row(form, self.tr("&Powtórz hasło:"), self.repeat_edit, errors)
        form.addRow("", self.show_check)

        self.rules = rules_for(giodo)
        self.title = QLabel(
            self.tr("Hasło musi spełniać zasady GIODO ustawione w biurze:")
            if giodo
            else self.tr("Hasło musi mieć:")
        )
        self.title.setWordWrap(True)
        self.items: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        for rule in self.rules:
            item = QLabel()
            item.setTextFormat(Qt.TextFormat.PlainText)
            self.items[rule.code] = item
            layout.addWidget(item)
        self.note = hint_label(
            self.tr("Zgodność z 5 poprzednimi hasłami sprawdzamy po kliknięciu przycisku.")
            if giodo
            else self.tr("Zgodność z obecnym hasłem sprawdzamy po kliknięciu przycisku.")
        )
        layout.addWidget(self.note)

        self.new_edit.textChanged.connect(self.refresh)
        self.repeat_edit.textChanged.connect(self._repeat_edited)
        self.show_check.toggled.connect(self._show_typed)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------

    def password(self) -> str:
        return self.new_edit.text()

    def broken(self) -> list[Rule]:
        first, last, email = self.identity()
        return broken_rules(self.password(), giodo=self.giodo, first_name=first, last_name=last, email=email)

    def check(self) -> bool:
        """Shows what is wrong next to the fields; True when the password may be saved."""
        broken = self.broken()
        if broken:
            self.errors.show(self.new_edit, problem_text(broken[0], self.password()).text())
            self.new_edit.setFocus()
            return False
        if self.repeat_edit.text() != self.password():
            self.errors.show(
                self.repeat_edit, self.tr("Hasła nie są takie same — wpisz to samo hasło dwa razy.")
            )
            self.repeat_edit.setFocus()
            return False
        return True

    def show_rejection(self, rules: list[Rule], message: str) -> None:
        """A rule only the saved passwords can check (the history) is broken."""
        for rule in rules:
            if rule.code in self.items:
                self._mark(rule, met=False)
        self.errors.show(self.new_edit, message)
        self.new_edit.selectAll()
        self.new_edit.setFocus()

    def clear(self) -> None:
        self.new_edit.clear()
        self.repeat_edit.clear()

    # -- live feedback ------------------------------------------------------------------------

    def refresh(self) -> None:
        typed = self.password()
        broken = {rule.code for rule in self.broken()}
        for rule in self.rules:
            if rule.code in ("not_recent", "not_current"):
                self._mark(rule, met=None)
            else:
                self._mark(rule, met=None if not typed else rule.code not in broken)
        first = next((r for r in self.rules if r.code in broken), None)
        self.errors.show(self.new_edit, problem_text(first, typed).text() if typed and first else "")
        self._repeat_edited()
        self.changed.emit()

    def _mark(self, rule: Rule, *, met: bool | None) -> None:
        symbol, colour = (
            ("•", OPEN_COLOUR) if met is None else ("✓", MET_COLOUR) if met else ("✗", BROKEN_COLOUR)
        )
        item = self.items[rule.code]
        item.setText(f"{symbol} {rule.requirement.text()}")
        item.setStyleSheet(f"color: {colour};")

    def _repeat_edited(self) -> None:
        repeat = self.repeat_edit.text()
        if repeat and not self.password().startswith(repeat):
            self.errors.show(self.repeat_edit, self.tr("Hasła nie są takie same."))
        else:
            self.errors.show(self.repeat_edit, "")

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.new_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)
