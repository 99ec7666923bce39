"""Remarks the engine adds to a result when it adapted to the server (shown with the diagnosis)."""

from __future__ import annotations

from smtpdesk.core.i18n import Msg

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

# Short remarks shown next to a stage in the progress view.
DETAIL_IMPLICIT_TLS = Msg(pl="SSL/TLS od początku połączenia", en="implicit TLS")
DETAIL_STARTTLS = Msg(pl="STARTTLS", en="STARTTLS")
DETAIL_AFTER_TLS = Msg(pl="po włączeniu szyfrowania", en="after TLS")
DETAIL_LOGIN_ONLY = Msg(pl="tylko sprawdzenie logowania", en="login only")
DETAIL_NO_ENCRYPTION = Msg(pl="wybrano brak szyfrowania", en="no encryption chosen")
DETAIL_NOT_OFFERED = Msg(pl="serwer tego nie oferuje", en="not offered by the server")
DETAIL_NO_LOGIN = Msg(pl="bez logowania", en="no login")
DETAIL_READING_CERTIFICATE = Msg(
    pl="certyfikat niezweryfikowany — odczyt jego danych drugim połączeniem",
    en="certificate not verified; reading it over a second connection",
)
DETAIL_PLAIN_RECONNECT = Msg(
    pl="zwykłe SMTP na tym porcie — ponowne połączenie",
    en="plain SMTP on this port; reconnecting",
)
DETAIL_IMPLICIT_RECONNECT = Msg(
    pl="SSL/TLS od początku na tym porcie — ponowne połączenie",
    en="implicit TLS on this port; reconnecting",
)
