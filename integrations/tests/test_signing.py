import time

import pytest

from integrations.signing import sign, signature_headers, verify

SECRET = "shared-secret"
BODY = b'{"submission":"SUB-2025-0001"}'


def test_a_signature_verifies_with_the_same_secret_body_and_timestamp():
    now = int(time.time())
    assert verify(SECRET, now, BODY, sign(SECRET, now, BODY), max_age=300)


def test_a_tampered_body_fails():
    now = int(time.time())
    signature = sign(SECRET, now, BODY)
    assert not verify(SECRET, now, BODY.replace(b"0001", b"0002"), signature, max_age=300)


def test_a_changed_timestamp_fails():
    now = int(time.time())
    assert not verify(SECRET, now - 1, BODY, sign(SECRET, now, BODY), max_age=300)


def test_an_old_timestamp_fails_even_with_a_right_signature():
    old = int(time.time()) - 301
    assert not verify(SECRET, old, BODY, sign(SECRET, old, BODY), max_age=300)


def test_a_timestamp_too_far_in_the_future_fails():
    future = int(time.time()) + 301
    assert not verify(SECRET, future, BODY, sign(SECRET, future, BODY), max_age=300)


def test_another_secret_fails():
    now = int(time.time())
    assert not verify("other-secret", now, BODY, sign(SECRET, now, BODY), max_age=300)


@pytest.mark.parametrize(
    "timestamp, signature",
    [("yesterday", "00"), (None, "00"), ("1700000000", ""), ("1700000000", "é" * 64)],
)
def test_malformed_input_fails_without_raising(timestamp, signature):
    assert not verify(SECRET, timestamp, BODY, signature, max_age=10**10)


def test_signing_with_an_empty_secret_is_refused():
    with pytest.raises(ValueError):
        sign("", 1, BODY)


def test_the_signed_message_is_timestamp_dot_body():
    """The documented scheme, so a back-end team can implement it."""
    import hashlib
    import hmac

    expected = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, 1700000000, BODY) == expected
    headers = signature_headers(SECRET, BODY, now=1700000000)
    assert headers == {"X-Signature-Timestamp": "1700000000", "X-Signature": expected}
