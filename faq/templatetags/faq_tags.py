from django import template

register = template.Library()


@register.simple_tag
def related_questions(service_page, limit=5):
    """``{"index": the FAQ page, "entries": [...]}`` for a service page: the live
    questions linked to it in its language, each with ``faq_url``."""
    from faq.models import FAQIndexPage
    from faq.services import related_entries

    index = FAQIndexPage.objects.live().public().filter(locale_id=service_page.locale_id).first()
    if index is None:
        return {"index": None, "entries": []}
    entries = related_entries(service_page, limit=limit)
    for entry in entries:
        entry.faq_url = index.url + index.reverse_subpage("question", kwargs={"slug": entry.slug})
    return {"index": index, "entries": entries}
