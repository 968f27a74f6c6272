#!/usr/bin/env python3
# Inputs of shapes the topic dev sets lack (bench/TOPICS.md, "Shapes the dev sets do not have"):
# short cuts, cue / sentence-with-pause / punctuated / bare versions of one episode, concatenated
# episodes, a meeting with 9 named speakers, German / Russian / Japanese manual pages.
#   python3 bench/topics_shapes.py OUT_DIR   (needs ../shared/data and man pages in /usr/share/man)
import sys, subprocess
# Robustness inputs for the topic timeline (topics-audit). Deterministic.
import re, random, os
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data')
L = SHARED + '/lexicap'
OUT = sys.argv[1]
random.seed(7)

def cues(path):
    t = open(path, encoding='utf-8').read()
    out = []
    for blk in t.split('\n\n'):
        lines = [l for l in blk.strip().split('\n') if l]
        if len(lines) >= 2 and '-->' in lines[0]:
            a, b = [x.strip() for x in lines[0].split('-->')]
            out.append((ts(a), ts(b), ' '.join(l.strip() for l in lines[1:])))
    return out

def ts(s):
    p = s.split(':'); sec = 0.0
    for x in p: sec = sec * 60 + float(x)
    return sec

def fmt(sec):
    h = int(sec // 3600); m = int(sec % 3600 // 60); s = sec % 60
    return '%02d:%02d:%06.3f' % (h, m, s)

def write_vtt(name, cs):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write('WEBVTT\n\n')
        for a, b, t in cs: f.write('%s --> %s\n%s\n\n' % (fmt(a), fmt(b), t))

def text_of(cs): return ' '.join(t for _, _, t in cs)
def nopunct(t): return re.sub(r"[^\w\s']", ' ', t.lower())
def words(t): return t.split()
def w(name, t): open(os.path.join(OUT, name), 'w').write(t + '\n')

demo = open(SHARED + '/lex-fridman-383-mark-zuckerberg.txt').read()
dw = words(demo)
for n in (200, 500, 1000): w('demo_%d.txt' % n, ' '.join(dw[:n]))
w('demo_full.txt', demo)

ep = cues(L + '/episode_201_large.vtt')
t = text_of(ep); tw = words(t)
for n in (200, 500, 1000): w('ep201_punct_%d.txt' % n, ' '.join(tw[:n]))
w('ep201_punct_full.txt', t)
w('ep201_nopunct_full.txt', nopunct(t))
write_vtt('ep201_cues.vtt', ep)
# one cue per sentence, a pause of 0.6-2.5 s at each sentence end (time kept in order)
sents = re.split(r'(?<=[.?!])\s+', t)
cs, now = [], 0.0
for s in sents:
    d = len(s.split()) / 2.7
    cs.append((now, now + d, s)); now += d + random.uniform(0.6, 2.5)
write_vtt('ep201_sentpause.vtt', cs)

# long: concatenations of whole episodes as one vtt (3-4 h and ~8 h)
def concat(ids):
    out, off = [], 0.0
    for i in ids:
        c = cues(L + '/episode_%03d_large.vtt' % i)
        out += [(a + off, b + off, x) for a, b, x in c]; off = out[-1][1] + 1
    return out
two = concat([8, 49, 59, 237]);  write_vtt('long_4ep.vtt', two)   # 5.6k+5.6k+13.8k+32k words
w('long_4ep_nopunct.txt', nopunct(text_of(two)))
many = concat([201, 203, 237, 59, 8, 49, 192]); write_vtt('long_7ep.vtt', many)

# meetings with many speakers: a dev meeting, turns given to 9 named speakers, "Name: words" lines
m = open(SHARED + '/topics/meetings_dev/meeting_Bed002.txt').read().split()
turns = [int(x) for x in open(SHARED + '/topics/meetings_dev/meeting_Bed002.turns').read().split()] + [len(m)]
names = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan']
lines = []
for a, b in zip(turns, turns[1:]):
    if b > a: lines.append('%s: %s' % (random.choice(names), ' '.join(m[a:b])))
w('meeting_9spk.txt', '\n'.join(lines))
w('meeting_plain.txt', ' '.join(m))

for l in ('de', 'ru', 'ja'):
    t = subprocess.run('for f in /usr/share/man/%s/man1/*.gz /usr/share/man/%s/man8/*.gz; do MANWIDTH=200 man -l "$f" 2>/dev/null | col -b; done' % (l, l), shell=True, capture_output=True, text=True).stdout.split()
    w('man_%s.txt' % l, ' '.join(t[:30000]))
