// Deterministic synthetic WebVTT archives for tests and benchmarks (no ../shared data needed):
// episode k opens with "The following is a conversation with <Name k>." and continues with words
// drawn from the demo transcript by a fixed LCG, one cue per ~12 words (4 s). Each episode also
// mentions its own marker word ("zorblax<k letters>") once, at a known cue, and "quasarine" in the
// even episodes only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DEMO_TXT } from './harness.mjs';

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

// A small archive with clear topics that recur across episodes (the Episodes tab's recurring
// topics): four WebVTT episodes of three sections each, drawn from one small vocabulary per topic;
// cooking is in episodes 1, 3 and 4, astronomy in 1 and 2, chess in 3 and 4. > 1 MB of text, so the
// page loads it as an archive (indexed in slices, recurring topics found after). Packed with
// build/transcript once per process. @return the bundle's bytes.
const STARS = ['telescope', 'galaxy', 'orbit', 'planet', 'nebula', 'comet', 'asteroid', 'astronomer', 'supernova', 'eclipse', 'meteor', 'starlight'];
const COOKING = ['recipe', 'oven', 'flour', 'butter', 'dough', 'bake', 'pastry', 'sugar', 'whisk', 'cinnamon', 'kitchen', 'bread'];
const FOOTBALL = ['goalkeeper', 'striker', 'penalty', 'stadium', 'referee', 'midfield', 'tackle', 'offside', 'league', 'trophy', 'dribble', 'corner'];
const GARDEN = ['tulip', 'compost', 'seedling', 'shovel', 'greenhouse', 'hedge', 'soil', 'blossom', 'pruning', 'orchard', 'weeds', 'mulch'];
const MUSIC = ['violin', 'orchestra', 'melody', 'chord', 'symphony', 'cello', 'rhythm', 'concerto', 'piano', 'harmony', 'tempo', 'flute'];
const CHESS = ['bishop', 'checkmate', 'gambit', 'rook', 'pawn', 'endgame', 'castling', 'knight', 'grandmaster', 'stalemate', 'opening', 'queen'];
const TRAINS = ['locomotive', 'railway', 'carriage', 'station', 'platform', 'timetable', 'signal', 'track', 'freight', 'tunnel', 'steam', 'sleeper'];
const SAILING = ['sailboat', 'harbour', 'anchor', 'mast', 'rudder', 'regatta', 'keel', 'voyage', 'compass', 'tide', 'deck', 'captain'];
export const TOPIC_VOCAB = { STARS, COOKING, CHESS };
const TOPIC_EPISODES = [[FOOTBALL, STARS, COOKING], [STARS, GARDEN, MUSIC], [CHESS, COOKING, TRAINS], [COOKING, SAILING, CHESS]];
const TOPIC_SENTENCES = 1300;  // per section, of 12 words

let topicPacked = null;
export function topicArchive() {
  if (topicPacked) return topicPacked;
  const glue = ['the', 'and', 'we', 'of', 'a', 'is', 'to', 'that'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-recurring-'));
  fs.mkdirSync(path.join(dir, 'src'));
  const ts = (s) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  TOPIC_EPISODES.forEach((sections, k) => {
    let x = 12345 + k * 7919;
    const rnd = () => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 16) & 0x7fff; };
    let vtt = 'WEBVTT\n\n', cue = 0;
    for (const vocab of sections)
      for (let i = 0; i < TOPIC_SENTENCES; ++i, ++cue) {
        const words = [];
        for (let w = 0; w < 12; ++w) words.push(w % 3 === 1 ? glue[rnd() % 8] : vocab[rnd() % vocab.length]);
        vtt += `${ts(cue * 4)} --> ${ts(cue * 4 + 4)}\n${words.join(' ')}.\n\n`;
      }
    fs.writeFileSync(path.join(dir, 'src', `episode_${k + 1}.vtt`), vtt);
  });
  const out = path.join(dir, 'archive.txb');
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', out, path.join(dir, 'src')]);
  topicPacked = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return topicPacked;
}
