"""Full-text search on both databases the archive runs on, and matching the same words across articles.

PostgreSQL: `SearchVector`/`SearchRank` over expressions that migration 0003 indexes with GIN, so the
query below must build exactly the same vector expressions (`QUOTE_VECTOR`, `ARTICLE_VECTOR`).
SQLite: FTS5 tables with external content, kept in sync with their tables by triggers (migration 0003,
re-ensured after every migrate, since SQLite's table rebuilds drop triggers).

Only the words of a query are used: punctuation, operators and SQL-looking characters are dropped, so no
input can break the search syntax of either database.
"""

import math
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connections
from django.db.models import Expression, FloatField, Value
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_migrate

SEARCH_CONFIG = "english"
MAX_TERMS = 16
QUOTE_VECTOR = SearchVector("text", "speaker", config=SEARCH_CONFIG)
ARTICLE_VECTOR = SearchVector("title", "body", config=SEARCH_CONFIG)

# table: (FTS5 table, indexed columns)
FTS_TABLES = {
    "statements_quote": ("statements_quote_fts", ("text", "speaker")),
    "statements_article": ("statements_article_fts", ("title", "body")),
}


def search_terms(query):
    """The words of a query, lower-cased, without repeats, at most MAX_TERMS of them."""
    words = re.findall(r"\w+", query.lower())
    return list(dict.fromkeys(words))[:MAX_TERMS]


def search_quotes(queryset, query):
    return _search(queryset, query, QUOTE_VECTOR)


def search_articles(queryset, query):
    return _search(queryset, query, ARTICLE_VECTOR)


class StoredDocument(Expression):
    """PostgreSQL: the quote table's stored `search_document` (migration 0007), the very vector of
    QUOTE_VECTOR computed once at write time, on whatever alias the quote table has in the query."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name('search_document')}", []


def _search(queryset, query, vector):
    terms = search_terms(query)
    if not terms:
        # Nothing to search for; still annotated, so that sorting by relevance stays possible.
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    table = queryset.model._meta.db_table
    if connections[queryset.db].vendor == "postgresql":
        # "plain": every word must match, as in the FTS5 query below; stemmed with the English dictionary.
        words = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
        if table == "statements_quote":
            vector = StoredDocument()
        return (
            queryset.alias(search_vector=vector)
            .filter(search_vector=words)
            .annotate(search_rank=SearchRank(vector, words))
        )
    fts, _ = FTS_TABLES[table]
    match = " ".join(f'"{term}"' for term in terms)  # each term a quoted string: no FTS5 operators
    # Joined, not a correlated subquery per row: FTS5 then runs the MATCH once, as the outer loop, and
    # `rank` (bm25, lower for better matches) comes with each matching row instead of re-running the
    # MATCH for every one of them (quadratic for common words).
    joined = queryset.extra(  # noqa: S610 (constant SQL, the words are a parameter)
        tables=[fts], where=[f"{fts} MATCH %s", f"{fts}.rowid = {table}.id"], params=[match]
    )
    return joined.annotate(search_rank=RawSQL(f"-{fts}.rank", []))  # noqa: S611


def _stem(term):
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            return term[: -len(suffix)]
    return term


def highlight_pattern(query):
    """A regex matching the words of the text a search for `query` matched (stem plus any ending)."""
    terms = search_terms(query or "")
    if not terms:
        return None
    stems = sorted({_stem(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.IGNORECASE)


# Same words, several outlets: a statement reprinted with small differences of wording and punctuation.
SHINGLE_SIZE = 4
SAME_WORDS_THRESHOLD = 0.6
SAME_WORDS_SHOWN = 20  # on a quote's page, the most alike; a statement reprinted hundreds of times says so


INSIDE_WORDS = re.compile(r"(?<=\w)[.\-’'](?=\w)")
WORDS = re.compile(r"\w+")


def normalized_words(text):
    """Words for comparison: case, punctuation inside words ("U.S.", "cyber-attacks") and quotes ignored."""
    return WORDS.findall(INSIDE_WORDS.sub("", text.lower()))


def shingles(text):
    """The runs of SHINGLE_SIZE words of `text` (or its only, shorter run). Computed afresh: each page
    compares a few hundred texts, which a cache would only hold longer (and hash at every lookup)."""
    words = normalized_words(text)
    if len(words) < SHINGLE_SIZE:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(*[words[i:] for i in range(SHINGLE_SIZE)], strict=False))  # the runs that fit


def same_words_score(text_a, text_b):
    """Share of the shorter text's word runs found in the other: 1.0 when one contains the other."""
    return _shared_share(shingles(text_a), shingles(text_b))


def _shared_share(a, b):
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def carrying_same_words(quote, candidates):
    """The quotes among `candidates` (other articles' quotes) that carry the words of `quote`, best first.

    Very short quotes (fewer than two word runs, e.g. "focused") are never matched: they are too common.
    """
    runs = shingles(quote.text)
    if len(runs) < 2:
        return []
    scored = []
    for candidate in candidates:
        candidate_runs = shingles(candidate.text)
        if len(candidate_runs) < 2:
            continue
        score = _shared_share(runs, candidate_runs)
        if score >= SAME_WORDS_THRESHOLD:
            scored.append((score, candidate))
    scored.sort(key=lambda pair: -pair[0])
    return [candidate for _, candidate in scored]


# Candidates come from the search index, not from the whole archive: quotes holding all of the longest words
# of some run of the quote's words. One set per run of WINDOW words, any of which may match, so that a
# reprint of only part of the quote is found, and one word printed differently ("cyberattacks" against
# "cyber-attacks") loses only its own run.
WINDOW = 10
WINDOW_WORDS = 3  # the longest of each run
MAX_WINDOWS = 8
CANDIDATE_LIMIT = 200
STOP_WORDS = frozenset(
    "about after also been being could does from have into just more most other over said says such than "
    "that their them then there these they this those very were what when where which while will with "
    "would your".split()
)


def candidate_words(text):
    """Sets of words, one per run of WINDOW words of `text`: the run's longest words (letters only)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    sets = []
    for first in range(0, max(len(words), 1), WINDOW):
        run = {w for w in words[first : first + WINDOW] if len(w) >= 4 and w not in STOP_WORDS}
        chosen = sorted(run, key=lambda w: (-len(w), w))[:WINDOW_WORDS]
        if len(chosen) >= 2 and chosen not in sets:
            sets.append(chosen)
    return sets[:MAX_WINDOWS]


# How much of the table same_words_candidates reads in order before it asks the index (about 5,000 quotes),
# and how much more it reads when those pages hold some matches, but too few (PROBE_MORE times as much).
PROBE_PAGES = 400
PROBE_MORE = 2


def _in_pages(queryset, first_page, end_page):
    """`queryset`'s rows stored in the table's pages [first_page, end_page): a TID range scan."""
    table = queryset.model._meta.db_table
    where, params = [f"{table}.ctid < %s::tid"], [f"({end_page},0)"]
    if first_page:
        where, params = [f"{table}.ctid >= %s::tid", *where], [f"({first_page},0)", *params]
    return queryset.extra(where=where, params=params)  # noqa: S610 - constant SQL, page numbers as parameters


def same_words_candidates(quote, queryset, limit=CANDIDATE_LIMIT, probe_pages=PROBE_PAGES):
    """At most `limit` records of `queryset` (a list) that may carry the words of `quote`, from the search
    index, in the table's order (the caller ranks them by their words): sorted, the index's every match
    would be read and joined to its article before the first `limit` were known.

    On PostgreSQL the index builds its whole set of matches before the first row comes back: 20 to 300 ms
    when a quote's words are common (tens of thousands of matches), for 200 of them. The table's first
    `probe_pages` pages are read in order first (a TID range scan, a few milliseconds); when they hold
    `limit` matches, those are the index's first `limit` too, since its rows also come in the table's
    order. When they hold fewer, but enough to say that the next pages (at most PROBE_MORE times as many)
    hold the rest, those are read too; the index is asked only when neither answers."""
    sets = candidate_words(quote.text)
    if not sets:
        return []
    queryset = queryset.order_by()
    if connections[queryset.db].vendor == "postgresql":
        expression = " | ".join("(" + " & ".join(words) + ")" for words in sets)
        words = SearchQuery(expression, config=SEARCH_CONFIG, search_type="raw")
        # Unsorted, in the table's order: the same at every visit, as the database reads every table from
        # its start (archive.settings: no synchronised scans).
        matching = queryset.alias(search_vector=StoredDocument()).filter(search_vector=words)
        if probe_pages:
            probed = list(_in_pages(matching, 0, probe_pages)[:limit])
            if probed and len(probed) < limit:
                # As many pages again as the matches seen so far say the rest needs, and a quarter more.
                more = math.ceil(probe_pages * (limit - len(probed)) / len(probed) * 1.25)
                if more <= probe_pages * PROBE_MORE:
                    probed += _in_pages(matching, probe_pages, probe_pages + more)[: limit - len(probed)]
            if len(probed) == limit:
                return probed
        return list(matching[:limit])
    fts, _ = FTS_TABLES[queryset.model._meta.db_table]
    match = " OR ".join("(" + " AND ".join(f'"{w}"' for w in words) + ")" for words in sets)
    matching = RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s LIMIT %s", [match, limit * 2])  # noqa: S608
    return list(queryset.filter(pk__in=matching)[:limit])


# SQLite full-text tables. Used by migration 0003 and re-run after each migrate.
def sqlite_fts_statements(table):
    fts, columns = FTS_TABLES[table]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{table}', content_rowid='id',"
        " tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {cols} ON {table} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def sqlite_fts_drop_statements(table):
    fts, _ = FTS_TABLES[table]
    return [f"DROP TRIGGER IF EXISTS {fts}_{suffix}" for suffix in ("ai", "ad", "au")] + [
        f"DROP TABLE IF EXISTS {fts}"
    ]


def ensure_sqlite_fts(using="default", **kwargs):
    """Recreate missing FTS triggers (a later migration that rebuilds a table drops them) and reindex."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table, (fts, _) in FTS_TABLES.items():
            if table not in tables or fts not in tables:
                continue  # before migration 0003, or migrated backwards
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{fts}_a_"]
            )
            if cursor.fetchone()[0] < 3:
                for statement in sqlite_fts_statements(table):
                    cursor.execute(statement)


post_migrate.connect(ensure_sqlite_fts, dispatch_uid="statements.search.ensure_sqlite_fts")
