def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

SPEC = {
    "file": "004_local_hollis_county_phishing.txt",
    "title": "Hollis County election workers targeted by fake 'ballot update' emails weeks before midterms",
    "published": "2022-10-12",
    "outlet": "Tribune-Ledger",
    "url": None,
    "metadata_lines": ["Oct. 12, 2022"],
    "countries_mentioned": ["US", "RU"],
    "country_mentions": {"US": ["U.S."], "RU": ["Russian"]},
    "country_traps": [
        {"phrase": "Georgia", "context": "Georgia Secretary of State's Office; north Georgia; Early voting in Georgia", "why": "U.S. state, not GE"},
    ],
    "years_mentioned": [2016, 2024],
    "agencies": [
        A("Georgia Secretary of State's Office", None, ["Georgia Secretary of State's Office", "Secretary of State's Office"], "state agency"),
        A("Hollis County Board of Elections and Registration", None, ["Board of Elections and Registration"], "county election office"),
        A("Federal Bureau of Investigation", "FBI", ["FBI"], "federal agency"),
        A("Cybersecurity and Infrastructure Security Agency", "CISA", ["Cybersecurity and Infrastructure Security Agency"], "federal agency"),
        A("U.S. Election Assistance Commission", "EAC", ["U.S. Election Assistance Commission"], "federal agency"),
        A("Hollis County Sheriff's Office", None, ["Hollis County Sheriff"], "law enforcement", "via_title"),
        A("Hollis County Commission", None, ["County Commission"], "county government"),
    ],
    "officials": [
        O("Marcy Dunlap", ["the county's elections director"], "Hollis County Board of Elections and Registration", ["Marcy Dunlap", "Dunlap"]),
        O("Walt Greer", ["spokesman for the Secretary of State's Office"], "Georgia Secretary of State's Office", ["Walt Greer", "Greer"]),
        O("Tomas Reyes", ["cybersecurity advisor for the Cybersecurity and Infrastructure Security Agency"], "CISA", ["Tomas Reyes", "Reyes"]),
        O("Dale Whitlow", ["Hollis County Sheriff"], "Hollis County Sheriff's Office", ["Dale Whitlow"]),
        O("Ron Pettigrew", ["County Commission Chairman"], "Hollis County Commission", ["Ron Pettigrew"]),
    ],
    "authors": [{"name": "Kelsey Brandt", "surface": ["Kelsey Brandt"]}],
    "notes": [
        "Local-paper format: headline with a single-quoted scare phrase (not a quote), byline + 'Staff Writer', date line, upper-case place dateline.",
        "\"ballot update portal\" and the 'ElectionNet system' are quoted names / systems, not quotes or agencies.",
        "The phishing e-mail's wording introduced by 'warned recipients that' is a quote with the e-mails as document speaker, no person or body.",
        "Named spokesman Greer is an official and the speaker. FBI field office statement fragment -> FBI.",
        "Georgia is the U.S. state throughout; Tribune-Ledger is the outlet, not an agency.",
    ],
}

QUOTES = [
    ("Our people did exactly what they were trained to do. They looked at the address, they thought it looked off, and they called us. I could not be prouder of them,",
     "Marcy Dunlap", "official", ["Marcy Dunlap"], [], "Dunlap said", False),
    ("We take every one of these seriously, because the next one might be better written,",
     "Marcy Dunlap", "official", ["Marcy Dunlap"], [], "she said", False),
    ("your access to the ElectionNet system will be suspended within 24 hours unless you verify your account.",
     "the phishing emails", "document", [], [], "warned recipients that", False),
    ("This is a phishing attempt, plain and simple. We will never ask a county employee to verify a password through a link in an email,",
     "Walt Greer", "official", ["Walt Greer"], ["Georgia Secretary of State's Office"], "Greer said", False),
    ("aware of the reports",
     "the FBI's Atlanta field office", "agency", [], ["FBI"], "said in a statement that it was", True),
    ("It's cheap, it's fast, and it only has to work once,",
     "Tomas Reyes", "official", ["Tomas Reyes"], ["CISA"], "Reyes said", False),
    ("Whether it's a criminal group or a foreign government, the first step almost always looks like this.",
     "Tomas Reyes", "official", ["Tomas Reyes"], ["CISA"], "Reyes said", False),
    ("no sign anyone local is involved.",
     "Dale Whitlow", "official", ["Dale Whitlow"], ["Hollis County Sheriff's Office"], "Hollis County Sheriff Dale Whitlow said his investigators were assisting but that there was", True),
    ("If that's what it costs, that's what it costs,",
     "Ron Pettigrew", "official", ["Ron Pettigrew"], ["Hollis County Commission"], "he said", False),
    ("A lot of us aren't computer people. We just want to know the machines are safe,",
     "one poll manager (unnamed)", "unnamed", [], [], "she said", False),
]
