<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>O programie smtpdesk</source>
        <translation>About smtpdesk</translation>
    </message>
    <message>
        <source>Ustawienia poczty wychodzącej biura, wiadomości testowe jednym kliknięciem i diagnoza problemów prostym językiem.</source>
        <translation>The office&apos;s outgoing mail settings, one-click test messages and a diagnosis of problems in plain language.</translation>
    </message>
    <message>
        <source>Wersja:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Plik ustawień:</source>
        <translation>Settings file:</translation>
    </message>
    <message>
        <source>Dziennik programu:</source>
        <translation>Program log:</translation>
    </message>
    <message>
        <source>Folder konfiguracji:</source>
        <translation>Configuration folder:</translation>
    </message>
    <message>
        <source>Pęk kluczy:</source>
        <translation>Keychain:</translation>
    </message>
    <message>
        <source>Środowisko:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <source>brak — hasła są w pamięci programu do jego zamknięcia</source>
        <translation>none — passwords are kept in the program&apos;s memory until it closes</translation>
    </message>
    <message>
        <source>baza danych biura (szyfrowanie AES-GCM)</source>
        <translation>office database (AES-GCM encryption)</translation>
    </message>
    <message>
        <source>brak</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>AccountTools</name>
    <message>
        <source>Wykryj ustawienia</source>
        <translation>Detect settings</translation>
    </message>
    <message>
        <source>Wpisz go w polu „Nazwa użytkownika” (lub w danych pracownika).</source>
        <translation>Enter it in the “User name” field (or in the employee&apos;s data).</translation>
    </message>
    <message>
        <source>Teraz w formularzu: {host}, port {port}. „Użyj tych ustawień” je zastąpi; hasło zostaje.</source>
        <translation>In the form now: {host}, port {port}. “Use these settings” replaces them; the password stays.</translation>
    </message>
    <message>
        <source>Wpisz nazwę serwera z numerem z panelu dostawcy (wzór: {host}).</source>
        <translation>Enter the server name with the number from the provider&apos;s panel (pattern: {host}).</translation>
    </message>
    <message>
        <source>Nie znasz serwera? &lt;a href=&quot;detect&quot;&gt;Wykryj ustawienia dla {domain}&lt;/a&gt;</source>
        <translation>Don&apos;t know the server? &lt;a href=&quot;detect&quot;&gt;Detect the settings for {domain}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Logowanie przez {provider}</source>
        <translation>Sign-in with {provider}</translation>
    </message>
    <message>
        <source>Tę zmianę wprowadza administrator biura: {fixes}. Poproś go o nią — kliknij „Kopiuj raport” i wyślij mu raport.</source>
        <translation>The office administrator makes this change: {fixes}. Ask them for it — click “Copy report” and send them the report.</translation>
    </message>
    <message>
        <source>Logowanie Microsoft i Google</source>
        <translation>Microsoft and Google sign-in</translation>
    </message>
    <message>
        <source>Aplikację biura do logowania ustawia administrator biura. Poproś go o to.</source>
        <translation>The office&apos;s sign-in app is set up by the office administrator. Ask them to do it.</translation>
    </message>
</context>
<context>
    <name>AccountToolsInstall</name>
    <message>
        <source>Logowanie Microsoft i Google…</source>
        <translation>Microsoft and Google sign-in…</translation>
    </message>
    <message>
        <source>Identyfikatory aplikacji biura dla „Zaloguj przez Microsoft” i „Zaloguj przez Google”</source>
        <translation>The office&apos;s app IDs for “Sign in with Microsoft” and “Sign in with Google”</translation>
    </message>
    <message>
        <source>Zaloguj przez Microsoft</source>
        <translation>Sign in with Microsoft</translation>
    </message>
    <message>
        <source>Otwórz ustawienia tego konta i kliknij „Zaloguj przez Microsoft”.</source>
        <translation>Open this account&apos;s settings and click “Sign in with Microsoft”.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Dziennik zdarzeń</source>
        <translation>Event log</translation>
    </message>
    <message>
        <source>Wszystkie zdarzenia</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>np. nazwisko, adres, nazwa pola</source>
        <translation>e.g. a surname, an address, a field name</translation>
    </message>
    <message>
        <source>&amp;Rodzaj:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Od:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Oso&amp;ba:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Do:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Szukaj:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Zdarzenia</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>&amp;Eksportuj do CSV…</source>
        <translation>&amp;Export to CSV…</translation>
    </message>
    <message>
        <source>Odś&amp;wież</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Wszyscy</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Nie udało się odczytać dziennika: {reason}</source>
        <translation>The log could not be read: {reason}</translation>
    </message>
    <message>
        <source> (najnowsze {count})</source>
        <translation> (the newest {count})</translation>
    </message>
    <message>
        <source>Zdarzeń: {count}</source>
        <translation>Events: {count}</translation>
    </message>
    <message>
        <source>Eksportuj dziennik zdarzeń</source>
        <translation>Export the event log</translation>
    </message>
    <message>
        <source>Pliki CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nie wyeksportowano dziennika</source>
        <translation>The log was not exported</translation>
    </message>
    <message>
        <source>Nie udało się zapisać pliku {path}: {reason}</source>
        <translation>The file {path} could not be written: {reason}</translation>
    </message>
    <message>
        <source>Zapisano {count} zdarzeń do pliku {path}</source>
        <translation>{count} events written to {path}</translation>
    </message>
</context>
<context>
    <name>ChangeNotice</name>
    <message>
        <source>Wczytaj ponownie</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Porzuć niezapisane zmiany i pokaż zapisane ustawienia</source>
        <translation>Discard the unsaved changes and show the saved settings</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{summary}. Twoje niezapisane zmiany zostały zachowane — przy zapisie zobaczysz, jeśli dotyczą tych samych pól.</source>
        <translation>{summary}. Your unsaved changes were kept — when you save, you will see whether they concern the same fields.</translation>
    </message>
    <message>
        <source>{summary}. Okno pokazuje już zapisane zmiany.</source>
        <translation>{summary}. The window already shows the saved changes.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Zmiana hasła — smtpdesk</source>
        <translation>Change of password — smtpdesk</translation>
    </message>
    <message>
        <source>Ustaw nowe hasło</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <source>Zmień hasło do programu</source>
        <translation>Change your password for the program</translation>
    </message>
    <message>
        <source>{name} ({email})</source>
        <translation>{name} ({email})</translation>
    </message>
    <message>
        <source>&amp;Obecne hasło:</source>
        <translation>C&amp;urrent password:</translation>
    </message>
    <message>
        <source>&amp;Zmień hasło</source>
        <translation>&amp;Change password</translation>
    </message>
    <message>
        <source>Wyloguj</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wpisz obecne hasło.</source>
        <translation>Type your current password.</translation>
    </message>
    <message>
        <source>Nie udało się zapisać hasła: {reason}</source>
        <translation>The password could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>CheckAllPanel</name>
    <message>
        <source>Sprawdź wszystkich</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>Sprawdza logowanie i adres nadawcy na kontach wszystkich pracowników i na koncie firmowym — bez wysyłania wiadomości</source>
        <translation>Checks the login and the sender address on the accounts of all employees and on the company account — without sending a message</translation>
    </message>
    <message>
        <source>wysyłaj też wiadomości testowe</source>
        <translation>also send test messages</translation>
    </message>
    <message>
        <source>Każdy pracownik dostanie wiadomość testową na swój adres; bez tego tylko logowanie i sprawdzenie adresu nadawcy</source>
        <translation>Every employee gets a test message at their own address; without this, only the login and the sender address are checked</translation>
    </message>
    <message>
        <source>Bez wysyłania sprawdzane jest logowanie i to, czy serwer przyjmie adres nadawcy. Ograniczenia, które serwer stosuje dopiero po treści wiadomości (np. uprawnienie „Wyślij jako” w Exchange), wykaże tylko wiadomość testowa.</source>
        <translation>Without sending, the login is checked and whether the server accepts the sender address. Restrictions the server applies only after the message content (e.g. the “Send As” permission in Exchange) show up only with a test message.</translation>
    </message>
    <message>
        <source>%v z %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Konto firmowe:</source>
        <translation>Company account:</translation>
    </message>
    <message>
        <source>Przerywanie…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Sprawdzanie…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Przerwano. Sprawdzone konta pocztowe: {done} z {total} — działa {ok}, z błędami {bad}.</source>
        <translation>Stopped. Mail accounts checked: {done} of {total} — working: {ok}, with errors: {bad}.</translation>
    </message>
    <message>
        <source>Sprawdzone konta pocztowe: {done} z {total} — działa {ok}, z błędami {bad}.</source>
        <translation>Mail accounts checked: {done} of {total} — working: {ok}, with errors: {bad}.</translation>
    </message>
    <message>
        <source>Wysyła przez nie pracowników: {people}.</source>
        <translation>Employees sending through it: {people}.</translation>
    </message>
    <message>
        <source>Konto używane przez kilku pracowników (np. konto firmowe) jest sprawdzane raz; pracownik bez serwera poczty nie ma czego sprawdzić.</source>
        <translation>An account used by several employees (e.g. the company account) is checked once; an employee without a mail server has nothing to check.</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>np. Biuro Nieruchomości Kowalski</source>
        <translation>e.g. Kowalski Real Estate</translation>
    </message>
    <message>
        <source>ulica i numer
kod pocztowy i miejscowość</source>
        <translation>street and number
postcode and town</translation>
    </message>
    <message>
        <source>np. +48 22 123 45 67</source>
        <translation>e.g. +48 22 123 45 67</translation>
    </message>
    <message>
        <source>np. biuro@twojadomena.pl</source>
        <translation>e.g. office@yourdomain.com</translation>
    </message>
    <message>
        <source>&amp;Nazwa firmy:</source>
        <translation>Company &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Jeśli ten adres jest też kontem, z którego wychodzą maile, ustaw jego serwer SMTP w zakładce „Pozostałe ustawienia”.</source>
        <translation>If this address is also the account mail goes out from, set its SMTP server on the “Other settings” tab.</translation>
    </message>
    <message>
        <source>Dane firmy</source>
        <translation>Company data</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Ktoś zmienił te same ustawienia</source>
        <translation>Someone changed the same settings</translation>
    </message>
    <message>
        <source>Od chwili otwarcia {subject} ktoś inny zapisał inne wartości w tych samych polach. Nic jeszcze nie zostało zapisane — wybierz, którą wartość zachować w każdym polu.</source>
        <translation>Since {subject} was opened, someone else saved other values in the same fields. Nothing has been saved yet — choose which value to keep in each field.</translation>
    </message>
    <message>
        <source>Pole</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Twoja wartość</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Zapisana wartość</source>
        <translation>Saved value</translation>
    </message>
    <message>
        <source>inny komputer</source>
        <translation>another computer</translation>
    </message>
    <message>
        <source>zapisał(a) {who}, {when}</source>
        <translation>saved by {who}, {when}</translation>
    </message>
    <message>
        <source>{field}: zachowaj moją wartość</source>
        <translation>{field}: keep my value</translation>
    </message>
    <message>
        <source>{field}: weź zapisaną wartość</source>
        <translation>{field}: take the saved value</translation>
    </message>
    <message>
        <source>&amp;Zapisz wybrane wartości</source>
        <translation>&amp;Save the chosen values</translation>
    </message>
    <message>
        <source>&amp;Wczytaj zapisane (porzuć moje zmiany)</source>
        <translation>&amp;Load the saved values (discard my changes)</translation>
    </message>
    <message>
        <source>Wróć do edycji</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>CopyCloseButtons</name>
    <message>
        <source>&amp;Kopiuj</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Skopiowano</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Błąd programu</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>W programie wystąpił nieoczekiwany błąd. Możesz dalej pracować, ale zapisz swoje zmiany. Skopiuj poniższe szczegóły i przekaż je osobie, która zajmuje się programem.</source>
        <translation>An unexpected error occurred in the program. You can go on working, but save your changes. Copy the details below and pass them to the person who looks after the program.</translation>
    </message>
    <message>
        <source>Szczegóły są też zapisane w dzienniku programu: {path}</source>
        <translation>The details are also written to the program log: {path}</translation>
    </message>
    <message>
        <source>&amp;Szczegóły:</source>
        <translation>&amp;Details:</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>Konto administratora — smtpdesk</source>
        <translation>Administrator account — smtpdesk</translation>
    </message>
    <message>
        <source>Utwórz konto administratora</source>
        <translation>Create the administrator&apos;s account</translation>
    </message>
    <message>
        <source>Najpierw konto osoby, która konfiguruje pocztę biura (zwykle kierownik biura). Program będzie o nie pytał przy każdym uruchomieniu. Hasła dla agentów ustawisz potem w zakładce „Pracownicy”.</source>
        <translation>First the account of the person who sets up the office&apos;s mail (usually the office manager). The program asks for it at every start. You set the agents&apos; passwords afterwards on the “Employees” tab.</translation>
    </message>
    <message>
        <source>Ustawienia biura są już zapisane, ale nikt nie ma jeszcze hasła do programu. Utwórz konto administratora — jeśli podasz adres e-mail kogoś z listy pracowników, ta osoba zostanie administratorem.</source>
        <translation>The office&apos;s settings are saved, but nobody has a password for the program yet. Create the administrator&apos;s account — if you give the e-mail address of someone on the list of employees, that person becomes the administrator.</translation>
    </message>
    <message>
        <source>np. kierownik@twojebiuro.pl</source>
        <translation>e.g. manager@youroffice.com</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Tym adresem będziesz się logować.</source>
        <translation>You will sign in with this address.</translation>
    </message>
    <message>
        <source>&amp;Hasło do programu:</source>
        <translation>&amp;Password for the program:</translation>
    </message>
    <message>
        <source>&amp;Utwórz konto i zaloguj</source>
        <translation>&amp;Create account and sign in</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Podaj imię.</source>
        <translation>Enter the first name.</translation>
    </message>
    <message>
        <source>Podaj nazwisko.</source>
        <translation>Enter the last name.</translation>
    </message>
    <message>
        <source>Nie udało się zapisać konta: {reason}</source>
        <translation>The account could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Baza danych biura</source>
        <translation>Office database</translation>
    </message>
    <message>
        <source>Kilka komputerów biura może korzystać z jednych ustawień zapisanych w bazie PostgreSQL. Wpisz dane bazy od administratora serwera i sprawdź połączenie.</source>
        <translation>Several computers of the office can share one set of settings kept in a PostgreSQL database. Enter the database details from the server&apos;s administrator and test the connection.</translation>
    </message>
    <message>
        <source>np. serwer.biuro.lan</source>
        <translation>e.g. server.office.lan</translation>
    </message>
    <message>
        <source>zapisane w pęku kluczy systemu</source>
        <translation>saved in the system keychain</translation>
    </message>
    <message>
        <source>Szyfruj i sprawdzaj certyfikat oraz nazwę serwera (zalecane)</source>
        <translation>Encrypt and check the certificate and the server name (recommended)</translation>
    </message>
    <message>
        <source>Szyfruj i sprawdzaj certyfikat</source>
        <translation>Encrypt and check the certificate</translation>
    </message>
    <message>
        <source>Szyfruj bez sprawdzania certyfikatu</source>
        <translation>Encrypt without checking the certificate</translation>
    </message>
    <message>
        <source>Bez szyfrowania (tylko zaufana sieć biura)</source>
        <translation>No encryption (trusted office network only)</translation>
    </message>
    <message>
        <source>urzędy certyfikacji systemu</source>
        <translation>the system&apos;s certificate authorities</translation>
    </message>
    <message>
        <source>&amp;Wybierz…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Serwer PostgreSQL</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <source>&amp;Serwer:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Baza danych:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Użytkownik:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Hasło:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Potrzebny, gdy certyfikat serwera wystawił własny urząd biura (plik PEM od administratora).</source>
        <translation>Needed when the server&apos;s certificate was issued by the office&apos;s own authority (a PEM file from the administrator).</translation>
    </message>
    <message>
        <source>Połączenie nie zostało jeszcze sprawdzone.</source>
        <translation>The connection has not been tested yet.</translation>
    </message>
    <message>
        <source>&amp;Kod klucza biura:</source>
        <translation>Office &amp;key code:</translation>
    </message>
    <message>
        <source>Plik urzędu &amp;certyfikacji:</source>
        <translation>&amp;Certificate authority file:</translation>
    </message>
    <message>
        <source>T&amp;estuj połączenie</source>
        <translation>Test co&amp;nnection</translation>
    </message>
    <message>
        <source>P&amp;rzenieś ustawienia do tej bazy</source>
        <translation>&amp;Move the settings to this database</translation>
    </message>
    <message>
        <source>Kopiuje ustawienia, pracowników i historię z tego komputera do pustej bazy biura</source>
        <translation>Copies the settings, employees and history from this computer to an empty office database</translation>
    </message>
    <message>
        <source>&amp;Dołącz do istniejącej bazy</source>
        <translation>&amp;Join an existing database</translation>
    </message>
    <message>
        <source>Wróć do pliku &amp;lokalnego</source>
        <translation>Back to the &amp;local file</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ten komputer korzysta teraz z bazy biura: {where}.</source>
        <translation>This computer now uses the office database: {where}.</translation>
    </message>
    <message>
        <source>Ten komputer korzysta teraz z pliku lokalnego: {where}.</source>
        <translation>This computer now uses the local file: {where}.</translation>
    </message>
    <message>
        <source>Plik urzędu certyfikacji (PEM)</source>
        <translation>Certificate authority file (PEM)</translation>
    </message>
    <message>
        <source>Certyfikaty (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Wpisz nazwę albo adres serwera bazy.</source>
        <translation>Enter the name or address of the database server.</translation>
    </message>
    <message>
        <source>Wpisz nazwę bazy danych.</source>
        <translation>Enter the name of the database.</translation>
    </message>
    <message>
        <source>Wpisz nazwę użytkownika bazy.</source>
        <translation>Enter the database user name.</translation>
    </message>
    <message>
        <source>Port to liczba od 1 do 65535 (zwykle 5432).</source>
        <translation>The port is a number from 1 to 65535 (usually 5432).</translation>
    </message>
    <message>
        <source>Łączę z {host}:{port}…</source>
        <translation>Connecting to {host}:{port}…</translation>
    </message>
    <message>
        <source>Połączenie działa. Baza jest pusta — możesz przenieść do niej ustawienia.</source>
        <translation>The connection works. The database is empty — you can move the settings to it.</translation>
    </message>
    <message>
        <source>Połączenie działa. W bazie są już ustawienia biura — możesz do niej dołączyć.</source>
        <translation>The connection works. The database already holds office settings — you can join it.</translation>
    </message>
    <message>
        <source>połączenie szyfrowane</source>
        <translation>encrypted connection</translation>
    </message>
    <message>
        <source>połączenie BEZ szyfrowania</source>
        <translation>connection WITHOUT encryption</translation>
    </message>
    <message>
        <source>PostgreSQL {version}, {tls}.</source>
        <translation>PostgreSQL {version}, {tls}.</translation>
    </message>
    <message>
        <source>Nieoczekiwany błąd: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <source>Przenoszę ustawienia do bazy biura…</source>
        <translation>Moving the settings to the office database…</translation>
    </message>
    <message>
        <source>Dołączam do bazy biura…</source>
        <translation>Joining the office database…</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Tryb demonstracyjny — przykładowe biuro i wbudowany serwer poczty na tym komputerze. Nic nie jest wysyłane do internetu; zmiany znikną po zamknięciu.</source>
        <translation>Demo mode — a sample office and a built-in mail server on this computer. Nothing is sent to the internet; changes disappear when the program closes.</translation>
    </message>
    <message>
        <source>Wypróbuj wiadomość testową u pracowników — {people}</source>
        <translation>Try a test message for the employees — {people}</translation>
    </message>
    <message>
        <source>Skrzynka demo</source>
        <translation>Demo inbox</translation>
    </message>
    <message>
        <source>Pokaż wiadomości odebrane przez wbudowany serwer demo</source>
        <translation>Show the messages received by the built-in demo server</translation>
    </message>
    <message>
        <source>Wiersz poleceń…</source>
        <translation>Command line…</translation>
    </message>
    <message>
        <source>Port, certyfikat CA i hasła serwera demo dla polecenia „smtpdesk-cli check”</source>
        <translation>The demo server&apos;s port, CA certificate and passwords for the “smtpdesk-cli check” command</translation>
    </message>
</context>
<context>
    <name>DemoCliDialog</name>
    <message>
        <source>Serwer</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Certyfikat CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Konta i hasła demo</source>
        <translation>Demo accounts and passwords</translation>
    </message>
    <message>
        <source>Przykład</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Demo z wiersza poleceń</source>
        <translation>Demo from the command line</translation>
    </message>
    <message>
        <source>Serwer demo działa, dopóki to okno programu jest otwarte. Polecenie „smtpdesk-cli check” łączy się z nim tak jak okno — podaj mu port, plik certyfikatu CA i hasło konta:</source>
        <translation>The demo server runs while this program window is open. The “smtpdesk-cli check” command connects to it as the window does — give it the port, the CA certificate file and the account&apos;s password:</translation>
    </message>
    <message>
        <source>Serwer demo, konta i przykładowe polecenie</source>
        <translation>Demo server, accounts and an example command</translation>
    </message>
</context>
<context>
    <name>DemoInbox</name>
    <message>
        <source>Skrzynka demo</source>
        <translation>Demo inbox</translation>
    </message>
    <message>
        <source>Poczta przyjęta przez wbudowany serwer demo — dokładnie tak, jak zobaczy ją klient. Nic nie zostało wysłane do internetu.</source>
        <translation>Mail accepted by the built-in demo server — exactly as the client will see it. Nothing was sent to the internet.</translation>
    </message>
    <message>
        <source>Wyczyść</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Czas</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Od</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Temat</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Konto SMTP</source>
        <translation>SMTP account</translation>
    </message>
    <message>
        <source>Odebrane wiadomości</source>
        <translation>Received messages</translation>
    </message>
    <message>
        <source>Od:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Do:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Odpowiedź do:</source>
        <translation>Reply to:</translation>
    </message>
    <message>
        <source>Temat:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Wysłane z konta:</source>
        <translation>Sent from the account:</translation>
    </message>
    <message>
        <source>Źródło</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Pokaż surową treść wiadomości, z nagłówkami i częściami MIME</source>
        <translation>Show the raw message, with its headers and MIME parts</translation>
    </message>
    <message>
        <source>Treść wiadomości</source>
        <translation>Message text</translation>
    </message>
    <message>
        <source>Źródło wiadomości</source>
        <translation>Message source</translation>
    </message>
    <message>
        <source>Brak wiadomości. Wyślij wiadomość testową z okna „Ustawienia firmy” — pojawi się tutaj od razu.</source>
        <translation>No messages. Send a test message from the “Company settings” window — it appears here at once.</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>(bez tematu)</source>
        <translation>(no subject)</translation>
    </message>
</context>
<context>
    <name>DetectDialog</name>
    <message>
        <source>Wykryj ustawienia</source>
        <translation>Detect settings</translation>
    </message>
    <message>
        <source>Szukam ustawień serwera poczty wychodzącej dla {address}…</source>
        <translation>Looking for the outgoing mail server settings for {address}…</translation>
    </message>
    <message>
        <source>Co sprawdzam</source>
        <translation>What is being checked</translation>
    </message>
    <message>
        <source>czekam…</source>
        <translation>waiting…</translation>
    </message>
    <message>
        <source>Znalezione ustawienia</source>
        <translation>Settings found</translation>
    </message>
    <message>
        <source>Użyj tych ustawień</source>
        <translation>Use these settings</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>znaleziono</source>
        <translation>found</translation>
    </message>
    <message>
        <source>nic nie znaleziono</source>
        <translation>nothing found</translation>
    </message>
    <message>
        <source>nie udało się sprawdzić</source>
        <translation>could not be checked</translation>
    </message>
    <message>
        <source>brak odpowiedzi w czasie</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>niepotrzebne</source>
        <translation>not needed</translation>
    </message>
    <message>
        <source>przerwano</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Co sprawdzono</source>
        <translation>What was checked</translation>
    </message>
    <message>
        <source>Wykrywanie przerwał nieoczekiwany błąd: {error}</source>
        <translation>Detection was stopped by an unexpected error: {error}</translation>
    </message>
    <message>
        <source>Nie znaleziono ustawień dla {address}. Wpisz je według informacji od dostawcy poczty (zwykle są w panelu klienta albo w e-mailu powitalnym).</source>
        <translation>No settings found for {address}. Enter them from your mail provider&apos;s information (usually in the customer panel or the welcome e-mail).</translation>
    </message>
    <message>
        <source>Znaleziono ustawienia dla {address} (źródło: {source}).</source>
        <translation>Settings found for {address} (source: {source}).</translation>
    </message>
    <message>
        <source>Dostawca: {provider}</source>
        <translation>Provider: {provider}</translation>
    </message>
    <message>
        <source>Skąd: {detail}</source>
        <translation>From: {detail}</translation>
    </message>
    <message>
        <source>Numer serwera ({host}) znajdziesz w panelu dostawcy albo w e-mailu powitalnym — wpisz go po użyciu tych ustawień.</source>
        <translation>The server number ({host}) is in the provider&apos;s panel or the welcome e-mail — enter it after using these settings.</translation>
    </message>
    <message>
        <source>Ten dostawca pozwala zalogować się przez Microsoft (OAuth2) zamiast hasłem.</source>
        <translation>This provider lets you sign in with Microsoft (OAuth2) instead of a password.</translation>
    </message>
    <message>
        <source>Ten dostawca pozwala zalogować się przez Google (OAuth2) albo hasłem do aplikacji.</source>
        <translation>This provider lets you sign in with Google (OAuth2) or with an app password.</translation>
    </message>
    <message>
        <source>Serwer poczty wychodzącej: {host}
Port: {port}
Zabezpieczenie: {security}
Nazwa użytkownika: {login}</source>
        <translation>Outgoing mail server: {host}
Port: {port}
Connection security: {security}
User name: {login}</translation>
    </message>
</context>
<context>
    <name>DiagnosisDialog</name>
    <message>
        <source>Diagnoza</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Diagnoza: {account}</source>
        <translation>Diagnosis: {account}</translation>
    </message>
</context>
<context>
    <name>DiagnosisView</name>
    <message>
        <source>Serwer {host}, port {port}, szyfrowanie: {security}</source>
        <translation>Server {host}, port {port}, encryption: {security}</translation>
    </message>
    <message>
        <source>użytkownik {user}</source>
        <translation>user {user}</translation>
    </message>
    <message>
        <source>nadawca {sender}</source>
        <translation>sender {sender}</translation>
    </message>
    <message>
        <source>Popraw jednym kliknięciem (zmienia formularz i testuje ponownie):</source>
        <translation>Fix with one click (changes the form and tests again):</translation>
    </message>
    <message>
        <source>Szczegóły techniczne</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <source>Kopiuj raport</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Raport dla informatyka lub dostawcy poczty — bez hasła</source>
        <translation>A report for your IT person or mail provider — without the password</translation>
    </message>
    <message>
        <source>Zapisz raport…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Udało się</source>
        <translation>It worked</translation>
    </message>
    <message>
        <source>Nie udało się</source>
        <translation>It failed</translation>
    </message>
    <message>
        <source>Co zrobić:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Logowanie na serwerze {host} działa. Nie wysłano żadnej wiadomości — aby sprawdzić wysyłkę, użyj „Wyślij wiadomość testową”.</source>
        <translation>Logging in to the server {host} works. No message was sent — to check sending, use “Send a test message”.</translation>
    </message>
    <message>
        <source>Serwer {host} przyjął wiadomość do {recipient}. Przyjęcie przez serwer to jeszcze nie doręczenie: czy wiadomość dotarła do skrzynki adresata, może sprawdzić tylko administrator serwera {host}. Jeśli jej nie widać, zajrzyj też do folderu spam.</source>
        <translation>The server {host} accepted the message to {recipient}. Accepted by the server is not yet delivered: whether the message reached the recipient&apos;s mailbox only the administrator of {host} can check. If it does not show up, look in the spam folder too.</translation>
    </message>
    <message>
        <source>Zmienia ustawienia w formularzu i od razu testuje ponownie</source>
        <translation>Changes the settings in the form and tests again at once</translation>
    </message>
    <message>
        <source>„{label}”</source>
        <translation>“{label}”</translation>
    </message>
    <message>
        <source>Proponowana zmiana: {fixes}. Wprowadź ją w ustawieniach tego konta.</source>
        <translation>Suggested change: {fixes}. Make it in this account&apos;s settings.</translation>
    </message>
    <message>
        <source>Skopiowano do schowka.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <source>Zapisz raport z testu poczty</source>
        <translation>Save the mail test report</translation>
    </message>
    <message>
        <source>Pliki tekstowe (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nie zapisano raportu</source>
        <translation>Report not saved</translation>
    </message>
    <message>
        <source>Nie udało się zapisać raportu w {path}: {reason}</source>
        <translation>Could not save the report in {path}: {reason}</translation>
    </message>
    <message>
        <source>Zapisano: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Doktor konfiguracji</source>
        <translation>Configuration doctor</translation>
    </message>
    <message>
        <source>Sprawdzenie zapisanych ustawień poczty według zasad strony pomocy i typowych błędów. Nic nie jest wysyłane.</source>
        <translation>A check of the saved mail settings against the help page&apos;s rules and common mistakes. Nothing is sent.</translation>
    </message>
    <message>
        <source>Wyniki sprawdzenia</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>Sprawdź ponownie</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nie udało się odczytać ustawień: {error}</source>
        <translation>Could not read the settings: {error}</translation>
    </message>
    <message>
        <source>Nie udało się wprowadzić poprawki: {error}</source>
        <translation>Could not apply the fix: {error}</translation>
    </message>
    <message>
        <source>Znaleziono: {summary}</source>
        <translation>Found: {summary}</translation>
    </message>
</context>
<context>
    <name>DoctorLauncher</name>
    <message>
        <source>Doktor konfiguracji…</source>
        <translation>Configuration doctor…</translation>
    </message>
    <message>
        <source>Sprawdza zapisane ustawienia poczty według zasad i typowych błędów</source>
        <translation>Checks the saved mail settings against the rules and common mistakes</translation>
    </message>
    <message>
        <source>Doktor sprawdza zapisane ustawienia. Zapisać zmiany przed sprawdzeniem?</source>
        <translation>The doctor checks the saved settings. Save the changes before the check?</translation>
    </message>
</context>
<context>
    <name>DraftRestoreBox</name>
    <message>
        <source>Niezapisane zmiany</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Przywróć niezapisane zmiany?</source>
        <translation>Restore the unsaved changes?</translation>
    </message>
    <message>
        <source>Program został ostatnio zamknięty z zewnątrz (wylogowanie, wyłączenie komputera), zanim zapisano te zmiany:</source>
        <translation>The program was last ended from outside (logging out, shutting down) before these changes were saved:</translation>
    </message>
    <message>
        <source>Możesz je przywrócić do formularzy i zapisać. Hasła nie są przechowywane — wpisz je ponownie.</source>
        <translation>You can restore them to the forms and save them. Passwords are not kept — enter them again.</translation>
    </message>
    <message>
        <source>&amp;Przywróć</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Odrzuć</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Później</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Zakładka „{title}”</source>
        <translation>Tab “{title}”</translation>
    </message>
    <message>
        <source>Przywrócono niezapisane zmiany — sprawdź je i kliknij „Zapisz”.</source>
        <translation>The unsaved changes were restored — check them and click “Save”.</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Edycja pracownika</source>
        <translation>Edit employee</translation>
    </message>
    <message>
        <source>Nowy pracownik</source>
        <translation>New employee</translation>
    </message>
    <message>
        <source>np. anna.kowalska@twojadomena.pl</source>
        <translation>e.g. anna.kowalska@yourdomain.com</translation>
    </message>
    <message>
        <source>np. 600 123 456</source>
        <translation>e.g. 600 123 456</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Dane pracownika</source>
        <translation>Employee data</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Rola:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Podaj imię.</source>
        <translation>Enter the first name.</translation>
    </message>
    <message>
        <source>Podaj nazwisko.</source>
        <translation>Enter the last name.</translation>
    </message>
    <message>
        <source>Nie zapisano pracownika</source>
        <translation>Employee not saved</translation>
    </message>
    <message>
        <source>Nie udało się zapisać danych pracownika: {reason}</source>
        <translation>Could not save the employee&apos;s data: {reason}</translation>
    </message>
    <message>
        <source>okna pracownika</source>
        <translation>the employee window</translation>
    </message>
    <message>
        <source>Pracownik został usunięty</source>
        <translation>The employee was deleted</translation>
    </message>
    <message>
        <source>{who} usunął(-ęła) tego pracownika {when}. Nic nie zostało zapisane.</source>
        <translation>{who} deleted this employee {when}. Nothing was saved.</translation>
    </message>
    <message>
        <source>Ktoś</source>
        <translation>Someone</translation>
    </message>
    <message>
        <source>Zapisać go ponownie z danymi z tego okna?</source>
        <translation>Save them again with the data from this window?</translation>
    </message>
    <message>
        <source>Zapisz ponownie</source>
        <translation>Save again</translation>
    </message>
    <message>
        <source>Porzuć zmiany</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Wróć do edycji</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>EmployeeDrafts</name>
    <message>
        <source>Nowy pracownik: {name}</source>
        <translation>New employee: {name}</translation>
    </message>
    <message>
        <source>Nowy pracownik</source>
        <translation>New employee</translation>
    </message>
    <message>
        <source>Edycja pracownika: {name}</source>
        <translation>Editing employee: {name}</translation>
    </message>
    <message>
        <source>(bez nazwiska)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source> — ten pracownik został w międzyczasie usunięty; wpisane dane wrócą jako nowy pracownik</source>
        <translation> — this employee has been removed in the meantime; the values typed come back as a new employee</translation>
    </message>
    <message>
        <source> — z innej bazy ustawień; wpisane dane wrócą jako nowy pracownik</source>
        <translation> — from other settings; the values typed come back as a new employee</translation>
    </message>
</context>
<context>
    <name>EmployeePassword</name>
    <message>
        <source>Hasło do programu:</source>
        <translation>Password for the program:</translation>
    </message>
    <message>
        <source>Hasło ustawisz po zapisaniu pracownika.</source>
        <translation>You can set the password once the employee is saved.</translation>
    </message>
    <message>
        <source>To Twoje konto — hasło zmienisz w menu Plik › Zmień hasło…</source>
        <translation>This is your account — change your password in File › Change password…</translation>
    </message>
    <message>
        <source>Ustaw hasło tymczas&amp;owe…</source>
        <translation>Set a &amp;temporary password…</translation>
    </message>
    <message>
        <source>Reset&amp;uj hasło…</source>
        <translation>Reset pass&amp;word…</translation>
    </message>
    <message>
        <source>Hasło tymczasowe</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Ustawić nowe hasło tymczasowe dla: {name}?</source>
        <translation>Set a new temporary password for {name}?</translation>
    </message>
    <message>
        <source>Dotychczasowe hasło tej osoby przestanie działać, a blokada po nieudanych logowaniach zostanie zdjęta. Przy logowaniu ustawi własne hasło.</source>
        <translation>This person&apos;s current password stops working and a lock after failed sign-ins is lifted. At the next sign-in they set a password of their own.</translation>
    </message>
    <message>
        <source>Ustaw hasło</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nie ustawiono hasła</source>
        <translation>No password was set</translation>
    </message>
    <message>
        <source>Nie udało się zapisać hasła: {reason}</source>
        <translation>The password could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>EmployeeStatus</name>
    <message>
        <source>Brak serwera poczty</source>
        <translation>No mail server</translation>
    </message>
    <message>
        <source>Kliknij, aby zobaczyć diagnozę</source>
        <translation>Click to see the diagnosis</translation>
    </message>
    <message>
        <source>Błąd programu podczas sprawdzania</source>
        <translation>Program error during the check</translation>
    </message>
    <message>
        <source>Sprawdzanie…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Nie sprawdzono (przerwano)</source>
        <translation>Not checked (stopped)</translation>
    </message>
    <message>
        <source>Ostatni zapisany test — kliknij, aby zobaczyć szczegóły</source>
        <translation>The last saved test — click to see the details</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Jeszcze nie sprawdzono</source>
        <translation>Not checked yet</translation>
    </message>
</context>
<context>
    <name>EmployeesModel</name>
    <message>
        <source>Imię i nazwisko</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Własny SMTP</source>
        <translation>Own SMTP</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tak</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nie</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message>
        <source>imię, nazwisko, e-mail lub telefon</source>
        <translation>first name, last name, e-mail or phone</translation>
    </message>
    <message>
        <source>&amp;Szukaj:</source>
        <translation>Sea&amp;rch:</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Własny SMTP</source>
        <translation>Own SMTP</translation>
    </message>
    <message>
        <source>Lista pracowników</source>
        <translation>Employee list</translation>
    </message>
    <message>
        <source>&amp;Dodaj…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Edytuj…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Pracownicy</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Nie można usunąć</source>
        <translation>Cannot remove</translation>
    </message>
    <message>
        <source>Usuwanie pracownika</source>
        <translation>Deleting an employee</translation>
    </message>
    <message>
        <source>Usunąć pracownika {name}?</source>
        <translation>Delete the employee {name}?</translation>
    </message>
    <message>
        <source>Zapisane hasło SMTP tego pracownika zostanie usunięte z pęku kluczy.</source>
        <translation>This employee&apos;s saved SMTP password will be removed from the keychain.</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nie usunięto pracownika</source>
        <translation>Employee not deleted</translation>
    </message>
    <message>
        <source>Nie udało się usunąć pracownika: {reason}</source>
        <translation>Could not delete the employee: {reason}</translation>
    </message>
    <message>
        <source>Pracowników: {total}</source>
        <translation>Employees: {total}</translation>
    </message>
    <message>
        <source>Pokazano {shown} z {total}</source>
        <translation>Showing {shown} of {total}</translation>
    </message>
</context>
<context>
    <name>EnterOfficeKeyDialog</name>
    <message>
        <source>Klucz biura</source>
        <translation>Office key</translation>
    </message>
    <message>
        <source>Ten komputer korzysta z bazy biura, ale nie ma jeszcze klucza biura, więc nie może odczytać ani zapisać haseł do kont pocztowych. Wpisz kod klucza, który administrator otrzymał przy zakładaniu bazy biura.</source>
        <translation>This computer uses the office database but does not have the office key yet, so it can neither read nor save the mail account passwords. Enter the key code the administrator received when the office database was set up.</translation>
    </message>
    <message>
        <source>&amp;Kod klucza biura:</source>
        <translation>Office &amp;key code:</translation>
    </message>
    <message>
        <source>&amp;Zapisz klucz</source>
        <translation>&amp;Save the key</translation>
    </message>
    <message>
        <source>Później</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ExchangeLauncher</name>
    <message>
        <source>&amp;Eksportuj konfigurację…</source>
        <translation>&amp;Export configuration…</translation>
    </message>
    <message>
        <source>Zapisuje ustawienia i pracowników do pliku, aby wczytać je na innym komputerze</source>
        <translation>Saves the settings and employees to a file, to load them on another computer</translation>
    </message>
    <message>
        <source>&amp;Importuj konfigurację…</source>
        <translation>&amp;Import configuration…</translation>
    </message>
    <message>
        <source>Wczytuje ustawienia i pracowników z pliku zapisanego na innym komputerze</source>
        <translation>Loads the settings and employees from a file saved on another computer</translation>
    </message>
    <message>
        <source>Nie można wyeksportować konfiguracji</source>
        <translation>Cannot export the configuration</translation>
    </message>
    <message>
        <source>Zapisano konfigurację w pliku {path} (bez haseł).</source>
        <translation>The configuration was saved in the file {path} (without passwords).</translation>
    </message>
    <message>
        <source>Wybierz plik konfiguracji</source>
        <translation>Choose a configuration file</translation>
    </message>
    <message>
        <source>Konfiguracja smtpdesk (*.json)</source>
        <translation>smtpdesk configuration (*.json)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nie można odczytać pliku</source>
        <translation>Cannot read the file</translation>
    </message>
    <message>
        <source>Nie udało się odczytać pliku {path}: {reason}</source>
        <translation>Could not read the file {path}: {reason}</translation>
    </message>
    <message>
        <source>Nie można zaimportować konfiguracji</source>
        <translation>Cannot import the configuration</translation>
    </message>
    <message>
        <source>Zaimportowano konfigurację. Wpisz hasła kont, których nie zna ten komputer: {count}.</source>
        <translation>The configuration was imported. Enter the passwords of the accounts this computer does not know: {count}.</translation>
    </message>
    <message>
        <source>Zaimportowano konfigurację.</source>
        <translation>The configuration was imported.</translation>
    </message>
    <message>
        <source>Eksport zapisuje zapisane ustawienia. Zapisać zmiany przed eksportem?</source>
        <translation>The export writes the saved settings. Save the changes before exporting?</translation>
    </message>
    <message>
        <source>Import zastąpi ustawienia widoczne w oknie. Zapisać zmiany przed importem?</source>
        <translation>The import replaces the settings shown in the window. Save the changes before importing?</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Eksport konfiguracji</source>
        <translation>Configuration export</translation>
    </message>
    <message>
        <source>Eksportuj konfigurację do pliku</source>
        <translation>Export the configuration to a file</translation>
    </message>
    <message>
        <source>Plik zawiera dane firmy, logo, pozostałe ustawienia i pracowników ({count}) z ich ustawieniami poczty. Na innym komputerze wczytasz go poleceniem Plik › Importuj konfigurację…</source>
        <translation>The file holds the company data, logo, other settings and the employees ({count}) with their mail settings. On another computer, load it with File › Import configuration…</translation>
    </message>
    <message>
        <source>Hasła nie trafiają do pliku — na każdym komputerze wpisuje się je osobno. Plik będzie mógł odczytać tylko Twój użytkownik tego komputera.</source>
        <translation>Passwords do not go into the file — they are entered on each computer separately. Only your user on this computer will be able to read the file.</translation>
    </message>
    <message>
        <source>Dołącz &amp;historię testów</source>
        <translation>Include the test &amp;history</translation>
    </message>
    <message>
        <source>Wyniki wiadomości testowych i sprawdzeń logowania, aby zobaczyć je na innym komputerze.</source>
        <translation>The results of test messages and login checks, to see them on another computer.</translation>
    </message>
    <message>
        <source>&amp;Zapisz jako…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zapisz konfigurację</source>
        <translation>Save the configuration</translation>
    </message>
    <message>
        <source>Konfiguracja smtpdesk (*.json)</source>
        <translation>smtpdesk configuration (*.json)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Nie zapisano konfiguracji</source>
        <translation>Configuration not saved</translation>
    </message>
    <message>
        <source>Nie udało się zapisać konfiguracji w {path}: {reason}</source>
        <translation>Could not save the configuration in {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>Poprawka: {label}</source>
        <translation>Fix: {label}</translation>
    </message>
    <message>
        <source>Napraw</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Ostrzeżenie</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Informacja</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Witamy w smtpdesk</source>
        <translation>Welcome to smtpdesk</translation>
    </message>
    <message>
        <source>Na tym komputerze nie ma jeszcze ustawień. Możesz od razu ustawić wysyłanie poczty w swoim biurze albo najpierw zobaczyć, jak program działa, na przykładowym biurze.</source>
        <translation>There are no settings on this computer yet. You can set up your office&apos;s outgoing mail right away, or first see how the program works with a sample office.</translation>
    </message>
    <message>
        <source>Skonfiguruj swoje biuro</source>
        <translation>Set up your office</translation>
    </message>
    <message>
        <source>Wpisz dane firmy, pracowników i ustawienia ich poczty wychodzącej (SMTP).</source>
        <translation>Enter the company data, the employees and their outgoing mail (SMTP) settings.</translation>
    </message>
    <message>
        <source>Wypróbuj wersję demo</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <source>Przykładowe biuro i wbudowany serwer poczty na tym komputerze. Nic nie jest wysyłane do internetu, a zmiany znikną po zamknięciu.</source>
        <translation>A sample office and a built-in mail server on this computer. Nothing is sent to the internet, and changes disappear when the program closes.</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <source>Nie udało się uruchomić trybu demonstracyjnego</source>
        <translation>Could not start the demo mode</translation>
    </message>
    <message>
        <source>Tryb demonstracyjny nie ruszył: {reason}</source>
        <translation>The demo mode did not start: {reason}</translation>
    </message>
    <message>
        <source>Nie można otworzyć ustawień</source>
        <translation>Cannot open the settings</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historia testów poczty</source>
        <translation>Mail test history</translation>
    </message>
    <message>
        <source>Kiedy</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Rodzaj</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Wynik</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Etap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Czas</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Zapisane testy</source>
        <translation>Saved tests</translation>
    </message>
    <message>
        <source>Nie ma jeszcze żadnych zapisanych testów.</source>
        <translation>There are no saved tests yet.</translation>
    </message>
    <message>
        <source>Wyczyść historię…</source>
        <translation>Clear history…</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Konto:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>Wszystkie konta</source>
        <translation>All accounts</translation>
    </message>
    <message>
        <source>logowanie</source>
        <translation>login</translation>
    </message>
    <message>
        <source>wysyłka</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>Usunąć całą historię testów konta „{account}”?</source>
        <translation>Delete the whole test history of the account “{account}”?</translation>
    </message>
    <message>
        <source>Usunąć całą historię testów wszystkich kont?</source>
        <translation>Delete the whole test history of all accounts?</translation>
    </message>
    <message>
        <source>Wyczyść historię</source>
        <translation>Clear history</translation>
    </message>
    <message>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nie wyczyszczono historii</source>
        <translation>History not cleared</translation>
    </message>
    <message>
        <source>Nie udało się wyczyścić historii testów: {reason}</source>
        <translation>Could not clear the test history: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import konfiguracji</source>
        <translation>Configuration import</translation>
    </message>
    <message>
        <source>Importuj konfigurację z pliku</source>
        <translation>Import the configuration from a file</translation>
    </message>
    <message>
        <source>Pole</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Obecnie</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Po imporcie</source>
        <translation>After the import</translation>
    </message>
    <message>
        <source>Miejsce w pliku</source>
        <translation>Place in the file</translation>
    </message>
    <message>
        <source>Zmiany z pliku</source>
        <translation>Changes from the file</translation>
    </message>
    <message>
        <source>&amp;Zastosuj</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nie zaimportowano konfiguracji: {reason}</source>
        <translation>The configuration was not imported: {reason}</translation>
    </message>
    <message>
        <source>Plik: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>zapisany {when}</source>
        <translation>saved {when}</translation>
    </message>
    <message>
        <source>Usuń z tej bazy pracowników, których nie ma w pliku ({count})</source>
        <translation>Delete the employees who are not in the file from this database ({count})</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{title} — problemy: {count}</source>
        <translation>{title} — problems: {count}</translation>
    </message>
</context>
<context>
    <name>LastResult</name>
    <message>
        <source>dziś {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <source>wczoraj {time}</source>
        <translation>yesterday {time}</translation>
    </message>
</context>
<context>
    <name>LastResultLabel</name>
    <message>
        <source>Ostatni test: jeszcze nie testowano</source>
        <translation>Last test: not tested yet</translation>
    </message>
    <message>
        <source>logowanie</source>
        <translation>login</translation>
    </message>
    <message>
        <source>wysyłka</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>Ostatni test:</source>
        <translation>Last test:</translation>
    </message>
    <message>
        <source>historia</source>
        <translation>history</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Program zablokowany — smtpdesk</source>
        <translation>Program locked — smtpdesk</translation>
    </message>
    <message>
        <source>Program zablokowany</source>
        <translation>Program locked</translation>
    </message>
    <message>
        <source>Zalogowano: {name} ({email}). Po {minutes} min bezczynności program ukrył swoje okna. Wpisz hasło, aby wrócić do pracy.</source>
        <translation>Signed in: {name} ({email}). After {minutes} min without use the program hid its windows. Type your password to carry on.</translation>
    </message>
    <message>
        <source>&amp;Hasło:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>„Wyloguj” pozwala zalogować się komuś innemu; niezapisane zmiany zostaną porzucone.</source>
        <translation>“Sign out” lets someone else sign in; unsaved changes are dropped.</translation>
    </message>
    <message>
        <source>&amp;Odblokuj</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Wyloguj</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Nie udało się sprawdzić hasła: {reason}</source>
        <translation>The password could not be checked: {reason}</translation>
    </message>
</context>
<context>
    <name>LogoPage</name>
    <message>
        <source>Podgląd logo</source>
        <translation>Logo preview</translation>
    </message>
    <message>
        <source>&amp;Wybierz plik…</source>
        <translation>&amp;Choose a file…</translation>
    </message>
    <message>
        <source>&amp;Usuń logo</source>
        <translation>&amp;Remove the logo</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Plik logo:</source>
        <translation>Logo file:</translation>
    </message>
    <message>
        <source>PNG, JPEG lub SVG, najwyżej 2 MB. Logo pojawia się w stopce wysyłanych maili.</source>
        <translation>PNG, JPEG or SVG, 2 MB at most. The logo appears in the footer of sent e-mails.</translation>
    </message>
    <message>
        <source>Logo Firmy</source>
        <translation>Company logo</translation>
    </message>
    <message>
        <source>Wybierz logo firmy</source>
        <translation>Choose the company logo</translation>
    </message>
    <message>
        <source>Obrazy (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Wszystkie pliki (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Plik ma {size} MB — logo może mieć najwyżej 2 MB. Zmniejsz obraz i wybierz go ponownie.</source>
        <translation>The file is {size} MB — the logo may be 2 MB at most. Make the image smaller and choose it again.</translation>
    </message>
    <message>
        <source>Nie można odczytać pliku: {reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <source>Tego pliku nie da się użyć jako logo — wybierz obraz PNG, JPEG lub SVG.</source>
        <translation>This file cannot be used as a logo — choose a PNG, JPEG or SVG image.</translation>
    </message>
    <message>
        <source>Brak logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>{format}, {width}×{height} px, {size} kB</source>
        <translation>{format}, {width}×{height} px, {size} kB</translation>
    </message>
</context>
<context>
    <name>MailTestButtons</name>
    <message>
        <source>Wyślij wiadomość testową</source>
        <translation>Send a test message</translation>
    </message>
    <message>
        <source>Wysyła wiadomość przez ustawienia z formularza — także te jeszcze niezapisane</source>
        <translation>Sends a message with the settings in the form — also those not saved yet</translation>
    </message>
    <message>
        <source>Sprawdź logowanie</source>
        <translation>Check the login</translation>
    </message>
    <message>
        <source>Łączy się i loguje na serwerze, nic nie wysyłając</source>
        <translation>Connects and logs in to the server without sending anything</translation>
    </message>
    <message>
        <source>Najpierw wpisz serwer poczty wychodzącej, port, nazwę użytkownika i hasło.</source>
        <translation>First enter the outgoing mail server, port, user name and password.</translation>
    </message>
    <message>
        <source>Brak ustawień</source>
        <translation>No settings</translation>
    </message>
</context>
<context>
    <name>MailTestDialog</name>
    <message>
        <source>adres, na który przyjdzie wiadomość testowa</source>
        <translation>the address the test message will go to</translation>
    </message>
    <message>
        <source>&amp;Odbiorca:</source>
        <translation>&amp;Recipient:</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Diagnoza</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Przerywanie…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Test zakończył się nieoczekiwanym błędem programu. Spróbuj ponownie.</source>
        <translation>The test ended with an unexpected program error. Try again.</translation>
    </message>
    <message>
        <source>Poprawka zmieniła formularz, ale jest w nim błąd — popraw pole zaznaczone na czerwono.</source>
        <translation>The fix changed the form, but there is an error in it — correct the field marked in red.</translation>
    </message>
    <message>
        <source>Sprawdzanie logowania</source>
        <translation>Login check</translation>
    </message>
    <message>
        <source>Sprawdzanie logowania: {account}</source>
        <translation>Login check: {account}</translation>
    </message>
    <message>
        <source>Sprawdź ponownie</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Wiadomość testowa</source>
        <translation>Test message</translation>
    </message>
    <message>
        <source>Wiadomość testowa: {account}</source>
        <translation>Test message: {account}</translation>
    </message>
    <message>
        <source>Wyślij ponownie</source>
        <translation>Send again</translation>
    </message>
</context>
<context>
    <name>MyMailWindow</name>
    <message>
        <source>Moja poczta — {name}</source>
        <translation>My mail — {name}</translation>
    </message>
    <message>
        <source>Moja poczta</source>
        <translation>My mail</translation>
    </message>
    <message>
        <source>{name} · {email}</source>
        <translation>{name} · {email}</translation>
    </message>
    <message>
        <source>&amp;Wyślij wiadomość testową</source>
        <translation>&amp;Send a test message</translation>
    </message>
    <message>
        <source>Wysyła wiadomość tak, jak wychodzi Twoja poczta: to samo konto, nadawca i stopka</source>
        <translation>Sends a message the way your mail leaves: the same account, sender and footer</translation>
    </message>
    <message>
        <source>Sprawdź &amp;logowanie</source>
        <translation>Check &amp;login</translation>
    </message>
    <message>
        <source>Łączy się i loguje na serwerze, nic nie wysyłając</source>
        <translation>Connects and logs in to the server without sending anything</translation>
    </message>
    <message>
        <source>Twoje konto SMTP</source>
        <translation>Your SMTP account</translation>
    </message>
    <message>
        <source>&amp;Zapisz moje konto</source>
        <translation>Sa&amp;ve my account</translation>
    </message>
    <message>
        <source>Historia Twoich testów</source>
        <translation>History of your tests</translation>
    </message>
    <message>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Za&amp;mknij</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Narzędzia</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Administrator biura pozwala Ci zmieniać to konto. Zmiany zapisz przyciskiem obok.</source>
        <translation>The office administrator lets you change this account. Save your changes with the button beside this note.</translation>
    </message>
    <message>
        <source>Te ustawienia zmienia administrator biura. Jeśli coś tu nie działa, wyślij mu raport z testu („Kopiuj raport” w oknie wyniku).</source>
        <translation>The office administrator changes these settings. If something here does not work, send them the test&apos;s report (“Copy report” in the result window).</translation>
    </message>
    <message>
        <source>Ostatni test: jeszcze nie testowano</source>
        <translation>Last test: not tested yet</translation>
    </message>
    <message>
        <source>Ostatni test:</source>
        <translation>Last test:</translation>
    </message>
    <message>
        <source>Tę zmianę wprowadza administrator biura: {fixes}. Poproś go o nią — kliknij „Kopiuj raport” i wyślij mu raport z tego testu.</source>
        <translation>The office administrator makes this change: {fixes}. Ask them for it — click “Copy report” and send them the report of this test.</translation>
    </message>
    <message>
        <source>Nie ustawiono serwera poczty.</source>
        <translation>No mail server is set.</translation>
    </message>
    <message>
        <source>Brak serwera poczty</source>
        <translation>No mail server</translation>
    </message>
    <message>
        <source>{name} (przez: {account})</source>
        <translation>{name} (through: {account})</translation>
    </message>
    <message>
        <source>Nie zapisano</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>W międzyczasie ktoś inny zmienił Twoje konto SMTP. Pokazuję zapisane ustawienia — wprowadź swoje zmiany jeszcze raz.</source>
        <translation>Someone else changed your SMTP account meanwhile. The saved settings are shown now — make your changes again.</translation>
    </message>
    <message>
        <source>Nie udało się zapisać Twojego konta: {reason}</source>
        <translation>Your account could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Zapisano Twoje konto SMTP.</source>
        <translation>Your SMTP account is saved.</translation>
    </message>
    <message>
        <source>Administrator zmienił ustawienia poczty.</source>
        <translation>The administrator changed the mail settings.</translation>
    </message>
</context>
<context>
    <name>NewPasswordForm</name>
    <message>
        <source>Pokaż wpisywane hasła</source>
        <translation>Show the passwords as they are typed</translation>
    </message>
    <message>
        <source>&amp;Nowe hasło:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Powtórz hasło:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Hasło musi spełniać zasady GIODO ustawione w biurze:</source>
        <translation>The password must follow the GIODO rules the office has set:</translation>
    </message>
    <message>
        <source>Hasło musi mieć:</source>
        <translation>The password must be:</translation>
    </message>
    <message>
        <source>Zgodność z 5 poprzednimi hasłami sprawdzamy po kliknięciu przycisku.</source>
        <translation>Whether it matches one of the last 5 passwords is checked when you click the button.</translation>
    </message>
    <message>
        <source>Zgodność z obecnym hasłem sprawdzamy po kliknięciu przycisku.</source>
        <translation>Whether it matches the current password is checked when you click the button.</translation>
    </message>
    <message>
        <source>Hasła nie są takie same — wpisz to samo hasło dwa razy.</source>
        <translation>The passwords differ — type the same password twice.</translation>
    </message>
    <message>
        <source>Hasła nie są takie same.</source>
        <translation>The passwords differ.</translation>
    </message>
</context>
<context>
    <name>OAuthAppsDialog</name>
    <message>
        <source>Logowanie Microsoft i Google</source>
        <translation>Microsoft and Google sign-in</translation>
    </message>
    <message>
        <source>Żeby pracownicy mogli kliknąć „Zaloguj przez Microsoft” lub „Zaloguj przez Google”, biuro rejestruje raz własną aplikację u dostawcy i wpisuje tu jej identyfikator. Jak to zrobić, opisuje plik README programu (Microsoft Entra, Google Cloud).</source>
        <translation>For employees to be able to click “Sign in with Microsoft” or “Sign in with Google”, the office registers its own app with the provider once and enters its ID here. The program&apos;s README file describes how (Microsoft Entra, Google Cloud).</translation>
    </message>
    <message>
        <source>Microsoft 365 / Outlook.com (Microsoft Entra)</source>
        <translation>Microsoft 365 / Outlook.com (Microsoft Entra)</translation>
    </message>
    <message>
        <source>Identyfikator aplikacji (klienta):</source>
        <translation>Application (client) ID:</translation>
    </message>
    <message>
        <source>Dzierżawa:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>„organizations” — dowolne konto firmowe; „common” — także Outlook.com; albo domena lub identyfikator organizacji (np. firma.onmicrosoft.com).</source>
        <translation>“organizations” — any work account; “common” — Outlook.com as well; or the organisation&apos;s domain or ID (e.g. company.onmicrosoft.com).</translation>
    </message>
    <message>
        <source>zapisany w pęku kluczy — wpisz, aby zmienić</source>
        <translation>saved in the keychain — type to change it</translation>
    </message>
    <message>
        <source>Google Workspace / Gmail (Google Cloud)</source>
        <translation>Google Workspace / Gmail (Google Cloud)</translation>
    </message>
    <message>
        <source>Identyfikator klienta:</source>
        <translation>Client ID:</translation>
    </message>
    <message>
        <source>Klucz klienta:</source>
        <translation>Client secret:</translation>
    </message>
    <message>
        <source>Google wydaje go także aplikacjom komputerowym; trafia do pęku kluczy.</source>
        <translation>Google issues one to desktop apps too; it goes into the keychain.</translation>
    </message>
    <message>
        <source>Zapisz</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wklej sam identyfikator: litery, cyfry, kropki i myślniki.</source>
        <translation>Paste the ID alone: letters, digits, dots and hyphens.</translation>
    </message>
    <message>
        <source>Nie zapisano</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>OAuthAppsDrafts</name>
    <message>
        <source>Narzędzia › Logowanie Microsoft i Google</source>
        <translation>Tools › Microsoft and Google sign-in</translation>
    </message>
</context>
<context>
    <name>OfficeKeyBanner</name>
    <message>
        <source>Ten komputer nie ma klucza biura: hasła do kont pocztowych z bazy biura są niedostępne, a wpisanych nie da się zapisać dla innych komputerów.</source>
        <translation>This computer does not have the office key: the mail account passwords in the office database are unavailable, and those typed in cannot be saved for other computers.</translation>
    </message>
    <message>
        <source>Wpisz &amp;kod klucza…</source>
        <translation>Enter the &amp;key code…</translation>
    </message>
</context>
<context>
    <name>OfficeTools</name>
    <message>
        <source>Baza danych &amp;biura…</source>
        <translation>Office &amp;database…</translation>
    </message>
    <message>
        <source>Wspólne ustawienia kilku komputerów biura w bazie PostgreSQL</source>
        <translation>Settings shared by several office computers in a PostgreSQL database</translation>
    </message>
    <message>
        <source>Przed zmianą bazy ustawień zapisz albo odrzuć zmiany. Zapisać je teraz?</source>
        <translation>Save or discard the changes before switching the settings database. Save them now?</translation>
    </message>
    <message>
        <source>Klucz biura zapisany na tym komputerze.</source>
        <translation>The office key is saved on this computer.</translation>
    </message>
</context>
<context>
    <name>OtherSettingsPage</name>
    <message>
        <source>Kontakt do aktualnie zalogowanego agenta</source>
        <translation>Contact of the currently signed-in agent</translation>
    </message>
    <message>
        <source>Kontakt do firmy / biura</source>
        <translation>Contact of the company / office</translation>
    </message>
    <message>
        <source>Ustawienia wyświetlania kontaktów</source>
        <translation>Contact display settings</translation>
    </message>
    <message>
        <source>W mailach (stopka i adres mailowy):</source>
        <translation>In e-mails (footer and e-mail address):</translation>
    </message>
    <message>
        <source>wyłączone</source>
        <translation>off</translation>
    </message>
    <message>
        <source> dni</source>
        <translation> days</translation>
    </message>
    <message>
        <source>0 oznacza, że zmiana hasła nie jest wymuszana</source>
        <translation>0 means a password change is not forced</translation>
    </message>
    <message>
        <source>Ustawienia GIODO</source>
        <translation>GIODO settings</translation>
    </message>
    <message>
        <source>Poniższe ustawienia możesz wykorzystać do wspomagania procedur GIODO w Twojej agencji</source>
        <translation>You can use the settings below to support the GIODO (personal data protection) procedures in your agency</translation>
    </message>
    <message>
        <source>Wymuś zmianę hasła: częstotliwość zmian (liczba dni)</source>
        <translation>Force a password change: how often (number of days)</translation>
    </message>
    <message>
        <source>Wymuś format hasła zgodny z GIODO:</source>
        <translation>Force a GIODO-compliant password format:</translation>
    </message>
    <message>
        <source>Ukryj emaile i telefony klientów:</source>
        <translation>Hide clients&apos; e-mails and phone numbers:</translation>
    </message>
    <message>
        <source>Agenci mogą sami zmieniać swoje konto SMTP</source>
        <translation>Agents may change their own SMTP account</translation>
    </message>
    <message>
        <source>W oknie „Moja poczta” agent zmieni wtedy serwer, login i hasło swojego konta</source>
        <translation>In the “My mail” window an agent can then change the server, login and password of their account</translation>
    </message>
    <message>
        <source>nigdy</source>
        <translation>never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Logowanie do programu</source>
        <translation>Signing in to the program</translation>
    </message>
    <message>
        <source>Konta agentów:</source>
        <translation>Agents&apos; accounts:</translation>
    </message>
    <message>
        <source>Blokada po bezczynności:</source>
        <translation>Lock when not used:</translation>
    </message>
    <message>
        <source>Po tylu minutach bez użycia program ukrywa okna do ponownego wpisania hasła.</source>
        <translation>After this many minutes without use the program hides its windows until the password is typed again.</translation>
    </message>
    <message>
        <source>Pozostałe ustawienia</source>
        <translation>Other settings</translation>
    </message>
    <message>
        <source>Maile wychodzą z adresu firmy przez konto SMTP poniżej — musi ono pozwalać na wysyłkę dla różnych adresów nadawców.</source>
        <translation>E-mails go out from the company&apos;s address through the SMTP account below — it must allow sending for different sender addresses.</translation>
    </message>
    <message>
        <source>Maile wychodzą z adresu agenta: serwer SMTP ustaw każdemu pracownikowi (zakładka „Pracownicy” → Edytuj), a sekcję SMTP poniżej zostaw pustą.</source>
        <translation>E-mails go out from the agent&apos;s address: set an SMTP server for each employee (the “Employees” tab → Edit), and leave the SMTP section below empty.</translation>
    </message>
</context>
<context>
    <name>OwnHistory</name>
    <message>
        <source>Kiedy</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Rodzaj</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Wynik</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Czas</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Historia Twoich testów</source>
        <translation>History of your tests</translation>
    </message>
    <message>
        <source>Nie wysłano jeszcze żadnej wiadomości testowej.</source>
        <translation>No test message has been sent yet.</translation>
    </message>
    <message>
        <source>Pokaż &amp;diagnozę…</source>
        <translation>Show &amp;diagnosis…</translation>
    </message>
    <message>
        <source>logowanie</source>
        <translation>login</translation>
    </message>
    <message>
        <source>wysyłka</source>
        <translation>sending</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Pokaż</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Pokaż lub ukryj wpisane hasło</source>
        <translation>Show or hide the typed password</translation>
    </message>
    <message>
        <source>Pokaż hasło</source>
        <translation>Show password</translation>
    </message>
    <message>
        <source>Usuń hasło</source>
        <translation>Remove password</translation>
    </message>
    <message>
        <source>Usuwa zapisane hasło tego konta po kliknięciu „Zapisz”</source>
        <translation>Removes this account&apos;s saved password when you click “Save”</translation>
    </message>
    <message>
        <source>Ukryj</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Ukryj hasło</source>
        <translation>Hide password</translation>
    </message>
    <message>
        <source>•••••• (pamiętane do zamknięcia programu)</source>
        <translation>•••••• (kept until the program closes)</translation>
    </message>
    <message>
        <source>•••••• (zapisane w pęku kluczy)</source>
        <translation>•••••• (saved in the keychain)</translation>
    </message>
    <message>
        <source>sprawdzam pęk kluczy…</source>
        <translation>checking the keychain…</translation>
    </message>
    <message>
        <source>Hasło zostanie usunięte po kliknięciu „Zapisz”</source>
        <translation>The password will be removed when you click “Save”</translation>
    </message>
    <message>
        <source>Nowe hasło zostanie zapisane w bazie biura, zaszyfrowane kluczem biura, po kliknięciu „Zapisz”</source>
        <translation>The new password will be saved in the office database, encrypted with the office key, when you click “Save”</translation>
    </message>
    <message>
        <source>Nowe hasło zostanie zapisane w pęku kluczy systemu po kliknięciu „Zapisz”</source>
        <translation>The new password will be saved in the system keychain when you click “Save”</translation>
    </message>
</context>
<context>
    <name>PeopleAdmin</name>
    <message>
        <source>brak hasła — nie może się zalogować</source>
        <translation>no password — cannot sign in</translation>
    </message>
    <message>
        <source>zablokowane do {time}</source>
        <translation>locked until {time}</translation>
    </message>
    <message>
        <source>hasło tymczasowe (zmieni przy logowaniu)</source>
        <translation>temporary password (changed at sign-in)</translation>
    </message>
    <message>
        <source>hasło ustawione {when}</source>
        <translation>password set {when}</translation>
    </message>
    <message>
        <source>&amp;Dziennik zdarzeń…</source>
        <translation>&amp;Event log…</translation>
    </message>
    <message>
        <source>Logowania, zmiany haseł i ról oraz każdy zapis ustawień: kto i kiedy</source>
        <translation>Sign-ins, changes of passwords and roles and every save of the settings: who and when</translation>
    </message>
    <message>
        <source>Logowanie</source>
        <translation>Sign-in</translation>
    </message>
</context>
<context>
    <name>PeopleGate</name>
    <message>
        <source>Utwórz konto administratora, potem wpisz dane firmy, pracowników i ustawienia poczty.</source>
        <translation>Create the administrator&apos;s account, then enter the company&apos;s data, the employees and the mail settings.</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>pominięto</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>trwa…</source>
        <translation>running…</translation>
    </message>
    <message>
        <source>trwa… {time}</source>
        <translation>running… {time}</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <source>Jak teraz wychodzi Twoja poczta</source>
        <translation>How your mail leaves now</translation>
    </message>
    <message>
        <source>Konto:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Serwer:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Nadawca (Od):</source>
        <translation>Sender (From):</translation>
    </message>
    <message>
        <source>Odpowiedzi do:</source>
        <translation>Replies to:</translation>
    </message>
    <message>
        <source>Stopka:</source>
        <translation>Footer:</translation>
    </message>
    <message>
        <source>Twoje własne konto SMTP</source>
        <translation>Your own SMTP account</translation>
    </message>
    <message>
        <source>konto firmowe biura</source>
        <translation>the office&apos;s company account</translation>
    </message>
    <message>
        <source>serwer domyślny aplikacji</source>
        <translation>the application&apos;s default server</translation>
    </message>
    <message>
        <source>brak — nie ustawiono żadnego serwera poczty</source>
        <translation>none — no mail server is set</translation>
    </message>
    <message>
        <source>{host}, port {port}, szyfrowanie: {security}</source>
        <translation>{host}, port {port}, encryption: {security}</translation>
    </message>
    <message>
        <source>użytkownik {user}</source>
        <translation>user {user}</translation>
    </message>
    <message>
        <source>(pusta)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Zmień &amp;hasło…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Wyloguj / zmień użytkownika</source>
        <translation>Sign &amp;out / switch user</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>Zalogowano: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>Zapisać je przed wylogowaniem?</source>
        <translation>Save them before signing out?</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Ustawienia firmy</source>
        <translation>Company settings</translation>
    </message>
    <message>
        <source>Narzędzia</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nie zapisano — popraw zaznaczone pola ({count}).</source>
        <translation>Not saved — correct the marked fields ({count}).</translation>
    </message>
    <message>
        <source>Zapisano ustawienia.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>okna ustawień</source>
        <translation>the settings window</translation>
    </message>
    <message>
        <source>Nie zapisano ustawień</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>Nie udało się zapisać ustawień: {reason}</source>
        <translation>Could not save the settings: {reason}</translation>
    </message>
    <message>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Za&amp;mknij</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Na&amp;rzędzia</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Pomo&amp;c</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;O programie</source>
        <translation>&amp;About smtpdesk</translation>
    </message>
</context>
<context>
    <name>ShowOfficeKeyDialog</name>
    <message>
        <source>Kod klucza biura</source>
        <translation>Office key code</translation>
    </message>
    <message>
        <source>Hasła do kont pocztowych są zapisane w bazie biura zaszyfrowane tym kluczem. Wpisz ten kod na każdym komputerze, który dołącza do bazy biura (Narzędzia › Baza danych biura… › Dołącz do istniejącej bazy).</source>
        <translation>The mail account passwords are saved in the office database encrypted with this key. Enter this code on every computer that joins the office database (Tools › Office database… › Join an existing database).</translation>
    </message>
    <message>
        <source>Ten kod jest pokazywany tylko teraz. Zapisz go w bezpiecznym miejscu (np. w sejfie biura albo menedżerze haseł). Kto ma ten kod i dostęp do bazy, może odczytać hasła; bez kodu nikt ich nie odczyta — także Ty, jeśli go zgubisz.</source>
        <translation>This code is shown only now. Keep it in a safe place (e.g. the office safe or a password manager). Whoever has this code and access to the database can read the passwords; without the code nobody can — you included, if you lose it.</translation>
    </message>
    <message>
        <source>&amp;Kopiuj kod</source>
        <translation>&amp;Copy the code</translation>
    </message>
    <message>
        <source>&amp;Zapisałem(-am) ten kod w bezpiecznym miejscu</source>
        <translation>I have &amp;saved this code in a safe place</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Skopiowano</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Logowanie przez {provider}</source>
        <translation>Sign-in with {provider}</translation>
    </message>
    <message>
        <source>W przeglądarce otwiera się strona logowania {provider}. Zaloguj się kontem {account} i zezwól na wysyłanie poczty. To okno zamknie się samo, gdy logowanie się skończy.</source>
        <translation>The {provider} sign-in page opens in the browser. Sign in with the account {account} and allow sending mail. This window closes by itself when the sign-in is done.</translation>
    </message>
    <message>
        <source>tej skrzynki</source>
        <translation>of this mailbox</translation>
    </message>
    <message>
        <source>Czekam na przeglądarkę…</source>
        <translation>Waiting for the browser…</translation>
    </message>
    <message>
        <source>Przeglądarka się nie otworzyła? Skopiuj adres i wklej go do przeglądarki na tym komputerze.</source>
        <translation>The browser did not open? Copy the address and paste it into a browser on this computer.</translation>
    </message>
    <message>
        <source>Kopiuj adres strony logowania</source>
        <translation>Copy the sign-in page address</translation>
    </message>
    <message>
        <source>Otwórz ponownie</source>
        <translation>Open again</translation>
    </message>
    <message>
        <source>Przeglądarka pokazuje błąd zamiast logowania? AADSTS700016 lub „invalid_client”: identyfikator aplikacji jest niepoprawny. AADSTS50011 lub „redirect_uri_mismatch”: w rejestracji brakuje adresu http://localhost. AADSTS90002: nie ma takiej dzierżawy. Popraw to w Narzędzia → Logowanie Microsoft i Google i zaloguj się ponownie.</source>
        <translation>Does the browser show an error instead of the sign-in? AADSTS700016 or “invalid_client”: the application ID is wrong. AADSTS50011 or “redirect_uri_mismatch”: the registration lacks the address http://localhost. AADSTS90002: there is no such tenant. Correct it in Tools → Microsoft and Google sign-in and sign in again.</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Adres skopiowany — wklej go do przeglądarki. Czekam…</source>
        <translation>Address copied — paste it into the browser. Waiting…</translation>
    </message>
    <message>
        <source>Logowanie — smtpdesk</source>
        <translation>Sign in — smtpdesk</translation>
    </message>
    <message>
        <source>Zaloguj się</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Biuro: {office}</source>
        <translation>Office: {office}</translation>
    </message>
    <message>
        <source>adres e-mail z danych pracownika</source>
        <translation>the e-mail address from the employee&apos;s data</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Hasło:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Hasło do programu — nie hasło do poczty.</source>
        <translation>The password for the program — not the one of your mailbox.</translation>
    </message>
    <message>
        <source>&amp;Zaloguj</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Zamknij program</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>Tryb demonstracyjny — przykładowe konta do logowania:</source>
        <translation>Demo mode — sample accounts to sign in with:</translation>
    </message>
    <message>
        <source>Kliknij imię, aby wpisać e-mail i hasło tej osoby.</source>
        <translation>Click a name to fill in that person&apos;s e-mail and password.</translation>
    </message>
    <message>
        <source>Wpisz swój adres e-mail.</source>
        <translation>Type your e-mail address.</translation>
    </message>
    <message>
        <source>Wpisz hasło do programu.</source>
        <translation>Type your password for the program.</translation>
    </message>
    <message>
        <source>Nie udało się sprawdzić hasła: {reason}</source>
        <translation>The password could not be checked: {reason}</translation>
    </message>
</context>
<context>
    <name>SmtpSection</name>
    <message>
        <source>Ustawienia wysyłania poczty (SMTP)</source>
        <translation>Outgoing mail settings (SMTP)</translation>
    </message>
    <message>
        <source>np. smtp.twojadomena.pl</source>
        <translation>e.g. smtp.yourdomain.com</translation>
    </message>
    <message>
        <source>Zalecana wartość to 587 (może też być 25) lub 465 dla serwerów takich jak smtp.gmail.com</source>
        <translation>The recommended value is 587 (25 also possible), or 465 for servers such as smtp.gmail.com</translation>
    </message>
    <message>
        <source>login konta pocztowego, zwykle adres e-mail</source>
        <translation>the mail account&apos;s login, usually the e-mail address</translation>
    </message>
    <message>
        <source>Automatycznie (465 → SSL/TLS, inaczej STARTTLS)</source>
        <translation>Automatic (465 → SSL/TLS, otherwise STARTTLS)</translation>
    </message>
    <message>
        <source>Brak</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Zezwalam (hasło pójdzie otwartym tekstem)</source>
        <translation>Allow (the password goes as plain text)</translation>
    </message>
    <message>
        <source>Bez szyfrowania każdy w sieci między tym komputerem a serwerem może odczytać hasło. Zaznacz tylko dla serwera w sieci biura, który nie obsługuje szyfrowania.</source>
        <translation>Without encryption anyone on the network between this computer and the server can read the password. Tick this only for a server in the office network that does not support encryption.</translation>
    </message>
    <message>
        <source>Zaloguj przez Microsoft</source>
        <translation>Sign in with Microsoft</translation>
    </message>
    <message>
        <source>Zaloguj przez Google</source>
        <translation>Sign in with Google</translation>
    </message>
    <message>
        <source>Loguj hasłem</source>
        <translation>Log in with a password</translation>
    </message>
    <message>
        <source>Wraca do logowania nazwą użytkownika i hasłem</source>
        <translation>Goes back to logging in with a user name and password</translation>
    </message>
    <message>
        <source>Wykryj ustawienia</source>
        <translation>Detect settings</translation>
    </message>
    <message>
        <source>Sprawdza, jakiego serwera używa dostawca poczty tego adresu e-mail; nic nie zmienia bez pytania</source>
        <translation>Checks which server the mail provider of this e-mail address uses; changes nothing without asking</translation>
    </message>
    <message>
        <source>Serwer poczty wychodzącej:</source>
        <translation>Outgoing mail server:</translation>
    </message>
    <message>
        <source>Port serwera poczty wychodzącej:</source>
        <translation>Outgoing mail server port:</translation>
    </message>
    <message>
        <source>Nazwa użytkownika:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Hasło:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Logowanie:</source>
        <translation>Sign-in:</translation>
    </message>
    <message>
        <source>Zabezpieczenie połączenia:</source>
        <translation>Connection security:</translation>
    </message>
    <message>
        <source>Logowanie bez szyfrowania:</source>
        <translation>Login without encryption:</translation>
    </message>
    <message>
        <source>Zalogowano przez {provider} jako {account} — zapisz ustawienia.</source>
        <translation>Signed in with {provider} as {account} — save the settings.</translation>
    </message>
    <message>
        <source>Logowanie przez {provider} (OAuth2) zapisane w pęku kluczy systemu.</source>
        <translation>The sign-in with {provider} (OAuth2) is saved in the system keychain.</translation>
    </message>
    <message>
        <source>Konto loguje się przez {provider}, ale nie ma zapisanego logowania.</source>
        <translation>The account signs in with {provider}, but no sign-in is saved.</translation>
    </message>
    <message>
        <source>Ten dostawca pozwala zalogować się bez hasła do programu — przez przeglądarkę (OAuth2).</source>
        <translation>This provider lets you sign in without giving the program a password — through the browser (OAuth2).</translation>
    </message>
    <message>
        <source>Zaloguj ponownie przez Microsoft</source>
        <translation>Sign in with Microsoft again</translation>
    </message>
    <message>
        <source>Zaloguj ponownie przez Google</source>
        <translation>Sign in with Google again</translation>
    </message>
    <message>
        <source>Nazwa z polskimi znakami — serwer zostanie zapisany jako {ascii}</source>
        <translation>A name with accented letters — the server will be saved as {ascii}</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <source>Otwórz najnowszą dobrą kopię</source>
        <translation>Open the newest good backup</translation>
    </message>
    <message>
        <source>Kopia z {when}. Zmiany zapisane później trzeba będzie wprowadzić ponownie.</source>
        <translation>The backup from {when}. Changes saved later will have to be made again.</translation>
    </message>
    <message>
        <source>Otwórz bez historii testów</source>
        <translation>Open without the test history</translation>
    </message>
    <message>
        <source>Ustawienia i pracownicy zostają; znika tylko uszkodzona historia testów.</source>
        <translation>The settings and employees stay; only the damaged test history goes.</translation>
    </message>
    <message>
        <source>Zacznij od nowa</source>
        <translation>Start afresh</translation>
    </message>
    <message>
        <source>Nowy, pusty plik ustawień. Uszkodzony plik zostanie odłożony obok, nie usunięty.</source>
        <translation>A new, empty settings file. The damaged file is put aside next to it, not deleted.</translation>
    </message>
    <message>
        <source>Zamknij program</source>
        <translation>Close the program</translation>
    </message>
    <message>
        <source>Nic nie zostanie zmienione.</source>
        <translation>Nothing will be changed.</translation>
    </message>
    <message>
        <source>Nic nie zostało usunięte: uszkodzony plik zostanie zachowany pod inną nazwą w tym samym folderze.</source>
        <translation>Nothing was deleted: the damaged file will be kept under another name in the same folder.</translation>
    </message>
    <message>
        <source>Plik ustawień jest uszkodzony</source>
        <translation>The settings file is damaged</translation>
    </message>
    <message>
        <source>Nie można otworzyć bazy biura {where}.</source>
        <translation>Cannot open the office database {where}.</translation>
    </message>
    <message>
        <source>Spróbuj ponownie</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Gdy serwer znów działa albo sieć wróciła.</source>
        <translation>When the server works again or the network is back.</translation>
    </message>
    <message>
        <source>Pracuj na pliku lokalnym</source>
        <translation>Work with the local file</translation>
    </message>
    <message>
        <source>Ten komputer wróci do własnego pliku ustawień; do bazy biura można wrócić w Narzędzia.</source>
        <translation>This computer goes back to its own settings file; you can return to the office database under Tools.</translation>
    </message>
    <message>
        <source>Baza biura jest niedostępna</source>
        <translation>The office database is unavailable</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>Hasło tymczasowe</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Hasło tymczasowe: {name}</source>
        <translation>Temporary password: {name}</translation>
    </message>
    <message>
        <source>Przekaż to hasło osobie {name} ({email}). Przy najbliższym logowaniu program poprosi ją o ustawienie własnego hasła.</source>
        <translation>Give this password to {name} ({email}). At their next sign-in the program asks them to set a password of their own.</translation>
    </message>
    <message>
        <source>&amp;Kopiuj</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Hasło nie jest nigdzie zapisane — po zamknięciu tego okna nie da się go już zobaczyć.</source>
        <translation>The password is not stored anywhere — once this window is closed it cannot be seen again.</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Skopiowano do schowka.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>Testing</name>
    <message>
        <source>Testuj pocztę pracownika…</source>
        <translation>Test the employee&apos;s mail…</translation>
    </message>
    <message>
        <source>Wysyła wiadomość testową tak, jak wyszłaby od zaznaczonego pracownika: to samo konto, nadawca i stopka</source>
        <translation>Sends a test message as it would go out from the selected employee: the same account, sender and footer</translation>
    </message>
    <message>
        <source>Poczta</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Testuj pocztę pracownika</source>
        <translation>Test the employee&apos;s mail</translation>
    </message>
    <message>
        <source>Sprawdź wszystkich</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>Sprawdza logowanie na kontach wszystkich pracowników (F5)</source>
        <translation>Checks the login on the accounts of all employees (F5)</translation>
    </message>
    <message>
        <source>Historia testów…</source>
        <translation>Test history…</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesBox</name>
    <message>
        <source>Niezapisane zmiany</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Wprowadzone zmiany nie zostały zapisane.</source>
        <translation>The changes you made have not been saved.</translation>
    </message>
    <message>
        <source>Zapisać je przed zamknięciem?</source>
        <translation>Save them before closing?</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Odrzuć</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WebsitePage</name>
    <message>
        <source>np. www.twoje-biuro.pl</source>
        <translation>e.g. www.your-office.com</translation>
    </message>
    <message>
        <source>&amp;Adres strony WWW:</source>
        <translation>&amp;Website address:</translation>
    </message>
    <message>
        <source>Adres pojawia się w stopce wysyłanych maili.</source>
        <translation>The address appears in the footer of sent e-mails.</translation>
    </message>
    <message>
        <source>Strona WWW</source>
        <translation>Website</translation>
    </message>
</context>
<context>
    <name>WindowMailTests</name>
    <message>
        <source>Wybierz pracownika</source>
        <translation>Choose an employee</translation>
    </message>
    <message>
        <source>Zaznacz pracownika na liście w zakładce „Pracownicy”, a potem kliknij test.</source>
        <translation>Select an employee in the list on the “Employees” tab, then click the test.</translation>
    </message>
    <message>
        <source>Nie ustawiono serwera poczty.</source>
        <translation>No mail server is set.</translation>
    </message>
    <message>
        <source>Brak serwera poczty</source>
        <translation>No mail server</translation>
    </message>
    <message>
        <source>{name} (przez: {account})</source>
        <translation>{name} (through: {account})</translation>
    </message>
</context>
</TS>
