"""Django's loaddata, with a broken fixture reported in one line instead of a traceback.

Loading is already atomic (one transaction), so a broken fixture leaves the database as it was.
Every record loaded gets a history row with the reason "loaddata LABEL" (statements.history).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError

from statements.history import recording_raw_saves


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        # Runs inside loaddata's transaction. Fixture loads are raw saves, which django-simple-history
        # skips: record each loaded record's state, with the fixture as the reason.
        with recording_raw_saves("loaddata " + " ".join(fixture_labels)):
            return super().loaddata(fixture_labels)

    def handle(self, *fixture_labels, **options):
        try:
            return super().handle(*fixture_labels, **options)
        except (DeserializationError, IntegrityError, ValidationError, DatabaseError, ValueError) as error:
            message = " ".join(str(error).split())
            raise CommandError(f"nothing was loaded: {message}") from None
