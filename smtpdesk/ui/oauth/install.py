"""Puts the account tools into the settings window: "Wykryj ustawienia" and the sign-in buttons in
the company's SMTP section (the employee dialog attaches its own), "Logowanie Microsoft i Google…"
in "Narzędzia", and the doctor's "Zaloguj przez Microsoft" for a finding's account. The employee
dialog gets them through its extension hook, once this module is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from smtpdesk.core.doctor.findings import SUBJECT_COMPANY, Finding
from smtpdesk.core.model import AuthMethod
from smtpdesk.ui import dialog_drafts
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog
from smtpdesk.ui.oauth.apps_draft import OAuthAppsDrafts
from smtpdesk.ui.oauth.section_tools import AccountTools, attach_account_tools, remember_apps, tools_of

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow


class AccountToolsInstall(QObject):
    def __init__(self, window: SettingsWindow) -> None:
        super().__init__(window)
        self.setObjectName("smtpdesk_account_tools_install")
        self.window = window
        self.company_tools: AccountTools = attach_account_tools(
            window.other_settings_page.smtp_section,
            window.store,
            window.secrets,
            window.company_page.email_edit.text,
        )
        self.apps_dialog: OAuthAppsDialog | None = None
        self.action = QAction(self.tr("Logowanie Microsoft i Google…"), window)
        self.action.setObjectName("oauth_apps_action")
        self.action.setToolTip(
            self.tr("Identyfikatory aplikacji biura dla „Zaloguj przez Microsoft” i „Zaloguj przez Google”")
        )
        self.action.triggered.connect(self.open_apps)
        window.tools_menu.addAction(self.action)

    @Slot()
    def open_apps(self) -> OAuthAppsDialog:
        if self.apps_dialog is not None and isValid(self.apps_dialog):
            self.apps_dialog.raise_()
            return self.apps_dialog
        dialog = OAuthAppsDialog(self.window.store, self.window.secrets, self.window)
        dialog.saved.connect(self._apps_saved)
        self.apps_dialog = dialog
        dialog.show()
        return dialog

    @Slot(object)
    def _apps_saved(self, apps: object) -> None:
        remember_apps(self.window, apps)

    def sign_in_for(self, finding: Finding) -> None:
        """The doctor's one-click switch: open the finding's account and start the sign-in there."""
        window = self.window
        if finding.subject == SUBJECT_COMPANY:
            window.show_page(window.other_settings_page)
            self.company_tools.sign_in(AuthMethod.OAUTH_MICROSOFT)
            return
        if finding.employee_id is not None:
            page = window.employees_page
            window.show_page(page)
            page.select_employee(finding.employee_id)
            dialog = page.edit_selected()
            tools = tools_of(dialog.smtp_section) if dialog is not None else None
            if tools is not None:
                tools.sign_in(AuthMethod.OAUTH_MICROSOFT)
                return
        show_message(
            window,
            QMessageBox.Icon.Information,
            self.tr("Zaloguj przez Microsoft"),
            self.tr("Otwórz ustawienia tego konta i kliknij „Zaloguj przez Microsoft”."),
        )


def install_account_tools(window: SettingsWindow) -> AccountToolsInstall:
    return AccountToolsInstall(window)


def _attach_to_employee_dialog(dialog: EmployeeDialog) -> AccountTools:
    return attach_account_tools(dialog.smtp_section, dialog.store, dialog.secrets, dialog.email_edit.text)


# Every employee dialog opened once the window's features are in gets the tools too.
EmployeeDialog.add_extension(_attach_to_employee_dialog)
# Identifiers typed in "Logowanie Microsoft i Google" outlive an ending from outside.
dialog_drafts.register(OAuthAppsDrafts())


def account_tools_of(window: QObject) -> AccountToolsInstall | None:
    return window.findChild(AccountToolsInstall, "smtpdesk_account_tools_install")
