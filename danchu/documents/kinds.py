"""Kinds of documents and their official abbreviations (Nghị định 30/2020, LEGAL.md §7).

`code` is what danchu stores; `abbr` is what stands in a document symbol (None: the kind has no
abbreviation there, as for a công văn or a law, whose symbol is the issuer's). Đ and D differ:
HĐ ≠ HD, ĐA ≠ DA.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    NQ = "NQ", _("Nghị quyết")
    QD = "QĐ", _("Quyết định")
    CT = "CT", _("Chỉ thị")
    QC = "QC", _("Quy chế")
    QYD = "QyĐ", _("Quy định")
    QDI = "QĐi", _("Quy định (Đảng)")
    TC = "TC", _("Thông cáo")
    TB = "TB", _("Thông báo")
    HD = "HD", _("Hướng dẫn")
    CTR = "CTr", _("Chương trình")
    KH = "KH", _("Kế hoạch")
    PA = "PA", _("Phương án")
    DE_AN = "ĐA", _("Đề án")
    DU_AN = "DA", _("Dự án")
    BC = "BC", _("Báo cáo")
    BB = "BB", _("Biên bản")
    TTR = "TTr", _("Tờ trình")
    HOP_DONG = "HĐ", _("Hợp đồng")
    CD = "CĐ", _("Công điện")
    BGN = "BGN", _("Bản ghi nhớ")
    BTT = "BTT", _("Bản thỏa thuận")
    GUQ = "GUQ", _("Giấy ủy quyền")
    GM = "GM", _("Giấy mời")
    GGT = "GGT", _("Giấy giới thiệu")
    GNP = "GNP", _("Giấy nghỉ phép")
    PG = "PG", _("Phiếu gửi")
    PC = "PC", _("Phiếu chuyển")
    PB = "PB", _("Phiếu báo")
    KL = "KL", _("Kết luận")
    CV = "CV", _("Công văn")
    LUAT = "Luật", _("Luật")
    PL = "PL", _("Pháp lệnh")
    ND = "NĐ", _("Nghị định")
    TT = "TT", _("Thông tư")
    OTHER = "Khác", _("Văn bản khác")


# Kinds whose abbreviation does not appear in the symbol.
NO_ABBREVIATION = {DocumentKind.CV, DocumentKind.LUAT, DocumentKind.OTHER}

# "Kế hoạch" -> KH, and so on, for reading references written out in text ("Kế hoạch số 420/...").
KIND_BY_NAME = {str(label).lower(): value for value, label in DocumentKind.choices}
KIND_BY_NAME.update({"công văn": DocumentKind.CV, "quy định": DocumentKind.QYD, "luật": DocumentKind.LUAT})
