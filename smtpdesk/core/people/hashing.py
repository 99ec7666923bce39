"""Application passwords are stored only as Argon2id hashes (argon2-cffi's ``PasswordHasher``).

Parameters: Argon2id, 46 MiB of memory, 1 pass, 1 lane, 16-byte random salt, 32-byte hash — the
first Argon2id setting of the OWASP Password Storage Cheat Sheet. Why: the memory makes every guess
of someone who copied the database cost 46 MiB, which is what stops graphics cards and special
chips from trying billions of guesses a second (as they do against SHA-256 or MD5); one lane,
because an office desktop has two cores and the person waits for the check; one pass, because at
this memory it already takes about 0.1–0.2 s on such a desktop — a pause nobody minds at sign-in,
and a wall for mass guessing. The parameters are stored in each hash, so a later version can raise
them: a hash made with weaker ones is replaced at its owner's next successful sign-in.
"""

from __future__ import annotations

import threading

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MEMORY_KIB = 47104  # 46 MiB
TIME_COST = 1
PARALLELISM = 1
SALT_BYTES = 16
HASH_BYTES = 32
PREFIX = "$argon2id$"

_hasher = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_BYTES,
    salt_len=SALT_BYTES,
    type=Type.ID,
)
_dummy: str | None = None
_dummy_lock = threading.Lock()


def hash_password(password: str) -> str:
    """A new salted hash of ``password`` (the encoded form that names its parameters)."""
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` is the one ``stored_hash`` was made from; False for any other, and for
    a damaged or foreign hash (which then never signs anyone in)."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when ``stored_hash`` was made with other parameters than today's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def spend_like_a_check(password: str) -> None:
    """As long as a real check takes, for an address nobody has: the answer's timing must not tell
    whether the address belongs to someone in the office."""
    global _dummy
    with _dummy_lock:
        if _dummy is None:
            _dummy = hash_password("smtpdesk: nobody has this address")
    verify_password(_dummy, password)
