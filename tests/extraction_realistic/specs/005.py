def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

UPD = "ODNI election threat update (Foreign Malign Influence Center)"
EMB = "Embassy of China in the United States"
SPEC = {
    "file": "005_politico_odni_midterms_2026.txt",
    "title": "Intel officials warn China, Russia and Iran are already targeting 2026 midterms",
    "published": "2026-09-22",
    "outlet": "POLITICO",
    "url": None,
    "metadata_lines": ["09/22/2026 05:15 PM EDT"],
    "countries_mentioned": ["US", "RU", "CN", "IR"],
    "country_mentions": {
        "US": ["U.S.", "American"],
        "RU": ["Russia", "Moscow"],
        "CN": ["China", "Chinese", "Beijing"],
        "IR": ["Iran", "Tehran"],
    },
    "country_traps": [
        {"phrase": "Washington", "context": "the Chinese Embassy in Washington", "why": "embassy location"},
        {"phrase": "Middle East", "context": "U.S. policy in the Middle East", "why": "region"},
    ],
    "years_mentioned": [2024, 2026],
    "agencies": [
        A("Office of the Director of National Intelligence", "ODNI", ["Office of the Director of National Intelligence", "ODNI"], "intelligence"),
        A("Foreign Malign Influence Center", "FMIC", ["Foreign Malign Influence Center"], "intelligence"),
        A("Permanent Mission of Iran to the United Nations", None, ["Iran’s mission to the United Nations"], "diplomatic mission"),
        A("United Nations", "UN", ["United Nations"], "international organisation"),
        A(EMB, None, ["Chinese Embassy in Washington"], "embassy"),
        A("House Intelligence Committee", None, ["House Intelligence Committee"], "legislature"),
        A("Federal Bureau of Investigation", "FBI", ["FBI"], "federal agency"),
        A("Foreign Influence Task Force", "FITF", ["Foreign Influence Task Force"], "federal agency unit"),
        A("Cybersecurity and Infrastructure Security Agency", "CISA", ["CISA"], "federal agency"),
        A("Google", None, ["Google"], "company"),
        A("Threat Analysis Group", "TAG", ["Threat Analysis Group"], "company unit"),
    ],
    "officials": [
        O("Marcus Hale", ["Director of National Intelligence"], "ODNI", ["Marcus Hale", "Hale"]),
        O("Chen Weiming", ["spokesperson for the Chinese Embassy in Washington"], EMB, ["Chen Weiming", "Chen"]),
        O("Dana Whitfield", ["Rep.", "member of the House Intelligence Committee"], "House Intelligence Committee", ["Dana Whitfield", "Whitfield"]),
    ],
    "authors": [
        {"name": "Nadia Brennan", "surface": ["Nadia Brennan"]},
        {"name": "Chris Vollmer", "surface": ["Chris Vollmer"]},
        {"name": "Maggie Lowell", "surface": ["Maggie Lowell"]},
    ],
    "notes": [
        "POLITICO format: headline, dek, two-name byline, 'MM/DD/YYYY hh:mm PM EDT' date line, 'contributed to this report'.",
        "Plural ODNI officials on a background call are treated as the body (ODNI), per the extraction_blind convention.",
        "The declassified update is a document of the ODNI's Foreign Malign Influence Center; 'the update says', 'It adds that', 'The update said' all resolve to it.",
        "Named embassy spokesperson Chen is an official and the speaker (fragment + full quote).",
        "Former CISA official is unnamed ('put it more bluntly:' colon cue). Iran's mission did not respond: no quote.",
        "YouTube and Blogger are venues; Republicans a party.",
    ],
}

QUOTES = [
    ("Russia is the predominant threat, and we expect it to continue producing content that denigrates candidates it views as hostile to its interests,",
     "officials at the ODNI", "agency", [], ["ODNI"], "the officials said", False),
    ("Foreign actors are using generative AI to improve and accelerate aspects of their operations, but it has not yet revolutionized them,",
     UPD, "document", [], ["ODNI", "FMIC"], "the update says", False),
    ("probably does not intend to influence the outcome of federal races",
     UPD, "document", [], ["ODNI", "FMIC"], "It adds that Beijing", True),
    ("specific state and local candidates",
     UPD, "document", [], ["ODNI", "FMIC"], "but is targeting", True),
    ("The American people have a right to know when a foreign government is trying to manipulate them. We will keep telling them,",
     "Marcus Hale", "official", ["Marcus Hale"], ["ODNI"], "Hale said in a statement", False),
    ("cyber operations against both major presidential campaigns",
     UPD, "document", [], ["ODNI", "FMIC"], "The update said Tehran had conducted", True),
    ("has no intention and will not interfere",
     "Chen Weiming", "official", ["Chen Weiming"], [EMB], "said China", True),
    ("We hope the U.S. side will stop spreading disinformation about China,",
     "Chen Weiming", "official", ["Chen Weiming"], [EMB], "Chen said in an email to POLITICO", False),
    ("You cannot defend an election with half the people you had two years ago,",
     "Dana Whitfield", "official", ["Dana Whitfield"], ["House Intelligence Committee"], "Whitfield said", False),
    ("The states are being told to fend for themselves.",
     "one former senior CISA official (unnamed)", "unnamed", [], [], "put it more bluntly:", False),
]
