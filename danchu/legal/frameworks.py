"""The two legal frameworks of grassroots democracy, chosen by date (LEGAL.md §1)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

LAW_2022_IN_FORCE = datetime.date(2023, 7, 1)


class Framework(models.TextChoices):
    ND04_2015 = "nd04_2015", _("Pháp lệnh 34/2007, Nghị định 04/2015, Nghị định 149/2018 (145/2020)")
    LAW_2022 = "law_2022", _("Luật Thực hiện dân chủ ở cơ sở 2022, Nghị định 59/2023")


def framework_for(day: datetime.date) -> str:
    """The framework in force on `day`."""
    return Framework.LAW_2022 if day >= LAW_2022_IN_FORCE else Framework.ND04_2015
