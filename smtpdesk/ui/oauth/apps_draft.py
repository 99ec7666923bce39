"""An open „Logowanie Microsoft i Google” dialog in a draft (see ``draft``): the application
identifiers typed and not saved; the Google client key, a secret, is never kept. Reopened, only
the identifiers the user changed are put back over what is stored now."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from smtpdesk.ui.dialog_drafts import DialogDraft, changed_fields
from smtpdesk.ui.draft_fields import set_field_values
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

log = logging.getLogger(__name__)

KIND = "oauth_apps"


class OAuthAppsDrafts:
    name = KIND
    dialog_type: type[QDialog] = OAuthAppsDialog

    def capture(self, dialog: QDialog) -> DialogDraft | None:
        assert isinstance(dialog, OAuthAppsDialog)
        return changed_fields(KIND, dialog.draft_fields(), dialog.loaded_values, {})

    def describe(self, window: SettingsWindow, draft: DialogDraft) -> str:
        return QCoreApplication.translate("OAuthAppsDrafts", "Narzędzia › Logowanie Microsoft i Google")

    def reopen(self, window: SettingsWindow, draft: DialogDraft) -> None:
        # Imported here: the install module registers this kind when it loads.
        from smtpdesk.ui.oauth.install import account_tools_of

        tools = account_tools_of(window)
        if tools is None:
            log.warning("the sign-in tools are not in this window; the kept identifiers are dropped")
            return
        dialog = tools.open_apps()
        set_field_values(dialog.draft_fields(), draft.fields, draft.changed)
