"""The demo inbox shows each mail the demo server accepted as a client would receive it."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from smtpdesk.core.message import build_test_message
from smtpdesk.core.model import ContactMode, Employee
from smtpdesk.core.routing import resolve
from smtpdesk.demo.accounts import COMPANY_MAILBOX, PEOPLE
from smtpdesk.demo.seed import demo_settings
from smtpdesk.demo.server import DemoServer
from smtpdesk.ui.demo_inbox import MAX_INLINE_IMAGE, DemoInbox

LOGO_GREEN = bytes((0x2E, 0x5E, 0x3A))  # the logo's background colour
ANNA = next(p for p in PEOPLE if p.first_name == "Anna")
ANNA_EMPLOYEE = Employee(
    id=2, first_name=ANNA.first_name, last_name=ANNA.last_name, email=ANNA.email, phone=ANNA.phone
)
WAIT_MS = 5000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[DemoServer]:
    with DemoServer(tmp_path) as running:
        yield running


@pytest.fixture
def inbox(qtbot, server: DemoServer) -> DemoInbox:
    window = DemoInbox(server)
    qtbot.addWidget(window)
    window.show()
    return window


def sample_mail(server: DemoServer, mode: ContactMode) -> bytes:
    route = resolve(replace(demo_settings(server), contact_mode=mode), ANNA_EMPLOYEE)
    return build_test_message(
        sender=route.sender,
        sender_name=route.sender_name,
        recipient="klient@example.test",
        footer=route.footer,
        reply_to=route.reply_to,
    )


def deliver(server: DemoServer, data: bytes, sender: str = COMPANY_MAILBOX.login) -> None:
    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.starttls(context=ssl.create_default_context(cafile=str(server.ca_file)))
        client.login(COMPANY_MAILBOX.login, COMPANY_MAILBOX.password)
        client.sendmail(sender, ["klient@example.test"], data)


def shows_colour(image: QImage, rgb: bytes) -> bool:
    pixels = image.convertToFormat(QImage.Format.Format_RGB888)
    return rgb in bytes(pixels.constBits())


def test_an_empty_inbox_says_how_to_fill_it(inbox):
    assert inbox.message_count() == 0
    assert inbox.details.currentWidget() is inbox.placeholder
    assert "Wyślij wiadomość testową" in inbox.placeholder.text()
    assert inbox.windowTitle() == "Skrzynka demo"


def test_company_mode_mail_appears_live_with_headers_footer_and_the_logo(qtbot, inbox, server):
    deliver(server, sample_mail(server, ContactMode.COMPANY))  # accepted on the server's thread

    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    row = inbox.list.topLevelItem(0)
    assert row is not None
    assert row.text(1) == "Nieruchomości Pod Dębem Sp. z o.o. <biuro@poddebem.test>"
    assert row.text(3) == "Wiadomość testowa smtpdesk"
    assert row.text(4) == COMPANY_MAILBOX.login
    assert inbox.details.currentWidget() is inbox.message_view
    assert inbox.from_label.text() == "Nieruchomości Pod Dębem Sp. z o.o. <biuro@poddebem.test>"
    assert inbox.to_label.text() == "klient@example.test"
    assert inbox.reply_to_label.text() == ANNA.email
    assert inbox.headers.isRowVisible(inbox.reply_to_label)
    assert inbox.subject_label.text() == "Wiadomość testowa smtpdesk"
    shown = inbox.browser.toPlainText()
    for line in (
        "Nieruchomości Pod Dębem Sp. z o.o.",
        "ul. Dębowa 12 lok. 3, 30-001 Kraków",
        "www.poddebem.test",
    ):
        assert line in shown
    assert "zażółć gęślą jaźń" in shown
    assert ANNA.phone not in shown
    qtbot.waitUntil(
        lambda: shows_colour(inbox.browser.viewport().grab().toImage(), LOGO_GREEN), timeout=WAIT_MS
    )


def test_agent_mode_mail_shows_the_agents_contact_and_no_logo(qtbot, inbox, server):
    deliver(server, sample_mail(server, ContactMode.AGENT), sender=ANNA.email)

    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    assert inbox.from_label.text() == f"Anna Wiśniewska <{ANNA.email}>"
    assert not inbox.headers.isRowVisible(inbox.reply_to_label)
    shown = inbox.browser.toPlainText()
    assert "Anna Wiśniewska" in shown
    assert ANNA.phone in shown
    assert not shows_colour(inbox.browser.viewport().grab().toImage(), LOGO_GREEN)


def test_inline_logo_is_scaled_into_the_footer_box_and_nothing_else_is_fetched(qtbot, inbox, server):
    data = sample_mail(server, ContactMode.COMPANY)
    deliver(server, data)
    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    cid = next(p["Content-ID"] for p in inbox.current_message().parsed().walk() if p["Content-ID"])
    image_kind = QTextDocument.ResourceType.ImageResource.value

    logo = inbox.browser.loadResource(image_kind, QUrl("cid:" + cid.strip("<>")))

    assert isinstance(logo, QImage) and not logo.isNull()
    assert logo.width() <= MAX_INLINE_IMAGE.width() and logo.height() <= MAX_INLINE_IMAGE.height()
    for url in ("file:///etc/passwd", "https://www.poddebem.test/logo.png", "cid:unknown@poddebem.test"):
        assert inbox.browser.loadResource(image_kind, QUrl(url)) is None


def test_a_plain_text_mail_is_shown_as_text(qtbot, inbox, server):
    headers = (
        "Subject: Bez HTML\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit"
    )
    deliver(server, f"{headers}\r\n\r\nTylko tekst, zażółć.\r\n".encode())

    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    assert inbox.subject_label.text() == "Bez HTML"
    assert inbox.browser.toPlainText().strip() == "Tylko tekst, zażółć."


def test_source_toggle_shows_the_raw_message_and_back(qtbot, inbox, server):
    deliver(server, sample_mail(server, ContactMode.COMPANY))
    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)

    inbox.source_button.click()
    assert inbox.body.currentWidget() is inbox.source
    raw = inbox.source.toPlainText()
    assert "Content-Type: multipart/alternative" in raw
    assert "Content-ID: <" in raw
    inbox.source_button.click()
    assert inbox.body.currentWidget() is inbox.browser


def test_mail_received_before_opening_is_listed_newest_first(qtbot, server):
    deliver(server, b"Subject: pierwsza\r\n\r\n1\r\n")
    deliver(server, b"Subject: druga\r\n\r\n2\r\n")

    window = DemoInbox(server)
    qtbot.addWidget(window)

    assert [window.list.topLevelItem(i).text(3) for i in range(2)] == ["druga", "pierwsza"]
    assert window.subject_label.text() == "druga"
    window.list.setCurrentItem(window.list.topLevelItem(1))
    assert window.subject_label.text() == "pierwsza"


def test_clear_empties_the_inbox_and_the_server(qtbot, inbox, server):
    deliver(server, b"Subject: x\r\n\r\nx\r\n")
    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)

    inbox.clear_button.click()

    assert inbox.message_count() == 0
    assert server.messages() == []
    assert inbox.details.currentWidget() is inbox.placeholder


def test_mail_after_the_inbox_is_gone_is_still_accepted_quietly(qtbot, server, caplog):
    window = DemoInbox(server)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=WAIT_MS)

    with caplog.at_level(logging.ERROR):
        deliver(server, b"Subject: x\r\n\r\nx\r\n")
    assert len(server.messages()) == 1
    assert "listener failed" not in caplog.text


def test_escape_and_the_close_button_close_the_inbox(qtbot, tmp_path):
    with DemoServer(tmp_path) as server:
        inbox = DemoInbox(server)
        qtbot.addWidget(inbox)
        inbox.show()
        qtbot.waitExposed(inbox)
        inbox.activateWindow()
        inbox.list.setFocus()
        qtbot.keyClick(inbox.list, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not inbox.isVisible(), timeout=3000)
        inbox.show()
        qtbot.waitExposed(inbox)
        qtbot.mouseClick(inbox.close_button, Qt.MouseButton.LeftButton)
        assert not inbox.isVisible()
