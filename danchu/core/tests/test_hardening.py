"""Issue 14 "also make true": a CSP without inline script, sessions that end after a working
day without activity, upload size enforced by Django before any view reads the request."""

import datetime
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_carries_a_csp_without_inline_script(db, client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script and "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_no_template_has_inline_script():
    offenders = []
    for path in ROOT.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text):
            if "src=" not in match.group(1):
                offenders.append(f"{path}: inline <script>")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text):
            offenders.append(f"{path}: inline event handler")
        if "javascript:" in text:
            offenders.append(f"{path}: javascript: URL")
    assert not offenders, "\n".join(offenders)


def test_a_session_ends_after_a_working_day_without_activity(world, client, settings):
    """Activity pushes the expiry back (at most every SESSION_ACTIVITY_REFRESH seconds, so a
    cached page view writes nothing); a working day without activity ends the session."""
    import time_machine
    from django.contrib.sessions.models import Session

    assert settings.SESSION_COOKIE_AGE <= 8 * 3600 and not settings.SESSION_SAVE_EVERY_REQUEST
    start = timezone.now()
    client.force_login(world.clerk_a)
    with time_machine.travel(start + datetime.timedelta(hours=7), tick=False):
        assert client.get("/").status_code == 200  # active: the expiry moves to 7 h + 8 h
    expiry = Session.objects.get().expire_date
    assert expiry >= start + datetime.timedelta(hours=14)
    with time_machine.travel(start + datetime.timedelta(hours=7, minutes=1), tick=False):
        client.get("/")
    assert Session.objects.get().expire_date == expiry  # within the refresh: nothing written
    with time_machine.travel(start + datetime.timedelta(hours=15, minutes=30), tick=False):
        response = client.get("/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_django_refuses_an_upload_beyond_the_request_limit(world, client, settings):
    from danchu.petitions.models import Petition

    settings.UPLOAD_MAX_REQUEST_BYTES = 50_000
    big = SimpleUploadedFile("don.pdf", b"%PDF-1.4\n" + b"0" * 100_000, content_type="application/pdf")
    response = client.post(
        reverse("petitions:public_submit"),
        {
            "organization": world.a.pk,
            "kind": "feedback",
            "subject": "x",
            "content": "y",
            "attachments": [big],
        },
    )
    assert response.status_code == 400 and "quá lớn" in response.content.decode()
    assert not Petition.objects.exists()
