"""The master's warm-up before gunicorn forks its workers (ops.warmup)."""

import runpy
from pathlib import Path
from types import SimpleNamespace

from django.template import TemplateSyntaxError, engines

from ops import warmup

GUNICORN_CONFIG = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"


def test_the_project_templates_are_the_ones_warmed():
    names = warmup.project_template_names()

    assert {"base.html", "faq/faq_index_page.html", "services/service_page.html"} <= set(names)
    assert not [name for name in names if name.startswith(("wagtailadmin/", "admin/"))]


def test_warm_up_compiles_them_without_touching_the_database():
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()

    warmup.warm_up()  # no django_db mark: a query would fail this test

    assert set(warmup.project_template_names()) <= set(loader.get_template_cache)


def test_gunicorn_warms_up_the_preloaded_app_before_forking(monkeypatch):
    calls = []
    monkeypatch.setattr(warmup, "warm_up", lambda: calls.append("warm"))
    when_ready = runpy.run_path(str(GUNICORN_CONFIG))["when_ready"]

    when_ready(SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))
    when_ready(SimpleNamespace(cfg=SimpleNamespace(preload_app=False)))

    assert calls == ["warm"]


def test_a_template_that_does_not_compile_does_not_stop_the_start(monkeypatch, caplog):
    monkeypatch.setattr(warmup, "project_template_names", lambda: ["base.html", "broken.html"])
    engine = engines["django"]
    compile_template = engine.get_template

    def get_template(name):
        if name == "broken.html":
            raise TemplateSyntaxError("Unclosed tag")
        return compile_template(name)

    monkeypatch.setattr(engine, "get_template", get_template)

    warmup.warm_up()

    assert "broken.html" in caplog.text
