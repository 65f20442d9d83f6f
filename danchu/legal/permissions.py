"""The legal pages (deadline calculator, calendar) are open to every signed-in user; only system
administrators change the calendar (checked with danchu.orgs.access.is_system_admin, since the
calendar is national, not an organisation's)."""

from danchu.orgs.models import Role

RULES = {
    "legal.manage_calendar": {Role.SYSTEM_ADMIN},
}
