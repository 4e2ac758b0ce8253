#!/usr/bin/env python3
"""CPU per thread group of a running JVM (or any process), every INTERVAL seconds, until it exits.

    bench/thread-cpu.py PID [INTERVAL]        # default 0.5 s; Linux only (reads /proc/PID/task)

Prints one line per interval, stamped in UTC to read beside a benchmark's --timeline and the server's
log: the milliseconds of CPU each group of threads used in it, largest first. Threads are grouped by
name without their trailing number ("vert.x-eventloop-thread-0" and "-1" together, "C2 CompilerThread0"
as "C2 CompilerThre"; Linux keeps 15 characters of a name). Shows what competes with serving while a
publish or an impact run is under way: the rules threads, the collector, the JIT's compiler threads.
Prints figures; asserts nothing.
"""
import collections
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def sample(pid):
    groups = collections.Counter()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        groups[re.sub(r"[-#]?\d+$", "N", name)] += int(fields[11]) + int(fields[12])  # utime + stime
    return groups


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: bench/thread-cpu.py PID [INTERVAL]")
    pid, interval = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    before = sample(pid)
    while True:
        time.sleep(interval)
        try:
            now = sample(pid)
        except FileNotFoundError:
            return  # the process ended
        used = {g: (now[g] - before.get(g, 0)) * 1000 // TICKS for g in now}
        before = now
        stamp = time.strftime("%H:%M:%S", time.gmtime()) + f".{int(time.time() * 10) % 10}"
        busy = sorted(((ms, g) for g, ms in used.items() if ms > 0), reverse=True)
        print(stamp, " ".join(f"{g}={ms}" for ms, g in busy), flush=True)


if __name__ == "__main__":
    main()
