"""„Logowanie Microsoft i Google” open with typed identifiers when the program is ended from
outside: they are offered back on the next start; the Google client key never leaves the form."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from smtpdesk.core.store import Store
from smtpdesk.ui.draft import DRAFT_FILE_NAME, DraftRestoreBox
from smtpdesk.ui.oauth.install import account_tools_of
from tests.fixtures.restarts import Start
from tests.fixtures.typing import type_text

WAIT_MS = 5000
CLIENT_ID = "0b1c2d3e-aaaa-bbbb-cccc-000000000001"
CLIENT_KEY = "GOCSPX-nie-zapisuj-mnie"


def test_typed_app_identifiers_come_back_but_never_the_client_key(qtbot, start: Start, data_dir: Path):
    first = start()
    assert first.window is not None
    tools = account_tools_of(first.window)
    assert tools is not None
    dialog = tools.open_apps()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.ms_client, CLIENT_ID)
    type_text(qtbot, dialog.google_secret, CLIENT_KEY)

    first.quit_now()

    text = (data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8")
    assert CLIENT_KEY not in text
    [kept] = json.loads(text)["dialogs"]
    assert kept["kind"] == "oauth_apps"
    assert kept["changed"] == ["microsoft_client_id"]

    second = start()
    assert second.window is not None
    box = second.draft_box
    assert isinstance(box, DraftRestoreBox)
    assert box.items == ["Narzędzia › Logowanie Microsoft i Google"]
    qtbot.waitExposed(box)
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    tools = account_tools_of(second.window)
    assert tools is not None and tools.apps_dialog is not None
    dialog = tools.apps_dialog
    assert dialog.isVisible()
    assert dialog.ms_client.text() == CLIENT_ID
    assert dialog.google_secret.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with Store.open(data_dir) as store:
        assert store.load_settings().oauth.microsoft_client_id == CLIENT_ID
