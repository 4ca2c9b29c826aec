"""Benchmark of the plan PDF: the Nordland plan 2024–2025 rendered cold and served warm.

Loads the demo content into a scratch SQLite database, then times ``plan_pdf`` for each
language with the cache emptied before every run (cold: read the plan, lay it out with
WeasyPrint, write a tagged PDF) and with the cached PDF (warm), and the API endpoint in-process
with Django's test client. Prints a markdown table and writes it into docs/performance.md
between the ``bench.pdf`` markers.

    python -m bench.pdf [--runs 5] [--output -]
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

from bench.scratch import write_section

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START, END = "<!-- bench.pdf: start -->", "<!-- bench.pdf: end -->"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per variant (default 5).")
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "performance.md"),
        help="Markdown file to update (default docs/performance.md); '-' to skip.",
    )
    return parser.parse_args(argv)


def timed(function, runs, before=None):
    """Median and maximum milliseconds of ``runs`` calls (``before()`` untimed before each)."""
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def measure(runs):
    import django
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    django.setup()
    call_command("migrate", verbosity=0)
    from demo.loader import load_demo_content
    from plan.models import ActionPlanPage
    from plan.services.pdf import plan_pdf

    load_demo_content(create_admin=False)
    plan = ActionPlanPage.objects.get(slug="handlingsplan-2024-2025", locale__language_code="nb")
    client = Client()
    rows = []
    for language in ("nb", "en"):
        data = plan_pdf(plan, language)  # warms imports and fonts once
        url = f"/api/v1/plans/{plan.pk}/pdf/?locale={language}"
        cold = timed(lambda language=language: plan_pdf(plan, language), runs, cache.clear)
        warm = timed(lambda language=language: plan_pdf(plan, language), runs)
        api = timed(lambda url=url: client.get(url, HTTP_HOST="localhost"), runs)
        import io

        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(data)).pages)
        rows.append((language, pages, len(data) // 1024, cold, warm, api))
    return rows


def table(rows, runs):
    lines = [
        "| Language | Pages | KiB | Cold median ms | Cold max ms | Warm median ms "
        "| API warm median ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for language, pages, size, cold, warm, api in rows:
        lines.append(
            f"| {language} | {pages} | {size} | {cold[0]:.0f} | {cold[1]:.0f} | {warm[0]:.2f} "
            f"| {api[0]:.1f} |"
        )
    return "\n".join(lines)


def section(rows, runs):
    return "\n".join(
        [
            START,
            "## The plan PDF",
            "",
            f"Measured by `bench/pdf.py` on {date.today().isoformat()} with CPython "
            f"{platform.python_version()} on {os.cpu_count()} CPU cores (SQLite, local-memory "
            f"cache), {runs} runs per variant: the demo plan Nordland 2024–2025 (3 strategies, "
            "8 measures, a cover image).",
            "",
            table(rows, runs),
            "",
            "- *Cold* is `plan_pdf` with the cache emptied: reading the plan, laying it out with "
            "WeasyPrint and writing a tagged PDF/UA-1 with embedded font subsets. This is the "
            "first request after a publish.",
            "- *Warm* is every later request for the same plan, language and content generation: "
            "the PDF comes from the cache. *API warm* is the whole request through "
            "`/api/v1/plans/{id}/pdf/` in-process.",
            "",
            "Reproduce with `python -m bench.pdf`.",
            END,
        ]
    )


def main(argv=None):
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="handlingsplan-bench-pdf-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["DEBUG"] = "false"
    rows = measure(args.runs)
    text = section(rows, args.runs)
    print(table(rows, args.runs))
    if args.output != "-":
        write_section(args.output, text, START, END)
        print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
