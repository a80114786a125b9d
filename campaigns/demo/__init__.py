"""Demo content: four themes, three campaigns (one with a pledge and a few
confirmed signatures) and six dialogue materials, each with a printable PDF.
Spanish with English translations; people quoted are fictional."""

from django.utils import timezone

from wagtail.models import Locale

from campaigns.demo.content import CAMPAIGNS, MATERIALS, PLEDGES, THEMES
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignTarget,
    DialogueMaterialIndexPage,
    DialogueMaterialPage,
    Pledge,
    Theme,
)
from convivir.demo.base import (
    child_page,
    demo_document,
    demo_image,
    demo_loaders,
    ensure_menu_link,
    paragraphs,
    stream,
)
from convivir.demo.content import pick
from convivir.demo.localize import is_translated, translate
from convivir.demo.pdf import make_pdf
from convivir.models import HomePage


def load(stdout=None):
    """Build the campaigns demo (idempotent)."""
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=es, depth=2)
    t_es, t_en = pick("es"), pick("en")
    themes = _themes(es)

    index, _ = child_page(home, _campaign_index(t_es))
    if not is_translated(index):
        translate(index, _campaign_index(t_en))
    campaigns = []
    for data in CAMPAIGNS:
        # The core demo's illustrations, drawn locally: no new files.
        image = demo_image(data["image"], data["alt"][0])
        toolkit = _toolkit(data)
        page, _ = child_page(
            index, _campaign(t_es, data, image, toolkit, themes, campaigns)
        )
        if not is_translated(page):
            translate(page, _campaign(t_en, data, image, toolkit, themes, campaigns))
        campaigns.append(page)
    ensure_menu_link(index, "Campañas", "Campaigns", 4)

    library, _ = child_page(home, _library(t_es))
    if not is_translated(library):
        translate(library, _library(t_en))
    for data in MATERIALS:
        guide = _material_pdf(data)
        page, _ = child_page(library, _material(t_es, data, guide, themes, campaigns))
        if not is_translated(page):
            translate(page, _material(t_en, data, guide, themes, campaigns))

    _pledges(campaigns[0])
    if stdout:
        stdout.write(
            f"  campaigns: {len(campaigns)} campaigns, {len(MATERIALS)} materials, "
            f"{Pledge.objects.confirmed().count()} confirmed pledges"
        )


def _themes(es) -> dict[str, Theme]:
    themes = {}
    for slug, spanish, english in THEMES:
        theme, _ = Theme.objects.get_or_create(
            slug=slug, locale=es, defaults={"name": spanish}
        )
        if not is_translated(theme):
            translate(theme, Theme(name=english, slug=slug))
        themes[slug] = theme
    return themes


def _campaign_index(t):
    return CampaignIndexPage(
        title=t("Campañas", "Campaigns"),
        slug=t("campanas", "campaigns"),
        search_description=t(
            "Campañas contra la discriminación y por la convivencia en Chiapas, "
            "Oaxaca y Tabasco.",
            "Campaigns against discrimination and for living together in Chiapas, "
            "Oaxaca and Tabasco.",
        ),
        intro=paragraphs(
            t(
                "Conocernos cambia la mirada. Estas campañas llevan a los barrios, "
                "las escuelas y los centros de trabajo historias y datos que "
                "desmontan prejuicios. Descarga sus materiales y súmate.",
                "Getting to know each other changes how we see one another. These "
                "campaigns bring stories and facts that take prejudice apart to "
                "neighbourhoods, schools and workplaces. Download their materials "
                "and join in.",
            )
        ),
    )


def _sized(document):
    """Record the file's size, as the admin's upload form does, so the
    download link can show it."""
    if not document.file_size:
        document.file_size = document.file.size
        document.save(update_fields=["file_size"])
    return document


def _toolkit(data) -> list:
    title = data["title"][0]
    poster = _sized(
        demo_document(
            f"Cartel: {title}",
            f"cartel-{data['slug']}.pdf",
            make_pdf(f"Cartel: {title}", [("text", data["summary"][0])]),
        )
    )
    card = _sized(
        demo_document(
            f"Tarjeta para redes: {title}",
            f"tarjeta-{data['slug']}.pdf",
            make_pdf(
                title, [("heading", data["title"][0]), ("text", data["summary"][0])]
            ),
        )
    )
    return [("poster", poster), ("social_card", card)]


def _campaign(t, data, image, toolkit, themes, earlier):
    fact = data["fact"]
    quote_es, quote_en, name, place = data["testimony"]
    body = [
        ("paragraph", paragraphs(*(t(es, en) for es, en in data["body"]))),
        (
            "key_fact",
            {
                "figure": fact[0],
                "text": t(fact[1], fact[2]),
                "source": t(fact[3], fact[4]),
                "source_url": "",
            },
        ),
        (
            "testimony",
            {
                "quote": t(quote_es, quote_en),
                "name": name,
                "first_name_only": True,
                "place": t(*place),
                "consent_given": True,
            },
        ),
    ]
    page = CampaignPage(
        title=t(*data["title"]),
        slug=data["slug"],
        hero_image=image,
        hero_alt=t(*data["alt"]),
        summary=t(*data["summary"]),
        search_description=t(*data["summary"]),
        start_date=data["start"],
        end_date=data["end"],
        is_featured=data["featured"],
        pledge_enabled=bool(data["pledge"]),
        pledge_text=t(*data["pledge"]) if data["pledge"] else "",
        body=stream(f"campaign:{data['slug']}", body),
        toolkit=stream(
            f"toolkit:{data['slug']}",
            [
                ("file", {"document": doc.pk, "kind": kind, "label": ""})
                for kind, doc in toolkit
            ],
        ),
        related_campaigns=stream(
            f"related:{data['slug']}", [("campaign", p.pk) for p in earlier[-1:]]
        ),
    )
    page.themes = [themes[slug] for slug in data["themes"]]
    page.targets = [
        CampaignTarget(state=state, municipality=municipality, sort_order=order)
        for order, (state, municipality) in enumerate(data["targets"])
    ]
    return page


def _library(t):
    return DialogueMaterialIndexPage(
        title=t("Materiales para el diálogo", "Dialogue materials"),
        slug=t("materiales-para-el-dialogo", "dialogue-materials"),
        search_description=t(
            "Guías, fichas y carteles para sesiones de diálogo en comunidades de "
            "acogida.",
            "Guides, activity sheets and posters for dialogue sessions in host "
            "communities.",
        ),
        intro=paragraphs(
            t(
                "Guías y actividades probadas en escuelas, parroquias y albergues "
                "para conversar sobre la movilidad humana. Imprime el plan de la "
                "sesión y descarga los materiales.",
                "Guides and activities tried out in schools, parishes and shelters "
                "to talk about human mobility. Print the session plan and download "
                "the materials.",
            )
        ),
    )


def _material_pdf(data):
    title = data["title"][0]
    blocks = [("text", data["summary"][0])]
    for (step, _), minutes, (text, _) in data["steps"]:
        blocks += [("heading", f"{step} ({minutes} min)"), ("text", text)]
    return _sized(
        demo_document(f"Guía: {title}", f"{data['slug']}.pdf", make_pdf(title, blocks))
    )


def _material(t, data, guide, themes, campaigns):
    page = DialogueMaterialPage(
        title=t(*data["title"]),
        slug=data["slug"],
        summary=t(*data["summary"]),
        search_description=t(*data["summary"]),
        audiences=data["audiences"],
        format=data["format"],
        material_language=data["language"],
        duration_minutes=data["minutes"],
        objectives=paragraphs(
            t(
                "Que las personas participantes se escuchen y reconozcan lo que "
                "tienen en común.",
                "That participants listen to each other and recognise what they "
                "have in common.",
            )
        ),
        materials_needed=paragraphs(
            t(
                "Papel, plumones y un lugar donde sentarse en círculo.",
                "Paper, markers and a place to sit in a circle.",
            )
        ),
        session_plan=stream(
            f"plan:{data['slug']}",
            [
                (
                    "step",
                    {
                        "title": t(*title),
                        "minutes": minutes,
                        "instructions": paragraphs(t(*text)),
                    },
                )
                for title, minutes, text in data["steps"]
            ],
        ),
        downloads=stream(
            f"downloads:{data['slug']}",
            [("document", {"document": guide.pk, "label": ""})],
        ),
        related_campaigns=stream(
            f"material-related:{data['slug']}",
            [("campaign", campaigns[0].pk)],
        ),
    )
    page.themes = [themes[slug] for slug in data["themes"]]
    return page


def _pledges(campaign):
    """A few confirmed pledges, so the counter shows something."""
    if Pledge.objects.filter(campaign_key=campaign.translation_key).exists():
        return
    now = timezone.now()
    Pledge.objects.bulk_create(
        Pledge(
            campaign=campaign,
            campaign_key=campaign.translation_key,
            name=name,
            is_anonymous=not name,
            email=f"compromiso{n}@correo.example",
            municipality=municipality,
            consent_at=now,
            confirmation_nonce=f"demo{n}",
            confirmed_at=now,
        )
        for n, (name, municipality) in enumerate(PLEDGES)
    )


demo_loaders.register("campaigns", load, order=60)
