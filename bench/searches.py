"""The searches a snapshot (``bench/snapshot.py``) renders: common words, parts of words, typos,
linked names, filters, later pages, odd input and bad parameters, on ``/api/v1/search/`` and the
list endpoints' ``search=``."""

from urllib.parse import urlencode

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


def search_paths():
    """The search paths of a snapshot, without the locale."""
    searches = [("/api/v1/search/", {"q": word}) for word in WORDS]
    searches += [("/api/v1/search/", params) for params in EXTRA]
    searches += LIST_SEARCHES
    return [f"{path}?{urlencode(params)}" if params else path for path, params in searches]
