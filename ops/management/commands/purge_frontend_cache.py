"""Purge every live page from the CDN or caching proxy, now (a deploy's release step: new
templates change every page)."""

from django.core.management.base import BaseCommand

from ops.frontendcache import configured, purge_all_pages


class Command(BaseCommand):
    help = "Purge every live page from the configured front-end caches (WAGTAILFRONTENDCACHE)."

    def handle(self, *args, **options):
        if not configured():
            self.stdout.write("No front-end cache is configured: nothing to purge.")
            return
        purge_all_pages.call()
        self.stdout.write("Purged every live page from the front-end caches.")
