"""Benchmark of the public API: /api/v1/ against Wagtail's API v2 and a static file.

Builds a synthetic install in a scratch database, then measures the plan detail, the measure
list and search: SQL queries per request, median and p95 latency in-process, and requests/s
under gunicorn with 2 workers. Prints a markdown table and writes docs/performance.md.

    python -m bench.api --database-url postgres://postgres@127.0.0.1:5432/handlingsplan_bench
    python -m bench.api --small          # a quick run on SQLite

See bench/README.md.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

from bench.scratch import recreate_database, scratch_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEARCH_WORD = "samarbeid"
#: Searches that need more than full-text search: a part of a compound word ("Konferanse 3"
#: holds "feranse"), a typo (PostgreSQL only; SQLite finds nothing) and a linked name (every
#: measure's contact person is "Kontakt <n>").
PART_OF_WORD, TYPO, LINKED_NAME = "feranse", "konferamse", "Kontakt"
#: API v2's sequences under gunicorn are counted until at least this many are done (a plan
#: detail through v2 takes seconds: five seconds counted three or four of them).
MIN_SEQUENCES = 20
#: Rounds of each goal's pair (v1 and v2; the cached plan detail and the static file),
#: measured alternately: a change in the machine's load between two single measurements moved
#: their ratio by a tenth.
ROUNDS = 3


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        help="Scratch database, dropped and recreated; its name must contain 'bench'. "
        "Default: a SQLite file in the work directory.",
    )
    parser.add_argument("--small", action="store_true", help="2 branches × 2 plans × 3 × 10.")
    parser.add_argument("--requests", type=int, help="In-process repetitions (default 30/10).")
    parser.add_argument("--seconds", type=float, help="Load per variant, seconds (default 5/2).")
    parser.add_argument("--concurrency", type=int, default=4, help="Load clients (default 4).")
    parser.add_argument("--work-dir", help="Where the SQLite file, media and static copy go.")
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "performance.md"),
        help="Markdown file to write (default docs/performance.md); '-' to skip.",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the scratch database if it is built already."
    )
    parser.add_argument(
        "--publishes", type=int, help="Publishes for the cache hit rate (default 50/10)."
    )
    parser.add_argument(
        "--load-seconds", type=int, help="wrk seconds per concurrency level (default 5/2)."
    )
    parser.add_argument(
        "--note",
        action="append",
        default=[],
        help="A note on the run for docs/performance.md (e.g. that the machine was shared).",
    )
    args = parser.parse_args(argv)
    args.requests = args.requests or (10 if args.small else 30)
    args.seconds = args.seconds or (2.0 if args.small else 5.0)
    args.publishes = args.publishes or (10 if args.small else 50)
    args.load_seconds = args.load_seconds or (2 if args.small else 5)
    return args


def prepare_environment(args):
    """Settings come from the environment: set it before Django starts."""
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="handlingsplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    url = scratch_url(args.database_url, work)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(work / "media"),
            "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
            "API_PUBLIC_BASE_URL": "http://localhost",  # the cache is warmed for this host
            "API_WARM_CACHE": "true",
            "BACKGROUND_TASKS": "immediate",
            "FRONTEND_BASE_URL": "https://www.example.no",
            "LOG_LEVEL": "WARNING",
            "DB_CONN_MAX_AGE": "60",  # persistent connections, as in production
            "BENCH_STATIC_ROOT": str(work / "static"),
        }
    )
    (work / "static").mkdir(exist_ok=True)
    return work, url


def alternately(first, second, rounds=ROUNDS):
    """The medians of ``first()`` and ``second()``, measured alternately ``rounds`` times."""
    pairs = [(first(), second()) for _ in range(rounds)]
    return tuple(statistics.median(values) for values in zip(*pairs, strict=True))


def in_process(client, paths, repeats, clear_cache):
    """``(sql_queries, median_ms, p95_ms)`` of fetching ``paths`` in sequence."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def run():
        for path in paths:
            response = client.get(path, HTTP_HOST="localhost")
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")

    run()  # warm up (renditions, content types, the response cache when it is used)
    if clear_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        run()
    query_count = len(queries)  # read now: the next request resets the query log
    times = []
    for _ in range(repeats):
        if clear_cache:
            cache.clear()
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]
    return query_count, statistics.median(times), p95


def plan_detail_timings(client, plan_ids, repeats):
    """``{language: (sql_queries, median_ms, p95_ms)}`` of the uncached plan detail of the
    first plan in each language."""
    return {
        code: in_process(client, [f"/api/v1/plans/{plan_id}/?locale={code}"], repeats, True)
        for code, plan_id in plan_ids.items()
    }


def scale_ratio(scale):
    """The largest p95 ratio, over the languages, of the full install to the 1-plan one."""
    one, many = scale
    return max(many[code][2] / one[code][2] for code in one)


def scale_table(scale, size):
    one, many = scale
    plans = size.branches * size.plans
    lines = [
        "| Language | Install | SQL queries | Median ms | p95 ms | p95 × 1 plan |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for code in one:
        for label, measured in (("1 plan", one[code]), (f"{plans} plans", many[code])):
            queries, median, p95 = measured
            lines.append(
                f"| {code} | {label} | {queries} | {median:.1f} | {p95:.1f} "
                f"| {p95 / one[code][2]:.2f}× |"
            )
    return "\n".join(lines)


def hit_rate_after_publishes(client, path_template, plan_ids, measure_id, count):
    """The share of first requests after a publish, in each language, that are cache hits
    (one SQL query: the check that the body is still valid). Publishes a measure of the plan
    ``count`` times; the cache is warmed by the publish (``API_WARM_CACHE``, immediate
    tasks)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plan.models import MeasurePage

    hits = total = 0
    for number in range(count):
        measure = MeasurePage.objects.get(pk=measure_id)
        measure.title = f"Tiltak publisert {number}"
        measure.save_revision().publish()
        for code, plan_id in plan_ids.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path_template.format(plan_id, code), HTTP_HOST="localhost")
            if response.status_code != 200:
                raise RuntimeError(f"plan {plan_id}: HTTP {response.status_code}")
            total += 1
            hits += len(queries) == 1
    return hits, total


def load_levels(port, path, seconds, levels=(8, 32, 64)):
    """wrk against ``path`` at each number of connections."""
    from bench.load import wrk

    return [(connections, wrk(port, path, connections, seconds)) for connections in levels]


def load_table(results):
    lines = [
        "| Request | Connections | Req/s | p50 ms | p95 ms | p99 ms | Requests | Errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for title, levels in results:
        for connections, r in levels:
            lines.append(
                f"| {title} | {connections} | {r['rps']:.1f} | {r['p50_ms']:.1f} "
                f"| {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['requests']} | {r['errors']} |"
            )
    return "\n".join(lines)


def scenarios(install):
    from bench.v2 import measure_list_requests, plan_requests, search_requests

    plan = install.plan_ids["nb"]
    listed = min(100, install.size.measures_per_plan)
    return [
        (
            f"Plan detail ({install.size.measures_per_plan} measures)",
            [f"/api/v1/plans/{plan}/?locale=nb"],
            plan_requests(plan, "nb", install.size.measures_per_plan),
        ),
        (
            f"Measure list ({listed} of a plan)",
            [f"/api/v1/measures/?plan={plan}&limit={listed}&locale=nb"],
            measure_list_requests(plan, "nb", listed),
        ),
        (
            "Search (first 20 hits)",
            [f"/api/v1/search/?q={SEARCH_WORD}&limit=20&locale=nb"],
            search_requests(SEARCH_WORD, "nb", 20),
        ),
        *(
            (
                f"Search, {what} “{query}”",
                [f"/api/v1/search/?q={query}&limit=20&locale=nb"],
                search_requests(query, "nb", 20),
            )
            for what, query in (
                ("part of a word", PART_OF_WORD),
                ("typo", TYPO),
                ("linked name", LINKED_NAME),
            )
        ),
    ]


def main(argv=None):
    args = parse_args(argv)
    work, url = prepare_environment(args)

    import django

    if not args.reuse:
        recreate_database(url)
    django.setup()

    from django.core.management import call_command
    from django.test import Client

    from bench.build import Install, Size, build
    from bench.load import gunicorn, operations_per_second
    from bench.v2 import expose_api_fields
    from plan.models import ActionPlanPage

    size = Size(branches=2, plans=2, strategies=3, measures=10) if args.small else Size()
    print(f"Scratch database: {url}")
    call_command("migrate", verbosity=0)
    install_exists = ActionPlanPage.objects.exists()
    if args.reuse and install_exists:
        install = Install(size=size)
        plans = ActionPlanPage.objects.order_by("path")
        first = plans.filter(locale__language_code="nb").first()
        english = plans.get(translation_key=first.translation_key, locale__language_code="en")
        install.plan_ids = {"nb": first.pk, "en": english.pk}
        print("Reusing the synthetic install.")
    client = Client()
    scale = None
    if not (args.reuse and install_exists):
        print(
            f"Building {size.branches} branches × {size.plans} plans × {size.strategies} "
            f"strategies × {size.measures} measures, nb + en, first one plan …"
        )
        install = build(size, only=lambda branch, plan: branch == 0 and plan == 0)
        one_plan = plan_detail_timings(client, install.plan_ids, args.requests)
        rest = build(size, only=lambda branch, plan: branch > 0 or plan > 0)
        install.pages += rest.pages
        install.seconds += rest.seconds
        print(f"Built {install.pages} pages in {install.seconds:.0f} s.")
        scale = (one_plan, plan_detail_timings(client, install.plan_ids, args.requests))
    expose_api_fields()

    rows = []
    for title, v1, v2 in scenarios(install):
        print(f"In-process: {title}")
        rows.append(
            {
                "title": title,
                "v1": in_process(client, v1, args.requests, clear_cache=True),
                "v1 cached": in_process(client, v1, args.requests, clear_cache=False),
                "v2": in_process(client, v2, args.requests, clear_cache=False),
                "paths": {"v1": v1, "v2": v2},
            }
        )
    static_path = work / "static" / "plan.json"
    static_path.write_bytes(client.get(rows[0]["paths"]["v1"][0], HTTP_HOST="localhost").content)

    load = {"seconds": args.seconds, "concurrency": args.concurrency}
    print("Under gunicorn, response cache off …")
    with gunicorn({"API_SERVER_CACHE_SECONDS": "0"}) as port:
        for row in rows:
            row["rps v1"], row["rps v2"] = alternately(
                lambda row=row: operations_per_second(port, row["paths"]["v1"], **load),
                lambda row=row: operations_per_second(
                    port, row["paths"]["v2"], min_operations=MIN_SEQUENCES, **load
                ),
            )
        static_rps = operations_per_second(port, ["/bench-static/plan.json"], **load)
    print("Under gunicorn, response cache on …")
    with gunicorn({}) as port:
        plan_row, *other_rows = rows
        for row in other_rows:
            row["rps v1 cached"] = operations_per_second(port, row["paths"]["v1"], **load)
        plan_row["rps v1 cached"], static_cached_rps = alternately(
            lambda: operations_per_second(port, plan_row["paths"]["v1"], **load),
            lambda: operations_per_second(port, ["/bench-static/plan.json"], **load),
        )
        print(f"wrk at 8/32/64 connections, {args.load_seconds} s each …")
        plan_path = rows[0]["paths"]["v1"][0]
        wrk_results = [
            ("Plan detail, cached", load_levels(port, plan_path, args.load_seconds)),
            ("Static file", load_levels(port, "/bench-static/plan.json", args.load_seconds)),
        ]

    print(f"Cache hit rate of the first request after each of {args.publishes} publishes …")
    measure_id = first_measure_id(install.plan_ids["nb"])
    hits, total = hit_rate_after_publishes(
        client, "/api/v1/plans/{}/?locale={}", install.plan_ids, measure_id, args.publishes
    )

    table = markdown_table(rows, static_rps)
    scale_lines = scale_table(scale, size) if scale else None
    goals = goals_table(
        rows, static_rps, static_cached_rps, hits, total, scale, size.branches * size.plans
    )
    load_lines = load_table(wrk_results)
    print()
    print(table)
    print()
    print(load_lines)
    print()
    print(scale_lines or "Plan detail at one plan: not measured (--reuse).")
    print()
    print(goals)
    if args.output != "-":
        output = Path(args.output)
        text = report(args, url, install, table, load_lines, scale_lines, goals)
        kept = output.read_text(encoding="utf-8") if output.exists() else ""
        kept_sections = [kept.index(m) for m in KEPT_SECTIONS if m in kept]
        if kept_sections:  # sections written by hand or by bench/pdf.py stay
            text += "\n" + kept[min(kept_sections) :]
        output.write_text(text, encoding="utf-8")
        print(f"\nWrote {args.output}")


#: Sections of docs/performance.md that this benchmark leaves as they are (from the first of
#: them to the end of the file).
KEPT_SECTIONS = ("<!-- cache-hit-path: start -->", "<!-- bench.pdf: start -->")


def first_measure_id(plan_id):
    from plan.models import ActionPlanPage, MeasurePage

    plan = ActionPlanPage.objects.get(pk=plan_id)
    return MeasurePage.objects.descendant_of(plan).order_by("path").values_list("pk", flat=True)[0]


def goals_table(rows, static_rps, static_cached_rps, hits, total, scale=None, plans=20):
    """The goals of the scaling issue that this benchmark measures, met or not."""
    plan, _measures, *searches = rows
    cached_ratio = plan["rps v1 cached"] / static_cached_rps
    uncached_ratio = plan["rps v1"] / plan["rps v2"]
    # Every search of the table counts: the goal is met when the slowest one is.
    search_ratios = {row["title"]: row["rps v1"] / row["rps v2"] for row in searches}
    slowest = min(search_ratios, key=search_ratios.get)
    search_ratio = search_ratios[slowest]
    queries = plan["v1"][0]
    hit_rate = hits / total if total else 0

    def verdict(met):
        return "met" if met else "not met"

    lines = [
        "| Goal | Target | Measured | |",
        "| --- | --- | ---: | --- |",
        f"| Cached plan detail vs the static file (same gunicorn) | ≥ 0.7× "
        f"| {cached_ratio:.2f}× | {verdict(cached_ratio >= 0.7)} |",
        f"| Uncached plan detail vs API v2 | ≥ 30× | {uncached_ratio:.1f}× "
        f"| {verdict(uncached_ratio >= 30)} |",
        f"| SQL queries of the uncached plan detail | ≤ 15 | {queries} "
        f"| {verdict(queries <= 15)} |",
        f"| Uncached search vs API v2 search, each of the {len(searches)} searches | ≥ 1× "
        f"| {min(search_ratios.values()):.2f}–{max(search_ratios.values()):.2f}× "
        f"(slowest: {slowest}) | {verdict(search_ratio >= 1)} |",
        (
            f"| p95 of the plan detail at {plans} plans against 1 plan | ≤ 1.5× "
            f"| {scale_ratio(scale):.2f}× | {verdict(scale_ratio(scale) <= 1.5)} |"
            if scale
            else f"| p95 of the plan detail at {plans} plans against 1 plan | ≤ 1.5× "
            "| not measured (--reuse) | – |"
        ),
        f"| First request after a publish is a cache hit (nb and en) | every one "
        f"| {hits}/{total} ({hit_rate:.0%}) | {verdict(hits == total)} |",
    ]
    return "\n".join(lines)


def markdown_table(rows, static_rps):
    lines = [
        "| Request | Served by | HTTP requests | SQL queries | Median ms | p95 ms "
        "| Req/s (gunicorn, 2 workers) | × v2 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def line(title, label, requests, measured, rps, v2_rps):
        queries, median, p95 = measured if measured else ("–", None, None)
        ms = (f"{median:.1f}", f"{p95:.1f}") if measured else ("–", "–")
        lines.append(
            f"| {title} | {label} | {requests} | {queries} | {ms[0]} | {ms[1]} "
            f"| {rps:.1f} | {rps / v2_rps:.1f}× |"
        )

    for row in rows:
        v2_rps = row["rps v2"]
        line(row["title"], "API v2 (baseline)", len(row["paths"]["v2"]), row["v2"], v2_rps, v2_rps)
        line(row["title"], "API v1", 1, row["v1"], row["rps v1"], v2_rps)
        line(row["title"], "API v1, cached body", 1, row["v1 cached"], row["rps v1 cached"], v2_rps)
        if row is rows[0]:
            line(row["title"], "static file (upper bound)", 1, None, static_rps, v2_rps)
    return "\n".join(lines)


def scale_paragraph(args, size, scale_lines):
    """What the 1-plan comparison measured, with its table."""
    if scale_lines is None:
        return "Not measured: the install was reused (`--reuse`), so there was no 1-plan step."
    text = (
        "The uncached plan detail of the same plan (the first one), measured in-process "
        f"({args.requests} runs, response cache emptied before each) right after the first "
        f"plan was built and again when all {size.branches * size.plans} plans were: the "
        "install grows around the plan, the plan itself stays the same."
    )
    return f"{textwrap.fill(text, 100)}\n\n{scale_lines}"


def report(args, url, install, table, load_lines, scale_lines, goals):
    """The text of docs/performance.md around ``table``."""
    size = install.size
    database = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    intro = (
        f"Measured by `bench/api.py` on {date.today():%Y-%m-%d} with "
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{os.cpu_count()} CPU cores and {database}. Synthetic install: {size.branches} "
        f"branches × {size.plans} plans × {size.strategies} strategies × {size.measures} "
        f"measures, in Bokmål and English ({size.total_measures * 2} measure pages in all); "
        "each measure has a status, a partner, a target group, a contact, a goal, a related "
        "event and a related resource."
    )
    notes = [
        "*HTTP requests* is what a frontend needs for the data: API v1 gives a plan in one "
        "request; through Wagtail's API v2 it is the plan, its strategies and its measures 20 at "
        "a time.",
        "*SQL queries*, *Median ms* and *p95 ms* are for the whole sequence, measured in-process "
        f"with Django's test client ({args.requests} runs). *API v1* has the response cache "
        "emptied before every run (the cost of the first request after a publish); *cached "
        "body* is every later request until the next publish (one query: the check that it "
        "is still valid, see cms/api/validity.py).",
        "*Req/s* is completed sequences per second under gunicorn with 2 sync workers and "
        f"{args.concurrency} concurrent clients for {args.seconds:g} s each (API v2 until at "
        f"least {MIN_SEQUENCES} sequences are done, as a slow sequence counted a few times is a "
        "coarse number), the load loop running on the same cores. Each worker has its own "
        "local-memory cache; with Redis they share it. Each request's v1 and v2 are measured "
        f"alternately, {ROUNDS} times each, and the table shows their medians; so are the "
        "cached plan detail and the static file of the goal, in a gunicorn with the response "
        "cache on (the static file's row above is from the gunicorn with the cache off).",
        "*× v2* is req/s relative to the API v2 baseline. The static file (the plan's JSON "
        "written to disk and served by WhiteNoise from the same gunicorn) is the upper bound.",
        "The v2 baseline exposes the plan's fields through `api_fields` (`bench/v2.py`). It "
        "still returns rich text with `linktype` markup, no URLs for linked pages and snippets "
        "as ids and names only, so it does less per object than v1. Search in v1 looks in both "
        "languages, leaves out pages that are not public and adds URLs and translations to "
        "every hit, so an uncached v1 search costs about as much as a v2 search. v1 search also "
        "matches parts of words, linked names (contact persons, partners, target groups, "
        "topics) and, on PostgreSQL, small typos (pg_trgm); v2 finds none of these (its rows "
        "are the cost of a search that finds little).",
        "Timings vary with the machine's load; compare the rows of one run.",
        *args.note,
    ]
    bullets = "\n".join(
        textwrap.fill(note, 98, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False)
        for note in notes
    )
    return (
        "# Performance of the public API\n\n"
        f"{textwrap.fill(intro, 100)}\n\n{table}\n\nHow to read it:\n{bullets}\n\n"
        "## Under load (wrk)\n\n"
        f"wrk (2 threads) against the same gunicorn (2 sync workers, response cache on), "
        f"{args.load_seconds} s per level; wrk runs on the same cores as the server.\n\n"
        f"{load_lines}\n\n"
        "## The plan detail at one plan and at the full install\n\n"
        f"{scale_paragraph(args, size, scale_lines)}\n\n"
        "## Goals of the scaling issue\n\n"
        f"{goals}\n\n"
        "The cache hit rate counts the first plan request in each language after each of "
        f"{args.publishes} publishes of one of its measures (a hit costs one SQL query); the "
        "CMS warms the cache after each publish. The fork against Wagtail's copy is measured by "
        "`bench/fork.py`.\n\n"
        "Reproduce with `python -m bench.api --database-url postgres://…/handlingsplan_bench` "
        "(see\n`bench/README.md`).\n"
    )


if __name__ == "__main__":
    main()
