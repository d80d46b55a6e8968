"""Every XML file of the repository parses; exits non-zero otherwise."""

import subprocess
import sys

from lxml import etree


def main():
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.xml"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    bad = 0
    for path in files:
        try:
            etree.parse(path)
        except etree.XMLSyntaxError as err:
            bad += 1
            sys.stderr.write(f"{path}: {err}\n")
    sys.stdout.write(f"{len(files)} XML files checked, {bad} not well-formed\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
