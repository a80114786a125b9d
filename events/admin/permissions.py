"""Who may do what with registrations in the admin."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from events.models import Registration


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody deletes a
    registration: it is cancelled (seats freed, waiting list promoted)."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


registration_permission_policy = RegistrationPermissionPolicy(Registration)
