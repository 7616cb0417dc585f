"""Add documents to the database through the same extraction and loader as build_fixtures."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from statements.ingest import Document, IngestError, ingest_documents


class Command(BaseCommand):
    help = (
        "Extract documents and store them, all or nothing. The same document twice updates, never "
        "duplicates; officials, agencies and outlets already stored are matched."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="documents to ingest (UTF-8 text)")
        parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1

        def progress(number, total, name, status):
            if verbose:
                self.stdout.write(f"[{number}/{total}] {name}: {status}")

        try:
            documents = [Document.from_path(path) for path in options["files"]]
            result = ingest_documents(documents, dry_run=options["dry_run"], progress=progress)
        except IngestError as error:
            raise CommandError(f"{error}; nothing was written") from None
        except (ValidationError, DatabaseError) as error:
            message = " ".join(str(error).split())
            raise CommandError(f"cannot store the batch: {message}; nothing was written") from None
        prefix = "dry run, nothing written: would have " if options["dry_run"] else ""
        if verbose and result.new_officials:
            self.stdout.write("new officials: " + ", ".join(result.new_officials))
        if verbose and result.new_agencies:
            self.stdout.write("new agencies: " + ", ".join(result.new_agencies))
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))
