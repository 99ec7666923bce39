"""„Baza danych biura”: point this desktop at the office's PostgreSQL database, test the connection
with a plain-language diagnosis, then move this desktop's settings there or join the database
another desktop set up — or go back to the local file.

All database work runs off the GUI thread (``background.run_task``); the dialog never blocks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.i18n import language
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Location, LocationError, Store, StoreError
from smtpdesk.core.store.location import DEFAULT_PG_PORT
from smtpdesk.core.store.office import Opened, join_office, move_to_office
from smtpdesk.core.store.office_check import DatabaseCheck, check_database
from smtpdesk.core.store.office_key import CODE_SHAPE, OfficeKey, OfficeKeyError
from smtpdesk.ui.background import run_task
from smtpdesk.ui.widgets.default_button import keep_default_button, resettle_default_button
from smtpdesk.ui.widgets.field_error import ERROR_COLOUR, FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, buddy_label, hint_label, new_form

log = logging.getLogger(__name__)

_OK_COLOUR = "#1e6b2e"


@dataclass(frozen=True)
class Switch:
    """What the dialog asks the program to switch to."""

    opened: Opened | None  # None: back to the local file
    new_key: OfficeKey | None = None  # set when this desktop just created the office database


class DatabaseDialog(QDialog):
    switch_requested = Signal(object)  # Switch

    def __init__(self, store: Store, keychain: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Baza danych biura"))
        self.store = store
        self.keychain = keychain
        self.errors = FieldErrors()
        self.check_result: DatabaseCheck | None = None
        self._checked: Location | None = None
        self._busy = False

        current = QLabel(self._current_text())
        current.setWordWrap(True)
        current.setTextFormat(Qt.TextFormat.PlainText)
        intro = QLabel(
            self.tr(
                "Kilka komputerów biura może korzystać z jednych ustawień zapisanych w bazie PostgreSQL. "
                "Wpisz dane bazy od administratora serwera i sprawdź połączenie."
            )
        )
        intro.setWordWrap(True)

        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("np. serwer.biuro.lan"))
        self.port_edit = QLineEdit(str(DEFAULT_PG_PORT))
        self.port_edit.setMaximumWidth(90)
        self.database_edit = QLineEdit("smtpdesk")
        self.user_edit = QLineEdit("smtpdesk")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("zapisane w pęku kluczy systemu"))
        self.tls_combo = QComboBox()
        self.tls_combo.addItem(
            self.tr("Szyfruj i sprawdzaj certyfikat oraz nazwę serwera (zalecane)"), "verify-full"
        )
        self.tls_combo.addItem(self.tr("Szyfruj i sprawdzaj certyfikat"), "verify-ca")
        self.tls_combo.addItem(self.tr("Szyfruj bez sprawdzania certyfikatu"), "require")
        self.tls_combo.addItem(self.tr("Bez szyfrowania (tylko zaufana sieć biura)"), "disable")
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("urzędy certyfikacji systemu"))
        self.ca_button = QPushButton(self.tr("&Wybierz…"))
        self.ca_button.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_edit, 1)
        ca_layout.addWidget(self.ca_button)

        server = QGroupBox(self.tr("Serwer PostgreSQL"))
        form = new_form()
        add_row(form, self.tr("&Serwer:"), self.host_edit, self.errors)
        add_row(form, self.tr("&Port:"), self.port_edit, self.errors)
        add_row(form, self.tr("&Baza danych:"), self.database_edit, self.errors)
        add_row(form, self.tr("&Użytkownik:"), self.user_edit, self.errors)
        add_row(form, self.tr("&Hasło:"), self.password_edit, self.errors)
        add_row(form, self.tr("&TLS:"), self.tls_combo, self.errors)
        add_row(
            form,
            self.tr("Plik urzędu &certyfikacji:"),
            ca_row,
            self.errors,
            buddy=self.ca_edit,
            hint=hint_label(
                self.tr(
                    "Potrzebny, gdy certyfikat serwera wystawił własny urząd biura (plik PEM od "
                    "administratora)."
                )
            ),
        )
        server.setLayout(form)

        self.test_button = QPushButton(self.tr("T&estuj połączenie"))
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setObjectName("databaseStatus")
        self.status.setFrameShape(QFrame.Shape.StyledPanel)
        self.status.setMinimumHeight(64)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setText(self.tr("Połączenie nie zostało jeszcze sprawdzone."))

        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(CODE_SHAPE)
        self.code_label = buddy_label(self.tr("&Kod klucza biura:"), self.code_edit)
        self.code_row = QWidget()
        code_layout = QVBoxLayout(self.code_row)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(self.code_label)
        code_layout.addWidget(self.errors.wrap(self.code_edit))
        self.code_row.hide()

        self.move_button = QPushButton(self.tr("P&rzenieś ustawienia do tej bazy"))
        self.move_button.setToolTip(
            self.tr("Kopiuje ustawienia, pracowników i historię z tego komputera do pustej bazy biura")
        )
        self.join_button = QPushButton(self.tr("&Dołącz do istniejącej bazy"))
        self.local_button = QPushButton(self.tr("Wróć do pliku &lokalnego"))
        self.close_button = QPushButton(self.tr("Zamknij"))
        self.move_button.setEnabled(False)
        self.join_button.setEnabled(False)
        self.move_button.clicked.connect(self.move_here)
        self.join_button.clicked.connect(self.join_here)
        self.local_button.clicked.connect(self.use_local_file)
        self.close_button.clicked.connect(self.reject)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.local_button.setVisible(store.is_office)  # after addButton(), which shows a button

        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(intro)
        layout.addWidget(server)
        layout.addLayout(test_row)
        layout.addWidget(self.code_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        # Enter tests the connection; once the office key is asked for, it joins with the typed code.
        # Moving the settings and going back to the local file are never pressed by Enter.
        keep_default_button(self, self._main_button)

        for edit in (
            self.host_edit,
            self.port_edit,
            self.database_edit,
            self.user_edit,
            self.password_edit,
            self.ca_edit,
        ):
            edit.textEdited.connect(self._form_changed)
        self.tls_combo.currentIndexChanged.connect(self._form_changed)
        self._fill(store.location)

    # -- the form -----------------------------------------------------------------------------------

    def _current_text(self) -> str:
        location = self.store.location
        if location.is_office:
            return self.tr("Ten komputer korzysta teraz z bazy biura: {where}.").format(
                where=location.display()
            )
        return self.tr("Ten komputer korzysta teraz z pliku lokalnego: {where}.").format(
            where=location.display()
        )

    def _fill(self, location: Location) -> None:
        if not location.is_office:
            return
        self.host_edit.setText(location.host)
        self.port_edit.setText(str(location.port))
        self.database_edit.setText(location.database)
        self.user_edit.setText(location.user)
        self.tls_combo.setCurrentIndex(max(0, self.tls_combo.findData(location.sslmode)))
        self.ca_edit.setText(location.sslrootcert)

    def _choose_ca(self) -> None:
        dialog = QFileDialog(self, self.tr("Plik urzędu certyfikacji (PEM)"))
        dialog.setNameFilters([self.tr("Certyfikaty (*.pem *.crt *.cer)"), self.tr("Wszystkie pliki (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._ca_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _ca_chosen(self, path: str) -> None:
        self.ca_edit.setText(path)
        self._form_changed()

    def _form_changed(self) -> None:
        self.move_button.setEnabled(False)
        self.join_button.setEnabled(False)
        self.code_row.hide()
        self._checked = None
        resettle_default_button(self)

    def _main_button(self) -> QPushButton:
        return self.join_button if self.code_row.isVisibleTo(self) else self.test_button

    def location(self) -> Location | None:
        """The location typed in the form; None (with messages next to the fields) when incomplete."""
        self.errors.clear()
        problems = False
        for edit, message in (
            (self.host_edit, self.tr("Wpisz nazwę albo adres serwera bazy.")),
            (self.database_edit, self.tr("Wpisz nazwę bazy danych.")),
            (self.user_edit, self.tr("Wpisz nazwę użytkownika bazy.")),
        ):
            text = edit.text().strip()
            if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
                self.errors.show(edit, message)
                problems = True
        port_text = self.port_edit.text().strip()
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            self.errors.show(self.port_edit, self.tr("Port to liczba od 1 do 65535 (zwykle 5432)."))
            problems = True
        if problems:
            return None
        try:
            return Location.postgresql(
                self.host_edit.text().strip(),
                self.database_edit.text().strip(),
                self.user_edit.text().strip(),
                port=int(port_text),
                sslmode=str(self.tls_combo.currentData()),
                sslrootcert=self.ca_edit.text().strip(),
            )
        except LocationError as error:
            self.errors.show(self.host_edit, error.message.text(language()))
            return None

    def password(self, location: Location) -> str | None:
        typed = self.password_edit.text()
        return typed if typed else self.keychain.get(location.secret_key())

    # -- testing the connection ---------------------------------------------------------------------

    def test_connection(self) -> None:
        location = self.location()
        if location is None or self._busy:
            return
        password = self.password(location)
        self._set_busy(True, self.tr("Łączę z {host}:{port}…").format(host=location.host, port=location.port))
        self._pending = location
        run_task(lambda: check_database(location, password), self._checked_done, self._task_failed)

    def _checked_done(self, result: DatabaseCheck) -> None:
        self._set_busy(False)
        self.check_result = result
        self._checked = self._pending
        lang = language()
        if result.ok:
            if result.state == "empty":
                headline = self.tr(
                    "Połączenie działa. Baza jest pusta — możesz przenieść do niej ustawienia."
                )
            else:
                headline = self.tr(
                    "Połączenie działa. W bazie są już ustawienia biura — możesz do niej dołączyć."
                )
            tls = self.tr("połączenie szyfrowane") if result.tls else self.tr("połączenie BEZ szyfrowania")
            details = self.tr("PostgreSQL {version}, {tls}.").format(version=result.server_version, tls=tls)
            self.status.setText(f"<b style='color:{_OK_COLOUR}'>{_html(headline)}</b><br>{_html(details)}")
        else:
            parts = [
                f"<b style='color:{ERROR_COLOUR}'>{_html(result.text('title', lang))}</b>",
                _html(result.text("explanation", lang)),
                f"<i>{_html(result.text('fix', lang))}</i>",
            ]
            self.status.setText("<br>".join(parts))
        self.move_button.setEnabled(result.ok and result.state == "empty" and not self.store.is_office)
        self.join_button.setEnabled(result.ok and result.state in ("office", "older"))
        self.code_row.setVisible(self.join_button.isEnabled())
        resettle_default_button(self)
        if self.code_row.isVisible():
            self.code_edit.setFocus()

    def _task_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, (StoreError, OfficeKeyError, LocationError)):
            if isinstance(error, OfficeKeyError):
                self.errors.show(self.code_edit, error.message.text(language()))
                return
            self.status.setText(
                f"<b style='color:{ERROR_COLOUR}'>{_html(error.message.text(language()))}</b>"
            )
            return
        log.error("database task failed", exc_info=error)
        text = self.tr("Nieoczekiwany błąd: {error}").format(error=type(error).__name__)
        self.status.setText(f"<b style='color:{ERROR_COLOUR}'>{_html(text)}</b>")

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """While a task runs nothing else can be started; afterwards the result decides."""
        self._busy = busy
        self.test_button.setEnabled(not busy)
        self.local_button.setEnabled(not busy)
        if busy:
            self.move_button.setEnabled(False)
            self.join_button.setEnabled(False)
            self.status.setText(_html(text))

    # -- moving, joining, leaving --------------------------------------------------------------------

    def move_here(self) -> None:
        location = self._checked
        if location is None or self._busy:
            return
        password = self.password(location)
        self._set_busy(True, self.tr("Przenoszę ustawienia do bazy biura…"))
        store, keychain = self.store, self.keychain
        run_task(lambda: move_to_office(store, keychain, location, password), self._moved, self._task_failed)

    def _moved(self, done: tuple[Opened, OfficeKey]) -> None:
        self._set_busy(False)
        opened, key = done
        self.accept()
        self.switch_requested.emit(Switch(opened, key))

    def join_here(self) -> None:
        location = self._checked
        if location is None or self._busy:
            return
        code = self.code_edit.text()
        try:
            OfficeKey.from_code(code)
        except OfficeKeyError as error:
            self.errors.show(self.code_edit, error.message.text(language()))
            self.code_edit.setFocus()
            return
        password = self.password(location)
        keychain = self.keychain
        self._set_busy(True, self.tr("Dołączam do bazy biura…"))
        run_task(lambda: join_office(location, password, code, keychain), self._joined, self._task_failed)

    def _joined(self, opened: Opened) -> None:
        self._set_busy(False)
        self.accept()
        self.switch_requested.emit(Switch(opened))

    def use_local_file(self) -> None:
        self.accept()
        self.switch_requested.emit(Switch(None))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
