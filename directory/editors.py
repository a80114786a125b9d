"""The directory's editors (the "Directory editors" group): who they are,
and telling them something by e-mail, each in their admin language."""

from django.contrib.auth import get_user_model

from convivir.common.validators import supported_language
from convivir.notifications import send_notification

EDITORS_GROUP = "Directory editors"


def editors():
    """Active editors with an e-mail address, with their admin profiles."""
    return (
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )


def email_editors(template: str, context: dict) -> int:
    """Send the e-mail ``template`` to every editor, each in their admin
    language; returns how many were sent."""
    sent = 0
    for editor in editors():
        profile = getattr(editor, "wagtail_userprofile", None)
        send_notification(
            to=editor.email,
            template=template,
            context=context,
            language=supported_language(
                getattr(profile, "preferred_language", "") or None
            ),
        )
        sent += 1
    return sent
