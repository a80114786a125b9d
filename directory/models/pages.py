"""The public directory ("Buscar ayuda" / "Find help"): one page per
language, under which every service, organisation and town has its own
address, in the page's language (``servicio/<slug>/`` in Spanish,
``service/<slug>/`` in English). A path in the other language (an address
from before the paths were translated) redirects permanently to this
language's, keeping the query string."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from convivir.blocks import RICH_TEXT_FEATURES
from convivir.common.languages import OnePerLanguagePage
from convivir.common.routes import LocalizedRoutablePageMixin, localized_path
from convivir.site_facts import KnownRestrictionsMixin
from directory import views
from directory.models.services import Service


class DirectoryIndexPage(
    KnownRestrictionsMixin, LocalizedRoutablePageMixin, OnePerLanguagePage, Page
):
    """The public directory ("Buscar ayuda"): browse by town and by service
    type, and below it every service, organisation and town page, served
    from the entries (see :mod:`directory.views`). Its routes are named
    (``"service"``, ``"organization"``, ``"town"``…): addresses come from
    :meth:`route_url` or ``{% routablepageurl %}``, never written by hand."""

    intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    safety_note = models.TextField(
        blank=True,
        verbose_name=_("safety note"),
        help_text=_("Shown on every service page, e.g. what never to pay for."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("safety_note"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["convivir.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/directory_index_page.html"

    class Meta:
        verbose_name = _("directory page")
        verbose_name_plural = _("directory pages")

    @localized_path("index", es="", en="")
    def index_route(self, request):
        return views.directory_index(request, self)

    @localized_path("service", es="servicio/<slug:slug>/", en="service/<slug:slug>/")
    def service_route(self, request, slug):
        return views.service_detail(request, self, slug)

    @localized_path(
        "report",
        es="servicio/<slug:slug>/reportar/",
        en="service/<slug:slug>/report/",
    )
    def report_route(self, request, slug):
        return views.report_wrong_information(request, self, slug)

    # Signed tokens hold ":", which Wagtail's page paths do not allow: they
    # travel in the query string (``?t=…``).
    @localized_path("verify", es="verificar/", en="verify/")
    def verify_route(self, request):
        return views.verify_entry(request, self, request.GET.get("t", ""))

    @localized_path("status", es="estado/", en="status/")
    def status_route(self, request):
        return views.update_status(request, self, request.GET.get("t", ""))

    @localized_path(
        "organization",
        es="organizacion/<slug:slug>/",
        en="organization/<slug:slug>/",
    )
    def organization_route(self, request, slug):
        return views.organization_detail(request, self, slug)

    @localized_path("town", es="municipio/<slug:slug>/", en="town/<slug:slug>/")
    def town_route(self, request, slug):
        return views.town_detail(request, self, slug)

    @localized_path(
        "town_sheet",
        es="municipio/<slug:slug>/imprimir/",
        en="town/<slug:slug>/print/",
    )
    def town_sheet_route(self, request, slug):
        return views.town_sheet(request, self, slug)

    def route_url(
        self, name: str, request=None, *, full: bool = False, base=None, **kwargs
    ) -> str:
        """The address of the route ``name`` in the page's language
        (``route_url("service", slug="albergue-belen")``), absolute with
        ``full``; empty while the page has no address. ``base``, the page's
        own address already read, spares reading it again for each entry of
        a long list."""
        if base is None:
            base = self.get_full_url(request) if full else self.get_url(request)
        if not base:
            return ""
        return base.rstrip("/") + "/" + self.reverse_subpage(name, kwargs=kwargs)

    def get_sitemap_urls(self, request=None):
        """The page itself, then every public service, organisation and town
        (confidential or not: these pages never show a confidential address).
        """
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        services = Service.objects.public().select_related("organization")
        towns = set()
        organizations = set()
        for service in services.prefetch_related("service_at_locations__location").only(
            "slug", "updated_at", "organization__slug"
        ):
            urls.append(
                {
                    "location": self.route_url("service", base=base, slug=service.slug),
                    "lastmod": service.updated_at,
                }
            )
            organizations.add(service.organization.slug)
            towns.update(location.town for location in service.locations())
        urls += [
            {"location": self.route_url("organization", base=base, slug=slug)}
            for slug in sorted(organizations)
        ]
        urls += [
            {"location": self.route_url("town", base=base, slug=slug)}
            for slug in sorted(towns)
        ]
        return urls
