"""The test mail parsed back the way a mail client parses it."""

from __future__ import annotations

import email.utils
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser, Parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smtpdesk.core.footer import Footer, footer_text
from smtpdesk.core.message import build_test_message, header_safe

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1c2d40000000049454e44ae426082"
)
FOOTER = Footer(
    lines=("Biuro Nieruchomości Źródło", "ul. Łąkowa 5", "tel. 22 123 45 67", "biuro@zrodlo.pl"),
    logo=PNG,
    logo_mime="image/png",
    website="www.zrodlo.pl",
)


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def shown_name(raw: bytes) -> str:
    """The From display name decoded as RFC 2047 clients do.

    CPython before 3.14 puts a space where a long name was split into two encoded words
    (gh-128110), so the name is decoded with the RFC-conforming low-level decoder instead.
    """
    from_value = BytesParser(policy=policy.compat32).parsebytes(raw)["From"]
    encoded_name, _ = email.utils.parseaddr(str(from_value))
    return str(make_header(decode_header(encoded_name)))


def build(**changes: object) -> bytes:
    arguments: dict[str, object] = {
        "sender": "anna@zrodlo.pl",
        "sender_name": "Anna Łęcka",
        "recipient": "klient@example.com",
        "footer": FOOTER,
    }
    arguments.update(changes)
    return build_test_message(**arguments)  # type: ignore[arg-type]


def test_headers_carry_the_polish_subject_sender_and_a_message_id_of_the_senders_domain() -> None:
    message = parse(build(reply_to="jan@zrodlo.pl"))

    assert message["Subject"] == "Wiadomość testowa smtpdesk"
    sender = message["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("Anna Łęcka", "anna@zrodlo.pl")
    assert message["To"].addresses[0].addr_spec == "klient@example.com"
    assert message["Reply-To"].addresses[0].addr_spec == "jan@zrodlo.pl"
    assert message["Message-ID"].endswith("@zrodlo.pl>")
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["MIME-Version"] == "1.0"


def test_the_raw_message_is_7bit_with_crlf_line_ends() -> None:
    raw = build()
    assert raw.isascii()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert b"Wiadomo=C5=9B=C4=87" in raw or b"=?utf-8?" in raw  # the subject is RFC 2047 encoded


def test_plain_and_html_alternatives_with_the_logo_inline_in_the_html() -> None:
    message = parse(build())

    assert message.get_content_type() == "multipart/alternative"
    plain, related = message.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html_part, image = related.iter_parts()
    assert html_part.get_content_type() == "text/html"
    assert image.get_content_type() == "image/png"
    assert image.get_content() == PNG
    assert image.get_content_disposition() == "inline"
    cid = image["Content-ID"].strip("<>")
    assert f'src="cid:{cid}"' in html_part.get_content()


def test_the_footer_and_polish_letters_arrive_exactly() -> None:
    message = parse(build())
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    text = plain.get_content().replace("\r\n", "\n")  # clients show CRLF lines as lines
    assert "zażółć gęślą jaźń" in text
    assert text.rstrip("\n").endswith(footer_text(FOOTER))
    assert plain.get_content_charset() == "utf-8"
    page = html.get_content()
    assert "Biuro Nieruchomości Źródło" in page
    assert '<a href="https://www.zrodlo.pl">www.zrodlo.pl</a>' in page
    assert '<a href="mailto:biuro@zrodlo.pl">' in page


def test_without_a_logo_the_html_is_a_plain_alternative() -> None:
    message = parse(build(footer=Footer(lines=("Jan Kowalski",))))
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert "cid:" not in message.as_string()


def test_an_untrusted_logo_type_is_sniffed_from_the_bytes() -> None:
    footer = Footer(lines=("X",), logo=PNG, logo_mime="image/png\r\nX-Evil: 1")
    message = parse(build(footer=footer))
    assert "X-Evil" not in message.as_string()
    assert any(part.get_content_type() == "image/png" for part in message.walk())


def test_an_unrecognisable_logo_is_left_out() -> None:
    message = parse(build(footer=Footer(lines=("X",), logo=b"not an image", logo_mime="")))
    assert all(part.get_content_maintype() != "image" for part in message.walk())


def test_english_subject_and_body_and_a_chosen_subject() -> None:
    english = parse(build(lang="en"))
    assert english["Subject"] == "smtpdesk test message"
    body = english.get_body(("plain",))
    assert body is not None and "this is a test message" in body.get_content()
    assert parse(build(subject="Próba — biuro"))["Subject"] == "Próba — biuro"


def test_polish_domain_names_are_sent_in_their_ascii_form() -> None:
    message = parse(build(sender="jan@źródło.pl"))
    assert message["From"].addresses[0].domain == "xn--rdo-gna01bwk.pl"
    assert message["Message-ID"].endswith("@xn--rdo-gna01bwk.pl>")


def test_a_polish_local_part_makes_an_smtputf8_message() -> None:
    raw = build(sender="łukasz@zrodlo.pl")
    assert "łukasz@zrodlo.pl".encode() in raw
    message = Parser(policy=policy.default).parsestr(raw.decode("utf-8"))  # as an SMTPUTF8 client reads it
    assert message["From"].addresses[0].username == "łukasz"


@pytest.mark.parametrize(
    "address",
    ["", "   ", "bez-malpy", "@zrodlo.pl", "anna@", "anna@zrodlo.pl\r\nBcc: x@y.pl", "an na@zrodlo.pl"],
)
@pytest.mark.parametrize("field", ["sender", "recipient", "reply_to"])
def test_an_unusable_address_is_refused(field: str, address: str) -> None:
    if field == "reply_to" and not address.strip():
        return  # an empty Reply-To simply means none
    with pytest.raises(ValueError):
        build(**{field: address})


def test_header_safe_turns_control_characters_into_single_spaces() -> None:
    assert header_safe("Anna\r\nBcc: x@y.pl\t Łęcka\u2028!\x85?") == "Anna Bcc: x@y.pl Łęcka ! ?"


def test_text_that_looks_encoded_is_shown_as_typed() -> None:
    message = parse(build(subject="=?utf-8?q?a=0D=0AX-Evil:_1?="))
    assert message["Subject"].replace("\u2060", "") == "=?utf-8?q?a=0D=0AX-Evil:_1?="


def test_a_long_polish_name_arrives_exactly() -> None:
    name = "Łukasz Żółw-Kowalski, Biuro Nieruchomości „Źródło” Warszawa sp. z o.o."
    assert shown_name(build(sender_name=name)) == name


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)
_NASTY = st.sampled_from(
    [
        "\r\n",
        "\n",
        "\r",
        "\x00",
        "\x85",
        "\u2028",
        ": ",
        "=?utf-8?q?a=0D=0AX-Evil:_1?=",
        '"',
        "\\",
        ",",
        "<",
        "@",
    ]
)
_INJECTED = st.lists(st.one_of(_ANY_TEXT, _NASTY), max_size=6).map("".join)
_EXPECTED_HEADERS = {
    "subject",
    "from",
    "to",
    "date",
    "message-id",
    "x-mailer",
    "mime-version",
    "content-type",
}


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_INJECTED, subject=_INJECTED, line=_INJECTED, website=_INJECTED)
def test_no_user_value_can_add_or_break_a_header(name: str, subject: str, line: str, website: str) -> None:
    raw = build(
        sender_name=name + "\r\nBcc: ukryty@example.com",
        subject=subject + "\nX-Injected: 1",
        footer=Footer(lines=(line, "Content-Type: text/evil"), website=website),
    )
    message = parse(raw)

    assert {key.lower() for key in message} == _EXPECTED_HEADERS
    for key, value in message.items():
        assert "\r" not in str(value) and "\n" not in str(value), key
    assert message["Subject"] == header_safe(subject + "\nX-Injected: 1")
    assert message["From"].addresses[0].addr_spec == "anna@zrodlo.pl"
    assert shown_name(raw) == header_safe(name + "\r\nBcc: ukryty@example.com")
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
