"""Diagnosis texts: finding and reaching the server, and how it behaves on the connection."""

from __future__ import annotations

from smtpdesk.core.diagnosis.texts.common import (
    CHECK_WEBMAIL_PASSWORD,
    OTHER_PORT_ANSWERS,
    OWN_ACCOUNTS,
    RETRY_LATER,
    SECURITY_FOR_PORT,
    SENDING_SERVER,
    TELL_PROVIDER,
    Text,
    Variant,
    port_25,
    port_465_without_ssl,
    step,
)
from smtpdesk.core.i18n import Msg

TEXTS: dict[str, Text] = {
    "host_not_found": Text(
        Msg(pl="Nie ma serwera o nazwie {host}", en="There is no server called {host}"),
        Msg(
            pl="Nazwa {host} nie istnieje w internecie, więc nie da się z nim połączyć. Najczęściej to "
            "literówka albo nazwa, której Twój dostawca poczty nie używa.{dns_detail}",
            en="The name {host} does not exist on the internet, so it cannot be reached. Usually it is a "
            "typo or a name your mail provider does not use.{dns_detail}",
        ),
        (
            step(
                "Porównaj „Serwer poczty wychodzącej” z instrukcją dostawcy poczty (np. smtp.gmail.com, "
                "smtp.office365.com albo nazwa serwera z panelu hostingu).",
                "Compare “Outgoing mail server” with your provider's instructions (e.g. smtp.gmail.com, "
                "smtp.office365.com or the server name in your hosting panel).",
            ),
            step(
                "Uważaj na częste pomyłki: „smpt” zamiast „smtp”, „.com” zamiast „.pl”.",
                "Watch for common mistakes: “smpt” instead of “smtp”, “.com” instead of “.pl”.",
            ),
            step(
                "Jeśli poczta została niedawno przeniesiona do innej firmy, poproś nowego dostawcę o nazwę "
                "serwera poczty wychodzącej.",
                "If your mail moved to another company recently, ask the new provider for the outgoing "
                "server name.",
            ),
        ),
    ),
    "dns_unavailable": Text(
        Msg(pl="Brak połączenia z internetem", en="No internet connection"),
        Msg(
            pl="Ten komputer nie może teraz odnaleźć w internecie żadnego serwera, także {host}. Ustawienia "
            "mogą być dobre — problem dotyczy połączenia z internetem.{dns_detail}",
            en="This computer cannot look up any server on the internet right now, including {host}. The "
            "settings may well be right — the problem is the internet connection.{dns_detail}",
        ),
        (
            step(
                "Sprawdź, czy działa internet: otwórz dowolną stronę w przeglądarce.",
                "Check that the internet works: open any web page in the browser.",
            ),
            step(
                "W sieci Wi-Fi hotelu lub kawiarni najpierw zaloguj się na jej stronie powitalnej.",
                "On hotel or café Wi-Fi, sign in on its welcome page first.",
            ),
            step(
                "Jeśli pracujesz przez VPN, połącz się z nim ponownie, a potem powtórz test.",
                "If you work through a VPN, reconnect it, then run the test again.",
            ),
        ),
    ),
    "connection_refused": Text(
        Msg(
            pl="Serwer {host} nie przyjmuje połączeń na porcie {port}",
            en="{host} does not accept connections on port {port}",
        ),
        Msg(
            pl="Komputer {host} odpowiada, ale na porcie {port} nic nie przyjmuje poczty. Albo port jest "
            "niewłaściwy, albo wpisany serwer nie jest tym, który obsługuje Twoją pocztę.",
            en="The computer {host} answers, but nothing accepts mail on port {port}. Either the port is "
            "wrong, or the server entered is not the one that handles your mail.",
        ),
        (
            OTHER_PORT_ANSWERS,
            step(
                "Sprawdź „Port serwera poczty wychodzącej”: zwykle 587 (zabezpieczenie STARTTLS) albo 465 "
                "(SSL/TLS); dla smtp.gmail.com — 465.",
                "Check “Outgoing mail server port”: usually 587 (STARTTLS security) or 465 (SSL/TLS); for "
                "smtp.gmail.com, 465.",
            ),
            step(
                "Sprawdź, czy „Serwer poczty wychodzącej” ({host}) to serwer z instrukcji dostawcy poczty, "
                "a nie np. adres strony internetowej firmy.",
                "Check that “Outgoing mail server” ({host}) is the server from your provider's "
                "instructions, not e.g. the company's website address.",
            ),
            step(
                "Jeśli port i serwer są dobre, usługa poczty może mieć awarię — spróbuj za kilka minut lub "
                "sprawdź komunikaty dostawcy.",
                "If port and server are right, the mail service may be down — try again in a few minutes or "
                "check your provider's status notices.",
            ),
        ),
    ),
    "connect_timeout": Text(
        Msg(pl="Brak odpowiedzi od {host} na porcie {port}", en="No answer from {host} on port {port}"),
        Msg(
            pl="Nie udało się połączyć z serwerem {host} (port {port}) w wyznaczonym czasie. Coś po drodze "
            "blokuje połączenie — zwykle dostawca internetu albo zapora sieciowa w biurze blokuje ten port "
            "(szczególnie port 25).",
            en="Could not connect to {host}:{port} in time. Something on the way is blocking the connection "
            "— usually the internet provider or the office firewall blocks this port (port 25 especially).",
        ),
        (
            OTHER_PORT_ANSWERS,
            step(
                "Zmień „Port serwera poczty wychodzącej” z 25 na 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Change “Outgoing mail server port” from 25 to 587 (STARTTLS) or 465 (SSL/TLS).",
                port_25,
            ),
            step(
                "Spróbuj drugiego portu, jeśli dostawca go obsługuje: 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Try the other port if your provider offers it: 587 (STARTTLS) or 465 (SSL/TLS).",
            ),
            step(
                "Sprawdź, czy program antywirusowy lub zapora nie blokuje programu smtpdesk.",
                "Check that antivirus or firewall software is not blocking smtpdesk.",
            ),
            step(
                "Jeśli nic nie pomaga, poproś informatyka o odblokowanie połączeń wychodzących do {host} na "
                "porcie {port}.",
                "If nothing helps, ask your IT person to allow outgoing connections to {host} on port "
                "{port}.",
            ),
        ),
    ),
    "network_unreachable": Text(
        Msg(pl="Brak drogi do serwera {host}", en="No route to the server {host}"),
        Msg(
            pl="Ten komputer nie ma połączenia sieciowego z serwerem {host} (port {port}). Tak bywa, gdy "
            "serwer stoi w sieci biura, a pracujesz z domu, albo gdy nie działa internet.",
            en="This computer has no network path to {host} (port {port}). This happens when the server is "
            "inside the office network and you work from home, or when the internet is down.",
        ),
        (
            step(
                "Jeśli serwer poczty jest w sieci biura, najpierw połącz się z firmowym VPN.",
                "If the mail server is inside the office network, connect to the office VPN first.",
            ),
            step("Sprawdź połączenie z internetem.", "Check the internet connection."),
            step(
                "Jeśli problem trwa, przekaż informatykowi, że komputer nie ma drogi do {host}.",
                "If it persists, tell your IT person that this computer has no route to {host}.",
            ),
        ),
    ),
    "connection_reset": Text(
        Msg(pl="Serwer {host} od razu zerwał połączenie", en="{host} dropped the connection at once"),
        Msg(
            pl="Serwer {host} (port {port}) przerwał połączenie, zanim się przywitał. Tak bywa, gdy serwer "
            "czasowo zablokował adres internetowy biura (np. po kilku nieudanych logowaniach) albo gdy "
            "program antywirusowy przechwytuje pocztę.",
            en="{host} (port {port}) closed the connection before greeting. This happens when the server "
            "has temporarily blocked the office's internet address (e.g. after several failed logins) or "
            "when antivirus software intercepts mail.",
        ),
        (
            SECURITY_FOR_PORT,
            step(
                "Jeśli niedawno było kilka nieudanych prób logowania, odczekaj 30–60 minut i spróbuj "
                "ponownie.",
                "If there were several failed logins recently, wait 30–60 minutes and try again.",
            ),
            step(
                "Sprawdź, czy ochrona poczty w programie antywirusowym nie blokuje programu smtpdesk.",
                "Check that the antivirus mail protection is not blocking smtpdesk.",
            ),
            step(
                "Jeśli nic nie pomaga, zapytaj dostawcę poczty, czy nie blokuje adresu internetowego biura.",
                "If nothing helps, ask your mail provider whether they block the office's internet address.",
            ),
        ),
    ),
    "greeting_timeout": Text(
        Msg(pl="Serwer {host} nie przywitał się", en="{host} did not send its greeting"),
        Msg(
            pl="Połączenie z serwerem {host} (port {port}) zostało nawiązane, ale serwer nie przywitał się "
            "w wyznaczonym czasie. Serwer jest bardzo wolny lub przeciążony albo zabezpieczenie nie pasuje "
            "do portu.",
            en="The connection to {host}:{port} was made, but the server did not greet in time. The server "
            "is very slow or overloaded, or the security does not match the port.",
        ),
        (
            OTHER_PORT_ANSWERS,
            step(
                "Port 465 wymaga zabezpieczenia SSL/TLS — ustaw je.",
                "Port 465 needs SSL/TLS security — set it.",
                port_465_without_ssl,
            ),
            SECURITY_FOR_PORT,
            RETRY_LATER,
            step(
                "Jeśli to się powtarza, zgłoś dostawcy poczty, że serwer {host} nie wysyła powitania.",
                "If it keeps happening, tell your provider that {host} does not send a greeting.",
            ),
        ),
    ),
    "server_busy": Text(
        Msg(pl="Serwer {host} jest teraz zajęty", en="{host} is busy right now"),
        Msg(
            pl="Serwer {host} odmówił obsługi, bo jest przeciążony albo z tego biura jest do niego "
            "otwartych zbyt wiele połączeń naraz. To stan chwilowy.",
            en="{host} refused service because it is overloaded or too many connections from this office "
            "are open at once. This is temporary.",
        ),
        (RETRY_LATER, OWN_ACCOUNTS),
    ),
    "client_blocked": Text(
        Msg(
            pl="Serwer {host} blokuje adres internetowy biura",
            en="{host} blocks the office's internet address",
        ),
        Msg(
            pl="Serwer {host} nie przyjmuje połączeń z adresu internetowego (IP), z którego łączy się ten "
            "komputer — zwykle dlatego, że adres trafił na listę antyspamową.",
            en="{host} does not accept connections from the internet (IP) address this computer uses — "
            "usually because the address is on a spam blocklist.",
        ),
        (
            SENDING_SERVER,
            step(
                "Poproś dostawcę internetu lub informatyka o usunięcie adresu biura z listy antyspamowej; "
                "przekaż im odpowiedź serwera.",
                "Ask your internet provider or IT person to get the office's address off the blocklist; "
                "give them the server's reply.",
            ),
        ),
    ),
    "not_smtp_service": Text(
        Msg(pl="Port {port} nie służy do wysyłania poczty", en="Port {port} is not for sending mail"),
        Msg(
            pl="Na porcie {port} serwera {host} działa inna usługa (np. odbieranie poczty albo strona "
            "internetowa), a nie serwer poczty wychodzącej.",
            en="Port {port} of {host} runs a different service (e.g. incoming mail or a website), not an "
            "outgoing mail server.",
        ),
        (
            step(
                "Zmień „Port serwera poczty wychodzącej” na 587 (STARTTLS) albo 465 (SSL/TLS).",
                "Change “Outgoing mail server port” to 587 (STARTTLS) or 465 (SSL/TLS).",
            ),
            step(
                "Porty 110, 143, 993 i 995 służą do odbierania poczty — nie nadają się do wysyłania.",
                "Ports 110, 143, 993 and 995 are for receiving mail — they cannot send.",
            ),
            step(
                "Sprawdź też, czy „Serwer poczty wychodzącej” to serwer SMTP, a nie serwer poczty "
                "przychodzącej (IMAP/POP3).",
                "Also check that “Outgoing mail server” is the SMTP server, not the incoming (IMAP/POP3) "
                "one.",
            ),
        ),
    ),
    "helo_rejected": Text(
        Msg(
            pl="Serwer {host} nie przyjął przedstawienia się komputera",
            en="{host} rejected this computer's greeting",
        ),
        Msg(
            pl="Na początku rozmowy program przedstawia się serwerowi nazwą komputera. Serwer {host} tej "
            "nazwy nie zaakceptował.",
            en="At the start of the conversation the program introduces itself with the computer's name. "
            "{host} did not accept that name.",
        ),
        (
            step(
                "Spróbuj ponownie — smtpdesk przedstawia się nazwą w standardowej postaci.",
                "Try again — smtpdesk introduces itself with a standard-form name.",
            ),
            SENDING_SERVER,
            TELL_PROVIDER,
        ),
    ),
    "connection_dropped": Text(
        Msg(pl="Serwer {host} przerwał połączenie", en="{host} dropped the connection"),
        Msg(
            pl="Serwer {host} rozłączył się w trakcie wysyłania (etap: {stage}).",
            en="{host} hung up in the middle of sending (step: {stage}).",
        ),
        (
            step("Spróbuj ponownie.", "Try again."),
            step(
                "Jeśli to się powtarza, sprawdź, czy antywirus nie skanuje poczty wychodzącej, i przekaż "
                "przebieg testu dostawcy poczty.",
                "If it keeps happening, check that antivirus is not scanning outgoing mail, and send the "
                "test log to your provider.",
            ),
        ),
    ),
    "temporary_failure": Text(
        Msg(pl="Chwilowy problem serwera {host}", en="Temporary problem at {host}"),
        Msg(
            pl="Serwer {host} zgłosił tymczasowy błąd (etap: {stage}). Ustawienia mogą być poprawne.",
            en="{host} reported a temporary error (step: {stage}). The settings may well be right.",
        ),
        (RETRY_LATER, TELL_PROVIDER),
    ),
    "server_closing": Text(
        Msg(pl="Serwer {host} zakończył połączenie", en="{host} closed the session"),
        Msg(
            pl="Serwer {host} odpowiedział kodem 421 (etap: {stage}): chwilowo nie obsłuży tego połączenia "
            "i je zamyka. To nie jest błąd w ustawieniach — tak serwer mówi „nie teraz” (przeciążenie, "
            "przerwa techniczna, zbyt wiele połączeń lub wiadomości z tego adresu).",
            en="{host} answered 421 (step: {stage}): it will not serve this connection now and closes it. "
            "This is not a settings error — it is how a server says “not now” (overload, maintenance, too "
            "many connections or messages from this address).",
        ),
        (RETRY_LATER, TELL_PROVIDER),
    ),
    "bad_server_reply": Text(
        Msg(pl="Serwer {host} odpowiada nieprawidłowo", en="{host} sends an invalid reply"),
        Msg(
            pl="smtpdesk przerwał test, bo odpowiedź serwera {host} (port {port}, etap: {stage}) nie jest "
            "poprawną odpowiedzią SMTP.",
            en="smtpdesk stopped the test because the reply of {host} (port {port}, step: {stage}) is not a "
            "valid SMTP reply.",
        ),
        (
            step(
                "Sprawdź „Serwer poczty wychodzącej” i „Port serwera poczty wychodzącej” — pod tym adresem "
                "może działać coś innego niż serwer poczty.",
                "Check “Outgoing mail server” and “Outgoing mail server port” — something other than a mail "
                "server may be answering there.",
            ),
            TELL_PROVIDER,
        ),
    ),
}

VARIANTS: dict[tuple[str, str], Variant] = {
    ("connection_dropped", "after_auth"): Variant(
        explanation=Msg(
            pl="Serwer {host} rozłączył się zaraz po próbie logowania {username}. Niektórzy dostawcy tak "
            "reagują na złe hasło albo na zwykłe hasło tam, gdzie wymagają hasła do aplikacji.",
            en="{host} hung up right after the login attempt of {username}. Some providers do that for a "
            "wrong password, or for a normal password where they require an app password.",
        ),
        steps=(
            CHECK_WEBMAIL_PASSWORD,
            step(
                "Jeśli dostawca wymaga hasła do aplikacji lub włączenia dostępu dla programów pocztowych, "
                "zrób to w ustawieniach poczty w przeglądarce.",
                "If your provider requires an app password or access for mail programs to be switched on, "
                "do it in the webmail settings.",
            ),
        ),
    ),
    ("connection_dropped", "timeout"): Variant(
        title=Msg(pl="Serwer {host} przestał odpowiadać", en="{host} stopped answering"),
        explanation=Msg(
            pl="Serwer {host} nie odpowiedział w wyznaczonym czasie (etap: {stage}).",
            en="{host} did not answer in time (step: {stage}).",
        ),
    ),
    ("bad_server_reply", "endless"): Variant(
        title=Msg(pl="Serwer {host} wysyła odpowiedź bez końca", en="{host} sends a reply that never ends"),
        explanation=Msg(
            pl="Serwer {host} (etap: {stage}) wysyłał kolejne linie jednej odpowiedzi bez końca. smtpdesk "
            "przestał czytać po {limit} — żaden poprawny serwer poczty tak nie odpowiada.",
            en="{host} (step: {stage}) kept sending more lines of one reply. smtpdesk stopped reading after "
            "{limit} — no working mail server answers like that.",
        ),
    ),
    ("bad_server_reply", "oversized"): Variant(
        title=Msg(pl="Serwer {host} wysłał za długą odpowiedź", en="{host} sent an oversized reply"),
        explanation=Msg(
            pl="Odpowiedź serwera {host} (etap: {stage}) przekroczyła limit {limit}, więc smtpdesk "
            "przestał ją czytać. Poprawny serwer poczty odpowiada krótko; tak zachowuje się zepsuty "
            "serwer albo inna usługa pod tym adresem.",
            en="The reply of {host} (step: {stage}) went beyond the limit of {limit}, so smtpdesk stopped "
            "reading it. A working mail server answers briefly; this is a broken server or another service "
            "at this address.",
        ),
    ),
    ("bad_server_reply", "garbled"): Variant(
        explanation=Msg(
            pl="Serwer {host} przywitał się poprawnie, ale potem (etap: {stage}) odpowiedział czymś, co nie "
            "jest odpowiedzią SMTP. Zwykle to urządzenie lub program po drodze (zapora, antywirus), które "
            "psuje połączenie.",
            en="{host} greeted properly but then (step: {stage}) answered with something that is not an SMTP "
            "reply. Usually a device or program on the way (firewall, antivirus) garbles the connection.",
        ),
    ),
    ("temporary_failure", "auth"): Variant(
        title=Msg(
            pl="Serwer {host} chwilowo nie może sprawdzić logowania",
            en="{host} cannot check the login right now",
        ),
        explanation=Msg(
            pl="Serwer {host} odpowiedział na logowanie {username} błędem tymczasowym (4xx). To nie znaczy, "
            "że hasło jest złe — serwer nie mógł go teraz sprawdzić.",
            en="{host} answered the login of {username} with a temporary error (4xx). That does not mean the "
            "password is wrong — the server could not check it right now.",
        ),
    ),
    ("temporary_failure", "sender"): Variant(
        title=Msg(
            pl="Serwer {host} chwilowo nie przyjmuje nadawcy {sender}",
            en="{host} does not take the sender {sender} right now",
        ),
        explanation=Msg(
            pl="Serwer {host} odłożył przyjęcie wiadomości od {sender} (błąd tymczasowy 4xx, etap: {stage}) "
            "— często dlatego, że nie mógł teraz sprawdzić domeny nadawcy. Ustawienia mogą być poprawne.",
            en="{host} put off mail from {sender} (temporary error 4xx, step: {stage}) — often because it "
            "could not check the sender's domain just now. The settings may well be right.",
        ),
    ),
}
