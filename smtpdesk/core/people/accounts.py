"""The office's people signing in: application passwords, sign-in with lockout, forced changes,
administrators' resets, and the audit records of all of it.

The people are the office's employees; an administrator is an employee with the role ADMIN. A
password is kept only as an Argon2id hash (``hashing``) in ``app_passwords``, beside the time it
was set, whether its owner must change it, and the failed sign-ins in a row. Nobody can read a
password back; an administrator can only replace one with a temporary password.

Every sign-in (successful or not), lockout, password set, change and reset goes into the store's
change log (kinds ``signin`` and ``app_password``) with who and when — never a password or a hash.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa

from smtpdesk.core.i18n import Msg
from smtpdesk.core.model import Employee, OfficeSettings, Role
from smtpdesk.core.people import hashing
from smtpdesk.core.people.clock import Clock, system_clock
from smtpdesk.core.people.rules import (
    HISTORY_DEPTH,
    NOT_CURRENT,
    NOT_RECENT,
    Rule,
    broken_rules,
    problem_text,
)
from smtpdesk.core.store import Actor, Store
from smtpdesk.core.store.tables import app_password_history, app_passwords, employees
from smtpdesk.core.validation import FieldError, normalise_email
from smtpdesk.core.wording import fill

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
TEMPORARY_LENGTH = 12

# Change-log fields of the two event kinds.
SIGNIN = "signin"
SIGNED_IN = "succeeded"
SIGN_IN_FAILED = "failed"
LOCKED_OUT = "locked"
SIGNED_OUT = "signed_out"
IDLE_LOCKED = "idle_locked"
UNLOCKED = "unlocked"
APP_PASSWORD = "app_password"
PASSWORD_SET = "set"
PASSWORD_CHANGED = "changed"
PASSWORD_RESET = "reset"

Failure = Literal["wrong", "locked", "no_password", "unknown"]
ChangeReason = Literal["reset", "expired"]

MSG_WRONG = Msg(pl="Nieprawidłowy e-mail lub hasło.", en="Wrong e-mail address or password.")
MSG_ATTEMPTS_LEFT = Msg(
    pl="Nieprawidłowy e-mail lub hasło. Po jeszcze {left} nieudanych próbach konto zostanie "
    "zablokowane na 5 minut.",
    en="Wrong e-mail address or password. After {left} more failed attempts the account is locked "
    "for 5 minutes.",
)
MSG_LOCKED = Msg(
    pl="Pięć nieudanych prób logowania z rzędu: konto jest zablokowane do {until} (jeszcze {minutes} "
    "min). Spróbuj później albo poproś administratora o nowe hasło.",
    en="Five failed sign-ins in a row: the account is locked until {until} ({minutes} min more). "
    "Try again later or ask the administrator for a new password.",
)
MSG_NO_PASSWORD = Msg(
    pl="Ta osoba nie ma jeszcze hasła do programu. Poproś administratora biura o hasło tymczasowe.",
    en="This person has no password for the program yet. Ask the office administrator for a temporary one.",
)
MSG_WRONG_CURRENT = Msg(pl="Obecne hasło jest nieprawidłowe.", en="The current password is wrong.")
MSG_LAST_ADMIN = Msg(
    pl="W biurze musi zostać co najmniej jeden administrator, który może się zalogować.",
    en="The office must keep at least one administrator who can sign in.",
)
MSG_SELF_REMOVAL = Msg(
    pl="Nie możesz usunąć siebie — zrobi to inny administrator.",
    en="You cannot remove yourself — another administrator can.",
)
MSG_ALREADY_SET_UP = Msg(
    pl="Konto administratora już istnieje — zaloguj się.",
    en="An administrator account exists already — sign in.",
)
MSG_EXPIRED = Msg(
    pl="Twoje hasło ma już {age} dni, a w biurze obowiązuje zmiana hasła co {days} dni "
    "(Ustawienia GIODO). Ustaw nowe hasło, aby kontynuować.",
    en="Your password is {age} days old and the office requires a new one every {days} days "
    "(GIODO settings). Set a new password to continue.",
)
MSG_RESET = Msg(
    pl="Administrator ustawił Ci hasło tymczasowe. Ustaw własne hasło, aby kontynuować.",
    en="The administrator gave you a temporary password. Set your own to continue.",
)


class PeopleError(Exception):
    """A refused request, with the sentence to show."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


class PasswordRejected(PeopleError):
    """A new password breaks ``rules`` (or ``wrong_current``: the current one was mistyped)."""

    def __init__(self, rules: list[Rule], message: Msg) -> None:
        super().__init__(message)
        self.rules = rules


@dataclass(frozen=True)
class PasswordStatus:
    set_at: datetime
    must_change: bool
    failed_attempts: int
    locked_until: datetime | None
    last_sign_in_at: datetime | None


@dataclass(frozen=True)
class SignIn:
    """The answer to a sign-in: ``person`` when it succeeded, else why not."""

    person: Employee | None
    failure: Failure | None = None
    message: Msg | None = None
    locked_until: datetime | None = None
    change_required: ChangeReason | None = None
    change_message: Msg | None = None

    @property
    def ok(self) -> bool:
        return self.person is not None


def _status(row: sa.Row[Any]) -> PasswordStatus:
    return PasswordStatus(
        set_at=row.set_at,
        must_change=bool(row.must_change),
        failed_attempts=int(row.failed_attempts),
        locked_until=row.locked_until,
        last_sign_in_at=row.last_sign_in_at,
    )


def actor_for(person: Employee) -> Actor:
    """How the change log names ``person`` signed in on this desktop."""
    return Actor.for_person(person.full_name, person.email, person.id)


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


class People:
    """The sign-in rules on one store; ``clock`` says what time it is."""

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    # -- who is there -------------------------------------------------------------------------

    def has_any_password(self) -> bool:
        """False in a new (or just upgraded) office: nobody can sign in yet."""
        with self.store._reading() as conn:
            return conn.execute(sa.select(app_passwords.c.employee_id).limit(1)).first() is not None

    def find(self, email: str) -> Employee | None:
        wanted = email.strip().casefold()
        if not wanted:
            return None
        with self.store._reading() as conn:
            row = conn.execute(
                sa.select(employees.c.id)
                .where(sa.func.lower(employees.c.email) == wanted)
                .order_by(employees.c.id)
                .limit(1)
            ).first()
        return self.store.get_employee(int(row.id)) if row is not None else None

    def status(self, employee_id: int) -> PasswordStatus | None:
        with self.store._reading() as conn:
            row = conn.execute(
                sa.select(app_passwords).where(app_passwords.c.employee_id == employee_id)
            ).first()
        return _status(row) if row is not None else None

    def statuses(self) -> dict[int, PasswordStatus]:
        """The password state of everyone who has one, by employee id (one query for a list)."""
        with self.store._reading() as conn:
            return {int(row.employee_id): _status(row) for row in conn.execute(sa.select(app_passwords))}

    def is_locked(self, status: PasswordStatus) -> bool:
        return status.locked_until is not None and self.clock() < status.locked_until

    def with_password(self) -> set[int]:
        """The employees who can sign in."""
        with self.store._reading() as conn:
            return {int(i) for i in conn.execute(sa.select(app_passwords.c.employee_id)).scalars()}

    # -- the first administrator --------------------------------------------------------------

    def create_administrator(
        self, first_name: str, last_name: str, email: str, password: str, *, giodo: bool = False
    ) -> Employee:
        """The office's first account: a new employee with the role ADMIN (or the employee who has
        this address, made an administrator) with ``password``. Only while nobody has a password."""
        if self.has_any_password():
            raise PeopleError(MSG_ALREADY_SET_UP)
        address = normalise_email(email, required=True)
        self._check_new(password, giodo=giodo, first=first_name, last=last_name, email=address, used=[])
        existing = self.find(address)
        person = Employee(
            first_name=" ".join(first_name.split()),
            last_name=" ".join(last_name.split()),
            email=address,
            role=Role.ADMIN,
        )
        if existing is not None:
            person = replace(
                existing, first_name=person.first_name, last_name=person.last_name, role=Role.ADMIN
            )
        previous = self.store.actor
        self.store.actor = Actor.for_person(person.full_name, address, existing.id if existing else None)
        try:
            stored = self.store.save_employee(person, base=existing)
        finally:
            self.store.actor = previous
        assert stored.id is not None
        self._store_password(stored, password, must_change=False, event=PASSWORD_SET, by=stored)
        return stored

    # -- signing in ---------------------------------------------------------------------------

    def sign_in(self, email: str, password: str, *, settings: OfficeSettings | None = None) -> SignIn:
        """Checks ``email`` and ``password``; five failures in a row lock the account for 5 min."""
        person = self.find(email)
        if person is None or person.id is None:
            hashing.spend_like_a_check(password)
            self._event(SIGN_IN_FAILED, "", self._someone(email), {"reason": "unknown"})
            return SignIn(None, "unknown", MSG_WRONG)
        return self.check(person, password, settings=settings)

    def check(self, person: Employee, password: str, *, settings: OfficeSettings | None = None) -> SignIn:
        """The password of a known ``person`` (sign-in, or unlocking after inactivity)."""
        assert person.id is not None
        now = self.clock()
        status = self.status(person.id)
        actor = actor_for(person)
        if status is None:
            self._event(SIGN_IN_FAILED, str(person.id), actor, {"reason": "no_password"})
            return SignIn(None, "no_password", MSG_NO_PASSWORD)
        if status.locked_until is not None and now < status.locked_until:
            self._event(SIGN_IN_FAILED, str(person.id), actor, {"reason": "locked"})
            return self._locked(status.locked_until)
        stored = self._hash(person.id)
        if stored is None or not hashing.verify_password(stored, password):
            return self._failed(person, actor, now)
        with self.store._writing() as conn:
            values: dict[str, object] = {"failed_attempts": 0, "locked_until": None, "last_sign_in_at": now}
            if hashing.needs_rehash(stored):
                values["password_hash"] = hashing.hash_password(password)
            conn.execute(
                sa.update(app_passwords).where(app_passwords.c.employee_id == person.id).values(**values)
            )
            self.store._log(conn, SIGNIN, str(person.id), SIGNED_IN, None, None, now, actor=actor)
        reason, message = self.change_reason(person.id, settings)
        return SignIn(person, change_required=reason, change_message=message)

    def _failed(self, person: Employee, actor: Actor, now: datetime) -> SignIn:
        assert person.id is not None
        with self.store._writing() as conn:
            row = conn.execute(
                sa.select(app_passwords.c.failed_attempts)
                .where(app_passwords.c.employee_id == person.id)
                .with_for_update()
            ).first()
            failures = (int(row.failed_attempts) if row is not None else 0) + 1
            self.store._log(
                conn, SIGNIN, str(person.id), SIGN_IN_FAILED, None, {"reason": "wrong"}, now, actor=actor
            )
            if failures >= MAX_FAILURES:
                until = now + LOCKOUT
                conn.execute(
                    sa.update(app_passwords)
                    .where(app_passwords.c.employee_id == person.id)
                    .values(failed_attempts=0, locked_until=until)
                )
                self.store._log(
                    conn,
                    SIGNIN,
                    str(person.id),
                    LOCKED_OUT,
                    None,
                    {"until": until.isoformat()},
                    now,
                    actor=actor,
                )
                locked = True
            else:
                conn.execute(
                    sa.update(app_passwords)
                    .where(app_passwords.c.employee_id == person.id)
                    .values(failed_attempts=failures)
                )
                locked = False
        if locked:
            return self._locked(until)
        left = MAX_FAILURES - failures
        message = MSG_ATTEMPTS_LEFT if left <= 2 else MSG_WRONG
        return SignIn(None, "wrong", fill(message, left=left))

    def _locked(self, until: datetime) -> SignIn:
        minutes = max(1, int((until - self.clock()).total_seconds() + 59) // 60)
        text = fill(MSG_LOCKED, until=local_time(until), minutes=minutes)
        return SignIn(None, "locked", text, locked_until=until)

    def change_reason(
        self, employee_id: int, settings: OfficeSettings | None
    ) -> tuple[ChangeReason | None, Msg | None]:
        """Whether the person must set a new password right now, and the sentence saying why."""
        status = self.status(employee_id)
        if status is None:
            return None, None
        if status.must_change:
            return "reset", MSG_RESET
        days = settings.giodo.password_change_days if settings is not None else 0
        if days > 0:
            age = (self.clock() - status.set_at).days
            if age >= days:
                return "expired", fill(MSG_EXPIRED, age=age, days=days)
        return None, None

    # -- changing and resetting ---------------------------------------------------------------

    def change_password(
        self, person: Employee, new: str, *, current: str | None = None, giodo: bool = False
    ) -> None:
        """Sets ``person``'s own new password. ``current`` (when given) must be right; the new
        one must follow the rules, including the history ones. PasswordRejected says why not."""
        assert person.id is not None
        stored = self._hash(person.id)
        if current is not None and (stored is None or not hashing.verify_password(stored, current)):
            raise PasswordRejected([], MSG_WRONG_CURRENT)
        self._check_for(person, new, giodo=giodo)
        self._store_password(person, new, must_change=False, event=PASSWORD_CHANGED, by=person)

    def assign_password(self, person: Employee, password: str, *, by: Employee) -> None:
        """Sets ``person``'s password as chosen by ``by`` without the rules (the demo office's
        published sign-ins); anything a person types goes through ``change_password``."""
        if not password:
            raise ValueError("an application password cannot be empty")
        event = PASSWORD_RESET if self.status(person.id or 0) is not None else PASSWORD_SET
        self._store_password(person, password, must_change=False, event=event, by=by)

    def reset_password(self, person: Employee, *, by: Employee) -> str:
        """Gives ``person`` a new random temporary password (returned, to be handed over once),
        which they must change at their next sign-in; ends a lockout."""
        assert person.id is not None
        temporary = temporary_password()
        event = PASSWORD_RESET if self.status(person.id) is not None else PASSWORD_SET
        self._store_password(person, temporary, must_change=True, event=event, by=by)
        return temporary

    def password_problems(self, person: Employee, new: str, *, giodo: bool) -> list[Rule]:
        """Every rule ``new`` breaks for ``person``, the history included."""
        try:
            self._check_for(person, new, giodo=giodo)
        except PasswordRejected as rejected:
            return rejected.rules
        return []

    def _check_for(self, person: Employee, new: str, *, giodo: bool) -> None:
        assert person.id is not None
        self._check_new(
            new,
            giodo=giodo,
            first=person.first_name,
            last=person.last_name,
            email=person.email,
            used=self._recent_hashes(person.id, HISTORY_DEPTH if giodo else 1),
        )

    # -- administrators -----------------------------------------------------------------------

    def guard_administrators(self, employee_id: int, *, new_role: Role | None, by: Employee | None) -> None:
        """Refuses (PeopleError) a role change or a removal (``new_role`` None) that would leave the
        office without an administrator who can sign in, and removing oneself."""
        if new_role is None and by is not None and by.id == employee_id:
            raise PeopleError(MSG_SELF_REMOVAL)
        if new_role is Role.ADMIN:
            return
        can_sign_in = self.with_password()
        admins = [
            e.id
            for e in self.store.list_employees()
            if e.role is Role.ADMIN and e.id in can_sign_in and e.id != employee_id
        ]
        target = self.store.get_employee(employee_id)
        if target is not None and target.role is Role.ADMIN and not admins:
            raise PeopleError(MSG_LAST_ADMIN)

    # -- events -------------------------------------------------------------------------------

    def record(self, field: str, person: Employee) -> None:
        """A sign-out, an inactivity lock or an unlock of ``person`` on this desktop."""
        self._event(field, str(person.id), actor_for(person), None)

    def _event(self, field: str, subject: str, actor: Actor, detail: object) -> None:
        with self.store._writing() as conn:
            self.store._log(conn, SIGNIN, subject, field, None, detail, self.clock(), actor=actor)

    def _someone(self, typed: str) -> Actor:
        """Who tried to sign in with an address nobody has: the address when it is one (so a
        password typed into the address field by mistake is never recorded)."""
        try:
            address = normalise_email(typed, required=True)
        except FieldError:
            address = ""
        return Actor.of_this_desktop(address or "?")

    # -- storage ------------------------------------------------------------------------------

    def _hash(self, employee_id: int) -> str | None:
        with self.store._reading() as conn:
            value = conn.execute(
                sa.select(app_passwords.c.password_hash).where(app_passwords.c.employee_id == employee_id)
            ).scalar()
        return str(value) if value is not None else None

    def _recent_hashes(self, employee_id: int, depth: int) -> list[str]:
        with self.store._reading() as conn:
            return [
                str(h)
                for h in conn.execute(
                    sa.select(app_password_history.c.password_hash)
                    .where(app_password_history.c.employee_id == employee_id)
                    .order_by(app_password_history.c.id.desc())
                    .limit(depth)
                ).scalars()
            ]

    def _check_new(
        self, password: str, *, giodo: bool, first: str, last: str, email: str, used: list[str]
    ) -> None:
        broken = broken_rules(password, giodo=giodo, first_name=first, last_name=last, email=email)
        if not broken and any(hashing.verify_password(old, password) for old in used):
            broken.append(NOT_RECENT if giodo else NOT_CURRENT)
        if broken:
            raise PasswordRejected(broken, problem_text(broken[0], password))

    def _store_password(
        self, person: Employee, password: str, *, must_change: bool, event: str, by: Employee
    ) -> None:
        assert person.id is not None
        digest = hashing.hash_password(password)
        now = self.clock()
        values = {
            "password_hash": digest,
            "set_at": now,
            "must_change": must_change,
            "failed_attempts": 0,
            "locked_until": None,
        }
        with self.store._writing() as conn:
            updated = conn.execute(
                sa.update(app_passwords).where(app_passwords.c.employee_id == person.id).values(**values)
            )
            if updated.rowcount == 0:
                conn.execute(sa.insert(app_passwords).values(employee_id=person.id, **values))
            conn.execute(
                sa.insert(app_password_history).values(
                    employee_id=person.id, password_hash=digest, set_at=now
                )
            )
            keep = (
                sa.select(app_password_history.c.id)
                .where(app_password_history.c.employee_id == person.id)
                .order_by(app_password_history.c.id.desc())
                .limit(HISTORY_DEPTH)
                .scalar_subquery()
            )
            conn.execute(
                sa.delete(app_password_history).where(
                    app_password_history.c.employee_id == person.id,
                    app_password_history.c.id.not_in(keep),
                )
            )
            self.store._log(conn, APP_PASSWORD, str(person.id), event, None, None, now, actor=actor_for(by))


def temporary_password() -> str:
    """12 random characters that pass every rule: letters of both cases and digits, without the
    ones easy to mix up when read aloud or copied by hand (0/O, 1/l/I)."""
    letters = [c for c in string.ascii_letters if c not in "OlI"]
    digits = [c for c in string.digits if c not in "01"]
    alphabet = letters + digits
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(TEMPORARY_LENGTH))
        if (
            any(c.isupper() for c in candidate)
            and any(c.islower() for c in candidate)
            and any(c.isdigit() for c in candidate)
        ):
            return candidate
