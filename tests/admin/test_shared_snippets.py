"""A branch editor creates organisations and target groups from the chooser while editing a
measure, and changes one only when no other branch uses it."""

import json

from django.test import TestCase
from django.urls import reverse

from core.models import Organisation, TargetGroup
from home.services.branch import create_branch, ensure_national_group
from plan.models import MeasurePartner, MeasureTargetGroup
from tests.branches.builders import make_user
from tests.factories import MeasurePageFactory, OrganisationFactory, TargetGroupFactory, make_plan

#: model → (URL name part, creation form data, the measure's inline row for it)
SNIPPETS = {
    Organisation: (
        "organisation",
        {"name": "Saltstraumen kulturforening", "kind": "association", "website": ""},
        lambda measure, obj: MeasurePartner(page=measure, organisation=obj),
    ),
    TargetGroup: (
        "targetgroup",
        {"name": "Kulturskolelærere i Salten", "description": ""},
        lambda measure, obj: MeasureTargetGroup(page=measure, target_group=obj),
    ),
}


class SharedSnippetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.troms_tree = make_plan(branch=cls.troms.branch, strategies=1, measures_per_strategy=1)
        cls.nordland_tree = make_plan(
            branch=cls.nordland.branch, strategies=1, measures_per_strategy=1
        )
        cls.editor = make_user("troms-redaktor", cls.troms.editors)
        cls.nordland_editor = make_user("nordland-redaktor", cls.nordland.editors)
        cls.national = make_user("nasjonal", ensure_national_group())

    def setUp(self):
        self.client.force_login(self.editor)

    def url(self, model, action, *args, chooser=False):
        name = SNIPPETS[model][0]
        prefix = "wagtailsnippetchoosers" if chooser else "wagtailsnippets"
        return reverse(f"{prefix}_core_{name}:{action}", args=args)

    def use(self, model, obj, measure):
        measure.save_revision()  # a saved page with the row, as the admin stores it
        SNIPPETS[model][2](measure, obj).save()

    def test_the_measure_form_offers_a_chooser_with_a_create_tab(self):
        measure = self.troms_tree.measures[0]
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))
        assert edit.status_code == 200
        for model in SNIPPETS:
            with self.subTest(model=model.__name__):
                chooser_url = self.url(model, "choose", chooser=True)
                assert chooser_url in edit.content.decode()

                response = self.client.get(f"{chooser_url}?locale=nb")

                assert response.status_code == 200
                html = json.loads(response.content)["html"]
                assert self.url(model, "create", chooser=True) in html
                assert 'name="name"' in html

    def test_a_branch_editor_creates_one_from_the_chooser_and_may_correct_it(self):
        for model, (_name, data, _row) in SNIPPETS.items():
            with self.subTest(model=model.__name__):
                create = self.url(model, "create", chooser=True)

                response = self.client.post(f"{create}?locale=nb", data)

                assert response.status_code == 200
                result = json.loads(response.content)
                assert result["step"] == "chosen", result
                created = model.objects.get(name=data["name"])
                assert result["result"]["id"] == str(created.pk)
                assert created.locale.language_code == "nb"
                # Their own, unused yet: they may correct it; another branch may not.
                edit = self.url(model, "edit", created.pk)
                assert self.client.get(edit).status_code == 200
                self.client.force_login(self.nordland_editor)
                assert self.client.get(edit).status_code != 200
                self.client.force_login(self.editor)

    def test_invalid_creation_changes_nothing_and_says_why(self):
        count = Organisation.objects.count()
        create = self.url(Organisation, "create", chooser=True)

        response = self.client.post(f"{create}?locale=nb", {"name": "", "kind": "public"})

        assert response.status_code == 200
        result = json.loads(response.content)
        assert result["step"] == "reshow_creation_form"
        assert "error" in result["htmlFragment"]
        assert Organisation.objects.count() == count

    def test_one_only_the_editors_branch_uses_is_edited(self):
        measure = self.troms_tree.measures[0]
        organisation = OrganisationFactory(name="Tromsø kulturskole")
        target_group = TargetGroupFactory(name="Elever i Troms")
        self.use(Organisation, organisation, measure)
        self.use(TargetGroup, target_group, measure)

        response = self.client.post(
            self.url(Organisation, "edit", organisation.pk),
            {"name": "Tromsø kulturskole KF", "kind": "municipal", "website": ""},
        )
        assert response.status_code == 302
        organisation.refresh_from_db()
        assert organisation.name == "Tromsø kulturskole KF"
        response = self.client.post(
            self.url(TargetGroup, "edit", target_group.pk),
            {"name": "Elever i Troms fylke", "description": ""},
        )
        assert response.status_code == 302
        # Nordland uses neither: its editor may not change them.
        self.client.force_login(self.nordland_editor)
        assert self.client.get(self.url(Organisation, "edit", organisation.pk)).status_code != 200

    def test_one_another_branch_also_uses_is_refused_and_unchanged(self):
        organisation = OrganisationFactory(name="KS Nord")
        self.use(Organisation, organisation, self.troms_tree.measures[0])
        self.use(Organisation, organisation, self.nordland_tree.measures[0])
        edit = self.url(Organisation, "edit", organisation.pk)

        assert self.client.get(edit).status_code != 200
        response = self.client.post(edit, {"name": "KS Troms", "kind": "public", "website": ""})
        assert response.status_code != 200
        organisation.refresh_from_db()
        assert organisation.name == "KS Nord"
        delete = self.url(Organisation, "delete", organisation.pk)
        assert self.client.get(delete).status_code != 200

        self.client.force_login(self.national)
        assert self.client.get(edit).status_code == 200

    def test_a_measure_in_another_branch_blocks_even_a_draft_page(self):
        organisation = OrganisationFactory(name="Nordlandsmusikken")
        draft = MeasurePageFactory(parent=self.nordland_tree.strategies[0], live=False)
        self.use(Organisation, organisation, draft)

        assert self.client.get(self.url(Organisation, "edit", organisation.pk)).status_code != 200
