"""``{% fragment "nav" per_page %}…{% endfragment %}``: the enclosed
template rendered once per language and cache generation (and per page with
``per_page``: one copy per Wagtail page, one shared by every view that is not
a page), see ``core.fragments``. Never put anything in it that differs per
visitor (CSRF tokens, form start times, user names) or per query string."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, per_page, nodelist):
        self.name = name
        self.per_page = per_page
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        page = context.get("page") if self.per_page else None
        key = fragments.cache_key(name, context.get("request"), page, per_page=self.per_page)
        return mark_safe(fragments.get_or_render(key, lambda: self.nodelist.render(context)))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "per_page"):
        raise template.TemplateSyntaxError('Usage: {% fragment "name" [per_page] %}…{% endfragment %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), len(bits) == 3, nodelist)


@register.filter
def cached_richtext(value):
    """Wagtail's ``|richtext`` for a rich-text field's stored HTML, through
    ``core.fragments.expand_richtext``."""
    return render_to_string(
        "wagtailcore/shared/richtext.html", {"html": fragments.expand_richtext(value or "")}
    )
