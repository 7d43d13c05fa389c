// Prompts in a report grow with the run: with full memory, each prompt of an agent repeats the one before
// most of the one before it. Embedded whole, a 10,000-event run made a 69 MiB page. Packed, each message
// is stored as the lengths of the head and tail it shares with the same agent's message at the same
// position in its previous prompt, plus what differs between them, so the page grows with what the run
// adds, not with its square.
// `packRunPrompts` runs when the page is written, `unpackRunPrompts` in the browser before drawing; both
// walk the transcript in order. No Node or DOM API here: the client bundle imports this file too.
import type { ReportView, RunView, TranscriptEntry } from './report-data.js';

/** A packed message content: the reference text's first `keep` characters, then `add`, then its last `tail`. */
export interface PackedText {
  keep: number;
  add: string;
  tail: number;
}

type Message = { role: string; content: string | PackedText };

/** Shorter messages are left whole: a reference would not save enough to pay for itself. */
const MIN_SHARED = 64;

function keyOf(entry: TranscriptEntry, index: number): string {
  return `${entry.agent}\u0000${index}`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** How `next` differs from `previous`: their shared head and tail (never overlapping, never splitting a
 * surrogate pair, so every piece stays valid UTF-16 in JSON). */
function pack(previous: string, next: string): PackedText {
  const n = Math.min(previous.length, next.length);
  let keep = 0;
  while (keep < n && previous.charCodeAt(keep) === next.charCodeAt(keep)) keep++;
  if (keep > 0 && isHighSurrogate(previous.charCodeAt(keep - 1))) keep--;
  let tail = 0;
  while (tail < n - keep && previous.charCodeAt(previous.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  if (tail > 0 && isHighSurrogate(next.charCodeAt(next.length - tail - 1))) tail--;
  return { keep, add: next.slice(keep, next.length - tail), tail };
}

function packRun(run: RunView): RunView {
  const last = new Map<string, string>();
  const transcript = run.transcript.map((entry) => {
    if (!entry.prompt) return entry;
    const prompt: Message[] = entry.prompt.map((m, i) => {
      const key = keyOf(entry, i);
      const previous = last.get(key);
      last.set(key, m.content);
      if (previous === undefined) return m;
      const packed = pack(previous, m.content);
      return packed.keep + packed.tail >= MIN_SHARED ? { role: m.role, content: packed } : m;
      return m;
    });
    return { ...entry, prompt } as TranscriptEntry;
  });
  return { ...run, transcript };
}

function unpackRun(run: RunView): RunView {
  const last = new Map<string, string>();
  for (const entry of run.transcript) {
    if (!entry.prompt) continue;
    entry.prompt = (entry.prompt as Message[]).map((m, i) => {
      const key = keyOf(entry, i);
      let content: string;
      if (typeof m.content === 'string') content = m.content;
      else {
        const previous = last.get(key);
        const { keep, add, tail } = m.content;
        if (previous === undefined || previous.length < keep + tail) throw new Error(`report data: prompt of seq ${entry.seq} refers to a message that is not there`);
        content = previous.slice(0, keep) + add + previous.slice(previous.length - tail);
      }
      last.set(key, content);
      return { role: m.role, content };
    });
  }
  return run;
}

/** The view with run transcripts' prompts packed (a new object; the input is not changed). */
export function packRunPrompts(view: ReportView): ReportView {
  if (view.kind === 'run') return packRun(view);
  if (view.kind === 'pair') return { ...view, a: packRun(view.a), b: packRun(view.b) };
  return view;
}

/** Reverses `packRunPrompts` in place (the parsed page data is the client's own copy). */
export function unpackRunPrompts(view: ReportView): ReportView {
  if (view.kind === 'run') unpackRun(view);
  else if (view.kind === 'pair') {
    unpackRun(view.a);
    unpackRun(view.b);
  }
  return view;
}
