"""Admin registration of the contact persons, in the "Registers" menu.

Contact persons belong to a branch: a branch's groups manage only their own (see
``access.snippets``).
"""

from wagtail.snippets.models import register_snippet

from access.snippets import BranchSnippetViewSet
from core.registers import REGISTERS_MENU_HOOK
from home.models import ContactPerson


class ContactPersonViewSet(BranchSnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_hook = REGISTERS_MENU_HOOK
    menu_order = 200
    list_display = ["name", "role", "email", "branch", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role", "email"]


register_snippet(ContactPersonViewSet)
