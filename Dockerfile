# The production image: the same `make install` as `make run`, `make test` and
# CI (runtime requirements only), static files collected at build time and
# served compressed by WhiteNoise, gunicorn as in `make serve`.
#
#   docker build -t disnaker .
#   docker run --rm -e SECRET_KEY=… -e ALLOWED_HOSTS=… -e DATABASE_URL=… disnaker \
#       python manage.py migrate --noinput          # release step, once per deploy
#   docker run -p 8000:8000 -e SECRET_KEY=… -e ALLOWED_HOSTS=… -e DATABASE_URL=… disnaker
#
# docker-compose.yml wires it to PostgreSQL, Elasticsearch and Redis.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gettext: msgfmt for compilemessages; make: the project's one install step;
# DejaVu: the font the report PDFs embed (reports/pdf.py falls back to Helvetica).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext make fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# The unprivileged user the site runs as. It owns nothing but the media folder
# and its home, where gunicorn keeps its control socket (~/.gunicorn).
RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so a code change does not reinstall them: this is the
# file target `make install` depends on, run with the same variables.
COPY Makefile requirements.txt requirements-dev.txt ./
RUN make /opt/venv/.installed VENV=/opt/venv REQUIREMENTS=requirements.txt

COPY . .
# The install target itself: dependencies are up to date, so this compiles the
# Indonesian catalogue (locale/id/LC_MESSAGES/django.mo). It runs under the
# development settings (manage.py's default), which need no environment.
RUN make install VENV=/opt/venv REQUIREMENTS=requirements.txt

ENV PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    PRIVATE_MEDIA_ROOT=/app/private-media

# Hashed, pre-compressed (gzip and Brotli) static files with their manifest,
# made with the production settings. The key below exists only for this
# command; the running container must be given its own SECRET_KEY and field keys.
RUN SECRET_KEY=collectstatic-build-only-not-a-secret \
    FIELD_ENCRYPTION_KEYS=YnVpbGQtb25seS1ub3QtYS1zZWNyZXQtMzItYnl0ZXM= \
    FIELD_HASH_KEY=build-only-not-a-secret \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/private-media \
    && chown app:app /app/media /app/private-media

USER app

EXPOSE 8000

# The server only: migrations are a release step (`python manage.py migrate
# --noinput`; docker-compose.yml runs it as the `release` service) so that
# several containers never migrate at once. gunicorn's settings are in
# config/gunicorn.py (WEB_CONCURRENCY, GUNICORN_THREADS, …); anything else through
# GUNICORN_CMD_ARGS, e.g. "--timeout 60".
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi", "--bind", "0.0.0.0:8000"]

# robots.txt touches no database. The request carries a host the site accepts
# (the first of ALLOWED_HOSTS, or HEALTHCHECK_HOST) and says it came over
# HTTPS, as the TLS proxy would, so SECURE_SSL_REDIRECT does not redirect it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request as u; h = os.environ.get('HEALTHCHECK_HOST') or os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.*') or 'localhost'; u.urlopen(u.Request('http://127.0.0.1:8000/robots.txt', headers={'Host': h, 'X-Forwarded-Proto': 'https'}), timeout=4)"
