// The peer benchmark's corpora and queries (bench/peers/run.mjs; also bench/peers/identical.mjs).
//
// Corpora (all cut into 60-word passages; every engine indexes the same passages, one document each):
//   demo     assets/lex-fridman-383-mark-zuckerberg.txt
//   100x     100 copies of the demo, each shuffled in 8-word chunks with a fixed seed (~2.96 M words)
//   lexicap  ../shared/data/lexicap/*.vtt, cue text extracted here (skipped when absent)
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

// ---------------------------------------------------------------- corpora
export const PASSAGE_WORDS = 60;
function cut(words, out) {
  for (let i = 0; i < words.length; i += PASSAGE_WORDS) out.push(words.slice(i, i + PASSAGE_WORDS).join(' '));
  return out;
}
export function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const demoText = fs.readFileSync(path.join(ROOT, 'assets/lex-fridman-383-mark-zuckerberg.txt'), 'utf8');
const demoWords = demoText.split(/\s+/).filter(Boolean);
// @return { name, words, passages, eps (passages per episode)[, files] }; null when the corpus's data is absent.
export function corpus(name, LEXICAP = path.join(ROOT, '../shared/data/lexicap')) {
  if (name === 'demo') { const passages = cut(demoWords, []); return { name, words: demoWords.length, passages, eps: [passages.length] }; }
  if (name === '100x') {
    const rnd = mulberry32(2023), out = [], eps = [];
    let n = 0;
    for (let c = 0; c < 100; ++c) {
      const chunks = [];
      for (let k = 0; k < demoWords.length; k += 8) chunks.push(k);
      for (let k = chunks.length; k > 1; --k) {
        const j = Math.floor(rnd() * k);
        [chunks[k - 1], chunks[j]] = [chunks[j], chunks[k - 1]];
      }
      const w = [];
      for (const k of chunks) for (let j = k; j < Math.min(demoWords.length, k + 8); ++j) w.push(demoWords[j]);
      n += w.length;
      const before = out.length;
      cut(w, out);  // passages never span two copies (copies are episodes)
      eps.push(out.length - before);
    }
    return { name, words: n, passages: out, eps };
  }
  if (name === 'lexicap') {
    if (!fs.existsSync(LEXICAP)) return null;
    const files = fs.readdirSync(LEXICAP).filter((f) => f.endsWith('.vtt')).sort();
    const out = [], eps = [];
    let n = 0;
    for (const f of files) {
      const lines = fs.readFileSync(path.join(LEXICAP, f), 'utf8').split(/\r?\n/);
      const w = [];
      for (const l of lines) {
        if (!l.trim() || l.startsWith('WEBVTT') || l.includes('-->') || /^\d+$/.test(l.trim()) ||
            /^(NOTE|STYLE|Kind:|Language:)/.test(l)) continue;
        for (const x of l.replace(/<[^>]*>/g, ' ').split(/\s+/)) if (x) w.push(x);
      }
      n += w.length;
      const before = out.length;
      cut(w, out);
      if (out.length > before) eps.push(out.length - before);
    }
    return { name, words: n, passages: out, eps, files: files.length };
  }
  throw new Error('unknown corpus ' + name);
}

// ---------------------------------------------------------------- queries
// q: the project's syntax. terms/kind drive the oracle and each peer's closest translation.
export const QUERIES = [
  { kind: 'common', q: 'the', terms: ['the'] },
  { kind: 'common', q: 'ai', terms: ['ai'] },
  { kind: 'common', q: 'open', terms: ['open'] },
  { kind: 'word', q: 'facebook', terms: ['facebook'] },
  { kind: 'word', q: 'metaverse', terms: ['metaverse'] },
  { kind: 'word', q: 'llama', terms: ['llama'] },
  { kind: 'word', q: 'whatsapp', terms: ['whatsapp'] },
  { kind: 'rare', q: 'encryption', terms: ['encryption'] },
  { kind: 'rare', q: 'grappling', terms: ['grappling'] },
  { kind: 'rare', q: 'sunglasses', terms: ['sunglasses'] },
  { kind: 'rare', q: 'consciousness', terms: ['consciousness'] },
  { kind: 'and', q: 'mark zuckerberg', terms: ['mark', 'zuckerberg'] },
  { kind: 'and', q: 'open source ai', terms: ['open', 'source', 'ai'] },
  { kind: 'phrase', q: '"mark zuckerberg"', terms: ['mark', 'zuckerberg'] },
  { kind: 'phrase', q: '"the future of"', terms: ['the', 'future', 'of'] },
  { kind: 'phrase', q: '"to be"', terms: ['to', 'be'] },
  { kind: 'phrase', q: '"open source"', terms: ['open', 'source'] },
  { kind: 'prefix', q: 'meta*', terms: ['meta'] },
  { kind: 'prefix', q: 'zuck*', terms: ['zuck'] },
  { kind: 'prefix', q: 'th*', terms: ['th'] },
  { kind: 'typo', q: 'zuckerburg', terms: ['zuckerburg'], intended: ['zuckerberg'] },
  { kind: 'typo', q: 'metavers', terms: ['metavers'], intended: ['metaverse'] },
  { kind: 'typo', q: 'facebok', terms: ['facebok'], intended: ['facebook'] },
  { kind: 'typo', q: 'instagarm', terms: ['instagarm'], intended: ['instagram'] },
  { kind: 'typo', q: 'whatsap', terms: ['whatsap'], intended: ['whatsapp'] },
  { kind: 'not', q: 'ai -facebook', terms: ['ai'], neg: ['facebook'] },
  { kind: 'or', q: 'llama OR llamas', terms: ['llama', 'llamas'] },
];

// The project's engine takes episodes (empty line between) of passages (one a line).
export function txInput(passages, eps) {
  const out = [];
  let i = 0;
  for (const k of eps) { out.push(passages.slice(i, i + k).join('\n')); i += k; }
  return out.join('\n\n');
}
