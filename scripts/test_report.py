"""Sum up a `make test` run: Odoo's install-time tests and pytest's.

Prints every problem, then one line ``N passed, N failed`` and exits non-zero
when a test failed or errored, no test ran, a test was skipped (browser tests
skip silently when Chromium or websocket-client is missing), either runner
exited non-zero, the upgrade a second `make run` does failed or changed
data (scripts/upgrade_snapshot.py), or a log (install, upgrade, pytest) has
a WARNING/ERROR/CRITICAL line that no entry of the allow-list explains.
"""

import argparse
import re
import sys
from pathlib import Path

ODOO_LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) (.*)$"
)
ODOO_RESULT = re.compile(
    r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database"
)
ODOO_SKIP = re.compile(r"^\S+ \S+ \d+ INFO \S+ \S+: skipped ")
PYTEST_LOG_LINE = re.compile(r"^(WARNING|ERROR|CRITICAL)\s+(\S.*)$")
PYTEST_SUMMARY = re.compile(r"^=+ (.*) in [\d.]+s.*=+$")
PYTEST_COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)")


def load_allowlist(path):
    """Each entry: a regular expression, then `  # why it is harmless`."""
    patterns = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, sep, why = line.partition("  # ")
        if not sep or not why.strip():
            sys.exit(f"allow-list entry without a reason: {line}")
        patterns.append(re.compile(pattern.strip()))
    return patterns


def unexplained(lines, allowlist):
    return [line for line in lines if not any(p.search(line) for p in allowlist)]


def odoo_counts(text, problems):
    results = ODOO_RESULT.findall(text)
    if not results:
        problems.append("install log: no test result line (did Odoo start?)")
        return 0, 0, 0
    failed, errors, run = (int(g) for g in results[-1])
    skipped = sum(1 for line in text.splitlines() if ODOO_SKIP.match(line))
    return run - failed - errors - skipped, failed + errors, skipped


def pytest_counts(text, problems):
    summaries = [m.group(1) for m in map(PYTEST_SUMMARY.match, text.splitlines()) if m]
    if not summaries:
        problems.append("pytest log: no summary line")
        return 0, 0, 0
    counts = {}
    for number, kind in PYTEST_COUNT.findall(summaries[-1]):
        kind = "error" if kind.startswith("error") else kind
        counts[kind] = int(number)
    failed = sum(counts.get(kind, 0) for kind in ("failed", "error", "xpassed"))
    return counts.get("passed", 0), failed, counts.get("skipped", 0)


def read_log(path):
    """The text of a log, empty when the step has none."""
    return Path(path).read_text(encoding="utf-8", errors="replace") if path else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--install-log", help="none for pytest alone")
    parser.add_argument("--install-rc", type=int, default=0)
    parser.add_argument("--pytest-log", help="none for Odoo's own tests alone")
    parser.add_argument("--pytest-rc", type=int, default=0)
    parser.add_argument(
        "--upgrade-log", help="log of the upgrade a second `make run` does"
    )
    parser.add_argument("--upgrade-rc", type=int, default=0)
    parser.add_argument(
        "--setup-log", help="log of a step that prepares the test database"
    )
    parser.add_argument("--setup-rc", type=int, default=0)
    parser.add_argument("--allowlist", required=True)
    args = parser.parse_args()

    allowlist = load_allowlist(args.allowlist)
    problems = []
    install, pytest_out = read_log(args.install_log), read_log(args.pytest_log)
    setup = read_log(args.setup_log)
    if args.setup_rc:
        problems.append(f"preparing the database exited with {args.setup_rc}")

    upgrade = ""
    if args.upgrade_log:
        upgrade = Path(args.upgrade_log).read_text(encoding="utf-8", errors="replace")
        # scripts/upgrade_snapshot.py: the marker, then one line a difference.
        changed = upgrade.partition("data changed by the upgrade:")[2]
        changed = changed.partition("difference(s) after the upgrade")[0]
        changed = changed.rpartition("\n")[0]  # not the count
        if changed:
            problems.append(
                "the upgrade a second `make run` does changed the data:"
                + changed.rstrip()
            )
        if args.upgrade_rc:
            problems.append(
                f"the upgrade a second `make run` does exited with {args.upgrade_rc}"
            )

    o_pass, o_fail, o_skip = (
        odoo_counts(install, problems) if args.install_log else (0, 0, 0)
    )
    p_pass, p_fail, p_skip = (
        pytest_counts(pytest_out, problems) if args.pytest_log else (0, 0, 0)
    )
    passed, failed, skipped = o_pass + p_pass, o_fail + p_fail, o_skip + p_skip

    logged = [
        m.group(0)
        for text in (setup, install, upgrade, pytest_out)
        for pattern in (ODOO_LOG_LINE, PYTEST_LOG_LINE)
        for m in map(pattern.match, text.splitlines())
        if m
    ]
    for line in unexplained(logged, allowlist):
        problems.append(f"log line not on the allow-list: {line[:300]}")
    if args.install_rc:
        problems.append(f"odoo exited with {args.install_rc}")
    if args.pytest_rc not in (0, 1):
        problems.append(f"pytest exited with {args.pytest_rc}")
    if skipped:
        problems.append(f"{skipped} test(s) skipped: every test must run")
    if passed + failed == 0:
        problems.append("no test ran")

    out = sys.stdout
    for label, log, counts in (
        ("install-time tests", args.install_log, (o_pass, o_fail, o_skip)),
        ("pytest", args.pytest_log, (p_pass, p_fail, p_skip)),
    ):
        if log:
            out.write("{}: {} passed, {} failed, {} skipped\n".format(label, *counts))
    for problem in problems:
        out.write(f"PROBLEM: {problem}\n")
    out.write(f"{passed} passed, {failed} failed\n")
    return 1 if problems or failed else 0


if __name__ == "__main__":
    sys.exit(main())
