from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who may edit what: branch groups, permission policies and the translation guards."""

    name = "access"
    verbose_name = _("Access rules")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .branch_groups import update_branch_groups
        from .builtin_groups import restrict_wagtail_groups

        # Django sends post_migrate for each app with models, in order; the branch groups are
        # brought up to date after the last one, when every app's permissions exist.
        last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(update_branch_groups, sender=last_app)
        post_migrate.connect(restrict_wagtail_groups, sender=last_app)
        # Every page of the project is edited with the form that checks what may be chosen
        # (core, which defines the page base, imports no other app).
        from core.models.pages import BasePage

        from .forms import PageForm

        BasePage.base_form_class = PageForm
