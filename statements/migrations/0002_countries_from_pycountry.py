"""Every ISO 3166 country, from pycountry rather than a hand-typed list."""

from django.db import migrations


def country_display_name(country):
    # pycountry's common names ("Russia", "Iran") are what readers search for, not "Russian Federation".
    return getattr(country, "common_name", None) or country.name


def add_countries(apps, schema_editor):
    import pycountry

    Country = apps.get_model("statements", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=country.alpha_2, name=country_display_name(country))
        for country in pycountry.countries
        if country.alpha_2 not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [migrations.RunPython(add_countries, migrations.RunPython.noop)]
