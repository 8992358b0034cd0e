"""The experts service's fixed vocabularies: their codes are part of the public API and of the events."""

from __future__ import annotations

from enum import StrEnum

#: The 18 themes of the ALGA Colleges, under the catalogue's codes (services/catalogue seed data:
#: `GET /api/catalogue/themes`). Copied, not fetched: a profile must be valid while catalogue is
#: down (docs/decisions/0001). A theme added to the catalogue is added here in the same release.
THEMES: dict[str, dict[str, str]] = {
    "local_leadership": {"fr": "Leadership local", "en": "Local leadership"},
    "territorial_coaching": {"fr": "Coaching territorial", "en": "Territorial coaching"},
    "participatory_budgeting": {"fr": "Budget participatif", "en": "Participatory budgeting"},
    "gender_sensitive_budgeting": {"fr": "Budget sensible au genre", "en": "Gender-sensitive budgeting"},
    "sustainable_inclusive_cities": {
        "fr": "Transition vers des villes et territoires durables et inclusifs",
        "en": "Transition to sustainable and inclusive cities and territories",
    },
    "informal_settlements": {
        "fr": "Gestion et intégration des quartiers d'habitat spontané",
        "en": "Managing and integrating informal settlements",
    },
    "women_local_government": {"fr": "Femmes et collectivités territoriales", "en": "Women and local government"},
    "public_private_partnership": {"fr": "Partenariat public-privé", "en": "Public-private partnerships"},
    "local_hr_management": {
        "fr": "Gestion des ressources humaines des collectivités territoriales",
        "en": "Human resources management in local government",
    },
    "local_communication": {
        "fr": "Communication des collectivités territoriales",
        "en": "Local government communication",
    },
    "local_finance": {"fr": "Finances locales", "en": "Local finance"},
    "local_economic_development": {"fr": "Développement économique local", "en": "Local economic development"},
    "international_relations": {
        "fr": "Relations internationales des collectivités territoriales",
        "en": "International relations of local governments",
    },
    "migration_diaspora": {"fr": "Migrations et diaspora", "en": "Migration and diaspora"},
    "cross_border_cooperation": {"fr": "Coopération transfrontalière", "en": "Cross-border cooperation"},
    "basic_services_access": {
        "fr": "Stratégies d'accès aux équipements et services de base",
        "en": "Strategies for access to basic infrastructure and services",
    },
    "spatial_planning": {
        "fr": "Planification et organisation spatiale des territoires",
        "en": "Spatial planning and territorial organisation",
    },
    "national_associations": {
        "fr": "Structuration et animation des associations nationales des collectivités territoriales",
        "en": "Building and running national associations of local governments",
    },
}


def theme_title(code: str, language: str) -> str:
    names = THEMES.get(code)
    if names is None:
        return code
    return names.get(language) or names["en"]


class ProfileStatus(StrEnum):
    """pending → verified | rejected; verified → archived. `merged`: folded into another profile
    by a coordinator resolving a duplicate (the row stays so that old ids still resolve)."""

    pending = "pending"
    verified = "verified"
    rejected = "rejected"
    archived = "archived"
    merged = "merged"


class Availability(StrEnum):
    available = "available"
    limited = "limited"
    unavailable = "unavailable"


class LanguageLevel(StrEnum):
    """How well an expert works in a language (self-declared)."""

    native = "native"
    fluent = "fluent"
    professional = "professional"
    basic = "basic"


class EngagementKind(StrEnum):
    session = "session"
    publication = "publication"


LABELS: dict[str, dict[str, str]] = {
    "available": {"fr": "Disponible", "en": "Available"},
    "limited": {"fr": "Disponibilité limitée", "en": "Limited availability"},
    "unavailable": {"fr": "Indisponible", "en": "Unavailable"},
    "native": {"fr": "Langue maternelle", "en": "Native"},
    "fluent": {"fr": "Courant", "en": "Fluent"},
    "professional": {"fr": "Professionnel", "en": "Professional working proficiency"},
    "basic": {"fr": "Notions", "en": "Basic"},
}


def label(code: str, language: str) -> str:
    names = LABELS.get(code)
    if names is None:
        return code
    return names.get(language) or names["en"]
