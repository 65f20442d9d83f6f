"""The signature block of an agency's documents (Nghị định 30/2020/NĐ-CP, Điều 13, Phụ lục I)."""

import datetime as dt

import pytest

from danchu.orgs.models import Membership, Organization, Person, SigningAuthority
from danchu.orgs.signing import default_signature, signature_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return Organization.objects.create(code="X.SKHCN", name="Sở Khoa học và Công nghệ", head_title="Giám đốc")


def member(org, name, position, **kw):
    return Membership.objects.create(
        person=Person.objects.create(full_name=name), organization=org, position=position, **kw
    )


def test_a_deputy_signs_on_behalf_of_the_head(agency):
    deputy = member(agency, "Trần Văn B", "Phó Giám đốc", is_deputy=True)
    sig = signature_for(deputy)
    assert (sig.authority, sig.title, sig.name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B")


def test_the_head_signs_directly_and_an_acting_head_as_q(agency):
    head = member(agency, "Nguyễn Thị A", "Giám đốc", is_head=True)
    assert signature_for(head).lines == ["GIÁM ĐỐC"]
    acting = member(agency, "Lê Văn C", "Phó Giám đốc", signs_as=SigningAuthority.ACTING)
    assert signature_for(acting).lines == ["Q. GIÁM ĐỐC"]


def test_the_default_signer_while_active_else_the_head(agency):
    head = member(agency, "Nguyễn Thị A", "Giám đốc", is_head=True)
    deputy = member(agency, "Trần Văn B", "Phó Giám đốc", is_deputy=True, end=dt.date(2026, 6, 30))
    agency.default_signer = deputy
    agency.save()
    assert default_signature(agency, dt.date(2026, 3, 1)).name == "Trần Văn B"
    assert default_signature(agency, dt.date(2026, 12, 1)).membership == head


def test_no_head_no_signature():
    org = Organization.objects.create(code="Y", name="Cơ quan Y")
    assert default_signature(org) is None
