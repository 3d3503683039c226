from django.urls import path

from . import views

# Mounted under the Wagtail admin (wagtail_hooks.py): /admin/2fa/...
urlpatterns = [
    path("setup/", views.setup, name="security_2fa_setup"),
    path("verify/", views.verify, name="security_2fa_verify"),
]
