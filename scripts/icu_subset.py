"""A smaller ICU data library for the bundle: the same library name and entry symbol, the same
properties, normalisation, break rules and collation, but locale data only for Polish and
English and no legacy character-set tables or Asian dictionaries.

Qt's core library links ICU, whose data library is a 32 MB table of every locale of the world;
smtpdesk shows Polish and English and sorts with the Polish collation. Used by smtpdesk.spec:

    python scripts/icu_subset.py PATH/libicudata.so.73 OUT_DIR   -> OUT_DIR/libicudata.so.73

Needs binutils' readelf, ICU's icupkg (Debian: icu-devtools) and a C compiler, which
scripts/build installs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

KEPT_LANGUAGES = {"root", "pl", "en"}
# Locale files look like "pl.res", "en_GB.res", "coll/pl.res"; these special ones share the look.
ALWAYS_KEPT = {"res_index.res", "pool.res"}
LOCALE_FILE = re.compile(r"^(?P<language>[a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res$")
# Legacy character sets (Qt decodes UTF-8/16 itself) and the dictionaries that break Chinese,
# Japanese, Thai, Lao, Khmer and Burmese text into words.
DROPPED_SUFFIXES = (".cnv", ".dict")


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size."""
    symbols = subprocess.run(["readelf", "-sW", str(library)], capture_output=True, text=True, check=True)
    match = re.search(
        r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)", symbols.stdout
    )
    if match is None:
        raise SystemExit(f"{library}: no icudt*_dat symbol")
    address, size, name = int(match.group(1), 16), int(match.group(2), 0), match.group(3)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True)
    for line in sections.stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, section_offset + (address - section_address), size
    raise SystemExit(f"{library}: no .rodata section")


def dropped(item: str) -> bool:
    name = item.rsplit("/", 1)[-1]
    if name.endswith(DROPPED_SUFFIXES):
        return True
    if name in ALWAYS_KEPT:
        return False
    match = LOCALE_FILE.match(name)
    return match is not None and match.group("language") not in KEPT_LANGUAGES


def build(library: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    name, offset, size = _symbol(library)
    version = name[len("icudt") : -len("_dat")]
    full = out_dir / f"icudt{version}l.dat"
    full.write_bytes(library.read_bytes()[offset : offset + size])
    listing = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True)
    removals = [item for item in listing.stdout.split() if dropped(item)]
    (out_dir / "removed.txt").write_text("\n".join(removals) + "\n")
    # icupkg names the items after the output file, and ICU looks them up as icudt<version>l/...
    small = out_dir / "subset" / full.name
    small.parent.mkdir(exist_ok=True)
    subprocess.run(
        # --ignore-deps: the break rules name the dropped dictionaries, which ICU loads only for
        # text in those scripts (and then falls back to simpler rules).
        ["icupkg", "--ignore-deps", "-r", str(out_dir / "removed.txt"), str(full), str(small)],
        check=True,
        capture_output=True,
    )
    assembly = out_dir / "icudata.S"
    assembly.write_text(
        "\n".join(
            (
                '.section .rodata,"a"',
                f".global {name}",
                f".type {name}, @object",
                ".balign 16",
                f"{name}:",
                f'.incbin "{small.resolve()}"',
                f".size {name}, .-{name}",
                '.section .note.GNU-stack,"",@progbits',
                "",
            )
        )
    )
    output = out_dir / library.name
    subprocess.run(
        ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(output), str(assembly)],
        check=True,
    )
    return output


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
