"""From extracted documents to archive records: the one loader behind `build_fixtures` and `ingest`.

`ArchiveBuilder` is pure: it takes extraction output (plain data, see statements.extraction), applies
curation, merges people, agencies and outlets across documents (and with those already in the
database, when it is seeded with them) and yields Django fixture records keyed by natural keys.
`build_fixtures` writes those records to a JSON file; `ingest` deserializes them into the database.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.utils.text import slugify

from statements.extraction import canonical_name, names_match, shown_speaker
from statements.extraction.people import Speaker

AGENCY_KINDS = {
    "federal agency": "federal_agency",
    "military": "military",
    "intelligence": "intelligence",
    "legislature": "legislature",
    "executive office": "executive_office",
    "association": "association",
    "company": "company",
    "foreign government": "foreign_government",
    "other": "other",
}

CURATED_DOCUMENT_FIELDS = ("title", "published", "outlet", "url")


def redescribed(quote):
    """A description's speaker phrase ("the coalition (NASED)") naming the bodies a curation gave it."""
    phrase = re.sub(r"\s+\([^()]*(?:\([^()]*\)[^()]*)*\)$", "", quote.get("speaker") or "")
    speaker = Speaker(
        phrase or None, list(quote.get("speaker_officials", [])), list(quote["speaker_agencies"])
    )
    return shown_speaker(speaker)


class CurationError(ValueError):
    """The curation file asks for something the documents cannot give."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def domain_of(url):
    host = urlparse(url or "").hostname or ""
    return host.removeprefix("www.")


@dataclass
class PersonEntry:
    names: list
    slug: str

    @property
    def name(self):
        return canonical_name(self.names)


@dataclass
class ArchiveBuilder:
    """Collects documents and produces fixture records; seed it with what the database already holds."""

    curation: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    agencies: dict = field(default_factory=dict)  # slug -> record fields
    agency_keys: dict = field(default_factory=dict)  # lowercased name / acronym -> slug
    outlets: dict = field(default_factory=dict)  # slug -> record fields
    documents: list = field(default_factory=list)

    # --- seeding from the database -------------------------------------------------------------
    def know_official(self, name, slug):
        self.people.append(PersonEntry(names=[name], slug=slug))

    def know_agency(self, name, acronym, slug, kind, country):
        self.agencies[slug] = {"name": name, "acronym": acronym, "kind": kind, "country": country}
        for key in (name, acronym):
            if key:
                self.agency_keys.setdefault(key.lower(), slug)

    def know_outlet(self, name, slug, domain):
        self.outlets[slug] = {"name": name, "domain": domain}

    # --- adding documents ----------------------------------------------------------------------
    def add(self, extraction, body, digest):
        """Add one document's extraction (the dict of `extract_document`) with its text and hash."""
        doc = self.apply_curation(dict(extraction))
        doc["body"] = body
        doc["content_hash"] = digest
        doc["agency_slugs"] = {}
        for agency in doc.get("agencies", []):
            slug = self.register_agency(agency)
            for key in (agency.get("name"), agency.get("acronym"), *agency.get("surface", [])):
                if key:
                    doc["agency_slugs"][key.lower()] = slug
        doc["official_slugs"] = {}
        for official in doc.get("officials", []):
            slug = self.register_person(official["name"])
            for key in (official["name"], *official.get("aliases", [])):
                doc["official_slugs"][key.lower()] = slug
        for quote in doc["quotes"]:
            for name in quote.get("speaker_officials", []):
                if name.lower() not in doc["official_slugs"]:
                    doc["official_slugs"][name.lower()] = self.register_person(name)
            for key in quote.get("speaker_agencies", []):
                self.agency_slug(doc, key)
        doc["outlet_slug"] = self.register_outlet(doc.get("outlet"), doc.get("url"), doc.get("outlet_domain"))
        self.documents.append(doc)

    def apply_curation(self, doc):
        cure = self.curation.get("documents", {}).get(doc["document"], {})
        notes = {}
        for name in CURATED_DOCUMENT_FIELDS:
            if name in cure:
                entry = cure[name]
                doc[name] = entry["value"]
                notes[name] = entry["why"]
                if name == "published":
                    doc["published_precision"] = entry.get("precision", "day")
                if name == "outlet" and entry.get("domain"):
                    doc["outlet_domain"] = entry["domain"]
        doc["notes"] = notes
        quotes = {quote["start"]: dict(quote) for quote in doc.get("quotes", [])}
        for correction in cure.get("quotes", []):
            start = correction["start"]
            if correction.get("drop"):
                if quotes.pop(start, None) is None:
                    raise CurationError(f"{doc['document']}: no quote at {start} to drop")
                continue
            if start not in quotes:
                if "text" not in correction:
                    raise CurationError(f"{doc['document']}: no quote at {start} to correct")
                quotes[start] = {"speaker_officials": [], "speaker_agencies": [], "countries": []}
            quotes[start].update({k: v for k, v in correction.items() if k != "why"})
            if "speaker_agencies" in correction and "speaker" not in correction:
                quotes[start]["speaker"] = redescribed(quotes[start])
        doc["quotes"] = [quotes[start] for start in sorted(quotes)]
        for key in ("officials", "agencies"):
            extra = cure.get(f"add_{key}", [])
            if extra:
                doc[key] = [*doc.get(key, []), *extra]
        return doc

    def register_person(self, name):
        for person in self.people:
            if any(names_match(name, known) for known in person.names):
                if name not in person.names:
                    person.names.append(name)
                return person.slug
        slug = self.unique_slug(slugify(name), {p.slug for p in self.people})
        self.people.append(PersonEntry(names=[name], slug=slug))
        return slug

    def register_agency(self, agency):
        for key in (agency.get("acronym"), agency.get("name")):
            if key and key.lower() in self.agency_keys:
                return self.agency_keys[key.lower()]
        slug = self.unique_slug(slugify(agency["name"]), set(self.agencies))
        self.know_agency(
            agency["name"],
            agency.get("acronym") or "",
            slug,
            AGENCY_KINDS.get(agency.get("kind") or "other", "other"),
            agency.get("country"),
        )
        return slug

    def register_outlet(self, name, url, domain=None):
        if not name:
            return None
        slug = slugify(name)
        known = self.outlets.get(slug)
        domain = domain or domain_of(url)
        if known is None:
            self.know_outlet(name, slug, domain)
        elif domain and not known["domain"]:
            known["domain"] = domain
        return slug

    @staticmethod
    def unique_slug(base, taken):
        base = base or "unnamed"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    # --- output --------------------------------------------------------------------------------
    def records(self):
        """Fixture records for every added document and what they refer to, in a stable order."""
        out = []
        used_outlets = sorted({d["outlet_slug"] for d in self.documents if d["outlet_slug"]})
        for slug in used_outlets:
            outlet = self.outlets[slug]
            out.append(record("outlet", slug=slug, name=outlet["name"], domain=outlet["domain"] or ""))
        used_agencies = sorted({slug for d in self.documents for slug in d["agency_slugs"].values()})
        for slug in used_agencies:
            agency = self.agencies[slug]
            out.append(
                record(
                    "agency",
                    slug=slug,
                    name=agency["name"],
                    acronym=agency["acronym"] or "",
                    kind=agency["kind"],
                    country=[agency["country"]] if agency["country"] else None,
                )
            )
        used_people = sorted({slug for d in self.documents for slug in d["official_slugs"].values()})
        by_slug = {person.slug: person for person in self.people}
        for slug in used_people:
            out.append(record("official", slug=slug, name=by_slug[slug].name))
        documents = sorted(self.documents, key=lambda d: d["document"])
        for doc in documents:
            out.extend(self.article_records(doc))
        return out

    def article_records(self, doc):
        name = doc["document"]
        published, precision = parse_published(doc.get("published"), doc.get("published_precision"))
        yield record(
            "article",
            source_file=name,
            title=doc.get("title") or "",
            outlet=[doc["outlet_slug"]] if doc["outlet_slug"] else None,
            outlet_note=doc["notes"].get("outlet", ""),
            published=published,
            published_precision=precision,
            published_note=doc["notes"].get("published", ""),
            year=int(published[:4]) if published else None,
            url=doc.get("url") or "",
            body=doc["body"],
            body_start=doc.get("body_start", 0),
            boilerplate=doc.get("boilerplate", []),
            content_hash=doc["content_hash"],
            years_mentioned=sorted(doc.get("years", [])),
            officials=sorted([slug] for slug in set(doc["official_slugs"].values())),
            agencies=sorted([slug] for slug in set(doc["agency_slugs"].values())),
        )
        mentions = doc.get("country_mentions") or {code: 1 for code in doc.get("countries", [])}
        for code in sorted(mentions):
            yield record("articlecountry", article=[name], country=[code], mentions=max(1, mentions[code]))
        titles = set()
        for official in doc.get("officials", []):
            slug = doc["official_slugs"][official["name"].lower()]
            roles = official.get("roles") or [
                {"title": title, "agency": official.get("agency")} for title in official.get("titles", [])
            ]
            for role in roles:
                if (slug, role["title"]) in titles:
                    continue
                titles.add((slug, role["title"]))
                agency = self.agency_slug(doc, role.get("agency"))
                yield record(
                    "officialtitle",
                    official=[slug],
                    title=role["title"],
                    agency=[agency] if agency else None,
                    article=[name],
                )
        for quote in doc.get("quotes", []):
            if doc["body"][quote["start"] : quote["end"]] != quote["text"]:
                raise CurationError(f"{name}: quote at {quote['start']} does not match the text")
            yield record(
                "quote",
                article=[name],
                start=quote["start"],
                end=quote["end"],
                text=quote["text"],
                speaker=quote.get("speaker") or "",
                fragment=bool(quote.get("fragment")),
                officials=sorted(
                    [slug]
                    for slug in {self.official_slug(doc, n) for n in quote.get("speaker_officials", [])}
                ),
                agencies=sorted(
                    [slug]
                    for slug in {self.agency_slug(doc, a) for a in quote.get("speaker_agencies", [])}
                    if slug
                ),
                countries=sorted([code] for code in set(quote.get("countries", []))),
            )

    def official_slug(self, doc, name):
        return doc["official_slugs"][name.lower()]

    def agency_slug(self, doc, key):
        if not key:
            return None
        slug = doc["agency_slugs"].get(key.lower()) or self.agency_keys.get(key.lower())
        if slug is None:
            raise CurationError(f"{doc['document']}: agency {key!r} is not among the document's agencies")
        return slug


def record(model, **fields):
    return {"model": f"statements.{model}", "fields": fields}


def parse_published(value, precision):
    """A stated date ('2019-11-06', '2019-11', '2019') as an ISO date and its precision."""
    if not value:
        return None, ""
    parts = str(value).split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    day = int(parts[2][:2]) if len(parts) > 2 else 1
    precision = precision or {1: "year", 2: "month"}.get(len(parts), "day")
    return datetime.date(year, month, day).isoformat(), precision
