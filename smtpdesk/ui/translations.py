"""Language of the window. Polish is the source language of every string; English comes from
``smtpdesk/resources/i18n/smtpdesk_en.qm`` plus Qt's own translations (standard buttons).

The ``.qm`` files are compiled from ``resources/i18n/*.ts`` by ``scripts/i18n --release`` (run by
scripts/setup and scripts/build) into the package's resources, so a checkout, an installed
package and the PyInstaller bundle find them in the same place (``paths.resource_path``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smtpdesk import paths
from smtpdesk.core import i18n
from smtpdesk.core.i18n import Lang

log = logging.getLogger(__name__)


def translation_file(lang: Lang) -> str:
    return str(paths.resource_path(f"i18n/smtpdesk_{lang}.qm"))


def install_translators(app: QCoreApplication, lang: Lang) -> list[QTranslator]:
    """Sets the language of core texts and installs the Qt translators; returns them for removal."""
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(lang))
    installed: list[QTranslator] = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", qt_translations):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if lang != "pl":  # Polish needs no file: the strings in the code are Polish
        own = QTranslator(app)
        if own.load(translation_file(lang)):
            app.installTranslator(own)
            installed.append(own)
        else:
            # A build without its catalogue: the window would be Polish around English core texts.
            log.warning(
                "no translation for %s at %s; run scripts/i18n --release", lang, translation_file(lang)
            )
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
