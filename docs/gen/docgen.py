#!/usr/bin/env python3
"""Generates docs/*.md from docs/gen/templates/*.md. Every example output in
the docs is produced here by running the real tdxc, so the docs cannot drift
from the compiler: `--check` (a ctest) fails when a committed doc is stale.

Template directives (one per line):
  @@file REL [LANG]               REL's content in a fenced block; REL is relative
                                  to the examples copy, or "/path" in the repo
  @@run DIR [exit=N] [code=CODE] :: CMD
                                  '$ CMD' and its output, run in examples/DIR;
                                  several commands joined by ' ;; ' are all shown
  @@tree DIR :: CMD :: REGEX      like @@run, keeping only '=== path' sections of
                                  --emit=tree output whose path matches REGEX
  @@schema ARGS                   output of tdxc_schema_dump ARGS (key tables)
  @@output DIR :: CMD             CMD's stdout inserted as Markdown (tdxc doc)

Usage:
  docgen.py --tdxc BUILD/tdxc --schema-dump BUILD/tdxc_schema_dump [--check] [NAME...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DOCS = ("language", "cli", "errors", "architecture", "stdlib", "module-authoring")


class Generator:
    def __init__(self, examples, bindir, schema_dump):
        self.examples = examples
        self.schema_dump = schema_dump
        self.env = dict(os.environ, PATH=bindir + ":" + os.environ["PATH"], NO_COLOR="1", LC_ALL="C")
        self.env.pop("TERM", None)
        self.failures = []

    @staticmethod
    def fence(body, lang=""):
        if not body.endswith("\n"):
            body += "\n"
        return "```" + lang + "\n" + body + "```\n\n"

    def run(self, dirname, cmd):
        p = subprocess.run(["bash", "-c", "{ " + cmd + "\n} 2>&1"], cwd=os.path.join(self.examples, dirname),
                           env=self.env, stdout=subprocess.PIPE)
        return p.returncode, p.stdout.decode("utf-8", "replace")

    def expand(self, line, where):
        line = line.rstrip("\n")
        if line.startswith("@@file "):
            parts = line.split()
            rel, lang = parts[1], (parts[2] if len(parts) > 2 else "")
            path = os.path.join(REPO, rel[1:]) if rel.startswith("/") else os.path.join(self.examples, rel)
            caption = rel[1:] if rel.startswith("/") else rel.split("/", 1)[1]
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                return "`" + caption + "`:\n\n" + self.fence(f.read(), lang) + "\n"
        if line.startswith("@@schema "):
            out = subprocess.run([self.schema_dump] + line.split()[1:], stdout=subprocess.PIPE, check=True)
            return out.stdout.decode()
        if line.startswith("@@output "):
            dirname, cmd = line.split(" ", 1)[1].split(" :: ", 1)
            status, out = self.run(dirname.strip(), cmd)
            if status != 0:
                self.failures.append(f"{where}: '{cmd}' exited {status}\n{out}")
            return out
        kind = line[2:].split()[0]
        head, rest = line.split(" ", 1)[1].split(" :: ", 1)
        opts = head.split()
        dirname, want = opts[0], dict(o.split("=", 1) for o in opts[1:])
        regex = None
        cmd = rest
        if kind == "tree":
            cmd, regex = rest.rsplit(" :: ", 1)
        shown = ""
        for part in cmd.split(" ;; ")[:-1]:
            status, out = self.run(dirname, part)
            if status != 0:
                self.failures.append(f"{where}: setup '{part}' exited {status}\n{out}")
            shown += "$ " + part + "\n" + out
        cmd = cmd.split(" ;; ")[-1]
        status, out = self.run(dirname, cmd)
        if "exit" in want and int(want["exit"]) != status:
            self.failures.append(f"{where}: '{cmd}' exited {status}, expected {want['exit']}\n{out}")
        if "code" in want and want["code"] not in out:
            self.failures.append(f"{where}: '{cmd}' did not print {want['code']}\n{out}")
        if regex is not None:
            keep, current = [], False
            for l in out.splitlines(keepends=True):
                m = re.match(r"=== (\S+) \(", l)
                if m:
                    current = bool(re.search(regex, m.group(1)))
                if current:
                    keep.append(l)
            if not keep:
                self.failures.append(f"{where}: '{cmd}' tree excerpt {regex} is empty")
            out = "".join(keep)
        return self.fence(shown + "$ " + cmd + "\n" + out, "console" if kind == "run" else "text")

    def generate(self, name):
        text = []
        with open(os.path.join(HERE, "templates", name + ".md")) as f:
            for n, line in enumerate(f, 1):
                text.append(self.expand(line, f"{name}.md:{n}") if line.startswith("@@") else line)
        # Collapse runs of blank lines outside fences.
        lines, infence, blank = [], False, False
        for l in "".join(text).split("\n"):
            if l.startswith("```"):
                infence = not infence if l == "```" or not infence else infence
            if not infence and l == "" and blank:
                continue
            blank = (l == "") and not infence
            lines.append(l)
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tdxc", required=True)
    parser.add_argument("--schema-dump", required=True)
    parser.add_argument("--check", action="store_true", help="compare with docs/*.md instead of writing")
    parser.add_argument("names", nargs="*", default=list(DOCS))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tdxc-docgen-") as work:
        # Commands write files (trees, scratch input): run them on a copy.
        examples = os.path.join(work, "examples")
        shutil.copytree(os.path.join(HERE, "examples"), examples)
        bindir = os.path.join(work, "bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(args.tdxc), os.path.join(bindir, "tdxc"))
        gen = Generator(examples, bindir, os.path.abspath(args.schema_dump))
        stale = []
        for name in args.names:
            text = gen.generate(name)
            target = os.path.join(REPO, "docs", name + ".md")
            if args.check:
                with open(target) as f:
                    if f.read() != text:
                        stale.append(target)
            else:
                with open(target, "w") as f:
                    f.write(text)
        if "errors" in args.names:
            with open(os.path.join(REPO, "diag", "diagnostic_kinds.def")) as f:
                codes = re.findall(r'TDXC_DIAG\(\w+, "([EW]_[A-Z0-9_]+)"', f.read())
            with open(os.path.join(REPO, "docs", "errors.md")) as f:
                headings = re.findall(r"^## ([EW]_[A-Z0-9_]+)$", f.read(), re.M)
            if codes != headings:
                gen.failures.append("docs/errors.md headings differ from diag/diagnostic_kinds.def")
    for failure in gen.failures:
        print("FAIL:", failure, file=sys.stderr)
    for path in stale:
        print(f"STALE: {path} differs from its template output; run scripts/update-docs.sh and review the diff",
              file=sys.stderr)
    if not gen.failures and not stale:
        print("docs " + ("up to date" if args.check else "written") + ": " + ", ".join(args.names))
    sys.exit(1 if gen.failures or stale else 0)


if __name__ == "__main__":
    main()
