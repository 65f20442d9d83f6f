from django.core import mail

from danchu.core.mail import send_email


def test_a_mail_server_that_is_down_never_breaks_the_caller(settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    assert send_email("Nhắc việc", "Nội dung", "a@example.vn") is False


def test_sends_one_message():
    assert send_email("Nhắc việc\nxuống dòng", "Nội dung", "a@example.vn") is True
    assert mail.outbox[0].subject == "Nhắc việc xuống dòng"
    assert send_email("Nhắc việc", "Nội dung", "") is False
