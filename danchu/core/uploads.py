"""Upload limits enforced by Django itself, before any view reads the request.

`BoundedUploadHandler` refuses a multipart request whose declared length is above
`UPLOAD_MAX_REQUEST_BYTES` (default six attachments of ATTACHMENT_MAX_BYTES) and stops reading
one that turns out longer than it declared, so nothing beyond that size is written to memory or
disk. The answer is a 400 page in Vietnamese (templates/400.html). Each file's own limit and type
are then checked by the form with a message naming the file (petitions/uploads.py,
documents/uploads.py).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


def max_request_bytes():
    return int(getattr(settings, "UPLOAD_MAX_REQUEST_BYTES", 6 * settings.ATTACHMENT_MAX_BYTES))


class BoundedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > max_request_bytes():
            raise RequestDataTooBig("upload larger than UPLOAD_MAX_REQUEST_BYTES")
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received = getattr(self, "received", 0) + len(raw_data)
        if self.received > max_request_bytes():
            raise RequestDataTooBig("upload larger than UPLOAD_MAX_REQUEST_BYTES")
        return raw_data  # the next handler stores it

    def file_complete(self, file_size):
        return None
