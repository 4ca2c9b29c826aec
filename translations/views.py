"""The admin list of out-of-date translations of the editor's own branch."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from .outdated import outdated_translations


def outdated_translations_report(request):
    """Translations the user may change whose Bokmål page changed since they were synced."""
    return render(
        request,
        "translations/outdated_translations.html",
        {"rows": outdated_translations(request.user), "title": _("Out-of-date translations")},
    )
