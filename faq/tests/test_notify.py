"""Where the notice of a newly asked question goes."""

import pytest

from faq import services
from faq.tests.factories import AskedQuestionFactory
from integrations.models import OutboxMessage
from offices.tests.factories import DivisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _general_address(settings):
    settings.DIALOGUE_NOTIFY_EMAILS = ["kantor@example.com"]


def notice():
    return OutboxMessage.objects.get(destination="email")


def test_a_question_for_a_division_with_an_address_notifies_that_division(homes):
    question = AskedQuestionFactory(division=DivisionFactory(email="bidang-penempatan@disnaker.example"))

    services.notify_office(question)

    assert notice().payload["to"] == ["bidang-penempatan@disnaker.example"]
    text = notice().payload["subject"] + notice().payload["body"]
    assert question.reference in text
    assert "Siti" not in text and "siti@example.com" not in text and "kartu kuning" not in text


def test_a_question_for_a_division_without_an_address_notifies_the_office(homes):
    services.notify_office(AskedQuestionFactory(division=DivisionFactory()))

    assert notice().payload["to"] == ["kantor@example.com"]


def test_a_question_without_a_division_notifies_the_office(homes):
    services.notify_office(AskedQuestionFactory())

    assert notice().payload["to"] == ["kantor@example.com"]
