"""The public views of a FeedbackPage (its routes are in models.py)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.pagination import paginate
from core.publicforms import rate_limit
from core.tracking import NOT_FOUND_MESSAGE, TrackingForm, find_tracked

from . import services
from .forms import ATTACHMENT_FIELDS, TicketForm
from .models import FeedbackTicket, PublishedTicket, TicketType

SENT_SESSION_KEY = "feedback:sent"
TRACKED_SESSION_KEY = "tracked:feedback"
PUBLISHED_PER_PAGE = 10


def _route_url(page, name, request=None):
    return page.get_url(request) + page.reverse_subpage(name)


def _context(page, request, **extra):
    context = page.get_context(request)
    context.update(
        form_url=page.get_url(request),
        ppid_url=_route_url(page, "ppid", request),
        track_url=_route_url(page, "track", request),
        published_url=_route_url(page, "published", request),
        **extra,
    )
    return context


def _kept_values(post, form_class_fields):
    """Typed values to show again when a form is not processed (files cannot be kept)."""
    return {
        name: post.get(name) for name in form_class_fields if name in post and name not in ATTACHMENT_FIELDS
    }


def ticket_form(request, page, *, ppid=False):
    locale = page.locale
    initial = {}
    if ppid:
        initial["type"] = TicketType.INFORMATION_REQUEST
    elif request.GET.get("type") in TicketType.values:
        initial["type"] = request.GET["type"]
    status = 200
    rate_message = ""
    if request.method == "POST":
        limit = rate_limit(request, "ticket")
        if limit.exceeded:
            fields = [name for name in TicketForm.base_fields if name not in {"website", "started"}]
            form = TicketForm(initial=_kept_values(request.POST, fields), locale=locale)
            rate_message, status = limit.message, 429
        else:
            form = TicketForm(request.POST, request.FILES, locale=locale)
            if form.is_valid():
                ticket = services.create_ticket(form.new_ticket(locale.language_code))
                request.session[SENT_SESSION_KEY] = {
                    "reference": ticket.reference,
                    "trackable": ticket.trackable,
                    "emailed": bool(ticket.email),
                    "type": ticket.type,
                }
                return redirect(_route_url(page, "sent", request))
    else:
        form = TicketForm(initial=initial, locale=locale)
    context = _context(
        page,
        request,
        form=form,
        ppid=ppid,
        rate_message=rate_message,
        files_not_kept=form.is_bound and bool(form.errors),
        ppid_working_days=services.PPID_WORKING_DAYS,
        ppid_extension_working_days=services.PPID_EXTENSION_WORKING_DAYS,
    )
    return TemplateResponse(request, "feedback/feedback_page.html", context, status=status)


def sent(request, page):
    """The confirmation: the reference comes from the session, never the URL."""
    sent_ticket = request.session.get(SENT_SESSION_KEY)
    if not sent_ticket:
        return redirect(page.get_url(request))
    context = _context(
        page,
        request,
        sent=sent_ticket,
        type_label=TicketType(sent_ticket["type"]).label,
        working_days=services.response_working_days(sent_ticket["type"]),
    )
    return TemplateResponse(request, "feedback/feedback_sent.html", context)


def track(request, page):
    """POST only for a look-up: the contact never goes into a URL."""
    status = 200
    rate_message = ""
    ticket = None
    not_found = False
    if request.method == "POST":
        limit = rate_limit(request, "tracking")
        if limit.exceeded:
            form = TrackingForm(initial={"reference": request.POST.get("reference", "")})
            rate_message, status = limit.message, 429
        else:
            form = TrackingForm(request.POST)
            if form.is_valid():
                ticket = find_tracked(
                    FeedbackTicket.objects.select_related("service", "division", "assigned_division"),
                    form.cleaned_data["reference"],
                    form.cleaned_data["contact"],
                )
                if ticket is None:
                    not_found = True
                else:
                    tracked = set(request.session.get(TRACKED_SESSION_KEY, []))
                    tracked.add(ticket.pk)
                    request.session[TRACKED_SESSION_KEY] = sorted(tracked)
    else:
        form = TrackingForm()
    context = _context(
        page,
        request,
        form=form,
        ticket=ticket,
        history=services.public_history(ticket) if ticket else [],
        not_found_message=NOT_FOUND_MESSAGE if not_found else "",
        rate_message=rate_message,
    )
    return TemplateResponse(request, "feedback/feedback_track.html", context, status=status)


def published(request, page):
    # The summaries written in the page's language: each language lists its own.
    summaries = PublishedTicket.objects.live().filter(locale=page.locale_id).select_related("division")
    items = paginate(request, summaries, PUBLISHED_PER_PAGE)
    items.object_list = list(items.object_list)
    for item in items.object_list:
        division = item.division and (item.division.get_translation_or_none(page.locale) or item.division)
        item.division_name = division.name if division else ""
    context = _context(page, request, items=items)
    return TemplateResponse(request, "feedback/feedback_published.html", context)
