"""Countries (ISO 3166 alpha-2) and years mentioned in a text.

Surface forms come from pycountry (name, common_name, official_name) and from data/countries.json
(extra names, demonyms and adjectives, capitals and metonyms). Names that usually denote something else
in U.S. election news (Georgia the state, Jordan or Chad as a person's name) count only with a cue.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pycountry

from ._regex import alternation

__all__ = ["country_mentions", "countries_in", "find_years", "CountryMention"]

DATA = Path(__file__).with_name("data") / "countries.json"

CountryMention = tuple[int, int, str, str]  # start, end, ISO code, surface


@lru_cache(maxsize=1)
def _table():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    non_sovereign = set(data["non_sovereign"])
    ambiguous_forms = {f for spec in data["ambiguous"].values() for f in spec["forms"]}
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        if code in non_sovereign:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value not in ambiguous_forms:
                forms.setdefault(value, code)
    for group in ("names", "adjectives", "metonyms"):
        for code, values in data[group].items():
            for value in values:
                if value not in ambiguous_forms:
                    forms[value] = code
    # possessive and plural forms are handled by the boundary rule; drop forms that are only ambiguous
    pattern = re.compile(
        r"(" + alternation(forms, not_after=r"\w.&-") + r")(?![\w]|-(?:[a-z]+ )?(?:based|born)\b(?!))"
    )
    exclude_re = re.compile(r"(" + alternation(data["exclude_phrases"], not_after=r"\w") + r")(?!\w)")
    amb = {code: (spec["forms"], spec["cues"]) for code, spec in data["ambiguous"].items()}
    states = data["state_names"]
    return forms, pattern, exclude_re, amb, states


_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_PERSON_TITLES = re.compile(
    r"(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Capt|Adm|Judge|Justice|President|Secretary|Director|Mayor)\.?\s*$"
)
_WASHINGTON_METONYM = re.compile(
    r"Washington(?:’s|'s)?\s+(?:has|have|had|is|was|will|would|wants|wanted|said|says|accused|accuses|blamed|blames|"
    r"warned|warns|sanctioned|imposed|responded|denied|rejected|claims|claimed|must|should|can|could|considers|"
    r"sees|views|believes)\b|(?:Moscow|Beijing|Tehran|Pyongyang|Kyiv|London|Paris|Berlin)\s+and\s+Washington\b|"
    r"Washington\s+and\s+(?:Moscow|Beijing|Tehran|Pyongyang|Kyiv|its allies)\b|(?:between|against|from|b"
    r"y|with)\s+"
    r"Washington\s+and\b"
)


def _is_person_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 25) : start]
    after = text[end : end + 25]
    if _PERSON_TITLES.search(before):
        return True
    if re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(
        r"(?:The|In|And|From|Of|To|With|Against|For|By|At|On|Both|Including|Like)\s+$", before
    ):
        prev = re.search(r"([A-Z][a-z]+)\s+$", before).group(1)
        if not _is_sentence_start(text, start - len(before) + before.rfind(prev)):
            return True
        return True
    if re.match(r"\s+[A-Z][a-z]+\b", after) and not re.match(
        r"\s+(?:The|In|And|But|Is|Was|Has|Said)\b", after
    ):
        return True
    return False


def _is_sentence_start(text: str, pos: int) -> bool:
    return bool(re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, pos - 5) : pos]))


_NOT_A_DEMONYM = re.compile(r"\s+(?:University|College|Airlines|Express|Legion|Civil|Enterprise|Samoa)\b")


@lru_cache(maxsize=1)
def _amb_patterns():
    """Compiled patterns for the ambiguous names: each form with the U.S. states other than it, each
    country's cue words, and a capital followed by a U.S. state ("Paris, Texas")."""
    _, _, _, amb, states = _table()
    form_res = {}
    cue_res = {}
    for code, (amb_forms, cues) in amb.items():
        for form in amb_forms:
            form_res[form] = (
                re.compile(r"(?<![\w.-])" + re.escape(form) + r"(?![\w-])"),
                re.compile(r"\b" + alternation(st for st in states if st != form) + r"\b"),
            )
        cue_res[code] = re.compile(r"(?<!\w)" + alternation(cues) + r"(?!\w)")
    place = re.compile(
        r",\s+(?:" + "|".join(states) + r"|Ohio|Texas|Ky\.|Ind\.|Idaho|Ont\.|Ontario|N\.H\.|Pa\.)\b"
    )
    return form_res, cue_res, place


_PLACE_NAME_TAIL = re.compile(
    r"[ \u00a0]+(?:Creek|River|Run|Hills?|Lake|Township|Springs?|Valley|Beach|Road|Street|Avenue|"
    r"Boulevard|County|Parish|Borough)\b"
)


_BIRD_AFTER = re.compile(
    r"[ \u00a0]+(?:sandwich(?:es)?|dinners?|breasts?|burgers?|legs?|bacon|feasts?|roasts?|chili|"
    r"giveaways?|drives?|trot)\b"
)


_TOWN_AFTER = re.compile(
    r",[ \u00a0]+(?:an?|the)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,3}?"
    r"(?:town|city|village|hamlet|community|township|borough|suburb|county seat)\b"
    r"|[ \u00a0]+(?:Mayor|City[ \u00a0]Council|City[ \u00a0]Hall|Community[ \u00a0]Center|Town[ \u00a0]Hall|"
    r"Police[ \u00a0]Department|Fire[ \u00a0]Department|Public[ \u00a0]Library|High[ \u00a0]School|"
    r"Elementary|ISD)\b"
)
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village|hamlet|township|borough)[ \u00a0]+of[ \u00a0]+$", re.I)


def country_mentions(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Every country mention in text[start:end], in text order."""
    forms, pattern, exclude_re, amb, states = _table()
    end = len(text) if end is None else end
    region = text[start:end]
    blocked = [(m.start(), m.end()) for m in exclude_re.finditer(region)]
    out: list[CountryMention] = []

    def free(s: int, e: int) -> bool:
        return not any(bs < e and s < be for bs, be in blocked)

    for m in pattern.finditer(region):
        s, e, surface = m.start(), m.end(), m.group(1)
        if not free(s, e):
            continue
        code = forms[surface]
        if surface in ("US", "UK") and (region[max(0, s - 1) : s] == "-" or region[e : e + 1] == "-"):
            pass
        if surface in ("American", "Americans", "Chinese", "Indian", "Indians") and _NOT_A_DEMONYM.match(
            region, e
        ):
            continue
        if surface in (
            "Paris",
            "London",
            "Berlin",
            "Rome",
            "Moscow",
            "Cairo",
            "Athens",
            "Lima",
            "Dublin",
        ) and _amb_patterns()[2].match(region, e):
            continue
        if surface in ("London", "Paris", "Berlin", "Cairo", "Tokyo") and _is_person_context(region, s, e):
            continue
        if surface == "Turkey" and _BIRD_AFTER.match(region, e):
            continue  # "Turkey sandwiches donated by a church": the bird
        if _PLACE_NAME_TAIL.match(region, e) and surface[:1].isupper() and " " not in surface:
            continue  # "the town of Turkey Creek", "Peru Township", "Lebanon Valley": a place named after it
        if (
            surface[:1].isupper()
            and " " not in surface
            and (_TOWN_AFTER.match(region, e) or _TOWN_BEFORE.search(region, max(0, s - 30), s))
        ):
            continue  # "Turkey, a Panhandle town", "the city of Turkey", "Turkey Mayor Jo Ellis": a town
        if code == "US" and surface == "US" and region[s - 1 : s] in ("(", "/") and region[e : e + 1] == ")":
            pass
        out.append((start + s, start + e, code, surface))
    # ambiguous names: only with a cue word in the document, not in a person's name or a list of U.S. states
    form_res, cue_res, _ = _amb_patterns()
    for code, (amb_forms, cues) in amb.items():
        if not cues:
            for form in amb_forms:
                if form not in region:
                    continue
                for m in form_res[form][0].finditer(region):
                    if free(m.start(), m.end()) and not _is_person_context(region, m.start(), m.end()):
                        out.append((start + m.start(), start + m.end(), code, form))
            continue
        if not any(form in region for form in amb_forms):
            continue
        doc_cue = bool(cue_res[code].search(text))
        for form in amb_forms:
            form_re, states_re = form_res[form]
            for m in form_re.finditer(region):
                if not free(m.start(), m.end()) or _is_person_context(region, m.start(), m.end()):
                    continue
                if not doc_cue and not _among_countries(region, m.start(), m.end(), code):
                    continue
                near = region[max(0, m.start() - 40) : m.end() + 40]
                if states_re.search(near):
                    continue
                out.append((start + m.start(), start + m.end(), code, form))
    # Washington as a metonym for the U.S. government
    for m in _WASHINGTON_METONYM.finditer(region) if "Washington" in region else ():
        w = region.find("Washington", m.start(), m.end())
        if w >= 0 and free(w, w + 10):
            out.append((start + w, start + w + 10, "US", "Washington"))
    out.sort()
    return out


# countries that a U.S. election story often names beside a state ("Russia targeted Georgia's rolls")
_USUAL_ACTORS = {"US", "RU", "CN", "IR", "KP"}


def _among_countries(region: str, s: int, e: int, code: str) -> bool:
    """'Russia did the same in Georgia in 2008, and they tried it in France in 2017': a name that is also a
    U.S. state counts as the country when its sentence names another country that is not one of the usual
    actors of a U.S. election story."""
    a = max(region.rfind(". ", 0, s), region.rfind("\n", 0, s)) + 1
    b_dot, b_nl = region.find(". ", e), region.find("\n", e)
    b = min(x for x in (b_dot, b_nl, len(region)) if x >= 0)
    forms, pattern, _, _, _ = _table()
    for m in pattern.finditer(region, a, b):
        other = forms[m.group(1)]
        if other != code and other not in _USUAL_ACTORS and m.group(1)[:1].isupper():
            if re.fullmatch(r"[A-Z][a-z]+(?:n|ese|ish|i|ch|ian)", m.group(1)):
                continue  # an adjective ("French") says less than a name
            return True
    return False


def countries_in(text: str) -> list[str]:
    """Sorted ISO codes of the countries a short text (such as one quote) mentions."""
    return sorted({code for _, _, code, _ in country_mentions(text)})


def count_mentions(mentions: list[CountryMention]) -> dict[str, int]:
    return dict(sorted(Counter(code for _, _, code, _ in mentions).items()))


# "(?<![\w$€£.,/:-])((?:19|20)\d\d)...", with the boundary tested after the century so that the pattern starts
# with a literal (re then skips to the digits 1 and 2)
_YEAR = re.compile(r"((?:19|20)(?<![\w$€£.,/:-]..)\d\d)(?![\w/:]|[.,]\d|-\d\d-)")


def find_years(text: str, spans: list[tuple[int, int]], skip: list[tuple[int, int]] = ()) -> list[int]:
    """Sorted 4-digit years (1900-2099) in the given spans of text, outside `skip` spans and URLs."""
    years: set[int] = set()
    urls = [(m.start(), m.end()) for m in re.finditer(r"https?://\S+|www\.\S+", text)]
    for s, e in spans:
        for m in _YEAR.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in list(skip) + urls):
                continue
            after = text[m.end() : m.end() + 12]
            if re.match(
                r"\s+(?:votes|voters|ballots|people|residents|machines|precincts|counties|dollars|times)\b",
                after,
            ):
                continue
            years.add(int(m.group(1)))
    return sorted(years)
