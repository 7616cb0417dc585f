"""Closing django-simple-history's documented gaps, so that every change to the archive is recorded.

django-simple-history records a historical row on each ordinary save and delete, and on each
many-to-many change of the fields named in `HistoricalRecords(m2m_fields=...)`. It skips on purpose:

- raw saves, which `loaddata` and `serializers.deserialize(...).save()` (so `ingest`) make;
- bulk operations (`bulk_create`, `QuerySet.update`), which send no signals.

`recording_raw_saves(reason)` closes the first gap: inside it, every raw save of a historied model is
collected, and when the block ends (inside the caller's transaction) each collected record gets one
historical row holding its final fields and many-to-many values, with the block's change reason.
Records whose fields and many-to-many values equal their latest historical row get none, so loading
the same fixture twice adds nothing to the history either. Code of this project makes no bulk writes
to historied models; services that change many records (statements.services) save each one.

`recording(instance, reason=..., user=...)` groups several changes of one record (fields, then its
many-to-many fields) into one historical row, as the admin and the merge service do.

Anything recorded while `change_reason(reason)` is active, deletions included, carries that reason
unless the change gives its own.
"""

import contextlib
import contextvars

from django.db import connection
from django.db.models.signals import post_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

_trackers = {}
_reason = contextvars.ContextVar("history_change_reason", default=None)
_raw_saves = contextvars.ContextVar("history_raw_saves", default=None)
_HISTORY_LOADED = "historical rows were loaded"


class ArchiveHistory(HistoricalRecords):
    """HistoricalRecords that remembers which model it tracks, so this module can record rows itself."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            _trackers[sender] = self


def is_historied(model):
    return model in _trackers


def history_of(model):
    """The ArchiveHistory of `model` (what creates its historical rows)."""
    return _trackers[model]


@contextlib.contextmanager
def change_reason(reason):
    """Give `reason` to every historical row created inside the block that has none of its own."""
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


@receiver(pre_create_historical_record)
def fill_in_change_reason(sender, history_instance, **kwargs):
    reason = _reason.get()
    if reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = reason[:100]


@contextlib.contextmanager
def recording_raw_saves(reason, user=None):
    """Record the raw saves made inside the block (loaddata, deserialize().save()) with `reason`.

    Re-entrant: an inner block inside an outer one records nothing of its own; the outer one records all.
    """
    if _raw_saves.get() is not None:
        yield
        return
    collected = {}
    token = _raw_saves.set(collected)
    try:
        with change_reason(reason):
            yield
            if connection.needs_rollback:
                return  # the block's transaction is rolled back (a dry run): there is nothing to record
            if collected.pop(_HISTORY_LOADED, False):
                return  # the fixture carries its own history (a backup being restored): add nothing to it
            for instance, created in collected.values():
                del instance.skip_history_when_saving
                if user is not None:
                    instance._history_user = user
                if created or not unchanged_since_last_record(instance):
                    history_of(type(instance)).create_historical_record(instance, "+" if created else "~")
    finally:
        _raw_saves.reset(token)
        collected.pop(_HISTORY_LOADED, None)
        for instance, _created in collected.values():
            instance.__dict__.pop("skip_history_when_saving", None)


@receiver(post_save)
def collect_raw_save(sender, instance, created, raw=False, **kwargs):
    collected = _raw_saves.get()
    if not raw or collected is None:
        return
    if is_historied(getattr(sender, "instance_type", None)):
        collected[_HISTORY_LOADED] = True  # a historical row itself, loaded from a dump
        return
    if not is_historied(sender):
        return
    key = (sender, instance.pk)
    first_created = collected[key][1] if key in collected else created
    # The deserializer sets many-to-many values right after the raw save, on this very instance:
    # the flag keeps django-simple-history from recording each of them; the block's end records one row.
    instance.skip_history_when_saving = True
    collected[key] = (instance, first_created)


def snapshot(instance):
    """The record's fields and many-to-many values, as comparable plain data."""
    history = history_of(type(instance))
    data = {field.attname: getattr(instance, field.attname) for field in history.fields_included(instance)}
    for field in history.get_m2m_fields_from_model(type(instance)):
        data[field.name] = set(getattr(instance, field.name).values_list("pk", flat=True))
    return data


def record_snapshot(record):
    """The same plain data for a historical row."""
    instance = record.instance
    history = history_of(type(instance))
    data = {field.attname: getattr(instance, field.attname) for field in history.fields_included(instance)}
    for field in record._history_m2m_fields:
        target = field.m2m_reverse_field_name()
        data[field.name] = {getattr(row, f"{target}_id") for row in getattr(record, field.name).all()}
    return data


def unchanged_since_last_record(instance):
    latest = getattr(instance, history_of(type(instance)).manager_name).first()
    return latest is not None and latest.history_type != "-" and record_snapshot(latest) == snapshot(instance)


def historical_m2m_values(record):
    """{field name: [primary keys]} of the many-to-many values a historical row holds."""
    values = {}
    for field in record._history_m2m_fields:
        target = field.m2m_reverse_field_name()
        values[field.name] = [getattr(row, f"{target}_id") for row in getattr(record, field.name).all()]
    return values


@contextlib.contextmanager
def recording(instance, reason=None, user=None, history_type="~"):
    """Make the block's changes of `instance` (fields and many-to-many) one historical row."""
    instance.skip_history_when_saving = True
    try:
        yield instance
    finally:
        del instance.skip_history_when_saving
    if reason:
        instance._change_reason = reason
    if user is not None:
        instance._history_user = user
    history_of(type(instance)).create_historical_record(instance, history_type)
