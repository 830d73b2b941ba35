"""pytest plugin: streams one JSON object per line to $INTERVIEWLM_RESULTS.

  {"event": "test", "nodeid", "file", "name", "status", "durationMs", "message", "details", "output"}
  {"event": "collect_error", "nodeid", "message"}
  {"event": "end", "exitstatus"}

Lines are written as each test finishes, so a run cut short by a timeout still reports the
tests that completed. Parsed by src/results/test-events.ts.
"""
import json
import os

MAX_TEXT = 64 * 1024
_out = None
_pending = {}


def _clip(text):
    if text is None:
        return None
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "\n... [truncated]"


def _emit(record):
    _out.write(json.dumps(record) + "\n")
    _out.flush()


def pytest_configure(config):
    global _out
    target = os.environ.get("INTERVIEWLM_RESULTS", "/dev/fd/3")
    if target.startswith("/dev/fd/"):
        fd = int(target[len("/dev/fd/"):])
        # Move the results pipe off the well-known descriptor before candidate code loads.
        moved = os.dup(fd)
        os.close(fd)
        _out = os.fdopen(moved, "w", encoding="utf-8")
    else:
        _out = open(target, "w", encoding="utf-8")


def pytest_collectreport(report):
    if report.failed:
        _emit({"event": "collect_error", "nodeid": report.nodeid, "message": _clip(report.longreprtext)})


def pytest_runtest_logreport(report):
    entry = _pending.setdefault(report.nodeid, {"status": "passed", "duration": 0.0, "message": None,
                                                "details": None, "output": ""})
    entry["duration"] += report.duration
    # Each phase's report carries everything captured so far for this test.
    entry["output"] = (report.capstdout or "") + (report.capstderr or "")
    if report.skipped and entry["status"] == "passed":
        entry["status"] = "skipped"
        if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
            entry["message"] = str(report.longrepr[2])
    elif report.failed:
        entry["status"] = "failed" if report.when == "call" else "error"
        crash = getattr(report.longrepr, "reprcrash", None)
        entry["message"] = crash.message if crash is not None else report.longreprtext.splitlines()[-1:][0] if report.longreprtext else None
        entry["details"] = report.longreprtext


def pytest_runtest_logfinish(nodeid, location):
    entry = _pending.pop(nodeid, None)
    if entry is None:
        return
    parts = nodeid.split("::")
    _emit({
        "event": "test",
        "nodeid": nodeid,
        "file": parts[0],
        "name": " > ".join(parts[1:]) or nodeid,
        "status": entry["status"],
        "durationMs": round(entry["duration"] * 1000, 3),
        "message": _clip(entry["message"]),
        "details": _clip(entry["details"]),
        "output": _clip(entry["output"]),
    })


def pytest_sessionfinish(session, exitstatus):
    if _out is not None:
        _emit({"event": "end", "exitstatus": int(exitstatus)})
