"""Exports: the course packaged for places other than the website, one module per format.

Every export reads the course through the same checks as ``build`` (so bad input stops it
with ``file:line`` messages before anything is written) and writes its result through
:func:`generator.write.write_output`, so a failed export leaves no partial file behind.
Before any of that, every file it would write is checked
(:func:`generator.export.targets.refuse_output`): never into the published site or a folder
MkDocs copies into it (the theme's own folder among them), never over the course's sources,
never in place of a folder, a device, a pipe, or a file outside dist/ not named as the export
names its own.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.export.answer_key import answer_key_files, export_answer_key
from generator.export.gift import export_gift
from generator.export.job import ExportJob
from generator.export.offline import export_offline
from generator.export.scorm import export_scorm, export_scorm_exam


def only_the_output(output: Path) -> list[Path]:
    return [output]


@dataclass(frozen=True)
class Export:
    file_name: str
    """Default output, inside dist/."""
    description: str
    write: Callable[[ExportJob], list[Path]]
    """Writes the export; returns every file written."""
    files: Callable[[Path], list[Path]] = only_the_output
    """The files it writes for an output: checked before the export starts."""


EXPORTS: dict[str, Export] = {
    "offline": Export("mot-course-offline.zip", "offline package", export_offline),
    "scorm": Export("mot-course-scorm.zip", "SCORM 1.2 package", export_scorm),
    "scorm-exam": Export(
        "mot-course-exam-scorm.zip", "SCORM 1.2 package of the exam", export_scorm_exam
    ),
    "gift": Export("mot-course-questions.gift.txt", "GIFT question bank", export_gift),
    "answer-key": Export(
        "mot-course-answer-key.html", "answer key", export_answer_key, answer_key_files
    ),
}
