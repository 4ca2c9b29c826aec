"""Hand every translation made without wagtail-localize over to it, keeping its text."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.adopt import adopt_all


class Command(BaseCommand):
    """``adopt_translations``: existing unmanaged translations become managed by
    wagtail-localize (translation editor, "Sync translated pages"); no text changes."""

    help = (
        "Let wagtail-localize manage translations made without it (e.g. by an older demo "
        "loader), keeping their text. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        adoptions = adopt_all()
        strings = sum(adoption.strings for adoption in adoptions)
        untranslated = [a for a in adoptions if a.untranslated]
        self.stdout.write(
            ngettext(
                "%(count)d translation is now managed by wagtail-localize (%(strings)d strings).",
                "%(count)d translations are now managed by wagtail-localize (%(strings)d strings).",
                len(adoptions),
            )
            % {"count": len(adoptions), "strings": strings}
        )
        for adoption in untranslated:
            self.stdout.write(
                _("%(object)s in %(language)s: %(count)d strings left untranslated.")
                % {
                    "object": adoption.translation.source.object_repr,
                    "language": adoption.translation.target_locale.language_code,
                    "count": adoption.untranslated,
                }
            )
