"""The public form and look-up: no login, abuse limits, nothing stored half-way."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danchu.petitions import actions
from danchu.petitions.models import Petition, PetitionAttachment, SenderIdentity

from .conftest import pdf

D = datetime.date


def form(w, **kw):
    data = {
        "organization": w.a.pk,
        "kind": "feedback",
        "full_name": "Lê Văn Dân",
        "address": "Ấp 1, xã 2",
        "phone": "0900000000",
        "subject": "Đường ngập nước",
        "content": "Đề nghị sửa cống thoát nước.",
        "website": "",
    }
    data.update(kw)
    return data


def files_on_disk(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_citizen_submits_and_gets_a_tracking_code(w, client):
    response = client.post(reverse("petitions:public_submit"), form(w, attachments=[pdf()]))
    assert response.status_code == 302
    p = Petition.objects.get()
    assert p.channel == "web" and p.attachments.count() == 1 and p.created_by is None
    body = client.get(response["Location"]).content.decode()
    pretty = "-".join(p.tracking_code[i : i + 4] for i in range(0, 12, 4))
    assert pretty in body


def test_anonymous_denunciation_allowed_anonymous_complaint_refused(w, client):
    ok = client.post(
        reverse("petitions:public_submit"), form(w, kind="denunciation", is_anonymous="on", full_name="")
    )
    assert ok.status_code == 302
    assert Petition.objects.get().is_anonymous and not SenderIdentity.objects.exists()
    bad = client.post(reverse("petitions:public_submit"), form(w, kind="complaint", is_anonymous="on"))
    assert bad.status_code == 400 and "tố cáo" in bad.content.decode()
    assert Petition.objects.count() == 1


def test_honeypot_stores_nothing(w, client):
    response = client.post(reverse("petitions:public_submit"), form(w, website="http://spam.example"))
    assert response.status_code == 400
    assert not Petition.objects.exists()


def test_bad_attachment_stores_nothing_and_keeps_the_input(w, client, settings):
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("petitions:public_submit"), form(w, attachments=[pdf(), fake]))
    body = response.content.decode()
    assert response.status_code == 400 and "không đúng định dạng" in body and "Đường ngập nước" in body
    assert not Petition.objects.exists() and not PetitionAttachment.objects.exists()
    assert files_on_disk(settings) == []


def test_oversize_attachment_is_refused(w, client, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    big = SimpleUploadedFile("to.pdf", b"%PDF-1.4" + b"0" * 500, content_type="application/pdf")
    response = client.post(reverse("petitions:public_submit"), form(w, attachments=[big]))
    assert "quá lớn" in response.content.decode()
    assert not Petition.objects.exists()


def test_overlong_fields_are_refused(w, client):
    response = client.post(
        reverse("petitions:public_submit"), form(w, subject="x" * 300, content="y" * 20000)
    )
    assert response.status_code == 400
    assert not Petition.objects.exists()


def test_submissions_are_rate_limited_per_ip(w, client):
    for _ in range(5):
        assert client.post(reverse("petitions:public_submit"), form(w)).status_code == 302
    response = client.post(reverse("petitions:public_submit"), form(w))
    assert response.status_code == 429 and "quá nhiều" in response.content.decode()
    assert Petition.objects.count() == 5
    other = client.post(reverse("petitions:public_submit"), form(w), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_lookup_shows_status_and_public_answer_only(w, client, new_petition):
    p = new_petition(kind="feedback", internal_notes="GHI CHÚ NỘI BỘ bí mật")
    actions.classify(p, actor=w.clerk_a, outcome="guidance", reason="Hướng dẫn gửi UBND xã", on=D(2026, 3, 3))
    body = client.post(reverse("petitions:public_lookup"), {"code": p.tracking_code.lower()}).content.decode()
    assert "Đã hướng dẫn" in body and p.reference in body
    assert "GHI CHÚ NỘI BỘ" not in body and "Trần Văn" not in body


def test_lookup_of_unknown_code_says_so(w, client):
    body = client.post(reverse("petitions:public_lookup"), {"code": "AAAA-BBBB-CCCC"}).content.decode()
    assert "Không tìm thấy" in body


def test_lookups_are_throttled(w, client):
    for _ in range(20):
        assert client.post(reverse("petitions:public_lookup"), {"code": "X"}).status_code == 200
    assert client.post(reverse("petitions:public_lookup"), {"code": "X"}).status_code == 429


def test_tracking_codes_are_long_random_and_unique(w, new_petition):
    codes = {new_petition().tracking_code for _ in range(20)}
    assert len(codes) == 20 and all(len(c) == 12 for c in codes)


def test_public_pages_need_no_login(db, client):
    assert client.get(reverse("petitions:public_submit")).status_code == 200
    assert client.get(reverse("petitions:public_lookup")).status_code == 200


def test_empty_posts_are_refused_then_throttled_without_error(w, client):
    for _ in range(5):
        assert client.post(reverse("petitions:public_submit"), {}).status_code == 400
    response = client.post(reverse("petitions:public_submit"), {})
    assert response.status_code == 429 and "quá nhiều" in response.content.decode()
    for _ in range(20):
        assert client.post(reverse("petitions:public_lookup"), {}).status_code == 200
    assert client.post(reverse("petitions:public_lookup"), {}).status_code == 429
    assert not Petition.objects.exists()
