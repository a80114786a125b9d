"""What the admin forms of the directory are posted with in the tests."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.factories import term


def service_form(organization, location, **fields):
    return nested_form_data(
        {
            "organization": str(organization.pk),
            "name": "Comedor San José",
            "slug": "comedor-san-jose",
            "description": "Comida caliente todos los días.",
            "status": "open",
            "service_types": [str(term("food").pk)],
            "is_free": "on",
            "languages": '["es"]',
            "service_at_locations": inline_formset(
                [{"location": str(location.pk), "description": ""}]
            ),
            "schedules": inline_formset(
                [{"weekday": "0", "opens_at": "08:00", "closes_at": "14:00"}]
            ),
            "phones": inline_formset(
                [
                    {
                        "number": "+52 962 555 0199",
                        "kind": "cell",
                        "whatsapp": "on",
                        "description": "",
                    }
                ]
            ),
            "contacts": inline_formset([]),
            "required_documents": inline_formset([{"document": "Nada"}]),
            **fields,
        }
    )
