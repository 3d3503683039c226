"""Notification e-mails, sent through the outbox like every outgoing message.

``enqueue_email`` renders the e-mail in the recipient's language now, inside
the caller's transaction, and leaves delivery (with retries) to the worker:
a mail server that is down never loses a submission, and a rolled-back
submission sends nothing.
"""

from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from . import outbox


def render_email(template, context, *, language):
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
        try:
            html = render_to_string(f"{template}_body.html", context)
        except TemplateDoesNotExist:
            html = ""
    return subject, body, html


def enqueue_email(to, template, context, *, language, reference=None):
    """Queue an e-mail to ``to`` (an address or a list); returns the outbox
    message, or None when there is nobody to send to."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    recipients = [address for address in recipients if address]
    if not recipients:
        return None
    subject, body, html = render_email(template, context, language=language)
    payload = {"to": recipients, "subject": subject, "body": body}
    if html:
        payload["html"] = html
    return outbox.enqueue("email", f"email.{template.rsplit('/', 1)[-1]}", payload, reference=reference)
