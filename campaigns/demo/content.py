"""The demo's text: themes, campaigns and dialogue materials, each in
Spanish and English."""

import datetime

THEMES = [
    ("escuela", "Escuela y juventudes", "School and young people"),
    ("trabajo", "Trabajo digno", "Decent work"),
    ("mujeres", "Mujeres en movilidad", "Women on the move"),
    ("convivencia", "Convivencia en el barrio", "Living together in the neighbourhood"),
]

CAMPAIGNS = [
    {
        "slug": "aqui-cabemos-todas-y-todos",
        "title": ("Aquí cabemos todas y todos", "There is room for all of us"),
        "summary": (
            "Vecinas, vecinos y personas en tránsito cuentan lo que ganan cuando se "
            "conocen. Una campaña de radio, carteles y encuentros en los barrios.",
            "Neighbours and people in transit tell what they gain when they meet. A "
            "radio, poster and neighbourhood-gathering campaign.",
        ),
        "alt": (
            "Ilustración de una casa con la puerta abierta",
            "Illustration of a house with its door open",
        ),
        "image": "Albergue",
        "themes": ["convivencia"],
        "targets": [("chiapas", "Tapachula"), ("chiapas", "Huixtla"), ("tabasco", "")],
        "start": datetime.date(2026, 3, 1),
        "end": datetime.date(2026, 12, 15),
        "featured": True,
        "pledge": (
            "Me comprometo a tratar con respeto a las personas en movilidad, a no "
            "difundir rumores y a hablar en mi comunidad de lo que nos une.",
            "I pledge to treat people on the move with respect, not to spread "
            "rumours, and to speak in my community about what unites us.",
        ),
        "fact": (
            "6 de cada 10",
            "personas en tránsito dicen haber recibido ayuda de un vecino durante su camino.",
            "people in transit say a neighbour helped them along the way.",
            "Sondeo de albergues del corredor sur, 2025 (datos de demostración)",
            "Survey of shelters on the southern corridor, 2025 (demo data)",
        ),
        "testimony": (
            "Al principio me daba miedo. Luego cociné con Wislande y ahora nos "
            "saludamos cada mañana en el mercado.",
            "At first I was afraid. Then I cooked with Wislande and now we greet "
            "each other every morning at the market.",
            "Rosario Gómez",
            ("vecina de Tapachula", "neighbour in Tapachula"),
        ),
        "body": (
            (
                "En los barrios de Tapachula y Huixtla conviven familias que llegaron "
                "hace años y personas que van de paso. Los rumores crecen cuando no "
                "nos conocemos; la confianza, cuando compartimos la mesa.",
                "In the neighbourhoods of Tapachula and Huixtla, families who arrived "
                "years ago live alongside people passing through. Rumours grow when we "
                "do not know each other; trust grows when we share a table.",
            ),
            (
                "La campaña lleva cápsulas de radio comunitaria, carteles en mercados "
                "y encuentros de barrio con música, comida y conversación.",
                "The campaign brings community radio spots, posters in markets and "
                "neighbourhood gatherings with music, food and conversation.",
            ),
        ),
    },
    {
        "slug": "trabajo-digno-sin-importar-de-donde-vengas",
        "title": (
            "Trabajo digno, sin importar de dónde vengas",
            "Decent work, wherever you come from",
        ),
        "summary": (
            "Empleadores de Oaxaca se suman a contratar con pago justo y sin abusos a "
            "personas solicitantes de asilo y refugiadas.",
            "Employers in Oaxaca commit to hiring asylum seekers and refugees with "
            "fair pay and without abuse.",
        ),
        "alt": (
            "Ilustración de dos manos que se encuentran",
            "Illustration of two hands meeting",
        ),
        "image": "Convivencia",
        "themes": ["trabajo", "mujeres"],
        "targets": [("oaxaca", "Ciudad Ixtepec"), ("oaxaca", "Juchitán de Zaragoza")],
        "start": datetime.date(2026, 5, 1),
        "end": None,
        "featured": False,
        "pledge": None,
        "fact": (
            "45 %",
            "de las personas refugiadas empleadas en la región trabaja sin contrato.",
            "of employed refugees in the region work without a contract.",
            "Mesa regional de empleo, 2025 (datos de demostración)",
            "Regional employment roundtable, 2025 (demo data)",
        ),
        "testimony": (
            "Con mi constancia de la COMAR pude trabajar en la panadería. Ahora "
            "enseño a otras compañeras.",
            "With my COMAR certificate I could work at the bakery. Now I teach "
            "other women.",
            "Yesenia Martínez",
            ("panadera en Ciudad Ixtepec", "baker in Ciudad Ixtepec"),
        ),
        "body": (
            (
                "Las personas solicitantes de asilo tienen derecho a trabajar en "
                "México con la constancia de la COMAR. Muchas empresas no lo saben.",
                "Asylum seekers have the right to work in Mexico with their COMAR "
                "certificate. Many businesses do not know this.",
            ),
            (
                "Explicamos a comercios y talleres cómo contratar de forma legal y "
                "justa, y a las personas trabajadoras cómo defender sus derechos.",
                "We explain to shops and workshops how to hire legally and fairly, "
                "and to workers how to defend their rights.",
            ),
        ),
    },
    {
        "slug": "en-mi-escuela-nadie-es-extranjero",
        "title": (
            "En mi escuela nadie es extranjero",
            "At my school nobody is a foreigner",
        ),
        "summary": (
            "Niñas, niños y docentes de Tabasco crean murales y cuentos sobre la "
            "llegada de compañeras y compañeros de otros países.",
            "Children and teachers in Tabasco create murals and stories about "
            "classmates arriving from other countries.",
        ),
        "alt": (
            "Ilustración de un libro abierto",
            "Illustration of an open book",
        ),
        "image": "Derechos",
        "themes": ["escuela"],
        "targets": [("tabasco", "Tenosique"), ("tabasco", "Balancán")],
        "start": datetime.date(2025, 9, 1),
        "end": datetime.date(2026, 7, 15),
        "featured": False,
        "pledge": None,
        "fact": (
            "1 de cada 5",
            "estudiantes de primaria en Tenosique nació fuera de México.",
            "primary school pupils in Tenosique was born outside Mexico.",
            "Supervisión escolar de zona, ciclo 2024-2025 (datos de demostración)",
            "School district office, 2024-2025 school year (demo data)",
        ),
        "testimony": (
            "Mi amiga Daniela me enseñó a jugar canicas como en Honduras. Yo le "
            "enseñé el pozol.",
            "My friend Daniela taught me to play marbles like in Honduras. I "
            "taught her about pozol.",
            "Mateo Hernández",
            ("alumno de quinto grado", "fifth-grade pupil"),
        ),
        "body": (
            (
                "Cada ciclo escolar llegan a Tenosique niñas y niños que viajan con "
                "sus familias. La escuela puede ser su primer lugar seguro.",
                "Every school year, children travelling with their families arrive "
                "in Tenosique. School can be their first safe place.",
            ),
            (
                "La campaña ofrece a las escuelas una guía docente, carteles y un "
                "concurso de murales sobre lo que cada quien trae consigo.",
                "The campaign offers schools a teachers' guide, posters and a mural "
                "contest about what each person brings along.",
            ),
        ),
    },
]

MATERIALS = [
    {
        "slug": "mapa-de-nuestras-migraciones",
        "title": ("Mapa de nuestras migraciones", "Map of our migrations"),
        "summary": (
            "El grupo descubre que casi todas las familias tienen una historia de "
            "migración y la dibuja en un mapa común.",
            "The group discovers that almost every family has a migration story and "
            "draws it on a shared map.",
        ),
        "audiences": ["teachers", "youth"],
        "themes": ["escuela", "convivencia"],
        "format": "guide",
        "language": "es",
        "minutes": 60,
        "steps": [
            (
                ("Bienvenida", "Welcome"),
                10,
                (
                    "Ronda de nombres y de un lugar querido.",
                    "Round of names and a favourite place.",
                ),
            ),
            (
                ("Historias familiares", "Family stories"),
                20,
                (
                    "En parejas, cada quien cuenta quién de su familia se mudó y por qué.",
                    "In pairs, each person tells who in their family moved and why.",
                ),
            ),
            (
                ("El mapa común", "The shared map"),
                20,
                (
                    "Marcamos con hilo los caminos en un mapa grande.",
                    "We mark the routes with string on a large map.",
                ),
            ),
            (
                ("Cierre", "Closing"),
                10,
                (
                    "¿Qué nos sorprendió? ¿Qué tenemos en común?",
                    "What surprised us? What do we have in common?",
                ),
            ),
        ],
    },
    {
        "slug": "rumores-y-datos",
        "title": ("Rumores y datos", "Rumours and facts"),
        "summary": (
            "Una actividad para desmontar rumores frecuentes sobre la migración con "
            "datos y preguntas.",
            "An activity to take apart common rumours about migration with facts and "
            "questions.",
        ),
        "audiences": ["youth", "media"],
        "themes": ["convivencia"],
        "format": "activity",
        "language": "es",
        "minutes": 45,
        "steps": [
            (
                ("Lluvia de rumores", "Rumour storm"),
                10,
                (
                    "Anotamos en tarjetas lo que se dice en el barrio.",
                    "We write on cards what people say in the neighbourhood.",
                ),
            ),
            (
                ("¿De dónde viene?", "Where does it come from?"),
                20,
                (
                    "Por equipos, buscamos el origen y un dato que lo confirme o lo desmienta.",
                    "In teams, we look for the source and a fact that confirms or refutes it.",
                ),
            ),
            (
                ("Nuestro mensaje", "Our message"),
                15,
                (
                    "Cada equipo escribe un mensaje corto para la radio.",
                    "Each team writes a short message for the radio.",
                ),
            ),
        ],
    },
    {
        "slug": "la-mesa-compartida",
        "title": ("La mesa compartida", "The shared table"),
        "summary": (
            "Guía para organizar una comida comunitaria entre vecinas, vecinos y "
            "personas del albergue.",
            "A guide to organising a community meal between neighbours and people "
            "from the shelter.",
        ),
        "audiences": ["faith", "shelter_staff"],
        "themes": ["convivencia", "mujeres"],
        "format": "guide",
        "language": "es",
        "minutes": 120,
        "steps": [
            (
                ("Preparar juntos", "Cooking together"),
                45,
                (
                    "Grupos mixtos preparan un platillo de su tierra.",
                    "Mixed groups cook a dish from home.",
                ),
            ),
            (
                ("Comer y escuchar", "Eating and listening"),
                45,
                (
                    "Cada mesa tiene una pregunta para conversar.",
                    "Each table has a question to talk about.",
                ),
            ),
            (
                ("Acuerdos", "Agreements"),
                30,
                (
                    "¿Qué haremos juntos el próximo mes?",
                    "What will we do together next month?",
                ),
            ),
        ],
    },
    {
        "slug": "derechos-en-el-trabajo",
        "title": ("Derechos en el trabajo", "Rights at work"),
        "summary": (
            "Presentación para autoridades locales y empleadores sobre el derecho al "
            "trabajo de personas solicitantes de asilo.",
            "A presentation for local officials and employers on asylum seekers' "
            "right to work.",
        ),
        "audiences": ["officials"],
        "themes": ["trabajo"],
        "format": "presentation",
        "language": "es",
        "minutes": 50,
        "steps": [
            (
                ("Lo que dice la ley", "What the law says"),
                20,
                (
                    "Constancia de la COMAR, CURP temporal y tarjeta de visitante.",
                    "COMAR certificate, temporary CURP and visitor card.",
                ),
            ),
            (
                ("Casos", "Cases"),
                20,
                (
                    "Tres historias de contratación justa en la región.",
                    "Three stories of fair hiring in the region.",
                ),
            ),
            (
                ("Preguntas", "Questions"),
                10,
                ("Dudas frecuentes de empleadores.", "Employers' frequent questions."),
            ),
        ],
    },
    {
        "slug": "voces-de-mujeres-en-camino",
        "title": ("Voces de mujeres en camino", "Voices of women on the way"),
        "summary": (
            "Cápsulas de audio con testimonios de mujeres, con preguntas para "
            "escucharlas en grupo.",
            "Audio clips of women's testimonies, with questions for listening as a "
            "group.",
        ),
        "audiences": ["youth", "faith", "media"],
        "themes": ["mujeres"],
        "format": "audio",
        "language": "es",
        "minutes": 40,
        "steps": [
            (
                ("Escucha", "Listening"),
                15,
                (
                    "Escuchamos dos cápsulas en silencio.",
                    "We listen to two clips in silence.",
                ),
            ),
            (
                ("Conversación", "Conversation"),
                25,
                (
                    "¿Qué emociones nos deja? ¿Qué podemos hacer en nuestra comunidad?",
                    "What feelings does it leave? What can we do in our community?",
                ),
            ),
        ],
    },
    {
        "slug": "bienvenida-en-tsotsil",
        "title": ("Cartel de bienvenida en tsotsil", "Welcome poster in Tsotsil"),
        "summary": (
            "Cartel para escuelas y clínicas de los Altos de Chiapas con un mensaje "
            "de bienvenida en tsotsil.",
            "A poster for schools and clinics in the Chiapas highlands with a welcome "
            "message in Tsotsil.",
        ),
        "audiences": ["teachers", "shelter_staff"],
        "themes": ["escuela"],
        "format": "poster",
        "language": "tzo",
        "minutes": 20,
        "steps": [
            (
                ("Presentar el cartel", "Presenting the poster"),
                10,
                (
                    "Leemos el mensaje en voz alta y en español.",
                    "We read the message aloud and in Spanish.",
                ),
            ),
            (
                ("¿Dónde lo ponemos?", "Where do we put it?"),
                10,
                (
                    "El grupo elige dónde colgarlo para que todas y todos lo vean.",
                    "The group chooses where to hang it so everyone sees it.",
                ),
            ),
        ],
    },
]

PLEDGES = [
    ("Rosa Méndez", "Tapachula"),
    ("", "Huixtla"),
    ("Julián Cruz", "Tenosique"),
    ("Carmen Ortiz", "Tapachula"),
    ("", "Villahermosa"),
]
