"""Rules about the accounts' passwords in the system keychain."""

from __future__ import annotations

from collections.abc import Iterator

from smtpdesk.core.doctor.context import (
    AccountRef,
    Context,
    cap,
    for_account,
)
from smtpdesk.core.doctor.findings import (
    SUBJECT_APP,
    Finding,
    Severity,
)
from smtpdesk.core.i18n import Msg
from smtpdesk.core.secrets import SecretState
from smtpdesk.core.wording import (
    fill,
)

# --- passwords ------------------------------------------------------------------------------------


def passwords(ctx: Context) -> Iterator[Finding]:
    locked: list[AccountRef] = []
    unavailable: list[AccountRef] = []
    session: list[AccountRef] = []
    for ref in ctx.accounts():
        if not ref.account.username or ref.key is None:
            continue
        state = ctx.secrets.state(ref.key)
        if state is SecretState.MISSING:
            yield for_account(
                "password_missing",
                Severity.ERROR if ctx.in_use(ref) else Severity.INFO,
                ref,
                Msg(pl="Brak hasła w pęku kluczy", en="Password missing from the keychain"),
                cap(
                    fill(
                        Msg(
                            pl=(
                                "{account} ({login} na {host}) ma zapisany serwer i login, ale w pęku "
                                "kluczy systemu nie ma jego hasła, więc logowanie się nie uda. Wpisz hasło "
                                "ponownie ({place}) i zapisz."
                            ),
                            en=(
                                "{account} ({login} on {host}) has a server and login saved, but the "
                                "system keychain holds no password for it, so logging in will fail. Enter "
                                "the password again ({place}) and save."
                            ),
                        ),
                        account=ref.label,
                        login=ref.account.username,
                        host=ref.account.host,
                        place=ref.place,
                    )
                ),
            )
        elif state is SecretState.LOCKED:
            locked.append(ref)
        elif state is SecretState.UNAVAILABLE:
            unavailable.append(ref)
        elif state is SecretState.SESSION_ONLY and not ctx.session_only:
            session.append(ref)
    yield from _keychain_findings(locked, unavailable, session)


def _labels(refs: list[AccountRef]) -> Msg:
    return Msg(pl=", ".join(r.label.pl for r in refs), en=", ".join(r.label.en for r in refs))


def _keychain_findings(
    locked: list[AccountRef], unavailable: list[AccountRef], session: list[AccountRef]
) -> Iterator[Finding]:
    if locked:
        yield Finding(
            "keychain_locked",
            Severity.WARNING,
            SUBJECT_APP,
            Msg(pl="Pęk kluczy systemu jest zablokowany", en="The system keychain is locked"),
            fill(
                Msg(
                    pl=(
                        "Nie da się odczytać haseł: {accounts}. Odblokuj pęk kluczy (np. zaloguj się "
                        "ponownie do systemu) i sprawdź jeszcze raz."
                    ),
                    en=(
                        "The passwords cannot be read: {accounts}. Unlock the keychain (e.g. sign in to "
                        "the system again) and check again."
                    ),
                ),
                accounts=_labels(locked),
            ),
        )
    if unavailable:
        yield Finding(
            "keychain_unavailable",
            Severity.WARNING,
            SUBJECT_APP,
            Msg(pl="Brak pęku kluczy systemu", en="No system keychain"),
            fill(
                Msg(
                    pl=(
                        "Na tym komputerze nie działa pęk kluczy, więc hasła nie są zapamiętane: "
                        "{accounts}. Wpisane hasło będzie pamiętane tylko do zamknięcia programu."
                    ),
                    en=(
                        "This computer has no working keychain, so no password is kept for: {accounts}. "
                        "A password you enter is kept only until the program closes."
                    ),
                ),
                accounts=_labels(unavailable),
            ),
        )
    if session:
        yield Finding(
            "password_session_only",
            Severity.INFO,
            SUBJECT_APP,
            Msg(
                pl="Hasła zapamiętane tylko do zamknięcia programu",
                en="Passwords kept only until the program closes",
            ),
            fill(
                Msg(
                    pl=(
                        "Pęk kluczy systemu nie działa, więc hasła są tylko w pamięci programu: {accounts}. "
                        "Po ponownym uruchomieniu trzeba je wpisać jeszcze raz."
                    ),
                    en=(
                        "The system keychain does not work, so these passwords are only in the program's "
                        "memory: {accounts}. After a restart they must be entered again."
                    ),
                ),
                accounts=_labels(session),
            ),
        )
