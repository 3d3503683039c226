"""``{% fragment "nav" per_page %}…{% endfragment %}``: the enclosed
template rendered once per language and cache generation (and per page with
``per_page``: one copy per Wagtail page, one shared by every view that is not
a page), see ``core.fragments``. Values after the name and ``per_page``
(``{% fragment "list" per_page request.path page_number %}``) give one copy
per combination of them: name there everything else the enclosed part depends
on (never a whole query string: its keys would be unbounded); a value of None
renders the fragment fresh (e.g. for a visitor whose view of it is personal).
Forms inside may carry ``{% csrf_token %}``: the token is stored as a mark and
each visitor gets their own. Nothing else in it may differ per visitor (form
start times, user names, what they voted)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, per_page, vary_on, nodelist):
        self.name = name
        self.per_page = per_page
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        page = context.get("page") if self.per_page else None
        vary_on = [value.resolve(context) for value in self.vary_on]
        key = fragments.cache_key(name, context.get("request"), page, per_page=self.per_page, vary_on=vary_on)
        html = fragments.get_or_render(key, lambda: self._render_shareable(context))
        if fragments.CSRF_MARK in html:
            html = html.replace(fragments.CSRF_MARK, str(context.get("csrf_token", "")))
        return mark_safe(html)

    def _render_shareable(self, context):
        html = self.nodelist.render(context)
        if 'name="csrfmiddlewaretoken"' in html:
            token = str(context.get("csrf_token", ""))
            if token:
                html = html.replace(token, fragments.CSRF_MARK)
        return html


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            'Usage: {% fragment "name" [per_page] [value …] %}…{% endfragment %}'
        )
    per_page = len(bits) > 2 and bits[2] == "per_page"
    vary_on = [parser.compile_filter(bit) for bit in bits[3 if per_page else 2 :]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), per_page, vary_on, nodelist)


@register.filter
def cached_richtext(value):
    """Wagtail's ``|richtext`` for a rich-text field's stored HTML, through
    ``core.fragments.expand_richtext``."""
    return render_to_string(
        "wagtailcore/shared/richtext.html", {"html": fragments.expand_richtext(value or "")}
    )
