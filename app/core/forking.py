"""Using the other cores for pure Python work: chunks computed in forked worker processes.

A large job (rendering thousands of imported notes, compiling long notes) is cut into chunks
numbered 0, 1, 2, …; `map_chunks` yields `function(i)` for every chunk, in order. The calling
process works through the chunks from the front while forked workers take them from the back,
so the work is shared out however busy each core is, and the caller never waits while there is
a chunk left to compute.

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
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

R = TypeVar("R")

# A pipe this large lets a worker hand over several chunks' results while the caller is busy
# with its own chunk (Linux's default of 64 KiB holds less than one).
_PIPE_BYTES = 1024 * 1024
_F_SETPIPE_SZ = 1031  # fcntl.F_SETPIPE_SZ, named in the fcntl module only from Python 3.10 on Linux

_NEXT, _LAST = 0, 1  # the shared claim counters: next chunk from the front, last from the back


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


def map_chunks(function: Callable[[int], R], count: int, *, workers: int) -> Iterator[R]:
    """`function(i)` for i in 0 … count-1, in order; up to `workers` forked processes compute
    chunks from the back while this process computes them from the front.

    With `workers` 0, or when no process can be started, every chunk is computed here.
    Closing the iterator early (or an error in the caller) stops the workers.
    """
    if workers <= 0 or count < 2:
        for index in range(count):
            yield function(index)
        return
    pool = _Workers(function, count, min(workers, count - 1))
    try:
        for index in range(count):
            if pool.claim_front(index):
                yield function(index)
            else:
                yield pool.result(index)
    finally:
        pool.stop()


class _Workers:
    """Forked processes taking chunks from the back, and their results as they arrive."""

    def __init__(self, function: Callable[[int], Any], count: int, workers: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.function = function
        self.lock = context.Lock()
        self.claims = context.RawArray("q", [0, count - 1])
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
                args=(function, self.lock, self.claims, writer),
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
        if not self.processes:
            self.claims[_LAST] = count  # nobody takes from the back
            self.claims[_NEXT] = 0

    def claim_front(self, index: int) -> bool:
        """Take chunk `index` for the caller, unless a worker has taken it already."""
        with self.lock:
            if index <= self.claims[_LAST]:
                self.claims[_NEXT] = index + 1
                return True
            return False

    def result(self, index: int) -> Any:
        """The result of chunk `index`, which a worker claimed: from the worker, or computed
        here when no worker can give it (failed, died)."""
        from multiprocessing.connection import wait

        while index not in self.results and self.readers:
            for reader in wait(self.readers):
                try:
                    chunk, ok, value = reader.recv()
                except (EOFError, OSError):  # the worker is gone
                    self.readers.remove(reader)
                    reader.close()
                    continue
                if ok:
                    self.results[chunk] = value
                else:  # the worker stopped at this chunk: the caller redoes it
                    self.readers.remove(reader)
                    reader.close()
        if index in self.results:
            return self.results.pop(index)
        return self.function(index)

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


def _work(function: Callable[[int], Any], lock: Any, claims: Any, writer: Any) -> None:
    """A worker's loop: claim the last unclaimed chunk, compute it, send it, until none is left.

    Runs in the forked process and always leaves it with `os._exit`, never returning into the
    code it was forked from.
    """
    code = 0
    try:
        while True:
            with lock:
                index = claims[_LAST]
                if index < claims[_NEXT]:
                    break
                claims[_LAST] = index - 1
            try:
                value = function(index)
            except BaseException:
                writer.send((index, False, None))
                break
            writer.send((index, True, value))
    except BaseException:
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            writer.close()
        os._exit(code)
