from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Election security statements"
    default_auto_field = "django.db.models.BigAutoField"
