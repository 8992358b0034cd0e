"""What each kind of message says, in French and in English.

Plain `string.Template`s: `$name` placeholders, nothing else (no logic in the texts; optional
sentences are snippets below, filled in or left empty by `notifications.message.compose`).
Paragraphs are separated by a blank line; a paragraph left empty by its placeholders is dropped.
French typography: « guillemets » and a space before « : ; ! ? ».

Adding a language: add its key to every entry (tests/test_messages.py checks that each kind renders
in every language of LANGUAGES with every placeholder filled).
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True)
class Wording:
    subject: Template
    body: Template
    #: The label of the link into ALGA Campus.
    action: str


def _w(subject: str, body: str, action: str) -> Wording:
    return Wording(Template(subject), Template(body), action)


KINDS: dict[str, dict[str, Wording]] = {
    "application_received": {
        "fr": _w(
            "Candidature reçue : $session",
            "Nous avons bien reçu votre candidature à la session « $session »$when.\n\n"
            "L'équipe de l'académie va l'examiner et vous écrira dès qu'une décision sera prise.",
            "Suivre ma candidature",
        ),
        "en": _w(
            "Application received: $session",
            "We have received your application to the session “$session”$when.\n\n"
            "The academy's team will review it and write to you as soon as a decision is made.",
            "Follow my application",
        ),
    },
    "application_accepted": {
        "fr": _w(
            "Candidature acceptée : $session",
            "Bonne nouvelle : votre candidature à la session « $session »$when est acceptée.\n\n"
            "$deadline_paragraph\n\n$message_paragraph",
            "Confirmer ma place",
        ),
        "en": _w(
            "Application accepted: $session",
            "Good news: your application to the session “$session”$when has been accepted.\n\n"
            "$deadline_paragraph\n\n$message_paragraph",
            "Confirm my seat",
        ),
    },
    "application_waitlisted": {
        "fr": _w(
            "Liste d'attente : $session",
            "Votre candidature à la session « $session »$when est inscrite sur la liste d'attente.$position_sentence "
            "Nous vous écrirons dès qu'une place se libère.\n\n$message_paragraph",
            "Suivre ma candidature",
        ),
        "en": _w(
            "Waiting list: $session",
            "Your application to the session “$session”$when is on the waiting list.$position_sentence "
            "We will write to you as soon as a seat becomes available.\n\n$message_paragraph",
            "Follow my application",
        ),
    },
    "application_rejected": {
        "fr": _w(
            "Réponse à votre candidature : $session",
            "Nous sommes au regret de vous informer que votre candidature à la session « $session »$when "
            "n'a pas été retenue.\n\n$message_paragraph\n\n"
            "D'autres sessions vous attendent dans le catalogue de l'académie.",
            "Voir ma candidature",
        ),
        "en": _w(
            "Your application: $session",
            "We regret to inform you that your application to the session “$session”$when "
            "was not successful.\n\n$message_paragraph\n\n"
            "Other sessions are waiting for you in the academy's catalogue.",
            "View my application",
        ),
    },
    "seat_offered": {
        "fr": _w(
            "Une place s'est libérée : $session",
            "Une place s'est libérée pour la session « $session »$when : elle vous est proposée.\n\n"
            "$deadline_paragraph",
            "Confirmer ma place",
        ),
        "en": _w(
            "A seat is available: $session",
            "A seat has become available for the session “$session”$when, and it is offered to you.\n\n"
            "$deadline_paragraph",
            "Confirm my seat",
        ),
    },
    "offer_expired": {
        "fr": _w(
            "Place non confirmée : $session",
            "Votre place pour la session « $session »$when n'a pas été confirmée avant la date limite ; "
            "elle a été proposée à la personne suivante sur la liste d'attente.",
            "Voir ma candidature",
        ),
        "en": _w(
            "Seat not confirmed: $session",
            "Your seat for the session “$session”$when was not confirmed before the deadline; "
            "it has been offered to the next person on the waiting list.",
            "View my application",
        ),
    },
    "session_cancelled": {
        "fr": _w(
            "Session annulée : $session",
            "La session « $session »$when est annulée, et votre candidature est close.\n\n$reason_paragraph\n\n"
            "Nous sommes désolés de ce changement. D'autres sessions vous attendent dans le catalogue de l'académie.",
            "Voir la session",
        ),
        "en": _w(
            "Session cancelled: $session",
            "The session “$session”$when has been cancelled, and your application is closed.\n\n$reason_paragraph\n\n"
            "We are sorry for this change. Other sessions are waiting for you in the academy's catalogue.",
            "View the session",
        ),
    },
    "session_moved": {
        "fr": _w(
            "Nouvelles dates ou nouveau lieu : $session",
            "Les dates ou le lieu de la session « $session » ont changé.\n\n"
            "Dates : $dates\nLieu : $venue\n\n"
            "Votre place est maintenue. Si vous ne pouvez plus participer, merci de vous retirer "
            "pour que quelqu'un d'autre puisse en profiter.",
            "Voir la session",
        ),
        "en": _w(
            "New dates or venue: $session",
            "The dates or the venue of the session “$session” have changed.\n\n"
            "Dates: $dates\nVenue: $venue\n\n"
            "Your seat is kept. If you can no longer attend, please withdraw so that someone else can take it.",
            "View the session",
        ),
    },
    "certificate_issued": {
        "fr": _w(
            "Votre certificat : $session",
            "Félicitations ! Vous avez achevé la session « $session »$when et votre certificat est délivré.\n\n"
            "Code de vérification : $code. Toute personne peut vérifier l'authenticité du certificat "
            "avec ce code sur ALGA Campus.",
            "Vérifier le certificat",
        ),
        "en": _w(
            "Your certificate: $session",
            "Congratulations! You have completed the session “$session”$when and your certificate has been issued.\n\n"
            "Verification code: $code. Anyone can check that the certificate is genuine with this code "
            "on ALGA Campus.",
            "Verify the certificate",
        ),
    },
    # To the endorser a learner named, who has no account: the single-use link to the application.
    "endorsement_requested": {
        "fr": _w(
            "Demande d'appui : candidature de $applicant",
            "$applicant vous désigne pour appuyer sa candidature à la session « $session »$when de l'Académie "
            "africaine des collectivités territoriales (ALGA), où un appui de l'employeur ou de l'association "
            "nationale est demandé.\n\n"
            "Le lien ci-dessous vous montre cette candidature, et elle seule, et vous permet de l'appuyer ou "
            "non. Il ne sert qu'une fois$validity_sentence. Si vous ne connaissez pas cette personne, ignorez "
            "ce message.",
            "Répondre à la demande",
        ),
        "en": _w(
            "Endorsement request: $applicant's application",
            "$applicant has named you to endorse their application to the session “$session”$when of the "
            "African Local Governments Academy (ALGA), which asks for an endorsement by the employer or the "
            "national association.\n\n"
            "The link below shows you that application, and only that one, and lets you endorse it or not. "
            "It works once$validity_sentence. If you do not know this person, please ignore this message.",
            "Answer the request",
        ),
    },
    "expert_verified": {
        "fr": _w(
            "Votre profil d'expert est vérifié",
            "Votre profil dans la Communauté des experts et praticiens de l'ALGA a été vérifié par l'équipe "
            "de l'académie. Bienvenue dans la communauté !\n\n$listing_sentence",
            "Voir mon profil",
        ),
        "en": _w(
            "Your expert profile is verified",
            "Your profile in the ALGA Community of Experts and Practitioners has been verified by the academy's "
            "team. Welcome to the community!\n\n$listing_sentence",
            "View my profile",
        ),
    },
}


@dataclass(frozen=True)
class Snippet:
    """An optional sentence or paragraph: filled in when `needs` has a value, else left empty."""

    needs: str
    versions: dict[str, Template]


SNIPPETS: dict[str, Snippet] = {
    "when": Snippet("dates", {"fr": Template(" ($dates)"), "en": Template(" ($dates)")}),
    "deadline_paragraph": Snippet(
        "deadline",
        {
            "fr": Template(
                "Merci de confirmer votre place avant le $deadline ; passé ce délai, elle sera proposée "
                "à la personne suivante sur la liste d'attente."
            ),
            "en": Template(
                "Please confirm your seat before $deadline; after that, it will be offered to the next person "
                "on the waiting list."
            ),
        },
    ),
    "message_paragraph": Snippet(
        "message",
        {
            "fr": Template("Message de l'équipe de l'académie : « $message »"),
            "en": Template("A message from the academy's team: “$message”"),
        },
    ),
    "reason_paragraph": Snippet("reason", {"fr": Template("Motif : $reason"), "en": Template("Reason: $reason")}),
    "position_sentence": Snippet(
        "position",
        {"fr": Template(" Vous êtes en position $position."), "en": Template(" You are number $position in line.")},
    ),
    "validity_sentence": Snippet(
        "days",
        {"fr": Template(" et reste valable $days jours"), "en": Template(" and stays valid for $days days")},
    ),
    "listing_sentence": Snippet(
        "listed",
        {
            "fr": Template("Votre profil figure désormais dans l'annuaire public des experts."),
            "en": Template("Your profile now appears in the public directory of experts."),
        },
    ),
}

#: Words the composer needs in each language.
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "greeting": "Bonjour $name,",
        "greeting_anonymous": "Bonjour,",
        "link": "$action : $url",
        "untitled": "votre session",
        "someone": "Une personne",
        "to_be_announced": "à préciser",
        "online": "en ligne",
        "and_online": "$place, et en ligne",
        "utc": "UTC",
        "footer": (
            "Ce message vous est envoyé par ALGA Campus, la plateforme de l'Académie africaine des collectivités "
            "territoriales (CGLU Afrique). Vous le retrouvez aussi dans vos notifications sur ALGA Campus."
        ),
    },
    "en": {
        "greeting": "Hello $name,",
        "greeting_anonymous": "Hello,",
        "link": "$action: $url",
        "untitled": "your session",
        "someone": "Someone",
        "to_be_announced": "to be announced",
        "online": "online",
        "and_online": "$place, and online",
        "utc": "UTC",
        "footer": (
            "This message is sent by ALGA Campus, the platform of the African Local Governments Academy "
            "(UCLG Africa). You can also find it in your notifications on ALGA Campus."
        ),
    },
}
