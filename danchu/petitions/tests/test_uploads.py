"""Attachment types are sniffed from the bytes; names and browsers are not trusted."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from danchu.petitions import uploads

from .conftest import PDF, PNG


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})


@pytest.mark.parametrize(
    "name,data,kind",
    [
        ("a.pdf", PDF, "pdf"),
        ("b.PNG", PNG, "png"),
        ("c.jpeg", b"\xff\xd8\xff\xe0" + b"0" * 20, "jpg"),
        ("d.docx", DOCX, "docx"),
        ("e.odt", ODT, "odt"),
    ],
)
def test_allowed_types_are_recognised(settings, name, data, kind):
    assert uploads.check(SimpleUploadedFile(name, data)).kind == kind


@pytest.mark.parametrize(
    "name,data",
    [("a.pdf", b"<html>"), ("b.docx", zipped({"x.txt": "x"})), ("c.exe", PDF), ("d.png", PDF), ("e", PNG)],
)
def test_other_files_are_refused(settings, name, data):
    with pytest.raises(ValidationError):
        uploads.check(SimpleUploadedFile(name, data))


def test_too_many_files_are_refused(settings):
    with pytest.raises(ValidationError):
        uploads.check_all([SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(6)])
