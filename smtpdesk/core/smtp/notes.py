"""Remarks the engine adds to a result when it adapted to the server (shown with the diagnosis)."""

from __future__ import annotations

from smtpdesk.core.i18n import Lang, Msg

IMPLICIT_TLS = Msg(
    pl="Serwer na porcie {port} używa szyfrowania SSL/TLS od pierwszego bajtu — test kontynuowano "
    "w ten sposób.",
    en="The server speaks implicit TLS (SSL/TLS) on port {port}; the test continued that way.",
)
STARTTLS_ON_TLS_PORT = Msg(
    pl="Serwer na porcie {port} nie używa SSL/TLS od początku, tylko zwykłego SMTP — test kontynuowano "
    "z szyfrowaniem STARTTLS.",
    en="The server on port {port} speaks plain SMTP, not implicit TLS; the test continued with STARTTLS.",
)
NO_STARTTLS_NO_PASSWORD = Msg(
    pl="Serwer nie oferuje szyfrowania (STARTTLS); test przeprowadzono bez szyfrowania, "
    "bo nie wysyłano hasła.",
    en="The server does not offer encryption (STARTTLS); the test ran unencrypted because no "
    "password was sent.",
)
PINNED = Msg(
    pl="Certyfikat serwera nie jest zaufany na tym komputerze, ale jego odcisk SHA-256 zgadza się "
    "z zapisanym wyjątkiem dla tego serwera.",
    en="The server certificate is not trusted by this computer, but its SHA-256 fingerprint matches the "
    "exception saved for this server.",
)

# Short remarks shown next to a stage in the progress view; the engine names them in English.
_STAGE_DETAILS: dict[str, Msg] = {
    "implicit TLS": Msg(pl="SSL/TLS od początku połączenia", en="implicit TLS"),
    "STARTTLS": Msg(pl="STARTTLS", en="STARTTLS"),
    "after TLS": Msg(pl="po włączeniu szyfrowania", en="after TLS"),
    "login only": Msg(pl="tylko sprawdzenie logowania", en="login only"),
    "no encryption chosen": Msg(pl="wybrano brak szyfrowania", en="no encryption chosen"),
    "not offered by the server": Msg(pl="serwer tego nie oferuje", en="not offered by the server"),
    "no login": Msg(pl="bez logowania", en="no login"),
    "certificate not verified; reading it over a second connection": Msg(
        pl="certyfikat niezweryfikowany — odczyt jego danych drugim połączeniem",
        en="certificate not verified; reading it over a second connection",
    ),
    "plain SMTP on this port; reconnecting": Msg(
        pl="zwykłe SMTP na tym porcie — ponowne połączenie",
        en="plain SMTP on this port; reconnecting",
    ),
    "implicit TLS on this port; reconnecting": Msg(
        pl="SSL/TLS od początku na tym porcie — ponowne połączenie",
        en="implicit TLS on this port; reconnecting",
    ),
}


def stage_detail(detail: str, lang: Lang) -> str:
    """The progress remark in the user's language (unknown remarks pass through unchanged)."""
    msg = _STAGE_DETAILS.get(detail)
    return msg.text(lang) if msg is not None else detail
