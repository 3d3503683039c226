"""Machine-to-machine endpoints of the services app (no language prefix)."""

from django.urls import path

from . import views

app_name = "services"

urlpatterns = [
    path("callbacks/<slug:slug>/", views.status_callback, name="callback"),
    path("files/<str:token>/", views.attachment_download, name="attachment"),
]
