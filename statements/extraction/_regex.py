"""Fast alternations of many literal strings.

Python's ``re`` tries the branches of ``a|b|c|...`` one after another at every position, so a table of a few
hundred names joined with ``|`` costs hundreds of comparisons per character of text and seconds to compile.
``alternation`` builds the same language as a trie (``Dep(?:artment of (?:Justice|State)|uty)``), which the
engine walks in one pass.

The trie keeps the preference of the usual longest-first alternation: at each node the longer continuation is
tried before stopping, and two different strings that match at the same position are prefixes of one
another, so the first successful branch is the same one ``"|".join(sorted(words, key=len, reverse=True))``
would take, including when the engine backtracks into the group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation"]


def alternation(words: Iterable[str], not_after: str | None = None) -> str:
    """A non-capturing regex matching exactly the given literal strings, longest first.

    With ``not_after`` (the body of a character class, e.g. ``r"\\w&-"``) the match may not start right after
    one of those characters, like a leading ``(?<![...])``; the test is made after the first character so
    that the pattern still starts with a literal, which lets ``re`` skip ahead to the possible first
    characters instead of trying every position.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    if not_after is None:
        return "(?:" + _node(trie) + ")"
    guard = r"(?<![" + not_after + r"][\s\S])"
    branches = []
    for ch in sorted(trie):
        child = trie[ch]
        # _node makes the continuation optional where a word also ends after this character
        rest = _node(child) if any(k for k in child) else ""
        branches.append(re.escape(ch) + guard + rest)
    return "(?:" + "|".join(branches) + ")"


def _node(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        # follow a chain of single-child nodes as one literal run
        run = [ch]
        while len(child) == 1 and "" not in child:
            (nxt,) = child
            run.append(nxt)
            child = child[nxt]
        rest = _node(child) if any(k for k in child) else ""
        lit = re.escape("".join(run))
        if rest:
            branches.append(lit + rest)
        else:
            branches.append(lit)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # a word ends here: try the longer continuation first, then stop
        if len(branches) == 1 and len(body) == 1:
            return body + "?"
        return "(?:" + body + ")?"
    return body
