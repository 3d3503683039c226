"""A Redis cache that the site survives losing.

The cache only ever speeds things up (whole pages, fragments, synonyms) or
counts (rate limits), so when Redis is stopped or unreachable every call behaves
as a miss instead of raising: pages are rendered afresh, rate limits count in
each process's memory instead (core.publicforms) and a warning is logged once a
minute. /readyz reports the cache as down, the site as degraded, and keeps the
server in rotation.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_WARN_EVERY = 60
_last_warning = 0.0


def _warn(operation, error):
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= _WARN_EVERY:
        _last_warning = now
        logger.warning("Cache unavailable (%s: %s); serving without it.", operation, type(error).__name__)


class CacheUnavailable(ValueError):
    """``incr`` could not reach the cache. A ValueError, as for a missing key, so a
    caller that only handles that still works; one that can count elsewhere catches this."""


class _ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, but one redis.Redis per connection pool instead of a new
    one per call: building one fills a table of ~170 response callbacks, which cost
    as much as a whole page-cache hit. A redis.Redis is safe to share between
    threads (each command takes a connection from the pool)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClientRedisCacheClient

    def add(self, *args, **kwargs):
        try:
            return super().add(*args, **kwargs)
        except RedisError as error:
            _warn("add", error)
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _warn("get", error)
            return default

    def set(self, *args, **kwargs):
        try:
            return super().set(*args, **kwargs)
        except RedisError as error:
            _warn("set", error)

    def touch(self, *args, **kwargs):
        try:
            return super().touch(*args, **kwargs)
        except RedisError as error:
            _warn("touch", error)
            return False

    def delete(self, *args, **kwargs):
        try:
            return super().delete(*args, **kwargs)
        except RedisError as error:
            _warn("delete", error)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _warn("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            _warn("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            _warn("incr", error)
            raise CacheUnavailable(f"Key '{key}' not counted (cache unavailable).") from error

    def set_many(self, *args, **kwargs):
        try:
            return super().set_many(*args, **kwargs)
        except RedisError as error:
            _warn("set_many", error)
            return []

    def delete_many(self, *args, **kwargs):
        try:
            return super().delete_many(*args, **kwargs)
        except RedisError as error:
            _warn("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            _warn("clear", error)
