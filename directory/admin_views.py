"""Admin views beyond the snippet viewsets: "mark verified today"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from directory.models import Service


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
