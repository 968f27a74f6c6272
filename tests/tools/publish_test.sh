#!/usr/bin/env bash
# Protects docs/publish.md ("Publish your own transcripts", the same text as the README's section): its shell steps, extracted from the
# document itself and run in order in a scratch folder, produce the bundle (three episodes, the
# manifest's titles, a chapters file's chapters), the static site (index.html opening the content-hashed bundle), the blog
# snippet, and the offline file (transcript text escaped as HTML). The browser side of the same
# output is tested by tests/browser/byo.test.mjs.
#   tests/tools/publish_test.sh build/transcript      (exit 77 = skipped: no web build to reuse)
set -uo pipefail
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WEB="$ROOT/build-web"
# The README's "Publish your own transcripts" says "The same text is in docs/publish.md", and only
# docs/publish.md's steps are run below: the two must not drift apart (they had: the README's step 2
# named .sbv, TTML and more JSON forms that docs/publish.md did not).
python3 - "$ROOT/README.md" "$ROOT/docs/publish.md" <<'PY' || { echo "FAIL: README's 'Publish your own transcripts' differs from docs/publish.md" >&2; exit 1; }
import difflib, sys
readme = open(sys.argv[1], encoding='utf-8').read()
doc = open(sys.argv[2], encoding='utf-8').read()
head = '## Publish your own transcripts\n'
if head not in readme:
    sys.exit('README has no "%s"' % head.strip())
sec = readme[readme.index(head):]
nxt = sec.find('\n## ', len(head))  # up to the next section, if one follows
sec = sec if nxt < 0 else sec[:nxt + 1]
note = '(The same text is in `docs/publish.md`; `tests/tools/publish_test.sh` runs its steps.)\n\n'
sec = sec.replace(note, '', 1)
if sec.rstrip('\n') != doc.rstrip('\n'):
    sys.stderr.writelines(difflib.unified_diff(sec.splitlines(True), doc.splitlines(True), 'README.md', 'docs/publish.md', n=0))
    sys.exit(1)
PY
if [ ! -f "$WEB/site/explorer.wasm" ] || [ ! -f "$WEB/explorer-single.js" ]; then
  echo "SKIP: $WEB has no web build (scripts/build.sh web) to publish with"
  exit 77
fi
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The ```sh blocks of steps 2-4 (step 1 is the build, step 5 starts a server), with build/transcript
# pointing at the binary under test.
python3 - "$ROOT/docs/publish.md" > "$D/steps.sh" <<'PY' || fail "could not extract the steps"
import re, sys
doc = open(sys.argv[1], encoding='utf-8').read()
parts = re.split(r'^### ', doc, flags=re.M)
out = []
for p in parts:
    if re.match(r'[234]\. ', p):
        out += re.findall(r'```sh\n(.*?)```', p, flags=re.S)
if len(out) < 3:
    sys.exit('expected sh blocks in steps 2, 3 and 4, found %d' % len(out))
print('set -e')
print(''.join(out))
PY
mkdir -p "$D/build" && ln -s "$T" "$D/build/transcript"
grep -q 'build/transcript site' "$D/steps.sh" || fail "step 4 does not run transcript site"
# (a symlinked build/transcript still finds the web build: it looks next to its real path)
(cd "$D" && bash "$D/steps.sh") > "$D/log" 2>&1 || { cat "$D/log" >&2; fail "the documented steps failed"; }

P="$D/published"
[ -f "$P/transcripts.txb" ] || fail "no bundle"
info=$("$T" info "$P/transcripts.txb") || fail "info failed on the published bundle"
grep -q '^episodes 3,' <<< "$info" || fail "expected 3 episodes: $info"
grep -q 'Compilers and gardens' <<< "$info" || fail "manifest title missing: $info"
grep -q 'Bread' <<< "$info" || fail "manifest title missing: $info"
grep -q 'Plain notes from a lecture' <<< "$info" || fail "the unlisted .txt (titled by its opening line) is missing: $info"
# step 3's chapters file ep2.json is ep2.srt's chapters, not an episode (it was skipped as "not a transcript")
"$T" topics --json "$P/transcripts.txb" | grep -q '"chapters":\[{"start_ms":0,"title":"Starters"},{"start_ms":5500,"title":"Feeding"}\]' ||
  fail "ep2.json's chapters are not ep2.srt's: $("$T" topics --json "$P/transcripts.txb")"

# the bundle holds what the sources hold: the same hits for a word in every file
src_hits=$("$T" search --json --query garden "$D/my-show/ep1.vtt" "$D/my-show/ep2.srt" "$D/my-show/ep3.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["occurrences"])')
bun_hits=$("$T" search --json --query garden "$P/transcripts.txb" | python3 -c 'import json,sys; print(json.load(sys.stdin)["occurrences"])')
[ "$src_hits" -ge 3 ] || fail "expected 'garden' in all three sources, got $src_hits"
[ "$src_hits" = "$bun_hits" ] || fail "bundle hits $bun_hits != source hits $src_hits"

# site: index.html and embed.html open the hashed bundle; its name is its content's hash
B=$(cd "$P/site" && ls transcripts.*.txb) || fail "no hashed bundle in site/"
[ "$(echo "$B" | wc -l)" = 1 ] || fail "one bundle expected: $B"
h=$(sha256sum "$P/site/$B" | cut -c1-10)
[ "$B" = "transcripts.$h.txb" ] || fail "bundle name $B is not its hash $h"
cmp -s "$P/site/$B" "$P/transcripts.txb" || fail "the site's bundle differs from the published one"
grep -q "'$B'" "$P/site/index.html" || fail "index.html does not open $B"
grep -q "'$B'" "$P/site/embed.html" || fail "embed.html does not open $B"
grep -q '<title>My Show</title>' "$P/site/index.html" || fail "index.html lacks the title"
[ -f "$P/site/explorer-loader.js" ] || fail "no unhashed loader for snippets"
ls "$P/site"/explorer.*.wasm >/dev/null 2>&1 || fail "no wasm"

# snippet: points at files that exist (relative to SNIPPET.html)
grep -q "data-bundle=\"site/$B\"" "$P/SNIPPET.html" || fail "snippet does not name the bundle"
grep -q 'src="site/explorer-loader.js"' "$P/SNIPPET.html" || fail "snippet does not load the loader"
grep -q '&lt;div data-transcript-explorer' "$P/SNIPPET.html" || fail "snippet is not shown as text"

# offline: one file with the bundle inside and the text escaped (no raw cue tags)
O="$P/offline/transcripts.html"
[ -f "$O" ] || fail "no offline file"
grep -q 'Compilers are like gardens' "$O" || fail "offline text lacks the vtt's words"
grep -q 'sourdough starters' "$O" || fail "offline text lacks the srt's words"
grep -q 'Rivers carve valleys' "$O" || fail "offline text lacks the txt's words"
grep -q '<v Ada>' "$O" && fail "raw cue tags in the offline text"
grep -q '<title>My Show · Transcript Explorer</title>' "$O" || fail "offline title"

# a bad input is skipped with a warning, the rest is still published, exit status 1
printf 'WEBVTT\n\n00:00.000 --> nonsense\nBroken.\n' > "$D/bad.vtt"
"$T" site "$D/my-show/ep2.srt" "$D/bad.vtt" -o "$D/p2" > "$D/log2" 2>&1 && fail "a bad input should give exit status 1"
grep -q 'bad.vtt' "$D/log2" || fail "the warning does not name the bad file: $(cat "$D/log2")"
[ -f "$D/p2/offline/transcripts.html" ] || fail "the good input was not published"
echo "publish_test: ok"
