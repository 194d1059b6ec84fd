"""Using the other cores for pure Python work: chunks computed in forked worker processes.

A large job (rendering thousands of imported notes, compiling long notes) is cut into chunks
numbered 0, 1, 2, …; `map_chunks` yields `function(i)` for every chunk, in order. Forked workers
take the chunks in order, one at a time; the caller handles the results as they come, and
whenever the next one is not ready it computes the next unclaimed chunk itself instead of
waiting. The work is shared out however busy each core is, and the caller's own handling of
the results (often the larger part of its work) counts towards its share.

Workers are forked (Linux only, and from the main thread only: a fork copies only the calling
thread, and forking a process that has loaded a GUI is not safe elsewhere), so they inherit
everything `function` reads without copying it; only chunk numbers are shared, and plain values
(lists, tuples, strings) come back. The workers never touch files, databases or the caller's
other threads' state, and leave with `os._exit`.

The result never depends on the workers: a chunk whose worker failed, died or never started is
computed again by the caller, so an error is raised by the caller itself, exactly as it would be
without workers, and `function` must be a pure function of its chunk number.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Generator
from typing import Any, TypeVar

R = TypeVar("R")

# A pipe this large lets a worker hand over several chunks' results while the caller is busy
# with its own chunk (Linux's default of 64 KiB holds less than one).
_PIPE_BYTES = 1024 * 1024
_F_SETPIPE_SZ = 1031  # fcntl.F_SETPIPE_SZ, named in the fcntl module only from Python 3.10 on Linux

# The result of a chunk the caller computed ahead of its turn and that raised.
_FAILED = object()


def worker_count() -> int:
    """How many worker processes to fork besides the caller: the usable cores less one (the
    caller works too), 0 where forking is not safe.

    Only the main thread forks: a background thread (a GUI's import, say) computes in-process,
    since a fork copies only the calling thread and whatever locks the others hold.
    """
    if not sys.platform.startswith("linux"):
        return 0
    if threading.current_thread() is not threading.main_thread():
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(cores - 1, 0)


def map_chunks(
    function: Callable[[int], R],
    count: int,
    *,
    workers: int,
    pack: Callable[[R], Any] | None = None,
    unpack: Callable[[Any], R] | None = None,
) -> Generator[R, None, None]:
    """`function(i)` for i in 0 … count-1, in order, computed by up to `workers` forked
    processes and by this one while it waits for them.

    With `workers` 0, or when no process can be started, every chunk is computed here.
    Closing the iterator early (or an error in the caller) stops the workers. A worker sends
    `pack(result)` and the caller turns it back with `unpack`, for results that cross the pipe
    faster in another shape than pickled as they are.
    """
    if workers <= 0 or count < 2:
        for index in range(count):
            yield function(index)
        return
    pool = _Workers(function, count, min(workers, count - 1), pack, unpack)
    try:
        for index in range(count):
            yield pool.result(index)
    finally:
        pool.stop()


class _Workers:
    """Forked processes claiming chunks in order, and the results as they arrive."""

    def __init__(
        self,
        function: Callable[[int], Any],
        count: int,
        workers: int,
        pack: Callable[[Any], Any] | None = None,
        unpack: Callable[[Any], Any] | None = None,
    ) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.function = function
        self.unpack = unpack
        self.count = count
        self.lock = context.Lock()
        self.next = context.RawValue("q", 0)  # the first chunk nobody has claimed
        self.results: dict[int, Any] = {}
        self.processes: list[Any] = []
        self.readers: list[Any] = []
        for _ in range(workers):
            reader, writer = context.Pipe(duplex=False)
            with contextlib.suppress(OSError):
                import fcntl

                fcntl.fcntl(writer.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES)
            process = context.Process(
                target=_work,
                args=(function, count, self.lock, self.next, writer, pack),
                name="deckard-worker",
                daemon=True,
            )
            try:
                process.start()
            except (OSError, ValueError):
                reader.close()
                writer.close()
                break  # fewer workers (or none): the caller computes the rest
            writer.close()
            self.processes.append(process)
            self.readers.append(reader)

    def claim(self) -> int | None:
        """The first chunk nobody has claimed, now the caller's; None when all are taken."""
        with self.lock:
            index = self.next.value
            if index >= self.count:
                return None
            self.next.value = index + 1
            return index

    def result(self, index: int) -> Any:
        """The result of chunk `index`: computed here if nobody has claimed it, else the
        worker's, computing later chunks meanwhile; computed here too when no worker can give
        it (failed, died)."""
        while True:
            # Results waiting in a pipe hold up the worker that sends them: take them first.
            self.collect(block=False)
            if index in self.results:
                value = self.results.pop(index)
                # A chunk that failed ahead of its turn is computed again now, to raise in order.
                return self.function(index) if value is _FAILED else value
            claimed = self.claim()
            if claimed == index:
                return self.function(index)
            if claimed is not None:
                try:
                    self.results[claimed] = self.function(claimed)
                except Exception:
                    self.results[claimed] = _FAILED
            elif self.readers:
                self.collect(block=True)
            else:  # every worker is gone, this chunk's result with them
                return self.function(index)

    def collect(self, *, block: bool) -> None:
        """Take the results the workers have sent (waiting for one if `block`); a worker that
        failed or is gone is forgotten, and its chunk is left for the caller."""
        from multiprocessing.connection import wait

        if not self.readers:
            return
        ready: list[Any] = wait(self.readers, None if block else 0)
        for reader in ready:
            try:
                chunk, ok, value = reader.recv()
            except (EOFError, OSError):  # the worker is gone
                ok = False
            if ok:
                self.results[chunk] = value if self.unpack is None else self.unpack(value)
            else:  # the worker stopped at this chunk: the caller redoes it
                self.readers.remove(reader)
                reader.close()

    def stop(self) -> None:
        """End the workers (finished or not) and reap them."""
        for reader in self.readers:
            reader.close()
        self.readers = []
        for process in self.processes:
            if process.is_alive():
                process.kill()
        for process in self.processes:
            process.join()
            process.close()
        self.processes = []


def _work(
    function: Callable[[int], Any],
    count: int,
    lock: Any,
    next: Any,
    writer: Any,
    pack: Callable[[Any], Any] | None = None,
) -> None:
    """A worker's loop: claim the first unclaimed chunk, compute it, send it, until none is
    left.

    Runs in the forked process and always leaves it with `os._exit`, never returning into the
    code it was forked from.
    """
    code = 0
    try:
        while True:
            with lock:
                index = next.value
                if index >= count:
                    break
                next.value = index + 1
            try:
                value = function(index)
            except BaseException:
                writer.send((index, False, None))
                break
            writer.send((index, True, value if pack is None else pack(value)))
    except BaseException:
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            writer.close()
        os._exit(code)
