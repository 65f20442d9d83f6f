import pytest

from danchu.legal.catalogs import catalog
from danchu.legal.frameworks import Framework
from danchu.legal.models import RequirementArea

pytestmark = pytest.mark.django_db


def test_law_2022_disclosure_has_12_groups_in_order():
    items = catalog(Framework.LAW_2022, RequirementArea.DISCLOSURE)
    assert [i.order for i in items] == list(range(1, 13))
    assert all("Điều 46" in i.basis for i in items)
    assert "Tài sản công" in items[3].title


def test_nd04_disclosure_has_9_items_mapped_to_the_law():
    items = catalog(Framework.ND04_2015, RequirementArea.DISCLOSURE)
    assert len(items) == 9 and all("Điều 7" in i.basis for i in items)
    mapping = {int(i.code): sorted(int(s.code) for s in i.successors.all()) for i in items}
    assert mapping == {1: [1], 2: [2], 3: [3, 4], 4: [6], 5: [7], 6: [8], 7: [9], 8: [10], 9: [11]}
    new = {i.code: i for i in catalog(Framework.LAW_2022, RequirementArea.DISCLOSURE)}
    assert not new["5"].predecessors.exists() and not new["12"].predecessors.exists()


def test_consultation_decision_and_supervision_catalogs():
    assert len(catalog(Framework.LAW_2022, RequirementArea.CONSULTATION)) == 10
    assert len(catalog(Framework.ND04_2015, RequirementArea.CONSULTATION)) == 10
    decisions = catalog(Framework.LAW_2022, RequirementArea.DECISION)
    assert len(decisions) == 4 and "Ban Thanh tra nhân dân" in decisions[0].title
    assert all("Điều 49" in d.basis for d in decisions)
    assert len(catalog(Framework.ND04_2015, RequirementArea.DECISION)) == 1
    assert len(catalog(Framework.LAW_2022, RequirementArea.SUPERVISION)) == 4


def test_catalog_costs_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        items = catalog(Framework.ND04_2015, RequirementArea.DISCLOSURE)
        [list(i.successors.all()) for i in items]
