"""The one way work leaves the GUI thread: results arrive on the GUI thread in order, nothing
reaches a closed channel, and a defect ends a task with ``None`` in the log instead of a hang."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread

from smtpdesk.ui import background

WAIT_MS = 5000


def test_posts_from_many_threads_arrive_on_the_gui_thread_in_order(qtbot):
    received: list[tuple[int, int]] = []
    threads: set[object] = set()

    def handler(value: tuple[int, int]) -> None:
        received.append(value)
        threads.add(QThread.currentThread())

    channel = background.open_channel(handler)
    per_thread = 2500
    workers = [
        threading.Thread(target=lambda n=n: [background.post(channel, (n, i)) for i in range(per_thread)])
        for n in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=WAIT_MS / 1000)
    qtbot.waitUntil(lambda: len(received) == 4 * per_thread, timeout=WAIT_MS)
    background.close_channel(channel)

    assert threads == {QThread.currentThread()}
    for n in range(4):
        assert [i for m, i in received if m == n] == list(range(per_thread))


def test_a_closed_channel_drops_what_is_still_queued(qtbot):
    received: list[object] = []
    channel = background.open_channel(received.append)
    background.post(channel, "late")
    background.close_channel(channel)
    marker: list[object] = []
    other = background.open_channel(marker.append)
    background.post(other, "after")
    qtbot.waitUntil(lambda: marker == ["after"], timeout=WAIT_MS)
    background.close_channel(other)
    assert received == []


def test_a_task_reports_progress_and_its_result(qtbot):
    progress: list[object] = []
    done: list[object] = []
    on_thread: list[str] = []

    def work(report) -> str:
        on_thread.append(threading.current_thread().name)
        for step in range(3):
            report(step)
        return "wynik"

    task = background.BackgroundTask(work, on_progress=progress.append, on_done=done.append, name="t-1")
    task.start()
    qtbot.waitUntil(lambda: task.delivered, timeout=WAIT_MS)
    assert progress == [0, 1, 2] and done == ["wynik"]
    assert on_thread == ["t-1"]
    assert task not in background.running()


def test_a_defect_ends_the_task_with_none_and_a_logged_traceback(qtbot, caplog):
    done: list[object] = []

    def work(report) -> str:
        raise RuntimeError("zepsute")

    task = background.BackgroundTask(work, on_done=done.append)
    task.start()
    qtbot.waitUntil(lambda: task.delivered, timeout=WAIT_MS)
    assert done == [None]
    assert "RuntimeError: zepsute" in caplog.text


def test_cancel_all_stops_running_work_and_delivers_its_end(qtbot):
    stop = threading.Event()
    done: list[object] = []

    def work(report) -> str:
        stop.wait(30)
        return "przerwano" if stop.is_set() else "czas minął"

    tasks = [background.BackgroundTask(work, on_done=done.append, on_cancel=stop.set) for _ in range(3)]
    for task in tasks:
        task.start()
    assert all(task in background.running() for task in tasks)

    assert background.cancel_all(wait_s=2)

    assert done == ["przerwano"] * 3  # delivered by cancel_all itself, before the program goes on
    assert background.running() == ()


def test_a_receiver_deleted_before_the_result_is_never_called(qtbot):
    class Receiver(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.calls = 0
            self.channel = background.open_channel(self.got)
            self.destroyed.connect(lambda *_: None)

        def got(self, _value: object) -> None:
            self.calls += 1

    receiver = Receiver()
    channel = receiver.channel
    release = threading.Event()

    def work(report) -> None:
        release.wait(5)
        background.post(channel, "za późno")

    task = background.BackgroundTask(work)
    task.start()
    background.close_channel(channel)  # what a window does when it goes away
    receiver.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: task.delivered, timeout=WAIT_MS)
    assert receiver.calls == 0


# -- run_task: one blocking call, its result or its exception to bound methods --------------------


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[object] = []

    def done(self, value: object) -> None:
        self.results.append(value)
        self.threads.append(QThread.currentThread())

    def failed(self, error: BaseException) -> None:
        self.errors.append(error)


def test_run_task_delivers_the_result_on_the_gui_thread(qtbot):
    receiver = _Receiver()
    ran_on: list[str] = []

    def func() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    background.run_task(func, receiver.done, receiver.failed, name="task-42")
    qtbot.waitUntil(lambda: receiver.results == [42], timeout=WAIT_MS)
    assert ran_on == ["task-42"] and receiver.threads == [QThread.currentThread()]
    assert receiver.errors == []


def test_run_task_hands_the_exception_to_failed(qtbot):
    receiver = _Receiver()

    def func() -> int:
        raise OSError("baza danych nie odpowiada")

    background.run_task(func, receiver.done, receiver.failed)
    qtbot.waitUntil(lambda: len(receiver.errors) == 1, timeout=WAIT_MS)
    assert isinstance(receiver.errors[0], OSError) and receiver.results == []


def test_run_task_does_not_call_a_receiver_that_is_gone(qtbot):
    receiver = _Receiver()
    release = threading.Event()
    finished = threading.Event()

    def func() -> str:
        release.wait(5)
        finished.set()
        return "za późno"

    background.run_task(func, receiver.done, receiver.failed)
    calls = receiver.results
    del receiver  # the only reference: the weakly held methods die with it
    release.set()
    assert finished.wait(5)
    marker: list[object] = []
    channel = background.open_channel(marker.append)
    background.post(channel, "after")  # queued behind the task's result
    qtbot.waitUntil(lambda: marker == ["after"], timeout=WAIT_MS)
    background.close_channel(channel)
    assert calls == []
