"""Asked questions belong to the division of their category, and each
division's editors and moderators see only theirs (like the ticket inbox);
questions without a division are for the administrators."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from wagtail.models import Locale

from faq import services
from faq.models import AskedQuestion
from faq.tests.factories import AskedQuestionFactory, FAQCategoryFactory, locale
from governance.tests.conftest import governed  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def ask(category):
    form = SimpleNamespace(
        cleaned_data={"question": "Apakah ada biaya?", "category": category, "name": "", "email": ""}
    )
    return services.submit_question(form=form, language="id")


@pytest.fixture
def questions(governed):  # noqa: F811
    return {
        "a": AskedQuestionFactory(division=governed.division_a, question="Pertanyaan untuk bidang A"),
        "b": AskedQuestionFactory(division=governed.division_b, question="Pertanyaan untuk bidang B"),
        "none": AskedQuestionFactory(question="Pertanyaan tanpa bidang"),
    }


def index_html(client, user):
    client.force_login(user)
    return client.get(reverse("faq_asked_questions:index")).content.decode()


def test_a_question_takes_the_division_of_its_category(governed):  # noqa: F811
    category = FAQCategoryFactory(division=governed.division_a)

    assert ask(category).division == governed.division_a


def test_a_question_in_an_english_category_takes_the_division_of_its_original(governed):  # noqa: F811
    category = FAQCategoryFactory(division=governed.division_a)
    english = category.copy_for_translation(locale("en"))
    english.division = None
    english.save()

    assert ask(english).division == governed.division_a


def test_a_question_without_a_category_has_no_division(homes):
    assert ask(None).division is None


def test_a_moderator_sees_the_questions_of_their_division_only(client, governed, questions):  # noqa: F811
    html = index_html(client, governed.moderator_a)

    assert questions["a"].reference in html
    assert questions["b"].reference not in html
    assert questions["none"].reference not in html


def test_an_editor_sees_the_questions_of_their_division_only(client, governed, questions):  # noqa: F811
    html = index_html(client, governed.editor_b)

    assert questions["b"].reference in html
    assert questions["a"].reference not in html


def test_an_editor_cannot_open_a_question_of_another_division(client, governed, questions):  # noqa: F811
    client.force_login(governed.editor_a)

    for name in ("edit", "inspect", "history"):
        response = client.get(reverse(f"faq_asked_questions:{name}", args=[questions["b"].pk]), follow=True)
        assert response.status_code == 404
        assert "Pertanyaan untuk bidang B" not in response.content.decode()


def test_an_editor_can_open_a_question_of_their_division(client, governed, questions):  # noqa: F811
    client.force_login(governed.editor_a)

    response = client.get(reverse("faq_asked_questions:edit", args=[questions["a"].pk]))

    assert response.status_code == 200


def test_administrators_see_every_question_including_those_without_a_division(
    client,
    governed,  # noqa: F811
    questions,
):
    html = index_html(client, governed.admin)

    assert all(question.reference in html for question in questions.values())


def test_a_new_category_moves_the_question_to_that_category_division(client, governed, questions):  # noqa: F811
    category_b = FAQCategoryFactory(division=governed.division_b)
    question = questions["none"]
    client.force_login(governed.admin)

    client.post(
        reverse("faq_asked_questions:edit", args=[question.pk]),
        {"status": "waiting", "category": category_b.pk, "division": "", "answer": "", "public_question": ""},
    )

    question.refresh_from_db()
    assert question.category == category_b and question.division == governed.division_b


def test_the_division_list_offers_each_division_once(client, governed, questions):  # noqa: F811
    from offices.tests.factories import translate_division

    translate_division(governed.division_a, name="Placement Division")
    client.force_login(governed.admin)

    html = client.get(reverse("faq_asked_questions:edit", args=[questions["a"].pk])).content.decode()

    assert "Bidang Penempatan" in html and "Placement Division" not in html


def test_a_question_is_closed_when_answered_or_rejected_and_reopened_when_waiting(homes):
    question = AskedQuestionFactory()
    assert question.closed_at is None

    question.status = AskedQuestion.Status.REJECTED
    question.save()
    closed_at = question.closed_at
    question.status = AskedQuestion.Status.ANSWERED
    question.save(update_fields=["status"])

    assert closed_at is not None
    assert AskedQuestion.objects.get(pk=question.pk).closed_at == closed_at
    question.status = AskedQuestion.Status.WAITING
    question.save(update_fields=["status"])
    assert AskedQuestion.objects.get(pk=question.pk).closed_at is None


def test_demo_questions_and_categories_have_divisions(homes):
    from faq import demo
    from offices.demo import seed_divisions

    seed_divisions()
    demo.seed(homes)

    default = Locale.get_default()
    asked = AskedQuestion.objects.filter(reference__contains="-9")
    assert asked.exists()
    assert all(question.division is not None for question in asked)
    assert all(question.division.locale == default for question in asked)
    kartu_kuning = asked.get(category__slug="kartu-kuning")
    assert kartu_kuning.division.code == "penempatan"
