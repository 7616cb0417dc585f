def A(name, acronym, surface, kind, mention="explicit"):
    return {"name": name, "acronym": acronym, "surface": surface, "kind": kind, "mention_type": mention}

def O(name, titles, agency, surface):
    return {"name": name, "titles": titles, "agency": agency, "surface": surface}

REP = "National Intelligence Service report"
EMB = "Embassy of the United States in South Korea"
COM = "Intelligence Committee of the National Assembly"
SPEC = {
    "file": "008_wapo_south_korea_election_commission.txt",
    "title": "South Korea's election agency left systems open to North Korean hackers, spy service says",
    "published": "2023-10-10",
    "outlet": "The Washington Post",
    "url": None,
    "metadata_lines": ["October 10, 2023 at 4:30 a.m. EDT"],
    "countries_mentioned": ["KR", "KP", "US", "JP"],
    "country_mentions": {
        "KR": ["South Korea", "South Korean", "Republic of Korea"],
        "KP": ["North Korea", "North Korean", "Pyongyang"],
        "US": ["U.S.", "United States", "Washington"],
        "JP": ["Japan"],
    },
    "country_traps": [
        {"phrase": "Seoul", "context": "SEOUL —; told reporters in Seoul; U.S. Embassy in Seoul", "why": "dateline / places, not a metonym"},
    ],
    "years_mentioned": [2021],
    "agencies": [
        A("National Election Commission", "NEC", ["National Election Commission"], "election commission"),
        A("National Intelligence Service", "NIS", ["National Intelligence Service", "NIS"], "intelligence"),
        A("Kimsuky", None, ["Kimsuky"], "threat actor"),
        A(COM, None, ["National Assembly's intelligence committee"], "legislature"),
        A("Mandiant", None, ["Mandiant"], "company"),
        A("Google", None, ["Google"], "company"),
        A(EMB, None, ["U.S. Embassy in Seoul"], "embassy"),
    ],
    "officials": [
        O("Kim Tae-sung", ["the NIS's third deputy director"], "NIS", ["Kim Tae-sung", "Kim"]),
        O("Park Hye-rin", ["secretary general"], "National Election Commission", ["Park Hye-rin"]),
        O("Lee Jae-won", ["Rep.", "member of the National Assembly's intelligence committee"], COM, ["Lee Jae-won"]),
    ],
    "authors": [
        {"name": "Grace Yoon", "surface": ["Grace Yoon"]},
        {"name": "Min-ji Seo", "surface": ["Min-ji Seo"]},
    ],
    "notes": [
        "Washington Post format: headline, two-name byline, 'October 10, 2023 at 4:30 a.m. EDT' date line, 'SEOUL —' dateline; straight quotes.",
        "Korean names are family-name first (Kim, Park, Lee); 'Kim said' resolves to Kim Tae-sung; 'Its secretary general' = the NEC's.",
        "'The commission ... said in a statement' + 'the statement said' -> NEC as agency speaker.",
        "Washington counts as a metonym ('Washington \"stands with\"'); Seoul only as a place.",
        "People Power Party is a party; 'the presidential office' is not named as a body; North Korea's state media makes no quote.",
    ],
}

QUOTES = [
    ("It was possible to manipulate the list of eligible voters and to change the results of the vote at the counting stage,",
     REP, "document", [], ["NIS"], "the report said", False),
    ("Hackers could have altered ballots without leaving a trace.",
     REP, "document", [], ["NIS"], "the report said", False),
    ("This is a matter of national security, not of politics,",
     "Kim Tae-sung", "official", ["Kim Tae-sung"], ["NIS"], "Kim said", False),
    ("Pyongyang does not need to win an election here. It only needs people to doubt the result.",
     "Kim Tae-sung", "official", ["Kim Tae-sung"], ["NIS"], "Kim said", False),
    ("technical possibilities",
     "National Election Commission", "agency", [], ["NEC"], "said in a statement that the findings were", True),
    ("Without the cooperation of many insiders, it is impossible to manipulate the results,",
     "National Election Commission", "agency", [], ["NEC"], "the statement said", False),
    ("We accept the criticism and will not repeat these mistakes,",
     "Park Hye-rin", "official", ["Park Hye-rin"], ["NEC"], "she said", False),
    ("an attempt to undermine an independent institution",
     "Lee Jae-won", "official", ["Lee Jae-won"], [COM], "called the report", True),
    ("We cannot wait for a breach to find out we were vulnerable,",
     "a senior official at the presidential office (unnamed)", "unnamed", [], [], "he said", False),
    ("stands with the Republic of Korea",
     "the U.S. Embassy in Seoul", "agency", [], [EMB], "said in a statement that Washington", True),
]
