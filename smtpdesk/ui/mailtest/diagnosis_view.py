"""The outcome of a run in plain Polish: what happened, why, what to change, one-click fixes,
the technical details and the report for the IT person."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.diagnosis.model import Fix
from smtpdesk.core.history import HistoryEntry
from smtpdesk.core.i18n import language
from smtpdesk.core.report import (
    ReportInput,
    input_from_entry,
    input_from_result,
    render,
    security_text,
    technical_details,
)
from smtpdesk.core.smtp.result import RunResult
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.people.viewer import masker_for
from smtpdesk.ui.widgets.tab_order import place_before

log = logging.getLogger(__name__)

OK_COLOUR = "#1a7f37"
ERROR_COLOUR = "#cf222e"
WARNING_COLOUR = "#9a6700"


def _says_not_delivered(explanation: str) -> bool:
    """Whether the diagnosis itself already says that acceptance is not delivery (then the
    highlighted note would only repeat it)."""
    text = explanation.lower()
    return "doręcz" in text or "deliver" in text


def _p(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def account_text(host: str, port: int, security: str, username: str, sender: str) -> str:
    """ "Serwer …, port …, szyfrowanie: …", then the user and the sender when there are any."""
    translate = QCoreApplication.translate
    text = translate("DiagnosisView", "Serwer {host}, port {port}, szyfrowanie: {security}").format(
        host=host or "—", port=port, security=security
    )
    if username:
        text += " · " + translate("DiagnosisView", "użytkownik {user}").format(user=username)
    if sender:
        text += " · " + translate("DiagnosisView", "nadawca {sender}").format(sender=sender)
    return text


class DiagnosisView(QWidget):
    """Shows one result. ``fix_requested`` carries a ``Fix`` the user clicked."""

    fix_requested = Signal(object)
    report_copied = Signal()
    report_saved = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, server_line: bool = True) -> None:
        super().__init__(parent)
        self._show_server_line = server_line
        self._data: ReportInput | None = None
        self._secrets: tuple[str, ...] = ()
        self._save_dialog: QFileDialog | None = None
        # Set by owners whose user may apply only some fixes (an agent): the others are advice,
        # worded by ``fix_advice`` ("{fixes}" stands for their names).
        self.fix_allowed: Callable[[Fix], bool] | None = None
        self.fix_advice = ""

        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.server_line = QLabel()
        self.server_line.setWordWrap(True)
        self.server_line.setStyleSheet("color: #57606a;")
        self.server_line.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delivery_note = QLabel()
        self.delivery_note.setWordWrap(True)
        self.delivery_note.setTextFormat(Qt.TextFormat.PlainText)
        self.delivery_note.setStyleSheet(
            "background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px;"
        )

        self.fixes_label = QLabel(
            self.tr("Popraw jednym kliknięciem (zmienia formularz i testuje ponownie):")
        )
        self.fixes_label.setWordWrap(True)
        self.fixes_row = QHBoxLayout()
        self.fixes_row.setContentsMargins(0, 0, 0, 0)
        self.fix_buttons: list[QPushButton] = []
        self._fix_of: dict[QObject, Fix] = {}
        self.fixes_hint = QLabel()
        self.fixes_hint.setWordWrap(True)
        self.fixes_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.fixes_hint.setStyleSheet("color: #57606a;")

        self.details_toggle = QToolButton()
        self.details_toggle.setText(self.tr("Szczegóły techniczne"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.toggled.connect(self._toggle_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(220)
        self.details.setAccessibleName(self.tr("Szczegóły techniczne"))
        self.details.hide()

        self.copy_button = QPushButton(self.tr("Kopiuj raport"))
        self.copy_button.setToolTip(self.tr("Raport dla informatyka lub dostawcy poczty — bez hasła"))
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button = QPushButton(self.tr("Zapisz raport…"))
        self.save_button.clicked.connect(self.save_report)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: #57606a;")

        report_row = QHBoxLayout()
        report_row.addWidget(self.details_toggle)
        report_row.addStretch(1)
        report_row.addWidget(self.status)
        report_row.addWidget(self.copy_button)
        report_row.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.server_line)
        layout.addWidget(self.explanation)
        layout.addWidget(self.steps)
        layout.addWidget(self.delivery_note)
        layout.addWidget(self.fixes_label)
        layout.addLayout(self.fixes_row)
        layout.addWidget(self.fixes_hint)
        layout.addLayout(report_row)
        layout.addWidget(self.details, 10)
        # Spare height goes below the text (or to the details), never between the lines.
        layout.addStretch(1)

    # -- content ------------------------------------------------------------------------------

    def show_result(
        self,
        result: RunResult,
        *,
        account_label: str = "",
        account_key: str = "",
        secrets: Iterable[str] = (),
        fixes_enabled: bool = True,
        at: datetime | None = None,
    ) -> None:
        data = input_from_result(result, account_label=account_label, account_key=account_key, at=at)
        fixes: Sequence[Fix] = tuple(result.diagnosis.fixes) if result.diagnosis is not None else ()
        self._show(data, fixes, secrets, fixes_enabled, cancelled=result.code == "cancelled")

    def show_entry(self, entry: HistoryEntry, *, secrets: Iterable[str] = ()) -> None:
        self._show(input_from_entry(entry), (), secrets, False, cancelled=False)

    def report_text(self) -> str:
        if self._data is None:
            return ""
        return render(self._data, secrets=self._secrets, lang=language())

    def _show(
        self,
        data: ReportInput,
        fixes: Sequence[Fix],
        secrets: Iterable[str],
        fixes_enabled: bool,
        *,
        cancelled: bool,
    ) -> None:
        # What is shown is also what is copied and saved: masked alike for an agent.
        data = masker_for(self).report(data)
        self._data = data
        self._secrets = tuple(s for s in secrets if s)
        self.status.clear()
        if data.ok:
            symbol, colour = "✓", OK_COLOUR
        elif cancelled:
            symbol, colour = "■", WARNING_COLOUR
        else:
            symbol, colour = "✗", ERROR_COLOUR
        title = data.title or (self.tr("Udało się") if data.ok else self.tr("Nie udało się"))
        self.headline.setText(
            f'<span style="font-size: 15pt; font-weight: 600; color: {colour};">'
            f"{symbol} {html.escape(title)}</span>"
        )
        self.server_line.setText(self._server_text(data))
        self.server_line.setVisible(self._show_server_line)
        self.explanation.setText(_p(data.explanation))
        self.explanation.setVisible(bool(data.explanation))
        if data.steps:
            items = "".join(f"<li>{_p(step)}</li>" for step in data.steps)
            heading = self.tr("Co zrobić:")  # outside the f-string, where lupdate finds it
            self.steps.setText(
                f'<b>{html.escape(heading)}</b><ol style="margin-top: 4px; margin-bottom: 0px;">{items}</ol>'
            )
        self.steps.setVisible(bool(data.steps))
        self.delivery_note.setText(self._delivery_text(data))
        self.delivery_note.setVisible(data.ok and not _says_not_delivered(data.explanation))
        self._set_fixes(fixes, fixes_enabled)
        self.details.setPlainText(technical_details(data, secrets=self._secrets, lang=language()))

    def _server_text(self, data: ReportInput) -> str:
        security = security_text(data.security, data.security_used, language())
        sender = "" if data.login_only else data.sender
        text = account_text(data.host, data.port, security, data.username, sender)
        if data.account_label:
            text = f"{data.account_label} — {text}"
        return text

    def _delivery_text(self, data: ReportInput) -> str:
        if data.login_only:
            return self.tr(
                "Logowanie na serwerze {host} działa. Nie wysłano żadnej wiadomości — aby sprawdzić "
                "wysyłkę, użyj „Wyślij wiadomość testową”."
            ).format(host=data.host)
        return self.tr(
            "Serwer {host} przyjął wiadomość do {recipient}. Przyjęcie przez serwer to jeszcze nie "
            "doręczenie: czy wiadomość dotarła do skrzynki adresata, może sprawdzić tylko "
            "administrator serwera {host}. Jeśli jej nie widać, zajrzyj też do folderu spam."
        ).format(host=data.host, recipient=data.recipient)

    def _set_fixes(self, fixes: Sequence[Fix], enabled: bool) -> None:
        for button in self.fix_buttons:
            self.fixes_row.removeWidget(button)
            button.hide()  # gone from the screen now, deleted once its click has been handled
            button.deleteLater()
        self.fix_buttons = []
        self._fix_of = {}
        while self.fixes_row.count():
            self.fixes_row.takeAt(0)
        if enabled:
            for fix in fixes:
                if self.fix_allowed is not None and not self.fix_allowed(fix):
                    continue
                button = QPushButton(fix.label)
                button.setToolTip(self.tr("Zmienia ustawienia w formularzu i od razu testuje ponownie"))
                button.clicked.connect(self._fix_clicked)
                self.fixes_row.addWidget(button)
                self.fix_buttons.append(button)
                self._fix_of[button] = fix
            self.fixes_row.addStretch(1)
            place_before(self.fix_buttons, self.details_toggle)  # where they are read: above it
        self.fixes_label.setVisible(bool(self.fix_buttons))
        # Fixes this user may not apply (an agent's, for the company account) are named as advice.
        advised = [fix for fix in fixes if not enabled or fix not in self._fix_of.values()]
        if advised:
            labels = "; ".join(self.tr("„{label}”").format(label=fix.label) for fix in advised)
            template = self.fix_advice or self.tr(
                "Proponowana zmiana: {fixes}. Wprowadź ją w ustawieniach tego konta."
            )
            self.fixes_hint.setText(template.format(fixes=labels))
        self.fixes_hint.setVisible(bool(advised))

    @Slot()
    def _fix_clicked(self) -> None:
        fix = self._fix_of.get(self.sender())
        if fix is not None:
            self.fix_requested.emit(fix)

    def set_fixes_busy(self, busy: bool) -> None:
        for button in self.fix_buttons:
            button.setEnabled(not busy)

    def _toggle_details(self, shown: bool) -> None:
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)

    # -- report -------------------------------------------------------------------------------

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.status.setText(self.tr("Skopiowano do schowka."))
        self.report_copied.emit()

    def save_report(self) -> None:
        """Asks where to save without blocking the event loop (the dialog answers by signal)."""
        if self._save_dialog is not None:
            self._save_dialog.raise_()
            return
        dialog = QFileDialog(self, self.tr("Zapisz raport z testu poczty"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([self.tr("Pliki tekstowe (*.txt)"), self.tr("Wszystkie pliki (*)")])
        dialog.setDefaultSuffix("txt")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(self._suggested_name())
        dialog.fileSelected.connect(self.write_report)
        dialog.finished.connect(self._save_dialog_closed)
        self._save_dialog = dialog
        dialog.open()

    @property
    def save_dialog(self) -> QFileDialog | None:
        return self._save_dialog

    def _save_dialog_closed(self) -> None:
        if self._save_dialog is not None:
            self._save_dialog.deleteLater()
        self._save_dialog = None

    def _suggested_name(self) -> str:
        host = (self._data.host if self._data else "") or "smtp"
        stamp = (self._data.at if self._data else datetime.now(timezone.utc)).astimezone()
        safe_host = "".join(c if c.isalnum() or c in ".-" else "_" for c in host)
        return f"raport-poczty-{safe_host}-{stamp:%Y%m%d-%H%M}.txt"

    def write_report(self, path: str) -> None:
        try:
            Path(path).write_text(self.report_text(), encoding="utf-8")
        except OSError as exc:
            log.warning("could not save the report to %s: %s", path, exc.strerror or exc)
            show_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Nie zapisano raportu"),
                self.tr("Nie udało się zapisać raportu w {path}: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                ),
            )
            return
        self.status.setText(self.tr("Zapisano: {name}").format(name=Path(path).name))
        self.report_saved.emit(path)
