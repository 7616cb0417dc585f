"""The "Researchers" group: add, change and view the archive's records (and view their history).

No delete permission (merging is how duplicates go away, and it is recorded), nothing on users, groups
or permissions. Permissions are normally created after all migrations ran (post_migrate), so this
migration creates the statements app's ones first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Researchers"
MODELS = ["country", "agency", "official", "officialtitle", "outlet", "article", "articlecountry", "quote"]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("statements")
    if not getattr(app_config, "models_module", None):  # a migration state has none; permissions need one
        app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")]
    codenames += [f"view_historical{model}" for model in MODELS]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("statements", "0005_history"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
