"""Write a synthetic corpus of energy-diplomacy news articles together with their gold facts.

pactgraph's hand-written corpora (the shared dev set, corpus/probe, corpus/probe2) hold a few
dozen articles: enough to tune the extractor, too few to benchmark it at 100,000 articles or to
see whether its quality holds at scale. This script writes as many articles as asked, in the
genres pactgraph reads (meeting readouts, signing ceremonies, project news, partnership
upgrades, forum reports, phone calls, newsletters, op-eds), each with a gold JSON file in the
format of the shared corpus README, so that ``pactgraph evaluate`` can score the extractor on them.

People, companies, projects and events are invented from per-country name parts; countries,
cities and a few international institutions are real. The text is written from templates with
many phrasings per fact, and the gold is built alongside the text from the same choices, so it
says exactly what a perfect extractor should find: no more, no less. Distractors (unsigned
deals, potentials, transmission capacities, MWh, money, planned meetings) are listed in ``traps``.

Article i depends only on ``(seed, i)``: the first k articles of any corpus equal a corpus of k,
byte for byte, and articles are written one at a time, so memory does not grow with the count.

    python benchmarks/generate.py --articles 1000 --out /tmp/gen1000 [--seed 0]
    pactgraph evaluate /tmp/gen1000/gold --articles /tmp/gen1000/articles

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

AGREEMENT_KINDS = (
    "memorandum of understanding",
    "implementation agreement",
    "investment agreement",
    "cooperation agreement",
    "strategic cooperation agreement",
    "joint statement",
    "declaration",
    "agreement",
)
TECHNOLOGIES = (
    "wind",
    "offshore wind",
    "onshore wind",
    "solar",
    "floating solar",
    "battery storage",
    "hydro",
    "gas",
    "wind and solar",
)
STATUSES = ("planned", "under construction", "operating", "unknown")
ENTITY_TYPES = ("Country", "Organization", "Person", "Place", "Event")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST_PUBLISHED = date(2023, 3, 1)
PUBLISHED_DAYS = (date(2026, 6, 30) - FIRST_PUBLISHED).days


# --------------------------------------------------------------------------------------------
# Vocabulary: countries with their people, places and company name parts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """A country and the parts its people, places, ministries and companies are made from."""

    name: str
    adjective: str
    aliases: tuple[str, ...]
    capital: str
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    sites: tuple[str, ...]
    seas: tuple[str, ...]
    hydro: bool
    naming: str  # western: given surname; eastern: family given; last: the last word is used alone
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    feminine_surnames: bool
    leader: str
    ministry: str
    minister: str
    minister_short: str
    company_stems: tuple[str, ...]
    company_words: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    company_prefix: str = ""
    energy_agency: str = ""
    energy_agency_short: str = ""
    definite: bool = False  # "the United Arab Emirates"

    @property
    def written(self) -> str:
        """The name as it stands in a sentence."""
        return f"the {self.name}" if self.definite else self.name

    @property
    def possessive(self) -> str:
        return f"the {self.aliases[0]}'s" if self.definite else f"{self.name}'s"


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


def _country(**fields) -> Country:
    listed = ("aliases", "cities", "regions", "sites", "seas", "male", "female", "surnames")
    listed += ("company_stems", "company_words", "company_suffixes")
    for key in listed:
        fields[key] = _split(fields.get(key, ""))
    return Country(**fields)


def _syllable_names(firsts: str, seconds: str, joiner: str = "") -> str:
    """Chinese and Korean given names, combined from syllables (in a fixed order)."""
    return "|".join(f"{a}{joiner}{b}" for a in _split(firsts) for b in _split(seconds))


COUNTRIES: tuple[Country, ...] = (
    _country(
        name="Azerbaijan",
        adjective="Azerbaijani",
        aliases="Republic of Azerbaijan",
        capital="Baku",
        cities="Ganja|Sumgait|Mingachevir|Shirvan|Lankaran|Shamakhi|Shusha|Nakhchivan",
        regions="Absheron peninsula|Jabrayil district|Bilasuvar district|Neftchala district|Khizi district|"
        "Gobustan district|Kalbajar district|Zangilan district",
        sites="Karadag|Yashma|Sangachal|Pirallahi|Alat|Gilazi|Shahdag|Mushfig|Qobu|Hovsan",
        seas="Caspian Sea",
        hydro=True,
        naming="western",
        male="Elchin|Rashad|Farid|Orkhan|Tural|Anar|Vugar|Ilgar|Samir|Kamran|Elnur|Rauf|Javid|Zaur|Nijat|"
        "Ramil|Vusal|Fuad|Mahir|Emil",
        female="Aysel|Leyla|Gunel|Nigar|Sevinj|Aynur|Lala|Narmin|Konul|Shahla|Arzu|Ulviyya",
        surnames="Mammadov|Hasanov|Huseynov|Guliyev|Ismayilov|Abbasov|Babayev|Rzayev|Jafarov|Karimov|Nasirov|"
        "Mustafayev|Suleymanov|Valiyev|Ahmadov|Safarov|Zeynalov|Rahimov|Bagirov|Alizade|Hajiyev|Musayev|"
        "Garayev|Najafov",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Odlar|Khazar|Nur|Araz|Kapaz|Goygol|Murov|Talysh|Qafqaz|Samur",
        company_words="Energy|Green Energy|Power|Enerji|Renewables|Energy Solutions",
        company_suffixes="LLC|CJSC|OJSC|LLC|Group",
    ),
    _country(
        name="China",
        adjective="Chinese",
        aliases="People's Republic of China|PRC",
        capital="Beijing",
        cities="Shanghai|Tianjin|Ningbo|Xi'an|Urumqi|Chengdu|Wuhan|Guangzhou|Hangzhou|Lanzhou",
        regions="Xinjiang Uygur Autonomous Region|Inner Mongolia|Qinghai province|Gansu province|"
        "Jiangsu province|Hebei province|Ningxia Hui Autonomous Region",
        sites="Hami|Jiuquan|Golmud|Ordos|Rudong|Dunhuang|Turpan|Zhangbei|Baicheng|Kuqa",
        seas="Yellow Sea|East China Sea",
        hydro=True,
        naming="eastern",
        male=_syllable_names(
            "Jian|Xiao|Hai|Wei|Zhi|Guo|Hong|Ming|Jun|Xin|Rui|Tian|Wen|Yong|Jia|Qing|Shu|Zhen",
            "hua|dong|xiang|ping|gang|min|feng|lin|jie|tao|yang|ning|qiang|hao|long|bin|chen",
        ),
        female=_syllable_names("Xiao|Li|Hui|Jing|Yu|Mei|Shu|Ya|Xue|Lan", "ying|li|mei|na|yan|jing|fang|qin|hong|wen"),
        surnames="Wang|Li|Zhang|Liu|Chen|Yang|Zhao|Huang|Zhou|Wu|Xu|Sun|Hu|Zhu|Gao|Lin|Guo|Ma|Luo|Liang|"
        "Song|Zheng|Xie|Han|Tang|Feng|Dong|Xiao|Cao|Deng|Peng|Jiang|Lyu|Zhong",
        feminine_surnames=False,
        leader="President",
        ministry="",
        minister="",
        minister_short="",
        energy_agency="National Energy Administration",
        energy_agency_short="NEA",
        company_stems="Huaxin|Tianrui|Zhongneng|Jinyuan|Ruineng|Hengtai|Xinhai|Longsheng|Guoxin|Haolong|"
        "Sanjiang|Kaiyuan|Mingyuan|Shenghe|Yuanjing|Jiaxin|Huarui|Zhonghe|Tianhe|Boyuan",
        company_words="New Energy|Power|Energy Engineering|Electric Power Construction|Clean Energy|"
        "International Energy|Power Equipment|Green Power|Energy Investment|Renewables",
        company_suffixes="Co., Ltd.|Group Co., Ltd.|Corporation|Group|Holdings Co., Ltd.|Corporation Limited",
    ),
    _country(
        name="Kazakhstan",
        adjective="Kazakh",
        aliases="Republic of Kazakhstan",
        capital="Astana",
        cities="Almaty|Shymkent|Aktau|Atyrau|Karaganda|Pavlodar|Turkistan|Kyzylorda|Taraz|Ekibastuz",
        regions="Zhambyl region|Turkistan region|Almaty region|Mangystau region|Akmola region|"
        "Karaganda region|Kyzylorda region|Abai region",
        sites="Ereymentau|Zhanatas|Kapchagay|Balkhash|Saryozek|Shelek|Kentau|Arkalyk|Zhanakorgan|Shardara",
        seas="Caspian Sea",
        hydro=True,
        naming="western",
        male="Nurlan|Erlan|Askar|Daniyar|Timur|Bauyrzhan|Yerzhan|Almas|Serik|Marat|Arman|Kanat|Dauren|"
        "Azamat|Bolat|Galym|Zhandos|Yerbol|Nurbek|Ruslan",
        female="Aigerim|Dinara|Saule|Gulnara|Aliya|Madina|Zhanna|Asel|Dana|Kamila|Ainur|Assem",
        surnames="Abenov|Nurpeisov|Sarsenbayev|Tokhtarov|Kenzhebekov|Mukhametzhanov|Ospanov|Baimukhanov|"
        "Iskakov|Zhumabayev|Akhmetov|Seitkali|Ibrayev|Kassymov|Temirbekov|Yessimov|Dzhaksybekov|Omarov|"
        "Tulegenov|Amirov|Bekmukhambetov|Zhunusov",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Steppe|Altyn|Saryarka|Zhetysu|Ertis|Kazyna|Tengri|Baiterek|Aksu|Shyraq",
        company_words="Energy|Power|Energo|Green Energy|Renewables|Power Generation",
        company_suffixes="JSC|LLP|JSC|Group",
    ),
    _country(
        name="Uzbekistan",
        adjective="Uzbek",
        aliases="Republic of Uzbekistan",
        capital="Tashkent",
        cities="Samarkand|Bukhara|Navoi|Nukus|Andijan|Fergana|Namangan|Jizzakh|Karshi|Termez",
        regions="Navoi region|Bukhara region|Samarkand region|Jizzakh region|Kashkadarya region|"
        "Surkhandarya region|Fergana region|Republic of Karakalpakstan",
        sites="Nurota|Zarafshan|Gijduvan|Sherabad|Karmana|Kattakurgan|Muborak|Beruni|Tomdi|Kungrad",
        seas="",
        hydro=True,
        naming="western",
        male="Jamshid|Sardor|Bakhtiyor|Rustam|Aziz|Sherzod|Otabek|Dilshod|Umid|Jasur|Farrukh|Akmal|Bekzod|"
        "Laziz|Ulugbek|Shukhrat|Nodir|Botir|Javlon|Sanjar",
        female="Dilnoza|Malika|Nigora|Gulnora|Zarina|Feruza|Shahnoza|Kamola|Umida|Nodira|Sevara|Lola",
        surnames="Yusupov|Rakhimov|Abdullayev|Mirzayev|Usmonov|Khodjayev|Sultanov|Tursunov|Ergashev|Nazarov|"
        "Ismoilov|Saidov|Khamidov|Alimov|Rashidov|Normatov|Qodirov|Jurayev|Azimov|Mahmudov|Islamov|Boboev",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Turon|Zarafshon|Sogdiana|Amudaryo|Ipak Yoli|Chorsu|Registon|Afrosiyob|Navbahor|Orol",
        company_words="Energy|Energo|Power|Green Energy|Quyosh Energy|Renewables",
        company_suffixes="JSC|LLC|JSC|Group",
    ),
    _country(
        name="Kyrgyzstan",
        adjective="Kyrgyz",
        aliases="Kyrgyz Republic",
        capital="Bishkek",
        cities="Osh|Jalal-Abad|Karakol|Naryn|Talas|Tokmok|Batken|Balykchy",
        regions="Issyk-Kul region|Naryn region|Jalal-Abad region|Chui region|Batken region|Talas region",
        sites="Kemin|Suusamyr|Kochkor|At-Bashy|Chatkal|Toguz-Toro|Kara-Suu|Aksy|Ton|Kazarman",
        seas="",
        hydro=True,
        naming="western",
        male="Almazbek|Kubanychbek|Nurlanbek|Adylbek|Taalaibek|Bakyt|Ulan|Erkin|Talant|Kanybek|Mirlan|"
        "Chyngyz|Aibek|Tilek",
        female="Aizhan|Gulzat|Cholpon|Nazira|Jyldyz|Aida|Meerim|Aigul|Elnura|Begimai",
        surnames="Abdyldaev|Toktomushev|Sydykov|Mamytov|Orozbekov|Asanov|Ibraimov|Moldokulov|Usenov|"
        "Turgunbaev|Zhumabekov|Osmonaliev|Beishenaliev|Sultanbekov|Akmatov|Duishenbiev",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Ala-Too|Tenir|Issyk|Manas|Kyrgyz Altyn|Sary-Chelek|Tulpar|Jaiyl|Bel|Ordo",
        company_words="Energo|Hydro|Energy|Power|Hydropower",
        company_suffixes="OJSC|LLC|JSC",
    ),
    _country(
        name="Tajikistan",
        adjective="Tajik",
        aliases="Republic of Tajikistan",
        capital="Dushanbe",
        cities="Khujand|Bokhtar|Kulob|Istaravshan|Khorog|Panjakent|Vahdat",
        regions="Sughd region|Khatlon region|Gorno-Badakhshan Autonomous Region|Rasht valley",
        sites="Shahrinav|Yovon|Darvoz|Ayni|Varzob|Shurobod|Muminobod|Kofarnihon|Isfara|Zarafshon",
        seas="",
        hydro=True,
        naming="western",
        male="Firuz|Rustam|Farhod|Daler|Sherali|Manuchehr|Jamshed|Khurshed|Bahodur|Davlat|Nurullo|Sino|Umed|Anvar",
        female="Zarina|Nilufar|Mehrangez|Farzona|Tahmina|Gulrukhsor|Shahnoza|Madina|Parvina|Sitora",
        surnames="Rahimov|Nazarzoda|Sharifov|Davlatzoda|Kurbonov|Saidzoda|Mirzoev|Ismoilzoda|Gulov|"
        "Sadulloev|Qodirzoda|Hamidov|Safarov|Hakimov|Rajabov|Karimzoda",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy and Water Resources",
        minister="Minister of Energy and Water Resources",
        minister_short="",
        company_stems="Pamir|Vakhsh|Somon|Hisor|Sarob|Sugd|Ansob|Navruz|Rudaki|Barqi Nur",
        company_words="Energy|Hydro|Power|Energy Company|Hydropower",
        company_suffixes="OJSC|LLC|JSC",
    ),
    _country(
        name="Turkmenistan",
        adjective="Turkmen",
        aliases="",
        capital="Ashgabat",
        cities="Turkmenbashi|Mary|Turkmenabat|Dashoguz|Balkanabat|Tejen",
        regions="Ahal province|Balkan province|Lebap province|Mary province|Dashoguz province",
        sites="Serdar|Bereket|Esenguly|Gyzylarbat|Bayramaly|Kerki|Magdanly|Gumdag|Ekerem|Garabogaz",
        seas="Caspian Sea",
        hydro=False,
        naming="western",
        male="Berdimurat|Merdan|Gurbanmyrat|Batyr|Dovlet|Maksat|Rahym|Atajan|Kakageldi|Yusup|Bayram|"
        "Begench|Myrat|Shatlyk",
        female="Ogulgerek|Maral|Jeren|Aynabat|Gulshat|Bahar|Enejan|Sona|Lale",
        surnames="Annamuradov|Orazov|Atayev|Gurbanov|Hojamuradov|Myradov|Charyyev|Berdiyev|Nurmuhammedov|"
        "Ovezov|Rejepov|Annayev|Saparov|Kakayev|Durdyyev",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Garagum|Kopetdag|Ak Yol|Gunes|Altyn Asyr|Berkarar|Yashyl|Merw|Nusay|Amul",
        company_words="Energy|Power|Energo|Electric",
        company_suffixes="Company|Enterprise|Company|Group",
    ),
    _country(
        name="Georgia",
        adjective="Georgian",
        aliases="",
        capital="Tbilisi",
        cities="Batumi|Kutaisi|Poti|Rustavi|Zugdidi|Gori|Telavi|Akhaltsikhe",
        regions="Imereti|Adjara|Samegrelo|Kakheti|Svaneti|Racha|Samtskhe-Javakheti",
        sites="Tskhenistskali|Mtkvari|Aragvi|Alazani|Gudauri|Khrami|Paravani|Tsalka|Dariali|Lukhuni",
        seas="Black Sea",
        hydro=True,
        naming="western",
        male="Giorgi|Levan|Irakli|Davit|Nikoloz|Zurab|Lasha|Tamaz|Otar|Revaz|Mamuka|Gela|Shota|Vakhtang",
        female="Nino|Tamar|Mariam|Ketevan|Natia|Salome|Eka|Tinatin|Sophio|Maia",
        surnames="Beridze|Kapanadze|Gelashvili|Maisuradze|Tsiklauri|Lomidze|Javakhishvili|Chikovani|"
        "Abashidze|Mchedlishvili|Gogoladze|Khutsishvili|Dolidze|Japaridze|Tabatadze|Kvirikashvili",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Economy and Sustainable Development",
        minister="Minister of Economy and Sustainable Development",
        minister_short="Economy Minister",
        company_stems="Kartli|Kolkheti|Iveria|Rioni|Mtatsminda|Enguri|Likani|Borjomi|Tetnuld|Ushba",
        company_words="Energy|Hydro|Power|Green Energy|Renewables",
        company_suffixes="LLC|JSC|LLC",
    ),
    _country(
        name="Türkiye",
        adjective="Turkish",
        aliases="Turkey|Republic of Türkiye",
        capital="Ankara",
        cities="Istanbul|Izmir|Antalya|Konya|Kayseri|Samsun|Trabzon|Erzurum|Bursa",
        regions="Konya province|Çanakkale province|Izmir province|Aydın province|Karaman province|Balıkesir province",
        sites="Karapınar|Bandırma|Soma|Bergama|Kırklareli|Sivas|Elazığ|Akhisar|Gökçeada|Silivri",
        seas="Aegean Sea|Black Sea|Sea of Marmara",
        hydro=True,
        naming="western",
        male="Mehmet|Ahmet|Mustafa|Emre|Burak|Hakan|Murat|Kerem|Serkan|Cem|Oğuz|Tolga|Alper|Volkan|Selim|Kaan",
        female="Ayşe|Elif|Zeynep|Selin|Derya|Esra|Gülşen|Burcu|Merve|Ebru",
        surnames="Yılmaz|Kaya|Demir|Şahin|Çelik|Aydın|Öztürk|Arslan|Doğan|Kılıç|Aslan|Koç|Kurt|Özdemir|"
        "Erdem|Güneş|Aksoy|Polat|Karaca|Tekin",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Energy and Natural Resources",
        minister="Minister of Energy and Natural Resources",
        minister_short="Energy Minister",
        company_stems="Anadolu|Ege|Kartal|Toros|Marmara|Yıldız|Akdeniz|Kapadokya|Fırat|Kızılırmak",
        company_words="Enerji|Elektrik Üretim|Yenilenebilir Enerji|Energy|Power",
        company_suffixes="A.Ş.|Holding|Group|A.Ş.",
    ),
    _country(
        name="Russia",
        adjective="Russian",
        aliases="Russian Federation",
        capital="Moscow",
        cities="St. Petersburg|Kazan|Rostov-on-Don|Astrakhan|Novosibirsk|Krasnodar|Samara|Yekaterinburg",
        regions="Astrakhan region|Orenburg region|Rostov region|Krasnodar Territory|Stavropol Territory|"
        "Volgograd region",
        sites="Volgodonsk|Akhtubinsk|Orsk|Azov|Salsk|Buguruslan|Kamyshin|Elista|Budyonnovsk|Sol-Iletsk",
        seas="Baltic Sea|Caspian Sea",
        hydro=True,
        naming="western",
        male="Sergei|Alexei|Dmitry|Andrei|Nikolai|Pavel|Mikhail|Igor|Oleg|Konstantin|Yevgeny|Roman|Maxim|"
        "Anton|Denis|Vadim",
        female="Elena|Olga|Natalia|Tatiana|Irina|Svetlana|Anna|Maria|Yulia|Ekaterina",
        surnames="Ivanov|Petrov|Sokolov|Volkov|Morozov|Lebedev|Kozlov|Novikov|Pavlov|Orlov|Fedorov|Sorokin|"
        "Belov|Voronin|Gusev|Tikhonov|Zaitsev|Kuznetsov|Smirnov|Nikitin|Vasiliev|Golubev",
        feminine_surnames=True,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Volga|Ural|Sever|Sibir|Neva|Don|Kama|Yug|Altai|Baikal",
        company_words="Energo|Power|Generation|Energy|Hydro",
        company_suffixes="PJSC|JSC|LLC",
    ),
    _country(
        name="Iran",
        adjective="Iranian",
        aliases="Islamic Republic of Iran",
        capital="Tehran",
        cities="Isfahan|Tabriz|Shiraz|Mashhad|Yazd|Kerman|Bandar Abbas|Rasht",
        regions="Kerman province|Yazd province|Khorasan Razavi province|Fars province|Isfahan province|Semnan province",
        sites="Tabas|Bafq|Manjil|Damghan|Sirjan|Kashan|Ardakan|Zarand|Khaf|Nain",
        seas="Persian Gulf|Caspian Sea",
        hydro=True,
        naming="western",
        male="Ali|Reza|Mohammad|Hossein|Mehdi|Hamid|Saeed|Amir|Majid|Davood|Behzad|Farhad|Masoud|Kaveh",
        female="Maryam|Fatemeh|Zahra|Leila|Shirin|Nazanin|Parisa|Mahsa|Niloufar",
        surnames="Hosseini|Rezaei|Mohammadi|Ahmadi|Karimi|Moradi|Jafari|Rahimi|Sadeghi|Ghasemi|Tehrani|"
        "Farahani|Kazemi|Alavi|Ebrahimi|Najafi|Rostami|Shirazi",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Pars|Alborz|Zagros|Khazar|Arya|Sepahan|Kavir|Dena|Mapna Sabz|Tous",
        company_words="Energy|Power Generation|Niroo|Power|Renewable Energy",
        company_suffixes="Company|Group|Company",
    ),
    _country(
        name="Saudi Arabia",
        adjective="Saudi",
        aliases="Kingdom of Saudi Arabia|KSA",
        capital="Riyadh",
        cities="Jeddah|Dammam|Tabuk|Medina|Yanbu|Abha|Sakaka",
        regions="Al Jouf region|Tabuk region|Eastern Province|Makkah province|Qassim region",
        sites="Layla|Al Kharj|Wadi Al Dawasir|Al Henakiyah|Al Rass|Shuqaiq|Duba|Al Ula|Turaif|Bisha",
        seas="Red Sea",
        hydro=False,
        naming="western",
        male="Abdulaziz|Faisal|Khalid|Fahad|Turki|Nawaf|Sultan|Majed|Abdullah|Bandar|Waleed|Mishal|Yazeed",
        female="Noura|Reem|Lama|Hessa|Sara|Haifa|Maha|Dana",
        surnames="Al-Qahtani|Al-Otaibi|Al-Ghamdi|Al-Zahrani|Al-Harbi|Al-Shehri|Al-Dosari|Al-Mutairi|Al-Anazi|"
        "Al-Subaie|Al-Rashid|Al-Shammari|Al-Omari|Al-Juhani",
        feminine_surnames=False,
        leader="",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Najd|Hejaz|Rawabi|Al Waha|Tihama|Nafud|Sarawat|Al Noor|Dirah|Tuwaiq",
        company_words="Power|Energy|Utilities|Renewable Energy|Power and Water",
        company_suffixes="Company|Holding|Company",
    ),
    _country(
        name="United Arab Emirates",
        definite=True,
        adjective="Emirati",
        aliases="UAE",
        capital="Abu Dhabi",
        cities="Dubai|Sharjah|Al Ain|Ras Al Khaimah|Fujairah",
        regions="Al Dhafra region|Emirate of Sharjah|Emirate of Ras Al Khaimah",
        sites="Al Khazna|Madinat Zayed|Ruwais|Liwa|Sweihan|Hatta|Al Ajban|Ghayathi|Mirfa|Al Qua'a",
        seas="Arabian Gulf",
        hydro=False,
        naming="western",
        male="Mohamed|Ahmed|Saeed|Khalifa|Rashid|Hamad|Omar|Hamdan|Mansour|Obaid|Saif|Humaid",
        female="Mariam|Shamma|Fatima|Amna|Hind|Latifa|Alia",
        surnames="Al Mansouri|Al Hammadi|Al Shamsi|Al Ketbi|Al Mazrouei|Al Dhaheri|Al Suwaidi|Al Falasi|"
        "Al Marzooqi|Al Zaabi|Al Ameri|Al Blooshi|Al Kaabi|Al Muhairi",
        feminine_surnames=False,
        leader="",
        ministry="Ministry of Energy and Infrastructure",
        minister="Minister of Energy and Infrastructure",
        minister_short="Energy Minister",
        company_stems="Falcon|Oasis|Sahara|Gulf|Dhafra|Marjan|Barakah Sun|Al Reef|Zayed|Sahel",
        company_words="Energy|Clean Energy|Power|Renewables|Future Energy",
        company_suffixes="PJSC|LLC|Holding",
    ),
    _country(
        name="Egypt",
        adjective="Egyptian",
        aliases="Arab Republic of Egypt",
        capital="Cairo",
        cities="Alexandria|Aswan|Luxor|Suez|Port Said|Hurghada",
        regions="Aswan Governorate|Red Sea Governorate|Suez Governorate|Minya Governorate|New Valley Governorate",
        sites="Ras Ghareb|Kom Ombo|West Sohag|Dakhla|Farafra|Safaga|Marsa Alam|Beni Suef|El Tor|Abu Simbel",
        seas="Red Sea|Mediterranean Sea",
        hydro=True,
        naming="western",
        male="Ahmed|Mohamed|Mahmoud|Hany|Karim|Tarek|Amr|Sherif|Mostafa|Khaled|Hossam|Walid|Yasser|Ayman",
        female="Nour|Rania|Dina|Heba|Mona|Yasmine|Sahar|Amira",
        surnames="El-Sayed|Farouk|Mansour|Hassan|Soliman|Fawzy|Ezzat|Ragab|Nasser|El-Masry|Hamdy|Zaki|"
        "Barakat|Shalaby|Abdel Aziz|Gaber",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Electricity and Renewable Energy",
        minister="Minister of Electricity and Renewable Energy",
        minister_short="Electricity Minister",
        company_stems="Nile|Delta|Sinai|Pharos|Aton|Memphis|Karnak|Siwa|Horus|Fayoum",
        company_words="Power|Energy|Renewables|Solar Energy|Wind Energy",
        company_suffixes="S.A.E.|Company|Holding",
    ),
    _country(
        name="Pakistan",
        adjective="Pakistani",
        aliases="Islamic Republic of Pakistan",
        capital="Islamabad",
        cities="Karachi|Lahore|Peshawar|Quetta|Multan|Gwadar|Faisalabad",
        regions="Sindh province|Punjab province|Balochistan province|Khyber Pakhtunkhwa province",
        sites="Jhimpir|Gharo|Bahawalpur|Thatta|Swat|Chitral|Keti Bandar|Nooriabad|Kohat|Sukkur",
        seas="Arabian Sea",
        hydro=True,
        naming="western",
        male="Bilal|Usman|Hamza|Faisal|Asad|Kamran|Tariq|Adnan|Junaid|Zeeshan|Shahid|Waqar|Nadeem|Arif",
        female="Ayesha|Sana|Hina|Mehwish|Saima|Rabia|Nadia|Farah",
        surnames="Qureshi|Malik|Chaudhry|Siddiqui|Butt|Abbasi|Baig|Shaikh|Hashmi|Rana|Mirza|Awan|Javed|"
        "Gillani|Kazmi|Bhatti",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Indus|Karakoram|Margalla|Mehran|Ravi|Chenab|Kirthar|Hingol|Potohar|Thar",
        company_words="Power|Energy|Renewables|Wind Power|Hydro Power",
        company_suffixes="Limited|(Pvt) Ltd.|Limited",
    ),
    _country(
        name="India",
        adjective="Indian",
        aliases="Republic of India",
        capital="New Delhi",
        cities="Mumbai|Chennai|Ahmedabad|Jaipur|Bengaluru|Pune|Jodhpur|Kolkata",
        regions="Rajasthan|Gujarat|Tamil Nadu|Karnataka|Andhra Pradesh|Maharashtra",
        sites="Pavagada|Kutch|Anantapur|Barmer|Jaisalmer|Bikaner|Tuticorin|Kurnool|Dholera|Ramagiri",
        seas="Gulf of Mannar|Arabian Sea",
        hydro=True,
        naming="western",
        male="Rajesh|Arvind|Sanjay|Vikram|Anil|Suresh|Rahul|Amit|Pradeep|Manoj|Karthik|Venkat|Rohit|Nikhil|Ashok",
        female="Priya|Anjali|Kavita|Sunita|Meera|Lakshmi|Neha|Pooja|Divya|Shalini",
        surnames="Sharma|Verma|Gupta|Iyer|Reddy|Nair|Menon|Patel|Mehta|Rao|Kulkarni|Joshi|Banerjee|"
        "Chatterjee|Desai|Pillai|Agarwal|Bhatt|Kapoor|Saxena",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of New and Renewable Energy",
        minister="Minister of New and Renewable Energy",
        minister_short="Renewable Energy Minister",
        company_stems="Sahyadri|Ganga|Aravalli|Deccan|Surya|Narmada|Vindhya|Kaveri|Konkan|Malwa",
        company_words="Power|Renewables|Green Energy|Energy|Solar Power",
        company_suffixes="Limited|Ltd.|Pvt. Ltd.",
    ),
    _country(
        name="Vietnam",
        adjective="Vietnamese",
        aliases="Viet Nam",
        capital="Hanoi",
        cities="Ho Chi Minh City|Da Nang|Hai Phong|Can Tho|Nha Trang|Quy Nhon",
        regions="Ninh Thuan province|Binh Thuan province|Quang Tri province|Soc Trang province|"
        "Bac Lieu province|Dak Lak province",
        sites="Phuoc Huu|Dam Nai|Hoa Thang|Tuy Phong|Ea Sup|Thuan Nam|Huong Linh|Vinh Chau|Phu Lac|Dong Hai",
        seas="South China Sea coast",
        hydro=True,
        naming="last",
        male="Van Hung|Duc Dung|Minh Tuan|Quoc Long|Huu Nam|Thanh Hai|Van Quang|Duc Phong|Minh Son|"
        "Quoc Thang|Huu Cuong|Thanh Khanh",
        female="Thi Lan|Thu Huong|Ngoc Mai|Thi Hoa|Thu Linh|Ngoc Trang|Thi Thao|Thanh Ha",
        surnames="Nguyen|Tran|Le|Pham|Hoang|Vu|Dang|Bui|Ngo|Duong|Ly|Phan",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Industry and Trade",
        minister="Minister of Industry and Trade",
        minister_short="",
        company_stems="Song Hong|Truong Son|Hoa Binh|Mekong|Sao Viet|Lac Hong|Phu Quy|Ha Long|Tan Phu|An Phat",
        company_words="Energy|Power|Renewable Energy|Green Energy",
        company_suffixes="JSC|Joint Stock Company|Corporation",
    ),
    _country(
        name="Indonesia",
        adjective="Indonesian",
        aliases="Republic of Indonesia",
        capital="Jakarta",
        cities="Surabaya|Bandung|Medan|Makassar|Semarang|Denpasar|Balikpapan",
        regions="West Java|East Nusa Tenggara|South Sulawesi|Central Java|Riau Islands|North Sumatra",
        sites="Jeneponto|Kupang|Saguling|Tanah Laut|Sumba|Bantaeng|Lombok|Tabalong|Sidoarjo|Cilacap",
        seas="Java Sea",
        hydro=True,
        naming="western",
        male="Budi|Agus|Hendra|Rizal|Arief|Bambang|Dimas|Eko|Fajar|Teguh|Yusuf|Dedi|Wahyu|Irfan",
        female="Sri|Dewi|Siti|Rina|Ayu|Putri|Wulan|Indah",
        surnames="Santoso|Wijaya|Pratama|Kusuma|Hidayat|Saputra|Nugroho|Setiawan|Gunawan|Siregar|Hutapea|"
        "Lubis|Harahap|Susanto|Halim|Tanjung",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Energy and Mineral Resources",
        minister="Minister of Energy and Mineral Resources",
        minister_short="Energy Minister",
        company_stems="Nusantara|Garuda|Bumi|Cahaya|Samudra|Rinjani|Merapi|Borneo|Mahakam|Sriwijaya",
        company_words="Energi|Daya|Power|Energi Hijau|Renewables",
        company_suffixes="Tbk|Tbk|",
        company_prefix="PT ",
    ),
    _country(
        name="South Korea",
        adjective="South Korean",
        aliases="Republic of Korea|Korea",
        capital="Seoul",
        cities="Busan|Incheon|Ulsan|Gwangju|Daejeon|Pohang|Mokpo",
        regions="South Jeolla province|North Jeolla province|Gangwon province|South Chungcheong province",
        sites="Shinan|Saemangeum|Yeonggwang|Taean|Haenam|Gunsan|Boryeong|Tongyeong|Yeosu|Samcheok",
        seas="Yellow Sea|East Sea",
        hydro=False,
        naming="eastern",
        male=_syllable_names(
            "Min|Seung|Jae|Hyun|Sung|Dong|Young|Jun|Tae|Sang", "jun|ho|woo|hoon|soo|sik|seok|kyu", "-"
        ),
        female=_syllable_names("Ji|Eun|Hye|Soo|Yoon|Seo", "yeon|hee|young|jin|ah|won", "-"),
        surnames="Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Shin|Seo|Kwon|Hwang|Ahn|Song|Oh|Baek|Yoo",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Trade, Industry and Energy",
        minister="Minister of Trade, Industry and Energy",
        minister_short="",
        company_stems="Hanbit|Daehan|Saebyeok|Haneul|Hanul|Mirae|Seorak|Baekdu|Hallasan|Gaon",
        company_words="Energy|Power|E&C|Heavy Industries|Green Energy",
        company_suffixes="Co., Ltd.|Corp.|Co., Ltd.",
    ),
    _country(
        name="Japan",
        adjective="Japanese",
        aliases="",
        capital="Tokyo",
        cities="Osaka|Yokohama|Nagoya|Sapporo|Fukuoka|Sendai|Kobe",
        regions="Hokkaido|Akita prefecture|Aomori prefecture|Fukushima prefecture|Kyushu",
        sites="Noshiro|Oga|Choshi|Goto|Ishikari|Kitakyushu|Murakami|Yurihonjo|Happo|Tomamae",
        seas="Sea of Japan|Pacific coast",
        hydro=True,
        naming="western",
        male="Hiroshi|Takashi|Kenji|Satoshi|Kazuo|Makoto|Shinji|Tetsuya|Daisuke|Naoki|Koji|Masahiro|Ryo|Takeshi",
        female="Yoko|Keiko|Naomi|Akiko|Emi|Haruka|Mayumi|Sachiko|Yumi",
        surnames="Tanaka|Suzuki|Takahashi|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|"
        "Sasaki|Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Ikeda|Hashimoto|Ogawa",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Economy, Trade and Industry",
        minister="Minister of Economy, Trade and Industry",
        minister_short="",
        company_stems="Sakura|Kazeyama|Hikari|Tokai|Asahi Kaze|Kurose|Minato|Shirakawa|Aozora|Hayate",
        company_words="Energy|Power|Electric|Renewable Energy|Green Power",
        company_suffixes="Corporation|Co., Ltd.|Holdings",
    ),
    _country(
        name="Germany",
        adjective="German",
        aliases="Federal Republic of Germany",
        capital="Berlin",
        cities="Hamburg|Munich|Frankfurt|Cologne|Leipzig|Bremen|Rostock|Kiel",
        regions="Brandenburg|Lower Saxony|Schleswig-Holstein|Mecklenburg-Western Pomerania|Bavaria|Saxony-Anhalt",
        sites="Lausitz|Cuxhaven|Husum|Emden|Wilhelmshaven|Cottbus|Stendal|Meppen|Prenzlau|Heide",
        seas="North Sea|Baltic Sea",
        hydro=False,
        naming="western",
        male="Thomas|Michael|Andreas|Stefan|Jan|Markus|Tobias|Christian|Matthias|Florian|Jörg|Uwe|Klaus|Martin|"
        "Sebastian",
        female="Katrin|Julia|Sabine|Claudia|Stefanie|Miriam|Franziska|Kerstin|Petra|Anke",
        surnames="Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Hoffmann|Schäfer|Koch|Richter|"
        "Klein|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hartmann|Lange",
        feminine_surnames=False,
        leader="Chancellor",
        ministry="Federal Ministry for Economic Affairs and Energy",
        minister="Federal Minister for Economic Affairs and Energy",
        minister_short="Economy Minister",
        company_stems="Rhein|Nordwind|Elbe|Hansa|Weser|Alster|Harz|Eifel|Spree|Havel",
        company_words="Energie|Power|Wind|Solar|Energy",
        company_suffixes="GmbH|AG|SE",
    ),
    _country(
        name="Italy",
        adjective="Italian",
        aliases="Italian Republic",
        capital="Rome",
        cities="Milan|Naples|Turin|Genoa|Bari|Palermo|Taranto|Bologna",
        regions="Sicily|Sardinia|Apulia|Basilicata|Lazio|Calabria",
        sites="Brindisi|Foggia|Trapani|Viterbo|Montalto|Oristano|Catanzaro|Cerignola|Mazara|Lucera",
        seas="Adriatic Sea|Strait of Sicily|Tyrrhenian Sea",
        hydro=True,
        naming="western",
        male="Marco|Luca|Giovanni|Alessandro|Francesco|Matteo|Paolo|Stefano|Roberto|Davide|Giuseppe|Lorenzo|Simone",
        female="Giulia|Francesca|Chiara|Valentina|Federica|Alessia|Silvia|Elisa",
        surnames="Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|"
        "De Luca|Costa|Giordano|Mancini|Rizzo|Lombardi|Moretti",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Environment and Energy Security",
        minister="Minister of Environment and Energy Security",
        minister_short="Energy Minister",
        company_stems="Adriatica|Tirrenica|Alpina|Solaria|Ventosa|Etna|Appennino|Ligure|Sannio|Murgia",
        company_words="Energia|Power|Rinnovabili|Energy|Green Power",
        company_suffixes="S.p.A.|S.r.l.|S.p.A.",
    ),
    _country(
        name="Hungary",
        adjective="Hungarian",
        aliases="",
        capital="Budapest",
        cities="Debrecen|Szeged|Pécs|Győr|Miskolc|Kecskemét",
        regions="Bács-Kiskun county|Hajdú-Bihar county|Pest county|Tolna county|Baranya county",
        sites="Kaposvár|Szolnok|Nyíregyháza|Kiskőrös|Tiszaújváros|Mohács|Kiskunhalas|Ócsa|Visonta|Zalaegerszeg",
        seas="",
        hydro=False,
        naming="western",
        male="László|István|Gábor|Zoltán|Péter|Attila|Tamás|Balázs|András|Csaba|Ferenc|Miklós",
        female="Katalin|Eszter|Judit|Zsófia|Réka|Ildikó|Krisztina|Dóra",
        surnames="Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|Juhász|"
        "Lakatos|Mészáros|Rácz|Fekete",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Duna|Tisza|Pannon|Balaton|Mátra|Alföld|Bakony|Zemplén|Hortobágy|Dráva",
        company_words="Energia|Power|Napenergia|Energy",
        company_suffixes="Zrt.|Kft.|Nyrt.",
    ),
    _country(
        name="Romania",
        adjective="Romanian",
        aliases="",
        capital="Bucharest",
        cities="Constanța|Cluj-Napoca|Timișoara|Iași|Brașov|Craiova|Galați",
        regions="Dobrogea|Tulcea county|Constanța county|Dolj county|Arad county|Oltenia",
        sites="Fântânele|Babadag|Sălbatica|Mihai Viteazu|Peștera|Cogealac|Izvoarele|Medgidia|Ostrov|Vaslui",
        seas="Black Sea",
        hydro=True,
        naming="western",
        male="Andrei|Mihai|Alexandru|Ion|Bogdan|Cristian|Florin|Dan|Adrian|Radu|Sorin|Vlad|Cătălin|Marius",
        female="Ioana|Andreea|Raluca|Alina|Cristina|Gabriela|Roxana|Oana",
        surnames="Popescu|Ionescu|Popa|Dumitru|Stoica|Gheorghe|Matei|Constantin|Marin|Tudor|Dobre|Barbu|"
        "Nistor|Florea|Lungu|Munteanu",
        feminine_surnames=False,
        leader="President",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Carpați|Dunărea|Transilvania|Bucegi|Olt|Siret|Retezat|Dobrogea Verde|Mureș|Ceahlău",
        company_words="Energie|Power|Energy|Green Energy",
        company_suffixes="S.A.|SRL|S.A.",
    ),
    _country(
        name="Mongolia",
        adjective="Mongolian",
        aliases="",
        capital="Ulaanbaatar",
        cities="Erdenet|Darkhan|Choibalsan|Khovd|Sainshand|Dalanzadgad",
        regions="Dornogovi province|Umnugovi province|Tuv province|Sukhbaatar province|Khentii province",
        sites="Salkhit|Tsetsii|Sumber|Zamyn-Uud|Mandalgovi|Choir|Baganuur|Bayanteeg|Khushig|Tsogttsetsii",
        seas="",
        hydro=True,
        naming="last",
        male="Tserendorj Enkhbold|Dashdorj Batbayar|Purevdorj Ganbaatar|Gombosuren Tsogtbaatar|"
        "Luvsandorj Erdenebat|Batsaikhan Munkhjargal|Damdin Otgonbayar|Sodnom Battulga|Nyamdorj Sukhbaatar",
        female="Jargal Oyunchimeg|Tsend Sarantuya|Baatar Altantsetseg|Dorj Bolormaa|Lkhagva Enkhjargal",
        surnames="",
        feminine_surnames=False,
        leader="Prime Minister",
        ministry="Ministry of Energy",
        minister="Minister of Energy",
        minister_short="Energy Minister",
        company_stems="Khangai|Gobi|Altai|Orkhon|Tuul|Kherlen|Khuvsgul|Selenge|Burkhan|Tengeri",
        company_words="Energy|Power|Solar|Wind Power",
        company_suffixes="LLC|JSC|LLC",
    ),
)
COUNTRY_BY_NAME = {country.name: country for country in COUNTRIES}
# Host countries of most news in this corpus, with the partners they most often deal with.
HOSTS = ("Azerbaijan", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Georgia", "Mongolia")
HOSTS += ("Egypt", "Pakistan", "Vietnam", "Indonesia", "Türkiye", "Romania", "Hungary", "Saudi Arabia")
PARTNERS = ("China", "China", "China", "Türkiye", "United Arab Emirates", "Saudi Arabia", "Japan", "South Korea")
PARTNERS += ("Germany", "Italy", "Russia", "India", "Iran", "Azerbaijan", "Kazakhstan", "Uzbekistan")

INSTITUTIONS = (
    ("Asian Development Bank", "ADB"),
    ("Asian Infrastructure Investment Bank", "AIIB"),
    ("European Bank for Reconstruction and Development", "EBRD"),
    ("Islamic Development Bank", "IsDB"),
    ("International Renewable Energy Agency", "IRENA"),
    ("Eurasian Development Bank", "EDB"),
    ("International Finance Corporation", "IFC"),
    ("OPEC Fund for International Development", "OPEC Fund"),
    ("World Bank", ""),
    ("European Investment Bank", "EIB"),
)
INSTITUTION_ROLES = ("President", "Vice President", "Director General", "Managing Director", "Regional Director")

EXECUTIVE_ROLES = (
    "Chairman",
    "Chairman",
    "Chairman of the Board",
    "President",
    "Chief Executive Officer",
    "CEO",
    "Vice President",
    "Executive Vice President",
    "General Manager",
    "Managing Director",
    "Deputy General Manager",
    "Chief Operating Officer",
)
EXPERT_ROLES = (
    "senior fellow",
    "energy analyst",
    "research director",
    "professor of energy economics",
    "head of research",
    "senior analyst",
)
THINK_TANK_PATTERNS = (
    "{region} Energy Institute",
    "{region} Policy Institute",
    "Centre for {region} Studies",
    "{city} Institute for Energy Studies",
    "{country} Energy Research Centre",
    "{city} University of Technology",
    "{region} Energy Observatory",
)
REGION_WORDS = ("Caspian", "Central Asian", "Eurasian", "Black Sea", "Silk Road", "South Caucasus", "Gulf")
OUTLETS = (
    ("Caspian Energy Wire", "caspianenergywire.com"),
    ("Eurasia Power Review", "eurasiapowerreview.net"),
    ("Silk Road Business Daily", "silkroadbusiness.news"),
    ("Central Asia Energy Monitor", "ca-energymonitor.org"),
    ("Steppe Herald", "steppeherald.kz"),
    ("Renewables Asia Today", "renewablesasia.today"),
    ("Gulf Energy Insider", "gulfenergyinsider.com"),
    ("Black Sea Energy Journal", "blackseaenergy.eu"),
    ("New Silk Road Observer", "nsrobserver.com"),
    ("Asia Grid Report", "asiagridreport.com"),
    ("Global Power Ledger", "globalpowerledger.com"),
    ("state news agency", ""),
    ("wire report", ""),
    ("ministry press service", ""),
    ("business news site", ""),
    ("regional newspaper", ""),
)

EVENT_PREFIXES = ("Caspian", "Central Asia", "Eurasian", "Silk Road", "Black Sea", "South Caucasus")
EVENT_TOPICS = ("Energy", "Green Energy", "Power", "Renewable Energy", "Energy Transition", "Clean Energy Investment")
EVENT_TYPES = ("Forum", "Summit", "Conference", "Week", "Congress", "Investment Forum", "Dialogue")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

PARTNERSHIP_KINDS = (
    "strategic partnership",
    "strategic partnership",
    "comprehensive strategic partnership",
    "comprehensive strategic partnership",
    "all-round strategic partnership",
    "special strategic partnership",
    "enhanced strategic partnership",
    "comprehensive partnership",
)

# Noun phrases for each technology (gold value first, then how articles name such plants).
TECH_NOUNS: dict[str, tuple[str, ...]] = {
    "solar": (
        "solar power plant",
        "solar plant",
        "photovoltaic power plant",
        "solar park",
        "solar farm",
        "solar PV plant",
    ),
    "floating solar": ("floating solar plant", "floating photovoltaic plant", "floating solar farm"),
    "wind": ("wind farm", "wind power plant", "wind park", "wind power project"),
    "onshore wind": ("onshore wind farm", "onshore wind project", "onshore wind power plant"),
    "offshore wind": ("offshore wind farm", "offshore wind project", "offshore wind power plant"),
    "hydro": (
        "hydropower plant",
        "hydroelectric power station",
        "hydropower station",
        "pumped storage hydropower plant",
    ),
    "gas": (
        "combined-cycle power plant",
        "gas-fired power plant",
        "combined-cycle gas turbine plant",
        "gas power plant",
    ),
    "battery storage": ("battery energy storage system", "battery storage facility", "battery storage project"),
    "wind and solar": ("hybrid wind and solar complex", "wind-solar hybrid project", "hybrid wind-solar power plant"),
}
TECH_RANGES: dict[str, tuple[int, int, int]] = {  # low, high, step in MW
    "solar": (50, 1500, 10),
    "floating solar": (20, 300, 5),
    "wind": (100, 1800, 20),
    "onshore wind": (100, 1500, 20),
    "offshore wind": (300, 3000, 100),
    "hydro": (30, 2400, 10),
    "gas": (200, 1600, 20),
    "battery storage": (20, 500, 10),
    "wind and solar": (300, 2500, 100),
}
TECH_WEIGHTS = (
    ("solar", 26),
    ("wind", 16),
    ("onshore wind", 4),
    ("offshore wind", 6),
    ("hydro", 12),
    ("gas", 9),
    ("battery storage", 9),
    ("floating solar", 3),
    ("wind and solar", 6),
)

COOPERATION_TOPICS = (
    "cooperation in renewable energy",
    "the development of green hydrogen production",
    "the modernisation of the national power grid",
    "the training of specialists for the energy sector",
    "the digitalisation of electricity networks",
    "energy efficiency in industry",
    "the local production of wind turbine components",
    "the export of green electricity",
    "the rollout of smart electricity meters",
    "joint research on energy storage technologies",
    "the rehabilitation of ageing hydropower units",
    "the reduction of losses in distribution networks",
    "cooperation in the field of hydropower",
    "the exchange of experience in renewable energy regulation",
)


# --------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_COMPILED: dict[str, tuple[str | tuple[str, ...], ...]] = {}


def _compile(template: str) -> tuple[str | tuple[str, ...], ...]:
    parts: list[str | tuple[str, ...]] = []
    position = 0
    for match in _CHOICE.finditer(template):
        parts.append(template[position : match.start()])
        parts.append(tuple(match.group(1).split("|")))
        position = match.end()
    parts.append(template[position:])
    return tuple(parts)


def expand(rng: random.Random, template: str) -> str:
    """A template with ``[a|b|c]`` alternatives, one picked at random (``[a|]`` makes ``a`` optional).

    Templates are parsed once and cached: generating 100,000 articles expands millions of them."""
    parts = _COMPILED.get(template)
    if parts is None:
        parts = _COMPILED[template] = _compile(template)
    return "".join(part if isinstance(part, str) else rng.choice(part) for part in parts)


def say(rng: random.Random, templates: Sequence[str], **slots: str) -> str:
    """One of ``templates``, alternatives expanded, ``{slots}`` filled in, and the sentence capitalised."""
    return cap(expand(rng, rng.choice(templates)).format(**slots))


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def continue_with(opening: str, sentence: str) -> str:
    """``opening`` + ``sentence`` with its first word lowercased when it is a common word ("The", "A")."""
    first = sentence.split(" ", 1)[0]
    if first in ("The", "A", "An", "Construction", "Work", "Plans", "Commissioning"):
        sentence = first.lower() + sentence[len(first) :]
    return opening + sentence


def a_an(phrase: str) -> str:
    """``phrase`` with the right indefinite article: "an 800 MW plant", "a 1,200 MW plant"."""
    word = phrase.split(" ", 1)[0]
    if word[:1].isdigit():
        group = re.split(r"[,. -]", word)[0]
        vowel = group.startswith("8") or group in ("11", "18")
    elif word in ("MoU",):
        vowel = True
    else:
        vowel = word[:1].lower() in "aeio" or (word[:1].lower() == "u" and not word.lower().startswith("un"))
    return ("an " if vowel else "a ") + phrase


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + " and " + names[-1]


def number(value: float) -> str:
    """1200 → "1,200"; 20.5 → "20.5"."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def mw_value(value: float) -> int | float:
    return int(value) if value == int(value) else value


def tidy(text: str) -> str:
    """Repair the punctuation that joining appositive mentions can produce (",." and ",,")."""
    for bad, good in ((",.", "."), (",,", ","), (", ,", ","), (",;", ";"), (",:", ":"), ("  ", " "), ("..", ".")):
        text = text.replace(bad, good)
    return text


def slugify(text: str, words: int = 7) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)
    return "_".join(parts[:words]) or "article"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def feminine(surname: str) -> str:
    for ending in ("ov", "ev", "in"):
        if surname.endswith(ending):
            return surname + "a"
    return surname


# --------------------------------------------------------------------------------------------
# Dates: a phrase and the gold date it resolves to
# --------------------------------------------------------------------------------------------


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _week_gold(start: date, end: date) -> str | None:
    if start.month == end.month and start.year == end.year:
        return month_key(start)
    if start.year == end.year:
        return f"{start.year:04d}"
    return None


def past_day(rng: random.Random, published: date, day: date, vague: bool = True) -> tuple[str, str | None]:
    """How a report names a recent past ``day``, and the gold date a reader can resolve from it."""
    back = (published - day).days
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    exact = [f"on {month} {day.day}, {day.year}", f"on {day.day} {month} {day.year}"]
    if back < 300:
        exact += [f"on {month} {day.day}", f"on {day.day} {month}", f"on {month} {day.day}"]
    if back == 0:
        exact += ["today", "earlier today"]
    if back == 1:
        exact += ["yesterday", "yesterday", f"on {weekday}"]
    if 1 <= back <= 6:
        exact += [f"on {weekday}", f"on {weekday}", f"on {weekday}", f"on {weekday}, {month} {day.day}"]
    options: list[tuple[str, str | None]] = [(text, day.isoformat()) for text in exact]
    if vague:
        this_monday = published - timedelta(days=published.weekday())
        last_monday = this_monday - timedelta(days=7)
        if last_monday <= day < this_monday:
            options.append(("last week", _week_gold(last_monday, this_monday - timedelta(days=1))))
        if this_monday <= day < published and published.weekday() >= 2:
            options.append(("earlier this week", _week_gold(this_monday, published)))
        if day.month == published.month and day.year == published.year and published.day >= 10 and back >= 3:
            options.append(("earlier this month", month_key(day)))
    return rng.choice(options)


def past_month(rng: random.Random, published: date, year: int, month: int) -> tuple[str, str]:
    """A phrase for a past month, and its gold "YYYY-MM"."""
    back = (published.year * 12 + published.month) - (year * 12 + month)
    name = MONTHS[month - 1]
    options = [f"in {name} {year}", f"in {name} {year}"]
    if back == 0:
        options += ["earlier this month", "this month"]
    if back == 1:
        options += ["last month", "last month"]
    if 0 < back < 12:
        options += [f"in {name}"]
        if year == published.year:
            options += [f"in {name} of this year", f"in {name} this year"]
        else:
            options += [f"in {name} last year"]
    return rng.choice(options), f"{year:04d}-{month:02d}"


def past_year(rng: random.Random, published: date, year: int) -> tuple[str, str]:
    options = [f"in {year}", f"in {year}"]
    if year == published.year - 1:
        options += ["last year"]
    return rng.choice(options), f"{year:04d}"


def future_when(rng: random.Random, published: date, day: date) -> tuple[str, str | None]:
    """A phrase for a future date (a planned meeting), and the gold date it allows."""
    month = MONTHS[day.month - 1]
    options: list[tuple[str, str | None]] = [
        (f"on {day.day} {month} {day.year}", day.isoformat()),
        (f"on {month} {day.day}, {day.year}", day.isoformat()),
        (f"in {month} {day.year}", month_key(day)),
        (f"in {month} {day.year}", month_key(day)),
        ("in the coming months", None),
        ("at a date to be agreed", None),
    ]
    if day.day <= 26:
        options.append((f"on {day.day}-{day.day + 1} {month} {day.year}", day.isoformat()))
    months_ahead = (day.year * 12 + day.month) - (published.year * 12 + published.month)
    if months_ahead == 1:
        options.append(("next month", month_key(day)))
    if day.year == published.year and months_ahead >= 2:
        options.append(("later this year", f"{day.year:04d}"))
    if day.year == published.year + 1:
        options.append(("next year", f"{day.year:04d}"))
    return rng.choice(options)


# --------------------------------------------------------------------------------------------
# People, organizations and projects of one article
# --------------------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    short: str
    country: Country
    # First-mention forms: (template with {name}, role text for the gold, is_appositive).
    styles: list[tuple[str, str, bool]] = field(default_factory=list)
    organization: str = ""  # the gold organization of the role
    org_entity: Org | None = None
    title: str = ""  # a later mention by title ("the minister"), used in quotes
    introduced: bool = False


@dataclass
class Org:
    name: str  # canonical, as in the gold
    full: str  # the canonical name as written in a sentence ("the Asian Development Bank")
    short: str  # a later mention: a name, never "the company"
    forms: tuple[str, ...]  # first mentions in running text (the full name or an alias)
    aliases: tuple[str, ...]
    country: Country | None
    kind: str  # company, ministry, agency, institution, institute
    mentioned: bool = False


@dataclass
class Project:
    tech: str
    mw: float
    country: Country
    place: str
    name: str  # "Nurota wind farm", or "" for an unnamed plant
    noun: str
    owner: Org | None = None
    place_stated: bool = False
    status: str = ""


class Writer:
    """One article: its text, and the gold facts recorded as the text states them."""

    def __init__(self, rng: random.Random, published: date):
        self.rng = rng
        self.published = published
        self.entities: dict[str, dict] = {}
        self.meetings: list[dict] = []
        self.agreements: list[dict] = []
        self.partnerships: list[dict] = []
        self.capacities: list[dict] = []
        self.roles: list[dict] = []
        self.traps: list[str] = []
        self.taken: set[str] = set()  # names and name parts in use (membership tests only)
        self.named_countries: set[str] = set()
        self.speakers: list[Person] = []
        self.orgs: list[Org] = []
        self.projects: list[Project] = []
        self.focus: list[Country] = []
        self.focus_named = True  # the genre's text always names both focus countries
        self.title = ""
        self.dateline_city = ""
        self.blocks = 1  # leading paragraphs that stay together (no filler among them)
        self.filler_heading = ""  # a heading for filler put after the facts (newsletters), else filler is mixed in
        self.tail: list[str] = []  # paragraphs that close the article (a newsletter's footer)

    # ---- entities -------------------------------------------------------------------------

    def entity(self, name: str, kind: str, aliases: Sequence[str] = ()) -> str:
        record = self.entities.get(name)
        if record is None:
            record = self.entities[name] = {"name": name, "type": kind, "aliases": []}
        for alias in aliases:
            if alias and alias != name and alias not in record["aliases"]:
                record["aliases"].append(alias)
        return name

    def country(self, country: Country) -> str:
        """The country's name, as written in the text (and recorded as an entity)."""
        self.named_countries.add(country.name)
        self.entity(country.name, "Country", country.aliases)
        return country.written

    def place(self, name: str) -> str:
        return self.entity(name, "Place")

    # ---- people ---------------------------------------------------------------------------

    def _new_name(self, country: Country, female: bool) -> tuple[str, str]:
        rng = self.rng
        for _ in range(50):
            given = rng.choice(country.female if female else country.male)
            if country.naming == "last":  # Vietnamese and Mongolian names: the last word is used alone
                full = f"{rng.choice(country.surnames)} {given}" if country.surnames else given
                short = full.split()[-1]
            else:
                surname = rng.choice(country.surnames)
                if female and country.feminine_surnames:
                    surname = feminine(surname)
                if country.naming == "eastern":
                    full, short = f"{surname} {given}", surname
                else:
                    full, short = f"{given} {surname}", surname
            if short not in self.taken and full not in self.taken and given not in self.taken:
                self.taken.update((short, full, given))
                return full, short
        raise RuntimeError("ran out of names")  # pragma: no cover - 50 draws from hundreds of names

    def _person(self, country: Country) -> Person:
        female = self.rng.random() < 0.22
        full, short = self._new_name(country, female)
        return Person(full, short, country)

    def official(self, country: Country, office: str, host: Country | None = None) -> Person:
        """A government official of ``country``: leader, energy, deputy_energy, foreign, economy, ambassador."""
        person = self._person(country)
        name, adjective, owner = country.written, country.adjective, country.possessive
        if office == "energy" and country.energy_agency:
            agency = self.agency(country)
            role = self.rng.choice(("Administrator", "head"))
            person.title = "the administrator"
            return self._executive_styles(person, agency, role)
        if office == "deputy_energy" and country.energy_agency:
            agency = self.agency(country)
            person.title = "the deputy administrator"
            return self._executive_styles(person, agency, "Deputy Administrator")
        if office == "ambassador":
            assert host is not None
            role = f"Ambassador to {host.name}"
            person.styles = [
                (f"{owner} Ambassador to {host.name} {{name}}", role, False),
                (f"{{name}}, {owner} ambassador to {host.name},", f"ambassador to {host.name}", True),
                (f"{adjective} Ambassador to {host.name} {{name}}", role, False),
                (f"Ambassador of {name} to {host.name} {{name}}", "Ambassador", False),
            ]
            person.organization, person.title = country.name, "the ambassador"
            return person
        if office == "leader":
            role, short = country.leader, country.leader
            person.title = f"the {country.leader.lower()}"
        elif office == "energy":
            role, short = country.minister, country.minister_short
            person.title = "the minister"
        elif office == "deputy_energy":
            role = f"Deputy {country.minister}"
            short = f"Deputy {country.minister_short}" if country.minister_short else ""
            person.title = "the deputy minister"
        elif office == "foreign":
            role, short, person.title = "Minister of Foreign Affairs", "Foreign Minister", "the minister"
        elif office == "economy":
            role, short, person.title = "Minister of Economy", "Economy Minister", "the minister"
        elif office == "finance":
            role, short, person.title = "Minister of Finance", "Finance Minister", "the minister"
        else:
            role, short, person.title = "Deputy Prime Minister", "Deputy Prime Minister", "the deputy prime minister"
        person.styles = [
            (f"{owner} {role} {{name}}", role, False),
            (f"{role} of {name} {{name}}", role, False),
            (f"{{name}}, {role} of {name},", role, True),
            (f"the {role} of {name}, {{name}},", role, True),
        ]
        if short:
            lowered = short.lower()
            person.styles += [
                (f"{adjective} {short} {{name}}", short, False),
                (f"{adjective} {short} {{name}}", short, False),
                (f"{{name}}, {owner} {lowered},", lowered, True),
            ]
        person.organization = country.name
        return person

    def executive(self, org: Org, role: str | None = None) -> Person:
        """A person heading or representing ``org`` (a company, agency or institution)."""
        country = org.country or self.rng.choice(COUNTRIES)
        person = self._person(country)
        if role is None:
            pool = INSTITUTION_ROLES if org.kind == "institution" else EXECUTIVE_ROLES
            role = self.rng.choice(pool)
        person.title = "the " + ("chief executive" if role in ("CEO", "Chief Executive Officer") else role.lower())
        return self._executive_styles(person, org, role)

    def _executive_styles(self, person: Person, org: Org, role: str) -> Person:
        lowered = role if role.isupper() else role.lower()
        person.styles = [
            (f"{org.short} {role} {{name}}", role, False),
            (f"{role} of {org.full} {{name}}", role, False),
            (f"{{name}}, {role} of {org.full},", role, True),
            (f"{{name}}, {lowered} of {org.short},", lowered, True),
            (f"the {lowered} of {org.full}, {{name}},", lowered, True),
        ]
        person.organization, person.org_entity = org.name, org
        return person

    def expert(self) -> Person:
        institute = self.institute()
        country = institute.country or self.rng.choice(COUNTRIES)
        person = self._person(country)
        role = self.rng.choice(EXPERT_ROLES)
        person.styles = [
            (f"{{name}}, {a_an(role)} at {institute.full},", role, True),
            (f"{{name}}, {role} at {institute.full},", role, True),
            (f"{role} {{name}} of {institute.full}", role, False),
        ]
        person.organization, person.org_entity, person.title = institute.name, institute, "the analyst"
        return person

    def intro(self, person: Person, appositive: bool = True) -> str:
        """The first mention of ``person`` with their title (recorded as a role); later, their short name.

        "Kazakh Energy Minister X" leaves the country's name to the rest of the text: such forms are used only
        when the article names that country anyway."""
        if person.introduced:
            return self.ref(person)
        person.introduced = True
        country = COUNTRY_BY_NAME.get(person.organization)
        styles = person.styles if appositive else [style for style in person.styles if not style[2]]
        styles = styles or person.styles
        if country is not None:
            implied = country.name in self.named_countries or (self.focus_named and country in self.focus)
            if not implied:
                styles = [style for style in styles if country.name in style[0]]
        template, role, _ = self.rng.choice(styles)
        text = template.format(name=person.name)
        if person.org_entity is not None:
            self.mention_entity(person.org_entity)
        if country is not None:
            self.entity(country.name, "Country", country.aliases)
            if country.name in text:
                self.named_countries.add(country.name)
        self.entity(person.name, "Person", [person.short] if person.short != person.name else [])
        self.roles.append({"person": person.name, "role": role, "organization": person.organization})
        self.speakers.append(person)
        return text

    def bare(self, person: Person) -> str:
        """A byline: the person's name with no title (and not someone the article quotes)."""
        person.introduced = True
        self.entity(person.name, "Person", [person.short] if person.short != person.name else [])
        return person.name

    def ref(self, person: Person) -> str:
        return person.short if self.rng.random() < 0.85 else person.name

    # ---- organizations --------------------------------------------------------------------

    def company(self, country: Country) -> Org:
        rng = self.rng
        for _ in range(40):
            stem = rng.choice(country.company_stems)
            if stem not in self.taken:
                break
        else:  # pragma: no cover - ten stems per country, a handful of companies per article
            stem = f"{rng.choice(country.company_stems)} {rng.choice(REGION_WORDS)}"
        self.taken.add(stem)
        word = rng.choice(country.company_words)
        suffix = rng.choice(country.company_suffixes)
        prefix = country.company_prefix
        core = f"{stem} {word}"
        name = " ".join(part for part in (prefix + core, suffix) if part)
        aliases = [prefix + core] if suffix else []
        if prefix:
            aliases.append(core)
        if suffix.startswith("Group "):
            aliases.append(f"{core} Group")
        aliases.append(stem)
        forms = (name, name, name, aliases[0]) if aliases[0] != name else (name,)
        short = rng.choice((aliases[0], stem))
        org = Org(name, name, short, forms, tuple(aliases), country, "company")
        self.orgs.append(org)
        return org

    def ministry(self, country: Country) -> Org:
        if country.energy_agency:
            return self.agency(country)
        for org in self.orgs:
            if org.kind == "ministry" and org.country is country:
                return org
        ministry = country.ministry
        name = f"{ministry} of {country.written}"
        owner = country.possessive
        forms = (f"the {name}", f"{owner} {ministry}", f"the {country.adjective} {ministry}", f"the {name}")
        aliases = [f"{owner.removeprefix('the ')} {ministry}", f"{country.adjective} {ministry}"]
        if "Republic" in " ".join(country.aliases):
            aliases.append(f"{ministry} of the Republic of {country.name}")
        org = Org(name, f"the {name}", f"{owner} {ministry}", forms, tuple(aliases), country, "ministry")
        self.orgs.append(org)
        return org

    def agency(self, country: Country) -> Org:
        for org in self.orgs:
            if org.kind == "agency" and org.country is country:
                return org
        name, short = country.energy_agency, country.energy_agency_short
        forms = (f"{country.name}'s {name}", f"the {name} ({short})", f"the {country.adjective} {name}")
        aliases = (short, f"{country.name}'s {name}", f"{country.adjective} {name}")
        org = Org(name, f"the {name}", short, forms, aliases, country, "agency")
        self.orgs.append(org)
        return org

    def institution(self) -> Org:
        for _ in range(20):
            name, abbreviation = self.rng.choice(INSTITUTIONS)
            if name not in self.taken:
                break
        self.taken.add(name)
        forms = (f"the {name} ({abbreviation})", f"the {name}") if abbreviation else (f"the {name}",)
        short = abbreviation or f"the {name}"
        aliases = (abbreviation,) if abbreviation else ()
        org = Org(name, f"the {name}", short, forms, aliases, None, "institution")
        self.orgs.append(org)
        return org

    def institute(self) -> Org:
        rng = self.rng
        country = rng.choice(COUNTRIES)
        for _ in range(20):
            pattern = rng.choice(THINK_TANK_PATTERNS)
            name = pattern.format(region=rng.choice(REGION_WORDS), city=country.capital, country=country.name)
            if name not in self.taken:
                break
        self.taken.add(name)
        org = Org(name, f"the {name}", f"the {name}", (f"the {name}",), (), country, "institute")
        self.orgs.append(org)
        return org

    def mention_entity(self, org: Org) -> None:
        org.mentioned = True
        self.entity(org.name, "Organization", org.aliases)
        if org.country is not None and org.kind in ("ministry", "agency"):
            self.entity(org.country.name, "Country", org.country.aliases)

    def org_first(self, org: Org) -> str:
        """The first mention of an organization: its full name or a recorded alias."""
        if org.mentioned:
            return self.org_again(org)
        self.mention_entity(org)
        text = self.rng.choice(org.forms)
        if org.country is not None and org.country.name in text:
            self.named_countries.add(org.country.name)
        return text

    def org_again(self, org: Org) -> str:
        if not org.mentioned:
            return self.org_first(org)
        return org.short if org.kind != "ministry" else self.rng.choice((org.short, org.full))

    # ---- projects and capacities ----------------------------------------------------------

    def pick_tech(self, country: Country, allowed: Sequence[str] | None = None) -> str:
        options = [(tech, weight) for tech, weight in TECH_WEIGHTS if allowed is None or tech in allowed]
        if not country.seas:
            options = [(tech, weight) for tech, weight in options if tech != "offshore wind"]
        if not country.hydro:
            options = [(tech, weight) for tech, weight in options if tech != "hydro"]
        techs, weights = zip(*options, strict=True)
        return self.rng.choices(techs, weights)[0]

    def project(self, country: Country, tech: str | None = None, owner: Org | None = None) -> Project:
        rng = self.rng
        tech = tech or self.pick_tech(country)
        low, high, step = TECH_RANGES[tech]
        mw = float(rng.randrange(low, high + 1, step))
        if rng.random() < 0.06 and mw < 400:
            mw += rng.choice((0.5, 0.2, 0.6))  # the odd decimal rating: 20.5 MW
        place = rng.choice(country.seas if tech == "offshore wind" else country.regions + country.cities)
        noun = rng.choice(TECH_NOUNS[tech])
        name = ""
        if rng.random() < 0.6:
            for _ in range(20):
                site = rng.choice(country.sites)
                if site not in self.taken:
                    self.taken.add(site)
                    name = f"{site} {noun}"
                    break
        project = Project(tech, mw, country, place, name, noun, owner)
        self.projects.append(project)
        return project

    def value_adj(self, mw: float) -> str:
        """A capacity before a noun: "500 MW", "500-megawatt", "1.2-gigawatt"."""
        rng = self.rng
        options = [f"{number(mw)} MW", f"{number(mw)} MW", f"{number(mw)}-megawatt", f"{number(mw)}MW"]
        if mw >= 1000 and mw % 100 == 0:
            gw = number(mw / 1000)
            options += [f"{gw} GW", f"{gw} GW", f"{gw}-gigawatt", f"{gw}GW"]
            if mw in (1000, 2000, 3000):
                options.append({1000: "one-gigawatt", 2000: "two-gigawatt", 3000: "three-gigawatt"}[mw])
        return rng.choice(options)

    def value_pred(self, mw: float) -> str:
        """A capacity after "capacity of": "500 megawatts", "2 million kilowatts", "350,000 kW"."""
        rng = self.rng
        options = [f"{number(mw)} MW", f"{number(mw)} megawatts", f"{number(mw)} MW"]
        if mw >= 1000 and mw % 100 == 0:
            options += [
                f"{number(mw / 1000)} GW",
                f"{number(mw / 1000)} gigawatts",
                f"{number(mw / 1000)} million kilowatts",
            ]
        if mw == int(mw) and 100 <= mw < 1000 and mw % 10 == 0:
            options += [f"{int(mw) * 1000:,} kilowatts", f"{int(mw) * 1000:,} kW"]
        if mw == 500:
            options.append("half a gigawatt")
        return rng.choice(options)

    def project_np(self, project: Project) -> str:
        """A noun phrase for a project, with its capacity: "the 300 MW Nurota wind farm in Navoi region"."""
        rng = self.rng
        where = project.place
        if project.tech == "offshore wind":
            where = f"the {project.place}"
        abroad = bool(self.focus) and project.country is not self.focus[0]
        if abroad and project.tech != "offshore wind":
            where = f"{project.place}, {self.country(project.country)}"
        value = self.value_adj(project.mw)
        if project.name:
            if abroad or rng.random() < 0.5:
                project.place_stated = True
                self.place(project.place)
                return f"the {value} {project.name} in {where}"
            return rng.choice(
                (
                    f"the {value} {project.name}",
                    f"the {project.name}, {a_an(value)} facility,",
                    f"the {project.name} ({self.value_pred(project.mw)})",
                )
            )
        project.place_stated = True
        self.place(project.place)
        return f"{a_an(value)} {project.noun} in {where}"

    def record_capacity(self, project: Project, status: str) -> None:
        project.status = status
        label = project.name or f"{project.noun} in {project.place}"
        if project.owner is not None:
            label += f" ({project.owner.name})"
        self.capacities.append(
            {
                "value_mw": mw_value(project.mw),
                "technology": project.tech,
                "project": label,
                "place": project.place if project.place_stated else project.country.name,
                "status": status,
            }
        )

    # ---- facts ----------------------------------------------------------------------------

    def meeting(self, label: str, when: str | None, place: str | None, participants: Sequence[str], planned=False):
        self.meetings.append(
            {"label": label, "date": when, "place": place, "participants": list(participants), "planned": planned}
        )

    def agreement(self, kind: str, when: str | None, parties: Sequence[str], topic: str) -> None:
        assert kind in AGREEMENT_KINDS
        self.agreements.append({"kind": kind, "date": when, "parties": list(parties), "topic": topic})

    def partnership(self, kind: str, parties: Sequence[str], when: str | None) -> None:
        self.partnerships.append({"kind": kind, "parties": list(parties), "date": when})

    def trap(self, text: str) -> None:
        self.traps.append(text)

    # ---- dates ----------------------------------------------------------------------------

    def recent_day(self) -> date:
        """The day of the article's main event: mostly within the week before publication."""
        back = self.rng.choices((0, 1, 2, 3, 4, 5, 6, 8, 12, 20), (6, 24, 12, 10, 8, 6, 5, 4, 3, 2))[0]
        return self.published - timedelta(days=back)

    def earlier_month(self, low: int = 2, high: int = 30) -> tuple[int, int]:
        """A (year, month) some months before publication, for background facts."""
        back = self.rng.randint(low, high)
        total = self.published.year * 12 + self.published.month - 1 - back
        return total // 12, total % 12 + 1

    def future_day(self, low: int = 10, high: int = 200) -> date:
        return self.published + timedelta(days=self.rng.randint(low, high))


# --------------------------------------------------------------------------------------------
# Sentences that state facts (and record them in the gold)
# --------------------------------------------------------------------------------------------

KIND_FORMS: dict[str, tuple[str, ...]] = {
    "memorandum of understanding": (
        "memorandum of understanding",
        "memorandum of understanding (MoU)",
        "MoU",
        "memorandum of understanding",
    ),
    "implementation agreement": ("implementation agreement", "project implementation agreement"),
    "investment agreement": ("investment agreement", "investment agreement"),
    "cooperation agreement": ("cooperation agreement", "cooperation agreement"),
    "strategic cooperation agreement": ("strategic cooperation agreement",),
    "joint statement": ("joint statement",),
    "declaration": ("joint declaration", "declaration"),
}
PLAIN_AGREEMENTS = {
    "company": ("power purchase agreement", "framework agreement", "grid connection agreement", "EPC contract"),
    "government": ("intergovernmental agreement", "agreement", "framework agreement"),
    "bank": ("loan agreement", "financing agreement"),
}


def kind_text(w: Writer, kind: str, context: str = "company") -> str:
    if kind == "agreement":
        return w.rng.choice(PLAIN_AGREEMENTS[context])
    return w.rng.choice(KIND_FORMS[kind])


def pick_kind(w: Writer, context: str) -> str:
    if context == "government":
        options = (("memorandum of understanding", 4), ("agreement", 4), ("cooperation agreement", 3))
        options += (("strategic cooperation agreement", 1),)
    elif context == "bank":
        options = (("agreement", 5), ("memorandum of understanding", 3), ("cooperation agreement", 1))
    else:
        options = (("memorandum of understanding", 5), ("investment agreement", 3), ("implementation agreement", 3))
        options += (("agreement", 3), ("cooperation agreement", 2), ("strategic cooperation agreement", 1))
    kinds, weights = zip(*options, strict=True)
    return w.rng.choices(kinds, weights)[0]


def capacity_topic(w: Writer, project: Project) -> tuple[str, str]:
    """The topic of a deal to build a plant: its text and short gold topic (the plant is recorded as planned)."""
    phrase = w.rng.choice(("the construction of", "the development of", "building", "the implementation of"))
    text = f"{phrase} {w.project_np(project)}"
    w.record_capacity(project, "planned")
    return text, f"{number(project.mw)} MW {project.tech} project in {project.place}"


def signing_sentence(
    w: Writer,
    parties: Sequence[str],
    kind: str,
    context: str,
    topic: str,
    when: str,
    place: str = "",
) -> str:
    """A sentence saying the ``parties`` (already written as mentions) signed a document."""
    rng = w.rng
    kind_np = kind_text(w, kind, context)
    article = a_an(kind_np)
    slots = {"P": join_names(parties), "K": article, "Kc": cap(article), "T": topic, "W": when, "Wc": cap(when)}
    slots["C"] = place
    if place:
        templates = [
            "In {C}, {P} signed {K} on {T} {W}.",
            "{P} signed {K} in {C} {W}. The document [covers|concerns|provides for] {T}.",
            "{Kc} was signed in {C} {W} [between|by] {P}. It [covers|concerns|provides for] {T}.",
            "{Wc}, {P} [signed|inked] {K} in {C}, covering {T}.",
        ]
    else:
        templates = [
            "{P} signed {K} on {T} {W}.",
            "{Wc}, {P} signed {K} on {T}.",
            "{P} [have signed|signed|inked] {K} [on|covering|for] {T} {W}.",
            "{Kc} on {T} was signed [between|by] {P} {W}.",
            "{Wc}, {K} on {T} was signed by {P}.",
            "{P} [concluded|put their signatures to|entered into] {K} on {T} {W}.",
        ]
        if len(parties) == 2:
            slots["P1"], slots["P2"] = parties
            templates += ["{P1} signed {K} with {P2} on {T} {W}.", "{Wc}, {P1} [signed|inked] {K} with {P2} on {T}."]
    if not when:
        templates = [
            "{Kc} on {T} was [also|] signed by {P}.",
            "{P} [also|] signed {K} on {T}.",
        ]
    return say(rng, templates, **slots)


def agreement_in_meeting(w: Writer, parties: Sequence[str], kind: str, context: str, topic: str) -> str:
    """A signing that happened during talks (same date as the talks, no date in the sentence)."""
    kind_np = a_an(kind_text(w, kind, context))
    return say(
        w.rng,
        [
            "[Following the talks|After the meeting|At the end of the talks], {P} signed {K} on {T}.",
            "{Kc} on {T} between {P} was signed [after the talks|in the presence of the delegations|during the "
            "meeting].",
            "The sides also [witnessed the signing of|exchanged] {K} on {T} between {P}.",
            "[During the visit|On the same occasion], {P} signed {K} on {T}.",
        ],
        P=join_names(parties),
        K=kind_np,
        Kc=cap(kind_np),
        T=topic,
    )


STATUS_TEMPLATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # (templates that need an owner {CO}, templates that do not)
    "planned": (
        (
            "{CO} plans to build {NP}.",
            "{CO} will develop {NP}, with commissioning [scheduled|planned|expected] for {Y}.",
            "[Under the plans|According to the plans], {CO} will build {NP} by {Y}.",
            "{CO} is preparing to build {NP}[, which is due online in {Y}|].",
        ),
        (
            "{NPc} is [planned|at the design stage|in the planning stage].",
            "{NPc} is expected to [be commissioned|start operating|come online] in {Y}.",
            "The government has [allocated land|selected a site] for {NP}, [due for completion|expected to be "
            "completed] "
            "in {Y}.",
            "[Plans also|The plans also] call for {NP}, to be [commissioned|completed] by {Y}.",
        ),
    ),
    "under construction": (
        (
            "{CO} is [building|constructing] {NP}.",
            "{CO} [began|started] construction of {NP} {WP}.",
            "{CO} is [currently|] building {NP}, due for completion in {Y}.",
        ),
        (
            "Construction of {NP} [began|started|got under way] {WP}.",
            "{NPc} is under construction[ and is due to be completed in {Y}|].",
            "Work on {NP} is [more than half|about 70 percent|nearly] complete.",
            "{NPc} is [now|] under construction and [nearing completion|due to be finished in {Y}].",
        ),
    ),
    "operating": (
        (
            "{CO} [commissioned|launched|brought online] {NP} {WP}.",
            "{CO} [already|] operates {NP}, which [went online|was commissioned] in {YP}.",
        ),
        (
            "{NPc} [went into operation|was commissioned|began commercial operation] {WP}.",
            "{NPc} has been [supplying electricity to the grid|in operation|feeding the national grid] since {YP}.",
            "{NPc} was inaugurated {WP}.",
            "{NPc}, [connected to the grid|completed] in {YP}, is already [operating|in service].",
        ),
    ),
    "unknown": (
        ("{CO}'s portfolio in {C} [also|] includes {NP}.",),
        (
            "The sides also [discussed|touched on|reviewed] {NP}.",
            "{NPc} [was also on the agenda|also came up during the discussion].",
        ),
    ),
}


def capacity_sentence(w: Writer, project: Project, status: str, owner: Org | None = None) -> str:
    """A sentence stating ``project``'s capacity and status; the capacity is recorded in the gold."""
    rng = w.rng
    with_owner, without = STATUS_TEMPLATES[status]
    templates = list(without) + (list(with_owner) * 2 if owner is not None else [])
    template = expand(rng, rng.choice(templates))
    owner_text = w.org_first(owner) if owner is not None and "{CO}" in template else ""
    np = w.project_np(project)
    year = w.published.year + rng.randint(1, 4)
    done = w.published.year - rng.randint(0, 4)
    if "{WP}" in template:
        if rng.random() < 0.5:
            year_, month_ = w.earlier_month(0, 20)
            when, _ = past_month(rng, w.published, year_, month_)
        else:
            when, _ = past_day(rng, w.published, w.published - timedelta(days=rng.randint(1, 90)))
    else:
        when = ""
    if "{YP}" in template and done == w.published.year:
        done -= 1
    country = w.country(project.country) if "{C}" in template else ""
    sentence = template.format(CO=owner_text, NP=np, NPc=cap(np), Y=str(year), YP=str(done), WP=when, C=country)
    w.record_capacity(project, status)
    if project.tech == "battery storage" and rng.random() < 0.5:
        hours = rng.choice((2, 4))
        verbs = "[will store|will be able to store]" if status == "planned" else "[can store|has a storage capacity of]"
        sentence += " " + say(rng, ["The system " + verbs + " {E} MWh."], E=number(project.mw * hours))
        w.trap(f"{number(project.mw * hours)} MWh is stored energy; the battery's capacity is {number(project.mw)} MW")
    return sentence


def hybrid_sentence(w: Writer, country: Country, status: str, owner: Org | None = None) -> str:
    """A hybrid wind and solar complex stated as a total and its two parts (three capacities)."""
    rng = w.rng
    solar = float(rng.randrange(200, 1200, 50))
    wind = float(rng.randrange(100, 1000, 50))
    total = solar + wind
    hybrid = w.project(country, "wind and solar")
    hybrid.mw = total
    solar_part = Project("solar", solar, country, hybrid.place, "", "solar plant", hybrid.owner)
    wind_part = Project("wind", wind, country, hybrid.place, "", "wind farm", hybrid.owner)
    place = w.place(hybrid.place)
    if country is not w.focus[0]:
        place += f", {w.country(country)}"
    name = f"the {hybrid.name} in {place}" if hybrid.name else f"a hybrid renewable energy complex in {place}"
    for project in (hybrid, solar_part, wind_part):
        project.place_stated = True
    verb = {
        "planned": "will comprise",
        "under construction": "is being built with",
        "operating": "combines",
        "unknown": "comprises",
    }[status]
    status_text = {
        "planned": "[is due to be commissioned|is expected to start operating] in {Y}",
        "under construction": "is under construction",
        "operating": "[went into operation|was commissioned] in {YP}",
        "unknown": "was also discussed",
    }[status]
    sentence = say(
        rng,
        ["{S}, {T} project, " + status_text + ". It {V} {SOL} solar plant and {WIND} wind farm."],
        S=name,
        T=a_an(w.value_adj(total)),
        V=verb,
        SOL=a_an(w.value_adj(solar)),
        WIND=a_an(w.value_adj(wind)),
        Y=str(w.published.year + rng.randint(1, 3)),
        YP=str(w.published.year - rng.randint(1, 3)),
    )
    if owner is not None:
        sentence += " " + say(
            rng,
            ["The developer is {O}.", "The project [belongs to|is being developed by|is owned by] {O}."],
            O=w.org_first(owner),
        )
    hybrid.name = hybrid.name or f"hybrid complex in {hybrid.place}"
    w.record_capacity(hybrid, status)
    w.record_capacity(solar_part, status)
    w.record_capacity(wind_part, status)
    return sentence


def number_trap(w: Writer, country: Country, company: Org | None = None) -> str:
    """A sentence with a figure that is not generation capacity (and the trap that says so)."""
    rng = w.rng
    kinds = ["potential", "target", "transmission", "output", "demand", "cancelled", "turbine"]
    if company is not None:
        kinds += ["factory", "factory"]
    kinds = [kind for kind in kinds if f"trap:{kind}" not in w.taken] or ["money"]
    kind = rng.choice(kinds)
    w.taken.add(f"trap:{kind}")
    name = w.country(country)
    if kind == "potential":
        gw = rng.choice((12, 20, 27, 35, 50, 80, 157, 200))
        tech = rng.choice(("solar", "wind", "offshore wind") if country.seas else ("solar", "wind"))
        w.trap(f"{gw} GW is a technical potential for {tech}, not a capacity")
        return say(
            rng,
            [
                "[Studies|International consultants|A recent assessment] put {C}'s technical potential for {T} "
                "power at {G} GW.",
                "{C} [has|is estimated to have] a [technical|theoretical] {T} potential of about {G} gigawatts.",
            ],
            C=name,
            T=tech,
            G=str(gw),
        )
    if kind == "target":
        gw = rng.choice((5, 8, 10, 12, 15, 20, 27))
        year = rng.choice((2030, 2030, 2035, 2040))
        w.trap(f"{gw} GW by {year} is a national target, not a project capacity")
        return say(
            rng,
            [
                "The government [aims|wants|plans] to bring renewable generating capacity to {G} GW by {Y}.",
                "{C} [has set a target of|is aiming for] {G} GW of wind and solar capacity by {Y}.",
            ],
            C=name,
            G=str(gw),
            Y=str(year),
        )
    if kind == "transmission":
        kv = rng.choice((220, 330, 400, 500, 525))
        mw = rng.choice((500, 600, 1000, 1300, 1500, 2000))
        cities = rng.sample(list(country.cities), 2)
        w.trap(f"{number(mw)} MW is the transfer capacity of a {kv} kV line, not generation")
        return say(
            rng,
            [
                "A {KV} kV transmission line with a [transfer|transmission] capacity of {MW} MW is [planned|being "
                "designed|under construction] between {A} and {B}.",
                "[The grid operator|Engineers] [will also build|are also building] a {KV} kV line from {A} to {B}, "
                "able to carry up to {MW} MW.",
            ],
            KV=str(kv),
            MW=number(mw),
            A=w.place(cities[0]),
            B=w.place(cities[1]),
        )
    if kind == "output":
        kwh = rng.choice(("1.1", "1.6", "2.4", "3.1", "0.9", "4.5"))
        homes = rng.choice(("300,000", "450,000", "half a million", "about a million"))
        w.trap(f"{kwh} billion kWh a year is energy output, not capacity")
        return say(
            rng,
            [
                "Once [completed|fully operational], the [new|] facilities [are expected to|will] generate about {K} "
                "billion kWh of electricity a year, enough for {H} households.",
                "[Annual output|Yearly generation] is [put|estimated] at {K} billion kWh.",
            ],
            K=kwh,
            H=homes,
        )
    if kind == "demand":
        mw = rng.choice((3500, 5200, 7800, 9100, 11000, 14500))
        w.trap(f"{number(mw)} MW is peak demand, not capacity")
        return say(
            rng,
            [
                "Peak [electricity|power] demand in {C} reached {MW} MW [last winter|last summer|this year], "
                "[a record|up from a year earlier].",
                "[Officials expect|The grid operator expects] peak demand to exceed {MW} megawatts by the end of the "
                "decade.",
            ],
            C=name,
            MW=number(mw),
        )
    if kind == "cancelled":
        mw = float(rng.randrange(100, 900, 50))
        tech = rng.choice(("wind farm", "solar plant", "gas-fired plant"))
        city = w.place(rng.choice(country.cities))
        year = w.published.year - rng.randint(1, 3)
        w.trap(f"the {number(mw)} MW {tech} near {city} was cancelled: not a capacity")
        return say(
            rng,
            [
                "Not every project has advanced: plans for {A} near {CITY} were [shelved|cancelled|abandoned] in {Y} "
                "[after financing fell through|because of grid constraints|when the developer withdrew].",
                "{Ac} near {CITY}, announced [years ago|in {Y}], was [later cancelled|dropped] and will not be built.",
            ],
            A=a_an(f"{number(mw)} MW {tech}"),
            Ac=cap(a_an(f"{number(mw)} MW {tech}")),
            CITY=city,
            Y=str(year),
        )
    if kind == "turbine":
        rating = rng.choice(("6.25", "8.5", "10", "15", "5.6"))
        w.trap(f"{rating} MW is a turbine rating, not a project capacity")
        return say(
            rng,
            [
                "[The wind turbines|Turbines] [offered for the region|considered for new projects] are rated at up "
                "to {R} MW each.",
                "[Manufacturers|Suppliers] are offering turbines of {R} MW [per unit|each] for projects in {C}.",
            ],
            R=rating,
            C=name,
        )
    if kind == "factory":
        gw = rng.choice((1, 2, 3, 5, 10))
        w.trap(f"{gw} GW a year is the output of a factory, not generation capacity")
        return say(
            rng,
            [
                "{CO} is also [planning|building] a factory that will produce {G} GW of solar [panels|modules] a year.",
                "[Separately|In addition], {CO} intends to open a plant making {G} GW of [solar modules|wind "
                "turbine components] annually.",
            ],
            CO=w.org_again(company),
            G=str(gw),
        )
    millions = rng.choice(("150", "320", "480", "750", "1.2 billion", "2.5 billion"))
    amount = f"${millions}" + ("" if "billion" in millions else " million")
    w.trap(f"{amount} is money, not capacity")
    return say(
        rng,
        [
            "The investment is [estimated|put] at {A}[, to be financed by a syndicate of banks|].",
            "[Total|Overall] costs are [expected|projected] to reach {A}.",
        ],
        A=amount,
    )


def agreement_trap(w: Writer, parties: Sequence[str], topic: str) -> str:
    """A document that was not signed: expected, proposed, initialled, under negotiation."""
    rng = w.rng
    kind = rng.choice(("memorandum of understanding", "investment agreement", "agreement", "cooperation agreement"))
    kind_np = kind_text(w, kind, "company")
    future = future_when(rng, w.published, w.future_day(20, 250))[0]
    variant = rng.randrange(5)
    slots = {"P": join_names(parties), "K": a_an(kind_np), "k": kind_np, "T": topic, "F": future}
    if variant == 0:
        w.trap(f"the {kind_np} on {topic} is only expected to be signed: not an agreement")
        return say(
            rng, ["{P} are expected to sign {K} on {T} {F}.", "{P} [plan|intend] to sign {K} on {T} {F}."], **slots
        )
    if variant == 1:
        w.trap(f"the {kind_np} on {topic} was initialled, not signed: not an agreement")
        return say(rng, ["A draft {k} on {T} was initialled but has not yet been signed, officials said."], **slots)
    if variant == 2:
        w.trap(f"negotiations on {a_an(kind_np)} for {topic} are continuing: not an agreement")
        return say(rng, ["Negotiations on {K} for {T} [are continuing|are still under way]."], **slots)
    if variant == 3:
        w.trap("a roadmap the sides agreed to prepare is not a signed agreement")
        return say(
            rng,
            [
                "The sides [agreed to prepare|instructed their teams to draw up] a roadmap for {T}, which [could be|is "
                "expected to be] signed {F}."
            ],
            **slots,
        )
    w.trap(f"the {kind_np} on {topic} was only proposed: not an agreement")
    return say(rng, ["{P} [proposed|discussed the idea of] {K} on {T}."], **slots)


def talks_sentence(w: Writer, first: str, second: str, when: str, where: str, delegation: bool = True) -> str:
    """Two people (already written as mentions) met; ``where`` is " in City" or "".

    The first is the host: templates say they "received" or "hosted" the second."""
    templates = [
        "{A} [met|met with|held talks with|held a meeting with] {B}{L} {W}.",
        "{Wc}, {A} [met|held talks with|received] {B}{L}.",
        "{A} and {B} held talks{L} {W}[, focusing on energy cooperation|].",
        "Talks between {A} and {B} [took place|were held]{L} {W}.",
        "{A} received {B}{L} {W}.",
        "{A} [hosted|welcomed] {B}{L} {W} for talks on [energy cooperation|joint projects|new investments].",
    ]
    if delegation:
        templates.append("{Wc}, {A} received a delegation led by {B}{L}.")
    return say(w.rng, templates, A=first, B=second, W=when, Wc=cap(when), L=where)


def topics_sentence(w: Writer, host: Country, partner: Country) -> str:
    """What the sides discussed; names both countries, so that their names are in the text."""
    first, second = w.rng.sample(COOPERATION_TOPICS, 2)
    return say(
        w.rng,
        [
            "The [sides|two sides|officials] discussed [prospects for|ways to expand|the state of] energy cooperation "
            "between {H} and {P}, including {T1} and {T2}.",
            "[According to the ministry,|The ministry said] the talks focused on {T1}, {T2} and the broader energy "
            "agenda between {H} and {P}.",
            "{Hc} and {P} [reviewed|took stock of] their cooperation in the energy sector, with an emphasis on {T1}. "
            "They also [touched on|looked at] {T2}.",
            "The agenda covered {T1} and {T2}, [areas|fields] in which {H} [sees|expects] growing interest from {P}.",
        ],
        H=w.country(host),
        Hc=w.country(host),
        P=w.country(partner),
        T1=first,
        T2=second,
    )


def context_sentence(w: Writer, host: Country, partner: Country) -> str:
    """Background to a deal signed without talks: names both countries and implies no meeting."""
    first, second = w.rng.sample(COOPERATION_TOPICS, 2)
    return say(
        w.rng,
        [
            "The [document|deal] adds to [growing|expanding] energy cooperation between {H} and {P}, which [also "
            "covers|extends to] {T1} and {T2}.",
            "{H} and {P} [also cooperate|are also working together] on {T1} and {T2}.",
            "Companies from {P} are increasingly active in {H}, [notably|particularly] in {T1}.",
        ],
        H=w.country(host),
        P=w.country(partner),
        T1=first,
        T2=second,
    )


def pick_pair(w: Writer, leaders: bool = False) -> tuple[Country, Country]:
    rng = w.rng
    while True:
        host = COUNTRY_BY_NAME[rng.choice(HOSTS)]
        partner = COUNTRY_BY_NAME[rng.choice(PARTNERS)]
        if partner is not host and (not leaders or (host.leader and partner.leader)):
            w.focus = [host, partner]
            return host, partner


def event_name(w: Writer, country: Country, city: str, partner: Country | None = None) -> str:
    rng = w.rng
    for _ in range(20):
        pattern = rng.randrange(5)
        topic, kind = rng.choice(EVENT_TOPICS), rng.choice(EVENT_TYPES)
        if pattern == 0:
            name = f"{city} {topic} {kind}"
        elif pattern == 1:
            name = f"{rng.choice(EVENT_PREFIXES)} {topic} {kind}"
        elif pattern == 2 and partner is not None:
            name = f"{country.name}–{partner.name} {rng.choice(('Energy', 'Business', 'Investment'))} Forum"
        elif pattern == 3:
            name = f"{city} International {topic} {kind}"
        else:
            name = f"{country.adjective} {topic} {kind}"
        if name not in w.taken:
            w.taken.add(name)
            return name
    return f"{city} Energy Forum {rng.randint(2, 99)}"  # pragma: no cover


def background_partnership(w: Writer, first: Country, second: Country) -> str:
    """An existing partnership stated as background (dated by year, or undated)."""
    rng = w.rng
    kind = rng.choice(PARTNERSHIP_KINDS)
    a, b = w.country(first), w.country(second)
    if rng.random() < 0.6:
        when, gold = past_year(rng, w.published, w.published.year - rng.randint(1, 8))
        w.partnership(kind, [first.name, second.name], gold)
        return say(
            rng,
            [
                "{A} and {B} established a {K} {Y}.",
                "Relations between {A} and {B} were raised to a {K} {Y}.",
                "{A} and {B}, which [upgraded their ties|elevated relations] to a {K} {Y}, [have since|have] "
                "[expanded|deepened] [cooperation|contacts] in energy.",
            ],
            A=a,
            B=b,
            K=kind,
            Y=when,
        )
    w.partnership(kind, [first.name, second.name], None)
    return say(
        rng,
        [
            "{A} and {B} [are bound by|maintain] a {K}.",
            "[The|] {K} between {A} and {B} [provides the framework|gives the political frame] for the energy "
            "projects.",
        ],
        A=a,
        B=b,
        K=kind,
    )


def background_agreement(w: Writer, parties: Sequence[Org | Country], context: str) -> str:
    """A document signed months before, stated as a fact with its month."""
    rng = w.rng
    kind = pick_kind(w, context)
    if kind == "agreement" and context == "company":
        kind = "memorandum of understanding"
    year, month = w.earlier_month(2, 26)
    when, gold = past_month(rng, w.published, year, month)
    names, texts = [], []
    for party in parties:
        if isinstance(party, Country):
            names.append(party.name)
            texts.append(w.country(party))
        else:
            names.append(party.name)
            texts.append(w.org_first(party))
    topic = rng.choice(COOPERATION_TOPICS)
    w.agreement(kind, gold, names, topic)
    kind_np = a_an(kind_text(w, kind, context))
    return say(
        rng,
        [
            "The [talks|discussion] built on {K} on {T} that {P} signed {W}.",
            "{P} had signed {K} on {T} {W}.",
            "{Wc}, {P} signed {K} on {T}[, which laid the groundwork for the current projects|].",
        ],
        K=kind_np,
        T=topic,
        P=join_names(texts),
        W=when,
        Wc=cap(when),
    )


def planned_followup(w: Writer, visitor: Person, host_person: Person, destination: Country) -> str:
    """A visit or meeting announced for later (a planned meeting in the gold)."""
    rng = w.rng
    day = w.future_day(15, 240)
    when, gold = future_when(rng, w.published, day)
    if rng.random() < 0.5:
        city = w.place(destination.capital)
        w.meeting(f"Visit of {visitor.name} to {destination.name}", gold, city, [visitor.name, host_person.name], True)
        w.trap("the announced visit has not happened yet: planned: true")
        return say(
            rng,
            [
                "{B} invited {A} to visit {D}, and the invitation was accepted. The visit is expected to take place "
                "{W}.",
                "{A} [is due to|will] travel to {C} {W} at the invitation of {B}.",
                "The sides agreed that {A} would visit {D} {W}[, when further documents could be signed|].",
            ],
            A=w.ref(visitor),
            B=w.ref(host_person),
            D=w.country(destination),
            C=city,
            W=when,
        )
    city = w.place(rng.choice(destination.cities))
    w.meeting(
        f"Next meeting of {visitor.name} and {host_person.name}", gold, city, [visitor.name, host_person.name], True
    )
    w.trap("the next meeting is only scheduled: planned: true")
    return say(
        rng,
        [
            "{A} and {B} agreed to meet again in {C} {W}.",
            "Their next meeting [is scheduled|has been set] for {W} in {C}.",
        ],
        A=w.ref(visitor),
        B=w.ref(host_person),
        C=city,
        W=when,
    )


# --------------------------------------------------------------------------------------------
# Genres: each writes the fact paragraphs of one article and sets its title
# --------------------------------------------------------------------------------------------


def dateline(w: Writer, city: str, outlet: str) -> str:
    rng = w.rng
    if rng.random() < 0.5:
        return ""
    day = w.published
    month = MONTHS[day.month - 1]
    options = [
        f"{city.upper()}, {month} {day.day} — ",
        f"{city.upper()} — ",
        f"{city}, {day.day} {month} — ",
        f"{city.upper()}, {month} {day.day} ({outlet}) -- ",
    ]
    return rng.choice(options) if outlet else rng.choice(options[:3])


def readout(w: Writer) -> list[str]:
    """A meeting readout: two officials (or an official and an executive) meet, often sign something."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w)
    style = rng.choices(("ministers", "company", "leaders", "ambassador"), (4, 5, 2, 1))[0]
    if style == "leaders" and not (host.leader and partner.leader):
        style = "ministers"
    company = None
    if style == "leaders":
        first, second = w.official(host, "leader"), w.official(partner, "leader")
    elif style == "ministers":
        first = w.official(host, rng.choice(("energy", "energy", "deputy_energy")))
        second = w.official(partner, rng.choice(("energy", "energy", "deputy_energy", "economy")))
    elif style == "company":
        first = w.official(
            host, rng.choice(("energy", "energy", "deputy_energy", "leader" if host.leader else "energy"))
        )
        company = w.company(partner)
        second = w.executive(company)
    else:
        first, second = w.official(host, "energy"), w.official(partner, "ambassador", host=host)
    visiting = style != "ambassador" and rng.random() < 0.25
    city = partner.capital if visiting else rng.choice((host.capital,) * 4 + host.cities[:2])
    day = w.recent_day()
    when, when_gold = past_day(rng, published, day)
    place = city if rng.random() < 0.85 else None
    where = f" in {w.place(city)}" if place else ""
    sidelines = None
    if style in ("ministers", "company") and rng.random() < 0.15 and place:
        sidelines = event_name(w, partner if visiting else host, city)
        where += f" on the sidelines of the {w.entity(sidelines, 'Event')}"
    if visiting:  # the partner's official hosts the talks in the partner's capital
        second_text, first_text = w.intro(second), w.intro(first)
        lead = talks_sentence(w, second_text, first_text, when, where, delegation=style != "leaders")
    else:
        first_text, second_text = w.intro(first), w.intro(second)
        lead = talks_sentence(w, first_text, second_text, when, where, delegation=style != "leaders")
    paragraphs = [lead + " " + topics_sentence(w, host, partner)]
    participants = [first.name, second.name]
    w.meeting(f"Talks between {first.name} and {second.name}", when_gold, place, participants)
    if sidelines:
        w.meeting(sidelines, when_gold[:7] if when_gold else None, place, participants)

    details = []
    if company is not None and rng.random() < 0.5:
        existing = w.project(host, owner=company)
        status = rng.choice(("operating", "under construction", "unknown", "operating"))
        details.append(capacity_sentence(w, existing, status, company))
    signed = style != "ambassador" and rng.random() < 0.6
    kind = ""
    if signed:
        if style == "company":
            context = "company"
            parties_orgs = [w.ministry(host), company]
            if rng.random() < 0.3:
                parties_orgs.insert(1, w.company(host))
        else:
            context = "government"
            parties_orgs = [w.ministry(host), w.ministry(partner)]
        kind = pick_kind(w, context)
        if kind == "agreement" and context == "government":
            parties, texts = [host.name, partner.name], [w.country(host), w.country(partner)]
        else:
            parties = [org.name for org in parties_orgs]
            texts = [w.org_first(org) for org in parties_orgs]
        if context == "company" and company is not None and rng.random() < 0.75:
            project = w.project(host, owner=company)
            topic, gold_topic = capacity_topic(w, project)
        else:
            topic = gold_topic = rng.choice(COOPERATION_TOPICS)
        if rng.random() < 0.7:
            details.append(agreement_in_meeting(w, texts, kind, context, topic))
        else:
            details.append(signing_sentence(w, texts, kind, context, topic, when))
        w.agreement(kind, when_gold, parties, gold_topic)
    elif style != "ambassador" and rng.random() < 0.4:
        details.append(say(rng, ["No [documents|agreements] were signed[ during the meeting|]."]))
        w.trap("'no documents were signed': the talks produced no agreement")
    if details:
        paragraphs.append(" ".join(details))
    extras = []
    if rng.random() < 0.55:
        extras.append(number_trap(w, host, company))
    if rng.random() < 0.3:
        extras.append(agreement_trap(w, [w.country(host), w.country(partner)], rng.choice(COOPERATION_TOPICS)))
    if rng.random() < 0.3 and style != "ambassador":
        extras.append(planned_followup(w, first, second, partner))
    if rng.random() < 0.25:
        extras.append(background_partnership(w, host, partner))
    if rng.random() < 0.2:
        extras.append(background_agreement(w, [w.ministry(host), w.ministry(partner)], "government"))
    rng.shuffle(extras)
    paragraphs += extras

    if signed and rng.random() < 0.6:
        short = {"memorandum of understanding": "MoU"}.get(kind, kind)
        w.title = rng.choice(
            (
                f"{host.name}, {partner.name} sign {short} on energy cooperation",
                f"{host.name} and {partner.name} sign {short} after talks" + (f" in {city}" if place else ""),
                f"{first.short} and {second.short} hold talks; {short} signed",
            )
        )
    else:
        w.title = rng.choice(
            (
                f"{first.short} and {second.short} discuss energy cooperation",
                f"{host.name}, {partner.name} review energy projects",
                f"{host.adjective} and {partner.adjective} officials meet to discuss energy ties",
                f"{first.short} meets {second.short}" + (f" in {city}" if place else ""),
            )
        )
    w.dateline_city = city
    return paragraphs


def signing(w: Writer) -> list[str]:
    """A signing ceremony (or a press release listing signed documents)."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w)
    day = w.recent_day()
    when, when_gold = past_day(rng, published, day)
    city = rng.choice((host.capital, host.capital, rng.choice(host.cities)))
    if rng.random() < 0.3:
        return signed_documents_list(w, host, partner, day, when, when_gold, city)
    shape = rng.randrange(4)
    if shape == 3:
        company, orgs = None, [w.ministry(host), w.institution()]
    else:
        company = w.company(partner)
        orgs = ([w.ministry(host), company], [w.company(host), company], [w.ministry(host), company, w.company(host)])[
            shape
        ]
    context = "bank" if orgs[-1].kind == "institution" else "company"
    kind = pick_kind(w, context)
    texts = [w.org_first(org) for org in orgs]
    if context == "company" and rng.random() < 0.75:
        project = w.project(host, owner=company)
        topic, gold_topic = capacity_topic(w, project)
    else:
        project = None
        topic = gold_topic = rng.choice(COOPERATION_TOPICS)
    paragraphs = [signing_sentence(w, texts, kind, context, topic, when, w.place(city) if rng.random() < 0.6 else "")]
    paragraphs[0] += " " + context_sentence(w, host, partner)
    w.agreement(kind, when_gold, [org.name for org in orgs], gold_topic)

    signers = [w.executive(org) if org.kind != "ministry" else w.official(host, "energy") for org in orgs[:2]]
    signer_texts = [w.intro(person) for person in signers]
    ceremony = rng.random() < 0.65
    if ceremony:
        guest = None
        if rng.random() < 0.5:
            guest = w.official(partner, "ambassador", host=host) if rng.random() < 0.5 else w.official(host, "economy")
        guest_text = f" and attended by {w.intro(guest)}" if guest else ""
        paragraphs.append(
            say(
                rng,
                [
                    "The [signing ceremony|ceremony] in {C} was [led|hosted] by {S}{G}.",
                    "The document was signed at a ceremony in {C} by {S}{G}.",
                    "{S} [put their signatures to the document|signed on behalf of their organisations] at a ceremony "
                    "in {C}{G}.",
                ],
                C=w.place(city),
                S=join_names(signer_texts),
                G=guest_text,
            )
        )
        people = [person.name for person in signers] + ([guest.name] if guest else [])
        w.meeting(f"Signing ceremony in {city}", when_gold, city, people)
    else:
        paragraphs.append(
            say(
                rng,
                ["The document was signed by {S}.", "{S} signed the document on behalf of the two sides."],
                S=join_names(signer_texts),
            )
        )
        w.trap("the document was signed without a reported ceremony or talks: no meeting")
    more = []
    if project is not None:
        more.append(
            say(
                rng,
                [
                    "Commissioning is [scheduled|planned] for {Y}[, according to the company|].",
                    "The plant is expected to [be built within|take] {N} years[ and to employ local contractors|].",
                ],
                Y=str(published.year + rng.randint(1, 4)),
                N=rng.choice(("two", "three", "four")),
            )
        )
    if company is not None and rng.random() < 0.45:
        other = w.project(rng.choice((host, partner)), owner=company)
        more.append(capacity_sentence(w, other, rng.choice(("operating", "under construction")), company))
    if rng.random() < 0.5:
        more.append(number_trap(w, host, company))
    if more:
        paragraphs.append(" ".join(more))
    if rng.random() < 0.25:
        paragraphs.append(agreement_trap(w, [w.org_again(orgs[1]), w.country(host)], rng.choice(COOPERATION_TOPICS)))
    if company is not None and rng.random() < 0.2:
        paragraphs.append(background_agreement(w, [orgs[0], company], "company"))
    short = {"memorandum of understanding": "MoU"}.get(kind, kind)
    tail = f"{number(project.mw)} MW {project.tech} plant" if project else "energy cooperation"
    w.title = rng.choice(
        (
            f"{orgs[1].short} signs {short} for {tail} in {host.name}",
            f"{host.name} and {orgs[1].short} sign {short} on {tail}",
            f"{cap(short)} signed on {tail} in {city}",
        )
    )
    w.dateline_city = city
    return paragraphs


LIST_KINDS = {
    "memorandum of understanding": "Memorandum of Understanding",
    "investment agreement": "Investment Agreement",
    "cooperation agreement": "Cooperation Agreement",
    "strategic cooperation agreement": "Strategic Cooperation Agreement",
}


def signed_documents_list(
    w: Writer, host: Country, partner: Country, day: date, when: str, gold: str | None, city: str
):
    """A ministry press release: talks, then a numbered list of the documents signed."""
    rng = w.rng
    first = w.official(host, "energy")
    second = w.official(partner, rng.choice(("energy", "deputy_energy")))
    lead = talks_sentence(w, w.intro(first), w.intro(second), when, f" in {w.place(city)}")
    w.meeting(f"Talks between {first.name} and {second.name}", gold, city, [first.name, second.name])
    ministry = w.ministry(host)
    paragraphs = [
        f"PRESS RELEASE\nPress Service of {ministry.full}",
        lead + " " + topics_sentence(w, host, partner),
        "Following the talks, the following documents were signed:",
    ]
    count = rng.randint(2, 5)
    for index in range(1, count + 1):
        company = w.company(rng.choice((partner, partner, host)))
        orgs = [w.ministry(host), company] if rng.random() < 0.6 else [w.company(host), company]
        kind = rng.choice((*LIST_KINDS, "implementation agreement", "agreement"))
        texts = [w.org_first(org) for org in orgs]
        if rng.random() < 0.65:
            project = w.project(host, owner=company)
            topic, gold_topic = capacity_topic(w, project)
        else:
            topic = gold_topic = rng.choice(COOPERATION_TOPICS)
        if kind == "implementation agreement":
            item = f"Agreement on the implementation of a project for {topic} between {join_names(texts)}"
        elif kind == "agreement":
            label = (
                "Engineering, Procurement and Construction Contract" if topic != gold_topic else "Framework Agreement"
            )
            item = f"{label} between {join_names(texts)} on {topic}"
        else:
            item = f"{LIST_KINDS[kind]} between {join_names(texts)} on {topic}"
        paragraphs.append(f"{index}. {item}{'.' if index == count else ';'}")
        w.agreement(kind, gold, [org.name for org in orgs], gold_topic)
    extra = count + rng.randint(2, 9)
    paragraphs.append(
        say(
            rng,
            [
                "In total, {N} documents were signed during the talks, with a combined value of more than ${V} "
                "billion.",
                "[Altogether|In all], {N} documents worth about ${V} billion were signed.",
            ],
            N=str(extra),
            V=rng.choice(("1.2", "2.4", "3.5", "4.1", "5")),
        )
    )
    w.trap(f"'{extra} documents' is a count: only the {count} listed documents are agreements")
    paragraphs.append(number_trap(w, host))
    w.blocks = 3 + count  # the release's heading, lead and numbered list stay together
    w.title = rng.choice(
        (
            f"{count} documents signed as {host.adjective} and {partner.adjective} energy officials meet in {city}",
            f"{host.name} and {partner.name} sign {count} energy documents",
        )
    )
    w.dateline_city = ""
    return paragraphs


def project_news(w: Writer) -> list[str]:
    """A project announcement: commissioning, groundbreaking, approval, a hybrid, or a portfolio update."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w)
    w.focus_named = False
    company = w.company(partner if rng.random() < 0.6 else host)
    variant = rng.choice(("commissioned", "groundbreaking", "approved", "hybrid", "portfolio"))
    paragraphs: list[str] = []
    if variant in ("commissioned", "groundbreaking"):
        project = w.project(host, owner=company)
        day = w.recent_day()
        when, when_gold = past_day(rng, published, day)
        np = w.project_np(project)
        co = w.org_first(company)
        if variant == "commissioned":
            lead = say(
                rng,
                [
                    "{NPc}, built by {CO}, [went into operation|was commissioned|was inaugurated] {W}.",
                    "{CO} [commissioned|launched|brought online] {NP} {W}.",
                    "{Wc}, {CO} [switched on|inaugurated|commissioned] {NP}.",
                ],
                NP=np,
                NPc=cap(np),
                CO=co,
                W=when,
                Wc=cap(when),
            )
            status, label = "operating", "Inauguration ceremony"
        else:
            lead = say(
                rng,
                [
                    "Construction [began|started] {W} on {NP}, which {CO} is building[ in {H}|].",
                    "{CO} [broke ground on|started construction of] {NP} {W}.",
                    "{Wc}, [work began|construction started] on {NP} [developed|being built] by {CO}.",
                ],
                NP=np,
                CO=co,
                W=when,
                Wc=cap(when),
                H=w.country(host),
            )
            status, label = "under construction", "Groundbreaking ceremony"
        w.record_capacity(project, status)
        paragraphs.append(lead + " " + say(rng, ["The [plant|facility|project] is located in {H}."], H=w.country(host)))
        if rng.random() < 0.6:
            guests = [
                w.official(host, rng.choice(("energy", "leader" if host.leader else "energy"))),
                w.executive(company),
            ]
            if rng.random() < 0.4:
                guests.append(w.official(partner, "ambassador", host=host))
            texts = [w.intro(person) for person in guests]
            paragraphs.append(
                say(
                    rng,
                    [
                        "The ceremony was attended by {G}.",
                        "{G} took part in the ceremony.",
                        "[Speaking at|At] the ceremony, attended by {G}, officials [praised|hailed] the project.",
                    ],
                    G=join_names(texts),
                )
            )
            name = project.name or f"{project.noun} in {project.place}"
            w.meeting(
                f"{label} of the {name}",
                when_gold,
                project.place if project.tech != "offshore wind" else None,
                [person.name for person in guests],
            )
    elif variant == "approved":
        project = w.project(host, owner=company)
        paragraphs.append(
            capacity_sentence(w, project, "planned", company)
            + " "
            + say(
                rng,
                [
                    "The [government|cabinet|ministry] has [approved|endorsed] the project[, officials in {H} said|].",
                    "[Officials|The authorities] in {H} [confirmed|said] the [site|land plot] had been allocated.",
                ],
                H=w.country(host),
            )
        )
    elif variant == "hybrid":
        status = rng.choice(("planned", "under construction", "operating"))
        paragraphs.append(
            hybrid_sentence(w, host, status, company)
            + " "
            + say(rng, ["The [complex|project] is located in {H}."], H=w.country(host))
        )
    else:
        co = w.org_first(company)
        count = rng.randint(2, 4)
        paragraphs.append(
            say(
                rng,
                [
                    "{CO} [has outlined|presented] [an update on|the status of] its projects in {H}.",
                    "{CO} is expanding its [portfolio|presence] in {H}, [the company said|according to a company "
                    "statement].",
                ],
                CO=co,
                H=w.country(host),
            )
        )
        statuses = rng.sample(["operating", "under construction", "planned", "operating", "planned"], count)
        paragraphs.append(" ".join(capacity_sentence(w, w.project(host, owner=company), s, company) for s in statuses))
    if rng.random() < 0.5:
        sentence = capacity_sentence(w, w.project(host), rng.choice(("planned", "under construction", "operating")))
        opening = say(rng, ["[Elsewhere in the country|In a separate development|Separately], "])
        paragraphs.append(continue_with(opening, sentence))
    traps = [number_trap(w, host, company) for _ in range(rng.randint(1, 2))]
    paragraphs.append(" ".join(traps))
    if rng.random() < 0.2:
        paragraphs.append(background_partnership(w, host, partner))
    if rng.random() < 0.15:
        paragraphs.append(
            agreement_trap(w, [w.org_again(company), w.org_first(w.ministry(host))], rng.choice(COOPERATION_TOPICS))
        )
    first = w.capacities[0]
    value, tech = number(first["value_mw"]), first["technology"]
    news = {
        "planned": "planned",
        "under construction": "construction under way",
        "operating": "goes online",
        "unknown": "in focus",
    }[first["status"]]
    w.title = rng.choice(
        (
            f"{company.short}: {value} MW {tech} project in {host.name} {news}",
            f"{value} MW {tech} plant in {first['place']}: {news}",
            f"{host.name} adds {tech} capacity with {company.short}",
        )
    )
    w.dateline_city = host.capital
    return paragraphs


def partnership_upgrade(w: Writer) -> list[str]:
    """A state visit: talks between leaders, a declaration raising relations to a (new) partnership."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w, leaders=True)
    visitor, receiver = w.official(partner, "leader"), w.official(host, "leader")
    day = w.recent_day()
    when, gold = past_day(rng, published, day)
    capital = w.place(host.capital)
    visit = rng.choice(("state visit", "official visit", "working visit"))
    kind = rng.choice((*PARTNERSHIP_KINDS[2:], "strategic partnership"))
    lead = say(
        rng,
        [
            "{A} and {B} held talks in {C} {W} during {a}'s {V} to {H}.",
            "{Wc}, {B} [welcomed|received] {A}, who is on {VA} to {H}, for talks in {C}.",
            "{A}, on {VA} to {H}, held talks with {B} in {C} {W}.",
        ],
        A=w.intro(visitor),
        B=w.intro(receiver),
        a=visitor.short,
        C=capital,
        W=when,
        Wc=cap(when),
        V=visit,
        VA=a_an(visit),
        H=w.country(host),
    )
    w.meeting(f"{cap(visit)} of {visitor.name} to {host.name}", gold, host.capital, [visitor.name])
    w.meeting(f"Talks between {visitor.name} and {receiver.name}", gold, host.capital, [visitor.name, receiver.name])
    w.trap("the visit and the talks held during it are two meetings")
    document = rng.choice(("declaration", "declaration", "joint statement", "none"))
    a, b = w.country(host), w.country(partner)
    if document == "declaration":
        text = say(
            rng,
            [
                "The two leaders signed a [joint declaration|declaration] on the establishment of a {K} between {A} "
                "and {B}.",
                "[After the talks|Following the negotiations], {X} and {Y} signed a declaration raising relations "
                "between {A} and {B} to the level of a {K}.",
            ],
            K=kind,
            A=a,
            B=b,
            X=w.ref(receiver),
            Y=w.ref(visitor),
        )
        w.agreement("declaration", gold, [host.name, partner.name], f"establishment of a {kind}")
    elif document == "joint statement":
        text = say(
            rng,
            [
                "The sides adopted a joint statement [elevating|upgrading] relations between {A} and {B} to a {K}.",
                "{A} and {B} issued a joint statement on [building|establishing] a {K}.",
            ],
            K=kind,
            A=a,
            B=b,
        )
        w.agreement("joint statement", gold, [host.name, partner.name], f"relations raised to a {kind}")
    else:
        text = say(
            rng,
            ["{A} and {B} [elevated|raised] their relations to a {K}, the two leaders announced after the talks."],
            A=a,
            B=b,
            K=kind,
        )
    w.partnership(kind, [host.name, partner.name], gold)
    paragraphs = [lead + " " + text]
    documents = []
    named = 0
    if rng.random() < 0.7:
        documents.append(
            say(
                rng,
                [
                    "[The governments|The two governments] [also signed|signed] an intergovernmental agreement on "
                    "{T} between {A} and {B}.",
                    "An intergovernmental agreement between {A} and {B} on {T} was also signed.",
                ],
                T=rng.choice(COOPERATION_TOPICS),
                A=a,
                B=b,
            )
        )
        w.agreement("agreement", gold, [host.name, partner.name], "intergovernmental agreement")
        named += 1
    if rng.random() < 0.6:
        ministries = [w.ministry(host), w.ministry(partner)]
        topic = rng.choice(COOPERATION_TOPICS)
        documents.append(
            say(
                rng,
                [
                    "{M1} and {M2} signed a memorandum of understanding on {T}.",
                    "A memorandum on {T} was signed by {M1} and {M2}.",
                ],
                M1=w.org_first(ministries[0]),
                M2=w.org_first(ministries[1]),
                T=topic,
            )
        )
        w.agreement("memorandum of understanding", gold, [m.name for m in ministries], topic)
        named += 1
    if rng.random() < 0.4:
        company = w.company(partner)
        project = w.project(host, owner=company)
        topic, gold_topic = capacity_topic(w, project)
        orgs = [w.company(host), company] if rng.random() < 0.5 else [w.ministry(host), company]
        documents.append(
            say(
                rng,
                ["In the presence of the two leaders, {P} signed {K} on {T}."],
                P=join_names([w.org_first(org) for org in orgs]),
                K=a_an(kind_text(w, "investment agreement", "company")),
                T=topic,
            )
        )
        w.agreement("investment agreement", gold, [org.name for org in orgs], gold_topic)
        named += 1
    if documents:
        if rng.random() < 0.5:
            total = named + 1 + rng.randint(2, 12)
            documents.insert(
                0, say(rng, ["[In total|Altogether], {N} documents were signed during the visit."], N=str(total))
            )
            w.trap(f"'{total} documents' is a count: only the named documents are agreements")
        paragraphs.append(" ".join(documents))
    extras = []
    if rng.random() < 0.5:
        older = rng.choice(("strategic partnership", "partnership", "comprehensive partnership"))
        if older != kind:
            year = published.year - rng.randint(2, 9)
            extras.append(
                say(
                    rng,
                    [
                        "The upgrade builds on the {K} that {A} and {B} established in {Y}.",
                        "{A} and {B} had [established|formalised] a {K} in {Y}.",
                    ],
                    K=older,
                    A=a,
                    B=b,
                    Y=str(year),
                )
            )
            w.partnership(older, [host.name, partner.name], f"{year:04d}")
    if rng.random() < 0.4:
        forum_day = day + timedelta(days=1)
        forum = event_name(w, host, host.capital, partner)
        w.entity(forum, "Event")
        if forum_day <= published:
            forum_when, forum_gold = past_day(rng, published, forum_day, vague=False)
            extras.append(
                say(
                    rng,
                    ["{A} [also addressed|also spoke at] the {F} in {C} {W}."],
                    A=w.ref(visitor),
                    F=forum,
                    C=capital,
                    W=forum_when,
                )
            )
            w.meeting(forum, forum_gold, host.capital, [visitor.name])
        else:
            extras.append(
                say(
                    rng,
                    ["{A} is [due|expected] to [address|attend] the {F} in {C} tomorrow."],
                    A=w.ref(visitor),
                    F=forum,
                    C=capital,
                )
            )
            w.meeting(forum, forum_day.isoformat(), host.capital, [visitor.name], True)
            w.trap("the business forum is tomorrow: planned: true")
    if rng.random() < 0.4:
        w.trap("discussed trade figures are not agreements")
        extras.append(number_trap(w, host))
    rng.shuffle(extras)
    paragraphs += extras
    w.title = rng.choice(
        (
            f"{host.name} and {partner.name} upgrade ties to {kind}",
            f"{visitor.short} visit: {host.name}, {partner.name} agree on {kind}",
            f"{host.adjective}-{partner.adjective} relations raised to {kind}",
        )
    )
    w.dateline_city = host.capital
    return paragraphs


def forum(w: Writer) -> list[str]:
    """A forum or conference report: several named participants, signings and talks on the sidelines."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w)
    city = rng.choice((host.capital, host.capital, rng.choice(host.cities)))
    name = w.entity(event_name(w, host, city, partner), "Event")
    edition = rng.randint(2, 14)
    start = published - timedelta(days=rng.choice((0, 1, 1, 2, 3, 4, 6, 9)))
    month = MONTHS[start.month - 1]
    if rng.random() < 0.4 and start.day < 28 and start + timedelta(days=1) <= published:
        when = rng.choice((f"on {start.day}-{start.day + 1} {month}", f"on {month} {start.day}-{start.day + 1}"))
        gold = start.isoformat()
    else:
        when, gold = past_day(rng, published, start)
    ordinal_text = rng.choice((ordinal(edition), ORDINALS[edition - 1] if edition <= 10 else ordinal(edition)))
    people = [w.official(host, "energy"), w.official(partner, rng.choice(("energy", "deputy_energy")))]
    third = COUNTRY_BY_NAME[rng.choice([c for c in PARTNERS if c not in (host.name, partner.name)])]
    invited = [host, partner]
    if rng.random() < 0.6:
        people.append(w.official(third, rng.choice(("energy", "deputy_energy"))))
        invited.append(third)
    companies = [w.company(partner), w.company(third)]
    people.append(w.executive(companies[0]))
    if rng.random() < 0.5:
        people.append(w.executive(w.institution()))
    lead = say(
        rng,
        [
            "The {O} {E} [took place|was held] in {C} {W}, bringing together [officials|ministers], investors and "
            "experts from {L}[, among others|].",
            "{Wc}, {C} hosted the {O} {E}, [attended by|with] [more than|some] {M} delegates from {N} countries, "
            "[among them|including] {L}.",
            "[Ministers|Officials] and executives [gathered|met] in {C} {W} for the {O} {E}, [an annual|a yearly] "
            "event that [brings together|connects] {H} with partners such as {Q}.",
        ],
        O=ordinal_text,
        E=name,
        C=w.place(city),
        W=when,
        Wc=cap(when),
        H=w.country(host),
        L=join_names([w.country(country) for country in invited]),
        Q=join_names([w.country(country) for country in invited[1:]]),
        N=str(rng.randint(20, 60)),
        M=rng.choice(("500", "1,200", "2,000", "800", "3,000")),
    )
    texts = [w.intro(person, appositive=False) for person in people]
    rng.shuffle(texts)
    attendance = say(
        rng,
        [
            "[Speakers included|Among the speakers were|The participants included] {L}.",
            "The [forum|event] was attended by {L}.",
            "{L} [addressed the opening session|spoke at the opening plenary].",
        ],
        L=join_names(texts),
    )
    participants = [person.name for person in people]
    if rng.random() < 0.5:
        bank = w.institution()
        attendance += " " + say(
            rng,
            ["Representatives of {B} and {O} also took part.", "{Bc} and {O} sent delegations."],
            B=w.org_first(bank),
            Bc=cap(w.org_first(bank)),
            O=w.org_first(companies[1]),
        )
        participants += [bank.name, companies[1].name]
    paragraphs = [lead, attendance]
    sidelines = []
    if rng.random() < 0.7:
        for _ in range(rng.randint(1, 2)):
            company = w.company(rng.choice((partner, third)))
            orgs = [w.ministry(host), company] if rng.random() < 0.6 else [w.company(host), company]
            kind = pick_kind(w, "company")
            if rng.random() < 0.6:
                topic, gold_topic = capacity_topic(w, w.project(host, owner=company))
            else:
                topic = gold_topic = rng.choice(COOPERATION_TOPICS)
            sidelines.append(
                say(
                    rng,
                    [
                        "On the sidelines of the [forum|event], {P} signed {K} on {T}.",
                        "{Kc} on {T} was signed at the [forum|event] by {P}.",
                    ],
                    P=join_names([w.org_first(org) for org in orgs]),
                    K=a_an(kind_text(w, kind, "company")),
                    Kc=cap(a_an(kind_text(w, kind, "company"))),
                    T=topic,
                )
            )
            w.agreement(kind, gold, [org.name for org in orgs], gold_topic)
            participants += [org.name for org in orgs if org.name not in participants and org.kind != "ministry"]
    if rng.random() < 0.45:
        first, second = people[0], people[1]
        sidelines.append(
            say(
                rng,
                [
                    "{A} and {B} also held [bilateral talks|a separate meeting] on the sidelines.",
                    "On the margins of the forum, {A} met {B} to discuss [joint projects|grid "
                    "interconnection|investment "
                    "plans].",
                ],
                A=w.ref(first),
                B=w.ref(second),
            )
        )
        w.meeting(f"Talks between {first.name} and {second.name}", gold, city, [first.name, second.name])
    if rng.random() < 0.5:
        project = w.project(host, owner=companies[0])
        sidelines.append(
            continue_with(
                say(rng, ["[During the forum|At the event], "]), capacity_sentence(w, project, "planned", companies[0])
            )
        )
    if sidelines:
        paragraphs.append(" ".join(sidelines))
    w.meeting(name, gold, city, participants)
    if rng.random() < 0.4:
        report = rng.choice(("Energy Outlook", "Renewables Investment Report", "Grid Readiness Review"))
        paragraphs.append(
            say(
                rng,
                ["The {R} {Y}, [prepared by|from] the organisers, was [presented|released] at the opening session."],
                R=report,
                Y=str(published.year),
            )
        )
        w.trap("the release of a report is not an agreement")
    if rng.random() < 0.45:
        next_day = date(published.year + 1, rng.randint(1, 12), rng.randint(1, 28))
        next_when, next_gold = future_when(rng, published, next_day)
        next_city = rng.choice((host.capital, rng.choice(host.cities)))
        paragraphs.append(
            say(
                rng,
                [
                    "The next {E} will be held in {C} {W}.",
                    "Organisers said the [next edition|forum's next edition] would take place in {C} {W}.",
                ],
                E=name,
                C=w.place(next_city),
                W=next_when,
            )
        )
        w.meeting(name, next_gold, next_city, [], True)
        w.trap("next year's edition is announced: planned: true")
    if rng.random() < 0.5:
        paragraphs.append(number_trap(w, host))
    w.title = rng.choice(
        (
            f"{name} opens in {city}",
            f"{cap(ordinal_text)} {name} draws ministers and investors to {city}",
            f"Deals and talks at the {name}",
        )
    )
    w.dateline_city = city
    return paragraphs


def call(w: Writer) -> list[str]:
    """A phone call or a video conference, with no place; often a visit or meeting announced."""
    rng, published = w.rng, w.published
    leaders = rng.random() < 0.5
    host, partner = pick_pair(w, leaders=leaders)
    office = "leader" if leaders else "energy"
    first, second = w.official(host, office), w.official(partner, office)
    day = w.recent_day()
    when, gold = past_day(rng, published, day)
    video = rng.random() < 0.3
    if video:
        lead = say(
            rng,
            [
                "{A} and {B} held a video conference {W}.",
                "{A} [met|spoke with] {B} [online|by video link] {W}.",
                "{Wc}, {A} and {B} [held talks|spoke] via video conference.",
            ],
            A=w.intro(first),
            B=w.intro(second),
            W=when,
            Wc=cap(when),
        )
        label = f"Video conference between {first.name} and {second.name}"
    else:
        lead = say(
            rng,
            [
                "{A} [held a telephone conversation|spoke by phone|had a phone call] with {B} {W}.",
                "{Wc}, {A} and {B} held a telephone conversation.",
                "A telephone conversation took place {W} between {A} and {B}.",
                "{A} and {B} discussed energy cooperation in a phone call {W}, [the press service|officials] said.",
            ],
            A=w.intro(first),
            B=w.intro(second),
            W=when,
            Wc=cap(when),
        )
        label = f"Telephone conversation between {first.name} and {second.name}"
    w.meeting(label, gold, None, [first.name, second.name])
    w.trap("a call or a video conference is a meeting with no place")
    paragraphs = [lead + " " + topics_sentence(w, host, partner)]
    if rng.random() < 0.6:
        paragraphs.append(
            say(
                rng,
                [
                    "The sides agreed to instruct their [governments|ministries] to prepare proposals on {T}, but no "
                    "documents were signed.",
                    "No agreements were signed; the sides agreed to [keep in touch|continue contacts] on {T}.",
                ],
                T=rng.choice(COOPERATION_TOPICS),
            )
        )
        w.trap("instructions to prepare proposals are not agreements; no documents were signed")
    if rng.random() < 0.6:
        paragraphs.append(planned_followup(w, first, second, rng.choice((host, partner))))
    if rng.random() < 0.35:
        earlier = day - timedelta(days=rng.randint(1, 5))
        earlier_when, earlier_gold = past_day(rng, published, earlier)
        ministry_a, ministry_b = w.ministry(host), w.company(partner)
        if rng.random() < 0.5:
            text = say(
                rng,
                [
                    "[The call followed|It followed] a video conference held {W} by specialists of {M} and {C}, "
                    "[who reviewed|reviewing] technical questions.",
                    "{Wc}, experts from {M} and {C} [met online|held a video conference] to review technical "
                    "questions.",
                ],
                M=w.org_first(ministry_a),
                C=w.org_first(ministry_b),
                W=earlier_when,
                Wc=cap(earlier_when),
            )
            w.meeting(
                f"Video conference of {ministry_a.name} and {ministry_b.name}",
                earlier_gold,
                None,
                [ministry_a.name, ministry_b.name],
            )
            w.trap("the video conference had no named persons: its participants are the two organisations")
        else:
            text = background_partnership(w, host, partner)
        paragraphs.append(text)
    if rng.random() < 0.3:
        paragraphs.append(number_trap(w, host))
    w.title = rng.choice(
        (
            f"{first.short} and {second.short} {'hold video call' if video else 'speak by phone'} on energy ties",
            f"{host.name}, {partner.name} discuss energy cooperation {'online' if video else 'by phone'}",
        )
    )
    w.dateline_city = host.capital
    return paragraphs


def brief(w: Writer) -> list[str]:
    """A newsletter with several short items, each in its own country, and a calendar."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w)
    issue = rng.randint(12, 240)
    outlet = rng.choice(
        (
            "Caspian Power Brief",
            "Eurasia Energy Digest",
            "Steppe & Sun Weekly",
            "Grid Notes",
            "Silk Road Energy Letter",
            "Central Asia Power Week",
        )
    )
    paragraphs = [
        f"{outlet.upper()} — Issue {issue}\nYour weekly digest of energy news from {w.country(host)}, "
        f"{w.country(partner)} and their neighbours"
    ]
    kinds = rng.sample(["capacity", "meeting", "agreement", "numbers", "capacity", "calendar"], rng.randint(3, 5))
    for index, kind in enumerate(kinds, 1):
        country = COUNTRY_BY_NAME[rng.choice(HOSTS)] if index > 1 else host
        if kind == "capacity":
            project = w.project(country)
            text = capacity_sentence(w, project, rng.choice(("operating", "under construction", "planned")))
            if rng.random() < 0.5:
                text += " " + number_trap(w, country)
            heading = "NEW CAPACITY"
        elif kind == "meeting":
            first = w.official(country, rng.choice(("energy", "deputy_energy")))
            company = w.company(partner)
            second = w.executive(company)
            day = published - timedelta(days=rng.randint(1, 6))
            when, gold = past_day(rng, published, day)
            city = rng.choice((country.capital, country.capital, rng.choice(country.cities)))
            text = talks_sentence(w, w.intro(first), w.intro(second), when, f" in {w.place(city)}")
            text += " " + say(rng, ["[No new agreements were announced.|They reviewed ongoing projects.]"])
            w.meeting(f"{first.name} meets {second.name}", gold, city, [first.name, second.name])
            heading = "PEOPLE AND MEETINGS"
        elif kind == "agreement":
            company = w.company(partner)
            orgs = [w.ministry(country), company]
            agreement_kind = pick_kind(w, "company")
            day = published - timedelta(days=rng.randint(0, 6))
            when, gold = past_day(rng, published, day)
            topic, gold_topic = capacity_topic(w, w.project(country, owner=company))
            text = signing_sentence(w, [w.org_first(org) for org in orgs], agreement_kind, "company", topic, when)
            w.agreement(agreement_kind, gold, [org.name for org in orgs], gold_topic)
            heading = "DEALS"
        elif kind == "numbers":
            text = (
                number_trap(w, country)
                + " "
                + agreement_trap(
                    w, [w.org_first(w.company(partner)), w.country(country)], rng.choice(COOPERATION_TOPICS)
                )
            )
            heading = "WATCH LIST"
        else:
            event = w.entity(event_name(w, country, country.capital), "Event")
            when, gold = future_when(rng, published, w.future_day(20, 150))
            text = say(
                rng,
                ["The {E} will take place in {C} {W}. Registration is open.", "Save the date: the {E}, {C}, {W}."],
                E=event,
                C=w.place(country.capital),
                W=when,
            )
            w.meeting(event, gold, country.capital, [], True)
            w.trap("the calendar item is a planned meeting without participants")
            heading = "THE CALENDAR"
        w.entity(country.name, "Country", country.aliases)
        paragraphs.append(f"{index}. {country.name.upper()}: {heading}\n{text}")
    if outlet.endswith("Week"):
        w.trap(f"'{outlet}' is the newsletter's name, not an event")
    w.filler_heading = "BACKGROUND"
    w.tail = [
        f"———\nYou are receiving this email because you subscribed to {outlet}. Forward it to a colleague, or "
        f"unsubscribe here. © {published.year} {outlet}."
    ]
    w.title = f"{outlet} #{issue}: " + rng.choice(
        ("deals, plants and a busy calendar", "new capacity and new partners", "what moved this week")
    )
    w.dateline_city = ""
    w.blocks = 1
    return ["\n\n".join(paragraphs)]


def oped(w: Writer) -> list[str]:
    """An analysis piece with a byline: background facts from months and years before, quoted experts."""
    rng, published = w.rng, w.published
    host, partner = pick_pair(w, leaders=rng.random() < 0.5)
    author = w.expert()
    byline = f"By {w.bare(author)}"
    paragraphs = [
        byline,
        say(
            rng,
            [
                "Few relationships have changed {H}'s energy sector as much as its ties with {P}. [Over the past "
                "decade|In recent years], {P} has become [a leading|the main] source of equipment, money and "
                "know-how for the country's power plants.",
                "When officials in {H} talk about the energy transition, {P} is [rarely|never] far from the "
                "conversation. The question is no longer whether {P} will shape the sector, but how.",
            ],
            H=w.country(host),
            P=w.country(partner),
        ),
    ]
    facts = []
    if partner.leader and rng.random() < 0.6:
        leader = w.official(host, "leader") if host.leader else w.official(host, "energy")
        year, month = w.earlier_month(3, 30)
        when, gold = past_month(rng, published, year, month)
        facts.append(
            say(
                rng,
                ["When {A} visited {P} {W}, energy [dominated|was high on] the agenda.", "{A} travelled to {P} {W}."],
                A=w.intro(leader),
                P=w.country(partner),
                W=when,
            )
        )
        w.meeting(f"Visit of {leader.name} to {partner.name}", gold, partner.name, [leader.name])
    if rng.random() < 0.7:
        facts.append(background_agreement(w, [w.ministry(host), w.company(partner)], "company"))
    if rng.random() < 0.6:
        facts.append(background_partnership(w, host, partner))
    for _ in range(rng.randint(1, 3)):
        country = rng.choice((host, host, COUNTRY_BY_NAME[rng.choice(HOSTS)]))
        company = w.company(partner)
        project = w.project(country, owner=company)
        sentence = capacity_sentence(w, project, rng.choice(("operating", "under construction", "planned")), company)
        if country is not host:
            sentence = continue_with(say(rng, ["[Beyond {H}|Further afield], "], H=w.country(host)), sentence)
        facts.append(sentence)
    rng.shuffle(facts)
    paragraphs += facts
    other = w.expert()
    quote = rng.choice(
        (
            "The money is there. What is missing are grids and bankable contracts.",
            "Cheap equipment changed the economics of solar in this region almost overnight.",
            "Governments want speed, but every new plant needs a grid connection first.",
            "The next bottleneck is not generation but transmission and storage.",
            "Investors will follow clear rules faster than they follow subsidies.",
        )
    )
    paragraphs.append(
        say(
            rng,
            [
                "“{Qc}” said {E}.",
                "{E} [argues|believes] that the role of {P} will keep growing. “{Q}”",
            ],
            Qc=quote[:-1] + ",",
            Q=quote,
            E=w.intro(other),
            P=w.country(partner),
        )
    )
    paragraphs.append(number_trap(w, host))
    if rng.random() < 0.5:
        role = author.styles[1][1]
        paragraphs.append(
            say(rng, ["{A} is {R} at {O}."], A=author.name, R=a_an(role), O=w.org_first(author.org_entity))
        )
        w.roles.append({"person": author.name, "role": role, "organization": author.organization})
    else:
        w.trap("the author's byline gives no role")
    w.title = rng.choice(
        (
            f"Opinion: {partner.name} and the future of {host.name}'s power sector",
            f"Analysis: why {host.name} keeps turning to {partner.name} for energy",
            f"Comment: {host.adjective} energy, {partner.adjective} money",
        )
    )
    w.dateline_city = ""
    w.blocks = 2
    return paragraphs


# --------------------------------------------------------------------------------------------
# Filler: background that states no fact of the five relations
# --------------------------------------------------------------------------------------------

QUOTE_OPENINGS = (
    "Energy cooperation with {P} is a priority for [us|our government|both sides].",
    "Our work with {P} is moving from words to concrete projects.",
    "[This|The] project shows what our countries can achieve together.",
    "Green energy is [no longer a choice but a necessity|the future of our economy].",
    "Investment in the grid is as important as investment in new plants.",
    "[We|Our companies] see enormous opportunities in {H}.",
    "The energy transition will not wait for anyone.",
    "Cooperation between our companies has reached a new level.",
)
QUOTE_FOLLOWS = (
    "We intend to move quickly.",
    "Our teams are already working on the next steps.",
    "We want to see results on the ground, not only on paper.",
    "The timing is right.",
    "There is much more we can do together.",
    "Our doors are open to serious investors.",
    "Local engineers will be involved at every stage.",
    "This will bring clean electricity to thousands of households.",
)
PARAPHRASES = (
    "the {H} market remained attractive for foreign investors",
    "the projects would be carried out on schedule",
    "local companies would take part in construction",
    "the two sides shared a long-term vision for the sector",
    "regulatory reforms had made it easier to connect new plants to the grid",
    "training local specialists was a priority",
)
ANALYST_CLAIMS = (
    "the region's grids will need heavy investment to absorb more wind and solar",
    "financing costs remain the main obstacle for developers",
    "equipment prices have fallen sharply over the past three years",
    "competition for land and grid connections is intensifying",
    "tariff reform will decide how fast private investors move",
    "the shortage of qualified engineers could slow the build-out",
    "storage will become indispensable as the share of renewables grows",
)


def filler_trade(w: Writer, first: Country, second: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "[Trade turnover|Bilateral trade] between {A} and {B} [reached|amounted to|stood at] ${X} billion in {Y}, "
            "[up|an increase of] {P} percent [from|on] the previous year. [Energy products|Fuel and equipment] "
            "[account for|make up] about {Q} percent of the total. [Officials hope|Both governments aim] to raise the "
            "figure to ${Z} billion within [five|a few] years.",
            "According to [customs|official] statistics, trade between {A} and {B} [came to|totalled] ${X} billion "
            "in {Y}. [Much of it|A growing share] consists of [electrical equipment, solar panels and cables|machinery "
            "and power equipment], while [exports|shipments] to {B} are dominated by [raw materials|agricultural "
            "goods and metals].",
        ],
        A=w.country(first),
        B=w.country(second),
        X=rng.choice(("1.2", "2.4", "3.8", "5.1", "7.6", "0.9", "11.3")),
        Y=str(w.published.year - 1),
        P=str(rng.randint(4, 38)),
        Q=str(rng.randint(10, 45)),
        Z=rng.choice(("5", "10", "15", "20")),
    )


def filler_power_mix(w: Writer, country: Country) -> str:
    rng = w.rng
    mix = "Natural gas [still generates|accounts for] about {P} percent of {C}'s electricity" + (
        ", with hydropower providing most of the rest." if country.hydro else "."
    )
    return say(
        rng,
        [
            mix + " Electricity consumption has grown by about {G} percent a year over the past decade, "
            "[driven by industry and a growing population|as industry and cities expand].",
            "{C} generated about {K} billion kWh of electricity in {Y}. [Demand|Consumption] is rising by {G} percent "
            "a year, and [officials|planners] say the country needs new generation and better interconnections to "
            "[keep up|avoid winter shortages].",
            "[Much of|Most of] {C}'s [power|generating] fleet dates back to the [1970s|1980s], and losses in "
            "distribution networks [exceed|are above] {L} percent. [Modernising the grid|Grid modernisation] is "
            "therefore [as urgent as|no less important than] building new plants.",
        ],
        C=w.country(country),
        P=str(rng.randint(35, 70)),
        G=rng.choice(("3", "4", "5", "6", "7")),
        K=rng.choice(("18", "27", "42", "65", "81", "120")),
        Y=str(w.published.year - 1),
        L=str(rng.randint(9, 18)),
    )


def filler_history(w: Writer, first: Country, second: Country) -> str:
    rng = w.rng
    year = rng.choice((1991, 1992, 1992, 1993, 1994, 1996, 1998))
    w.trap(f"diplomatic relations established in {year} are background, not an agreement")
    return say(
        rng,
        [
            "{A} and {B} established diplomatic relations in {Y}. [Since then|Over the years], [contacts|ties] have "
            "[expanded|grown] from trade to [transport, education and energy|energy, logistics and culture].",
            "Diplomatic relations between {A} and {B} date back to {Y}. More than {N} companies with {D} capital now "
            "operate in {A}, [according to official data|the chamber of commerce says].",
        ],
        A=w.country(first),
        B=w.country(second),
        D=second.adjective,
        Y=str(year),
        N=str(rng.randint(40, 900)),
    )


def _quote_line(w: Writer, pool: Sequence[str], slots: dict[str, str]) -> str:
    """A line from ``pool`` not yet quoted in this article (if any is left)."""
    rng = w.rng
    for _ in range(6):
        line = expand(w.rng, rng.choice(pool)).format(**slots)
        if line not in w.taken:
            break
    w.taken.add(line)
    return line


def filler_quote(w: Writer, speaker: Person, host: Country, partner: Country) -> str:
    rng = w.rng
    slots = {"H": host.name, "P": partner.name}
    first = _quote_line(w, QUOTE_OPENINGS, slots)
    second = _quote_line(w, QUOTE_FOLLOWS, slots)
    paraphrase = _quote_line(w, PARAPHRASES, slots)
    first_comma = first[:-1] + ","
    second_comma = second[:-1] + ","
    return say(
        rng,
        [
            "“{Q1} {Q2c}” {S} said.",
            "“{Q1c}” {S} [told reporters|said in a statement|noted]. “{Q2}”",
            "{S} [said|noted|stressed] that {X}. “{Q1}”",
            "[Speaking to reporters|In remarks after the talks], {S} said that {X}. “{Q2}”",
            "“{Q1c}” [said|added] {S}.",
        ],
        Q1=first,
        Q1c=first_comma,
        Q2=second,
        Q2c=second_comma,
        S=speaker.title if speaker.title and rng.random() < 0.15 else w.ref(speaker),
        X=paraphrase,
    )


def filler_analysis(w: Writer, country: Country) -> str:
    rng = w.rng
    first, second = rng.sample(ANALYST_CLAIMS, 2)
    return say(
        rng,
        [
            "[Analysts|Industry observers|Market watchers] say {A}. [They also note|Others point out] that {B}.",
            "[According to|In the view of] [consultants|independent experts] who follow {C}'s power market, {A}, "
            "and {B}.",
        ],
        A=first,
        B=second,
        C=w.country(country),
    )


def filler_jobs(w: Writer) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "The [investments|new projects] are expected to create about {N} jobs during construction and {M} "
            "permanent positions. [Around|About] {E} local engineers will be trained [abroad|at the manufacturers' "
            "facilities|in partnership with local universities].",
            "[Officials|The authorities] expect the construction phase to employ {N} people, most of them local "
            "residents. [Suppliers|Contractors] have been asked to source [cement, steel and cables|materials] locally "
            "where possible.",
        ],
        N=rng.choice(("800", "1,200", "1,500", "2,000", "3,500")),
        M=rng.choice(("60", "90", "150", "200", "350")),
        E=rng.choice(("100", "150", "300", "500")),
    )


def filler_climate(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "{C} has pledged to cut greenhouse gas emissions by {P} percent by {Y}[ compared with 1990 levels|]. "
            "[Renewables are|Clean power is] central to that [plan|pledge], along with [energy efficiency|lower gas "
            "flaring|a reform of heating].",
            "Freeing up gas now burned in power plants would allow {C} to [export more|sell more abroad], a "
            "[point|consideration] that [weighs heavily|features prominently] in the government's energy strategy to "
            "{Y}.",
        ],
        C=w.country(country),
        P=str(rng.randint(15, 40)),
        Y=rng.choice(("2030", "2035", "2050", "2060")),
    )


def filler_prices(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "The average tariff for [industrial|household] consumers in {C} is about {X} US cents per kWh, "
            "[among the lowest in the region|well below the cost of new supply]. [Tariff reform|Pricing] remains "
            "[politically sensitive|a delicate issue].",
            "[Electricity prices|Power tariffs] in {C} [rose|were raised] by {P} percent [last year|in {Y}], the "
            "[first|second] increase in [several years|a decade], as the government [seeks to|tries to] attract "
            "private investment.",
        ],
        C=w.country(country),
        X=rng.choice(("3", "4.5", "5", "6.2", "7.8")),
        P=str(rng.randint(8, 35)),
        Y=str(w.published.year - 1),
    )


def filler_company(w: Writer, org: Org) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "{CO} [was founded in|has been active since] {Y} and [employs|has] about {N} [people|staff]. It has "
            "[built|delivered] projects in more than {K} countries.",
            "{CO} [reported|posted] revenue of ${R} billion [last year|in {L}] and [is expanding|wants to expand] "
            "abroad, [particularly|especially] in [Central Asia|emerging markets].",
        ],
        CO=w.org_again(org),
        Y=str(rng.randint(1958, 2016)),
        N=rng.choice(("1,800", "4,500", "12,000", "26,000", "60,000")),
        K=str(rng.randint(6, 60)),
        R=rng.choice(("1.4", "3.2", "8.7", "15", "42")),
        L=str(w.published.year - 1),
    )


def filler_project(w: Writer, project: Project) -> str:
    rng = w.rng
    subject = f"The {project.name}" if project.name else "The plant"
    return say(
        rng,
        [
            "{S} will [occupy|cover] about {H} hectares [of desert|of former farmland|of state land] and will be "
            "connected to the grid through a new {KV} kV substation. [Construction|The works] will be carried out by "
            "[local contractors|a consortium of local and foreign contractors], with equipment [shipped|delivered] "
            "in stages.",
            "{S} is expected to cost about ${M} million. [Part of the financing|Most of the money] will come from "
            "[development banks|commercial lenders|export credit agencies], and the output will be sold under a "
            "[long-term|25-year] contract with the [state|national] grid company.",
        ],
        S=subject,
        H=rng.choice(("150", "320", "600", "900", "1,400")),
        KV=rng.choice(("110", "220", "330", "500")),
        M=rng.choice(("90", "180", "260", "410", "650", "980")),
    )


def filler_region(w: Writer) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Governments across [Central Asia|the region] are [racing|rushing] to add wind and solar as [dry summers "
            "reduce hydropower output|droughts cut hydropower output] and winter demand strains ageing grids. "
            "Cross-border electricity trade is [growing|expected to grow], but [market rules|tariffs and rules] still "
            "differ widely from country to country.",
            "For [investors|developers|foreign companies|lenders], the region offers [strong|abundant|reliable] "
            "sunshine, [steady|strong|reliable] winds and governments eager to sign long-term contracts. "
            "[The risks|The obstacles] are [familiar|well known]: currency swings, slow permitting and grids that "
            "were designed for a few large power stations.",
        ],
    )


def filler_finance(w: Writer) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "[Most|Many] renewable projects in the region have been financed with a mix of loans from development "
            "banks, export credit agencies and commercial lenders, often backed by [sovereign|government] guarantees. "
            "[Bankers|Lenders] say [contract terms|power purchase terms] have become more predictable over the past "
            "[two|three] years.",
            "[Financing|Funding|Borrowing|Capital] costs remain [high|elevated|a concern]. Interest rates on "
            "[local-currency|dollar] loans [exceed|are above] {R} percent in several markets, which is why developers "
            "[rely on|turn to] concessional finance for [the first projects|early projects].",
        ],
        R=rng.choice(("8", "10", "12", "15")),
    )


def filler_skills(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Universities in {C} have opened [new programmes|courses] in renewable energy engineering, and about {N} "
            "students enrolled [last year|this year]. [Employers|Companies] say [the shortage of|finding] skilled "
            "technicians [remains a bottleneck|is still hard].",
            "[Training|Skills training|The skills gap|Staffing|Finding qualified staff] is a recurring [theme|concern|"
            "topic]. [Foreign|International] developers working in {C} are "
            "[required|expected] to hire local staff, and several have set up training centres near their plants.",
        ],
        C=w.country(country),
        N=rng.choice(("400", "900", "1,500", "2,300")),
    )


def filler_resources(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "{C} [enjoys|has] about {D} sunny days a year, and average wind speeds in [the windiest areas|its "
            "steppes and mountain passes] exceed {V} metres per second. [Those conditions|Such conditions] have drawn "
            "[developers|investors] from [Asia, Europe and the Gulf|across the world].",
        ],
        C=w.country(country),
        D=rng.choice(("250", "280", "300", "320")),
        V=rng.choice(("7", "8", "9", "7.5")),
    )


def filler_water(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "[Low water|Dry weather] cut hydropower output in {C} by about {P} percent [last year|in {Y}], forcing the "
            "[grid operator|government] to [import electricity|burn more gas] during the winter. Reservoir levels "
            "[remain below the long-term average|are still below their usual levels|have yet to recover], [officials "
            "say|according to the water agency|hydrologists say|the ministry says].",
        ],
        C=w.country(country),
        P=str(rng.randint(8, 25)),
        Y=str(w.published.year - 1),
    )


def filler_heating(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Winter is the [hardest|most difficult] season for {C}'s power system. Demand for heating peaks in "
            "[January|December and January], and old combined heat and power plants in {T} [struggle|often struggle] "
            "to keep up.",
        ],
        C=w.country(country),
        T=w.place(country.capital),
    )


def filler_logistics(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Equipment for projects in {C} [usually arrives|typically travels] by rail from {R}, a journey of about "
            "{D} days. Customs clearance has become faster in recent years, [officials|logistics companies] say, "
            "but [transport|freight] still adds [noticeably|several percent] to project costs.",
        ],
        C=w.country(country),
        R=rng.choice(("Chinese ports", "the Caspian ports", "Black Sea ports", "Gulf ports", "European factories")),
        D=rng.choice(("12", "18", "25", "30")),
    )


def filler_hydrogen(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "{C} is also [studying|exploring] green hydrogen. A pilot project designed to produce about {T} tonnes of "
            "hydrogen a year is under study, although [officials|analysts] [caution|say] that [costs remain "
            "high|large-scale production is years away].",
        ],
        C=w.country(country),
        T=rng.choice(("500", "2,000", "5,000", "20,000")),
    )


def filler_coal(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Coal still [supplies|accounts for] about {P} percent of {C}'s electricity[, mostly from plants built "
            "decades ago|]. The government [intends|plans] to retire the oldest units by {Y} and replace them with "
            "[gas and renewables|cleaner sources].",
        ],
        C=w.country(country),
        P=str(rng.randint(5, 25)),
        Y=rng.choice(("2030", "2032", "2035")),
    )


def filler_incentives(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "To attract investors, {C} [offers|has introduced] incentives for renewable developers, including "
            "[exemptions from customs duties on equipment|a {N}-year exemption from property tax] and [guaranteed "
            "grid access|long-term purchase contracts in dollars].",
        ],
        C=w.country(country),
        N=rng.choice(("five", "seven", "ten")),
    )


def filler_auction(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "[The latest|A recent] [auction|tender] for renewable projects in {C} attracted {N} bids from {K} "
            "countries. The winning [tariff|bid] was {X} US cents per kWh, [a record low|one of the lowest in the "
            "region], [officials said|according to the organisers].",
        ],
        C=w.country(country),
        N=str(rng.randint(9, 60)),
        K=str(rng.randint(4, 15)),
        X=rng.choice(("1.8", "2.3", "2.9", "3.4", "4.1")),
    )


def filler_meters(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "Distribution companies in {C} have installed smart meters in [about|more than] {N} households[ since "
            "{Y}|], [cutting|reducing] [commercial losses|unpaid bills] [sharply|noticeably].",
        ],
        C=w.country(country),
        N=rng.choice(("400,000", "900,000", "1.5 million", "2 million")),
        Y=str(w.published.year - rng.randint(2, 5)),
    )


def filler_community(w: Writer) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "[Not everyone is enthusiastic|Local reactions are mixed|Support is not universal|The projects have "
            "critics too|Some residents remain sceptical|Local opinion is divided]. [Herders|Farmers] near several "
            "project sites have [complained|raised concerns] about [access to pasture|land use], and developers have "
            "[promised|agreed] to [build roads and schools|fund local infrastructure] in exchange.",
        ],
    )


def filler_economy(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "{C}'s economy grew by {G} percent [last year|in {Y}], [and inflation slowed to|while inflation stood at] "
            "{I} percent. [Energy-intensive industries|Mining and metals|Cement and chemicals producers|Steelmakers "
            "and miners], which [use|consume|account for] a large share of the country's electricity, [are "
            "expanding|plan to expand|are increasing] [production|output].",
        ],
        C=w.country(country),
        G=rng.choice(("3.1", "4.8", "5.6", "6.2", "7.4")),
        I=rng.choice(("4", "6.5", "8", "9.7", "11")),
        Y=str(w.published.year - 1),
    )


def filler_first_plants(w: Writer, country: Country) -> str:
    rng = w.rng
    return say(
        rng,
        [
            "The first utility-scale solar plant in {C} was connected to the grid [only|] in {Y}. Since then, "
            "[dozens of|a series of] projects have been [announced|proposed], though [not all|only some] have "
            "reached financial close.",
        ],
        C=w.country(country),
        Y=str(rng.randint(2014, 2021)),
    )


def filler_paragraph(w: Writer, preceding: str, quotes: bool = True) -> str | None:
    """One background paragraph of a kind not yet used in this article (None when none is left).

    Quotes are only given to people already introduced in ``preceding``, the text before the paragraph."""
    rng = w.rng
    host = w.focus[0]
    partner = w.focus[1] if len(w.focus) > 1 else rng.choice(COUNTRIES)
    speakers = [person for person in w.speakers if person.name in preceding]
    fresh = [person for person in speakers if f"quoted:{person.name}" not in w.taken]
    kinds: list[tuple[str, Callable[[], str]]] = [
        ("trade", lambda: filler_trade(w, host, partner)),
        ("mix", lambda: filler_power_mix(w, host)),
        ("analysis", lambda: filler_analysis(w, host)),
        ("jobs", lambda: filler_jobs(w)),
        ("climate", lambda: filler_climate(w, host)),
        ("prices", lambda: filler_prices(w, host)),
        ("history", lambda: filler_history(w, host, partner)),
        ("region", lambda: filler_region(w)),
        ("finance", lambda: filler_finance(w)),
        ("skills", lambda: filler_skills(w, host)),
        ("resources", lambda: filler_resources(w, host)),
        ("heating", lambda: filler_heating(w, host)),
        ("logistics", lambda: filler_logistics(w, host)),
        ("hydrogen", lambda: filler_hydrogen(w, host)),
        ("coal", lambda: filler_coal(w, host)),
        ("incentives", lambda: filler_incentives(w, host)),
        ("auction", lambda: filler_auction(w, host)),
        ("meters", lambda: filler_meters(w, host)),
        ("community", lambda: filler_community(w)),
        ("economy", lambda: filler_economy(w, host)),
        ("first-plants", lambda: filler_first_plants(w, host)),
    ]
    if host.hydro:
        kinds.append(("water", lambda: filler_water(w, host)))
    named = [p for p in w.projects if p.name and p.name in preceding and p.status in ("planned", "under construction")]
    if named:
        kinds.append(("project", lambda: filler_project(w, rng.choice(named))))
    companies = [org for org in w.orgs if org.kind == "company" and org.mentioned and org.short in preceding]
    if companies:
        kinds.append(("company", lambda: filler_company(w, rng.choice(companies))))
    kinds = [(name, make) for name, make in kinds if f"filler:{name}" not in w.taken]
    quoted = sum(1 for person in w.speakers if f"quoted:{person.name}" in w.taken)
    if quotes and fresh and quoted < 3:
        speaker = rng.choice(fresh)
        kinds += [("quote", lambda: filler_quote(w, speaker, host, partner))] * 3
    if not kinds:
        return None
    name, make = rng.choice(kinds)
    if name == "quote":
        w.taken.add(f"quoted:{speaker.name}")
    else:
        w.taken.add(f"filler:{name}")
    return make()


# --------------------------------------------------------------------------------------------
# One article, and a corpus
# --------------------------------------------------------------------------------------------

GENRES: tuple[tuple[Callable[[Writer], list[str]], int], ...] = (
    (readout, 24),
    (signing, 15),
    (project_news, 18),
    (partnership_upgrade, 9),
    (forum, 12),
    (call, 8),
    (brief, 8),
    (oped, 6),
)
_GENRE_FUNCTIONS = tuple(genre for genre, _ in GENRES)
_GENRE_WEIGHTS = tuple(weight for _, weight in GENRES)


def word_count(text: str) -> int:
    return len(text.split())


def source_line(w: Writer, slug: str) -> tuple[str, str]:
    """The Source header (an outlet or a URL) and the outlet's name for a dateline."""
    rng = w.rng
    outlet, domain = rng.choice(OUTLETS)
    if domain and rng.random() < 0.6:
        day = w.published
        path = rng.choice(("en/news", "energy", "business/energy", "news/region"))
        return f"https://{domain}/{path}/{day.year}/{day.month:02d}/{day.day:02d}/{slug.replace('_', '-')}", outlet
    return outlet, outlet if domain else ""


def write_article(seed: int, index: int) -> tuple[str, str, dict]:
    """Article ``index`` of the corpus ``seed``: its file stem, its text and its gold."""
    rng = random.Random(f"{seed}:{index}")
    published = FIRST_PUBLISHED + timedelta(days=rng.randrange(PUBLISHED_DAYS + 1))
    w = Writer(rng, published)
    genre = rng.choices(_GENRE_FUNCTIONS, _GENRE_WEIGHTS)[0]
    facts = [tidy(paragraph) for paragraph in genre(w)]
    target = rng.triangular(250, 900, 400)
    fixed = facts[: w.blocks]
    movable = facts[w.blocks :]
    words = sum(word_count(p) for p in facts + w.tail) + 20
    appended: list[str] = []
    while words < target:
        position = len(movable) if w.filler_heading else rng.randint(0, len(movable))
        preceding = "\n".join(fixed + movable[:position])
        paragraph = filler_paragraph(w, preceding)
        if paragraph is None:
            break
        if rng.random() < 0.45 and "“" not in paragraph:
            second = filler_paragraph(w, preceding, quotes=False)
            if second is not None:
                paragraph += " " + second
        paragraph = tidy(paragraph)
        if words + word_count(paragraph) > 900:
            break
        words += word_count(paragraph)
        if w.filler_heading:
            appended.append(paragraph)
        else:
            movable.insert(position, paragraph)
    body = fixed + movable
    if appended:
        body.append(f"{w.filler_heading}\n" + "\n\n".join(appended))
    body += w.tail
    slug = slugify(w.title)
    stem = f"{index:06d}_{slug}"
    source, outlet = source_line(w, slug)
    if w.dateline_city and body:
        body[0] = dateline(w, w.dateline_city, outlet) + body[0]
    text = "\n".join(
        (f"Title: {w.title}", f"Published: {published.isoformat()}", f"Source: {source}", "---", "\n\n".join(body))
    )
    gold = {
        "id": stem,
        "title": w.title,
        "published": published.isoformat(),
        "facts_from": [],
        "entities": list(w.entities.values()),
        "meetings": w.meetings,
        "agreements": w.agreements,
        "partnerships": w.partnerships,
        "capacities": w.capacities,
        "roles": w.roles,
        "traps": w.traps,
    }
    return stem, text + "\n", gold


def generate(folder: Path, count: int, *, seed: int = 0) -> dict:
    """Write ``count`` articles and their gold under ``folder`` (``articles/``, ``gold/``); return totals."""
    folder = Path(folder)
    articles, golds = folder / "articles", folder / "gold"
    articles.mkdir(parents=True, exist_ok=True)
    golds.mkdir(parents=True, exist_ok=True)
    summary = {
        "articles": 0,
        "words": 0,
        "meetings": 0,
        "agreements": 0,
        "partnerships": 0,
        "capacities": 0,
        "roles": 0,
    }
    for index in range(count):
        stem, text, gold = write_article(seed, index)
        (articles / f"{stem}.txt").write_text(text, encoding="utf-8")
        (golds / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        summary["articles"] += 1
        summary["words"] += word_count(text.split("\n---\n", 1)[1])
        for relation in ("meetings", "agreements", "partnerships", "capacities", "roles"):
            summary[relation] += len(gold[relation])
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--out", type=Path, required=True, help="folder for articles/ and gold/")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be at least 0")
    start = time.perf_counter()
    summary = generate(args.out, args.articles, seed=args.seed)
    seconds = time.perf_counter() - start
    print(
        f"{summary['articles']} articles, {summary['words']} words; {summary['meetings']} meetings, "
        f"{summary['agreements']} agreements, {summary['partnerships']} partnerships, {summary['capacities']} "
        f"capacities, {summary['roles']} roles; {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
