#!/usr/bin/env python3
"""Times two commands alternately on the same state: wall, user, sys and
peak RSS of each run (from wait4's rusage), medians and the median of the
per-pair wall ratios. Usage: timeit.py LABEL RUNS -- CMD_A... -- CMD_B..."""
import os, sys, time, statistics

def spawn(cmd):
    """Wall time and CPU of the command alone (posix_spawn, no wrapper)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}")
    return wall, ru.ru_utime, ru.ru_stime

def run(cmd):
    """Peak RSS through /usr/bin/time (a process started from Python would
    report Python's RSS: Linux keeps the pre-exec high-water mark)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    r, w = os.pipe()
    argv = ["/usr/bin/time", "-f", "%M"] + cmd
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                       (os.POSIX_SPAWN_DUP2, w, 2)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(w)
    err = os.read(r, 65536).decode().strip().splitlines()
    os.close(r)
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}: {err}")
    return wall, ru.ru_utime, ru.ru_stime, int(err[-1])

def main():
    label, runs = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    i = rest.index("--", 1)
    a, b = rest[1:i], rest[i + 1:]
    ra, rb, ratios = [], [], []
    for _ in range(3):
        spawn(a); spawn(b)
    for _ in range(runs):
        x = spawn(a); y = spawn(b)
        ra.append(x); rb.append(y); ratios.append(y[0] / x[0])
    ma = [run(a)[3] for _ in range(3)]
    mb = [run(b)[3] for _ in range(3)]
    ra = [r + (statistics.median(ma),) for r in ra]
    rb = [r + (statistics.median(mb),) for r in rb]
    def med(rs, k): return statistics.median(r[k] for r in rs)
    print(f"{label}: iproute2 wall {med(ra,0)*1000:.2f} ms user {med(ra,1)*1000:.2f} ms sys {med(ra,2)*1000:.2f} ms maxrss {med(ra,3)/1024:.1f} MB"
          f" | rip wall {med(rb,0)*1000:.2f} ms user {med(rb,1)*1000:.2f} ms sys {med(rb,2)*1000:.2f} ms maxrss {med(rb,3)/1024:.1f} MB"
          f" | rip/iproute2 wall ratio (median of pairs) {statistics.median(ratios):.2f}")

main()
