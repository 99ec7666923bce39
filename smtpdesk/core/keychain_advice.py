"""What to do about the keychain on this computer, in the user's words.

One place for the three states a password can be missing for — nothing saved, no keychain at
all, a locked keychain — and for the advice that names what to install or unlock on this kind of
system. Windows Credential Manager and the macOS Keychain are always part of the system; a Linux
desktop needs a Secret Service (GNOME Keyring or KWallet) running in the session.
"""

from __future__ import annotations

import sys

from smtpdesk.core.i18n import Lang, Msg
from smtpdesk.core.secrets import SecretState, describe_state

_NO_KEYCHAIN: dict[str, Msg] = {
    "linux": Msg(
        pl="Zainstaluj usługę pęku kluczy Secret Service — GNOME Keyring (pakiet gnome-keyring) albo "
        "KWallet (pakiet kwalletmanager) — i zaloguj się ponownie do sesji graficznej; potem wpisz "
        "hasło jeszcze raz i kliknij „Zapisz”.",
        en="Install a Secret Service keychain — GNOME Keyring (package gnome-keyring) or KWallet "
        "(package kwalletmanager) — and sign in to the desktop session again; then enter the password "
        "once more and click “Save”.",
    ),
    "win32": Msg(
        pl="Menedżer poświadczeń Windows nie odpowiada: uruchom ponownie komputer; jeśli to nie pomoże, "
        "sprawdź w „Usługach”, czy działa usługa „Menedżer poświadczeń”.",
        en="Windows Credential Manager does not answer: restart the computer; if that does not help, "
        "check in “Services” that the “Credential Manager” service is running.",
    ),
    "darwin": Msg(
        pl="Pęk kluczy macOS nie odpowiada: otwórz „Dostęp do pęku kluczy” i sprawdź, czy istnieje pęk "
        "„login” (Pierwsza pomoc pęku kluczy naprawi go), potem uruchom program ponownie.",
        en="The macOS Keychain does not answer: open “Keychain Access” and check that the “login” "
        "keychain exists (Keychain First Aid repairs it), then start the program again.",
    ),
}

_LOCKED: dict[str, Msg] = {
    "linux": Msg(
        pl="Odblokuj pęk kluczy (GNOME Keyring lub KWallet) — zwykle wystarczy wylogować się i zalogować "
        "ponownie do sesji graficznej albo odblokować go w programie „Hasła i klucze” (seahorse).",
        en="Unlock the keychain (GNOME Keyring or KWallet) — signing out and in to the desktop session "
        "usually does it, or unlock it in “Passwords and Keys” (seahorse).",
    ),
    "win32": Msg(
        pl="Zaloguj się ponownie do Windows, aby Menedżer poświadczeń znów był dostępny.",
        en="Sign in to Windows again so that Credential Manager is available again.",
    ),
    "darwin": Msg(
        pl="Odblokuj pęk „login” w programie „Dostęp do pęku kluczy” (albo zaloguj się ponownie do macOS).",
        en="Unlock the “login” keychain in “Keychain Access” (or sign in to macOS again).",
    ),
}


def _system(platform: str | None) -> str:
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"


def no_keychain_advice(platform: str | None = None) -> Msg:
    """What to install or start so this computer has a keychain."""
    return _NO_KEYCHAIN[_system(platform)]


def locked_advice(platform: str | None = None) -> Msg:
    return _LOCKED[_system(platform)]


def keychain_advice(state: str, platform: str | None = None) -> Msg | None:
    """The advice for a password ``state`` (a SecretState value); None when the keychain is fine."""
    if state in (SecretState.UNAVAILABLE.value, SecretState.SESSION_ONLY.value):
        return no_keychain_advice(platform)
    if state == SecretState.LOCKED.value:
        return locked_advice(platform)
    return None


def state_sentence(state: SecretState, lang: Lang | None = None, platform: str | None = None) -> str:
    """The line under a password field: where the password is and, if needed, what to do."""
    text = describe_state(state).text(lang)
    advice = keychain_advice(state.value, platform)
    return f"{text}. {advice.text(lang)}" if advice is not None else text
