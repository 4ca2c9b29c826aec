"""Admin views for snippets that belong to a branch: each branch manages only its own.

Wagtail's snippet views check model permissions only. ``BranchSnippetViewSet`` adds the
instance check of ``BranchSnippetPermissionPolicy`` to the edit and delete views, lists (in
the listing and the chooser) only the instances the user may view, and its form offers (and
accepts) only the branches the user may change. ``SharedSnippetViewSet`` does the
same for shared snippets with ``SharedSnippetPermissionPolicy`` and lets editors create one
from the chooser.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.log_actions import log
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.chooser import SnippetCreateView
from wagtail.snippets.views.snippets import DeleteView, EditView

from access.choices import ChoiceCheckMixin
from access.permissions import (
    BranchSnippetPermissionPolicy,
    SharedSnippetPermissionPolicy,
    editable_branches,
    is_national,
)
from core.registers import (
    LocalisedChooseResultsView,
    LocalisedChooseView,
    LocalisedSnippetChooserViewSet,
    RegisterViewSet,
)


class InstancePermissionMixin:
    """Checks the view's permission on the object it shows, not only on the model."""

    def user_has_permission(self, permission):
        instance = getattr(self, "object", None)
        if instance is None or instance.pk is None:
            return super().user_has_permission(permission)
        return self.user_has_permission_for_instance(permission, instance)


class BranchSnippetEditView(InstancePermissionMixin, EditView):
    """The snippet edit view, refused for another branch's snippet."""


class BranchSnippetDeleteView(InstancePermissionMixin, DeleteView):
    """The snippet delete view, refused for another branch's snippet."""


class BranchSnippetForm(ChoiceCheckMixin, WagtailAdminModelForm):
    """Offers only the branches the user may change; only national staff may leave it empty.
    Refuses images and other objects the user may not choose (``access.choices``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        branch_field = self.fields.get("branch")
        if user is None or branch_field is None or user.is_superuser:
            return
        branch_field.queryset = editable_branches(user)
        if not is_national(user):
            branch_field.required = True
            branch_field.error_messages["required"] = _("Choose your branch.")


class PolicyRegisterViewSet(RegisterViewSet):
    """A register viewset whose chooser gets its permission policy (and, when it sets
    ``chooser_form_fields``, a "create" tab with those fields)."""

    chooser_form_fields = None

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            form_fields=self.chooser_form_fields,
            permission_policy=self.permission_policy,
        )


class ViewableObjectsMixin:
    """A chooser view offering only the instances its permission policy lets the user view."""

    def get_object_list(self):
        viewable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return super().get_object_list().filter(pk__in=viewable.values("pk"))


class BranchSnippetChooseView(ViewableObjectsMixin, LocalisedChooseView):
    """The chooser modal of a branch snippet: the user's branches' and national instances."""


class BranchSnippetChooseResultsView(ViewableObjectsMixin, LocalisedChooseResultsView):
    """The chooser's search results of a branch snippet, narrowed like the modal."""


class BranchSnippetChooserViewSet(LocalisedSnippetChooserViewSet):
    """The chooser of a branch snippet (``BranchSnippetPermissionPolicy`` is passed in)."""

    choose_view_class = BranchSnippetChooseView
    choose_results_view_class = BranchSnippetChooseResultsView


class BranchSnippetViewSet(PolicyRegisterViewSet):
    """A snippet viewset for models with a ``branch``: each branch sees and edits only its own
    (and the national ones, which only national staff edit)."""

    edit_view_class = BranchSnippetEditView
    delete_view_class = BranchSnippetDeleteView
    chooser_viewset_class = BranchSnippetChooserViewSet

    @property
    def permission_policy(self):
        return BranchSnippetPermissionPolicy(self.model)

    def get_queryset(self, request):
        """The listing: the instances the user may view."""
        return self.permission_policy.instances_user_has_permission_for(request.user, "view")

    def get_edit_handler(self):
        panels = getattr(self, "panels", None) or self.model.panels
        return ObjectList(panels, base_form_class=BranchSnippetForm).bind_to_model(self.model)


class LocalisedSnippetCreateView(SnippetCreateView):
    """The chooser's "create" tab: the new snippet gets the locale the chooser shows."""

    def save_form(self, form):
        instance = form.save(commit=False)
        language_code = self.request.GET.get("locale")
        if language_code and isinstance(instance, TranslatableMixin):
            instance.locale = Locale.objects.filter(language_code=language_code).first()
        instance.save()
        log(instance, "wagtail.create", user=self.request.user)
        return instance


class SharedSnippetChooserViewSet(LocalisedSnippetChooserViewSet):
    """A snippet chooser with a "create" tab for editors who may add the snippet."""

    create_view_class = LocalisedSnippetCreateView
    preserve_url_parameters = [*LocalisedSnippetChooserViewSet.preserve_url_parameters, "locale"]


class SharedSnippetViewSet(PolicyRegisterViewSet):
    """A shared snippet (organisations, target groups): every editor may add one, also from
    the chooser while editing a page (its ``chooser_form_fields``), and change one that only
    pages they may change use (``SharedSnippetPermissionPolicy``)."""

    edit_view_class = BranchSnippetEditView
    delete_view_class = BranchSnippetDeleteView
    chooser_viewset_class = SharedSnippetChooserViewSet

    @property
    def permission_policy(self):
        return SharedSnippetPermissionPolicy(self.model)
