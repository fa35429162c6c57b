"""The words names are made of: legal forms and organization heads ("… Co., Ltd.", "… Institute"),
titles and honorifics ("Deputy Prime Minister", "His Excellency"), particles that join a name
("bin", "von der"), and the capitalised words that are never names (months, function words). The
mention reader (``mentions``) and the entity resolver (``entities``) share them."""

from __future__ import annotations

import re

# Legal forms end a company's name: "… Co., Ltd.", "… LLC".
LEGAL_FORMS = {
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "Limited",
    "Inc.",
    "JSC",
    "PLC",
    "CJSC",
    "OJSC",
    "S.A.",
    "S.p.A.",
    "SpA",
    "AG",
    "GmbH",
    "N.V.",
    "B.V.",
    "Pte.",
    "Pte",
    "Bhd",
    "Berhad",
    "A.Ş.",
    "ASA",
}
PREFIX_LEGAL_FORMS = {"JSC", "OJSC", "CJSC", "PJSC", "LLC"}  # written before the name in post-Soviet usage
ORG_HEADS = LEGAL_FORMS | {
    "Administration",
    "Agency",
    "Bank",
    "University",
    "School",
    "Institute",
    "Academy",
    "Foundation",
    "Organization",
    "Organisation",
    "Group",
    "Corporation",
    "Corp.",
    "Corp",
    "Company",
    "Council",
    "Committee",
    "Commission",
    "Authority",
    "Fund",
    "Association",
    "Federation",
    "Secretariat",
    "Department",
    "Office",
    "Centre",
    "Center",
    "Resources",
    "Power",
    "Holding",
    "Holdings",
    "Consortium",
    "Sciences",
    "Chamber",
    "Parliament",
    "Government",
    "Cabinet",
    "Ministry",
    "Ministries",
    "Alliance",
    "Network",
    "Union",
    "College",
    "Observatory",
    "Laboratory",
    "Grid",
    "Grids",
    "Enterprises",
    "Industries",
    "Partners",
    "Railway",
    "Railways",
    "Port",
    "Ports",
    "Airlines",
    "Electrosystem",
    "Investments",  # "Kestrel Strategic Investments"
    "Park",  # "Navoi Industrial Park"
    "Police",  # "the Federal Police"
    "Service",  # "the Customs Service"
    "Board",  # "Investment Board Norland"
    "Assembly",  # "the National Assembly"
    "Operator",  # "Gas Transmission System Operator of Norland"
    "Regulator",
}
ORG_TAIL_WORDS = {
    "Investment",
    "Investments",
    "Holding",
    "International",
    "Overseas",
    "Engineering",
    "Construction",
    "Trading",
    "Services",
    "Solutions",
    "Technologies",
    "Technology",
    "Renewables",
    "Green",
    "Energy",
    "Power",
}
# Heads whose "of …" / "for …" makes a name: "Board of Investment of X", "Centre for Strategic
# Studies" (a head alone, "the Board", names nobody).
COMPLEMENT_HEADS = {
    *("Administration", "Agency", "Bank", "University", "School", "Institute", "Academy", "Foundation"),
    *("Organization", "Organisation", "Corporation", "Company", "Council", "Committee", "Commission"),
    *("Authority", "Fund", "Association", "Federation", "Secretariat", "Department", "Office", "Centre"),
    *("Center", "Chamber", "Cabinet", "Alliance", "Network", "Union", "College", "Observatory"),
    *("Laboratory", "Consortium", "Port", "Board", "Bureau", "Directorate", "Inspectorate", "Society"),
    *("Service", "Trust", "Programme", "Program"),
}
# French, Spanish and Portuguese names start with their head and join their words with particles:
# "Société Nationale d'Électricité du Sénégal", "Banco de Desarrollo de America Latina".
ROMANCE_HEADS = {
    *("Société", "Compagnie", "Agence", "Banque", "Caisse", "Institut", "Ministère", "Autorité", "Conseil"),
    *("Électricité", "Electricité", "Régie", "Empresa", "Banco", "Agencia", "Compañía", "Companhia"),
    *("Instituto", "Ministerio", "Comisión", "Comissão", "Corporación", "Centro", "Fondo", "Fundación"),
    *("Fundação", "Autoridad", "Secretaría", "Consejo"),
}
ROMANCE_PARTICLES = {
    *("de", "del", "della", "di", "du", "des", "la", "las", "los", "le", "les", "el", "pour", "para"),
    *("por", "y", "et", "e", "do", "da", "dos", "das", "em", "en", "au", "aux"),
}
ELIDED_WORD = re.compile(r"[dlDL]['’][A-ZÀ-Ý]")  # "d'Électricité", "l'Eau"
GOVERNMENT_WORDS = {
    "Ministère",
    "Ministerio",
    "Ministry",
    "Administration",
    "Agency",
    "Commission",
    "Authority",
    "Government",
    "Cabinet",
    "Parliament",
    "Department",
    "Office",
    "Secretariat",
    "Council",
}
COMPANY_WORDS = LEGAL_FORMS | {
    *("Société", "Compagnie", "Empresa", "Compañía", "Companhia"),
    "Corporation",
    "Corp.",
    "Corp",
    "Company",
    "Group",
    "Holding",
    "Holdings",
    "Power",
    "Resources",
    "Enterprises",
    "Industries",
}
LEGAL_SUFFIXES = {
    *("co", "ltd", "llc", "limited", "inc", "jsc", "plc", "cjsc", "ojsc", "corp"),
    *("sa", "spa", "ag", "gmbh", "nv", "bv", "pte", "bhd", "berhad", "asa"),
}
# Last words of a venue's or a landmark's name: "the Planalto Palace", "the Great Hall", "Pulkovo Airport"
PLACE_HEADS = {
    *("Palace", "Hall", "Square", "Airport", "Stadium", "Arena", "Hotel", "Residence", "Pavilion", "Kremlin"),
    *("Island", "Islands", "River", "Lake", "Valley", "Desert", "Mountains", "Bay", "Street", "Avenue"),
}
EVENT_HEADS = {
    "Forum",
    "Summit",
    "Conference",
    "Meeting",
    "Meetings",
    "Week",
    "Expo",
    "Exhibition",
    "Congress",
    "Roundtable",
    "Ceremony",
    "Dialogue",
    "Session",
    "Festival",
    "Talks",
    "Symposium",
    "Workshop",
    "Retreat",
}
TITLE_CORE = (
    r"(?:President|Vice[- ]President|Prime Minister|PM|FM|Premier|Minister|Chairman|Chairwoman|Chairperson|"
    r"Chair|Vice[- ]Chairman|Administrator|Director[- ]General|Director|Head|Secretary[- ]General|"
    r"Secretary|Ambassador|Consul[- ]General|Consul|Governor|Mayor|Rector|CEO|Chief Executive(?: Officer)?|"
    r"Chief (?:Technology|Operating|Financial|Commercial|Investment|Strategy|Sustainability|Technical) Officer|"
    r"General Manager|Managing Director|Founder|Spokesperson|Spokesman|Envoy|Special Envoy|"
    r"Commissioner|Vice[- ]Chancellor|Chancellor|King|Emir|Crown Prince|Advisor|Adviser|Assistant|Representative|"
    r"Speaker|Chief|Manager|Partner|Dean|Professor|Academician)"
)
TITLE_MODIFIER = (
    r"(?:(?:First|Deputy|Vice|Executive|Acting|Former|Senior|Chief|General|Prime|Foreign|Energy|Federal|State|"
    r"Economy|Economic|Finance|Trade|Defen[cs]e|Agriculture|Ecology|Education|Science|Digital|"
    r"Industry|Environment|Transport|Health|Culture|Interior|Justice|Labor|Labour|Tourism|Climate)\s+)*"
)
# "Energy and Natural Resources Minister", "Investment, Trade and Industry Minister": a minister's portfolio
_PORTFOLIO_WORD = (
    r"(?:Energy|Natural|Resources|Mines|Mining|Mineral|Trade|Industry|Climate|Environment|Water|Economy|Economic|"
    r"Planning|Foreign|Affairs|Investment|Finance|Agriculture|Infrastructure|Transport|Digital|Development|"
    r"Science|Technology|Ecology|Oil|Gas|Petroleum|Power|Electricity|Commerce|Fuel|Utilities|Equipment|Housing|"
    r"Irrigation|Hydrocarbons)"
)
_PORTFOLIO = rf"(?:(?:{_PORTFOLIO_WORD},?\s+){{1,3}}(?:and|&)\s+(?:{_PORTFOLIO_WORD}\s+){{1,2}}(?=Minister\b))?"
TITLE = re.compile(rf"{_PORTFOLIO}{TITLE_MODIFIER}{TITLE_CORE}s?\b")
# the words of a ministry's field ("Minister of Mining and Energy"), which begin no name after it
PORTFOLIO_WORDS = set(re.findall(r"[A-Z][a-z]+", _PORTFOLIO_WORD + TITLE_MODIFIER)) | {
    *("Affairs", "Education", "Relations", "Protection", "Security", "Emergency", "Situations", "Housing"),
    *("Communications", "Works", "Labour", "Population", "Innovation", "Industry", "Higher", "Natural"),
    "Deal",  # "Executive Vice-President for the European Green Deal Frans Timmermans"
}
TITLE_WORDS = set(re.findall(r"[A-Z][a-z]+", TITLE_CORE + TITLE_MODIFIER)) | {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof."}
TITLE_WORDS.add("CEO")
HONORIFICS = {
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Prof.",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Academician",
    "Professor",
    "Sheikh",
    "Sheikha",
    "Prince",
    "Princess",
    "HH",
    "HRH",
    "Highness",
    "Majesty",
    "Excellency",
    "H.E.",
    "Hon.",
    "Hon",
    "Shri",
    "Smt.",
    "Smt",
    "Shrimati",
    "Datuk",
    "Dato'",
    "Datin",
    "Dato",
    "Dato’",
    "Seri",  # "Datuk Seri Anwar Ibrahim"
    "Eng.",
    "Engr.",
}
CONNECTORS = {"of", "and", "for", "on", "the", "&", "de", "in"}
# "Mohamed bin Zayed Al Nahyan", "Ursula von der Leyen": lower-case particles inside names
NAME_JOINERS = {"bin", "bint", "ibn", "binti", "al", "von", "van", "der", "den", "da", "dos", "de", "del", "di"}
# "Tashkent on Monday for the … Forum" is two names: a day or month never joins a name
CALENDAR_WORDS = {
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
}
FUNCTION_WORDS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "During",
    "After",
    "Before",
    "While",
    "When",
    "Under",
    "But",
    "And",
    "Or",
    "According",
    "Earlier",
    "Later",
    "Both",
    "Some",
    "All",
    "Among",
    "Also",
    "Meanwhile",
    "However",
    "There",
    "Here",
    "With",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "If",
    "Since",
    "Through",
    "Following",
    "Besides",
    "Speaking",
    "Addressing",
    "Representatives",
    "Participants",
    "Delegations",
    "Officials",
    "Last",
    "Next",
    "Today",
    "Yesterday",
    "Credit",
    "Photo",
    "Do",
    "Donate",
    "Check",
    "Editor",
    "Contact",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Such",
    "Other",
    "Each",
    "Every",
    "Many",
    "Several",
    "Two",
    "Three",
    "Chinese",
    "Within",
    "Over",
    "Despite",
    "Then",
    "Now",
    "Still",
    "Yet",
    "Instead",
    "Together",
    "Finally",
    "Separately",
    "Elsewhere",
    "Further",
    "Additional",
    *("MW", "GW", "kW", "MWh", "GWh", "TWh", "kV", "MWp", "GWp"),  # units are no names ("the 669 MW Lower Arun")
    "Including",
} | CALENDAR_WORDS
# Capitalised words that start names of things but are never part of a person's name.
NON_NAME_WORDS = {
    "Governments",  # "the Governments of A and B": the two countries, no name
    "Green",
    "Energy",
    "Renewable",
    "Solar",
    "Wind",
    "Offshore",
    "Oil",
    "Gas",
    "Belt",
    "Road",
    "State",
    "National",
    "Joint",
    "Declaration",
    "Memorandum",
    "Agreement",
    "Statement",
    "Strategic",
    "Comprehensive",
    "Partnership",
    "Cooperation",
    "Project",
    "Projects",
    "Plant",
    "Corridor",
    "Route",
    "Initiative",
    "Heads",
    "Ministers",
    "Climate",
    "Change",
    "Industrial",
    "Innovation",
    "Report",
}
# "Aliyev", "Al-Nahyan", "SOCAR", "S.", and written as one word: "TotalEnergies", "AlNowais"
# capitals beyond ASCII ("Đedović", "Śliwa", "Özdemir", "İlham"): a name may start with any of them
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
NAME_TOKEN = re.compile(
    rf"^(?!(?:Then|Former|Ex|Late|Now)-)(?:[{_UPPER}][a-z\u00C0-\u024F'’]+(?:-[A-Za-z\u00C0-\u024F'’]+)*(?:[A-Z][a-z\u00C0-\u024F]+)*|"
    # "TEH2", "S-Oil": a company's acronym with a digit, a letter and a word (not "CO2", a gas)
    r"[A-Z]{2,}[a-z]*|(?!(?:CO|CH|NO|SO)\d)[A-Z]{2,}\d{1,2}|[A-Z]-[A-Z][a-z]+|[A-Z]\.|"
    r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z][a-z\u00C0-\u024F'’]+)$"
)
