import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.tests.factories import StandardPageFactory
from pagefeedback import services
from pagefeedback.tests.factories import PageFeedbackFactory

REPORT = "/admin/reports/page-feedback/"
COMMENTS = "/admin/reports/page-feedback/comments/"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "secret-password-123")
    client.force_login(user)
    return client


@pytest.fixture
def voted(content_page):
    """Yes votes 3, 20, 60 and 200 days ago; no votes 1 and 45 days ago."""
    for days in (3, 20, 60, 200):
        PageFeedbackFactory(page=content_page, helpful=True, created_at=ago(days))
    PageFeedbackFactory(page=content_page, helpful=False, created_at=ago(1), comment="Jamnya salah")
    PageFeedbackFactory(page=content_page, helpful=False, created_at=ago(45))
    return content_page


def table(response):
    """The listing table of an admin report, without the filters around it."""
    html = response.content.decode()
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def row_for(page):
    return services.report_pages().get(translation_key=page.translation_key)


def test_counts_per_window(voted):
    row = row_for(voted)

    assert (row.yes_7, row.no_7) == (1, 1)
    assert (row.yes_30, row.no_30) == (2, 1)
    assert (row.yes_90, row.no_90) == (3, 2)
    assert (row.yes_all, row.no_all) == (4, 2)


def test_share_of_yes_per_window(voted):
    row = row_for(voted)

    assert row.useful_7 == pytest.approx(50.0)
    assert row.useful_90 == pytest.approx(60.0)
    assert row.useful_all == pytest.approx(4 / 6 * 100)


def test_a_window_without_votes_has_no_share(content_page):
    PageFeedbackFactory(page=content_page, created_at=ago(100))

    row = row_for(content_page)

    assert row.yes_7 == 0 and row.useful_7 is None
    assert row.yes_all == 1


def test_both_languages_are_summed_in_one_row(content_page, content_page_en):
    PageFeedbackFactory(page=content_page, helpful=True)
    PageFeedbackFactory(page=content_page_en, helpful=False)

    rows = list(services.report_pages())

    assert len(rows) == 1
    assert rows[0].pk == content_page.pk  # shown as the Indonesian original
    assert (rows[0].yes_all, rows[0].no_all) == (1, 1)


def test_a_section_shows_only_its_pages(homes, content_page):
    section = StandardPageFactory(parent=homes.id, title="Pelatihan")
    inside = StandardPageFactory(parent=section, title="Jadwal pelatihan")
    PageFeedbackFactory(page=inside)
    PageFeedbackFactory(page=content_page)

    rows = list(services.report_pages(section=section))

    assert [row.pk for row in rows] == [inside.pk]


def test_the_report_shows_counts_to_editors(admin_client, voted):
    response = admin_client.get(REPORT)

    html = response.content.decode()
    assert response.status_code == 200
    assert voted.title in html
    assert "(4 ya, 2 tidak)" in html  # the admin speaks Indonesian by default


def test_the_report_sorts_by_share_of_yes(admin_client, homes):
    good = StandardPageFactory(parent=homes.id, title="Halaman bagus")
    poor = StandardPageFactory(parent=homes.id, title="Halaman buruk")
    PageFeedbackFactory(page=good, helpful=True)
    PageFeedbackFactory(page=poor, helpful=False)

    ascending = table(admin_client.get(REPORT + "?ordering=useful_all"))
    descending = table(admin_client.get(REPORT + "?ordering=-useful_all"))

    assert ascending.index("Halaman buruk") < ascending.index("Halaman bagus")
    assert descending.index("Halaman bagus") < descending.index("Halaman buruk")


def test_the_report_filters_by_section(admin_client, homes, content_page):
    section = StandardPageFactory(parent=homes.id, title="Pelatihan")
    inside = StandardPageFactory(parent=section, title="Jadwal pelatihan")
    PageFeedbackFactory(page=inside)
    PageFeedbackFactory(page=content_page)

    html = table(admin_client.get(REPORT + f"?section={section.pk}"))

    assert "Jadwal pelatihan" in html
    assert content_page.title not in html


def test_the_csv_export_has_every_window_and_no_voter_key(admin_client, voted):
    response = admin_client.get(REPORT + "?export=csv")

    text = b"".join(response.streaming_content).decode()
    heading, row = text.splitlines()[:2]
    assert "7 hari terakhir: ya" in heading and "Sepanjang waktu: persen bermanfaat" in heading
    assert row.startswith(f"{voted.title},{voted.url},1,1,50,2,1,67,3,2,60,4,2,67,1")
    assert "voter" not in text


def test_the_comments_report_lists_no_answers_with_comments(admin_client, voted, content_page_en):
    PageFeedbackFactory(page=content_page_en, helpful=False, comment="Wrong address")

    html = admin_client.get(COMMENTS).content.decode()

    assert "Jamnya salah" in html
    assert "Wrong address" in html


def test_the_comments_export_holds_the_redacted_comment_only(admin_client, client, content_page_en):
    client.post(
        "/en/page-feedback/",
        {"page": content_page_en.pk, "answer": "no", "comment": "Telepon saya 081234567890"},
        REMOTE_ADDR="10.9.9.9",
    )

    response = admin_client.get(COMMENTS + "?export=csv")

    text = b"".join(response.streaming_content).decode()
    assert "Telepon saya [***]" in text
    assert "081234567890" not in text
    assert "10.9.9.9" not in text


def test_the_report_needs_the_view_permission(client, django_user_model, voted):
    editor = django_user_model.objects.create_user("editor", "e@example.com", "secret-password-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get(REPORT)

    assert response.status_code in (302, 403)
    assert "Jamnya salah" not in client.get(COMMENTS).content.decode()


def test_editors_with_the_permission_see_the_report_in_the_menu(client, django_user_model, voted):
    editor = django_user_model.objects.create_user("editor", "e@example.com", "secret-password-123")
    group = Group.objects.create(name="Analysts")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_pagefeedback")
    )
    editor.groups.add(group)
    client.force_login(editor)

    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get("/admin/").content.decode()
