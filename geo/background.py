"""Reading in one forked process while this one gets the rest of a run ready.

A cold build spends most of its time importing spaCy, loading its pipeline and
parsing; importing the map's own libraries need not wait for that. On a POSIX
machine with two cores or more, :func:`background_mapper` reads in one forked
process, which loads the reader's pipeline as it starts, while this process
imports the modules the caller names. Batches whose reports are all in the
reading cache are read here: a warm build forks nothing.

The process is forked before any thread starts, and not at all when another
thread already runs: a fork while a thread holds a lock (an import's, say) can
leave the child waiting on it for ever. Should the process die (killed, out of
memory), its batches and those after them are read here.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from geo.model import Document
from geo.pipeline import Mapper, warm_up

# Batches sent ahead to the process: it never waits for this one, and the reports in
# flight stay a small, fixed number.
IN_FLIGHT = 2


def can_fork() -> bool:
    """Whether reading beside this process can help and is safe here: a fork start method,
    two cores or more for this process, and no thread but this one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on macOS
        cores = os.cpu_count() or 1
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and cores >= 2
        and threading.active_count() == 1
    )


class BackgroundMapper:
    """A :data:`~geo.pipeline.Mapper` that reads the batches ``needs_parsing`` picks in one
    forked process, the others here, and gives every result back in the batches' order.

    The process is forked at the first batch it is needed for; then ``preload`` (module
    names) is imported here, in a thread, while it reads.
    """

    def __init__(self, needs_parsing: Callable[[list[Document]], bool], preload: Sequence[str]):
        self.needs_parsing = needs_parsing
        self.preload = tuple(preload)
        self.executor: ProcessPoolExecutor | None = None
        self.broken = False  # the process died (killed, out of memory): read here from then on

    def __call__(self, function: Callable, batches: Iterable[list[Document]]) -> Iterator:
        pending: deque[tuple[list[Document], Future | None]] = deque()
        for batch in batches:
            beside = self.needs_parsing(batch) and not self.broken
            pending.append((batch, self._started().submit(function, batch) if beside else None))
            while len(pending) > IN_FLIGHT or (pending and pending[0][1] is None):
                yield self._result(function, *pending.popleft())
        while pending:
            yield self._result(function, *pending.popleft())

    def _result(self, function: Callable, batch: list[Document], future: Future | None):
        """What ``function`` gives for ``batch``: the process's answer, or this one's."""
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                self.broken = True
        return function(batch)

    @property
    def forked(self) -> bool:
        """Whether a process was forked to read."""
        return self.executor is not None

    def _started(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=warm_up
            )
            # The first task forks the process at once (a fork start method starts its
            # processes before the executor's own thread): before the preloading thread.
            self.executor.submit(int)
            threading.Thread(target=_import_all, args=(self.preload,), daemon=True).start()
        return self.executor

    def shut_down(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()


def _import_all(names: Sequence[str]) -> None:
    for name in names:
        importlib.import_module(name)


@contextmanager
def background_mapper(
    needs_parsing: Callable[[list[Document]], bool], preload: Sequence[str] = ()
) -> Iterator[Mapper]:
    """A :class:`BackgroundMapper`, its process (if any was forked) shut down after."""
    mapper = BackgroundMapper(needs_parsing, preload)
    try:
        yield mapper
    finally:
        mapper.shut_down()
