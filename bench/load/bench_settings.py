"""Settings for the load benchmark: the production settings, served over plain HTTP on
loopback (no TLS proxy here, so no redirect to HTTPS), with Redis as the cache.

run.sh sets the environment production requires (SECRET_KEY, the field keys,
SECURE_SSL_REDIRECT=false, DATABASE_URL, REDIS_URL, STATIC_ROOT) and PAGE_CACHE_SECONDS
(600 for the "cache on" server, 0 for "cache off").
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import CACHES

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# A key prefix of its own, so the benchmark never reads or evicts another site's entries
# in a shared Redis (run.sh also picks a Redis database number of its own).
if "default" in CACHES and "LOCATION" in CACHES["default"]:
    CACHES["default"]["KEY_PREFIX"] = "load_bench"
# Access logs would cost as much as the requests they log.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
