# One install step shared by `make run`, `make test`, .ci/run and the Dockerfile.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REQUIREMENTS ?= requirements.txt requirements-dev.txt
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint check-migrations check-translations messages serve worker clean

install: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(addprefix -r ,$(REQUIREMENTS))
	touch $@

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --base-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py update_index >/dev/null
	scripts/run_dev.sh $(BIN)/python $(HOST) $(PORT)

test: install lint check-migrations check-translations
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

check-translations: install
	$(BIN)/python scripts/check_translations.py

# Refresh locale/id/LC_MESSAGES/django.po from the templates and code.
# English is the source language of the interface strings.
messages: install
	$(BIN)/python manage.py makemessages --locale=id --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=bench

# Production-style serving, as in the Docker image (workers, threads, timeouts and
# request limits in config/gunicorn.py).
serve: install
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn -c config/gunicorn.py config.wsgi --bind $(HOST):$(PORT)

worker: install
	$(BIN)/python manage.py db_worker --queue-name '*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
