"""wagtail-localize's views with the page and snippet permissions they do not check.

wagtail-localize lets anyone with its global "submit translation" permission create, sync
and publish translations of any page. The views here check, in addition, the user's
permissions on the source and on every object written in every target locale:

- translating needs "change" on the source and, per target locale, "change" on an existing
  translation or "add" where a new one is created; the same for the snippets and pages the
  source refers to that have no translation in that locale yet, which wagtail-localize
  translates along with it (existing translations are never overwritten, see
  ``translations.safety``);
- syncing needs "change" on the source and on every translation; publishing while syncing,
  or converting a translation into an alias, needs "publish" on every translation;
- editing a translation's strings needs "change" on the source and the translation;
- overriding a synchronised image, document or page of a translation (the translation
  editor's "Synchronised values") takes only what the user may choose (``access.choices``).

Publishing from wagtail-localize's translation editor already needs publish permission on
the translated page. ``access/wagtail_hooks.py`` mounts these views on wagtail-localize's URLs.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import RelatedObjectSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from access.choices import may_choose, refusal
from access.permissions import user_can, visible_pages
from translations.safety import may_overwrite

GUARD_ATTRIBUTE = "guarded_by_branch_permissions"


def _mark_guarded(view):
    setattr(view, GUARD_ATTRIBUTE, True)
    return view


def _nearest_translated_ancestor(page, locale):
    for ancestor in page.get_ancestors().filter(depth__gt=1).order_by("-depth"):
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None:
            return translation
    return None


def may_write_translation(user, obj, locale, publish=False):
    """Whether ``user`` may create or update (with ``publish``: publish) ``obj`` in ``locale``."""
    action = "publish" if publish else "change"
    existing = obj.get_translation_or_none(locale)
    if existing is not None:
        return user_can(user, action, existing)
    if isinstance(obj, Page):
        parent = _nearest_translated_ancestor(obj, locale)
        if parent is None or not user_can(user, "add", parent):
            return False
        return not publish or user_can(user, "publish", parent)
    # A new translation of a shared snippet belongs to the snippet: whoever may not change it
    # (e.g. an organisation another branch works with too) may not add a language to it.
    return user_can(user, "add", obj) and user_can(user, "change", obj)


def related_objects(instance):
    """The translatable pages and snippets ``instance`` refers to (translated along with it)."""
    found = []
    for segment in extract_segments(instance):
        if not isinstance(segment, RelatedObjectSegmentValue):
            continue
        model = segment.content_type.model_class()
        related = model._default_manager.filter(
            translation_key=segment.translation_key, locale_id=instance.locale_id
        ).first()
        if related is not None:
            found.append(related.specific if isinstance(related, Page) else related)
    return found


def refused_objects(user, instance, locales, include_subtree=False):
    """What translating ``instance`` into ``locales`` would write but ``user`` may not."""
    objects = [instance]
    if include_subtree and isinstance(instance, Page):
        objects += [page.specific for page in instance.get_descendants()]
    refused = []
    seen = set()
    related = [other for obj in objects for other in related_objects(obj)]
    for obj in objects + related:
        key = (type(obj), obj.pk)
        if key in seen:
            continue
        seen.add(key)
        # Existing translations are left alone (translations.safety): only what is written counts.
        as_related = obj not in objects
        written = [
            locale
            for locale in locales
            if obj is instance or may_overwrite(obj, locale, submitted_as_related=as_related)
        ]
        if not all(may_write_translation(user, obj, locale) for locale in written):
            refused.append(obj)
    return refused


def require_change(user, instance):
    """Raise PermissionDenied unless ``user`` may change ``instance``."""
    if not user_can(user, "change", instance):
        raise PermissionDenied


class GuardedSubmitTranslationMixin:
    """ "Translate", for users who may change the source and write every translation."""

    def get_object(self):
        instance = super().get_object()
        require_change(self.request.user, instance)
        return instance

    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        refused = refused_objects(
            self.request.user, self.object, locales, form.cleaned_data.get("include_subtree")
        )
        if self.object in refused:
            raise PermissionDenied
        if refused:
            messages.error(self.request, _refused_message(refused))
            return redirect(self.request.get_full_path())
        return super().form_valid(form)


class GuardedSubmitPageTranslationView(GuardedSubmitTranslationMixin, SubmitPageTranslationView):
    """ "Translate this page", guarded."""


class GuardedSubmitSnippetTranslationView(
    GuardedSubmitTranslationMixin, SubmitSnippetTranslationView
):
    """ "Translate" for a snippet, guarded."""


def _refused_message(objects):
    names = ", ".join(f"“{obj}”" for obj in objects)
    return _(
        "This content refers to items you may not translate: %(names)s. "
        "Ask someone who may edit them to translate them first."
    ) % {"names": names}


def _translation_targets(source):
    """(source instance, target instances) of a TranslationSource's enabled translations."""
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as error:
        raise PermissionDenied from error
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = instance.get_translation_or_none(translation.target_locale)
        targets.append((translation.target_locale, target))
    return instance, targets


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages": change on the source and every translation; publish to publish."""

    def get_object(self):
        source = super().get_object()
        instance, targets = _translation_targets(source)
        user = self.request.user
        require_change(user, instance)
        if not all(may_write_translation(user, instance, locale) for locale, _t in targets):
            raise PermissionDenied
        return source

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations"):
            instance, targets = _translation_targets(self.object)
            user = self.request.user
            if not all(
                may_write_translation(user, instance, locale, publish=True)
                for locale, _target in targets
            ):
                raise PermissionDenied
        return super().form_valid(form)


def guard_translation(view):
    """Wrap a view taking ``translation_id``: change on the source and on the translation."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id
        )
        try:
            instance = translation.source.get_source_instance()
        except ObjectDoesNotExist as error:
            raise PermissionDenied from error
        require_change(request.user, instance)
        if not may_write_translation(request.user, instance, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return _mark_guarded(guarded)


def _overridden_model(instance, path):
    """The model whose id the overridable segment at ``path`` of ``instance`` holds (a foreign
    key or a chooser block, e.g. ``cover_image`` or ``quotes.<block id>.resource``), or
    ``None`` (a URL or a text)."""
    name, *rest = path.split(".")
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not rest:
        return field.related_model if field.many_to_one else None
    if not isinstance(field, StreamField):
        return None
    block, value = field.stream_block, getattr(instance, name)
    for part in rest:
        if isinstance(block, StreamBlock | ListBlock):
            children = value if isinstance(block, StreamBlock) else value.bound_blocks
            child = next((child for child in children if child.id == part), None)
            if child is None:
                return None
            block, value = child.block, child.value
        elif isinstance(block, StructBlock) and part in block.child_blocks:
            block, value = block.child_blocks[part], value.get(part)
        else:
            return None
    return getattr(block, "target_model", None)


def _overridden_object(translation, segment):
    """The object a translation's override of ``segment`` chooses, if it chooses one."""
    override = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id, context_id=segment.context_id
    ).first()
    model = _overridden_model(translation.source.get_source_instance(), segment.context.path)
    if override is None or model is None:
        return None
    try:
        pk = model._meta.pk.to_python(override.data)
    except (ValidationError, TypeError):
        return None
    return model._default_manager.filter(pk=pk).first()


def guard_override(view):
    """Wrap ``edit_override`` (already guarded by ``guard_translation``): an override that
    chooses an image, a document or a page the user may not choose is undone with a 400."""

    @wraps(view)
    def guarded(request, translation_id, overridable_segment_id, *args, **kwargs):
        with transaction.atomic():
            response = view(request, translation_id, overridable_segment_id, *args, **kwargs)
            if request.method != "PUT" or response.status_code not in (200, 201):
                return response
            translation = Translation.objects.get(pk=translation_id)
            segment = OverridableSegment.objects.get(pk=overridable_segment_id)
            chosen = _overridden_object(translation, segment)
            if chosen is not None and not may_choose(request.user, chosen):
                transaction.set_rollback(True)
                return JsonResponse({"detail": refusal(chosen)}, status=400)
        return response

    return _mark_guarded(guarded)


def guard_convert_to_alias(view):
    """Wrap ``convert_to_alias``: it replaces a translation with live source content."""

    @wraps(view)
    def guarded(request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id).specific
        if not user_can(request.user, "publish", page):
            raise PermissionDenied
        source = TranslationSource.objects.filter(
            object_id=page.translation_key, translations__target_locale=page.locale_id
        ).first()
        if source is not None:
            instance, _targets = _translation_targets(source)
            require_change(request.user, instance)
        return view(request, page_id, *args, **kwargs)

    return _mark_guarded(guarded)


class GuardedTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report without other branches' unpublished pages."""

    def get_queryset(self):
        pages = Page.objects.all()
        hidden = pages.exclude(pk__in=visible_pages(self.request.user, pages).values("pk"))
        keys = hidden.values("translation_key")
        return super().get_queryset().exclude(source__object_id__in=keys)


def guarded_views():
    """wagtail-localize's URL names (without namespace) mapped to their guarded views."""
    return {
        "submit_page_translation": _mark_guarded(GuardedSubmitPageTranslationView.as_view()),
        "submit_snippet_translation": _mark_guarded(GuardedSubmitSnippetTranslationView.as_view()),
        "update_translations": _mark_guarded(GuardedUpdateTranslationsView.as_view()),
        "edit_string_translation": guard_translation(edit_translation.edit_string_translation),
        "edit_override": guard_override(guard_translation(edit_translation.edit_override)),
        "download_pofile": guard_translation(edit_translation.download_pofile),
        "upload_pofile": guard_translation(edit_translation.upload_pofile),
        "machine_translate": guard_translation(edit_translation.machine_translate),
        "preview_translation": guard_translation(edit_translation.preview_translation),
        "stop_translation": guard_translation(edit_translation.stop_translation),
        "convert_to_alias": guard_convert_to_alias(convert.convert_to_alias),
        "translations_report": _mark_guarded(GuardedTranslationsReportView.as_view()),
        "translations_report_results": _mark_guarded(
            GuardedTranslationsReportView.as_view(results_only=True)
        ),
    }
