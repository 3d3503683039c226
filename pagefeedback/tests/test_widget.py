from pagefeedback.tests.factories import PageFeedbackFactory


def test_a_content_page_shows_the_widget(client, content_page_en):
    response = client.get(content_page_en.url)

    html = response.content.decode()
    assert 'id="page-feedback"' in html
    assert "Is this page useful?" in html
    assert 'action="/en/page-feedback/"' in html
    assert f'name="page" value="{content_page_en.pk}"' in html


def test_the_widget_speaks_indonesian_on_indonesian_pages(client, content_page):
    response = client.get(content_page.url)

    assert 'action="/id/page-feedback/"' in response.content.decode()


def test_the_widget_keeps_the_page_cacheable(client, content_page_en):
    """No CSRF token in the page and no cookie set for it: a shared cache can keep one copy."""
    response = client.get(content_page_en.url)

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_the_thank_you_state_replaces_the_question(client, content_page_en):
    response = client.get(content_page_en.url + "?feedback=thanks")

    html = response.content.decode()
    assert "Thank you for your feedback." in html
    assert 'name="answer"' not in html


def test_pages_that_are_not_wagtail_pages_have_no_widget(client, homes):
    response = client.get("/en/search/?q=kartu")

    assert 'id="page-feedback"' not in response.content.decode()


def test_the_answer_page_itself_has_no_widget(client, content_page_en):
    response = client.get(f"/en/page-feedback/?page={content_page_en.pk}&answer=yes")

    assert response.status_code == 200
    assert 'id="page-feedback"' not in response.content.decode()


def test_votes_are_never_shown_on_the_page(client, content_page_en):
    PageFeedbackFactory(page=content_page_en, helpful=False, comment="Tabelnya membingungkan")

    response = client.get(content_page_en.url)

    assert "Tabelnya membingungkan" not in response.content.decode()
