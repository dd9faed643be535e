"""Headless Chromium driven over the Chrome DevTools Protocol, with the standard library only.

Chromium's ``--remote-debugging-pipe`` speaks the protocol on file descriptors 3 (commands in)
and 4 (replies and events out), one JSON message per NUL-terminated frame: no websocket, no
port, no client library. ``os.posix_spawn`` puts the two pipes on those numbers in the child.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import time
from pathlib import Path
from typing import Any

#: Flags for a quiet, self-contained browser: no GPU, no first-run work, and none of the
#: background requests Chromium makes on its own (updates, sync, field trials).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: The events kept for :meth:`Browser.wait_event` (requests are recorded apart).
WAITED_EVENTS = frozenset({"Page.loadEventFired"})

#: Names Chromium is installed under (Debian's package first).
EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class CdpError(RuntimeError):
    """The browser answered a command with an error, went away, or did not answer in time."""


def find_chromium() -> str | None:
    for name in EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high_fd(fd: int) -> int:
    """``fd`` moved to a number above 10, so the child's dup2 onto 3 and 4 cannot clobber it."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium with a fresh profile; pages are driven through :class:`Page`."""

    def __init__(self, executable: str, profile: Path, log: Path, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.log = log
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        #: Every URL each page (by session) asked for, in order.
        self.requests: dict[str, list[str]] = {}
        commands_r, commands_w = (_high_fd(fd) for fd in os.pipe())
        replies_r, replies_w = (_high_fd(fd) for fd in os.pipe())
        log_fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        null_fd = os.open(os.devnull, os.O_RDONLY)
        argv = [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"]
        try:
            self.pid = os.posix_spawn(
                executable,
                argv,
                dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, null_fd, 0),
                    (os.POSIX_SPAWN_DUP2, log_fd, 1),
                    (os.POSIX_SPAWN_DUP2, log_fd, 2),
                    (os.POSIX_SPAWN_DUP2, commands_r, 3),
                    (os.POSIX_SPAWN_DUP2, replies_w, 4),
                ],
                setsid=True,
            )
        finally:
            for fd in (commands_r, replies_w, log_fd, null_fd):
                os.close(fd)
        self._out = commands_w
        self._in = replies_r

    def close(self) -> None:
        """End the browser and its child processes (its own process group)."""
        try:
            self.send("Browser.close", timeout=5)
        except CdpError:
            pass
        deadline = time.monotonic() + 5
        exited = False
        while not exited and time.monotonic() < deadline:
            exited = os.waitpid(self.pid, os.WNOHANG)[0] != 0
            if not exited:
                time.sleep(0.05)
        if not exited:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        # Its helper processes (renderers, zygote) are in the group it leads.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self._out)
        os.close(self._in)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # The protocol: commands with ids, replies by id, events in between.

    def _read_message(self, deadline: float) -> dict[str, Any] | None:
        """The next message, or None when ``deadline`` passes first."""
        while b"\0" not in self._buffer:
            left = max(0.0, deadline - time.monotonic())
            if not select.select([self._in], [], [], left)[0]:
                return None
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise CdpError(f"the browser went away (log: {self.log})")
            self._buffer += chunk
        frame, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(frame)
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            self.requests.setdefault(message.get("sessionId", ""), []).append(url)
        elif message.get("method") in WAITED_EVENTS:
            self._events.append(message)
        return message

    def _next(self, deadline: float, what: str) -> dict[str, Any]:
        message = self._read_message(deadline)
        if message is None:
            raise CdpError(f"no {what} from the browser in time (log: {self.log})")
        return message

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            reply = self._next(deadline, f"answer to {method}")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def wait_event(self, method: str, session: str, timeout: float | None = None) -> None:
        """Wait for (and take) the next ``method`` event of ``session``."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            for index, event in enumerate(self._events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self._events[index]
                    return
            self._next(deadline, method)

    def forget(self, session: str) -> None:
        """Drop the kept events of ``session`` (before a navigation, so none is stale)."""
        self._events = [e for e in self._events if e.get("sessionId") != session]

    def drain(self, seconds: float) -> None:
        """Read what the browser sends for ``seconds`` (requests a page makes after loading)."""
        deadline = time.monotonic() + seconds
        while self._read_message(deadline) is not None:
            pass

    def new_page(self, width: int, height: int) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, target, session["sessionId"])
        for domain in ("Page", "Runtime", "Network"):
            page.send(f"{domain}.enable")
        page.resize(width, height)
        return page


class Page:
    """One tab: navigate, evaluate, and the requests it made."""

    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})

    @property
    def requests(self) -> list[str]:
        """Every URL this page asked for so far."""
        self.browser.drain(0)
        return list(self.browser.requests.get(self.session, []))

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def resize(self, width: int, height: int) -> None:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self.send("Emulation.setDeviceMetricsOverride", metrics)

    def _loaded(self) -> None:
        """After the load event, wait for the page's fonts: then its layout is final."""
        self.browser.wait_event("Page.loadEventFired", self.session)
        self.evaluate("document.fonts.ready.then(() => true)")

    def goto(self, url: str) -> None:
        self.browser.forget(self.session)
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise CdpError(f"{url}: {reply['errorText']}")
        self._loaded()

    def click_and_wait(self, selector: str) -> None:
        """Click the element (as a user does: the theme's own click handlers run), then wait
        for the page it leads to."""
        self.browser.forget(self.session)
        found = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " if (!el) return false; el.click(); return true; })()"
        )
        if not found:
            raise CdpError(f"nothing matches {selector!r} on {self.url}")
        self._loaded()

    @property
    def url(self) -> str:
        value: str = self.evaluate("location.href")
        return value

    def evaluate(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in reply:
            raise CdpError(f"{expression[:80]}...: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
