"""Writes to the OIT workspace, split by noun: response sets, items, evidence, submission."""

from openita.disclosure.services.evidence import (
    add_file,
    add_link,
    capture_link,
    recheck_stale_links,
    record_check,
    remove_file,
    remove_link,
    request_checks,
)
from openita.disclosure.services.items import (
    apply_assignment_table,
    assign,
    assign_units,
    change_status,
    update_item,
)
from openita.disclosure.services.sets import (
    set_eit_survey_url,
    start_response_set,
    submit,
)

__all__ = [
    "add_file",
    "add_link",
    "apply_assignment_table",
    "assign",
    "assign_units",
    "capture_link",
    "change_status",
    "recheck_stale_links",
    "record_check",
    "remove_file",
    "remove_link",
    "request_checks",
    "set_eit_survey_url",
    "start_response_set",
    "submit",
    "update_item",
]
