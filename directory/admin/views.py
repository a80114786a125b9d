"""Admin views beyond the snippet viewsets: "mark verified today", the
organisation's edit view, the read-only places view and the moderators'
requests to publish a confidential address (with its menu item)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import EditView

from directory import confidentiality
from directory.models import AddressRelease, Organization, Service


def verify_service(request, pk):
    """GET asks for confirmation; POST records the verification."""
    if not request.user.has_perm("directory.change_service"):
        raise PermissionDenied
    service = get_object_or_404(Service, pk=pk)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("wagtailsnippets_directory_service:list")
    if request.method == "POST":
        service.mark_verified(user=request.user)
        messages.success(
            request, _("“%(name)s” marked as verified today.") % {"name": service}
        )
        return redirect(next_url)
    return render(
        request,
        "directory/admin/verify.html",
        {"service": service, "next_url": next_url},
    )


# --- Confidential locations -------------------------------------------------------


class OrganizationEditView(EditView):
    """The organisation's edit form. Each time it renders a confidential
    address (the first GET, or the form shown again after an error) the
    audit log records who saw it; a directory editor's untick is announced
    as waiting for a moderator."""

    def render_to_response(self, context, **response_kwargs):
        shown = getattr(self.form, "confidential_shown", [])
        if shown:
            confidentiality.log_view(self.request.user, self.object, "edit", shown)
        return super().render_to_response(context, **response_kwargs)

    def save_instance(self):
        instance = super().save_instance()
        for location in self.form.release_requests:
            messages.warning(
                self.request,
                _(
                    "“%(name)s” stays confidential until a moderator approves "
                    "publishing its address."
                )
                % {"name": location.name},
            )
        return instance


def organization_places(request, pk):
    """Read-only: every place of an organisation with its full address, for
    holders of "Can see confidential locations" (network coordinators among
    them, who may not edit the directory). Each view is audit-logged."""
    if not confidentiality.can_see(request.user):
        raise PermissionDenied
    organization = get_object_or_404(Organization, pk=pk)
    locations = list(organization.locations.all())
    confidential = [location for location in locations if location.is_confidential]
    if confidential:
        confidentiality.log_view(request.user, organization, "places", confidential)
    return render(
        request,
        "directory/admin/places.html",
        {
            "organization": organization,
            "places": [
                (location, location.place_facts(reveal=True)) for location in locations
            ],
        },
    )


def address_releases(request):
    """Moderators' list of editors' requests to publish an address."""
    if not confidentiality.can_release(request.user):
        raise PermissionDenied
    pending = AddressRelease.objects.filter(
        status=AddressRelease.Status.PENDING
    ).select_related("location__organization", "requested_by")
    decided = AddressRelease.objects.exclude(
        status=AddressRelease.Status.PENDING
    ).select_related("location__organization", "requested_by", "decided_by")[:20]
    return render(
        request,
        "directory/admin/address_releases.html",
        {"pending": pending, "decided": decided},
    )


class AddressReleasesMenuItem(MenuItem):
    """*Directory → Requests to publish an address*, for moderators only."""

    def is_shown(self, request):
        return confidentiality.can_release(request.user)


def _decide(request, pk, approve: bool):
    if request.method != "POST":
        return redirect("directory_address_releases")
    address_release = get_object_or_404(
        AddressRelease.objects.select_related("location__organization"), pk=pk
    )
    confidentiality.decide(address_release, request.user, approve=approve)
    name = address_release.location.name
    if approve:
        messages.success(
            request, _("The address of “%(name)s” is published.") % {"name": name}
        )
    else:
        messages.success(request, _("“%(name)s” stays confidential.") % {"name": name})
    return redirect("directory_address_releases")


def approve_address_release(request, pk):
    return _decide(request, pk, approve=True)


def reject_address_release(request, pk):
    return _decide(request, pk, approve=False)
