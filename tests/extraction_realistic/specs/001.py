def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

JOINT = "the FBI, ODNI and CISA (joint statement)"
SPEC = {
    "file": "001_ap_iran_campaign_hack.txt",
    "title": "US agencies blame Iran for hack of campaign emails, warn of more attempts before November",
    "published": "2024-08-19",
    "outlet": "The Associated Press",
    "url": None,
    "metadata_lines": ["Updated 7:42 PM EDT, August 19, 2024"],
    "countries_mentioned": ["US", "IR", "RU"],
    "country_mentions": {
        "US": ["U.S.", "United States"],
        "IR": ["Iran", "Iranians", "Iranian", "Tehran"],
        "RU": ["Russia", "Moscow"],
    },
    "years_mentioned": [2016, 2024],
    "agencies": [
        A("Federal Bureau of Investigation", "FBI", ["FBI"], "federal agency"),
        A("Office of the Director of National Intelligence", "ODNI", ["Office of the Director of National Intelligence"], "intelligence"),
        A("Cybersecurity and Infrastructure Security Agency", "CISA", ["Cybersecurity and Infrastructure Security Agency", "CISA"], "federal agency"),
        A("Microsoft", None, ["Microsoft"], "company"),
        A("Microsoft Threat Analysis Center", "MTAC", ["Microsoft Threat Analysis Center"], "company unit"),
        A("Islamic Revolutionary Guard Corps", "IRGC", ["Islamic Revolutionary Guard Corps"], "military"),
        A("Mint Sandstorm", None, ["Mint Sandstorm"], "threat actor"),
        A("Permanent Mission of Iran to the United Nations", None, ["Iran's mission to the United Nations"], "diplomatic mission"),
        A("United Nations", "UN", ["United Nations"], "international organisation"),
        A("Senate Intelligence Committee", None, ["Senate Intelligence Committee"], "legislature"),
        A("GRU", "GRU", ["GRU"], "intelligence"),
    ],
    "officials": [
        O("Lauren Whitcombe", ["FBI Deputy Director"], "FBI", ["Lauren Whitcombe", "Whitcombe"]),
        O("Elena Marquez", ["general manager of the Microsoft Threat Analysis Center"], "Microsoft", ["Elena Marquez"]),
        O("Howard Pell", ["Sen."], "Senate Intelligence Committee", ["Howard Pell"]),
        O("Jen Caldwell", ["CISA's senior election security adviser"], "CISA", ["Jen Caldwell", "Caldwell"]),
    ],
    "authors": [
        {"name": "Daniel Okafor", "surface": ["DANIEL OKAFOR"]},
        {"name": "Rachel Strom", "surface": ["RACHEL STROM"]},
        {"name": "Mira Delgado", "surface": ["Mira Delgado"]},
    ],
    "notes": [
        "AP format: upper-case two-name byline, 'Updated ...' date line (its year is metadata), 'WASHINGTON (AP) —' dateline, 'contributed to this report' credit (author).",
        "Joint statement of three named agencies, no official named: speaker is the agencies (group), also for 'the statement said'.",
        "'Iran's mission to the United Nations' spokesman is unnamed: the mission is the speaker.",
        "'Mint Sandstorm' is a named threat-actor group (listed as an agency, per the extraction_blind convention).",
        "'Democratic Party' is a political party, not an agency.",
    ],
}

QUOTES = [
    ("confident that the Iranians have through social engineering and other efforts sought access to individuals with direct access to the Presidential campaigns of both political parties.",
     JOINT, "group", [], ["FBI", "ODNI", "CISA"], "said the agencies were", True),
    ("Such activity, including thefts and disclosures, are intended to influence the U.S. election process,",
     JOINT, "group", [], ["FBI", "ODNI", "CISA"], "the statement said", False),
    ("It is important to note that this approach is not new. Iran and Russia have employed these tactics not only in the United States during this and prior federal election cycles but also in other countries around the world.",
     JOINT, "group", [], ["FBI", "ODNI", "CISA"], "the statement said", False),
    ("This was a patient, deliberate operation, and it is still going on. We are telling every campaign, every party committee and every election office the same thing: assume you are a target,",
     "Lauren Whitcombe", "official", ["Lauren Whitcombe"], ["FBI"], "Whitcombe said", False),
    ("We've seen a steady increase in Iranian activity aimed at the 2024 race since the spring. What's different this cycle is how quickly stolen material is being packaged and pushed to journalists,",
     "Elena Marquez", "official", ["Elena Marquez"], ["Microsoft"], "said Elena Marquez, general manager of the Microsoft Threat Analysis Center", False),
    ("unsubstantiated and devoid of any standing",
     "Iran's mission to the United Nations (spokesman)", "agency", [], ["Permanent Mission of Iran to the United Nations"], "A spokesman for Iran's mission to the United Nations called the allegations", True),
    ("They're not subtle about which outcome they'd prefer,",
     "a senior U.S. intelligence official (unnamed)", "unnamed", [], [], "the official said", False),
    ("deserves to know the full scope",
     "Howard Pell", "official", ["Howard Pell"], ["Senate Intelligence Committee"], "said the public", True),
    ("I want to see the administration brief every campaign, not just the one that got hit,",
     "Howard Pell", "official", ["Howard Pell"], ["Senate Intelligence Committee"], "he said", False),
    ("There is no indication that any of this touches the systems that cast or count ballots,",
     "Jen Caldwell", "official", ["Jen Caldwell"], ["CISA"], "Caldwell said", False),
]
