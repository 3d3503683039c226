"""Whole-page cache for anonymous visitors (the cache of CACHES["default"]:
Redis when REDIS_URL is set, process memory otherwise).

What is cached: the rendered HTML of a Wagtail page (and its RoutablePage
sub-pages) answered 200 to an anonymous GET, keyed by scheme, host, path and
normalised query (see ``normalised_query``). Never cached: logged-in users,
previews, private pages, responses that set a cookie of their own or say
``private``/``no-store``, POSTs.

Where it sits: just inside compression, before the session, locale, CSRF,
authentication and staff middleware. A visitor without a session cookie (nobody
signed in, no flashed message) is answered from the cache there, without a
database query and without running what only a session or a rendered page
needs; the security headers (outside) are added to hits as to any response.
What the inner middleware adds to a page (Content-Language, X-Frame-Options,
Vary) is stored with it. A miss goes through everything and is stored on the
way back out, so the stored response has already been seen by every
middleware that could set a cookie.

Forms on cached pages keep working: each per-visitor value in the HTML (the
CSRF token and the signed start time of public forms) is cut out before the
page is stored, and every visitor gets fresh values put back, with the CSRF
cookie set by Django's own CSRF middleware code. So CSRF protection stays on
and the minimum-time check still times this visitor, not the first one.

Compression: each page is stored already deflated, so a hit is not
compressed again (gzip of a 90 KB page costs more than the rest of a hit);
see "Storing" below.

Invalidation is by generation: publishing, unpublishing, moving or deleting a
page, and saving any snippet, setting, image, document or model registered
with ``invalidate_on`` bumps one counter, and an entry stored under an older
generation is a miss. Cheap to do, impossible to get wrong; publishing is rare
compared with reading. The counter and the entry are read in one round trip.

Each process also keeps the entries it served lately (``MAX_REMEMBERED``), so a
hit on a page it has served in this generation reads only the counter from Redis,
not the page again (the FAQ's entry is over 100 KB).

One render per page and generation: right after a publish every page is a miss,
and on a busy day a hundred visitors may ask for the home page in the second it
takes to render it from nothing (75 ms of CPU each, bench/README.md "Load": cold).
The first to miss claims the page (``cache.add``); the others wait for its
entry, up to ``PAGE_CACHE_RENDER_WAIT_SECONDS``, and are served it as a hit. If it
stores nothing (a search, a 404, a page that may not be kept) they render for
themselves, and so does everyone who asks in the next
``PAGE_CACHE_RENDER_WAIT_SECONDS``, at once: a popular search is not answered one
visitor after another.
"""

import contextvars
import math
import re
import struct
import threading
import time
import zlib
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CSRF_TOKEN_LENGTH, CsrfViewMiddleware, get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control
from django.utils.text import compress_string

GENERATION_KEY = "pagecache:generation"
#: Part of every key: entries stored by an older version of this module are never read.
_FORMAT = 3
#: Entries each process keeps (``_Remembered``): the pages most visited at the moment.
#: An entry is the page twice (plain and deflated), 10–120 KB here, so at most about
#: 25 MB a process.
MAX_REMEMBERED = 200
_RENDER_POLL_SECONDS = 0.02
#: What a claim holds for the rest of its time once its render stored nothing (a search,
#: a 404, a private page): visitors asking meanwhile render at once instead of waiting.
_NOTHING_STORED = "nothing stored"
#: The per-visitor values in a page: the CSRF token and the signed start time of a form.
_HOLES = re.compile(rb'name="(csrfmiddlewaretoken|started)" value="([^"]*)"')
_CSRF_HOLE, _STARTED_HOLE = "csrfmiddlewaretoken", "started"
#: Cookies a cacheable response may set: only the CSRF cookie, which every
#: visitor gets for themselves when the cached page is served.
_ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME}
#: Headers the inner middleware and the view set that belong to the page.
_STORED_HEADERS = {"content-type", "content-language", "vary", "cache-control", "link", "x-frame-options"}

#: Query parameters that only tell the visitor's analytics where they came from; the
#: server never reads them, so they are dropped before the key is made (a newsletter
#: link with ?utm_source=… is served from the cache like the bare address).
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga"}
TRACKING_PREFIXES = ("utm_",)
#: Longer query strings are never cached: no page here needs one (the longest, a
#: filtered list, is under 100 characters), and it bounds the size of every key.
MAX_QUERY_LENGTH = 200

# The generation read at the start of the current request: one value for the whole
# request (the page and its fragments, core.fragments), and one Redis call fewer each.
_request_generation = contextvars.ContextVar("pagecache_generation", default=None)
_csrf = CsrfViewMiddleware(lambda request: None)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _render_wait():
    return getattr(settings, "PAGE_CACHE_RENDER_WAIT_SECONDS", 0)


class _Remembered:
    """This process's copies of the entries it served lately, least recently used
    dropped first. An entry never changes once stored: it is valid while its
    generation is the current one and it has not expired, wherever it is kept."""

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > MAX_REMEMBERED:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


_remembered = _Remembered()


def forget():
    """Drop this process's copies (tests: the cache they came from was cleared)."""
    _remembered.clear()


def _claim_key(key):
    return f"{key}:rendering"


def _claim(key, current):
    """True when this request is the one to render ``key`` for generation ``current``."""
    return cache.add(_claim_key(key), current, timeout=_render_wait())


def _release(key, stored):
    """The render of ``key`` is over: its entry is there to be read, or there is
    nothing to wait for (until the claim would have expired)."""
    if stored:
        cache.delete(_claim_key(key))
    else:
        cache.set(_claim_key(key), _NOTHING_STORED, timeout=_render_wait())


def _rendered_elsewhere(key, current):
    """The entry the request that claimed ``key`` stores, once it does; None when it
    finishes without storing one, dies, or the wait is over."""
    claim = _claim_key(key)
    deadline = time.monotonic() + _render_wait()
    while True:
        # Read before the first sleep: with the cache unreachable nobody holds a claim.
        found = cache.get_many([key, claim])
        entry = found.get(key)
        if entry is not None and entry["generation"] == current:
            return entry
        if found.get(claim) != current or time.monotonic() >= deadline:
            return None
        time.sleep(_RENDER_POLL_SECONDS)


def _lookup(key):
    """(current generation, entry for ``key`` or None): the counter alone when this
    process holds a valid copy, else the counter and the entry in one round trip."""
    entry = _remembered.get(key)
    if entry is not None:
        current = cache.get(GENERATION_KEY)
        if entry["generation"] == current and entry["expires"] > time.time():
            return current, entry
    found = cache.get_many([GENERATION_KEY, key])
    current, entry = found.get(GENERATION_KEY), found.get(key)
    if entry is not None and entry["generation"] == current:
        _remembered.put(key, entry)
    return current, entry


def _read_generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(time.time() * 1000)
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def generation():
    holder = _request_generation.get()
    if holder is None:
        return _read_generation()
    if holder[0] is None:
        holder[0] = _read_generation()
    return holder[0]


def invalidate(**kwargs):
    """Make every cached page stale at once, and again when the transaction that
    changed the content commits: a view between the two would otherwise keep what it
    read of the old content under the new generation."""
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def _next_generation():
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:
        value = int(time.time() * 1000)
        cache.set(GENERATION_KEY, value, timeout=None)
    holder = _request_generation.get()
    if holder is not None:
        holder[0] = value


def invalidate_on(model):
    """Pages show this model's records (e.g. approved comments): saving or
    deleting one makes cached pages stale."""
    uid = f"pagecache:{model._meta.label_lower}"
    post_save.connect(invalidate, sender=model, dispatch_uid=uid + ":save", weak=False)
    post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ":delete", weak=False)


def normalised_query(query_string):
    """The query string as the cache sees it, or None when it is too long to cache.

    Tracking parameters are dropped and the rest sorted by name, so that
    ``?b=2&a=1&utm_source=x`` and ``?a=1&b=2`` are one entry. Which of the
    remaining parameters count is decided after the page is rendered: a page is
    stored only when it read every parameter in the query (``_ReadTrackingQueryDict``),
    so ``?anything=random`` is answered fresh and never fills the cache, while
    ``?page=2`` or ``?kind=pengumuman`` on a list is stored like any page.
    """
    if not query_string:
        return ""
    if len(query_string) > MAX_QUERY_LENGTH:
        return None
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name not in TRACKING_PARAMS and not name.startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


class _ReadTrackingQueryDict(QueryDict):
    """request.GET that remembers which parameters the page asked for by name.

    Copying or re-encoding the query (pagination and language links repeat it) is
    not a read: a page that only repeats ``?x=1`` in its links does not change with
    it. A read this misses only keeps a page out of the cache, never serves a wrong one.
    """

    def __init__(self, *args, **kwargs):
        self.read = set()
        super().__init__(*args, **kwargs)
        self.read = set()  # filling the dict is not reading it

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)


#: Cookies that change what a page shows the visitor who carries them: the session
#: (someone signed in, a tracked application), flashed messages, and those the apps name
#: with ``personal_cookie``.
_personal_cookies = {settings.SESSION_COOKIE_NAME, "messages"}


def personal_cookie(name):
    """Pages show the visitor carrying cookie ``name`` something of their own (the FAQ
    marks the answers they voted on): their requests are rendered for them, and what is
    rendered for them is never stored for others."""
    _personal_cookies.add(name)


def _personal(request):
    """The request carries something of the visitor's own: a ``personal_cookie`` (a
    session: someone signed in, a flashed message) or credentials."""
    return not _personal_cookies.isdisjoint(request.COOKIES) or "HTTP_AUTHORIZATION" in request.META


def _anonymous_read(request):
    return request.method in {"GET", "HEAD"} and not _personal(request)


def may_serve_cached(request):
    """The page cache applies to this request (checked again in the page hook,
    where the user and a preview are known)."""
    return (
        seconds() > 0
        and _anonymous_read(request)
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
    )


def mark_cacheable(page, request, *args, **kwargs):
    """Wagtail's before_serve_page hook: this page's response may be stored."""
    if (
        getattr(request, "_pagecache_key", None)
        and may_serve_cached(request)
        and not page.get_view_restrictions().exists()
    ):
        request._pagecache_cacheable = True


def _storable(request, response):
    if not getattr(request, "_pagecache_cacheable", False) or response.status_code != 200:
        return False
    if response.streaming or response.get("Content-Type", "").split(";")[0] != "text/html":
        return False
    if response.has_header("Content-Encoding"):
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return False
    if not set(response.cookies) <= _ALLOWED_COOKIES:
        return False
    # A parameter the page never read: the page does not depend on it (see normalised_query).
    query = request.GET
    return not isinstance(query, _ReadTrackingQueryDict) or set(query) <= query.read


# Storing: the page cut at its per-visitor values, compressed once.
#
# A hit is sent gzipped without compressing anything: the stored deflate stream has a
# gap where each per-visitor value goes, filled per visitor with an uncompressed
# ("stored") deflate block of the value. For that, the page is compressed with each
# value replaced by as many NUL bytes as the value will have, with a flush (which
# ends on a byte boundary) on each side, and the compressed NULs are dropped. HTML
# holds no NUL byte, so nothing after a gap can refer back into it (a reference
# copies bytes that must equal the text being compressed), and as the gap keeps the
# value's length every other reference still points at the right place. The page
# compresses nearly as well as in one piece (the FAQ, 25 forms: 13 KB instead of 11),
# and as a per-visitor value is never compressed together with the page, its length
# says nothing about its content (no BREACH).

_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no time, deflate


def _started_value():
    """A fresh signed start time, always of one length: the time to the millisecond
    (one or two earlier, never later), with a last digit that is not 0, prints with
    exactly three decimals."""
    from .publicforms import _SIGNER_SALT

    millis = math.floor(time.time() * 1000) - 1
    if millis % 10 == 0:
        millis -= 1
    return signing.dumps(millis / 1000, salt=_SIGNER_SALT).encode()


def _value_lengths():
    return {_CSRF_HOLE: CSRF_TOKEN_LENGTH, _STARTED_HOLE: len(_started_value())}


def _cut(content, csrf_used):
    """(pieces, holes): the page's bytes between its per-visitor values, and the
    name of each value; None when a CSRF token was used but is not where we look."""
    pieces, holes, start = [], [], 0
    for match in _HOLES.finditer(content):
        pieces.append(content[start : match.start(2)])
        holes.append(match.group(1).decode())
        start = match.end(2)
    pieces.append(content[start:])
    if csrf_used and _CSRF_HOLE not in holes:
        return None  # the token is somewhere else in the page (a script, a meta tag)
    return pieces, holes


def _deflate(pieces, holes, lengths):
    """The raw deflate stream of the page, in pieces with gaps for the values."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = []
    for piece, hole in zip(pieces, holes, strict=False):
        deflated.append(compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH))
        compressor.compress(b"\x00" * lengths[hole])
        compressor.flush(zlib.Z_SYNC_FLUSH)
    deflated.append(compressor.compress(pieces[-1]) + compressor.flush())
    return deflated


def _entry(generation_, response, pieces, holes):
    stored = _STORED_HEADERS - {"vary"}
    headers = [(name, value) for name, value in response.items() if name.lower() in stored]
    vary = [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]
    if "accept-encoding" not in {name.lower() for name in vary}:
        vary.append("Accept-Encoding")  # a hit is gzipped or not as asked
    headers.append(("Vary", ", ".join(vary)))
    lengths = _value_lengths()
    return {
        "generation": generation_,
        # When the cache drops it: a copy kept by a process (_Remembered) stops there too.
        "expires": time.time() + seconds(),
        "headers": headers,
        "pieces": pieces,
        "holes": holes,
        "lengths": lengths,
        "deflated": _deflate(pieces, holes, lengths) if b"\x00" not in b"".join(pieces) else None,
    }


# Serving


def _values(request, holes):
    """This visitor's value for each kind of hole (one token per response, as Django does)."""
    values = {}
    if _CSRF_HOLE in holes:
        if "CSRF_COOKIE" not in request.META:
            _csrf.process_request(request)  # the visitor's own secret, if they have one
        values[_CSRF_HOLE] = get_token(request).encode()
    if _STARTED_HOLE in holes:
        values[_STARTED_HOLE] = _started_value()
    return values


def _stored_block(data):
    """``data`` as an uncompressed deflate block (values are far below 64 KiB)."""
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


def _gzip(entry, values, body):
    """The stored deflate stream with this visitor's values in its gaps, as gzip."""
    deflated = entry["deflated"]
    if deflated is None or any(len(value) != entry["lengths"][name] for name, value in values.items()):
        return compress_string(body)  # cannot be spliced: compressed whole, as GZipMiddleware would
    parts = [_GZIP_HEADER]
    for segment, hole in zip(deflated, entry["holes"], strict=False):
        parts += (segment, _stored_block(values[hole]))
    parts += (deflated[-1], struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF))
    return b"".join(parts)


def _serve(request, entry):
    pieces, holes = entry["pieces"], entry["holes"]
    values = _values(request, holes)
    if holes:
        body = b"".join(piece + values[hole] for piece, hole in zip(pieces, holes, strict=False)) + pieces[-1]
    else:
        body = pieces[0]
    gzipped = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(_gzip(entry, values, body) if gzipped else body)
    for name, value in entry["headers"]:
        response.headers[name] = value
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(response.content))
    response.headers["X-Page-Cache"] = "hit"
    if _CSRF_HOLE in values:
        _csrf.process_response(request, response)  # sets the visitor's CSRF cookie
    return response


class PageCacheMiddleware:
    """Inside GZipMiddleware (which leaves a hit alone: it is compressed already),
    outside the session, locale and CSRF middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = normalised_query(request.META.get("QUERY_STRING", "")) if _anonymous_read(request) else None
        if seconds() <= 0 or query is None:
            response = self._render(request, [None])
            if _personal(request) and not response.has_header("Cache-Control"):
                # Someone signed in, or shown something of their own (an editor's page
                # with the user bar, a voter's answers): no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response
        key = f"pagecache:{_FORMAT}:{request.scheme}://{request.get_host()}{request.path}?{query}"
        current, entry = _lookup(key)
        if current is not None and entry is not None and entry["generation"] == current:
            return _serve(request, entry)
        if current is None:
            current = _read_generation()  # the cache was emptied, or is unreachable
        claimed = False
        if _render_wait() > 0:
            claimed = _claim(key, current)
            entry = None if claimed else _rendered_elsewhere(key, current)
            if entry is not None:
                return _serve(request, entry)
        stored = False
        try:
            response, stored = self._render_and_store(request, key, query, current)
            return response
        finally:
            if claimed:
                _release(key, stored)

    def _render_and_store(self, request, key, query, current):
        # Stored under the generation this request started with, or a newer one if the
        # request itself changed something shown on pages (a setting created on first
        # use). A change made elsewhere meanwhile leaves the older one: stale at once.
        holder = [current]
        request._pagecache_key = key
        request.META["QUERY_STRING"] = query
        request.GET = _ReadTrackingQueryDict(query)
        response = self._render(request, holder)
        storable = _storable(request, response)
        if getattr(request, "_pagecache_cacheable", False):
            # Browsers and shared caches revalidate: the HTML holds per-visitor tokens
            # (ops.frontendcache lets a CDN keep pages that hold none).
            patch_cache_control(response, private=True, max_age=0)
        cut = _cut(response.content, settings.CSRF_COOKIE_NAME in response.cookies) if storable else None
        if cut is not None:
            cache.set(key, _entry(holder[0], response, *cut), timeout=seconds())
            response.headers["X-Page-Cache"] = "miss"
        return response, cut is not None

    def _render(self, request, holder):
        """The rest of the stack, with ``generation()`` answering from ``holder``."""
        token = _request_generation.set(holder)
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def _shows_on_pages(instance):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, Page):
        return False  # pages invalidate through their publishing signals
    # Sites, locales and view restrictions decide which page a path leads to and who may
    # see it (core.routing remembers routes per generation).
    return isinstance(
        instance,
        BaseGenericSetting
        | BaseSiteSetting
        | AbstractImage
        | AbstractDocument
        | Site
        | Locale
        | BaseViewRestriction,
    ) or type(instance) in set(get_snippet_models())


def _invalidate_if_shown(sender, instance, **kwargs):
    from core import fragments

    if (seconds() > 0 or fragments.seconds() > 0) and _shows_on_pages(instance):
        invalidate()


def _invalidate_for_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate, dispatch_uid="pagecache:published")
    page_unpublished.connect(invalidate, dispatch_uid="pagecache:unpublished")
    post_page_move.connect(invalidate, dispatch_uid="pagecache:moved")
    post_delete.connect(_invalidate_for_page, dispatch_uid="pagecache:page-deleted")
    post_save.connect(_invalidate_if_shown, dispatch_uid="pagecache:content-saved")
    post_delete.connect(_invalidate_if_shown, dispatch_uid="pagecache:content-deleted")
