import pytest

from pagefeedback.redaction import MARKER, redact


@pytest.mark.parametrize(
    "text",
    [
        "hubungi saya di budi.santoso@gmail.com ya",
        "email: siti_rahma+kerja@yahoo.co.id",
        "tulis ke budi [at] gmail [dot] com",
    ],
)
def test_email_addresses_are_removed(text):
    redacted = redact(text)
    assert MARKER in redacted
    assert "gmail" not in redacted and "yahoo" not in redacted


@pytest.mark.parametrize(
    "phone",
    ["081234567890", "0812-3456-7890", "+62 812 3456 7890", "62812345678", "(0711) 351234", "0711.351.234"],
)
def test_telephone_numbers_are_removed(phone):
    redacted = redact(f"telepon saya {phone} kalau ada jawaban")
    assert redacted == f"telepon saya {MARKER} kalau ada jawaban"


@pytest.mark.parametrize("nik", ["1671012345670001", "1671 0123 4567 0001", "1671.0123.4567.0001"])
def test_sixteen_digit_numbers_are_removed(nik):
    assert redact(f"NIK {nik} tidak diterima") == f"NIK {MARKER} tidak diterima"


def test_ordinary_numbers_are_kept():
    text = "Pasal 5 ayat 2 Perwali 44 tahun 2016 menyebut biaya Rp 150.000 dan loket 3 buka 08.00"
    assert redact(text) == text


def test_empty_text_stays_empty():
    assert redact("") == ""
    assert redact(None) == ""
