"""The REST API, version 1 (`/api/v1/`), on django-ninja. Endpoints are thin like the pages:
authenticate the token → look the object up through danchu.orgs.access (an outsider gets 404) →
call the app's action → answer. No endpoint ever serialises a sender's identity: the schemas
have no field for it, and the reveal stays a page action (petitions:reveal, audited).

A package by resource; each module registers its operations on `api` when imported. The order of
the imports below is the order of the operations in the schema and of the URL patterns (the
catch-all 404 last): keep it, and add a new resource's module before `fallback`."""

# isort: off
from .shared import api
from . import organisations, periods, documents, petitions, indicators, reports, consolidation, fallback

# isort: on

__all__ = [
    "api",
    "organisations",
    "periods",
    "documents",
    "petitions",
    "indicators",
    "reports",
    "consolidation",
    "fallback",
]
