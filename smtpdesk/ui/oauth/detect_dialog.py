"""„Wykryj ustawienia”: what each source says about an address, the settings found and where they
came from; the user takes them with "Użyj tych ustawień" or leaves the form as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.detect.detector import detect
from smtpdesk.core.detect.net import Network
from smtpdesk.core.detect.results import (
    SOURCE_NAMES,
    SOURCE_ORDER,
    Attempt,
    Candidate,
    Detected,
    DetectionReport,
    Outcome,
    Source,
)
from smtpdesk.core.i18n import language
from smtpdesk.core.model import AuthMethod, Security
from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.ui.oauth.background import BackgroundCall
from smtpdesk.ui.widgets.default_button import keep_default_button, resettle_default_button
from smtpdesk.ui.widgets.fit_height import grow_to_content
from smtpdesk.ui.widgets.form_rows import hint_label

SECURITY_NAMES = {
    Security.SSL: "SSL/TLS",
    Security.STARTTLS: "STARTTLS",
    Security.NONE: "—",
    Security.AUTO: "auto",
}


class DetectDialog(QDialog):
    """Runs detection for ``address`` as soon as it is shown; ``accepted_settings`` carries the
    chosen (Detected, Candidate) when the user takes them."""

    accepted_settings = Signal(object, object)

    def __init__(
        self,
        address: str,
        current: str,
        parent: QWidget | None = None,
        *,
        network: Network | None = None,
        budget: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Wykryj ustawienia"))
        self.setMinimumWidth(560)
        self.address = address
        self.report: DetectionReport | None = None
        self._network = network
        self._budget = budget
        self.call: BackgroundCall | None = None

        self.heading = QLabel(
            self.tr("Szukam ustawień serwera poczty wychodzącej dla {address}…").format(address=address)
        )
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        sources_box = QGroupBox(self.tr("Co sprawdzam"))
        self.sources_box = sources_box
        sources_form = QFormLayout(sources_box)
        self.source_labels: dict[Source, QLabel] = {}
        for source in SOURCE_ORDER:
            status = QLabel(self.tr("czekam…"))
            status.setWordWrap(True)
            status.setTextFormat(Qt.TextFormat.PlainText)
            self.source_labels[source] = status
            name = SOURCE_NAMES[source].text(language())
            sources_form.addRow(name[:1].upper() + name[1:] + ":", status)

        self.result_box = QGroupBox(self.tr("Znalezione ustawienia"))
        result_layout = QVBoxLayout(self.result_box)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)
        self.candidate_combo = QComboBox()
        self.candidate_combo.currentIndexChanged.connect(self._show_candidate)
        self.settings_label = QLabel()
        self.settings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.settings_label.setWordWrap(True)
        self.note_label = hint_label("")
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addWidget(self.found_label)
        result_layout.addWidget(self.candidate_combo)
        result_layout.addWidget(self.settings_label)
        result_layout.addWidget(self.note_label)
        self.current_label = hint_label(current)
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addWidget(self.current_label)
        self.result_box.hide()

        self.buttons = QDialogButtonBox()
        self.use_button: QPushButton = self.buttons.addButton(
            self.tr("Użyj tych ustawień"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setEnabled(False)
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.use_button.clicked.connect(self._use)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(sources_box)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Enter takes the settings once there are some; until then it does nothing.
        keep_default_button(self, self._main_button)

    # -- running ------------------------------------------------------------------------------

    def start(self) -> None:
        address, network, budget = self.address, self._network, self._budget

        def run(cancel: CancelToken, report_progress: object) -> DetectionReport:
            options: dict[str, object] = {"network": network, "cancel": cancel, "on_attempt": report_progress}
            if budget is not None:
                options["budget"] = budget
            return detect(address, **options)  # type: ignore[arg-type]

        self.call = BackgroundCall(run, "smtpdesk-detect", progress=self._attempt, finished=self._finished)
        # Closing the window that owns this dialog destroys it without done(): stop the call then too.
        self.destroyed.connect(self.call.token.cancel)
        self.call.start()

    @property
    def running(self) -> bool:
        return self.call is not None and not self.call.ended

    def _attempt(self, attempt: object) -> None:
        if isinstance(attempt, Attempt):
            self.source_labels[attempt.source].setText(self._outcome_text(attempt))
            grow_to_content(self)

    def _outcome_text(self, attempt: Attempt) -> str:
        texts = {
            Outcome.FOUND: self.tr("znaleziono"),
            Outcome.NOTHING: self.tr("nic nie znaleziono"),
            Outcome.FAILED: self.tr("nie udało się sprawdzić"),
            Outcome.TIMED_OUT: self.tr("brak odpowiedzi w czasie"),
            Outcome.SKIPPED: self.tr("niepotrzebne"),
            Outcome.CANCELLED: self.tr("przerwano"),
        }
        text = texts[attempt.outcome]
        detail = attempt.detail.text()
        if detail and attempt.source is not Source.BUILTIN and attempt.outcome is not Outcome.SKIPPED:
            text += f" — {detail}"
        return text

    def _finished(self, outcome: object) -> None:
        self._show_outcome(outcome)
        grow_to_content(self)  # the result's lines, without overlapping

    def _show_outcome(self, outcome: object) -> None:
        self.close_button.setText(self.tr("Zamknij"))
        self.sources_box.setTitle(self.tr("Co sprawdzono"))
        if not isinstance(outcome, DetectionReport):
            self.heading.setText(
                self.tr("Wykrywanie przerwał nieoczekiwany błąd: {error}").format(error=outcome)
            )
            return
        self.report = outcome
        for attempt in outcome.attempts:
            self.source_labels[attempt.source].setText(self._outcome_text(attempt))
        found = outcome.found
        if found is None:
            self.heading.setText(
                self.tr(
                    "Nie znaleziono ustawień dla {address}. Wpisz je według informacji od dostawcy poczty "
                    "(zwykle są w panelu klienta albo w e-mailu powitalnym)."
                ).format(address=outcome.address)
            )
            return
        source = SOURCE_NAMES[found.source].text(language())
        self.heading.setText(
            self.tr("Znaleziono ustawienia dla {address} (źródło: {source}).").format(
                address=outcome.address, source=source
            )
        )
        lines = []
        if found.provider:
            lines.append(self.tr("Dostawca: {provider}").format(provider=found.provider))
        if found.detail and found.source is not Source.BUILTIN:
            lines.append(self.tr("Skąd: {detail}").format(detail=found.detail))
        self.found_label.setText("\n".join(lines))
        self.candidate_combo.clear()
        for candidate in found.candidates:
            self.candidate_combo.addItem(
                f"{candidate.host} : {candidate.port} ({SECURITY_NAMES[candidate.security]})"
            )
        self.candidate_combo.setVisible(len(found.candidates) > 1)
        notes = []
        if found.needs_server_number:
            notes.append(
                self.tr(
                    "Numer serwera ({host}) znajdziesz w panelu dostawcy albo w e-mailu powitalnym — "
                    "wpisz go po użyciu tych ustawień."
                ).format(host=found.best.host)
            )
        if found.oauth is AuthMethod.OAUTH_MICROSOFT:
            notes.append(
                self.tr("Ten dostawca pozwala zalogować się przez Microsoft (OAuth2) zamiast hasłem.")
            )
        elif found.oauth is AuthMethod.OAUTH_GOOGLE:
            notes.append(
                self.tr("Ten dostawca pozwala zalogować się przez Google (OAuth2) albo hasłem do aplikacji.")
            )
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        self.current_label.setVisible(bool(self.current_label.text()))
        self._show_candidate()
        self.result_box.show()
        self.use_button.setEnabled(True)
        resettle_default_button(self)
        self.use_button.setFocus()

    def _show_candidate(self) -> None:
        candidate = self.candidate()
        if candidate is None or self.report is None:
            return
        self.settings_label.setText(
            self.tr(
                "Serwer poczty wychodzącej: {host}\nPort: {port}\nZabezpieczenie: {security}\n"
                "Nazwa użytkownika: {login}"
            ).format(
                host=candidate.host,
                port=candidate.port,
                security=SECURITY_NAMES[candidate.security],
                login=candidate.login_for(self.report.address),
            )
        )

    def _main_button(self) -> QPushButton | None:
        return self.use_button if self.use_button.isEnabled() else None

    def detected(self) -> Detected | None:
        return self.report.found if self.report is not None else None

    def candidate(self) -> Candidate | None:
        found = self.detected()
        if found is None:
            return None
        index = max(0, self.candidate_combo.currentIndex())
        return found.candidates[min(index, len(found.candidates) - 1)]

    def _use(self) -> None:
        found, candidate = self.detected(), self.candidate()
        if found is not None and candidate is not None:
            self.accepted_settings.emit(found, candidate)
            self.accept()

    def done(self, result: int) -> None:
        if self.call is not None and not self.call.ended:
            self.call.cancel()
        super().done(result)
