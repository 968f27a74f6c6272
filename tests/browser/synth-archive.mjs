// Deterministic synthetic WebVTT archives for tests and benchmarks (no ../shared data needed):
// episode k opens with "The following is a conversation with <Name k>." and continues with words
// drawn from the demo transcript by a fixed LCG, one cue per ~12 words (4 s). Each episode also
// mentions its own marker word ("zorblax<k letters>") once, at a known cue, and "quasarine" in the
// even episodes only.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_TXT } from './harness.mjs';

const NAMES = ['Ada Quill', 'Bo Marsh', 'Cy Fenwick', 'Di Orcutt', 'Ed Pym', 'Flo Ragan', 'Gus Tolliver', 'Hal Underby'];

function ts(ms) {
  const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60, r = ms % 1000;
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}.${p(r, 3)}`;
}

export function markerWord(k) {  // letters only, so it is one token
  let s = '', n = k;
  do { s += String.fromCharCode(97 + (n % 26)); n = Math.floor(n / 26); } while (n > 0);
  return 'zorblax' + s;
}

// Write `count` episodes of about `words` words into `dir`. Returns the file paths.
export function writeSyntheticArchive(dir, count, words = 4000, seed = 12345) {
  const vocab = fs.readFileSync(DEMO_TXT, 'utf8').split(/\s+/).filter(Boolean);
  let x = seed >>> 0;
  const rnd = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x; };
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let k = 0; k < count; ++k) {
    const name = `${NAMES[k % NAMES.length]} ${Math.floor(k / NAMES.length) + 1}`;
    const cues = [`The following is a conversation with ${name}.`];
    const n = words + (rnd() % 1000);
    let cur = [];
    const markerCue = 5 + (k % 7);
    for (let i = 0; i < n; ++i) {
      cur.push(vocab[rnd() % vocab.length]);
      if (cur.length === 12) {
        if (cues.length === markerCue) cur.push(markerWord(k));
        if (cues.length === markerCue + 3 && k % 2 === 0) cur.push('quasarine');
        cues.push(cur.join(' '));
        cur = [];
      }
    }
    if (cur.length) cues.push(cur.join(' '));
    let vtt = 'WEBVTT\n\n';
    cues.forEach((c, i) => { vtt += `${ts(i * 4000)} --> ${ts(i * 4000 + 4000)}\n${c}\n\n`; });
    const file = path.join(dir, `episode_${String(k + 1).padStart(3, '0')}.vtt`);
    fs.writeFileSync(file, vtt);
    files.push(file);
  }
  return files;
}
