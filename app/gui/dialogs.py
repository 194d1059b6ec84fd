"""Standard buttons and questions with Deckard's own translations.

The PySide6 wheels ship no `qtbase_zh_CN.qm`, so Qt's own "OK", "Cancel", "Yes" and "No" would
stay English in a Chinese UI; these helpers label them from Deckard's catalogue instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

Standard = QDialogButtonBox.StandardButton


def button_labels() -> dict[Standard, str]:
    # Literal strings, so pyside6-lupdate finds them.
    return {
        Standard.Ok: QCoreApplication.translate("Dialogs", "OK"),
        Standard.Cancel: QCoreApplication.translate("Dialogs", "Cancel"),
        Standard.Close: QCoreApplication.translate("Dialogs", "Close"),
        Standard.Yes: QCoreApplication.translate("Dialogs", "Yes"),
        Standard.No: QCoreApplication.translate("Dialogs", "No"),
    }


def button_box(buttons: Standard) -> QDialogButtonBox:
    """A QDialogButtonBox whose standard buttons carry translated labels."""
    box = QDialogButtonBox(buttons)
    for which, label in button_labels().items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    return box


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    labels = button_labels()
    yes = box.addButton(labels[Standard.Yes], QMessageBox.ButtonRole.YesRole)
    box.addButton(labels[Standard.No], QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    """A message with one OK button."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    box.addButton(button_labels()[Standard.Ok], QMessageBox.ButtonRole.AcceptRole)
    box.exec()
