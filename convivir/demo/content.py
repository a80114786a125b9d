"""The core demo content: home page, "about the programme", "know your
rights", safety advice for the road, privacy notice and accessibility
statement, the main menu and the footer, in Spanish with English versions.

The legal information reflects Mexican law as publicly documented (Ley de
Migración, Ley sobre Refugiados, Protección Complementaria y Asilo Político,
Ley de la CNDH); the organisations' contact details are fictional.
"""

from wagtail.models import Locale, Page, Site

from convivir.demo.base import (
    bullet_list,
    child_page,
    demo_document,
    demo_image,
    ensure_menu_link,
    list_items,
    paragraphs,
    stream,
)
from convivir.demo.localize import is_translated, translate
from convivir.demo.pdf import make_pdf
from convivir.models import ContentPage, Footer, FooterLink, HomePage


def pick(language):
    """``t("texto", "text")`` returns the text for ``language``."""

    def t(spanish, english):
        return spanish if language == "es" else english

    return t


# --- Pages --------------------------------------------------------------------


def about_page(t, images):
    return ContentPage(
        title=t("Sobre el programa", "About the programme"),
        slug=t("sobre-el-programa", "about-the-programme"),
        summary=t(
            "Un programa de seguridad humana que une a instituciones, albergues y "
            "comunidades de Chiapas, Oaxaca y Tabasco para proteger a las personas "
            "en movilidad y fortalecer la convivencia.",
            "A human-security programme that brings together institutions, shelters "
            "and communities in Chiapas, Oaxaca and Tabasco to protect people on the "
            "move and strengthen peaceful coexistence.",
        ),
        search_description=t(
            "Qué hace el programa Convivir y con quién trabaja.",
            "What the Convivir programme does and who it works with.",
        ),
        body=stream(
            "about",
            [
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Cada año, cientos de miles de personas cruzan el sur de "
                            "México desde Centroamérica, el Caribe y otros lugares. En el "
                            "camino enfrentan extorsión, secuestro, trata y violencia, "
                            "y con frecuencia el rechazo de las comunidades por las que "
                            "pasan.",
                            "Every year, hundreds of thousands of people cross southern "
                            "Mexico from Central America, the Caribbean and beyond. On "
                            "the way they face extortion, kidnapping, trafficking and "
                            "violence, and often rejection by the communities they pass "
                            "through.",
                        ),
                        t(
                            "Convivir es el portal público de un programa de seguridad "
                            "humana en el que participan agencias de Naciones Unidas, "
                            "instituciones federales y estatales y organizaciones de la "
                            "sociedad civil.",
                            "Convivir is the public portal of a human-security "
                            "programme run by United Nations agencies, federal and state "
                            "institutions and civil-society organisations.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("Tres frentes de trabajo", "Three fronts"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "<b>Instituciones</b> que atienden a personas en movilidad: "
                            "salud, protección de la infancia, derechos humanos.",
                            "<b>Institutions</b> that assist people on the move: health, "
                            "child protection, human rights.",
                        ),
                        t(
                            "<b>Albergues y casas del migrante</b>, la primera línea de "
                            "atención, con información y formación.",
                            "<b>Shelters and migrant houses</b>, the first line of "
                            "assistance, with information and training.",
                        ),
                        t(
                            "<b>Comunidades de acogida</b>: campañas contra la "
                            "discriminación, eventos culturales, diálogo y redes locales "
                            "de protección con personas voluntarias.",
                            "<b>Host communities</b>: campaigns against discrimination, "
                            "cultural events, dialogue and local protection networks of "
                            "volunteers.",
                        ),
                    ),
                ),
                (
                    "image",
                    {
                        "image": images["community"].pk,
                        "alt_text": t(
                            "Ilustración de dos figuras juntas sobre un fondo de "
                            "colores cálidos.",
                            "Illustration of two figures side by side on a warm "
                            "background.",
                        ),
                        "caption": t(
                            "Convivir: comunidades que acogen.",
                            "Convivir: communities that welcome.",
                        ),
                    },
                ),
                (
                    "quote",
                    {
                        "quote": t(
                            "Cuando una comunidad conoce a quien llega, el miedo deja "
                            "lugar a la hospitalidad.",
                            "When a community gets to know those who arrive, fear makes "
                            "way for hospitality.",
                        ),
                        "attribution": t(
                            "Coordinadora de una red de protección en Tapachula",
                            "Coordinator of a protection network in Tapachula",
                        ),
                    },
                ),
                (
                    "heading",
                    {"text": t("Cómo trabajamos", "How we work"), "level": "h2"},
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Seguridad primero: no publicamos nada que ayude a localizar "
                            "a una persona o un albergue confidencial. Pedimos solo los "
                            "datos necesarios y los borramos cuando dejan de serlo. Este "
                            "sitio no usa rastreadores ni contenidos de otros sitios.",
                            "Safety first: we publish nothing that helps anyone find a "
                            "person or a confidential shelter. We ask only for the data "
                            "we need and delete it when it is no longer needed. This site "
                            "uses no trackers and no content from other sites.",
                        ),
                    ),
                ),
            ],
        ),
    )


def rights_page(t, images, document):
    return ContentPage(
        title=t("Conoce tus derechos", "Know your rights"),
        slug=t("conoce-tus-derechos", "know-your-rights"),
        summary=t(
            "En México tienes derechos sin importar tu nacionalidad ni tu situación "
            "migratoria. Aquí te explicamos los más importantes y a dónde acudir.",
            "In Mexico you have rights whatever your nationality or migration status. "
            "Here are the most important ones and where to go.",
        ),
        search_description=t(
            "Derechos de las personas migrantes en México: salud, asilo, quejas y "
            "tarjeta de visitante por razones humanitarias.",
            "Rights of migrants in Mexico: health care, asylum, complaints and the "
            "humanitarian visitor card.",
        ),
        show_table_of_contents=True,
        body=stream(
            "rights",
            [
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "La Constitución mexicana y la Ley de Migración reconocen los "
                            "derechos humanos de todas las personas que están en el país, "
                            "tengan o no documentos. Ninguna autoridad puede negarte estos "
                            "derechos por tu situación migratoria.",
                            "The Mexican Constitution and the Migration Law recognise the "
                            "human rights of everyone in the country, with or without "
                            "documents. No authority may deny you these rights because of "
                            "your migration status.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("Tus derechos en breve", "Your rights in brief"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "Recibir atención médica; la de urgencia es gratuita.",
                            "To receive medical care; emergency care is free.",
                        ),
                        t(
                            "Pedir protección como persona refugiada (asilo) ante la "
                            "COMAR, sin costo y sin abogado.",
                            "To ask for protection as a refugee (asylum) from COMAR, free "
                            "of charge and without a lawyer.",
                        ),
                        t(
                            "Presentar una queja ante una comisión de derechos humanos si "
                            "una autoridad te trata mal.",
                            "To file a complaint with a human-rights commission if an "
                            "authority mistreats you.",
                        ),
                        t(
                            "Recibir información en un idioma que entiendas y, si lo "
                            "necesitas, un intérprete.",
                            "To receive information in a language you understand and, if "
                            "needed, an interpreter.",
                        ),
                        t(
                            "Que niñas, niños y adolescentes sean protegidos por el DIF y "
                            "la Procuraduría de Protección, nunca detenidos.",
                            "For children and adolescents to be protected by DIF and the "
                            "Child Protection Office, never detained.",
                        ),
                    ),
                ),
                (
                    "document",
                    {
                        "document": document.pk,
                        "label": t(
                            "Descarga la cartilla de derechos para imprimir",
                            "Download the printable rights leaflet (in Spanish)",
                        ),
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": t(
                            "Preguntas frecuentes", "Frequently asked questions"
                        ),
                        "items": list_items(
                            "rights-faq",
                            [
                                {
                                    "question": t(
                                        "¿Me pueden detener si voy al hospital?",
                                        "Can I be detained if I go to hospital?",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "La atención médica es un derecho. El personal de "
                                            "salud no es autoridad migratoria y no debe pedirte "
                                            "documentos migratorios para atenderte.",
                                            "Medical care is a right. Health staff are not "
                                            "immigration officers and must not ask for "
                                            "migration documents to treat you.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "¿Tengo que pagar para pedir asilo?",
                                        "Do I have to pay to ask for asylum?",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "No. El trámite ante la COMAR es gratuito. Si "
                                            "alguien te cobra por “ayudarte” con el trámite, "
                                            "puede ser un fraude: acude a un albergue o a una "
                                            "organización de asesoría jurídica gratuita.",
                                            "No. The COMAR procedure is free. If someone "
                                            "charges you to “help” with it, it may be a fraud: "
                                            "go to a shelter or a free legal-aid organisation.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "¿Qué hago si me quitan mis documentos?",
                                        "What do I do if my documents are taken?",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Nadie, salvo una autoridad en ejercicio de sus "
                                            "funciones y por un motivo legal, puede retener tus "
                                            "documentos. Guarda fotos o copias y, si te los "
                                            "quitan, pide ayuda en un albergue y presenta una "
                                            "queja.",
                                            "No one but an authority acting lawfully may keep "
                                            "your documents. Keep photos or copies and, if they "
                                            "are taken, ask a shelter for help and file a "
                                            "complaint.",
                                        )
                                    ),
                                },
                            ],
                        ),
                    },
                ),
            ],
        ),
    )


def health_page(t):
    return ContentPage(
        title=t("Derecho a la salud", "The right to health care"),
        slug=t("derecho-a-la-salud", "right-to-health-care"),
        summary=t(
            "Puedes recibir atención médica en México sin importar tu situación "
            "migratoria. La atención de urgencia es gratuita.",
            "You can receive medical care in Mexico whatever your migration status. "
            "Emergency care is free.",
        ),
        body=stream(
            "health",
            [
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "El artículo 8 de la Ley de Migración establece que las "
                            "personas migrantes tienen derecho a recibir cualquier tipo "
                            "de atención médica de los sectores público y privado, "
                            "independientemente de su situación migratoria, y a recibir "
                            "de manera gratuita y sin restricción la atención médica "
                            "urgente que sea necesaria para preservar su vida.",
                            "Article 8 of the Migration Law establishes that migrants have "
                            "the right to receive any kind of medical care from the public "
                            "and private sectors, whatever their migration status, and to "
                            "receive free and without restriction the emergency care "
                            "needed to preserve their life.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("Dónde pedir atención", "Where to get care"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "En una emergencia, ve al servicio de urgencias del hospital "
                            "más cercano o llama al 911.",
                            "In an emergency, go to the nearest hospital's emergency "
                            "department or call 911.",
                        ),
                        t(
                            "En los centros de salud públicos puedes pedir consulta "
                            "general, vacunas y control del embarazo.",
                            "At public health centres you can ask for a general "
                            "consultation, vaccines and pregnancy care.",
                        ),
                        t(
                            "Muchos albergues tienen consultorio o acompañan a las "
                            "personas al centro de salud.",
                            "Many shelters have a clinic or go with people to the health "
                            "centre.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Si te niegan la atención", "If you are refused care"
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Pide hablar con la persona responsable del turno, explica "
                            "que la ley te da derecho a la atención y, si aun así te la "
                            "niegan, anota la fecha, el lugar y los nombres. Con esos "
                            "datos puedes presentar una queja ante la comisión de "
                            "derechos humanos.",
                            "Ask to speak to the person in charge of the shift, explain "
                            "that the law gives you the right to care and, if you are "
                            "still refused, write down the date, the place and the names. "
                            "With those details you can file a complaint with the "
                            "human-rights commission.",
                        ),
                    ),
                ),
            ],
        ),
    )


def asylum_page(t):
    return ContentPage(
        title=t(
            "Derecho a solicitar asilo (refugio) ante la COMAR",
            "The right to seek asylum (refugee status) with COMAR",
        ),
        slug=t("solicitar-asilo-comar", "seek-asylum-comar"),
        summary=t(
            "Si no puedes volver a tu país porque tu vida, tu seguridad o tu libertad "
            "están en peligro, puedes pedir la condición de refugiado en México.",
            "If you cannot return to your country because your life, safety or freedom "
            "are in danger, you can ask for refugee status in Mexico.",
        ),
        body=stream(
            "asylum",
            [
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "La Comisión Mexicana de Ayuda a Refugiados (COMAR) recibe y "
                            "resuelve las solicitudes de la condición de refugiado. El "
                            "trámite es gratuito, no necesitas abogado y puedes hacerlo "
                            "en tu idioma con ayuda de un intérprete.",
                            "The Mexican Commission for Refugee Assistance (COMAR) receives "
                            "and decides applications for refugee status. The procedure is "
                            "free, you do not need a lawyer and you can do it in your own "
                            "language with an interpreter.",
                        ),
                    ),
                ),
                ("heading", {"text": t("Paso a paso", "Step by step"), "level": "h2"}),
                (
                    "paragraph",
                    "<ol>"
                    + "".join(
                        f"<li>{item}</li>"
                        for item in (
                            t(
                                "Preséntate en una oficina de la COMAR (por ejemplo en "
                                "Tapachula, Palenque o Tenosique) o informa a la "
                                "autoridad migratoria que quieres pedir refugio.",
                                "Go to a COMAR office (for example in Tapachula, Palenque "
                                "or Tenosique) or tell the immigration authority you want "
                                "to ask for refugee status.",
                            ),
                            t(
                                "Hazlo dentro de los 30 días hábiles después de haber "
                                "entrado a México. Si pasó más tiempo por causas que no "
                                "dependieron de ti, explícalo: tu solicitud puede ser "
                                "admitida.",
                                "Do it within 30 working days of entering Mexico. If more "
                                "time has passed for reasons beyond your control, explain "
                                "them: your application may still be accepted.",
                            ),
                            t(
                                "Recibirás una constancia de trámite. Consérvala: te "
                                "protege mientras se decide tu caso.",
                                "You will receive a proof of application. Keep it: it "
                                "protects you while your case is decided.",
                            ),
                            t(
                                "Tendrás una entrevista. Cuenta con calma por qué saliste "
                                "de tu país; lo que digas es confidencial.",
                                "You will have an interview. Calmly explain why you left "
                                "your country; what you say is confidential.",
                            ),
                            t(
                                "Mientras dura el trámite debes permanecer en el estado "
                                "donde lo iniciaste y presentarte a firmar cuando te lo "
                                "pidan.",
                                "While the procedure lasts you must stay in the state "
                                "where you applied and sign in when asked.",
                            ),
                        )
                    )
                    + "</ol>",
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Nadie puede devolverte a un país donde tu vida o tu libertad "
                            "corran peligro mientras tu solicitud está en trámite: es el "
                            "principio de no devolución.",
                            "No one may send you back to a country where your life or "
                            "freedom would be in danger while your application is being "
                            "decided: this is the principle of non-refoulement.",
                        ),
                    ),
                ),
            ],
        ),
    )


def complaint_page(t):
    return ContentPage(
        title=t(
            "Presentar una queja ante una comisión de derechos humanos",
            "Filing a complaint with a human-rights commission",
        ),
        slug=t("presentar-una-queja", "file-a-complaint"),
        summary=t(
            "Si una autoridad te trató mal, te pidió dinero o no te atendió, puedes "
            "presentar una queja gratuita, aunque no tengas documentos.",
            "If an authority mistreated you, asked you for money or refused to help "
            "you, you can file a free complaint, even without documents.",
        ),
        body=stream(
            "complaint",
            [
                ("heading", {"text": t("¿Ante quién?", "Where?"), "level": "h2"}),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "<b>Comisión Nacional de los Derechos Humanos (CNDH)</b>: "
                            "cuando la autoridad es federal, por ejemplo el Instituto "
                            "Nacional de Migración o la Guardia Nacional.",
                            "<b>National Human Rights Commission (CNDH)</b>: when the "
                            "authority is federal, for example the National Migration "
                            "Institute or the National Guard.",
                        ),
                        t(
                            "<b>Comisión o defensoría estatal</b> de Chiapas, Oaxaca o "
                            "Tabasco: cuando la autoridad es estatal o municipal, por "
                            "ejemplo la policía municipal.",
                            "<b>State commission or ombudsperson</b> of Chiapas, Oaxaca "
                            "or Tabasco: when the authority is a state or municipal one, "
                            "for example the municipal police.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {"text": t("Cómo presentarla", "How to file it"), "level": "h2"},
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Puedes presentarla en persona, por escrito, por teléfono o "
                            "en línea, en tu idioma. Cuenta qué pasó, cuándo, dónde y, "
                            "si los sabes, los nombres o números de placa de quienes "
                            "intervinieron. Tienes hasta un año desde los hechos.",
                            "You can file it in person, in writing, by phone or online, "
                            "in your own language. Say what happened, when, where and, if "
                            "you know them, the names or badge numbers of those involved. "
                            "You have up to one year from the events.",
                        ),
                        t(
                            "Presentar una queja no afecta tu trámite migratorio ni tu "
                            "solicitud de asilo.",
                            "Filing a complaint does not affect your migration procedure "
                            "or your asylum application.",
                        ),
                    ),
                ),
            ],
        ),
    )


def visitor_card_page(t):
    return ContentPage(
        title=t(
            "¿Qué es la Tarjeta de Visitante por Razones Humanitarias?",
            "What is the humanitarian visitor card?",
        ),
        slug=t(
            "tarjeta-de-visitante-por-razones-humanitarias", "humanitarian-visitor-card"
        ),
        summary=t(
            "Un documento migratorio que expide el INM y que te permite estar en "
            "México de forma regular, trabajar y moverte por el país.",
            "A migration document issued by the INM that lets you stay in Mexico "
            "lawfully, work and travel around the country.",
        ),
        body=stream(
            "tvrh",
            [
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "La Tarjeta de Visitante por Razones Humanitarias (TVRH) la "
                            "otorga el Instituto Nacional de Migración (INM). Es válida "
                            "hasta por un año y puede renovarse mientras dure la causa "
                            "que la originó.",
                            "The humanitarian visitor card (TVRH) is granted by the "
                            "National Migration Institute (INM). It is valid for up to "
                            "one year and can be renewed while the reason for it lasts.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("¿Quién puede obtenerla?", "Who can get it?"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "Personas que fueron víctimas o testigos de un delito en México.",
                            "People who were victims of or witnesses to a crime in Mexico.",
                        ),
                        t(
                            "Niñas, niños y adolescentes no acompañados.",
                            "Unaccompanied children and adolescents.",
                        ),
                        t(
                            "Personas que solicitaron la condición de refugiado, mientras "
                            "se resuelve su caso.",
                            "People who applied for refugee status, while their case is "
                            "decided.",
                        ),
                        t(
                            "Otras personas por una causa humanitaria o de interés "
                            "público que la autoridad reconozca.",
                            "Others for a humanitarian reason or public interest that "
                            "the authority recognises.",
                        ),
                    ),
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Con la tarjeta puedes obtener una CURP temporal para trabajar "
                            "formalmente y acceder a servicios. Antes de iniciar el "
                            "trámite, pide orientación gratuita en un albergue o en una "
                            "organización de asesoría jurídica.",
                            "With the card you can get a temporary CURP (population "
                            "registry number) to work formally and access services. "
                            "Before you apply, ask a shelter or a legal-aid organisation "
                            "for free advice.",
                        ),
                    ),
                ),
            ],
        ),
    )


def safety_page(t, images):
    return ContentPage(
        title=t("Seguridad en el camino", "Staying safe on the road"),
        quick_exit=True,
        slug=t("seguridad-en-el-camino", "staying-safe-on-the-road"),
        summary=t(
            "Consejos prácticos de albergues y personas que hicieron el camino antes "
            "que tú.",
            "Practical advice from shelters and from people who made the journey "
            "before you.",
        ),
        body=stream(
            "safety",
            [
                (
                    "image",
                    {
                        "image": images["road"].pk,
                        "alt_text": t(
                            "Ilustración de un camino que se pierde en el horizonte.",
                            "Illustration of a road stretching to the horizon.",
                        ),
                        "caption": "",
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": t(
                            "Antes de salir y en el camino",
                            "Before you leave and on the road",
                        ),
                        "items": list_items(
                            "safety-faq",
                            [
                                {
                                    "question": t(
                                        "Protege tus documentos",
                                        "Protect your documents",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Toma fotos de tus documentos y envíalas a tu "
                                            "correo o a una persona de confianza. Lleva los "
                                            "originales en una bolsa impermeable, cerca del "
                                            "cuerpo.",
                                            "Take photos of your documents and send them to "
                                            "your e-mail or to someone you trust. Carry the "
                                            "originals in a waterproof bag, close to your body.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "Memoriza un número de teléfono",
                                        "Memorise a phone number",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Si pierdes el teléfono, necesitarás al menos un "
                                            "número de una persona de confianza. Escríbelo "
                                            "también en un papel que guardes aparte.",
                                            "If you lose your phone, you will need at least one "
                                            "number of someone you trust. Also write it on a "
                                            "piece of paper you keep separately.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "Desconfía de ofertas demasiado buenas",
                                        "Be wary of offers that are too good",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Ofertas de trabajo, transporte o “paquetes” para "
                                            "cruzar pueden ser engaños para la trata o la "
                                            "extorsión. Pregunta en los albergues antes de "
                                            "aceptar.",
                                            "Offers of work, transport or “packages” to cross "
                                            "may be traps for trafficking or extortion. Ask at "
                                            "a shelter before accepting.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "Si alguien te extorsiona",
                                        "If someone tries to extort you",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Tu vida es lo más importante. Cuando estés a "
                                            "salvo, llama al 089 para denunciar de forma "
                                            "anónima o al 911 en una emergencia, y cuéntalo "
                                            "en el albergue.",
                                            "Your life comes first. When you are safe, call 089 "
                                            "to report anonymously or 911 in an emergency, and "
                                            "tell the shelter.",
                                        )
                                    ),
                                },
                                {
                                    "question": t(
                                        "Los albergues son gratuitos",
                                        "Shelters are free",
                                    ),
                                    "answer": paragraphs(
                                        t(
                                            "Los albergues y casas del migrante no cobran por "
                                            "comida, techo ni orientación. Nadie debe pedirte "
                                            "dinero para entrar.",
                                            "Shelters and migrant houses do not charge for "
                                            "food, a bed or advice. No one should ask you for "
                                            "money to get in.",
                                        )
                                    ),
                                },
                            ],
                        ),
                    },
                ),
            ],
        ),
    )


def privacy_page(t):
    return ContentPage(
        title=t("Aviso de privacidad", "Privacy notice"),
        slug=t("aviso-de-privacidad", "privacy-notice"),
        summary=t(
            "Qué datos personales tratamos, para qué, cuánto tiempo los guardamos y "
            "cómo ejercer tus derechos. Versión 1, noviembre de 2026.",
            "What personal data we process, why, how long we keep it and how to "
            "exercise your rights. Version 1, November 2026.",
        ),
        show_table_of_contents=True,
        body=stream(
            "privacy",
            [
                (
                    "heading",
                    {
                        "text": t("Quién es responsable", "Who is responsible"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "El programa Convivir es responsable del tratamiento de los "
                            "datos personales que nos proporcionas en este sitio. Puedes "
                            "escribirnos a privacidad@convivir.mx.",
                            "The Convivir programme is responsible for the personal data "
                            "you give us on this site. You can write to us at "
                            "privacidad@convivir.mx.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Qué datos pedimos y para qué", "What we ask for and why"
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "Para inscribirte en un evento: nombre, correo o teléfono y "
                            "necesidades de accesibilidad, solo para gestionar tu lugar y "
                            "enviarte recordatorios.",
                            "To register for an event: name, e-mail or phone and "
                            "accessibility needs, only to manage your place and send you "
                            "reminders.",
                        ),
                        t(
                            "Para ser voluntaria o voluntario: datos de contacto, "
                            "municipio, idiomas, habilidades y disponibilidad, que solo "
                            "ve la coordinación de la red que elijas.",
                            "To volunteer: contact details, municipality, languages, "
                            "skills and availability, seen only by the coordinators of "
                            "the network you choose.",
                        ),
                        t(
                            "Para reportar información incorrecta: lo que nos cuentes y, "
                            "si quieres, un contacto.",
                            "To report wrong information: what you tell us and, if you "
                            "wish, a way to contact you.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {"text": t("Lo que no hacemos", "What we never do"), "level": "h2"},
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "No usamos rastreadores, analítica ni publicidad. No vendemos "
                            "ni compartimos tus datos, y nunca los entregamos a autoridades "
                            "migratorias.",
                            "We use no trackers, analytics or advertising. We do not sell "
                            "or share your data, and never hand it to immigration "
                            "authorities.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Cuánto tiempo los guardamos", "How long we keep them"
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Los datos de una inscripción a un evento se borran 30 días "
                            "después del evento. Las solicitudes de voluntariado sin "
                            "confirmar se borran a los 14 días.",
                            "Event registration data is deleted 30 days after the event. "
                            "Unconfirmed volunteer sign-ups are deleted after 14 days.",
                        ),
                    ),
                ),
                ("heading", {"text": t("Tus derechos", "Your rights"), "level": "h2"}),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Puedes acceder a tus datos, rectificarlos, cancelarlos u "
                            "oponerte a su uso (derechos ARCO) escribiendo a "
                            "privacidad@convivir.mx. Responderemos en un plazo máximo de "
                            "20 días hábiles.",
                            "You can access, correct or delete your data, or object to its "
                            "use, by writing to privacidad@convivir.mx. We will answer "
                            "within 20 working days at most.",
                        ),
                    ),
                ),
            ],
        ),
    )


def accessibility_page(t):
    return ContentPage(
        title=t("Declaración de accesibilidad", "Accessibility statement"),
        slug=t("declaracion-de-accesibilidad", "accessibility-statement"),
        summary=t(
            "Queremos que todas las personas puedan usar este sitio, también desde un "
            "teléfono sencillo, con poca señal o con un lector de pantalla.",
            "We want everyone to be able to use this site, including on a basic phone, "
            "with weak signal or with a screen reader.",
        ),
        body=stream(
            "accessibility",
            [
                (
                    "heading",
                    {"text": t("Nuestro compromiso", "Our commitment"), "level": "h2"},
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Este sitio busca cumplir el nivel AA de las Pautas de "
                            "Accesibilidad para el Contenido Web (WCAG) 2.2.",
                            "This site aims to meet level AA of the Web Content "
                            "Accessibility Guidelines (WCAG) 2.2.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("Lo que hemos hecho", "What we have done"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    bullet_list(
                        t(
                            "Las páginas funcionan sin JavaScript y pesan poco.",
                            "Pages work without JavaScript and are light.",
                        ),
                        t(
                            "Todo se puede usar con teclado; hay un enlace para saltar al "
                            "contenido.",
                            "Everything works with a keyboard; a link skips to the "
                            "content.",
                        ),
                        t(
                            "Los textos tienen un contraste de al menos 7 a 1 y las "
                            "imágenes tienen texto alternativo.",
                            "Text has a contrast of at least 7 to 1 and images have "
                            "alternative text.",
                        ),
                        t(
                            "Los estados (abierto, lleno, cerrado) se indican con palabra "
                            "e icono, nunca solo con color.",
                            "Statuses (open, full, closed) are shown with a word and an "
                            "icon, never by colour alone.",
                        ),
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t("Limitaciones conocidas", "Known limitations"),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        t(
                            "Algunos documentos PDF antiguos pueden no ser accesibles. Si "
                            "necesitas uno en otro formato, escríbenos a "
                            "accesibilidad@convivir.mx y te lo enviaremos.",
                            "Some older PDF documents may not be accessible. If you need "
                            "one in another format, write to accesibilidad@convivir.mx "
                            "and we will send it to you.",
                        ),
                    ),
                ),
            ],
        ),
    )


# --- Loading ------------------------------------------------------------------


def rights_leaflet(t, language):
    return make_pdf(
        t("Conoce tus derechos en México", "Know your rights in Mexico"),
        [
            (
                "text",
                t(
                    "Tienes derechos sin importar tu nacionalidad ni tu situación migratoria.",
                    "You have rights whatever your nationality or migration status.",
                ),
            ),
            ("heading", t("Salud", "Health")),
            (
                "bullet",
                t(
                    "La atención médica de urgencia es gratuita.",
                    "Emergency medical care is free.",
                ),
            ),
            (
                "bullet",
                t(
                    "El personal de salud no debe pedirte documentos migratorios.",
                    "Health staff must not ask for migration documents.",
                ),
            ),
            ("heading", t("Asilo (refugio)", "Asylum (refugee status)")),
            (
                "bullet",
                t(
                    "Pide refugio ante la COMAR dentro de los 30 días hábiles después de entrar a México.",
                    "Apply to COMAR within 30 working days of entering Mexico.",
                ),
            ),
            (
                "bullet",
                t(
                    "El trámite es gratuito y no necesitas abogado.",
                    "It is free and you do not need a lawyer.",
                ),
            ),
            ("heading", t("Quejas", "Complaints")),
            (
                "bullet",
                t(
                    "Si una autoridad te trata mal, presenta una queja ante la CNDH o la comisión estatal.",
                    "If an authority mistreats you, complain to the CNDH or the state commission.",
                ),
            ),
            ("heading", t("Emergencias", "Emergencies")),
            (
                "bullet",
                t(
                    "Emergencias: 911. Denuncia anónima: 089.",
                    "Emergencies: 911. Anonymous reports: 089.",
                ),
            ),
        ],
        language=language,
    )


def load(stdout=None):
    """Build the core demo site (idempotent)."""
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.get(locale=es, depth=2)
    t_es, t_en = pick("es"), pick("en")

    images = {
        "hero": demo_image(
            "Comunidades que acogen",
            "Ilustración de dos personas juntas sobre un fondo cálido.",
            "people",
        ),
        "community": demo_image(
            "Convivencia", "Ilustración de dos manos que se encuentran.", "hands"
        ),
        "road": demo_image("El camino", "Ilustración de un camino.", "path"),
        "rights": demo_image("Derechos", "Ilustración de un libro abierto.", "book"),
        "shelter": demo_image("Albergue", "Ilustración de una casa.", "house"),
    }
    leaflet = demo_document(
        "Cartilla: conoce tus derechos",
        "cartilla-conoce-tus-derechos.pdf",
        rights_leaflet(t_es, "es"),
    )

    # Spanish pages first (each only if missing), then their translations.
    about, _ = child_page(home, about_page(t_es, images))
    rights, _ = child_page(home, rights_page(t_es, images, leaflet))
    rights_children = [
        child_page(rights, build(t_es))[0]
        for build in (health_page, asylum_page, complaint_page, visitor_card_page)
    ]
    safety, _ = child_page(home, safety_page(t_es, images))
    privacy, _ = child_page(home, privacy_page(t_es))
    accessibility, _ = child_page(home, accessibility_page(t_es))

    if not home.intro:
        _fill_home(home, t_es, images, rights, safety, about)
        home.save_revision().publish()

    home_en = HomePage(title="Home", slug="home")
    _fill_home(home_en, t_en, images, rights, safety, about)
    english_pages = [
        (home, home_en),
        (about, about_page(t_en, images)),
        (rights, rights_page(t_en, images, leaflet)),
        *zip(
            rights_children,
            [
                b(t_en)
                for b in (health_page, asylum_page, complaint_page, visitor_card_page)
            ],
            strict=True,
        ),
        (safety, safety_page(t_en, images)),
        (privacy, privacy_page(t_en)),
        (accessibility, accessibility_page(t_en)),
    ]
    # Parents before children, so each English page sits under its English
    # parent; then the home page once more, now that the English pages it
    # links to exist.
    created = [(s, e) for s, e in english_pages if not is_translated(s)]
    for source, english in created:
        translate(source, english)
    if created and created[0][0] == home:
        translate(home, home_en)

    for (label_es, label_en, position), page in zip(
        MENU_LINKS, (rights, safety, about), strict=True
    ):
        ensure_menu_link(page, label_es, label_en, position)
    footer = _footer(es, privacy, accessibility)
    if not is_translated(footer):
        translate(footer, _english_footer(footer, t_en))

    Site.objects.filter(is_default_site=True).update(site_name="Convivir")
    if stdout:
        stdout.write(f"  core: {Page.objects.live().count()} live pages")


def _fill_home(home, t, images, rights, safety, about):
    home.title = t("Inicio", "Home")
    home.hero_heading = t(
        "Convivir: comunidades que acogen", "Convivir: communities that welcome"
    )
    home.hero_text = t(
        "Información, ayuda y encuentros para las personas en movilidad y las "
        "comunidades que las reciben en Chiapas, Oaxaca y Tabasco.",
        "Information, help and gatherings for people on the move and the "
        "communities that welcome them in Chiapas, Oaxaca and Tabasco.",
    )
    home.hero_image = images["hero"]
    home.hero_image_alt = t(
        "Ilustración de dos personas juntas sobre un fondo de colores cálidos.",
        "Illustration of two people together on a warm-coloured background.",
    )
    home.hero_cta_label = t("Conoce tus derechos", "Know your rights")
    home.hero_cta_page = rights
    home.intro = paragraphs(
        t(
            "Aquí encontrarás tus derechos explicados con palabras sencillas, "
            "consejos para el camino, eventos culturales y formas de sumarte a una "
            "red de protección en tu comunidad.",
            "Here you will find your rights explained in plain words, advice for the "
            "road, cultural events and ways to join a protection network in your "
            "community.",
        )
    )
    home.featured = stream(
        "home-featured",
        [
            (
                "card",
                {
                    "page": rights.pk,
                    "title": "",
                    "text": t(
                        "Salud, asilo, quejas y documentos: lo que la ley te garantiza.",
                        "Health, asylum, complaints and papers: what the law guarantees.",
                    ),
                    "image": images["rights"].pk,
                },
            ),
            (
                "card",
                {
                    "page": safety.pk,
                    "title": "",
                    "text": t(
                        "Consejos prácticos de quienes hicieron el camino antes.",
                        "Practical advice from those who made the journey before.",
                    ),
                    "image": images["road"].pk,
                },
            ),
            (
                "card",
                {
                    "page": about.pk,
                    "title": "",
                    "text": t(
                        "Instituciones, albergues y comunidades trabajando juntos.",
                        "Institutions, shelters and communities working together.",
                    ),
                    "image": images["community"].pk,
                },
            ),
        ],
    )


MENU_LINKS = [
    # (Spanish label, English label, position): the three doors every
    # visitor needs (help, events, taking part) come first, at positions 1 to 3,
    # added by the apps that own them.
    ("Conoce tus derechos", "Know your rights", 10),
    ("Seguridad en el camino", "Staying safe", 20),
    ("Sobre el programa", "About", 30),
]


FOOTER_LABELS = [
    ("Aviso de privacidad", "Privacy notice"),
    ("Declaración de accesibilidad", "Accessibility statement"),
]
FOOTER_CONTACT = (
    "<p><b>Convivir</b>, programa de seguridad humana en el sur de México.</p>"
    '<p>Escríbenos: <a href="mailto:contacto@convivir.mx">contacto@convivir.mx</a>. '
    "Respondemos de lunes a viernes.</p>",
    "<p><b>Convivir</b>, a human-security programme in southern Mexico.</p>"
    '<p>Write to us: <a href="mailto:contacto@convivir.mx">contacto@convivir.mx</a>. '
    "We answer Monday to Friday.</p>",
)


def _footer(es, privacy, accessibility):
    footer = Footer.objects.filter(locale=es).first()
    if footer is None:
        footer = Footer(locale=es, contact=FOOTER_CONTACT[0])
        for (label, _en), page in zip(
            FOOTER_LABELS, (privacy, accessibility), strict=True
        ):
            footer.links.add(FooterLink(label=label, link_page=page))
        footer.save()
    return footer


def _english_footer(footer, t):
    english = dict(FOOTER_LABELS)
    return Footer(
        contact=FOOTER_CONTACT[1],
        links=[
            FooterLink(
                label=english.get(link.label, link.label),
                link_page=link.link_page,
                translation_key=link.translation_key,
            )
            for link in footer.links.all()
        ],
    )
