"""The office key: a code people can type, AES-GCM with a fresh nonce per value, bound to its
office and account."""

from __future__ import annotations

import pytest

from smtpdesk.core.store.office_key import CODE_LENGTH, OfficeKey, OfficeKeyError


def test_the_code_is_eight_groups_of_four_and_gives_the_same_key_back() -> None:
    key = OfficeKey.generate()
    code = key.code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4] * 8
    assert sum(len(g) for g in groups) == CODE_LENGTH
    assert OfficeKey.from_code(code) == key


def test_a_code_may_be_typed_loosely() -> None:
    key = OfficeKey.generate()
    code = key.code()
    loose = " ".join(code.lower().split("-")).replace("0", "o").replace("1", "l")
    assert OfficeKey.from_code(loose) == key


@pytest.mark.parametrize(
    ("mangle", "expected"),
    [
        (lambda c: c[:-5], "ma 32 znaki"),
        (lambda c: c[:10] + "U" + c[11:], "znak 'U'"),
        (lambda c: c[:10] + ("2" if c[10] != "2" else "3") + c[11:], "literówkę"),
    ],
    ids=["too short", "foreign character", "typo"],
)
def test_a_mistyped_code_says_what_is_wrong(mangle, expected: str) -> None:
    code = OfficeKey.generate().code()
    with pytest.raises(OfficeKeyError) as caught:
        OfficeKey.from_code(mangle(code))
    assert expected in caught.value.message.pl


def test_each_value_gets_a_fresh_nonce_and_is_bound_to_its_office_and_account() -> None:
    key = OfficeKey.generate()
    first = key.encrypt("office-1", "smtp:company", "Hasło-Łódź")
    second = key.encrypt("office-1", "smtp:company", "Hasło-Łódź")
    assert first[0] != second[0] and first[1] != second[1]
    assert key.decrypt("office-1", "smtp:company", *first) == "Hasło-Łódź"
    # Copied onto another account, or into another office, it does not open.
    assert key.decrypt("office-1", "smtp:employee:7", *first) is None
    assert key.decrypt("office-2", "smtp:company", *first) is None
    assert OfficeKey.generate().decrypt("office-1", "smtp:company", *first) is None
    assert b"Has" not in first[1]


def test_the_check_value_tells_the_right_key_from_another() -> None:
    key = OfficeKey.generate()
    check = key.check_value("office-1")
    assert key.opens("office-1", check)
    assert not OfficeKey.generate().opens("office-1", check)
    assert not key.opens("office-2", check)
    assert not key.opens("office-1", "nie-base64!")
