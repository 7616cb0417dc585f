#!/usr/bin/env python3
"""Check novel.gold.json against its documents.

Checks offsets, quotation marks, verbatim surface forms, the `countries` copy, that every speaker
official is in `officials` (unless the speaker is a private `person`) and that every speaker body is
in `agencies`.

Run from anywhere: python tests/extraction_novel/check_gold.py
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "\"'\u201c\u2018"
CLOSE = "\"'\u201d\u2019"
KINDS = {"official", "group", "agency", "document", "unnamed", "person"}


def main():
    with open(os.path.join(HERE, "novel.gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    problems = 0
    quotes = 0

    def bad(doc, message):
        nonlocal problems
        problems += 1
        print(f"{doc}: {message}")

    files = sorted(os.listdir(os.path.join(HERE, "documents")))
    if sorted(g["file"] for g in gold) != files:
        bad("novel.gold.json", "gold files differ from documents/")
    for g in gold:
        f = g["file"]
        with open(os.path.join(HERE, "documents", f), encoding="utf-8") as fh:
            content = fh.read()
        if "\r" in content:
            bad(f, "carriage return in document")
        if g["countries"] != g["countries_mentioned"]:
            bad(f, "countries is not a copy of countries_mentioned")
        if sorted(g["country_mentions"]) != g["countries_mentioned"]:
            bad(f, "country_mentions keys differ from countries_mentioned")
        forms = [g["title"]] if g["title"] else []
        if g["url"]:
            forms.append(g["url"])
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
        official_names = {o["name"] for o in g["officials"]}
        author_names = {a["name"] for a in g["authors"]}
        if official_names & author_names:
            bad(f, f"authors listed as officials: {sorted(official_names & author_names)}")
        body_keys = set()
        for a in g["agencies"]:
            body_keys.add(a["name"])
            if a["acronym"]:
                body_keys.add(a["acronym"])
        for o in g["officials"]:
            if o["agency"] and "(" not in o["agency"] and o["agency"] not in body_keys:
                bad(f, f"official's agency not in agencies: {o['name']} {o['agency']!r}")
        last = -1
        for q in g["quotes"]:
            quotes += 1
            s, e = q["start"], q["end"]
            if content[s:e] != q["text"]:
                bad(f, f"offsets do not give the text: {q['text'][:50]!r}")
            if s < 1 or content[s - 1] not in OPEN:
                bad(f, f"no opening mark before {q['text'][:50]!r}")
            if e >= len(content) or content[e] not in CLOSE:
                bad(f, f"no closing mark after {q['text'][:50]!r}")
            if s < last:
                bad(f, "quotes out of order or overlapping")
            last = e
            if q["speaker_kind"] not in KINDS:
                bad(f, f"unknown speaker_kind {q['speaker_kind']!r}")
            for name in q["speaker_officials"]:
                if q["speaker_kind"] == "person":
                    if name in official_names:
                        bad(f, f"private person {name!r} listed in officials")
                elif name not in official_names:
                    bad(f, f"speaker official {name!r} not in officials")
            for body in q["speaker_agencies"]:
                if body not in body_keys:
                    bad(f, f"speaker body {body!r} not in agencies")
            if q["speaker_kind"] == "unnamed" and (q["speaker_officials"] or q["speaker_agencies"]):
                bad(f, f"unnamed speaker with a name or body: {q['text'][:50]!r}")
    print(f"{len(gold)} documents, {quotes} quotes, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
