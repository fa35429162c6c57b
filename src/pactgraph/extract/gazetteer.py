"""Well-known names: countries (from pycountry), demonyms, major cities, seas and regions, and
international organizations. Names it has never seen are found by the general patterns in
``mentions``; the gazetteer only makes the common ones certain."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pycountry

from .facts import COUNTRY, GOVERNMENT, ORGANIZATION, PLACE

# Short names people write, where pycountry's common name differs.
COUNTRY_NAMES = {
    "RU": "Russia",
    "IR": "Iran",
    "KR": "South Korea",
    "KP": "North Korea",
    "VN": "Vietnam",
    "SY": "Syria",
    "TR": "Türkiye",
    "MD": "Moldova",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "LA": "Laos",
    "TW": "Taiwan",
    "CZ": "Czech Republic",
    "GB": "United Kingdom",
    "US": "United States",
    "CN": "China",
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}
EXTRA_COUNTRY_ALIASES = {
    "TR": ["Turkey", "Turkiye"],
    "US": ["USA", "U.S.", "United States of America", "America"],
    "GB": ["UK", "Britain", "Great Britain"],
    "CN": ["People's Republic of China", "PRC"],
    "AE": ["UAE"],
    "KR": ["Republic of Korea", "Korea"],
    "CI": ["Ivory Coast"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
    "FM": ["Federated States of Micronesia"],
    "BN": ["Brunei"],
    "RU": ["Russian Federation"],
}
DEMONYMS = {
    "Bahraini": "BH",
    "Peruvian": "PE",
    "Mexican": "MX",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Chilean": "CL",
    "Senegalese": "SN",
    "Ghanaian": "GH",
    "Sudanese": "SD",
    "Bangladeshi": "BD",
    "Lebanese": "LB",
    "Yemeni": "YE",
    "Filipino": "PH",
    "Congolese": "CD",
    "Azerbaijani": "AZ",
    "Azeri": "AZ",
    "Chinese": "CN",
    "Kazakh": "KZ",
    "Kazakhstani": "KZ",
    "Uzbek": "UZ",
    "Russian": "RU",
    "Belarusian": "BY",
    "Turkish": "TR",
    "Georgian": "GE",
    "Armenian": "AM",
    "Iranian": "IR",
    "Turkmen": "TM",
    "Kyrgyz": "KG",
    "Tajik": "TJ",
    "Pakistani": "PK",
    "Indian": "IN",
    "Saudi": "SA",
    "Emirati": "AE",
    "Qatari": "QA",
    "Egyptian": "EG",
    "American": "US",
    "British": "GB",
    "German": "DE",
    "French": "FR",
    "Italian": "IT",
    "Spanish": "ES",
    "Japanese": "JP",
    "Korean": "KR",
    "South Korean": "KR",
    "Mongolian": "MN",
    "Ukrainian": "UA",
    "Hungarian": "HU",
    "Polish": "PL",
    "Greek": "GR",
    "Bulgarian": "BG",
    "Romanian": "RO",
    "Serbian": "RS",
    "Afghan": "AF",
    "Indonesian": "ID",
    "Malaysian": "MY",
    "Vietnamese": "VN",
    "Thai": "TH",
    "Brazilian": "BR",
    "Canadian": "CA",
    "Australian": "AU",
    "Israeli": "IL",
    "Iraqi": "IQ",
    "Omani": "OM",
    "Kuwaiti": "KW",
    "Moroccan": "MA",
    "Algerian": "DZ",
    "Nigerian": "NG",
    "South African": "ZA",
    "Dutch": "NL",
    "Swiss": "CH",
    "Austrian": "AT",
    "Norwegian": "NO",
    "Swedish": "SE",
    "Danish": "DK",
    "Finnish": "FI",
    "Belgian": "BE",
    "Portuguese": "PT",
    "Czech": "CZ",
    "Slovak": "SK",
    "Croatian": "HR",
    "Slovenian": "SI",
    "Lithuanian": "LT",
    "Latvian": "LV",
    "Estonian": "EE",
    # two-word and irregular forms the regular "-(i)an" reading misses
    "Sri Lankan": "LK",
    "Saudi Arabian": "SA",
    "North Korean": "KP",
    "Costa Rican": "CR",
    "Sierra Leonean": "SL",
    "Nepalese": "NP",
    "Nepali": "NP",
    "Burmese": "MM",
    "Laotian": "LA",
    "Cypriot": "CY",
    "Maltese": "MT",
    "Icelandic": "IS",
    "Irish": "IE",
    "Ivorian": "CI",
    "Somali": "SO",
    "Bosnian": "BA",
    "Singaporean": "SG",
    "Bruneian": "BN",
    "Angolan": "AO",
    "Kenyan": "KE",
    "Zambian": "ZM",
    "Namibian": "NA",
    "Ethiopian": "ET",
    "Tanzanian": "TZ",
    "Ugandan": "UG",
    "Rwandan": "RW",
    "Mozambican": "MZ",
    "Malawian": "MW",
    "Zimbabwean": "ZW",
    "Botswanan": "BW",
    "Malian": "ML",
    "Nigerien": "NE",
    "Beninese": "BJ",
    "Togolese": "TG",
    "Burkinabe": "BF",
    "Gabonese": "GA",
    "Cameroonian": "CM",
    "Chadian": "TD",
    "Libyan": "LY",
    "Tunisian": "TN",
    "Mauritanian": "MR",
    "Djiboutian": "DJ",
    "Eritrean": "ER",
    "Liberian": "LR",
    "Guinean": "GN",
    "Gambian": "GM",
    "Malagasy": "MG",
    "Mauritian": "MU",
    "Colombian": "CO",
    "Bolivian": "BO",
    "Ecuadorian": "EC",
    "Venezuelan": "VE",
    "Uruguayan": "UY",
    "Paraguayan": "PY",
    "Cuban": "CU",
    "Jamaican": "JM",
    "Haitian": "HT",
    "Panamanian": "PA",
    "Guatemalan": "GT",
    "Honduran": "HN",
    "Salvadoran": "SV",
    "Nicaraguan": "NI",
    "Jordanian": "JO",
    "Syrian": "SY",
    "Palestinian": "PS",
    "Cambodian": "KH",
    "Taiwanese": "TW",
    "Bhutanese": "BT",
    "Maldivian": "MV",
    "Fijian": "FJ",
    "Albanian": "AL",
    "Macedonian": "MK",
    "Montenegrin": "ME",
    "Moldovan": "MD",
    "Luxembourgish": "LU",
}
# Major cities (capitals and large cities of the regions pactgraph reads about), with country.
CITIES = {
    "AZ": ["Baku", "Ganja", "Sumgait", "Shusha", "Nakhchivan", "Lankaran", "Gobustan", "Khizi", "Absheron"],
    "CN": [
        "Beijing",
        "Shanghai",
        "Tianjin",
        "Ningbo",
        "Guangzhou",
        "Shenzhen",
        "Hangzhou",
        "Wuhan",
        "Chengdu",
        "Chongqing",
        "Xi'an",
        "Urumqi",
        "Nanjing",
        "Qingdao",
        "Dalian",
        "Xiamen",
        "Harbin",
        "Kunming",
        "Hong Kong",
        "Macau",
        "Suzhou",
        "Changsha",
        "Zhengzhou",
        "Hefei",
    ],
    "KZ": ["Astana", "Almaty", "Aktau", "Atyrau", "Shymkent", "Karaganda", "Aktobe"],
    "UZ": ["Tashkent", "Samarkand", "Bukhara", "Namangan", "Andijan", "Navoi"],
    "RU": ["Moscow", "St. Petersburg", "Saint Petersburg", "Kazan", "Sochi", "Novosibirsk", "Vladivostok"],
    "TR": ["Ankara", "Istanbul", "Izmir", "Antalya"],
    "GE": ["Tbilisi", "Batumi", "Poti"],
    "AM": ["Yerevan"],
    "IR": ["Tehran"],
    "TM": ["Ashgabat", "Turkmenbashi"],
    "KG": ["Bishkek"],
    "TJ": ["Dushanbe"],
    "BY": ["Minsk"],
    "UA": ["Kyiv", "Kiev"],
    "MN": ["Ulaanbaatar"],
    "PK": ["Islamabad", "Karachi", "Lahore"],
    "IN": ["New Delhi", "Delhi", "Mumbai"],
    "AE": ["Abu Dhabi", "Dubai"],
    "SA": ["Riyadh", "Jeddah"],
    "QA": ["Doha"],
    "EG": ["Cairo", "Sharm el-Sheikh"],
    "BE": ["Brussels"],
    "FR": ["Paris"],
    "DE": ["Berlin", "Bonn"],
    "GB": ["London"],
    "IT": ["Rome"],
    "ES": ["Madrid"],
    "CH": ["Geneva", "Davos"],
    "AT": ["Vienna"],
    "US": ["Washington", "New York"],
    "JP": ["Tokyo"],
    "KR": ["Seoul"],
    "BR": ["Belem", "Belém", "Brasilia", "Rio de Janeiro"],
    "HU": ["Budapest"],
    "RO": ["Bucharest"],
    "BG": ["Sofia"],
    "RS": ["Belgrade"],
    "PL": ["Warsaw", "Katowice"],
}


def _add_listed_cities(cities: dict[str, list[str]]) -> None:
    """Capitals and large cities of every region, from ``cities.csv`` (data, not code)."""
    with (Path(__file__).with_name("cities.csv")).open(encoding="utf-8") as rows:
        for row in csv.DictReader(line for line in rows if not line.startswith("#")):
            known = cities.setdefault(row["code"], [])
            if row["city"] not in known:
                known.append(row["city"])


_add_listed_cities(CITIES)
REGIONS = [
    "Caspian Sea",
    "Black Sea",
    "Mediterranean Sea",
    "South China Sea",
    "Persian Gulf",
    "Caspian",
    "Central Asia",
    "South Caucasus",
    "Caucasus",
    "Middle East",
    "Europe",
    "Asia",
    "Africa",
    "Eurasia",
    "Southeast Asia",
    "East Asia",
    "Western Europe",
    "Eastern Europe",
    "Karabakh",
    "East Zangezur",
    "Gulf",
    "Latin America",
]


@cache
def people() -> frozenset[str]:
    """Full names that make a person wherever an article writes them (``people.csv``)."""
    with (Path(__file__).with_name("people.csv")).open(encoding="utf-8") as rows:
        return frozenset(row["name"] for row in csv.DictReader(line for line in rows if not line.startswith("#")))


@cache
def leaders() -> dict[str, str]:
    """Officials and the country (ISO code) they serve, from ``leaders.csv``: whose post a title is
    when an article names the country of neither ("President Xi Jinping")."""
    with (Path(__file__).with_name("leaders.csv")).open(encoding="utf-8") as rows:
        return {
            row["name"]: row["country"] for row in csv.DictReader(line for line in rows if not line.startswith("#"))
        }


@cache
def organizations() -> list[tuple[str, list[str], str]]:
    """Organizations the gazetteer knows (name, other forms, type), from ``organizations.csv``."""
    with (Path(__file__).with_name("organizations.csv")).open(encoding="utf-8") as rows:
        found = [
            (row["name"], [a for a in row["aliases"].split("|") if a], row["type"])
            for row in csv.DictReader(line for line in rows if not line.startswith("#"))
        ]
    unknown = {kind for _, _, kind in found} - {ORGANIZATION, GOVERNMENT}
    if unknown:
        raise ValueError(f"organizations.csv: unknown type {sorted(unknown)[0]!r}; use {ORGANIZATION} or {GOVERNMENT}")
    return found


@cache
def _organization_forms() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    forms = {form: (kind, name) for name, aliases, kind in organizations() for form in [name, *aliases]}
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])"), forms


def organizations_named_in(text: str) -> list[tuple[str, str, str]]:
    """(form written, type, name) of the known organizations inside ``text``, first come first: the
    bodies an event's own name holds ("the 44th SADC Summit", "the EU-CELAC summit").

    >>> organizations_named_in("the EU-CELAC summit")
    [('EU', 'Organization', 'European Union'), ('CELAC', 'Organization', 'CELAC')]
    """
    pattern, forms = _organization_forms()
    found: dict[tuple[str, str], str] = {}
    for match in pattern.finditer(text):
        found.setdefault(forms[match.group(0)], match.group(0))
    return [(form, kind, name) for (kind, name), form in found.items()]


@cache
def demonym_code(word: str) -> str | None:
    """The country of a regular demonym the DEMONYMS list lacks: Mauritanian, Egyptian, Chilean,
    Brazilian, Nigerian (the country's name plus -n, -an or -ian).

    >>> demonym_code("Mauritanian"), demonym_code("Egyptian"), demonym_code("Chilean"), demonym_code("Energy")
    ('MR', 'EG', 'CL', None)
    """
    if not re.fullmatch(r"[A-Z][a-z]+(?:ian|an|n)", word):
        return None
    known = countries()
    for cut in (1, 2, 3):
        hit = known.get(word[:-cut])
        if hit:
            return hit[1]
    return None


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Surface form → (preferred name, ISO alpha-2 code), for every ISO country."""
    table: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        preferred = COUNTRY_NAMES.get(code, getattr(country, "common_name", None) or country.name)
        forms = {preferred, country.name, getattr(country, "official_name", None) or country.name}
        forms |= set(EXTRA_COUNTRY_ALIASES.get(code, []))
        if "," not in country.name:
            forms.add(f"Republic of {preferred}")
        for form in forms:
            if form and "," not in form:
                table[form] = (preferred, code)
    return table


@cache
def country_by_code() -> dict[str, str]:
    return {code: name for name, code in countries().values()}


def entries() -> list[tuple[str, str, str, str | None]]:
    """(surface form, type, preferred name, country code or None) for the entity ruler."""
    rows: list[tuple[str, str, str, str | None]] = []
    for form, (name, code) in countries().items():
        rows.append((form, COUNTRY, name, code))
    for code, names in CITIES.items():
        rows.extend((city, PLACE, city, code) for city in names)
    rows.extend((region, PLACE, "Caspian Sea" if region == "Caspian" else region, None) for region in REGIONS)
    for name, aliases, kind in organizations():
        rows.extend((form, kind, name, None) for form in [name, *aliases])
    return rows
