"""Starting the desktop app: QApplication, translations, theme, the collection, the main window.

`run_app` is what `deckard` (no subcommand) and `python -m app` call. `deckard --self-test`
goes through the same start-up, reviews one card from the keyboard path, checks the collection
recorded it, undoes it (so a real collection is left as it was) and exits 0; the packaging
smoke test relies on it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app.core.errors import CollectionError, DeckardError
from app.gui.dialogs import inform
from app.gui.settings import UiSettings, default_settings
from app.gui.theme import UI_FONT_FAMILIES, apply_theme, resolve_dark

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
ICON_DIR = I18N_DIR.parent / "icons"
SUPPORTED_LANGUAGES = ("en", "zh_CN")

_installed: list[QTranslator] = []


def resolve_language(choice: str) -> str:
    """The UI language for a preference: "system" follows the system locale."""
    if choice in SUPPORTED_LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(app: QApplication, choice: str) -> str:
    """Load Deckard's and Qt's own translations for `choice`; return the language used.

    Installing a translator sends every widget a LanguageChange event, and each screen
    retranslates itself, so switching language needs no restart.
    """
    language = resolve_language(choice)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [(f"deckard_{language}", str(I18N_DIR))]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates += [(f"qtbase_{language}", qt_dir), (f"qt_{language}", qt_dir)]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            if name.startswith("qtbase_"):
                break  # qt_*.qm only wraps qtbase_*.qm; loading both is redundant
    QLocale.setDefault(QLocale(language))
    return language


def skip_numpy() -> None:
    """Keep sqlite-utils from importing numpy in the app process.

    sqlite-utils imports numpy whenever it is installed, only to map numpy scalar types, which
    Deckard never stores. numpy is not a Deckard dependency (a clean install has none), but on
    a machine that has it for other reasons it costs about half a second of start-up.
    """
    if "numpy" not in sys.modules and "sqlite_utils" not in sys.modules:
        sys.modules["numpy"] = None  # type: ignore[assignment]


def warm_up_rendering() -> None:
    """Import Markdown and the common Pygments lexers while the learner looks at the deck list.

    Run in a thread so the first card appears without a pause and the UI never waits for it;
    it only imports (the renderer's shared state is first used from the UI thread).
    """
    import markdown  # noqa: F401
    from pygments.formatters import HtmlFormatter  # noqa: F401
    from pygments.lexers import get_lexer_by_name

    for language in ("bash", "python", "dockerfile", "yaml", "json"):
        get_lexer_by_name(language)


def install_error_hook(window) -> None:
    """Show an unexpected error from a slot in a message box instead of dying silently.

    Errors the user can cause are DeckardErrors and are shown where they happen; this catches
    bugs, so a packaged app without a console still says what went wrong (the traceback still
    goes to stderr).
    """
    previous = sys.excepthook

    def hook(kind, error, trace) -> None:
        previous(kind, error, trace)
        user_error = isinstance(error, DeckardError)
        message = str(error) if user_error else f"{kind.__name__}: {error}"
        inform(window, "Deckard", message, warning=True)

    sys.excepthook = hook


def create_application() -> QApplication:
    """The QApplication (reused if one exists), named so QSettings finds its file."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Deckard")
    app.setOrganizationName("Deckard")
    # Matches the installed desktop entry, so Wayland desktops give the window its icon and name.
    app.setDesktopFileName("io.github.deckard.Deckard")
    app.setApplicationDisplayName("Deckard")
    font = QFont(app.font())
    font.setFamilies(UI_FONT_FAMILIES)
    app.setFont(font)
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = ICON_DIR / f"deckard-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    app.setWindowIcon(icon)
    return app


def _self_test(window) -> None:
    """Review one card through the real review screen, check it was recorded, then undo it."""
    app = QApplication.instance()
    window.study(None)
    review = window.review
    if review.card is None:
        print("self-test failed: no card to review", file=sys.stderr)
        app.exit(1)
        return
    card_id = review.card.id
    review.show_answer()
    review.grade(4)
    if not window.collection.can_undo():
        print("self-test failed: the answer was not recorded", file=sys.stderr)
        app.exit(1)
        return
    window.undo()
    print(f"self-test ok: reviewed card {card_id}")
    window.close()
    app.exit(0)


def run_app(
    collection_path: Path,
    *,
    self_test: bool = False,
    settings: UiSettings | None = None,
    on_shown: Callable[[object], None] | None = None,
) -> int:
    """Open the main window on the collection at `collection_path`; return the exit code.

    `on_shown(window)` runs once the window has been painted (the start-up benchmark uses it).
    """
    skip_numpy()
    from app.core.collection import Collection
    from app.gui.main_window import MainWindow

    app = create_application()
    settings = settings or UiSettings(default_settings())
    install_language(app, settings.language)
    apply_theme(app, resolve_dark(settings.theme))
    try:
        collection = Collection.open(Path(collection_path))
    except DeckardError as error:
        if self_test:
            print(f"self-test failed: {error}", file=sys.stderr)
            return 1
        # Already open in another Deckard window: bring that one forward instead.
        if isinstance(error, CollectionError):
            from app.gui.single_instance import ask_running_window_to_show

            if ask_running_window_to_show(collection_path):
                return 0
        inform(None, "Deckard", str(error), warning=True)
        return 1

    def change_theme(choice: str) -> None:
        apply_theme(app, resolve_dark(choice))

    try:
        window = MainWindow(
            collection,
            settings,
            on_language_change=lambda choice: install_language(app, choice),
            on_theme_change=change_theme,
        )

        def follow_system_scheme(_scheme: Qt.ColorScheme) -> None:
            if settings.theme == "system":
                change_theme("system")
                window.apply_dark(resolve_dark("system"))

        app.styleHints().colorSchemeChanged.connect(follow_system_scheme)
        if not self_test:
            install_error_hook(window)
        window.show()

        def shown() -> None:
            window.repaint()
            threading.Thread(target=warm_up_rendering, name="warm-up", daemon=True).start()
            if on_shown is not None:
                on_shown(window)
            if self_test:
                _self_test(window)
            if not window.isVisible():
                return  # closed already (the self-test, or the start-up benchmark)
            # Not needed to paint the deck list, so done once it is on screen: the socket a
            # second start uses to bring this window forward (QtNetwork), and the review screen.
            from app.gui.single_instance import listen_for_second_starts

            listen_for_second_starts(window, collection_path)
            QTimer.singleShot(0, window.prepare_pages)

        QTimer.singleShot(0, shown)
        return app.exec()
    finally:
        collection.close()
