"""Write each module's README.rst from its readme/ fragments (OCA layout).

gen_readme.py          write them
gen_readme.py --check  exit 1 when one is out of date (make lint)
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = (
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
)


def md_to_rst(text):
    # The fragments use paragraphs, "- " lists, *em*, **strong** and `code`:
    # only inline code differs between the two syntaxes.
    return re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", text.strip()) + "\n"


def heading(title, char):
    return f"{title}\n{char * len(title)}\n\n"


def render(module_dir):
    manifest = ast.literal_eval((module_dir / "__manifest__.py").read_text())
    bar = "=" * len(manifest["name"])
    out = f"{bar}\n{manifest['name']}\n{bar}\n\n"
    out += f"*{manifest['summary']}*\n\n"
    out += f"Version {manifest['version']}, license {manifest['license']}.\n\n"
    out += ".. contents::\n   :local:\n\n"
    for fragment, title in SECTIONS:
        path = module_dir / "readme" / fragment
        if path.is_file():
            if title:
                out += heading(title, "=")
            out += md_to_rst(path.read_text(encoding="utf-8")) + "\n"
    return out.rstrip() + "\n"


def main():
    check = "--check" in sys.argv
    stale = []
    for module_dir in sorted(ROOT.glob("freight_*/")):
        target = module_dir / "README.rst"
        text = render(module_dir)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(str(target.relative_to(ROOT)))
            if not check:
                target.write_text(text, encoding="utf-8")
    if check and stale:
        sys.stderr.write(
            "out of date (run scripts/gen_readme.py): " + ", ".join(stale) + "\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
