import pytest
from django.db import connection

from core.crypto import contact_hash, decrypt, encrypt, keyed_hash, normalize_phone
from integrations.models import TransactionBackend


def test_encrypted_values_decrypt_to_what_was_stored():
    assert decrypt(encrypt("3171234567890001")) == "3171234567890001"


def test_encrypting_twice_gives_different_ciphertexts():
    assert encrypt("same") != encrypt("same")


def test_a_value_encrypted_under_an_old_key_still_decrypts_after_rotation(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["aGVyZS1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE="]
    token = encrypt("secret")
    settings.FIELD_ENCRYPTION_KEYS = [
        "bmV3LWtleS1vZi1leGFjdGx5LXRoaXJ0eS10d28tYiE=",
        "aGVyZS1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=",
    ]
    assert decrypt(token) == "secret"


def test_a_value_cannot_be_decrypted_without_its_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["aGVyZS1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE="]
    token = encrypt("secret")
    settings.FIELD_ENCRYPTION_KEYS = ["bmV3LWtleS1vZi1leGFjdGx5LXRoaXJ0eS10d28tYiE="]
    with pytest.raises(ValueError):
        decrypt(token)


def test_keyed_hash_depends_on_the_key(settings):
    settings.FIELD_HASH_KEY = "one"
    first = keyed_hash("3171234567890001")
    settings.FIELD_HASH_KEY = "two"
    assert keyed_hash("3171234567890001") != first


@pytest.mark.parametrize("typed", ["0812-3456-7890", "+62 812 3456 7890", "6281234567890"])
def test_indonesian_phone_numbers_normalise_to_one_form(typed):
    assert normalize_phone(typed) == "6281234567890"


def test_contact_hash_ignores_case_and_spaces_of_e_mail_addresses():
    assert contact_hash(" Siti@Example.ID ") == contact_hash("siti@example.id")


def test_contact_hash_of_a_phone_differs_from_that_of_an_e_mail():
    assert contact_hash("081234567890") != contact_hash("081234567890@example.id")


@pytest.mark.django_db
def test_an_encrypted_field_keeps_only_ciphertext_in_the_database():
    backend = TransactionBackend.objects.create(
        name="Back-end", slug="be", endpoint_url="http://127.0.0.1:9/", signing_secret="s" * 40
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT signing_secret FROM integrations_transactionbackend WHERE id = %s", [backend.pk]
        )
        stored = cursor.fetchone()[0]
    assert "s" * 40 not in stored
    assert TransactionBackend.objects.get(pk=backend.pk).signing_secret == "s" * 40
