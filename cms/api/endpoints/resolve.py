"""``GET /api/v1/resolve/?path=``: what the website's router needs for a public path."""

from django.http import Http404
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core.languages import content_languages
from core.links import page_url
from core.visibility import public_pages

from ..locales import Locales
from ..types import registered_models, type_name_for_model, viewset_for_model
from ..views import NOT_FOUND_RESPONSES, PublicAPIView

MAX_PATH_LENGTH = 1000


class ResolveParametersSerializer(serializers.Serializer):
    path = serializers.RegexField(
        r"^/",
        max_length=MAX_PATH_LENGTH,
        help_text="A path on the website, e.g. /nb/nordland/handlingsplan-2024-2025/.",
        error_messages={"invalid": "path must start with a slash."},
    )


class RedirectSerializer(serializers.Serializer):
    location = serializers.CharField(help_text="Where to send the visitor.")
    status = serializers.ChoiceField(choices=[301, 302])


def _page_data_schema():
    """oneOf the detail shapes of every page type (each has a distinct ``type``)."""
    details = []
    for model in registered_models():
        viewset = viewset_for_model(model)
        if viewset is not None:
            details.append(viewset.detail_serializer_class or viewset.serializer_class)
    return PolymorphicProxySerializer(
        component_name="PageData",
        serializers=list(dict.fromkeys(details)),
        resource_type_field_name=None,
    )


class LazyPageDataField(serializers.JSONField):
    """The page's data; typed as one of the detail shapes in the schema."""


class ResolveResultSerializer(serializers.Serializer):
    type = serializers.CharField(help_text='The page type, or "redirect".')
    id = serializers.IntegerField(allow_null=True)
    locale = serializers.CharField(allow_null=True)
    data = LazyPageDataField(allow_null=True, help_text="The page, as its endpoint shows it.")
    redirect = RedirectSerializer(allow_null=True)


def _split_language(path):
    """``("nb", "/nordland/…/")`` for ``/nb/nordland/…/``; the language may be missing."""
    segments = path.split("/", 2)
    language = segments[1] if len(segments) > 1 else ""
    rest = "/" + (segments[2] if len(segments) > 2 else "")
    return language, rest


class ResolveView(PublicAPIView):
    """A public page by its website path, or the redirect that applies to the path."""

    def get(self, request):
        parameters = ResolveParametersSerializer(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        full_path = parameters.validated_data["path"].split("#", 1)[0]
        path = full_path.split("?", 1)[0]
        language, rest = _split_language(path)
        if language in content_languages():
            self.locales = Locales(language)  # the path's language, whatever was asked
            self.__dict__.pop("api", None)
            page = self.find_page(rest if rest.endswith("/") else rest + "/")
            if page is not None:
                return Response(self.page_result(page))
        redirect = self.find_redirect(full_path, path)
        if redirect is not None:
            return Response(redirect)
        raise Http404

    def find_page(self, rest):
        """The public page at ``rest`` below the home page of the requested language."""
        site_root_key = (
            Site.objects.filter(is_default_site=True)
            .values_list("root_page__translation_key", flat=True)
            .first()
        )
        language_id = self.locales.requested_id
        home_path = (
            Page.objects.filter(depth=2, translation_key=site_root_key, locale_id=language_id)
            .values_list("url_path", flat=True)
            .first()
        )
        if home_path is None:
            return None
        url_path = home_path + rest.lstrip("/")
        return public_pages().filter(locale_id=language_id, url_path=url_path).first()

    def page_result(self, page):
        model = page.specific_class
        viewset = viewset_for_model(model).for_request(self)
        default_path = (
            public_pages(model)
            .filter(translation_key=page.translation_key, locale_id=self.locales.default_id)
            .values_list("path", flat=True)
            .first()
        ) or page.path
        obj = viewset.localize([(page.translation_key, default_path)])[0]
        return {
            "type": type_name_for_model(model),
            "id": obj.pk,
            "locale": self.locales.language,
            "data": viewset.serialize_detail(obj),
            "redirect": None,
        }

    def find_redirect(self, full_path, path):
        """The redirect for the path with its query, else for the bare path (as Wagtail does)."""
        site = Site.objects.filter(is_default_site=True).first()
        candidates = [Redirect.normalise_path(full_path), Redirect.normalise_path(path)]
        redirects = {
            redirect.old_path: redirect
            for redirect in Redirect.get_for_site(site)
            .filter(old_path__in=candidates)
            .select_related("redirect_page")
        }
        redirect = next((redirects[c] for c in candidates if c in redirects), None)
        if redirect is None:
            return None
        location = redirect.redirect_link
        target = redirect.redirect_page
        if target is not None:
            public = public_pages().filter(pk=target.pk).select_related("locale").first()
            if public is None:
                return None
            location = page_url(public.locale.language_code, public.url_path)
        if not location:
            return None
        return {
            "type": "redirect",
            "id": None,
            "locale": None,
            "data": None,
            "redirect": {"location": location, "status": 301 if redirect.is_permanent else 302},
        }


def schema():
    """Decorate the resolve view once every page type is registered (from the URLconf)."""
    extend_schema_field(_page_data_schema())(LazyPageDataField)
    extend_schema(
        parameters=[ResolveParametersSerializer],
        responses={200: ResolveResultSerializer, **NOT_FOUND_RESPONSES},
    )(ResolveView.get)
