#!/usr/bin/env python3
"""Lists the well-known packages whose names are close to a popular AI package.

Usage: near_names.py [AI_CATALOGUE] [WELL_KNOWN]
  (defaults: ../catalog/ai-packages.yaml and well-known-packages.yaml next to this script)

Applies the rules of src/assess/typosquat.cc (separator swap, look-alike characters, word
reorder, one edit or transposition, with the same minimum lengths) to every name of
well-known-packages.yaml against the `popular: true` names of the catalogue, and prints the
near-collisions as legitimate.yaml rows. A person then keeps the established packages among
them in legitimate.yaml. Catalogued packages are skipped: the scanner never reports them.
"""
import itertools
import os
import re
import sys

import yaml

MIN_EDIT_LENGTH = 5
MAX_REORDER_WORDS = 4
SEPARATORS = "-_."


def normalise(ecosystem, name):
    if ecosystem == "pypi":
        return re.sub(r"[-_.]+", "-", name).lower()
    if ecosystem in ("npm", "composer", "nuget", "conda"):
        return name.lower()
    return name


def squashed(name):
    return "".join(c.lower() for c in name if c not in SEPARATORS)


def skeleton(name):
    s = squashed(name).replace("rn", "m")
    return s.replace("0", "o").replace("1", "l").replace("i", "l")


def one_edit(a, b):
    """None, "one-edit" or "transposition"."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return "one-edit"
        if i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]:
            return "transposition"
        return None
    return "one-edit" if a[i:] == b[i + 1:] else None


def reordered(name, target):
    words = [w for w in re.split(r"[-_.]", name.lower()) if w]
    if not 2 <= len(words) <= MAX_REORDER_WORDS:
        return False
    perms = itertools.permutations(words)
    next(perms)  # the order as written
    return any("".join(p) == target for p in perms)


def technique(name, popular):
    if name == popular:
        return None
    target = squashed(popular)
    if squashed(name) == target:
        return "separator-swap"
    if skeleton(name) == skeleton(popular):
        return "confusable"
    if len(target) >= MIN_EDIT_LENGTH and reordered(name, target):
        return "word-reorder"
    if len(popular) >= MIN_EDIT_LENGTH:
        return one_edit(name, popular)
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    catalogue = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "catalog", "ai-packages.yaml")
    known = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "well-known-packages.yaml")
    packages = yaml.safe_load(open(catalogue))["packages"]
    catalogued = {(p["ecosystem"], normalise(p["ecosystem"], p["name"])) for p in packages}
    popular = [p for p in packages if p.get("popular")]
    for ecosystem, names in yaml.safe_load(open(known))["packages"].items():
        for name in names:
            norm = normalise(ecosystem, name)
            if (ecosystem, norm) in catalogued:
                continue
            for p in popular:
                if p["ecosystem"] != ecosystem:
                    continue
                how = technique(norm, normalise(ecosystem, p["name"]))
                if how:
                    print(f"  - {{name: {name}, ecosystem: {ecosystem}, near: {p['name']}}}  # {how}")
                    break


if __name__ == "__main__":
    main()
