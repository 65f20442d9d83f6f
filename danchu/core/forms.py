"""What every app's forms share."""

from django.core.exceptions import NON_FIELD_ERRORS


def add_validation_error(form, exc, fields=None):
    """Put the ValidationError an action raised on `form`: each message on the form field its key
    names, else on the form as a whole. `fields` maps an error key to another form field name
    ({"ref": "ref_text"}), or is a function of the key giving that name (or None)."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for key, messages in exc.message_dict.items():
        if callable(fields):
            name = fields(key)
        else:
            name = (fields or {}).get(key, key)
        if name == NON_FIELD_ERRORS or name not in form.fields:
            name = None
        for message in messages:
            form.add_error(name, message)
