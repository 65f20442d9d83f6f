"""The one JSON normaliser: register data, indicator values and document contexts as plain JSON."""

import datetime
import uuid
from decimal import Decimal

from django.utils.functional import Promise


def plain(value):
    """A JSON-safe copy of `value`: a whole Decimal becomes an int, another a float; dates, times
    and UUIDs their ISO text; lazy translations their text; dicts (keys as text), lists and tuples
    are copied through."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Promise)):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
