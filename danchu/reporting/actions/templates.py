"""An administrator's report templates."""

from django.core.files.base import ContentFile
from django.db import transaction

from danchu.audit.trail import record_create

from .. import rendering
from ..models import (
    ReportTemplate,
)


@transaction.atomic
def upload_template(report_type, framework, name, uploaded_file, *, actor):
    """Store an administrator's template once it renders against a sample report."""
    from ..sample import sample_context

    content = uploaded_file.read()
    import io

    rendering.render_template(io.BytesIO(content), sample_context(framework))
    ReportTemplate.objects.filter(report_type=report_type, framework=framework, is_active=True).update(
        is_active=False
    )
    template = ReportTemplate(report_type=report_type, framework=framework, name=name, uploaded_by=actor)
    template.file.save(f"{rendering.slug(name)}.docx", ContentFile(content), save=False)
    template.save()
    record_create(template, actor, verb="tải lên mẫu báo cáo")
    return template
