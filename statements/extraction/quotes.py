"""Quoted spans in a news text.

A quote is the text between an opening and a closing quotation mark (straight or curly, mixed marks
allowed). A quote that runs over several paragraphs, each reopening the mark, is one quote. Quotes nested
in a quote stay inside it. Headline quotes, quotes in boilerplate, titles of works and one- or two-word
scare quotes that report no one's speech are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .documents import paragraphs

__all__ = ["Quote", "find_quotes", "SPEECH_VERBS"]

OPEN_D = "“„«"
CLOSE_D = "”»"
STRAIGHT_D = '"'

SPEECH_VERBS = (
    r"said|says|say|added|adds|wrote|writes|told|tells|stated|states|noted|notes|continued|continues|concluded|"
    r"concludes|explained|explains|warned|warns|argued|argues|insisted|insists|tweeted|tweets|posted|read|reads|"
    r"admitted|admits|acknowledged|acknowledges|asserted|asserts|claimed|claims|declared|declares|emphasized|"
    r"emphasised|emphasizes|stressed|stresses|urged|urges|announced|announces|testified|testifies|replied|replies|"
    r"responded|responds|remarked|observed|cautioned|predicted|recalled|suggested|suggests|maintained|maintains|"
    r"countered|lamented|complained|agreed|conceded|confirmed|confirms|found|finds|alleged|alleges|charged|described|"
    r"describes|called|calls|assessed|assesses|assured|assures|promised|promises|vowed|vows|pledged|pledges|"
    r"reported|reports|asked|asks|answered|boasted|touted|quipped|joked|texted|emailed|shared|explained|recounted|"
    r"concurred|objected|protested|ordered|advised|informed|reiterated|reiterates|highlighted|highlights|"
    r"underscored|pointed out|went on|wrote in|saying|adding|writing|noting|warning|arguing|telling|stating|"
    r"insisting|declaring|explaining|according to"
)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    open_pos: int
    close_pos: int | None
    fragment: bool = False
    paragraph: int = 0
    sentence_start: int = 0
    sentence_end: int = 0


def _kind(text: str, i: int) -> str | None:
    """'open', 'close' or None for a double-quote character at i."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in OPEN_D:
        if prev.isalnum() and (nxt.isspace() or nxt in ".,;:!?"):
            return "close"
        return "open"
    if ch in CLOSE_D:
        if (prev.isspace() or prev in "([{—–-") and (nxt.isalnum() or nxt in "‘'"):
            return "open"
        return "close"
    if ch == STRAIGHT_D:
        if prev.isspace() or prev in "([{—–-/:" or i == 0:
            return "open" if not nxt.isspace() else None
        if nxt.isspace() or nxt in ".,;:!?)]}—–-" or nxt == "\n":
            return "close"
        if prev in "‘'’":
            return "close"
        return "open" if not prev.isalnum() else "close"
    return None


def _paragraph_index(paras: list[tuple[int, int]], pos: int, ends: list[int] | None = None) -> int:
    """The paragraph holding pos, else the next one after it, else the last (spans are sorted)."""
    i = bisect.bisect_right(ends if ends is not None else [e for _, e in paras], pos)
    return i if i < len(paras) else len(paras) - 1


_MARK = re.compile("[" + re.escape(OPEN_D + CLOSE_D + STRAIGHT_D) + "]")


def find_quotes(
    text: str,
    body_start: int = 0,
    exclude: list[tuple[int, int]] = (),
) -> list[Quote]:
    """Quotes in text[body_start:], skipping those that start inside `exclude` spans."""
    paras = paragraphs(text, body_start)
    ends = [e for _, e in paras]
    marks = []
    for mm in _MARK.finditer(text, body_start):
        i = mm.start()
        k = _kind(text, i)
        if k:
            marks.append((i, k))
    if not marks:
        # British house style: single quotation marks, and no double ones in the whole body
        marks = _single_marks(text, body_start)
    quotes: list[Quote] = []
    open_at: int | None = None
    open_para = -1
    last_para_seen = -1
    for pos, kind in marks:
        para = _paragraph_index(paras, pos, ends)
        if open_at is not None and para != last_para_seen:
            # the open quote reached the end of its paragraph without a closing mark
            if kind == "open" and paras[para][0] == pos and para == last_para_seen + 1:
                last_para_seen = para
                continue  # a new paragraph reopening the same quote
            # unclosed: end the quote at its paragraph's end
            end = paras[last_para_seen][1]
            quotes.append(
                Quote(open_at + 1, end, text[open_at + 1 : end], open_at, None, paragraph=open_para)
            )
            open_at = None
        if kind == "open":
            if open_at is not None and para == last_para_seen:
                # two openings in one paragraph: the first was a stray mark
                pass
            open_at, open_para, last_para_seen = pos, para, para
        elif open_at is not None:
            quotes.append(Quote(open_at + 1, pos, text[open_at + 1 : pos], open_at, pos, paragraph=open_para))
            open_at = None
    if open_at is not None:
        end = paras[last_para_seen][1] if 0 <= last_para_seen < len(paras) else len(text)
        quotes.append(Quote(open_at + 1, end, text[open_at + 1 : end], open_at, None, paragraph=open_para))
    out = []
    for q in quotes:
        if any(s <= q.open_pos < e for s, e in exclude):
            continue
        if not q.text.strip():
            continue
        _trim_quote(q, text)
        if not q.text.strip():
            continue
        q.fragment = _is_fragment(text, q, paras)
        out.append(q)
    return out


_SINGLE = re.compile("[‘’']")


def _single_marks(text: str, body_start: int) -> list[tuple[int, str]]:
    """Opening and closing single quotation marks, told apart from apostrophes ("don't", "voters' rolls")."""
    marks = []
    for mm in _SINGLE.finditer(text, body_start):
        i = mm.start()
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        if prev.isalnum() and nxt.isalnum():
            continue  # "don't", "Russia's"
        if (prev.isspace() or prev in "([{—–-:") and (nxt.isalnum() or nxt in "‘'"):
            if mm.group() != "’":
                marks.append((i, "open"))
        elif (prev.isalnum() or prev in ".,!?;:") and (nxt.isspace() or nxt in ".,;:!?)]}—–-" or nxt == "\n"):
            if mm.group() == "‘":
                continue
            if prev == "s" and re.match(
                r"[ \u00a0]+(?!(?:he|she|they|it|we|I|a|an|the|said|says|told|added)\b)[a-z]",
                text[i + 1 : i + 30],
            ):
                continue  # "the voters' rolls": a plural possessive
            marks.append((i, "close"))
    return marks


def _trim_quote(q: Quote, text: str) -> None:
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    q.start, q.end, q.text = s, e, text[s:e]


def _is_fragment(text: str, q: Quote, paras: list[tuple[int, int]]) -> bool:
    first = re.search(r"[A-Za-z]", q.text)
    if first and first.group().islower():
        return True
    para_start = paras[q.paragraph][0] if 0 <= q.paragraph < len(paras) else 0
    before = text[para_start : q.open_pos]
    # a capitalised quote after a colon, a comma after a speech verb, or at a sentence start is a full quote
    if not before.strip() or re.search(r"[:.!?]\s*$|[.!?][\"”’]\s*$", before):
        return False
    if re.search(r"(?:" + SPEECH_VERBS + r")[^.!?]{0,40},?\s*$", before):
        return False
    if re.search(r",\s*$", before):
        return False
    return True


_TITLE_CUES = re.compile(
    r"(?:titled|entitled|headlined|headline|dubbed|nicknamed|named|so-called|the term|the word|the phras"
    r"e|the words|"
    r"hashtag|slogan|labeled|labelled|branded|known as|the banner|a sign reading|signs reading|the book|"
    r"the film|"
    r"the show|the documentary|the report|the article|the paper|the video|the podcast|the op-ed)\s*[,:]?\s*$",
    re.I,
)


def is_title_or_term(text: str, q: Quote) -> bool:
    """Quoted names of works, terms and labels (not someone's words)."""
    before = text[max(0, q.open_pos - 40) : q.open_pos]
    if _TITLE_CUES.search(before):
        words = q.text.split()
        if re.search(r"(?:titled|entitled|headlined)\s*[,:]?\s*$", before, re.I):
            return True
        return len(words) <= 6
    # a title-cased phrase without a verb, e.g. “Foreign Threats to the 2020 US Federal Elections”
    words = re.findall(r"[A-Za-z][\w'’-]*", q.text)
    if 3 <= len(words) <= 12 and not re.search(r"[.!?,;]$", q.text.strip()):
        caps = sum(1 for w in words if w[0].isupper())
        small = {
            "of",
            "the",
            "a",
            "an",
            "and",
            "in",
            "on",
            "for",
            "to",
            "at",
            "by",
            "with",
            "from",
            "or",
            "vs",
        }
        if all(w[0].isupper() or w.lower() in small for w in words) and caps >= 2:
            return True
    return False


_NOT_A_NOUN = frozenset(
    "and or but nor yet that which who whom whose than then the for from with without into onto over under "
    "about after before while when where because since until unless although though even also not are was "
    "were has had have will would could should might may can must did does being been its their his her "
    "our your this these those there here".split()
)


def is_scare_term(text: str, q: Quote) -> bool:
    """A one- or two-word label in marks that no one is reported as saying, even with a speech verb near:
    'called for a "hand count"', 'the department calls "cyber hygiene" checks', 'between "news" and
    propaganda'."""
    n_words = len(re.findall(r"[\w'’-]+", q.text))
    before = text[max(0, q.open_pos - 40) : q.open_pos]
    if n_words <= 3 and re.search(
        r"\b(?:known as|dubbed|nicknamed|code-?named|hallmarks of)\s*$", before, re.I
    ):
        return True  # 'a drop box known as “door 3.”', 'the hallmarks of "Storm-1516"': a name
    if n_words > 2:
        return False
    if re.fullmatch(r"[A-Z][A-Za-z]*-?\d{2,}", q.text.strip(" .,")):
        return True  # a code name: "Storm-1516", "APT28"
    close = q.close_pos if q.close_pos is not None else q.end
    after = text[close + 1 : close + 30]
    am = re.match(r"[ \u00a0]+([a-z]{3,})\b", after)
    if (
        am
        and re.search(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", before)
        # 'reports described an "aggressive" online campaign': words the reports used
        and not re.search(
            r"\b(?:describ|call|term|label|characteri[sz]|warn|cit|report|brand|sa)\w*\s+"
            r"(?:\w+\s+){0,2}(?:a|an)\s+(?:[a-z]+\s+)?$",
            before,
        )
        and am.group(1) not in _NOT_A_NOUN
        and not re.search(r"[.,;:!?]$", q.text.strip())
    ):
        return True  # 'a confidential “flash” alert': a label modifying a noun
    if re.search(r"\bcall(?:s|ed|ing)?\s+for\s+(?:a|an|the|more)?\s*$", before):
        return True
    if re.search(r"\b(?:calls|called|dubs|dubbed|terms|termed|labels|labell?ed)\s+$", before) and re.match(
        r"[ \u00a0]+[a-z]+\b", after
    ):
        return True
    return bool(re.search(r"\bbetween\s+$", before) and re.match(r"[ \u00a0]+and\b", after))
