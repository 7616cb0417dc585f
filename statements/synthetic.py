"""A synthetic archive for measuring the site at scale: deterministic for a seed, written in bulk.

`generate(quotes=1_000_000, seed=1)` writes about one article per ten quotes, 5,000 officials, 300 agencies
and 400 outlets, published 2016 to 2026 (more in election years), with quotes that mostly mention Russia,
the United States, China or Iran and a long tail of other countries, in the vocabulary of the real
documents. Everything it writes is recognisable: articles' `source_file` starts with `synthetic/`, and
officials', agencies' and outlets' slugs with `syn-`. `clear()` removes exactly those records.

Article bodies are built by concatenating paragraphs while recording where each quote lands, so the
offset invariant `quote.text == article.body[quote.start:quote.end]` holds although the rows bypass
`save()` and its signals: they are written with PostgreSQL's `COPY` or SQLite's `executemany`, with
explicit primary keys (sequences are reset afterwards), a batch of about 10,000 quotes per transaction.
SQLite's full-text tables follow through their triggers.

Determinism: one `random.Random(seed)` drives everything and nothing iterates over a set, so the same seed
gives the same records (and, on an empty database, the same primary keys).
"""

import bisect
import collections
import datetime
import hashlib
import itertools
import json
import random
import time
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connections, transaction
from django.db.models import Q
from django.utils.text import slugify

from statements import export_lines, summaries
from statements.models import Agency, Article, ArticleCountry, Country, Official, OfficialTitle, Outlet, Quote
from statements.querysets import archive_changed

SOURCE_PREFIX = "synthetic/"
SLUG_PREFIX = "syn-"
QUOTES_PER_ARTICLE = 10  # on average
FIRST_YEAR, LAST_DATE = 2016, datetime.date(2026, 10, 31)

# --------------------------------------------------------------------------------------------- vocabulary
FIRST_NAMES = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
    "Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra "
    "Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol "
    "Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura "
    "Jeffrey Cynthia Ryan Amy Jacob Kathleen Gary Angela Nicholas Shirley Eric Brenda Jonathan Emma "
    "Stephen Anna Larry Pamela Justin Nicole Scott Samantha Brandon Katherine Benjamin Christine Samuel "
    "Helen Gregory Debra Alexander Rachel Patrick Carolyn Frank Janet Raymond Maria Jack Olivia Dennis "
    "Heather Jerry Catherine Tyler Diane Aaron Julie Jose Victoria Adam Joyce Nathan Lauren Henry Kelly "
    "Zachary Christina Douglas Joan Peter Evelyn Kyle Judith Noah Andrea Ethan Hannah Jeremy Megan Walter "
    "Cheryl Christian Jacqueline Keith Martha Roger Madison Terry Teresa Austin Gloria Sean Sara Gerald "
    "Janice Carl Ann Harold Kathryn Dylan Abigail Arthur Sophia Lawrence Frances Jordan Jean Jesse Alice"
).split()
LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
    "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams "
    "Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker "
    "Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper "
    "Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James "
    "Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez "
    "Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez "
    "Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole "
    "Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens "
    "Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker "
    "Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz "
    "Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice "
    "Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley"
).split()
STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming"
).split()
CITIES = (
    "Atlanta Boston Chicago Denver Houston Miami Phoenix Portland Seattle Dallas Detroit Austin Richmond "
    "Raleigh Tampa Omaha Tucson Albany Madison Columbus Baltimore Cleveland Memphis Nashville Sacramento "
    "Harrisburg Lansing Spokane Savannah Charleston Reno Boise Helena Dover Concord Augusta Salem Topeka "
    "Springfield Lincoln"
).split()
PAPER_NOUNS = (
    "Times Post Herald Tribune Ledger Gazette Observer Chronicle Journal Dispatch Record Courier Sentinel "
    "Review Wire Daily"
).split()

# Real agencies the documents quote most, then invented ones (state offices, foreign bodies, companies).
CORE_AGENCIES = [
    ("Cybersecurity and Infrastructure Security Agency", "CISA", "federal_agency", "US"),
    ("Federal Bureau of Investigation", "FBI", "federal_agency", "US"),
    ("Office of the Director of National Intelligence", "ODNI", "intelligence", "US"),
    ("Department of Homeland Security", "DHS", "federal_agency", "US"),
    ("National Security Agency", "NSA", "intelligence", "US"),
    ("U.S. Cyber Command", "", "military", "US"),
    ("Election Assistance Commission", "EAC", "federal_agency", "US"),
    ("Department of Justice", "DOJ", "federal_agency", "US"),
    ("Department of State", "", "federal_agency", "US"),
    ("Central Intelligence Agency", "CIA", "intelligence", "US"),
    ("National Intelligence Council", "NIC", "intelligence", "US"),
    ("Senate Intelligence Committee", "", "legislature", "US"),
    ("House Homeland Security Committee", "", "legislature", "US"),
    ("National Association of Secretaries of State", "NASS", "association", "US"),
    ("National Association of State Election Directors", "NASED", "association", "US"),
    ("White House", "", "executive_office", "US"),
    ("Global Engagement Center", "GEC", "federal_agency", "US"),
    ("Foreign Influence Task Force", "FITF", "federal_agency", "US"),
    ("Federal Election Commission", "FEC", "federal_agency", "US"),
    ("Department of Defense", "DoD", "military", "US"),
    ("National Cyber Security Centre", "NCSC", "intelligence", "GB"),
    ("Canadian Centre for Cyber Security", "", "intelligence", "CA"),
    ("Federal Office for Information Security", "BSI", "federal_agency", "DE"),
    ("European External Action Service", "EEAS", "foreign_government", None),
    ("Russian Ministry of Foreign Affairs", "", "foreign_government", "RU"),
    ("Iranian Ministry of Foreign Affairs", "", "foreign_government", "IR"),
    ("Chinese Ministry of Foreign Affairs", "", "foreign_government", "CN"),
    ("Kremlin", "", "foreign_government", "RU"),
]
AGENCY_STEMS = (
    "Election Integrity Partnership|Center for Election Innovation|Threat Analysis Group|Digital Forensic "
    "Lab|Cyber Threat Alliance|Election Security Institute|Voting Systems Council|Campaign Defense "
    "Network|Information Integrity Unit|Democracy Defense Fund|Secure Ballot Coalition|Open Vote Foundation"
).split("|")
COMPANY_WORDS = (
    "Northgate Bluewater Ironclad Sentinel Meridian Halcyon Redline Cobalt Vantage Keystone".split()
)
TITLES = [
    "Director",
    "Deputy Director",
    "Acting Director",
    "Assistant Director",
    "Secretary",
    "Acting Secretary",
    "Senior Adviser",
    "Spokesperson",
    "Press Secretary",
    "Chief of Staff",
    "Senior Official",
    "Chair",
    "Commissioner",
    "General Counsel",
    "Executive Director",
    "Chief Information Security Officer",
    "Senior Cybersecurity Adviser",
    "Election Security Lead",
    "Senior Analyst",
    "Head of Threat Intelligence",
]

# The countries quotes mention: four dominate, then a long tail.
MAIN_COUNTRIES = {"RU": 28, "US": 22, "CN": 16, "IR": 14}
TAIL_COUNTRIES = (
    "KP UA GB DE FR VE CU SY BY IL SA TR IN PK KR JP TW MX BR CA AU NL PL EE LV LT GE MD HU RS AM AZ KZ "
    "EG NG ZA KE ET QA AE IQ AF LB YE LY SD NI BO AR CL CO PE EC PH ID MY VN TH MM SG NZ SE FI NO DK IT "
    "ES PT GR RO BG CZ SK AT CH BE IE"
).split()
COUNTRY_NAMES = {
    "RU": ["Russia", "Moscow", "the Kremlin"],
    "US": ["the United States", "America", "Washington"],
    "CN": ["China", "Beijing"],
    "IR": ["Iran", "Tehran"],
    "KP": ["North Korea", "Pyongyang"],
    "GB": ["Britain", "the United Kingdom"],
}
ELECTIONS = ["midterm elections", "presidential election", "general election", "primaries", "local elections"]
ELECTION_YEARS = {2016: 3.0, 2018: 2.2, 2020: 3.2, 2022: 2.0, 2024: 3.0, 2026: 1.6}

ACTORS = [
    "{c}",
    "actors linked to {c}",
    "operatives working for {c}",
    "state media in {c}",
    "intelligence services in {c}",
    "hackers backed by {c}",
    "proxies of {c}",
    "networks tied to {c}",
]
ACTORS_NONE = ["foreign adversaries", "criminal groups", "malicious actors", "hacktivists", "unknown actors"]
THREATS = [
    "attempts to scan election infrastructure",
    "influence operations targeting voters",
    "phishing campaigns aimed at county election offices",
    "disinformation about mail-in ballots",
    "efforts to undermine confidence in the results",
    "ransomware attacks on local governments",
    "coordinated inauthentic behavior on social media",
    "probing of voter registration databases",
    "hack-and-leak operations against campaigns",
    "fake websites impersonating election officials",
    "fabricated videos of candidates",
    "covert funding of political groups",
    "cyber intrusions into campaign networks",
    "denial-of-service attacks on results websites",
]
GOALS = [
    "sow division among voters",
    "undermine trust in democratic institutions",
    "influence the outcome",
    "suppress turnout",
    "amplify false claims of fraud",
    "exploit divisions over immigration",
    "discredit the electoral process",
    "denigrate candidates they oppose",
]
TARGETS = [
    "a single vote",
    "vote counts",
    "voter registration data",
    "the tabulation of results",
    "any voting machine",
    "ballots cast in {place}",
    "the reporting of results in {place}",
]
SENTENCES_COUNTRY = [
    "We have seen {actor} {verb} {threat} ahead of the {year} {election}.",
    "{Actor} {is_trying} to {goal} in the run-up to the {election}.",
    "{Actor} remain{s} the most active threat to our elections, and {we} expect that to continue.",
    "Our assessment is that {actor} conducted {threat} intended to {goal}.",
    "{Actor} {verb} {threat}, but {we} saw no evidence that they altered {target}.",
    "{We} will not tolerate interference by {actor} in our democratic process.",
    "The activity we observed from {actor} was persistent, sophisticated and aimed at our {election}.",
]
SENTENCES_PLAIN = [
    "There is no evidence that any voting system deleted or lost votes, changed votes, or was compromised.",
    "There is no evidence that {actor_none} altered {target}.",
    "{We} will continue to share timely and actionable information with state and local officials.",
    "Election security is national security, and {we} take every threat seriously.",
    "Voters should rely on their local election officials for accurate information about the {election}.",
    "Paper ballots and post-election audits give us confidence in the integrity of the results.",
    "{We} are working around the clock with our partners to protect the {year} {election}.",
    "{We} have not seen {threat} that would prevent voting or change vote counts.",
    "Any attempt to interfere in our elections will be met with a swift response.",
    "The {election} in {place} was administered securely, and the results are accurate.",
    "{We} encourage every campaign to report suspicious activity to the FBI and to CISA.",
    "We remain firm in our commitment to defend against any threats to our democracy.",
    "{We} have identified {threat}, and we are working to mitigate them.",
    "Americans should be confident that their vote will count as cast.",
]
FRAGMENTS = [
    "a serious threat to our democracy",
    "the most secure in American history",
    "persistent and pervasive",
    "an unprecedented level of coordination",
    "no evidence of a compromise",
    "focused on the integrity of the vote",
    "a significant escalation",
    "malign foreign influence",
    "a wake-up call for election officials",
    "deeply troubling",
]
NARRATIVE = [
    "The warning comes {weeks} weeks before the {year} {election}.",
    "Officials in {place} said they had seen no disruption to voting on Tuesday.",
    "{Agency} declined to comment on specific intelligence.",
    "The statement was released late on {weekday} after a briefing for state election officials.",
    "Lawmakers from both parties have called for more funding for election security grants.",
    "Election officials in {place} have replaced older voting machines with systems that produce paper "
    "records.",
    "The assessment was shared with members of Congress in a classified briefing.",
    "Critics said the response was too slow and that more should be done before the {election}.",
    "Researchers have documented similar campaigns in previous election cycles.",
    "The agency has offered free vulnerability scans to counties that request them.",
    "Social media companies said they had removed hundreds of accounts involved in the campaign.",
    "Turnout in {place} reached a record high, according to preliminary figures.",
]
VERBS = ["conduct", "attempt", "launch", "coordinate", "fund", "amplify"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
HEADLINES = [
    "{Acronym} warns of {threat} ahead of {year} {election}",
    "Officials say {country} is trying to {goal}",
    "No evidence votes were changed, election officials say",
    "{Acronym} chief: {country} remains top election threat",
    "States brace for {threat} before the {election}",
    "Intelligence report details {country} interference effort",
    "{place} officials defend integrity of the {election}",
]


# --------------------------------------------------------------------------------------------- helpers
class WeightedChoice:
    """Deterministic weighted sampling by bisecting a cumulative table (faster than random.choices)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def __call__(self, rng):
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]

    def distinct(self, rng, count):
        chosen = []
        while len(chosen) < min(count, len(self.items)):
            item = self(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


def zipf(count, exponent=1.0):
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def _capitalize(text):
    return text[:1].upper() + text[1:]


def is_synthetic_article():
    return Q(source_file__startswith=SOURCE_PREFIX)


def real_records():
    """How many records the database holds that this module did not write, by model name."""
    counts = {"Article": Article.objects.exclude(is_synthetic_article()).count()}
    for model in (Official, Agency, Outlet):
        counts[model.__name__] = model.objects.exclude(slug__startswith=SLUG_PREFIX).count()
    return {name: count for name, count in counts.items() if count}


# --------------------------------------------------------------------------------------------- writing
class TableWriter:
    """Writes tuples into one model's table: `COPY` on PostgreSQL, `executemany` on SQLite.

    Columns the generator does not give get the field's default, so a new field with a default does not
    break generation.
    """

    def __init__(self, connection, model, names):
        self.connection, self.model = connection, model
        fields = [model._meta.get_field(name) for name in names]
        given = {f.column for f in fields}
        self.extra = [f for f in model._meta.concrete_fields if f.column not in given]
        for f in self.extra:
            if f.get_default() is None and not f.null:
                raise ValueError(f"{model.__name__}.{f.name} has no default; teach statements.synthetic it")
        self.extra_values = tuple(f.get_db_prep_save(f.get_default(), connection) for f in self.extra)
        columns = [f.column for f in fields] + [f.column for f in self.extra]
        quote = connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.columns = ", ".join(quote(c) for c in columns)
        self.placeholders = ", ".join("?" for _ in columns)
        self.rows_written = 0

    def write(self, rows):
        if not rows:
            return
        extra = self.extra_values
        if extra:
            rows = [row + extra for row in rows]
        with self.connection.cursor() as cursor:
            raw = cursor.cursor
            if self.connection.vendor == "postgresql":
                with raw.copy(f"COPY {self.table} ({self.columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                raw.executemany(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES ({self.placeholders})", rows
                )
        self.rows_written += len(rows)


def _next_id(model, using):
    last = model.objects.using(using).order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def clear(using="default"):
    """Delete every synthetic record (and nothing else); return the number of articles removed."""
    connection = connections[using]
    quote = connection.ops.quote_name
    article_t, quote_t = quote(Article._meta.db_table), quote(Quote._meta.db_table)
    synthetic_articles = f"SELECT id FROM {article_t} WHERE source_file LIKE %s"
    synthetic_quotes = f"SELECT id FROM {quote_t} WHERE article_id IN ({synthetic_articles})"  # noqa: S608
    like = [SOURCE_PREFIX + "%"]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Fresh statistics: without them (right after a load) the planner nests loops over the link
            # tables and these deletes take minutes.
            for model in (Article, Quote):
                cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")
        cursor.execute(f"SELECT count(*) FROM {article_t} WHERE source_file LIKE %s", like)  # noqa: S608
        articles = cursor.fetchone()[0]
        for field_name in ("officials", "agencies", "countries"):
            through = quote(Quote._meta.get_field(field_name).remote_field.through._meta.db_table)
            cursor.execute(f"DELETE FROM {through} WHERE quote_id IN ({synthetic_quotes})", like)  # noqa: S608
        cursor.execute(f"DELETE FROM {quote_t} WHERE article_id IN ({synthetic_articles})", like)  # noqa: S608
        for model in (OfficialTitle, ArticleCountry):
            table = quote(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE article_id IN ({synthetic_articles})", like)  # noqa: S608
        cursor.execute(f"DELETE FROM {article_t} WHERE source_file LIKE %s", like)  # noqa: S608
        for model in (Official, Agency, Outlet):
            model.objects.using(using).filter(slug__startswith=SLUG_PREFIX).delete()
    export_lines.forget_all(using)  # rows deleted without signals: the export's cached lines go too
    summaries.forget(None, using)  # and the agency pages' stored summaries
    return articles


# --------------------------------------------------------------------------------------------- the generator
@dataclass
class Stats:
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total_rows(self):
        return sum(self.rows.values())


class Generator:
    def __init__(self, quotes, seed, *, using="default", batch_size=10_000, progress=None, dry_run=False):
        if quotes < 1:
            raise ValueError("the number of quotes must be positive")
        self.quotes, self.seed, self.using = quotes, seed, using
        self.batch_size, self.progress, self.dry_run = batch_size, progress, dry_run
        self.rng = random.Random(f"synthetic-archive/{seed}")
        self.connection = connections[using]
        self.countries = dict(Country.objects.using(using).values_list("code", "id"))
        missing = [c for c in [*MAIN_COUNTRIES, *TAIL_COUNTRIES] if c not in self.countries]
        if missing:
            raise ValueError(f"countries missing from the Country table (migrate first): {missing}")
        self.country_names = dict(Country.objects.using(using).values_list("code", "name"))
        tail = zipf(len(TAIL_COUNTRIES), 1.1)
        scale = 20 / sum(tail)  # the tail together weighs 20 against the main four's 80
        self.pick_country = WeightedChoice(
            [*MAIN_COUNTRIES, *TAIL_COUNTRIES], [*MAIN_COUNTRIES.values(), *(w * scale for w in tail)]
        )
        years = list(range(FIRST_YEAR, LAST_DATE.year + 1))
        self.pick_year = WeightedChoice(years, [ELECTION_YEARS.get(y, 1.0) for y in years])

    # ------------------------------------------------------------------ people, agencies, outlets
    def _outlets(self):
        rng, names = self.rng, []
        for city, noun in itertools.product(CITIES, PAPER_NOUNS):
            names.append(f"The {city} {noun}")
        rng.shuffle(names)
        names = sorted(names[:400])
        rows = []
        for offset, name in enumerate(names):
            slug = SLUG_PREFIX + slugify(name)
            rows.append(
                (self.ids["outlet"] + offset, name, slug, slugify(name.removeprefix("The ")) + ".example")
            )
        return rows

    def _agencies(self):
        rng, specs = self.rng, list(CORE_AGENCIES)
        for state in STATES:
            specs.append((f"{state} Secretary of State's Office", "", "executive_office", "US"))
            specs.append((f"{state} State Board of Elections", "", "other", "US"))
        for code in TAIL_COUNTRIES:
            name = self.country_names[code]
            specs.append((f"Central Election Commission of {name}", "", "foreign_government", code))
            specs.append((f"Ministry of Foreign Affairs of {name}", "", "foreign_government", code))
        for stem in AGENCY_STEMS:
            specs.append((stem, "", "association", "US"))
        for state in STATES:
            specs.append((f"{state} National Guard", "", "military", "US"))
        for word in COMPANY_WORDS:
            specs.append((f"{word} Security", "", "company", "US"))
            specs.append((f"{word} Labs", "", "company", None))
        specs = specs[: len(CORE_AGENCIES)] + sorted(
            rng.sample(specs[len(CORE_AGENCIES) :], 300 - len(CORE_AGENCIES))
        )
        rows = []
        for offset, (name, acronym, kind, code) in enumerate(specs):
            slug = SLUG_PREFIX + slugify(acronym or name)
            rows.append((self.ids["agency"] + offset, name, acronym, slug, kind, self.countries.get(code)))
        return rows

    def _officials(self):
        rng, seen, rows = self.rng, set(), []
        while len(rows) < 5000:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name in seen:
                continue
            seen.add(name)
            rows.append((self.ids["official"] + len(rows), name, SLUG_PREFIX + slugify(name)))
        return rows

    # ------------------------------------------------------------------ texts
    def _country_phrase(self, codes):
        names = []
        for code in codes:
            options = COUNTRY_NAMES.get(code)
            names.append(self.rng.choice(options) if options else self.country_names[code])
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def _fill(self, template, year, place, countries=()):
        rng = self.rng
        slots = {}
        if "{actor}" in template or "{Actor}" in template:
            actor = rng.choice(ACTORS).format(c=self._country_phrase(countries))
            slots["actor"], slots["Actor"] = actor, _capitalize(actor)
        for key, options in (
            ("threat", THREATS),
            ("goal", GOALS),
            ("election", ELECTIONS),
            ("actor_none", ACTORS_NONE),
            ("verb", VERBS),
            ("weekday", WEEKDAYS),
        ):
            if "{" + key + "}" in template:
                slots[key] = rng.choice(options)
        if "{target}" in template:
            slots["target"] = rng.choice(TARGETS).replace("{place}", place)
        we = rng.choice(["we", "our teams", "federal agencies", "our partners", "state and local officials"])
        return template.format(
            year=year,
            place=place,
            we=we,
            We=_capitalize(we),
            is_trying=rng.choice(["is trying", "continues to try", "has tried", "will try"]),
            s="" if len(countries) > 1 else "s",
            weeks=rng.randint(2, 12),
            Agency=slots.pop("agency", "The agency"),
            **slots,
        )

    def _quote_text(self, countries, year, place):
        rng = self.rng
        if rng.random() < 0.12:
            fragment = rng.choice(FRAGMENTS)
            if countries:
                fragment += f" from {self._country_phrase(countries)}"
            return fragment, True
        sentences = []
        if countries:
            sentences.append(self._fill(rng.choice(SENTENCES_COUNTRY), year, place, countries))
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3]) if countries else rng.choice([1, 2, 2, 3])):
            sentences.append(self._fill(rng.choice(SENTENCES_PLAIN), year, place))
        rng.shuffle(sentences)
        return " ".join(sentences), False

    # ------------------------------------------------------------------ one article
    def _article(self, number, n_quotes, tables, ids):
        rng = self.rng
        year = self.pick_year(rng)
        last = LAST_DATE if year == LAST_DATE.year else datetime.date(year, 12, 31)
        first = datetime.date(year, 1, 1)
        published = first + datetime.timedelta(days=rng.randrange((last - first).days + 1))
        published_iso = published.isoformat()
        outlet_id, outlet_name, _, domain = self.outlets[self.pick_outlet(rng)]
        place = rng.choice(STATES)
        people = self.pick_official.distinct(rng, rng.choice([1, 1, 2, 2, 3, 3, 4, 5]))
        lead_countries = self.pick_country.distinct(rng, rng.choice([1, 1, 2]))
        headline = rng.choice(HEADLINES)
        lead_agency = self.agencies[self.official_agency[people[0]]]
        title = (
            headline.replace("{Acronym}", lead_agency[2] or lead_agency[1])
            .replace("{country}", self._country_phrase(lead_countries[:1]))
            .replace("{place}", place)
        )
        title = _capitalize(self._fill(title, year, place))
        article_id = ids["article"]
        ids["article"] += 1
        source_file = f"{SOURCE_PREFIX}{self.seed}/{number:07d}.txt"
        url = f"https://{domain}/{year}/{published.month:02d}/{slugify(title)[:60]}-{number}"
        header = (
            f"# {title}\n\nPublished at: **{published.isoformat()}**\n\nOriginal: [{outlet_name}]({url})\n\n"
        )
        parts, length = [header], len(header)
        body_start = length
        mentions = {}

        def add(text):
            nonlocal length
            parts.append(text)
            length += len(text)

        lead = self._fill(rng.choice(SENTENCES_COUNTRY), year, place, lead_countries)
        add(f"Officials warned on {rng.choice(WEEKDAYS)} that {lead[0].lower()}{lead[1:]}\n\n")
        for code in lead_countries:
            mentions[code] = mentions.get(code, 0) + 1
        titles = {}
        for quote_number in range(n_quotes):
            if rng.random() < 0.5:
                add(self._fill(rng.choice(NARRATIVE), year, place) + "\n\n")
            n_countries = rng.choice([0, 1, 1, 1, 1, 1, 1, 2, 2, 3]) if rng.random() > 0.1 else 0
            countries = self.pick_country.distinct(rng, n_countries)
            text, fragment = self._quote_text(countries, year, place)
            for code in countries:
                mentions[code] = mentions.get(code, 0) + 1
            roll = rng.random()
            official_ids = (
                []
                if roll < 0.08
                else rng.sample(people, 2)
                if roll > 0.93 and len(people) > 1
                else [rng.choice(people)]
            )
            agency_ids = list(dict.fromkeys(self.official_agency[o] for o in official_ids))
            if not official_ids:
                agency_ids = [self.pick_agency(rng)]
                speaker = f"a spokesperson for the {self.agencies[agency_ids[0]][1]}"
            else:
                speaker = " and ".join(self.officials[o][1] for o in official_ids)
            if rng.random() < 0.05:
                extra = self.pick_agency(rng)
                if extra not in agency_ids:
                    agency_ids.append(extra)
            descriptions = []
            for official_id in official_ids:
                if official_id not in titles:
                    titles[official_id] = self.official_title[official_id]
                    descriptions.append(f"{self.officials[official_id][1]}, {titles[official_id]},")
                else:
                    descriptions.append(self.officials[official_id][1].split()[-1])
            speaker_desc = " and ".join(descriptions) if descriptions else speaker
            if fragment:
                before = f"{_capitalize(speaker_desc)} described the activity as “"
                after = f"” in remarks on {rng.choice(WEEKDAYS)}.\n\n"
            elif quote_number % 2:
                before, after = f"{_capitalize(speaker_desc)} said: “", "”\n\n"
            else:
                before, after = "“", f"” {speaker_desc} said.\n\n"
            add(before)
            start = length
            add(text)
            quote_id = ids["quote"]
            ids["quote"] += 1
            tables["quote"].append(
                (quote_id, article_id, text, start, length, speaker, fragment, published_iso, year)
            )
            add(after)
            for official_id in official_ids:
                tables["quote_officials"].append((ids["quote_officials"], quote_id, official_id))
                ids["quote_officials"] += 1
            for agency_id in agency_ids:
                tables["quote_agencies"].append((ids["quote_agencies"], quote_id, agency_id))
                ids["quote_agencies"] += 1
            for code in countries:
                tables["quote_countries"].append((ids["quote_countries"], quote_id, self.countries[code]))
                ids["quote_countries"] += 1
        body = "".join(parts)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        years_mentioned = json.dumps(sorted({year, year - year % 2}))
        tables["article"].append(
            (
                article_id,
                title,
                outlet_id,
                published.isoformat(),
                "day",
                year,
                url,
                body,
                body_start,
                source_file,
                digest,
                years_mentioned,
            )
        )
        for code in sorted(mentions, key=lambda c: (-mentions[c], c)):
            tables["articlecountry"].append(
                (ids["articlecountry"], article_id, self.countries[code], mentions[code])
            )
            ids["articlecountry"] += 1
        for official_id, official_title in titles.items():
            agency_id = self.official_agency[official_id]
            tables["officialtitle"].append(
                (ids["officialtitle"], official_id, official_title, agency_id, article_id)
            )
            ids["officialtitle"] += 1
        return body

    # ------------------------------------------------------------------ the run
    def documents(self, count):
        """`count` small documents as text files would hold them: (name, text), for ingest benchmarks."""
        self._prepare(write=False)
        for number in range(count):
            tables = {name: [] for name in self.table_names}
            body = self._article(number, self.rng.randint(1, 4), tables, collections.defaultdict(int))
            yield f"synthetic-{self.seed}-{number:06d}.txt", body

    table_names = (
        "article",
        "articlecountry",
        "officialtitle",
        "quote",
        "quote_officials",
        "quote_agencies",
        "quote_countries",
    )

    def _prepare(self, write):
        self.ids = {
            "outlet": _next_id(Outlet, self.using),
            "agency": _next_id(Agency, self.using),
            "official": _next_id(Official, self.using),
        }
        outlets, agencies, officials = self._outlets(), self._agencies(), self._officials()
        self.outlets = {row[0]: row for row in outlets}
        self.agencies = {row[0]: row for row in agencies}
        self.officials = {row[0]: row for row in officials}
        rng = self.rng
        agency_ids = [row[0] for row in agencies]
        self.pick_agency = WeightedChoice(agency_ids, zipf(len(agency_ids), 1.05))
        self.pick_outlet = WeightedChoice([row[0] for row in outlets], zipf(len(outlets), 0.8))
        official_ids = [row[0] for row in officials]
        self.pick_official = WeightedChoice(official_ids, zipf(len(official_ids), 0.9))
        self.official_agency = {o: self.pick_agency(rng) for o in official_ids}
        self.official_title = {}
        for o in official_ids:
            agency = self.agencies[self.official_agency[o]]
            self.official_title[o] = f"{rng.choice(TITLES).lower()} of the {agency[1]}"
        if write:
            connection = self.connection
            TableWriter(connection, Outlet, ["id", "name", "slug", "domain"]).write(outlets)
            TableWriter(connection, Agency, ["id", "name", "acronym", "slug", "kind", "country"]).write(
                agencies
            )
            TableWriter(connection, Official, ["id", "name", "slug"]).write(officials)
        return {"outlet": len(outlets), "agency": len(agencies), "official": len(officials)}

    def run(self):
        started = time.perf_counter()
        stats = Stats()
        connection = self.connection
        if connection.vendor == "sqlite" and not self.dry_run and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous = OFF")
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB
        with transaction.atomic(using=self.using):
            stats.rows.update(self._prepare(write=not self.dry_run))
        through = {
            name: Quote._meta.get_field(name).remote_field.through
            for name in ("officials", "agencies", "countries")
        }
        writers = {
            "article": (
                Article,
                [
                    "id",
                    "title",
                    "outlet",
                    "published",
                    "published_precision",
                    "year",
                    "url",
                    "body",
                    "body_start",
                    "source_file",
                    "content_hash",
                    "years_mentioned",
                ],
            ),
            "articlecountry": (ArticleCountry, ["id", "article", "country", "mentions"]),
            "officialtitle": (OfficialTitle, ["id", "official", "title", "agency", "article"]),
            # The article's date copied onto its quotes, as statements.models' receivers do on save.
            "quote": (
                Quote,
                ["id", "article", "text", "start", "end", "speaker", "fragment", "published", "year"],
            ),
            "quote_officials": (through["officials"], ["id", "quote", "official"]),
            "quote_agencies": (through["agencies"], ["id", "quote", "agency"]),
            "quote_countries": (through["countries"], ["id", "quote", "country"]),
        }
        writers = {name: TableWriter(connection, model, names) for name, (model, names) in writers.items()}
        ids = {name: _next_id(writer.model, self.using) for name, writer in writers.items()}
        gin = [] if self.dry_run else drop_gin_indexes(self.using)
        try:
            self._batches(writers, ids, stats)
        finally:
            rebuild_indexes(gin, self.using, self.progress)
        if not self.dry_run:
            reset_sequences(self.using)
            analyze(writers.values(), self.using)
            archive_changed()  # rows written without signals: forget cached counts and facets
            summaries.forget(None, self.using)
            self._fill_export_lines()
            self._fill_agency_summaries()
        stats.seconds = time.perf_counter() - started
        return stats

    def _fill_export_lines(self):
        """PostgreSQL: the quote CSV's line of every quote, computed once here rather than by the first
        export (statements.export_lines)."""
        started = time.perf_counter()
        filled = export_lines.fill(self.using)
        if filled and self.progress:
            self.progress(f"export lines: {filled:,} in {time.perf_counter() - started:.0f}s")
        if filled and not self.connection.in_atomic_block:
            with self.connection.cursor() as cursor:
                cursor.execute(f"VACUUM ANALYZE {export_lines.TABLE}")

    def _fill_agency_summaries(self):
        """Each agency page's counts, facets and titles (statements.summaries), computed once here rather
        than by each agency's first visitor, as a bulk writer that touched every agency."""
        from statements.views import agency_summary

        started = time.perf_counter()
        agencies = list(Agency.objects.using(self.using).order_by("pk"))
        for number, agency in enumerate(agencies, 1):
            summaries.for_agency(agency, lambda agency=agency: agency_summary(agency), self.using)
            if self.progress and (number % 100 == 0 or number == len(agencies)):
                self.progress(f"agency summaries: {number:,}/{len(agencies):,}")
        if agencies and self.progress:
            self.progress(f"agency summaries: {len(agencies):,} in {time.perf_counter() - started:.0f}s")

    def _batches(self, writers, ids, stats):
        remaining, number, batch_number = self.quotes, 0, 0
        batches = -(-self.quotes // self.batch_size)
        while remaining:
            batch_started = time.perf_counter()
            tables = {name: [] for name in writers}
            in_batch = min(self.batch_size, remaining)
            while in_batch:
                n_quotes = min(in_batch, 1 + int(self.rng.triangular(0, 2 * QUOTES_PER_ARTICLE - 1, 9)))
                self._article(number, n_quotes, tables, ids)
                number += 1
                in_batch -= n_quotes
                remaining -= n_quotes
            if not self.dry_run:
                with transaction.atomic(using=self.using):
                    for name, writer in writers.items():
                        writer.write(tables[name])
            batch_number += 1
            rows = sum(len(rows) for rows in tables.values())
            for name, table_rows in tables.items():
                stats.rows[name] = stats.rows.get(name, 0) + len(table_rows)
            if self.progress:
                elapsed = time.perf_counter() - batch_started
                self.progress(
                    f"batch {batch_number}/{batches}: {len(tables['article']):,} articles, "
                    f"{len(tables['quote']):,} quotes, {rows:,} rows in {elapsed:.1f}s "
                    f"({rows / elapsed:,.0f} rows/s); {self.quotes - remaining:,}/{self.quotes:,} quotes"
                )


def analyze(writers, using="default"):
    """PostgreSQL: planner statistics for the tables just filled (inside a transaction too), without which
    it nests loops over tables it believes empty."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for writer in writers:
                cursor.execute(f"ANALYZE {writer.table}")


def drop_gin_indexes(using="default"):
    """PostgreSQL: drop the archive's GIN (full-text) indexes before a bulk load and return their
    definitions: one build at the end is much faster than maintaining them row by row."""
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        # Inside a transaction (tests) the index could not be rebuilt over rows with pending FK checks.
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename LIKE 'statements%%' AND indexdef LIKE '%% USING gin %%' ORDER BY indexname"
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [definition for _, definition in indexes]


def rebuild_indexes(definitions, using="default", progress=None):
    connection = connections[using]
    for definition in definitions:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(definition)
        if progress:
            progress(f"rebuilt in {time.perf_counter() - started:.0f}s: {definition}")


def reset_sequences(using="default"):
    connection = connections[using]
    models = [Outlet, Agency, Official, Article, ArticleCountry, OfficialTitle, Quote]
    models += [Quote._meta.get_field(n).remote_field.through for n in ("officials", "agencies", "countries")]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def generate(quotes, seed, **options):
    """Write a synthetic archive of `quotes` quotes; return Stats (rows per table, seconds)."""
    return Generator(quotes, seed, **options).run()
