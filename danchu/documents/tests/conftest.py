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
        # By default the registry's own clerk (a system admin for the shared legal texts).
        actor = actor or {world.a.pk: world.clerk_a, world.b.pk: world.clerk_b}.get(
            getattr(org, "pk", None), world.admin
        )
        return actions.create_document(actor=actor, organization=org, **values)

    return make
