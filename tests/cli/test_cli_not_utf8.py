"""A login or password that is not UTF-8 (a Latin-2 terminal, the environment, stdin) ends in a
clear usage message (exit status 2), never a traceback, and never repeats the value."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LATIN2_PASSWORD = "Hasło-łódź".encode("iso-8859-2")  # b"Has\xb3o-\xb3\xf3d\xbc"


def smtpdesk(*args: bytes, stdin: bytes = b"", env: dict[bytes, bytes] | None = None) -> tuple[int, str, str]:
    environment = {k.encode(): v.encode() for k, v in os.environ.items() if k != "SMTP_PW"}
    environment.update({b"LC_ALL": b"C.UTF-8", b"PYTHONIOENCODING": b"utf-8"})
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"smtpdesk", b"check", *args],
        input=stdin,
        env=environment,
        capture_output=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


BASE = (b"--host", b"127.0.0.1", b"--port", b"9", b"--login-only", b"--lang", b"en")


def test_a_login_in_latin_2_from_the_command_line(tmp_path):
    status, out, err = smtpdesk(*BASE, b"--user", b"jan\xb3@biuro.test", b"--password-stdin", stdin=b"x\n")

    assert status == 2
    assert "--user: the value holds bytes that are not UTF-8 text" in err
    assert "Traceback" not in err and out == ""


def test_a_password_in_latin_2_from_the_environment():
    status, out, err = smtpdesk(
        *BASE, b"--user", b"jan@biuro.test", b"--password-env", b"SMTP_PW", env={b"SMTP_PW": LATIN2_PASSWORD}
    )

    assert status == 2
    assert "--password-env SMTP_PW: the value holds bytes that are not UTF-8 text" in err
    assert "Traceback" not in err and out == ""


def test_a_password_in_latin_2_on_standard_input():
    status, out, err = smtpdesk(
        *BASE, b"--user", b"jan@biuro.test", b"--password-stdin", stdin=LATIN2_PASSWORD + b"\n"
    )

    assert status == 2
    assert "--password-stdin: the value holds bytes that are not UTF-8 text" in err
    assert "Traceback" not in err and out == ""
    assert LATIN2_PASSWORD.decode("latin-1") not in err


@pytest.mark.parametrize("value", ["jan\udcb3@biuro.test", "\ud800"])
def test_a_lone_surrogate_never_passes_validation(value):
    from smtpdesk.core import validation

    with pytest.raises(validation.FieldError) as error:
        validation.normalise_username(value)
    assert "not UTF-8" in error.value.message.en


def test_run_test_never_raises_on_a_password_that_is_not_text():
    from smtpdesk.core.model import SmtpAccount
    from smtpdesk.core.smtp.engine import MailTestRequest, run_test

    account = SmtpAccount(host="127.0.0.1", port=9, username="jan@biuro.test")
    result = run_test(MailTestRequest(account, "Has\udcb3o", "jan@biuro.test", "jan@biuro.test", lang="en"))

    assert (result.code, result.stage.value) == ("invalid_settings", "config")
    assert "not UTF-8 text" in result.diagnosis.explanation
