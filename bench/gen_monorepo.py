#!/usr/bin/env python3
"""Writes a synthetic monorepo for aisec's benchmark: Python, JavaScript/TypeScript, Go and Java
sources, text, and the manifests of every ecosystem aisec reads, spread through a tree of teams
and services, with some AI use (SDK imports, model names, AI packages in manifests).

The output depends only on the arguments: the same seed gives the same bytes.

    python3 bench/gen_monorepo.py OUT [--files 100000] [--size-mb 1000] [--seed 1]

Standard library only. No file or folder name starts with a dot or matches aisec's default
excludes, so aisec and ripgrep read the same files.
"""

import argparse
import json
import os
import random
import sys

WORDS = ("account balance batch buffer cache client config cursor deadline event export filter "
         "handler index invoice journal ledger limit metric order parser payload policy queue "
         "record region report request retry route schema session shard signal snapshot state "
         "stream tenant ticket token trace update user vector window worker").split()

# (ecosystem, kind of file) -> share of files. Source and text dominate, as in real monorepos.
KINDS = [("py", 0.26), ("ts", 0.12), ("js", 0.08), ("go", 0.14), ("java", 0.14), ("md", 0.08),
         ("txt", 0.04), ("json", 0.06), ("yaml", 0.05), ("manifest", 0.03)]

MANIFESTS = ["requirements.txt", "pyproject.toml", "package.json", "package-lock.json", "go.mod",
             "pom.xml", "build.gradle", "Cargo.toml", "Cargo.lock", "Gemfile", "composer.json",
             "App.csproj", "environment.yml", "poetry.lock", "yarn.lock"]

PLAIN = {  # ordinary dependencies: name -> version
    "pypi": [("requests", "2.32.3"), ("flask", "3.0.3"), ("sqlalchemy", "2.0.36"), ("pydantic", "2.9.2"),
             ("boto3", "1.35.60"), ("numpy", "1.26.4"), ("pandas", "2.2.3"), ("click", "8.1.7")],
    "npm": [("express", "4.21.1"), ("react", "18.3.1"), ("lodash", "4.17.21"), ("zod", "3.23.8"),
            ("axios", "1.7.7"), ("pino", "9.5.0")],
    "go": [("github.com/gin-gonic/gin", "v1.10.0"), ("github.com/spf13/cobra", "v1.8.1"),
           ("go.uber.org/zap", "v1.27.0"), ("github.com/redis/go-redis/v9", "v9.7.0")],
    "maven": [("org.springframework.boot", "spring-boot-starter-web", "3.3.5"),
              ("com.fasterxml.jackson.core", "jackson-databind", "2.18.1"),
              ("org.postgresql", "postgresql", "42.7.4")],
}
AI = {  # AI dependencies some services declare
    "pypi": [("openai", "1.54.4"), ("anthropic", "0.39.0"), ("langchain", "0.3.7"), ("torch", "2.5.1"),
             ("transformers", "4.46.2"), ("chromadb", "0.5.18"), ("sentence-transformers", "3.3.0")],
    "npm": [("openai", "4.72.0"), ("ai", "4.0.2"), ("@ai-sdk/openai", "1.0.4"), ("@anthropic-ai/sdk", "0.32.1"),
            ("@langchain/core", "0.3.18")],
    "go": [("github.com/sashabaranov/go-openai", "v1.35.6"), ("github.com/tmc/langchaingo", "v0.1.12")],
    "maven": [("dev.langchain4j", "langchain4j-open-ai", "0.36.0"), ("com.openai", "openai-java", "0.8.1")],
}


class Writer:
    def __init__(self, rng):
        self.rng = rng

    def ident(self):
        r = self.rng
        return r.choice(WORDS) + "_" + r.choice(WORDS)

    def camel(self):
        return "".join(w.capitalize() for w in self.ident().split("_"))

    def sentence(self):
        r = self.rng
        return " ".join(r.choice(WORDS) for _ in range(r.randint(6, 14))).capitalize() + "."


def python_block(w, ai):
    r = w.rng
    name = w.ident()
    lines = [f"def {name}(items, limit={r.randint(1, 500)}):",
             f'    """{w.sentence()}"""',
             "    out = []",
             "    for item in items[:limit]:",
             f"        if item.get('{r.choice(WORDS)}') is not None:",
             f"            out.append(item['{r.choice(WORDS)}'] * {r.randint(2, 9)})",
             "    return out", ""]
    if ai and r.random() < 0.3:
        lines += [f"def {name}_summary(text):",
                  "    reply = client.chat.completions.create(",
                  f'        model="{r.choice(["gpt-4o-mini", "gpt-4o", "o3-mini"])}",',
                  '        messages=[{"role": "user", "content": text}],',
                  "    )",
                  "    return reply.choices[0].message.content", ""]
    return lines


def python_file(w, ai):
    head = ["import json", "import logging", "from dataclasses import dataclass", ""]
    if ai:
        head = ["from openai import OpenAI", "import json", "", "client = OpenAI()", ""]
    return head, lambda: python_block(w, ai)


def js_file(w, ai, ts):
    r = w.rng
    head = ['import { readFile } from "node:fs/promises";', ""]
    if ai:
        head = ['import OpenAI from "openai";', "", "const openai = new OpenAI();", ""]

    def block():
        name = w.camel()
        typ = ": number" if ts else ""
        lines = [f"export function {name[0].lower() + name[1:]}(items, limit{typ} = {r.randint(1, 500)}) {{",
                 f"  // {w.sentence()}",
                 f"  return items.filter((x) => x.{r.choice(WORDS)} !== undefined).slice(0, limit);",
                 "}", ""]
        if ai and r.random() < 0.3:
            lines += [f"export async function ask{name}(text) {{",
                      '  const res = await openai.chat.completions.create({ model: "gpt-4o-mini", '
                      'messages: [{ role: "user", content: text }] });',
                      "  return res.choices[0].message.content;", "}", ""]
        return lines
    return head, block


def go_file(w, ai, pkg):
    r = w.rng
    head = [f"package {pkg}", "", "import (", '\t"fmt"', '\t"strings"', ")", ""]
    if ai:
        head = [f"package {pkg}", "", "import (", '\t"context"', "",
                '\topenai "github.com/sashabaranov/go-openai"', ")", ""]

    def block():
        name = w.camel()
        lines = [f"// {name} {w.sentence().lower()}",
                 f"func {name}(items []string, limit int) []string {{",
                 "\tout := make([]string, 0, limit)",
                 "\tfor _, it := range items {",
                 f'\t\tif strings.Contains(it, "{r.choice(WORDS)}") && len(out) < limit {{',
                 '\t\t\tout = append(out, fmt.Sprintf("%s-%d", it, len(out)))',
                 "\t\t}", "\t}", "\treturn out", "}", ""]
        if ai and r.random() < 0.3:
            lines += [f"func Ask{name}(ctx context.Context, c *openai.Client, q string) (string, error) {{",
                      "\tresp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{",
                      "\t\tModel: openai.GPT4oMini,",
                      "\t\tMessages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: q}},",
                      "\t})", "\tif err != nil {", '\t\treturn "", err', "\t}",
                      "\treturn resp.Choices[0].Message.Content, nil", "}", ""]
        return lines
    return head, block


def java_file(w, ai, cls):
    r = w.rng
    head = ["package com.example.platform;", "", "import java.util.List;", "import java.util.stream.Collectors;", ""]
    if ai:
        head = ["package com.example.platform;", "", "import dev.langchain4j.model.openai.OpenAiChatModel;",
                "import java.util.List;", "import java.util.stream.Collectors;", ""]
    head.append(f"public final class {cls} {{")

    def block():
        name = w.camel()
        return [f"  /** {w.sentence()} */",
                f"  static List<String> {name[0].lower() + name[1:]}(List<String> items) {{",
                f'    return items.stream().filter(s -> s.contains("{r.choice(WORDS)}"))'
                f".limit({r.randint(1, 500)}).collect(Collectors.toList());",
                "  }", ""]
    return head, block


def text_file(w, kind):
    r = w.rng
    if kind == "md":
        head = [f"# {w.camel()}", ""]
    else:
        head = []

    def block():
        para = " ".join(w.sentence() for _ in range(r.randint(3, 8)))
        if r.random() < 0.01:
            para += " The assistant calls openai through the internal gateway."
        return [para, ""]
    return head, block


def data_file(w, kind):
    r = w.rng

    def block():
        rec = {"id": r.randint(1, 10**9), "kind": r.choice(WORDS), "tags": [r.choice(WORDS) for _ in range(3)],
               "note": w.sentence()}
        if kind == "json":
            return [json.dumps(rec) + ","]
        return [f"- id: {rec['id']}", f"  kind: {rec['kind']}", f"  note: {rec['note']}"]
    head = ["["] if kind == "json" else []
    return head, block


def fill(head, block, size, tail=()):
    lines = list(head)
    n = sum(len(x) + 1 for x in lines)
    while n < size:
        for line in block():
            lines.append(line)
            n += len(line) + 1
    lines.extend(tail)
    return "\n".join(lines) + "\n"


def manifest(w, name, ai):
    r = w.rng

    def pick(eco):
        deps = r.sample(PLAIN[eco], 3)
        if ai:
            deps += r.sample(AI[eco], 2)
        return deps
    svc = w.ident().replace("_", "-")
    if name == "requirements.txt":
        return "".join(f"{n}=={v}\n" for n, v in pick("pypi"))
    if name == "pyproject.toml":
        deps = ",\n".join(f'    "{n}>={v}"' for n, v in pick("pypi"))
        return f'[project]\nname = "{svc}"\nversion = "1.{r.randint(0, 9)}.0"\ndependencies = [\n{deps},\n]\n'
    if name == "package.json":
        deps = {n: "^" + v for n, v in pick("npm")}
        return json.dumps({"name": svc, "version": "1.0.0", "private": True, "dependencies": deps}, indent=2) + "\n"
    if name == "package-lock.json":
        deps = pick("npm")
        pkgs = {"": {"name": svc, "version": "1.0.0", "dependencies": {n: "^" + v for n, v in deps}}}
        for n, v in deps:
            pkgs["node_modules/" + n] = {"version": v,
                                         "resolved": f"https://registry.npmjs.org/{n}/-/{n.split('/')[-1]}-{v}.tgz"}
        return json.dumps({"name": svc, "version": "1.0.0", "lockfileVersion": 3, "requires": True,
                           "packages": pkgs}, indent=2) + "\n"
    if name == "go.mod":
        reqs = "".join(f"\t{n} {v}\n" for n, v in pick("go"))
        return f"module example.com/platform/{svc}\n\ngo 1.22\n\nrequire (\n{reqs})\n"
    if name in ("pom.xml", "build.gradle"):
        deps = pick("maven")
        if name == "build.gradle":
            return "plugins { id 'java' }\n\ndependencies {\n" + "".join(
                f"    implementation '{g}:{a}:{v}'\n" for g, a, v in deps) + "}\n"
        body = "".join(f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>\n"
                       for g, a, v in deps)
        return (f'<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
                f"  <groupId>com.example</groupId>\n  <artifactId>{svc}</artifactId>\n  <version>1.0.0</version>\n"
                f"  <dependencies>\n{body}  </dependencies>\n</project>\n")
    if name == "Cargo.toml":
        extra = 'async-openai = "0.25.0"\n' if ai else ""
        return f'[package]\nname = "{svc}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nserde = "1.0.215"\n{extra}'
    if name == "Cargo.lock":
        return ('version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.215"\n'
                'source = "registry+https://github.com/rust-lang/crates.io-index"\n')
    if name == "Gemfile":
        extra = "gem 'ruby-openai', '~> 7.3'\n" if ai else ""
        return f"source 'https://rubygems.org'\n\ngem 'rails', '~> 7.2'\ngem 'pg', '~> 1.5'\n{extra}"
    if name == "composer.json":
        deps = {"laravel/framework": "^11.0"}
        if ai:
            deps["openai-php/client"] = "^0.10"
        return json.dumps({"name": f"example/{svc}", "require": deps}, indent=2) + "\n"
    if name == "App.csproj":
        extra = '    <PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" />\n' if ai else ""
        return ('<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n'
                '    <PackageReference Include="Serilog" Version="4.1.0" />\n' + extra + "  </ItemGroup>\n</Project>\n")
    if name == "environment.yml":
        extra = "  - pytorch=2.5.1\n" if ai else ""
        return f"name: {svc}\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.12\n  - numpy=1.26.4\n{extra}"
    if name == "poetry.lock":
        return "".join(f'[[package]]\nname = "{n}"\nversion = "{v}"\ndescription = ""\noptional = false\n'
                       'python-versions = ">=3.8"\n\n' for n, v in pick("pypi"))
    if name == "yarn.lock":
        return "# yarn lockfile v1\n\n" + "".join(
            f'"{n}@^{v}":\n  version "{v}"\n  resolved "https://registry.yarnpkg.com/{n}/-/{n.split("/")[-1]}-{v}.tgz"\n\n'
            for n, v in pick("npm"))
    raise ValueError(name)


def sizes(rng, n, total):
    """Log-normal file sizes (most a few KB, a long tail), scaled to add up to about `total`."""
    raw = [min(rng.lognormvariate(8.6, 1.1), 2_000_000) for _ in range(n)]
    scale = total / sum(raw)
    return [max(200, int(s * scale)) for s in raw]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--size-mb", type=float, default=None,
                    help="total size; default 10 KB per file (1000 MB for 100,000 files)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ai-share", type=float, default=0.03, help="share of sources that use an AI SDK")
    args = ap.parse_args()
    total = int((args.size_mb if args.size_mb is not None else args.files * 0.01) * 1_000_000)

    rng = random.Random(args.seed)
    w = Writer(rng)
    kinds, weights = zip(*KINDS)
    file_sizes = sizes(rng, args.files, total)
    teams = [f"team-{w.ident().replace('_', '-')}-{i}" for i in range(max(4, args.files // 4000))]
    written = 0
    svc_dir, svc_left, svc_manifests, folder_files = None, 0, [], 0
    for i, size in enumerate(file_sizes):
        if svc_left == 0:  # a new service: 20 to 400 files, a few manifests
            team = rng.choice(teams)
            svc = f"svc-{w.ident().replace('_', '-')}-{i}"
            svc_dir = os.path.join(args.out, "services", team, svc)
            svc_left = rng.randint(20, 400)
            svc_manifests = rng.sample(MANIFESTS, rng.randint(1, 4))
            svc_ai = rng.random() < 0.25
            folder = svc_dir
            folder_files = 0
        if folder_files >= rng.randint(15, 60):  # nested source folders, up to four deep
            depth = rng.randint(1, 4)
            folder = os.path.join(svc_dir, *[rng.choice(WORDS) for _ in range(depth)])
            folder_files = 0
        svc_left -= 1
        folder_files += 1
        kind = rng.choices(kinds, weights)[0]
        ai = svc_ai and rng.random() < args.ai_share * 8
        if kind == "manifest" or (svc_manifests and svc_left < len(svc_manifests)):
            name = svc_manifests.pop() if svc_manifests else rng.choice(MANIFESTS)
            path = os.path.join(svc_dir, name)
            if os.path.exists(path):  # one manifest of a kind per folder: start a module
                path = os.path.join(svc_dir, f"module-{i}", name)
            text = manifest(w, name, svc_ai)
        else:
            stem = f"{w.ident()}_{i}"
            if kind == "py":
                head, block = python_file(w, ai)
                text = fill(head, block, size)
            elif kind in ("js", "ts"):
                head, block = js_file(w, ai, kind == "ts")
                text = fill(head, block, size)
            elif kind == "go":
                head, block = go_file(w, ai, os.path.basename(folder).replace("-", "") or "main")
                text = fill(head, block, size)
            elif kind == "java":
                stem = w.camel() + str(i)
                head, block = java_file(w, ai, stem)
                text = fill(head, block, size, tail=["}"])
            elif kind in ("md", "txt"):
                head, block = text_file(w, kind)
                text = fill(head, block, size)
            else:
                head, block = data_file(w, kind)
                text = fill(head, block, size, tail=["{}]"] if kind == "json" else [])
            path = os.path.join(folder, f"{stem}.{kind}")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text)
        if (i + 1) % 10_000 == 0:
            print(f"{i + 1} files, {written / 1e6:.0f} MB", file=sys.stderr)
    print(f"wrote {args.files} files, {written / 1e6:.0f} MB under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
