"""gunicorn's settings for `make serve` and production (see docs/deployment.md).

Every value can be overridden from the environment; the defaults suit one server behind a
reverse proxy on the same machine.
"""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
#: Where to listen; the reverse proxy forwards to it.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
#: Worker processes: 2 per CPU core plus one, as gunicorn recommends (WEB_CONCURRENCY overrides).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
#: A request that takes longer than this kills its worker (a hung request must not block it).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
#: Workers are replaced after this many requests (with jitter), which bounds memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
#: The access log in the combined format plus the time taken (µs); "-" is standard output.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
#: The proxies whose X-Forwarded-Proto gunicorn trusts.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
