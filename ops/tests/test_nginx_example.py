"""deploy/nginx.conf.example is a configuration nginx accepts, with limits that match the app's.

Needs nginx and its cache-purge module (Debian: nginx, libnginx-mod-http-cache-purge);
skipped without them. The example's certificate, cache and media paths are pointed at a
temporary folder; nothing listens (``nginx -t`` only reads the configuration).
"""

import datetime
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
EXAMPLE = BASE_DIR / "deploy" / "nginx.conf.example"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )


@pytest.mark.live_server
def test_nginx_accepts_the_example_configuration(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None or not PURGE_MODULE.exists():
        pytest.skip("nginx or its cache-purge module is missing (Debian: libnginx-mod-http-cache-purge)")
    self_signed(tmp_path)
    site = (
        EXAMPLE.read_text()
        .replace("/etc/ssl/disnaker/", f"{tmp_path}/")
        .replace("/var/cache/nginx/disnaker", f"{tmp_path}/cache")
        .replace("/srv/disnaker/media/", f"{tmp_path}/media/")
    )
    # `nginx -t` binds the addresses it is given: free loopback ports instead.
    site = re.sub(r"^[ \t]*listen \[::\].*$", "", site, flags=re.M)
    site = re.sub(
        r"^([ \t]*listen )[^\s;]+", lambda match: f"{match.group(1)}127.0.0.1:{free_port()}", site, flags=re.M
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"load_module {PURGE_MODULE};\n"
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n  access_log off;\n  include {tmp_path}/site.conf;\n}}\n"
    )

    result = subprocess.run(  # noqa: S603 -- fixed arguments
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 0, result.stderr


def test_the_example_s_body_limit_is_the_app_s():
    limit = re.search(r"^\s*client_max_body_size (\d+)m;", EXAMPLE.read_text(), re.M)

    assert int(limit.group(1)) * 1024 * 1024 == settings.REQUEST_BODY_MAX_BYTES


def test_the_example_s_form_post_rate_is_the_app_s():
    rate = re.search(r"zone=disnaker_forms:\w+ rate=(\d+)r/m;", EXAMPLE.read_text())

    assert (int(rate.group(1)), 60) == settings.PUBLIC_FORM_RATE_LIMITS["any_form"]
