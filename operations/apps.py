from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the install: backups and restores."""

    name = "operations"
    default_auto_field = "django.db.models.BigAutoField"
