#!/usr/bin/env python3
"""Check atlas.gold.json against its documents (offsets, quotation marks, verbatim forms).

Run from anywhere: python tests/extraction_atlas/check_gold.py
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "\"'\u201c\u2018"
CLOSE = "\"'\u201d\u2019"


def main():
    gold = json.load(open(os.path.join(HERE, "atlas.gold.json"), encoding="utf-8"))
    problems = 0
    quotes = 0

    def bad(doc, message):
        nonlocal problems
        problems += 1
        print(f"{doc}: {message}")

    for g in gold:
        f = g["file"]
        content = open(os.path.join(HERE, "documents", f), encoding="utf-8").read()
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
    print(f"{len(gold)} documents, {quotes} quotes, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
