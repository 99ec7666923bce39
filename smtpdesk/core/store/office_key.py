"""The office key: what lets every desktop of an office database use the SMTP passwords typed on
one of them, while the database alone (or its credentials) reveals none of them.

Design: when an office database is created, a random 128-bit key is made and shown to the
administrator once, as a code of 32 characters (Crockford base32, the last 4 a checksum against
typing mistakes), to be typed on each desktop that joins. Each desktop keeps the code in its
keychain. Passwords are stored in the database encrypted with AES-GCM (``cryptography``): a fresh
96-bit nonce per value, and the office id plus the account key as associated data, so a value
copied onto another account (or another office) does not decrypt. The database holds a check value
(a known text encrypted with the key) to tell a mistyped or foreign code from the right one.

Limits: anyone with both the code and access to the database can read the passwords; a desktop's
keychain is as safe as the user's session on it; a lost code cannot be recovered (the passwords
must then be typed again after a new key is made).
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass, field

from smtpdesk.core.i18n import Msg

KEY_BYTES = 16
CHECKSUM_BYTES = 4
NONCE_BYTES = 12
CODE_LENGTH = 32
GROUP = 4
# What a code field shows before anything is typed: its shape (8 groups of 4).
CODE_SHAPE = "-".join(["····"] * (CODE_LENGTH // GROUP))
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O or U
_READS_AS = {"I": "1", "L": "1", "O": "0"}
_CHECK_TEXT = b"smtpdesk office key check"

MSG_CODE_LENGTH = Msg(
    pl="Kod klucza biura ma 32 znaki (8 grup po 4) — wpisano {count}.",
    en="The office key code has 32 characters (8 groups of 4) — {count} were entered.",
)
MSG_CODE_CHARS = Msg(
    pl="Kod klucza biura składa się z cyfr i liter A–Z (bez U); znak {char!r} do niego nie należy.",
    en="The office key code consists of digits and letters A–Z (without U); {char!r} is not one of them.",
)
MSG_CODE_TYPO = Msg(
    pl="Ten kod zawiera literówkę — sprawdź go znak po znaku z kodem od administratora.",
    en="This code contains a typo — compare it character by character with the administrator's code.",
)
MSG_CODE_OTHER_OFFICE = Msg(
    pl="To poprawny kod, ale innej bazy biura — ta baza ma inny klucz. Poproś administratora "
    "o kod właśnie tej bazy.",
    en="This is a valid code, but of another office database — this one has a different key. Ask the "
    "administrator for this database's code.",
)


class OfficeKeyError(ValueError):
    def __init__(self, message: Msg, **values: object) -> None:
        self.message = Msg(pl=message.pl.format(**values), en=message.en.format(**values))
        super().__init__(self.message.en)

    def __str__(self) -> str:
        return self.message.text()


def _to_base32(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    for _ in range(len(data) * 8 // 5):
        digits.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(digits))


def _from_base32(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(len(text) * 5 // 8, "big")


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"smtpdesk office key" + key).digest()[:CHECKSUM_BYTES]


def _associated(office_id: str, account_key: str) -> bytes:
    return f"smtpdesk\x00{office_id}\x00{account_key}".encode()


@dataclass(frozen=True)
class OfficeKey:
    key: bytes = field(repr=False)

    @classmethod
    def generate(cls) -> OfficeKey:
        return cls(os.urandom(KEY_BYTES))

    def code(self) -> str:
        """``ABCD-EFGH-…``: what the administrator writes down and types on other desktops."""
        text = _to_base32(self.key + _checksum(self.key))
        return "-".join(text[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))

    @classmethod
    def from_code(cls, typed: str) -> OfficeKey:
        """The key of a typed code (spaces, dashes and lower case allowed; I, L and O read as 1, 1
        and 0); OfficeKeyError says what is wrong."""
        text = "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")
        text = "".join(_READS_AS.get(ch, ch) for ch in text)
        for char in text:
            if char not in ALPHABET:
                raise OfficeKeyError(MSG_CODE_CHARS, char=char)
        if len(text) != CODE_LENGTH:
            raise OfficeKeyError(MSG_CODE_LENGTH, count=len(text))
        data = _from_base32(text)
        key, checksum = data[:KEY_BYTES], data[KEY_BYTES:]
        if _checksum(key) != checksum:
            raise OfficeKeyError(MSG_CODE_TYPO)
        return cls(key)

    # -- passwords ---------------------------------------------------------------------------------

    def encrypt(self, office_id: str, account_key: str, secret: str) -> tuple[bytes, bytes]:
        # Loaded when first needed: the window's first paint does not wait for it.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_BYTES)
        return nonce, AESGCM(self.key).encrypt(
            nonce, secret.encode("utf-8"), _associated(office_id, account_key)
        )

    def decrypt(self, office_id: str, account_key: str, nonce: bytes, ciphertext: bytes) -> str | None:
        """The secret, or None when this key (or this account) does not open it."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            plain = AESGCM(self.key).decrypt(nonce, ciphertext, _associated(office_id, account_key))
        except (InvalidTag, ValueError):
            return None
        return plain.decode("utf-8", errors="replace")

    # -- telling the right key from another ----------------------------------------------------------

    def check_value(self, office_id: str) -> str:
        nonce, sealed = self.encrypt(office_id, "office-key-check", _CHECK_TEXT.decode())
        return base64.b64encode(nonce + sealed).decode("ascii")

    def opens(self, office_id: str, check_value: str) -> bool:
        try:
            raw = base64.b64decode(check_value, validate=True)
        except ValueError:
            return False
        opened = self.decrypt(office_id, "office-key-check", raw[:NONCE_BYTES], raw[NONCE_BYTES:])
        return opened == _CHECK_TEXT.decode()
