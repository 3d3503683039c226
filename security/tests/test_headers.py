"""HTTP security headers: a strict CSP on public pages, a looser one under /admin/ only."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from security import conf
from security.csp import build_policy


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_page_has_the_strict_policy(client, homes):
    csp = directives(client.get("/en/"))

    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_public_policy_never_allows_inline_or_eval(client, homes):
    policy = client.get("/id/").headers["Content-Security-Policy"]

    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
def test_admin_has_its_own_looser_policy(client):
    csp = directives(client.get("/admin/login/"))

    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_other_headers_are_sent(client, homes):
    response = client.get("/en/")

    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Referrer-Policy"] in {"strict-origin-when-cross-origin", "same-origin"}


@pytest.mark.django_db
def test_production_policy_upgrades_insecure_requests(client, homes, settings):
    settings.SECURITY_CSP_PUBLIC = {**conf.CSP_PUBLIC, "upgrade-insecure-requests": True}

    policy = client.get("/en/").headers["Content-Security-Policy"]

    assert policy.endswith("; upgrade-insecure-requests")


def test_policy_may_be_given_as_a_string():
    assert build_policy("default-src 'none'") == "default-src 'none'"


def test_empty_directives_are_left_out():
    assert (
        build_policy({"default-src": ["'self'"], "frame-src": [], "sandbox": False}) == "default-src 'self'"
    )


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, style elements and
    attributes, event-handler attributes. JSON-LD is a data block, never executed,
    and CSP does not apply to it."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/ld+json":
            self.problems.append("inline <script>")
        if tag == "script" and attrs.get("src") and not attrs["src"].startswith("/static/"):
            self.problems.append(f"script from elsewhere: {attrs['src']}")
        if tag == "style":
            self.problems.append("<style> element")
        for name in attrs:
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/id/", "/en/", "/id/search/?q=kartu", "/en/search/?q=card", "/id/no-such-page/"]
)
def test_public_pages_have_no_inline_code(client, homes, path):
    response = client.get(path)
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())

    assert response.status_code in {200, 404}
    assert finder.problems == []


# Development-only pages the strict policy may leave unstyled.
INLINE_ALLOWED = set()


def test_no_public_template_holds_inline_script_or_style():
    """Every template outside the admin: no inline code for the strict policy to block."""
    root = Path(django_settings.BASE_DIR)
    templates = [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]
    offenders = []
    for template in templates:
        relative = template.relative_to(root).as_posix()
        if relative.startswith((".venv/", "security/")) or "admin" in relative or relative in INLINE_ALLOWED:
            continue
        finder = InlineCodeFinder()
        finder.feed(re.sub(r"{%.*?%}|{{.*?}}", "/static/t", template.read_text(), flags=re.S))
        offenders += [f"{relative}: {problem}" for problem in finder.problems]

    assert len(templates) > 20
    assert offenders == []
