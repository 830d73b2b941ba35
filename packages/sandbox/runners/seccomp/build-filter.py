#!/usr/bin/python3
"""Builds the sandbox's seccomp filter (classic BPF) with Debian's python3-seccomp.

Usage: build-filter.py OUTPUT_FILE

The local provider runs this at start-up and hands the result to bwrap (--seccomp FD), so
the filter is always built from this committed source by the libseccomp on the host — no
binary blob is shipped. Default action is ALLOW: the namespaces, the unprivileged uid and
the cgroups do the containing; this filter removes the kernel surface that sandbox escapes
and cross-process snooping usually go through.
"""
import errno
import sys

import seccomp

# Syscalls no candidate program needs; EPERM makes runtimes fail politely instead of dying.
DENIED_WITH_EPERM = [
    # debugging and reading other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # kernel keyrings, BPF, perf, userfaultfd, io_uring: large attack surface
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    # mounts and namespaces
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen",
    "fsconfig", "fsmount", "fspick", "mount_setattr", "unshare", "setns",
    # kernel and system administration
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "syslog", "acct", "quotactl", "quotactl_fd",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname",
    "setdomainname", "iopl", "ioperm", "lookup_dcookie", "nfsservctl", "vhangup",
    "open_by_handle_at", "name_to_handle_at",
    "fanotify_init",
]

CLONE_NAMESPACE_FLAGS = (
    0x00020000,  # CLONE_NEWNS
    0x02000000,  # CLONE_NEWCGROUP
    0x04000000,  # CLONE_NEWUTS
    0x08000000,  # CLONE_NEWIPC
    0x10000000,  # CLONE_NEWUSER
    0x20000000,  # CLONE_NEWPID
    0x40000000,  # CLONE_NEWNET
)
TIOCSTI = 0x5412  # inject input into a terminal
TIOCLINUX = 0x541C


def build() -> seccomp.SyscallFilter:
    # Only the native ABI is added: libseccomp then kills any other ABI (32-bit x86, x32).
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    f.set_attr(seccomp.Attr.CTL_NNP, 0)  # bwrap and setpriv already set no_new_privs
    for name in DENIED_WITH_EPERM:
        try:
            f.add_rule(seccomp.ERRNO(errno.EPERM), name)
        except (RuntimeError, ValueError):
            pass  # syscall unknown on this architecture
    # clone3 passes flags in memory that seccomp cannot inspect: ENOSYS makes libc fall back to clone.
    f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    # One rule per flag: a rule matches only when all its argument comparisons hold.
    for flag in CLONE_NAMESPACE_FLAGS:
        f.add_rule(seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    for request in (TIOCSTI, TIOCLINUX):
        f.add_rule(seccomp.ERRNO(errno.EPERM), "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, request))
    return f


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build-filter.py OUTPUT_FILE")
    with open(sys.argv[1], "wb") as out:
        build().export_bpf(out)
