"""Text extraction for the Election Security Statements Archive.

Pure functions from a document's text to plain data: no Django, no database. The pipeline stages are
`documents` (reading, metadata, paragraphs, boilerplate), `quotes` (quoted spans), `people` (officials,
agencies, speakers, name matching) and `countries` (countries and years).

``extract_document(text, name)`` returns a dict::

    {
      "document": name,                    # the file's base name
      "title": str | None,                 # headline line or '# Title'
      "published": "YYYY-MM-DD" | None,    # only a date the text states
      "published_precision": "day" | "month" | "year" | None,
      "outlet": str | None,                # 'Original: [...]' link, wire dateline (AP/Reuters) or author bio
      "url": str | None,
      "authors": [str],                    # bylines, contributors, bios; never officials
      "body_start": int,                   # offset of the first prose character after the header
      "boilerplate": [[start, end], ...],  # captions, promos, ad slots, bios, contributor lines, embeds
      "countries": ["RU", "US"],           # sorted ISO alpha-2 codes mentioned in the prose
      "country_mentions": {"US": 3},       # mentions per country
      "years": [2016, 2020],               # sorted 4-digit years mentioned in the prose (not metadata)
      "officials": [{"name", "titles", "agency", "roles": [{"title", "agency"}], "aliases"}],
      "agencies": [{"name", "acronym", "kind", "country", "surface"}],
      "quotes": [{"text", "start", "end", "speaker", "speaker_officials", "speaker_agencies",
                  "fragment", "countries"}],   # in text order; text == document[start:end]
    }

An official's ``agency`` and each quote's ``speaker_agencies`` item is an agency key: the acronym where one
exists, else the canonical name; every key appears in ``agencies`` (as ``acronym`` or ``name``).
"""

from __future__ import annotations

import functools
import os
import re

from .countries import count_mentions, countries_in, country_mentions, find_years
from .documents import DocumentError, find_boilerplate, paragraphs, parse_metadata, read_document, sentences
from .people import (
    Agency,
    AgencyMention,
    Speaker,
    SpeakerResolver,
    _agency_table,
    _title_table,
    agency_by_key,
    canonical_name,
    election_commission_titles,
    federal_state_department,
    find_agencies,
    find_officials,
    home_state_office,
    leading_cue,
    localise_department_of_state,
    localise_foreign_ministers,
    localise_state_titles,
    names_match,
    portfolio_ministries,
    resolve_title_possessives,
    state_office_at,
    state_office_mentions,
    trailing_cue,
    venue_only,
)
from .quotes import find_quotes, is_scare_term, is_title_or_term

# The rules build patterns from the data tables (thousands of agency, title and name forms), more than
# re's default cache of 512 compiled patterns holds; evicted ones were compiled again document after
# document (a fifth of extraction time). Keep them all.
re._MAXCACHE = max(getattr(re, "_MAXCACHE", 512), 16384)

__all__ = ["DocumentError", "canonical_name", "extract_document", "names_match", "read_document"]


def _overlaps(s: int, e: int, spans) -> bool:
    return any(a < e and s < b for a, b in spans)


@functools.lru_cache(maxsize=4096)
def _forms_of(agency: Agency) -> list[tuple[str, re.Pattern]]:
    """The table's surface forms (longer than three characters) of one agency, in table order."""
    return [
        (form, re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)"))
        for form in _forms_by_agency().get(agency, [])
    ]


@functools.cache
def _forms_by_agency() -> dict[Agency, list[str]]:
    out: dict[Agency, list[str]] = {}
    for form, agency in _agency_table()[0].items():
        if len(form) > 3:
            out.setdefault(agency, []).append(form)
    return out


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _surface_forms(m: AgencyMention) -> list[str]:
    """The matched text, plus shorter known forms of the same body inside it ("US State Department" also
    contains "State Department"; "Germany's Federal Ministry of the Interior" contains the ministry's
    name)."""
    forms = [m.surface]
    if m.via_title:
        return forms
    for form, pattern in _forms_of(m.agency):
        if form != m.surface and form in m.surface and pattern.search(m.surface):
            forms.append(form)
    fm = re.match(r"(.+?),?\s+\(?formerly\b", m.surface)
    if fm:
        forms.append(fm.group(1))  # "X, formerly Twitter": X is also its name
    pm = re.match(r"[A-Z][\w.]+(?:\s[A-Z][\w.]+)?(?:’s|'s)\s+(.+)$", m.surface)
    if pm and len(pm.group(1).split()) >= 2:
        forms.append(pm.group(1))
    return forms


# "KREBS: ...", "JEN EASTERLY, CISA DIRECTOR: ..." (the role after the name is dropped)
_TURN = re.compile(
    r"(?P<who>Q|A|[A-Z][A-Z'’.-]+(?:[ \u00a0][A-Z][A-Z'’.-]+){0,3})(?:,[ \u00a0]+[A-Z][A-Z0-9.&'’ -]{1,60})?"
    r"[ \u00a0]*:[ \u00a0]"
)


def _turn_speaker(text: str, para, open_pos: int, officials, resolver) -> Speaker | None:
    """The speaker of a transcript turn holding the quote: "KREBS: ..." (a name in capitals) or "A: ..."
    (the interviewee: the official the article names most)."""
    m = _TURN.match(text, para[0])
    if not m or m.end() > open_pos:
        return None
    who = m.group("who")
    if who == "Q":
        return None
    if who == "A":
        if not officials:
            return None
        best = max(officials, key=lambda o: (len(o.mentions), -min(s for s, _ in o.mentions or [(0, 0)])))
        return resolver._from_officials([best], best.name, "person")
    words = [w.strip(".") for w in re.split(r"[ \u00a0]+", who)]
    if len(who) < 3 or words[-1] in ("AP", "CNN", "BBC", "NPR", "UPDATE", "NOTE", "EDITOR"):
        return None
    for o in officials:
        if o.name.split()[-1].upper() == words[-1]:
            return resolver._from_officials([o], o.name, "person")
    name = " ".join(w.capitalize() for w in words)
    return Speaker(name, [name], [], "person", True)


def _colon_speaker(text: str, para, open_pos: int, resolver) -> Speaker | None:
    """'Secretary of State Maria Delgado was blunt: “...”': the named person or body of the clause that a
    colon ends right before the quote."""
    before = text[para[0] : open_pos]
    if not before.strip():
        # 'In a statement, the service said:\n"The attacks ...': the colon ends the paragraph before
        prev_end = len(text[: para[0]].rstrip())
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if prev_end <= prev_start or text[prev_end - 1] != ":":
            return None
        para = (prev_start, prev_end)
        before = text[prev_start:prev_end]
    if not re.search(r":\s*$", before):
        return None
    cut = max(
        before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("”"), before.rfind('"')
    )
    s0 = para[0] + (cut + 1 if cut >= 0 else 0)
    e0 = para[0] + len(before.rstrip()) - 1
    offs = resolver._officials_in(s0, e0)
    if len(offs) == 1:
        return resolver._from_officials(offs, offs[0].name, "person")
    ags = resolver._agencies_in(s0, e0)
    if not offs and len(ags) == 1 and re.match(r"\s*(?:The\s+|the\s+)?\S", text[s0:e0]):
        return Speaker(text[s0:e0].strip(), [], [ags[0].key], "agency", True)
    # "In a statement, the service said:": the body the description refers back to
    dm = re.search(
        r"(?:^|,\s+)(?P<d>[Tt]he\s+(?:[a-z]+\s+)?[a-z]+)\s+(?:said|says|wrote|writes|stated|added|warned)\s*$",
        text[s0:e0],
    )
    if not offs and not ags and dm:
        d0 = s0 + dm.start("d")
        sp = resolver.resolve(dm.group("d"), d0, d0 + len(dm.group("d")))
        if sp is not None and sp.agencies and not sp.officials:
            return sp
    return None


_COPYRIGHT_LINE = re.compile(r"(?im)^[ \t]*(?:copyright\b|©|\(c\)[ \t])[^\n]*")
_SENTENCE_FINAL_CUE = re.compile(
    r",[ \u00a0]+(?P<subj>(?:the[ \u00a0]+)?[A-Z][^,;“”\"\n]{1,80}?)[ \u00a0]+"
    r"(?:has[ \u00a0]+|have[ \u00a0]+|had[ \u00a0]+)?"
    r"(?P<verb>said|says|warned|concluded|found|reported|announced|added)[ \u00a0]*\.[\"”’']?[ \u00a0]*$"
)


_FUNCTION_WORDS = frozenset(
    "and or but had has have was were is are be been the a an of in on at to for with that which who it its "
    "including as by from than then also not no so if when while after before since until during into over "
    "about more most some such this these those there here said says".split()
)
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday week month year today yesterday".split()
)


def _not_a_speaker(phrase: str) -> bool:
    """'March and', 'had', 'including widespread': function words, dates or a participle, no noun phrase."""
    words = re.findall(r"[A-Za-z][\w’'-]*", phrase)
    if not words:
        return True
    low = [w.lower() for w in words]
    if all(w in _FUNCTION_WORDS or w in _DATE_WORDS for w in low):
        return True
    if re.match(r"[a-z]+ing\b", phrase.strip()) or low[-1] in (
        "and",
        "or",
        "but",
        "of",
        "the",
        "to",
        "a",
        "an",
    ):
        return True
    return False


@functools.lru_cache(maxsize=1)
def _verbs_alt() -> str:
    from .quotes import SPEECH_VERBS

    return SPEECH_VERBS


_DESCRIPTION_PHRASE = re.compile(r"(?i:the|its|their|his|her|this|that|it|they)\b[^A-Z]*")


def shown_speaker(speaker) -> str | None:
    """The speaker phrase a reader would use: a description or pronoun that stands for bodies ("the report",
    "the statement", "it") names them in brackets, by acronym where one exists ("the report (Viginum)",
    "the coalition (CISA, NASED)"), as its officials are named in
    ``speaker_officials``."""
    if speaker is None:
        return None
    phrase = speaker.phrase
    if not phrase or speaker.officials or not speaker.agencies or "(" in phrase:
        return phrase
    if not _DESCRIPTION_PHRASE.fullmatch(phrase) or re.search(r"[A-Z]", phrase[1:]):
        return phrase
    names = []
    for key in dict.fromkeys(speaker.agencies):
        agency = agency_by_key(key)
        forms = [agency.name, agency.acronym or ""] if agency else [key]
        if not any(f and f.lower() in phrase.lower() for f in forms):
            names.append(agency.acronym or agency.name if agency else key)
    return f"{phrase} ({', '.join(names)})" if names else phrase


def extract_document(text: str, name: str) -> dict:
    """Extract metadata, countries, years, officials, agencies and attributed quotes from one document."""
    meta = parse_metadata(text)
    bp = find_boilerplate(text, meta.body_start)
    body_start = meta.body_start
    prose_start = min(meta.title_span[0], body_start) if meta.title_span else body_start
    if meta.letterhead_spans:
        prose_start = min(prose_start, meta.letterhead_spans[0][0])
    meta_spans = [
        s
        for s in meta.metadata_spans
        if not (meta.title_span and s[0] <= meta.title_span[0] and meta.title_span[1] <= s[1])
        and s not in meta.letterhead_spans
    ]
    # "Copyright 2022 Nexstar Media Inc. All rights reserved.": the publisher names no body of the story
    meta_spans += [(m.start(), m.end()) for m in _COPYRIGHT_LINE.finditer(text, body_start)]
    author_spans = list(bp.author_spans)
    authors = list(dict.fromkeys(meta.authors + bp.authors))
    outlet = meta.outlet or bp.outlet

    # prose spans: the title and the body, without metadata lines and author bios
    prose = list(meta.letterhead_spans)
    if meta.title_span:
        prose.append(meta.title_span)
    prose.append((body_start, len(text)))

    def in_prose(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in prose) and not _overlaps(s, e, meta_spans + author_spans)

    # countries and years
    cmentions = [m for m in country_mentions(text, prose_start) if in_prose(m[0], m[1])]
    if meta.dateline_span:
        cmentions = [m for m in cmentions if not _overlaps(m[0], m[1], [meta.dateline_span])]
    years = find_years(
        text, prose, skip=meta_spans + author_spans + ([meta.dateline_span] if meta.dateline_span else [])
    )

    # agencies and officials
    amentions = [m for m in find_agencies(text, prose_start) if in_prose(m.start, m.end)]
    localise_department_of_state(text, amentions)
    # a secretary of state's office with no state named: the state of the sentence or of the story
    home = home_state_office(text)
    offices = [m for m in state_office_mentions(text, prose_start, home) if in_prose(m.start, m.end)]
    if offices:
        # the office wins over a shape-matched name it overlaps ("About the Office of the Secretary")
        spans = [(m.start, m.end) for m in offices]
        amentions = [
            m
            for m in amentions
            if agency_by_key(m.agency.name) is not None or not _overlaps(m.start, m.end, spans)
        ]
        taken = [(m.start, m.end) for m in amentions]
        amentions += [m for m in offices if not _overlaps(m.start, m.end, taken)]
    amentions.sort(key=lambda m: m.start)
    officials = find_officials(text, prose_start, len(text), amentions, authors, author_spans + meta_spans)
    officials = [o for o in officials if not any(names_match(o.name, a) for a in authors)]
    localise_state_titles(text, officials, home)
    localise_foreign_ministers(text, officials)
    resolve_title_possessives(text, officials, amentions)
    portfolio_ministries(text, officials)
    election_commission_titles(officials, amentions)

    # via-title agencies: officials' roles and capitalised titles that imply an agency
    via: list[AgencyMention] = []
    for o in officials:
        for title, agency in o.roles:
            if agency is not None:
                via.append(AgencyMention(-1, -1, agency, title, via_title=True))
    for f in _title_table()["fixed"]:
        if not f.get("agency") or f.get("state_level_if_prefixed"):
            continue
        if f["agency"] in ("White House", "United States Senate", "United States House of Representatives"):
            continue
        if f["title"] not in text:
            continue
        for m in _word_pattern(f["title"]).finditer(text):
            # "the Attorney General's Office (FGR)": a word of a body's own name, not a title
            if any(
                a.start <= m.start() and m.end() <= a.end and a.agency.name != f["agency"] for a in amentions
            ) or re.match(r"(?:’s|'s)[ \u00a0]+Office\b", text[m.end() : m.end() + 12]):
                continue
            if in_prose(m.start(), m.end()):
                before = text[max(0, m.start() - 20) : m.start()]
                if re.search(r"(?:[A-Z][a-z]+)(?:’s|'s)?\s+$", before) and not re.search(
                    r"(?:Acting|Deputy|Former|The|and|of|with|from|by|U\.S\.|US)\s+$", before
                ):
                    continue
                agency = agency_by_key(f["agency"])
                if (
                    agency is not None
                    and agency.name == "U.S. Department of State"
                    and not federal_state_department(text)
                ):
                    agency = state_office_at(text, m.start(), home) or agency
                if agency:
                    via.append(AgencyMention(m.start(), m.end(), agency, f["title"], via_title=True))

    agencies_out: dict[Agency, dict] = {}
    venues = venue_only(text, amentions + via)
    for m in amentions + via:
        if m.agency in venues:
            continue
        entry = agencies_out.setdefault(
            m.agency,
            {
                "name": m.agency.name,
                "acronym": m.agency.acronym,
                "kind": m.agency.kind,
                "country": m.agency.country,
                "surface": [],
            },
        )
        for form in _surface_forms(m):
            # a person of the body with no title ("CrowdStrike's Adam Meyers") names it in no words
            if form and form not in entry["surface"]:
                entry["surface"].append(form)

    # quotes
    excluded = list(bp.spans) + meta_spans + ([meta.title_span] if meta.title_span else [])
    quotes = find_quotes(text, body_start, excluded)
    paras = paragraphs(text, body_start)
    sents = []
    for ps, pe in paras:
        sents.extend(sentences(text, ps, pe))
    resolver = SpeakerResolver(text, officials, amentions, sents)
    resolver.quote_spans = [(q.start, q.end) for q in quotes]
    results = []
    for q in quotes:
        para = paras[q.paragraph] if 0 <= q.paragraph < len(paras) else (body_start, len(text))
        close = q.close_pos if q.close_pos is not None else q.end
        close_para = next((pp for pp in paras if pp[0] <= close < pp[1] + 1), para)
        cue = trailing_cue(text, close, close_para[1]) if q.close_pos is not None else None
        speaker = None
        if cue:
            speaker = resolver.resolve(cue[0], cue[1], cue[2])
            if (
                speaker.kind == "none"
                or speaker.kind == "unnamed"
                and (not re.search(r"[A-Za-z]", cue[0]) or _not_a_speaker(cue[0]))
            ):
                speaker, cue = None, None
        if speaker is None:
            sent_start = para[0]
            for s, e in sents:
                if s <= q.open_pos < e:
                    sent_start = s
            prev_close = [
                x.close_pos
                for x in quotes
                if x.close_pos is not None and sent_start <= x.close_pos < q.open_pos
            ]
            if prev_close:
                sent_start = max(prev_close) + 1
            cue = leading_cue(text, sent_start, q.open_pos)
            if cue:
                speaker = resolver.resolve(cue[0], cue[1], cue[2])
            between = text[max(prev_close) + 1 : q.open_pos] if prev_close else ""
            if (
                prev_close
                and results
                and results[-1][1] is not None
                and results[-1][2]
                and (
                    # 'X said China "..." and urged Canada to "..."'
                    cue is not None
                    and (speaker is None or speaker.kind in ("unnamed", "none"))
                    and re.search(r"\b(?:and|or|but)\s+(?:\w+\s+){0,5}$|^\s*(?:and|or|but)\b", between)
                    # 'calling the claims "fabricated" and "malicious slander."', 'said China "firmly opposes"
                    # such "irresponsible remarks"': a few small words between
                    or cue is None
                    and re.fullmatch(r"\s*(?:,\s*)?(?:[a-z]+\s+){0,3}", between)
                )
            ):
                # 'X said China "..." and urged Canada to "...": the sentence's speaker goes on
                speaker, cue = results[-1][1], ("", 0, 0, "")
        if speaker is None and q.close_pos is not None:
            # 'Russian sources carried out a “continued and sustained” campaign ..., the EU has said.': the
            # attribution that closes the quote's sentence
            own_end = next((e for s, e in sents if s <= q.open_pos < e), close_para[1])
            fm = _SENTENCE_FINAL_CUE.search(text, close + 1, own_end)
            if fm and not re.search(r"[“”\"]", text[close + 1 : fm.start()]):
                subj = fm.group("subj")
                if not re.search(r"\b(?:that|which|who|" + _verbs_alt() + r")\b", subj):
                    cue = (subj, fm.start("subj"), fm.end("subj"), fm.group("verb"))
                    speaker = resolver.resolve(*cue[:3])
                    if speaker.kind in ("none", "unnamed") and not speaker.agencies:
                        speaker, cue = None, None
        if (
            speaker is not None
            and cue
            and cue[3] in ("wrote", "writes", "states", "stated", "found", "assessed")
            and (speaker.kind == "agency")
        ):
            authors_ = [a.key for a in resolver.report_source(q.open_pos, union=True)]
            if set(speaker.agencies) & set(authors_):
                speaker.agencies = list(dict.fromkeys(speaker.agencies + authors_))
        if speaker is not None:
            resolver.remember(q.start, speaker)
        results.append([q, speaker, cue is not None and speaker is not None])

    # a statement read out on air: '... put out a statement, and I want to read part of it. Quote, "..."'
    for item in results:
        q = item[0]
        if item[1] is None and re.search(r"\b[Qq]uote[,:]?\s*$", text[max(0, q.open_pos - 12) : q.open_pos]):
            src = resolver.statement_source(q.open_pos)
            if src is not None and (src.officials or src.agencies):
                item[1], item[2] = (
                    Speaker("the statement", list(src.officials), list(src.agencies), "statement", True),
                    True,
                )
    # quotes without a cue: a transcript turn ("KREBS:", "A:") or a clause ending in a colon names the speaker
    for item in results:
        q = item[0]
        first_person = item[1] is not None and re.fullmatch(
            r"(?:i|we)(?:['’](?:d|m|ve|ll|re))?", (item[1].phrase or "").strip().lower()
        )
        if item[1] is not None and item[1].kind != "none" and not first_person:
            continue
        para = paras[q.paragraph] if 0 <= q.paragraph < len(paras) else (body_start, len(text))
        if first_person:
            # "A: I would say “...”": the one answering
            item[1] = _turn_speaker(text, para, q.open_pos, officials, resolver) or item[1]
            continue
        # '... said the claims were “...”, adding: “...”': the speaker of the quote the clause follows
        idx = results.index(item)
        prev = results[idx - 1] if idx > 0 else None
        if (
            prev is not None
            and prev[1] is not None
            and prev[0].close_pos is not None
            and re.fullmatch(
                r"[\s,.”\"]*(?:and\s+)?(?:(?:he|she|they|it)\s+)?(?:adding|added|continuing|continued|saying)\s*:\s*",
                text[prev[0].close_pos + 1 : q.open_pos],
            )
        ):
            item[1], item[2] = prev[1], True
            continue
        # the clause right before the quote names the speaker more closely than the turn it is in
        item[1] = _colon_speaker(text, para, q.open_pos, resolver) or _turn_speaker(
            text, para, q.open_pos, officials, resolver
        )
        item[2] = item[1] is not None
    # a quote opening a sentence right after "X, a spokesman for ..., said the intruders had read data." in
    # the same paragraph: X's words go on
    for item in results:
        q = item[0]
        if item[1] is not None:
            continue
        own = next(((s, e) for s, e in sents if s <= q.open_pos < e), None)
        if own is None or text[own[0] : q.open_pos].strip(" “\"‘'"):
            continue
        prev = (
            [(s, e) for s, e in sents if e <= own[0] and s >= paras[q.paragraph][0]]
            if q.paragraph >= 0
            else []
        )
        if not prev or re.search(r"[“”\"]", text[prev[-1][0] : prev[-1][1]]):
            continue
        vm = re.search(
            r"\b(?:said|says|told|added|noted|explained|wrote|stated)\b", text[prev[-1][0] : prev[-1][1]]
        )
        cue = leading_cue(text, prev[-1][0], prev[-1][0] + vm.end() + 1) if vm else None
        if cue:
            sp = resolver.resolve(cue[0], cue[1], cue[2])
            if sp.kind == "person" and sp.officials:
                item[1], item[2] = sp, True
    # fill unattributed quotes from their neighbours
    for i, item in enumerate(results):
        q, speaker, explicit = item
        if speaker is not None:
            continue
        prev = results[i - 1] if i > 0 else None
        nxt = results[i + 1] if i + 1 < len(results) else None
        if prev and prev[1] is not None and q.paragraph - prev[0].paragraph <= 1:
            item[1] = prev[1]
        elif nxt and nxt[1] is not None and nxt[0].paragraph - q.paragraph <= 1:
            item[1] = nxt[1]
    # a quote standing alone right after a paragraph about one named official: "Election director Paula Grant
    # was confident.\n\n“Everything checked out.”"
    for item in results:
        q = item[0]
        if item[1] is not None or not 0 < q.paragraph < len(paras):
            continue
        if text[paras[q.paragraph][0] : q.open_pos].strip():
            continue
        ps, pe = paras[q.paragraph - 1]
        named = resolver._officials_in(ps, pe)
        if len(named) == 1 and not re.search(r"[“”\"]", text[ps:pe]):
            item[1] = resolver._from_officials(named, named[0].name, "person")
    # bodies of speech without a named source (a statement nobody signed): the nearest explicit body
    explicit_bodies = [
        (q.start, sp) for q, sp, _ in results if sp is not None and sp.kind in ("agency", "person")
    ]
    for item in results:
        sp = item[1]
        if (
            sp is not None
            and sp.kind in ("statement", "group", "report")
            and not sp.officials
            and not sp.agencies
        ):
            if explicit_bodies:
                near = min(explicit_bodies, key=lambda x: abs(x[0] - item[0].start))[1]
                item[1] = type(sp)(sp.phrase, list(near.officials), list(near.agencies), sp.kind, False)

    out_quotes = []
    for q, speaker, explicit in results:
        words = re.findall(r"[\w'’-]+", q.text)
        if len(words) <= 2 and not explicit:
            continue
        if len(words) <= 3 and re.search(
            r"so-called\s*$|so called\s*$", text[max(0, q.open_pos - 12) : q.open_pos]
        ):
            continue
        if is_title_or_term(text, q) and not explicit or is_scare_term(text, q):
            continue
        out_quotes.append(
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": shown_speaker(speaker),
                "speaker_officials": list(dict.fromkeys(speaker.officials)) if speaker else [],
                "speaker_agencies": list(dict.fromkeys(speaker.agencies)) if speaker else [],
                "fragment": q.fragment,
                "countries": countries_in(q.text),
            }
        )

    # make sure every referenced agency is listed
    listed = {a.key for a in agencies_out}
    for qd in out_quotes:
        for key in qd["speaker_agencies"]:
            if key not in listed:
                agency = agency_by_key(key)
                if agency:
                    agencies_out[agency] = {
                        "name": agency.name,
                        "acronym": agency.acronym,
                        "kind": agency.kind,
                        "country": agency.country,
                        "surface": [],
                    }
                    listed.add(key)

    officials_out = []
    for o in sorted(officials, key=lambda o: min([s for s, _ in o.mentions] or [0])):
        officials_out.append(
            {
                "name": o.name,
                "titles": list(o.titles),
                "agency": o.agency.key if o.agency else None,
                "roles": [{"title": t, "agency": a.key if a else None} for t, a in o.roles if t],
                "aliases": sorted(o.aliases | {o.name}),
            }
        )

    return {
        "document": os.path.basename(name),
        "title": meta.title,
        "published": meta.published,
        "published_precision": meta.published_precision if meta.published else None,
        "outlet": outlet,
        "url": meta.url,
        "authors": authors,
        "body_start": body_start,
        "boilerplate": [[s, e] for s, e in sorted(bp.spans)],
        "countries": sorted({m[2] for m in cmentions}),
        "country_mentions": count_mentions(cmentions),
        "years": years,
        "officials": officials_out,
        "agencies": sorted(agencies_out.values(), key=lambda a: a["name"]),
        "quotes": out_quotes,
    }
