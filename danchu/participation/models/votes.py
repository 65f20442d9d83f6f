"""Votes among the staff: secret or named ballots, the roll of who voted, one-time codes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .shared import phase_for


class VoteKind(models.TextChoices):
    YES_NO = "yes_no", _("Tán thành / Không tán thành / Không biểu quyết")
    OPTIONS = "options", _("Chọn một trong các phương án")


class Vote(models.Model):
    """A vote among the staff of an organisation.

    A secret vote keeps no link between a voter and a choice anywhere in the database:
    `VoterRoll` says who has voted (never what), written with its audit row in one transaction;
    the choice is a `SealedBallot` written in another transaction, with a random id, no time,
    and the option sealed (participation/ballots.py). No count moves while the vote is open, so
    polling the tables (or their `xmin`) between two ballots tells who voted, never what.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("nội dung biểu quyết"), max_length=255)
    description = models.TextField(_("thuyết minh"), blank=True)
    kind = models.CharField(_("cách biểu quyết"), max_length=16, choices=VoteKind.choices)
    secret = models.BooleanField(_("bỏ phiếu kín"), default=True)
    opens_on = models.DateField(_("bắt đầu"))
    closes_on = models.DateField(_("kết thúc"))
    electorate_size = models.PositiveIntegerField(_("số người có quyền biểu quyết"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("biểu quyết")
        verbose_name_plural = _("biểu quyết")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="vote_closes_after_opens"
            )
        ]

    def __str__(self):
        return self.title

    def phase(self, today=None):
        return phase_for(self.opens_on, self.closes_on, today)


class VoteOption(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(default=1)
    label = models.CharField(_("phương án"), max_length=255)
    tally = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class VoterRoll(models.Model):
    """Who has voted. Never what: no option, no time finer than the vote itself."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="roll")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="voter_roll_once")]

    def __str__(self):
        return f"{self.person} đã biểu quyết"


class SealedBallot(models.Model):
    """One secret ballot: a random id, the vote and the sealed choice; no time, no person, no
    order (participation/ballots.py). Opened only to count a closed vote."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="sealed_ballots")
    sealed = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("phiếu kín (niêm phong)")
        verbose_name_plural = _("phiếu kín (niêm phong)")

    def __str__(self):
        return str(_("Phiếu kín (niêm phong)"))


class VotingCode(models.Model):
    """One printed one-time voting code for a room without devices (secret votes only).

    Only a hash of the code and whether it has been used are stored: no person, no issuer, no
    time, and nothing about the choice made with it (the choice only adds one to
    a `SealedBallot`, as for every secret ballot). The plain code exists on the printed sheet
    alone; it is shown once, when the codes are generated.
    """

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    used = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("mã bỏ phiếu dùng một lần")
        verbose_name_plural = _("mã bỏ phiếu dùng một lần")

    def __str__(self):
        return _("Mã bỏ phiếu (%(state)s)") % {"state": _("đã dùng") if self.used else _("chưa dùng")}


class NamedBallot(models.Model):
    """The choice of a voter in a named (open) vote; never written for a secret vote."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="named_ballots")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(VoteOption, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="named_ballot_once")]

    def __str__(self):
        return f"{self.person}: {self.option}"
