"""Benchmark of forking a plan: Wagtail's recursive copy, ``fork_plan`` and a template import.

Builds ONE plan of 3 strategies × 50 measures in Bokmål and English with ``bench/build.py``
in a scratch database (dropped and recreated; its name must contain ``bench``), then times,
each in a transaction that is rolled back afterwards:

- Wagtail's ``Page.copy(recursive=True)`` of the Bokmål tree alone (the baseline);
- ``plan.services.fork.fork_plan`` of the plan, both languages, translations linked;
- ``export_plan`` + ``import_plan`` of the same plan as a template.

Prints a markdown table (seconds and SQL queries) and writes it into docs/performance.md
between the ``bench.fork`` markers.

    python -m bench.fork --database-url postgres://postgres@127.0.0.1:5432/hp_bench_fork
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.scratch import recreate_database, scratch_url, write_section

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START, END = "<!-- bench.fork: start -->", "<!-- bench.fork: end -->"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        help="Scratch database, dropped and recreated; its name must contain 'bench'. "
        "Default: a SQLite file in a temporary directory.",
    )
    parser.add_argument("--runs", type=int, default=2, help="Timed runs per variant (default 2).")
    parser.add_argument("--measures", type=int, default=50, help="Measures per strategy (50).")
    parser.add_argument(
        "--only", choices=["copy", "fork", "template"], action="append", help="Run these only."
    )
    parser.add_argument(
        "--profile", action="store_true", help="Print a cProfile summary of each variant."
    )
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "performance.md"),
        help="Markdown file to update (default docs/performance.md); '-' to skip.",
    )
    return parser.parse_args(argv)


def prepare_environment(args):
    """Settings come from the environment: set it before Django starts."""
    work = Path(tempfile.mkdtemp(prefix="handlingsplan-bench-fork-"))
    url = scratch_url(args.database_url, work)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(work / "media"),
            "BACKGROUND_TASKS": "immediate",
            "API_WARM_CACHE": "false",
            "WEBHOOK_URLS": "",
            "LOG_LEVEL": "WARNING",
        }
    )
    return url


class Rollback(Exception):
    """Raised at the end of a timed run to undo it."""


def run_once(function, profile=False):
    """``(seconds, queries)`` of ``function()`` in a transaction that is rolled back."""
    from django.db import connection, transaction

    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    try:
        with transaction.atomic(), connection.execute_wrapper(counted):
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            function()
            seconds = time.perf_counter() - started
            if profiler:
                profiler.disable()
            raise Rollback
    except Rollback:
        pass
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return seconds, len(queries)


def variants(plan, branch, user):
    """The benchmarked operations, by name: each makes a new plan of ``branch``."""
    from plan.services.fork import fork_plan
    from plan.services.template.export import export_plan
    from plan.services.template.importer import import_plan

    def copy():
        plan.copy(
            recursive=True,
            to=branch,
            update_attrs={"slug": "handlingsplan-kopi", "title": "Handlingsplan (kopi)"},
            keep_live=False,
            user=user,
        )

    def fork():
        fork_plan(plan, branch, (2030, 2031), user=user)

    def template():
        document, _report = export_plan(plan)
        import_plan(document, branch, period=(2032, 2033), user=user)

    return {
        "copy": ("Wagtail `Page.copy(recursive=True)`, Bokmål tree only", copy),
        "fork": ("`fork_plan`, Bokmål + English, translations linked", fork),
        "template": ("`export_plan` + `import_plan`, Bokmål + English", template),
    }


def measure(args):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.build import Size, build
    from plan.models import ActionPlanPage

    size = Size(branches=1, plans=1, strategies=3, measures=args.measures)
    install = build(size, progress=lambda message: None)
    plan = ActionPlanPage.objects.get(pk=install.plan_ids["nb"])
    branch = plan.get_parent().specific
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    pages = plan.get_descendants(inclusive=True).count()
    rows = []
    for name, (label, function) in variants(plan, branch, user).items():
        if args.only and name not in args.only:
            continue
        samples = [run_once(function, args.profile) for _ in range(args.runs)]
        seconds = [s for s, _q in samples]
        rows.append((name, label, statistics.median(seconds), max(seconds), samples[-1][1]))
        print(f"{label}: {statistics.median(seconds):.2f} s, {samples[-1][1]} queries")
    return rows, pages


def table(rows):
    copy = next((row[2] for row in rows if row[0] == "copy"), None)
    fork = next((row[2] for row in rows if row[0] == "fork"), None)
    lines = [
        "| Variant | Median s | Max s | SQL queries | × Wagtail copy | × fork |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for _name, label, median, most, queries in rows:
        to_copy = f"{median / copy:.2f}" if copy else "–"
        to_fork = f"{median / fork:.2f}" if fork else "–"
        lines.append(f"| {label} | {median:.2f} | {most:.2f} | {queries} | {to_copy} | {to_fork} |")
    return "\n".join(lines)


def goals(rows):
    by_name = {row[0]: row[2] for row in rows}
    lines = []
    if "copy" in by_name and "fork" in by_name:
        met = "met" if by_name["fork"] < by_name["copy"] else "not met"
        lines.append(
            f"- Fork faster than Wagtail's copy of the Bokmål tree: **{met}** "
            f"({by_name['fork']:.2f} s against {by_name['copy']:.2f} s, "
            f"{by_name['fork'] / by_name['copy']:.2f}×)."
        )
    if "fork" in by_name and "template" in by_name:
        ratio = by_name["template"] / by_name["fork"]
        met = "met" if ratio <= 1.5 else "not met"
        lines.append(
            f"- Template export + import within 1.5× of the fork: **{met}** ({ratio:.2f}×)."
        )
    return lines


def section(args, url, rows, pages):
    database = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    return "\n".join(
        [
            START,
            "## Forking a plan",
            "",
            f"Measured by `bench/fork.py` on {date.today().isoformat()} with CPython "
            f"{platform.python_version()} on {os.cpu_count()} CPU cores ({database}), "
            f"{args.runs} runs per variant, each rolled back: one plan of 3 strategies × "
            f"{args.measures} measures built by `bench/build.py` ({pages} pages in Bokmål, as "
            "many in English), each measure with seven inline rows; load average "
            f"{os.getloadavg()[0]:.1f} at the end (other work on the machine slows every "
            "variant alike; compare the ratios).",
            "",
            table(rows),
            "",
            *goals(rows),
            "",
            "- *Wagtail copy* is the baseline of issue 13: Wagtail's own recursive copy of the "
            "Bokmål tree alone, as drafts, with a revision and a log entry per page (issue 13 "
            "measured it at 25–26 s and the old `fork_plan` at 63–76 s on a quieter machine).",
            "- *fork_plan* reads the live plan in both languages and builds both trees as "
            "drafts with one revision per page, translations linked by their translation key: "
            "the tree positions are computed up front and `plan/services/plan_tree/bulk.py` "
            "inserts the page, specific and inline rows, revisions, log entries, reference and "
            "search index entries in bulk (a constant number of queries, "
            "`tests/fork/test_fork_tree.py`); `translations/bulk.py` then hands the English "
            "pages to wagtail-localize (sources, strings and translations, also in bulk).",
            "- *Template* is `export_plan` then `import_plan` of the same plan into the same "
            "branch for another period: the portable references are resolved by name.",
            "",
            "Reproduce with `python -m bench.fork --database-url "
            "postgres://postgres@127.0.0.1:5432/hp_bench_fork` (`--profile` prints a "
            "cProfile summary of each variant).",
            END,
        ]
    )


def main(argv=None):
    args = parse_args(argv)
    url = prepare_environment(args)
    recreate_database(url)
    rows, pages = measure(args)
    print()
    print(table(rows))
    print("\n".join(goals(rows)))
    if args.output != "-":
        write_section(args.output, section(args, url, rows, pages), START, END)
        print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
