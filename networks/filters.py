"""The filters of the volunteering page: town and skill, as a plain GET form
with a count beside each choice (no JavaScript needed)."""

from django.core.paginator import Paginator

from networks.choices import Skill
from networks.models import VolunteerOpportunity

REMOTE = "remote"
PER_PAGE = 12


class OpportunityFilter:
    """Active opportunities in the visitor's language, narrowed by any of the
    chosen towns and any of the chosen skills. Opportunities are few (tens per
    network), so the filtering and counting happen on one query's rows."""

    def __init__(self, query):
        self.query = query
        self.opportunities = VolunteerOpportunity.objects.active().for_listing()
        towns = {o.network.municipality for o in self.opportunities}
        self.selected_towns = [
            t for t in query.getlist("municipio") if t in towns or t == REMOTE
        ]
        self.selected_skills = [
            s for s in query.getlist("habilidad") if s in Skill.values
        ]

    def _matches_town(self, opportunity) -> bool:
        if not self.selected_towns:
            return True
        return opportunity.network.municipality in self.selected_towns or (
            REMOTE in self.selected_towns and opportunity.is_remote
        )

    def _matches_skill(self, opportunity) -> bool:
        if not self.selected_skills:
            return True
        return bool(set(opportunity.skills) & set(self.selected_skills))

    @property
    def results(self) -> list:
        return [
            o
            for o in self.opportunities
            if self._matches_town(o) and self._matches_skill(o)
        ]

    def town_choices(self) -> list[dict]:
        """Each town with how many opportunities match it under the chosen
        skills; "remote" last."""
        pool = [o for o in self.opportunities if self._matches_skill(o)]
        towns = sorted({o.network.municipality for o in self.opportunities})
        choices = [
            {
                "value": town,
                "label": town,
                "count": sum(o.network.municipality == town for o in pool),
                "checked": town in self.selected_towns,
            }
            for town in towns
        ]
        choices.append(
            {
                "value": REMOTE,
                "label": None,
                "count": sum(o.is_remote for o in pool),
                "checked": REMOTE in self.selected_towns,
            }
        )
        return choices

    def skill_choices(self) -> list[dict]:
        pool = [o for o in self.opportunities if self._matches_town(o)]
        return [
            {
                "value": value,
                "label": label,
                "count": sum(value in o.skills for o in pool),
                "checked": value in self.selected_skills,
            }
            for value, label in Skill.choices
        ]

    @property
    def is_filtered(self) -> bool:
        return bool(self.selected_towns or self.selected_skills)

    def page(self):
        paginator = Paginator(self.results, PER_PAGE)
        return paginator.get_page(self.query.get("page"))

    def querystring(self) -> str:
        """The filters as a query string, for the pagination links."""
        query = self.query.copy()
        query.pop("page", None)
        return query.urlencode()
