"""Where the advice is read. The texts name the window's fields; shown by ``smtpdesk check`` for a
server given on the command line, the same advice names the options that change those values."""

from __future__ import annotations

from smtpdesk.core.i18n import Lang

# Longer phrases first, so "w polu „Hasło”" becomes one phrase rather than "w polu" + an option.
_OPTIONS: dict[Lang, tuple[tuple[str, str], ...]] = {
    "pl": (
        ("w polu „Hasło”", "w opcji --password-env (albo --password-stdin)"),
        ("polu „Hasło”", "opcji --password-env (albo --password-stdin)"),
        ("„Hasło”", "--password-env (albo --password-stdin)"),
        ("w polu „Nazwa użytkownika”", "w opcji --user"),
        ("polu „Nazwa użytkownika”", "opcji --user"),
        ("„Nazwa użytkownika”", "--user"),
        ("w polu „Port serwera poczty wychodzącej”", "w opcji --port"),
        ("„Port serwera poczty wychodzącej”", "--port"),
        ("w polu „Serwer poczty wychodzącej”", "w opcji --host"),
        ("„Serwer poczty wychodzącej”", "--host"),
        ("jednym kliknięciem poniżej", "(opcje poniżej)"),
    ),
    "en": (
        ("into “Password”", "into --password-env (or --password-stdin)"),
        ("in “Password”", "in --password-env (or --password-stdin)"),
        ("“Password”", "--password-env (or --password-stdin)"),
        ("“User name”", "--user"),
        ("“Outgoing mail server port”", "--port"),
        ("“Outgoing mail server”", "--host"),
        ("with one click below", "(options below)"),
    ),
}


def for_command_line(text: str, lang: Lang) -> str:
    for field, option in _OPTIONS[lang]:
        if field in text:
            text = text.replace(field, option)
    return text
