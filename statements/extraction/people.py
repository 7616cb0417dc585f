"""Officials, agencies and speaker attribution.

Officials are named people in public roles: a name with a title before it ("FBI Director Christopher Wray"),
an appositive title after it ("Chris Krebs, director of ..."), a party-state tag ("Sen. Mark Warner, D-Va."),
or a well-known public figure from data/people.json. Agencies come from data/agencies.json surface forms and
from titles that imply them (data/titles.json). Reporters and authors are never officials.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ._regex import alternation

__all__ = [
    "venue_only",
    "Agency",
    "AgencyMention",
    "Official",
    "canonical_name",
    "find_agencies",
    "find_officials",
    "names_match",
]

DATA = Path(__file__).with_name("data")


# ---------------------------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Agency:
    name: str
    acronym: str | None
    kind: str
    country: str | None

    @property
    def key(self) -> str:
        """The identifier used in output: the acronym where one exists, else the canonical name."""
        return self.acronym or self.name


@dataclass
class AgencyMention:
    start: int
    end: int
    agency: Agency
    surface: str
    via_title: bool = False


_VENUES: set[Agency] = set()  # platforms marked "venue" in the table (filled with it)


@lru_cache(maxsize=1)
def _agency_table():
    data = json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    by_surface: dict[str, Agency] = {}
    any_case: dict[str, Agency] = {}
    by_key: dict[str, Agency] = {}
    for entry in data:
        agency = Agency(entry["name"], entry.get("acronym") or None, entry["kind"], entry.get("country"))
        by_key.setdefault(agency.name.lower(), agency)
        if agency.acronym:
            by_key.setdefault(agency.acronym.lower(), agency)
        for alias in entry.get("aliases") or []:
            by_key.setdefault(alias.lower(), agency)
        if entry.get("venue"):
            _VENUES.add(agency)
        if entry.get("context_only"):
            continue  # matched only by a rule that checks its context (e.g. "Kremlin spokesman")
        forms = [agency.name, *(entry.get("aliases") or [])]
        if agency.acronym:
            forms.append(agency.acronym)
        for form in forms:
            by_surface.setdefault(form, agency)
            if "'" in form:
                by_surface.setdefault(form.replace("'", "’"), agency)
        for form in entry.get("aliases_any_case") or []:
            any_case.setdefault(form.lower(), agency)
    pattern = re.compile(r"(" + alternation(by_surface, not_after=r"\w&-") + r")(?![\w&]|-[A-Z])")
    ci_pattern = (
        re.compile(
            r"(?<![\w&-])(" + alternation(any_case) + r")(?!\w)",
            re.I,
        )
        if any_case
        else None
    )
    return by_surface, any_case, by_key, pattern, ci_pattern


# "circulated on X, TikTok and Telegram", "posted to Telegram", "via WhatsApp": the platform as a place
_VENUE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:on|onto|across|via|through)|(?:posted|uploaded|shared|moved|migrated|reposted|"
    r"spread|circulated|circulating|published|broadcast|livestreamed|streamed)[ \u00a0]+(?:to|on|in))"
    r"[ \u00a0]+(?:(?:the|its|their|his|her|a|an)[ \u00a0]+)?"
    r"(?:(?:messaging|social[ \u00a0]media|video|encrypted)[ \u00a0]+)?"
    r"(?:(?:apps?|platforms?|sites?|services?)[ \u00a0]+)?"
    r"(?:[A-Z][\w.-]*(?:[ \u00a0][A-Z][\w.-]*)?"
    r"(?:,[ \u00a0]*|[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]+(?:and|or)[ \u00a0]+))*$"
)
# "Telegram channels", "312 Facebook accounts", "a YouTube video": the platform naming a place on it
_VENUE_AFTER = re.compile(
    r"(?:’s|'s)?[ \u00a0]+(?:channels?|accounts?|pages?|groups?|posts?|videos?|handles?|users?|feeds?|"
    r"profiles?|messages?|chats?|clips?|livestreams?|streams?|broadcasts?|ads?|adverts?|stories|story|"
    r"servers?|communities|community|influencers?|creators?)\b"
)


def venue_only(text: str, mentions: list[AgencyMention]) -> set[Agency]:
    """Platforms of the table the text names only as places where something was posted or circulated:
    annotators do not list those as bodies ("the clips circulated on X and Telegram"); a platform that acts,
    speaks or is addressed anywhere in the text ("Telegram said", "asked Meta and TikTok") is kept."""
    acting: set[Agency] = set()
    venues: set[Agency] = set()
    for m in mentions:
        if m.agency in _VENUES:
            before = text[max(0, m.start - 80) : m.start]
            venue = not m.via_title and (_VENUE_BEFORE.search(before) or _VENUE_AFTER.match(text, m.end))
        elif m.agency.kind == "other" and m.agency.country is None and m.start >= 0:
            # a campaign's or group's label only ever written in quotation marks ('the hallmarks of
            # "Storm-1516"') is a quoted name, not a body
            venue = (
                text[m.start - 1 : m.start] in _OPENING_MARKS
                and text[m.end : m.end + 2].lstrip(",.")[:1] in _CLOSING_MARKS
            )
        else:
            continue
        (venues if venue else acting).add(m.agency)
    return venues - acting


_OPENING_MARKS = frozenset("\"“‘'")
_CLOSING_MARKS = frozenset("\"”’'")


def agency_by_key(key: str) -> Agency | None:
    return _agency_table()[2].get(key.lower())


@lru_cache(maxsize=1)
def _title_table():
    data = json.loads((DATA / "titles.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _people_table():
    return json.loads((DATA / "people.json").read_text(encoding="utf-8"))["people"]


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, set[str]]:
    groups = json.loads((DATA / "nicknames.json").read_text(encoding="utf-8"))["groups"]
    out: dict[str, set[str]] = {}
    for group in groups:
        names = {g.lower() for g in group}
        for n in names:
            out.setdefault(n, set()).update(names)
    return out


# ---------------------------------------------------------------------------------------------- names

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"\s+", name.strip()) if p and p.lower().strip(",") not in _SUFFIXES]
    return tuple(p.strip(",") for p in parts)


# common East Asian family names, written first ("Lin Haoyu", "Park Sang-min"): the family name alone refers
# to the person ("Lin said")
_FAMILY_FIRST = frozenset(
    """
    Li Lin Wang Zhang Chen Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Luo Gao Zheng Liang Xie Tang
    Han Cao Deng Feng Cheng Cai Peng Pan Yuan Tian Dong Jiang Lai Hsiao Tsai Ko Hou Lu Su Ye Wei Jin Du Shen
    Qin Fu Yu Xiao Yao Zou Xiong Qiu Yan Mao Chiu Chang Hsu Hsieh Kuo Wong Chan Leung Cheung Tse Tsang
    Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Shin Yoo Oh Seo Kwon Hwang Ahn Song Hong Moon
    Baek Nam Ryu Jeon Ko Bae Heo Noh Yun Chung
    """.split()
)
# family names that are also common Western given or family names: family-first only with a hyphenated
# given name ("Kim Do-hyun", not "Kim Stevens")
_FAMILY_FIRST_AMBIGUOUS = frozenset(
    "Lee Kim Song Hong Moon Park Chang Chan Young Ma Su Lu Yu He Han Nam Oh Ko".split()
)


@lru_cache(maxsize=65536)
def family_first(name: str) -> bool:
    """True for a two-part East Asian name written family name first ("Lin Haoyu", "Choi Min-jae")."""
    parts = _name_parts(name)
    if len(parts) != 2 or parts[0] not in _FAMILY_FIRST:
        return False
    given = parts[1]
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", given):
        return True
    if parts[0] in _FAMILY_FIRST_AMBIGUOUS or given.lower() in _nicknames():
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]{1,7}", given)) and given.lower() not in _western_given()


@lru_cache(maxsize=1)
def _western_given() -> frozenset[str]:
    return frozenset(n.lower() for n in _nicknames())


def family_name(name: str) -> str:
    """The part of a name that refers to the person alone: the family name."""
    parts = _name_parts(name)
    if not parts:
        return ""
    return parts[0] if family_first(name) else parts[-1]


@lru_cache(maxsize=65536)
def names_match(a: str, b: str) -> bool:
    """True when two names can denote the same person ("Chris Krebs" / "Christopher Krebs" / "Krebs")."""
    pa, pb = _name_parts(a), _name_parts(b)
    if not pa or not pb:
        return False
    if len(pa) == 1 and len(pb) == 2 and pa[0] == pb[0] and family_first(b):
        return True
    if len(pb) == 1 and len(pa) == 2 and pb[0] == pa[0] and family_first(a):
        return True
    if pa[-1].lower() != pb[-1].lower():
        return False
    if len(pa) == 1 or len(pb) == 1:
        return True
    fa, fb = pa[0].lower().rstrip("."), pb[0].lower().rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    nick = _nicknames()
    if fb in nick.get(fa, set()):
        return True
    return False


def canonical_name(names) -> str:
    """The fullest form among names of one person (most parts, then longest, then alphabetical)."""
    names = [n for n in names if n and n.strip()]
    if not names:
        return ""
    return sorted(names, key=lambda n: (-len(_name_parts(n)), -len(n), n))[0]


# ---------------------------------------------------------------------------------------------- agencies


def find_agencies(text: str, start: int = 0, end: int | None = None) -> list[AgencyMention]:
    """Explicit agency mentions (surface forms from data/agencies.json) in text[start:end]."""
    by_surface, any_case, _, pattern, ci_pattern = _agency_table()
    end = len(text) if end is None else end
    out: list[AgencyMention] = []
    taken: list[tuple[int, int]] = []
    for m in pattern.finditer(text, start, end):
        surface = m.group(1)
        agency = by_surface[surface]
        if surface in ("House", "Senate", "Congress") and not _legislature_context(text, m.start(), m.end()):
            continue
        if surface in ("the Commons", "The Commons") and re.match(
            r"(?:[ \u00a0]+[\w-]+){1,4}?[ \u00a0]+(?:[Cc]ommittee|[Ss]elect)\b", text[m.end() : m.end() + 60]
        ):
            continue  # "the Commons foreign affairs committee": the committee, found by its own rule
        out.append(AgencyMention(m.start(), m.end(), agency, surface))
        taken.append((m.start(), m.end()))
    # "the F.B.I.", "the C.I.A." (house styles that dot acronyms): the acronym's body
    for m in _DOTTED.finditer(text, start, end) if "." in text else ():
        agency = by_surface.get(m.group().replace(".", ""))
        if (
            agency is not None
            and agency.acronym == m.group().replace(".", "")
            and m.group() not in by_surface
        ):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(AgencyMention(m.start(), m.end(), agency, m.group()))
                taken.append((m.start(), m.end()))
    if ci_pattern is not None:
        for m in ci_pattern.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            out.append(AgencyMention(m.start(), m.end(), any_case[m.group(1).lower()], m.group(1)))
    if "Election Commission" in text:
        _national_election_commission(text, start, end, out, taken)
    if "Police" in text or "Commission" in text or "Service" in text or "Deputies" in text:
        _bare_national_bodies(text, start, end, out, taken)
    for m in _generic_agencies(text, start, end):
        if m.surface.startswith(("House ", "Senate ")) and m.surface.endswith("ommittee"):
            # "House Appropriations Committee": the committee, not the chamber its name starts with
            inside = [
                a for a in out if m.start <= a.start and a.end <= m.end and a.surface in ("House", "Senate")
            ]
            for a in inside:
                out.remove(a)
                taken.remove((a.start, a.end))
        if not any(s < m.end and m.start < e for s, e in taken):
            out.append(m)
            taken.append((m.start, m.end))
            continue
        # "the Zimbabwe Electoral Commission": another country's body whose name ends in a table name of
        # one country's ("Electoral Commission", the UK's) is the longer name
        inside = [a for a in out if m.start < a.start and a.end <= m.end and not a.via_title]
        cm = (
            re.fullmatch(
                r"(?:[Tt]he\s+)?(?P<c>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)(?:’s|'s)?\s+"
                r"(?:(?:Central|National|Independent|Federal|Permanent|Supreme)\s+)?",
                text[m.start : inside[0].start],
            )
            if inside
            else None
        )
        code = _country_words().get(cm.group("c"), (None,))[0] if cm else None
        # "the Georgia Emergency Management and Homeland Security Agency", "the Ohio Department of Homeland
        # Security": a state's own body whose name holds a federal one's
        state_body = (
            inside
            and code is None
            and m.agency.kind != "company"
            and _us_states().match(m.surface)
            and all(a.agency.country == "US" and a.start > m.start for a in inside)
            and re.search(r"\b(?:" + _ORG_HEADS + r")\b", m.surface)
        )
        if state_body and not any(
            s < m.end and m.start < e for s, e in taken if (s, e) not in {(a.start, a.end) for a in inside}
        ):
            for a in inside:
                out.remove(a)
                taken.remove((a.start, a.end))
            out.append(m)
            taken.append((m.start, m.end))
            continue
        # "The National Electoral Commission (PKW)": a longer name the text gives its own acronym, which is
        # no acronym of the table body inside it, is that longer name's body
        pm = _PAREN_ACRONYM.match(text, m.end, end) if inside else None
        own_acronym = (
            pm is not None
            and not _country_code(pm.group(1))
            # "the Czech Security Information Service (BIS)": the table body itself, by its nationality
            and not (code and any(a.agency.country == code for a in inside))
            and all(
                a.agency.acronym != pm.group(1) and _agency_table()[0].get(pm.group(1)) != a.agency
                for a in inside
            )
        )
        if (code and all(a.agency.country != code for a in inside) or own_acronym) and not any(
            s < m.end and m.start < e for s, e in taken if (s, e) not in {(a.start, a.end) for a in inside}
        ):
            for a in inside:
                out.remove(a)
                taken.remove((a.start, a.end))
            if m.agency.country is None:
                m.agency = Agency(m.agency.name, m.agency.acronym, "foreign government", code)
            out.append(m)
            taken.append((m.start, m.end))
    out.sort(key=lambda a: a.start)
    _other_countrys_body(text, start, out)
    for m in out:
        # "the Russian Embassy in London", "China's embassy in Ottawa": the mission's city is part of its name
        if m.surface.endswith(("Embassy", "embassy", "Consulate", "consulate", "Mission", "mission")):
            em = _MISSION_PLACE.match(text, m.end, end)
            if em:
                m.end = em.end()
                m.surface = text[m.start : m.end]
        em = _MISSION_IN.search(m.surface) if "mbass" in m.surface else None
        host = _country_code(em.group("place")) if em else None
        if host and m.agency.country and host != m.agency.country:
            # named as annotators and registries do: "Embassy of Russia in the United Kingdom"
            name = f"Embassy of {_country_name(m.agency.country)} in {_country_name(host)}"
            m.agency = agency_by_key(name) or Agency(name, None, "foreign government", m.agency.country)
    # "the National Cyber Security Centre (NCSC)": an acronym the text defines for a table body names that
    # body in this text, whatever other body the table gives the same acronym
    by_surface = _agency_table()[0]
    for m in list(out):
        pm = _PAREN_ACRONYM.match(text, m.end, end)
        if not pm or m.via_title or by_surface.get(pm.group(1)) in (None, m.agency):
            continue
        if m.agency.acronym not in (None, pm.group(1)):
            continue
        for x in out:
            if x.surface == pm.group(1):
                x.agency = m.agency
    # "Brazil's Superior Electoral Court (TSE)": a body the table does not know, with the acronym the text
    # gives it in brackets, which then names it on its own
    # The same for a body without an acronym (in the table or not) whose bracketed acronym the table gives
    # another body that the text does not name otherwise ("Ghana's National Electoral Council (NEC)" is not
    # Korea's NEC here): the text's own definition wins
    named = {x.agency for x in out if not x.via_title and not _PAREN_ACRONYM.fullmatch("(" + x.surface + ")")}
    for m in list(out):
        if m.via_title or m.agency.acronym:
            continue
        pm = _PAREN_ACRONYM.match(text, m.end, end)
        if not pm:
            continue
        other = by_surface.get(pm.group(1))
        if other is not None and other != m.agency and other in named:
            continue
        if _country_code(pm.group(1)):
            continue  # "the Electoral Commission (UK)": where it is, not its acronym
        acr = pm.group(1)
        agency = Agency(m.agency.name, acr, m.agency.kind, m.agency.country)
        old_agency = m.agency
        for x in out:
            if x.agency == old_agency or other is not None and x.agency == other and x.surface == acr:
                x.agency = agency
        for am in re.finditer(r"(?<![\w&-])" + re.escape(acr) + r"(?![\w&-])", text[start:end]):
            a0 = start + am.start()
            if not any(x.start <= a0 < x.end for x in out) and not (m.end <= a0 < pm.end()):
                out.append(AgencyMention(a0, a0 + len(acr), agency, acr))
    out.sort(key=lambda a: a.start)
    # "the ACLU of Georgia", "the League of Women Voters of Ohio": a national body's state affiliate; "the New
    # Mexico Supreme Court", "the Washington National Guard": a state's own body
    for m in out:
        if m.agency.kind in ("association", "company") and not m.via_title:
            am = _state_patterns()[0].match(text, m.end, end)
            if am:
                name = f"{m.surface} of {am.group(1)}"
                m.end = am.end()
                m.surface = text[m.start : m.end]
                m.agency = agency_by_key(name) or Agency(name, None, m.agency.kind, m.agency.country)
        elif m.surface in (
            "Supreme Court",
            "National Guard",
            "State Police",
            "State Patrol",
            "Court of Appeals",
        ):
            sm = _state_patterns()[1].search(text, max(start, m.start - 20), m.start)
            if sm:
                name = f"{sm.group(1)} {m.surface}"
                m.start = sm.start(1)
                m.surface = text[m.start : m.end]
                m.agency = agency_by_key(name) or Agency(name, None, m.agency.kind, m.agency.country)
    # "the Washington National Guard ... the National Guard": the state's body named once in full
    extended = {}
    for m in out:
        for base in ("Supreme Court", "National Guard", "State Police", "State Patrol", "Court of Appeals"):
            if m.agency.name.endswith(" " + base) and m.surface != base:
                extended.setdefault(base, set()).add(m.agency)
    for m in out:
        if m.surface in extended and len(extended[m.surface]) == 1:
            m.agency = next(iter(extended[m.surface]))
    # "The Federal Foreign Office summoned ... A Foreign Office spokesperson said": the short name after
    # another country's body whose name ends in it is that body, not the table's of its own country
    for m in out:
        if m.via_title or m.agency.country is None:
            continue
        longer = {
            x.agency
            for x in out
            if x.start < m.start
            and not x.via_title
            and x.surface.endswith(" " + m.surface)
            and x.agency.country not in (None, m.agency.country)
            and re.fullmatch(r"(?:[A-Z][\w’'-]+ ){1,2}", x.surface[: -len(m.surface)])
        }
        if len(longer) == 1:
            m.agency = next(iter(longer))
    # "Sen. X, the top Republican on the Intelligence Committee": the chamber's committee, by the rank of the
    # person its sentence names
    for m in out:
        if m.agency.name == m.surface and re.fullmatch(r"(?:[A-Z][a-z]+ ){1,2}Committee", m.surface):
            if re.search(r"(?:House|Senate)[ \u00a0]+$", text[max(start, m.start - 7) : m.start]):
                continue
            s0 = max(start, text.rfind("\n", 0, m.start) + 1, m.start - 250)
            ranks = re.findall(
                r"(?<![\w.])(Sen\.|Senator|Senate|Rep\.|Representative|Congressman|Congresswoman)(?![\w])",
                text[s0 : m.start],
            )
            if ranks:
                chamber = "Senate" if ranks[-1] in ("Sen.", "Senator", "Senate") else "House"
                named = agency_by_key(f"{chamber} {m.surface}")
                if named is not None:
                    m.agency = named
    # "the House of Commons" in a Canadian story: Canada's, not the UK Parliament the table names
    if "House of Commons" in text[start:end] or "he Commons" in text[start:end]:
        from .countries import count_mentions, country_mentions

        counts = count_mentions(country_mentions(text, start, end))
        if counts.get("CA", 0) > counts.get("GB", 0):
            commons = agency_by_key("House of Commons of Canada") or Agency(
                "House of Commons of Canada", None, "legislature", "CA"
            )
            for m in out:
                if m.surface in ("House of Commons", "the Commons", "The Commons"):
                    m.agency = commons
    # "The Organization of American States said its electoral observation mission": the body's own mission
    if "bserv" in text[start:end]:
        for om in _OWN_MISSION.finditer(text, start, end):
            s0 = max(start, text.rfind("\n", 0, om.start()) + 1, om.start() - 200)
            s0 = max([s0] + [s0 + x.end() for x in re.finditer(r"[.!?][\"”’']?\s", text[s0 : om.start()])])
            owners = [x for x in out if s0 <= x.start and x.end <= om.start() and not x.via_title]
            if not owners or any(x.start <= om.start("m") < x.end for x in out):
                continue
            if om.group("det") == "an" and not re.search(
                r"\b[Tt]he[ \u00a0]+(?:[\w-]+[ \u00a0]+)?mission\b", text[om.end() : end]
            ):
                continue  # "which opened an observation mission": one of its activities, until it acts
            owner = owners[0].agency
            name = f"{owner.key} Electoral Observation Mission"
            agency = agency_by_key(name) or Agency(name, None, "other", owner.country)
            out.append(AgencyMention(om.start("m"), om.end("m"), agency, om.group("m")))
    # "the Parliamentary Assembly of the Council of Europe" also names the Council of Europe
    for m in list(out):
        if m.via_title or " of the " not in m.surface:
            continue
        tail = m.surface.rsplit(" of the ", 1)[1]
        host = agency_by_key(tail)
        if host is not None and host != m.agency and host.kind not in ("legislature", "company"):
            out.append(AgencyMention(m.end - len(tail), m.end, host, tail))
    # "the European Union Election Observation Mission", "the Commonwealth Observer Group": a body's
    # observers also name the body that sent them
    for m in list(out):
        if m.via_title or "Observ" not in m.surface:
            continue
        mm = _OBSERVERS_OF.match(m.surface)
        host = agency_by_key(mm.group(1)) if mm else None
        if host is not None and host != m.agency and not any(x.agency == host for x in out):
            out.append(AgencyMention(m.start + mm.start(1), m.start + mm.end(1), host, mm.group(1)))
    # "Iran's mission to the United Nations" also names the United Nations
    for m in list(out):
        mm = re.search(r"[Mm]ission (?:to|at) (?:the )?(.+)$", m.surface)
        host = agency_by_key(mm.group(1)) if mm else None
        if host is not None and host != m.agency:
            s0 = m.end - len(mm.group(1))
            out.append(AgencyMention(s0, m.end, host, mm.group(1)))
    _resolve_homonyms(text, start, end, out)
    # "Dutch election watchdog ... the Electoral Council": a described election body is the election body
    # the text names, where it names one, before the one the table gives its country
    described = [m for m in out if not m.via_title and _described_election_body().fullmatch(m.surface)]
    if described:
        named_bodies = [
            m.agency
            for m in out
            if m not in described
            and not m.via_title
            and m.agency.kind != "company"
            and re.search(r"Elect|Poll", m.agency.name)
            and not re.search(r"Observ|Mission|Prosecut|Court|Tribunal|Integrity|Assistance", m.agency.name)
        ]
        for m in described:
            same = list(dict.fromkeys(a for a in named_bodies if a.country in (None, m.agency.country)))
            if len(same) == 1:
                m.agency = same[0]
    # "the electoral commission said" in a story about one country that names no election body: that
    # country's one election body in the table
    if "lect" in text[start:end] or "poll" in text[start:end]:
        bare = list(_BARE_ELECTION_BODY.finditer(text, start, end))
        if bare and not any(
            re.search(r"Elect|Poll|Vot|Ballot", m.agency.name) and m.agency.kind != "company" for m in out
        ):
            from .countries import count_mentions, country_mentions

            counts = count_mentions(country_mentions(text, start, end))
            # (the country the story is most about, not a U.S. story's foreign adversary)
            ranked = sorted(((n, c) for c, n in counts.items()), reverse=True)
            if ranked and ranked[0][1] != "US" and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                only = _election_bodies().get(ranked[0][1], [])
                if len(only) == 1:
                    for bm in bare:
                        out.append(AgencyMention(bm.start("d"), bm.end(), only[0], bm.group("d")))
                    out.sort(key=lambda a: a.start)
    # "told Yonhap News Agency": the outlet that carried the words, not a body in the story
    return [
        m
        for m in out
        if not (
            m.surface.endswith("News Agency")
            and re.search(r"\btold\s+(?:the\s+)?$", text[max(0, m.start - 12) : m.start])
            # "told Recorded Future News": a company's name starting its news outlet's names the outlet
            or m.agency.kind == "company"
            and not m.via_title
            and _OUTLET_AFTER.match(text, m.end)
            # "Intel Report Says Russia ...", "intel chiefs": headline English for intelligence
            or m.surface == "Intel"
            and _INTEL_NOUN_AFTER.match(text, m.end)
        )
    ]


_INTEL_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?i:reports?|chiefs?|officials?|agenc(?:y|ies)|community|assessments?|briefings?|committee|"
    r"panel|sources?|leaks?|findings?|analysts?|services?|warnings?)\b"
)


_OUTLET_AFTER = re.compile(r"[ \u00a0]News(?![\w-]|[ \u00a0]+Agency)")


@lru_cache(maxsize=1)
def _homonyms() -> dict[str, list[Agency]]:
    """Acronyms (and other all-capital forms) the table gives to more than one body: 'CSIS' is a Washington
    think tank and Canada's intelligence service, 'NCSC' a U.S. and a British centre."""
    forms: dict[str, list[Agency]] = {}
    for agency in _agency_table()[2].values():
        forms.setdefault(agency.acronym or "", [])
    data = json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    for entry in data:
        agency = agency_by_key(entry["name"])
        for form in [entry.get("acronym") or "", *(entry.get("aliases") or [])]:
            if form.isupper() and len(form) > 1 and agency is not None and agency not in forms.get(form, []):
                forms.setdefault(form, []).append(agency)
    return {f: a for f, a in forms.items() if len(a) > 1}


def _resolve_homonyms(text: str, start: int, end: int, out: list[AgencyMention]) -> None:
    """An acronym two table bodies share names the one the text also names otherwise, else the one of the
    country the text names most ('CSIS' in a Canadian story: the Canadian Security Intelligence Service)."""
    homonyms = _homonyms()
    counts = None
    for m in out:
        cands = homonyms.get(m.surface)
        if not cands or m.via_title:
            continue
        named = {x.agency for x in out if x.surface != m.surface and x.agency in cands}
        if len(named) == 1:
            m.agency = next(iter(named))
            continue
        if counts is None:
            from .countries import count_mentions, country_mentions

            counts = count_mentions(country_mentions(text, start, end))
        best = max(cands, key=lambda a: counts.get(a.country or "", 0))
        if counts.get(best.country or "", 0) > counts.get(m.agency.country or "", 0):
            m.agency = best


_OWN_MISSION = re.compile(
    r"\b(?P<det>its|an|the)[ \u00a0]+(?:(?!elect)[\w-]+[ \u00a0]+)?"
    r"(?P<m>(?:(?:electoral|election)[ \u00a0]+)?observ(?:ation|er)[ \u00a0]+mission)\b"
)

_PRODUCT_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:messaging|social[ \u00a0]media|video|chat)[ \u00a0]+)?(?:app|apps)\b"
)

_OBSERVERS_OF = re.compile(
    r"(?:[Tt]he[ \u00a0]+)?(.+?)[ \u00a0]+(?:(?:Election|Electoral)[ \u00a0]+)?Observ(?:ation|er)[ \u00a0]+"
    r"(?:Mission|Group|Team)$"
)

_OWN_BODY_KINDS = frozenset(
    {"federal agency", "intelligence", "legislature", "foreign government", "military"}
)


_COUNTRY_BEFORE = re.compile(r"(?<![\w-])(?P<c>[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)?)[ \u00a0]+$")


def _other_countrys_body(text: str, start: int, out: list[AgencyMention]) -> None:
    """ "Georgia's Security Service", "the Irish Electoral Commission": a table name of one country's body
    after another country's name or nationality is that country's body: the one of that country the text
    names whose name has the same words, or a body of that name of its own."""
    for m in out:
        a = m.agency
        if m.via_title or a.country in (None, "US") or a.kind not in _OWN_BODY_KINDS or m.surface.isupper():
            continue
        cm = _COUNTRY_BEFORE.search(text, max(start, m.start - 40), m.start)
        place = re.sub(r"(?:’s|'s)$", "", cm.group("c")) if cm else ""
        code = _country_words().get(place, (None,))[0] or (_country_code(place) if place else None)
        if code is None and place:
            # "Georgia's Security Service": a name that is also a U.S. state's, in a story that names the
            # country
            from .countries import _table as country_table
            from .countries import country_mentions

            cued = [c for c, (names, _) in country_table()[3].items() if place in names]
            if cued and any(x[2] == cued[0] for x in country_mentions(text)):
                code = cued[0]
        if code is None or code == a.country or code == "US":
            continue
        adj = next((a2 for c2, a2 in _country_words().values() if c2 == code), "")
        words = {
            w for w in re.findall(r"[\w’'-]+", m.surface.lower()) if w not in ("of", "the", "and", "for")
        }
        same = {
            x.agency
            for x in out
            if x.agency.country == code and words <= set(re.findall(r"[\w’'-]+", x.agency.name.lower()))
        }
        if len(same) == 1:
            m.agency = next(iter(same))
            continue
        country = _country_name(code)
        m.agency = (
            (agency_by_key(f"{adj} {m.surface}") if adj else None)
            or agency_by_key(f"{m.surface} of {re.sub(r'^the ', '', country)}")
            or agency_by_key(f"{m.surface} of {country}")
            or Agency(f"{m.surface} of {country}", None, "foreign government", code)
        )


@lru_cache(maxsize=1)
def _state_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(' of <U.S. state>' after a body's name, '<U.S. state> ' before a state body's name)."""
    from .countries import _table as country_table

    states = alternation(country_table()[4])
    return (
        re.compile(r"[ \u00a0]+of[ \u00a0]+(" + states + r")(?![\w-])"),
        re.compile(r"(?<![\w-])(" + states + r")(?:’s|'s)?[ \u00a0]+$"),
    )


_PAREN_ACRONYM = re.compile(r"[ \u00a0]*\(([A-Z][A-Z0-9&-]{1,9})\)")
_BARE_EC = re.compile(r"(?<![\w’'-])Election Commission(?![ \u00a0]+of\b|[\w-])")


def _national_election_commission(text: str, start: int, end: int, out: list, taken: list) -> None:
    """A bare "the Election Commission" in a story about India (or Pakistan ...): that country's commission,
    the one of the table's national election commissions whose country the text names most."""
    bare = [
        m
        for m in _BARE_EC.finditer(text, start, end)
        if not any(s < m.end() and m.start() < e for s, e in taken)
        # not "the Federal Election Commission", "India's Election Commission", "Central Election Commission"
        and re.search(
            r"(?:^|[^\w’'-])(?:[Tt]he|[a-z]+)[ \u00a0]+$|^\s*$", text[max(0, m.start() - 20) : m.start()]
        )
    ]
    if not bare:
        return
    from .countries import count_mentions, country_mentions

    counts = count_mentions(country_mentions(text, start, end))
    cands = [
        a
        for a in set(_agency_table()[2].values())
        if a.country in counts and re.fullmatch(r"Election Commission of [A-Z][\w ]+", a.name)
    ]
    if not cands:
        return
    best = max(cands, key=lambda a: counts[a.country])
    if sum(counts[a.country] == counts[best.country] for a in cands) > 1:
        return
    for m in bare:
        out.append(AgencyMention(m.start(), m.end(), best, m.group()))
        taken.append((m.start(), m.end()))


# a national body named by its common name after "the": "the Federal Police", "The National Security Service
# said", "the Central Electoral Commission (CEC)", "half of the Chamber of Deputies"
_BARE_NATIONAL_BODY = re.compile(
    r"(?<=\b[Tt]he[ \u00a0])(?P<b>Central[ \u00a0]Elect(?:oral|ion)[ \u00a0]Commission"
    r"|National[ \u00a0]Security[ \u00a0]Service|Federal[ \u00a0]Police|National[ \u00a0]Police"
    r"|Chamber[ \u00a0]of[ \u00a0]Deputies)"
    r"(?![ \u00a0]+(?:of|for|in)\b|[ \u00a0]+[A-Z]|[\w-])"
)


def _bare_national_bodies(text: str, start: int, end: int, out: list, taken: list) -> None:
    """'The National Security Service said' in a story about Armenia: the body of that name of the foreign
    country the text names most (a table entry where there is one), not another country's body whose name
    it contains (the UK's "Security Service", "Electoral Commission")."""
    bare = list(_BARE_NATIONAL_BODY.finditer(text, start, end))
    if not bare:
        return
    from .countries import count_mentions, country_mentions

    counts = count_mentions(country_mentions(text))
    ranked = sorted(((n, c) for c, n in counts.items() if c != "US"), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return
    code = ranked[0][1]
    country = _country_name(code)
    adj = next((a for c, a in _country_words().values() if c == code), None)
    for m in bare:
        body = re.sub(r"[ \u00a0]+", " ", m.group("b"))
        if any(s <= m.start() and m.end() <= e and (e - s) > (m.end() - m.start()) for s, e in taken):
            continue  # inside a longer table name
        agency = (
            agency_by_key(f"{body} of {country}")
            or (agency_by_key(f"{adj} {body}") if adj else None)
            or next((a for a in _agency_of_country().get(body, []) if a.country == code), None)
        )
        if agency is None:
            acronym = "CEC" if body.startswith("Central Elect") else None
            agency = Agency(f"{body} of {re.sub(r'^the ', '', country)}", acronym, "foreign government", code)
        inside = [a for a in out if m.start() <= a.start and a.end <= m.end() and a.agency.country != code]
        for a in inside:
            out.remove(a)
            if (a.start, a.end) in taken:
                taken.remove((a.start, a.end))
        out.append(AgencyMention(m.start(), m.end(), agency, m.group("b")))
        taken.append((m.start(), m.end()))


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,5}(?![\w])")

_MISSION_PLACE = re.compile(
    r"[ \u00a0]+(?:in|to)[ \u00a0]+(?:the[ \u00a0]+)?(?P<place>[A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)"
)


_MISSION_IN = re.compile(
    r"[Ee]mbass(?:y|ies)[ \u00a0]+(?:in|to)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?P<place>[A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)$"
)


@lru_cache(maxsize=256)
def _country_code(place: str) -> str | None:
    """The country a capital or a country name stands for ("London" -> GB, "the UK" -> GB)."""
    from .countries import _table as country_table

    if place in ("Washington", "Washington D.C.", "Washington DC"):
        return "US"  # an embassy "in Washington" is in the capital, not the state
    forms = country_table()[0]
    return forms.get(place) or forms.get(place.split()[0]) or _embassy_cities().get(place)


@lru_cache(maxsize=1)
def _embassy_cities() -> dict[str, str]:
    """City -> ISO code, for the host country of an embassy "in Pretoria" (data/countries.json)."""
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8")).get("embassy_cities", {})
    return {city: code for code, cities in data.items() for city in cities}


@lru_cache(maxsize=256)
def _country_name(code: str) -> str:
    """A country's short name, with "the" where English uses it ("Russia", "the United Kingdom")."""
    import pycountry

    from .countries import DATA as COUNTRY_DATA

    names = json.loads(COUNTRY_DATA.read_text(encoding="utf-8"))["names"].get(code)
    if names:
        name = names[0]
    else:
        c = pycountry.countries.get(alpha_2=code)
        name = (getattr(c, "common_name", None) or c.name) if c else code
    if re.match(r"(?:United|Republic|Netherlands|Philippines|Czech Republic)\b", name):
        name = "the " + name
    return name


_MINISTRY_KINDS = {
    "foreign": "Foreign",
    "interior": "Interior",
    "defense": "Defense",
    "defence": "Defense",
    "justice": "Justice",
    "finance": "Finance",
    "foreign affairs": "Foreign",
    "the interior": "Interior",
    "internal affairs": "Interior",
    "information": "Information",
    "digital affairs": "Digital Affairs",
}
_ORG_HEADS = (
    r"Institute|Institution|Foundation|Center|Centre|Council|Association|Commission|Committee|Agency|Bureau|Board|"
    r"Coalition|Alliance|Partnership|Observatory|Directorate|Ministry|Department|Office|Authority|"
    r"Service|Command|Corporation|Corp\.|Inc\.|LLC|Ltd\.|Court|Group|University|Taskforce|Task Force|"
    r"Mechanism|Division|Section|Unit|Tribunal"
)


@lru_cache(maxsize=1)
def _country_words():
    """(adjective or country name) -> (ISO code, adjective) for generic foreign bodies."""
    from .countries import _table as country_table

    forms = country_table()[0]
    adj_by_code: dict[str, str] = {}
    for f, code in forms.items():
        if (
            re.fullmatch(r"[A-Z][a-z]+(?:n|ese|ish|i|ch|ian)", f)
            and code not in adj_by_code
            and not f.endswith("s")
        ):
            adj_by_code[code] = f
    out = {}
    for f, code in forms.items():
        if re.fullmatch(r"[A-Z][\w.]+(?: [A-Z][\w.]+)?", f) and code in adj_by_code:
            out[f] = (code, adj_by_code[code])
    return out


@lru_cache(maxsize=1)
def _generic_patterns():
    """The compiled shape patterns of _generic_agencies (built once per process)."""
    words = _country_words()
    cw = alternation(words)
    mk = alternation(_MINISTRY_KINDS)
    shapes = [
        (r"(?P<c>" + cw + r")(?:’s|'s)?\s+(?:Federal\s+)?(?P<k>(?i:" + mk + r"))\s+[Mm]inistry", "ministry"),
        (
            r"(?P<c>" + cw + r")(?:’s|'s)?\s+(?:Federal\s+)?Ministry\s+of\s+(?P<k>(?i:" + mk + r"))\b",
            "ministry",
        ),
        (
            r"(?P<c>"
            + cw
            + r")(?:’s|'s)?\s+[Ee]mbassy(?:\s+in\s+(?:Washington|London|Berlin|Paris|Moscow|Beijing))?",
            "embassy",
        ),
        (r"[Ee]mbassy\s+of\s+(?P<c>" + cw + r")", "embassy"),
        # "Moldova's Central Electoral Commission", "Kenya's Independent Electoral Commission"
        (
            r"(?P<c>"
            + cw
            + r")(?:(?:’s|'s)?\s+(?P<b>(?:(?:Central|National|Independent|Federal|Permanent|Supreme)\s+)?"
            r"(?:Electoral|Election)\s+(?:Commission|Authority|Council|Board|Tribunal|Court))"
            # "Zimbabwe's electoral commission": written in lower case after the country's possessive
            r"|(?:’s|'s)\s+(?P<b2>(?:central\s+|national\s+|independent\s+)?elect(?:oral|ion)\s+commission))",
            "national",
        ),
        # "Iran's mission to the United Nations": its permanent mission
        (
            r"(?P<c>" + cw + r")(?:’s|'s)\s+(?:[Pp]ermanent\s+)?[Mm]ission\s+to\s+the\s+"
            r"(?:United\s+Nations|U\.N\.|UN)",
            "un mission",
        ),
        # "Pakistan's Foreign Office": another country's foreign ministry
        (r"(?P<c>" + cw + r")(?:’s|'s)\s+Foreign\s+Office", "foreign office"),
        # "the consulates of the People's Republic of China", "the Embassy of the Republic of Korea"
        (
            r"[Ee]mbass(?:y|ies)\s+of\s+(?:the\s+)?(?P<c>" + alternation(_long_country_names()) + r")",
            "mission",
        ),
        (
            r"[Cc]onsulates?(?:[ -][Gg]eneral)?\s+of\s+(?:the\s+)?(?P<c>"
            + alternation(_long_country_names())
            + r")",
            "mission",
        ),
    ]
    # each shape with a word it cannot match without, to skip it quickly
    needs = [
        "inistry",
        "inistry",
        "mbassy",
        "mbassy",
        "lect",
        "ission",
        "Foreign Office",
        "mbass",
        "onsulate",
    ]
    shapes_re = [
        (re.compile(r"(?<![\w-])" + pat + r"(?![\w-])"), kind, need)
        for (pat, kind), need in zip(shapes, needs, strict=True)
    ]
    kremlin = re.compile(
        r"(?<![\w-])Kremlin(?=\s+(?:spokesman|spokeswoman|spokesperson|aide|aides|official|officials|pre"
        r"ss secretary|"
        r"chief of staff|said|says|rejected|rejects|denied|denies|dismissed|responded|called|declined)\b)"
    )
    county = (
        r"(?:[A-Z][a-z]+\s){1,3}(?:County|Parish|City)\s+(?:Board\s+of\s+Elections|Board\s+of\s+Election\s+"
        r"Commissioners|Elections?\s+Board|Board\s+of\s+Supervisors|Board\s+of\s+Canvassers|Elections?\s+Office|"
        r"Elections?\s+Department|Elections?\s+Division|Registrar\s+of\s+Voters|Clerk(?:’s|'s)\s+Office|"
        r"Elections?\s+Commission|Board\s+of\s+Registration\s+and\s+Elections|Recorder(?:(?:’s|'s)\s+Office)?|"
        r"Sheriff(?:(?:’s|'s)\s+Office)?|Clerk|Supervisor\s+of\s+Elections(?:(?:’s|'s)?\s+Office)?|Elections)"
    )
    county_re = re.compile(r"(?<![\w-])" + county + r"(?![\w-])")
    by_surface = _agency_table()[0]
    known = alternation(k for k in by_surface if len(k) > 1)
    unit_re = re.compile(
        r"(?<![\w-])(?P<p>"
        + known
        + r")(?:’s|'s)?\s+(?P<u>(?:[A-Z][a-z][A-Za-z]*\s){1,3}(?:Division|Directorate|Unit|Branch|"
        r"Field Office|Task Force|Center|Centre|Intelligence Group|Analysis Group|Research Group|Committee|"
        r"Subcommittee))(?![\w-])"
    )
    # "(?<![\w-])(?:WORD){1,5}HEAD...", with the first word unrolled so that the pattern starts with [A-Z]
    # (which lets re skip to capital letters) and the boundary tested after that letter
    # a name never runs over a line break ("About the Office of the Secretary of State\nThe Office ...")
    word = r"[\w&’'-]+[ \u00a0](?:(?:of|for|and|on|the|&)[ \u00a0]){0,2}"
    org = (
        r"[A-Z](?<![\w-][A-Z])" + word + r"(?:[A-Z]" + word + r"){0,4}(?:" + _ORG_HEADS + r")"
        r"(?:[ \u00a0](?:of|for|on)[ \u00a0](?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
        r"January|February|March|April|May|June|July|August|September|October|November|December)\b)"
        r"(?:the[ \u00a0])?"
        r"[A-Z][\w&’'-]+(?:[ \u00a0](?:(?:and|of|for)[ \u00a0])?[A-Z][\w&’'-]+){0,3})?"
    )
    org_re = re.compile(org + r"(?![\w-])")
    lead_re = re.compile(
        r"(?:(?:The|In|At|For|From|By|With|And|But|A|An|Its|His|Her|Their|Our|This|That|When|While|"
        r"After|Before|During|Under|Former|Then|Meanwhile|However|Also|[A-Z][a-z]+day)\s)+"
    )
    head_re = re.compile(r"(?:" + _ORG_HEADS + r")\b")
    return shapes_re, kremlin, county_re, unit_re, org_re, lead_re, head_re


@lru_cache(maxsize=1)
def _election_bodies() -> dict[str, list[Agency]]:
    """Each country's election-management bodies in the table (not its courts, observers or prosecutors)."""
    out: dict[str, list[Agency]] = {}
    for agency in dict.fromkeys(_agency_table()[2].values()):
        if (
            agency.country
            and agency.country != "US"
            and re.search(r"Elect|Poll", agency.name)
            and re.search(
                r"Commission|Council|Institute|Authority|Board|Committee|Office|Agency", agency.name
            )
            and not re.search(
                r"Observ|Mission|Prosecut|Court|Tribunal|Integrity|Security|Cyber|Media|Regulat|Supervis|"
                r"Commissioner|Officer|Assistance",
                agency.name,
            )
        ):
            out.setdefault(agency.country, []).append(agency)
    return out


_BARE_ELECTION_BODY = re.compile(
    r"(?<![\w-])[Tt]he[ \u00a0]+(?:country(?:’s|'s)[ \u00a0]+|nation(?:’s|'s)[ \u00a0]+)?"
    r"(?P<d>(?:national[ \u00a0]+|central[ \u00a0]+|independent[ \u00a0]+)?"
    r"(?:electoral|election|poll)[ \u00a0]+"
    r"(?:commission|body|authority|watchdog|council|board))(?![\w-])"
)


@lru_cache(maxsize=1)
def _described_election_body() -> re.Pattern:
    return re.compile(
        r"(?<![\w-])(?P<c>"
        + alternation(_country_words())
        + r")(?:’s|'s)?[ \u00a0]+(?:(?:national|central|independent|federal|top)[ \u00a0]+)?"
        r"(?:electoral|election|elections|poll|polls)[ \u00a0]+"
        r"(?:authority|body|agency|watchdog|council|board|institute|office|organi[sz]er)(?![\w-])"
    )


@lru_cache(maxsize=1)
def _long_country_names() -> dict[str, str]:
    """Country names of the country table that a mission is "of" ("People's Republic of China" -> CN)."""
    from .countries import _table as country_table

    out = {}
    for f, code in country_table()[0].items():
        if re.fullmatch(r"[A-Z][\w’'.]+(?: (?:of |the |and )*[A-Z][\w’'.]+)*", f) and not re.fullmatch(
            r"[A-Z][a-z]+(?:n|ese|ish|i|ch|ian)", f
        ):
            out[f] = code
            if "'" in f:
                out[f.replace("'", "’")] = code
    return out


_CORPORATE = (
    r"Communications|Technologies|Technology|Corporation|Corp\.|Inc\.|Group|Labs|Systems|Solutions|Networks|"
    r"Holdings|Media|Software|Telecom|Wireless|AI|LLC|Ltd\."
)
_COMPANY_APPOSITION = re.compile(
    r"\b(?:company|firm|startup|start-up|carrier|provider|vendor|contractor|maker|developer)"
    r"(?:[ \u00a0]+(?:whose|that|which)\b[^,.;“”\"]{0,60})?,[ \u00a0]+"
    r"(?P<n>[A-Z][\w&-]*[A-Za-z](?:[ \u00a0][A-Z][\w&.-]*[A-Za-z.]){0,3})"
    r"(?=[,;)]|\.(?:\s|$))"
)


_POLICE = re.compile(
    r"(?P<pre>(?:[A-Z][\w-]*[ \u00a0]){0,3})(?P<pol>[Pp]olice)[ \u00a0]+in[ \u00a0]+"
    r"(?P<place>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)(?![\w-])"
    r"|(?<![\w-])(?P<adj>[A-Z][a-z]+)[ \u00a0]+(?:national[ \u00a0]+|federal[ \u00a0]+|state[ \u00a0]+)?"
    r"police(?![\w-])"
)
_STATE_BODY = re.compile(
    r"(?<=the[ \u00a0])(?P<s>State[ \u00a0](?P<b>Archives|Library|Patrol|Police|Auditor|Treasurer))(?![\w-])"
    r"|Secretary[ \u00a0]of[ \u00a0]State(?:’s|'s)[ \u00a0](?P<u>Elections[ \u00a0]Division)(?![\w-])"
)
_BARE_LEGISLATURE = re.compile(r"(?<![\w-])(?P<w>parliament|legislature)(?![\w-])")
_GENERAL_ASSEMBLY_STATES = frozenset(
    "Arkansas Colorado Connecticut Delaware Georgia Illinois Indiana Iowa Kentucky Maryland Missouri Ohio "
    "Pennsylvania Tennessee Vermont Virginia".split()
    + ["North Carolina", "Rhode Island", "South Carolina"]
)
_TITLE_OPENS_SENTENCE = re.compile(
    # "The head of the National Electoral Institute, ...", "The Independent Electoral and Boundaries
    # Commission (IEBC) chairman, ..."
    r"\s*[Tt]he[ \u00a0]+(?P<t>(?:[^“”\"\n;()]|\([A-Z][\w&.-]{1,12}\)){3,140}?),[ \u00a0]*"
)
_SAID_AFTER_NAME = re.compile(
    r",[ \u00a0]+(?:has[ \u00a0]+|had[ \u00a0]+|also[ \u00a0]+)?(?:said|says|told|added|warned|wrote)\b"
)


@lru_cache(maxsize=4096)
def _role_word_in(phrase: str) -> bool:
    """Whether a phrase holds a role of the title table ("executive vice-president for ...")."""
    roles = _role_words()
    words = re.sub(r"[-\u2010\u2011]", " ", phrase).lower()
    return bool(roles.search(words) or re.search(r"\b" + _ROLE_HEADS + r"\b", words))


@lru_cache(maxsize=1)
def _role_words() -> re.Pattern:
    roles = {r.lower().replace("-", " ") for r in _title_table()["roles"]}
    return re.compile(r"\b(?:" + alternation(roles) + r")\b")


_NATIVE_SCRIPT_NAME = re.compile(
    r"[ \u00a0]*\((?:[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff][ \u00b7\u30fb]?){1,12}\)"
)
_TITLE_WORD_AFTER = re.compile(
    r"[ \u00a0]+(?:Director|Administrator|Supervisor|Manager|Chief|Officer|Coordinator|Deputy|Spokesperson|"
    r"Spokesman|Spokeswoman)\b"
)
_LINE_END = re.compile(r"[ \u00a0]*(?:\n|$)")
_BARE_GENERAL_ASSEMBLY = re.compile(r"(?<=\bthe[ \u00a0])General[ \u00a0]Assembly(?![\w-]|[ \u00a0]+of\b)")
_BARE_FOREIGN_MINISTRY = re.compile(
    r"(?<![\w’'-][ \u00a0])(?<![\w-])[Ff]oreign[ \u00a0]+[Mm]inistry(?![\w-])"
)
_MILITARY_UNIT = re.compile(
    r"(?<![\w-])\d{1,3}(?:st|nd|rd|th)[ \u00a0]+(?:(?:Infantry|Armored|Airborne|Cavalry|Marine|"
    r"Mountain|Signal|"
    r"Cyber|Military Intelligence|Expeditionary|Special Forces|Fighter|Air|Space)[ \u00a0]+)?"
    r"(?:Division|Brigade|Regiment|Battalion|Wing|Fleet|Corps|Air Force|Army|Cyber Protection Team)(?![\w-])"
)
_COMPANY_WORDS = frozenset("firm company startup start-up vendor contractor consultancy".split())
_BODY_AFTER_DESCRIPTION = (
    r"(?<![\w-])(?P<d>firm|company|startup|start-up|vendor|contractor|consultancy|group|nonprofit|non-profit|"
    r"organi[sz]ation|watchdog|charity|think[ \u00a0]tank)[ \u00a0]+"
    r"(?P<n>[A-Z][a-z][\w&-]*(?:[ \u00a0][A-Z][\w&-]*[A-Za-z]){0,3})(?![\w&-]|[ \u00a0][A-Z])"
)
_NAME_SUFFIXES = ("Systems", "Labs", "Technologies", "Solutions", "Networks", "Software", "Analytics")
_DESCRIBED_BODY = re.compile(
    _BODY_AFTER_DESCRIPTION
    + r"|(?<![\w-])(?P<c>[A-Z][\w&-]*[a-z][\w&-]*(?:[ \u00a0][A-Z][\w&-]*){0,2}[ \u00a0]"
    r"(?:" + "|".join(_NAME_SUFFIXES) + r")"
    r"(?:[ \u00a0](?:Ltd\.?|Inc\.|LLC|Corp\.))?)"
    r"(?![\w&-]|[ \u00a0][A-Z&])"
)
# Most texts name no company by a suffix, and the suffix branch, tried at every capital letter, was half
# of the scan: without a suffix in the text, the same pattern with that branch unable to match (its group
# kept, so that matches read the same).
_DESCRIBED_BODY_WITHOUT_SUFFIX = re.compile(_BODY_AFTER_DESCRIPTION + r"|(?P<c>(?!))")


def _generic_agencies(text: str, start: int, end: int) -> list[AgencyMention]:
    """Bodies not in the table, recognised by shape: foreign ministries and embassies, county election
    offices, units of a known agency, and capitalised names ending in an organisation word."""
    words = _country_words()
    shapes_re, kremlin, county_re, unit_re, org_re, lead_re, head_re = _generic_patterns()
    region = text[start:end]
    out: list[AgencyMention] = []
    for pat, kind, need in shapes_re:
        if need not in region:
            continue
        for m in pat.finditer(region):
            if kind == "mission":
                code = _long_country_names()[m.group("c")]
                name = m.group()[0].upper() + m.group()[1:]
                agency = Agency(name, None, "foreign government", code)
                out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
                continue
            code, adj = words[m.group("c")]
            if kind == "un mission":
                name = f"Permanent Mission of {_country_name(code)} to the United Nations"
                agency = agency_by_key(name) or Agency(name, None, "foreign government", code)
                out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
                continue
            if kind in ("national", "foreign office"):
                if code in ("US", "GB") and kind == "foreign office" or code == "US":
                    continue
                body = m.groupdict().get("b") or (m.groupdict().get("b2") or "").title()
                if kind == "foreign office":
                    name = f"{adj} Foreign Ministry"
                    if not agency_by_key(name):
                        name = f"Ministry of Foreign Affairs of {_country_name(code)}"
                elif re.search(r"(?:’s|'s)\s", m.group()):
                    country = _country_name(code)
                    name = next(
                        (n for n in (f"{country} {body}", f"{body} of {country}") if agency_by_key(n)),
                        None,
                    )
                    if name is None and m.groupdict().get("b2"):
                        # "Nigeria's electoral commission": the country's one election body the table knows
                        only = _election_bodies().get(code, [])
                        name = only[0].name if len(only) == 1 else None
                    name = name or f"{body} of {country}"
                else:
                    name = m.group()  # "the Zimbabwe Electoral Commission": the body's own name
                # a country's Central Election Commission is its CEC in every language's press
                acronym = "CEC" if re.match(r"Central Elect", body) else None
                agency = agency_by_key(name) or Agency(name, acronym, "foreign government", code)
                out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
                continue
            if kind == "ministry":
                ministry = _MINISTRY_KINDS[m.group("k").lower()]
                name = f"{adj} {ministry} Ministry"
                if ministry == "Foreign" and not agency_by_key(name):
                    # named as registries do: "Ministry of Foreign Affairs of Ukraine"
                    name = f"Ministry of Foreign Affairs of {_country_name(code)}"
            else:
                name = f"{adj} Embassy"
            agency = agency_by_key(name) or Agency(name, None, "foreign government", code)
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
    # "the Mexican electoral authority", "Ghana's election body": a nationality before a lower-case
    # description of an election body is that country's one election body the table knows
    if "lect" in region or "poll" in region:
        for m in _described_election_body().finditer(region):
            code = words[m.group("c")][0]
            only = _election_bodies().get(code, [])
            if len(only) == 1:
                out.append(AgencyMention(start + m.start(), start + m.end(), only[0], m.group()))
    # X, the platform: "posted on X", "banned from X" (not "Generation X", "Malcolm X", "X-ray")
    for m in _X_PLATFORM.finditer(region) if "X" in region else ():
        agency = agency_by_key("Twitter")
        if agency:
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, "X"))
    for m in kremlin.finditer(region) if "Kremlin" in region else ():
        agency = agency_by_key("Kremlin")
        if agency:
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, "Kremlin"))
    has_county = "County" in region or "Parish" in region or "City" in region
    for m in county_re.finditer(region) if has_county else ():
        if m.group().endswith("Elections") and _TITLE_WORD_AFTER.match(region, m.end()):
            continue  # "Cobb County Elections Director Chad Pruitt": a title, not the office's name
        surface = re.sub(r"^(?:The|In|At|For|From|By)\s+", "", m.group())
        name = _county_office_name(surface)
        agency = agency_by_key(name) or Agency(name, None, "other", "US")
        out.append(AgencyMention(start + m.end() - len(surface), start + m.end(), agency, surface))
    # a U.S. state's legislature: "the Wisconsin Legislature", "the Ohio General Assembly"
    for m in (
        _state_legislature().finditer(region)
        if ("egislature" in region or "General Assembly" in region)
        else ()
    ):
        name = m.group()
        agency = agency_by_key(name) or Agency(name, None, "legislature", "US")
        out.append(AgencyMention(start + m.start(), start + m.end(), agency, name))
    # "urged the General Assembly to fund ..." in a story about one U.S. state whose legislature is so named
    # (not in a story that names the United Nations, whose General Assembly it would be)
    if "the General Assembly" in region and not re.search(r"United Nations|\bU\.?N\.?\b", text):
        home = _home_state(text)
        if home in _GENERAL_ASSEMBLY_STATES:
            name = f"{home} General Assembly"
            agency = agency_by_key(name) or Agency(name, None, "legislature", "US")
            for m in _BARE_GENERAL_ASSEMBLY.finditer(region):
                out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
    # "County Recorder Stephanie Yu" in a story about one county: that county's office
    if "County " in region:
        counties = set(re.findall(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) County\b", region))
        counties = {c for c in counties if c.split()[0] not in _STOP_NAME_WORDS}
        for m in re.finditer(
            r"(?<![A-Za-z] )\bCounty (?:Recorder|Sheriff|Clerk|Supervisor of Elections)\b", region
        ):
            if len(counties) == 1:
                name = _county_office_name(f"{next(iter(counties))} {m.group()}")
                agency = agency_by_key(name) or Agency(name, None, "other", "US")
                out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
    # units of a known agency: "the FBI's Cyber Division"
    by_surface = _agency_table()[0]
    has_unit = any(
        w in region
        for w in (
            "Division",
            "Directorate",
            "Unit",
            "Branch",
            "Field Office",
            "Task Force",
            "Cent",
            "Group",
            "ommittee",
        )
    )
    for m in unit_re.finditer(region) if has_unit else ():
        if m.group("u").endswith("Field Office"):
            continue  # "the FBI's Detroit Field Office": the FBI itself, found by the table
        if m.group("u").endswith("ommittee") and not re.match(r"(?:’s|'s)\s", region[m.end("p") :]):
            continue  # "the National Assembly's Intelligence Committee"; "House Appropriations Committee"
            # is the chamber's own committee name, found by the shape rule
        parent = by_surface[m.group("p")]
        name = f"{parent.key} {m.group('u')}"
        agency = (
            agency_by_key(name)
            or agency_by_key(m.group("u"))
            or Agency(name, None, parent.kind, parent.country)
        )
        out.append(AgencyMention(start + m.start("u"), start + m.end("u"), agency, m.group("u")))
    # a company named in apposition to its description: "a Texas-based telecom company, Lumen Ridge
    # Communications." / "The voice-cloning company whose software was used, VoxForge, said"
    if "ompany" in region or "firm" in region:
        for m in _COMPANY_APPOSITION.finditer(region):
            name = m.group("n")
            first = name.split()[0]
            if (
                first in _STOP_NAME_WORDS
                or first in by_surface
                or first in words
                or first.lower() in _western_given()
                or _known_person(name, _people_table())
                # "a spokesman for the company, John Miller,": the person, not a company
                or re.search(
                    r"\b(?:for|of|at|with|from|by|to)\s+the\s+$", region[max(0, m.start() - 20) : m.start()]
                )
            ):
                continue
            agency = agency_by_key(name) or Agency(name, None, "company", None)
            s0 = start + m.start("n")
            out.append(AgencyMention(s0, s0 + len(name), agency, name))
            short = re.sub(r"[ \u00a0]+(?:" + _CORPORATE + r")$", "", name)
            if short != name:
                # "Lumen Ridge said": the company's short name
                for sm in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-]|[ \u00a0][A-Z])", region):
                    if sm.start() != m.start("n"):
                        out.append(AgencyMention(start + sm.start(), start + sm.end(), agency, short))
    # "at a regular briefing in Beijing, foreign ministry spokesperson Guo Lirong": a foreign ministry named
    # without its country belongs to the country its sentence names last before it
    for m in _BARE_FOREIGN_MINISTRY.finditer(region) if "inistry" in region else ():
        s_abs = start + m.start()
        lo = max(0, s_abs - 300)
        s0 = max(
            [text.rfind("\n", 0, s_abs) + 1, lo]
            + [lo + x.end() for x in re.finditer(r"[.!?][\"”’']?\s", text[lo:s_abs])]
        )
        code = None
        for cm in re.finditer(r"[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)?", text[s0:s_abs]):
            word = re.sub(r"(?:’s|'s)$", "", cm.group())
            code = _country_code(word) or code
        if code is None or code == "US":
            continue
        adj = next((a for c, a in words.values() if c == code), None)
        name = f"{adj} Foreign Ministry" if adj else ""
        agency = agency_by_key(name) if name else None
        if agency is None:
            name = f"Ministry of Foreign Affairs of {_country_name(code)}"
            agency = agency_by_key(name) or Agency(name, None, "foreign government", code)
        out.append(AgencyMention(s_abs, start + m.end(), agency, m.group()))
    # "Home Office security minister Chad Porter told parliament", "appointed by the legislature": a
    # legislature named by its common noun where it acts or is addressed is the one of its sentence's country,
    # or of the U.S. state the story is about
    for m in _BARE_LEGISLATURE.finditer(region) if ("arliament" in region or "egislature" in region) else ():
        s_abs = start + m.start("w")
        before = text[max(0, s_abs - 40) : s_abs]
        if re.search(r"(?<![\w-])(?!The\b|THE\b)[A-Z][\w-]*[ \u00a0]+$", before):
            continue  # "the European parliament": a named one
        if not (
            re.search(
                r"(?:^|\W)(?:told|addressed|informed|briefed|by|before|urged|asked)[ \u00a0]+"
                r"(?:the[ \u00a0]+)?$",
                before,
            )
            or re.match(
                r"[ \u00a0]+(?:voted|passed|approved|rejected|adopted|debated|has|had|will|would|must)\b",
                text[start + m.end("w") :],
            )
        ):
            continue
        agency = None
        if m.group("w").lower() == "legislature":
            home = _home_state(text)
            if home:
                name = f"{home} {'General Assembly' if home in _GENERAL_ASSEMBLY_STATES else 'Legislature'}"
                agency = agency_by_key(name) or Agency(name, None, "legislature", "US")
        if agency is None:
            lo = max(0, s_abs - 300)
            s0 = max(
                [text.rfind("\n", 0, s_abs) + 1, lo]
                + [lo + x.end() for x in re.finditer(r"[.!?][\"”’']?\s", text[lo:s_abs])]
            )
            code = None
            for cm in re.finditer(r"[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)?", text[s0:s_abs]):
                word = re.sub(r"(?:’s|'s)$", "", cm.group())
                known = by_surface.get(word)
                code = _country_code(word) or (known.country if known is not None else None) or code
            if code is None or code == "US":
                continue
            adj = next((a for c, a in words.values() if c == code), None)
            agency = (agency_by_key(f"{adj} Parliament") if adj else None) or Agency(
                f"Parliament of {_country_name(code)}", None, "legislature", code
            )
        out.append(AgencyMention(s_abs, start + m.end("w"), agency, m.group("w")))
    # "the State Archives", "the State Patrol" in a story about one U.S. state: that state's body; "the
    # Secretary of State's Elections Division": the state office's unit
    if "State " in region:
        for m in _STATE_BODY.finditer(region):
            home = _home_state(text)
            if home is None:
                continue
            if m.group("u"):
                name = f"{home} Secretary of State Elections Division"
                s0, surface = start + m.start("u"), m.group("u")
            else:
                name = f"{home} State {m.group('b')}"
                s0, surface = start + m.start("s"), m.group("s")
            agency = agency_by_key(name) or Agency(name, None, "other", "US")
            out.append(AgencyMention(s0, s0 + len(surface), agency, surface))
    # "Police in Saxony said", "the Cyber Crime police in Hyderabad", "Moldovan police said": a police force
    # named by its place or nationality
    if "olice" in region:
        for m in _POLICE.finditer(region):
            if m.group("place"):
                pre = lead_re.sub("", m.group("pre") or "").strip()
                if m.group("place") in _STOP_NAME_WORDS:
                    continue
                name = f"{m.group('place')} {pre + ' ' if pre else ''}Police"
                s0 = start + m.start("pol") - (len(pre) + 1 if pre else 0)
                surface = text[s0 : start + m.end()]
            else:
                if m.group("adj") not in words:
                    continue
                code, adj = words[m.group("adj")]
                name = f"{adj} Police"
                s0, surface = start + m.start(), m.group()
            agency = agency_by_key(name) or Agency(name, None, "other", None)
            out.append(AgencyMention(s0, s0 + len(surface), agency, surface))
    # a numbered military unit: "the 2nd Infantry Division", "the 16th Air Force"
    if "th " in region or "st " in region or "nd " in region or "rd " in region:
        for m in _MILITARY_UNIT.finditer(region):
            name = m.group()
            agency = agency_by_key(name) or Agency(name, None, "military", None)
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, name))
    # a body named after its description ("the firm Trail Ridge Labs", "the digital rights group Raqmi Watch",
    # "the nonprofit Verified Voting") or by a corporate suffix ("made by BallotLine Systems")
    has_suffix = any(suffix in region for suffix in _NAME_SUFFIXES)
    for m in (_DESCRIBED_BODY if has_suffix else _DESCRIBED_BODY_WITHOUT_SUFFIX).finditer(region):
        name = m.group("n") or m.group("c")
        lead = lead_re.match(name)
        if lead:
            name = name[lead.end() :]
        # "Leeds-based Pennant Electoral Systems Ltd": the place it is based in is no part of the name
        name = re.sub(r"^[\w’'.-]+-(?:based|owned|linked|backed|run|registered)[ \u00a0]+", "", name)
        first = name.split()[0] if name.split() else ""
        if (
            not first
            or m.group("c")
            and len(name.split()) < 2
            or first in by_surface
            or name in by_surface
            or first in _STOP_NAME_WORDS
            or first in words
            or first in _nonname_words()
            or first.lower() in _western_given()
            or _known_person(name, _people_table())
            or any(o.start <= start + m.start("n" if m.group("n") else "c") < o.end for o in out)
        ):
            continue
        kind = "company" if m.group("c") or m.group("d") in _COMPANY_WORDS else "association"
        agency = agency_by_key(name) or Agency(name, None, kind, None)
        s0 = start + (m.end("n") if m.group("n") else m.end("c")) - len(name)
        out.append(AgencyMention(s0, s0 + len(name), agency, name))
        short = re.sub(r"(?:[ \u00a0]+(?:" + _CORPORATE + r"|Electoral|Election|Voting))+$", "", name)
        if short != name and len(short) > 2 and short not in by_surface and short not in words:
            # "BallotLine said": the company's short name
            for sm in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-]|[ \u00a0][A-Z])", region):
                if start + sm.start() != s0:
                    out.append(AgencyMention(start + sm.start(), start + sm.end(), agency, short))
    for m in _ROLE_AT_BODY.finditer(region):
        if not _ROLE_BEFORE_BODY.search(region, max(0, m.start() - 20), m.start()):
            continue
        name = m.group("n")
        parts = name.split()
        first = parts[0].rstrip("’'s")
        if (
            name in by_surface
            or first in by_surface
            or first in ("The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her")
            or first in words
            or first in _nonname_words()
            or all(w in _FIELD_WORDS or w in ("of", "for", "and", "on", "the", "&") for w in parts)
            or re.search(r"(?:’s|'s)(?:\s|$)", name)
            or _us_states().match(name)
            or head_re.search(name)  # ends in an organisation word: the shape rule below names it
            # "a spokesman for Secretary of State Michele Reagan": a person with a title, not a body
            or re.search(
                r"\b(?:Secretary|Minister|Director|President|Governor|Senator|Chairman|Chairwoman|Chair|Mayor|"
                r"Commissioner|Ambassador|Chief|Judge|Justice|Rep|Sen|Gen|Prime|Attorney|Speaker|Leader)\b",
                name,
            )
            or any(w.lower() in _western_given() for w in parts[:-1])
            or _known_person(name, _people_table())
        ):
            continue
        agency = agency_by_key(name) or Agency(name, None, _kind_for(name), None)
        out.append(AgencyMention(start + m.start("n"), start + m.end("n"), agency, name))
    # capitalised names ending in an organisation word ("the Aspen Institute", "X County Board of Elections")
    # "research by the Centre for Information Resilience": a name that starts with its organisation word
    for m, before in (
        _head_first_orgs(region) if ("for " in region or "on " in region or "of " in region) else ()
    ):
        name = m.group("n")
        if name in by_surface or (
            # "the Office of Policy": a role's desk; "the Department of State's Bureau of Elections": a unit
            before.group("unit") is None
            and any(w in _FIELD_WORDS for w in name.split()[-1:])
            and len(name.split()) < 4
        ):
            continue
        # "the Centre for Internet and Society in Bengaluru": where it is, not its name
        placed = re.search(r"[ \u00a0]in[ \u00a0][A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+)?$", name)
        if placed and not agency_by_key(name):
            name = name[: placed.start()]
        agency = agency_by_key(name) or _parent_named(name, text) or Agency(name, None, _kind_for(name), None)
        s0 = start + m.start("n")
        out.append(AgencyMention(s0, s0 + len(name), agency, name))
    # threat actors named by the trackers' schemes: "Storm-1679", "APT 42", "UNC1151", "Volt Typhoon"
    has_actor = any(
        w in region for w in ("Storm-", "DEV-", "APT", "UNC", "TA", "Typhoon", "Blizzard", "Sandst", "Sleet")
    )
    for m in _THREAT_ACTOR.finditer(region) if has_actor or "Tempest" in region else ():
        name = re.sub(r"^APT[ -]", "APT", m.group())
        agency = agency_by_key(name) or Agency(name, None, "other", None)
        out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
    # "EchoForge, a voice-cloning startup based in Austin": a body named before its description
    for dm in _DESCRIPTION_AFTER_NAME.finditer(region):
        m = _NAME_BEFORE_DESCRIPTION.search(region, max(0, dm.start() - 60), dm.start())
        if m is None:
            continue
        name = m.group("n")
        first = name.split()[0]
        if (
            name in by_surface
            or first in by_surface
            or first in _STOP_NAME_WORDS
            or first in words
            or first in _nonname_words()
            or first.lower() in _western_given()
            or _known_person(name, _people_table())
            or _us_states().match(name + " ")
            or any(o.start <= start + m.start("n") < o.end for o in out)
        ):
            continue
        kind = (
            "company"
            if dm.group("d") in _COMPANY_WORDS
            or dm.group("d") in ("startup", "carrier", "provider", "manufacturer", "maker", "developer")
            else "association"
        )
        agency = agency_by_key(name) or Agency(name, None, kind, None)
        out.append(AgencyMention(start + m.start("n"), start + m.end("n"), agency, name))
    # "the Michigan State Police"
    for m in _STATE_POLICE.finditer(region) if "State Police" in region else ():
        if _us_states().fullmatch(m.group("s") + " "):
            name = m.group()
            agency = agency_by_key(name) or Agency(name, None, "other", "US")
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, name))
    # "the Commons foreign affairs committee", "the foreign affairs select committee": Westminster's
    # committees, written in lower case by British papers
    if "ommittee" in region and re.search(r"\b(?:Commons|Westminster|MPs|Britain|British|UK)\b", text):
        for m in _LOWER_CASE_COMMITTEE.finditer(region):
            name = m.group("subj").title().replace(" And ", " and ") + " Committee"
            agency = agency_by_key(name) or Agency(name, None, "legislature", "GB")
            out.append(AgencyMention(start + m.start(), start + m.end(), agency, m.group()))
    for m in org_re.finditer(region):
        name = m.group()
        lead = lead_re.match(name)
        if lead:
            name = name[lead.end() :]
        # "the Washington-based Foundation for Defense of Democracies": where it is based is no part of it
        name = re.sub(r"^[\w’'.-]+-(?:based|headquartered|funded|backed|linked|run)[ \u00a0]+", "", name)
        # "Follow the Department on X": a verb before "the", no part of a name ("the" inside a name follows
        # "of", "for" or "on")
        name = re.sub(r"^[A-Z][a-z]+[ \u00a0]the[ \u00a0]", "", name)
        # "RIA and State Electoral Office say": an acronym and another body, not one name
        name = re.sub(r"^[A-Z]{2,6}[ \u00a0]+(?:and|&)[ \u00a0]+(?=[A-Z])", "", name)
        # "Trial Attorney Beth Halloran of the National Security Division": a titled person of the body
        held = re.match(
            r"(?P<l>.+?)[ \u00a0](?:of|at|for|with)[ \u00a0](?:the[ \u00a0])?(?P<r>[A-Z].+)$", name
        )
        if held and re.search(r"\b(?:" + _ROLE_HEADS + r"|attorney|agent)\b", held.group("l"), re.I):
            name = held.group("r")
        # "the top Republican on the Intelligence Committee": the committee, not the party member
        name = re.sub(
            r"^(?:Republican|Democrat|Democratic|Independent|GOP|Labour|Conservative|Liberal)s?[ \u00a0]+"
            r"(?:on|of|in)[ \u00a0]+(?:the[ \u00a0]+)?",
            "",
            name,
        )
        # "Romania's Constitutional Court", "the Netherlands' Electoral Council" (a name ending in s takes the
        # bare apostrophe)
        cm = re.match(r"([A-Z][\w.]+(?: [A-Z][\w.]+)?)(?:’s|'s|(?<=s)[’'])\s", name)
        if cm and cm.group(1) in words and len(name[cm.end() :].split()) >= 2:
            name = name[cm.end() :]
        # "the Pentagon's Defense Information Systems Agency": a known body's own body, by its own name
        km = re.match(r"([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})(?:’s|'s)\s", name)
        if (
            km
            and km.group(1) in by_surface
            and len(name[km.end() :].split()) >= 2
            # "the FBI's Washington Field Office": the FBI itself
            and not name.endswith("Field Office")
        ):
            name = name[km.end() :]
        if len(name.split()) < 2 or head_re.match(name):
            continue
        first = name.split()[0].rstrip("’'s")
        if first in ("House", "Senate") and re.fullmatch(
            r"(?:House|Senate)(?: [A-Z][\w&-]+| and){1,5} (?:Committee|Subcommittee)", name
        ):
            pass  # "House Appropriations Committee": a committee of the chamber, not the chamber
        elif (
            first in by_surface
            or first in _nonname_words()
            and not re.search(r"\b(?:County|State|City)\b", name)
            and not _us_states().match(name)
            # "the Australian Strategic Policy Institute", "the Georgian Institute of Politics", "the Russia
            # Small Group": a nationality opening a three-word institutional name is part of it
            and not (
                len(name.split()) >= 3
                and re.search(r"\b(?:Institute|Institution|Foundation|Association|Observatory|Group)\b", name)
                and not re.search(r"\b(?:Ministry|Embassy|Department|Office|Agency|Service|Command)\b", name)
            )
            # "the Zimbabwe Electoral Commission", "the Kenya Police Service": a country's own national body
            and not _NATIONAL_BODY.fullmatch(name)
            # "the Taipei District Prosecutors Office", "the Seoul Central District Court": a city's court
            and not _PLACE_JUDICIAL.fullmatch(name)
            # "the Slovak Office for Cyber Security (SOCS)": a name the text gives its own acronym
            and not _acronym_of(name, text, start + m.end())
            # "the Ethiopian Ministry of Innovation and Technology": a nationality before a ministry's name
            and not _NATIONAL_MINISTRY.match(name)
        ):
            continue
        if re.search(r"(?:’s|'s)\s", name):
            continue
        national = _NATIONAL_BODY.fullmatch(name)
        code = words.get(national.group("c"), (None,))[0] if national else None
        if (
            code is None
            and name.split()[0] in words
            and (_acronym_of(name, text, start + m.end()) or _NATIONAL_MINISTRY.match(name))
        ):
            code = words[name.split()[0]][0]
        agency = (
            agency_by_key(name)
            or _parent_named(name, text)
            or Agency(name, None, "foreign government" if code else _kind_for(name), code)
        )
        s0 = start + m.end() - len(name)
        # "the ministry's 912 Special Project Working Group": a unit's number is part of its name (a year
        # before it is not: "the 2024 Election Task Force" is the task force of that year)
        nm = _UNIT_NUMBER.search(text, max(start, s0 - 8), s0) if text[s0 - 1 : s0] == " " else None
        if nm and agency_by_key(name) is None:
            s0, name = nm.start(), nm.group() + name
            agency = Agency(name, None, agency.kind, agency.country)
        out.append(AgencyMention(s0, start + m.end(), agency, name))
    return out


_UNIT_NUMBER = re.compile(r"(?<![\w.,’'-])(?!(?:19|20)\d\d\b)\d{1,4}[ \u00a0]$")


_PLACE_JUDICIAL = re.compile(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:(?:Central|Northern|Southern|Eastern|Western) )?(?:District|High) "
    r"(?:Court|Prosecutors?(?:’s|'s|’|')? Office)"
)
_NATIONAL_MINISTRY = re.compile(r"[A-Z][a-z]+ (?:Ministry|Department) (?:of|for) (?:the )?[A-Z]")


def _acronym_of(name: str, text: str, pos: int) -> str | None:
    """The acronym in brackets right after a name at pos, when its letters are initials of the name's words
    in order ("Slovak Office for Cyber Security (SOCS)", "Agency for Digital Government (AGD)")."""
    pm = _PAREN_ACRONYM.match(text, pos)
    if not pm:
        return None
    letters = [c for c in pm.group(1) if c.isupper()]
    initials = [w[0].upper() for w in name.split()]
    if len(letters) < 2 or letters[0] not in initials[:2]:
        return None
    it = iter(initials)
    return pm.group(1) if all(c in it for c in letters) else None


_HEAD_FIRST_ORG = re.compile(
    # found from its organisation word (a literal re can skip to); what stands before it is checked after
    r"(?<![\w-])(?P<n>(?:Centre|Center|Institute|Foundation|Council|Alliance|Coalition|"
    r"Observatory|Commission|Committee|Partnership|Network|Project|Initiative|Lab|Laboratory|Agency|Office|"
    r"Department|Ministry|Bureau|Division|Directorate|University)"
    # "the Center for an Informed Public", "the Committee for a Responsible Federal Budget"
    r"[ \u00a0](?:for|on|of)[ \u00a0](?:(?:the|an|a)[ \u00a0])?"
    # a possessive ends the name: "the University of Washington's Center for ..." names two bodies
    r"[A-Z][\w&’'-]+(?<![’']s)(?<![’'])"
    r"(?:[ \u00a0](?:(?:and|of|for|on|in|the|&)[ \u00a0]){0,2}[A-Z][\w&’'-]+(?<![’']s)(?<![’'])){0,5})"
    r"(?![\w-]|[ \u00a0][A-Z])"
)
# "the Centre for ...", "The Department for International Trade said", "the Washington-based Foundation
# for ...", "the state's Bureau of Elections" (a unit), a press release's "Office of Public Affairs" line
_HEAD_FIRST_BEFORE = re.compile(
    r"(?:(?<![\w-])[Tt]he[ \u00a0]+(?:[\w.’'-]+-(?:based|headquartered|funded|backed)[ \u00a0]+)?"
    r"|(?P<unit>’s[ \u00a0]|'s[ \u00a0])|\n|^)$"
)


def _head_first_orgs(region: str):
    """(match, left context) of _HEAD_FIRST_ORG where its left context allows a name to start; a match that
    starts where none may ("the Michigan Department of State's Bureau of Elections") is tried again from
    its next word."""
    pos = 0
    while (m := _HEAD_FIRST_ORG.search(region, pos)) is not None:
        before = _HEAD_FIRST_BEFORE.search(region, max(0, m.start() - 40), m.start())
        if before is None:
            pos = m.start() + 1
            continue
        yield m, before
        pos = m.end()


_THREAT_ACTOR = re.compile(
    r"(?<![\w-])(?:(?:Storm|DEV)-\d{4}|APT[ -]?\d{2,3}|(?:UNC|TA)\d{3,4}"
    r"|(?!(?:Super|Tropical|Severe|Major|Winter|Snow|Ice|Dust|Sand)\b)[A-Z][a-z]+[ \u00a0]"
    r"(?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest))(?![\w-])"
)
# found from the description (a literal comma re can skip to), the name before it checked after
_DESCRIPTION_AFTER_NAME = re.compile(
    # ("John Walsh, an analyst at the firm,": a person of the firm, not the firm)
    r",[ \u00a0]+(?:an?|the)[ \u00a0]+"
    r"(?:(?!(?:at|of|for|with|in|on|from|by|to)[ \u00a0])[\w’'-]+[ \u00a0]+){0,3}?"
    r"(?P<d>startup|start-up|company|firm|research[ \u00a0]group|think[ \u00a0]tank|nonprofit|non-profit|"
    r"watchdog|consultancy|vendor|contractor|carrier|provider|manufacturer|maker|developer|"
    r"(?:advocacy|rights|trade|industry|lobby|civic|civil[ \u00a0]society)[ \u00a0]group)"
    r"(?=[,.;)]|[ \u00a0](?:based|that|which|whose|in|from|with|founded|linked|known|run|backed|funded)\b)"
)
_NAME_BEFORE_DESCRIPTION = re.compile(
    r"(?<![\w-])(?P<n>[A-Z][\w&-]*[a-z][\w&-]*(?:[ \u00a0][A-Z][\w&.-]*[A-Za-z]){0,2})$"
)
_STATE_POLICE = re.compile(
    r"(?<![\w-])(?P<s>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)[ \u00a0]State[ \u00a0]Police(?![\w-])"
)
_LOWER_CASE_COMMITTEE = re.compile(
    r"(?<![\w-])(?:(?:Commons|Lords)[ \u00a0]+)?"
    r"(?P<subj>foreign affairs|home affairs|defence|treasury|justice|"
    r"intelligence and security|science and technology|public administration|public accounts|"
    r"digital, culture, media and sport|culture, media and sport|standards|privileges)"
    r"(?:[ \u00a0]+select)?[ \u00a0]+committee(?![\w-])"
)

_NATIONAL_BODY = re.compile(
    r"(?P<c>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:National |Independent |Central |Federal )?"
    r"(?:Electoral|Election|Elections|Constitutional|Supreme|High|Human Rights|Anti-Corruption|Police|"
    r"Revenue|Media|Communications|Broadcasting|Cyber Security|Cybersecurity|Public Prosecution|Prosecution|"
    r"Intelligence|Security|Data Protection|Statistics|Audit)(?: [A-Z][a-z]+){0,2} "
    r"(?:Commission|Court|Authority|Board|Council|Service|Force|Tribunal|Agency|Centre|Center|Office|"
    r"Directorate|Inspectorate)"
)

# "an analyst at Expert Forum", "director of Media Monitoring Africa": the body a person's role is at, named
# by capitalised words the table does not know
_ROLE_AT_BODY = re.compile(
    # found from the preposition (a fixed string re can skip to), the role word before it checked after
    r"[ \u00a0](?:at|of|for|with)[ \u00a0](?:the[ \u00a0])?"
    r"(?P<n>[A-Z][\w&’'-]+(?:[ \u00a0](?:(?:of|for|and|on|the|&)[ \u00a0])?[A-Z][\w&’'-]+){1,5})"
    r"(?=[,.;)]|[ \u00a0](?:said|says|told|wrote|added|noted|in|who|which|and)\b)"
)
_ROLE_BEFORE_BODY = re.compile(
    r"\b(?:analyst|researcher|director|head|fellow|spokesperson|spokesman|spokeswoman|founder|co-founder|"
    r"chief executive|CEO|president|chair|chairman|chairwoman|manager|official|expert|investigator|lead|"
    r"partner)$"
)
_FIELD_WORDS = frozenset(
    """Trust Safety Policy Public Intelligence Security Research Communications Operations Strategy
    Engineering Affairs Government Relations Threat Analysis Elections Election Integrity Cybersecurity
    Information Global Political Science Studies Technology Data Digital Programs Program
    Investigations Product Legal Content Marketing Media Outreach Partnerships International National
    Cyber Emerging Threats Democracy""".split()
)


@lru_cache(maxsize=1)
def _state_legislature() -> re.Pattern:
    from .countries import _table as country_table

    return re.compile(
        r"(?<![\w-])(?:"
        + alternation(country_table()[4])
        + r")(?: State)? (?:Legislature|General Assembly)(?![\w-])"
    )


@lru_cache(maxsize=1)
def _us_states() -> re.Pattern:
    """A U.S. state's name starting a body's name ("Ohio Elections Commission", "New York State Police")."""
    from .countries import _table as country_table

    return re.compile(r"(?:" + alternation(country_table()[4]) + r") ")


def _county_office_name(surface: str) -> str:
    """The office an elected county officer heads, named as counties name it: "Maricopa County Sheriff" ->
    "Maricopa County Sheriff's Office", "Alachua County Supervisor of Elections" -> "... Elections Office"."""
    m = re.fullmatch(
        r"(.+ (?:County|Parish|City)) (Recorder|Sheriff|Clerk|Supervisor of Elections)(?:(?:’s|'s)? Office)?",
        re.sub(r"\s+", " ", surface),
    )
    if not m:
        return surface
    if m.group(2) == "Supervisor of Elections":
        return f"{m.group(1)} Supervisor of Elections Office"
    return f"{m.group(1)} {m.group(2)}'s Office"


@lru_cache(maxsize=1)
def _agency_tails() -> dict[str, list[Agency]]:
    """'Threat Analysis Center' -> the table agencies whose name is a company or body name followed by it."""
    out: dict[str, list[Agency]] = {}
    for agency in _agency_table()[2].values():
        parts = agency.name.split(" ", 1)
        if len(parts) == 2 and len(parts[1].split()) >= 2 and agency not in out.get(parts[1], []):
            out.setdefault(parts[1], []).append(agency)
    return out


def _parent_named(name: str, text: str) -> Agency | None:
    """A body named by the rest of a known name ("the company's Threat Analysis Center" in a story about
    Microsoft: Microsoft Threat Analysis Center), when one known body fits."""
    cands = [a for a in _agency_tails().get(name, []) if a.name.split(" ", 1)[0] in text]
    national = [a for a in _agency_tails().get(name, []) + _agency_of_country().get(name, []) if a.country]
    if len({a.country for a in national}) > 1:
        # "the Central Election Commission" in a story about Ukraine: the one of the country the text names
        # most, when one does
        from .countries import count_mentions, country_mentions

        counts = count_mentions(country_mentions(text))
        ranked = sorted(national, key=lambda a: -counts.get(a.country, 0))
        if counts.get(ranked[0].country, 0) > counts.get(ranked[1].country, 0):
            return ranked[0]
        return None
    return cands[0] if len(cands) == 1 else None


@lru_cache(maxsize=1)
def _agency_of_country() -> dict[str, list[Agency]]:
    """'Central Election Commission' -> the table bodies named 'Central Election Commission of <Country>'."""
    out: dict[str, list[Agency]] = {}
    for agency in _agency_table()[2].values():
        m = re.fullmatch(r"(.+?) of (?:the )?[A-Z][\w ]+", agency.name)
        if m and agency.country and agency not in out.get(m.group(1), []):
            out.setdefault(m.group(1), []).append(agency)
    return out


# X, the platform: a capital X standing alone ...
_X_WORD = re.compile(
    r"(?<![\w-])X(?=[ \u00a0]*(?:[,.;:)]|$|’s|'s"
    r"|\s+(?:and|or|as|under|over|for|after|is|was|has|had|said|says|that|which|where|about|to|in|on|"
    r"before|since|until|last|earlier|this|showing|claiming)\b)|,?[ \u00a0]+\(?formerly\b)"
)
# ... after a word that takes a platform ("posted on X", "against X") or another platform ("TikTok and X")
_X_BEFORE = re.compile(
    r"(?:\b(?:on|to|from|via|platform|site|owns|against)"
    r"|\b(?:Facebook|Instagram|TikTok|YouTube|Telegram|Threads|Meta|Reddit|WhatsApp)(?:,| and| or)) $"
)


_X_CONTRAST = re.compile(r"\b(?:but|while|whereas|that|and|unlike)[ \u00a0]+$")
_PLATFORM_NAMES = re.compile(
    r"\b(?:Facebook|Instagram|TikTok|YouTube|Telegram|Threads|Meta|Reddit|WhatsApp)\b"
)


class _XPlatform:
    """finditer() over the mentions of X the platform ("posted on X", "X, formerly Twitter"), not
    "Generation X", "Malcolm X" or "X-ray"."""

    @staticmethod
    def finditer(region: str):
        for m in _X_WORD.finditer(region):
            if (
                re.match(r",?[ \u00a0]+\(?formerly\b", region[m.end() : m.end() + 14])
                or _X_BEFORE.search(region, max(0, m.start() - 14), m.start())
                # "TikTok and Meta had taken the posts down, but X had been slower": X set against other
                # platforms of its sentence
                or _X_CONTRAST.search(region, max(0, m.start() - 12), m.start())
                and _PLATFORM_NAMES.search(
                    region, max(0, m.start() - 160, region.rfind(". ", 0, m.start()) + 1), m.start()
                )
            ):
                yield m


_X_PLATFORM = _XPlatform()


def _kind_for(name: str) -> str:
    if re.search(r"Corporation|Corp\.|Inc\.|LLC|Ltd\.", name):
        return "company"
    if re.search(r"County|City|Parish|State\b", name):
        return "other"
    if re.search(
        r"Institute|Institution|Foundation|Association|Coalition|Alliance|Partnership|Observatory|Council|"
        r"Center|Centre",
        name,
    ):
        return "association"
    return "other"


def _indian_story(text: str) -> bool:
    """A story about India that does not name the United States: "Congress" there is a party."""
    from .countries import count_mentions, country_mentions

    counts = count_mentions(country_mentions(text))
    return counts.get("IN", 0) > 0 and counts.get("US", 0) == 0


def _legislature_context(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    if word == "Congress" and _indian_story(text):
        return False  # "Congress spokesperson Pawan Khera": India's Congress party, not the U.S. Congress
    if word == "House":
        after = text[e : e + 20]
        before = text[max(0, s - 12) : s]
        if re.match(r"\s+(?:of|Bill|Party)\b", after) or re.search(
            r"(?:White|Opera|Town|Guest|Court)\s+$", before
        ):
            return False
    return True


# ---------------------------------------------------------------------------------------------- titles

_UP = "A-ZÀ-ÖØ-Þ\u0110\u01a0\u01af"
# with the Vietnamese letters ("Nguyễn Thị Hương")
_LOW = "a-zß-öø-ÿ\u0100-\u017f\u01a1\u01b0\u1ea0-\u1ef9"
_NAME_TOKEN = (
    r"(?:(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le|Van)?[" + _UP + "][" + _LOW + "]+(?:[" + _UP + "][" + _LOW + "]+)?"
    r"(?:-[" + _UP + "][" + _LOW + "]+"
    # a lower-case syllable after a hyphen ("Park Sang-min", "Li Yueh-hua"), not "Iran-led", "Moscow-based"
    r"|-(?!(?:led|run|era|like|wide|born|made|based|linked|backed|owned|style|type|tied|aligned|friendly|"
    r"funded|sponsored|controlled|affiliated|connected|related|allied|leaning|centric|held|to|in|on|at|of|and|"
    r"the|for|up|out|off|by|day|year|old|end|free|proof|wing|less|ness|ish|elect|esque|ism|ist|ite|ian|"
    r"led|area|zone|bloc|camp|team|side|state|level|wide|long|term|time|show|news|mania|gate)\b)[a-z]{2,5}\b)*"
    # a lower-case syllable after an apostrophe ("Hasyim Asy'ari", "Ng'ang'a"), not "'s", "'re", "'ll"
    r"(?:['’](?!(?:s|d|t|m|re|ve|ll)\b)[a-z]{1,8}\b)*"
    r"|[A-Z]\.(?:[A-Z]\.)?)"
)
# "Ma. Teresa Villanueva": the Filipino abbreviation of Maria, before a given name and a surname
_NAME_TOKEN = r"(?:Ma\.(?=[ \u00a0][" + _UP + "][" + _LOW + "]+[ \u00a0][" + _UP + "])|" + _NAME_TOKEN + ")"
# Lower-case particles inside a name ("Helena Duarte da Silva", "Michelle van der Meer", "Jose Maria dela
# Cruz"), only between capitalised words.
_NAME_PARTICLES = r"(?:da|das|dos|de|del|della|dela|delos|di|du|van|von|der|den|ter|ten|bin|binti|al)"
_NAME_RUN = re.compile(
    _NAME_TOKEN + r"(?:[ \u00a0](?:" + _NAME_PARTICLES + r"[ \u00a0]){0,2}" + _NAME_TOKEN + r")*"
)

_STOP_NAME_WORDS = set(
    """
    The A An In On At For And But Or Of To By With From As If When While After Before Since Until During
    Under Over This That These Those It Its He She They We I You His Her Their Our My Your Who What
    Where Why How Which Then There Here Also Still Just Even Yet Not No Yes Only More Most Some Many
    Much Such Both Each Every All Any Few Other Another Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Feb Mar Apr Aug Sept Sep Oct Nov Dec Mr Mrs Ms Dr President Vice Director Secretary
    Attorney General Gen Sen Rep Gov Governor Senator Representative Congressman Congresswoman Chief
    Commander Acting Deputy Assistant Under Undersecretary Administrator Commissioner Chairman
    Chairwoman Chair Speaker Leader Majority Minority Ambassador Minister Prime Foreign Supreme Former
    Then Interim Department Agency Bureau Office Council Committee Command Center Centre Commission
    Service Services Administration Directorate Division Board Institute National Federal State States
    United American Intelligence Security Homeland Cyber Cybersecurity Infrastructure Justice Defense
    Defence Election Elections Democratic Democrat Democrats Republican Republicans Party Government
    House Senate Congress White Capitol Pentagon Kremlin Army Navy Air Force Guard Marine Corps Coast
    Northern Southern Eastern Western Day Election Act Law Bill Amendment Court Supreme Twitter Facebook
    Google Microsoft Read Photo Published Author Original More Related Share Advertisement Associated
    Press Reuters Lt Maj Col Capt Adm Brig Sgt Special Counsel Inspector Press Ranking Member Member
    Members Officials Official According Although However Meanwhile Washington Moscow Beijing Tehran
    Russia Russian Iran Iranian China Chinese America Americans U.S Internet Research Statement Report
    Intelligence Community Covid Coronavirus Black Lives Matter Post Times News Journal Daily Via Image
    Getty Images AP Story Continue Reading Watch Listen Subscribe Sign Click Here Trump's Biden's
    Conservative Conservatives Labour Liberal Liberals Tory Tories Greens Socialist Socialists Communist
    Nationalist Unionist Centrist MP MPs MEP MEPs Lawmaker Recorder Incumbent
    Affairs Finance Health Trade Economy Economic Education Transport Energy Communications Technology
    Development Agriculture Environment Industry Innovation Digital Immigration Citizenship Safety Terrorism
    Financial Interior Treasury Commerce Culture Media Sport
    Officer Returning Cabinet Sheriff Clerk Supervisor
    Later Earlier Afterward Afterwards Instead Separately Previously Recently Now Today Yesterday Tonight
    Overall Similarly Likewise Nevertheless Nonetheless Indeed Finally Ultimately Additionally Furthermore
    Moreover Otherwise Elsewhere Initially Eventually Subsequently Currently Critics Analysts Experts
    Researchers Asked
    """.split()
)
# every capitalised word of a title ("Executive Vice-President", "Premier") ends a name run
_STOP_NAME_WORDS |= {
    w.rstrip(".")
    for key in ("roles", "ranks")
    for t in json.loads((DATA / "titles.json").read_text(encoding="utf-8"))[key]
    for w in t.split()
    if w[:1].isupper() and w.rstrip(".") not in ("Member",)
} | {"Executive", "Premier", "Chancellor", "Mayor", "Judge"}
# given names that are also places ("Jordan Kellett", "Chad Morrison"): kept before another name
_GIVEN_PLACE_NAMES = frozenset(
    "Jordan Chad Georgia India Israel Kenya Florence Austin Dallas Houston Victoria Paris Virginia Carolina "
    "Savannah Orlando Sydney Phoenix Charlotte Madison Tyler Jackson Lincoln Adelaide Brooklyn Sierra "
    "Helena Regina Salem Aurora Eugene Denver Chelsea".split()
)
_ROLE_HEADS = (
    r"(?:director|secretary|undersecretary|commander|chief|head|administrator|commissioner|chairman|chairwoman|"
    r"chairperson|chair|"
    r"spokesperson|spokesman|spokeswoman|official|adviser|advisor|counsel|minister|ambassador|president|leader|"
    r"governor|senator|congressman|congresswoman|representative|lawmaker|attorney general|general|admira"
    r"l|officer|"
    r"member|executive|founder|analyst|researcher|expert|aide|envoy|diplomat|clerk|registrar|supervisor|coordinator|co-ordinator|rapporteur|"
    r"manager|lead|strategist|czar|deputy|assistant|principal|mayor|judge|justice|prosecutor|agent|staffer|"
    r"recorder|auditor|treasurer|sheriff|comptroller|investigator|incumbent|legislator|MP|MEP|councillor|"
    r"councilor|parliamentarian|candidate|engineer|scientist|specialist|technologist|consultant|fellow|"
    r"ceo|ciso|cto|vice president|press secretary|speaker|whip|co-chair|co-founder|chancellor|vice chair|"
    r"vice chairman|ranking"
    r" member)"
)


@lru_cache(maxsize=1)
def _title_regexes():
    by_surface = _agency_table()[0]
    table = _title_table()
    ag = alternation(by_surface)
    fixed_cs = [f["title"] for f in table["fixed"] if f.get("case_sensitive")]
    fixed_ci = [f["title"] for f in table["fixed"] if not f.get("case_sensitive")]
    roles = sorted(set(table["roles"]), key=len, reverse=True)
    ranks = sorted(set(table["ranks"]), key=len, reverse=True)
    role = alternation(roles)
    fixed = "|".join(
        [re.escape(t) for t in sorted(fixed_cs, key=len, reverse=True)]
        + ["(?i:" + re.escape(t) + ")" for t in sorted(fixed_ci, key=len, reverse=True)]
    )
    rank = alternation(ranks)
    from .countries import _table as country_table

    adjs = sorted(
        {f for f, _ in country_table()[0].items() if re.fullmatch(r"[A-Z][a-z]+(?:n|ese|ish|i|ch)", f)},
        key=len,
        reverse=True,
    )
    adj = alternation(adjs)
    mod = (
        r"(?:(?:former|Former|acting|Acting|then-|Then-|interim|Interim|outgoing|Outgoing|incoming|Incoming|retired|"
        r"Retired|top|senior|Senior|longtime|veteran|current|Deputy|deputy|Principal|principal|Assistant|assistant|"
        r"Conservative|Labour|Liberal|Green|Tory|Republican|Democratic|Democrat|GOP|Socialist|opposition|Opposition|"
        r"Associate|associate|Executive|executive|Special|special|Senior|chief|Chief|Vice|vice|U\.S\.|US|"
        + adj
        + r"|[A-Z][a-z]+(?:’s|'s)|state|State|county|County|city|City|federal|Federal|the|The)[ \u00a0])*"
    )
    lowmod = (
        r"(?:security|press|communications|election|elections|cybersecurity|cyber|intelligence|national|homeland|"
        r"policy|foreign|legal|senior|top|deputy|assistant|chief|principal|campaign|state|county|city|federal|former|"
        r"acting|interim|longtime|information|technology|technical|threat|research|public|affairs|digital|defense|"
        r"military|executive|regional|global|political|strategic|general|special|international|government|"
        r"counterintelligence|law|enforcement|data|privacy|trust|safety|integrity|vice|managing|news|agency|department|"
        r"ministry|embassy|committee|panel)"
    )
    poss = r"(?:(?:" + ag + r")(?:’s|'s)?[ \u00a0])"
    unit = (
        r"(?:" + mod + r"(?:"
        r"(?:" + fixed + r")"
        r"|" + poss + r"(?:" + lowmod + r"[ \u00a0]){0,3}(?:" + role + r")"
        r"|(?:"
        + role
        + r")[ \u00a0](?:of|for|at|to|with)[ \u00a0](?:the[ \u00a0])?(?:"
        + ag
        + r")(?:(?:’s|'s)[ \u00a0](?:"
        + ag
        + r"))?"
        r"|(?:" + lowmod + r"[ \u00a0]){0,2}(?:" + role + r")"
        r"|(?:" + rank + r")"
        r"))"
    )
    # a chain of units, "UNIT (SEP UNIT)*", written with the unit once so that it compiles once: a unit is
    # followed by a separator that is not the chain's end, or by the chain's end itself
    sep = r"(?:[ \u00a0]and[ \u00a0]|[ \u00a0]&[ \u00a0]|,[ \u00a0]|[ \u00a0])"
    chain = r"(?:" + unit + r"(?:" + sep + r"(?![ \u00a0]$)|(?=[ \u00a0]$)))+"
    # "Under Secretary for Terrorism and Financial Intelligence", "Minister of Digital Affairs": a role with
    # the capitalised name of its portfolio, only right before the name (so that it cannot run over the
    # names of a list: "Director of National Intelligence Dan Coats and FBI Director Christopher Wray")
    portfolio = (
        r"(?:" + mod + r"(?:" + role + r")[ \u00a0](?:for|of|to|in(?=[ \u00a0]the[ \u00a0]))[ \u00a0]"
        r"(?:the[ \u00a0])?"
        r"(?!(?:Secretary|Minister|Director|President|Governor|Senator|Chairman|Chair|Mayor|Commissioner|"
        r"Ambassador|Chief|Prime|Deputy|Vice|Attorney|Speaker|Judge)\b)[A-Z][a-z]+"
        r"(?:[ \u00a0](?:(?:and|of|the|&)[ \u00a0]){0,2}[A-Z][a-z]+){0,5})"
    )
    return (
        re.compile(r"(?<![\w'’.-])(" + chain + r"|" + portfolio + r")[ \u00a0]$"),
        re.compile(portfolio + r"(?=[ \u00a0]?$)|" + unit),
    )


@lru_cache(maxsize=1)
def _title_end_words() -> tuple[frozenset[str], frozenset[str], int]:
    """The words a title unit can end with (the last word of a fixed title, role, rank or agency name):
    case-sensitive ones, lower-cased case-insensitive ones, and the longest."""
    table = _title_table()
    cs = {f["title"].split(" ")[-1] for f in table["fixed"] if f.get("case_sensitive")}
    cs |= {r.split(" ")[-1] for r in table["roles"]}
    cs |= {r.split(" ")[-1] for r in table["ranks"]}
    cs |= {a.split(" ")[-1] for a in _agency_table()[0]}
    ci = {f["title"].split(" ")[-1].lower() for f in table["fixed"] if not f.get("case_sensitive")}
    return frozenset(cs), frozenset(ci), max(len(w) for w in cs | ci)


def _may_end_title(left: str) -> bool:
    """False when `left` cannot end with a title and a space: a quick test before the title regex, whose
    every unit ends with one of _title_end_words."""
    if not left or left[-1] not in " \u00a0":
        return False
    if " of " in left[-80:] or " for " in left[-80:] or " in the " in left[-80:] or " to " in left[-80:]:
        return True  # perhaps a role with its portfolio ("Minister of Digital Affairs ")
    cs, ci, longest = _title_end_words()
    body = left[:-1]
    word = body[max(body.rfind(" "), body.rfind("\u00a0")) + 1 :][-longest:]
    for i in range(len(word)):
        tail = word[i:]
        if tail in cs or tail.lower() in ci:
            return True
    return False


def _title_agency(title: str, text_mentions: list[AgencyMention], t_start: int) -> Agency | None:
    """The agency a title names or implies."""
    t_end = t_start + len(title)
    inside = [m for m in text_mentions if t_start <= m.start and m.end <= t_end]
    if inside:
        return inside[-1].agency
    covering = [m for m in text_mentions if m.start <= t_start and t_end <= m.end]
    if covering:
        return covering[
            0
        ].agency  # "Wisconsin Attorney General": the state office, not the federal department
    return _fixed_title_agency(title)


@lru_cache(maxsize=1)
def _fixed_title_patterns() -> list[tuple[re.Pattern, re.Pattern | None, str]]:
    """(title pattern, state-level prefix pattern, agency key) for the fixed titles that imply an agency,
    longest title first."""
    out = []
    for f in sorted(_title_table()["fixed"], key=lambda f: -len(f["title"])):
        if not f.get("agency"):
            continue
        t = f["title"]
        flags = 0 if f.get("case_sensitive") else re.I
        state = (
            re.compile(
                r"(?:[A-Z][a-z]+ ?){1,2}(?:’s|'s)? (?:(?:deputy|assistant|Deputy|Assistant) )?(?i:"
                + re.escape(t)
                + ")"
            )
            if f.get("state_level_if_prefixed")
            else None
        )
        out.append((re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)", flags), state, f["agency"]))
    return out


@lru_cache(maxsize=16384)
def _fixed_title_agency(title: str) -> Agency | None:
    from .countries import _table as country_table

    if re.match(r"(?i:his|her|their|its|my|our)\s", title):
        return None  # "Her chief of staff": the person's own aide, not the White House's
    words = re.sub(r"(?:’s|'s)(?= )", "", title).split()
    states = country_table()[4]
    if len(words) > 1 and (words[0] in states or " ".join(words[:2]) in states):
        return None  # "Georgia's deputy secretary of state": a state office, not a federal one
    # "Secretary of State for Science, Innovation and Technology": a British secretary of state heads the
    # Department for that portfolio
    um = re.match(r"(?:[Tt]he )?(?:[Ss]hadow )?Secretary of State for (?P<p>[A-Z].+)$", title)
    if um:
        return agency_by_key(f"Department for {um.group('p')}")
    for pattern, state, key in _fixed_title_patterns():
        if pattern.search(title):
            if state is not None and state.match(title):
                return None
            return agency_by_key(key)
    return None


# a secretary of state with no state before the title: the state's own office when the story is about one
# state and never about the federal department
_FEDERAL_STATE_DEPT = re.compile(
    r"State Department|Department of State|U\.S\. [Ss]ecretary of [Ss]tate|US [Ss]ecretary of [Ss]tate|"
    r"America(?:’s|'s) top diplomat"
)
_BARE_SOS = re.compile(
    r"(?i:(?:deputy |assistant )?secretary of state(?:(?:’s|'s) (?:office|elections division))?|"
    r"office of the secretary of state)"
)


def home_state_office(text: str) -> Agency | None:
    """The state secretary of state's office that an unprefixed "Secretary of State X" or "the secretary of
    state's office" means: the one U.S. state a state-level story is about ("OLYMPIA — Secretary of State
    Joanna Hollister", "the secretary of state's office" in a Georgia story), never when the federal
    department or a federal secretary of state is in the text."""
    if "ecretary of" not in text and "ffice of the" not in text:
        return None
    if federal_state_department(text):
        return None
    for name in _federal_secretaries():
        if name.split()[-1] in text and re.search(r"\b" + re.escape(name) + r"\b", text):
            return None
    named = {m.group(1) for m in _state_sos_pattern().finditer(text)}
    counts = _state_counts(text)
    home = _home_state(text, counts)
    if home is None:
        if len(named) == 1 and max(counts.values(), default=0) <= counts.get(next(iter(named)), 0):
            home = next(iter(named))
        else:
            return None
    return agency_by_key(f"{home} Secretary of State's Office")


def _state_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _us_state_names().finditer(text):
        st = m.group(1)
        if st == "Washington" and re.match(r",? D\.?C\b|\s+(?:Post|Examiner|Times)\b", text[m.end() :]):
            continue
        counts[st] = counts.get(st, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _federal_secretaries() -> tuple[str, ...]:
    return tuple(p["name"] for p in _people_table() if p.get("agency") == "Department of State")


def _home_state(text: str, counts: dict[str, int] | None = None) -> str | None:
    """The one U.S. state a story is about: named at least twice and twice as often as any other."""
    ranked = sorted((counts if counts is not None else _state_counts(text)).items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] * 2 <= ranked[0][1]):
        return ranked[0][0]
    return None


# states whose election office is a "Department of State"
_STATE_DEPARTMENTS_OF_STATE = frozenset({"Pennsylvania", "Michigan", "Florida", "New York"})


def localise_department_of_state(text: str, mentions: list[AgencyMention]) -> None:
    """'HARRISBURG, Pa. — ... The Department of State said': in a story about Pennsylvania (Michigan,
    Florida, New York) that names no federal diplomacy, the state's own Department of State."""
    bare = [
        m
        for m in mentions
        if m.surface == "Department of State" and m.agency.name == "U.S. Department of State"
    ]
    if not bare or re.search(
        r"State Department|U\.S\. Department of State|US Department of State|diplomat|embass", text
    ):
        return
    if any(re.search(r"\b" + re.escape(n) + r"\b", text) for n in _federal_secretaries()):
        return
    home = _home_state(text)
    if home not in _STATE_DEPARTMENTS_OF_STATE:
        return
    name = f"{home} Department of State"
    agency = agency_by_key(name) or Agency(name, None, "other", "US")
    for m in bare:
        m.agency = agency


def state_office_at(text: str, pos: int, home: Agency | None) -> Agency | None:
    """The state office an unprefixed secretary-of-state title at pos means: the state its sentence names
    before it ("In New Mexico, ..., Secretary of State Teresa Villanueva said"), else the story's state."""
    lo = max(0, pos - 300)
    s0 = max(
        [text.rfind("\n", 0, pos) + 1, lo] + [lo + m.end() for m in re.finditer(r"[.!?]\s", text[lo:pos])]
    )
    found = None
    for m in _us_state_names().finditer(text, s0, pos):
        found = m.group(1)
    # "the secretary of state's office in Michigan", "the secretary of state of Ohio"
    bs = _BARE_SOS.search(text, pos, pos + 60)
    a0 = bs.end() if bs else pos
    after = re.match(
        r"[ \u00a0]+(?:in|of|for)[ \u00a0]+(?:the[ \u00a0]+state[ \u00a0]+of[ \u00a0]+)?", text[a0 : a0 + 40]
    )
    if after:
        am = _us_state_names().match(text, a0 + after.end())
        if am:
            found = am.group(1)
    if found and found != "Washington":
        return agency_by_key(f"{found} Secretary of State's Office") or home
    return home


_SOS_OFFICE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er)[ \u00a0]+)?(?:Office of the Secretary of State|"
    r"office of the secretary of state|Secretary of State(?:’s|'s) [Oo]ffice|"
    r"secretary of state(?:’s|'s) office)(?![\w-])"
)


def federal_state_department(text: str) -> bool:
    """Whether the text names the federal State Department (not "the Pennsylvania Department of State")."""
    if "Depart" not in text and "ecretary of" not in text and "diplomat" not in text:
        return False
    for m in _FEDERAL_STATE_DEPT.finditer(text):
        if (
            m.group().startswith("Department")
            and re.search(r"[A-Z][a-z]+[ \u00a0]+$", text[max(0, m.start() - 16) : m.start()])
            and not re.search(r"(?:The|the|U\.S\.|US)[ \u00a0]+$", text[max(0, m.start() - 6) : m.start()])
        ):
            continue  # "the Pennsylvania Department of State": a state's department
        return True
    return False


def state_office_mentions(text: str, start: int, home: Agency | None) -> list[AgencyMention]:
    """'the Secretary of State's Office', 'the office of the secretary of state' with no state before it: the
    state office of the sentence or of the story (never when the federal department is in the text)."""
    out = []
    if "ecretary of" not in text or federal_state_department(text):
        return out
    for m in _SOS_OFFICE.finditer(text, start):
        before = text[max(0, m.start() - 20) : m.start()]
        sm = None
        for sm in _us_state_names().finditer(before):  # noqa: B007 - the last match
            pass
        if sm is not None and re.fullmatch(r"(?:’s|'s)?[ \u00a0]+", before[sm.end() :]):
            continue  # "Georgia's secretary of state's office": the table names it
        office = state_office_at(text, m.start(), home)
        if office is not None:
            surface = re.sub(r"^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er)[ \u00a0]+", "", m.group())
            out.append(AgencyMention(m.end() - len(surface), m.end(), office, surface))
    return out


def localise_foreign_ministers(text: str, officials: list) -> None:
    """'Foreign Minister Ioana Dragomir posted ... that Romania ...': a foreign minister named without a
    country belongs to the country their sentence names, else the foreign country the story names most."""
    if "inister" not in text:
        return
    words = _country_words()
    counts = None
    for o in officials:
        for i, (t, a) in enumerate(o.roles):
            if a is not None:
                continue
            # "Czech Foreign Minister Jan Lipavsky", "France's foreign minister": the country the title names
            nm = _NATIONAL_FOREIGN_MINISTER.fullmatch(t)
            if nm and nm.group("c") in words:
                code = words[nm.group("c")][0]
                if code == "US":
                    continue
                adj = words[nm.group("c")][1]
                agency = agency_by_key(f"{adj} Foreign Ministry")
                if agency is None:
                    name = f"Ministry of Foreign Affairs of {_country_name(code)}"
                    agency = agency_by_key(name) or Agency(name, None, "foreign government", code)
                o.roles[i] = (t, agency)
                continue
            if not re.fullmatch(r"(?i)(?:the\s+)?(?:deputy\s+|former\s+)?foreign\s+minister", t):
                continue
            first = min((ms for ms, _ in o.mentions), default=0)
            lo = max(0, first - 300)
            s0 = max(
                [text.rfind("\n", 0, first) + 1, lo]
                + [lo + x.end() for x in re.finditer(r"[.!?][\"”’']?\s", text[lo:first])]
            )
            e0 = sentence_end(text, first, min(len(text), first + 400))
            code = None
            for cm in re.finditer(r"[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)?", text[s0:e0]):
                c = _country_code(re.sub(r"(?:’s|'s)$", "", cm.group()))
                if c and c != "US":
                    code = code or c
            if code is None:
                if counts is None:
                    from .countries import count_mentions, country_mentions

                    counts = count_mentions(country_mentions(text))
                ranked = sorted(((n, c) for c, n in counts.items() if c != "US"), reverse=True)
                if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                    code = ranked[0][1]
            if code is None:
                continue
            adj = next((a2 for c2, a2 in words.values() if c2 == code), None)
            agency = agency_by_key(f"{adj} Foreign Ministry") if adj else None
            if agency is None:
                name = f"Ministry of Foreign Affairs of {_country_name(code)}"
                agency = agency_by_key(name) or Agency(name, None, "foreign government", code)
            o.roles[i] = (t, agency)


_NATIONAL_FOREIGN_MINISTER = re.compile(
    r"(?:the\s+)?(?P<c>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)(?:’s|'s)?\s+(?:(?:[Dd]eputy|[Ff]ormer)\s+)?"
    r"[Ff]oreign\s+[Mm]inister"
)
_PORTFOLIO_TITLE = re.compile(
    r"(?:(?:Deputy|Federal|State|Junior|Senior|Acting|Former|former)\s+)*Minister\s+(?P<prep>for|of|in)\s+"
    r"(?P<the>the\s+)?(?P<p>[A-Z][\w’'-]*(?:\s+(?:(?:and|of|the|for|&)\s+)*[A-Z][\w’'-]*)*)$"
)


_PORTFOLIO_FIRST_TITLE = re.compile(
    r"(?:(?:Deputy|Acting|Former|former)\s+)?(?P<p>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2})\s+Minister"
)
# words before "Minister" that name no portfolio (or one another rule places: the foreign minister's country)
_NOT_PORTFOLIOS = frozenset(
    "Prime Foreign Chief First Cabinet State Senior Junior Deputy Acting Former Federal Minister Vice".split()
)


_AMBASSADOR_TITLE = re.compile(
    r"(?:(?:Former|former|then-)\s*)?(?P<c>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:’s|'s)?\s+"
    r"(?:[Aa]mbassador|[Ee]nvoy)\s+(?:to|in)\s+(?P<host>(?:the\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)"
)


def portfolio_ministries(text: str, officials: list) -> None:
    """'Minister for Digital Development and Information Rachel Koh', 'Minister in the Presidency X': the
    body a portfolio title names (the Ministry of Digital Development and Information, the Presidency), in
    the country the story names most outside the United States."""
    from .countries import count_mentions, country_mentions

    code = None
    words = _country_words()
    for o in officials:
        for i, (title, agency) in enumerate(o.roles):
            em = _AMBASSADOR_TITLE.fullmatch(title) if agency is None else None
            host_name = re.sub(r"^the\s+", "", em.group("host")) if em else ""
            if em and em.group("c") in words and _country_code(host_name):
                # "Russian Ambassador to the United States Anatoly Antonov": his country's embassy there
                own, host = words[em.group("c")][0], _country_code(host_name)
                if own != host:
                    name = f"Embassy of {_country_name(own)} in {_country_name(host)}"
                    o.roles[i] = (title, agency_by_key(name) or Agency(name, None, "foreign government", own))
                continue
            m = _PORTFOLIO_TITLE.fullmatch(title) if agency is None else None
            pm = _PORTFOLIO_FIRST_TITLE.fullmatch(title) if agency is None and not m else None
            if pm and pm.group("p").split()[0] not in _NOT_PORTFOLIOS:
                # "Digital Affairs Minister Anna Nowak", "Interior Minister X": the ministry of that portfolio
                if code is None:
                    counts = count_mentions(country_mentions(text))
                    foreign = sorted((c for c in counts if c != "US"), key=lambda c: -counts[c])
                    code = foreign[0] if foreign else ""
                if not code:
                    continue
                portfolio = pm.group("p")
                own = portfolio.split()[0]
                if own in words:
                    # "Russian Defence Minister": the country the title names
                    if len(portfolio.split()) == 1 or portfolio.split()[1] in _NOT_PORTFOLIOS:
                        continue
                    portfolio = portfolio.split(None, 1)[1]
                where = words[own][0] if own in words else code
                kind = _MINISTRY_KINDS.get(portfolio.lower())
                adj = next((a2 for c2, a2 in words.values() if c2 == where), None)
                body = agency_by_key(f"{adj} {kind} Ministry") if kind and adj else None
                if body is None:
                    the = "the " if portfolio in ("Interior", "Economy", "Environment") else ""
                    name = f"Ministry of {the}{portfolio}"
                    body = agency_by_key(name) or Agency(name, None, "foreign government", where)
                o.roles[i] = (title, body)
                continue
            if not m:
                continue
            if code is None:
                counts = count_mentions(country_mentions(text))
                foreign = sorted((c for c in counts if c != "US"), key=lambda c: -counts[c])
                code = foreign[0] if foreign else ""
            portfolio = m.group("p")
            if m.group("prep") == "in":
                name = ("The " if m.group("the") else "") + portfolio
            else:
                name = f"Ministry of {'the ' if m.group('the') else ''}{portfolio}"
            body = agency_by_key(name) or Agency(name, None, "foreign government", code or None)
            o.roles[i] = (title, body)


def election_commission_titles(officials: list, agencies: list[AgencyMention]) -> None:
    """'Chief Election Commissioner Rajiv Kumar' in a story that names the Election Commission of India: a
    commissioner's title belongs to the one election commission the text names."""
    bodies = {
        m.agency
        for m in agencies
        if not m.via_title and re.search(r"\bElect(?:ion|oral|ions) Commission\b", m.agency.name)
    }
    if len(bodies) != 1:
        return
    body = next(iter(bodies))
    for o in officials:
        for i, (title, agency) in enumerate(o.roles):
            if agency is None and re.search(r"\bElect(?:ion|oral) (?:Commissioner|Officer)\b", title, re.I):
                o.roles[i] = (title, body)


def resolve_title_possessives(text: str, officials: list, agencies: list[AgencyMention]) -> None:
    """ "Tsai Ming-yen, the bureau's director-general", "Its chairman, Lee Chin-yung": a title owned by a
    description or a pronoun belongs to the body it refers back to."""
    for o in officials:
        first = min((ms for ms, _ in o.mentions), default=0)
        for i, (t, a) in enumerate(o.roles):
            if a is not None or not t:
                continue
            m = re.match(r"(?:(?:the|The)\s+)?([a-z]+)(?:’s|'s)\s|(Its|its|Their|their)\s", t)
            if not m and re.fullmatch(r"(?i)(?:an?\s+)?(?:spokesperson|spokesman|spokeswoman)", t):
                # "China's Taiwan Affairs Office dismissed the accusations. Spokesperson Chen Binhua said":
                # the body of the sentence before, in the same paragraph
                para0 = text.rfind("\n", 0, first) + 1
                prev = [am for am in agencies if not am.via_title and para0 <= am.start < first]
                if prev and re.search(r"[.!?]\s", text[prev[-1].end : first]):
                    o.roles[i] = (t, prev[-1].agency)
                continue
            if not m:
                continue
            noun = m.group(1)
            best = None
            for am in agencies:
                if am.via_title or am.start >= first or first - am.start > 1500:
                    continue
                if (
                    noun is None
                    or re.search(r"\b" + re.escape(noun) + r"\b", (am.agency.name + " " + am.surface).lower())
                    or am.agency.kind in SpeakerResolver._HEAD_KINDS.get(noun, ())
                    and noun
                    in ("company", "firm", "agency", "ministry", "group", "organization", "organisation")
                ):
                    best = am
            if best is not None:
                o.roles[i] = (t, best.agency)


def localise_state_titles(text: str, officials: list, home: Agency | None) -> None:
    """'Secretary of State Brad Holcombe' in a story about Georgia: the Georgia office, not the federal
    department, unless the person is a known U.S. secretary of state or the department is in the text."""
    if "ecretary of" not in text or federal_state_department(text):
        return
    federal = agency_by_key("Department of State")
    for o in officials:
        kp = _known_person(o.name, _people_table())
        if kp and "Secretary of State's Office" not in (kp.get("agency") or ""):
            continue  # a national figure the table knows ("Secretary of State Marco Rubio"): the federal post
        known_office = agency_by_key(kp["agency"]) if kp and kp.get("agency") else None
        first = min((ms for ms, _ in o.mentions), default=0)
        for i, (t, a) in enumerate(o.roles):
            if (
                a is federal
                and re.search(r"(?i)secretary of state", t)
                and not re.search(r"U\.?S\.?|America", t)
            ):
                office = known_office or state_office_at(text, first, home)
                if office is not None:
                    o.roles[i] = (t, office)


@lru_cache(maxsize=1)
def _state_sos_pattern() -> re.Pattern:
    from .countries import _table as country_table

    return re.compile(
        r"\b(" + alternation(country_table()[4]) + r")(?:’s|'s)? (?:[Dd]eputy )?[Ss]ecretary of [Ss]tate"
    )


@lru_cache(maxsize=1)
def _us_state_names() -> re.Pattern:
    from .countries import _table as country_table

    return re.compile(r"(?<![\w-])(" + alternation(country_table()[4]) + r")(?![\w-])")


# ---------------------------------------------------------------------------------------------- officials


@dataclass
class Official:
    name: str
    titles: list[str] = field(default_factory=list)
    roles: list[tuple[str, Agency | None]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    group: int | None = (
        None  # where a list naming this person with others ("three members of X, A, B and C") is
    )

    @property
    def agency(self) -> Agency | None:
        for _, a in self.roles:
            if a is not None:
                return a
        return None

    def add_title(self, title: str, agency: Agency | None) -> None:
        title = title.strip(" ,")
        if not title:
            return
        if title not in self.titles:
            self.titles.append(title)
            self.roles.append((title, agency))


@dataclass
class PersonMention:
    start: int
    end: int
    name: str


def _clean_title(title: str) -> str:
    title = re.sub(r"^(?:the|The|a|an|A|An)\s+", "", title.strip())
    title = title.replace("\u00a0", " ")
    return title.strip(" ,")


def _token_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of the whitespace-separated tokens of text[s:e] (a name run: words joined by one space
    or no-break space), like re.finditer(r"\\S+") over the slice."""
    chunk = text[s:e]
    if " " not in chunk and "\u00a0" not in chunk and chunk.strip() == chunk and chunk:
        return [(s, e)]
    return [(m.start(), m.end()) for m in _NONSPACE.finditer(text, s, e)]


_NONSPACE = re.compile(r"\S+")


def _strip_name_run(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop leading/trailing words that are not part of a person's name."""
    words = _token_spans(text, s, e)
    while words and (
        text[words[0][0] : words[0][1]].rstrip(".") in _STOP_NAME_WORDS
        or _is_known_nonname(text[words[0][0] : words[0][1]])
        and not (
            len(words) > 1
            and text[words[0][0] : words[0][1]] in _GIVEN_PLACE_NAMES
            and text[words[1][0] : words[1][1]].rstrip(".") not in _STOP_NAME_WORDS
            and not _is_known_nonname(text[words[1][0] : words[1][1]])
        )
    ):
        words.pop(0)
    while words and (
        text[words[-1][0] : words[-1][1]].rstrip(".") in _STOP_NAME_WORDS
        or _is_known_nonname(text[words[-1][0] : words[-1][1]])
    ):
        words.pop()
    if not words:
        return None
    s2, e2 = words[0][0], words[-1][1]
    # names containing a stop word in the middle are not names (e.g. "Homeland Security Secretary Kirstjen")
    inner = [text[a:b].rstrip(".") for a, b in words]
    if any(w in _STOP_NAME_WORDS for w in inner):
        # keep the part after the last stop word
        last = max(i for i, w in enumerate(inner) if w in _STOP_NAME_WORDS)
        if last == len(words) - 1:
            return None
        s2 = words[last + 1][0]
    return s2, e2


@lru_cache(maxsize=1)
def _nonname_words() -> set[str]:
    from .countries import _table as country_table

    forms = set(country_table()[0])
    states = set(country_table()[4])
    return {f for f in forms | states | _REGIONS if " " not in f}


# continents and regions: never a person's name ("head of trust and safety for Europe")
_REGIONS = frozenset(
    """Europe Asia Africa Oceania Americas Antarctica Arctic Scandinavia Balkans Caucasus Caribbean Eurasia
    Asia-Pacific Indo-Pacific Mideast Maghreb Sahel Baltics""".split()
)


@lru_cache(maxsize=16384)
def _is_known_nonname(word: str) -> bool:
    word = re.sub(r"(?:’s|'s)$", "", word)
    return word in _nonname_words() or word in _agency_table()[0]


_PLACE_OR_BODY_END = re.compile(
    r"\s(?:County|City|Parish|Township|Borough|University|College|School|Street|Avenue|Road|Square|"
    r"Park|Island|Islands|Valley|River|Mountains?|Beach|Heights|Falls|Springs|Bay|Lake|Harbor|Airport|"
    r"Station|Church|Hospital|Plaza|Tower|Building|Times|Post|Journal|News|Press|Herald|Tribune)$"
)


def _is_place_or_body(name: str) -> bool:
    """A capitalised run that names a place, an institution or an occasion, not a person."""
    return bool(_PLACE_OR_BODY_END.search(name))


def _person_mentions(text: str, start: int, end: int) -> list[PersonMention]:
    out = []
    for m in _NAME_RUN.finditer(text, start, end):
        span = _strip_name_run(text, m.start(), m.end())
        if not span:
            continue
        s, e = span
        words = _token_spans(text, s, e)
        if len(words) >= 3 and _PORTFOLIO_BEFORE.search(text, max(0, s - 120), s):
            # "Minister for Digital Development and Information Rachel Koh", "Minister in the Presidency
            # Nomvula Dube": the portfolio's last word runs into the name
            s = words[1][0]
        name = text[s:e].replace("\u00a0", " ")
        if re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)?", name):
            continue
        out.append(PersonMention(s, e, name))
    return out


_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Secretary|Director|Commissioner|Chair|Head|Officer|Envoy|Ambassador|Spokesperson|Adviser|"
    r"Advisor|Coordinator|Representative)[ \u00a0]+(?:for|of|in|on|to)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:[A-Z][\w-]*[ \u00a0]+(?:(?:and|of|the|&)[ \u00a0]+)*)*$"
)


_ROLE_BEFORE = re.compile(
    r"(?:^|[.;:,][\"”’]?\s+|\n|\band\s+|\b(?:said|says|told|wrote|added)\s+"
    # "a statement signed by its spokesperson, Jane Roe,"
    r"|\b(?:signed|issued|read|released)\s+by\s+)"
    r"((?:The|the|An|an|A|a|Its|its|Their|their|His|his|Her|her"
    # "Facebook's head of public policy, Jane Roe," / "Fulton County's elections director, Jane Roe,"
    r"|(?-i:(?:[A-Z][\w.&-]*\s){0,3}[A-Z][\w.&-]*)(?:’s|'s))\s[^,.;“”\"\n]{0,100}?\b"
    + _ROLE_HEADS
    + r"\b[^,.;“”\"\n]{0,80}),[ \u00a0]$",
    re.I,
)
_ROLE_PHRASE_VERB = re.compile(r"\b(?:said|says|told|is|was|were|are|has|have|had)\b")
_PARTY = re.compile(r"^,?[ \u00a0]*\(?(?:[DRI]|Dem|Rep|Ind)[-–][A-Z][A-Za-z. ]{1,14}\)?")


def find_officials(
    text: str,
    start: int,
    end: int,
    agencies: list[AgencyMention],
    exclude_names: list[str] = (),
    exclude_spans: list[tuple[int, int]] = (),
) -> list[Official]:
    """Named people in public roles, with their titles as the text gives them."""
    before_re, unit_re = _title_regexes()
    people = _people_table()
    candidates: list[tuple[PersonMention, list[tuple[str, int]], bool]] = []
    affiliations: dict[tuple[int, int], Agency] = {}
    # "the Ministry for Education, Science, Youth and Sport": a list of capitalised portfolio words
    portfolio_lists = [
        (m.start(), m.end())
        for m in _CAPITAL_LIST.finditer(text, start, end)
        if re.search(r"\b(?:for|of|on)\s+(?:the\s+)?$", text[max(0, m.start() - 12) : m.start()])
    ]
    mentions = [
        pm
        for pm in _person_mentions(text, start, end)
        if not any(s <= pm.start < e for s, e in exclude_spans)
        # a word of a body's name ("Department for Digital, Culture, Media and Sport") is no person
        and not any(a.start <= pm.start and pm.end <= a.end for a in agencies if not a.via_title)
        and not any(s <= pm.start < e for s, e in portfolio_lists)
        and not any(names_match(pm.name, a) and len(_name_parts(pm.name)) > 1 for a in exclude_names)
    ]
    title_owner: dict[tuple[str, int], Agency] = {}

    def role_agency(t: str, ts: int) -> Agency | None:
        # "Megan Tolliver, Press Secretary\nPennsylvania Department of State": a contact line's title is of
        # the body the next line names
        nl = _LINE_END.match(text, ts + len(t))
        if nl and not any(ts <= a.start and a.end <= ts + len(t) for a in agencies if not a.via_title):
            below = [a for a in agencies if a.start == nl.end() and not a.via_title]
            if below and _LINE_END.match(text, below[0].end):
                return below[0].agency
        return _title_agency(t, agencies, ts) or title_owner.get((t, ts))

    for pm in mentions:
        titles: list[tuple[str, int]] = []
        public = False
        left_start = max(0, pm.start - 200)
        left = text[left_start : pm.start]
        cut = max(
            left.rfind("\n"), _last_sentence_cut(left), left.rfind("; "), left.rfind("“"), left.rfind('"')
        )
        if cut >= 0:
            left_start += cut + 1
            left = left[cut + 1 :]
        lm = before_re.search(left) if _may_end_title(left) else None
        if lm:
            chain = lm.group(1)
            c0 = left_start + lm.start(1)
            for um in unit_re.finditer(chain):
                t = chain[um.start() : um.end()]
                ts = c0 + um.start()
                t_clean, off = _strip_title_prefix(t)
                if t_clean and not re.fullmatch(
                    r"(?:the|The|a|an|and|former|top|senior|state|federal)", t_clean
                ):
                    titles.append((t_clean, ts + off))
                    if off and not _title_agency(t_clean, agencies, ts + off):
                        owner = [a for a in agencies if ts <= a.start and a.end <= ts + off]
                        if owner:
                            title_owner[(t_clean, ts + off)] = owner[-1].agency
            if titles:
                public = True
                # "Central Election Commission spokesman Chen Yun-ting": a body the table does not know, named
                # right before the role, is the role's body
                t0, ts0 = titles[0]
                prev = [a for a in agencies if not a.via_title and a.end == ts0 - 1 and a.start >= left_start]
                if prev and t0[:1].islower() and text[ts0 - 1] in " \u00a0":
                    a0 = prev[-1]
                    t_new = text[a0.start : ts0 + len(t0)]
                    titles[0] = (t_new, a0.start)
                    title_owner[(t_new, a0.start)] = a0.agency
        after = text[pm.end : pm.end + 220]
        # "The Secretary of State for Science, Innovation and Technology, Marcus Heale, said": a title that
        # opens the sentence, with commas of its own, set off before the name
        if not titles and len(_name_parts(pm.name)) > 1:
            tm = _TITLE_OPENS_SENTENCE.fullmatch(left)
            if tm and _SAID_AFTER_NAME.match(after) and _role_word_in(tm.group("t")):
                titles.append((tm.group("t"), left_start + tm.start("t")))
                public = True
        # "Sen. Mark Warner, D-Va., the chairman of the Senate Intelligence Committee,": the appositive after
        # the party tag
        tag = re.match(
            r"(?:,[ \u00a0]*\(?(?:[DRI]|Dem|Rep|Ind)[-–][A-Z][A-Za-z.]{1,12}\)?"
            # "Sen. Marco Rubio of Florida, the top Republican on ...,"
            r"|[ \u00a0]+(?:of|from)[ \u00a0]+[A-Z][\w.]+(?:[ \u00a0][A-Z][\w.]+)?)"
            r"(?=,[ \u00a0]+the[ \u00a0])",
            after,
        )
        # "Ho Chia-hsin (何家欣), a researcher at ...": the name in its own script is not the appositive
        native = _NATIVE_SCRIPT_NAME.match(after)
        skip = tag.end() if tag else (native.end() if native else 0)
        am = re.match(
            r",[ \u00a0]+(?:who[ \u00a0]+(?:is|was|serves[ \u00a0]+as|served[ \u00a0]+as|became|"
            r"has[ \u00a0]+been)[ \u00a0]+)?"
            r"((?:the|a|an|then|now)[ \u00a0]+)?([^,.;()\n“”\"]{3,140}?)"
            r"(?=[,.;()\n“”\"]|$| said| says| told)",
            after[skip:],
        )
        if am and not re.match(r",[ \u00a0]+who[ \u00a0]+(?!is|was|serve|became|has[ \u00a0]+been)", after):
            phrase = am.group(2).strip()
            # "Jane Roe, who became CSIS director last spring,": when she became it is no part of the title
            phrase = re.sub(
                r"[ \u00a0]+(?:last|this|earlier[ \u00a0]+this|in)[ \u00a0]+"
                r"(?:spring|summer|autumn|fall|winter|year|month|week|January|February|March|April|May|June|July|August|September|October|"
                r"November|December|\d{4})\b.*$",
                "",
                phrase,
            )
            # "Jane Roe, the Labour lawmaker who chairs the committee,": the role before the relative clause
            phrase = re.split(r"[ \u00a0]+(?:who|whose)[ \u00a0]", phrase)[0]
            ph_start = pm.end + skip + am.start(2)
            if re.search(
                r"(?:^|\W)(?:in|In|at|At|from|From|to|of|for|on|On|with|by|By)[ \u00a0]+$",
                text[max(0, pm.start - 6) : pm.start],
            ):
                pass  # "In Brussels, a spokesperson for ...": a place, not a name with an appositive
            elif _names_another_person(text, ph_start, ph_start + len(phrase), agencies) or re.search(
                r"\b(?:to|also|attended|said|says|met|is|was|has|have|had|will|would|who|which|that)\b",
                _blank_bodies(phrase, ph_start, agencies),
            ):
                pass
            elif re.match(
                r"(?:founded|led|owned|backed|run|created|formed|headed|established|based|funded|controlled|"
                r"chaired|known)\b",
                phrase,
            ):
                pass  # "Georgian Dream, founded by a billionaire former prime minister,": a body
            elif (
                # "the Cybersecurity and Infrastructure Security Agency's election security adviser": the
                # body's name counts as one word
                re.match(
                    r"(?:\S+[ \u00a0]+){0,6}?" + _ROLE_HEADS + r"\b",
                    _blank_bodies(phrase, ph_start, agencies),
                    re.I,
                )
                or re.match(
                    r"(?:top|ranking|senior|leading)[ \u00a0]+(?:Republican|Democrat)[ \u00a0]+on\b", phrase
                )
            ) and len(phrase.split()) <= 16:
                # "a researcher at the X Institute": an academic, not an official
                academic = re.search(
                    r"\b(?:researcher|expert|professor|fellow|scholar|lecturer)\b", phrase
                ) and re.search(r"\b(?:Universit|College|School|Academy)", phrase)
                if not academic and not re.match(
                    r"(?:who|which|that|and|but|or|said|says|told|according)\b", phrase
                ):
                    titles.append((_clean_title(phrase), ph_start))
                    public = True
        wm = re.match(
            r",[ \u00a0]+who[ \u00a0]+((?:heads|leads|runs|oversees|directs|chairs|manages|commands|repr"
            r"esents|"
            r"headed|led|ran|oversaw|directed|chaired|managed|commanded|represented)[ \u00a0][^,.;\n“”"
            r"\"]{3,120})",
            after,
        )
        if wm:
            titles.append((wm.group(1).strip(), pm.end + wm.start(1)))
            public = True
        # "The board's director, Linda Carraway," / "The county clerk whose office ..., Renee Vandermolen,"
        left_role = text[max(0, pm.start - 200) : pm.start]
        bm = (
            _ROLE_BEFORE.search(left_role)
            if text[max(0, pm.start - 2) : pm.start] in (", ", ",\u00a0")
            and re.match(
                r",|\s+(?:said|says|told|wrote|added|urged|warned|stressed|noted|insisted|argued|explained)\b",
                after,
            )
            else None
        )
        while bm and _ROLE_PHRASE_VERB.search(bm.group(1)) and not re.search(r"\bwhose\b", bm.group(1)):
            # "The DSS said in a statement signed by its spokesperson, Jane Roe,": the shorter role after
            bm = _ROLE_BEFORE.search(left_role, bm.start(1) + 1)
        if bm:
            phrase = bm.group(1)
            if not _ROLE_PHRASE_VERB.search(phrase) or re.search(r"\bwhose\b", phrase):
                titles.append(
                    (
                        _clean_title(re.split(r"\s+(?:whose|who|that|which)\b", phrase)[0]),
                        max(0, pm.start - 200) + bm.start(1),
                    )
                )
                public = True
        if _PARTY.match(after):
            public = True
            if not titles:
                titles.append(("lawmaker", pm.end))
        # "Sebastian Kuhl of the German Marshall Fund's Alliance for Securing Democracy said": a person
        # speaking for the body named after "of"
        if not titles and len(_name_parts(pm.name)) > 1:
            om = _OF_BODY.match(text, pm.end)
            if om:
                bodies = [a for a in agencies if not a.via_title and om.start(1) <= a.start < om.end(1)]
                if bodies:
                    affiliations[(pm.start, pm.end)] = bodies[-1].agency
                    public = True
            # "CrowdStrike's Adam Meyers said": a person the text names by the body they speak for
            elif re.match(r"(?:’s|'s)[ \u00a0]$", text[max(0, pm.start - 3) : pm.start]) and re.match(
                r"[ \u00a0]+(?:has[ \u00a0]+|also[ \u00a0]+)?(?:said|says|told|wrote|added|warned)\b", after
            ):
                owner = [a for a in agencies if not a.via_title and a.end == pm.start - 3]
                if owner:
                    affiliations[(pm.start, pm.end)] = owner[-1].agency
                    public = True
        candidates.append((pm, titles, public))
    # group by person
    officials: list[Official] = []

    def find_or_add(name: str) -> Official:
        for o in officials:
            if names_match(o.name, name) and (len(_name_parts(name)) > 1 and len(_name_parts(o.name)) > 1):
                if len(_name_parts(name)) > len(_name_parts(o.name)):
                    o.name = name
                return o
        o = Official(name)
        officials.append(o)
        return o

    known = {p["name"]: p for p in people}
    for pm, titles, public in candidates:
        is_known = _known_person(pm.name, people)
        multi = len(_name_parts(pm.name)) > 1
        if not public and not is_known:
            continue
        if not multi and not is_known and not titles:
            continue
        if not multi:
            continue  # single names are attached after full names are known
        o = find_or_add(is_known["name"] if is_known and len(_name_parts(pm.name)) < 2 else pm.name)
        o.aliases.add(pm.name)
        o.mentions.append((pm.start, pm.end))
        for t, ts in titles:
            o.add_title(t, role_agency(t, ts))
        affil = affiliations.get((pm.start, pm.end))
        if affil is not None and all(a is None for _, a in o.roles):
            o.roles.append(("", affil))
    # single-word names: a title before them or a known figure's surname
    for pm, titles, _public in candidates:
        if len(_name_parts(pm.name)) > 1:
            continue
        match = [o for o in officials if names_match(o.name, pm.name)]
        if match:
            o = match[-1]
        elif titles or _known_person(pm.name, people, surname_only=True):
            kp = _known_person(pm.name, people, surname_only=True)
            if not titles and not kp:
                continue
            if not titles and kp and not kp.get("surname_alone"):
                continue
            o = find_or_add(kp["name"] if kp else pm.name)
            if (
                kp
                and len(_name_parts(kp["name"])) > 1
                and not any(len(_name_parts(a)) > 1 for a in o.aliases)
            ):
                o.name = pm.name if not kp else o.name
        else:
            continue
        o.aliases.add(pm.name)
        o.mentions.append((pm.start, pm.end))
        for t, ts in titles:
            o.add_title(t, role_agency(t, ts))
    # bare surname mentions of known officials become aliases/mentions
    for o in officials:
        surname = family_name(o.name)
        for s in _word_positions(text, surname, start, end):
            if any(a <= s < b for a, b in exclude_spans):
                continue
            if not any(ms <= s < me for ms, me in o.mentions):
                o.mentions.append((s, s + len(surname)))
                o.aliases.add(surname)
        # a single-name official named after a known figure takes the full name
        if len(_name_parts(o.name)) == 1:
            kp = _known_person(o.name, people, surname_only=True)
            if kp and kp.get("surname_alone"):
                pass
        o.mentions.sort()
    _given_name_mentions(text, start, end, officials, exclude_spans)
    _ = known
    _transcript_officials(text, start, end, agencies, officials, exclude_names, role_agency)
    _listed_officials(text, start, end, officials, exclude_names, role_agency)
    return officials


_OF_BODY = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][^,;.“”\"\n]{1,90}?)"
    # "of the Indonesian Anti-Slander Society (Mafindo), which runs a hotline, said"
    r"(?:[ \u00a0]+\([A-Z][\w&.-]{1,12}\))?"
    r"(?:,[ \u00a0]+(?:which|who|that)[ \u00a0][^,;.“”\"\n]{1,100},)?,?[ \u00a0]+"
    r"(?:has[ \u00a0]+|also[ \u00a0]+)?(?:said|says|told|wrote|writes|added|noted|warned|argued|explained)\b"
)
# "ALAN BRODY, FBI ASSISTANT DIRECTOR: ..." - a transcript turn naming the speaker and the speaker's role
_TURN_WITH_ROLE = re.compile(
    r"^([A-Z][A-Z'’.-]+(?:[ \u00a0][A-Z][A-Z'’.-]+){1,2}),[ \u00a0]+([A-Z][A-Z.&'’ -]{2,60}?):[ \u00a0]", re.M
)
_MEDIA_ROLES = re.compile(
    r"\b(?:ANCHOR|CORRESPONDENT|REPORTER|HOST|CONTRIBUTOR|PRODUCER|COMMENTATOR|EDITOR)\b"
)


_GIVEN_NAME_SPEECH = re.compile(r"[ \u00a0]+(?:said|says|told|added|explained|noted|warned|stressed)\b")


def _given_name_mentions(text, start, end, officials, exclude_spans) -> None:
    """'BSSN head Bambang Wicaksono said ... "...," Bambang said.': where the press names people by their
    given name (Indonesia, Malaysia), a given name followed by a speech verb is the one official who has it,
    when it is no official's family name and no other official's given name."""
    given: dict[str, list] = {}
    families = {family_name(o.name) for o in officials}
    for o in officials:
        parts = _name_parts(o.name)
        if len(parts) >= 2 and not family_first(o.name) and re.fullmatch(r"[A-Z][a-z]{2,}", parts[0]):
            given.setdefault(parts[0], []).append(o)
    for word, owners in given.items():
        if len(owners) != 1 or word in families or word in _STOP_NAME_WORDS:
            continue
        o = owners[0]
        for s in _word_positions(text, word, start, end):
            e = s + len(word)
            if any(a <= s < b for a, b in exclude_spans) or any(ms <= s < me for ms, me in o.mentions):
                continue
            # the given name alone, not the start of a longer name ("Bambang Wicaksono", "Bambang Sutrisno")
            if not _GIVEN_NAME_SPEECH.match(text, e, end):
                continue
            o.mentions.append((s, e))
            o.aliases.add(word)
        o.mentions.sort()


def _transcript_officials(text, start, end, agencies, officials, exclude_names, role_agency) -> None:
    if ":" not in text:
        return
    by_surface = _agency_table()[0]
    for m in _TURN_WITH_ROLE.finditer(text, start, end):
        role = m.group(2).strip()
        if _MEDIA_ROLES.search(role) or not re.search(_ROLE_HEADS, role, re.I):
            continue
        name = " ".join(w.capitalize() for w in m.group(1).split())
        if any(names_match(name, a) for a in exclude_names):
            continue
        title = " ".join(
            w if w in by_surface else w.lower() if w in ("OF", "THE", "AND", "FOR", "ON") else w.capitalize()
            for w in role.split()
        )
        o = next((o for o in officials if names_match(o.name, name)), None)
        if o is None:
            o = Official(name)
            officials.append(o)
        o.aliases.add(name)
        o.mentions.append((m.start(1), m.end(1)))
        o.add_title(title, role_agency(title, m.start(2)) or _fixed_title_agency(title))
        for tok in re.finditer(r"[A-Z][\w.&-]*", title):
            agency = by_surface.get(tok.group())
            if agency is not None and not o.agency:
                o.roles[-1] = (o.roles[-1][0], agency)
        o.mentions.sort()


# "Three members of the European Parliament, Anna Keller of the Greens, Pierre Duval of Renew Europe and
# Tomas Berg of the European People's Party, wrote ...": a plural role, then the people it names
_LIST_ROLE = re.compile(
    r"(members|lawmakers|MPs|MEPs|senators|ministers|legislators|representatives|officials|governors|mayors)"
    r"((?:[ \u00a0]+(?:of|from)[ \u00a0]+(?:the[ \u00a0]+)?[A-Za-z][^,;.:\n]{2,60})?),[ \u00a0]+"
)
_LIST_NAME = re.compile(
    r"(" + _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_TOKEN + r"){1,2})"
    r"(?:[ \u00a0]+(?:of|from)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][^,;.:\n]{1,50}?)?"
    r"(,[ \u00a0]+and[ \u00a0]+|,[ \u00a0]+|[ \u00a0]+and[ \u00a0]+|(?=[,;.:\n]))"
)
_SINGULAR = {
    "members": "member",
    "lawmakers": "lawmaker",
    "MPs": "MP",
    "MEPs": "MEP",
    "senators": "senator",
    "ministers": "minister",
    "legislators": "legislator",
    "representatives": "representative",
    "officials": "official",
    "governors": "governor",
    "mayors": "mayor",
}


_LIST_ROLE_WORD = re.compile(
    r"\b(?:members|lawmakers|MPs|MEPs|senators|ministers|legislators|representatives|officials|governors|mayors)"
    r"\b"
)


# "Assistant U.S. Attorneys Laura Mendes and Kevin Tran", "Sens. Mark Warner and Marco Rubio": a plural
# title written before the names it belongs to
_TITLED_LIST = re.compile(
    r"(?<![\w-])(?P<t>(?:(?:Assistant|Deputy|Special|Trial|Senior)[ \u00a0]+)?(?:U\.S\.[ \u00a0]+)?"
    r"(?:Attorneys|Agents|Commissioners|Prosecutors|Sens\.|Reps\.|Senators|Representatives))[ \u00a0]+"
    r"(?P<a>" + _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_TOKEN + r"){1,2})"
    r"(?:[ \u00a0]*,[ \u00a0]+(?P<b>" + _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_TOKEN + r"){1,2}))?"
    r",?[ \u00a0]+and[ \u00a0]+(?P<c>" + _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_TOKEN + r"){1,2})(?![\w-])"
)
_TITLE_SINGULAR = {"Sens.": "Sen.", "Reps.": "Rep.", "Attorneys": "Attorney", "Agents": "Agent"}


def _listed_officials(text, start, end, officials, exclude_names, role_agency) -> None:
    for m in _TITLED_LIST.finditer(text, start, end) if ("s " in text or "s. " in text) else ():
        words = m.group("t").split()
        words[-1] = _TITLE_SINGULAR.get(words[-1], words[-1][:-1])
        title = " ".join(words)
        for group in ("a", "b", "c"):
            name = m.group(group)
            if not name or any(w in _STOP_NAME_WORDS or _is_known_nonname(w) for w in name.split()):
                continue
            if any(names_match(name, a) for a in exclude_names):
                continue
            o = next((o for o in officials if names_match(o.name, name)), None)
            if o is None:
                o = Official(name)
                officials.append(o)
            o.aliases.add(name)
            if (m.start(group), m.end(group)) not in o.mentions:
                o.mentions.append((m.start(group), m.end(group)))
                o.mentions.sort()
            if title not in o.titles:
                o.add_title(title, role_agency(title, m.start("t")))
    for w in _LIST_ROLE_WORD.finditer(text, start, end):
        m = _LIST_ROLE.match(text, w.start(), end)
        if m is None:
            continue
        pos, found = m.end(), []
        while len(found) < 8:
            nm = _LIST_NAME.match(text, pos, end)
            if not nm:
                break
            found.append((nm.start(1), nm.end(1), nm.group(1)))
            pos = nm.end()
            if not nm.group(2).strip(" \u00a0") and "and" not in nm.group(2) and nm.group(2) != ", ":
                break
            if "and" in nm.group(2):
                last = _LIST_NAME.match(text, pos, end)
                if last:
                    found.append((last.start(1), last.end(1), last.group(1)))
                break
        names = [
            f for f in found if not any(w in _STOP_NAME_WORDS or _is_known_nonname(w) for w in f[2].split())
        ]
        if len(names) < 2 or len(names) != len(found):
            continue
        title = (_SINGULAR[m.group(1)] + m.group(2)).replace("\u00a0", " ")
        for s0, e0, name in names:
            if any(names_match(name, a) for a in exclude_names):
                continue
            o = next((o for o in officials if names_match(o.name, name)), None)
            if o is None:
                o = Official(name)
                officials.append(o)
            o.aliases.add(name)
            if (s0, e0) not in o.mentions:
                o.mentions.append((s0, e0))
            o.add_title(title, role_agency(title, m.start(2)))
            o.group = m.start()
            o.mentions.sort()


def _blank_bodies(phrase: str, p0: int, agencies: list[AgencyMention]) -> str:
    """The phrase with the bodies named in it blanked ("spokesman for Iran's mission to the United Nations":
    its "to" is part of a name)."""
    chars = list(phrase)
    for a in agencies:
        if p0 <= a.start and a.end <= p0 + len(phrase):
            chars[a.start - p0 : a.end - p0] = "X" * (a.end - a.start)
    return "".join(chars)


def _names_another_person(text: str, s: int, e: int, agencies: list[AgencyMention]) -> bool:
    """True when an appositive text[s:e] names a person (so it is not the title of the name before it)."""
    for x in _person_mentions(text, s, e):
        if any(a.start <= x.start < a.end for a in agencies) or _is_place_or_body(x.name):
            continue
        # "the Liberal incumbent in North Vale", "head of the unit of the Federal Police": a place or a body
        # after a preposition or an article
        if re.search(
            r"\b(?:the|The|in|for|from|of|at)[ \u00a0]+(?:[A-Z][\w’'-]*[ \u00a0—–-]+)*$",
            text[max(0, x.start - 40) : x.start],
        ):
            continue
        # "Acme's head of integrity", "the Green lawmaker": a possessive or a modifier, not a name
        if re.match(r"(?:’s|'s)|[ \u00a0]+[a-z]", text[x.end : x.end + 3]):
            continue
        # "Special Co-ordinator": a capitalised word cut at its hyphen, not a name
        if re.match(r"-[a-z]", text[x.end : x.end + 2]):
            continue
        # "Berkeley County's director of elections": a place's name, not a person's
        if re.match(
            r"[ \u00a0]+(?:County|City|Parish|Township|Borough|State|Province|District)\b", text[x.end :]
        ):
            continue
        return True
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_positions(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` occurs in text[start:end] not inside a longer word or hyphenated compound, like
    re.finditer(r"(?<![\\w-])WORD(?![\\w-])") over the slice, with str.find."""
    out = []
    if not word:
        return out
    i = text.find(word, start, end)
    while i >= 0:
        j = i + len(word)
        before = text[i - 1] if i > start else ""
        after = text[j] if j < end else ""
        if (not before or not (_is_word_char(before) or before == "-")) and (
            not after or not (_is_word_char(after) or after == "-")
        ):
            out.append(i)
            i = text.find(word, j, end)
        else:
            i = text.find(word, i + 1, end)
    return out


_ABBREV_BEFORE_DOT = re.compile(
    r"(?:^|\W)(?:Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Mr|Mrs|Ms|Dr|St|Jr|Sr|Brig|Sgt|Prof|Ma|U\.S|U\.N|D\.C|[A-Z])$"
)


_SENTENCE_STOP = re.compile(r"[.!?][\"”’']?\s")


def _last_sentence_cut(left: str) -> int:
    """Index of the last sentence-ending period in `left` (ignoring abbreviations), or -1."""
    best = -1
    for m in _SENTENCE_STOP.finditer(left):
        # the abbreviation ends at the period and is at most five characters long with its boundary
        if left[m.start()] == "." and _ABBREV_BEFORE_DOT.search(left, max(0, m.start() - 8), m.start()):
            continue
        best = m.start() + 1
    return best


def _strip_title_prefix(t: str) -> tuple[str, int]:
    """Drop a leading article or a person's possessive ("Trump's chief of staff" -> "chief of staff")."""
    off = 0
    m = re.match(r"(?:(?:the|The|a|an|A|An)[ \u00a0]+)", t)
    if m:
        off = m.end()
    m2 = re.match(r"([A-Z][a-z]+)(?:’s|'s)[ \u00a0]+", t[off:])
    if m2 and not _is_known_nonname(m2.group(1)) and m2.group(1) not in _agency_table()[0]:
        off += m2.end()
    elif m2 and m2.group(1) in _agency_table()[0]:
        off += m2.end()
    return t[off:].strip().replace("\u00a0", " "), off


@lru_cache(maxsize=1)
def _people_by_surname() -> dict[str, list[int]]:
    """Lower-cased surname -> indexes (in table order) of the known people with a form ending in it."""
    index: dict[str, list[int]] = {}
    for i, p in enumerate(_people_table()):
        for f in [p["name"], *p.get("aliases", [])]:
            parts = _name_parts(f)
            if parts:
                ids = index.setdefault(parts[-1].lower(), [])
                if i not in ids:
                    ids.append(i)
    return index


def _known_person(name: str, people: list[dict], surname_only: bool = False) -> dict | None:
    if people is _people_table():
        i = _known_person_index(name, surname_only)
        return None if i is None else people[i]
    return _known_person_scan(name, people, surname_only)


@lru_cache(maxsize=16384)
def _known_person_index(name: str, surname_only: bool) -> int | None:
    """_known_person_scan over the known-people table, looking only at people who share the surname."""
    parts = _name_parts(name)
    if not parts:
        return None
    people = _people_table()
    for i in _people_by_surname().get(parts[-1].lower(), ()):
        if _known_person_scan(name, [people[i]], surname_only) is not None:
            return i
    return None


def _known_person_scan(name: str, people: list[dict], surname_only: bool = False) -> dict | None:
    for p in people:
        forms = [p["name"], *p.get("aliases", [])]
        for f in forms:
            if len(_name_parts(name)) == 1:
                if surname_only and _name_parts(f)[-1] == name:
                    return p
            elif names_match(f, name) and _name_parts(f)[0][0].lower() == _name_parts(name)[0][0].lower():
                return p
            elif names_match(f, name):
                return p
    return None


# ---------------------------------------------------------------------------------------------- speakers

_PRONOUN_PERSON = {"he", "she", "him", "her"}
_PRONOUN_GROUP = {"they", "it", "we"}
_STATEMENT_WORDS = (
    r"statement|notice|release|announcement|advisory|bulletin|memo|memorandum|letter|alert|readout|message|"
    r"communique|communiqué|post|tweet|filing|warning"
)
_REPORT_WORDS = (
    r"report|assessment|document|analysis|review|findings|study|paper|summary|indictment|complaint|audit|"
    r"research"
)
# documents quoted as speakers that are neither reports nor statements in the other lists
_DOCUMENT_ONLY_WORDS = (
    r"update|guidance|advisory|assessment|memorandum|notice|directive|order|ruling|judgment|decision"
)
_DESCRIPTION_HEADS = (
    r"agency|bureau|department|company|firm|group|organi[sz]ation|association|coalition|committee|panel|ministry|"
    r"embassy|command|service|office|commission|board|council|cent(?:er|re)|mission|task ?force|directorate|"
    r"institute|foundation|regulator|watchdog"
)
_GROUP_WORDS = (
    r"group|coalition|council|organization|organisation|partnership|alliance|association|consortium|panel|"
    r"agencies|task force|committee|body|officials|leaders|authorities|department|agency|bureau|administ"
    r"ration|"
    r"campaign|government"
)


@dataclass
class Speaker:
    phrase: str | None
    officials: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    kind: str = "none"  # person, agency, group, statement, report, unnamed, none
    explicit: bool = False


_UNNAMED_SPEAKER = re.compile(
    r"((?:One|A|An|Another)[ \u00a0]+[a-z][\w-]*(?:[ \u00a0](?!(?:in|of|at|from|with|for|on|who|whose)\b)"
    r"[a-z][\w-]*){0,3})\b(?:[^.;]*?,)?[ \u00a0]+"
    r"(?:said|says|told|added|explained)\b"
)


# "He declined to name the countries involved but (said)": a pronoun, a first predicate and a conjunction
_PRONOUN_PREDICATE = re.compile(
    r"(He|She|They|he|she|they)[ \u00a0]+(?:declined|refused|did[ \u00a0]+not|didn’t|didn't|"
    r"would[ \u00a0]+not|"
    r"acknowledged|conceded|admitted|denied|rejected|welcomed|praised|criticised|criticized|thanked|urged|"
    r"defended|dismissed)\b[^.;:“”\"]{0,120}[ \u00a0](?:but|and)"
)
# "an Abuja-based think tank", "a press freedom group": a description of a body, in apposition after its name
_DESCRIPTION = re.compile(
    r"(?:an?)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,4}(?:think[ \u00a0]tank|group|organi[sz]ation|institute|"
    r"watchdog|agency|body|commission|authority|firm|company|network|coalition|NGO|foundation|centre|center|"
    r"monitor|observatory)",
    re.I,
)


class SpeakerResolver:
    """Resolves an attribution phrase ("he", "the coalition", "the statement", "FBI Director Wray") to people
    and bodies, using what the text introduced around it."""

    def __init__(self, text: str, officials: list[Official], agencies: list[AgencyMention], sentences):
        self.text = text
        self.officials = officials
        self.agencies = agencies
        self.sentences = sentences  # list of (start, end)
        self.history: list[tuple[int, Speaker]] = []
        self.quote_spans: list[tuple[int, int]] = []  # quoted text, where no referent is introduced

    # -- helpers
    def _officials_in(self, s: int, e: int) -> list[Official]:
        found = []
        for o in self.officials:
            if any(s <= ms and me <= e for ms, me in o.mentions):
                first = min(ms for ms, me in o.mentions if s <= ms and me <= e)
                found.append((first, o))
        return [o for _, o in sorted(found, key=lambda x: x[0])]

    def _agencies_in(self, s: int, e: int) -> list[Agency]:
        out: list[Agency] = []
        for m in self.agencies:
            if s <= m.start and m.end <= e and m.agency not in out:
                out.append(m.agency)
        return out

    def _sentence_subject_body(self, pos: int) -> Speaker | None:
        """The body that opens the pronoun's sentence or the one before, when no one has spoken since it was
        named ("The Russian embassy in London rejected the claims. In a post on Twitter, it described")."""
        s0, _ = self._sentence_of(pos)
        earlier = [se for se in self.sentences if se[1] <= s0]
        for s, e in ([(s0, pos)] + earlier[-1:]) if s0 < pos else earlier[-1:]:
            lead = re.match(r"\s*(?:[Tt]he\s+)?", self.text[s:e]).end()
            first = [m for m in self.agencies if m.start == s + lead and not m.via_title]
            if not first:
                continue
            # "Microsoft Corp.'s Threat Analysis Center had flagged the activity": the unit the owner's
            # possessive names
            unit = [
                m
                for m in self.agencies
                if not m.via_title and re.fullmatch(r"(?:’s|'s)\s+", self.text[first[0].end : m.start])
            ]
            if unit:
                first = unit
            if any(s <= h < pos for h, _ in self.history):
                return None  # someone spoke in between: the usual history applies
            agency = first[0].agency
            return Speaker(f"it ({first[0].surface})", [], [agency.key], "agency", True)
        return None

    def _sentence_subject_document(self, pos: int) -> Speaker | None:
        """'The report said the sites ... It described the operation as': the report (or statement) that
        opens the pronoun's sentence or the one before, when no one has spoken since, speaks through it."""
        s0, _ = self._sentence_of(pos)
        earlier = [se for se in self.sentences if se[1] <= s0]
        for s, e in ([(s0, pos)] + earlier[-1:]) if s0 < pos else earlier[-1:]:
            dm = re.match(
                r"\s*(?P<d>(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?(?:"
                + "|".join((_REPORT_WORDS, _STATEMENT_WORDS))
                + r"))\s+(?:said|says|found|concluded|stated|noted|added|warned|described|called|read)\b",
                self.text[s:e],
            )
            if dm is None or any(s <= h < pos for h, _ in self.history):
                continue
            d0 = s + dm.start("d")
            sp = self.resolve(dm.group("d"), d0, d0 + len(dm.group("d")))
            if sp.officials or sp.agencies:
                return Speaker(f"it ({dm.group('d')})", list(sp.officials), list(sp.agencies), sp.kind, True)
        return None

    def _described_body(self, phrase: str, p_start: int, p_end: int) -> Speaker | None:
        """'The Centre for Democracy and Development (CDD), an Abuja-based think tank, said': the body the
        description is in apposition to speaks, not an unnamed think tank."""
        if not _DESCRIPTION.fullmatch(phrase):
            return None
        at = self.text.rfind(phrase, max(0, p_start - 5), p_end + 5)
        if at < 0:
            return None
        before = self.text[max(0, at - 12) : at]
        cm = re.search(r"(?:\s*\([\w&.-]{2,12}\))?,[ \u00a0]+$", before)
        if not cm:
            return None
        end = at - len(before) + cm.start()
        named = [m for m in self.agencies if m.end == end and not m.via_title]
        if not named:
            return None
        m = named[-1]
        return Speaker(m.surface, [], [m.agency.key], "agency", True)

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def _from_officials(self, officials: list[Official], phrase: str | None, kind: str) -> Speaker:
        ags: list[str] = []
        for o in officials:
            for _, a in o.roles:
                if a is not None and a.key not in ags:
                    ags.append(a.key)
        names = [o.name for o in officials]
        if phrase is None:
            phrase = names[0] if len(names) == 1 else "; ".join(names)
        return Speaker(phrase, names, ags, kind, True)

    # -- referents
    def _nearest(self, cands: list[tuple[int, object]], pos: int):
        """The candidate nearest before pos, else the nearest after it."""
        before = [c for c in cands if c[0] <= pos]
        if before:
            return max(before, key=lambda c: c[0])[1]
        after = [c for c in cands if c[0] > pos]
        return min(after, key=lambda c: c[0])[1] if after else None

    def _source_speaker(self, s: int, e: int) -> Speaker | None:
        offs = self._officials_in(s, e)
        ags = self._agencies_in(s, e)
        if not offs and not ags:
            # "In a joint statement, the taskforce said": the body a description refers back to
            dm = re.match(
                r"\s*(?:the|its|their)\s+(?:[a-z]+\s+){0,2}(" + _DESCRIPTION_HEADS + r")\s*$",
                self.text[s:e],
                re.I,
            )
            ant = self.antecedent(dm.group(1), s) if dm else None
            if ant is not None:
                ags = [ant]
        if not offs and not ags:
            return None
        cand = (
            self._from_officials(offs, None, "statement")
            if offs
            else Speaker(None, [], [], "statement", True)
        )
        for a in ags:
            if a.key not in cand.agencies:
                cand.agencies.append(a.key)
        return cand

    def statement_source(self, pos: int, before_only: bool = False) -> Speaker | None:
        cands: list[tuple[int, Speaker]] = []
        stw = r"(?:joint\s+)?(?:" + _STATEMENT_WORDS + r")"
        for s, e in self.sentences:
            sent = self.text[s:e]
            m = re.search(
                r"\b"
                + stw
                + r"\b[^.]{0,60}?\b(?:came from|from|by|signed by|issued by|released by|was signed by)\b",
                sent,
            )
            if m:
                src = self._source_speaker(s + m.end(), e)
                if src:
                    cands.append((s, src))
                    continue
            m = re.match(
                r"\s*(?:In|in)\s+an?\s+(?:[a-z]+\s+){0,2}"
                + stw
                + r"\s*(?:[^,]{0,40})?,\s*(?P<subj>.+?)\s+(?:"
                + _verbs()
                + r")\b",
                sent,
            )
            if m:
                src = self._source_speaker(s + m.start("subj"), s + m.end("subj"))
                if src:
                    cands.append((s, src))
                    continue
            m = re.search(
                r"\b(?:(?:said|says|wrote|announced|warned|added)\s+in|put\s+out|puts\s+out|issued|issues|released|"
                r"published)\s+an?\s+(?:[a-z]+\s+){0,2}" + stw + r"\b",
                sent,
            )
            if m:
                src = self._source_speaker(s, s + m.start())
                if src:
                    cands.append((s, src))
                    continue
            # "Iran's mission to the United Nations rejected the allegations in a statement to ...": the
            # subject of the clause the statement is the means of
            m = re.search(r"\S\s+in\s+an?\s+(?:[a-z]+\s+){0,2}" + stw + r"\b", sent)
            if m:
                vm = re.search(
                    r"\s(?:" + _verbs() + "|" + _LEADING_ONLY_VERBS + r"|(?-i:[a-z]{3,}ed))\b",
                    sent[: m.start() + 1],
                )
                if vm:
                    src = self._source_speaker(s, s + vm.start())
                    if src:
                        cands.append((s, src))
        if before_only:
            # "U.S. officials blamed Iran ..." in the lead: not a statement a spokesman gives further down
            cands = [c for c in cands if c[0] <= pos + 600]
        return self._nearest(cands, pos)

    def report_source(self, pos: int, union: bool = False) -> list[Agency]:
        cands: list[tuple[int, list[Agency]]] = []
        for s, e in self.sentences:
            sent = self.text[s:e]
            for m in re.finditer(r"\b(?:" + _REPORT_WORDS + r")\b", sent):
                window_s = s + max(0, m.start() - 90)
                # a body named inside a quote is no author ("“The Party is ...,” the report said")
                ags = list(
                    dict.fromkeys(
                        x.agency
                        for x in self.agencies
                        if window_s <= x.start
                        and x.end <= s + m.end() + 40
                        and not any(qs <= x.start < qe for qs, qe in self.quote_spans)
                    )
                )
                # "research published Wednesday by Google-owned Mandiant": the body it is by
                bm = re.match(r"[^.;]{0,40}?\b(?:by|from)\s+", self.text[s + m.end() : e])
                if bm:
                    b0 = s + m.end() + bm.end()
                    by = self._agencies_in(b0, min(e, b0 + 60))
                    # "Google-owned Mandiant": the owner is a modifier, not the author
                    owners = {
                        x.agency
                        for x in self.agencies
                        if b0 <= x.start < b0 + 60 and self.text[x.end : x.end + 1] == "-"
                    }
                    by = [a for a in by if a not in owners] + [a for a in by if a in owners]
                    ags = by + [a for a in ags if a not in by]
                # "The bipartisan report, the latest installment of the committee's review": the body a
                # description near the report word refers back to
                dm = re.search(
                    r"\b(?:the|its)\s+(committee|agency|company|commission|bureau|department|ministry|panel|firm)"
                    r"(?:’s|'s)",
                    self.text[window_s : s + m.end() + 60],
                )
                ant = self.antecedent(dm.group(1), window_s + dm.start()) if dm else None
                if ant is not None and ant not in ags:
                    ags.insert(0, ant)
                if ags:
                    cands.append((s + m.start(), ags))
        if union:
            out: list[Agency] = []
            for _, ags in cands:
                out.extend(a for a in ags if a not in out)
            return out
        return self._nearest(cands, pos) or []

    # a body reacting to a document is not its author ("The Russian embassy rejected the report")
    _REACTS_TO = re.compile(
        r"\b(?:rejected|dismissed|denied|disputed|critici[sz]ed|condemned|welcomed|praised|cited|questioned|"
        r"challenged|slammed|mocked|responded\s+to|reacted\s+to|obtained|reviewed|seen\s+by|shared\s+with|"
        r"sent\s+to|addressed\s+to|called|described|labell?ed)\s+(?:the|a|an|this|that|its|their)\s+"
        r"(?:[\w“”\"‘’'-]+\s+){0,4}$"
    )
    _ISSUE_VERBS = (
        r"released|issued|published|put\s+out|rolled\s+out|unveiled|circulated|sent|distributed|posted|"
        r"produced|prepared|wrote|compiled|updated|delivered|submitted|filed|presented"
    )

    def _author_phrase(self, s: int, e: int) -> Speaker | None:
        """The people or bodies a clause names, or the body a description or possessive pronoun stands for."""
        seg = self.text[s:e]
        qs = [(a, b) for a, b in self.quote_spans if s <= a < e]
        offs = [
            o
            for o in self._officials_in(s, e)
            if not any(any(a <= ms < b for a, b in qs) for ms, _ in o.mentions if s <= ms < e)
        ]
        ags = [
            m.agency
            for m in self.agencies
            if s <= m.start and m.end <= e and not any(a <= m.start < b for a, b in qs)
        ]
        ags = list(dict.fromkeys(ags))
        if offs or ags:
            sp = self._from_officials(offs, None, "report") if offs else Speaker(None, [], [], "report", True)
            sp.agencies.extend(a.key for a in ags if a.key not in sp.agencies)
            return sp
        dm = re.search(r"\b(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}(" + _DESCRIPTION_HEADS + r")\b", seg, re.I)
        if dm:
            ant = self.antecedent(dm.group(1), s + dm.start())
            if ant is not None:
                return Speaker(None, [], [ant.key], "report", True)
        pm = re.search(r"\b(?:his|her)\s+(?:office|agency|department|ministry|team|staff)\b", seg, re.I)
        if pm:
            lp = self.last_person(s + pm.start())
            if lp is not None and lp.agency is not None:
                return Speaker(None, [], [lp.agency.key], "report", True)
        return None

    def _author_at(self, ns: int, ne: int) -> Speaker | None:
        """Who a mention of a document (text[ns:ne], "report", "memo", "statement") says wrote it."""
        s, e = self._sentence_of(ns)
        if s == e:
            return None
        before = self.text[s:ns]
        if self._REACTS_TO.search(before):
            return None
        # "a Canadian Security Intelligence Service (CSIS) memo", "the ODNI's election threat update",
        # "the FBI flash alert": the body inside the document's own noun phrase
        for m in reversed(self.agencies):
            if s <= m.start and m.end <= ns and ns - m.end <= 60:
                gap = self.text[m.end : ns]
                if re.fullmatch(
                    r"(?:[’']s)?(?:\s*\([A-Z][\w&.-]*\))?(?:\s+(?!(?:and|or|to|in|on|at|of|for|that|which|"
                    r"with|by|from)\b)[\w“”\"‘’'-]+){0,4}\s+",
                    gap,
                ):
                    return Speaker(None, [], [m.agency.key], "report", True)
                break
        after = self.text[ne:e]
        # "a report published by Viginum", "a memo from the bureau"
        bm = re.match(r"[^.;“”\"]{0,50}?\b(?:by|from)\s+", after)
        since = r"[^.;]{0,50}?\bfrom\s+(?:last|this|next|earlier|the\s+(?:past|last))\b"
        if bm and not re.match(since, after):
            b0 = ne + bm.end()
            # "a joint statement from DHS and ODNI, signed by Secretary X and Director Y", "came from
            # Attorney General A; Secretary of Defense B; ...": every signatory, up to what it said
            cm = re.search(
                r"[,;]?\s+(?:that|which|who|whose|found|finds|said|says|shows?|showed|warn(?:s|ed)|"
                r"conclud(?:es|ed)|accus(?:es|ed)|describ(?:es|ed)|urg(?:es|ed)|call(?:s|ed))\b|[“”\"]",
                self.text[b0:e],
            )
            src = self._author_phrase(b0, b0 + cm.start() if cm else e)
            if src is not None:
                return src
        # "In a progress report on its action plan, the European Commission said"
        im = re.search(r"(?:^|[\s“\"])(?:In|in)\s+(?:an?|its|their|the)\s+(?:[\w“”\"‘’'-]+\s+){0,4}$", before)
        if im and not before[: im.start()].strip(' \n“"'):
            cm = re.match(r"[^,]{0,80},\s*", after)
            if cm:
                vm = re.search(r"\b(?:" + _verbs() + r"|" + self._ISSUE_VERBS + r")\b", after[cm.end() :])
                if vm:
                    src = self._author_phrase(ne + cm.end(), ne + cm.end() + vm.start())
                    if src is not None:
                        return src
        # "the agency said in a technical report", "CISA and the EAC released joint guidance", "Avaaz said in
        # a separate report": the subject of the clause
        vm = None
        for vm in re.finditer(  # noqa: B007 - the last match
            r"\b(?:(?:" + _verbs() + r")(?:\s+[^.;“”\"]{0,60}?)?\s+in|" + self._ISSUE_VERBS + r")\s+"
            r"(?:an?|its|their|the|new|joint)\s+(?:[\w“”\"‘’'-]+\s+){0,4}$",
            before,
        ):
            pass
        if vm is not None:
            head = before[: vm.start()]
            qe = max(head.rfind("”"), head.rfind('"'))
            h0 = s + (qe + 1 if qe >= 0 else 0)
            src = self._author_phrase(h0, s + vm.start())
            if src is not None:
                return src
        return None

    def document_author(self, noun: str, pos: int) -> Speaker | None:
        """'the report', 'the memo', 'the statement' quoted at pos: the author the text gave that document
        where it introduced it (the latest earlier mention of the same noun that names one)."""
        noun = noun.lower()
        for m in reversed(list(re.finditer(r"\b" + re.escape(noun) + r"s?\b", self.text[:pos], re.I))):
            if pos - m.start() > 4000:
                break
            if any(a <= m.start() < b for a, b in self.quote_spans):
                continue
            src = self._author_at(m.start(), m.end())
            if src is not None:
                return src
        return None

    def group_source(self, pos: int) -> list[Agency]:
        cands: list[tuple[int, list[Agency]]] = []
        for s, e in self.sentences:
            sent = self.text[s:e]
            m = re.search(
                r"\b(?:group|coalition|council|partnership|alliance|consortium|task force)\b[^.]{0,40}?"
                r"\b(?:including|of|from|made up of|composed of|led by|comprising)\b",
                sent,
            )
            if m:
                ags = self._agencies_in(s + m.start(), e)
                if ags:
                    cands.append((s, ags))
        return self._nearest(cands, pos) or []

    _SPECIFIC_NOUNS = frozenset(
        "office commission committee board council center centre ministry embassy department court "
        "mission".split()
    )
    _SPECIFIC_HEADS = (
        "office|commission|committee|board|council|center|centre|ministry|embassy|department|bureau|court|"
        "mission|command|agency|service|administration|directorate|institute|foundation|association"
    )
    _HEAD_KINDS = {
        "agency": ("federal agency", "intelligence"),
        "bureau": ("federal agency",),
        "department": ("federal agency",),
        "company": ("company",),
        "firm": ("company",),
        "group": ("association",),
        "organization": ("association",),
        "organisation": ("association",),
        "association": ("association",),
        "coalition": ("association",),
        "committee": ("legislature",),
        "panel": ("legislature",),
        "ministry": ("foreign government",),
        "embassy": ("foreign government",),
        "government": ("foreign government",),
        "command": ("military",),
        "service": ("intelligence", "federal agency"),
        "office": ("federal agency", "executive office", "other"),
        "commission": ("federal agency", "other"),
        "board": ("other",),
        "council": ("association", "intelligence"),
        "center": ("association", "intelligence", "federal agency"),
        "centre": ("intelligence",),
        "police": (),
    }

    def antecedent(self, noun: str, pos: int) -> Agency | None:
        """The body a definite description ("the agency", "the commission") refers back to."""
        noun = noun.lower()
        if noun in ("taskforce", "task force"):
            noun = r"task\s?force"
        best = None
        by_name = None
        for m in self.agencies:
            if m.end > pos:
                break
            if any(qs <= m.start < qe for qs, qe in self.quote_spans):
                continue  # "... the Charter of the United Nations,” the ministry said": not a referent
            if best is not None and best.agency == m.agency and _PRODUCT_AFTER.match(self.text, m.end):
                continue  # "LY Corp., which operates the LINE messaging app": the company, by its own name
            names = (m.agency.name.lower(), m.surface.lower())
            if any(
                re.search(r"\b" + noun + r"\b", n)
                # "the agency": a body whose name ends in Bureau, Service, Directorate ...
                or noun == "agency"
                and re.search(r"\b(?:bureau|service|directorate|administration|agency)$", n)
                for n in names
            ):
                best = m
                if re.search(r"\b" + noun + r"\b", m.agency.name.lower()):
                    by_name = m
            elif (
                m.agency.kind in self._HEAD_KINDS.get(noun, ())
                # "the ministry" is no body of all nations ("the United Nations")
                and not (noun in ("ministry", "embassy", "government") and m.agency.country is None)
            ) and not (
                # "the commission" is not the "Dane County Clerk's Office": a name with another head word
                noun in self._SPECIFIC_NOUNS
                and any(re.search(r"\b(?:" + self._SPECIFIC_HEADS + r")\b", n) for n in names)
            ):
                best = m
        if best is None:
            # "A parliamentary committee said ... \n\n The Digital Committee, which ...": named just after
            for m in self.agencies:
                if pos <= m.start < pos + 400 and (
                    re.search(r"\b" + noun + r"\b", m.agency.name.lower() + " " + m.surface.lower())
                ):
                    best = m
                    break
        # "The FBI said ... In a statement with ODNI and CISA, the bureau said": a body whose own name has the
        # description's head word ("Federal Bureau of Investigation") before one of its kind only
        if (
            by_name is not None
            and by_name is not best
            and noun in self._NAMED_HEADS
            and pos - by_name.start < 3000
        ):
            best = by_name
        if best is not None and pos - best.start < 3000:
            self.antecedent_surface = best.surface
            return best.agency
        return None

    # "the electoral body", "the poll body", "the watchdog": descriptions no body's name holds
    _GENERIC_NOUNS = frozenset("body watchdog regulator".split())
    _MODIFIER_STEMS = {
        "poll": "elect",
        "polls": "elect",
        "vote": "elect",
        "voting": "elect",
        "telecom": "communic",
    }
    _NOT_MODIFIERS = frozenset(
        "the its their a an this that same country's nation's national state federal top main new "
        "independent official government".split()
    )

    def described(self, phrase: str, noun: str, pos: int) -> Agency | None:
        """The body a description refers back to by what the text itself said of it: the body it stood in
        apposition with ("Ghana's electoral body, the National Electoral Council (NEC), ..." / "the X,
        Ruritania's top election court, ..."), else the latest body whose name holds the description's
        modifier ("the electoral body" after "the Independent Election Board"; "the media regulator" after
        "the Media Authority")."""
        dm = re.search(r"\b((?:[\w’'-]+\s+){0,3})" + re.escape(noun) + r"\b", phrase)
        if dm is None:
            return None
        words = [
            w for w in dm.group(1).split() if w not in self._NOT_MODIFIERS and not w.endswith(("’s", "'s"))
        ]
        desc = r"\s+".join(re.escape(w) for w in [*words, noun])
        best = None
        # apposition: "<description>, the NAME" or "NAME (ACR), <Country's|the|its> <description>"
        for m in self.agencies:
            if m.end > pos or pos - m.start > 3000 or m.via_title:
                continue
            if any(qs <= m.start < qe for qs, qe in self.quote_spans):
                continue
            before = self.text[max(0, m.start - 80) : m.start]
            after_m = _PAREN_ACRONYM.match(self.text, m.end)
            after = self.text[after_m.end() if after_m else m.end : m.end + 100]
            if re.search(r"(?i)\b" + desc + r",?\s+(?:the\s+)?$", before) or re.match(
                r"(?i),\s+(?:the|its|an?|[\w.’'-]+(?:’s|'s))\s+(?:[\w’'-]+\s+){0,3}?" + desc + r"\b", after
            ):
                best = m
        if best is not None:
            self.antecedent_surface = best.surface
            return best.agency
        if not words:
            return None
        stems = [self._MODIFIER_STEMS.get(w, w[:5]) for w in words if len(w) > 2]
        if not stems:
            return None
        for m in self.agencies:
            if m.end > pos or pos - m.start > 3000 or m.via_title:
                continue
            if any(qs <= m.start < qe for qs, qe in self.quote_spans):
                continue
            if m.agency.kind in ("company", "association"):
                continue
            name = m.agency.name.lower()
            if noun not in self._GENERIC_NOUNS and not re.search(r"\b" + re.escape(noun) + r"\b", name):
                continue
            if all(re.search(r"\b" + re.escape(st), name) for st in stems):
                best = m
        if best is not None:
            self.antecedent_surface = best.surface
            return best.agency
        return None

    _NAMED_HEADS = frozenset(
        "bureau commission committee ministry embassy mission council court board directorate command "
        "service institute foundation".split()
    )

    _NAMED_AS = re.compile(
        r"\b(?:group|collective|network|gang|outfit|crew|actor|persona)\s*,?\s+(?:calling\s+(?:itself|themselves)|"
        r"known\s+as|called|dubbed|named|that\s+calls\s+itself|which\s+calls\s+itself|tracked\s+as)\s+$"
    )

    def named_as(self, pos: int) -> Agency | None:
        """'A group calling itself NoName057(16) ... “...,” the group wrote': the body the text introduced as
        a group, by the name it goes by."""
        best = None
        for m in self.agencies:
            if m.end > pos or pos - m.start > 3000:
                continue
            if any(qs <= m.start < qe for qs, qe in self.quote_spans):
                continue
            if self._NAMED_AS.search(self.text, max(0, m.start - 60), m.start):
                best = m.agency
        return best

    def role_antecedent(self, noun: str, pos: int) -> list[Agency]:
        """'the official' / 'the spokesperson': the bodies named with the last such role before pos."""
        last = None
        for m in re.finditer(r"\b" + re.escape(noun) + r"s?\b", self.text[:pos], re.I):
            last = m
        while last is not None:
            s, e = self._sentence_of(last.start())
            ags = self._agencies_in(max(s, last.start() - 70), min(e, last.end() + 90))
            if ags:
                # the body nearest the role word
                return [
                    min(
                        ags,
                        key=lambda a: min(
                            abs(x.start - last.start()) for x in self.agencies if x.agency == a
                        ),
                    )
                ]
            prev = None
            for m in re.finditer(r"\b" + re.escape(noun) + r"s?\b", self.text[: last.start()], re.I):
                prev = m
            last = prev
            if last is not None and pos - last.start() > 3000:
                break
        return []

    def last_named(self, pos: int, window: int = 1500, with_pos: bool = False):
        """The full name (two to four capitalised words) of the person named last before pos, who is not an
        official: "Kathleen Orr, the county clerk in Dane County, described ... “...,” she said"."""
        lo = max(0, pos - window)
        best = None
        for pm in _person_mentions(self.text, lo, pos):
            parts = _name_parts(pm.name)
            if not 2 <= len(parts) <= 4 or any(a.start <= pm.start < a.end for a in self.agencies):
                continue
            if any(_is_known_nonname(w) or w in _STOP_NAME_WORDS for w in parts) or _is_place_or_body(
                pm.name
            ):
                continue
            # a name starting a sentence or followed by a comma or a verb, not a headline-like run
            after = self.text[pm.end : pm.end + 2]
            if after[:1] not in (",", " ", "\u00a0", "."):
                continue
            best = (pm.start, pm.name) if with_pos else pm.name
        return best

    _SPEAKS_AFTER = re.compile(
        r"(?:,[^.;“”\"\n]{0,160}?,|,)?[ \u00a0]+(?:has[ \u00a0]+|had[ \u00a0]+|also[ \u00a0]+)?"
        r"(?:said|says|told|noted|explained|wrote|writes|added|argued|warned|testified|acknowledged|conceded|"
        r"recalled|insisted|disagreed|agreed|countered|responded|replied|cautioned|stressed|emphasi[sz]ed|"
        r"predicted|described|called|dismissed|rejected|denied|questioned|urged|said[ \u00a0]+in)\b"
    )

    def _speaking_subject(self, pos: int, para_start: int) -> Speaker | None:
        """'Dale Mercer, a retiree, said he plans to vote in person.\n\n“...,” he said.': a quote paragraph
        whose pronoun follows a paragraph where a named person is the subject of a speech verb, after any
        quote there, continues that person."""
        if para_start <= 0 or self.text[para_start : para_start + 1] not in ("“", '"', "‘", "'"):
            return None
        prev_start = self.text.rfind("\n", 0, max(0, para_start - 1))
        while prev_start > 0 and not self.text[prev_start + 1 : para_start].strip():
            prev_start = self.text.rfind("\n", 0, prev_start)
        lo = prev_start + 1
        for _qs, qe in self.quote_spans:
            if qe < para_start and qe > lo:
                lo = qe
        best: tuple[int, Speaker] | None = None
        quoted = [
            (ss, se)
            for ss, se in self.sentences
            if se > lo and ss < para_start and re.search(r"[“”\"]", self.text[ss:se])
        ]

        def in_quoted(pos: int) -> bool:
            return any(ss <= pos < se for ss, se in quoted)

        for o in self.officials:
            for ms, me in o.mentions:
                if lo <= ms < para_start and not in_quoted(ms) and self._SPEAKS_AFTER.match(self.text, me):
                    if best is None or ms > best[0]:
                        best = (ms, self._from_officials([o], o.name, "person"))
        for pm in _person_mentions(self.text, lo, para_start):
            parts = _name_parts(pm.name)
            if not 2 <= len(parts) <= 4 or any(a.start <= pm.start < a.end for a in self.agencies):
                continue
            if any(_is_known_nonname(w) or w in _STOP_NAME_WORDS for w in parts) or _is_place_or_body(
                pm.name
            ):
                continue
            if any(names_match(o.name, pm.name) for o in self.officials):
                continue
            if (
                not in_quoted(pm.start)
                and self._SPEAKS_AFTER.match(self.text, pm.end)
                and (best is None or pm.start > best[0])
            ):
                best = (pm.start, Speaker(pm.name, [pm.name], [], "person", True))
        if best is None:
            return None
        hist = max((h for h, sp in self.history if h < pos), default=-1)
        return best[1] if best[0] > hist else None

    def _unnamed_subject(self, pos: int) -> Speaker | None:
        """'One election worker, who asked not to be named, said ...' then '“...,” she said': the unnamed
        person a sentence since the last named one introduced as speaking."""
        lp = self.last_person(pos)
        named = [max((ms for ms, _ in lp.mentions if ms < pos), default=-1)] if lp else [-1]
        ln = self.last_named(pos, with_pos=True)
        if ln is not None:
            named.append(ln[0])
        named.extend(h for h, sp in self.history if sp.kind == "person" and sp.officials and h < pos)
        last_named = max(named)
        best = None
        for s, e in self.sentences:
            if s <= last_named or e > pos:
                continue
            m = _UNNAMED_SPEAKER.match(self.text, s, e)
            if m:
                best = m.group(1)
        return Speaker(best, [], [], "unnamed", True) if best else None

    def last_person(self, pos: int) -> Official | None:
        best = None
        for o in self.officials:
            for ms, me in o.mentions:
                if me <= pos and (best is None or ms > best[0]):
                    best = (ms, o)
        return best[1] if best else None

    # -- main
    def resolve(self, phrase: str, p_start: int, p_end: int) -> Speaker:
        raw = phrase
        phrase = re.sub(r"^(?:(?:and|but|as|while|so)\s+|[-–—•*]\s+)", "", phrase.strip(" ,")).strip()
        lower = phrase.lower()
        pm = _PRONOUN_PREDICATE.fullmatch(phrase)
        if pm:
            # "He declined to name the countries but said ...": the pronoun of the first predicate speaks
            at = self.text.find(pm.group(1), p_start, p_end)
            if at >= 0:
                return self.resolve(pm.group(1), at, at + len(pm.group(1)))
        offs = self._officials_in(p_start, p_end)
        body = (
            self._described_body(phrase, p_start, p_end) if not offs and lower[:2] in ("a ", "an") else None
        )
        if body is not None:
            return body
        if offs and re.fullmatch(
            r"(?:the|a|an)\s+(?:[\w.'’-]+\s+){1,3}(?:campaign|administration|team|camp|allies|family|transition|"
            r"government|presidency)",
            lower,
        ):
            # "The Trump campaign said": a body named after a person speaks, not the person
            return Speaker(phrase, [], [], "unnamed", True)
        if (
            offs
            and re.match(r"(?:an?|one|another|two|three|several|some)\s", lower)
            and re.search(
                r"\b(?:officials?|aides?|advisers?|advisors?|sources?|staffers?|diplomats?|spokesperson|spokesman|"
                r"spokeswoman)$",
                lower,
            )
        ):
            # "a senior Biden administration official": the name modifies a description of someone unnamed
            return Speaker(phrase, [], [], "unnamed", True)
        if len(offs) > 1 and not re.search(r"\b(?:and|with|&)\b|[,;]", phrase):
            # "Trump campaign spokesman Steven Cheung": a name modifying the title is not a second speaker
            offs = offs[-1:]
        if offs:
            # the speaker is the official named last before the verb ("Google's security chief Shane Huntley")
            return self._from_officials(offs, offs[0].name if len(offs) == 1 else None, "person")
        am_ = re.fullmatch(r"(?:the|The)\s+([A-Z]{2,5})", phrase)
        if am_ and not self._agencies_in(p_start, p_end):
            # "Chief Election Commissioner Rajiv Kumar ... the CEC said": the official whose title it
            # abbreviates
            holder = self._title_acronym_holder(am_.group(1))
            if holder is not None:
                return self._from_officials([holder], holder.name, "person")
        if lower in _PRONOUN_PERSON:
            # "Elaine Marsh, who teaches at a university, said ... “...,” she said": a person named in the
            # pronoun's own paragraph, after every speaker and official named before it
            para_start = self.text.rfind("\n", 0, p_start) + 1
            local = self.last_named(p_start, window=p_start - para_start, with_pos=True)
            if local is not None:
                lpos, lname = local
                hist = max((h for h, sp in self.history if sp.kind == "person" and h < p_start), default=-1)
                lp = self.last_person(p_start)
                lp_pos = max((ms for ms, _ in lp.mentions if ms < p_start), default=-1) if lp else -1
                if (
                    lpos > hist
                    and lpos > lp_pos
                    and not any(names_match(o.name, lname) for o in self.officials)
                ):
                    return Speaker(lname, [lname], [], "person", True)
            # "Responding to a question, the CEC said ... “...,” he said": the official the paragraph's
            # subject abbreviates
            for am_ in reversed(
                list(
                    re.finditer(
                        r"\bthe ([A-Z]{2,5}) (?:said|told|added|says|noted)\b", self.text[para_start:p_start]
                    )
                )
            ):
                holder = self._title_acronym_holder(am_.group(1))
                if holder is not None:
                    return self._from_officials([holder], holder.name, "person")
                break
            speaking = self._speaking_subject(p_start, para_start)
            if speaking is not None:
                return speaking
            unnamed = self._unnamed_subject(p_start)
            if unnamed is not None:
                return unnamed
            for hpos, sp in reversed(self.history):
                if sp.kind == "person" and hpos < p_start:
                    # prefer an official mentioned more recently than that speaker
                    lp = self.last_person(p_start)
                    if (
                        lp is not None
                        and lp.name not in sp.officials
                        and max(ms for ms, _ in lp.mentions if ms < p_start) > hpos
                    ):
                        return self._from_officials([lp], lp.name, "person")
                    return sp
            lp = self.last_person(p_start)
            if lp is not None:
                return self._from_officials([lp], lp.name, "person")
            named = self.last_named(p_start)
            if named is not None:
                return Speaker(named, [named], [], "person", True)
            return Speaker(phrase, [], [], "unnamed")
        gm = re.match(
            r"(?:the|these|those|all|both)\s+(?:three\s+|two\s+|four\s+)?(lawmakers|members|meps|mps|senators|"
            r"legislators|ministers|signatories)$",
            lower,
        )
        if gm:
            # "the lawmakers": the people a list named together before
            groups = sorted({o.group for o in self.officials if o.group is not None and o.group < p_start})
            if groups:
                members = [o for o in self.officials if o.group == groups[-1]]
                return self._from_officials(members, phrase, "group")
            # "Rep. A (D-N.Y.) and Rep. B (R-Fla.) introduced a bill ... “...,” the two lawmakers said": the
            # officials named together in the last sentence before that names more than one
            count = (
                {"two": 2, "three": 3, "four": 4}.get(lower.split()[1], 0) if len(lower.split()) > 2 else 0
            )
            for s, e in reversed([se for se in self.sentences if se[1] <= p_start][-3:]):
                named = self._officials_in(s, e)
                if len(named) >= 2 and (not count or len(named) == count):
                    return self._from_officials(named, phrase, "group")
        om = re.fullmatch(r"(?:his|her)\s+(?:office|agency|department|ministry|team|staff|campaign)", lower)
        lp = self.last_person(p_start) if om else None
        if lp is not None and lp.agency is not None:
            # "Secretary of State Brad Holcombe has said he opposes it. His office wrote": the body the person
            # named last holds office in
            return Speaker(f"{phrase} ({lp.agency.name})", [], [lp.agency.key], "agency", True)
        pm_ = re.fullmatch(
            r"(?:the|these|those|both|all)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
            r"(?:[a-z]+\s+)?(?:agencies|bodies|organi[sz]ations|groups|companies|firms|ministries|governments|"
            r"departments|services|institutions|partners|allies)",
            lower,
        )
        if pm_:
            # "The FBI, ODNI and CISA said on Monday that ... “...,” the agencies said": the bodies the last
            # sentence naming several of them named together
            para0 = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n", 0, p_start)))
            for s, e in reversed(
                [se for se in self.sentences if se[1] <= p_start and se[0] >= max(0, para0)]
            ):
                named = [
                    m.agency
                    for m in self.agencies
                    if s <= m.start < e
                    and not m.via_title
                    and not any(qs <= m.start < qe for qs, qe in self.quote_spans)
                ]
                named = list(dict.fromkeys(named))
                keys = [a.key for a in named]
                # "In a joint statement with ODNI and CISA, the bureau said ...": the body a description in
                # that sentence was resolved to speaks with them
                for h, sp in self.history:
                    if s <= h < e and sp.kind in ("agency", "group", "statement"):
                        keys = [k for k in sp.agencies if k not in keys] + keys
                if len(keys) >= 2:
                    return Speaker(phrase, [], keys, "group", True)
        if re.match(r"(?:one|two|three|some|several|many|most|another) of (?:the|them|those|these)\b", lower):
            return Speaker(phrase, [], [], "unnamed", True)  # "one of the officials": nobody named
        if lower in _PRONOUN_GROUP:
            subject = self._sentence_subject_body(p_start) if lower == "it" else None
            if subject is not None:
                return subject
            document = self._sentence_subject_document(p_start) if lower == "it" else None
            if document is not None:
                return document
            for _, sp in reversed(self.history):
                if sp.kind in ("agency", "group", "statement", "report") and (sp.officials or sp.agencies):
                    return sp
            if lower == "they":
                # "Researchers at Graphika ... “...,” they wrote": the body named last, close before
                near = [m for m in self.agencies if m.end <= p_start and p_start - m.start < 600]
                if near:
                    return Speaker(phrase, [], [near[-1].agency.key], "group", True)
            return Speaker(phrase, [], [], "unnamed")
        ags = self._agencies_in(p_start, p_end)
        dm = re.fullmatch(
            r"(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?("
            + "|".join((_REPORT_WORDS, _STATEMENT_WORDS, _DOCUMENT_ONLY_WORDS))
            + r")",
            lower,
        )
        if dm and not ags and not offs:
            # a statement's signatories are found by statement_source below; a report's author here
            is_statement = bool(re.fullmatch(_STATEMENT_WORDS, dm.group(1)))
            src = self.document_author(dm.group(1), p_start)
            if src is not None:
                kind = "statement" if is_statement else "report"
                return Speaker(phrase, list(src.officials), list(src.agencies), kind, True)
        if re.search(r"\b(?:" + _REPORT_WORDS + r")\b", lower):
            issuer = next(
                (m.agency for m in self.agencies if m.start < 200 and not self.text[: m.start].strip()), None
            )
            if not ags and issuer is not None and re.search(r"\b(?:indictment|complaint|affidavit)\b", lower):
                # "The indictment alleges" in the Justice Department's own release: its prosecutors' filing
                authors = [issuer]
            else:
                authors = ags or self.report_source(p_start)
            if not authors and re.match(r"(?:the|its|their)\s", lower):
                # "The Justice Department charged two men. The indictment said": the body named just before
                para0 = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n", 0, p_start)))
                near = [
                    m
                    for m in self.agencies
                    if max(0, para0) <= m.start < p_start
                    and not m.via_title
                    and not any(qs <= m.start < qe for qs, qe in self.quote_spans)
                ]
                if near:
                    authors = [near[-1].agency]
            if ags:
                authors = ags + [a for a in self.report_source(p_start) if a not in ags]
            return Speaker(phrase, [], [a.key for a in authors], "report", bool(authors))
        if ags:
            return Speaker(phrase, [], [a.key for a in ags], "agency", True)
        if re.search(r"\b(?:" + _STATEMENT_WORDS + r")\b", lower):
            src = self.statement_source(p_start)
            if src:
                return Speaker(phrase, list(src.officials), list(src.agencies), "statement", True)
            return Speaker(phrase, [], [], "statement")
        role = re.search(
            r"\b(spokesperson|spokesman|spokeswoman|official|representative|aide|diplomat|officer|researcher|"
            r"analyst|investigator)s?\b",
            lower,
        )
        hm = re.search(
            r"\b(agency|bureau|department|company|firm|group|organi[sz]ation|association|coalition|"
            r"committee|panel|ministry|embassy|government|command|service|office|commission|board|"
            r"council|cent(?:er|re)|mission|task ?force|police|collective|network|gang|directorate|"
            r"inspectorate|authority|institute|body|watchdog|regulator|tribunal|court|chamber)\b",
            lower,
        )
        if hm and (
            hm.group(1) in ("group", "coalition", "alliance", "association")
            or not re.search(r"\b(?:officials|leaders|authorities|agencies)\b", lower)
        ):
            noun = hm.group(1)
            if noun in ("group", "coalition", "taskforce", "task force", "collective", "network", "gang"):
                ant = self.named_as(p_start) or self.antecedent(noun, p_start)
                ags2 = [ant] if ant else self.group_source(p_start)
                if not ant and not ags2:
                    ags2 = []
                return Speaker(
                    phrase, [], [a.key for a in ags2], "group" if not role else "unnamed", bool(ags2)
                )
            ant = self.antecedent(noun, p_start) or self.described(lower, noun, p_start)
            if ant:
                # "the embassy (Russian Embassy in Washington)": the description and what it refers back to
                shown = phrase
                surface = getattr(self, "antecedent_surface", "")
                if surface and surface.lower() not in phrase.lower() and not role:
                    shown = f"{phrase} ({surface})"
                return Speaker(shown, [], [ant.key], "agency" if not role else "unnamed", True)
        if role and re.fullmatch(r"the\s+(?:spokesperson|spokesman|spokeswoman|ambassador|envoy)", lower):
            # "Kremlin spokesman Dmitry Peskov ... According to the spokesman,": the one official named before
            # with that title
            holders = [
                o
                for o in self.officials
                if any(role.group(1) in t.lower() for t in o.titles)
                and min(ms for ms, _ in o.mentions) < p_start
            ]
            last = max((ms for ms, _ in holders[0].mentions if ms < p_start), default=-1) if holders else -1
            # (not when an unnamed one was introduced since: "a spokesperson for the Chinese Embassy said")
            unnamed_since = re.search(
                r"\b(?:an?|another|one)\s+(?:[\w-]+\s+){0,3}?" + role.group(1), self.text[last:p_start], re.I
            )
            if len(holders) == 1 and not unnamed_since:
                return self._from_officials(holders, holders[0].name, "person")
        if role and not re.search(r"\b(?:officials)\b", lower):
            ags2 = self.role_antecedent(role.group(1), p_start)
            keys = [a.key for a in ags2]
            if not keys and re.fullmatch(r"(?:an?|the)\s+(?:spokesperson|spokesman|spokeswoman)", lower):
                # "The Chinese embassy in Canberra did not respond, but a spokesperson said": the body its
                # sentence (or the one before) opens with
                opening = self._sentence_subject_body(p_start)
                if opening is not None:
                    keys = list(opening.agencies)
            if not keys and re.fullmatch(r"(?:an?|the)\s+(?:spokesperson|spokesman|spokeswoman)", lower):
                # "China's embassy in London said ... A spokesperson said Beijing “...”": the body the
                # sentence before spoke for
                for h, sp in reversed(self.history):
                    if h < p_start and p_start - h < 500 and sp.kind in ("agency", "statement"):
                        keys = list(sp.agencies) if not sp.officials else []
                        break
            return Speaker(phrase, [], keys, "unnamed", bool(keys))
        if (
            re.fullmatch(
                r"(?!(?:the|these|those|both|all|its|their|his|her|our)\b)(?:[\w.’'-]+\s+){1,3}(?:officials|diplomats|"
                r"authorities)",
                lower,
            )
            and not ags
        ):
            # "Russian officials have described ... as": a bare plural introduces people nobody names
            return Speaker(phrase, [], [], "unnamed", True)
        if re.search(r"\b(?:officials|leaders|authorities|agencies|chiefs|heads)\b", lower):
            src = self.statement_source(p_start, before_only=True)
            if src:
                return Speaker(phrase, list(src.officials), list(src.agencies), "statement", True)
            ags2 = self.group_source(p_start)
            if ags2:
                return Speaker(phrase, [], [a.key for a in ags2], "group", True)
            return Speaker(phrase, [], [], "group")
        # a role noun: the official holding a matching title, else an unnamed speaker
        m = re.search(r"\b(" + _ROLE_HEADS + r")\b", lower)
        if m:
            head = m.group(1)
            cands = [
                o
                for o in self.officials
                if any(head in t.lower() for t in o.titles)
                and all(
                    w in " ".join(o.titles).lower()
                    for w in re.findall(r"[a-z]+", lower)
                    if w not in ("the", "a", "an", "said", "top", "senior", "former")
                )
            ]
            if len(cands) == 1:
                return self._from_officials(cands, cands[0].name, "person")
            return Speaker(phrase, [], [], "unnamed")
        # a person not among the officials (e.g. a voter, an expert): "Hany Farid, a professor at ..."
        nm = re.fullmatch(r"([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?:an?|the)\s+[a-z].*", phrase)
        if nm and not _is_place_or_body(nm.group(1)) and not _is_known_nonname(nm.group(1).split()[0]):
            phrase = nm.group(1)
        if re.fullmatch(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}", phrase):
            # "Tom Reyes, a voter, ... “...,” Reyes said": the person the text named in full before
            if " " not in phrase and phrase.lower() not in _PRONOUN_PERSON | _PRONOUN_GROUP:
                full = None
                for pm in _person_mentions(self.text, max(0, p_start - 3000), p_start):
                    parts = _name_parts(pm.name)
                    if (
                        2 <= len(parts) <= 4
                        and parts[-1].lower() == phrase.lower()
                        and not _is_place_or_body(pm.name)
                    ):
                        full = pm.name
                if full:
                    return Speaker(full, [full], [], "person", True)
            return Speaker(phrase, [], [], "person")
        _ = raw
        return Speaker(phrase or None, [], [], "unnamed" if phrase else "none")

    def _title_acronym_holder(self, acronym: str) -> Official | None:
        """The one official whose title's initials are `acronym` ("CEC": Chief Election Commissioner)."""
        if acronym in _agency_table()[0]:
            return None
        holders = [
            o
            for o in self.officials
            if any("".join(w[0] for w in re.findall(r"[A-Z][\w-]*", t)) == acronym for t in o.titles)
        ]
        return holders[0] if len(holders) == 1 else None

    def remember(self, pos: int, speaker: Speaker) -> None:
        self.history.append((pos, speaker))


# ------------------------------------------------------------------------------------ attribution cues

_VERB_RE = None


def _verbs():
    global _VERB_RE
    if _VERB_RE is None:
        from .quotes import SPEECH_VERBS

        _VERB_RE = SPEECH_VERBS
    return _VERB_RE


_ADVERB = (
    r"(?:also|later|then|previously|further|again|had|has|have|would|will|once|recently|earlier|quickly|only|"
    r"simply|flatly)"
)
_AUXILIARY = (
    r"(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|did|does|do|already|repeatedly|"
    r"publicly|often|twice|long|since|in the past|at the time|at first|first|also)"
)
_WRITING_VERBS = {
    "wrote",
    "writes",
    "states",
    "stated",
    "found",
    "finds",
    "assessed",
    "assesses",
    "concluded",
    "concludes",
}


def sentence_end(text: str, pos: int, limit: int) -> int:
    for m in re.finditer(r"[.!?](?=[\"”’']?(?:\s|$))", text[pos:limit]):
        if text[pos + m.start()] == "." and _ABBREV_BEFORE_DOT.search(
            text[max(0, pos + m.start() - 8) : pos + m.start()]
        ):
            continue
        return pos + m.end()
    return limit


_CONJ = (
    r"(?:and|but|or|that|which|who|whom|because|while|when|if|so|than|to|in|on|of|for|with|about|at|from|by)"
)
_PARTY_TAG = re.compile(r"^\(?(?:[DRI]|Dem|Rep|Ind)[-–][A-Z][A-Za-z. ]{1,14}\)?$")
_NAME_END = re.compile(
    r"(?<![\w.'’-])(?!(?:In|On|At|The|For|From|With|By|As|After|Before|During|Since|Asked|When|While)\b)"
    r"(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+(?:\s*\([DRI][-–][^)]*\))?"
    # "Sen. Marco Rubio of Florida, the top Republican on ...,"
    r"(?:\s+(?:of|from)\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?$"
)
_NOUN_LIKE = {
    "claims",
    "reports",
    "calls",
    "notes",
    "states",
    "posts",
    "tweets",
    "reads",
    "says",
    "warnings",
    "found",
    "findings",
    "post",
    "read",
    "report",
    "charges",
    "alleges",
    "promises",
    "vows",
    "pledges",
}
_THAT_VERBS = (
    r"(?:said|says|told|tells|testified|added|explained|argued|insisted|noted|warned|wrote|stated|announced|"
    r"confirmed|acknowledged|reported|claimed|alleged)"
)
_TRAILING_TIME = re.compile(
    r"(?:[ \u00a0]+(?:on|last|this|late|early)[ \u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|night|morning|afternoon|evening)"
    r"(?:[ \u00a0]+(?:night|morning|afternoon|evening))?)+$"
)
_LEADING_ONLY_VERBS = (
    r"accused|accuses|criticized|criticizes|praised|praises|blamed|blames|dismissed|dismisses|denied|denies|"
    r"rejected|rejects|labeled|labelled|branded|derided|slammed|welcomed|hailed|characterized|termed|deemed"
)


def trailing_cue(text: str, close_pos: int, limit: int) -> tuple[str, int, int, str] | None:
    """Attribution right after a quote's closing mark: '," he said', '," said Sen. X', '," according to X'."""
    start = close_pos + 1
    end = sentence_end(text, start, limit)
    nxt = re.search(r"[“\"]", text[start:end])
    if nxt:
        end = start + nxt.start()
    after = text[start:end]
    if re.match(r"\s*(?:and|but|or|then)\s", after):
        return None  # the sentence goes on with the reporter's own clause
    if text[close_pos - 1 : close_pos] in (".", "!", "?") and re.match(r"[ \u00a0]+[A-Z]", after):
        # 'a secret American “weather weapon.” The phrase was repeated ..., he said.': the quote closed its
        # sentence, and what follows is the next one unless it is a bare 'X said.'
        if not re.match(
            r"[ \u00a0]+(?:[A-Z][\w.’'-]*[ \u00a0]+){0,3}[A-Z][\w.’'-]*[ \u00a0]+"
            r"(?:said|says|added|wrote)[ \u00a0]*[.,]",
            after,
        ):
            return None
    verbs = _verbs()
    dm = re.match(r"[ \u00a0]*[—–][ \u00a0]*(?P<subj>[A-Z][^\n“”\"]{1,80}?)[ \u00a0.]*$", after)
    if dm and "\n" not in after.strip():
        s = start + dm.start("subj")
        return dm.group("subj"), s, s + len(dm.group("subj")), "—"
    m = re.match(
        r"\s*[,.!?—–-]*\s*(?P<verb>said|says|added|adds|wrote|writes|told|asked|continued|read|reads|"
        r"tweeted|according to|explained|noted|warned|stated|concluded|insisted|argued)\s+(?P<subj>[^“”\"]+?)"
        r"\s*[.,;]?$",
        after,
    )
    if m and not re.match(r"(?:that|in|on|at|to|during|this|last|of|it\s+was)\b", m.group("subj")):
        subj = m.group("subj")
        subj = re.split(
            r",\s+(?:who|which|adding|saying|in|on|at|during|after|before|when|while|as)\b|\s+(?:who|whose)\s",
            subj,
        )[0]
        subj = re.split(
            r"\s+(?:in a|in an|on|at|during|after|before|when|while|last|this|Monday|Tuesday|Wednesday|"
            r"Thursday|Friday|Saturday|Sunday)\b",
            subj,
        )[0]
        s = start + m.start("subj")
        return subj, s, s + len(subj), m.group("verb")
    m = re.match(
        r"\s*[,.!?—–-]*\s*(?:as\s+)?(?P<subj>[^“”\"]{1,140}?)\s+(?:"
        + _ADVERB
        + r"\s+)?(?P<verb>"
        + verbs
        + r")\b",
        after,
    )
    if m:
        subj = m.group("subj")
        if (
            len(subj.split()) <= 16
            and not _has_sentence_stop(subj)
            and not re.match(_CONJ + r"\b", subj)
            # '"sow discord" before the 2016 vote and called on ...': the reporter's sentence goes on
            and not re.match(
                r"(?:before|after|during|since|until|into|over|under|against|through|across|among|as|"
                r"including|excluding|such as|like|(?-i:[a-z]+ing))\b",
                subj,
            )
            and not re.search(r"\b(?:and|or|but)$", subj)
            and not re.match(r"what\b", subj)
            and not re.search(r"\b(?:that|which)\b", subj)
            # '"groundless" the US intelligence community's latest claims': a noun, not the verb "claims"
            and not (
                m.group("verb") in _NOUN_LIKE
                and re.search(
                    r"(?:’s|'s|\b(?:the|a|an|its|their|his|her|latest|new|recent|false|such|these|those|"
                    r"unfounded|baseless|earlier|similar|repeated|previous))$",
                    subj,
                )
            )
        ):
            s = start + m.start("subj")
            return subj, s, s + len(subj), m.group("verb")
    return None


def _has_sentence_stop(subj: str) -> bool:
    """A period or semicolon and a space inside `subj`, other than an abbreviation's ("Rep. Choi Min-jae")."""
    for m in re.finditer(r"[.;]\s", subj):
        if subj[m.start()] == "." and _ABBREV_BEFORE_DOT.search(subj, max(0, m.start() - 8), m.start()):
            continue
        return True
    return False


_CAPITAL_LIST = re.compile(r"\b[A-Z][a-z]+(?:, [A-Z][a-z]+)+,? and [A-Z][a-z]+\b")


def _subject_segment(head: str) -> tuple[int, int] | None:
    """The subject of a speech verb at the end of `head`, skipping relative clauses, party tags and
    appositives."""
    # commas inside a capitalised name ("the Department for Digital, Culture, Media and Sport") cut nothing
    inside = [(m.start(), m.end()) for m in _CAPITAL_LIST.finditer(head)]
    # nor do the commas of a number ("130,000 voters")
    cuts = [
        m.start()
        for m in re.finditer(r"(?<!\d),|,(?!\d)|[;:—–(]", head)
        if not any(s < m.start() < e for s, e in inside)
        # "the National Cyber Security Centre (NCSC), said": a bracketed acronym belongs to the name
        and not re.match(r"\([A-Z][\w&.-]{1,12}\)", head[m.start() :])
        # nor does a name in its own script ("Fan Jianguo (范建國) told")
        and not _NATIVE_SCRIPT_NAME.match(head, m.start())
    ]
    bounds = [-1, *cuts, len(head)]
    segs = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    i = len(segs) - 1
    # "..., which critics called": the subject of an object relative clause right before the verb
    a, b = segs[i]
    rm = re.match(
        r"\s*(?:which|whom)\s+(?P<np>(?:(?:the|its|their|his|her|some|many|several|other)\s+)?"
        r"[A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,3})\s*$",
        head[a:b],
    )
    # "..., an accusation Moscow dismissed as": the subject of a reduced relative clause
    if not rm:
        rm = re.match(
            r"\s*(?:an?|the|this|that)\s+(?:accusation|claim|charge|allegation|assertion|finding|conclusion|"
            r"characteri[sz]ation|description|label|move|decision|step)s?\s+(?:that\s+|which\s+)?"
            r"(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|the\s+[a-z]+(?:\s+[a-z]+)?)\s*$",
            head[a:b],
        )
    if rm and not re.match(
        r"(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|did|does|do|also|"
        r"(?-i:[a-z]+ed))\b",
        rm.group("np"),
    ):
        return a + rm.start("np"), a + rm.end("np")
    while i >= 0:
        a, b = segs[i]
        seg = head[a:b].strip(" )")
        if (
            not seg.strip()
            or _PARTY_TAG.match(seg.strip())
            # "The ministry, which ..., has in recent weeks described": a predicate's auxiliary is no subject
            or re.match(
                r"(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|did|does)\b", seg
            )
            # "a spokeswoman, Irina Voskresenskaya, had called": an auxiliary or adverb is no subject
            or re.fullmatch(
                r"(?:" + _ADVERB + r"|" + _AUXILIARY + r")(?:\s+(?:" + _ADVERB + r"|" + _AUXILIARY + r"))*",
                seg.strip(),
            )
            or re.match(
                r"(?:who|which|whose|where|when|according|adding|saying|in an?|on|at|after|before|during"
                r"|last|this|(?-i:[a-z]+ing)|(?-i:[a-z]+(?:ed|en))\s+(?:by|in|on|at|last|this|earlier))\b",
                seg,
            )
            # "The National Cyber Security Centre, part of GCHQ, said": what the subject belongs to
            or re.match(
                r"(?:part|an?\s+(?:arm|unit|division|branch|subsidiary|component|wing|affiliate|offshoot|"
                r"department|agency))\s+of\b",
                seg,
            )
        ):
            i -= 1
            continue
        if (
            re.match(r"(?:the|a|an|another|its|his|her|their)\s", seg)
            or re.match(_ROLE_HEADS + r"\b", seg)
            # "Senator X, Democrat of Virginia and the chairwoman of ...,": a party and state in apposition
            or re.match(r"(?:Democrat|Republican|Independent|Democratic|GOP)\s+(?:of|from)\s+[A-Z]", seg)
        ) and i > 0:
            prev = head[segs[i - 1][0] : segs[i - 1][1]].strip()
            if (
                # "In a letter to Meta CEO Mark Zuckerberg, the senators wrote": a name ending an adverbial
                # phrase is not the subject the description stands beside
                _NAME_END.search(prev)
                and not re.match(
                    r"(?:In|On|At|After|Before|During|With|For|From|To|By|Under|Over|Through|Speaking|Asked|"
                    r"Writing|Responding|Addressing|Unlike|Like|Citing)\b",
                    prev,
                )
                or _PARTY_TAG.match(prev.strip(" )"))
                or re.match(r"(?:who|which)\b", prev)
            ):
                i -= 1
                continue
        break
    if i < 0:
        return None
    a, b = segs[i]
    # "the EU’s foreign policy chief, Anton Kovacic, and the European Commission said": a coordinated subject
    # takes in the noun phrases listed before its "and"
    if re.match(r"\s*(?:and|or)\s", head[a:b]):
        j = i - 1
        while j >= 0:
            prev = head[segs[j][0] : segs[j][1]].strip()
            if (
                not prev
                or len(prev.split()) > 8
                or re.match(
                    r"(?:in|on|at|after|before|during|with|for|from|by|as|while|when|who|which|according"
                    r"|last|this|(?-i:[a-z]+ing))\b",
                    prev,
                    re.I,
                )
                or re.search(r"\b(?:" + _verbs() + "|" + _AUXILIARY + r"|(?-i:[a-z]{2,}ed))\b", prev)
            ):
                break
            j -= 1
        if j < i - 1:
            a = segs[j + 1][0]
    while a < b and head[a] in " \n\t(":
        a += 1
    while b > a and head[b - 1] in " \n\t)":
        b -= 1
    return (a, b) if b > a else None


def leading_cue(text: str, sent_start: int, open_pos: int) -> tuple[str, int, int, str] | None:
    """Attribution before a quote in its sentence: 'X said: “', 'X said that ... “', 'According to X, “'."""
    before = text[sent_start:open_pos]
    # "As one former CISA official put it to me, “...”", "As Wray told senators, “...”"
    m = re.search(
        r"(?:^|\W)[Aa]s\s+(?P<subj>[^,“”\"]{2,100}?)\s+(?:put|puts|phrased|framed|said|says|noted|wrote|writes|"
        r"explained|told|tells|warned|stated)(?:\s+it)?(?:\s+(?:to|in|at|on|during|before|last|this)\b[^,“”\"]{0,60})?"
        r"(?:\s+\w+)?,\s*$",
        before,
    )
    if m and not re.match(r"(?:soon|long|far|much|well|often|early|late)\b", m.group("subj")):
        s = sent_start + m.start("subj")
        return m.group("subj"), s, s + len(m.group("subj")), "as ... put it"
    m = re.search(r"(?:^|\W)[Aa]ccording to\s+(?P<subj>[^,“”\"]+),\s*$", before)
    if m:
        s = sent_start + m.start("subj")
        return m.group("subj"), s, s + len(m.group("subj")), "according to"
    verbs = [
        v
        for v in re.finditer(r"\b(?:" + _verbs() + "|" + _LEADING_ONLY_VERBS + r")\b", before)
        if not (
            v.group() in _NOUN_LIKE
            and re.search(
                r"\b(?:the|a|an|of|false|such|these|those|his|her|their|its|our|unfounded|baseless|and|in|with|"
                r"many|some|any|no|new|fraud|similar|to|on|for|by|from|at|into|about|over|\w+ed|"
                # "in at least six states": a count of places, not "the report states"
                r"\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|multiple|other|all|both|most|"
                r"swing|battleground|member|neighbou?ring|southern|northern|western|eastern)\s+$",
                before[: v.start()],
            )
            # "said the SSG claims were ...": a noun that a verb follows is the subject, not a speech verb
            or v.group() in _NOUN_LIKE
            and v.group().endswith("s")
            and re.match(r"\s+(?:were|are|have|had)\b", before[v.end() :])
        )
    ]
    # "an inquiry into alleged irregularities", "the reported breach": a participle used as an adjective
    verbs = [
        v
        for v in verbs
        if not (
            v.group().endswith("ed")
            and re.search(
                r"\b(?:the|a|an|of|into|for|on|with|its|their|his|her|any|no|these|those)\s+$",
                before[: v.start()],
            )
        )
    ]
    if not verbs:
        # "According to Mandiant, the group “has been active ...”": the source the sentence opens with
        am = re.search(r"(?:^|\W)[Aa]ccording to\s+(?P<subj>[^,“”\"]{2,80}),[^“”\"]{0,80}$", before)
        if am and not re.search(
            r"\b(?:named|called|calls|dubbed|known|nicknamed|label(?:l)?ed|termed|branded)\s+(?:as\s+)?$",
            before,
        ):
            s = sent_start + am.start("subj")
            return am.group("subj"), s, s + len(am.group("subj")), "according to"
        return None
    v = verbs[-1]
    # "X, Facebook's head of policy, told the committee that the company had found only “...”", "X said in a
    # statement posted on X that it had tracked ... and had shared ... with “...”": what follows "that" is
    # reported speech, and its speaker is the subject of the speech verb that introduced it
    # (not when the last verb has a subject of its own: "In Illinois, where the board confirmed that ..., the
    # board's general counsel, Kurt Dannehl, said")
    own_subject = re.search(
        r",\s+(?:the\s+[^,]{0,60},\s+)?(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),?\s*$",
        before[: v.start()],
    )
    for k in range(len(verbs) - 2, -1, -1) if not own_subject else ():
        if not re.match(_THAT_VERBS + r"\b", verbs[k].group()):
            continue
        if re.fullmatch(
            r"\s*" + _THAT_VERBS + r"\b[^,;:“”\"]*\bthat\b.*",
            before[verbs[k].start() : v.start()],
            re.S,
        ):
            v = verbs[k]
        break
    tail = before[v.end() :]
    head = before[: v.start()]
    # "said Director of National Intelligence Avril Haines: “"
    tm = re.match(r"\s+(?P<subj>[^,:“”\"]{3,120}?)\s*[:,]\s*$", tail)
    if not head.strip() and tm:
        s = sent_start + v.end() + tm.start("subj")
        return tm.group("subj"), s, s + len(tm.group("subj")), v.group()
    if v.group().endswith("ing") and v.group() not in ("according to",):
        # "X has questioned ..., saying that “": the subject of the main clause, before its first verb ("The
        # Election Commission on Wednesday dismissed fresh claims ..., calling them “...”")
        first = re.search(
            r"\b(?:" + _verbs() + "|" + _LEADING_ONLY_VERBS + r"|" + _AUXILIARY + r"|(?-i:[a-z]{2,}ed))\b",
            head,
        )
        seg = _subject_segment(head[: first.start()]) if first and first.start() > 0 else None
        if seg is not None:
            a, b = seg
            subj = _TRAILING_TIME.sub("", head[a:b])
            if subj.strip() and not re.match(r"(?:In|On|At|After|Before|During|When|While)\b", subj):
                return subj, sent_start + a, sent_start + a + len(subj), v.group()
        s = sent_start + (len(head) - len(head.lstrip()))
        return head.strip(), s, s + len(head.strip()), v.group()
    seg = _subject_segment(head)
    # "..., which the court annulled after intelligence reports described": the verb's own clause
    last = re.search(
        r",\s*(?:which|who)\b[^,;:]*?\b(?:after|when|because|before|since|once|until)\s+(?=\S)([^,;:]+)$",
        head,
    )
    if last:
        seg = (last.start(1), len(head.rstrip()))
    if seg is None:
        return None
    a, b = seg
    subj = head[a:b]
    cm = re.match(r"(?:and|but|so|while|as|yet|though|although|then|that|because)\s+", subj, re.I)
    if cm:
        a += cm.end()
        subj = head[a:b]
    am = re.search(r"(?:\s+(?:" + _ADVERB + r"|already|repeatedly|publicly|often|twice))+$", subj)
    if am:
        b -= len(subj) - am.start()
        subj = head[a:b]
    # "... which the court annulled after declassified intelligence reports described": the subject is the
    # noun phrase of the clause the verb ends, after its subordinating word
    sub = None
    for sub in re.finditer(  # noqa: B007 - the last match
        r"\b(?:after|which|who|when|while|because|before|since|where|whom|though|although|once|until)\s+",
        subj,
    ):
        pass
    if sub is not None and len(subj[sub.end() :].split()) >= 1:
        a += sub.end()
        subj = head[a:b]
    dm = re.match(r".*\)\s*[-—–]+\s+", subj)
    if dm:
        a += dm.end()  # "LONDON (Reuters) - A British parliamentary committee"
        subj = head[a:b]
    # "The Quai d'Orsay condemned what it called “...”", "Facebook said it had removed ... for what it calls
    # “...”": the pronoun stands for the subject of the sentence
    # "the emails claimed to come from a far-right group and told voters to “...”": a verb coordinated with an
    # earlier one shares its subject
    if re.search(r"(?:^|\s)(?:and|or|but)$", subj.strip()):
        pv = None
        for pv in re.finditer(  # noqa: B007 - the last match
            r"\b(?:" + _verbs() + "|" + _LEADING_ONLY_VERBS + r")\b", before[: a + len(subj) - 4]
        ):
            pass
        if pv is not None and pv.start() > 0:
            return leading_cue(text, sent_start, sent_start + pv.end())
    # "The Quai d'Orsay condemned what it called “...”": the subject of the sentence's first verb
    if re.search(r"(?:^|\s)what\s+(?:it|he|she|they)\s*$", subj):
        first = re.search(
            r"\b(?:" + _verbs() + "|" + _LEADING_ONLY_VERBS + r"|" + _AUXILIARY + r"|(?-i:[a-z]{2,}ed))\b",
            head,
        )
        seg = _subject_segment(head[: first.start()]) if first and first.start() > 0 else None
        if seg is None:
            return None
        a, b = seg
        subj = head[a:b]
    # "The Election Commission on Wednesday dismissed fresh [claims]": a finite verb inside the subject is
    # the clause's verb, and the noun phrase before it the subject
    fv = re.search(r"[ \u00a0](?:" + _LEADING_ONLY_VERBS + r"|" + _THAT_VERBS + r")\b", subj)
    if fv and fv.start() > 0 and not re.search(r"\b(?:who|which|that)\b", subj[: fv.start()]):
        b = a + fv.start()
        subj = head[a:b]
    tm = _TRAILING_TIME.search(subj)
    if tm and tm.start() > 0:
        b = a + tm.start()
        subj = head[a:b]
    # "Russian officials have in the past described": the noun phrase before the auxiliary
    xm = re.search(r"\s+(?:has|have|had|would|will|could|can|may|might|did|does|do|is|was|were|are)\b", subj)
    if xm and xm.start() > 0:
        b = a + xm.start()
        subj = head[a:b]
    if not subj.strip():
        return None
    return subj, sent_start + a, sent_start + b, v.group()
