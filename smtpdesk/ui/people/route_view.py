""" "Jak teraz wychodzi Twoja poczta": the account the signed-in person's mail leaves through right
now (their own, the company's, or the application's default server), the From and Reply-To
clients see, and the footer under every mail — the routing of "Kontakt do aktualnie zalogowanego
agenta" with this person as the agent."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from smtpdesk.core.report import security_text
from smtpdesk.core.routing import SOURCE_COMPANY, SOURCE_DEFAULT, SOURCE_EMPLOYEE, Route
from smtpdesk.ui.widgets.form_rows import new_form

_FOOTER_STYLE = "background: palette(base); border: 1px solid palette(mid); border-radius: 4px; padding: 8px;"
_WARNING_STYLE = "background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px;"


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RouteView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Jak teraz wychodzi Twoja poczta"))
        self.via = _value()
        font = self.via.font()
        font.setBold(True)
        self.via.setFont(font)
        self.server = _value()
        self.sender_label = _value()
        self.reply_to = _value()
        self.footer = QLabel()
        self.footer.setTextFormat(Qt.TextFormat.RichText)
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet(_FOOTER_STYLE)
        self.warnings = _value()
        self.warnings.setStyleSheet(_WARNING_STYLE)
        self.form: QFormLayout = new_form()
        self.form.addRow(self.tr("Konto:"), self.via)
        self.form.addRow(self.tr("Serwer:"), self.server)
        self.form.addRow(self.tr("Nadawca (Od):"), self.sender_label)
        self.form.addRow(self.tr("Odpowiedzi do:"), self.reply_to)
        self.form.addRow(self.tr("Stopka:"), self.footer)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.warnings)

    def show_route(self, route: Route) -> None:
        vias = {
            SOURCE_EMPLOYEE: self.tr("Twoje własne konto SMTP"),
            SOURCE_COMPANY: self.tr("konto firmowe biura"),
            SOURCE_DEFAULT: self.tr("serwer domyślny aplikacji"),
        }
        self.via.setText(vias.get(route.source, self.tr("brak — nie ustawiono żadnego serwera poczty")))
        account = route.account
        if account is not None:
            text = self.tr("{host}, port {port}, szyfrowanie: {security}").format(
                host=account.host, port=account.port, security=security_text(account.security.value)
            )
            if account.username:
                text += " · " + self.tr("użytkownik {user}").format(user=account.username)
            self.server.setText(text)
        self.form.setRowVisible(self.server, account is not None)
        sender = f"{route.sender_name} <{route.sender}>" if route.sender_name else route.sender
        self.sender_label.setText(sender if route.sender else "—")
        self.reply_to.setText(route.reply_to)
        self.form.setRowVisible(self.reply_to, bool(route.reply_to))
        lines = [html.escape(line) for line in route.footer.lines]
        if route.footer.website:
            lines.append(html.escape(route.footer.website))
        self.footer.setText("<br>".join(lines) or html.escape(self.tr("(pusta)")))
        self.warnings.setText("\n\n".join(w.text() for w in route.warnings))
        self.warnings.setVisible(bool(route.warnings))
