"""Writes researchers make from the admin: anchoring a quote in its text, merging duplicate records.

Each service is atomic and records history: one historical row per record it changes, attributed to
`user` and carrying a reason that names the operation.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from statements.history import recording
from statements.models import Agency, Official


def anchor_quote(body, text, near=None):
    """(start, end) of `text` in `body`: the occurrence nearest `near` (the first one without it).

    Raises ValidationError when the text does not occur in the body.
    """
    if not text:
        raise ValidationError("A quote needs its text.")
    starts, found = [], body.find(text)
    while found != -1:
        starts.append(found)
        found = body.find(text, found + 1)
    if not starts:
        raise ValidationError(
            "This text does not occur in the article's text: a quote must be copied exactly as printed "
            "(same spelling, punctuation and quotation marks), without the surrounding quotation marks."
        )
    start = starts[0] if near is None else min(starts, key=lambda s: (abs(s - near), s))
    return start, start + len(text)


def _merge_reason(kind, others, keep):
    names = ", ".join(f"“{other}” (#{other.pk})" for other in others)
    return f"merge of {kind} {names} into “{keep}” (#{keep.pk})"[:100]


@transaction.atomic
def merge_officials(keep, others, *, user=None):
    """Move the quotes, titles and article mentions of `others` to `keep`, then delete `others`."""
    others = [other for other in others if other.pk != keep.pk]
    reason = _merge_reason("officials", others, keep)
    for other in others:
        _move_m2m(other, keep, "quotes", "officials", reason, user)
        _move_m2m(other, keep, "articles", "officials", reason, user)
        kept_titles = set(keep.titles.values_list("title", "article_id"))
        for title in other.titles.all():
            if (title.title, title.article_id) in kept_titles:
                _delete(title, reason, user)
            else:
                with recording(title, reason=reason, user=user):
                    title.official = keep
                    title.save()
        _delete(other, reason, user)
    return keep


@transaction.atomic
def merge_agencies(keep, others, *, user=None):
    """Move the quotes, titles and article mentions of `others` to `keep`, then delete `others`."""
    others = [other for other in others if other.pk != keep.pk]
    reason = _merge_reason("agencies", others, keep)
    for other in others:
        _move_m2m(other, keep, "quotes", "agencies", reason, user)
        _move_m2m(other, keep, "articles", "agencies", reason, user)
        for title in other.official_titles.all():
            with recording(title, reason=reason, user=user):
                title.agency = keep
                title.save()
        _delete(other, reason, user)
    return keep


MERGERS = {Official: merge_officials, Agency: merge_agencies}


def _move_m2m(other, keep, related_name, field_name, reason, user):
    """Each record that refers to `other` through `field_name` refers to `keep` instead (one history row)."""
    for record in getattr(other, related_name).all():
        with recording(record, reason=reason, user=user):
            values = getattr(record, field_name)
            values.remove(other)
            values.add(keep)


def _delete(instance, reason, user):
    instance._change_reason = reason
    if user is not None:
        instance._history_user = user
    instance.delete()
