"""A page with a public form, served through the page cache (core.tests.test_pagecache)."""

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from core.publicforms import PublicForm


class MessageForm(PublicForm):
    message = forms.CharField()


def form_page(request):
    request._pagecache_cacheable = True
    return TemplateResponse(request, "pagecache_form.html", {"form": MessageForm()})


def receive(request):
    form = MessageForm(request.POST)
    return HttpResponse("valid" if form.is_valid() else f"invalid {form.errors.as_json()}")


urlpatterns = [
    path("cached-form/", form_page),
    path("receive/", receive),
    *site_urlpatterns,
]
