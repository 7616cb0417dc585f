#!/usr/bin/env python3
"""Build realistic.gold.json from documents/*.txt and specs/NNN.py.

Each spec defines SPEC = {...} with the document-level fields, and QUOTES, a list of
(text, speaker, speaker_kind, speaker_officials, speaker_agencies, attribution_cue, fragment[, nth]).
Offsets are computed by locating the quote text in the document; the character before must be
an opening quotation mark and the one after a closing mark. Run from anywhere.
"""
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "\"\u201c'\u2018"
CLOSE = "\"\u201d'\u2019"


def load(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def find_all(content, text):
    out, i = [], content.find(text)
    while i >= 0:
        out.append(i)
        i = content.find(text, i + 1)
    return out


def build(mod, errors):
    s = dict(mod.SPEC)
    path = os.path.join(HERE, "documents", s["file"])
    with open(path, encoding="utf-8", newline="") as f:
        content = f.read()
    if "\r" in content:
        errors.append(f"{s['file']}: CR in file")
    quotes = []
    for q in mod.QUOTES:
        text, speaker, kind, officials, agencies, cue, fragment = q[:7]
        nth = q[7] if len(q) > 7 else 0
        hits = find_all(content, text)
        if not hits:
            errors.append(f"{s['file']}: quote not found: {text[:60]!r}")
            continue
        if len(hits) > 1 and len(q) <= 7:
            errors.append(f"{s['file']}: quote ambiguous ({len(hits)}): {text[:60]!r}")
        start = hits[nth]
        end = start + len(text)
        assert content[start:end] == text
        if start == 0 or content[start - 1] not in OPEN:
            errors.append(f"{s['file']}: no opening mark before {text[:40]!r}")
        if end >= len(content) or content[end] not in CLOSE:
            errors.append(f"{s['file']}: no closing mark after {text[:40]!r}")
        quotes.append({
            "text": text, "start": start, "end": end, "speaker": speaker,
            "speaker_kind": kind, "speaker_officials": officials,
            "speaker_agencies": agencies, "attribution_cue": cue, "fragment": fragment,
        })
    quotes.sort(key=lambda q: q["start"])
    for a, b in zip(quotes, quotes[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{s['file']}: overlapping quotes {a['text'][:30]!r} / {b['text'][:30]!r}")
    # surfaces must be verbatim
    for code, surf in s["country_mentions"].items():
        for x in surf:
            if x not in content:
                errors.append(f"{s['file']}: country surface {x!r} not in text")
    if sorted(s["country_mentions"]) != sorted(s["countries_mentioned"]):
        errors.append(f"{s['file']}: country_mentions keys != countries_mentioned")
    for a in s["agencies"]:
        for x in a["surface"]:
            if x not in content:
                errors.append(f"{s['file']}: agency surface {x!r} not in text")
    for o in s["officials"] + s.get("authors", []):
        for x in o["surface"]:
            if x not in content:
                errors.append(f"{s['file']}: person surface {x!r} not in text")
    acr = {a["acronym"] or a["name"] for a in s["agencies"]} | {a["name"] for a in s["agencies"]}
    names = {o["name"] for o in s["officials"]}
    for q in quotes:
        for a in q["speaker_agencies"]:
            if a not in acr:
                errors.append(f"{s['file']}: speaker agency {a!r} not listed")
        for o in q["speaker_officials"]:
            if o not in names:
                errors.append(f"{s['file']}: speaker official {o!r} not listed")
    body = content
    for line in s.get("metadata_lines", []):
        body = body.replace(line, "")
    years = sorted({int(y) for y in re.findall(r"\b(20[0-3]\d|19\d\d)\b", body)})
    if years != sorted(s["years_mentioned"]):
        errors.append(f"{s['file']}: years in body {years} != years_mentioned {s['years_mentioned']}")
    words = len(re.findall(r"\S+", content))
    s.pop("metadata_lines", None)
    out = {
        "file": s["file"], "title": s["title"], "published": s["published"],
        "outlet": s["outlet"], "url": s.get("url"),
        "countries_mentioned": sorted(s["countries_mentioned"]),
        "countries": sorted(s["countries_mentioned"]),
        "country_mentions": s["country_mentions"],
        "years_mentioned": sorted(s["years_mentioned"]),
        "agencies": s["agencies"], "officials": s["officials"],
        "authors": s.get("authors", []), "quotes": quotes, "notes": s.get("notes", []),
    }
    for k in ("published_inferred", "country_traps"):
        if k in s:
            out[k] = s[k]
    print(f"{s['file']}: {words} words, {len(quotes)} quotes, {len(s['officials'])} officials, "
          f"{len(s['agencies'])} agencies, countries {out['countries']}")
    return out


def main():
    errors, gold = [], []
    spec_dir = os.path.join(HERE, "specs")
    for name in sorted(os.listdir(spec_dir)):
        if name.endswith(".py"):
            gold.append(build(load(os.path.join(spec_dir, name)), errors))
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    with open(os.path.join(HERE, "realistic.gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
