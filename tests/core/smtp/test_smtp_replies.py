"""Enhanced status codes and queue ids as real servers print them."""

from __future__ import annotations

import pytest

from smtpdesk.core.smtp.replies import enhanced_code, queue_id, reply_line


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("5.7.8 Username and Password not accepted.", "5.7.8"),
        ("5.7.139 Authentication unsuccessful", "5.7.139"),
        ("4.7.0 Too many login attempts", "4.7.0"),
        ("Relay access denied", None),
        ("2.0.0 Ok: queued as ABC", "2.0.0"),
        ("5.7.1.2 not a code", None),
    ],
)
def test_enhanced_code(text, code):
    assert enhanced_code(text) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.0.0 Ok: queued as 4XyZ12AbC", "4XyZ12AbC"),
        ("OK id=1rAbCd-000Xyz-2E", "1rAbCd-000Xyz-2E"),
        (
            "2.0.0 OK <DB9PR01MB1234.eurprd01.prod.outlook.com> [Hostname=DB9PR01MB1234]",
            "DB9PR01MB1234.eurprd01.prod.outlook.com",
        ),
        ("2.0.0 OK  1700000000 a1-20020a05sm123ejr.12 - gsmtp", "a1-20020a05sm123ejr.12"),
        ("OK", None),
    ],
)
def test_queue_id(text, expected):
    assert queue_id(text) == expected


def test_reply_line_joins_continuations():
    assert reply_line(535, "5.7.8 Username and Password not accepted.\n5.7.8 https://support") == (
        "535 5.7.8 Username and Password not accepted. 5.7.8 https://support"
    )
    assert reply_line(-1, "+OK Dovecot ready.") == "+OK Dovecot ready."
