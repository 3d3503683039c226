"""Views served through the page cache as pages are (core.tests.test_pagecache): one with a
public form, one list that reads its query parameters."""

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import escape

from config.urls import urlpatterns as site_urlpatterns
from core.publicforms import PublicForm


class MessageForm(PublicForm):
    message = forms.CharField()


def form_page(request):
    request._pagecache_cacheable = True
    return TemplateResponse(request, "pagecache_form.html", {"form": MessageForm()})


def listing(request):
    """Reads ``kind`` and ``page``, as the news list does."""
    request._pagecache_cacheable = True
    kind, page = request.GET.get("kind", ""), request.GET.get("page", "1")
    return HttpResponse(f"<!doctype html><p>{escape(kind)} page {escape(page)}</p>" + "<p>filler</p>" * 20)


def receive(request):
    form = MessageForm(request.POST)
    return HttpResponse("valid" if form.is_valid() else f"invalid {form.errors.as_json()}")


urlpatterns = [
    path("cached-form/", form_page),
    path("cached-list/", listing),
    path("receive/", receive),
    *site_urlpatterns,
]
