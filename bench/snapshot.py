"""Snapshots of the public API's responses, to prove a refactoring changes no byte of them.

Renders the plans (detail and list), measures (list pages and details), branches, resources,
events, the resolve endpoint for every public strategy and measure, a list of searches
(``bench/searches.py``: words, parts of words, typos, linked names, filters, bad parameters)
and the OpenAPI document,
in Bokmål and English, each with its response cache emptied, and writes the bodies with their
CDN headers and the cache tags recorded while rendering. ``--compare`` renders again and
reports every response that differs from a snapshot written earlier.

    # A scratch install with the API tests' content and the demo plan:
    python -m bench.snapshot --database-url postgres://…/hp_bench_golden --build --write DIR
    # The same after a change:
    python -m bench.snapshot --database-url postgres://…/hp_bench_golden --compare DIR

On a benchmark install (``bench/api.py``), ``--plans N`` limits the plans rendered.
"""

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from bench.scratch import recreate_database, scratch_url
from bench.searches import search_paths

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LANGUAGES = ("nb", "en")
#: The response headers a snapshot keeps (the ETag and dates change with the generation).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Tag", "Surrogate-Key")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="Its name must contain 'bench'.")
    parser.add_argument(
        "--build",
        action="store_true",
        help="Drop and recreate the database with the API tests' content and the demo plan.",
    )
    parser.add_argument("--work-dir", help="Where media files go (default: a temporary one).")
    parser.add_argument("--plans", type=int, help="Render at most this many plans.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="DIR", help="Write a snapshot to DIR.")
    action.add_argument("--compare", metavar="DIR", help="Compare with the snapshot in DIR.")
    return parser.parse_args(argv)


def prepare_environment(args):
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="handlingsplan-snapshot-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": scratch_url(args.database_url, work),
            "MEDIA_ROOT": str(work / "media"),
            "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
            "API_PUBLIC_BASE_URL": "http://localhost",
            "API_WARM_CACHE": "false",
            "BACKGROUND_TASKS": "immediate",
            "FRONTEND_BASE_URL": "https://www.example.no",
            "LOG_LEVEL": "WARNING",
        }
    )


def build():
    """The API tests' install (drafts, fallbacks, restrictions) and the Nordland demo plan."""
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from demo.loader import load_demo_content
    from tests.api.content import build_content

    call_command("migrate", verbosity=0)
    with transaction.atomic(), disable_reference_index_auto_update():
        build_content()
        load_demo_content(create_admin=False)


def paths(plan_limit=None):
    """The API paths of a snapshot, without the locale."""
    from core.visibility import public_pages
    from home.models import BranchPage
    from plan.models import ActionPlanPage, MeasurePage, StrategyPage
    from resources.models import EventPage, ResourceArticlePage

    def ids(model, limit=None):
        pages = public_pages(model).filter(locale__language_code="nb").order_by("path")
        return list(pages.values_list("pk", flat=True)[:limit])

    plans = ids(ActionPlanPage, plan_limit)
    result = ["/api/v1/", "/api/v1/plans/", "/api/v1/branches/", "/api/v1/measures/?limit=100"]
    result += [f"/api/v1/plans/{pk}/" for pk in plans]
    for pk in plans:
        result += [
            f"/api/v1/measures/?plan={pk}&limit=100",
            f"/api/v1/measures/?plan={pk}&limit=100&offset=100",
        ]
    slugs = public_pages(BranchPage).filter(locale__language_code="nb").order_by("path")
    result += [f"/api/v1/branches/{slug}/" for slug in slugs.values_list("slug", flat=True)]
    for name, model in (("resources", ResourceArticlePage), ("events", EventPage)):
        result.append(f"/api/v1/{name}/?limit=100")
        result += [f"/api/v1/{name}/{pk}/" for pk in ids(model, 20)]
    measures = public_pages(MeasurePage).filter(locale__language_code="nb")
    if plan_limit is not None:
        measures = measures.filter(path__startswith=_first_plan_path(plans))
    measure_ids = measures.order_by("path").values_list("pk", flat=True)[:60]
    result += [f"/api/v1/measures/{pk}/" for pk in measure_ids]
    for model in (StrategyPage, MeasurePage):
        for code in LANGUAGES:
            pages = public_pages(model).filter(locale__language_code=code).order_by("path")
            result += [f"/api/v1/resolve/?path={url}" for url in _resolve_paths(pages, code)]
    return result + search_paths()


def _first_plan_path(plan_ids):
    from plan.models import ActionPlanPage

    return ActionPlanPage.objects.get(pk=plan_ids[0]).path


def _resolve_paths(pages, code):
    from urllib.parse import quote

    from core.links import site_relative_path

    url_paths = pages.values_list("url_path", flat=True)[:20]
    return [quote(f"/{code}{site_relative_path(url_path)}") for url_path in url_paths]


def render_all(api_paths):
    """``{name: {"status", "headers", "tags", "sha256"}}`` and ``{name: body}``."""
    from django.core.cache import cache
    from django.test import Client

    from cms.api import caching

    rendered_tags = []
    original = caching.render_entry

    def recording_render_entry(render):
        entry = original(render)
        rendered_tags.append(sorted(getattr(entry, "tags", ())))
        return entry

    caching.render_entry = recording_render_entry
    client = Client()
    index, bodies = {}, {}
    for path in api_paths:
        for code in LANGUAGES:
            separator = "&" if "?" in path else "?"
            name = f"{path}{separator}locale={code}"
            cache.clear()
            rendered_tags.clear()
            response = client.get(name, HTTP_HOST="localhost")
            index[name] = {
                "status": response.status_code,
                "headers": {h: response.get(h) for h in KEPT_HEADERS},
                "tags": rendered_tags[-1] if rendered_tags else None,
                "sha256": hashlib.sha256(response.content).hexdigest(),
            }
            bodies[name] = response.content
    for code in LANGUAGES:
        name = f"/api/schema/?lang={code}"
        response = client.get(name, HTTP_HOST="localhost")
        index[name] = {"status": response.status_code, "headers": {}, "tags": None}
        index[name]["sha256"] = hashlib.sha256(response.content).hexdigest()
        bodies[name] = response.content
    caching.render_entry = original
    return index, bodies


def _file_name(name):
    return hashlib.sha256(name.encode()).hexdigest()[:24] + ".body"


def write(directory, index, bodies):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        (directory / _file_name(name)).write_bytes(body)
    (directory / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True))
    print(f"Wrote {len(index)} responses to {directory}")


def first_difference(old, new, where="$"):
    """Where two JSON values first differ, e.g. ``$.strategies[0].measures[2].goals``."""
    if type(old) is not type(new):
        return f"{where}: {old!r:.80} → {new!r:.80}"
    if isinstance(old, dict):
        if list(old) != list(new):
            return f"{where}: keys {list(old)} → {list(new)}"
        for key in old:
            found = first_difference(old[key], new[key], f"{where}.{key}")
            if found:
                return found
    elif isinstance(old, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            found = first_difference(a, b, f"{where}[{i}]")
            if found:
                return found
        if len(old) != len(new):
            return f"{where}: {len(old)} items → {len(new)}"
    elif old != new:
        return f"{where}: {old!r:.80} → {new!r:.80}"
    return None


def compare(directory, index, bodies):
    directory = Path(directory)
    expected = json.loads((directory / "index.json").read_text())
    problems = 0
    for name in sorted(set(expected) | set(index)):
        if name not in expected or name not in index:
            print(f"only in {'new' if name in index else 'snapshot'}: {name}")
            problems += 1
            continue
        old, new = expected[name], index[name]
        for part in ("status", "headers", "tags"):
            if old[part] != new[part]:
                print(f"{name}: {part} differ\n  was {old[part]}\n  now {new[part]}")
                problems += 1
        if old["sha256"] != new["sha256"]:
            problems += 1
            before = (directory / _file_name(name)).read_bytes()
            try:
                where = first_difference(json.loads(before), json.loads(bodies[name]))
            except ValueError:
                where = "(not JSON)"
            print(f"{name}: body differs {where or '(same JSON, other bytes)'}")
    print(f"Compared {len(index)} responses: {problems or 'no'} difference(s).")
    return problems


def main(argv=None):
    args = parse_args(argv)
    prepare_environment(args)
    import django

    if args.build:
        recreate_database(os.environ["DATABASE_URL"])
    django.setup()
    if args.build:
        build()
    index, bodies = render_all(paths(args.plans))
    if args.write:
        write(args.write, index, bodies)
        return 0
    return 1 if compare(args.compare, index, bodies) else 0


if __name__ == "__main__":
    sys.exit(main())
