#!/usr/bin/env python3
"""Ship the explorer: the static site (dist/site/) and the offline single HTML file (dist/offline/).

  dist.py site    --from build-web/site --out dist/site [--bundle NAME.txb] [--title T]
  dist.py offline --js build-web/explorer-single.js --loader web/explorer-loader.js
                  --template web/offline.html --bundle build-web/site/demo.txb
                  (--text FILE [--title T] | --manifest FILE.tsv) [--title T] --out dist/offline/NAME.html

site: copies index.html, embed.html, the loader, explorer.js/.wasm and the bundle(s) (*.txb) with
content-hashed names (name.<sha256 prefix>.ext; index.html, embed.html, the loader and explorer.js
are rewritten to the hashed names; all URLs stay relative, so any static host and any sub-path
works), keeps an unhashed explorer-loader.js for blog snippets, and writes .br and .gz next to every
file they make smaller (a zstd bundle does not shrink; servers then send the raw file).

offline: one self-contained HTML file: the single-file explorer (wasm inside, font inside the wasm),
the loader, the bundle as base64, and the transcript as escaped plain HTML text for screen readers,
search engines and browsers without WebGL2/WebAssembly. The text comes from the source transcripts
(plain text, WebVTT or SRT; cue timings dropped), not from the bundle: the bundle is read only by
the explorer, so pass the same sources you packed. Every string from a transcript or a manifest is
HTML-escaped; nothing is inserted as markup.
"""
import argparse
import base64
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys

HASH_LEN = 10


def die(msg):
    print('dist.py: ' + msg, file=sys.stderr)
    sys.exit(1)


def content_name(name, data):
    stem, ext = os.path.splitext(name)
    return '%s.%s%s' % (stem, hashlib.sha256(data).hexdigest()[:HASH_LEN], ext)


def replace_once_or_more(text, old, new, where):
    if old not in text:
        die('expected %r in %s (did its source change?)' % (old, where))
    return text.replace(old, new)


def replace_quoted_name(text, old, new, where, hint):
    """Replace the one string literal "old" (or 'old') in JavaScript `text` by "new"; exit when
    there is not exactly one (a second copy would keep loading the unhashed file)."""
    text, n = re.subn(r'(["\'])%s\1' % re.escape(old), lambda m: m.group(1) + new + m.group(1), text)
    if n != 1:
        die('expected one "%s" in %s, found %d (%s)' % (old, where, n, hint))
    return text


def precompress(path):
    """Write path.gz and path.br when they are smaller than path; return the names written."""
    raw = os.path.getsize(path)
    out = []
    for ext, cmd in (('.gz', ['gzip', '-9', '-n', '-c', path]), ('.br', ['brotli', '-q', '11', '-c', path])):
        data = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
        if len(data) < raw:
            with open(path + ext, 'wb') as f:
                f.write(data)
            out.append(os.path.basename(path) + ext)
    return out


def build_site(src, out, default_bundle='demo.txb', title=None):
    def read(name, mode='rb'):
        p = os.path.join(src, name)
        if not os.path.isfile(p):
            die('%s is missing: run scripts/build.sh web first' % p)
        with open(p, mode) as f:
            return f.read()

    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    files = {}

    wasm = read('explorer.wasm')
    wasm_name = content_name('explorer.wasm', wasm)
    files[wasm_name] = wasm
    js = replace_quoted_name(read('explorer.js', 'r'), 'explorer.wasm', wasm_name, 'explorer.js',
                             "did Emscripten's output change?")
    js_name = content_name('explorer.js', js.encode())
    files[js_name] = js.encode()

    bundles = {}
    for name in sorted(os.listdir(src)):
        if name.endswith('.txb'):
            data = read(name)
            bundles[name] = content_name(name, data)
            files[bundles[name]] = data
    if default_bundle not in bundles:
        die('%s/%s is missing: run scripts/build.sh web first' % (src, default_bundle))

    # The loader in build-web/site/ is minified (scripts/minify): its EXPLORER_JS / EXPLORER_WASM
    # variables may be renamed or inlined, the quoted file names stay.
    loader = replace_quoted_name(read('explorer-loader.js', 'r'), 'explorer.js', js_name, 'explorer-loader.js',
                                 'did web/explorer-loader.js change?')
    loader = replace_quoted_name(loader, 'explorer.wasm', wasm_name, 'explorer-loader.js',
                                 'did web/explorer-loader.js change?')
    loader_name = content_name('explorer-loader.js', loader.encode())
    files[loader_name] = loader.encode()
    files['explorer-loader.js'] = loader.encode()  # stable name for blog snippets: serve with a short max-age

    for page in ('index.html', 'embed.html'):
        text = read(page, 'r')
        text = replace_once_or_more(text, 'src="explorer-loader.js"', 'src="%s"' % loader_name, page)
        text = replace_once_or_more(text, "'demo.txb'", "'%s'" % bundles[default_bundle], page)
        if page == 'index.html':  # its preload links
            text = replace_once_or_more(text, 'href="explorer-loader.js"', 'href="%s"' % loader_name, page)
            text = replace_once_or_more(text, 'href="explorer.wasm"', 'href="%s"' % wasm_name, page)
            text = replace_once_or_more(text, 'href="explorer.js"', 'href="%s"' % js_name, page)
        if title:
            text = replace_once_or_more(text, '<title>Transcript Explorer</title>',
                                        '<title>%s</title>' % html.escape(title, quote=True), page)
        files[page] = text.encode()

    for name, data in files.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
    for name in sorted(files):
        precompress(os.path.join(out, name))
    print('%s: %d files (+ .br/.gz), entry index.html, embed.html, loader %s' % (out, len(files), loader_name))


# ---- offline single file ----



def transcript_text(path):
    """The spoken words of a transcript file as a list of paragraphs (plain text, VTT or SRT)."""
    with open(path, 'rb') as f:
        raw = f.read().decode('utf-8', errors='replace')
    raw = raw.replace('\r\n', '\n').replace('\r', '\n')
    ext = os.path.splitext(path)[1].lower()
    if ext in ('.vtt', '.srt'):
        # YouTube's automatic captions (inline word times like <00:00:01.320>) repeat the previous
        # cue's line before the new words, as the C++ importer knows: those leading lines are dropped.
        rolling = re.search(r'<\d\d:', raw) is not None
        words, skip_block = [], False
        prev_cue, cue, leading = [], [], True
        for line in raw.split('\n'):
            s = line.strip()
            if not s:
                skip_block = False
                continue
            if s.startswith('WEBVTT') or s.startswith('NOTE') or s.startswith('STYLE') or s.startswith('REGION'):
                skip_block = True
            if skip_block or s.isdigit():
                continue
            if '-->' in s:  # a timing line starts the next cue
                prev_cue, cue, leading = cue, [], True
                continue
            s = re.sub(r'<[^>]*>', '', s).strip()  # cue tags like <v Speaker> or <c.x>: dropped, not rendered
            cue.append(s)
            if rolling and leading and s in prev_cue:
                continue
            leading = False
            words.extend(s.split())
        blocks = [' '.join(words)]
    else:
        blocks = [' '.join(b.split()) for b in re.split(r'\n\s*\n', raw)]
    paras = []
    for b in blocks:
        # long runs in readable chunks: at the first sentence end after 120 words (a chunk of 160
        # words broke "... in the world, this | money will ..."), at 200 words when none comes
        ws, start = b.split(), 0
        for i, w in enumerate(ws):
            n = i + 1 - start
            if (n >= 120 and w.endswith(('.', '?', '!', '."', '?"', '!"'))) or n >= 200:
                paras.append(' '.join(ws[start:i + 1]))
                start = i + 1
        paras.append(' '.join(ws[start:]))
    return [p for p in paras if p]


def read_manifest(path):
    base = os.path.dirname(os.path.abspath(path))
    rows, header = [], None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            cols = line.split('\t')
            if header is None:
                header = cols
                if 'file' not in header:
                    die('%s: the header has no "file" column' % path)
                continue
            row = dict(zip(header, cols))
            rows.append((row.get('title', '') or os.path.splitext(os.path.basename(row['file']))[0],
                         os.path.join(base, row['file'])))
    return rows


def article_height(paras):
    """An episode's height in the offline page's text style (44em column of 17px/1.6 serif: ~75
    characters a line of 27px, a paragraph's margins 34px, the heading ~90px), so the scroll bar of
    a long archive is about right before each episode has been laid out once."""
    return 90 + sum(34 + 27 * (len(p) // 75 + 1) for p in paras)


def build_offline(a):
    for p in (a.js, a.loader, a.template, a.bundle):
        if not os.path.isfile(p):
            die('%s is missing' % p)
    episodes = read_manifest(a.manifest) if a.manifest else [(a.title or os.path.splitext(os.path.basename(t))[0], t) for t in a.text]
    if not episodes:
        die('no transcript text given (--text FILE or --manifest FILE)')
    title = a.title or (episodes[0][0] if len(episodes) == 1 else 'Transcripts')
    esc = lambda s: html.escape(s, quote=True)

    parts, first_words = [], []
    for ep_title, path in episodes:
        if not os.path.isfile(path):
            die('transcript %s is missing' % path)
        paras = transcript_text(path)
        if not first_words and paras:
            first_words = paras[0].split()[:40]
        parts.append('<article style="contain-intrinsic-size: auto %dpx">\n<h2>%s</h2>\n%s\n</article>' % (
            article_height(paras), esc(ep_title), '\n'.join('<p>%s</p>' % esc(p) for p in paras)))

    def script_safe(js, what):
        # "</script" would end the inline <script> early. In JS it can only sit in a comment, a
        # string, a template or a regex, where "<\/script" means the same.
        js = re.sub(r'</(script)', r'<\\/\1', js, flags=re.I)
        if '<!--' in js:  # would switch the HTML parser into its "script data escaped" states
            die('%s contains "<!--", which is unsafe inside an inline <script>' % what)
        return js

    with open(a.js, encoding='utf-8') as f:
        explorer_js = script_safe(f.read(), a.js)
    with open(a.loader, encoding='utf-8') as f:
        loader_js = script_safe(f.read(), a.loader)
    with open(a.bundle, 'rb') as f:
        bundle_b64 = base64.b64encode(f.read()).decode('ascii')
    bundle_b64 = '\n'.join(bundle_b64[i:i + 120] for i in range(0, len(bundle_b64), 120))
    with open(a.template, encoding='utf-8') as f:
        template = f.read()

    values = {
        'TITLE': esc(title),
        'DESCRIPTION': esc(' '.join(first_words) + ('\u2026' if first_words else '')),
        'TEXT': '\n'.join(parts),
        'BUNDLE_B64': bundle_b64,
        'EXPLORER_JS': explorer_js,
        'LOADER_JS': loader_js,
    }
    seen = set()

    def sub(m):
        seen.add(m.group(1))
        return values[m.group(1)]
    # one pass: text substituted in cannot be taken for a placeholder
    page = re.sub(r'@@TX_(TITLE|DESCRIPTION|TEXT|BUNDLE_B64|EXPLORER_JS|LOADER_JS)@@', sub, template)
    if seen != set(values):
        die('template %s lacks placeholders %s' % (a.template, sorted(set(values) - seen)))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(page)
    print('%s: %d bytes, %d episode(s)' % (a.out, len(page.encode()), len(episodes)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sp = ap.add_subparsers(dest='cmd', required=True)
    s = sp.add_parser('site')
    s.add_argument('--from', dest='src', required=True)
    s.add_argument('--out', required=True)
    s.add_argument('--bundle', default='demo.txb', help='the bundle index.html and embed.html open (a *.txb in --from)')
    s.add_argument('--title', help='page title of index.html and embed.html')
    o = sp.add_parser('offline')
    o.add_argument('--js', required=True)
    o.add_argument('--loader', required=True)
    o.add_argument('--template', required=True)
    o.add_argument('--bundle', required=True)
    o.add_argument('--text', action='append', default=[])
    o.add_argument('--manifest')
    o.add_argument('--title')
    o.add_argument('--out', required=True)
    a = ap.parse_args()
    if a.cmd == 'site':
        build_site(a.src, a.out, a.bundle, a.title)
    else:
        build_offline(a)


if __name__ == '__main__':
    main()
