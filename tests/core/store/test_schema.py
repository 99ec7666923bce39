"""The schema's fast row reader gives exactly what ``from_db`` gives, for every field and any value
a column might hold (including ones written by hand or by another program)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from smtpdesk.core.model import Employee, Role, Security, SmtpAccount
from smtpdesk.core.store.schema import ACCOUNT_FIELDS, EMPLOYEE_FIELDS, SETTINGS_KEYS, Field, field_for

FIELDS: list[Field] = [*EMPLOYEE_FIELDS, *ACCOUNT_FIELDS, *(field_for(key) for key in SETTINGS_KEYS)]
DEFAULTS: list[Any] = ["", 587, False, None, b"", Role.AGENT, Security.AUTO]

raw_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=20),
    st.sampled_from([m.value for m in Role] + [m.value for m in Security] + ["tls13", "dużo"]),
    st.sampled_from(list(Role) + list(Security)),
)


@given(field=st.sampled_from(FIELDS), raw=raw_values, default=st.sampled_from(DEFAULTS))
def test_the_reader_reads_like_from_db(field: Field, raw: Any, default: Any) -> None:
    expected = field.from_db(raw, default)
    got = field.reader(default)(raw)
    assert got == expected
    assert type(got) is type(expected)


def test_readers_keep_the_models_defaults_for_values_a_column_should_not_hold() -> None:
    role = next(f for f in EMPLOYEE_FIELDS if f.attr == "role")
    port = next(f for f in ACCOUNT_FIELDS if f.attr == "port")
    assert role.reader(Employee().role)("boss") is Role.AGENT
    assert role.reader(Employee().role)("admin") is Role.ADMIN
    assert port.reader(SmtpAccount().port)("dużo") == 587
    assert port.reader(SmtpAccount().port)(True) == 587
