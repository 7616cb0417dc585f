#!/usr/bin/env python3
"""Check harbor.gold.json against its documents (offsets, quotation marks, verbatim forms).

Run from anywhere: python tests/extraction_harbor/check_gold.py
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "\"'\u201c\u2018"
CLOSE = "\"'\u201d\u2019"
KEYS = [
    "file",
    "title",
    "published",
    "published_inferred",
    "outlet",
    "outlet_why",
    "url",
    "countries_mentioned",
    "countries",
    "country_mentions",
    "country_traps",
    "years_mentioned",
    "agencies",
    "officials",
    "authors",
    "quotes",
    "notes",
]
KINDS = {"official", "agency", "document", "group", "unnamed", "government"}


def main():
    gold = json.load(open(os.path.join(HERE, "harbor.gold.json"), encoding="utf-8"))
    problems = 0
    quotes = 0

    def bad(doc, message):
        nonlocal problems
        problems += 1
        print(f"{doc}: {message}")

    files = sorted(os.listdir(os.path.join(HERE, "documents")))
    if sorted(g["file"] for g in gold) != files:
        bad("gold", "documents/ and the gold's files differ")
    for g in gold:
        f = g["file"]
        if list(g) != KEYS:
            bad(f, f"keys differ from the schema: {list(g)}")
        raw = open(os.path.join(HERE, "documents", f), "rb").read()
        if b"\r" in raw:
            bad(f, "not \\n line ends")
        content = raw.decode("utf-8")
        if g["countries"] != g["countries_mentioned"]:
            bad(f, "countries is not a copy of countries_mentioned")
        if sorted(g["country_mentions"]) != g["countries_mentioned"]:
            bad(f, "country_mentions keys differ from countries_mentioned")
        forms = [g["title"]] if g["title"] else []
        for v in g["country_mentions"].values():
            forms += v
        for t in g["country_traps"]:
            forms += [t["phrase"], t["context"]]
        for a in g["agencies"]:
            forms += a["surface"]
        for o in g["officials"]:
            forms += o["surface"] + o["titles"]
        for a in g["authors"]:
            forms += a["surface"]
        for s in forms:
            if s not in content:
                bad(f, f"not verbatim: {s!r}")
        bodies = {a["name"] for a in g["agencies"]} | {a["acronym"] for a in g["agencies"] if a["acronym"]}
        people = {o["name"] for o in g["officials"]}
        last = -1
        for q in g["quotes"]:
            quotes += 1
            s, e = q["start"], q["end"]
            if content[s:e] != q["text"]:
                bad(f, f"offsets do not give the text: {q['text'][:50]!r}")
            if content[s - 1] not in OPEN:
                bad(f, f"no opening mark before {q['text'][:50]!r}")
            if e >= len(content) or content[e] not in CLOSE:
                bad(f, f"no closing mark after {q['text'][:50]!r}")
            if s < last:
                bad(f, "quotes out of order or overlapping")
            last = e
            if q["speaker_kind"] not in KINDS:
                bad(f, f"unknown speaker_kind {q['speaker_kind']!r}")
            for p in q["speaker_officials"]:
                if p not in people:
                    bad(f, f"speaker {p!r} is not in officials")
            for b in q["speaker_agencies"]:
                if b not in bodies:
                    bad(f, f"speaker body {b!r} is not in agencies (by name or acronym)")
            if q["speaker_kind"] == "unnamed" and (q["speaker_officials"] or q["speaker_agencies"]):
                bad(f, f"unnamed speaker with a person or body: {q['text'][:50]!r}")
    print(f"{len(gold)} documents, {quotes} quotes, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
