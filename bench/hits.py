"""Cache hits per second of the WSGI application of ``bench.wsgi`` called in-process.

Run on a benchmark install built earlier (``bench.api --reuse``): the first call renders the
plan detail, the others are hits. ``--profile`` prints a cProfile summary of the hits.
``.venv/bin/python -m bench.hits --database-url postgres://…/hp_bench_x [--hits 2000]``
"""

import argparse
import cProfile
import io
import os
import pstats
import tempfile
import time
from pathlib import Path


def environ_for(path, headers=()):
    """A WSGI environ as gunicorn gives it for ``GET path``."""
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    environ.update(headers)
    return environ


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--hits", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="handlingsplan-hits-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": args.database_url,
            "ALLOWED_HOSTS": "localhost",
            "LOG_LEVEL": "WARNING",
            "DB_CONN_MAX_AGE": "60",
            "BENCH_STATIC_ROOT": str(work),
            "MEDIA_ROOT": str(work / "media"),
        }
    )
    from bench.wsgi import application
    from plan.models import ActionPlanPage

    plan = ActionPlanPage.objects.filter(locale__language_code="nb").order_by("pk").first()
    environ = environ_for(f"/api/v1/plans/{plan.pk}/")

    def hit():
        answer = []
        body = application(dict(environ), lambda status, headers, exc=None: answer.append(status))
        size = sum(len(chunk) for chunk in body)
        body.close()
        return answer[0], size

    print("first:", hit())
    for _ in range(50):
        hit()
    profile = cProfile.Profile() if args.profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    for _ in range(args.hits):
        hit()
    if profile:
        profile.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{args.hits / elapsed:.0f} hits/s, {elapsed / args.hits * 1e6:.0f} µs per hit, "
        f"{cpu / args.hits * 1e6:.0f} µs of this process's CPU per hit"
    )
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
