"""A real SMTP server on this machine for the email delivery tests (aiosmtpd).

    python e2e/tools/smtp_sink.py PORT DIRECTORY

Listens on 127.0.0.1:PORT, offers no TLS (so STARTTLS is tried and skipped) and writes each message it accepts to
DIRECTORY as <n>.eml, with the envelope in <n>.json. Prints "ready" once it accepts connections, and runs until its
standard input closes (so it never outlives the test that started it) or it is killed.
"""
import asyncio
import json
import pathlib
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory: pathlib.Path):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = self.directory / f"{time.time_ns()}-{self.count}"
        stem.with_suffix(".eml").write_bytes(envelope.original_content or envelope.content)
        stem.with_suffix(".json").write_text(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos}))
        return "250 Message accepted for delivery"


def main():
    port, directory = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    directory.mkdir(parents=True, exist_ok=True)
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
