"""Applicants of the fault scripts: each has its own session (cookies, CSRF token, the
form's signed start time) and its own address, named in X-Forwarded-For as a proxy would
(the scripts run gunicorn with TRUSTED_PROXY_COUNT=1), so that per-address rate limits
apply per applicant."""

import re
import time
from dataclasses import dataclass

import requests

from bench.common import open_form

REFERENCE = re.compile(r'class="reference-number">([A-Z]+-\d{4}-\d+)<')


def target_service():
    """The first Indonesian demo service that takes applications asking for a NIK and a
    file, and its questions as ``[key, kind, choices]``."""
    from services.models import ServicePage
    from services.onlineform import service_fields

    page = next(
        page
        for page in ServicePage.objects.live().filter(locale__language_code="id").order_by("path")
        if page.accepts_applications and {"file", "nik"} <= {field.kind for field in page.form_fields.all()}
    )
    fields = [(key, f.kind, f.choice_list if f.kind == "choice" else []) for key, f in service_fields(page)]
    return page, fields


@dataclass
class Attempt:
    kind: str  # what the applicant meant to send ("valid", "bad_nik", …)
    address: str
    status: int | str = 0  # the POST's status, or "connection error" / "timeout"
    reference: str = ""  # from the confirmation page, when accepted
    body: str = ""
    retry_after: str = ""
    seconds: float = 0.0

    @property
    def accepted(self):
        return bool(self.reference)


class Applicant:
    def __init__(self, base, path, kind, address):
        self.base, self.path = base, path
        self.session = requests.Session()
        self.session.headers["X-Forwarded-For"] = address
        self.attempt = Attempt(kind, address)
        self.token = self.started = None

    def open(self):
        """Open the service page: the CSRF cookie and token, the form's start time. The
        connection is not kept: the POST may come after gunicorn's keep-alive has run out,
        and a POST on a connection the server is just closing fails in the client (a
        browser would retry it; behind the proxy of production it cannot happen)."""
        self.token, self.started = open_form(
            self.session, self.base + self.path, timeout=180, headers={"Connection": "close"}
        )

    def ready(self, started):
        """Ready to send without opening the page (for a test about the POST alone): a CSRF
        secret of its own as cookie and token, and ``started``, a start time signed by the
        caller (``build_form(page)().initial["started"]``)."""
        from django.conf import settings
        from django.middleware.csrf import _get_new_csrf_string

        self.token = _get_new_csrf_string()
        self.session.cookies.set(settings.CSRF_COOKIE_NAME, self.token)
        self.started = started

    def send(self, data, files):
        """POST the form; on a redirect to the confirmation, read the reference there."""
        attempt = Attempt(self.attempt.kind, self.attempt.address)
        clock = time.monotonic()
        try:
            response = self.session.post(
                self.base + self.path + "apply/",
                data={**data, "csrfmiddlewaretoken": self.token, "started": self.started},
                files=files,
                headers={"Referer": self.base + self.path},
                allow_redirects=False,
                timeout=180,
            )
        except requests.Timeout as error:
            attempt.status, attempt.body = "timeout", repr(error)
        except requests.ConnectionError as error:
            attempt.status, attempt.body = "connection error", repr(error)
        else:
            attempt.seconds = time.monotonic() - clock
            attempt.status = response.status_code
            attempt.retry_after = response.headers.get("Retry-After", "")
            location = response.headers.get("Location", "")
            if response.status_code == 302 and "apply/done" in location:
                done = self.session.get(requests.compat.urljoin(self.base + self.path, location), timeout=180)
                match = REFERENCE.search(done.text)
                attempt.reference = match.group(1) if match else "?"
            else:
                attempt.body = response.text
        self.attempt = attempt
        return attempt
