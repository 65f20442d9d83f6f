"""Generic register pages, shared by the simple registers (oversight, activities).

An app declares each register with one `Register` (declaration.py): the model, which of its
fields the form edits, the list shows, the export writes and the import reads, the filters, and
the action functions that save and delete; labels, formats, import headers and types come from
the model's fields and are written out only where they differ. The app includes
`register.urls()` in its urls.py.

    list     <slug>/                 search, filters, pagination; fixed number of queries
    export   <slug>/xuat-xlsx/       the filtered list as XLSX (user text never becomes a formula)
    create   <slug>/them/
    detail   <slug>/<uuid>/          fields, child records, change history
    edit     <slug>/<uuid>/sua/
    delete   <slug>/<uuid>/xoa/      asks for confirmation, POST deletes
    import   <slug>/nhap/            upload -> dry run -> commit (danchu.core.imports)
    template <slug>/nhap/mau.xlsx    the blank import file

By concern: `declaration` (Register), `columns` (list and export columns, filters), `forms`,
`importing` (the import declaration and pages), `views` (the other pages), `records`
(`save_record` and `delete_record`, the generic halves of the apps' action functions: atomic,
validated with full_clean, and writing the audit row in the same transaction).
"""

from .columns import BOOL_CHOICES, Child, Col, Filter, year_choices
from .declaration import Register
from .forms import DateInput, RegisterForm, VNIntegerField
from .importing import Imports, import_view, organization_lookup, record_lookup, template_view
from .records import delete_record, record_actions, save_record
from .views import index_view

__all__ = [
    "BOOL_CHOICES",
    "Child",
    "Col",
    "DateInput",
    "Filter",
    "Imports",
    "Register",
    "RegisterForm",
    "VNIntegerField",
    "delete_record",
    "import_view",
    "index_view",
    "organization_lookup",
    "record_actions",
    "record_lookup",
    "save_record",
    "template_view",
    "year_choices",
]
