"""Requirement catalogs (LEGAL.md §2–3): what staff must be told, consulted on, decide and supervise."""

from .models import Requirement


def catalog(framework, area):
    """The ordered requirements of `framework` (frameworks.Framework) in `area` (RequirementArea),
    each with its successors (the matching items of the newer framework) prefetched."""
    return list(Requirement.objects.of(framework, area).prefetch_related("successors"))
