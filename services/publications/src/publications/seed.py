"""The sample library a fresh (non-production) install starts with: a dozen published records of the
kinds the academy publishes — policy briefs, reports, a book, the proceedings of its session at an
Africities summit, a toolkit, an article, slides, a webinar — in French and English, across the
Colleges' themes. DOIs use 10.5555, the prefix reserved for tests, so none can be a real one; no
ISBNs (any valid one could be someone's book). Idempotent: records are keyed by fixed ids.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from publications.file.models import RecordFile
from publications.file.storage import FileStore
from publications.record import service
from publications.record.schemas import RecordAction, RecordCreate
from publications.seed_pdf import one_page_pdf
from publications.settings import PublicationsSettings

_NAMESPACE = uuid.UUID("6f1c1b2e-52a4-4c39-8f43-6a9e8e5d0a11")
ALGA = {"name": "African Local Governments Academy (ALGA)", "organisation": True}
UCLGA = {"name": "UCLG Africa", "organisation": True}
SEEDER = "seed"


def record_id(slug: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, slug))


RECORDS: list[dict[str, Any]] = [
    {
        "slug": "policy-brief-own-source-revenue",
        "type": "policy_brief",
        "title": {
            "fr": "Mobiliser les ressources propres des collectivités territoriales africaines",
            "en": "Mobilising own-source revenue in African local governments",
        },
        "abstract": {
            "fr": "Les impôts et redevances locaux financent rarement plus d'un cinquième des budgets communaux. "
            "Cette note présente cinq leviers éprouvés : fiabiliser le cadastre fiscal, simplifier la taxe "
            "sur les marchés, numériser le paiement, rendre compte aux contribuables et partager les recettes "
            "avec l'État de façon prévisible.",
            "en": "Local taxes and fees rarely finance more than a fifth of municipal budgets. This brief sets out "
            "five proven levers: a reliable property register, a simpler market levy, digital payment, "
            "accountability to taxpayers and predictable revenue sharing with central government.",
        },
        "keywords": {
            "fr": ["fiscalité locale", "ressources propres", "cadastre"],
            "en": ["local taxation", "own-source revenue", "property register"],
        },
        "language": "fr",
        "published_on": "2023-03-15",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "series": "ALGA Policy Briefs, n° 1",
        "authors": [ALGA],
        "themes": ["local_finance"],
        "licence": "CC-BY-4.0",
        "doi": "10.5555/alga.pb.2023.01",
        "file": "note-orientation-ressources-propres.pdf",
    },
    {
        "slug": "policy-brief-gender-budgeting",
        "type": "policy_brief",
        "title": {
            "fr": "Budget sensible au genre : premiers pas pour les communes",
            "en": "Gender-sensitive budgeting: first steps for municipalities",
        },
        "abstract": {
            "fr": "Comment une commune peut-elle savoir à qui profitent ses dépenses ? La note propose une "
            "méthode en trois temps (diagnostic sexué, marquage budgétaire, suivi d'indicateurs) testée dans "
            "des communes du Sénégal, du Cameroun et du Maroc.",
            "en": "How can a municipality know whom its spending benefits? The brief proposes a three-step method "
            "(gender diagnosis, budget tagging, indicator monitoring) tried out in municipalities of Senegal, "
            "Cameroon and Morocco.",
        },
        "keywords": {
            "fr": ["égalité femmes-hommes", "budget", "indicateurs"],
            "en": ["gender equality", "budget", "indicators"],
        },
        "language": "fr",
        "published_on": "2023-09-08",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "series": "ALGA Policy Briefs, n° 2",
        "authors": [{"name": "Ndiaye, Aminata"}, {"name": "Mariam Touré"}],
        "themes": ["gender_sensitive_budgeting", "women_local_government"],
        "licence": "CC-BY-4.0",
        "doi": "10.5555/alga.pb.2023.02",
    },
    {
        "slug": "annual-report-2022",
        "type": "report",
        "title": {
            "fr": "Rapport d'activité 2022 de l'Académie Africaine des Collectivités Territoriales",
            "en": "African Local Governments Academy: annual report 2022",
        },
        "abstract": {
            "fr": "Les Collèges ALGA, le Master exécutif en management des villes, les séminaires d'experts et "
            "les partenariats universitaires de l'année 2022, en chiffres et en témoignages.",
            "en": "The ALGA Colleges, the Executive Master in City Management, the expert seminars and the "
            "university partnerships of 2022, in figures and testimonies.",
        },
        "keywords": {"fr": ["rapport annuel", "formation"], "en": ["annual report", "training"]},
        "language": "fr",
        "published_on": "2023-06-30",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "authors": [UCLGA, ALGA],
        "themes": ["local_leadership", "national_associations"],
        "licence": "CC-BY-NC-4.0",
        "file": "rapport-activite-alga-2022.pdf",
    },
    {
        "slug": "book-managing-the-african-city",
        "type": "book",
        "title": {
            "fr": "Manager la ville africaine : guide du secrétaire général",
            "en": "Managing the African city: a handbook for secretaries-general",
        },
        "abstract": {
            "fr": "Ouvrage d'accompagnement du Master exécutif en management des villes : organisation des "
            "services, conduite du changement, gestion des ressources humaines et relations avec les élus.",
            "en": "The companion book of the Executive Master in City Management: organising services, leading "
            "change, managing people and working with elected officials.",
        },
        "keywords": {
            "fr": ["management municipal", "secrétaire général", "conduite du changement"],
            "en": ["city management", "secretary-general", "change management"],
        },
        "language": "fr",
        "published_on": "2021-11-20",
        "publisher": "Université Cadi Ayyad",
        "place": "Marrakech",
        "authors": [{"name": "Youssef El Amrani", "family": "El Amrani"}, {"name": "Kofi Mensah"}],
        "themes": ["local_leadership", "local_hr_management"],
        "licence": "all-rights-reserved",
    },
    {
        "slug": "proceedings-africities-9",
        "type": "proceedings",
        "title": {
            "fr": "Actes de la session ALGA au Sommet Africités 9 : former les acteurs de la gouvernance locale",
            "en": "Proceedings of the ALGA session at the Africities 9 Summit: training local governance actors",
        },
        "abstract": {
            "fr": "Interventions et débats de la session de l'Académie au Sommet Africités de Kisumu (Kenya) : "
            "les besoins de formation des élus et des cadres, le rôle des associations nationales et des "
            "universités partenaires.",
            "en": "Talks and debates of the Academy's session at the Africities Summit in Kisumu (Kenya): the "
            "training needs of elected officials and staff, the part of national associations and partner "
            "universities.",
        },
        "keywords": {"fr": ["Africités", "renforcement des capacités"], "en": ["Africities", "capacity building"]},
        "language": "fr",
        "published_on": "2022-12-12",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "container_title": "Sommet Africités 9, Kisumu (Kenya), 17-21 mai 2022",
        "authors": [ALGA],
        "themes": ["local_leadership", "national_associations", "international_relations"],
        "licence": "CC-BY-4.0",
        "doi": "10.5555/alga.africities9",
    },
    {
        "slug": "toolkit-participatory-budgeting",
        "type": "toolkit",
        "title": {"fr": "Boîte à outils du budget participatif", "en": "Participatory budgeting toolkit"},
        "abstract": {
            "fr": "Fiches pratiques pour lancer un budget participatif : calendrier, règlement, assemblées de "
            "quartier, vote, suivi des projets et redevabilité.",
            "en": "Practical sheets to launch participatory budgeting: timetable, rules, neighbourhood "
            "assemblies, voting, project follow-up and accountability.",
        },
        "keywords": {
            "fr": ["participation citoyenne", "budget participatif"],
            "en": ["citizen participation", "participatory budgeting"],
        },
        "language": "fr",
        "published_on": "2022-04-04",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "authors": [{"name": "Grace Wanjiru"}, ALGA],
        "themes": ["participatory_budgeting"],
        "licence": "CC-BY-SA-4.0",
        "file": "boite-a-outils-budget-participatif.pdf",
    },
    {
        "slug": "article-cross-border-shared-services",
        "type": "article",
        "title": {
            "fr": "Coopération transfrontalière et services partagés en Afrique de l'Ouest",
            "en": "Cross-border cooperation and shared services in West Africa",
        },
        "abstract": {
            "fr": "Marchés, centres de santé et gestion de l'eau partagés entre communes frontalières : l'article "
            "compare quatre bassins de vie et les cadres juridiques qui les rendent possibles.",
        },
        "keywords": {"fr": ["coopération transfrontalière", "services partagés", "Afrique de l'Ouest"]},
        "language": "fr",
        "published_on": "2024-01-22",
        "container_title": "Cahiers de l'ALGA, n° 2",
        "authors": [{"name": "Sawadogo, Issa"}],
        "themes": ["cross_border_cooperation", "spatial_planning"],
        "licence": "CC-BY-4.0",
        "doi": "10.5555/alga.cahiers.2024.02",
    },
    {
        "slug": "report-local-government-hr-baseline",
        "type": "report",
        "title": {
            "en": "Human resources of African local governments: a baseline",
            "fr": "Les ressources humaines des collectivités territoriales africaines : état des lieux",
        },
        "abstract": {
            "en": "First report of the observatory of local government jobs: staff numbers, qualifications, "
            "gender balance and training needs in twelve countries.",
            "fr": "Premier rapport de l'observatoire des métiers territoriaux : effectifs, qualifications, "
            "équilibre femmes-hommes et besoins de formation dans douze pays.",
        },
        "keywords": {
            "en": ["human resources", "local public service", "observatory"],
            "fr": ["ressources humaines", "fonction publique territoriale", "observatoire"],
        },
        "language": "en",
        "published_on": "2024-02-20",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "authors": [{"name": "Mensah, Kofi"}, {"name": "Aminata Ndiaye"}],
        "themes": ["local_hr_management"],
        "licence": "CC-BY-4.0",
    },
    {
        "slug": "policy-brief-informal-settlements-services",
        "type": "policy_brief",
        "title": {
            "en": "Bringing basic services to informal settlements: lessons for city managers",
            "fr": "Amener les services de base dans les quartiers d'habitat spontané : leçons pour les gestionnaires",
        },
        "abstract": {
            "en": "Water kiosks, community-managed sanitation, waste collection by local enterprises: what worked "
            "in six cities, and what city managers can do in the first year.",
            "fr": "Bornes-fontaines, assainissement géré par les habitants, collecte des déchets par des "
            "entreprises locales : ce qui a marché dans six villes.",
        },
        "keywords": {
            "en": ["informal settlements", "water", "sanitation"],
            "fr": ["habitat spontané", "eau", "assainissement"],
        },
        "language": "en",
        "published_on": "2024-05-10",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "series": "ALGA Policy Briefs, no. 5",
        "authors": [{"name": "Grace Wanjiru"}, {"name": "Tendai Moyo"}],
        "themes": ["informal_settlements", "basic_services_access"],
        "licence": "CC-BY-4.0",
        "file": "policy-brief-informal-settlements.pdf",
    },
    {
        "slug": "slides-migration-diaspora",
        "type": "presentation",
        "title": {
            "fr": "Migrations et diaspora : le rôle des collectivités territoriales",
            "en": "Migration and diaspora: the role of local governments",
        },
        "abstract": {
            "fr": "Présentation du séminaire international d'experts : accueil des personnes migrantes, "
            "guichets de la diaspora, projets de co-développement.",
        },
        "keywords": {"fr": ["migrations", "diaspora", "co-développement"]},
        "language": "fr",
        "published_on": "2023-11-15",
        "authors": [{"name": "Mariam Touré"}],
        "themes": ["migration_diaspora"],
        "licence": "CC-BY-NC-4.0",
    },
    {
        "slug": "webinar-financing-sustainable-cities",
        "type": "video",
        "title": {
            "fr": "Webinaire : financer les villes durables",
            "en": "Webinar: financing sustainable cities",
        },
        "abstract": {
            "fr": "Fonds climat, partenariats public-privé et emprunt : comment les villes africaines "
            "financent leur transition.",
            "en": "Climate funds, public-private partnerships and borrowing: how African cities finance their "
            "transition.",
        },
        "keywords": {"fr": ["finance climat", "PPP"], "en": ["climate finance", "PPP"]},
        "language": "fr",
        "published_on": "2024-09-26",
        "authors": [ALGA],
        "themes": ["sustainable_inclusive_cities", "local_finance", "public_private_partnership"],
        "licence": "CC-BY-4.0",
        "url": "https://campus.example.org/videos/financer-les-villes-durables",
    },
    {
        "slug": "guide-decentralised-cooperation",
        "type": "report",
        "title": {
            "fr": "Coopération décentralisée et jumelages : guide pratique",
            "en": "Decentralised cooperation and twinning: a practical guide",
        },
        "abstract": {
            "fr": "Monter un partenariat entre collectivités d'Afrique et d'ailleurs : cadre juridique, "
            "convention, financement, communication et évaluation.",
            "en": "Building a partnership between local governments of Africa and elsewhere: legal framework, "
            "agreement, funding, communication and evaluation.",
        },
        "keywords": {
            "fr": ["coopération décentralisée", "jumelage"],
            "en": ["decentralised cooperation", "twinning"],
        },
        "language": "fr",
        "published_on": "2021-06-01",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "authors": [{"name": "Jean-Baptiste Nkurunziza"}, UCLGA],
        "themes": ["international_relations", "local_communication"],
        "licence": "CC-BY-4.0",
    },
]


@dataclass
class SeedReport:
    added: int = 0
    present: int = 0
    files: int = 0

    def __str__(self) -> str:
        return f"{self.added} records added, {self.present} already there, {self.files} files stored"


def _pdf_for(item: dict[str, Any]) -> bytes:
    title = item["title"].get("fr") or item["title"]["en"]
    abstract = (item.get("abstract") or {}).get("fr") or (item.get("abstract") or {}).get("en") or ""
    words, lines, line = abstract.split(), [], ""
    for word in words:
        if len(line) + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    header = ["African Local Governments Academy (ALGA) - UCLG Africa", ""]
    return one_page_pdf(title[:90], header + lines)


async def seed(session: AsyncSession, *, settings: PublicationsSettings, store: FileStore) -> SeedReport:
    report = SeedReport()
    for item in RECORDS:
        rid = record_id(item["slug"])
        if await service.find(session, rid) is not None:
            report.present += 1
            continue
        fields = {k: v for k, v in item.items() if k not in ("slug", "file")}
        record = await service.create(session, data=RecordCreate.model_validate(fields), by=SEEDER, record_id=rid)
        if item.get("file"):
            content = _pdf_for(item)
            checksum = hashlib.sha256(content).hexdigest()
            store.write_bytes(content, checksum)
            session.add(
                RecordFile(
                    record_id=rid,
                    position=1,
                    filename=item["file"],
                    media_type="application/pdf",
                    size_bytes=len(content),
                    sha256=checksum,
                    uploaded_by=SEEDER,
                )
            )
            await session.flush()
            report.files += 1
        await service.transition(
            session, record=record, action=RecordAction.publish, reason=None, by=SEEDER, settings=settings
        )
        report.added += 1
    return report
