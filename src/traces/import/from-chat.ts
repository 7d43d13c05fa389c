// A chat transcript (JSONL, one `{role, name?, content}` message per line, as chat APIs and agent
// frameworks log them) as Polis `message` events from `name` (else `role`) to all, in line order,
// each caused by the line before. The line is kept verbatim in `imported.record`.
import { InputError } from '../../core/errors/input-error.js';
import type { ConvertedEvent, ConvertedTrace } from './imported.js';

export interface ChatSource {
  line: number;
  record: Record<string, unknown>;
}

export function fromChat(text: string, file: string, runId: string): ConvertedTrace {
  const lines = text.split(/\r?\n/);
  const records: ChatSource[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const body = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (body.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      throw new InputError(`not JSON (${(error as Error).message}); expected one {role, name, content} message per line`, { file, line });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError('expected a JSON object {role, name, content}', { file, line });
    }
    const record = value as Record<string, unknown>;
    if (typeof record.role !== 'string' || record.role === '') throw new InputError('expected a non-empty string', { file, line, field: 'role' });
    if (record.name !== undefined && (typeof record.name !== 'string' || record.name === '')) {
      throw new InputError('expected a non-empty string when present', { file, line, field: 'name' });
    }
    if (record.content_ref === undefined && record.content !== null && typeof record.content !== 'string' && !Array.isArray(record.content)) {
      throw new InputError('expected a string, an array of content parts, null, or a content_ref', { file, line, field: 'content' });
    }
    if (record.content_ref !== undefined && typeof record.content_ref !== 'string') {
      throw new InputError('expected a string', { file, line, field: 'content_ref' });
    }
    records.push({ line, record });
  });
  if (records.length === 0) throw new InputError('no messages: expected one {role, name, content} JSON object per line', { file });

  const agents = new Map<string, string>();
  for (const { record } of records) {
    const from = speaker(record);
    if (!agents.has(from)) agents.set(from, record.role as string);
  }
  const events: ConvertedEvent[] = [
    {
      event: {
        type: 'run-start',
        time: 0,
        game: { name: 'chat', version: 'imported' },
        agents: [...agents].map(([id, role]) => ({ id, role, policy: 'imported', usesModel: role === 'assistant' })),
      },
      parents: [],
    },
  ];
  records.forEach((source, turn) => {
    const { record } = source;
    const from = speaker(record);
    const wall = wallOf(record.timestamp);
    events.push({
      event: {
        type: 'message',
        time: turn,
        agent: from,
        from,
        to: 'all',
        channel: 'chat',
        content: contentText(record.content),
        ...(wall === undefined ? {} : { wall }),
        ...(typeof record.content_ref === 'string' ? { contentRef: record.content_ref } : {}),
        imported: source,
      } as ConvertedEvent['event'],
      parents: turn === 0 ? [] : [turn],
    });
  });
  events.push({ event: { type: 'run-end', time: records.length - 1, status: 'completed', payoffs: {}, metrics: {} }, parents: [] });
  const first = records.map((r) => wallOf(r.record.timestamp)).find((w) => w !== undefined);
  return { runId, document: {}, events, ...(first === undefined ? {} : { createdAt: new Date(first).toISOString() }) };
}

function speaker(record: Record<string, unknown>): string {
  return (record.name as string | undefined) ?? (record.role as string);
}

/** A string, or the text parts of a content-part array (`{type: 'text', text}`) joined by newlines. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? ((p as { text?: unknown; content?: unknown }).text ?? (p as { content?: unknown }).content) : undefined))
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

function wallOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || ms < 0 ? undefined : ms;
  }
  return undefined;
}
