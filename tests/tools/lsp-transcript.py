#!/usr/bin/env python3
"""Plays a JSON-RPC transcript against `tdxc lsp` and prints every message the
server sends, for FileCheck.

    lsp-transcript.py TDXC TRANSCRIPT [--dir DIR]

The transcript holds JSON messages separated by lines of exactly '---'; lines
starting with '#' are comments (lit RUN and CHECK lines). In a message,
{{uri:PATH}} becomes the file:// URI of DIR/PATH and {{text:PATH}} the JSON
string of that file's content. A message "@raw BODY" sends BODY as it is
(for malformed JSON). Every message is framed with a real
Content-Length header; the server's output is parsed with the same framing,
and each message is printed as sorted, indented JSON followed by '---'.
The script exits with the server's exit code (after 'exit code: N').
"""
import json
import os
import re
import subprocess
import sys
import urllib.parse


def expand(text, base):
    def uri(m):
        return "file://" + urllib.parse.quote(os.path.join(base, m.group(1)))

    def content(m):
        with open(os.path.join(base, m.group(1)), encoding="utf-8") as f:
            return json.dumps(f.read())

    text = re.sub(r"\{\{uri:([^}]*)\}\}", uri, text)
    return re.sub(r"\{\{text:([^}]*)\}\}", content, text)


def messages(path, base):
    chunks, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            if line.rstrip("\n") == "---":
                chunks.append("".join(current))
                current = []
            else:
                current.append(line)
    chunks.append("".join(current))
    for chunk in chunks:
        if chunk.strip().startswith("@raw "):
            yield chunk.strip()[len("@raw "):].encode("utf-8")
        elif chunk.strip():
            yield json.dumps(json.loads(expand(chunk, base)), ensure_ascii=False).encode("utf-8")


def read_messages(data):
    while data:
        header, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            raise SystemExit("lsp-transcript: truncated header: %r" % data[:80])
        length = None
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None or len(rest) < length:
            raise SystemExit("lsp-transcript: bad framing: %r" % header)
        yield json.loads(rest[:length].decode("utf-8"))
        data = rest[length:]


def main():
    tdxc, transcript = sys.argv[1], sys.argv[2]
    base = os.path.dirname(os.path.abspath(transcript))
    if "--dir" in sys.argv:
        base = os.path.abspath(sys.argv[sys.argv.index("--dir") + 1])
    stdin = b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(m), m) for m in messages(transcript, base))
    proc = subprocess.run([tdxc, "lsp"], input=stdin, stdout=subprocess.PIPE, timeout=60)
    for message in read_messages(proc.stdout):
        print(json.dumps(message, indent=2, sort_keys=True, ensure_ascii=False).replace(base, "DIR"))
        print("---")
    print("exit code: %d" % proc.returncode)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
