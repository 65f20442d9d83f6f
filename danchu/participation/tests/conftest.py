import datetime

import pytest

from danchu.legal.models import Requirement


@pytest.fixture
def req():
    """req(framework, code, area="disclosure") -> a catalog item."""

    def get(framework, code, area="disclosure"):
        return Requirement.objects.get(framework=framework, area=area, code=code)

    return get


@pytest.fixture
def day():
    return datetime.date
