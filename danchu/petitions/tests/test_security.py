"""Issue 14: no way around the denouncer's confidentiality, no zip bomb, no code left behind."""

import datetime
import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danchu.audit.models import AuditAction, AuditEvent
from danchu.documents import uploads as document_uploads
from danchu.petitions import actions, permissions
from danchu.petitions.models import Kind, Outcome, Petition

from .conftest import IDENTITY
from .test_public import form

D = datetime.date
NAME = IDENTITY["full_name"]
ODT_TYPE = b"application/vnd.oasis.opendocument.text"

# ---------------------------------------------------------------- 1. reclassification


def test_reclassifying_a_denunciation_as_feedback_keeps_the_identity_from_the_clerk(
    w, new_petition, client_for
):
    p = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 11, 20))
    p = actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, kind=Kind.FEEDBACK)
    assert p.kind == Kind.FEEDBACK and p.identity_protected
    assert not permissions.may(w.clerk_a, "reveal", p)
    with pytest.raises(PermissionDenied):
        actions.reveal_identity(p, actor=w.clerk_a, reason="Chỉ là phản ánh thôi mà")
    response = client_for(w.clerk_a).post(
        reverse("petitions:reveal", args=[p.uuid]), {"reason": "Xem người gửi"}
    )
    assert response.status_code == 404 and NAME not in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL).exists()
    # and back again: still protected; the head still may
    p = actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, kind=Kind.DENUNCIATION)
    assert not permissions.may(w.clerk_a, "reveal", p)
    assert actions.reveal_identity(p, actor=w.head_a, reason="Thủ trưởng xem xét")["full_name"] == NAME


def test_a_feedback_classified_as_denunciation_becomes_protected_for_good(w, new_petition):
    p = new_petition(kind=Kind.FEEDBACK)
    assert permissions.may(w.clerk_a, "reveal", p)
    p = actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, kind=Kind.DENUNCIATION)
    p = actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, kind=Kind.COMPLAINT)
    assert Petition.objects.get(pk=p.pk).identity_protected
    assert not permissions.may(w.clerk_a, "reveal", p)


# ---------------------------------------------------------------- 2. duplicates across kinds


def test_possible_duplicates_never_link_a_feedback_to_a_denouncer(w, new_petition, client_for):
    denunciation = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2))
    feedback = new_petition(kind=Kind.FEEDBACK, received=D(2026, 3, 3))
    later = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 4))
    assert denunciation.sender_fingerprint == feedback.sender_fingerprint  # same ID number
    assert list(actions.possible_duplicates(feedback)) == []
    assert list(actions.possible_duplicates(later)) == [denunciation]
    page = client_for(w.clerk_a).get(reverse("petitions:detail", args=[later.uuid])).content.decode()
    assert str(feedback.uuid) not in page and feedback.reference not in page
    page = client_for(w.clerk_a).get(reverse("petitions:detail", args=[feedback.uuid])).content.decode()
    assert str(denunciation.uuid) not in page


def test_a_feedback_cannot_be_linked_as_duplicate_of_a_denunciation(w, new_petition):
    denunciation = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2))
    feedback = new_petition(kind=Kind.FEEDBACK, received=D(2026, 3, 3))
    with pytest.raises(ValidationError) as exc:
        actions.link_duplicate(feedback, actor=w.clerk_a, original=denunciation)
    assert "tố cáo" in str(exc.value)
    assert Petition.objects.get(pk=feedback.pk).duplicate_of is None


# ---------------------------------------------------------------- 4 and 10. archives


def bomb(inflated_mb=60):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _i in range(inflated_mb):
                member.write(chunk)
        archive.writestr("content.xml", "<office/>")
    return buffer.getvalue()


def odt_with(mimetype_flag=0, corrupt=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODT_TYPE)
        archive.writestr("content.xml", "<office>" + "nội dung " * 200 + "</office>")
    data = bytearray(buffer.getvalue())
    if mimetype_flag:
        # set the "encrypted" bit in the local header and the central directory entry
        data[6] |= mimetype_flag
        central = data.find(b"PK\x01\x02")
        data[central + 8] |= mimetype_flag
    if corrupt:
        start = 30 + len("mimetype")
        for i in range(start, start + 12):
            data[i] = 0xFF
    return bytes(data)


def test_a_zip_bomb_is_refused_before_it_is_inflated(settings):
    data = bomb()
    assert len(data) < 200 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as exc:
            from danchu.petitions import uploads

            uploads.check(SimpleUploadedFile("don.odt", data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "bom nén" in " ".join(exc.value.messages)
    assert peak < 10 * 1024 * 1024  # the 60 MB member was never inflated
    with pytest.raises(ValidationError) as exc:
        document_uploads.validate_upload(SimpleUploadedFile("vb.odt", data))
    assert "bom nén" in " ".join(exc.value.messages)


@pytest.mark.parametrize("case", ["encrypted", "corrupt"])
def test_encrypted_or_corrupt_odt_gets_a_message_not_a_500(w, client, case):
    data = odt_with(mimetype_flag=1) if case == "encrypted" else odt_with(corrupt=True)
    upload = SimpleUploadedFile("don.odt", data)
    response = client.post(reverse("petitions:public_submit"), form(w, attachments=[upload]))
    assert response.status_code == 400
    body = response.content.decode()
    assert "don.odt" in body and ("mã hóa" in body or "bị hỏng" in body)
    assert not Petition.objects.exists()
    with pytest.raises(ValidationError):
        document_uploads.validate_upload(SimpleUploadedFile("vb.odt", data))


def test_a_real_odt_still_passes(settings):
    from danchu.petitions import uploads

    assert uploads.check(SimpleUploadedFile("don.odt", odt_with())).kind == "odt"


# ---------------------------------------------------------------- 12. tracking code


def test_the_tracking_code_is_shown_once_then_forgotten(w, client):
    response = client.post(reverse("petitions:public_submit"), form(w))
    assert response.status_code == 302
    code = Petition.objects.get().tracking_code
    pretty = "-".join(code[i : i + 4] for i in range(0, 12, 4))
    first = client.get(response["Location"])
    assert pretty in first.content.decode()
    assert "petitions_submitted" not in client.session
    second = client.get(response["Location"])
    assert pretty not in second.content.decode() and code not in second.content.decode()


# ---------------------------------------------------------------- key rotation


def test_identity_keys_rotate_without_losing_an_identity_or_a_duplicate(w, new_petition, settings):
    from cryptography.fernet import Fernet

    from danchu.petitions.models import IdentityScan

    from .conftest import PNG

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEY = old
    settings.SENDER_FINGERPRINT_KEY = "khoa-rieng-cho-dau-van-tay"
    scan = SimpleUploadedFile("cccd.png", PNG, content_type="image/png")
    first = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2), scans=[scan])
    settings.FIELD_ENCRYPTION_KEY = f"{new},{old}"  # rotating: the new key first
    assert actions.reveal_identity(first, actor=w.head_a, reason="Thủ trưởng xem xét")["full_name"] == NAME
    assert actions.rotate_identity_keys() == (1, 1)
    settings.FIELD_ENCRYPTION_KEY = new  # the old key dropped
    assert actions.reveal_identity(first, actor=w.head_a, reason="Thủ trưởng xem xét")["full_name"] == NAME
    _name, _type, data = actions.open_identity_scan(
        IdentityScan.objects.get(), actor=w.head_a, reason="Xem bản chụp"
    )
    assert data == PNG
    later = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 4))
    assert list(actions.possible_duplicates(later)) == [Petition.objects.get(pk=first.pk)]


def test_the_fingerprint_has_its_own_key(w, settings):
    settings.SENDER_FINGERPRINT_KEY = "mot-khoa"
    one = actions.sender_fingerprint(IDENTITY)
    settings.FIELD_ENCRYPTION_KEY = ""
    settings.SENDER_FINGERPRINT_KEY = "khoa-khac"
    assert actions.sender_fingerprint(IDENTITY) != one
