"""The catch-all under /api/v1/, registered last: any other path gets the JSON 404."""

from django.http import Http404

from .shared import api


@api.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False
)
def not_found(request, rest: str):
    """Any other path under /api/v1/: the same JSON 404 as an unknown record."""
    raise Http404
