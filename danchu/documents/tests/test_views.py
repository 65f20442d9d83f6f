import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for
from danchu.documents import actions
from danchu.documents.models import Attachment, Document, DocumentRelation

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


# --- List ------------------------------------------------------------------------------------


def test_list_shows_the_registry_and_the_shared_texts(world, make_doc, client_for):
    make_doc()
    make_doc(org=world.b, number="7", symbol="KH-SB", subject="Kế hoạch của Sở B")
    page = client_for(world.clerk_a).get(reverse("documents:list")).content.decode()
    assert "420/KH-SA" in page and "04/2015/NĐ-CP" in page
    assert "7/KH-SB" not in page


def test_list_search_and_filters(world, make_doc, client_for):
    make_doc()
    make_doc(number="18", symbol="KH/ĐU", is_party=True, subject="Dân vận khéo")
    client = client_for(world.clerk_a)
    url = reverse("documents:list")
    page = client.get(url, {"q": "dân vận khéo"}).content.decode()
    assert "18-KH/ĐU" in page and "420/KH-SA" not in page
    page = client.get(url, {"issuer_type": "government", "direction": "issued"}).content.decode()
    assert "420/KH-SA" in page and "18-KH/ĐU" not in page
    page = client.get(url, {"year": "2015"}).content.decode()
    assert "04/2015/NĐ-CP" in page and "420/KH-SA" not in page
    page = client.get(url, {"kind": "Luật"}).content.decode()
    assert "10/2022/QH15" in page and "04/2015/NĐ-CP" not in page


def test_list_runs_a_fixed_number_of_queries(world, make_doc, client_for, django_assert_max_num_queries):
    for i in range(40):
        doc = make_doc(number=str(100 + i))
        actions.add_attachment(doc, upload("a.pdf", PDF), actor=world.clerk_a)
    client = client_for(world.clerk_a)
    client.get(reverse("documents:list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("documents:list"))
    assert response.status_code == 200


def test_xlsx_export_follows_the_filters_and_never_writes_formulas(world, make_doc, client_for):
    make_doc(subject='=HYPERLINK("http://x")')
    response = client_for(world.clerk_a).get(reverse("documents:list"), {"q": "HYPERLINK", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Số, ký hiệu" and len(rows) == 2
    assert rows[1][0] == "420/KH-SA" and rows[1][4].startswith("'=")


# --- Create / edit ---------------------------------------------------------------------------


def form_data(**extra):
    data = {
        "registry": "",
        "direction": "issued",
        "ref_text": "",
        "number": "",
        "symbol": "",
        "kind": "",
        "issued_on": "",
        "effective_on": "",
        "issuer_name": "",
        "subject": "Kế hoạch tổ chức hội nghị cán bộ, công chức năm 2021",
        "signer_name": "",
        "notes": "",
    }
    data.update(extra)
    return data


def test_create_from_one_reference_string(world, client_for):
    client = client_for(world.clerk_a)
    response = client.post(
        reverse("documents:create"),
        form_data(registry=str(world.a.pk), ref_text="Kế hoạch số 12/KH-SA, ngày 05/01/2021"),
    )
    doc = Document.objects.get(ref="12/KH-SA")
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:detail", args=[doc.uuid]
    )
    assert (doc.kind, doc.issued_on, doc.organization, doc.issuer_name) == (
        "KH",
        D(2021, 1, 5),
        world.a,
        "Sở A",
    )
    assert history_for(doc).get().action == AuditAction.CREATE


def test_create_from_number_and_symbol(world, client_for):
    client = client_for(world.clerk_a)
    client.post(
        reverse("documents:create"),
        form_data(
            registry=str(world.a.pk), number="02", symbol="QĐ/ĐU", is_party="on", issued_on="01/10/2020"
        ),
    )
    doc = Document.objects.get(ref="02-QĐ/ĐU")
    assert doc.is_party and doc.kind == "QĐ"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"ref_text": "420 KH SA"}, "không đúng dạng"),
        ({"number": "420"}, "Nhập đủ cả số và ký hiệu"),
        ({"ref_text": "12/KH-SA", "issued_on": "31/02/2020"}, "không có trong lịch"),
        ({"ref_text": "12/KH-SA", "issued_on": "hôm qua"}, "không đúng dạng ngày/tháng/năm"),
        ({}, "Chưa nhập số, ký hiệu"),
    ],
)
def test_create_with_bad_input_says_why_and_keeps_what_was_typed(world, client_for, fields, message):
    client = client_for(world.clerk_a)
    response = client.post(reverse("documents:create"), form_data(registry=str(world.a.pk), **fields))
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert "Kế hoạch tổ chức hội nghị cán bộ, công chức năm 2021" in page
    for value in fields.values():
        assert value in page
    assert not Document.objects.filter(organization=world.a).exists()


def test_duplicate_is_reported_on_the_form(world, make_doc, client_for):
    make_doc()
    response = client_for(world.clerk_a).post(
        reverse("documents:create"),
        form_data(registry=str(world.a.pk), ref_text="420/KH-SA", issued_on="02/02/2020"),
    )
    assert "đã có văn bản số, ký hiệu 420/KH-SA" in response.content.decode()
    assert Document.objects.filter(ref="420/KH-SA").count() == 1


def test_staff_cannot_create_and_clerk_cannot_create_shared_texts(world, client_for):
    assert client_for(world.staff_a).get(reverse("documents:create")).status_code == 403
    client = client_for(world.clerk_a)
    response = client.post(
        reverse("documents:create"), form_data(registry="external", ref_text="1/2020/NĐ-CP")
    )
    assert response.status_code == 200 and not Document.objects.filter(ref="1/2020/NĐ-CP").exists()


def test_province_officer_registers_a_shared_text(world, client_for):
    response = client_for(world.officer).post(
        reverse("documents:create"),
        form_data(registry="external", ref_text="Nghị định số 01/2021/NĐ-CP ngày 04/01/2021 của Chính phủ"),
    )
    doc = Document.objects.get(ref="01/2021/NĐ-CP")
    assert response.status_code == 302
    assert (doc.organization, doc.direction, doc.issuer_name, doc.kind) == (
        None,
        "external",
        "Chính phủ",
        "NĐ",
    )


def test_edit_with_a_stale_version_keeps_what_the_user_typed(world, make_doc, client_for):
    doc = make_doc()
    url = reverse("documents:edit", args=[doc.uuid])
    client = client_for(world.clerk_a)
    typed = form_data(ref_text="420/KH-SA", issued_on="15/04/2020", subject="Bản của tôi", version="1")
    actions.update_document(doc, actor=world.head_a, expected_version=1, subject="Bản của thủ trưởng")
    response = client.post(url, typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "vừa được người khác sửa" in page and "Bản của tôi" in page and "Bản của thủ trưởng" in page
    doc.refresh_from_db()
    assert doc.subject == "Bản của thủ trưởng"
    # Saving again, knowingly, overwrites.
    typed["version"] = "2"
    assert client.post(url, typed).status_code == 302
    doc.refresh_from_db()
    assert (doc.subject, doc.version) == ("Bản của tôi", 3)


def test_an_edit_posted_without_its_version_is_refused_and_loses_nothing(world, make_doc, client_for):
    """Before, a missing version fell back to the stored one and overwrote silently."""
    doc = make_doc()
    actions.update_document(doc, actor=world.head_a, expected_version=1, subject="Bản của thủ trưởng")
    typed = form_data(ref_text="420/KH-SA", issued_on="15/04/2020", subject="Bản của tôi")
    response = client_for(world.clerk_a).post(reverse("documents:edit", args=[doc.uuid]), typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "vừa được người khác sửa" in page and "Bản của tôi" in page and 'id="stale-conflict"' in page
    assert 'name="version" value="2"' in page  # saving again, knowingly, overwrites
    doc.refresh_from_db()
    assert (doc.subject, doc.version) == ("Bản của thủ trưởng", 2)


def test_edit_writes_an_update_row(world, make_doc, client_for):
    doc = make_doc()
    client_for(world.head_a).post(
        reverse("documents:edit", args=[doc.uuid]),
        form_data(ref_text="420/KH-SA", issued_on="16/04/2020", version="1", subject=doc.subject),
    )
    event = history_for(doc).first()
    assert event.action == AuditAction.UPDATE and event.changes["issued_on"] == ["2020-04-15", "2020-04-16"]


# --- Delete / restore ------------------------------------------------------------------------


def test_delete_asks_for_confirmation_then_restore_undoes_it(world, make_doc, client_for):
    doc = make_doc()
    client = client_for(world.clerk_a)
    page = client.get(reverse("documents:delete", args=[doc.uuid])).content.decode()
    assert "Xóa văn bản 420/KH-SA?" in page
    assert Document.objects.alive().filter(pk=doc.pk).exists()
    client.post(reverse("documents:delete", args=[doc.uuid]), {"reason": "nhầm"})
    assert not Document.objects.alive().filter(pk=doc.pk).exists()
    page = client.get(reverse("documents:detail", args=[doc.uuid])).content.decode()
    assert "Khôi phục" in page
    assert "420/KH-SA" in client.get(reverse("documents:list"), {"trash": "1"}).content.decode()
    client.post(reverse("documents:restore", args=[doc.uuid]))
    assert Document.objects.alive().filter(pk=doc.pk).exists()
    actions_seen = [e.action for e in history_for(doc)]
    assert actions_seen == [AuditAction.RESTORE, AuditAction.DELETE, AuditAction.CREATE]


# --- Detail, attachments, relations ----------------------------------------------------------


def test_detail_shows_history(world, make_doc, client_for):
    doc = make_doc()
    page = client_for(world.inspector_a).get(reverse("documents:detail", args=[doc.uuid])).content.decode()
    assert "Lịch sử thay đổi" in page and "Tạo mới" in page and "Sửa</a>" not in page


@pytest.mark.parametrize("name, content", [("a.pdf", PDF), ("scan.png", PNG), ("b.docx", None)])
def test_upload_accepted_types_and_download(world, make_doc, client_for, name, content):
    content = content or docx_bytes()
    doc = make_doc()
    client = client_for(world.clerk_a)
    response = client.post(
        reverse("documents:attachment_upload", args=[doc.uuid]), {"file": upload(name, content)}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(document=doc)
    download = client.get(reverse("documents:attachment_download", args=[doc.uuid, attachment.pk]))
    assert b"".join(download.streaming_content) == content
    assert "attachment" in download["Content-Disposition"]
    assert history_for(doc).first().verb == f"Đính kèm tệp {name}"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("virus.pdf", b"MZ\x90\x00 this is an exe", "không phải loại được phép"),
        ("a.png", PDF, "không khớp với phần mở rộng"),
        ("macro.docx", b"PK\x03\x04 not really a zip", "không phải loại được phép"),
        ("notes.txt", b"hello", "không phải loại được phép"),
    ],
)
def test_upload_of_a_wrong_type_is_refused(world, make_doc, client_for, name, content, message):
    doc = make_doc()
    response = client_for(world.clerk_a).post(
        reverse("documents:attachment_upload", args=[doc.uuid]), {"file": upload(name, content)}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_over_the_size_limit_is_refused(world, make_doc, client_for, settings):
    settings.ATTACHMENT_MAX_BYTES = 20
    doc = make_doc()
    response = client_for(world.clerk_a).post(
        reverse("documents:attachment_upload", args=[doc.uuid]), {"file": upload("a.pdf", PDF)}
    )
    assert response.status_code == 400 and "vượt quá giới hạn" in response.content.decode()
    assert not Attachment.objects.exists()


def test_remove_attachment(world, make_doc, client_for):
    doc = make_doc()
    attachment = actions.add_attachment(doc, upload("a.pdf", PDF), actor=world.clerk_a)
    client_for(world.clerk_a).post(reverse("documents:attachment_remove", args=[doc.uuid, attachment.pk]))
    assert not Attachment.objects.exists()


def test_relation_add_by_reference_and_remove(world, make_doc, client_for):
    doc = make_doc()
    client = client_for(world.clerk_a)
    url = reverse("documents:relation_add", args=[doc.uuid])
    response = client.post(url, {"kind": "implements", "target": "Nghị định 04/2015/NĐ-CP"})
    assert response.status_code == 302
    relation = DocumentRelation.objects.get(source=doc)
    assert relation.target.ref == "04/2015/NĐ-CP"
    response = client.post(url, {"kind": "cites", "target": "99/KH-XX"})
    assert response.status_code == 400 and "Chưa có văn bản 99/KH-XX trong sổ" in response.content.decode()
    client.post(reverse("documents:relation_remove", args=[doc.uuid, relation.pk]))
    assert not DocumentRelation.objects.exists()


# --- Access ----------------------------------------------------------------------------------


def test_outsider_can_neither_see_nor_change_another_registry(world, make_doc, client_for):
    doc = make_doc()
    attachment = actions.add_attachment(doc, upload("a.pdf", PDF), actor=world.clerk_a)
    client = client_for(world.clerk_b)
    for name, args in [
        ("detail", [doc.uuid]),
        ("edit", [doc.uuid]),
        ("delete", [doc.uuid]),
        ("attachment_download", [doc.uuid, attachment.pk]),
    ]:
        assert client.get(reverse(f"documents:{name}", args=args)).status_code == 404, name
    for name, args, data in [
        ("delete", [doc.uuid], {}),
        ("restore", [doc.uuid], {}),
        ("attachment_upload", [doc.uuid], {"file": upload("b.pdf", PDF)}),
        ("attachment_remove", [doc.uuid, attachment.pk], {}),
        ("relation_add", [doc.uuid], {"kind": "cites", "target": "04/2015/NĐ-CP"}),
    ]:
        assert client.post(reverse(f"documents:{name}", args=args), data).status_code == 404, name
    assert "420/KH-SA" not in client.get(reverse("documents:list")).content.decode()
    doc.refresh_from_db()
    assert doc.deleted_at is None and doc.attachments.count() == 1


def test_shared_texts_are_visible_to_all_but_changed_only_by_admins_and_officers(world, client_for):
    law = Document.objects.get(ref="04/2015/NĐ-CP")
    for user in (world.staff_a, world.clerk_b):
        assert client_for(user).get(reverse("documents:detail", args=[law.uuid])).status_code == 200
    assert client_for(world.clerk_a).get(reverse("documents:edit", args=[law.uuid])).status_code == 403
    assert client_for(world.officer).get(reverse("documents:edit", args=[law.uuid])).status_code == 200
    assert client_for(world.admin).get(reverse("documents:edit", args=[law.uuid])).status_code == 200


def test_anonymous_users_are_sent_to_login(world, client):
    law = Document.objects.get(ref="04/2015/NĐ-CP")
    assert client.get(reverse("documents:detail", args=[law.uuid])).status_code == 302


def test_check_page_reports_statuses(world, client_for):
    text = "Nghị định số 149/2018/NĐ-CP ngày 01/11/2018 và Kế hoạch số 5/KH-XX ngày 31/02/2020"
    page = client_for(world.staff_a).post(reverse("documents:check"), {"text": text}).content.decode()
    assert "Sai ngày: trong sổ là 07/11/2018" in page and "Chưa có trong sổ" in page
    assert "ngày không có trong lịch" in page


def test_odd_query_parameters_do_not_break_the_list(world, client_for):
    client = client_for(world.clerk_a)
    for params in ({"year": "99999999999999999999"}, {"page": "x"}, {"kind": "'; drop"}, {"q": "%_\\"}):
        assert client.get(reverse("documents:list"), params).status_code == 200
