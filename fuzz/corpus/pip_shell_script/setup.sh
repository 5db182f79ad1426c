#!/usr/bin/env bash
# Prepares a development machine.
set -euo pipefail

python3 -m venv .venv && source .venv/bin/activate
pip install -U pip wheel
pip3 install "anthropic>=0.34" \
    'tiktoken==0.7.0' \
    -e git+https://github.com/example/evals.git#egg=evals
sudo /usr/local/bin/pip3.11 install cohere==5.9.1 > /dev/null 2>&1 || true
# pip install commented-out
echo "pip install quoted-not-run"
pip download some-wheel
pip uninstall -y old-package
python -m pip install ./local-package .[dev] ../sibling
PKGS="a b"; pip install $PKGS
