"""Admin registration for the core app: the main menu and footer (one per
language, translated with wagtail-localize), the outgoing e-mail log, and
the snippet chooser and wagtail-localize's snippet API within each user's
permissions."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from convivir import snippet_access, snippet_api
from convivir.common.languages import active_locale
from convivir.email_admin import (
    SEND_AGAIN_LOG,
    FailedEmailsPanel,
    OutgoingEmailIndexView,
    OutgoingEmailInspectView,
    SendAgainView,
    SendFailedAgainView,
)
from convivir.models import Footer, MainMenu, OutgoingEmail, UndeliverableAddress


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Main menu")
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "doc-full"
    menu_label = _("Footer")
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]


class SiteNavigationGroup(SnippetViewSetGroup):
    items = (MainMenuViewSet, FooterViewSet)
    menu_icon = "site"
    menu_label = _("Navigation")
    menu_name = "navigation"
    menu_order = 800


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Staff may look at the log (with the "view" permission) but nobody,
    superusers included, adds, edits or deletes entries by hand. Sending a
    failed message again needs its own permission ("resend")."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OutgoingEmailViewSet(ModelViewSet):
    """The e-mail log: what the site tried to send and whether it went out,
    with "send again" for failed messages (see :mod:`convivir.email_admin`).
    Bodies are not shown; they may hold personal data and signed links."""

    model = OutgoingEmail
    index_view_class = OutgoingEmailIndexView
    inspect_view_class = OutgoingEmailInspectView
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    menu_order = 900
    add_to_settings_menu = True
    # Required by ModelViewSet; no form is ever shown (see the policy).
    form_fields = ["to"]
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["to", "subject"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "to",
        "language",
        "template",
        "subject",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
        "esp_message_id",
    ]
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            resend_url_name=self.get_url_name("resend"),
            resend_failed_url_name=self.get_url_name("resend_failed"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "send-again/<int:pk>/",
                self.construct_view(SendAgainView),
                name="resend",
            ),
            path(
                "send-again/failed/",
                self.construct_view(SendFailedAgainView),
                name="resend_failed",
            ),
        ]


register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))


class DeleteOnlyPermissionPolicy(ModelPermissionPolicy):
    """Entries come from the e-mail provider; staff may only remove one
    (with the "delete" permission) once the address works again."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class UndeliverableAddressViewSet(ModelViewSet):
    """Addresses the provider reported as bouncing, complaining or rejected:
    nothing is sent to them until an entry is deleted."""

    model = UndeliverableAddress
    icon = "warning"
    menu_label = _("Undeliverable addresses")
    menu_order = 910
    add_to_settings_menu = True
    form_fields = ["email"]
    list_display = ["email", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]
    copy_view_enabled = False


register_permission_policy(
    UndeliverableAddress, DeleteOnlyPermissionPolicy(UndeliverableAddress)
)


register_snippet(SiteNavigationGroup)
outgoing_email_viewset = OutgoingEmailViewSet("outgoing_email")


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return outgoing_email_viewset


@hooks.register("register_admin_viewset")
def register_undeliverable_address_viewset():
    return UndeliverableAddressViewSet("undeliverable_address")


@hooks.register("construct_homepage_panels")
def add_failed_emails_panel(request, panels):
    panel = FailedEmailsPanel.for_request(
        request,
        outgoing_email_viewset.permission_policy,
        outgoing_email_viewset.get_url_name("index"),
    )
    if panel is not None:
        panels.append(panel)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        SEND_AGAIN_LOG, _("Send e-mail again"), _("E-mail queued to be sent again")
    )


@hooks.register("register_admin_urls", order=-1)
def register_permitted_snippet_views():
    """Wagtail's snippet chooser and wagtail-localize's snippet API within
    the user's permissions, routed before their own (see
    :mod:`convivir.snippet_access` and :mod:`convivir.snippet_api`)."""
    return snippet_access.chooser_urlpatterns() + snippet_api.urlpatterns()


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """When a translation is missing, Wagtail serves the Spanish page under
    the other language's prefix (``/en/`` before the English home page
    exists). Send the visitor to the page's own address instead of showing
    Spanish content labelled as English."""
    locale = active_locale()
    if locale is not None and page.locale_id != locale.pk:
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None
