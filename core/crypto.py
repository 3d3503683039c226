"""Personal data at rest: encrypted model fields and keyed hashes for lookups.

Values are encrypted with Fernet (AES-128-CBC with HMAC-SHA256, authenticated);
``FIELD_ENCRYPTION_KEYS`` lists the keys, the first encrypts and every key
decrypts, so a key can be rotated by putting a new one first. An encrypted
column cannot be searched, so a record that must be found by a value (the NIK,
the e-mail or phone given for tracking) also stores ``keyed_hash(value)``: an
HMAC with ``FIELD_HASH_KEY``, useless without the key, unlike a plain hash of
a 16-digit number. Without those settings (development, tests) both keys are
derived from SECRET_KEY; production requires them.
"""

import base64
import hashlib
import hmac
import json
import re
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

PREFIX = "fernet:"


def _derived(purpose):
    if not settings.SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY is needed to derive the field encryption keys.")
    return hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()


@lru_cache(maxsize=4)
def _fernet(keys):
    if not keys:
        keys = (base64.urlsafe_b64encode(_derived("field-encryption")).decode(),)
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must be url-safe base64 32-byte keys (Fernet.generate_key())."
        ) from exc


def fernet():
    return _fernet(tuple(getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or ()))


def encrypt(text):
    return PREFIX + fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token):
    if not token.startswith(PREFIX):
        raise ValueError("Not an encrypted value.")
    try:
        return fernet().decrypt(token[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("The value cannot be decrypted with the configured keys.") from exc


def _hash_key():
    key = getattr(settings, "FIELD_HASH_KEY", None)
    return key.encode() if key else _derived("field-hash")


def keyed_hash(value):
    """HMAC-SHA256 (hex) of ``value``; '' for an empty value."""
    if not value:
        return ""
    return hmac.new(_hash_key(), str(value).encode("utf-8"), hashlib.sha256).hexdigest()


def normalize_email(value):
    return (value or "").strip().lower()


def normalize_phone(value):
    """Digits only, Indonesian numbers in international form: 0812… and
    +62 812… both become 62812…."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


def contact_hash(value):
    """The lookup hash of an e-mail address or a phone number (by its "@")."""
    value = (value or "").strip()
    if not value:
        return ""
    if "@" in value:
        return keyed_hash("email:" + normalize_email(value))
    phone = normalize_phone(value)
    return keyed_hash("phone:" + phone) if phone else ""


class EncryptedTextField(models.TextField):
    """Text encrypted in the database, plain in Python. Cannot be filtered on."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return self.decode(decrypt(value))

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        encoded = self.encode(value)
        return encrypt(encoded) if encoded != "" else ""

    def encode(self, value):
        return str(value)

    def decode(self, text):
        return text


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (dict, list, ...) stored encrypted."""

    def encode(self, value):
        if value in (None, "", {}, []):
            return "" if value == "" else json.dumps(value)
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    def decode(self, text):
        return json.loads(text)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        if value == "":
            return None
        return self.decode(decrypt(value))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj), cls=DjangoJSONEncoder)
