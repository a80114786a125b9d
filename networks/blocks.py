"""A block for campaign and event pages: ask the reader to volunteer for a
network or one of its opportunities."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.segments import StringSegmentValue


class VolunteerCallToActionValue(blocks.StructValue):
    @property
    def href(self) -> str:
        """The sign-up form with the opportunity, or else the network,
        chosen; an opportunity that was removed falls back to its network."""
        opportunity = self.get("opportunity")
        if opportunity is not None:
            # A translated page keeps the opportunity it was translated from.
            return opportunity.localized.signup_url()
        network = self.get("network")
        if network is not None:
            return network.signup_url()
        return ""


class VolunteerCallToActionBlock(blocks.StructBlock):
    """A highlighted box leading to the volunteer sign-up, with a network or
    an opportunity already chosen."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(
        label=_("button label"),
        max_length=60,
        help_text=_("Start with a verb: “Quiero ser voluntaria/o”."),
    )
    network = SnippetChooserBlock(
        "networks.ProtectionNetwork", label=_("network"), required=False
    )
    opportunity = SnippetChooserBlock(
        "networks.VolunteerOpportunity",
        label=_("or opportunity"),
        required=False,
    )

    # Only the texts are translated. The network and opportunity stay as
    # chosen (the link follows the visitor's language): left to
    # wagtail-localize, translating the page would submit the opportunity
    # again and overwrite its own English translation.
    TRANSLATED = ("heading", "text", "button_label")

    def get_translatable_segments(self, value):
        return [
            StringSegmentValue(name, value[name])
            for name in self.TRANSLATED
            if value.get(name)
        ]

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            if (
                isinstance(segment, StringSegmentValue)
                and segment.path in self.TRANSLATED
            ):
                value[segment.path] = segment.render_text()
        return value

    def clean(self, value):
        value = super().clean(value)
        if not value.get("network") and not value.get("opportunity"):
            raise StructBlockValidationError(
                block_errors={
                    "network": ValidationError(_("Choose a network or an opportunity."))
                }
            )
        return value

    class Meta:
        icon = "group"
        template = "networks/blocks/volunteer_call_to_action_block.html"
        label = _("Volunteer call to action")
        value_class = VolunteerCallToActionValue
        description = _("A box with a button to sign up as a volunteer.")
