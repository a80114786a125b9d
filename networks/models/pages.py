"""The public pages: the volunteering page and each network's page, and the
volunteering settings (which privacy notice volunteers accept)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from convivir.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from convivir.common.languages import OnePerLanguagePage
from convivir.site_facts import KnownRestrictionsMixin, public
from directory.models import DirectoryIndexPage
from networks.filters import OpportunityFilter
from networks.models.networks import ProtectionNetwork
from networks.models.opportunities import VolunteerOpportunity


class VolunteerIndexPage(KnownRestrictionsMixin, OnePerLanguagePage, Page):
    """The "Take part" page: why volunteer, the opportunities of every
    network with filters by town and skill, and the networks themselves. Its
    code of conduct is what volunteers accept before they become active."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    code_of_conduct = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("code of conduct"),
        help_text=_("What volunteers accept before they become active."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("code_of_conduct"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = ["networks.ProtectionNetworkPage"]
    max_count_per_parent = 1
    template = "networks/volunteer_index_page.html"

    class Meta:
        verbose_name = _("volunteering page")
        verbose_name_plural = _("volunteering pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network_pages"] = (
            public(ProtectionNetworkPage.objects.child_of(self).live())
            .select_related("network")
            .order_by("title")
        )
        context["filter"] = OpportunityFilter(
            request.GET, VolunteerOpportunity.objects.active().for_listing()
        )
        return context


class ProtectionNetworkPage(KnownRestrictionsMixin, Page):
    """A network's public page: what it does, its member organisations, its
    open opportunities and how to join. The facts (town, contact) come from
    the :class:`ProtectionNetwork`, shared by every language."""

    network = models.ForeignKey(
        ProtectionNetwork,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("network"),
    )
    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in listings."),
    )
    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("what the network does")
    )
    how_to_join = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("how to join")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("network"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("how_to_join"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["networks.VolunteerIndexPage"]
    subpage_types = []
    template = "networks/protection_network_page.html"

    class Meta:
        verbose_name = _("protection network page")
        verbose_name_plural = _("protection network pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(self.network.members.select_related("organization"))
        if any(member.organization_id for member in members):
            directory = DirectoryIndexPage.for_visitor()
            for member in members:
                member.directory_url = (
                    member.organization.get_url(request, directory)
                    if member.organization_id
                    else ""
                )
        context["members"] = members
        context["opportunities"] = (
            VolunteerOpportunity.objects.filter(network=self.network)
            .active()
            .for_listing()
        )
        return context


@register_setting(icon="group")
class VolunteeringSettings(BaseGenericSetting):
    """Which privacy notice volunteers accept, and its version: the version
    is stored with each consent, so changing the notice means raising it."""

    privacy_notice_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
    )
    privacy_notice_version = models.CharField(
        max_length=40,
        default="1",
        verbose_name=_("privacy notice version"),
        help_text=_("Raise it whenever the privacy notice changes."),
    )

    panels = [FieldPanel("privacy_notice_page"), FieldPanel("privacy_notice_version")]

    class Meta:
        verbose_name = _("volunteering")
