#!/usr/bin/env python3
"""Builds data/licenses/spdx-licenses.json from the SPDX License List JSON files.

usage: build_licenses.py SPDX_DIR   (a folder with licenses.json and exceptions.json)
Keeps only what aisec needs: id, name, deprecated flag, OSI approval; and the exception ids.
"""
import json
import os
import sys


def main() -> int:
    src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/spdx"
    with open(os.path.join(src, "licenses.json"), encoding="utf-8") as f:
        lic = json.load(f)
    with open(os.path.join(src, "exceptions.json"), encoding="utf-8") as f:
        exc = json.load(f)
    out = {
        "licenseListVersion": lic["licenseListVersion"],
        "source": "SPDX License List (CC0-1.0), reduced to the fields aisec uses",
        "licenses": sorted(
            ({"id": l["licenseId"], "name": l["name"], "deprecated": l.get("isDeprecatedLicenseId", False),
              "osi": l.get("isOsiApproved", False)} for l in lic["licenses"]),
            key=lambda l: l["id"].lower()),
        "exceptions": sorted(e["licenseExceptionId"] for e in exc["exceptions"]),
    }
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "spdx-licenses.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
