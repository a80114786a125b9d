"""Keeping entries true: the monthly request to each service's contacts and
the notice to editors when entries leave the public for lack of
verification. Both are safe to run twice."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from convivir.common.validators import supported_language
from convivir.notifications import send_notification
from directory import conf
from directory.models import EDITORS_GROUP, Service


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
            sent += service.send_verification_requests()
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
    editors = (
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )
    admin_url = (
        settings.BASE_URL
        + reverse("wagtailsnippets_directory_service:list")
        + "?needs_verification=true"
    )
    with transaction.atomic():
        for editor in editors:
            profile = getattr(editor, "wagtail_userprofile", None)
            send_notification(
                to=editor.email,
                template="directory/email/hidden_entries",
                context={
                    "services": newly_hidden,
                    "days": conf.hide_after_days(),
                    "admin_url": admin_url,
                },
                language=supported_language(
                    getattr(profile, "preferred_language", "") or None
                ),
            )
        Service.objects.filter(pk__in=[s.pk for s in newly_hidden]).update(
            hidden_notice_sent_at=now
        )
    return len(newly_hidden)
