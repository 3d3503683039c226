from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_manage(request.user)


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("personal-data/", views.personal_data, name=views.URL_NAME)]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse(views.URL_NAME), name="personal-data", icon_name="lock", order=900
    )


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action("privacy.export", _("Export personal data"), _("Personal data exported"))
    actions.register_action("privacy.erase", _("Erase personal data"), _("Personal data erased on request"))
    actions.register_action(
        "privacy.purge", _("Purge personal data"), _("Personal data removed after the retention period")
    )
