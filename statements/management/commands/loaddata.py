"""Django's loaddata, with a broken fixture reported in one line instead of a traceback.

Loading is already atomic (one transaction), so a broken fixture leaves the database as it was.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        try:
            return super().handle(*fixture_labels, **options)
        except (DeserializationError, IntegrityError, ValidationError, DatabaseError, ValueError) as error:
            message = " ".join(str(error).split())
            raise CommandError(f"nothing was loaded: {message}") from None
