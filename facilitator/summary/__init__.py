"""What the group keeps: the summary in four formats, its files, and the clipboard."""

from facilitator.summary.clipboard import Copied, copy_message, copy_to_system, osc52
from facilitator.summary.files import save_summary
from facilitator.summary.render import FORMATS, Format, render
from facilitator.summary.report import Report, build_report

__all__ = [
    "FORMATS",
    "Copied",
    "Format",
    "Report",
    "build_report",
    "copy_message",
    "copy_to_system",
    "osc52",
    "render",
    "save_summary",
]
