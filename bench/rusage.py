"""Runs a command and prints its CPU seconds (user+sys), wall seconds and peak
RSS in MiB, from the kernel's own accounting of the finished child (wait4):
microsecond resolution, where GNU time rounds to 10 ms."""

import os
import sys
import time

start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(f"{usage.ru_utime + usage.ru_stime:.6f} {wall:.6f} {usage.ru_maxrss / 1024:.1f} {os.waitstatus_to_exitcode(status)}")
