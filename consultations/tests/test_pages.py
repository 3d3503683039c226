from consultations.tests.conftest import json_ld
from consultations.tests.factories import ConsultationCommentFactory, ConsultationPageFactory


def test_the_index_lists_open_upcoming_and_closed_consultations(client, index, index_en, translate):
    for kind, trait in (("open", {}), ("upcoming", {"upcoming": True}), ("closed", {"closed": True})):
        page = ConsultationPageFactory(parent=index, slug=f"draft-{kind}", **trait)
        translate(page, title=f"Draft that is {kind}", slug=f"draft-{kind}-en")

    html = client.get(index_en.url).content.decode()

    assert html.index("Open for comments") < html.index("Draft that is open") < html.index("Opening soon")
    assert (
        html.index("Opening soon") < html.index("Draft that is upcoming") < html.index("Closed consultations")
    )
    assert html.index("Closed consultations") < html.index("Draft that is closed")


def test_an_open_consultation_shows_the_comment_form(client, consultation_en):
    html = client.get(consultation_en.url).content.decode()

    assert "Send a comment" in html
    assert 'id="id_comment"' in html
    assert 'name="consent"' in html


def test_a_closed_consultation_shows_no_form_and_says_so(client, index, index_en, translate):
    page = ConsultationPageFactory(parent=index, closed=True)
    page_en = translate(page, title="Closed draft", slug="closed-draft")

    html = client.get(page_en.url).content.decode()

    assert 'id="id_comment"' not in html
    assert "comments are no longer accepted" in html


def test_an_upcoming_consultation_shows_no_form_yet(client, index, index_en, translate):
    page = ConsultationPageFactory(parent=index, upcoming=True)
    page_en = translate(page, title="Coming draft", slug="coming-draft")

    html = client.get(page_en.url).content.decode()

    assert 'id="id_comment"' not in html
    assert "Comments are accepted from" in html


def test_the_summary_of_responses_shows_once_closed(client, index):
    page = ConsultationPageFactory(
        parent=index, closed=True, responses_summary="<p>Ringkasan tanggapan warga.</p>"
    )

    assert "Ringkasan tanggapan warga." in client.get(page.url).content.decode()


def test_the_summary_of_responses_stays_hidden_while_open(client, index):
    page = ConsultationPageFactory(parent=index, responses_summary="<p>Ringkasan terlalu dini.</p>")

    assert "Ringkasan terlalu dini." not in client.get(page.url).content.decode()


def test_the_page_describes_a_draft_not_in_force(client, consultation):
    objects = json_ld(client.get(consultation.url))

    page = next(item for item in objects if item["@type"] == "WebPage")
    assert page["about"]["@type"] == "Legislation"
    assert page["about"]["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert "comment" not in str(page).lower()


def test_the_page_text_is_searchable_but_comments_never(consultation):
    from wagtail.search.backends import get_search_backend

    ConsultationCommentFactory(consultation=consultation, status="approved", comment="Zebrakomentarunik")
    consultation.save_revision().publish()
    backend = get_search_backend()

    assert list(backend.search("Rancangan", type(consultation)))
    assert not list(backend.search("Zebrakomentarunik", type(consultation)))
    assert all("comment" not in field.field_name for field in type(consultation).search_fields)


def test_the_page_has_the_feedback_widget(client, consultation_en, settings):
    settings.ROOT_URLCONF = "pagefeedback.tests.urls"

    assert 'id="page-feedback"' in client.get(consultation_en.url).content.decode()


def test_the_thank_you_page_has_no_feedback_widget(client, consultation_en, settings):
    settings.ROOT_URLCONF = "pagefeedback.tests.urls"

    response = client.get(consultation_en.url + "thanks/")

    assert response.status_code == 200
    assert "Comment received" in response.content.decode()
    assert 'id="page-feedback"' not in response.content.decode()


def test_the_summary_of_responses_is_published_to_the_api_only_once_closed(index):
    open_page = ConsultationPageFactory(parent=index, responses_summary="<p>Terlalu dini.</p>")
    closed_page = ConsultationPageFactory(parent=index, closed=True, responses_summary="<p>Ringkasan.</p>")

    assert open_page.published_responses_summary == ""
    assert "Ringkasan." in closed_page.published_responses_summary
