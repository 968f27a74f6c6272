#!/usr/bin/env python3
# Held-out topic sets in three languages from the machine's Debian manual pages (bench/TOPICS.md,
# "Non-English segmentation"): 20 documents per language of 6 random pages, boundaries at the joins.
#   python3 bench/topics_mansets.py OUT_DIR   then   ./build/transcript topics --eval OUT_DIR/{en,de,ru}
import sys
import glob, random, subprocess, os
random.seed(11)
for lang, base in (('en', '/usr/share/man'), ('de', '/usr/share/man/de'), ('ru', '/usr/share/man/ru')):
    pages = sorted(glob.glob(base + '/man1/*.gz') + glob.glob(base + '/man8/*.gz'))
    if len(pages) > 200: pages = random.Random(5).sample(pages, 200)
    texts = []
    for p in pages:
        t = subprocess.run('MANWIDTH=100 man -l %s 2>/dev/null | col -b' % p, shell=True, capture_output=True, text=True).stdout
        w = t.split()
        if len(w) >= 300: texts.append(w[:1500])
    out = sys.argv[1] + '/' + lang; os.makedirs(out, exist_ok=True)
    for d in range(20):
        pick = random.sample(texts, 6)
        words, ref = [], []
        for k, w in enumerate(pick):
            if k: ref.append(len(words))
            words += w
        open('%s/man_%s_%02d.txt' % (out, lang, d), 'w').write(' '.join(words) + '\n')
        open('%s/man_%s_%02d.ref' % (out, lang, d), 'w').write('\n'.join(map(str, ref)) + '\n')
    print(lang, len(pages), 'pages', len(texts), 'used')
