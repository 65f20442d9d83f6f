"""Issue 14 "also make true": a CSP without inline script, sessions that end after a working
day without activity, upload size enforced by Django before any view reads the request."""

import re
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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


def test_a_session_ends_after_a_working_day_without_activity():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST


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
