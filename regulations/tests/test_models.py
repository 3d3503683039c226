"""Citations, search indexing and the relation rules of a regulation."""

import pytest
from django.utils import translation
from wagtail.models import Page

from regulations.choices import RelationKind
from regulations.models import RegulationPage
from regulations.services import related_groups
from regulations.tests.factories import RegulationPageFactory, RelatedRegulationFactory

pytestmark = pytest.mark.django_db


def test_citation_is_type_number_and_year():
    page = RegulationPage(regulation_type="Perwali", number="44", year=2016)

    assert str(page.citation) == "Perwali No. 44/2016"
    assert page.formal_citation == "Peraturan Walikota Nomor 44 Tahun 2016"


def test_citation_does_not_repeat_a_year_already_in_the_number():
    page = RegulationPage(regulation_type="Permen", number="PER.16/MEN/XI/2011", year=2011)

    assert str(page.citation) == "Permen No. PER.16/MEN/XI/2011"
    assert page.formal_citation == "Peraturan Menteri Nomor PER.16/MEN/XI/2011 Tahun 2011"


def test_type_labels_are_translated_and_keep_the_abbreviation():
    page = RegulationPage(regulation_type="Kepwal")

    with translation.override("en"):
        assert page.get_regulation_type_display() == "Mayor Decree (Kepwal)"


def test_status_tag_colours():
    assert RegulationPage(status="in_force").status_tag_kind == "green"
    assert RegulationPage(status="amended").status_tag_kind == "yellow"
    assert RegulationPage(status="revoked").status_tag_kind == "red"


def test_english_translation_keeps_the_facts_of_the_original(library_en, library, translate):
    page = RegulationPageFactory(
        parent=library, regulation_type="UU", number="13", year=2003, status="amended"
    )

    english = translate(page, title="Manpower", slug="uu-13-2003")

    assert (english.regulation_type, english.number, english.year, english.status) == (
        "UU",
        "13",
        2003,
        "amended",
    )
    assert english.locale.language_code == "en"


@pytest.mark.parametrize(
    "query", ["perwali 44", "44 tahun 2016", "Perwali 44/2016", "ketenagakerjaan online"]
)
def test_site_search_finds_a_regulation_by_citation_or_title(library, query):
    perwali = RegulationPageFactory(
        parent=library,
        title="Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online",
        regulation_type="Perwali",
        number="44",
        year=2016,
    )
    RegulationPageFactory(
        parent=library, title="Pelayanan Publik", regulation_type="UU", number="25", year=2009
    )

    results = list(Page.objects.live().specific().search(query))

    assert results and results[0].pk == perwali.pk


def test_related_groups_follow_the_order_of_relation_kinds(library):
    page = RegulationPageFactory(parent=library)
    related = RegulationPageFactory(parent=library)
    amending = RegulationPageFactory(parent=library)
    RelatedRegulationFactory(page=page, target=related, kind=RelationKind.RELATED)
    RelatedRegulationFactory(page=page, target=amending, kind=RelationKind.AMENDED_BY)
    RelatedRegulationFactory(page=page, target=amending, kind=RelationKind.AMENDED_BY)  # twice: shown once

    groups = related_groups(page)

    assert [(g["kind"], [r.pk for r in g["regulations"]]) for g in groups] == [
        ("amended_by", [amending.pk]),
        ("related", [related.pk]),
    ]


def test_related_groups_leave_out_a_link_to_the_page_itself(library):
    page = RegulationPageFactory(parent=library)
    RelatedRegulationFactory(page=page, target=page)

    assert related_groups(page) == []


def test_editors_can_open_the_regulation_forms_in_the_admin(client, library, django_user_model):
    page = RegulationPageFactory(parent=library)
    RelatedRegulationFactory(page=page, target=RegulationPageFactory(parent=library))
    admin = django_user_model.objects.create_superuser("editor", "editor@example.com", "secret-pass")
    client.force_login(admin)

    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    add = client.get(f"/admin/pages/add/regulations/regulationpage/{library.pk}/")

    assert edit.status_code == 200 and 'name="related_regulations-TOTAL_FORMS" value="1"' in edit.text
    assert add.status_code == 200 and 'name="number"' in add.text
