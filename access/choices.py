"""What an editor may choose by id in a form: images, documents, snippets and pages.

Wagtail's chooser fields accept any id that exists, whatever the chooser offered. Every page
form and branch snippet form checks what was newly chosen (foreign keys, inline rows and
chooser blocks in stream fields) against these rules and answers a form error otherwise:

- an image or a document: Wagtail's "choose" permission on its collection;
- a snippet that belongs to a branch (a contact person): national, or of a branch whose content
  the user may change;
- another snippet: the model's view permission;
- a page: outside every branch, or in a branch whose content the user may change.
"""

from django.db import models
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from access.permissions import may_change_branch_content, snippet_permission_policy


def branch_of(page):
    """The branch page ``page`` is in (itself when it is one), or ``None``."""
    from home.models import BranchPage

    return BranchPage.objects.ancestor_of(page, inclusive=True).first()


def may_choose(user, obj):
    """Whether ``user`` may choose ``obj`` in a form field."""
    if user.is_superuser:
        return user.is_active
    if isinstance(obj, get_image_model()):
        return image_policy.user_has_permission_for_instance(user, "choose", obj)
    if isinstance(obj, get_document_model()):
        return document_policy.user_has_permission_for_instance(user, "choose", obj)
    if isinstance(obj, Page):
        branch = branch_of(obj)
        return branch is None or may_change_branch_content(user, branch)
    if type(obj) in get_snippet_models():
        if any(field.name == "branch" for field in obj._meta.get_fields()):
            return obj.branch is None or may_change_branch_content(user, obj.branch)
        return snippet_permission_policy(type(obj)).user_has_permission(user, "view")
    return True


def refusal(obj):
    return _(
        "You may not choose “%(object)s”: it belongs to a branch or collection you do not work in."
    ) % {"object": obj}


def _chosen_in_stream(value):
    """The model instances chosen in a stream field value, at any depth."""
    if isinstance(value, models.Model):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _chosen_in_stream(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from _chosen_in_stream(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from _chosen_in_stream(item)


def _check_form(form, user, top_level):
    for name in form.changed_data:
        value = form.cleaned_data.get(name)
        if isinstance(value, models.Model):
            if not may_choose(user, value):
                form.add_error(name, refusal(value))
        elif isinstance(value, StreamValue):
            for obj in _chosen_in_stream(value):
                if not may_choose(user, obj):
                    top_level.add_error(None, refusal(obj))


class ChoiceCheckMixin:
    """For Wagtail admin model forms: refuses what ``for_user`` may not choose (see above)."""

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None:
            return cleaned_data
        _check_form(self, user, self)
        for formset in getattr(self, "formsets", {}).values():
            formset.is_valid()  # cleans the rows, so that their choices can be checked
            for row in formset.forms:
                if hasattr(row, "cleaned_data") and not row.cleaned_data.get("DELETE"):
                    _check_form(row, user, self)
        return cleaned_data
