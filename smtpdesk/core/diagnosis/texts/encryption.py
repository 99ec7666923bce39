"""Diagnosis texts: TLS modes, STARTTLS and certificates."""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts.common import (
    RETRY_LATER,
    SECURITY_FOR_PORT,
    TELL_PROVIDER,
    Text,
    Variant,
    has_best_name,
    has_fingerprint,
    no_best_name,
    port_not_465,
    step,
)
from smtpdesk.core.i18n import Msg

TEXTS: dict[str, Text] = {
    "tls_on_plain_port": Text(
        Msg(pl="Zabezpieczenie nie pasuje do portu {port}", en="The security does not match port {port}"),
        Msg(
            pl="Wybrano SSL/TLS, ale serwer {host} na porcie {port} zaczyna rozmowę bez szyfrowania i "
            "włącza je dopiero poleceniem STARTTLS.",
            en="SSL/TLS was chosen, but {host} on port {port} starts without encryption and turns it on "
            "only with the STARTTLS command.",
        ),
        (
            step(
                "Ustaw zabezpieczenie STARTTLS i zostaw port {port}.",
                "Set the security to STARTTLS and keep port {port}.",
            ),
            step(
                "Albo zostaw SSL/TLS i zmień „Port serwera poczty wychodzącej” na 465, jeśli dostawca go "
                "obsługuje.",
                "Or keep SSL/TLS and change “Outgoing mail server port” to 465 if your provider offers it.",
                port_not_465,
            ),
        ),
    ),
    "plain_on_tls_port": Text(
        Msg(pl="Port {port} wymaga zabezpieczenia SSL/TLS", en="Port {port} needs SSL/TLS security"),
        Msg(
            pl="Serwer {host} na porcie {port} oczekuje szyfrowania SSL/TLS od pierwszej chwili, a wybrano "
            "zabezpieczenie: {security}. Serwer czekał więc w milczeniu i połączenie się nie udało.",
            en="{host} on port {port} expects SSL/TLS encryption from the very first moment, but the "
            "security chosen was: {security}. So the server waited silently and the connection failed.",
        ),
        (
            step(
                "Ustaw zabezpieczenie SSL/TLS i zostaw port {port}.",
                "Set the security to SSL/TLS and keep port {port}.",
            ),
            step(
                "Albo ustaw port 587 z zabezpieczeniem STARTTLS.",
                "Or use port 587 with STARTTLS security.",
            ),
        ),
    ),
    "encryption_required": Text(
        Msg(pl="Serwer {host} wymaga szyfrowanego połączenia", en="{host} requires an encrypted connection"),
        Msg(
            pl="Serwer {host} nie przyjmie loginu, hasła ani wiadomości przez połączenie nieszyfrowane, a "
            "połączenie na porcie {port} nie było szyfrowane.",
            en="{host} does not accept a login, password or message over an unencrypted connection, and the "
            "connection on port {port} was not encrypted.",
        ),
        (
            step(
                "Ustaw zabezpieczenie STARTTLS (port 587).",
                "Set the security to STARTTLS (port 587).",
            ),
            step(
                "Albo ustaw SSL/TLS z portem 465, jeśli dostawca go obsługuje.",
                "Or use SSL/TLS with port 465 if your provider offers it.",
            ),
        ),
    ),
    "starttls_unavailable": Text(
        Msg(
            pl="Serwer {host} nie oferuje szyfrowania na porcie {port}",
            en="{host} offers no encryption on port {port}",
        ),
        Msg(
            pl="Serwer {host} na porcie {port} nie udostępnia szyfrowania STARTTLS, więc hasło musiałoby "
            "pójść otwartym tekstem — smtpdesk go tak nie wysyła.",
            en="{host} on port {port} does not offer STARTTLS encryption, so the password would travel in "
            "clear text — smtpdesk does not send it that way.",
        ),
        (
            step(
                "Zmień „Port serwera poczty wychodzącej” na 465 i zabezpieczenie na SSL/TLS.",
                "Change “Outgoing mail server port” to 465 and the security to SSL/TLS.",
                port_not_465,
            ),
            step(
                "Jeśli dostawca twierdzi, że serwer obsługuje szyfrowanie, zapora lub antywirus w biurze "
                "może je usuwać z połączenia — skontaktuj się z informatykiem.",
                "If your provider says the server supports encryption, a firewall or antivirus in the "
                "office may be stripping it — contact your IT person.",
            ),
            step(
                "Wysyłanie hasła bez szyfrowania nie jest zalecane; zezwalaj na nie tylko dla serwera "
                "wewnątrz sieci biura (ustawienie zaawansowane konta).",
                "Sending the password unencrypted is not recommended; allow it only for a server inside the "
                "office network (an advanced account setting).",
            ),
        ),
    ),
    "starttls_refused": Text(
        Msg(pl="Serwer {host} nie mógł włączyć szyfrowania", en="{host} could not start encryption"),
        Msg(
            pl="Serwer {host} odmówił włączenia szyfrowania STARTTLS z powodu problemu po swojej stronie.",
            en="{host} refused to start STARTTLS encryption because of a problem on its side.",
        ),
        (
            step(
                "Spróbuj portu 465 z zabezpieczeniem SSL/TLS.",
                "Try port 465 with SSL/TLS security.",
                port_not_465,
            ),
            RETRY_LATER,
            TELL_PROVIDER,
        ),
    ),
    "tls_incompatible": Text(
        Msg(pl="Serwer {host} używa przestarzałego szyfrowania", en="{host} uses outdated encryption"),
        Msg(
            pl="Serwer {host} (port {port}) obsługuje tylko stare wersje szyfrowania, których obecne "
            "standardy bezpieczeństwa już nie dopuszczają.",
            en="{host} (port {port}) supports only old encryption versions that current security standards "
            "no longer allow.",
        ),
        (
            step(
                "Spróbuj drugiego portu: 465 z SSL/TLS albo 587 ze STARTTLS.",
                "Try the other port: 465 with SSL/TLS or 587 with STARTTLS.",
            ),
            step(
                "Poproś dostawcę poczty o aktualizację serwera (TLS 1.2 lub nowszy).",
                "Ask your mail provider to update the server (TLS 1.2 or newer).",
            ),
            step(
                "Do tego czasu użyj innego serwera poczty wychodzącej.",
                "Until then, use a different outgoing mail server.",
            ),
        ),
    ),
    "tls_handshake_failed": Text(
        Msg(
            pl="Nie udało się nawiązać bezpiecznego połączenia z serwerem {host}",
            en="Could not set up a secure connection to {host}",
        ),
        Msg(
            pl="Szyfrowane połączenie z serwerem {host} (port {port}) zostało przerwane w trakcie "
            "zestawiania.",
            en="The encrypted connection to {host}:{port} was cut off while it was being set up.",
        ),
        (
            SECURITY_FOR_PORT,
            step(
                "Jeśli pasuje, program antywirusowy lub zapora w biurze może ingerować w połączenie — "
                "wyłącz w antywirusie skanowanie poczty dla smtpdesk albo dodaj wyjątek.",
                "If it does, antivirus or the office firewall may be interfering — turn off mail scanning "
                "for smtpdesk in the antivirus or add an exception.",
            ),
            RETRY_LATER,
        ),
    ),
    "certificate_untrusted": Text(
        Msg(pl="Certyfikat serwera {host} nie jest zaufany", en="The certificate of {host} is not trusted"),
        Msg(
            pl="Serwer przedstawił certyfikat wystawiony przez „{cert_issuer}”, którego ten komputer nie "
            "może potwierdzić. Połączenie przerwano, żeby hasło nie trafiło do niewłaściwego serwera.",
            en="The server presented a certificate issued by “{cert_issuer}” that this computer cannot "
            "verify. The connection was stopped so the password cannot reach the wrong server.",
        ),
        (
            step(
                "Upewnij się, że „Serwer poczty wychodzącej” ({host}) pochodzi z instrukcji dostawcy poczty.",
                "Make sure “Outgoing mail server” ({host}) comes from your provider's instructions.",
            ),
            step(
                "Poproś dostawcę poczty o zainstalowanie pełnego certyfikatu (z certyfikatami pośrednimi).",
                "Ask your provider to install a complete certificate (with the intermediate certificates).",
            ),
            step(
                "Odcisk certyfikatu (SHA-256) do porównania z dostawcą: {fingerprint}.",
                "Certificate fingerprint (SHA-256) to compare with your provider: {fingerprint}.",
                has_fingerprint,
            ),
        ),
    ),
    "certificate_name_mismatch": Text(
        Msg(
            pl="Certyfikat nie pasuje do nazwy serwera {host}",
            en="The certificate does not match the server name {host}",
        ),
        Msg(
            pl="Certyfikat serwera jest wystawiony na: {cert_names}, a nie na {host}. Na hostingu "
            "współdzielonym to częste — trzeba wtedy używać nazwy serwera firmy hostingowej.",
            en="The server's certificate is issued for: {cert_names}, not for {host}. This is common on "
            "shared hosting — you then have to use the hosting company's server name.",
        ),
        (
            step(
                "Wpisz w polu „Serwer poczty wychodzącej” nazwę {best_name} zamiast {host}.",
                "Enter {best_name} instead of {host} in “Outgoing mail server”.",
                has_best_name,
            ),
            step(
                "Sprawdź właściwą nazwę serwera w panelu hostingu lub w instrukcji dostawcy poczty.",
                "Look up the right server name in your hosting panel or your provider's instructions.",
                no_best_name,
            ),
            step(
                "Nie łącz się przez adres IP — certyfikat jest wystawiony na nazwę.",
                "Do not connect by IP address — the certificate is issued for a name.",
            ),
        ),
    ),
    "certificate_expired": Text(
        Msg(pl="Certyfikat serwera {host} wygasł", en="The certificate of {host} has expired"),
        Msg(
            pl="Certyfikat serwera był ważny do {cert_not_after}. Po tej dacie komputer nie może uznać "
            "połączenia za bezpieczne.",
            en="The server's certificate was valid until {cert_not_after}. After that date this computer "
            "cannot treat the connection as secure.",
        ),
        (
            step(
                "Sprawdź, czy data i godzina na tym komputerze są prawidłowe.",
                "Check that this computer's date and time are correct.",
            ),
            step(
                "Jeśli są prawidłowe, zgłoś dostawcy poczty, że certyfikat serwera {host} wygasł "
                "{cert_not_after}.",
                "If they are, tell your provider that the certificate of {host} expired on {cert_not_after}.",
            ),
        ),
    ),
    "certificate_changed": Text(
        Msg(
            pl="Certyfikat serwera {host} zmienił się od czasu, gdy mu zaufano",
            en="The certificate of {host} changed since it was trusted",
        ),
        Msg(
            pl="Dla serwera {host} zapisano zaufanie do konkretnego certyfikatu, a serwer pokazał teraz inny "
            "(odcisk SHA-256: {fingerprint}, wystawca: {cert_issuer}, ważny do {cert_not_after}). Dostawca "
            "mógł go po prostu wymienić — ale tak samo wyglądałoby przechwycenie połączenia, dlatego hasła "
            "nie wysłano.",
            en="Trust in one particular certificate was saved for {host}, and the server now showed another "
            "one (SHA-256 fingerprint: {fingerprint}, issuer: {cert_issuer}, valid until {cert_not_after}). "
            "The provider may simply have replaced it — but an intercepted connection would look the same, "
            "so the password was not sent.",
        ),
        (
            step(
                "Zadzwoń do dostawcy poczty i porównaj odcisk nowego certyfikatu: {fingerprint}.",
                "Call your mail provider and compare the new certificate's fingerprint: {fingerprint}.",
            ),
            step(
                "Tylko jeśli się zgadza, zaufaj nowemu certyfikatowi (zastąpi poprzedni).",
                "Only if it matches, trust the new certificate (it replaces the old one).",
            ),
        ),
    ),
}

VARIANTS: dict[tuple[str, str], Variant] = {
    ("certificate_untrusted", "self_signed"): Variant(
        title=Msg(
            pl="Serwer {host} ma certyfikat wystawiony przez siebie",
            en="{host} has a self-signed certificate",
        ),
        explanation=Msg(
            pl="Certyfikat serwera wystawił sam jego właściciel, a nie zaufany urząd certyfikacji, więc ten "
            "komputer nie może go sprawdzić. Niektórzy mniejsi dostawcy tak robią i proszą o zaakceptowanie "
            "wyjątku.",
            en="The server's certificate was issued by its own owner, not by a trusted certificate "
            "authority, so this computer cannot check it. Some smaller providers do this and ask you to "
            "accept an exception.",
        ),
        steps=(
            step(
                "Zadzwoń do dostawcy poczty i porównaj odcisk certyfikatu (SHA-256): {fingerprint}.",
                "Call your mail provider and compare the certificate fingerprint (SHA-256): {fingerprint}.",
            ),
            step(
                "Tylko jeśli odcisk się zgadza, zaufaj temu certyfikatowi — smtpdesk zapamięta go wyłącznie "
                "dla serwera {host}.",
                "Only if the fingerprint matches, trust this certificate — smtpdesk will remember it for "
                "{host} only.",
            ),
            step(
                "Jeśli certyfikat się kiedyś zmieni, smtpdesk znów o to zapyta.",
                "If the certificate ever changes, smtpdesk will ask again.",
            ),
        ),
    ),
    ("certificate_untrusted", "antivirus"): Variant(
        title=Msg(
            pl="Antywirus przechwytuje szyfrowaną pocztę", en="Antivirus is intercepting encrypted mail"
        ),
        explanation=Msg(
            pl="Certyfikat połączenia z serwerem {host} wystawił „{cert_issuer}” — to program antywirusowy "
            "na tym komputerze, który podmienia certyfikat serwera, aby skanować pocztę.",
            en="The certificate for {host} was issued by “{cert_issuer}” — antivirus software on this "
            "computer that replaces the server's certificate to scan mail.",
        ),
        steps=(
            step(
                "W ustawieniach antywirusa wyłącz skanowanie poczty wychodzącej (lub połączeń szyfrowanych) "
                "albo dodaj smtpdesk do wyjątków.",
                "In the antivirus settings, turn off scanning of outgoing mail (or of encrypted "
                "connections), or add smtpdesk as an exception.",
            ),
            step("Potem wykonaj test ponownie.", "Then run the test again."),
        ),
    ),
    ("certificate_expired", "not_yet_valid"): Variant(
        title=Msg(
            pl="Certyfikat serwera {host} nie jest jeszcze ważny",
            en="The certificate of {host} is not valid yet",
        ),
        explanation=Msg(
            pl="Certyfikat serwera jest ważny dopiero od {cert_not_before}. Najczęściej oznacza to złą datę "
            "na tym komputerze.",
            en="The server's certificate is valid only from {cert_not_before}. Usually this means this "
            "computer's date is wrong.",
        ),
        steps=(
            step(
                "Ustaw prawidłową datę i godzinę na tym komputerze i powtórz test.",
                "Set this computer's date and time correctly and run the test again.",
            ),
            step(
                "Jeśli są prawidłowe, zgłoś dostawcy poczty, że certyfikat serwera {host} nie jest jeszcze "
                "ważny.",
                "If they are, tell your provider that the certificate of {host} is not valid yet.",
            ),
        ),
    ),
}
