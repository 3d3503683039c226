"""The routes of ``FAQIndexPage``: a question's own page, votes, "Ask a question"."""

import re

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from core.publicforms import client_fingerprint, rate_limit

from . import services
from .forms import AskForm, VoteForm
from .models import new_voter_id

SESSION_ASKED = "faq:asked"


def _context(page, request, **extra):
    if "entry" not in extra or "canonical_url" not in extra:
        request.faq_skip_json_ld = True  # forms and messages are not the FAQ
    context = page.base_context(request)
    context.update(extra)
    return context


def _get_entry(page, slug):
    entry = page.entries().select_related("category").filter(slug=slug).first()
    if entry is None:
        raise Http404
    return entry


def question(page, request, slug):
    """One question on a page of its own, for sharing and search engines."""
    entry = _get_entry(page, slug)
    request.faq_entry = entry  # the page's JSON-LD then describes this question only
    return TemplateResponse(
        request,
        "faq/question.html",
        _context(
            page,
            request,
            entry=entry,
            related_questions=services.related_questions(entry),
            related_services=services.related_services(entry),
            voted=services.voted_entries(request),
            thanks=request.GET.get("thanks", ""),
            canonical_url=page.get_full_url(request)
            + page.reverse_subpage("question", kwargs={"slug": slug}),
        ),
    )


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _back_url(page, request, entry, **params):
    """Back to the answer the vote came from: the FAQ page or the question's page."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        base = back.split("#")[0].split("?")[0]
    else:
        base = page.url
    return f"{base}{'?' + query if query else ''}#{entry.anchor}"


def vote(page, request, slug):
    entry = _get_entry(page, slug)
    if request.method != "POST":
        return HttpResponseRedirect(f"{page.url}#{entry.anchor}")
    limited = rate_limit(request, "faq_vote")
    if limited.exceeded:
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": limited.message}, status=429)
        return TemplateResponse(
            request,
            "faq/vote_result.html",
            _context(page, request, entry=entry, message=limited.message),
            status=429,
        )
    form = VoteForm(request.POST)
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": message, "errors": form.errors}, status=400)
        return TemplateResponse(
            request,
            "faq/vote_result.html",
            _context(page, request, entry=entry, message=message),
            status=400,
        )
    voter_id = request.COOKIES.get(services.VOTE_COOKIE, "")
    if not re.fullmatch(r"[0-9a-f]{32}", voter_id):
        voter_id = new_voter_id()
    services.record_vote(
        entry,
        voter_id=voter_id,
        address=client_fingerprint(request),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    if _wants_json(request):
        response = JsonResponse({"ok": True, "message": _("Thank you for your answer.")})
    else:
        response = redirect(_back_url(page, request, entry, thanks=entry.slug))
    response.set_cookie(
        services.VOTE_COOKIE,
        voter_id,
        max_age=services.VOTE_COOKIE_MAX_AGE,
        # Sent back to this page and its routes only: the pages that show a voter's
        # answers are rendered for them (core.pagecache.personal_cookie); every other
        # page still comes from the cache.
        path=page.get_url_parts(request)[2],
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def ask(page, request):
    status = 200
    if request.method == "POST":
        limited = rate_limit(request, "faq_question")
        form = AskForm(request.POST, locale=page.locale)
        if limited.exceeded:
            form.is_valid()  # show the typed values again, with the limit as the problem
            form.errors.clear()
            form.add_error(None, limited.message)
            status = 429
        elif form.is_valid():
            question = services.submit_question(form=form, language=page.locale.language_code)
            request.session[SESSION_ASKED] = question.reference
            return redirect(page.url + page.reverse_subpage("ask_sent"))
    else:
        form = AskForm(locale=page.locale)
    return TemplateResponse(request, "faq/ask.html", _context(page, request, form=form), status=status)


def ask_sent(page, request):
    reference = request.session.get(SESSION_ASKED)
    if not reference:
        return redirect(page.url + page.reverse_subpage("ask"))
    return TemplateResponse(request, "faq/ask_sent.html", _context(page, request, reference=reference))
