#!/usr/bin/python3 -IS
# The container agent of the local Modal protocol server: the first process inside a
# sandbox's bubblewrap namespaces. Modal runs every exec of a sandbox inside one container
# (one PID namespace, one /dev/pts, one filesystem); this agent is what makes that true
# here. It starts commands on request and streams their output, as JSON lines:
#   in  (fd 0): {"op":"exec","id","argv","env","cwd","pty":{"rows","cols"}|null,"timeout":s|null}
#               {"op":"stdin","id","data":<base64>,"eof":bool}
#               {"op":"pause"|"resume","id"}   flow control: stop/start reading that command's output
#   out (fd 1): {"ev":"out","id","fd":1|2,"data":<base64>}  {"ev":"exit","id","code","signal"}
import base64, errno, fcntl, json, os, pty, selectors, signal, struct, sys, termios, time

sel = selectors.DefaultSelector()
procs = {}  # id -> dict(pid, fds{fd: 1|2}, stdin fd, pty bool, status, deadline)
out = sys.stdout.buffer

def emit(event):
    out.write(json.dumps(event).encode() + b"\n")
    out.flush()

def set_nonblocking(fd):
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)

def start(msg):
    pid_key = msg["id"]
    env = msg.get("env") or {}
    cwd = msg.get("cwd") or "/"
    argv = msg["argv"]
    info = {"fds": {}, "stdin": None, "status": None, "deadline": None, "pty": bool(msg.get("pty"))}
    if msg.get("timeout"):
        info["deadline"] = time.monotonic() + msg["timeout"]
    if info["pty"]:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", msg["pty"]["rows"], msg["pty"]["cols"], 0, 0))
        pid = os.fork()
        if pid == 0:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            if slave > 2:
                os.close(slave)
            child_exec(argv, env, cwd)
        os.close(slave)
        set_nonblocking(master)
        info["fds"][master] = 1
        info["stdin"] = master
    else:
        stdin_r, stdin_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.setsid()
            os.dup2(stdin_r, 0)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in (stdin_r, stdin_w, out_r, out_w, err_r, err_w):
                os.close(fd)
            child_exec(argv, env, cwd)
        for fd in (stdin_r, out_w, err_w):
            os.close(fd)
        for fd, number in ((out_r, 1), (err_r, 2)):
            set_nonblocking(fd)
            info["fds"][fd] = number
        info["stdin"] = stdin_w
    info["pid"] = pid
    info["paused"] = False
    procs[pid_key] = info
    for fd in info["fds"]:
        sel.register(fd, selectors.EVENT_READ, ("out", pid_key))

def flow(msg, paused):
    info = procs.get(msg["id"])
    if info is None or info["paused"] == paused:
        return
    info["paused"] = paused
    for fd in info["fds"]:
        if paused:
            sel.unregister(fd)
        else:
            sel.register(fd, selectors.EVENT_READ, ("out", msg["id"]))

def child_exec(argv, env, cwd):
    try:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.chdir(cwd)
        os.execvpe(argv[0], argv, env)
    except OSError as error:
        os.write(2, f"modal exec: {argv[0]}: {error.strerror}\n".encode())
        os._exit(126 if error.errno == errno.EACCES else 127)

def write_stdin(msg):
    info = procs.get(msg["id"])
    if info is None or info["stdin"] is None:
        return
    data = base64.b64decode(msg.get("data") or "")
    try:
        if data:
            # Blocking write: stdin chunks are small (≤ 256 KiB) and the command is reading.
            fcntl.fcntl(info["stdin"], fcntl.F_SETFL, fcntl.fcntl(info["stdin"], fcntl.F_GETFL) & ~os.O_NONBLOCK)
            view = memoryview(data)
            while view:
                view = view[os.write(info["stdin"], view):]
            if info["pty"]:
                set_nonblocking(info["stdin"])
    except OSError:
        pass
    if msg.get("eof") and not info["pty"]:
        os.close(info["stdin"])
        info["stdin"] = None

def read_output(key, fd):
    info = procs[key]
    try:
        data = os.read(fd, 65536)
    except BlockingIOError:
        return
    except OSError:
        data = b""  # EIO: the terminal's last process went away
    if data:
        emit({"ev": "out", "id": key, "fd": info["fds"][fd], "data": base64.b64encode(data).decode()})
        return
    if not info["paused"]:
        sel.unregister(fd)
    del info["fds"][fd]
    if info["pty"]:
        info["stdin"] = None
    os.close(fd)
    finish_if_done(key)

def finish_if_done(key):
    # Called after every read and every reap: the exit may already have been reported (a PTY's
    # drain in reap() reads to EOF, which reports it, before reap() itself asks again).
    info = procs.get(key)
    if info is None or info["status"] is None or info["fds"]:
        return
    if info["stdin"] is not None:
        os.close(info["stdin"])
    status = info["status"]
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    emit({"ev": "exit", "id": key, "code": code, "signal": sig})
    del procs[key]

def reap():
    for key, info in list(procs.items()):
        if info["status"] is not None:
            continue
        try:
            pid, status = os.waitpid(info["pid"], os.WNOHANG)
        except ChildProcessError:
            pid, status = info["pid"], 0
        if pid:
            info["status"] = status
            if info["pty"] and not info["paused"]:
                # Nothing else writes to a terminal whose shell ended; drain what is buffered.
                for fd in list(info["fds"]):
                    read_output(key, fd)
            finish_if_done(key)

def enforce_deadlines():
    now = time.monotonic()
    for info in procs.values():
        if info["deadline"] is not None and now >= info["deadline"] and info["status"] is None:
            info["deadline"] = None
            try:
                os.killpg(info["pid"], signal.SIGKILL)
            except OSError:
                pass

def main():
    wake_r, wake_w = os.pipe()
    set_nonblocking(wake_r)
    set_nonblocking(wake_w)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    sel.register(wake_r, selectors.EVENT_READ, ("wake", None))
    sel.register(0, selectors.EVENT_READ, ("in", None))
    pending = b""
    emit({"ev": "ready"})
    while True:
        for key, _ in sel.select(timeout=0.2):
            kind, ident = key.data
            if kind == "wake":
                try:
                    os.read(wake_r, 4096)
                except BlockingIOError:
                    pass
            elif kind == "in":
                chunk = os.read(0, 1 << 20)
                if not chunk:
                    return  # the server went away: the sandbox ends with it
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    msg = json.loads(line)
                    if msg["op"] == "exec":
                        start(msg)
                    elif msg["op"] == "stdin":
                        write_stdin(msg)
                    elif msg["op"] in ("pause", "resume"):
                        flow(msg, msg["op"] == "pause")
            else:
                if ident in procs:
                    read_output(ident, key.fd)
        reap()
        enforce_deadlines()

main()
