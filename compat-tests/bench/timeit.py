#!/usr/bin/env python3
"""Times two commands alternately on the same state: wall, user, sys and
peak RSS of each run (from wait4's rusage), medians and the median of the
per-pair wall ratios. Usage: timeit.py LABEL RUNS -- CMD_A... -- CMD_B..."""
import os, sys, time, statistics

def run(cmd):
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        try:
            os.execv(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}")
    return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss

def main():
    label, runs = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    i = rest.index("--", 1)
    a, b = rest[1:i], rest[i + 1:]
    ra, rb, ratios = [], [], []
    for _ in range(3):
        run(a); run(b)
    for _ in range(runs):
        x = run(a); y = run(b)
        ra.append(x); rb.append(y); ratios.append(y[0] / x[0])
    def med(rs, k): return statistics.median(r[k] for r in rs)
    print(f"{label}: iproute2 wall {med(ra,0)*1000:.2f} ms user {med(ra,1)*1000:.2f} ms sys {med(ra,2)*1000:.2f} ms maxrss {med(ra,3)/1024:.1f} MB"
          f" | rip wall {med(rb,0)*1000:.2f} ms user {med(rb,1)*1000:.2f} ms sys {med(rb,2)*1000:.2f} ms maxrss {med(rb,3)/1024:.1f} MB"
          f" | rip/iproute2 wall ratio (median of pairs) {statistics.median(ratios):.2f}")

main()
