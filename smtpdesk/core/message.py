"""The test mail: a real MIME message, as a mail client would receive it.

Plain text and HTML alternatives, the route's footer at the bottom of both, the company logo as an
inline image, Polish letters encoded for any 7-bit server. The header lines come from
``mail_headers``, which cleans every value, so no user value can add or break a header.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from smtpdesk import __version__
from smtpdesk.core.footer import Footer, footer_html, footer_text
from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.mail_headers import header_safe, mailbox, parse_address, unstructured

__all__ = ["DEFAULT_SUBJECT", "build_test_message", "footer_html", "footer_text", "header_safe"]

DEFAULT_SUBJECT = Msg(pl="Wiadomość testowa smtpdesk", en="smtpdesk test message")

_INTRO = Msg(
    pl=(
        "Dzień dobry,\n\n"
        "to jest wiadomość testowa wysłana z programu smtpdesk, aby sprawdzić ustawienia wysyłania "
        "poczty (SMTP). Skoro ją widać, poczta z tego konta dociera do odbiorców. Nie trzeba na nią "
        "odpowiadać.\n\n"
        "Polskie znaki: zażółć gęślą jaźń — ZAŻÓŁĆ GĘŚLĄ JAŹŃ.\n\n"
        "Nadawca: {sender}\n"
        "Odbiorca: {recipient}\n"
        "Wysłano: {date}\n\n"
        "Poniżej stopka, którą zobaczą klienci:"
    ),
    en=(
        "Hello,\n\n"
        "this is a test message sent by smtpdesk to check the outgoing mail (SMTP) settings. If you "
        "can read it, mail from this account reaches its recipients. There is no need to reply.\n\n"
        "Polish letters: zażółć gęślą jaźń — ZAŻÓŁĆ GĘŚLĄ JAŹŃ.\n\n"
        "Sender: {sender}\n"
        "Recipient: {recipient}\n"
        "Sent: {date}\n\n"
        "Below is the footer your clients will see:"
    ),
)

_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg"}


def _logo_type(footer: Footer) -> str | None:
    """The logo's MIME type, trusted only from a short list (it becomes a header), else sniffed."""
    if not footer.logo:
        return None
    declared = footer.logo_mime.strip().lower()
    if declared in _EXTENSIONS:
        return declared
    head = footer.logo[:512]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if b"<svg" in head:
        return "image/svg+xml"
    return None


def _html_body(intro: str, footer: Footer, logo_cid: str | None) -> str:
    paragraphs = "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in block.split("\n")) + "</p>"
        for block in intro.split("\n\n")
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="font-family:Arial,Helvetica,sans-serif">\n'
        f"{paragraphs}\n{footer_html(footer, logo_cid)}\n</body></html>\n"
    )


def build_test_message(
    *,
    sender: str,
    sender_name: str,
    recipient: str,
    footer: Footer,
    reply_to: str = "",
    lang: Lang = "pl",
    subject: str | None = None,
) -> bytes:
    """The test mail as bytes ready for DATA (CRLF line ends).

    Raises ``ValueError`` for an unusable sender, recipient or Reply-To address. An address with a
    non-ASCII local part makes an SMTPUTF8 message (the server must announce SMTPUTF8 to take it).
    """
    from_address = parse_address(sender)
    to_address = parse_address(recipient)
    reply_address = parse_address(reply_to) if reply_to.strip() else None
    addresses = [a for a in (from_address, to_address, reply_address) if a is not None]
    mail_policy = policy.SMTPUTF8 if any(a.needs_smtputf8 for a in addresses) else policy.SMTP

    now = datetime.now(timezone.utc).astimezone()
    headers = [
        unstructured("Subject", subject if subject is not None else DEFAULT_SUBJECT.text(lang)),
        mailbox("From", from_address, sender_name),
        mailbox("To", to_address),
        mailbox("Reply-To", reply_address) if reply_address is not None else "",
        f"Date: {format_datetime(now)}\r\n",
        f"Message-ID: {make_msgid(idstring='smtpdesk-test', domain=from_address.domain)}\r\n",
        f"X-Mailer: smtpdesk {__version__}\r\n",
    ]

    intro = _INTRO.text(
        lang,
        sender=from_address.addr_spec,
        recipient=to_address.addr_spec,
        date=now.strftime("%Y-%m-%d %H:%M:%S %z"),
    )
    signature = footer_text(footer)
    body = EmailMessage(policy=mail_policy)
    body.set_content(intro + ("\n\n" + signature if signature else "") + "\n", cte="quoted-printable")

    logo_type = _logo_type(footer)
    logo_cid = make_msgid(idstring="logo", domain=from_address.domain) if logo_type else None
    body.add_alternative(
        _html_body(intro, footer, logo_cid[1:-1] if logo_cid else None),
        subtype="html",
        cte="quoted-printable",
    )
    if logo_type and logo_cid and footer.logo:
        html_part = next(part for part in body.iter_parts() if part.get_content_type() == "text/html")
        maintype, subtype = logo_type.split("/")
        html_part.add_related(
            footer.logo,
            maintype=maintype,
            subtype=subtype,
            cid=logo_cid,
            disposition="inline",
            filename=f"logo.{_EXTENSIONS[logo_type]}",
        )
    for part in body.walk():
        if part is not body:
            del part["MIME-Version"]  # only the top level carries it (RFC 2045)
    return "".join(headers).encode() + body.as_bytes(policy=mail_policy)
