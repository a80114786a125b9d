"""The directory's admin forms: organisations with their inline locations
(confidential ones guarded, see :mod:`directory.confidentiality`) and
services whose places are chosen among their organisation's locations."""

from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.forms import WagtailAdminModelForm

from directory import confidentiality
from directory.models import Location


class OrganizationAdminForm(WagtailAdminModelForm):
    """For users without the permission, a confidential location's address
    and the text written about it are left out of the form (they neither
    see nor change them) and its "confidential" box cannot be unticked.
    For holders, unticking becomes a release: published at once by a
    moderator, a request for a moderator otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sees = confidentiality.can_see(self.for_user)
        #: The confidential locations whose address this form shows.
        self.confidential_shown = []
        #: Locations whose untick waits for a moderator, after save().
        self.release_requests = []
        for form in self._location_forms:
            location = form.instance
            if location._state.adding or not location.is_confidential:
                continue
            if sees:
                self.confidential_shown.append(location)
                continue
            for name in confidentiality.PRIVATE_FIELDS:
                form.fields.pop(name, None)
            form.fields["is_confidential"].disabled = True

    @cached_property
    def _location_forms(self):
        formset = self.formsets.get("locations")
        return list(formset.forms) if formset is not None else []

    def _unticked(self):
        """Existing confidential locations the user unticked (and kept)."""
        for form in self._location_forms:
            location = form.instance
            data = getattr(form, "cleaned_data", {})
            if (
                not location._state.adding
                and form.initial.get("is_confidential")
                and not data.get("is_confidential", True)
                and not data.get("DELETE")
            ):
                yield location

    def save(self, commit=True):
        user = self.for_user
        released = []
        for location in self._unticked():
            if confidentiality.can_release(user):
                confidentiality.mark_released(location, user)
                released.append(location)
            else:
                # Kept confidential; the request is recorded once saved.
                location.is_confidential = True
                self.release_requests.append(location)
        instance = super().save(commit=commit)
        if commit:
            for location in released:
                confidentiality.log_release(location, user)
            for location in self.release_requests:
                confidentiality.request_release(location, user)
        return instance


class ServiceAdminForm(WagtailAdminModelForm):
    """Once a service has its organisation, its places are chosen among that
    organisation's locations (HSDS: a location belongs to one organisation),
    which also keeps the list short in a directory of thousands. A status
    an editor changes is reported at once, as the shelter's staff report it
    (never through a draft), with its time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization_id = self.instance.organization_id
        formset = self.formsets.get("service_at_locations")
        if not organization_id or formset is None:
            return
        locations = Location.objects.filter(organization_id=organization_id)
        base = formset.form

        class PlaceForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["location"].queryset = locations

        # Before the formset builds its forms (and its empty template form).
        formset.form = PlaceForm

    def save(self, commit=True):
        changed = "status" in self.changed_data
        instance = super().save(commit=commit)
        if changed and not instance._state.adding:
            instance.set_status(instance.status, user=self.for_user, via="admin")
        elif changed:
            instance.status_changed_at = timezone.now()
        return instance
