#!/usr/bin/env bash
# The numbers docs/architecture.md records before and after a restructuring: the largest class counted over all
# its partial files, the member count of each driver interface, guest-kind literals in Core and Api, duplicate
# pairs in src/, and Core's orchestration unit tests. Read-only; run from anywhere inside the repository.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
python3 - <<'PY'
import re, glob, os, collections

def code(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(l for l in text.splitlines() if not l.strip().startswith("//"))

# Largest class: every file that declares (part of) a type counts towards it.
sizes = collections.Counter(); files = collections.Counter()
for path in glob.glob("src/**/*.cs", recursive=True):
    if "/obj/" in path or "/bin/" in path:
        continue
    lines = sum(1 for _ in open(path, encoding="utf-8"))
    for m in re.finditer(r"^\s*(?:public |internal |private )?(?:sealed |static |abstract )*(partial )?(class|record|struct) (\w+)", code(path), re.M):
        name = m.group(3)
        sizes[name] += lines; files[name] += 1
        break
print("Largest types (lines over all their files):")
for name, n in sizes.most_common(5):
    print(f"  {name}: {n} lines in {files[name]} file(s)")

# Driver interfaces: members are the declarations ending in ';' directly inside the interface body.
print("Driver interface members:")
for path in sorted(glob.glob("src/**/I*.cs", recursive=True)):
    text = code(path)
    m = re.search(r"interface (I\w*(?:Driver|Snapshots|Pool|Tool|Console|Display|Launcher|Definition|Policy|Exporter)\w*)\b[^{]*\{", text)
    if not m:
        continue
    depth, i = 1, m.end()
    while depth and i < len(text):
        c = text[i]
        if c == "{": depth += 1
        elif c == "}": depth -= 1
        i += 1
    body = text[m.end():i]
    props = len(re.findall(r"\{\s*get;[^}]*\}", body))
    methods = len(re.findall(r"\)\s*;", body))
    print(f"  {m.group(1)} ({path}): {methods + props}")

# Kind literals: places in Core and Api that name a kind of guest instead of asking its driver.
pattern = re.compile(r'"(?:vm|ct)(?:-[a-z-]+)?"|\b(?:VmService|CtService)\.Kind\b|\bLxcDriver\.CtKind\b|\bGuestKind\.(?:Vm|Ct)\b')
hits = []
for project in ("src/Carve.Core", "src/Carve.Api"):
    for path in glob.glob(project + "/**/*.cs", recursive=True):
        for n, line in enumerate(code(path).splitlines(), 1):
            hits += [(path, n)] * len(pattern.findall(line))
print(f"Kind literals in Core and Api: {len(hits)} in {len({p for p, _ in hits})} file(s)")

# Orchestration unit tests: Core's services driven through recording fake drivers (tests/Carve.Core.Tests/Orchestration).
count = sum(len(re.findall(r"\[(?:Fact|Theory)\b", open(p, encoding="utf-8").read()))
            for p in glob.glob("tests/Carve.Core.Tests/Orchestration/**/*.cs", recursive=True))
print(f"Core orchestration unit tests: {count}")
PY
if command -v duplicates >/dev/null; then
    echo "Duplicates in src/: $(duplicates --repo src --seconds 120 --most 1 | head -1)"
fi
