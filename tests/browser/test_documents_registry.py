import pytest

from danchu.documents import actions
from danchu.documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_clerk_searches_the_registry_creates_a_document_and_sees_its_history(page, world, login):
    actions.create_document(
        actor=world.clerk_a,
        organization=world.a,
        direction="issued",
        kind="KH",
        number="420",
        symbol="KH-SA",
        subject="Kế hoạch công tác dân vận chính quyền",
    )
    login("clerk_a")
    page.click("nav.mainnav >> text=Sổ văn bản")
    assert "Sổ văn bản" in page.text_content("h1")
    page.fill("#id_q", "dân vận chính quyền")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert page.locator("table.list tbody tr").count() == 1
    assert "420/KH-SA" in page.text_content("table.list")

    page.click("text=Vào sổ văn bản")
    page.fill("#id_ref_text", "Kế hoạch số 15/KH-SA ngày 31/02/2021")
    page.fill("#id_subject", "Tổ chức hội nghị cán bộ, công chức năm 2021")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "không có trong lịch" in page.text_content("main")
    assert page.input_value("#id_subject") == "Tổ chức hội nghị cán bộ, công chức năm 2021"
    page.fill("#id_ref_text", "Kế hoạch số 15/KH-SA ngày 05/01/2021")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "15/KH-SA" in page.text_content("h1")
    history = page.text_content("section.history")
    assert "clerk_a" in history and "Tạo mới" in history
    assert Document.objects.filter(ref="15/KH-SA", organization=world.a).exists()
