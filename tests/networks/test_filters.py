"""The volunteering page's filter (:mod:`networks.filters`): towns (and
"remote", last) and skills, with the count beside each choice under the
other group's choices; unknown values are ignored."""

from django.http import QueryDict

import pytest

from networks.factories import ProtectionNetworkFactory, VolunteerOpportunityFactory
from networks.filters import OpportunityFilter
from networks.models import VolunteerOpportunity

pytestmark = pytest.mark.django_db


def test_filters_by_town_and_skill_with_counts(
    client, volunteer_page, network_a, network_b
):
    VolunteerOpportunityFactory(network=network_a, title="Cocina", skills=["cooking"])
    VolunteerOpportunityFactory(network=network_b, title="Clases", skills=["teaching"])
    VolunteerOpportunityFactory(
        network=network_b, title="Radio", skills=["communications"], is_remote=True
    )
    VolunteerOpportunityFactory(
        network=network_b, title="Cerrada", skills=["cooking"], is_active=False
    )
    html = client.get("/es/participa/", {"municipio": "Tenosique"}).content.decode()
    assert "Clases" in html and "Radio" in html
    assert ">Cocina<" not in html and "Cerrada" not in html
    assert 'value="Tenosique" id="municipio-tenosique" checked' in html

    html = client.get(
        "/es/participa/",
        {"municipio": ["Tenosique", "Tapachula"], "habilidad": "cooking"},
    ).content.decode()
    assert ">Cocina<" in html and "Clases" not in html
    # Counts: skills counted under the chosen towns.
    assert 'Cocina <span class="muted">(1)</span>' in html

    html = client.get("/es/participa/", {"municipio": "remote"}).content.decode()
    assert "Radio" in html and "Clases" not in html

    html = client.get("/es/participa/", {"habilidad": "legal"}).content.decode()
    assert "Ninguna oportunidad coincide con estos filtros" in html

    # Unknown values are ignored, never an error.
    assert (
        client.get("/es/participa/", {"municipio": "<x>", "page": "z"}).status_code
        == 200
    )


def listing(query: str) -> OpportunityFilter:
    return OpportunityFilter(
        QueryDict(query), VolunteerOpportunity.objects.active().for_listing()
    )


@pytest.fixture
def three_towns(network_a, network_b):
    """Cooking in Tapachula; teaching in Tenosique, and radio from Tenosique
    that can be done remotely; interpreting in Ciudad Ixtepec, remote too."""
    ixtepec = ProtectionNetworkFactory(
        name="Red Ixtepec", municipality="Ciudad Ixtepec", state="oaxaca"
    )
    VolunteerOpportunityFactory(network=network_a, title="Cocina", skills=["cooking"])
    VolunteerOpportunityFactory(network=network_b, title="Clases", skills=["teaching"])
    VolunteerOpportunityFactory(
        network=network_b, title="Radio", skills=["communications"], is_remote=True
    )
    VolunteerOpportunityFactory(
        network=ixtepec,
        title="Intérprete",
        skills=["interpreting", "teaching"],
        is_remote=True,
    )


def counts(listing, name) -> list[tuple[str, int]]:
    return [(c["value"], c["count"]) for c in listing.choices(name) if c["count"]]


def test_towns_come_by_name_with_remote_last(three_towns):
    towns = [(c["value"], str(c["label"])) for c in listing("").choices("municipio")]
    assert towns == [
        ("Ciudad Ixtepec", "Ciudad Ixtepec"),
        ("Tapachula", "Tapachula"),
        ("Tenosique", "Tenosique"),
        ("remote", "A distancia"),
    ]


def test_each_group_counts_under_the_other_groups_choices(three_towns):
    unfiltered = listing("")
    assert counts(unfiltered, "municipio") == [
        ("Ciudad Ixtepec", 1),
        ("Tapachula", 1),
        ("Tenosique", 2),
        ("remote", 2),
    ]
    assert ("teaching", 2) in counts(unfiltered, "habilidad")
    teaching = listing("habilidad=teaching")
    assert counts(teaching, "municipio") == [
        ("Ciudad Ixtepec", 1),
        ("Tenosique", 1),
        ("remote", 1),
    ]
    remote = listing("municipio=remote")
    assert sorted(o.title for o in remote.results) == ["Intérprete", "Radio"]
    assert counts(remote, "habilidad") == [
        ("teaching", 1),
        ("interpreting", 1),
        ("communications", 1),
    ]


def test_any_chosen_town_matches_and_the_groups_combine(three_towns):
    both = listing("municipio=Tapachula&municipio=remote")
    assert sorted(o.title for o in both.results) == ["Cocina", "Intérprete", "Radio"]
    narrowed = listing("municipio=Tapachula&municipio=remote&habilidad=teaching")
    assert [o.title for o in narrowed.results] == ["Intérprete"]
    assert narrowed.is_filtered


def test_unknown_values_are_ignored(three_towns):
    unknown = listing("municipio=Oaxaca&habilidad=juggling&page=z")
    assert unknown.chosen == {"municipio": [], "habilidad": []}
    assert not unknown.is_filtered
    assert len(unknown.results) == 4
    assert unknown.page().number == 1
