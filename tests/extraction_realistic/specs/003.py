def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

EMB = "Embassy of China in the United Kingdom"
SPEC = {
    "file": "003_guardian_uk_china_electoral_commission.txt",
    "title": "UK blames China for Electoral Commission hack and sanctions two individuals",
    "published": "2024-03-25",
    "outlet": "The Guardian",
    "url": None,
    "metadata_lines": ["Mon 25 Mar 2024 17.40 GMT"],
    "countries_mentioned": ["GB", "CN", "US", "NZ"],
    "country_mentions": {
        "GB": ["UK", "British"],
        "CN": ["China", "Chinese", "Beijing"],
        "US": ["United States", "US"],
        "NZ": ["New Zealand"],
    },
    "country_traps": [
        {"phrase": "Washington", "context": "Speaking in Washington, a senior Justice Department official", "why": "place of speaking, not a metonym"},
        {"phrase": "London", "context": "The Chinese embassy in London", "why": "embassy location"},
    ],
    "years_mentioned": [2021, 2022],
    "agencies": [
        A("Electoral Commission", None, ["Electoral Commission"], "election commission"),
        A("National Cyber Security Centre", "NCSC", ["National Cyber Security Centre", "NCSC"], "cybersecurity agency"),
        A("APT31", None, ["APT31"], "threat actor"),
        A("Inter-Parliamentary Alliance on China", "IPAC", ["Inter-Parliamentary Alliance on China"], "association"),
        A(EMB, None, ["Chinese embassy in London"], "embassy"),
        A("Joint Committee on the National Security Strategy", None, ["joint committee on the national security strategy"], "legislature"),
        A("Department of Justice", "DOJ", ["US Department of Justice", "Justice Department"], "federal agency"),
        A("Government Communications Security Bureau", "GCSB", ["Government Communications Security Bureau"], "intelligence"),
    ],
    "officials": [
        O("Richard Ashworth", ["deputy prime minister"], "UK government", ["Richard Ashworth", "Ashworth"]),
        O("Gareth Morley", ["chief executive"], "Electoral Commission", ["Gareth Morley"]),
        O("Iain Palmer", ["Conservative MP"], "House of Commons", ["Iain Palmer"]),
        O("Fiona Grady", ["Liberal Democrat MP", "chair of the Commons' joint committee on the national security strategy"], "Joint Committee on the National Security Strategy", ["Fiona Grady"]),
    ],
    "authors": [{"name": "Hannah Frost", "surface": ["Hannah Frost"]}],
    "notes": [
        "Guardian format: headline, standfirst (its year 2022 counts), byline with role, 'Mon 25 Mar 2024 17.40 GMT' date line; curly quotes, punctuation outside the marks for fragments.",
        "'the commission said:' colon-introduced statement quote; 'the advisory said' = NCSC document.",
        "Nested single quotes ‘robust action’ stay inside Palmer's quote.",
        "Embassy spokesperson unnamed -> embassy is the speaker ('A spokesperson said' follows the embassy sentence).",
        "Security minister is unnamed; Conservative/Liberal Democrat are parties.",
    ],
}

QUOTES = [
    ("The UK will not tolerate malicious cyber activity targeting our democratic institutions,",
     "Richard Ashworth", "official", ["Richard Ashworth"], [], "Ashworth said", False),
    ("It is an absolute priority for the UK government to protect our democratic system and values.",
     "Richard Ashworth", "official", ["Richard Ashworth"], [], "Ashworth said", False),
    ("not had an impact on how elections are run",
     "Richard Ashworth", "official", ["Richard Ashworth"], [], "He said the attack had", True),
    ("We welcome the government’s attribution and the action it has taken. We have since strengthened the security of our systems and continue to work closely with the NCSC.",
     "Electoral Commission", "agency", [], ["Electoral Commission"], "the commission said:", False),
    ("We know that this will have caused concern to voters, and we are sorry that it happened,",
     "Gareth Morley", "official", ["Gareth Morley"], ["Electoral Commission"], "he said", False),
    ("These are not isolated incidents but part of a persistent pattern of behaviour,",
     "NCSC advisory", "document", [], ["NCSC"], "the advisory said", False),
    ("completely fabricated and malicious slanders",
     "the Chinese embassy in London", "agency", [], [EMB], "rejected the claims as", True),
    ("firmly opposes and strongly condemns",
     "the Chinese embassy in London (spokesperson)", "agency", [], [EMB], "A spokesperson said China", True),
    ("This is like the government turning up with a bucket after the house has burned down and calling it ‘robust action’,",
     "Iain Palmer", "official", ["Iain Palmer"], [], "he told the Guardian", False),
    ("This is a Chinese government-backed hacking operation that has spent years trying to silence critics of Beijing and steal secrets.",
     "a senior Justice Department official (unnamed)", "unnamed", [], [], "a senior Justice Department official said:", False),
]
