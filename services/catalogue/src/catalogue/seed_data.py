"""The catalogue a fresh install starts with, written from the 2018 framework agreement between
UCLG Africa and Université Cadi Ayyad (shared/seed): the Executive Master in City Management with
its four delivery components, the 18 themes of the ALGA Colleges (one College each), the
international expert seminars, and example sessions and events dated from the day of seeding."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

UCA = "Université Cadi Ayyad"
#: identity seeds the partner under an id made from its name and country
#: (identity.seed.seeded_organisation_id), so the programmes name it without asking identity.
UCA_ID = str(uuid.uuid5(uuid.UUID("5d3b0e4c-6f1a-4b8e-9a57-2c1d7e0f4a10"), f"MA:{UCA}"))

# (code, French title, English title, French summary, English summary) in the agreement's order.
THEMES: list[tuple[str, str, str, str, str]] = [
    (
        "local_leadership",
        "Leadership local",
        "Local leadership",
        "Exercer l'autorité locale au service du territoire : vision, conduite du changement, éthique et "
        "redevabilité des élus et des cadres des collectivités territoriales.",
        "Leading at local level in the service of the territory: vision, change management, ethics and "
        "accountability of elected officials and senior staff of local governments.",
    ),
    (
        "territorial_coaching",
        "Coaching territorial",
        "Territorial coaching",
        "Accompagner élus et équipes des collectivités dans la conduite de leurs projets : posture de coach, "
        "méthodes d'accompagnement, mobilisation des acteurs du territoire.",
        "Supporting elected officials and local government teams in carrying out their projects: the coaching "
        "stance, support methods, mobilising local stakeholders.",
    ),
    (
        "participatory_budgeting",
        "Budget participatif",
        "Participatory budgeting",
        "Associer les habitants aux choix budgétaires locaux : conception du dispositif, délibération citoyenne, "
        "suivi de l'exécution et redevabilité.",
        "Involving residents in local budget choices: designing the process, citizen deliberation, monitoring "
        "implementation and accountability.",
    ),
    (
        "gender_sensitive_budgeting",
        "Budget sensible au genre",
        "Gender-sensitive budgeting",
        "Analyser et construire les budgets locaux au regard de leurs effets sur les femmes et les hommes, et "
        "programmer l'égalité dans l'action publique locale.",
        "Analysing and building local budgets in the light of their effects on women and men, and planning for "
        "equality in local public action.",
    ),
    (
        "sustainable_inclusive_cities",
        "Transition vers des villes et territoires durables et inclusifs",
        "Transition to sustainable and inclusive cities and territories",
        "Conduire la transition écologique, climatique et sociale des villes et territoires africains sans "
        "laisser personne de côté.",
        "Leading the ecological, climate and social transition of African cities and territories, leaving no "
        "one behind.",
    ),
    (
        "informal_settlements",
        "Gestion et intégration des quartiers d'habitat spontané",
        "Managing and integrating informal settlements",
        "Restructurer les quartiers d'habitat spontané, régulariser le foncier et y amener les services de base, "
        "avec leurs habitants.",
        "Upgrading informal settlements, regularising land tenure and bringing basic services to them, together "
        "with their residents.",
    ),
    (
        "women_local_government",
        "Femmes et collectivités territoriales",
        "Women and local government",
        "Renforcer la place et le leadership des femmes élues et cadres dans la gouvernance locale africaine.",
        "Strengthening the place and leadership of women elected officials and managers in African local governance.",
    ),
    (
        "public_private_partnership",
        "Partenariat public-privé",
        "Public-private partnerships",
        "Monter, négocier et suivre des partenariats public-privé locaux pour les infrastructures et les "
        "services publics.",
        "Setting up, negotiating and monitoring local public-private partnerships for infrastructure and public "
        "services.",
    ),
    (
        "local_hr_management",
        "Gestion des ressources humaines des collectivités territoriales",
        "Human resources management in local government",
        "Gérer les carrières, les compétences et les métiers de la fonction publique territoriale : recrutement, "
        "formation, gestion prévisionnelle des emplois.",
        "Managing careers, skills and occupations in the local public service: recruitment, training, strategic "
        "workforce planning.",
    ),
    (
        "local_communication",
        "Communication des collectivités territoriales",
        "Local government communication",
        "Informer les citoyens et dialoguer avec eux : stratégie de communication publique, médias, outils "
        "numériques, communication de crise.",
        "Informing and engaging citizens: public communication strategy, media, digital tools, crisis communication.",
    ),
    (
        "local_finance",
        "Finances locales",
        "Local finance",
        "Mobiliser les ressources propres, préparer et exécuter le budget, gérer la dette et financer "
        "l'investissement local.",
        "Mobilising own-source revenue, preparing and executing the budget, managing debt and financing local "
        "investment.",
    ),
    (
        "local_economic_development",
        "Développement économique local",
        "Local economic development",
        "Animer l'économie du territoire : attractivité, appui aux entreprises et à l'emploi, économie "
        "informelle, chaînes de valeur locales.",
        "Driving the local economy: attractiveness, support to businesses and jobs, the informal economy, local "
        "value chains.",
    ),
    (
        "international_relations",
        "Relations internationales des collectivités territoriales",
        "International relations of local governments",
        "Coopération décentralisée, jumelages, réseaux de villes et plaidoyer des collectivités sur la scène "
        "internationale.",
        "Decentralised cooperation, twinning, city networks and local government advocacy on the international stage.",
    ),
    (
        "migration_diaspora",
        "Migrations et diaspora",
        "Migration and diaspora",
        "Accueillir et intégrer les personnes migrantes, et associer les diasporas au développement des "
        "territoires d'origine.",
        "Welcoming and integrating migrants, and involving diasporas in the development of their home territories.",
    ),
    (
        "cross_border_cooperation",
        "Coopération transfrontalière",
        "Cross-border cooperation",
        "Construire des projets communs entre collectivités de part et d'autre des frontières : cadres "
        "juridiques, services partagés, bassins de vie transfrontaliers.",
        "Building joint projects between local governments on both sides of a border: legal frameworks, shared "
        "services, cross-border living areas.",
    ),
    (
        "basic_services_access",
        "Stratégies d'accès aux équipements et services de base",
        "Strategies for access to basic infrastructure and services",
        "Eau, assainissement, déchets, énergie, mobilité : planifier, financer et gérer les services de base "
        "pour tous.",
        "Water, sanitation, waste, energy, mobility: planning, financing and managing basic services for all.",
    ),
    (
        "spatial_planning",
        "Planification et organisation spatiale des territoires",
        "Spatial planning and territorial organisation",
        "Outils de planification urbaine et territoriale, gestion foncière et maîtrise de l'étalement urbain.",
        "Urban and territorial planning tools, land management and the control of urban sprawl.",
    ),
    (
        "national_associations",
        "Structuration et animation des associations nationales des collectivités territoriales",
        "Building and running national associations of local governments",
        "Gouvernance, services aux membres, financement et plaidoyer des associations nationales de "
        "collectivités territoriales.",
        "Governance, member services, financing and advocacy of national associations of local governments.",
    ),
]

DIRECTORS = [
    "secretary_general",
    "director_of_services",
    "finance_director",
    "technical_director",
    "cooperation_director",
    "hr_director",
]

# Who each College is for, beyond elected officials and secretaries-general (who are in all).
COLLEGE_AUDIENCES: dict[str, list[str]] = {
    "local_leadership": ["director_of_services"],
    "territorial_coaching": ["director_of_services", "hr_director"],
    "participatory_budgeting": ["finance_director"],
    "gender_sensitive_budgeting": ["finance_director"],
    "sustainable_inclusive_cities": ["technical_director"],
    "informal_settlements": ["technical_director"],
    "women_local_government": ["director_of_services", "hr_director"],
    "public_private_partnership": ["finance_director", "technical_director"],
    "local_hr_management": ["hr_director"],
    "local_communication": ["director_of_services"],
    "local_finance": ["finance_director"],
    "local_economic_development": ["director_of_services", "cooperation_director"],
    "international_relations": ["cooperation_director"],
    "migration_diaspora": ["cooperation_director"],
    "cross_border_cooperation": ["cooperation_director", "technical_director"],
    "basic_services_access": ["technical_director"],
    "spatial_planning": ["technical_director"],
    "national_associations": ["cooperation_director"],
}

MASTER_CODE = "executive-master-city-management"
MASTER = {
    "code": MASTER_CODE,
    "kind": "executive_master",
    "title": {"fr": "Master exécutif en management des villes", "en": "Executive Master in City Management"},
    "summary": {
        "fr": "Formation diplômante montée et mise en œuvre conjointement par CGLU-Afrique, à travers son "
        "Académie (ALGA), et l'Université Cadi Ayyad, pour les secrétaires généraux, directeurs des services, "
        "directeurs financiers, directeurs techniques, directeurs de la coopération et du partenariat et "
        "directeurs des ressources humaines des collectivités territoriales africaines.",
        "en": "A degree programme designed and delivered jointly by UCLG Africa, through its Academy (ALGA), and "
        "Université Cadi Ayyad, for secretaries-general, directors of services, finance, technical, cooperation "
        "and partnership, and human resources directors of African local governments.",
    },
    "description": {
        "fr": "Le Master alterne quatre composantes : des séminaires en résidentiel, des cours d'apprentissage en "
        "ligne, des voyages d'étude et des stages pratiques. Les cohortes sont enseignées en français et en "
        "anglais. Il s'inscrit dans la convention-cadre de partenariat signée le 23 novembre 2018 à Marrakech, "
        "en marge de la 8e édition d'Africities, entre CGLU-Afrique et l'Université Cadi Ayyad.",
        "en": "The Master alternates four components: residential seminars, e-learning courses, study trips and "
        "practical internships. Cohorts are taught in French and in English. It belongs to the partnership "
        "framework agreement signed on 23 November 2018 in Marrakech, alongside the 8th Africities summit, "
        "between UCLG Africa and Université Cadi Ayyad.",
    },
    "objectives": {
        "fr": [
            "Piloter l'administration d'une ville ou d'un territoire avec une vision stratégique.",
            "Maîtriser les finances locales, la gestion des ressources humaines et la commande publique.",
            "Conduire des projets urbains et de services de base avec les acteurs du territoire.",
            "Développer la coopération et les partenariats de la collectivité, en Afrique et au-delà.",
        ],
        "en": [
            "Run the administration of a city or territory with a strategic vision.",
            "Master local finance, human resources management and public procurement.",
            "Lead urban and basic-service projects with local stakeholders.",
            "Develop the local government's cooperation and partnerships, in Africa and beyond.",
        ],
    },
    "prerequisites": {
        "fr": "Exercer une fonction de direction dans une collectivité territoriale africaine ; candidature avec "
        "curriculum vitæ et lettre de motivation.",
        "en": "Hold a senior management position in an African local government; apply with a CV and a "
        "motivation letter.",
    },
    "duration": {"fr": "Formation en alternance sur plusieurs mois", "en": "Several months, alternating components"},
    "fees": {
        "fr": "Les frais de scolarité sont communiqués à l'ouverture des candidatures de chaque cohorte.",
        "en": "Tuition fees are announced when applications open for each cohort.",
    },
    "scholarships": {
        "fr": "Des bourses partielles peuvent être accordées, sur dossier, aux cadres des collectivités membres "
        "de CGLU-Afrique.",
        "en": "Partial scholarships may be granted, on application, to staff of UCLG Africa member local governments.",
    },
    "audiences": DIRECTORS,
    "partner_institutions": [UCA],
    "partner_ids": [UCA_ID],
}

# The Master's four delivery components, in order: (title fr, title en, summary fr, summary en, hours, mode).
MASTER_MODULES: list[tuple[str, str, str, str, int, str]] = [
    (
        "Séminaires en résidentiel",
        "Residential seminars",
        "Sessions intensives en présentiel à Marrakech : cours, études de cas et travaux de groupe.",
        "Intensive in-person sessions in Marrakech: lectures, case studies and group work.",
        120,
        "residential_seminar",
    ),
    (
        "Cours d'apprentissage en ligne",
        "E-learning courses",
        "Modules à distance, à suivre depuis sa collectivité, avec tutorat.",
        "Distance modules, followed from one's own local government, with tutoring.",
        150,
        "e_learning",
    ),
    (
        "Voyages d'étude",
        "Study trips",
        "Visites de collectivités africaines pour observer des pratiques de gestion urbaine.",
        "Visits to African local governments to observe urban management practices.",
        40,
        "study_trip",
    ),
    (
        "Stages pratiques",
        "Practical internships",
        "Mise en situation dans une collectivité d'accueil, encadrée par un tuteur.",
        "Hands-on placement in a host local government, supervised by a tutor.",
        140,
        "internship",
    ),
]

SERIES_CODE = "international-expert-seminars"
SERIES = {
    "code": SERIES_CODE,
    "kind": "event_series",
    "title": {
        "fr": "Séminaires d'experts internationaux d'ALGA et de l'Université Cadi Ayyad",
        "en": "International expert seminars of ALGA and Université Cadi Ayyad",
    },
    "summary": {
        "fr": "Des experts et praticiens de la décentralisation et de la gouvernance locale partagent leurs "
        "travaux avec les élus et les cadres des collectivités africaines.",
        "en": "Experts and practitioners of decentralisation and local governance share their work with elected "
        "officials and staff of African local governments.",
    },
    "audiences": ["elected_official", *DIRECTORS],
    "partner_institutions": [UCA],
    "partner_ids": [UCA_ID],
}


def college_code(theme: str) -> str:
    return "college-" + theme.replace("_", "-")


COLLEGE_TEXT: dict[str, Any] = {
    "summary_fr": " Programme court conçu et mis en œuvre conjointement par ALGA (CGLU-Afrique) et l'Université "
    "Cadi Ayyad.",
    "summary_en": " A short programme designed and delivered jointly by ALGA (UCLG Africa) and Université Cadi Ayyad.",
    "duration": {"fr": "Session courte, de quelques jours", "en": "A short session of a few days"},
    "fees": {
        "fr": "Les frais de participation sont précisés à l'ouverture des candidatures de chaque session.",
        "en": "Participation fees are given when applications open for each session.",
    },
    "scholarships": {
        "fr": "Des bourses peuvent être accordées, sur dossier, aux participants des collectivités membres de "
        "CGLU-Afrique.",
        "en": "Scholarships may be granted, on application, to participants from UCLG Africa member local governments.",
    },
}


@dataclass(frozen=True)
class SampleSession:
    """An example session, placed relative to the day the seed runs."""

    key: str
    programme: str | None  # programme code, None for a standalone event
    module: int | None  # position of the Master's module
    mode: str
    language: str
    days_ahead: int
    days: int
    timezone: str
    city: str | None
    country: str | None
    capacity: int
    #: draft | published | applications_open | applications_closed
    status: str
    event_kind: str | None = None
    theme: str | None = None
    title: dict[str, str] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    #: Webinars last hours, not days.
    hours: float | None = None


def _college(theme: str, **kwargs: Any) -> SampleSession:
    return SampleSession(key=f"college-{theme}", programme=college_code(theme), module=None, **kwargs)


SAMPLE_SESSIONS: list[SampleSession] = [
    # The Executive Master: one cohort per language and each of its four components.
    SampleSession(
        "master-fr-residential",
        MASTER_CODE,
        1,
        "residential_seminar",
        "fr",
        75,
        5,
        "Africa/Casablanca",
        "Marrakech",
        "MA",
        35,
        "applications_open",
        title={
            "fr": "Master exécutif — cohorte francophone : séminaire d'ouverture",
            "en": "Executive Master — French-speaking cohort: opening seminar",
        },
    ),
    SampleSession(
        "master-en-residential",
        MASTER_CODE,
        1,
        "residential_seminar",
        "en",
        90,
        5,
        "Africa/Casablanca",
        "Marrakech",
        "MA",
        35,
        "applications_open",
        title={
            "fr": "Master exécutif — cohorte anglophone : séminaire d'ouverture",
            "en": "Executive Master — English-speaking cohort: opening seminar",
        },
    ),
    SampleSession(
        "master-fr-elearning",
        MASTER_CODE,
        2,
        "e_learning",
        "fr",
        100,
        56,
        "Africa/Casablanca",
        None,
        None,
        60,
        "published",
    ),
    SampleSession(
        "master-en-elearning",
        MASTER_CODE,
        2,
        "e_learning",
        "en",
        110,
        56,
        "Africa/Casablanca",
        None,
        None,
        60,
        "published",
    ),
    SampleSession(
        "master-study-trip",
        MASTER_CODE,
        3,
        "study_trip",
        "en",
        175,
        6,
        "Africa/Kigali",
        "Kigali",
        "RW",
        30,
        "published",
    ),
    SampleSession(
        "master-internship",
        MASTER_CODE,
        4,
        "internship",
        "fr",
        200,
        30,
        "Africa/Dakar",
        "Dakar",
        "SN",
        20,
        "published",
    ),
    # One session per College, across the continent, in both languages and every mode.
    _college(
        "local_leadership",
        mode="residential_seminar",
        language="fr",
        days_ahead=40,
        days=5,
        timezone="Africa/Abidjan",
        city="Abidjan",
        country="CI",
        capacity=40,
        status="applications_open",
    ),
    _college(
        "territorial_coaching",
        mode="webinar",
        language="en",
        days_ahead=25,
        days=1,
        hours=2.5,
        timezone="Africa/Johannesburg",
        city=None,
        country=None,
        capacity=300,
        status="applications_open",
    ),
    _college(
        "participatory_budgeting",
        mode="residential_seminar",
        language="fr",
        days_ahead=55,
        days=4,
        timezone="Africa/Douala",
        city="Yaoundé",
        country="CM",
        capacity=35,
        status="applications_open",
    ),
    _college(
        "gender_sensitive_budgeting",
        mode="hybrid",
        language="en",
        days_ahead=65,
        days=3,
        timezone="Africa/Nairobi",
        city="Nairobi",
        country="KE",
        capacity=60,
        status="applications_open",
    ),
    _college(
        "sustainable_inclusive_cities",
        mode="residential_seminar",
        language="fr",
        days_ahead=120,
        days=5,
        timezone="Africa/Casablanca",
        city="Rabat",
        country="MA",
        capacity=40,
        status="published",
    ),
    _college(
        "informal_settlements",
        mode="residential_seminar",
        language="en",
        days_ahead=80,
        days=5,
        timezone="Africa/Accra",
        city="Accra",
        country="GH",
        capacity=35,
        status="applications_open",
    ),
    _college(
        "women_local_government",
        mode="hybrid",
        language="fr",
        days_ahead=35,
        days=3,
        timezone="Africa/Dakar",
        city="Dakar",
        country="SN",
        capacity=80,
        status="applications_closed",
    ),
    _college(
        "public_private_partnership",
        mode="e_learning",
        language="en",
        days_ahead=30,
        days=42,
        timezone="UTC",
        city=None,
        country=None,
        capacity=150,
        status="applications_open",
    ),
    _college(
        "local_hr_management",
        mode="residential_seminar",
        language="fr",
        days_ahead=70,
        days=5,
        timezone="Africa/Tunis",
        city="Tunis",
        country="TN",
        capacity=35,
        status="published",
    ),
    _college(
        "local_communication",
        mode="webinar",
        language="fr",
        days_ahead=15,
        days=1,
        hours=2.5,
        timezone="Africa/Casablanca",
        city=None,
        country=None,
        capacity=300,
        status="applications_open",
    ),
    _college(
        "local_finance",
        mode="residential_seminar",
        language="fr",
        days_ahead=50,
        days=5,
        timezone="Africa/Porto-Novo",
        city="Cotonou",
        country="BJ",
        capacity=40,
        status="applications_open",
    ),
    _college(
        "local_economic_development",
        mode="residential_seminar",
        language="en",
        days_ahead=95,
        days=5,
        timezone="Africa/Kampala",
        city="Kampala",
        country="UG",
        capacity=40,
        status="published",
    ),
    _college(
        "international_relations",
        mode="residential_seminar",
        language="fr",
        days_ahead=110,
        days=4,
        timezone="Africa/Casablanca",
        city="Marrakech",
        country="MA",
        capacity=35,
        status="published",
    ),
    _college(
        "migration_diaspora",
        mode="hybrid",
        language="fr",
        days_ahead=85,
        days=3,
        timezone="Africa/Niamey",
        city="Niamey",
        country="NE",
        capacity=60,
        status="published",
    ),
    _college(
        "cross_border_cooperation",
        mode="study_trip",
        language="fr",
        days_ahead=130,
        days=5,
        timezone="Africa/Lome",
        city="Lomé",
        country="TG",
        capacity=25,
        status="published",
    ),
    _college(
        "basic_services_access",
        mode="e_learning",
        language="fr",
        days_ahead=45,
        days=35,
        timezone="UTC",
        city=None,
        country=None,
        capacity=150,
        status="applications_open",
    ),
    _college(
        "spatial_planning",
        mode="residential_seminar",
        language="en",
        days_ahead=140,
        days=5,
        timezone="Africa/Addis_Ababa",
        city="Addis Ababa",
        country="ET",
        capacity=40,
        status="published",
    ),
    _college(
        "national_associations",
        mode="residential_seminar",
        language="en",
        days_ahead=150,
        days=4,
        timezone="Africa/Windhoek",
        city="Windhoek",
        country="NA",
        capacity=40,
        status="published",
    ),
    # Events of the agreement's other areas of cooperation.
    SampleSession(
        "expert-seminar-decentralisation",
        SERIES_CODE,
        None,
        "residential_seminar",
        "fr",
        60,
        2,
        "Africa/Casablanca",
        "Marrakech",
        "MA",
        80,
        "applications_open",
        event_kind="international_expert_seminar",
        title={
            "fr": "Séminaire d'experts internationaux : décentralisation et performance des collectivités",
            "en": "International expert seminar: decentralisation and local government performance",
        },
        summary={
            "fr": "Deux journées d'échanges entre experts, universitaires et praticiens, à l'Université Cadi Ayyad.",
            "en": "Two days of exchanges between experts, academics and practitioners at Université Cadi Ayyad.",
        },
    ),
    SampleSession(
        "round-table-universities",
        None,
        None,
        "hybrid",
        "fr",
        20,
        1,
        "Africa/Dakar",
        "Dakar",
        "SN",
        120,
        "applications_open",
        event_kind="round_table",
        theme="sustainable_inclusive_cities",
        title={
            "fr": "Table ronde : le rôle des universités et des chercheurs pour promouvoir la transition",
            "en": "Round table: the role of universities and researchers in promoting the transition",
        },
        summary={
            "fr": "Élus, chercheurs et praticiens débattent de l'appui des universités à la transition "
            "des villes et territoires africains.",
            "en": "Elected officials, researchers and practitioners discuss how universities can support "
            "the transition of African cities and territories.",
        },
    ),
    SampleSession(
        "conference-local-public-service",
        None,
        None,
        "residential_seminar",
        "fr",
        100,
        3,
        "Africa/Abidjan",
        "Abidjan",
        "CI",
        300,
        "published",
        event_kind="conference",
        theme="local_hr_management",
        title={
            "fr": "Conférence africaine sur la fonction publique territoriale",
            "en": "African conference on the local public service",
        },
        summary={
            "fr": "Gestion des ressources humaines et des métiers des collectivités locales africaines : "
            "l'état des lieux de l'Observatoire d'ALGA.",
            "en": "Human resources and occupations of African local governments: findings of the ALGA Observatory.",
        },
    ),
    SampleSession(
        "workshop-hr-hub",
        None,
        None,
        "residential_seminar",
        "en",
        75,
        2,
        "Africa/Lusaka",
        "Lusaka",
        "ZM",
        40,
        "published",
        event_kind="workshop",
        theme="local_hr_management",
        title={
            "fr": "Atelier : vers un hub régional de la fonction publique territoriale",
            "en": "Workshop: towards a regional hub on the local public service",
        },
        summary={
            "fr": "Préparer avec les partenaires un hub régional en appui à l'Observatoire des ressources "
            "humaines des collectivités locales africaines.",
            "en": "Preparing, with partners, a regional hub supporting the Observatory of human resources "
            "of African local governments.",
        },
    ),
    SampleSession(
        "seminar-research-funding",
        None,
        None,
        "webinar",
        "en",
        10,
        1,
        "UTC",
        None,
        None,
        500,
        "applications_open",
        hours=2.0,
        event_kind="seminar",
        title={
            "fr": "Séminaire : financer la recherche sur la décentralisation et la gouvernance locale",
            "en": "Seminar: funding research on decentralisation and local governance",
        },
        summary={
            "fr": "Sources de financement de la recherche scientifique et publications en partenariat.",
            "en": "Funding sources for scientific research, and joint publications.",
        },
    ),
]
