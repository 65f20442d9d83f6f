"""Staff participation: what staff know (disclosures), discuss (consultations), decide (votes, the
annual staff conference) and supervise (recommendations, the people's inspection board).

LEGAL.md §2–4. Rules that depend on the framework (3 or 5 working days, 30 or 20 days of
posting) live in `rules.py`; state changes only in `actions/`.

A package by workflow; every name is re-exported here so callers (and the migrations, which
name `danchu.participation.models.attachment_path`) import from the package. The workflows are
imported in the order the models were declared in the single module, so the app registry (and
with it a backup's order of tables) is unchanged.
"""

# isort: off
from .disclosures import (
    ONLINE_CHANNELS,
    POSTING_CHANNELS,
    Channel,
    Disclosure,
    DisclosureAttachment,
    DisclosureChannel,
    DisclosureKind,
    DisclosureQuerySet,
    DisclosureRecipient,
    DisclosureStatus,
)
from .consultations import (
    Comment,
    Consultation,
    ConsultationSection,
)
from .votes import (
    NamedBallot,
    SealedBallot,
    Vote,
    VoteKind,
    VoteOption,
    VoterRoll,
    VotingCode,
)
from .conference import (
    Attendee,
    BoardMember,
    BoardRole,
    ConferenceDocument,
    ConferenceDocumentKind,
    ConferenceKind,
    ConferenceQuerySet,
    ConferenceStatus,
    Convocation,
    FollowUp,
    Resolution,
    StaffConference,
)
from .recommendations import (
    Addressee,
    Recommendation,
    RecommendationQuerySet,
)
from .shared import (
    Phase,
    attachment_path,
    phase_for,
)

# isort: on

__all__ = [
    "Channel",
    "POSTING_CHANNELS",
    "ONLINE_CHANNELS",
    "DisclosureKind",
    "DisclosureStatus",
    "DisclosureQuerySet",
    "Disclosure",
    "DisclosureChannel",
    "DisclosureAttachment",
    "DisclosureRecipient",
    "Consultation",
    "ConsultationSection",
    "Comment",
    "VoteKind",
    "Vote",
    "VoteOption",
    "VoterRoll",
    "SealedBallot",
    "VotingCode",
    "NamedBallot",
    "ConferenceKind",
    "Convocation",
    "ConferenceStatus",
    "ConferenceQuerySet",
    "StaffConference",
    "Attendee",
    "ConferenceDocumentKind",
    "ConferenceDocument",
    "Resolution",
    "BoardRole",
    "BoardMember",
    "FollowUp",
    "Addressee",
    "RecommendationQuerySet",
    "Recommendation",
    "attachment_path",
    "Phase",
    "phase_for",
]
