"""Issue 14 item 3: a report template is code; it runs sandboxed, with a time and size budget."""

import io
import time

import pytest
from django.urls import reverse

from danchu.reporting import rendering
from danchu.reporting.models import ReportTemplate
from danchu.reporting.sample import sample_context
from danchu.reporting.templating import template_bytes


def template_with(*paragraphs):
    from docx import Document

    doc = Document(io.BytesIO(template_bytes("annual_democracy", "law_2022")))
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_a_template_cannot_run_code_on_the_server(db, tmp_path):
    marker = tmp_path / "pwned"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    with pytest.raises(rendering.RenderError) as err:
        rendering.render_template(io.BytesIO(template_with(payload)), sample_context("law_2022"))
    assert not marker.exists()
    assert "bị từ chối" in str(err.value) or "Mẫu báo cáo bị lỗi" in str(err.value)


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ '{0.__class__}'.format(1) }}",
    ],
)
def test_other_escapes_are_refused(db, payload):
    with pytest.raises(rendering.RenderError):
        rendering.render_template(io.BytesIO(template_with(payload)), sample_context("law_2022"))


@pytest.mark.parametrize(
    "payload",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "{{ 'x'|center(1000000000) }}",
        "{{ 'x' * 1000000000 }}",
        "{{ '%1000000000s' % 'x' }}",
        "{% for i in range(99999) %}{% for j in range(99999) %}xxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
    ],
)
def test_a_template_that_would_take_the_machine_is_stopped(db, settings, payload):
    settings.REPORT_RENDER_SECONDS = 2
    started = time.monotonic()
    with pytest.raises(rendering.RenderError) as err:
        rendering.render_template(io.BytesIO(template_with(payload)), sample_context("law_2022"))
    assert time.monotonic() - started < 15
    assert "giới hạn" in str(err.value)


def test_an_uploaded_template_that_tries_is_refused_with_a_message(world, client_for, tmp_path):
    marker = tmp_path / "pwned"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("mau.docx", template_with(payload))
    response = client_for(world.admin).post(
        reverse("reporting:templates"),
        {"report_type": "annual_democracy", "framework": "law_2022", "name": "Mẫu lạ", "file": upload},
    )
    assert response.status_code == 200
    assert "bị từ chối" in response.content.decode()
    assert not marker.exists() and not ReportTemplate.objects.exists()


def test_the_default_templates_still_render_in_the_sandbox(db):
    for framework in ("nd04_2015", "law_2022"):
        with open(rendering.default_template_path("annual_democracy", framework), "rb") as fh:
            assert rendering.render_template(fh, sample_context(framework))[:2] == b"PK"


def test_a_zip_bomb_template_is_refused_before_it_is_inflated(db):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _i in range(40):
                member.write(b" " * (1024 * 1024))
    buffer.seek(0)
    with pytest.raises(rendering.RenderError, match="bom nén"):
        rendering.render_template(buffer, sample_context("law_2022"))
