"""Pledges (:mod:`campaigns.models.pledges`): the purge deletes only old
unconfirmed pledges, daily."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from campaigns.factories import PledgeFactory
from campaigns.models import Pledge
from convivir.periodic import periodic_jobs

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_old_unconfirmed_pledges(campaign):
    old = timezone.now() - timedelta(days=15)
    stale = PledgeFactory(
        campaign=campaign, confirmed_at=None, confirmation_sent_at=old
    )
    recent = PledgeFactory(campaign=campaign, confirmed_at=None)
    confirmed = PledgeFactory(campaign=campaign, confirmation_sent_at=old)
    call_command("purge_pledges", stdout=open("/dev/null", "w"))  # noqa: SIM115
    remaining = set(Pledge.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, confirmed.pk}
    assert stale.pk not in remaining


def test_purge_runs_as_a_daily_job():
    (job,) = [job for job in periodic_jobs if job.name == "purge_pledges"]
    assert job.every == timedelta(days=1)
