def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

REP = "Meta's quarterly adversarial threat report"
MFA = "Ministry of Foreign Affairs of China"
SPEC = {
    "file": "006_nyt_meta_china_russia_networks.txt",
    "title": "Meta Says It Removed Thousands of Fake Accounts Tied to Chinese Police",
    "published": "2023-08-29",
    "outlet": "The New York Times",
    "url": None,
    "metadata_lines": ["Aug. 29, 2023"],
    "countries_mentioned": ["CN", "US", "JP", "AU", "GB", "RU", "DE", "FR", "UA"],
    "country_mentions": {
        "CN": ["China", "Chinese", "Beijing", "People’s Republic of China"],
        "US": ["United States", "American"],
        "JP": ["Japan"],
        "AU": ["Australia"],
        "GB": ["Britain"],
        "RU": ["Russian", "Moscow"],
        "DE": ["German", "Germany"],
        "FR": ["French"],
        "UA": ["Ukraine"],
    },
    "country_traps": [
        {"phrase": "New Mexico", "context": "Senator Paul Andrada, Democrat of New Mexico", "why": "U.S. state, not MX"},
        {"phrase": "Xinjiang", "context": "its province of Xinjiang", "why": "region of China"},
    ],
    "years_mentioned": [2016, 2017, 2019, 2024],
    "agencies": [
        A("Meta", None, ["Meta"], "company"),
        A("Ministry of Foreign Affairs of Germany", None, ["Federal Foreign Office"], "foreign ministry"),
        A("Stanford Internet Observatory", None, ["Stanford Internet Observatory"], "research centre"),
        A(MFA, None, ["China’s Ministry of Foreign Affairs"], "foreign ministry"),
        A("Department of State", None, ["State Department"], "federal agency"),
        A("Senate Commerce Committee", None, ["Senate Commerce Committee"], "legislature"),
        A("Internet Research Agency", "IRA", ["Internet Research Agency"], "threat actor"),
    ],
    "officials": [
        O("Daniel Kessler", ["leader of global threat intelligence at Meta", "Mr."], "Meta", ["Daniel Kessler", "Mr. Kessler"]),
        O("Priya Natarajan", ["researcher at the Stanford Internet Observatory"], "Stanford Internet Observatory", ["Priya Natarajan"]),
        O("Wang Lei", ["spokesman for China’s Ministry of Foreign Affairs"], MFA, ["Wang Lei"]),
        O("Paul Andrada", ["Senator", "Democrat of New Mexico", "member of the Senate Commerce Committee"], "Senate Commerce Committee", ["Paul Andrada"]),
    ],
    "authors": [
        {"name": "Julia Amsel", "surface": ["Julia Amsel"]},
        {"name": "Peter Kravitz", "surface": ["Peter Kravitz"]},
    ],
    "notes": [
        "NYT format: headline, dek, two-name byline, date line, trailing 'Advertisement' placeholder; curly quotes; 'Mr. Kessler'.",
        "'Meta wrote in its quarterly adversarial threat report' and 'The report added' -> the report (document) of Meta.",
        "Facebook, YouTube and X appear only as venues. 'Chinese law enforcement' is not a named body. Meta's chief executive is unnamed.",
        "Germany's Federal Foreign Office is listed as 'Ministry of Foreign Affairs of Germany' (foreign-ministry convention), surface kept.",
        "Senator's letter quote ('he wrote that the platforms') is an attributed fragment.",
    ],
}

QUOTES = [
    ("Although the people behind this activity tried to conceal their identities and coordination, our investigation found links to individuals associated with Chinese law enforcement,",
     REP, "document", [], ["Meta"], "Meta wrote in its quarterly adversarial threat report", False),
    ("struggled to reach authentic audiences",
     REP, "document", [], ["Meta"], "The report added that the operation had", True),
    ("This is a high-volume, low-impact operation,",
     "Daniel Kessler", "official", ["Daniel Kessler"], ["Meta"], "Mr. Kessler said in an interview", False),
    ("But the fact that it is so persistent tells you that someone is willing to pay for it year after year.",
     "Daniel Kessler", "official", ["Daniel Kessler"], ["Meta"], "Mr. Kessler said in an interview", False),
    ("a systematic effort to undermine trust in our democracy and in our support for Ukraine.",
     "Germany's Federal Foreign Office", "agency", [], ["Ministry of Foreign Affairs of Germany"], "said the Russian campaign was part of", True),
    ("They rarely go viral, but they never stop,",
     "Priya Natarajan", "official", ["Priya Natarajan"], ["Stanford Internet Observatory"], "she said", False),
    ("Certain American companies have long engaged in smearing China,",
     "Wang Lei", "official", ["Wang Lei"], [MFA], "he said", False),
    ("firmly opposes",
     "Wang Lei", "official", ["Wang Lei"], [MFA], "adding that Beijing", True),
    ("deeply concerned",
     "State Department (spokesperson)", "agency", [], ["Department of State"], "A State Department spokesperson said the United States was", True),
    ("cannot treat election integrity as a cost center.",
     "Paul Andrada", "official", ["Paul Andrada"], ["Senate Commerce Committee"], "he wrote that the platforms", True),
]
