"""An administrator's report templates."""

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from danchu.audit.trail import record_create
from danchu.core import transactions
from danchu.orgs import access

from .. import rendering
from ..models import (
    ReportTemplate,
)


@transactions.action()
def upload_template(report_type, framework, name, uploaded_file, *, actor):
    """Store an administrator's template once it renders against a sample report."""
    from ..sample import sample_context

    if actor is not access.SYSTEM and not access.orgs_with(actor, "reporting.templates").exists():
        raise PermissionDenied(_("Chỉ quản trị hệ thống được tải lên mẫu báo cáo."))
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
