"""The outgoing e-mail log's admin views beyond Wagtail's generic ones:
"send again" for a message that failed (or is still waiting to retry),
one at a time or every failed message at once after an outage. Only users
with the "Can send an e-mail again" permission see the buttons or reach
the views; the change is a POST with its CSRF token, and it is logged."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log

from laces.components import Component

from convivir.models import OutgoingEmail
from convivir.notifications import send_again

RESEND = "resend"
SEND_AGAIN_LOG = "convivir.send_again"


def _can_resend(view) -> bool:
    return view.permission_policy.user_has_permission(view.request.user, RESEND)


class OutgoingEmailIndexView(IndexView):
    """The log, with "send again" on each failed row and, when any message
    failed, one button for all of them."""

    resend_url_name = None
    resend_failed_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.can_be_sent_again and _can_resend(self):
            buttons.append(
                MenuItem(
                    gettext_lazy("Send again"),
                    url=reverse(self.resend_url_name, args=[instance.pk]),
                    icon_name="mail",
                    priority=25,
                )
            )
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
        if _can_resend(self) and failed.exists():
            buttons.append(
                HeaderButton(
                    _("Send every failed e-mail again"),
                    url=reverse(self.resend_failed_url_name),
                    icon_name="mail",
                )
            )
        return buttons


class OutgoingEmailInspectView(InspectView):
    resend_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.can_be_sent_again and _can_resend(self):
            buttons.append(
                Button(
                    _("Send again"),
                    url=reverse(self.resend_url_name, args=[self.object.pk]),
                    icon_name="mail",
                    priority=15,
                )
            )
        return buttons


class SendAgainView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm, POST queues the message again (see
    :func:`convivir.notifications.send_again`)."""

    model = OutgoingEmail
    permission_required = RESEND
    template_name = "convivir/admin/send_again.html"
    index_url_name = None
    inspect_url_name = None
    header_icon = "mail"
    page_title = gettext_lazy("Send again")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(OutgoingEmail, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.object.subject

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(OutgoingEmail._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email=self.object,
            can_send=self.object.can_be_sent_again,
            cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if send_again(self.object.pk):
            log(instance=self.object, action=SEND_AGAIN_LOG, user=request.user)
            messages.success(request, _("The e-mail is queued to be sent again."))
        else:
            messages.warning(
                request,
                _("This e-mail was not sent again: it is no longer failed."),
            )
        return redirect(self.inspect_url_name, self.object.pk)


class SendFailedAgainView(SendAgainView):
    """Every message that failed for good, queued again at once: what staff
    need after a long outage."""

    page_title = gettext_lazy("Send every failed e-mail again")

    def setup(self, request, *args, **kwargs):
        super(SendAgainView, self).setup(request, *args, **kwargs)
        self.failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)

    def get_page_subtitle(self):
        return ""

    def get_context_data(self, **kwargs):
        return super(SendAgainView, self).get_context_data(
            emails=self.failed.order_by("created_at")[:50],
            count=(count := self.failed.count()),
            can_send=count > 0,
            cancel_url=reverse(self.index_url_name),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        count = 0
        for email in self.failed.order_by("created_at"):
            if send_again(email.pk):
                log(instance=email, action=SEND_AGAIN_LOG, user=request.user)
                count += 1
        messages.success(
            request,
            _("%(count)s e-mail(s) queued to be sent again.") % {"count": count},
        )
        return redirect(self.index_url_name)


class FailedEmailsPanel(Component):
    """On the admin dashboard, for those who may read the e-mail log: how
    many messages failed for good, with a link to them. Nothing when none
    did."""

    name = "failed_emails"
    order = 50
    template_name = "convivir/admin/failed_emails_panel.html"

    def __init__(self, count, list_url, can_resend):
        self.count = count
        self.list_url = list_url
        self.can_resend = can_resend

    @classmethod
    def for_request(cls, request, policy, index_url_name):
        if not policy.user_has_permission(request.user, "view"):
            return None
        count = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
        if not count:
            return None
        return cls(
            count,
            f"{reverse(index_url_name)}?status={OutgoingEmail.Status.FAILED}",
            policy.user_has_permission(request.user, RESEND),
        )

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "list_url": self.list_url,
            "can_resend": self.can_resend,
        }
