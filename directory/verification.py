"""Keeping entries true: the monthly request to each service's contacts and
the notice to editors when entries leave the public for lack of
verification. Both are safe to run twice."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from convivir.notifications import send_notification
from directory import conf
from directory.editors import email_editors
from directory.models import Service
from directory.public_urls import directory_page


def send_verification_requests(now=None) -> int:
    """E-mail every published entry's contacts; returns how many e-mails.
    Entries verified in the last 30 days are skipped."""
    now = now or timezone.now()
    services = (
        Service.objects.filter(live=True)
        .exclude(last_verified_at__gte=now - timedelta(days=30))
        .prefetch_related("contacts")
    )
    sent = 0
    for service in services:
        with transaction.atomic():
            sent += request_verification(service)
    return sent


def request_verification(service) -> int:
    """E-mail each contact of ``service`` with an address, in their
    language, a link to confirm the entry or propose changes and the link
    to update the status; returns how many e-mails."""
    sent = 0
    for contact in service.contacts.all():
        if not contact.email:
            continue
        directory = directory_page(contact.language)
        if directory is None:
            continue
        verify_url = directory.route_url("verify", full=True)
        status_url = directory.route_url("status", full=True)
        send_notification(
            to=contact.email,
            template="directory/email/verification_request",
            context={
                "service": service,
                "contact": contact,
                "verify_url": f"{verify_url}?t={service.verification_token(contact)}",
                "status_url": f"{status_url}?t={service.status_token()}",
                "valid_days": conf.link_days(),
            },
            language=contact.language,
        )
        sent += 1
    return sent


def notify_hidden_entries(now=None) -> int:
    """Tell the editors, once per entry, which entries just left the public
    because nobody verified them for the configured period."""
    now = now or timezone.now()
    limit = now - timedelta(days=conf.hide_after_days())
    newly_hidden = list(
        Service.objects.filter(live=True)
        .checked_before(limit)
        .filter(
            Q(hidden_notice_sent_at__isnull=True)
            | Q(hidden_notice_sent_at__lt=F("checked_at"))
        )
        .select_related("organization")
        .order_by("name")
    )
    if not newly_hidden:
        return 0
    admin_url = (
        settings.BASE_URL
        + reverse("wagtailsnippets_directory_service:list")
        + "?needs_verification=true"
    )
    with transaction.atomic():
        email_editors(
            "directory/email/hidden_entries",
            {
                "services": newly_hidden,
                "days": conf.hide_after_days(),
                "admin_url": admin_url,
            },
        )
        Service.objects.filter(pk__in=[s.pk for s in newly_hidden]).update(
            hidden_notice_sent_at=now
        )
    return len(newly_hidden)
