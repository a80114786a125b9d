"""The coordinators' follow-up of a volunteer: statuses, the three
safeguards before "active" (code of conduct, training, references) and dated
notes, each written to the audit log under the volunteer's number. Mixed
into :class:`~networks.models.volunteers.Volunteer`."""

from typing import Self

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from convivir.common.links import LinkError, SignedLink

# The code of conduct waits for its volunteer however long the follow-up
# takes: the link lets its owner accept the code, nothing else.
CONDUCT_LINK = SignedLink("networks.volunteer.conduct", None)


class PipelineMixin:
    """What coordinators record about a volunteer, and what the volunteer
    accepts themself."""

    def conduct_token(self) -> str:
        return CONDUCT_LINK.make({"v": self.pk})

    @classmethod
    def from_conduct_token(cls, token: str) -> Self:
        """The volunteer a code-of-conduct link is for. The link does not
        expire: it only lets its owner accept the code, which the volunteer
        must do before becoming active, however long the follow-up takes."""
        payload = CONDUCT_LINK.load(token)
        volunteer = cls.objects.confirmed().filter(pk=payload.get("v")).first()
        if volunteer is None:
            raise LinkError("invalid")
        return volunteer

    def accept_code_of_conduct(self):
        """Recorded by the volunteer themself, through their signed link."""
        if self.conduct_accepted_at:
            return
        self.conduct_accepted_at = timezone.now()
        self.save(update_fields=["conduct_accepted_at"])
        log(instance=self, action="networks.conduct", title=self.log_label)

    def missing_safeguards(self) -> list[str]:
        """What is still needed before this volunteer may become active."""
        missing = []
        if not self.conduct_accepted_at:
            missing.append(_("the code of conduct accepted by the volunteer"))
        if not self.training_completed_at:
            missing.append(_("the safeguarding training completed"))
        if not self.references_checked_at:
            missing.append(_("the references checked"))
        return missing

    def clean(self):
        super().clean()
        if self.status == self.Status.ACTIVE and self.missing_safeguards():
            raise ValidationError(
                {
                    "status": _("A volunteer can only become active with %(missing)s.")
                    % {"missing": ", ".join(str(m) for m in self.missing_safeguards())}
                }
            )

    def record_training(self, user):
        if not self.training_completed_at:
            self.training_completed_at = timezone.now()
            self.training_recorded_by = user
            log(
                instance=self,
                action="networks.training",
                user=user,
                title=self.log_label,
            )

    def record_references(self, user):
        if not self.references_checked_at:
            self.references_checked_at = timezone.now()
            self.references_recorded_by = user
            log(
                instance=self,
                action="networks.references",
                user=user,
                title=self.log_label,
            )

    def record_status_change(self, previous: str, user):
        """Date the new status and write it to the audit log."""
        if previous == self.status:
            return
        self.status_changed_at = timezone.now()
        log(
            instance=self,
            action="networks.status",
            user=user,
            title=self.log_label,
            data={"from": previous, "to": self.status},
        )

    def add_note(self, text: str, user):
        """A dated note signed by ``user``; returns it."""
        note = self.notes.create(text=text, author=user)
        # The note's text is personal; the log only says that one was added.
        log(instance=self, action="networks.note", user=user, title=self.log_label)
        return note
