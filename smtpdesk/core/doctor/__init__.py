"""The configuration doctor: the stored settings checked against the help page's rules.

``run_doctor`` lists findings (code, severity, who it is about, a plain explanation with the user's
values, an optional one-click fix); ``apply_fix`` is the pure change a fix makes and
``apply_and_save`` stores it.
"""

from smtpdesk.core.doctor.findings import (
    NO_FINDINGS,
    SUBJECT_APP,
    SUBJECT_COMPANY,
    SUBJECT_DEFAULT,
    DoctorFix,
    DoctorFixKind,
    Finding,
    Severity,
    counts,
    employee_subject,
    summary,
)
from smtpdesk.core.doctor.fixes import apply_and_save, apply_fix
from smtpdesk.core.doctor.rules import DOCTOR_CODES, RULES, run_doctor

__all__ = [
    "DOCTOR_CODES",
    "NO_FINDINGS",
    "RULES",
    "SUBJECT_APP",
    "SUBJECT_COMPANY",
    "SUBJECT_DEFAULT",
    "DoctorFix",
    "DoctorFixKind",
    "Finding",
    "Severity",
    "apply_and_save",
    "apply_fix",
    "counts",
    "employee_subject",
    "run_doctor",
    "summary",
]
