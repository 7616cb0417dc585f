"""Print what the extraction reads from documents, as the JSON of the extraction standard."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.extraction import DocumentError, extract_document, read_document


class Command(BaseCommand):
    help = "Extract quotes, speakers, officials, agencies and countries from documents; print JSON."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="documents to read (UTF-8 text)")

    def handle(self, *args, **options):
        results = []
        for name in options["files"]:
            path = Path(name)
            try:
                text = read_document(path)
            except DocumentError as error:
                raise CommandError(str(error)) from None
            results.append(extract_document(text, path.name))
        self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
