"""Every e-mail the site sends goes through :func:`send_notification`.

It renders the message in the recipient's language (a subject, a text body
and an HTML body), stores it as an :class:`~convivir.models.OutgoingEmail`,
and, once the surrounding transaction commits, queues the
:func:`deliver_email` task. The task hands the message to Django's e-mail
backend: files under ``var/mail/`` by default, an anymail ESP in production.
A failed delivery is retried with a growing delay (see :func:`retry_delay`)
for ``NOTIFICATIONS_RETRY_HOURS``; then the message is marked failed, logged
as an error and listed for staff, who can send it again
(:func:`send_again`). A sign-up or registration is therefore never lost
because the e-mail provider is down, and no request waits for the provider:
in production the task only runs in ``manage.py db_worker``.

Addresses that the provider reports as bouncing, complaining or rejected
(anymail's tracking webhook, see :func:`mark_undeliverable_from_tracking`)
are listed as :class:`~convivir.models.UndeliverableAddress`; messages to
them are stored as "suppressed" and never handed to the provider.

Templates live beside the app that sends them, as three files::

    <app>/templates/<app>/email/<name>.subject.txt
    <app>/templates/<app>/email/<name>.txt
    <app>/templates/<app>/email/<name>.html

and are called as ``send_notification(to=…, template="<app>/email/<name>",
context={…}, language="es")``.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation

from anymail.exceptions import AnymailRecipientsRefused
from anymail.signals import EventType, tracking
from django_tasks import default_task_backend, task

from convivir.common.validators import supported_language
from convivir.models import OutgoingEmail, UndeliverableAddress

logger = logging.getLogger(__name__)

# How long a sender may hold a message before another may take it over.
SENDING_LEASE = timedelta(minutes=10)


def render_email(template: str, context: dict, language: str) -> dict:
    """Subject, text and HTML of ``template`` rendered in ``language``."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.BASE_URL,
        "language": language,
        **context,
    }
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context, using="text")
        body_text = render_to_string(f"{template}.txt", context, using="text")
        body_html = render_to_string(f"{template}.html", context)
    return {
        # A subject is one line; templates may end with a newline.
        "subject": " ".join(subject.split()),
        "body_text": body_text.strip() + "\n",
        "body_html": body_html,
    }


def send_notification(
    *,
    to: str,
    template: str,
    context: dict,
    language: str | None = None,
    attachments: list[tuple[str, bytes | str, str]] = (),
    reply_to: str = "",
) -> OutgoingEmail:
    """Render ``template`` for ``to`` in ``language`` and queue it.

    ``attachments`` are ``(filename, content, mimetype)`` tuples, e.g. an
    ``.ics`` file. Returns the stored message; it is sent after the current
    transaction commits (immediately outside a transaction).
    """
    language = supported_language(language)
    rendered = render_email(template, context, language)
    suppressed = UndeliverableAddress.is_listed(to)
    email = OutgoingEmail.objects.create(
        to=to,
        language=language,
        template=template,
        reply_to=reply_to,
        attachments=[_encode_attachment(*item) for item in attachments],
        status=(
            OutgoingEmail.Status.SUPPRESSED
            if suppressed
            else OutgoingEmail.Status.QUEUED
        ),
        **rendered,
    )
    if not suppressed:
        transaction.on_commit(lambda: _enqueue(email.pk), robust=True)
    return email


def _encode_attachment(filename: str, content: bytes | str, mimetype: str) -> dict:
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "mimetype": mimetype,
        "content": base64.b64encode(content).decode("ascii"),
    }


def _enqueue(email_id: int, run_after=None):
    queued = deliver_email
    if run_after is not None:
        queued = deliver_email.using(run_after=run_after)
    queued.enqueue(email_id)


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    """The Django e-mail message for a stored :class:`OutgoingEmail`."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={"Content-Language": email.language},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for item in email.attachments:
        message.attach(
            item["filename"], base64.b64decode(item["content"]), item["mimetype"]
        )
    return message


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure: 1, 2, 4, 8… times
    ``NOTIFICATIONS_RETRY_SECONDS``, never more than
    ``NOTIFICATIONS_RETRY_MAX_SECONDS``."""
    cap = settings.NOTIFICATIONS_RETRY_MAX_SECONDS
    # Past the cap the doubling no longer matters (and would overflow).
    exponent = min(attempts - 1, 40)
    return timedelta(
        seconds=min(settings.NOTIFICATIONS_RETRY_SECONDS * 2**exponent, cap)
    )


def give_up_at(email: OutgoingEmail):
    """When retrying ``email`` stops: ``NOTIFICATIONS_RETRY_HOURS`` after it
    was queued."""
    return email.queued_at + timedelta(hours=settings.NOTIFICATIONS_RETRY_HOURS)


def attempt_delivery(email_id: int, now=None) -> str:
    """Try to send one stored message once, recording the outcome; returns
    the resulting status, or ``"skipped"`` when the message is not due.

    The message is claimed with a conditional update that also counts the
    attempt and sets a lease (``next_attempt_at``): two workers, or the task
    and the ``send_pending_emails`` command, never send it at the same time;
    a sender that dies half-way leaves a lease that lapses, and the attempt
    it used still counts towards ``NOTIFICATIONS_MAX_ATTEMPTS``. The outcome
    is written only while the lease is still ours. ``now`` is for tests.
    """
    now = now or timezone.now()
    lease = now + SENDING_LEASE
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimable = Q(status=OutgoingEmail.Status.QUEUED) | (
        Q(status__in=[OutgoingEmail.Status.RETRYING, OutgoingEmail.Status.SENDING])
        & due
    )
    claimed = OutgoingEmail.objects.filter(claimable, pk=email_id).update(
        status=OutgoingEmail.Status.SENDING,
        next_attempt_at=lease,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    ours = OutgoingEmail.objects.filter(
        pk=email_id, status=OutgoingEmail.Status.SENDING, next_attempt_at=lease
    )
    if UndeliverableAddress.is_listed(email.to):
        # The address bounced after this message was queued.
        ours.update(status=OutgoingEmail.Status.SUPPRESSED, next_attempt_at=None)
        return OutgoingEmail.Status.SUPPRESSED
    try:
        message = build_message(email)
        message.send()
    except Exception as error:
        return _record_failure(email, error, ours, now)
    status = getattr(message, "anymail_status", None)
    ours.update(
        status=OutgoingEmail.Status.SENT,
        sent_at=max(now, timezone.now()),
        next_attempt_at=None,
        last_error="",
        esp_message_id=(getattr(status, "message_id", None) or "")[:255],
    )
    return OutgoingEmail.Status.SENT


def _is_permanent(error: Exception) -> bool:
    """Errors that trying again cannot fix: the provider refused every
    recipient (unknown, bounced or suppressed address)."""
    return isinstance(error, AnymailRecipientsRefused)


def _record_failure(email: OutgoingEmail, error: Exception, ours, now) -> str:
    """Schedule the next try, or give up: the provider refused the
    recipient, the retry window is over, or the attempts ran out. The last
    try falls at the window's end, so the window is used to the full."""
    # The error's class and text, never the message body or the address.
    last_error = f"{type(error).__name__}: {error}"[:2000]
    deadline = give_up_at(email)
    if (
        _is_permanent(error)
        or now >= deadline
        or email.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
    ):
        status, next_attempt_at = OutgoingEmail.Status.FAILED, None
        logger.error(
            "E-mail %s failed for good after %s attempt(s) (%s); staff can "
            "send it again from the admin.",
            email.pk,
            email.attempts,
            type(error).__name__,
        )
    else:
        status = OutgoingEmail.Status.RETRYING
        next_attempt_at = min(now + retry_delay(email.attempts), deadline)
        logger.warning(
            "E-mail %s not sent (attempt %s, %s); retrying at %s.",
            email.pk,
            email.attempts,
            type(error).__name__,
            next_attempt_at.isoformat(),
        )
    ours.update(status=status, last_error=last_error, next_attempt_at=next_attempt_at)
    if status == OutgoingEmail.Status.RETRYING and backend_can_defer():
        transaction.on_commit(
            lambda: _enqueue(email.pk, run_after=next_attempt_at), robust=True
        )
    return status


def backend_can_defer() -> bool:
    """Whether the task backend can run a task later (the database backend
    can; the immediate one, used in development, cannot: there the
    ``send_pending_emails`` periodic job picks up retries)."""
    return default_task_backend.supports_defer


def send_again(email_id: int, now=None) -> bool:
    """Queue again a message that failed for good or is waiting to retry,
    as staff ask from the admin: its attempts start from zero and it gets a
    new retry window. Returns False when it was not in such a state (sent
    meanwhile, or being sent)."""
    now = now or timezone.now()
    updated = OutgoingEmail.objects.filter(
        pk=email_id,
        status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.RETRYING],
    ).update(
        status=OutgoingEmail.Status.QUEUED,
        attempts=0,
        next_attempt_at=None,
        queued_at=now,
    )
    if updated:
        transaction.on_commit(lambda: _enqueue(email_id), robust=True)
    return bool(updated)


def send_pending_emails(now=None) -> dict[str, int]:
    """Try again, oldest first, every message whose retry time has come, any
    message left queued for more than a few minutes (a lost task) and any
    whose sender stopped half-way. One broken message does not hold up the
    others. Returns how many ended in each status."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(
        Q(
            status__in=[OutgoingEmail.Status.RETRYING, OutgoingEmail.Status.SENDING],
            next_attempt_at__lte=now,
        )
        | Q(status=OutgoingEmail.Status.QUEUED, queued_at__lte=now - SENDING_LEASE)
    ).order_by("created_at")
    counts: dict[str, int] = {}
    for email_id in due.values_list("pk", flat=True):
        try:
            status = attempt_delivery(email_id, now=now)
        except Exception:
            logger.exception("E-mail %s could not be processed.", email_id)
            status = "error"
        counts[status] = counts.get(status, 0) + 1
    return counts


def purge_old_emails() -> int:
    """Delete messages older than ``NOTIFICATIONS_KEEP_DAYS`` that are done
    with (sent, failed for good, or suppressed): they hold addresses and
    links that are no longer needed. Returns how many were deleted."""
    cutoff = timezone.now() - timedelta(days=settings.NOTIFICATIONS_KEEP_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)
        | Q(
            status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.SUPPRESSED],
            created_at__lt=cutoff,
        )
    ).delete()
    return deleted


def forget_recipient(email: str) -> int:
    """Delete every message addressed to ``email``, sent or still waiting:
    when a person deletes their data, the copies of what we wrote to them
    (names, links, answers) go too. Returns how many were deleted."""
    deleted, _ = OutgoingEmail.objects.filter(to__iexact=email.strip()).delete()
    return deleted


# What the provider says about an address that makes further e-mail to it
# pointless or harmful. A Postmark "SoftBounce" (mailbox full, out of office)
# arrives as "bounced" too, but the address will work again.
UNDELIVERABLE_EVENTS = {EventType.BOUNCED, EventType.COMPLAINED, EventType.REJECTED}
TRANSIENT_BOUNCE_TYPES = {"SoftBounce"}


def mark_undeliverable(email: str, reason: str, esp_message_id: str = "") -> bool:
    """List ``email`` as undeliverable and suppress anything still waiting
    for it. Returns True when the address was not listed yet."""
    address = UndeliverableAddress.normalize(email)
    if not address:
        return False
    _, created = UndeliverableAddress.objects.get_or_create(
        email=address,
        defaults={"reason": reason, "esp_message_id": (esp_message_id or "")[:255]},
    )
    OutgoingEmail.objects.filter(
        to__iexact=address,
        status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.RETRYING],
    ).update(status=OutgoingEmail.Status.SUPPRESSED, next_attempt_at=None)
    return created


@receiver(tracking, dispatch_uid="convivir.mark_undeliverable")
def mark_undeliverable_from_tracking(sender, event, esp_name, **kwargs):
    """anymail's tracking webhook: a bounce, complaint or rejection lists the
    recipient as undeliverable. anymail has already checked the webhook's
    basic-auth secret; without a configured secret anymail would accept any
    caller, so events are then ignored."""
    if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
        logger.warning("Ignoring an e-mail tracking event: no webhook secret set.")
        return
    if event.event_type not in UNDELIVERABLE_EVENTS or not event.recipient:
        return
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    if raw.get("Type") in TRANSIENT_BOUNCE_TYPES:
        return
    if mark_undeliverable(event.recipient, event.event_type, event.message_id or ""):
        # The address itself is personal data: log only what happened.
        logger.info("An address was marked undeliverable (%s).", event.event_type)


@task()
def deliver_email(email_id: int) -> str:
    """Send one stored message (see :func:`attempt_delivery`)."""
    return attempt_delivery(email_id)


@task()
def send_pending_emails_task() -> dict[str, int]:
    """Periodic: retry what is due (see :func:`send_pending_emails`)."""
    return send_pending_emails()


@task()
def purge_old_emails_task() -> int:
    """Periodic: delete old messages (see :func:`purge_old_emails`)."""
    return purge_old_emails()
