"""smtpdesk's speed, as ratios against a baseline measured the same way on the same machine.

    python bench/run.py [--rounds 20] [--json bench/results.json]

1. One test send (STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) through ``run_test`` vs raw
   smtplib doing the same dialogue with the same message, in this process (goal ≤ 1.15×).
2. ``smtpdesk check`` as a process vs a bare smtplib script doing the same, both started cold.
3. Check-all of 50 accounts spread over 5 servers that delay every reply by 50 ms vs one account
   (goal ≤ 2×: at most ``check_all.PER_SERVER`` connections per server, not one pool for all).
4. The hostile-server suite's scenarios: the worst time past a stage's deadline (goal < 1 s) and
   the growth of the process's peak memory (goal < 50 MB).

The servers run in a child process, as a provider's would. A table is printed; the figures are
saved as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import smtplib
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from functools import partial
from multiprocessing.synchronize import Event as MpEvent
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "Haslo-lodz-1"  # ASCII: smtplib cannot send a non-ASCII password (cpython #73936)
LOGIN = "anna@biuro.test"
RECIPIENT = "klient@example.test"
DELAY_S = 0.05
SERVERS = 5
ACCOUNTS = 50


# -- servers (child process) -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _submission_server(folder: str, ready: Any, stop: MpEvent) -> None:
    """aiosmtpd with STARTTLS and AUTH inside TLS, a trustme CA written to ``folder``."""
    import logging

    import trustme
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    logging.getLogger("mail.log").setLevel(logging.ERROR)
    ca = trustme.CA()
    ca_file = Path(folder) / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 2.0.0 Ok: queued as BENCH"

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False, auth_data=data.login if ok else None)

    port = free_port()  # aiosmtpd's start-up check cannot use port 0
    controller = Controller(
        Handler(),
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        authenticator=authenticator,
    )
    controller.start()
    ready.put({"port": port, "ca_file": str(ca_file)})
    stop.wait()
    controller.stop()


def _slow_servers(count: int, ready: Any, stop: MpEvent) -> None:
    """``count`` plain SMTP servers that answer every command after ``DELAY_S`` seconds."""
    replies = {
        b"EHLO": b"250-slow.test\r\n250-AUTH PLAIN\r\n250 SIZE 10000000\r\n",
        b"AUTH": b"235 2.7.0 Authentication successful\r\n",
        b"MAIL": b"250 2.1.0 Ok\r\n",
        b"RCPT": b"250 2.1.5 Ok\r\n",
        b"RSET": b"250 2.0.0 Ok\r\n",
        b"QUIT": b"221 2.0.0 Bye\r\n",
    }

    async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(DELAY_S)
        writer.write(b"220 slow.test ESMTP\r\n")
        while line := await reader.readline():
            verb = line.split(b" ", 1)[0].strip().upper()
            await asyncio.sleep(DELAY_S)
            writer.write(replies.get(verb, b"502 5.5.2 Unknown\r\n"))
            await writer.drain()
            if verb == b"QUIT":
                break
        writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(session, "127.0.0.1", 0, backlog=200) for _ in range(count)]
        ready.put([s.sockets[0].getsockname()[1] for s in servers])
        while not stop.is_set():
            await asyncio.sleep(0.05)
        for server in servers:
            server.close()

    asyncio.run(main())


class Child:
    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        context = multiprocessing.get_context("spawn")
        self.ready = context.Queue()
        self.stop = context.Event()
        self.process = context.Process(target=target, args=(*args, self.ready, self.stop), daemon=True)
        self.process.start()
        self.info = self.ready.get(timeout=60)

    def close(self) -> None:
        self.stop.set()
        self.process.join(timeout=10)


# -- measurements ----------------------------------------------------------------------------------


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000.0


def bench_send(rounds: int, server: dict[str, Any]) -> dict[str, float]:
    from smtpdesk.core.footer import Footer
    from smtpdesk.core.message import build_test_message
    from smtpdesk.core.model import Security, SmtpAccount
    from smtpdesk.core.smtp.engine import MailTestRequest, run_test

    port, ca_file = server["port"], server["ca_file"]
    message = build_test_message(sender=LOGIN, sender_name="", recipient=RECIPIENT, footer=Footer())
    context = ssl.create_default_context(cafile=ca_file)
    account = SmtpAccount(
        host="127.0.0.1", port=port, username=LOGIN, security=Security.STARTTLS, ca_file=ca_file
    )
    request = MailTestRequest(account, PASSWORD, LOGIN, RECIPIENT, message=message)

    def raw() -> None:
        with smtplib.SMTP("127.0.0.1", port, local_hostname="bench.test", timeout=10) as client:
            client.starttls(context=context)
            client.login(LOGIN, PASSWORD)
            client.sendmail(LOGIN, [RECIPIENT], message)

    def ours() -> None:
        result = run_test(request)
        assert result.ok, result.diagnosis.explanation

    raw()  # warm both: the trust store, the first handshake
    ours()
    raw_times: list[float] = []
    our_times: list[float] = []
    for _ in range(rounds):
        for fn, times in ((raw, raw_times), (ours, our_times)):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
    raw_ms, our_ms = _median_ms(raw_times), _median_ms(our_times)
    # Each pair ran back to back: the median of their ratios shrugs off load that comes and goes.
    paired = statistics.median(ours / raw for ours, raw in zip(our_times, raw_times, strict=True))
    return {"smtplib_ms": raw_ms, "smtpdesk_ms": our_ms, "ratio": paired, "goal": 1.15}


_BARE_SCRIPT = textwrap.dedent(
    """
    import os, smtplib, ssl, sys
    port, ca = int(sys.argv[1]), sys.argv[2]
    message = b"From: anna@biuro.test\\r\\nTo: klient@example.test\\r\\nSubject: test\\r\\n\\r\\nHello\\r\\n"
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.starttls(context=ssl.create_default_context(cafile=ca))
        client.login("anna@biuro.test", os.environ["BENCH_PW"])
        client.sendmail("anna@biuro.test", ["klient@example.test"], message)
    """
)


def bench_cli(rounds: int, server: dict[str, Any]) -> dict[str, float]:
    port, ca_file = str(server["port"]), server["ca_file"]
    env = {**os.environ, "BENCH_PW": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    ours = [sys.executable, "-m", "smtpdesk", "check", "--host", "127.0.0.1", "--port", port, "--user", LOGIN]
    ours += ["--password-env", "BENCH_PW", "--ca-file", ca_file, "--to", RECIPIENT, "--json"]
    bare = [sys.executable, "-c", _BARE_SCRIPT, port, ca_file]

    def timed(command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT, timeout=60)
        return time.perf_counter() - started

    timed(ours), timed(bare)
    our_times, bare_times = [], []
    for _ in range(max(3, rounds // 4)):
        our_times.append(timed(ours))
        bare_times.append(timed(bare))
    our_ms, bare_ms = _median_ms(our_times), _median_ms(bare_times)
    return {"smtplib_script_ms": bare_ms, "smtpdesk_cli_ms": our_ms, "ratio": our_ms / bare_ms}


def bench_check_all(ports: list[int]) -> dict[str, float]:
    from smtpdesk.core.check_all import PER_SERVER, CheckAll, CheckJob
    from smtpdesk.core.model import Security, SmtpAccount

    def job(index: int) -> CheckJob:
        port = ports[index % len(ports)]
        account = SmtpAccount(
            host="127.0.0.1",
            port=port,
            username=f"agent{index}@biuro.test",
            security=Security.NONE,
            allow_plaintext_auth=True,
        )
        return CheckJob(
            job_id=str(index),
            key=f"smtp:employee:{index}",
            label=str(index),
            account=account,
            sender=account.username,
            recipient=account.username,
            check_sender=True,
        )

    def run(jobs: list[CheckJob]) -> float:
        results: list[Any] = []
        runner = CheckAll(jobs, password_for=lambda key: PASSWORD, on_result=lambda j, r: results.append(r))
        started = time.perf_counter()
        runner.start()
        assert runner.wait(120)
        elapsed = time.perf_counter() - started
        assert len(results) == len(jobs) and all(r.ok for r in results), [r.code for r in results if not r.ok]
        return elapsed

    run([job(0)])
    one = statistics.median(run([job(0)]) for _ in range(3))
    many = statistics.median(run([job(i) for i in range(ACCOUNTS)]) for _ in range(3))
    return {
        "one_account_ms": one * 1000,
        "fifty_accounts_ms": many * 1000,
        "ratio": many / one,
        "goal": 2.0,
        "per_server_cap": PER_SERVER,
    }


def bench_hostile() -> dict[str, float]:
    from smtpdesk.core.model import Security, SmtpAccount
    from smtpdesk.core.smtp.engine import Timeouts, run_test
    from tests.core.smtp.test_engine_hostile import _Memory, hostile_handler
    from tests.fixtures.smtp_servers import HOST, RawServer, build_request

    deadline = 2.0
    timeouts = Timeouts(
        connect=deadline, greeting=deadline, command=deadline, data=deadline, probe=0.5, run=8
    )
    scenarios = [
        ("greeting", "silence"),
        ("greeting", "drip"),
        ("ehlo", "drip"),
        ("auth", "drip"),
        ("dot", "drip"),
        ("greeting", "garbage"),
        ("ehlo", "endless"),
        ("greeting", "huge"),
        ("ehlo", "close_mid_reply"),
    ]
    memory = _Memory()
    worst = 0.0
    for at, how in scenarios:
        server = RawServer(hostile_handler(at, how))
        try:
            account = SmtpAccount(
                host=HOST, port=server.port, username=LOGIN, security=Security.NONE, allow_plaintext_auth=True
            )
            request = build_request(account, PASSWORD, timeouts=timeouts, alternative_ports=())
            started = time.perf_counter()
            memory.watch(partial(run_test, request))
            worst = max(worst, time.perf_counter() - started - deadline)
        finally:
            server.stop()
    return {
        "worst_over_deadline_ms": max(worst, 0.0) * 1000,
        "goal_ms": 1000.0,
        "rss_growth_mb": memory.growth / 1024 / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()

    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        submission = Child(_submission_server, folder)
        try:
            figures["send_vs_smtplib"] = bench_send(args.rounds, submission.info)
            figures["cli_vs_smtplib_script"] = bench_cli(args.rounds, submission.info)
        finally:
            submission.close()
    slow = Child(_slow_servers, SERVERS)
    try:
        figures["check_all_50_over_5_slow_servers"] = bench_check_all(slow.info)
    finally:
        slow.close()
    figures["hostile_suite"] = bench_hostile()

    print(f"{'benchmark':<36} {'figure':>10}  {'goal':>8}  details")
    for name, values in figures.items():
        if "ratio" in values:
            figure, goal = f"{values['ratio']:.2f}×", f"≤ {values['goal']:.2f}×" if "goal" in values else "—"
        else:
            figure, goal = f"{values['worst_over_deadline_ms']:.0f} ms", f"< {values['goal_ms']:.0f} ms"
        details = ", ".join(
            f"{k}={v:.1f}" for k, v in values.items() if k not in ("ratio", "goal", "goal_ms")
        )
        print(f"{name:<36} {figure:>10}  {goal:>8}  {details}")
    Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nsaved: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
