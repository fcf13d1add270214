"""Writes of the improvement cycle, split by noun: draft, measures, progress, attachments."""

from openita.improvement.services.attach import attach_document, find_target
from openita.improvement.services.draft import edit_analysis, generate_draft, update_plan
from openita.improvement.services.measures import (
    MeasureInput,
    create_measure,
    delete_measure,
    update_measure,
)
from openita.improvement.services.progress import Upload, add_progress

__all__ = [
    "MeasureInput",
    "Upload",
    "add_progress",
    "attach_document",
    "create_measure",
    "delete_measure",
    "edit_analysis",
    "find_target",
    "generate_draft",
    "update_measure",
    "update_plan",
]
