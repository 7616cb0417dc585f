"""Reading a document and finding its metadata, paragraphs and boilerplate.

Everything works on the text exactly as read: offsets are Python string offsets into it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ._regex import alternation

__all__ = [
    "DocumentError",
    "Metadata",
    "find_boilerplate",
    "paragraphs",
    "parse_metadata",
    "read_document",
    "sentences",
]


class DocumentError(ValueError):
    """A file that cannot be read as a text document."""


def read_document(path: str | Path) -> str:
    """Read a UTF-8 text file, dropping a byte-order mark and keeping every other character as it is."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{path.name}: cannot read file ({error.strerror or error})") from error
    if not data.strip():
        raise DocumentError(f"{path.name}: empty document")
    if b"\x00" in data:
        raise DocumentError(f"{path.name}: binary content (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(f"{path.name}: not valid UTF-8 (byte {error.start})") from error
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DocumentError(f"{path.name}: empty document")
    return text


# ---------------------------------------------------------------------------------------------- paragraphs

_TERMINAL = tuple(".!?:;\"”’'»)]")


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Paragraph spans (trimmed of surrounding whitespace) from `start`.

    Paragraphs are separated by blank lines; a single newline also ends a paragraph unless the line before
    it stops mid-sentence (a hard-wrapped line).
    """
    return list(_paragraphs(text, start))


@functools.lru_cache(maxsize=4)
def _paragraphs(text: str, start: int) -> tuple[tuple[int, int], ...]:
    # one document's paragraphs are asked for by several stages in a row
    return tuple(_split_paragraphs(text, start))


def _split_paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"(?:[^\n]+|\n(?![ \t\u00a0]*\n))+", text[start:]):
        b_start = start + block.start()
        lines = [(b_start + m.start(), b_start + m.end()) for m in re.finditer(r"[^\n]+", block.group())]
        current: list[int] | None = None
        for ls, le in lines:
            seg = text[ls:le]
            if not seg.strip():
                continue
            s = ls + (len(seg) - len(seg.lstrip()))
            e = le - (len(seg) - len(seg.rstrip()))
            if current is None:
                current = [s, e]
            else:
                prev = text[current[0] : current[1]]
                if (
                    prev.endswith(_TERMINAL)
                    or re.match(r"[\"“‘'(\[{#*>-]|[A-Z][^\n]{0,60}$", text[s:e])
                    and len(prev) < 60
                    or prev.endswith(_TERMINAL)
                ):
                    spans.append((current[0], current[1]))
                    current = [s, e]
                else:
                    current[1] = e
        if current is not None:
            spans.append((current[0], current[1]))
    return spans


_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Capt|Maj|Adm|Sgt|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Aug|"
    r"Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|D\.C|Calif|Fla|Ga|Va|Pa|Mich|Wis|Ariz|Ill|Mass|Conn|Colo|Minn|Tenn|"
    r"Ky|La|Md|Mo|Nev|Okla|Ore|Wash|Ala|Ark|Del|Ind|Kan|Miss|Mont|Neb|Vt|Wyo|N\.[A-Z]|S\.[A-Z]|W\.Va|vs|etc|Prof|Dept|"
    r"Gov't|approx|[A-Z])"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (a rough splitter that knows news abbreviations)."""
    spans = []
    pos = start
    for m in re.finditer(r"[.!?][\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|\n", text[start:end]):
        cut = start + m.end()
        before = text[max(start, cut - 12) : start + m.start() + 1]
        if re.search(r"(?:^|[\s(])" + _ABBREV + r"\.$", before) and not text[
            start + m.start() : cut
        ].endswith("\n"):
            continue
        if text[pos:cut].strip():
            spans.append(_trim(text, pos, cut))
        pos = cut
    if text[pos:end].strip():
        spans.append(_trim(text, pos, end))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ---------------------------------------------------------------------------------------------- metadata

OUTLETS = {
    "sputniknews": "Sputnik",
    "sputnik": "Sputnik",
    "apnews": "AP",
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "thehill": "The Hill",
    "the hill": "The Hill",
    "politico": "Politico",
    "cnn": "CNN",
    "nytimes": "The New York Times",
    "new york times": "The New York Times",
    "washingtonpost": "The Washington Post",
    "washington post": "The Washington Post",
    "c4isrnet": "C4ISRNET",
    "federaltimes": "Federal Times",
    "fifthdomain": "Fifth Domain",
    "defensenews": "Defense News",
    "usatoday": "USA TODAY",
    "usa today": "USA TODAY",
    "foxnews": "Fox News",
    "fox news": "Fox News",
    "nbcnews": "NBC News",
    "nbc news": "NBC News",
    "cbsnews": "CBS News",
    "cbs news": "CBS News",
    "abcnews": "ABC News",
    "abc news": "ABC News",
    "npr": "NPR",
    "bbc": "BBC",
    "theguardian": "The Guardian",
    "guardian": "The Guardian",
    "rt": "RT",
    "wsj": "The Wall Street Journal",
    "wall street journal": "The Wall Street Journal",
    "bloomberg": "Bloomberg",
    "axios": "Axios",
    "cyberscoop": "CyberScoop",
    "nextgov": "Nextgov",
    "fcw": "FCW",
    "therecord": "The Record",
    "statescoop": "StateScoop",
    "govtech": "Government Technology",
    "votebeat": "Votebeat",
    "washingtontimes": "The Washington Times",
    "washingtonexaminer": "Washington Examiner",
    "newsweek": "Newsweek",
    "time": "Time",
    "vox": "Vox",
    "huffpost": "HuffPost",
    "thedailybeast": "The Daily Beast",
    "breitbart": "Breitbart",
    "dailycaller": "The Daily Caller",
    "theatlantic": "The Atlantic",
    "wired": "Wired",
    "zdnet": "ZDNet",
    "aljazeera": "Al Jazeera",
    "tass": "TASS",
    "presstv": "Press TV",
    "globaltimes": "Global Times",
    "xinhuanet": "Xinhua",
    "afp": "AFP",
    "france24": "France 24",
    "dw": "DW",
    "militarytimes": "Military Times",
    "thestar": "The Star",
    "voanews": "Voice of America",
    "courthousenews": "Courthouse News Service",
}

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


def outlet_name(raw: str) -> str:
    """Canonical outlet name for a name, domain or URL (unknown names are returned as given)."""
    key = raw.strip().lower()
    m = re.match(r"(?:https?://)?(?:www\.|m\.|edition\.|amp\.)?([^/]+)", key)
    host = m.group(1) if m else key
    if "." in host:
        parts = host.split(".")
        core = parts[-2] if len(parts) >= 2 else parts[0]
        if core in ("co", "com") and len(parts) >= 3:
            core = parts[-3]
        if core in OUTLETS:
            return OUTLETS[core]
        if parts[0] in OUTLETS:
            return OUTLETS[parts[0]]
    if key in OUTLETS:
        return OUTLETS[key]
    return raw.strip()


def parse_date(raw: str) -> tuple[str | None, str | None]:
    """('YYYY-MM-DD', precision) from an ISO date/time or a written date; (None, None) when none."""
    m = re.search(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)", raw)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    # "JULY 18, 2023": month names in capitals, as some date lines print them
    raw = re.sub(
        r"\b[A-Z]{3,9}\b(?=\.?\s+\d|,?\s+(?:19|20)\d\d)",
        lambda w: w.group().capitalize() if w.group().lower() in _MONTHS else w.group(),
        raw,
    )
    # "October 8, 20205:00 AM ET": a date line fused to its time
    m = re.search(
        r"\b(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:\b|(?=\d{1,2}:\d\d))", raw
    )
    if m:
        month = _MONTHS[m.group(1).rstrip(".").lower()]
        return f"{m.group(3)}-{month:02d}-{int(m.group(2)):02d}", "day"
    m = re.search(r"\b(\d{1,2})\s+(" + _MONTH_RE + r")\s+((?:19|20)\d\d)\b", raw)
    if m:
        month = _MONTHS[m.group(2).rstrip(".").lower()]
        return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}", "day"
    m = re.search(r"\b((?:19|20)\d\d)/(\d\d)/(\d\d)\b", raw)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    # American numeric dates with a time, as bylines carry them: "06/20/18 04:12 PM EDT"
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)\s+\d{1,2}:\d\d\b", raw)
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
        return f"{year}-{int(m.group(1)):02d}-{int(m.group(2)):02d}", "day"
    # "02/14/2025": a numeric date whose order its numbers tell (a day over 12); "03/06/2024" could be
    # either, and stays unknown rather than guessed
    m = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b", raw)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= a <= 12 < b <= 31:
            return f"{m.group(3)}-{a:02d}-{b:02d}", "day"
        if 1 <= b <= 12 < a <= 31:
            return f"{m.group(3)}-{b:02d}-{a:02d}", "day"
    m = re.search(r"\b(" + _MONTH_RE + r"),?\s+((?:19|20)\d\d)\b", raw)
    if m:
        month = _MONTHS[m.group(1).rstrip(".").lower()]
        return f"{m.group(2)}-{month:02d}-01", "month"
    return None, None


@dataclass
class Metadata:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: str | None = None
    published_precision: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    body_start: int = 0
    metadata_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_span: tuple[int, int] | None = None
    # a press release's issuer above its label ("Department of Justice / Office of Public Affairs"): no
    # headline, but the bodies it names issued the release
    letterhead_spans: list[tuple[int, int]] = field(default_factory=list)


_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|da|del|bin|al))*"
_BYLINE = re.compile(r"^(?:By|BY|Written by|Words by)[:\s]+(.+)$")
_DATELINE = re.compile(
    r"^([A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]+)?(?:,\s*" + _MONTH_RE + r"\s+\d{1,2})?)\s*"
    r"\((AP|Reuters|AFP|UPI|Bloomberg|CNN|Sputnik|RIA Novosti|TASS|Xinhua|dpa)\)\s*[—–-]+\s*"
)
_DATE_LINE = re.compile(
    r"^\s*(?:\**\s*)?(?:Published|Posted|Updated|Date|Last updated|First published)?\s*(?:at|on)?\s*:?"
    r"\s*\**\s*"
    r"(.*?)\s*\**\s*$",
    re.I,
)


def _split_authors(raw: str) -> list[str]:
    raw = re.sub(
        r"\s*[|,]\s*(?:The\s+)?[A-Z][\w ]*(?:News|Times|Post|Press|Reuters|AP|Journal|Herald)\s*$", "", raw
    )
    raw = re.sub(r"\s*\|.*$", "", raw)
    raw = re.sub(r"\s+[-–—]\s+.*\d.*$", "", raw)  # "ROBERT KAHANE - 06/20/18 04:12 PM EDT"
    parts = re.split(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*", raw.strip(" *"))
    names = []
    for p in parts:
        p = p.strip(" *.")
        if re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", p) and not re.search(r"\d", p):
            names.append(p)
    return names


def parse_metadata(text: str) -> Metadata:
    """Title, date, outlet, URL, authors and the offset where the article's prose starts."""
    meta = Metadata()
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.start() < len(text) or m.group()]
    # collapse regex artefacts: keep each line once
    seen: set[int] = set()
    line_spans = []
    for s, e in lines:
        if s in seen:
            continue
        seen.add(s)
        line_spans.append((s, e))

    def nonblank(from_pos: int):
        for s, e in line_spans:
            if s >= from_pos and text[s:e].strip():
                return s, e
        return None

    header_end = 0
    i_line = nonblank(0)
    # ---- "date YYYY-MM-DD" prefix fused to the first sentence
    m = re.match(r"\s*date\s+((?:19|20)\d\d-\d\d-\d\d)(?:T[\d:+.Z-]*)?\s+", text)
    if m:
        meta.published, meta.published_precision = m.group(1), "day"
        meta.metadata_spans.append((m.start(), m.end()))
        meta.body_start = m.end()
        return _finish(text, meta)
    # ---- header lines: markdown title, labelled fields, headline, byline, date line
    title_done = False
    consumed_any = False
    label_only = False
    release = False
    scan = i_line
    # "Department of Justice / Office of Public Affairs / FOR IMMEDIATE RELEASE": the issuer's letterhead
    # above a release label is no headline
    letterhead = 0
    probe = i_line
    for _ in range(4):
        if not probe:
            break
        if _RELEASE_LABEL.fullmatch(text[probe[0] : probe[1]].strip()):
            break
        letterhead += 1
        probe = nonblank(probe[1])
    else:
        letterhead = 0
    if not probe:
        letterhead = 0
    steps = 0
    while scan and steps < 12:
        steps += 1
        s, e = scan
        line = text[s:e]
        stripped = line.strip()
        ls = s + (len(line) - len(line.lstrip()))
        le = s + len(line.rstrip())
        handled = True
        if steps <= letterhead and len(stripped) < 80 and not re.search(r"[.!?:]$", stripped):
            label_only = True  # the issuer's letterhead
            meta.letterhead_spans.append((ls, le))
        elif re.match(r"#{1,3}\s+\S", stripped) and not title_done:
            mt = re.match(r"#{1,3}\s+", stripped)
            meta.title = stripped[mt.end() :].strip()
            meta.title_span = (ls + mt.end(), le)
            title_done = True
        elif _RELEASE_LABEL.fullmatch(stripped) and not title_done:
            release = True  # "FOR IMMEDIATE RELEASE": a press release's label, not its headline
            label_only = True
        elif re.match(r"(?i)(?:published|posted|updated|date)(?:\s+(?:at|on))?\s*:", stripped):
            value = stripped.split(":", 1)[1]
            d, p = parse_date(value)
            if d and not meta.published:
                meta.published, meta.published_precision = d, p
        elif re.match(r"(?i)(?:author|authors|byline|by)\s*:", stripped):
            value = stripped.split(":", 1)[1].strip(" *")
            meta.authors.extend(_split_authors(value) if value else [])
        elif re.match(r"(?i)(?:original|source|url|link)\s*:", stripped):
            value = stripped.split(":", 1)[1].strip()
            ml = re.search(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", value)
            if ml:
                meta.url = ml.group(2)
                meta.outlet = outlet_name(ml.group(1)) if ml.group(1).strip() else outlet_name(ml.group(2))
            else:
                mu = re.search(r"https?://\S+", value)
                if mu:
                    meta.url = mu.group(0).rstrip(").,")
                    meta.outlet = outlet_name(meta.url)
                elif value:
                    meta.outlet = outlet_name(value.strip("* "))
        elif re.match(r"(?i)(?:outlet|publication|publisher)\s*:", stripped):
            meta.outlet = outlet_name(stripped.split(":", 1)[1].strip("* "))
        elif _BYLINE.match(stripped) and len(stripped) < 120:
            meta.authors.extend(_split_authors(_BYLINE.match(stripped).group(1)))
        elif re.fullmatch(r"https?://\S+", stripped):
            meta.url = stripped
            meta.outlet = meta.outlet or outlet_name(stripped)
        elif _is_date_only(stripped):
            d, p = parse_date(stripped)
            if d and not meta.published:
                meta.published, meta.published_precision = d, p
        elif re.match(r"(?i)(?:media\s+)?contacts?\s*:", stripped):
            handled = False  # a press release's contact block: prose (its contact is an official)
        elif not title_done and not consumed_any and _is_section_label(text, stripped, e, nonblank):
            label_only = True  # "Politics" / "World news" above the headline
        elif not title_done and (not consumed_any or label_only) and _looks_like_headline(text, s, e):
            # a TV transcript headline carries the air time: "...; Iran Emails Target Voters. Aired 8-9p ET"
            mt = re.search(r"\.?\s+Aired\s+[\w:-]+(?:\s+(?:ET|PT|CT|EST|EDT))?\s*$", stripped)
            meta.title = stripped[: mt.start()] if mt else stripped
            meta.title_span = (ls, ls + len(meta.title))
            title_done = True
            label_only = False
        else:
            handled = False
        if not handled:
            break
        consumed_any = True
        meta.metadata_spans.append((ls, le))
        header_end = e
        scan = nonblank(e)
    meta.body_start = header_end
    if release and not title_done:
        # "FOR IMMEDIATE RELEASE / date / Media Contact: name, phone / <blank> / Headline": the headline
        # follows the contact block (which stays in the body: a press release's media contact is an official)
        cm = re.compile(r"(?im)^[ \t]*(?:media[ \t]+)?contacts?[ \t]*:.*$").search(
            text, header_end, header_end + 600
        )
        if cm:
            blank = re.compile(r"\n[ \t]*\n").search(text, cm.end())
            nxt = nonblank(blank.end()) if blank else None
            if nxt and _looks_like_headline(text, *nxt):
                ls = nxt[0] + (len(text[nxt[0] : nxt[1]]) - len(text[nxt[0] : nxt[1]].lstrip()))
                meta.title = text[nxt[0] : nxt[1]].strip()
                meta.title_span = (ls, ls + len(meta.title))
    if not meta.published:
        _header_date(text, line_spans, meta)
    return _finish(text, meta)


_RELEASE_LABEL = re.compile(
    r"(?i)(?:for[ \t]+immediate[ \t]+release|(?:news|press)[ \t]+release|media[ \t]+advisory|"
    r"for[ \t]+release[ \t].{1,40}|embargoed[ \t].{1,60})"
)


_DATE_LINE_WORDS = re.compile(
    r"(?i)\b(?:published|posted|updated|last|first|on|at|aired|all|news|ago|hours?|minutes?|mins?|source|"
    r"editor|[A-Z]{2,4}|a\.m|p\.m|am|pm|et|bst|cet|cest|gmt|utc|edt|est|pst|pdt|aest|aedt|kst)\b"
)


def _header_date(text: str, line_spans: list[tuple[int, int]], meta: Metadata) -> None:
    """A date line among the first lines of the document ("July 29, 2018 / 6:04 AM / Updated 3 hours ago",
    "Tue 14 May 2019 18.30 BST", "Published On 11 Jan 2024", a byline with "· Posted: Sep 17, 2021"): the
    first short line before the prose that states a full date."""
    seen = 0
    for s, e in line_spans:
        line = text[s:e].strip()
        if not line:
            continue
        seen += 1
        if seen > 8 or len(line) > 200 or _DATELINE.match(line):
            return
        if len(line) > 160 or (meta.title_span and s <= meta.title_span[0] < e):
            continue
        d, p = parse_date(line)
        if not d or p != "day":
            continue
        # a date line, not a sentence of prose that mentions a date
        if (
            re.search(r"[a-z]\.$", line)
            or len(re.findall(r"\b[a-z]{4,}\b", _DATE_LINE_WORDS.sub("", line))) > 2
        ):
            continue
        meta.published, meta.published_precision = d, p
        if s >= meta.body_start:
            meta.metadata_spans.append(
                (s + (len(text[s:e]) - len(text[s:e].lstrip())), s + len(text[s:e].rstrip()))
            )
        return


def _is_date_only(line: str) -> bool:
    d, _ = parse_date(line)
    if not d:
        return False
    rest = re.sub(
        r"(?i)(published|posted|updated|date|at|on|\d+|:|,|\.|\*|am|pm|a\.m\.|p\.m\.|edt|est|et|utc|gmt|"
        r"t\d\d|\+|/|-|\s)",
        "",
        line,
    )
    rest = re.sub(r"(?i)" + _MONTH_RE, "", rest)
    rest = re.sub(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", "", rest)
    return len(rest) <= 2


def _is_section_label(text: str, line: str, e: int, nonblank) -> bool:
    """A one- to three-word section name on the first line, with a headline of five or more words after it."""
    if (
        len(line) > 30
        or not 1 <= len(line.split()) <= 3
        or not line[:1].isupper()
        or re.search(r"[.,:;!?\d]", line)
    ):
        return False
    nxt = nonblank(e)
    if not nxt:
        return False
    ns, ne = nxt
    return len(text[ns:ne].split()) >= 5 and _looks_like_headline(text, ns, ne)


def _looks_like_headline(text: str, s: int, e: int) -> bool:
    line = text[s:e].strip()
    words = line.split()
    if not (2 <= len(words) <= 30) or len(line) > 220:
        return False
    if re.search(r"[.]\s*$", line) and not re.search(r"\b(?:U\.S|Jr|Inc|D\.C)\.$", line):
        return False
    if re.search(r"[,;]$", line):
        return False
    # must be followed by more text (a blank line or a new paragraph)
    rest = text[e:]
    if not rest.strip():
        return False
    if not rest.startswith("\n"):
        return False
    return True


def _finish(text: str, meta: Metadata) -> Metadata:
    # skip whitespace to the first prose character
    b = meta.body_start
    while b < len(text) and text[b].isspace():
        b += 1
    meta.body_start = b
    # a byline right at the start of the body
    m = re.match(r"(?:By|BY)\s+([^\n]{3,100})\n", text[b:])
    if m and _split_authors(m.group(1)):
        meta.authors.extend(_split_authors(m.group(1)))
        meta.metadata_spans.append((b, b + m.end(1)))
        b += m.end()
        while b < len(text) and text[b].isspace():
            b += 1
        meta.body_start = b
    # wire dateline
    m = _DATELINE.match(text[b:])
    if m:
        meta.dateline_span = (b, b + m.end())
        wire = m.group(2)
        if not meta.outlet:
            meta.outlet = outlet_name(wire)
        dm = re.search(r"(" + _MONTH_RE + r")\s+(\d{1,2})", m.group(1))
        if dm and not meta.published:
            meta.published_precision = None  # a dateline day without a year is not a date
    # de-duplicate authors
    meta.authors = list(dict.fromkeys(meta.authors))
    return meta


# ---------------------------------------------------------------------------------------------- boilerplate

_CAPTION_VERBS = (
    r"speaks|listens|looks on|arrives|testifies|gestures|waits|walks|holds|sits|stands|poses|attends|del"
    r"ivers|answers|"
    r"departs|leaves|talks|is seen|are seen|is pictured|are pictured|addresses|prepares|points|reacts|sm"
    r"iles|votes|"
    r"casts|fills out|works|checks|sorts|counts|processes|shakes hands|participates|pauses|greets|takes|"
    r"wears|"
    r"appears|is shown|are shown|is displayed|are displayed"
)
_PHOTO_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|Getty|Photo|File|Image|EPA)[^)]{0,80}\)|\bAP Photo/|\bREUTERS/|\bGetty Images\b|"
    r"\bPhoto(?:graph)?(?: illustration)?(?: by|:| credit)|\bFILE PHOTO\b|\bFile photo\b|\bImage:|\bCredit:",
)


# _PHOTO_CREDIT cannot match without one of these
_PHOTO_CREDIT_WORDS = (
    "(",
    "Photo",
    "REUTERS/",
    "Getty Images",
    "FILE PHOTO",
    "File photo",
    "Image:",
    "Credit:",
)
_CAPTION_VERB_RE = re.compile(r"\b" + alternation(_CAPTION_VERBS.split("|")) + r"\b")


@dataclass
class Boilerplate:
    spans: list[tuple[int, int]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    author_spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, s: int, e: int, kind: str) -> None:
        self.spans.append((s, e))
        self.kinds.append(kind)


def find_boilerplate(text: str, body_start: int = 0) -> Boilerplate:
    """Captions, promotions, ad placeholders, author bios and similar spans that are not article prose."""
    bp = Boilerplate()
    for m in re.finditer(r"\{\s*[a-z_]+\s*\}", text[body_start:]):
        bp.add(body_start + m.start(), body_start + m.end(), "placeholder")
    paras = paragraphs(text, body_start)
    for s, e in paras:
        p = text[s:e]
        if re.match(
            r"(?:More|MORE|Read more|READ MORE|Read More|Related|RELATED|See also|SEE ALSO|Also read|ALS"
            r"O READ|"
            r"Also see|Recommended|RECOMMENDED|Watch|WATCH|Listen|LISTEN|Opinion|OPINION|Sign up|SIGN UP"
            r"|Subscribe|"
            r"SUBSCRIBE|Click here|CLICK HERE|Advertisement|ADVERTISEMENT|Story continues|Continue reading|"
            r"Get the latest|Follow us|Follow (?:[A-Z]\w+ )+on (?:Twitter|X))\b\s*[:>»|-]?",
            p,
        ) and (len(p) < 250 or re.match(r"(?:More|MORE|Related|RELATED|Read more|READ MORE)\s*:", p)):
            if re.match(r"(?:Watch|Listen|Opinion|Advertisement)\b", p) and not re.match(
                r"\w+\s*[:>»|-]|\w+$", p
            ):
                continue
            bp.add(s, e, "promo")
            continue
        if re.fullmatch(
            r"(?:Read|See|View|Download|Watch)(?: the)?(?: full| entire| complete)?[\w ’'-]{0,40}"
            r"(?:below|above|here)\s*[:.]?",
            p,
        ):
            bp.add(s, e, "embed")
            continue
        if re.fullmatch(r"(?:Copyright|©|\(c\))[^\n]{0,200}", p) or (
            "All rights reserved" in p or "may not be published, broadcast, rewritten" in p
        ):
            bp.add(s, e, "copyright")
            continue
        m = re.fullmatch(
            r"\(?((?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+(?:(?:,\s*|\s+and\s+)(?:[A-Z][\w.'’-]+\s+){1,3}"
            r"[A-Z][\w.'’-]+)*)\s+(?:also\s+)?contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?"
            r"(?:\s+from\s+[^.]+)?\.?\)?",
            p,
        )
        if m:
            bp.add(s, e, "contributors")
            bp.authors.extend(_split_authors(m.group(1)))
            bp.author_spans.append((s, e))
            continue
        m = re.fullmatch(r"\(?(?:Reporting|Additional reporting|Writing) by ([^;)]+?)(?:;.*)?\)?\.?", p, re.S)
        if m:
            bp.add(s, e, "contributors")
            for chunk in re.split(r";|\bEditing by\b|\bWriting by\b|\bAdditional reporting by\b", p):
                chunk = re.sub(
                    r"^\W*(?:Reporting|Additional reporting|Writing|Editing) by\s*", "", chunk.strip()
                )
                chunk = re.sub(r"\s+in\s+[A-Z][\w ]+$", "", chunk).strip(" ().")
                bp.authors.extend(_split_authors(chunk))
            bp.author_spans.append((s, e))
            continue
        m = re.match(
            r"((?:[A-Z][\w.'’-]+\s+){1,2}[A-Z][\w.'’-]+)\s+(?:is|was|covers|reports|writes|has covered|h"
            r"as reported)\b"
            r"[^.]{0,160}?\b(?:for|at|with)\s+(?:the\s+)?((?:[A-Z0-9][\w&.'’-]*\s*){1,4})",
            p,
        )
        if (
            m
            and (
                re.search(
                    r"\b(?:covers|reporter|correspondent|writer|editor|journalist|reports on|writes about|"
                    r"contributor|columnist|fellow)\b",
                    p[: m.end()],
                )
            )
            and _is_bio_context(text, s, paras)
        ):
            bp.add(s, e, "bio")
            bp.authors.append(m.group(1).strip())
            bp.author_spans.append((s, e))
            bp.outlet = bp.outlet or outlet_name(m.group(2).strip())
            continue
        if _is_caption(p):
            bp.add(s, e, "caption")
            continue
    return bp


def _is_bio_context(text: str, s: int, paras: list[tuple[int, int]]) -> bool:
    # author bios sit in the last few paragraphs
    index = next((i for i, (ps, _) in enumerate(paras) if ps == s), 0)
    return index >= len(paras) - 3


def _is_caption(p: str) -> bool:
    if '"' in p or "“" in p or "”" in p:
        return False
    if len(p) < 400 and any(w in p for w in _PHOTO_CREDIT_WORDS) and _PHOTO_CREDIT.search(p):
        return True
    if len(p) > 400:
        return False
    if not _CAPTION_VERB_RE.search(p):
        return False
    dated = re.search(r"\b" + _MONTH_RE + r"\s+\d{1,2},\s+(?:19|20)\d\d\b", p) or re.search(
        r"\b(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", p
    )
    located = re.search(
        r",\s+in\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?\.?$", p
    )
    return bool(dated and located) or bool(dated and re.search(r"\b(?:19|20)\d\d\.$", p))
