import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danchu.consolidation import actions
from danchu.consolidation.models import TargetMode
from danchu.orgs.models import Organization, OrganizationKind

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def docx_upload(name="bao-cao.docx"):
    from danchu.core.officialdoc import OfficialDocument

    doc = OfficialDocument()
    doc.paragraph("Báo cáo")
    return SimpleUploadedFile(name, doc.to_bytes())


def when(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@pytest.fixture
def snv(world):
    return Organization.objects.create(
        code="TV.SNV",
        name="Sở Nội vụ",
        short_name="SNV",
        kind=OrganizationKind.DEPARTMENT,
        parent=world.tv,
        place_name="Trà Vinh",
    )


@pytest.fixture
def req(world, snv):
    return actions.create_request(
        actor=world.officer,
        requesting_org=snv,
        reference="1457/SNV-XDCQCTTN",
        issued_on=datetime.date(2020, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020",
        period=world.period_2020,
        deadline=datetime.date(2020, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[world.a, world.b],
    )


@pytest.fixture
def upload():
    def do(req, org, actor, values, day=datetime.date(2020, 11, 10)):
        return actions.submit_upload(
            req, org, actor=actor, uploaded_file=docx_upload(), values=values, submitted_at=when(day)
        )

    return do
