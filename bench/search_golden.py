"""Golden comparison of search responses: the same queries before and after a change.

Fetches ``/api/v1/search/`` (and the list endpoints' ``search=``) for a list of queries —
common words, parts of words, typos, linked names, filters, later pages, both languages, bad
parameters — with the response cache emptied before each, and writes status, the headers a
client sees and the JSON body to a file; ``--compare`` reports every difference against an
earlier file instead.

    DATABASE_URL=postgres://…/db python -m bench.search_golden --write before.json
    DATABASE_URL=postgres://…/db python -m bench.search_golden --compare before.json
"""

import argparse
import json
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WORDS = [
    # common words and titles
    "samarbeid",
    "samhandling",
    "kulturskole",
    "kulturskolen",
    "Digital formiddagskaffe",
    "knowledge sharing",
    "coffee",
    "Tiltak",
    "Tiltak 2.5",
    "Handlingsplan",
    "Strategi",
    "veileder",
    "fadderordningen",
    "lederkonferansen",
    # parts of words
    "feranse",
    "ordning",
    "skole",
    "ressurs",
    # typos
    "konferamse",
    "fadderordnig",
    "Nyhetbrev",
    "lederkonferanssen",
    "kunskapsdeling",
    "samarbied",
    # linked names
    "Kontakt",
    "Kontakt 3",
    "kontakt 3 tiltak",
    "Nordmann",
    "KS Nord",
    "kulturskoleledere",
    "Organisasjon 2",
    "Målgruppe",
    "Mål 1",
    # nothing, wildcards, odd input
    "fotball",
    "utkast",
    "internt",
    "%",
    "_",
    "a%i",
    "  samarbeid  ",
    "o'neil",
    "back\\slash",
    "UH-aktører",
    "KS-nord",
    "Kontakt-3",
    "konferanse'",
    "1",
    "en",
]

EXTRA = [
    {"q": "samarbeid", "type": "measure"},
    {"q": "samarbeid", "type": "plan"},
    {"q": "Kontakt", "type": "plan"},
    {"q": "konferanse", "type": "event"},
    {"q": "veileder", "type": "resource"},
    {"q": "Tiltak", "offset": "20"},
    {"q": "Tiltak", "limit": "5", "offset": "5"},
    {"q": "Kontakt", "limit": "100", "offset": "400"},
    {"q": "samarbeid", "limit": "100"},
    {"q": "feranse", "offset": "20"},
    # errors
    {},
    {"q": ""},
    {"q": "   "},
    {"q": "x" * 201},
    {"q": "samarbeid", "type": ""},
    {"q": "samarbeid", "type": "branch"},
    {"q": "samarbeid", "limit": "0"},
    {"q": "samarbeid", "offset": "-1"},
]

LIST_SEARCHES = [
    ("/api/v1/measures/", {"search": "Kontakt"}),
    ("/api/v1/measures/", {"search": "samarbeid"}),
    ("/api/v1/measures/", {"search": "konferamse"}),
    ("/api/v1/resources/", {"search": "veileder"}),
    ("/api/v1/events/", {"search": "feranse"}),
]

HEADERS = ["Content-Type", "Content-Language", "Cache-Control", "Vary", "Cache-Tag"]


def requests():
    for locale in ("nb", "en"):
        for word in WORDS:
            yield "/api/v1/search/", {"q": word, "locale": locale}
        for params in EXTRA:
            yield "/api/v1/search/", {**params, "locale": locale}
        for path, params in LIST_SEARCHES:
            yield path, {**params, "locale": locale}


def fetch_all():
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    answers = {}
    for path, params in requests():
        cache.clear()
        response = client.get(path, params, HTTP_HOST="localhost")
        try:
            body = response.json()
        except ValueError:
            body = response.content.decode()
        name = f"{path}?{json.dumps(params, ensure_ascii=False, sort_keys=True)}"
        answers[name] = {
            "status": response.status_code,
            "headers": {h: response.get(h) for h in HEADERS},
            "body": body,
        }
    return answers


def differences(before, after):
    for name in before.keys() | after.keys():
        old, new = before.get(name), after.get(name)
        if old != new:
            yield name, old, new


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", help="Write the answers to this file.")
    group.add_argument("--compare", help="Compare the answers with this file.")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 400s are expected
    answers = fetch_all()
    if args.write:
        Path(args.write).write_text(json.dumps(answers, ensure_ascii=False, indent=1))
        print(f"{len(answers)} answers written to {args.write}")
        return 0
    before = json.loads(Path(args.compare).read_text())
    changed = sorted(differences(before, answers))
    for name, old, new in changed:
        print(f"DIFFERENT: {name}")
        for part in ("status", "headers", "body"):
            if (old or {}).get(part) != (new or {}).get(part):
                print(f"  {part}: before {json.dumps((old or {}).get(part))[:600]}")
                print(f"  {part}: after  {json.dumps((new or {}).get(part))[:600]}")
    print(f"{len(answers)} answers, {len(changed)} different")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
