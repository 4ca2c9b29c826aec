"""The Redis cache configuration (shared by the settings and the tests that start Redis)."""


def redis_caches(url, key_prefix="handlingsplan"):
    """CACHES for Redis at ``url``: errors are logged and ignored (a miss), timeouts short.

    With Redis down the API answers from the database; the client reconnects by itself when
    Redis is back.
    """
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
