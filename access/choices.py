"""What an editor may choose by id in a form: images, documents, snippets and pages.

Wagtail's chooser fields and rich-text editors accept any id that exists, whatever the chooser
offered. Every page form and branch snippet form checks what was newly chosen (foreign keys,
inline rows, chooser blocks in stream fields, and the page links, document links and image
embeds of rich text, in rich-text fields and rich-text blocks) against these rules and answers
a form error on the field otherwise, and the form is drawn again without the refused objects
(``access.withholding``):

- an image or a document: Wagtail's "choose" permission on its collection;
- a snippet that belongs to a branch (a contact person): national, or of a branch whose content
  the user may change;
- another snippet: the model's view permission;
- a page: outside every branch, or in a branch whose content the user may change;
- a page linked in rich text: also any public page (``core.visibility``) of another branch,
  which anyone may read anyway; another branch's draft, unpublished, expired or
  view-restricted page is refused.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page
from wagtail.rich_text import RichText, extract_references_from_rich_text
from wagtail.snippets.models import get_snippet_models

from access.permissions import may_change_branch_content, snippet_permission_policy
from access.withholding import withhold
from core.visibility import public_pages


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


def may_link(user, obj):
    """Whether ``user`` may link to or embed ``obj`` in rich text: what they may choose, and
    any public page."""
    if may_choose(user, obj):
        return True
    return isinstance(obj, Page) and public_pages().filter(pk=obj.pk).exists()


def refusal(obj):
    """The form error for ``obj``: names its kind and id, never its title (a title of another
    branch's draft is not for this user to read)."""
    return _(
        "You may not choose the %(kind)s with id %(id)s: it belongs to a branch or "
        "collection you do not work in."
    ) % {"kind": obj._meta.verbose_name, "id": obj.pk}


def _rich_text_references(html):
    """{(model, object id)} of what rich-text HTML (database format) links or embeds, as
    Wagtail's link and embed handlers (those of the reference index) name them."""
    found = set()
    for model, object_id, *_rest in extract_references_from_rich_text(html or ""):
        if not isinstance(model, type):  # a content type id, as Wagtail's docstring says
            model = ContentType.objects.get_for_id(model).model_class()
        if model is not None:
            found.add((model, str(object_id)))
    return found


def _references(value):
    """{(model, object id): only in rich text} of what a stream value chooses, at any depth:
    chooser blocks and the links and embeds of rich-text blocks."""
    if isinstance(value, models.Model):
        return {(type(value), str(value.pk)): False}
    if isinstance(value, RichText):
        return dict.fromkeys(_rich_text_references(value.source), True)
    if isinstance(value, StreamValue):
        children = [child.value for child in value]
    elif isinstance(value, StructValue):
        children = list(value.values())
    elif isinstance(value, ListValue | list | tuple):
        children = list(value)
    else:
        return {}
    found = {}
    for child in children:
        for reference, in_rich_text in _references(child).items():
            # chosen in a chooser anywhere: the chooser's (stricter) rule applies
            found[reference] = found.get(reference, True) and in_rich_text
    return found


def _field_references(form, name, value):
    """What the value of field ``name`` chooses (see ``_references``)."""
    if isinstance(value, str) and _is_rich_text(form, name):
        return dict.fromkeys(_rich_text_references(value), True)
    return _references(value)


def _is_rich_text(form, name):
    try:
        return isinstance(form._meta.model._meta.get_field(name), RichTextField)
    except (AttributeError, FieldDoesNotExist):
        return False


def _objects(references):
    """The objects that exist among ``references``, each with its "only in rich text" flag."""
    ids = defaultdict(set)
    for model, object_id in references:
        ids[model].add(object_id)
    for model, object_ids in ids.items():
        valid = set()
        for object_id in object_ids:
            try:
                valid.add(model._meta.pk.to_python(object_id))
            except ValidationError:
                continue  # a broken id chooses nothing
        for obj in model._default_manager.filter(pk__in=valid):
            yield obj, references[(model, str(obj.pk))]


def _refused(user, form, name):
    """The objects field ``name`` of ``form`` newly chooses that ``user`` may not choose."""
    value = form.cleaned_data.get(name)
    if isinstance(value, models.Model):
        return [] if may_choose(user, value) else [value]
    chosen = _field_references(form, name, value)
    if not chosen:
        return []
    for reference in _field_references(form, name, form.initial.get(name)):
        chosen.pop(reference, None)  # chosen before: not this editor's choice
    return [
        obj
        for obj, in_rich_text in _objects(chosen)
        if not (may_link(user, obj) if in_rich_text else may_choose(user, obj))
    ]


def _check_form(form, user):
    for name in form.changed_data:
        refused = _refused(user, form, name)
        if refused:
            form.add_error(name, [refusal(obj) for obj in refused])
            withhold(form, name, refused, is_rich_text=_is_rich_text(form, name))


class ChoiceCheckMixin:
    """For Wagtail admin model forms: refuses what ``for_user`` may not choose (see above)."""

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None:
            return cleaned_data
        _check_form(self, user)
        for formset in getattr(self, "formsets", {}).values():
            formset.is_valid()  # cleans the rows, so that their choices can be checked
            for row in formset.forms:
                if hasattr(row, "cleaned_data") and not row.cleaned_data.get("DELETE"):
                    _check_form(row, user)
        return cleaned_data
