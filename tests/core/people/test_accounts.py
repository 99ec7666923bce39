"""Application passwords on both backends: the first administrator, sign-in, lockout with its
survival across a restart, forced changes, resets, and the administrators who must remain."""

from __future__ import annotations

import pytest

from smtpdesk.core.model import Employee, Giodo, OfficeSettings, Role
from smtpdesk.core.people import hashing
from smtpdesk.core.people.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    PasswordRejected,
    People,
    PeopleError,
)
from smtpdesk.core.people.rules import NOT_CURRENT, NOT_RECENT
from smtpdesk.core.store import Store
from tests.fixtures.people import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    AGENT_EMAIL,
    AGENT_PASSWORD,
    add_staff,
)


def events(store: Store) -> list[tuple[str, str, str]]:
    return [
        (r.kind, r.subject, r.field) for r in store.changes_after(0) if r.kind in ("signin", "app_password")
    ]


def test_the_first_administrator_is_an_employee_with_a_hashed_password(any_store, clock):
    people = People(any_store, clock)
    assert not people.has_any_password()

    admin = people.create_administrator(" Katarzyna ", "Nowicka", "Katarzyna@Biuro.test", ADMIN_PASSWORD)

    assert admin.role is Role.ADMIN and admin.email == "Katarzyna@biuro.test"  # the domain in lower case
    assert any_store.list_employees() == [admin]
    status = people.status(admin.id)
    assert status is not None and status.set_at == clock.now and not status.must_change
    with any_store._reading() as conn:
        [stored] = conn.exec_driver_sql("SELECT password_hash FROM app_passwords").scalars()
    assert stored.startswith("$argon2id$v=19$m=47104,t=1,p=1$") and ADMIN_PASSWORD not in stored
    assert ("app_password", str(admin.id), "set") in events(any_store)
    with pytest.raises(PeopleError):  # only while nobody can sign in
        people.create_administrator("Ktoś", "Inny", "inny@biuro.test", ADMIN_PASSWORD)


def test_an_existing_employee_becomes_the_administrator(store, clock):
    existing = store.save_employee(Employee(first_name="Kasia", last_name="N", email=ADMIN_EMAIL))
    admin = People(store, clock).create_administrator("Katarzyna", "Nowicka", ADMIN_EMAIL, ADMIN_PASSWORD)
    assert admin.id == existing.id and admin.role is Role.ADMIN and admin.full_name == "Katarzyna Nowicka"
    assert len(store.list_employees()) == 1


def test_sign_in_succeeds_with_the_right_password_in_any_letter_case_of_the_address(any_store, clock):
    staff = add_staff(any_store, clock)
    answer = staff.people.sign_in(" ANNA@biuro.test ", AGENT_PASSWORD)
    assert answer.ok and answer.person == staff.agent and answer.change_required is None
    assert events(any_store)[-1] == ("signin", str(staff.agent.id), "succeeded")
    assert staff.people.status(staff.agent.id).last_sign_in_at == clock.now


def test_a_wrong_password_or_an_unknown_address_gets_the_same_answer(any_store, clock):
    staff = add_staff(any_store, clock)
    wrong = staff.people.sign_in(AGENT_EMAIL, "Zle-Haslo-123")
    unknown = staff.people.sign_in("nikt@biuro.test", AGENT_PASSWORD)
    assert not wrong.ok and not unknown.ok
    assert wrong.message.pl == unknown.message.pl == "Nieprawidłowy e-mail lub hasło."
    log = any_store.changes_after(0)
    assert [r.new for r in log if r.field == "failed"] == [{"reason": "wrong"}, {"reason": "unknown"}]
    assert log[-1].actor.startswith("nikt@biuro.test")


def test_a_password_typed_into_the_address_field_is_never_recorded(store, clock):
    staff = add_staff(store, clock)
    staff.people.sign_in(AGENT_PASSWORD, AGENT_PASSWORD)
    assert AGENT_PASSWORD not in repr(store.changes_after(0))


def test_five_failures_in_a_row_lock_the_account_for_five_minutes_across_a_restart(open_store, clock):
    first = open_store()
    staff = add_staff(first, clock)
    answers = [staff.people.sign_in(AGENT_EMAIL, f"Zle-Haslo-{n}") for n in range(MAX_FAILURES)]
    assert [a.failure for a in answers] == ["wrong"] * 4 + ["locked"]
    assert "Po jeszcze 2 nieudanych próbach" in answers[2].message.pl
    assert answers[-1].locked_until == clock.now + LOCKOUT
    assert "konto jest zablokowane do" in answers[-1].message.pl and "jeszcze 5 min" in answers[-1].message.pl
    first.close()

    again = People(open_store(), clock)  # another start of the program
    clock.advance(minutes=4)
    locked = again.sign_in(AGENT_EMAIL, AGENT_PASSWORD)  # even the right password waits
    assert locked.failure == "locked" and "jeszcze 1 min" in locked.message.pl
    clock.advance(minutes=1)
    assert again.sign_in(AGENT_EMAIL, AGENT_PASSWORD).ok
    assert ("signin", str(staff.agent.id), "locked") in events(again.store)


def test_a_success_starts_the_count_of_failures_anew(store, clock):
    staff = add_staff(store, clock)
    for _ in range(MAX_FAILURES - 1):
        staff.people.sign_in(AGENT_EMAIL, "Zle-Haslo-1")
    assert staff.people.sign_in(AGENT_EMAIL, AGENT_PASSWORD).ok
    for _ in range(MAX_FAILURES - 1):
        assert staff.people.sign_in(AGENT_EMAIL, "Zle-Haslo-1").failure == "wrong"


def test_an_employee_without_a_password_is_told_to_ask_the_administrator(store, clock):
    staff = add_staff(store, clock)
    store.save_employee(Employee(first_name="Ewa", last_name="K", email="ewa@biuro.test"))
    answer = staff.people.sign_in("ewa@biuro.test", "cokolwiek")
    assert answer.failure == "no_password" and "hasło tymczasowe" in answer.message.pl


def test_a_reset_gives_a_temporary_password_that_must_be_changed_and_ends_a_lockout(any_store, clock):
    staff = add_staff(any_store, clock)
    for _ in range(MAX_FAILURES):
        staff.people.sign_in(AGENT_EMAIL, "Zle-Haslo-1")
    temporary = staff.people.reset_password(staff.agent, by=staff.admin)

    assert len(temporary) == 12
    answer = staff.people.sign_in(AGENT_EMAIL, temporary)
    assert answer.ok and answer.change_required == "reset"
    assert "hasło tymczasowe" in answer.change_message.pl
    reset = [r for r in any_store.changes_after(0) if r.field == "reset"]
    assert reset[0].actor.startswith("Katarzyna Nowicka <katarzyna@biuro.test>")
    assert reset[0].person_id == staff.admin.id and reset[0].subject == str(staff.agent.id)

    staff.people.change_password(staff.agent, "Nowe-Haslo-Anny-9")
    assert staff.people.sign_in(AGENT_EMAIL, "Nowe-Haslo-Anny-9").change_required is None


def test_a_password_older_than_the_giodo_days_must_be_changed(store, clock):
    staff = add_staff(store, clock)
    settings = OfficeSettings(giodo=Giodo(password_change_days=30))
    clock.advance(days=29, hours=23)
    assert staff.people.sign_in(AGENT_EMAIL, AGENT_PASSWORD, settings=settings).change_required is None
    clock.advance(hours=1)
    answer = staff.people.sign_in(AGENT_EMAIL, AGENT_PASSWORD, settings=settings)
    assert answer.change_required == "expired"
    assert answer.change_message.pl.startswith(
        "Twoje hasło ma już 30 dni, a w biurze obowiązuje zmiana hasła co 30"
    )
    off = OfficeSettings(giodo=Giodo(password_change_days=0))
    clock.advance(days=1000)
    assert staff.people.sign_in(AGENT_EMAIL, AGENT_PASSWORD, settings=off).change_required is None


def test_a_change_needs_the_right_current_password(store, clock):
    staff = add_staff(store, clock)
    with pytest.raises(PasswordRejected) as rejected:
        staff.people.change_password(staff.agent, "Nowe-Haslo-Anny-9", current="Zle-Haslo-1")
    assert rejected.value.message.pl == "Obecne hasło jest nieprawidłowe."
    staff.people.change_password(staff.agent, "Nowe-Haslo-Anny-9", current=AGENT_PASSWORD)
    assert staff.people.sign_in(AGENT_EMAIL, "Nowe-Haslo-Anny-9").ok


def test_with_giodo_a_new_password_differs_from_the_last_five(store, clock):
    staff = add_staff(store, clock)
    used = [AGENT_PASSWORD] + [f"Kolejne-Haslo-{n}" for n in range(4)]
    for password in used[1:]:
        staff.people.change_password(staff.agent, password, giodo=True)
    for password in used:
        with pytest.raises(PasswordRejected) as rejected:
            staff.people.change_password(staff.agent, password, giodo=True)
        assert rejected.value.rules == [NOT_RECENT]
        assert rejected.value.message.pl == "To hasło było już używane. Wybierz inne niż 5 poprzednich."
    staff.people.change_password(staff.agent, "Kolejne-Haslo-5", giodo=True)
    staff.people.change_password(staff.agent, AGENT_PASSWORD, giodo=True)  # the sixth back is allowed


def test_without_giodo_only_the_current_password_cannot_be_kept(store, clock):
    staff = add_staff(store, clock)
    with pytest.raises(PasswordRejected) as rejected:
        staff.people.change_password(staff.agent, AGENT_PASSWORD)
    assert rejected.value.rules == [NOT_CURRENT]
    assert staff.people.password_problems(staff.agent, "password1", giodo=False)[0].code == "not_common"


def test_the_last_administrator_who_can_sign_in_stays(store, clock):
    staff = add_staff(store, clock)
    with pytest.raises(PeopleError) as error:
        staff.people.guard_administrators(staff.admin.id, new_role=Role.AGENT, by=staff.admin)
    assert "co najmniej jeden administrator" in error.value.message.pl
    with pytest.raises(PeopleError):
        staff.people.guard_administrators(staff.admin.id, new_role=None, by=staff.agent)
    with pytest.raises(PeopleError) as error:
        staff.people.guard_administrators(staff.agent.id, new_role=None, by=staff.agent)
    assert "siebie" in error.value.message.pl
    staff.people.guard_administrators(staff.agent.id, new_role=None, by=staff.admin)
    # A second administrator with a password: now the first may become an agent.
    second = store.save_employee(
        Employee(first_name="Jan", last_name="B", email="jan@biuro.test", role=Role.ADMIN)
    )
    with pytest.raises(PeopleError):  # the second one cannot sign in yet
        staff.people.guard_administrators(staff.admin.id, new_role=Role.AGENT, by=staff.admin)
    staff.people.reset_password(second, by=staff.admin)
    staff.people.guard_administrators(staff.admin.id, new_role=Role.AGENT, by=staff.admin)


def test_removing_an_employee_removes_their_password(any_store, clock):
    staff = add_staff(any_store, clock)
    any_store.delete_employee(staff.agent.id)
    assert staff.people.status(staff.agent.id) is None
    with any_store._reading() as conn:
        left = conn.exec_driver_sql(
            f"SELECT count(*) FROM app_password_history WHERE employee_id = {staff.agent.id}"
        )
        assert left.scalar() == 0


def test_a_hash_made_with_weaker_parameters_is_replaced_at_the_next_sign_in(store, clock):
    from argon2 import PasswordHasher

    staff = add_staff(store, clock)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(AGENT_PASSWORD)
    with store._writing() as conn:
        conn.exec_driver_sql(
            "UPDATE app_passwords SET password_hash = ? WHERE employee_id = ?", (weak, staff.agent.id)
        )
    assert staff.people.sign_in(AGENT_EMAIL, AGENT_PASSWORD).ok
    assert not hashing.needs_rehash(staff.people._hash(staff.agent.id))


def test_a_damaged_hash_signs_nobody_in(store, clock):
    staff = add_staff(store, clock)
    with store._writing() as conn:
        conn.exec_driver_sql("UPDATE app_passwords SET password_hash = 'zepsute'")
    assert staff.people.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).failure == "wrong"
