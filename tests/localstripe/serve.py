"""Runs localstripe for tests/localstripe.rs: in memory, on 127.0.0.1 only.

    python serve.py [PORT]     # PORT 0 (the default) picks a free one

Prints the port it listens on as the first line of stdout, then serves until it is killed or
its standard input closes (so it never outlives the test that started it).

Differences from `localstripe --from-scratch`: its start() binds `::` (every interface) and its
store pickles itself to /tmp/localstripe.pickle on every write; here nothing is read from or
written to disk, and only the loopback address is bound.
"""

import asyncio
import os
import sys
import threading

from aiohttp import web
from localstripe import resources
from localstripe.server import app


def no_disk(*_args, **_kwargs):
    return None


# Store.__setitem__/__delitem__ and the server's save middleware all call dump_to_disk().
resources.Store.dump_to_disk = no_disk
resources.Store.try_load_from_disk = no_disk


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


async def main(port):
    runner = web.AppRunner(app, handle_signals=True)
    await runner.setup()
    site = web.TCPSite(runner, host="127.0.0.1", port=port)
    await site.start()
    bound = runner.addresses[0][1]
    sys.stdout.write(f"{bound}\n")
    sys.stdout.flush()
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(main(port))
