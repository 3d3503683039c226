"""The FAQ in the admin: entries (with their vote counts), categories, and the
moderation queue of asked questions, together under "Questions and answers".

Asked questions belong to a division (from their category, or set by a
moderator): each division's editors and moderators see only theirs, through
``visible_questions`` in every view; questions without a division are for the
administrators (governance.scoping).
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from governance.scoping import scope_queryset
from offices.models import Division

from . import services
from .forms import PublishForm
from .models import AskedQuestion, FAQCategory, FAQEntry


class FAQCategoryViewSet(SnippetViewSet):
    model = FAQCategory
    icon = "folder-open-inverse"
    menu_label = _("FAQ categories")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class FAQEntryViewSet(SnippetViewSet):
    model = FAQEntry
    icon = "help"
    menu_label = _("Questions and answers")
    list_display = [
        "question",
        "category",
        "pinned_order",
        Column("yes_count", label=_("Helpful")),
        Column("no_count", label=_("Not helpful")),
        Column("helpful_ratio", label=_("Helpful ratio")),
    ]
    list_filter = ["category", "live"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "question",
        "category",
        "short_answer",
        "full_answer",
        "pinned_order",
        "yes_count",
        "no_count",
        "helpful_ratio",
        "recent_comments",
    ]

    def get_queryset(self, request):
        return FAQEntry.objects.with_votes().select_related("category")


class AskedQuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come from the public form only: nobody adds them here."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add"})


# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(AskedQuestion, AskedQuestionPermissionPolicy(AskedQuestion))


class AskedQuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "division" in self.fields:
            # One entry per division (the default language), as in the ticket inbox.
            self.fields["division"].queryset = Division.objects.filter(
                Q(locale=Locale.get_default()) | Q(pk=self.instance.division_id)
            )


def visible_questions(user):
    """The asked questions ``user`` may moderate: those of their divisions;
    administrators see every question."""
    return scope_queryset(AskedQuestion.objects.select_related("category", "division"), user, "division")


class AskedQuestionIndexView(IndexView):
    def get_base_queryset(self):
        return visible_questions(self.request.user)


class AskedQuestionInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible_questions(self.request.user), pk=unquote(str(self.pk)))


class AskedQuestionDeleteView(DeleteView):
    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return super().get_object(visible_questions(self.request.user))


class AskedQuestionHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return visible_questions(self.request.user)


class AskedQuestionUsageView(UsageView):
    def get_base_object_queryset(self):
        return visible_questions(self.request.user)


class AskedQuestionEditView(EditView):
    publish_url_name = None

    def get_object(self, queryset=None):
        return super().get_object(visible_questions(self.request.user))

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status != AskedQuestion.Status.PUBLISHED:
            buttons.append(
                HeaderButton(
                    _("Publish as FAQ entry"),
                    url=reverse(self.publish_url_name, args=[self.object.pk]),
                    icon_name="upload",
                )
            )
        return buttons

    def save_instance(self):
        if "category" in self.form.changed_data and "division" not in self.form.changed_data:
            # A new topic brings its division, unless the moderator chose one.
            division = services.division_for(self.form.instance.category)
            if division is not None:
                self.form.instance.division = division
        with transaction.atomic():
            instance = super().save_instance()
            if instance.status in (AskedQuestion.Status.ANSWERED, AskedQuestion.Status.PUBLISHED):
                services.mark_answered(instance, user=self.request.user)
        return instance


class AskedQuestionViewSet(ModelViewSet):
    model = AskedQuestion
    icon = "help"
    menu_label = _("Asked questions")
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = AskedQuestionIndexView
    inspect_view_class = AskedQuestionInspectView
    edit_view_class = AskedQuestionEditView
    delete_view_class = AskedQuestionDeleteView
    history_view_class = AskedQuestionHistoryView
    usage_view_class = AskedQuestionUsageView
    list_display = [
        TitleColumn("reference", label=_("Reference number"), url_name="faq_asked_questions:edit"),
        "question_excerpt",
        Column("status", accessor="get_status_display", label=_("Status")),
        "category",
        "division",
        Column("language", accessor="get_language_display", label=_("Language")),
        DateColumn("created_at", label=_("Received")),
    ]
    list_filter = ["status", "language", "category"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "reference",
        "language",
        "status",
        "category",
        "division",
        "question",
        "name",
        "email",
        "answer",
        "public_question",
        "entry",
        "created_at",
        "answered_at",
        "answered_by",
        "notified_at",
    ]

    @property
    def edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(self.panels, base_form_class=AskedQuestionForm)

    @property
    def panels(self):
        from wagtail.admin.panels import FieldPanel, MultiFieldPanel

        return [
            MultiFieldPanel(
                [
                    FieldPanel("reference", read_only=True),
                    FieldPanel("question", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                ],
                heading=_("The question"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("category"), FieldPanel("division")],
                heading=_("Moderation"),
            ),
            FieldPanel("answer"),
            FieldPanel("public_question"),
        ]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(publish_url_name=self.get_url_name("publish"), **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("publish/<int:pk>/", self.publish_view, name="publish"),
        ]

    def publish_view(self, request, pk):
        """Publishes the editor's answer as a new FAQ entry, in the question's language."""
        if not (
            request.user.has_perm("faq.change_askedquestion") and request.user.has_perm("faq.add_faqentry")
        ):
            raise PermissionDenied
        question = get_object_or_404(visible_questions(request.user), pk=pk)
        locale = Locale.objects.filter(language_code=question.language).first()
        if question.status == AskedQuestion.Status.PUBLISHED and question.entry_id:
            messages.warning(request, _("This question is already published."))
            return redirect(self.get_url_name("edit"), pk=question.pk)
        if request.method == "POST":
            form = PublishForm(request.POST, locale=locale)
            if form.is_valid():
                data = form.cleaned_data
                entry = services.publish_question(
                    question,
                    category=data["category"],
                    question_text=data["question"],
                    short_answer=data["short_answer"],
                    full_answer=linebreaks(data["full_answer"]) if data["full_answer"].strip() else "",
                    user=request.user,
                )
                messages.success(request, _("Published as a new FAQ entry. Add links to services there."))
                return redirect("wagtailsnippets_faq_faqentry:edit", entry.pk)
        else:
            form = PublishForm(
                locale=locale,
                initial={
                    "category": question.category_id,
                    "question": question.public_question,
                    "short_answer": question.answer[:400],
                    "full_answer": question.answer if len(question.answer) > 400 else "",
                },
            )
        return TemplateResponse(
            request,
            "faq/admin/publish.html",
            {"form": form, "question": question, "cancel_url": reverse(self.get_url_name("edit"), args=[pk])},
        )


class FAQViewSetGroup(ViewSetGroup):
    menu_label = _("Questions and answers")
    menu_icon = "help"
    menu_order = 310
    items = (
        FAQEntryViewSet,
        FAQCategoryViewSet,
        AskedQuestionViewSet("faq_asked_questions"),
    )


register_snippet(FAQViewSetGroup)


# The site search shows matching questions above its page results.
hooks.register("search_answers", services.search_answers)
