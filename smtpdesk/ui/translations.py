"""Language of the window. Polish is the source language of every string; other languages come
from ``smtpdesk/resources/i18n/smtpdesk_<lang>.qm`` plus Qt's own translations (standard buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smtpdesk import paths
from smtpdesk.core import i18n
from smtpdesk.core.i18n import Lang


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
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
