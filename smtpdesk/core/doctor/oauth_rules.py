"""Microsoft 365 accounts that still log in with a password.

Microsoft switches password sign-in for SMTP client submission (basic authentication) off by
default for existing Microsoft 365 organisations at the end of December 2026 and announces its
final removal for 2027; such an account's test mails then fail with "550 5.7.30 Basic
authentication is not supported for Client Submission". The fix signs the account in with
Microsoft (an interactive step, so the window carries it out, not ``apply_fix``).
"""

from __future__ import annotations

from collections.abc import Iterator

from smtpdesk.core.doctor.context import Context, cap, for_account
from smtpdesk.core.doctor.findings import DoctorFix, DoctorFixKind, Finding, Severity
from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import AuthMethod
from smtpdesk.core.wording import fill

MICROSOFT_365_HOSTS = ("smtp.office365.com", "smtp-mail.outlook.com", "smtp.outlook.office365.com")

_TITLE = Msg(
    pl="Microsoft 365 wyłącza logowanie hasłem — przejdź na „Zaloguj przez Microsoft”",
    en="Microsoft 365 is switching off password sign-in — move to “Sign in with Microsoft”",
)
_TEXT = Msg(
    pl=(
        "{account} ({login} na {host}) loguje się hasłem. Od końca grudnia 2026 r. Microsoft domyślnie "
        "wyłącza logowanie hasłem do wysyłania poczty z programów (SMTP AUTH) w istniejących organizacjach "
        "Microsoft 365, a w 2027 r. usuwa je całkiem — serwer odpowie wtedy „550 5.7.30 Basic authentication "
        "is not supported for Client Submission” i poczta przestanie wychodzić. Zaloguj to konto przez "
        "Microsoft (OAuth2), a hasło przestanie być potrzebne."
    ),
    en=(
        "{account} ({login} on {host}) logs in with a password. From the end of December 2026 Microsoft "
        "switches password sign-in for sending from programs (SMTP AUTH) off by default in existing "
        "Microsoft 365 organisations and removes it for good in 2027 — the server will then answer “550 "
        "5.7.30 Basic authentication is not supported for Client Submission” and mail will stop going out. "
        "Sign this account in with Microsoft (OAuth2) and the password is no longer needed."
    ),
)
_FIX = Msg(pl="Zaloguj przez Microsoft", en="Sign in with Microsoft")


def is_microsoft_365(host: str) -> bool:
    return host.strip().lower().rstrip(".") in MICROSOFT_365_HOSTS


def microsoft_password_sign_in(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.accounts():
        account = ref.account
        if account.auth_method is not AuthMethod.PASSWORD or not account.username:
            continue
        if not is_microsoft_365(account.host):
            continue
        fix = DoctorFix(DoctorFixKind.SIGN_IN_MICROSOFT, _FIX, {"method": AuthMethod.OAUTH_MICROSOFT.value})
        text = cap(fill(_TEXT, account=ref.label, login=account.username, host=account.host))
        yield for_account("microsoft_password_sign_in", Severity.WARNING, ref, _TITLE, text, fix)
