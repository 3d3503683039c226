from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    """Every live, public page of the site in every language, each listing its
    translations as hreflang alternates."""

    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return list(pages.live().public().order_by("path").specific())

    def location(self, page):
        return page.get_full_url(self.request)

    def lastmod(self, page):
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        by_key = {}
        for url in urls:
            by_key.setdefault(url["item"].translation_key, []).append(url)
        for url in urls:
            url["alternates"] = [
                {"location": other["location"], "lang_code": other["item"].locale.language_code}
                for other in by_key[url["item"].translation_key]
            ]
        return urls
