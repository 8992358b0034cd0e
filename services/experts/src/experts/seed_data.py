"""Demo experts: FICTIONAL people (any likeness to a real person is accidental), so that a fresh
install's directory is not empty. Never seeded in production (ExpertsSettings.seeds_demo_experts).

(key, profile fields). Each key gives the profile a fixed id (uuid5), which makes the seed idempotent.
"""

from __future__ import annotations

from typing import Any

FICTIONAL_FR = " (Profil de démonstration : personne fictive.)"
FICTIONAL_EN = " (Demo profile: a fictional person.)"

DEMO_EXPERTS: list[tuple[str, dict[str, Any]]] = [
    (
        "mariam-toure-diagne",
        {
            "full_name": "Mariam Touré Diagne",
            "title": "Dr",
            "position": "Conseillère en finances locales",
            "organisation": "Cabinet Teranga Gouvernance (fictif)",
            "country": "SN",
            "work_countries": ["SN", "ML", "MR", "GN"],
            "languages": [
                {"tag": "fr", "level": "native"},
                {"tag": "wo", "level": "native"},
                {"tag": "en", "level": "professional"},
            ],
            "themes": ["local_finance", "participatory_budgeting"],
            "keywords": ["fiscalité locale", "mobilisation des ressources propres", "own-source revenue"],
            "bio": {
                "fr": "Vingt ans d'accompagnement des communes sénégalaises et maliennes dans la mobilisation de "
                "leurs ressources propres et la mise en place de budgets participatifs." + FICTIONAL_FR,
                "en": "Twenty years supporting Senegalese and Malian municipalities in raising own-source revenue "
                "and setting up participatory budgets." + FICTIONAL_EN,
            },
            "years_of_experience": 20,
            "availability": "available",
            "email": "mariam.diagne@example.org",
        },
    ),
    (
        "youssef-el-amrani",
        {
            "full_name": "Youssef El Amrani",
            "title": "Pr",
            "position": "Professeur d'urbanisme",
            "organisation": "Institut national d'aménagement (fictif)",
            "country": "MA",
            "work_countries": ["MA", "TN", "MR"],
            "languages": [
                {"tag": "ar", "level": "native"},
                {"tag": "fr", "level": "fluent"},
                {"tag": "en", "level": "professional"},
            ],
            "themes": ["spatial_planning", "informal_settlements"],
            "keywords": ["planification urbaine", "restructuration des quartiers", "foncier"],
            "bio": {
                "fr": "Urbaniste, il enseigne la planification territoriale et conseille les villes sur la "
                "restructuration des quartiers d'habitat spontané." + FICTIONAL_FR,
                "en": "An urban planner who teaches territorial planning and advises cities on upgrading informal "
                "settlements." + FICTIONAL_EN,
            },
            "years_of_experience": 25,
            "availability": "limited",
            "available_until": "+120",
            "email": "y.elamrani@example.org",
        },
    ),
    (
        "grace-wanjiru-otieno",
        {
            "full_name": "Grace Wanjiru Otieno",
            "position": "Gender and governance specialist",
            "organisation": "Lakeside Governance Trust (fictional)",
            "country": "KE",
            "work_countries": ["KE", "UG", "TZ", "RW"],
            "languages": [{"tag": "en", "level": "fluent"}, {"tag": "sw", "level": "native"}],
            "themes": ["gender_sensitive_budgeting", "women_local_government"],
            "keywords": ["gender budgeting", "county governments", "women's leadership"],
            "bio": {
                "en": "Trains county and municipal finance teams in East Africa to analyse and build budgets that "
                "serve women and men equally." + FICTIONAL_EN,
                "fr": "Forme les équipes financières des comtés et municipalités d'Afrique de l'Est à analyser et "
                "construire des budgets qui servent également les femmes et les hommes." + FICTIONAL_FR,
            },
            "years_of_experience": 14,
            "availability": "available",
            "email": "grace.otieno@example.org",
        },
    ),
    (
        "kwame-asante-boateng",
        {
            "full_name": "Kwame Asante-Boateng",
            "position": "Local economic development adviser",
            "organisation": "Gold Coast Municipal Partners (fictional)",
            "country": "GH",
            "work_countries": ["GH", "NG", "SL", "LR"],
            "languages": [
                {"tag": "en", "level": "native"},
                {"tag": "ak", "level": "native"},
                {"tag": "fr", "level": "basic"},
            ],
            "themes": ["local_economic_development", "public_private_partnership"],
            "keywords": ["market infrastructure", "PPP contracts", "informal economy"],
            "bio": {
                "en": "Helps district assemblies structure public-private partnerships for markets and bus "
                "terminals, and design local economic development strategies." + FICTIONAL_EN,
                "fr": "Aide les assemblées de district à monter des partenariats public-privé pour les marchés et "
                "les gares routières, et à concevoir leurs stratégies de développement économique local."
                + FICTIONAL_FR,
            },
            "years_of_experience": 11,
            "availability": "unavailable",
            "available_from": "+0",
            "available_until": "+60",
            "email": "kwame.boateng@example.org",
        },
    ),
    (
        "jean-baptiste-mbarga",
        {
            "full_name": "Jean-Baptiste Mbarga",
            "title": "Dr",
            "position": "Expert en décentralisation et fonction publique territoriale",
            "organisation": "Observatoire de la décentralisation (fictif)",
            "country": "CM",
            "work_countries": ["CM", "GA", "TD", "CF", "CG"],
            "languages": [{"tag": "fr", "level": "native"}, {"tag": "en", "level": "fluent"}],
            "themes": ["local_hr_management", "national_associations", "local_leadership"],
            "keywords": ["décentralisation", "statut des personnels communaux", "associations de communes"],
            "bio": {
                "fr": "Accompagne depuis quinze ans les associations nationales de collectivités d'Afrique "
                "centrale et la réforme du statut des personnels territoriaux." + FICTIONAL_FR,
                "en": "For fifteen years has supported Central Africa's national associations of local "
                "governments and the reform of local civil service statutes." + FICTIONAL_EN,
            },
            "years_of_experience": 15,
            "availability": "available",
            "email": "jb.mbarga@example.org",
        },
    ),
    (
        "fatoumata-ouedraogo",
        {
            "full_name": "Fatoumata Ouédraogo",
            "position": "Coach territoriale",
            "organisation": "Réseau Sahel Leadership (fictif)",
            "country": "BF",
            "work_countries": ["BF", "NE", "ML"],
            "languages": [{"tag": "fr", "level": "native"}, {"tag": "mos", "level": "native"}],
            "themes": ["territorial_coaching", "local_leadership", "women_local_government"],
            "keywords": ["coaching d'élus", "conduite du changement", "leadership féminin"],
            "bio": {
                "fr": "Coach certifiée, elle accompagne maires et secrétaires généraux dans la conduite du "
                "changement et le leadership des femmes élues." + FICTIONAL_FR,
            },
            "years_of_experience": 9,
            "availability": "available",
            "email": "f.ouedraogo@example.org",
        },
    ),
    (
        "thandiwe-nkosi",
        {
            "full_name": "Thandiwe Nkosi",
            "position": "Municipal infrastructure planner",
            "organisation": "Highveld Urban Lab (fictional)",
            "country": "ZA",
            "work_countries": ["ZA", "BW", "LS", "SZ", "NA"],
            "languages": [{"tag": "en", "level": "fluent"}, {"tag": "zu", "level": "native"}],
            "themes": ["basic_services_access", "sustainable_inclusive_cities"],
            "keywords": ["water and sanitation", "waste management", "climate adaptation"],
            "bio": {
                "en": "Plans water, sanitation and waste services with metropolitan and local municipalities, "
                "with a focus on climate adaptation." + FICTIONAL_EN,
                "fr": "Planifie les services d'eau, d'assainissement et de déchets avec les métropoles et les "
                "municipalités locales, en particulier l'adaptation au climat." + FICTIONAL_FR,
            },
            "years_of_experience": 12,
            "availability": "limited",
            "email": "thandiwe.nkosi@example.org",
        },
    ),
    (
        "koffi-adjoumani",
        {
            "full_name": "Koffi Adjoumani",
            "position": "Spécialiste de la coopération décentralisée",
            "organisation": "Agence de coopération des villes côtières (fictive)",
            "country": "CI",
            "work_countries": ["CI", "GH", "TG", "BJ"],
            "languages": [{"tag": "fr", "level": "native"}, {"tag": "en", "level": "professional"}],
            "themes": ["cross_border_cooperation", "international_relations", "migration_diaspora"],
            "keywords": ["coopération transfrontalière", "jumelages", "diaspora"],
            "bio": {
                "fr": "Monte des projets de coopération transfrontalière et de jumelage entre collectivités du "
                "golfe de Guinée, et associe les diasporas au développement local." + FICTIONAL_FR,
                "en": "Builds cross-border cooperation and twinning projects between local governments of the "
                "Gulf of Guinea, and involves diasporas in local development." + FICTIONAL_EN,
            },
            "years_of_experience": 17,
            "availability": "available",
            "email": "koffi.adjoumani@example.org",
        },
    ),
]
