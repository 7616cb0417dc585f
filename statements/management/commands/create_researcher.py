"""Make (or update) a researcher's account: staff, in the "Researchers" group, no superuser rights.

python manage.py create_researcher ada --email ada@example.org            # asks for the password
RESEARCHER_PASSWORD=... python manage.py create_researcher ada --no-input  # from the environment
"""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

GROUP = "Researchers"
PASSWORD_ENV = "RESEARCHER_PASSWORD"


class Command(BaseCommand):
    help = (
        f"Create a researcher's account (staff, in the {GROUP!r} group) or update an existing one. The "
        f"password comes from --password, ${PASSWORD_ENV}, or a prompt."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="the researcher's e-mail address")
        parser.add_argument("--password", help=f"the password (prefer ${PASSWORD_ENV} or the prompt)")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="never prompt; fail instead"
        )

    def handle(self, *args, username, email, password, interactive, **options):
        User = get_user_model()
        try:
            group = Group.objects.get(name=GROUP)
        except Group.DoesNotExist:
            raise CommandError(f"no {GROUP!r} group: run `manage.py migrate` first") from None
        user = User.objects.filter(username=username).first()
        password = password or os.environ.get(PASSWORD_ENV)
        if password is None and user is None:
            if not interactive:
                raise CommandError(f"a new account needs a password: --password or ${PASSWORD_ENV}")
            password = self.prompt_password()
        candidate = user or User(username=username, email=email)
        if password is not None:
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError("password refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            created = user is None
            user = candidate
            if email:
                user.email = email
            if password is not None:
                user.set_password(password)
            user.is_staff = True
            user.is_active = True
            user.save()
            user.groups.add(group)
        verb = "created" if created else "updated"
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"researcher {username!r} {verb} (staff, in {GROUP!r})"))

    def prompt_password(self):
        for _attempt in range(3):
            first = getpass.getpass("Password: ")
            if first and first == getpass.getpass("Password (again): "):
                return first
            self.stderr.write("The passwords differ or are empty; try again.")
        raise CommandError("no password given")
