#!/usr/bin/env bash
# Regenerates the generated tables of docs/ODD.md from the registries: Appendix A (parameters, and the
# fields of a scenario's lists) from `narcosim params --markdown`, 9.1 (weekly outcomes) from
# `narcosim outcomes --markdown`. Run it after changing a parameter, a field or an outcome.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
params=$(mktemp); outcomes=$(mktemp)
trap 'rm -f "$params" "$outcomes"' EXIT
./narcosim params --markdown > "$params"
./narcosim outcomes --markdown > "$outcomes"
python3 - "$params" "$outcomes" <<'PY'
import sys
params = open(sys.argv[1]).read().strip('\n').split('\n\n')
outcomes = open(sys.argv[2]).read().strip('\n')
tables = [t for t in params if t.startswith('|')]
odd = open('docs/ODD.md').read()

def replace_table(text, after, table):
    """Replaces the first markdown table that follows the heading or sentence `after`."""
    i = text.index(after)
    start = text.index('\n|', i) + 1
    end = start
    lines = text[start:].split('\n')
    n = 0
    while n < len(lines) and lines[n].startswith('|'):
        n += 1
    end = start + len('\n'.join(lines[:n]))
    return text[:start] + table + text[end:]

odd = replace_table(odd, '## Appendix A Parameters', tables[0])
odd = replace_table(odd, '### Fields of a scenario\'s lists', tables[1])
odd = replace_table(odd, '### 9.1 Weekly outcomes', outcomes)
open('docs/ODD.md', 'w').write(odd)
PY
echo "odd-tables: docs/ODD.md Appendix A and 9.1 regenerated"
