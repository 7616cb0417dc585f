"""An agency page's counts, facets and titles, stored per agency: a cache that outlives the process and
the archive's version, forgotten agency by agency by the writes that change it (both databases).

An agency page counts its quotes, groups them four ways (year, country, official, outlet) and lists the
officials titled at the agency: 20 to 150 ms at a million quotes, and in the versioned cache
(`statements.querysets.cached`) paid again by every first visit after any write to the archive. Here a
summary stays until a write touches its agency:

- a quote's agencies changed (from either side of the link): those agencies; a quote saved or deleted,
  or its officials or countries changed: that quote's agencies; an article saved or deleted: the agencies
  of its quotes; a title saved or deleted: its agency, and the one it had before;
- an agency saved: its own summary; an official, outlet or country saved or deleted (their names label
  the facets and titles), `flush` or migrations: every summary;
- bulk writers, which send no signals, say what they wrote: ingest the agencies of its quotes and titles
  (`forget(ids)`), the synthetic generator everything (`forget()`).

A summary must not be stored from a snapshot older than a write that forgot it. Forgetting runs when the
write commits (as well as at once, for the write's own transaction), and first advances the epoch, then
deletes; storing locks the epoch row and stores only under the epoch it read before computing. Either the
store waits for the forgetting (and finds a new epoch) or the forgetting waits for the store (and deletes
what it stored).

Plain tables (migration 0010), not models: a cache, not records, that dumpdata, fixtures, the admin and
history never see. Writes that bypass signals (`QuerySet.update()`, raw SQL) must call `forget()`.
"""

import json

from django.db import DatabaseError, connections, transaction
from django.db.models.expressions import RawSQL
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save

TABLE = "statements_agencysummary"
STATE_TABLE = "statements_summarystate"


# ------------------------------------------------------------------------------------------ reading
def with_stored(agencies):
    """`agencies` (a queryset) annotated with their stored summary and the current epoch: read with the
    agency itself, in its query."""
    return agencies.annotate(
        stored_summary=RawSQL(
            f"SELECT s.summary FROM {TABLE} s WHERE s.agency_id = {agencies.model._meta.db_table}.id",  # noqa: S608
            [],
        ),
        summary_epoch=RawSQL(f"SELECT epoch FROM {STATE_TABLE} WHERE id = 1", []),  # noqa: S608
    )


def for_agency(agency, compute, using="default"):
    """The stored summary of `agency` (a JSON-able dict), or `compute()`'s, stored for the next visit.
    `agency` may come from `with_stored`, which saves a query."""
    if hasattr(agency, "stored_summary"):
        text, seen = agency.stored_summary, agency.summary_epoch
    else:
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT summary FROM {TABLE} WHERE agency_id = %s), "  # noqa: S608
                f"(SELECT epoch FROM {STATE_TABLE} WHERE id = 1)",
                [agency.pk],
            )
            text, seen = cursor.fetchone()
    if text is not None:
        return json.loads(text)
    summary = compute()
    if seen is not None:
        _store(agency.pk, json.dumps(summary), seen, using)
    return summary


def _store(agency_id, text, seen, using):
    """One statement: stored only if the epoch is still `seen`, read under a row lock (PostgreSQL), so
    that a forgetting in flight is waited for."""
    connection = connections[using]
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    statement = (
        f"INSERT INTO {TABLE} (agency_id, summary) SELECT %s, %s "  # noqa: S608
        f"WHERE (SELECT epoch FROM {STATE_TABLE} WHERE id = 1{lock}) = %s "
        "ON CONFLICT (agency_id) DO NOTHING"
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, [agency_id, text, seen])
    except DatabaseError:
        if connection.in_atomic_block:
            raise
        # A cache: a store that loses to a busy database (SQLite's lock) is computed again next time.


# ------------------------------------------------------------------------------------------ forgetting
def forget(agency_ids=None, using="default"):
    """Forget the summaries of `agency_ids` (all of them when None): at once, in the writing transaction
    (its own reads see no stale summary), and again when it commits, with the epoch advanced first."""
    ids = None if agency_ids is None else sorted({i for i in agency_ids if i is not None})
    if ids == []:
        return
    with connections[using].cursor() as cursor:
        _delete(cursor, ids)
    transaction.on_commit(lambda: _forget_committed(ids, using), using=using)


def _forget_committed(ids, using):
    # Its own short transaction, holding no lock of the write's: the epoch row cannot deadlock writers.
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(f"UPDATE {STATE_TABLE} SET epoch = epoch + 1 WHERE id = 1")  # noqa: S608
        _delete(cursor, ids)


def _delete(cursor, ids):
    if ids is None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        return
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE agency_id IN ({', '.join(['%s'] * len(part))})",  # noqa: S608
            part,
        )


def _agencies_of_quotes(quote_ids, using):
    from statements.models import Quote

    return (
        Quote.agencies.through.objects.using(using)
        .filter(quote_id__in=quote_ids)
        .values_list("agency_id", flat=True)
    )


def quote_changed(sender, instance, using, **kwargs):
    forget(list(_agencies_of_quotes([instance.pk], using)), using)


def article_changed(sender, instance, using, **kwargs):
    from statements.models import Quote

    quotes = Quote.objects.using(using).filter(article_id=instance.pk).values("pk")
    forget(list(_agencies_of_quotes(quotes, using)), using)


def agency_links_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """Quote.agencies: from the quote's side the agencies added or removed (before a clear, all of the
    quote's); from the agency's side, that agency."""
    if reverse:
        if action in ("post_add", "post_remove", "pre_clear"):
            forget([instance.pk], using)
    elif action in ("post_add", "post_remove") and pk_set:
        forget(pk_set, using)
    elif action == "pre_clear":
        forget(list(_agencies_of_quotes([instance.pk], using)), using)


def other_links_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """Quote.officials and Quote.countries: the agencies of the quotes whose links changed."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            forget(list(_agencies_of_quotes([instance.pk], using)), using)
    elif action in ("post_add", "post_remove") and pk_set:
        forget(list(_agencies_of_quotes(sorted(pk_set), using)), using)
    elif action == "pre_clear":
        forget(None, using)


def title_before_save(sender, instance, using, raw=False, **kwargs):
    if instance.pk is not None:
        before = sender.objects.using(using).filter(pk=instance.pk).values_list("agency_id", flat=True)
        forget(list(before), using)


def title_changed(sender, instance, using, **kwargs):
    forget([instance.agency_id], using)


def agency_saved(sender, instance, using, **kwargs):
    forget([instance.pk], using)


def names_changed(sender, using, **kwargs):
    forget(None, using)


def migrated(sender, using="default", plan=None, **kwargs):
    """`flush` (no plan: ids may start again from 1) or migrations applied: every summary may be wrong."""
    if sender.label != "statements" or not (plan is None or plan):
        return
    with connections[using].cursor() as cursor:
        if TABLE in connections[using].introspection.table_names(cursor):
            _forget_committed(None, using)


def _connect():
    uid = "statements.summaries"
    post_migrate.connect(migrated, dispatch_uid=f"{uid}.migrated")
    post_save.connect(quote_changed, sender="statements.Quote", dispatch_uid=f"{uid}.quote.saved")
    pre_delete.connect(quote_changed, sender="statements.Quote", dispatch_uid=f"{uid}.quote.deleted")
    post_save.connect(article_changed, sender="statements.Article", dispatch_uid=f"{uid}.article.saved")
    pre_delete.connect(article_changed, sender="statements.Article", dispatch_uid=f"{uid}.article.deleted")
    m2m_changed.connect(
        agency_links_changed, sender="statements.Quote_agencies", dispatch_uid=f"{uid}.agencies"
    )
    for name in ("officials", "countries"):
        m2m_changed.connect(
            other_links_changed, sender=f"statements.Quote_{name}", dispatch_uid=f"{uid}.{name}"
        )
    pre_save.connect(title_before_save, sender="statements.OfficialTitle", dispatch_uid=f"{uid}.title.pre")
    for signal in (post_save, post_delete):
        signal.connect(title_changed, sender="statements.OfficialTitle", dispatch_uid=f"{uid}.title.{signal}")
    post_save.connect(agency_saved, sender="statements.Agency", dispatch_uid=f"{uid}.agency")
    post_delete.connect(agency_saved, sender="statements.Agency", dispatch_uid=f"{uid}.agency.deleted")
    for model in ("Official", "Outlet", "Country"):
        for signal in (post_save, post_delete):
            signal.connect(
                names_changed, sender=f"statements.{model}", dispatch_uid=f"{uid}.{model}.{signal}"
            )


_connect()
