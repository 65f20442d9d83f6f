"""Who signs for an agency and how the signature block reads (Nghị định 30/2020/NĐ-CP, Điều 13 on
the authority to sign; Phụ lục I on the block: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / the name).

One place for it: reports, the provincial consolidation and any other document the agency
issues take their signature block from `default_signature(org)` or `signature_for(membership)`.
"""

from dataclasses import dataclass

from django.utils import timezone

from .models import Membership, SigningAuthority


@dataclass(frozen=True)
class Signature:
    authority: str  # the line above the title, e.g. "KT. GIÁM ĐỐC"; "" when the head signs directly
    title: str  # the signer's own title, e.g. "PHÓ GIÁM ĐỐC"
    name: str
    membership: Membership | None = None

    @property
    def lines(self):
        return [line for line in (self.authority, self.title) if line]


def _upper(text):
    return (text or "").strip().upper()


def signature_for(membership, head_title=None):
    """The signature block of `membership` signing for its organisation. `head_title` defaults to
    the organisation's `head_title` (e.g. "Giám đốc"); without one, a deputy's authority line
    cannot be written and stays empty (the report checks name it)."""
    org = membership.organization
    head = _upper(head_title if head_title is not None else org.head_title)
    own = _upper(membership.position)
    mode = membership.signs_as or (
        SigningAuthority.ON_BEHALF
        if membership.is_deputy
        else SigningAuthority.DIRECT
        if membership.is_head
        else ""
    )
    name = membership.person.full_name
    if mode == SigningAuthority.DIRECT:
        return Signature("", own or head, name, membership)
    if mode == SigningAuthority.ACTING:
        # "Q. GIÁM ĐỐC" is the title line itself.
        return Signature("", f"Q. {head}" if head else own, name, membership)
    if mode in (SigningAuthority.ON_BEHALF,):
        return Signature(f"KT. {head}" if head else "", own, name, membership)
    if mode in (SigningAuthority.BY_ORDER, SigningAuthority.BY_DELEGATION, SigningAuthority.FOR_COLLECTIVE):
        return Signature(f"{mode} {head}" if head else "", own, name, membership)
    return Signature("", own, name, membership)


def default_signer(org, day=None):
    """The member who usually signs for `org` on `day`: its default signer while that membership
    is active, else its head; None when neither is set."""
    day = day or timezone.localdate()
    active = (
        Membership.objects.active_on(day).filter(organization=org).select_related("person", "organization")
    )
    if org.default_signer_id:
        chosen = active.filter(pk=org.default_signer_id).first()
        if chosen is not None:
            return chosen
    return active.filter(is_head=True).first()


def default_signature(org, day=None):
    membership = default_signer(org, day)
    return signature_for(membership) if membership is not None else None
