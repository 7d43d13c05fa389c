// A home-made SentencePiece (SPM) vocabulary for tiny test models: control tokens, 256 byte-fallback
// tokens, the word-boundary mark and printable ASCII, then merges learned by a tiny BPE pass over our
// corpus, then optional padding. Any UTF-8 text round-trips through the byte fallback.
import { TOKENIZER_CORPUS } from './tokenizer-corpus.js';

/** llama.cpp token types (tokenizer.ggml.token_type). */
export const TokenType = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export const SPACE_MARK = '\u2581';

export interface SpmVocab {
  tokens: string[];
  scores: number[];
  types: number[];
  unk: number;
  bos: number;
  eos: number;
}

export interface SpmVocabOptions {
  /** How many merges to learn from the corpus. @default 150 */
  merges?: number;
  /** Pad the vocabulary with unused tokens up to this size (no padding when smaller). @default 0 */
  size?: number;
  /** Text to learn merges from. @default TOKENIZER_CORPUS */
  corpus?: string;
}

/** Learn up to `count` merges: repeatedly join the most frequent adjacent pair (ties: lexicographic). */
export function learnMerges(corpus: string, count: number): string[] {
  const words = new Map<string, number>();
  for (const w of corpus.split(/\s+/).filter(Boolean)) {
    const key = SPACE_MARK + w;
    words.set(key, (words.get(key) ?? 0) + 1);
  }
  let split = [...words].map(([w, n]) => ({ pieces: [...w], n }));
  const merges: string[] = [];
  while (merges.length < count) {
    const pairs = new Map<string, number>();
    for (const { pieces, n } of split) {
      for (let i = 0; i + 1 < pieces.length; i++) {
        const key = `${pieces[i]}\u0000${pieces[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + n);
      }
    }
    const best = [...pairs].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (!best || best[1] < 2) break;
    const [left, right] = best[0].split('\u0000') as [string, string];
    merges.push(left + right);
    split = split.map(({ pieces, n }) => {
      const out: string[] = [];
      for (let i = 0; i < pieces.length; i++) {
        if (pieces[i] === left && pieces[i + 1] === right) {
          out.push(left + right);
          i++;
        } else out.push(pieces[i] as string);
      }
      return { pieces: out, n };
    });
  }
  return merges;
}

export function buildSpmVocab(options: SpmVocabOptions = {}): SpmVocab {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const add = (text: string, type: number, score = 0): void => {
    tokens.push(text);
    types.push(type);
    scores.push(score);
  };
  add('<unk>', TokenType.unknown);
  add('<s>', TokenType.control);
  add('</s>', TokenType.control);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TokenType.byte);
  // single characters: low scores; SPM only uses scores to order merges
  add(SPACE_MARK, TokenType.normal, -1000);
  for (let c = 0x21; c <= 0x7e; c++) add(String.fromCharCode(c), TokenType.normal, -1000);
  const seen = new Set(tokens);
  learnMerges(options.corpus ?? TOKENIZER_CORPUS, options.merges ?? 150).forEach((piece, i) => {
    if (seen.has(piece)) return;
    seen.add(piece);
    add(piece, TokenType.normal, -i); // earlier merges are more frequent: higher score, merged first
  });
  for (let i = 0; tokens.length < (options.size ?? 0); i++) add(`<unused${i}>`, TokenType.unused, -10000);
  return { tokens, scores, types, unk: 0, bos: 1, eos: 2 };
}
