"""The demo inbox: every mail the embedded demo server accepted, shown as a client receives it.

A list of captured mails updates live; the selected one is rendered with its headers, its HTML
part (footer and inline logo included) or the plain text, and on request its raw source.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage, Message
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QFontDatabase, QImage, QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.demo.server import CapturedMessage, DemoServer
from smtpdesk.ui import background
from smtpdesk.ui.people.viewer import masker_for
from smtpdesk.ui.widgets.form_rows import new_form

# Mail clients honour the footer's CSS max-width/max-height on the logo; QTextBrowser does not,
# so inline images are scaled down to the same box here.
MAX_INLINE_IMAGE = QSize(200, 80)

_COLUMNS = ("time", "from", "to", "subject", "login")
_MESSAGE_ROLE = Qt.ItemDataRole.UserRole


class MessageBrowser(QTextBrowser):
    """Renders one mail's HTML; ``cid:`` images come from the mail's own parts, nothing else loads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # a click must not navigate away from the mail being shown
        self._images: dict[str, bytes] = {}

    def show_message(self, html: str | None, plain: str, images: dict[str, bytes]) -> None:
        self._images = images
        self.document().clear()
        if html is not None:
            self.setHtml(html)
        else:
            self.setPlainText(plain)

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        url = QUrl(name)
        if kind != QTextDocument.ResourceType.ImageResource.value or url.scheme().lower() != "cid":
            return None  # remote or local files are never fetched for a received mail
        data = self._images.get(_content_id(url.path(QUrl.ComponentFormattingOption.FullyDecoded)))
        if data is None:
            return None
        image = QImage.fromData(data)
        if image.isNull():
            return None
        if image.width() > MAX_INLINE_IMAGE.width() or image.height() > MAX_INLINE_IMAGE.height():
            image = image.scaled(
                MAX_INLINE_IMAGE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return image


def _content_id(text: str) -> str:
    """``cid:x@y``, ``<x@y>`` and ``x@y`` all name the same part."""
    if text[:4].lower() == "cid:":
        text = text[4:]
    return text.strip().strip("<>").lower()


def _header(message: Message, name: str) -> str:
    """A header as a mail client shows it: decoded, names unquoted ("Jan Kowalski <jan@…>")."""
    value = message.get(name)
    if value is None:
        return ""
    addresses = getattr(value, "addresses", None)
    if addresses:
        return ", ".join(
            f"{a.display_name} <{a.addr_spec}>" if a.display_name else a.addr_spec for a in addresses
        )
    return " ".join(str(value).split())


def _bodies(message: EmailMessage) -> tuple[str | None, str, dict[str, bytes]]:
    """The HTML part (if any), the plain text and the inline images keyed by Content-ID."""
    html: str | None = None
    plain = ""
    html_part = message.get_body(preferencelist=("html",))
    if isinstance(html_part, EmailMessage):
        html = str(html_part.get_content())
    plain_part = message.get_body(preferencelist=("plain",))
    if isinstance(plain_part, EmailMessage):
        plain = str(plain_part.get_content())
    images: dict[str, bytes] = {}
    for part in message.walk():
        cid = part.get("Content-ID")
        payload = part.get_payload(decode=True) if not part.is_multipart() else None
        if cid and isinstance(payload, bytes):
            images[_content_id(str(cid))] = payload
    return html, plain, images


class DemoInbox(QWidget):
    """The window "Skrzynka demo" for ``server``; stays open next to the settings window."""

    def __init__(self, server: DemoServer, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Skrzynka demo"))
        self.resize(980, 700)
        self._server = server

        intro = QLabel(
            self.tr(
                "Poczta przyjęta przez wbudowany serwer demo — dokładnie tak, jak zobaczy ją klient. "
                "Nic nie zostało wysłane do internetu."
            )
        )
        intro.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Wyczyść"))
        self.clear_button.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.clear_button)

        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Czas"), self.tr("Od"), self.tr("Do"), self.tr("Temat"), self.tr("Konto SMTP")]
        )
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(len(_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        self.list.setColumnWidth(_COLUMNS.index("time"), 80)
        self.list.setColumnWidth(_COLUMNS.index("from"), 250)
        self.list.setColumnWidth(_COLUMNS.index("to"), 190)
        self.list.setColumnWidth(_COLUMNS.index("login"), 190)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.setAccessibleName(self.tr("Odebrane wiadomości"))

        self.headers = new_form()
        self.from_label = self._header_row(self.tr("Od:"))
        self.to_label = self._header_row(self.tr("Do:"))
        self.reply_to_label = self._header_row(self.tr("Odpowiedź do:"))
        self.subject_label = self._header_row(self.tr("Temat:"))
        self.date_label = self._header_row(self.tr("Data:"))
        self.login_label = self._header_row(self.tr("Wysłane z konta:"))
        subject_font = self.subject_label.font()
        subject_font.setBold(True)
        self.subject_label.setFont(subject_font)

        self.source_button = QPushButton(self.tr("Źródło"))
        self.source_button.setCheckable(True)
        self.source_button.setToolTip(self.tr("Pokaż surową treść wiadomości, z nagłówkami i częściami MIME"))
        self.source_button.toggled.connect(self._show_source)
        header_row = QHBoxLayout()
        header_row.addLayout(self.headers, 1)
        header_row.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignTop)

        self.browser = MessageBrowser()
        self.browser.setAccessibleName(self.tr("Treść wiadomości"))
        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.setAccessibleName(self.tr("Źródło wiadomości"))
        self.body = QStackedWidget()
        self.body.addWidget(self.browser)
        self.body.addWidget(self.source)

        self.message_view = QWidget()
        message_layout = QVBoxLayout(self.message_view)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addLayout(header_row)
        message_layout.addWidget(self.body, 1)

        self.placeholder = QLabel(
            self.tr(
                "Brak wiadomości. Wyślij wiadomość testową z okna „Ustawienia firmy” — "
                "pojawi się tutaj od razu."
            )
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QStackedWidget()
        self.details.addWidget(self.placeholder)
        self.details.addWidget(self.message_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.close_button = QPushButton(self.tr("Zamknij"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        # Mails arrive on the server's thread; they reach the list through a channel, so that
        # thread never holds this window (see smtpdesk.ui.background).
        channel = background.open_channel(self._received)

        def listener(message: CapturedMessage) -> None:
            background.post(channel, message)

        server.add_listener(listener)
        self.destroyed.connect(partial(_stop_listening, server, listener, channel))
        for message in server.messages():
            self._add(message, select=False)
        self._select_newest()

    # -- public ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A window of its own, not a dialog: Escape closes it as it closes every dialog.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def message_count(self) -> int:
        return self.list.topLevelItemCount()

    def current_message(self) -> CapturedMessage | None:
        return _message_of(self.list.currentItem())

    def clear(self) -> None:
        """Forget the captured mails, here and on the server."""
        self._server.clear()
        self.list.clear()
        self._show_current(None)

    # -- internals ---------------------------------------------------------------------------

    def _header_row(self, text: str) -> QLabel:
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        self.headers.addRow(QLabel(text), value)
        return value

    def _received(self, message: object) -> None:
        if isinstance(message, CapturedMessage):
            self._add(message)

    def _add(self, message: CapturedMessage, select: bool = True) -> None:
        parsed = message.parsed()
        received = message.received_at.astimezone()
        mask = masker_for(self).text  # an agent sees clients' addresses and phones masked
        values = {
            "time": received.strftime("%H:%M:%S"),
            "from": mask(_header(parsed, "From") or message.mail_from),
            "to": mask(_header(parsed, "To") or ", ".join(message.rcpt_tos)),
            "subject": mask(_header(parsed, "Subject")) or self.tr("(bez tematu)"),
            "login": mask(message.login or ""),
        }
        item = QTreeWidgetItem([values[column] for column in _COLUMNS])
        for column, key in enumerate(_COLUMNS):
            item.setToolTip(column, values[key])  # long names are cut off in the columns
        item.setToolTip(_COLUMNS.index("time"), received.strftime("%Y-%m-%d %H:%M:%S"))
        item.setData(0, _MESSAGE_ROLE, message)
        self.list.insertTopLevelItem(0, item)  # newest first, as in a mail client
        if select:
            self._select_newest()

    def _select_newest(self) -> None:
        newest = self.list.topLevelItem(0)
        if newest is not None:
            self.list.setCurrentItem(newest)
        else:
            self._show_current(None)

    def _show_current(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        message = _message_of(item)
        if message is None:
            self.details.setCurrentWidget(self.placeholder)
            self.browser.show_message(None, "", {})
            self.source.clear()
            return
        parsed = message.parsed()
        mask = masker_for(self).text
        self.from_label.setText(mask(_header(parsed, "From") or message.mail_from))
        self.to_label.setText(mask(_header(parsed, "To") or ", ".join(message.rcpt_tos)))
        reply_to = mask(_header(parsed, "Reply-To"))
        self.reply_to_label.setText(reply_to)
        self.headers.setRowVisible(self.reply_to_label, bool(reply_to))
        self.subject_label.setText(mask(_header(parsed, "Subject")))
        self.date_label.setText(_shown_date(parsed, message.received_at))
        self.login_label.setText(mask(message.login or ""))
        html, plain, images = _bodies(parsed)
        self.browser.show_message(mask(html) if html is not None else None, mask(plain), images)
        self.source.setPlainText(mask(message.data.decode("utf-8", "replace")))
        self.details.setCurrentWidget(self.message_view)

    def _show_source(self, on: bool) -> None:
        self.body.setCurrentWidget(self.source if on else self.browser)


def _stop_listening(server: DemoServer, listener: Callable[[CapturedMessage], None], channel: int) -> None:
    server.remove_listener(listener)
    background.close_channel(channel)


def _message_of(item: QTreeWidgetItem | None) -> CapturedMessage | None:
    message = item.data(0, _MESSAGE_ROLE) if item is not None else None
    return message if isinstance(message, CapturedMessage) else None


def _shown_date(message: EmailMessage, received_at: datetime) -> str:
    date = message.get("Date")
    stamp = getattr(date, "datetime", None) if date is not None else None
    when = stamp if isinstance(stamp, datetime) else received_at
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
