from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site


class PageSitemap(Sitemap):
    """Every live, public page of the site in every language, each listing its
    translations (and the Indonesian original as x-default) as hreflang
    alternates."""

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
        """Django's version prefixes ``location()`` with the request's domain;
        a Wagtail page knows its own full URL (its site's hostname and port),
        so the URLs are built here from that alone."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "lang_code": languages.get(item.locale_id),
                    "changefreq": None,
                    "priority": "",
                    "alternates": [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):
            self.latest_lastmod = max(lastmods)

        by_key = {}
        for url in urls:
            by_key.setdefault(url["item"].translation_key, []).append(url)
        for url in urls:
            versions = by_key[url["item"].translation_key]
            url["alternates"] = [
                {"location": other["location"], "lang_code": other["lang_code"]} for other in versions
            ]
            default = [other for other in versions if other["lang_code"] == settings.LANGUAGE_CODE]
            if default:
                url["alternates"].append({"location": default[0]["location"], "lang_code": "x-default"})
        return urls
