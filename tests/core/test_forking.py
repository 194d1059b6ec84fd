"""Chunks computed in forked worker processes: the same results, in order, whatever the workers
do; errors raised by the caller itself; no process left behind."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading

import pytest

from app.core import forking

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork")

PARENT = os.getpid()


def squares(index: int) -> list[int]:
    return [n * n for n in range(index * 10, index * 10 + 10)]


def in_worker() -> bool:
    return os.getpid() != PARENT


def everything(count: int, function=squares, workers: int = 2) -> list:
    return list(forking.map_chunks(function, count, workers=workers))


@linux_only
@pytest.mark.parametrize("count", [0, 1, 2, 7, 40])
def test_chunks_come_back_in_order_as_computed_in_process(count):
    assert everything(count) == [squares(index) for index in range(count)]
    assert multiprocessing.active_children() == []


@linux_only
def test_workers_compute_part_of_the_chunks():
    context = multiprocessing.get_context("fork")
    worked = context.Event()
    caller_worked = context.Event()

    def where(index: int) -> int:
        if in_worker():
            worked.set()
            # The worker's chunk lasts until the caller has worked too: otherwise a worker
            # quick enough to have every result ready in time leaves the caller nothing to do.
            caller_worked.wait(timeout=30)
        elif not waited:  # the caller's first chunk lasts until a worker has worked
            waited.append(worked.wait(timeout=30))
            caller_worked.set()
        return os.getpid()

    waited: list[bool] = []
    pids = everything(40, where, workers=1)
    assert waited == [True]
    assert PARENT in pids
    assert len(set(pids)) == 2


@linux_only
def test_a_chunk_failing_in_a_worker_is_computed_again_by_the_caller():
    def flaky(index: int) -> list[int]:
        if in_worker():
            raise OSError("only in the worker")
        return squares(index)

    assert everything(12, flaky) == [squares(index) for index in range(12)]


@linux_only
def test_a_worker_that_dies_is_replaced_by_the_caller():
    def dying(index: int) -> list[int]:
        if in_worker():
            os._exit(3)
        return squares(index)

    assert everything(12, dying) == [squares(index) for index in range(12)]
    assert multiprocessing.active_children() == []


@linux_only
def test_an_error_is_raised_by_the_caller_in_chunk_order():
    def failing(index: int) -> list[int]:
        if index in (5, 9):
            raise ValueError(f"bad chunk {index} in {'worker' if in_worker() else 'caller'}")
        return squares(index)

    with pytest.raises(ValueError, match=r"^bad chunk 5 in caller$"):
        everything(12, failing)
    assert multiprocessing.active_children() == []


@linux_only
def test_stopping_early_ends_the_workers():
    chunks = forking.map_chunks(squares, 50, workers=2)
    assert next(chunks) == squares(0)
    chunks.close()
    assert multiprocessing.active_children() == []


def test_no_workers_off_the_main_thread():
    counts = []
    thread = threading.Thread(target=lambda: counts.append(forking.worker_count()))
    thread.start()
    thread.join()
    assert counts == [0]


def test_without_workers_everything_runs_in_process():
    pids = everything(5, lambda index: os.getpid(), workers=0)
    assert pids == [PARENT] * 5


@linux_only
def test_chunks_the_caller_computes_ahead_of_their_turn_raise_in_order():
    ahead = multiprocessing.get_context("fork").Event()

    def failing(index: int) -> list[int]:
        if in_worker():
            if index < 2:
                ahead.wait(timeout=30)  # until the caller has gone past chunk 3
            raise OSError("the worker gives up")
        if index == 3:
            ahead.set()
        if index in (2, 3):
            raise ValueError(f"bad chunk {index}")
        return squares(index)

    with pytest.raises(ValueError, match=r"^bad chunk 2$"):
        everything(8, failing, workers=1)
    assert multiprocessing.active_children() == []
