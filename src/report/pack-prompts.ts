// Prompts in a report grow with the run: with full memory, each prompt of an agent repeats most of the
// one before it (a memory list and a history table each gain a row per round). Embedded whole, a
// 10,000-event run made a 69 MiB page. Packed, each message is stored as a line diff (jsdiff's
// `diffLines`) against the same agent's message at the same position in its previous prompt, so the page
// grows with what the run adds, not with its square. `packRunPrompts` runs when the page is written,
// `unpackRunPrompts` in the browser before drawing; both walk the transcript in order. No Node or DOM
// API here: the client bundle imports this file too.
import { diffLines } from 'diff';
import type { ReportView, RunView, TranscriptEntry } from './report-data.js';

/**
 * A packed message content, read left to right against the previous message's lines: a positive number
 * copies that many lines, a negative number skips that many, a string is inserted as is.
 */
export type PackedText = { ops: Array<number | string> };

type Message = { role: string; content: string | PackedText };

/** Shorter messages are left whole: a diff would not save enough to pay for itself. */
const MIN_LENGTH = 256;

function keyOf(entry: TranscriptEntry, index: number): string {
  return `${entry.agent}\u0000${index}`;
}

/** Lines of `text`, each with its line ending (the last may have none). */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function pack(previous: string, next: string): PackedText | undefined {
  const ops: Array<number | string> = [];
  let copied = 0;
  for (const part of diffLines(previous, next)) {
    const count = part.count ?? lines(part.value).length;
    if (part.added) ops.push(part.value);
    else if (part.removed) ops.push(-count);
    else {
      ops.push(count);
      copied += part.value.length;
    }
  }
  return copied * 2 >= next.length ? { ops } : undefined;
}

function unpack(previous: string, packed: PackedText, seq: number): string {
  const source = lines(previous);
  let at = 0;
  let out = '';
  for (const op of packed.ops) {
    if (typeof op === 'string') out += op;
    else if (op < 0) at -= op;
    else {
      if (at + op > source.length) throw new Error(`report data: prompt of seq ${seq} copies lines that are not there`);
      out += source.slice(at, at + op).join('');
      at += op;
    }
  }
  return out;
}

function packRun(run: RunView): RunView {
  const last = new Map<string, string>();
  const transcript = run.transcript.map((entry) => {
    if (!entry.prompt) return entry;
    const prompt: Message[] = entry.prompt.map((m, i) => {
      const key = keyOf(entry, i);
      const previous = last.get(key);
      last.set(key, m.content);
      const packed = previous !== undefined && m.content.length >= MIN_LENGTH ? pack(previous, m.content) : undefined;
      return packed ? { role: m.role, content: packed } : m;
    });
    return { ...entry, prompt } as TranscriptEntry;
  });
  return { ...run, transcript };
}

function unpackRun(run: RunView): void {
  const last = new Map<string, string>();
  for (const entry of run.transcript) {
    if (!entry.prompt) continue;
    entry.prompt = (entry.prompt as Message[]).map((m, i) => {
      const key = keyOf(entry, i);
      let content: string;
      if (typeof m.content === 'string') content = m.content;
      else {
        const previous = last.get(key);
        if (previous === undefined) throw new Error(`report data: prompt of seq ${entry.seq} refers to a message that is not there`);
        content = unpack(previous, m.content, entry.seq);
      }
      last.set(key, content);
      return { role: m.role, content };
    });
  }
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
