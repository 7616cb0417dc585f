"""Rendering an archive's texts: quotes marked in their article, search words marked, citations.

Everything taken from a record is escaped here; only the markup these functions add is trusted.
"""

import re
from datetime import date

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from statements.search import highlight_pattern

register = template.Library()


@register.filter
def highlight(text, query):
    """`text` escaped, with the words a search for `query` matched in <mark>."""
    pattern = highlight_pattern(query)
    if pattern is None:
        return conditional_escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(conditional_escape(text[last : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    pieces.append(conditional_escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def _paragraph_bounds(body, start, end, floor=0):
    """The paragraph (text between line breaks) holding body[start:end]."""
    left = body.rfind("\n", floor, start)
    right = body.find("\n", end)
    return (left + 1 if left >= 0 else floor), (right if right >= 0 else len(body))


@register.simple_tag
def quote_in_context(quote):
    """The paragraph around a quote, the quote in <mark>."""
    body = quote.article.body
    left, right = _paragraph_bounds(body, quote.start, quote.end, quote.article.body_start)
    return format_html(
        "{}<mark class='this-quote'>{}</mark>{}",
        body[left : quote.start].lstrip(),
        body[quote.start : quote.end],
        body[quote.end : right].rstrip(),
    )


@register.simple_tag
def article_text(article, quotes):
    """The article's prose as paragraphs, each quote marked and linked to its page (id quote-<pk>),
    captions, promotions and bios (article.boilerplate) in a dimmed span."""
    body, offset = article.body, article.body_start
    spans = [(q.start, q.end, "quote", q) for q in quotes if q.start >= offset]
    spans += [(s, e, "boilerplate", None) for s, e in _boilerplate(article) if e > offset]
    cuts = {offset, len(body)}
    for start, end, _, _ in spans:
        cuts.update((max(start, offset), min(end, len(body))))
    cuts.update(offset + m.start() for m in re.finditer(r"\n", body[offset:]))
    cuts.update(offset + m.end() for m in re.finditer(r"\n", body[offset:]))
    points = sorted(cuts)

    paragraphs, current = [], []
    for start, end in zip(points, points[1:], strict=False):
        piece = body[start:end]
        if "\n" in piece:
            if current:
                paragraphs.append(current)
            current = []
            continue
        quote = next((s[3] for s in spans if s[2] == "quote" and s[0] <= start and end <= s[1]), None)
        dimmed = any(s[2] == "boilerplate" and s[0] <= start and end <= s[1] for s in spans)
        if quote is not None:
            html = format_html(
                '<a class="quote-mark" id="quote-{}" href="{}"><mark>{}</mark></a>',
                quote.pk,
                quote.get_absolute_url(),
                piece,
            )
        else:
            html = conditional_escape(piece)
        if dimmed:
            html = format_html('<span class="boilerplate" title="Caption, promotion or bio">{}</span>', html)
        current.append(html)
    if current:
        paragraphs.append(current)
    rendered = [
        format_html("<p>{}</p>", mark_safe("".join(parts).strip()))  # noqa: S308 - parts escaped above
        for parts in paragraphs
        if "".join(parts).strip()
    ]
    return mark_safe("\n".join(rendered))  # noqa: S308


def _boilerplate(article):
    spans = []
    for span in article.boilerplate or []:
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue  # a malformed span is shown as ordinary text rather than breaking the page
        if 0 <= start < end:
            spans.append((start, end))
    return spans


def _speaker(quote, speakers=None):
    names = [official.name for official, _ in speakers] if speakers else []
    return " and ".join(names) if names else capfirst(quote.speaker or "unattributed")


def _shown_date(article, day_format):
    """An article's date shown to the precision it is known to (a year, a month or a day)."""
    shown = {"year": "Y", "month": "F Y"}.get(article.published_precision, day_format)
    return date_filter(article.published, shown)


def _date_text(article):
    return _shown_date(article, "F j, Y") if article.published else "n.d."


@register.simple_tag
def citation_text(quote, permalink, speakers=None):
    """A plain-text citation, in the spirit of the Chicago style for quotations reported by the press."""
    article = quote.article
    parts = [
        f"{_speaker(quote, speakers)}, quoted in “{article}”",
        article.outlet.name if article.outlet else None,
        _date_text(article),
    ]
    text = ", ".join(p for p in parts if p) + "."
    if article.url:
        text += f" {article.url}."
    text += f" Election Security Statements Archive, quote {quote.pk}, {permalink}"
    text += f" (accessed {date.today().isoformat()})."  # noqa: DTZ011 - a reader's calendar date
    return text


def _bibtex_escape(text):
    return re.sub(r"([{}\\%&#$_])", r"\\\1", text)


@register.simple_tag
def citation_bibtex(quote, permalink, speakers=None):
    article = quote.article
    words = quote.text if len(quote.text) <= 120 else quote.text[:117] + "…"
    fields = [
        ("author", "{" + _bibtex_escape(_speaker(quote, speakers)) + "}"),
        ("title", "{“" + _bibtex_escape(words) + "”}"),
        (
            "howpublished",
            "Quoted in “"
            + _bibtex_escape(str(article))
            + "”"
            + (", " + _bibtex_escape(article.outlet.name) if article.outlet else ""),
        ),
        ("year", str(article.published.year) if article.published else ""),
        (
            "month",
            article.published.strftime("%b").lower()
            if article.published and article.published_precision != "year"
            else "",
        ),
        ("url", permalink),
        (
            "note",
            "Election Security Statements Archive, quote "
            + str(quote.pk)
            + ("; original article: \\url{" + article.url + "}" if article.url else ""),
        ),
        ("urldate", date.today().isoformat()),  # noqa: DTZ011
    ]
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
        if value
    )
    return f"@misc{{archive-quote-{quote.pk},\n{body}\n}}"


@register.simple_tag(takes_context=True)
def url_with(context, **changes):
    """The current page's query string with `changes` applied and the page number dropped."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    query = params.urlencode()
    return f"?{query}" if query else "?"


def _links(records, label=str):
    return format_html_join(", ", '<a href="{}">{}</a>', ((r.get_absolute_url(), label(r)) for r in records))


@register.simple_tag(name="article_date")
def date_html(article):
    """`{% article_date article %}`: an article's date in a <time>, or "date unknown"."""
    if not article.published:
        return "date unknown"
    return format_html(
        '<time datetime="{}">{}</time>',
        date_filter(article.published, "Y-m-d"),
        _shown_date(article, "N j, Y"),
    )


@register.simple_tag(takes_context=True)
def quote_item(context, quote):
    """A quote as a list item: its words, who said it, where and when, the countries it mentions.

    Built here rather than in an included template: a list renders tens of them, and the template
    version cost about 0.9 ms each, most of a warm page's time. The search words of the page
    (`searching`) are marked.
    """
    terms = context.get("searching") or ""
    url = quote.get_absolute_url()
    officials, agencies, countries = quote.officials.all(), quote.agencies.all(), quote.countries.all()
    if officials:
        speaker = _links(officials)
        if quote.speaker:
            speaker = format_html(
                '{} <span class="meta">({})</span>', speaker, highlight(quote.speaker, terms)
            )
    else:
        speaker = highlight(quote.speaker or "unattributed", terms)
    if agencies:
        speaker = format_html("{} · {}", speaker, _links(agencies, lambda a: a.acronym or a.name))
    article = quote.article
    if article.outlet:
        outlet = format_html('<a href="{}">{}</a>', article.outlet.get_absolute_url(), article.outlet)
    else:
        outlet = "outlet unknown"
    mentions = format_html("· mentions {}", _links(countries)) if countries else ""
    fragment = mark_safe(' · <span class="tag">fragment</span>') if quote.fragment else ""
    return format_html(
        '<li class="quote-item">\n'
        '  <blockquote cite="{}"><p><a href="{}">{}</a></p></blockquote>\n'
        '  <p class="speaker">— {}</p>\n'
        '  <p class="meta">in <a href="{}#quote-{}">{}</a>,\n    {},\n    {}\n    {}{}</p>\n'
        "</li>",
        url,
        url,
        highlight(quote.text, terms),
        speaker,
        article.get_absolute_url(),
        quote.pk,
        article,
        outlet,
        date_html(article),
        mentions,
        fragment,
    )
