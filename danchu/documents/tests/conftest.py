import datetime

import pytest

from danchu.documents import actions
from danchu.documents.models import Direction


@pytest.fixture
def make_doc(world):
    """make_doc(org=world.a, number="420", symbol="KH-SA", ...) through the action."""

    def make(org=None, actor=None, **fields):
        org = world.a if org is None else org
        values = {
            "direction": Direction.ISSUED,
            "kind": "KH",
            "number": "420",
            "symbol": "KH-SA",
            "issued_on": datetime.date(2020, 4, 15),
            "subject": "Kế hoạch thực hiện công tác dân vận chính quyền năm 2020",
        }
        values.update(fields)
        if org == "external":
            org = None
            values["direction"] = Direction.EXTERNAL
        return actions.create_document(actor=actor or world.clerk_a, organization=org, **values)

    return make
