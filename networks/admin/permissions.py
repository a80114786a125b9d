"""Who sees which volunteers in the admin.

Isolation between networks is enforced in two places that every admin URL
of the volunteer viewset goes through:

- :class:`VolunteerPermissionPolicy` grants coordinators "view" and "change"
  without any Django permission on the model (so Wagtail's site history,
  which shows log entries to anyone with a model permission, never lists
  volunteers to them) and scopes instances to their own networks;
- :meth:`networks.admin.viewsets.VolunteerViewSet.get_urlpatterns` wraps
  every URL that names a volunteer so that one outside the user's networks
  is refused (403), whatever the view behind it (edit, inspect, history,
  usage, delete…).
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from networks.models import ProtectionNetwork, Volunteer


def sees_every_network(user) -> bool:
    """Programme staff: superusers and holders of "view volunteer"."""
    return user.is_superuser or user.has_perm("networks.view_volunteer")


def followed_networks(user):
    """The networks whose volunteers ``user`` follows up in the admin."""
    if sees_every_network(user):
        return ProtectionNetwork.objects.all()
    return ProtectionNetwork.coordinated_by(user)


class VolunteerPermissionPolicy(ModelPermissionPolicy):
    """Coordinators view and follow up the confirmed volunteers of their own
    networks; programme staff with the model's permissions see every
    network's; nobody adds a volunteer by hand (people sign up themselves)."""

    def _coordinates_any(self, user) -> bool:
        cached = getattr(user, "_coordinates_a_network", None)
        if cached is None:
            cached = ProtectionNetwork.coordinated_by(user).exists()
            user._coordinates_a_network = cached
        return cached

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if action == "add":
            return False
        if user.is_superuser:
            return True
        if action in {"view", "change"} and self._coordinates_any(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Volunteer.objects.none()
        return Volunteer.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_permission_for(user, action)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )
