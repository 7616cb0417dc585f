def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

IND = "the indictment (Justice Department)"
EMB = "Embassy of Russia in the United States"
MFA = "Ministry of Foreign Affairs of Russia"
SPEC = {
    "file": "007_cnn_gru_indictment_state_boards.txt",
    "title": "12 Russian intelligence officers charged with hacking state election systems in 2016",
    "published": "2018-07-13",
    "outlet": "CNN",
    "url": None,
    "metadata_lines": ["Updated 4:12 PM EDT, Fri July 13, 2018"],
    "countries_mentioned": ["RU", "US"],
    "country_mentions": {
        "RU": ["Russian", "Russia"],
        "US": ["America", "American", "United States", "US"],
    },
    "country_traps": [
        {"phrase": "Georgia", "context": "county election offices in Georgia, Iowa and Florida", "why": "U.S. state, not GE"},
        {"phrase": "Washington", "context": "news conference in Washington; grand jury in Washington; Washington (CNN)", "why": "places / dateline"},
    ],
    "years_mentioned": [2016, 2018],
    "agencies": [
        A("Department of Justice", "DOJ", ["Justice Department"], "federal agency"),
        A("GRU", "GRU", ["GRU"], "intelligence"),
        A("Illinois State Board of Elections", None, ["Illinois State Board of Elections", "Illinois board"], "state election office"),
        A("Federal Bureau of Investigation", "FBI", ["FBI"], "federal agency"),
        A(EMB, None, ["Russian Embassy in the United States"], "embassy"),
        A(MFA, None, ["Russia's Foreign Ministry"], "foreign ministry"),
        A("Senate Armed Services Committee", None, ["Senate Armed Services Committee"], "legislature"),
        A("Department of Homeland Security", "DHS", ["Department of Homeland Security"], "federal agency"),
    ],
    "officials": [
        O("Gregory Lanford", ["Deputy Attorney General"], "DOJ", ["Gregory Lanford", "Lanford"]),
        O("Matt Dietrich-Hollis", ["spokesman for the Illinois board"], "Illinois State Board of Elections", ["Matt Dietrich-Hollis"]),
        O("Carl Benning", ["Sen.", "member of the Senate Armed Services Committee"], "Senate Armed Services Committee", ["Carl Benning", "Benning"]),
    ],
    "authors": [
        {"name": "Evan Rourke", "surface": ["Evan Rourke"]},
        {"name": "Tanya Maddox", "surface": ["Tanya Maddox"]},
        {"name": "Lena Park", "surface": ["Lena Park"]},
    ],
    "notes": [
        "CNN format: headline with year, 'By X and Y, CNN' byline, 'Updated ... 2018' line, 'Washington (CNN) —' dateline, 'CNN's X contributed to this report'.",
        "Indictment fragments ('The 29-page indictment says officers ... \"hacked ...\" and \"stole ...\"') are two document quotes of the Justice Department.",
        "Hyphenated surname Dietrich-Hollis (named spokesman -> official).",
        "The special counsel and the grand jury are unnamed; Twitter is a venue.",
        "Georgia is a U.S. state here.",
    ],
}

QUOTES = [
    ("hacked the website of a state board of elections",
     IND, "document", [], ["DOJ"], "The 29-page indictment says officers from two GRU units", True),
    ("stole information related to approximately 500,000 voters, including names, addresses, partial social security numbers, dates of birth, and driver's license numbers.",
     IND, "document", [], ["DOJ"], "The 29-page indictment says officers from two GRU units", True),
    ("The internet allows foreign adversaries to attack America in new and unexpected ways. Together with our law enforcement partners, we will hold accountable those who interfere with our democracy,",
     "Gregory Lanford", "official", ["Gregory Lanford"], ["DOJ"], "Lanford said", False),
    ("There is no allegation in this indictment that any American citizen committed a crime, and there is no allegation that the conspiracy changed the vote count or affected any election result,",
     "Gregory Lanford", "official", ["Gregory Lanford"], ["DOJ"], "he said", False),
    ("We've said from the beginning that this was a foreign attack, and today's indictment confirms it,",
     "Matt Dietrich-Hollis", "official", ["Matt Dietrich-Hollis"], ["Illinois State Board of Elections"], "he said", False),
    ("Nobody should be surprised by what's in there,",
     "a senior FBI official (unnamed)", "unnamed", [], [], "the official said", False),
    ("a hollow attempt to spoil the atmosphere",
     "the Russian Embassy in the United States", "agency", [], [EMB], "responded on Twitter, calling the charges", True),
    ("no evidence",
     "Russia's Foreign Ministry", "agency", [], [MFA], "said in a statement that there was", True),
    ("a road map of exactly what they will try to do again.",
     "Carl Benning", "official", ["Carl Benning"], ["Senate Armed Services Committee"], "said the indictment was", True),
    ("The states cannot do this alone,",
     "Carl Benning", "official", ["Carl Benning"], ["Senate Armed Services Committee"], "Benning said in a statement", False),
]
