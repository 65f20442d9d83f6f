"""Synthetic documents issued and received for `danchu gen-data` (danchu.core.gendata calls `generate`)."""

DOCUMENT_SUBJECTS = [
    "Kế hoạch thực hiện dân chủ ở cơ sở năm {year}",
    "Quyết định kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở",
    "Hướng dẫn công khai thông tin tại cơ quan năm {year}",
    "Kế hoạch tổ chức hội nghị cán bộ, công chức, viên chức năm {year}",
    "Quy chế dân chủ trong hoạt động của cơ quan",
    "Kế hoạch tuyên truyền cải cách hành chính năm {year}",
    "Báo cáo kết quả công tác tiếp công dân quý",
    "Công văn về việc góp ý dự thảo văn bản",
    "Thông báo lịch tiếp công dân của lãnh đạo",
    "Kế hoạch kiểm tra chuyên ngành năm {year}",
]


def documents(gen, agencies, per_agency):
    from danchu.documents.models import Direction, Document, compose_ref

    r = gen.rng
    kinds_issued = ["KH", "QĐ", "HD", "CV", "BC", "TB", "QC", "CTr"]
    rows = []
    for org in agencies:
        for i in range(per_agency):
            issued = r.random() < 0.6
            kind = r.choice(kinds_issued if issued else ["CV", "QĐ", "KH", "TB", "CT"])
            day = gen.day()
            number = str(i + 1)
            symbol = f"{kind}-{org.short_name}" if issued else f"{kind}-UBND"
            issuer = org.name if issued else f"UBND tỉnh mẫu {gen.prefix}"
            rows.append(
                Document(
                    uuid=gen.uuid(),
                    organization=org,
                    direction=Direction.ISSUED if issued else Direction.RECEIVED,
                    kind=kind,
                    number=number,
                    symbol=symbol,
                    ref=compose_ref(number, symbol, False),
                    issued_on=day,
                    year=day.year,
                    issuer_org=org if issued else None,
                    issuer_name=issuer,
                    subject=r.choice(DOCUMENT_SUBJECTS).format(year=gen.year),
                    signer_name=gen.person(),
                )
            )
            rows[-1].fill_search_text()  # bulk_create does not call save()
        if len(rows) >= gen.batch:
            gen._bulk(Document, rows)
            rows = []
    gen._bulk(Document, rows)


def generate(gen, world):
    """This register's rows of the synthetic province (called by danchu.core.gendata)."""
    documents(gen, world.agencies, world.shape.documents)
