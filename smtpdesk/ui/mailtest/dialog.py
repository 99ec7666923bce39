"""The window of one test: it starts at once, shows each stage live, then the diagnosis.

Non-blocking: opened with ``show()``; "Anuluj" stops a run within a second; closing it (or its
parent window) during a run only cancels the run, which ends on its own thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.i18n import language
from smtpdesk.core.report import security_text
from smtpdesk.core.smtp.result import ProgressEvent, RunResult
from smtpdesk.core.store import Store
from smtpdesk.core.validation import FieldError, normalise_email
from smtpdesk.ui.mailtest.diagnosis_view import DiagnosisView, account_text
from smtpdesk.ui.mailtest.history_events import record_result
from smtpdesk.ui.mailtest.plan import MailTestPlan
from smtpdesk.ui.mailtest.progress_view import ProgressView
from smtpdesk.ui.mailtest.worker import MailTestRun
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.fit_height import fit_height
from smtpdesk.ui.widgets.form_rows import buddy_label

# Turns a clicked fix into the plan to test next (None: the form could not give one).
FixHandler = Callable[[Fix], "MailTestPlan | None"]


class MailTestDialog(QDialog):
    run_finished = Signal(object)  # RunResult | None

    def __init__(
        self,
        plan: MailTestPlan,
        store: Store | None = None,
        parent: QWidget | None = None,
        *,
        fix_handler: FixHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(600)
        self.resize(680, 300)
        self.plan = plan
        self.store = store
        self.fix_handler = fix_handler
        self.run: MailTestRun | None = None
        self.run_result: RunResult | None = None
        self.runs_started = 0
        self._listening_to: MailTestRun | None = None

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.account_line = QLabel()
        self.account_line.setWordWrap(True)
        self.account_line.setTextFormat(Qt.TextFormat.PlainText)
        self.account_line.setStyleSheet("color: #57606a;")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setStyleSheet(
            "background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px;"
        )

        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText(self.tr("adres, na który przyjdzie wiadomość testowa"))
        self.recipient_error = QLabel()
        self.recipient_error.setStyleSheet("color: #b3261e;")
        self.recipient_error.setTextFormat(Qt.TextFormat.PlainText)
        self.recipient_error.setWordWrap(True)
        self.recipient_error.hide()
        self.recipient_edit.textEdited.connect(self.recipient_error.hide)
        self.recipient_row = QWidget()
        recipient_layout = QVBoxLayout(self.recipient_row)
        recipient_layout.setContentsMargins(0, 0, 0, 0)
        recipient_line = QHBoxLayout()
        recipient_label = buddy_label(self.tr("&Odbiorca:"), self.recipient_edit)
        recipient_line.addWidget(recipient_label)
        recipient_line.addWidget(self.recipient_edit, 1)
        recipient_layout.addLayout(recipient_line)
        recipient_layout.addWidget(self.recipient_error)

        self.progress = ProgressView()
        self.separator = QFrame()
        self.separator.setFrameShape(QFrame.Shape.HLine)
        self.separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.diagnosis = DiagnosisView(server_line=False)  # the account line above says it
        self.diagnosis.fix_requested.connect(self._apply_fix)
        self.diagnosis.details_toggle.toggled.connect(self._fit_height)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()

        self.again_button = QPushButton()
        self.again_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Anuluj"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Zamknij"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.account_line)
        layout.addWidget(self.warnings)
        layout.addWidget(self.recipient_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.separator)
        # Long diagnoses scroll instead of squeezing the lines into each other.
        self.diagnosis_area = QScrollArea()
        self.diagnosis_area.setWidgetResizable(True)
        self.diagnosis_area.setFrameShape(QFrame.Shape.NoFrame)
        self.diagnosis_area.setWidget(self.diagnosis)
        # It takes the focus so a long diagnosis can be scrolled with the keyboard.
        self.diagnosis_area.setAccessibleName(self.tr("Diagnoza"))
        self.diagnosis_area.hide()
        layout.addWidget(self.diagnosis_area, 10)
        layout.addWidget(self.message)
        # Spare height collects above the buttons, not between the stage rows; once the diagnosis
        # shows, it takes all of it (a share left here would be an empty band above the buttons).
        self._spare_index = layout.count()
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._layout = layout

        self.recipient_edit.setText(plan.default_recipient)
        self.recipient_edit.returnPressed.connect(self._again_from_keyboard)
        self._show_plan()
        self._set_running(False)
        self.diagnosis.hide()
        self.separator.hide()

    # -- running ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def start(self) -> None:
        """Tests the current plan (a send goes to the recipient in the field)."""
        if self.running:
            return
        recipient = ""
        if not self.plan.login_only:
            try:
                recipient = normalise_email(self.recipient_edit.text(), field="recipient")
            except FieldError as error:
                self.recipient_error.setText(error.message.text())
                self.recipient_error.show()
                self.recipient_edit.setFocus()
                return
            self.recipient_error.hide()
        try:
            request = self.plan.request(recipient or None)
        except ValueError as error:  # the message could not be built from these addresses
            self._say(str(error))
            return
        self.message.hide()
        self.run_result = None
        self._show_diagnosis_area(False)
        self.separator.hide()
        self.progress.reset(login_only=self.plan.login_only, sender_check=request.sender_check)
        store, key, label = self.store, self.plan.account_key, self.plan.account_label

        def record(result: RunResult) -> None:
            if store is not None:
                record_result(store, result, key, label)

        run = MailTestRun(request, record=record)
        run.progress.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        self._listening_to = run
        # If the dialog goes away with its parent, the run must still stop promptly.
        self.destroyed.connect(run.cancel)
        self.run = run
        self.runs_started += 1
        self._set_running(True)
        run.start()

    def cancel(self) -> None:
        if self.running and self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Przerywanie…"))

    def _on_progress(self, event: ProgressEvent) -> None:
        self.progress.apply(event)

    def _on_finished(self, result: RunResult | None) -> None:
        self.run_result = result
        self.progress.finish(result)
        self._set_running(False)
        if result is None:
            self._say(self.tr("Test zakończył się nieoczekiwanym błędem programu. Spróbuj ponownie."))
        else:
            self.diagnosis.show_result(
                result,
                account_label=self.plan.account_label,
                account_key=self.plan.account_key,
                secrets=self.plan.secrets(),
                fixes_enabled=self.fix_handler is not None,
            )
            self.separator.show()
            self.diagnosis.show()
            self._show_diagnosis_area(True)
        keep_default_button(self, self.again_button)  # the fix buttons just added included
        self._fit_height()
        self.run_finished.emit(result)

    def _apply_fix(self, fix: Fix) -> None:
        if self.fix_handler is None or self.running:
            return
        if fix.kind in (FixKind.SIGN_IN, FixKind.OAUTH_SETTINGS):
            # A sign-in in the browser (or the app registration) comes first; test again after it.
            self.fix_handler(fix)
            return
        plan = self.fix_handler(fix)
        if plan is None:
            self._say(
                self.tr(
                    "Poprawka zmieniła formularz, ale jest w nim błąd — popraw pole zaznaczone na czerwono."
                )
            )
            return
        self.plan = plan
        self._show_plan()
        self.start()

    # -- closing ------------------------------------------------------------------------------

    def done(self, result_code: int) -> None:
        # Escape and the close button both end here: the run stops in the background.
        if self.run is not None:
            self.run.cancel()
            self._detach_run()
        super().done(result_code)

    def closeEvent(self, event: object) -> None:
        if self.run is not None:
            self.run.cancel()
            self._detach_run()
        super().closeEvent(event)  # type: ignore[arg-type]

    def _detach_run(self) -> None:
        """Stops listening to the current run (once: PySide warns about a second disconnect)."""
        run, self._listening_to = self._listening_to, None
        if run is None:
            return
        run.progress.disconnect(self._on_progress)
        run.finished.disconnect(self._on_finished)

    # -- presentation -------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        if plan.login_only:
            self.setWindowTitle(self.tr("Sprawdzanie logowania"))
            self.heading.setText(
                self.tr("Sprawdzanie logowania: {account}").format(account=plan.subject or plan.account_label)
            )
            self.again_button.setText(self.tr("Sprawdź ponownie"))
        else:
            self.setWindowTitle(self.tr("Wiadomość testowa"))
            self.heading.setText(
                self.tr("Wiadomość testowa: {account}").format(account=plan.subject or plan.account_label)
            )
            self.again_button.setText(self.tr("Wyślij ponownie"))
        account = plan.account
        security = security_text(account.security.value, "", language())
        sender = "" if plan.login_only else plan.sender
        line = account_text(account.host, account.port, security, account.username, sender)
        self.account_line.setText(line)
        self.warnings.setText("<br>".join(html.escape(w) for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        self.recipient_row.setVisible(not plan.login_only)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setText(self.tr("Anuluj"))
        self.again_button.setVisible(not running and self.runs_started > 0)
        # Enter means "again" once a run ended; while one runs it means nothing ("Anuluj" has focus
        # for Space, but an Enter typed into the recipient field must not cancel the run).
        keep_default_button(self, None if running else self.again_button)
        self.close_button.setVisible(not running)
        self.recipient_edit.setReadOnly(running)
        self.diagnosis.set_fixes_busy(running)
        if running:
            self.cancel_button.setFocus()

    def _show_diagnosis_area(self, shown: bool) -> None:
        self.diagnosis_area.setVisible(shown)
        self._layout.setStretch(self._spare_index, 0 if shown else 1)

    def _fit_height(self) -> None:
        """Grows the window so the whole diagnosis shows, as far as the screen allows."""
        fit_height(self, self.diagnosis_area)

    def _again_from_keyboard(self) -> None:
        if not self.running:
            self.start()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
