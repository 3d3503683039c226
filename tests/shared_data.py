"""Data that many tests start from, built once and shared between them (the root
conftest imports the fixture and hooks).

The bilingual site of the ``homes`` fixture takes about 0.7 s to build (page revisions,
search and reference indexing) and over a thousand tests ask for it; the report tests'
data set (reports/tests/dataset.py) takes 1.6 s more. As with Django's
``TestCase.setUpTestData``, such a *layer* is built once inside a transaction that stays
open while the tests that want it run; pytest-django runs each of them in a savepoint
within it, so whatever a test writes is rolled back and the next test finds the layer as
it was built. Each test gets its own deep copy of the objects the builder returned, so a
change made to them in memory does not leak into the next test either.

Layers stack: a layer is built on the one below it (``shared_layer(..., below=...)``),
e.g. ``homes`` → ``dataset`` → ``people`` in reports/tests, and is closed (rolled back)
as soon as a test comes that does not want it.

A test is given a shared layer only where that changes nothing it can observe:

- it runs inside a transaction (not ``transactional_db``, ``live_server`` or
  ``django_db(transaction=True)``, which commit, and which pytest-django runs after the
  others anyway);
- every fixture set up before the layer's fixture is one of ``HARMLESS`` below: fixtures
  that do not change how the layer is built. A fixture that switches on a setting the
  build reads, or records what publishing a page sends, would; those tests (and any new
  fixture, until it is added here) build the layer inside the test, as before.

The build runs in Indonesian, as the autouse ``_default_language`` makes it run inside a
test. What it writes to the cache (site root paths, page-cache generation) and to the
mail outbox is recorded and written again when the fixture hands the layer to a test,
since the autouse fixtures empty both before each test.

``SHARED_TEST_DATA=0`` turns sharing off: every test builds its layers itself.
"""

import copy
import dataclasses
import os
import warnings

import pytest

#: Fixtures that may be set up before a shared layer's fixture without changing what
#: the layer would be: (where the fixture is defined, as pytest's baseid, and its name).
#: pytest-django's own fixtures are harmless too (see ``_harmless``).
HARMLESS = {
    # pytest's
    ("", "monkeypatch"),
    ("", "tmp_path"),
    ("", "tmp_path_factory"),
    ("", "pytestconfig"),
    ("", "_session_faker"),  # Faker's plugin; factory_boy keeps its own random state
    ("", "shared_data"),
    # The root conftest: the language the build runs in anyway, empty cache and private
    # storage (a build that writes private files is refused), the test client, a helper.
    ("", "_default_language"),
    ("", "_empty_cache"),
    ("", "_empty_private_storage"),
    ("", "client"),
    ("", "translate"),
    # Test URL configurations (nothing the build stores depends on URLs), settings of
    # public forms, notices and retention (read only when a form is sent or a purge runs),
    # emptied caches.
    ("search/tests", "_search_urls"),
    ("search/tests", "_fresh_search_caches"),
    ("satisfaction/tests", "_survey_urls"),
    ("pagefeedback/tests", "_page_feedback_urls"),
    ("feedback/tests", "_public_forms"),
    ("privacy/tests", "_retention"),
    # Counts tickets, outbox messages and private files, none of which the build makes.
    ("ops/tests/test_limits.py", "_held_before"),
    ("ops/tests/test_limits.py", "csrf_client"),
}

#: Fixtures that make a test commit to the database (pytest-django's rules).
COMMITTING = {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}

_MANAGER = pytest.StashKey()


@dataclasses.dataclass
class Layer:
    name: str
    build: object  # build(value of the layer below, if any) -> the layer's value
    below: str | None


_LAYERS = {}


def shared_layer(name, build, below=None):
    """Mark the fixture function ``name`` as serving a shared layer, built by
    ``build(value of the layer below)`` (``build()`` for a bottom layer). The fixture
    returns ``shared_data.get(name, *arguments of build)``."""

    def mark(function):
        if name in _LAYERS and _LAYERS[name].build is not build:
            raise ValueError(f"two shared layers are named {name!r}")
        _LAYERS[name] = Layer(name, build, below)
        function.shared_layer = name
        return function

    return mark


class _Recorder:
    """Records the writes made to a cache while a layer is built, to make them again."""

    METHODS = (
        "set",
        "add",
        "set_many",
        "get_or_set",
        "incr",
        "decr",
        "delete",
        "delete_many",
        "touch",
        "clear",
    )

    def __init__(self, cache):
        self.cache, self.calls, self.depth = cache, [], 0

    def __enter__(self):
        for name in self.METHODS:
            setattr(self.cache, name, self._wrap(name, getattr(self.cache, name)))
        return self

    def __exit__(self, *exc_info):
        for name in self.METHODS:
            delattr(self.cache, name)  # the class's method again

    def _wrap(self, name, method):
        def recorded(*args, **kwargs):
            # Only the outermost call: BaseCache.incr calls set, get_or_set calls add.
            self.depth += 1
            try:
                result = method(*args, **kwargs)
            finally:
                self.depth -= 1
            if self.depth == 0:
                self.calls.append((name, args, kwargs))
            return result

        return recorded

    @staticmethod
    def replay(cache, calls):
        for name, args, kwargs in calls:
            getattr(cache, name)(*args, **kwargs)


@dataclasses.dataclass
class _Built:
    layer: Layer
    atomic: object
    world: list  # the values of this layer and those below it, as this layer's build left them
    cache_calls: list
    mail: list


class SharedData:
    def __init__(self, blocker):
        self.blocker = blocker
        self.stack = []  # _Built, bottom first, each in its own (nested) atomic block
        self.copies = None  # the current test's copy of the top layer's world
        self.enabled = os.environ.get("SHARED_TEST_DATA", "1") != "0"
        self.builds, self.served = {}, {}  # per layer: how often built, how often shared

    # --- Which layers a test may share --------------------------------------------------

    def layers_for(self, item):
        info = getattr(item, "_fixtureinfo", None)
        if not self.enabled or info is None or not _in_a_transaction(item):
            return []
        wanted = []
        for name, fixturedef in _setup_order(item):
            layer = _LAYERS.get(getattr(fixturedef.func, "shared_layer", None))
            if layer is not None and layer.name == name:
                if layer.below != (wanted[-1] if wanted else None):
                    break
                wanted.append(name)
            elif not _harmless(name, info.name2fixturedefs.get(name, ())):
                break
        return wanted

    # --- Opening and closing layers between tests ---------------------------------------

    def prepare(self, item):
        """Before ``item``'s fixtures are set up (its predecessor's are torn down): keep
        the layers it can share, close the others, build the missing ones."""
        from django.db import connection

        self.copies = None
        wanted = self.layers_for(item)
        with self.blocker.unblock():
            if not self._intact(connection):
                # A test closed the connection, say: the layers are gone with it.
                warnings.warn("shared test data: the open transaction was lost; rebuilding", stacklevel=1)
                try:
                    self._unwind(len(self.stack))
                finally:
                    self.stack = []
            keep = 0
            while keep < min(len(wanted), len(self.stack)) and self.stack[keep].layer.name == wanted[keep]:
                keep += 1
            self._unwind(len(self.stack) - keep)
            for name in wanted[keep:]:
                if not self._open(_LAYERS[name]):
                    break

    def _intact(self, connection):
        blocks = getattr(connection, "atomic_blocks", None)
        if not self.stack:
            return True
        return (
            connection.connection is not None
            and not connection.closed_in_transaction
            and not connection.needs_rollback
            and blocks is not None
            and len(blocks) == len(self.stack)
            and all(block is built.atomic for block, built in zip(blocks, self.stack, strict=True))
        )

    def _open(self, layer):
        from django.core import mail
        from django.core.cache import cache
        from django.db import transaction
        from django.utils import translation

        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # The cache as a test finds it when this layer's fixture runs: emptied, then
            # the writes of the layers below.
            cache.clear()
            for built in self.stack:
                _Recorder.replay(cache, built.cache_calls)
            outbox = getattr(mail, "outbox", None)
            sent_before = len(outbox) if outbox is not None else 0
            files_before = _private_files()
            # The build may change the objects of the layers below (a parent page's
            # child count, say): it gets copies, and they become part of its world.
            world = copy.deepcopy(self.stack[-1].world) if self.stack else []
            with _Recorder(cache) as recorder, translation.override("id"):
                world.append(layer.build(*world[-1:]))
            sent = list(mail.outbox[sent_before:]) if outbox is not None else []
            if _private_files() != files_before:
                # The autouse _empty_private_storage would take them from the next test.
                raise RuntimeError("it wrote to the private storage, which is emptied before each test")
        except BaseException as error:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            if not isinstance(error, Exception):
                raise
            # From now on each test builds its layers itself, and shows what goes wrong.
            self.enabled = False
            warnings.warn(f"shared test data: building {layer.name!r} failed ({error!r})", stacklevel=1)
            return False
        self.stack.append(_Built(layer, atomic, world, recorder.calls, sent))
        self.builds[layer.name] = self.builds.get(layer.name, 0) + 1
        return True

    def _unwind(self, count):
        from django.db import transaction

        for _ in range(count):
            built = self.stack.pop()
            transaction.set_rollback(True)
            built.atomic.__exit__(None, None, None)

    def close(self):
        self.enabled = False
        with self.blocker.unblock():
            self._unwind(len(self.stack))

    # --- Handing a layer to a test --------------------------------------------------------

    def get(self, name, *build_args):
        """The layer ``name`` for the running test: its own copy of the shared one, or
        built now, inside the test, when it is not shared with this test."""
        from django.core import mail
        from django.core.cache import cache

        position = next((i for i, built in enumerate(self.stack) if built.layer.name == name), None)
        if position is None:
            return _LAYERS[name].build(*build_args)
        built = self.stack[position]
        _Recorder.replay(cache, built.cache_calls)
        if built.mail and hasattr(mail, "outbox"):
            mail.outbox.extend(copy.deepcopy(built.mail))
        self.served[name] = self.served.get(name, 0) + 1
        if self.copies is None:
            # One copy of the whole world, so that the objects the layers share (the data
            # set's ``homes``, say) are shared in the test too.
            self.copies = copy.deepcopy(self.stack[-1].world)
        return self.copies[position]


def _private_files():
    from core.uploads import private_storage

    storage, found, folders = private_storage(), set(), [""]
    while folders:
        folder = folders.pop()
        directories, files = storage.listdir(folder)
        found.update(f"{folder}/{name}" for name in files)
        folders.extend(f"{folder}/{name}".lstrip("/") for name in directories)
    return found


def _in_a_transaction(item):
    """Whether pytest-django runs ``item`` in a transaction it rolls back (its rules in
    ``_django_db_helper``), on the default database only."""
    from pytest_django.fixtures import validate_django_db

    if COMMITTING & set(item.fixturenames):
        return False
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transaction, reset_sequences, databases, serialized_rollback, available_apps = validate_django_db(
            marker
        )
        if transaction or reset_sequences or serialized_rollback or databases or available_apps:
            return False
    return True


def _harmless(name, fixturedefs):
    return bool(fixturedefs) and all(
        fixturedef.func.__module__.startswith("pytest_django.") or (fixturedef.baseid, name) in HARMLESS
        for fixturedef in fixturedefs
    )


def _setup_order(item):
    """(name, fixturedef) in the order pytest sets ``item``'s fixtures up: each after the
    fixtures it asks for, an overriding fixture after the one it overrides."""
    name2fixturedefs = item._fixtureinfo.name2fixturedefs
    seen, order = set(), []

    def visit(name, index=-1):
        fixturedefs = name2fixturedefs.get(name)
        if not fixturedefs or -index > len(fixturedefs) or (name, index) in seen:
            return
        seen.add((name, index))
        fixturedef = fixturedefs[index]
        for argname in fixturedef.argnames:
            visit(argname, index - 1 if argname == name else -1)
        order.append((name, fixturedef))

    for name in item.fixturenames:
        visit(name)
    return order


@pytest.fixture(scope="session")
def shared_data(request, django_db_setup, django_db_blocker):
    """The layers built once (after the test database exists); closed before it goes."""
    manager = SharedData(django_db_blocker)
    request.config.stash[_MANAGER] = manager
    yield manager
    manager.close()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    manager = item.config.stash.get(_MANAGER, None)
    if manager is not None and (manager.enabled or manager.stack):
        manager.prepare(item)


def pytest_terminal_summary(terminalreporter):
    manager = terminalreporter.config.stash.get(_MANAGER, None)
    for name, count in getattr(manager, "builds", {}).items():
        terminalreporter.write_line(
            f"shared test data: {name!r} built {count} times, shared with {manager.served.get(name, 0)} tests"
        )
