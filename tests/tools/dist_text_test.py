#!/usr/bin/env python3
"""scripts/dist.py's transcript_text() writes the offline file's plain-text version (what readers
without WebGL2, screen readers and search engines get) from source transcripts. It must keep every
spoken word once: YouTube's automatic captions repeat the previous cue's line before new words,
cue numbers, timing lines, headers and tags are not words, and a repeated line in ordinary
captions ("Yeah." twice) stays twice."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'scripts'))
import dist  # noqa: E402

CASES = {
    'yt.vtt': ("WEBVTT\nKind: captions\nLanguage: en\n\n"
               "00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n"
               "hello<00:00:00.320><c> everyone</c><00:00:00.640><c> and</c><00:00:00.880><c> welcome</c>\n\n"
               "00:00:02.310 --> 00:00:02.320 align:start position:0%\nhello everyone and welcome\n \n\n"
               "00:00:02.320 --> 00:00:05.190 align:start position:0%\nhello everyone and welcome\n"
               "to<00:00:02.560><c> the</c><00:00:02.800><c> podcast</c>\n",
               'hello everyone and welcome to the podcast'),
    'plain.vtt': ("WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Lex>Yeah.\n\n"
                  "2\n00:00:02.000 --> 00:00:03.000\nYeah.\n",
                  'Yeah. Yeah.'),
    'cues.srt': ("1\n00:00:01,000 --> 00:00:02,000\n<i>hello</i> there\n\n2\n00:00:02,000 --> 00:00:03,000\nsecond cue\n",
                 'hello there second cue'),
}

failed = 0
with tempfile.TemporaryDirectory() as d:
    for name, (text, want) in CASES.items():
        path = os.path.join(d, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        got = ' '.join(dist.transcript_text(path))
        if got != want:
            print('FAIL %s: %r != %r' % (name, got, want))
            failed += 1
if failed:
    sys.exit(1)
print('dist.py transcript text: all checks passed')
