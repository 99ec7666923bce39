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
DETAIL_SENDER_CHECK = Msg(pl="sprawdzenie nadawcy, bez wysyłania", en="sender check, nothing sent")

# Lines smtpdesk itself writes into the conversation record, in the language of the run.
INCOMPLETE_REPLY = Msg(pl="(niepełna odpowiedź: {reply})", en="(incomplete: {reply})")
FETCHING_TOKEN = Msg(
    pl="Pobieranie nowego tokenu dostępu z serwera logowania",
    en="Getting a fresh access token from the sign-in server",
)
TOKEN_RECEIVED = Msg(
    pl="Otrzymano token dostępu; logowanie metodą {mechanism}",
    en="Access token received; logging in with {mechanism}",
)
SERVER_EXPLAINED = Msg(pl="Wyjaśnienie serwera: {explanation}", en="The server explained: {explanation}")
LOOKING_UP = Msg(pl="Wyszukiwanie adresu {host}", en="Looking up {host}")
RESOLVED = Msg(pl="{host} to {addresses}", en="{host} is {addresses}")
DNS_ERROR = Msg(pl="Błąd wyszukiwania nazwy: {error}", en="Name lookup failed: {error}")
CONNECTING = Msg(pl="Łączenie z {address}, port {port}", en="Connecting to {address} port {port}")
CONNECTED = Msg(pl="Połączono z {address}, port {port}", en="Connected to {address} port {port}")
CERT_NOT_VERIFIED = Msg(pl="Certyfikat niezweryfikowany: {reason}", en="Certificate not verified: {reason}")
READING_CERT = Msg(
    pl="Odczyt danych certyfikatu drugim połączeniem",
    en="Reading the certificate details over a second connection",
)
TLS_FAILED = Msg(pl="Nie udało się włączyć szyfrowania: {error}", en="TLS handshake failed: {error}")
PLAIN_GREETING = Msg(
    pl="Port {port} wita się zwykłym SMTP (oczekuje STARTTLS)",
    en="Port {port} greets in plain SMTP (it expects STARTTLS)",
)
TLS_ESTABLISHED = Msg(
    pl="Szyfrowanie włączone: {version}, {cipher}", en="TLS established: {version}, {cipher}"
)
CERT_VERIFIED = Msg(
    pl="Certyfikat zweryfikowany dla {host} (wystawca: {issuer}, ważny do {until})",
    en="Certificate verified for {host} (issued by {issuer}, valid until {until})",
)
FINGERPRINT = Msg(
    pl="Odcisk SHA-256 certyfikatu: {fingerprint}", en="Certificate SHA-256 fingerprint: {fingerprint}"
)
FINGERPRINT_DIFFERS = Msg(
    pl="Odcisk różni się od zapisanego dla tego serwera ({pinned})",
    en="The fingerprint differs from the one saved for this server ({pinned})",
)
NO_GREETING_PROBE = Msg(
    pl="Brak powitania po {seconds} s; sprawdzanie, czy port {port} oczekuje SSL/TLS od pierwszego bajtu",
    en="No greeting after {seconds} s; checking whether port {port} expects TLS from the first byte",
)
NO_TLS_EITHER = Msg(
    pl="Tam też nie ma SSL/TLS; dalsze czekanie na powitanie",
    en="No TLS there either; still waiting for the greeting",
)
TLS_ANSWERED = Msg(
    pl="Port {port} odpowiedział na SSL/TLS (szyfrowanie od pierwszego bajtu)",
    en="Port {port} answered a TLS handshake (implicit TLS)",
)
HELO_ONLY = Msg(
    pl="EHLO odrzucone, HELO przyjęte: serwer bez rozszerzeń (bez STARTTLS i AUTH)",
    en="EHLO refused, HELO accepted: no extensions (no STARTTLS, no AUTH)",
)
QUIT_UNANSWERED = Msg(
    pl="Serwer zamknął połączenie bez odpowiedzi na QUIT",
    en="The server closed the connection without answering QUIT",
)
CANCELLED = Msg(pl="Przerwano.", en="Cancelled.")
PROBING_PORTS = Msg(
    pl="Sprawdzanie, czy serwer odpowiada na porcie {ports}",
    en="Checking whether the server answers on port {ports}",
)
PORT_ANSWERS = Msg(pl="Port {port} odpowiada ({security})", en="Port {port} answers ({security})")
PORT_SILENT = Msg(pl="Port {port} nie odpowiada", en="Port {port} does not answer")
OVERFLOW = Msg(
    pl="Przerwano czytanie odpowiedzi serwera: przekroczono limit {limit}",
    en="Stopped reading the server's reply: it exceeded the limit of {limit}",
)
NOT_SMTP = Msg(pl="To nie jest odpowiedź SMTP", en="This is not an SMTP reply")
