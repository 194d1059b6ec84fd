"""Bringing the running Deckard window forward when the collection is opened a second time.

The app that holds a collection listens on a local socket named after the collection's path.
A second start on the same collection finds the collection locked (`CollectionError` from
`Collection.open`, naming the holding process); before showing that message it asks the
running window, through the socket, to come to the front. When no Deckard window answers (the
holder is a command such as `deckard import`), the message is shown instead.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

# How long a second start waits for the running window; a local socket answers in microseconds,
# so this only matters for a window that is hung.
CONNECT_TIMEOUT_MS = 1000
_REQUEST = b"show\n"


def server_name(collection_path: Path) -> str:
    """The local socket name for a collection: the same for every way of writing its path."""
    resolved = str(Path(collection_path).expanduser().resolve())
    return "deckard-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:20]


class RunningInstance(QObject):
    """Listens for later starts on the same collection; `show_requested` asks to come forward."""

    show_requested = Signal()

    def __init__(self, collection_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(collection_path)
        self.server = QLocalServer(self)
        # A socket file left by a crashed app would make listen() fail; we hold the collection's
        # lock, so no live Deckard is using that name.
        QLocalServer.removeServer(self.name)
        self.listening = self.server.listen(self.name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            # The request is written right after connecting, so this wait is short.
            arrived = connection.bytesAvailable() or connection.waitForReadyRead(CONNECT_TIMEOUT_MS)
            if arrived and _REQUEST.strip() in bytes(connection.readAll().data()):
                self.show_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()


def ask_running_window_to_show(collection_path: Path) -> bool:
    """Ask the Deckard window holding this collection to come forward; True if one was there."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(collection_path))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(_REQUEST)
    sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, raise and activate a window (as far as the window manager allows)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def listen_for_second_starts(window: QWidget, collection_path: Path) -> RunningInstance:
    """Bring `window` forward whenever Deckard is started again on the same collection."""
    running = RunningInstance(collection_path, window)
    running.show_requested.connect(lambda: bring_to_front(window))
    return running
