"""Reports → Period report in the Wagtail admin: who sees which division, the form's
messages, the charts and tables, and the downloads."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation

from governance.roles import setup_roles
from governance.tests.factories import UserFactory
from reports.charts import bar_chart_svg
from reports.report import Chart
from tests.shared_data import shared_layer

pytestmark = pytest.mark.django_db

URL = "/admin/reports/period/"


def build_people(dataset):
    result = setup_roles()
    roles = {roles.division.code: roles for roles in result.divisions}
    return SimpleNamespace(
        moderator_a=UserFactory(username="kabid_penempatan", groups=[roles["penempatan"].moderators]),
        editor_a=UserFactory(username="editor_penempatan", groups=[roles["penempatan"].editors]),
        admin=UserFactory(username="admin_perencanaan", groups=[result.administrators]),
    )


@pytest.fixture
@shared_layer("people", build_people, below="dataset")
def people(dataset, shared_data):
    """Roles set up on the data set's divisions: a division head and an editor of
    division A, and an administrator (built once for the tests that can share them)."""
    return shared_data.get("people", dataset)


def get(client, user, name="period_report", **params):
    client.force_login(user)
    return client.get(reverse(name), params)


def refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard, with a message."""
    return (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def sections(response):
    return re.findall(r'data-section="([a-z_]+)"', response.content.decode())


def test_the_report_lives_under_admin_reports():
    assert reverse("period_report") == URL


def test_the_menu_item_shows_for_a_division_head_only(people, client):
    client.force_login(people.moderator_a)
    assert URL in client.get("/admin/").content.decode()
    client.force_login(people.editor_a)
    assert URL not in client.get("/admin/").content.decode()


def test_an_administrator_sees_the_whole_office_report_with_all_six_sections(people, client):
    response = get(client, people.admin, period="2026-10", division="")

    assert response.status_code == 200
    assert sections(response) == [
        "applications",
        "satisfaction",
        "tickets",
        "faq",
        "page_usefulness",
        "searches",
    ]
    assert "Oktober 2026 · Seluruh dinas" in response.content.decode()


def test_an_administrator_may_choose_any_division(people, client, dataset):
    response = get(client, people.admin, period="2026-10", division="pelatihan")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Oktober 2026 · Bidang Pelatihan" in text
    assert "Pelatihan berbasis kompetensi" in text
    assert "Penempatan tenaga kerja" not in text


def test_a_division_head_gets_their_division_and_only_it_in_the_choices(people, client):
    response = get(client, people.moderator_a, period="2026-10")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Oktober 2026 · Bidang Penempatan" in text
    assert '<option value="penempatan"' in text
    assert 'value="pelatihan"' not in text and '<option value=""' not in text


def test_a_division_head_asking_for_the_whole_office_gets_their_division(people, client):
    text = get(client, people.moderator_a, period="2026-10", division="").content.decode()

    assert "Bidang Penempatan" in text and "Seluruh dinas</h2>" not in text
    assert "Pelatihan berbasis kompetensi" not in text


def test_a_division_head_is_refused_another_division(people, client):
    assert refused(get(client, people.moderator_a, period="2026-10", division="pelatihan"))


def test_an_editor_without_the_permission_is_refused(people, client):
    assert refused(get(client, people.editor_a, period="2026-10"))


@pytest.mark.parametrize(("period", "message"), [("2026-13", "bulan 13"), ("2026-Q5", "Q5"), ("abc", "abc")])
def test_a_malformed_period_gives_a_message_and_no_report(people, client, period, message):
    response = get(client, people.admin, period=period)

    text = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-message"' in text and message in text
    assert sections(response) == []


def test_a_future_period_gives_a_message_and_no_report(people, client):
    response = get(client, people.admin, period="2999-01")

    assert "belum dimulai" in response.content.decode()
    assert sections(response) == []


def test_without_a_period_the_current_month_is_shown(people, client):
    response = get(client, people.admin)

    assert response.status_code == 200
    assert len(sections(response)) == 6


def test_charts_are_svg_images_with_text_labels_and_values(people, client):
    text = get(client, people.admin, period="2026-10", division="").content.decode()

    svg = re.search(r'<svg class="period-report-chart".*?</svg>', text, re.S).group(0)
    assert 'role="img"' in svg and 'aria-label="Permohonan diterima per layanan"' in svg
    assert ">Kartu pencari kerja (AK/I)</text>" in svg and ">7</text>" in svg
    assert "style=" not in svg


def test_every_chart_comes_with_its_figures_as_a_table(people, client):
    text = get(client, people.admin, period="2026-10", division="").content.decode()

    assert text.count('<svg class="period-report-chart"') == text.count("<details>") > 0


def test_the_tables_show_the_hand_computed_figures(people, client):
    text = get(client, people.admin, period="2026-10", division="").content.decode()

    assert "88,43" in text  # the office's IKM
    assert "ADU-2026-000100" in text  # overdue 35 days
    assert "Siti Aminah" not in text


def test_the_page_links_the_three_downloads_with_the_same_choice(people, client):
    text = get(client, people.moderator_a, period="2026-Q4").content.decode()

    for name in ("period_report_pdf", "period_report_xlsx", "period_report_csv"):
        assert f"{reverse(name)}?period=2026-Q4&amp;division=penempatan" in text


# --- Downloads (reports.pdf and reports.spreadsheet) ---------------------------------------


def test_the_pdf_download_is_named_for_period_and_division(people, client):
    response = get(client, people.moderator_a, "period_report_pdf", period="2026-10")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="laporan-2026-10-penempatan.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_the_whole_office_xlsx_download(people, client):
    response = get(client, people.admin, "period_report_xlsx", period="2026-Q4", division="")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="laporan-2026-Q4.xlsx"'
    assert response.content.startswith(b"PK")


def test_the_csv_download(people, client):
    response = get(client, people.admin, "period_report_csv", period="2026", division="pelatihan")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="laporan-2026-pelatihan.csv"'
    assert "Pelatihan berbasis kompetensi" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("name", ["period_report_pdf", "period_report_xlsx", "period_report_csv"])
def test_a_download_of_another_division_is_refused(people, client, name):
    assert refused(get(client, people.moderator_a, name, period="2026-10", division="pelatihan"))


@pytest.mark.parametrize("name", ["period_report_pdf", "period_report_xlsx", "period_report_csv"])
def test_a_download_without_the_permission_is_refused(people, client, name):
    assert refused(get(client, people.editor_a, name, period="2026-10"))


def test_a_download_of_a_malformed_period_goes_back_to_the_form(people, client):
    response = get(client, people.admin, "period_report_pdf", period="2026-13")

    assert response.status_code == 302
    assert response["Location"].startswith(URL + "?")


# --- The chart markup ---------------------------------------------------------------------


def test_a_chart_writes_each_label_and_value_as_text():
    chart = Chart("Median processing time per service", ["Kartu kuning", "Pelatihan"], [4.0, 20.5], "days")

    with translation.override("en"):
        svg = str(bar_chart_svg(chart))

    assert svg.count("<rect") == 2
    assert ">Kartu kuning</text>" in svg and ">4 days</text>" in svg and ">20.5 days</text>" in svg
    assert "<title>Median processing time per service</title>" in svg
    assert "Kartu kuning: 4 days; Pelatihan: 20.5 days" in svg  # the <desc>


def test_a_chart_escapes_its_labels():
    svg = str(bar_chart_svg(Chart("T", ["<script>"], [1])))

    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_chart_without_bars_is_empty():
    assert str(bar_chart_svg(Chart("T", [], []))) == ""
