"""One confirmation per destructive action: the click and the submit handlers must not both ask."""

import pytest
from django.urls import reverse

from danchu.activities.models import Fund

pytestmark = pytest.mark.django_db(transaction=True)


def _count_dialogs(page, accept=True):
    asked = []

    def on_dialog(dialog):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", on_dialog)
    return asked


def test_a_form_with_data_confirm_asks_once_and_deletes(page, world, login):
    fund = Fund.objects.create(organization=world.a, name="Quỹ mái ấm công đoàn")
    login("clerk_a")
    page.goto(page.base + reverse("activities:fund_delete", args=[fund.uuid]))
    asked = _count_dialogs(page)
    with page.expect_navigation():
        page.click("main form[data-confirm] button[type=submit]")
    assert asked == ["Xóa hẳn bản ghi này?"]
    assert not Fund.objects.filter(pk=fund.pk).exists()


def test_dismissing_the_one_question_keeps_the_record(page, world, login):
    fund = Fund.objects.create(organization=world.a, name="Quỹ an sinh xã hội")
    login("clerk_a")
    page.goto(page.base + reverse("activities:fund_delete", args=[fund.uuid]))
    asked = _count_dialogs(page, accept=False)
    page.click("main form[data-confirm] button[type=submit]")
    page.wait_for_timeout(300)
    assert len(asked) == 1
    assert Fund.objects.filter(pk=fund.pk).exists()
