from consultations import demo
from consultations.models import ConsultationComment, ConsultationIndexPage, ConsultationPage


def test_the_demo_has_an_open_and_a_closed_consultation_and_can_run_again(homes, client):
    demo.seed(homes)
    demo.seed(homes)

    index = ConsultationIndexPage.objects.get(slug="konsultasi-publik")
    assert index.get_translation(homes.en.locale).slug == "public-consultations"
    pages = ConsultationPage.objects.filter(locale=homes.id.locale)
    assert sorted(page.state for page in pages) == ["closed", "open"]
    closed = next(page for page in pages if page.is_closed)
    assert closed.responses_summary
    statuses = set(ConsultationComment.objects.values_list("status", flat=True))
    assert statuses == {ConsultationComment.APPROVED, ConsultationComment.PENDING}
    assert ConsultationComment.objects.count() == 3
    assert client.get(index.get_translation(homes.en.locale).url).status_code == 200


def test_the_demo_consultation_names_the_division_that_hears_of_comments(homes):
    from offices.demo import seed_divisions

    seed_divisions()
    demo.seed(homes)

    page = ConsultationPage.objects.get(slug="rancangan-perwali-bursa-kerja")
    assert page.division.code == "penempatan" and page.division.email
