"""Seed the two taxonomies (service types, populations served) with Spanish
and English names and stable ids, create the "Directory editors" group, give
the confidential-locations permission to it and to the "Network
coordinators", and send service changes through the moderators' workflow."""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("0b6a2a55-8a52-4c1e-9a7e-2f3c6d0e9d10")

TAXONOMIES = {
    "service_type": (
        "Tipos de servicio Convivir",
        "Service types for people in transit in southern Mexico.",
        [
            ("shelter", "Albergue", "Shelter", "home"),
            ("food", "Alimentación", "Food", "food"),
            ("health", "Salud", "Health", "health"),
            (
                "mental_health",
                "Salud mental y apoyo psicosocial",
                "Mental health and psychosocial support",
                "heart",
            ),
            ("legal_aid", "Asesoría jurídica", "Legal aid", "scale"),
            (
                "asylum",
                "Asilo y refugio (COMAR)",
                "Asylum and refugee procedure",
                "passport",
            ),
            ("child_protection", "Protección de la niñez", "Child protection", "child"),
            (
                "gbv_protection",
                "Protección de mujeres y contra la violencia de género",
                "Women's and GBV protection",
                "shield",
            ),
            ("lgbtiq", "Apoyo a personas LGBTIQ+", "LGBTIQ+ support", "rainbow"),
            (
                "trafficking",
                "Atención a sobrevivientes de trata",
                "Trafficking survivors",
                "hand",
            ),
            ("documents", "Documentos e identidad", "Documents and ID", "id"),
            ("employment", "Empleo", "Employment", "work"),
            ("education", "Educación", "Education", "book"),
            (
                "communication",
                "Comunicación (teléfono, wifi, carga)",
                "Communication (phone, wifi, charging)",
                "phone",
            ),
            ("transport", "Transporte humanitario", "Humanitarian transport", "bus"),
            ("hygiene", "Higiene y ropa", "Hygiene and clothing", "shirt"),
        ],
    ),
    "population": (
        "Poblaciones atendidas",
        "Who a service is for.",
        [
            ("adults", "Personas adultas", "Adults", ""),
            ("families", "Familias", "Families", ""),
            ("women", "Mujeres", "Women", ""),
            (
                "unaccompanied_children",
                "Niñas, niños y adolescentes no acompañados",
                "Unaccompanied children",
                "",
            ),
            ("lgbtiq", "Personas LGBTIQ+", "LGBTIQ+ people", ""),
            (
                "disabilities",
                "Personas con discapacidad",
                "People with disabilities",
                "",
            ),
            ("indigenous", "Personas indígenas", "Indigenous people", ""),
        ],
    ),
}

EDITORS = "Directory editors"
COORDINATORS = "Network coordinators"
MODERATORS = "Moderators"

EDITOR_PERMISSIONS = [
    ("service", "add_service"),
    ("service", "change_service"),
    ("service", "view_service"),
    ("service", "lock_service"),
    ("organization", "add_organization"),
    ("organization", "change_organization"),
    ("organization", "view_organization"),
    ("location", "view_confidential_location"),
]


def term_id(taxonomy: str, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{taxonomy}:{code}")


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="directory", model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def seed(apps, schema_editor):
    Taxonomy = apps.get_model("directory", "Taxonomy")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    for key, (name, description, terms) in TAXONOMIES.items():
        taxonomy, _ = Taxonomy.objects.get_or_create(
            key=key,
            defaults={
                "id": uuid.uuid5(NAMESPACE, key),
                "name": name,
                "description": description,
                "version": "1",
            },
        )
        for order, (code, name_es, name_en, icon) in enumerate(terms):
            TaxonomyTerm.objects.get_or_create(
                taxonomy=taxonomy,
                code=code,
                defaults={
                    "id": term_id(key, code),
                    "name_es": name_es,
                    "name_en": name_en,
                    "icon": icon,
                    "sort_order": order,
                },
            )

    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        access_admin,
        *[_permission(apps, model, codename) for model, codename in EDITOR_PERMISSIONS],
    )
    confidential = _permission(apps, "location", "view_confidential_location")
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(
        confidential, _permission(apps, "organization", "view_organization")
    )
    # Editors propose; moderators publish (the workflow's reviewers).
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is not None:
        moderators.permissions.add(
            *[
                _permission(apps, "service", codename)
                for codename in (
                    "add_service",
                    "change_service",
                    "view_service",
                    "publish_service",
                    "lock_service",
                    "unlock_service",
                )
            ],
            _permission(apps, "organization", "view_organization"),
            _permission(apps, "organization", "change_organization"),
            confidential,
        )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(
        name=f"{MODERATORS} approval", active=True
    ).first()
    if workflow is not None:
        service_type, _ = ContentType.objects.get_or_create(
            app_label="directory", model="service"
        )
        WorkflowContentType.objects.get_or_create(
            content_type=service_type, defaults={"workflow": workflow}
        )


def unseed(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()
    apps.get_model("directory", "TaxonomyTerm").objects.all().delete()
    apps.get_model("directory", "Taxonomy").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("networks", "0002_network_coordinators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
