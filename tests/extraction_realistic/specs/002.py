def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

SPEC = {
    "file": "002_reuters_moldova_vote_buying.txt",
    "title": "Moldova says Russian-funded scheme paid voters ahead of EU referendum",
    "published": None,
    "published_inferred": {"date": "2024-10-21", "why": "Dateline 'Oct 21' without a year; EU application 'in 2022', accession talks 'last year', runoff 'Nov. 3' = the 20 Oct 2024 referendum."},
    "outlet": "Reuters",
    "url": None,
    "countries_mentioned": ["MD", "RU", "UA", "RO"],
    "country_mentions": {
        "MD": ["Moldova", "Moldovan", "Chisinau"],
        "RU": ["Russia", "Russian", "Moscow", "Kremlin"],
        "UA": ["Ukraine"],
        "RO": ["Romania"],
    },
    "country_traps": [
        {"phrase": "Transnistria", "context": "the breakaway region of Transnistria", "why": "breakaway region, not a sovereign country"},
        {"phrase": "Warsaw", "context": "Piotr Lisowski in Warsaw", "why": "reporter's location in the credit line, not Poland as an actor"},
        {"phrase": "Soviet", "context": "The former Soviet republic", "why": "historical state, not a current country"},
    ],
    "years_mentioned": [2022],
    "agencies": [
        A("Central Electoral Commission", "CEC", ["Central Electoral Commission"], "election commission"),
        A("Intelligence and Security Service", "SIS", ["Intelligence and Security Service", "SIS"], "intelligence"),
        A("Ministry of Foreign Affairs of Russia", None, ["Russia's foreign ministry"], "foreign ministry"),
        A("European Commission", None, ["European Commission"], "international organisation"),
        A("European Union", "EU", ["European Union", "EU"], "international organisation"),
        A("Ministry of Foreign Affairs of Romania", None, ["Romania's Ministry of Foreign Affairs"], "foreign ministry"),
        A("Meta", None, ["Meta"], "company"),
    ],
    "officials": [
        O("Andrei Volontir", ["Police chief"], "Moldovan police", ["Andrei Volontir", "Volontir"]),
        O("Doina Rusu", ["chair of the Central Electoral Commission"], "Central Electoral Commission", ["Doina Rusu"]),
    ],
    "authors": [
        {"name": "Ana Ciobanu", "surface": ["Ana Ciobanu"]},
        {"name": "Piotr Lisowski", "surface": ["Piotr Lisowski"]},
        {"name": "Tom Hallam", "surface": ["Tom Hallam"]},
    ],
    "notes": [
        "Reuters format: dateline without a year -> published null, inferred date given; credit line with reporters and editor (authors).",
        "'a \"No\" vote' is a quoted option, not a quote.",
        "The police are not named as a body: Volontir's agency is descriptive.",
        "Facebook, Instagram and Telegram appear only as venues; 'a Russian bank' is unnamed.",
        "Unnamed foreign ministry spokeswoman and Commission spokesperson make the body the speaker; the Western diplomat is unnamed.",
    ],
}

QUOTES = [
    ("We are talking about an unprecedented attack on our democracy, paid for in roubles and delivered by Telegram,",
     "Andrei Volontir", "official", ["Andrei Volontir"], [], "Volontir said", False),
    ("The scale of this operation is something we have never seen before.",
     "Andrei Volontir", "official", ["Andrei Volontir"], [], "Volontir said", False),
    ("Every vote that was bought is a vote that was stolen from an honest citizen,",
     "Doina Rusu", "official", ["Doina Rusu"], ["CEC"], "she said", False),
    ("up to 100 million euros",
     "SIS report", "document", [], ["SIS"], "A report published last week by Moldova's Intelligence and Security Service (SIS) said Moscow had spent", True),
    ("The objective is to derail the country's European path and to install a government loyal to the Kremlin,",
     "SIS report", "document", [], ["SIS"], "the report said", False),
    ("absurd",
     "Russia's foreign ministry (spokeswoman)", "agency", [], ["Ministry of Foreign Affairs of Russia"], "Russia's foreign ministry spokeswoman said on Monday the accusations were", True),
    ("unprecedented interference",
     "European Commission (spokesperson)", "agency", [], ["European Commission"], "A European Commission spokesperson said the bloc had seen", True),
    ("strongly condemns the hybrid attacks",
     "Romania's Ministry of Foreign Affairs", "agency", [], ["Ministry of Foreign Affairs of Romania"], "said in a statement that it", True),
    ("We took this network down because it used fake accounts to mislead people about who was behind it,",
     "Meta (spokesperson)", "agency", [], ["Meta"], "a Meta spokesperson said in an email", False),
    ("If this had gone the other way, we would be having a very different conversation,",
     "a Western diplomat in Chisinau (unnamed)", "unnamed", [], [], "the diplomat said", False),
]
