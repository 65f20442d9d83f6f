"""Organisations (a tree that changes over time), people, their memberships and roles, periods."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    OFFICE = "office", _("Văn phòng")
    INSPECTORATE = "inspectorate", _("Thanh tra")
    DIVISION = "division", _("Phòng chuyên môn")
    CENTRE = "centre", _("Trung tâm, đơn vị sự nghiệp")
    DISTRICT = "district", _("UBND huyện, thị xã, thành phố")
    COMMUNE = "commune", _("UBND xã, phường, thị trấn")
    PARTY_COMMITTEE = "party_committee", _("Đảng ủy")
    PARTY_CELL = "party_cell", _("Chi bộ")
    UNION = "union", _("Công đoàn cơ sở")
    COMMITTEE = "committee", _("Ban chỉ đạo, ban, tổ")
    OTHER = "other", _("Khác")


class OrganizationQuerySet(models.QuerySet):
    def valid_on(self, day):
        """Organisations that existed on `day` (history is never rewritten)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def subtree(self, org):
        """`org` and everything below it."""
        return self.filter(path__startswith=org.path)


class Organization(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(
        _("mã"),
        max_length=64,
        unique=True,
        help_text=_("Mã duy nhất, ví dụ TV.STTTT (chữ, số, dấu chấm, gạch ngang)."),
    )
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(
        _("tên viết tắt"), max_length=32, blank=True, help_text=_("Dùng trong ký hiệu văn bản, ví dụ STTTT.")
    )
    kind = models.CharField(
        _("loại"), max_length=32, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=512, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    place_name = models.CharField(_("địa danh"), max_length=64, blank=True, help_text=_("Ví dụ: Trà Vinh"))
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    # What the agency's own documents need (report settings take these as their defaults).
    head_title = models.CharField(
        _("chức danh người đứng đầu"),
        max_length=64,
        blank=True,
        help_text=_("Ví dụ: Giám đốc. In trong thẩm quyền ký: KT. GIÁM ĐỐC."),
    )
    default_signer = models.ForeignKey(
        "Membership",
        verbose_name=_("người ký mặc định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Người thường ký báo cáo của cơ quan; để trống thì lấy người đứng đầu."),
    )
    default_recipients = models.TextField(
        _("nơi nhận mặc định"),
        blank=True,
        help_text=_("Mỗi dòng một nơi nhận, ví dụ: Sở Nội vụ (b/c); dòng cuối: Lưu: VT."),
    )
    staff_required_conference = models.BooleanField(
        _("phải tổ chức hội nghị CB-CC-VC"),
        default=True,
        help_text=_("Đơn vị có từ 8 người trở lên phải tổ chức hội nghị hằng năm."),
    )
    # Luật Thực hiện dân chủ ở cơ sở 2022, Art. 48(1)–(2): which posting the Law requires of a
    # disclosure depends on whether the agency has an internal website or electronic system.
    has_internal_site = models.BooleanField(
        _("có trang hoặc hệ thống thông tin điện tử nội bộ"),
        default=False,
        help_text=_(
            "Có: nội dung công khai phải đăng tải trên trang, hệ thống nội bộ ít nhất 20 ngày liên tục. "
            "Chưa có: niêm yết tại trụ sở ít nhất 20 ngày liên tục, trừ khi đã thông báo bằng văn bản "
            "đến toàn thể cán bộ (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 48)."
        ),
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="org_valid_to_after_valid_from",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        depth = path.count("/") - 2
        if path != self.path or depth != self.depth:
            old = self.path
            Organization.objects.filter(pk=self.pk).update(path=path, depth=depth)
            self.path, self.depth = path, depth
            if old:
                for child in Organization.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.save()

    def ancestors(self, include_self=False):
        ids = [int(p) for p in self.path.strip("/").split("/") if p]
        if not include_self:
            ids = ids[:-1]
        by_id = Organization.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def superior(self):
        """The superior body named in the header of this organisation's documents."""
        return self.parent

    @property
    def header_name(self):
        """How this body is named in the header of an official document (Nghị định 30/2020):
        upper case, with "Ủy ban nhân dân" shortened to UBND as headers write it."""
        name = self.name
        for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân"):
            if name.startswith(long):
                name = "UBND" + name[len(long) :]
        return name.upper()

    @property
    def superior_header_name(self):
        return self.parent.header_name if self.parent_id else ""

    def is_within(self, other):
        return self.path.startswith(other.path)


class Person(models.Model):
    class Gender(models.TextChoices):
        MALE = "m", _("Nam")
        FEMALE = "f", _("Nữ")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(_("họ và tên"), max_length=128)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("người")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name


class StaffCategory(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Công chức")
    PUBLIC_EMPLOYEE = "public_employee", _("Viên chức")
    WORKER = "worker", _("Người lao động")
    OTHER = "other", _("Khác")


class SigningAuthority(models.TextChoices):
    """How a member signs for the agency (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I)."""

    DIRECT = "direct", _("Ký trực tiếp (người đứng đầu)")
    ON_BEHALF = "KT.", _("KT. — ký thay người đứng đầu (cấp phó)")
    ACTING = "Q.", _("Q. — quyền người đứng đầu")
    FOR_COLLECTIVE = "TM.", _("TM. — thay mặt tập thể")
    BY_ORDER = "TL.", _("TL. — thừa lệnh")
    BY_DELEGATION = "TUQ.", _("TUQ. — thừa ủy quyền")


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(start__isnull=True) | Q(start__lte=day)).filter(
            Q(end__isnull=True) | Q(end__gte=day)
        )

    def staff_of(self, org, day=None):
        """Memberships anywhere in `org`'s subtree, active on `day` (today by default)."""
        return self.active_on(day or timezone.localdate()).filter(organization__path__startswith=org.path)


class Membership(models.Model):
    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    position = models.CharField(_("chức vụ"), max_length=128, blank=True)
    staff_category = models.CharField(
        _("loại"), max_length=32, choices=StaffCategory.choices, default=StaffCategory.CIVIL_SERVANT
    )
    is_party_member = models.BooleanField(_("đảng viên"), default=False)
    is_head = models.BooleanField(_("người đứng đầu"), default=False)
    is_deputy = models.BooleanField(_("cấp phó"), default=False)
    signs_as = models.CharField(
        _("ký với thẩm quyền"),
        max_length=8,
        choices=SigningAuthority.choices,
        blank=True,
        help_text=_("Để trống: người đứng đầu ký trực tiếp, cấp phó ký thay (KT.)."),
    )
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")
        ordering = ["organization__path", "-is_head", "-is_deputy", "person__full_name"]

    def __str__(self):
        return f"{self.person} — {self.position or self.get_staff_category_display()} ({self.organization.short_name or self.organization})"


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    PROVINCE_OFFICER = "province_officer", _("Cán bộ Sở Nội vụ")
    AGENCY_HEAD = "agency_head", _("Thủ trưởng cơ quan")
    CLERK = "clerk", _("Văn thư, chuyên viên")
    PETITION_HANDLER = "petition_handler", _("Người xử lý đơn thư")
    INSPECTOR = "inspector", _("Thanh tra viên")
    STAFF = "staff", _("Cán bộ, công chức, viên chức")


class RoleAssignment(models.Model):
    """A role held over an organisation and everything below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="unique_role_assignment")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.organization}"


class PeriodKind(models.TextChoices):
    ANNUAL = "annual", _("Năm")
    HALF_YEAR = "half_year", _("6 tháng")
    QUARTER = "quarter", _("Quý")
    OTHER = "other", _("Khác")


class ReportingPeriod(models.Model):
    """A reporting period (kỳ báo cáo) with its data cut-off (thời gian chốt số liệu)."""

    code = models.CharField(_("mã kỳ"), max_length=32, unique=True, help_text=_("Ví dụ: 2020, 2026-H1"))
    name = models.CharField(_("tên kỳ"), max_length=128)
    kind = models.CharField(
        _("loại kỳ"), max_length=16, choices=PeriodKind.choices, default=PeriodKind.ANNUAL
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    cutoff_start = models.DateField(_("chốt số liệu từ"))
    cutoff_end = models.DateField(_("chốt số liệu đến"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_end_after_start"),
            models.CheckConstraint(
                condition=Q(cutoff_end__gte=models.F("cutoff_start")), name="period_cutoff_end_after_start"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def part(self):
        """1–2 of a half-year, 1–4 of a quarter (from the code, e.g. 2026-Q3), else None."""
        tail = self.code.rsplit("-", 1)[-1] if "-" in self.code else ""
        return int(tail[1:]) if tail[1:].isdigit() else None

    @property
    def framework(self):
        """The legal framework in force at the end of the period (LEGAL.md §1)."""
        from danchu.legal.frameworks import framework_for

        return framework_for(self.cutoff_end)

    def contains(self, day):
        return self.cutoff_start <= day <= self.cutoff_end
