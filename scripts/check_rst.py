"""Odoo renders each module's README.rst as its description and logs
docutils' complaints as warnings: check them the same way.

    check_rst.py FILE...
"""

import sys

import docutils.core


def main(paths):
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        try:
            docutils.core.publish_string(
                text,
                writer_name="null",
                settings_overrides={"report_level": 2, "halt_level": 2},
            )
        except Exception as exc:  # docutils raises SystemMessage subclasses
            print(f"{path}: {exc}")
            bad = 1
    verdict = "problems above" if bad else "no problem"
    print(f"{len(paths)} README.rst checked, {verdict}")
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
