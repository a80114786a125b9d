"""No POST body gives a public form a server error, and a refused one
saves nothing: Hypothesis starts from a valid body and replaces or drops
fields with odd values (NUL characters, digits in other scripts, huge
numbers, impossible dates, very long text, a ``<script>`` marker). Each
answer is the form again with its errors (200, nothing saved, the marker
escaped) or its redirect (302, one record at most, holding no NUL). The
registrations' admin filters and the check-in page get the same as a
logged-in member of staff. How to draw 1,000 inputs each: see
``test_any_input.py``."""

from types import SimpleNamespace

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from hypothesis import given

from campaigns.models import Pledge
from convivir.models import OutgoingEmail
from directory.models.reports import WrongInformationReport
from events.models import Registration
from networks.models import Volunteer
from tests.convivir.any_input import (
    NUL,
    SiteTestCase,
    assert_answered,
    counts,
    form,
    query,
)
from tests.events.admin.conftest import make_user

SAVED = (Registration, Volunteer, Pledge, WrongInformationReport, OutgoingEmail)
PERSON = {"name": "Lucía Pérez", "email": "lucia@correo.example", "website": ""}
REGISTRATION = {
    **PERSON,
    "phone": "",
    "seats": "2",
    "accessibility_needs": "",
    "language": "es",
    "consent": "on",
}
PLEDGE = {**PERSON, "municipality": "Tapachula", "consent": "on"}
REPORT = {"what_is_wrong": "El teléfono ya no contesta.", "contact": "", "website": ""}


def signup(network) -> dict:
    return {
        **PERSON,
        "phone": "+52 962 123 4567",
        "municipality": "Tapachula",
        "interest": f"network-{network.pk}",
        "languages": ["es", "ht"],
        "other_language": "",
        "skills": ["cooking"],
        "other_skill": "",
        "available_days": ["5", "6"],
        "available_times": ["morning"],
        "motivation": "Quiero acompañar.",
        "is_adult": "on",
        "privacy_consent": "on",
    }


def no_nul(record) -> bool:
    return not any(
        NUL in value for value in vars(record).values() if isinstance(value, str)
    )


# Rate limits would answer most inputs 429 before the form reads them.
@override_settings(RATELIMIT_ENABLED=False)
class PublicFormsTest(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site = cls.site
        cls.register_url = reverse("events:register", args=[site["occurrence"].pk])
        cls.pledge_url = reverse("campaigns:pledge", args=[site["campaign"].pk])
        cls.report_url = site["directory"].route_url(
            "report", slug=site["service"].slug
        )

    def post(self, url, data, model):
        """Post ``data``; a refused form saved nothing, an accepted one one
        ``model`` record at most, without NUL."""
        cache.clear()
        before = counts(*SAVED)
        response = self.client.post(url, data)
        assert_answered(response, 200, 302)
        after = counts(*SAVED)
        if response.status_code == 200:
            assert after == before
        else:
            added = after[model.__name__] - before[model.__name__]
            assert added in (0, 1)
            if added:
                assert no_nul(model.objects.latest("pk"))
        return response

    def test_the_valid_bodies_are_accepted(self):
        """The starting points are valid: the forms are really exercised."""
        data = {
            self.register_url: (REGISTRATION, Registration),
            self.pledge_url: (PLEDGE, Pledge),
            self.report_url: (REPORT, WrongInformationReport),
            reverse("networks:signup"): (signup(self.site["network"]), Volunteer),
        }
        for url, (body, model) in data.items():
            before = model.objects.count()
            assert self.post(url, body, model).status_code == 302, url
            assert model.objects.count() == before + 1, url

    @given(data=form(REGISTRATION, number_names=["seats"]))
    def test_event_registration(self, data):
        self.post(self.register_url, data, Registration)

    @given(data=form(PLEDGE))
    def test_pledge(self, data):
        self.post(self.pledge_url, data, Pledge)

    @given(data=form(REPORT))
    def test_report_of_wrong_information(self, data):
        self.post(self.report_url, data, WrongInformationReport)

    @given(data=form({"email": "lucia@correo.example", "website": ""}))
    def test_my_data_request(self, data):
        self.post(reverse("privacy:request_link"), data, OutgoingEmail)

    @given(data=form(signup(SimpleNamespace(pk=0))))
    def test_volunteer_signup(self, data):
        # The drawn body names network 0; the real one replaces it when kept.
        if data.get("interest") == "network-0":
            data["interest"] = f"network-{self.site['network'].pk}"
        self.post(reverse("networks:signup"), data, Volunteer)


class RegistrationsAdminTest(SiteTestCase):
    """The registrations' list filters and the check-in page, as staff."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.staff = make_user(
            "staff", "view_registration", "add_registration", "change_registration"
        )
        occurrence = cls.site["occurrence"]
        cls.check_in_url = reverse("events_registration:check_in", args=[occurrence.pk])
        cls.registration = Registration.objects.get(code="ANA234")

    def staff_client(self):
        # Each generated input gets a new client (and transaction).
        self.client.force_login(self.staff)
        return self.client

    @given(
        params=query(
            ["status", "attended", "q", "ordering"], number_names=["occurrence", "p"]
        )
    )
    def test_registrations_list_filters(self, params):
        response = self.staff_client().get("/admin/events_registration/", params)
        assert_answered(response, 200)

    @given(params=query(["q"]))
    def test_check_in_search(self, params):
        assert_answered(self.staff_client().get(self.check_in_url, params), 200)

    @given(
        data=form(
            {"registration": "", "present": "1", "q": "ana"},
            number_names=["registration"],
        )
    )
    def test_check_in_tick(self, data):
        if data.get("registration") == "":
            data["registration"] = str(self.registration.pk)
        before = Registration.objects.count()
        response = self.staff_client().post(self.check_in_url, data)
        assert_answered(response, 302, 400)
        assert Registration.objects.count() == before
