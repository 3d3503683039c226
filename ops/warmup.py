"""What each gunicorn worker's first request would otherwise do, done once in the master
before the workers fork (config/gunicorn.py, ``when_ready``; the app is preloaded).

A fresh worker's first page view took about 0.3 s against 5 ms for the next: it
imported the view modules and template tag libraries, read the translation catalogues
and compiled the templates. Done in the master, that work is shared by every worker
(copy on write) and a worker replaced after ``max_requests`` starts warm.

Nothing here may open a connection: a database or Redis socket made before the fork
would be shared by every worker. ``warm_up`` closes any that something opened anyway.
"""

import logging
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.template import TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


def project_template_names():
    """The names of the project's own HTML templates: those of the template folders in
    the project, and of the project's apps (not those of installed packages)."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder).resolve() for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    folders += [Path(app.path).resolve() / "templates" for app in apps.get_app_configs()]
    names = set()
    for folder in folders:
        if folder.is_dir() and folder.is_relative_to(root) and ".venv" not in folder.parts:
            names.update(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))
    return sorted(names)


def warm_up():
    started = time.perf_counter()
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 (imports every view module; per language)
    for alias in settings.CACHES:
        caches[alias]  # noqa: B018 (imports the backend and its client library; connects later)
    engine = engines["django"]
    for name in project_template_names():
        try:
            engine.get_template(name)
        except TemplateSyntaxError:
            # The site still starts; the pages using it fail as they would have.
            logger.exception("template %s does not compile", name)
    connections.close_all()
    caches.close_all()
    logger.info("warmed up in %.2f s", time.perf_counter() - started)
