from django import forms
from django.utils.translation import gettext_lazy as _


class NewsFilterForm(forms.Form):
    """The GET form above the news listing. It is never bound: the listing
    reads its values through ``services.parse_news_filters``, which drops
    unknown values instead of reporting errors."""

    # Every filter has an "all" choice, so none is marked optional or required.
    use_required_attribute = False

    kind = forms.ChoiceField(label=_("Kind"))
    tag = forms.ChoiceField(label=_("Topic"))

    def __init__(self, *args, topics=(), **kwargs):
        from .models import NewsPage

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + list(NewsPage.KINDS)
        self.fields["tag"].choices = [("", _("All topics"))] + [(topic.slug, topic.name) for topic in topics]
