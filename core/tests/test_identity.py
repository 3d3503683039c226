import pytest

from core.identity import NIKField, mask_nik

VALID_NIK = "1671014501900001"  # Palembang, a woman born 5 January 1990


def test_a_plausible_nik_is_accepted_with_spaces_removed():
    assert NIKField().clean("1671 0145 0190 0001") == VALID_NIK


@pytest.mark.parametrize(
    "typed, message",
    [
        ("16710145019000", "16 digits"),
        ("16710145019000012", "16 digits"),
        ("16710145019O0001", "digits only"),
        ("0071014501900001", "first digits"),
        ("1671013213900001", "date of birth"),
    ],
)
def test_an_implausible_nik_is_refused_with_a_reason(typed, message):
    from django import forms
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(forms.ValidationError) as error:
            NIKField().clean(typed)
        assert message in str(error.value)


def test_a_masked_nik_shows_only_its_first_and_last_four_digits():
    assert mask_nik(VALID_NIK) == "1671********0001"
