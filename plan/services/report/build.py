"""Reading a plan into its status report."""

from dataclasses import dataclass, field

from django.utils import translation

from core.models.relations import OrganisationLink
from plan.models import MeasureStatus
from plan.services.outline import plan_outline


@dataclass
class ReportRow:
    """One measure as the report shows it."""

    id: int
    title: str
    strategy: str
    status: str
    status_label: str
    update_date: object
    update_note: str
    start_date: object
    end_date: object
    timing_text: str
    is_recurring: bool
    partners: list
    contacts: list

    @property
    def partners_text(self):
        return "; ".join(f"{p['name']} ({p['role_label']})" for p in self.partners)

    @property
    def contacts_text(self):
        return "; ".join(
            ", ".join(part for part in (c["name"], c["email"], c["phone"]) if part)
            for c in self.contacts
        )


@dataclass
class Report:
    """A plan's measures and the counts per status and per strategy, in one language."""

    plan_id: int
    title: str
    branch: str
    period: str
    language: str
    rows: list = field(default_factory=list)
    strategies: list = field(default_factory=list)

    @property
    def statuses(self):
        """(code, label) of every status, in the order of the model's choices."""
        with translation.override(self.language):
            return [(code, str(label)) for code, label in MeasureStatus.choices]

    def count(self, status=None, strategy=None):
        return sum(
            1
            for row in self.rows
            if (status is None or row.status == status)
            and (strategy is None or row.strategy == strategy)
        )


def _latest_update(measure):
    return max(
        measure.status_updates.all(),
        key=lambda u: (u.date, -1 if u.sort_order is None else u.sort_order, u.pk or 0),
        default=None,
    )


def _row(measure, strategy_title, fallback_contact):
    update = _latest_update(measure)
    status = update.status if update else MeasureStatus.PLANNED
    roles = dict(OrganisationLink.Role.choices)
    contacts = [link.contact for link in measure.contacts.all()] or (
        [fallback_contact] if fallback_contact else []
    )
    return ReportRow(
        id=measure.pk,
        title=measure.title,
        strategy=strategy_title,
        status=status,
        status_label=str(MeasureStatus(status).label),
        update_date=update.date if update else None,
        update_note=update.note if update else "",
        start_date=measure.start_date,
        end_date=measure.end_date,
        timing_text=measure.timing_text,
        is_recurring=measure.is_recurring,
        partners=[
            {
                "name": link.organisation.name,
                "role": link.role,
                "role_label": str(roles.get(link.role, link.role)),
            }
            for link in measure.partners.all()
        ],
        contacts=[{"name": c.name, "email": c.email, "phone": c.phone} for c in contacts],
    )


def rows_for_measures(pairs, language, fallback_contact=None):
    """Report rows of (strategy title, measure) pairs, labels in ``language``."""
    with translation.override(language):
        return [_row(measure, title, fallback_contact) for title, measure in pairs]


def plan_report(plan, language, include_drafts=False):
    """The :class:`Report` of ``plan`` in ``language``; published content unless drafts."""
    outline = plan_outline(plan, language, include_drafts)
    page = outline.plan
    report = Report(
        plan_id=page.pk,
        title=page.title,
        branch=outline.branch_name,
        period=page.period_label,
        language=language,
        strategies=[s.page.title for s in outline.strategies],
    )
    report.rows = rows_for_measures(
        [(s.page.title, m) for s, m in outline.measures], language, page.contact_person
    )
    return report
