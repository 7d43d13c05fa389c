// Text interning: long strings in model-call messages, model-call response text and observation
// payloads are stored once as a `text` event and referred to as `{ "$text": hash }`. The writer
// interns, the reader resolves; both walk exactly the same places, listed here.
import { sha256 } from '../core/hash.js';

/** Strings at least this long (UTF-16 code units) are interned. */
export const INTERN_MIN_LENGTH = 256;

export interface TextRef {
  $text: string;
}

export function isTextRef(value: unknown): value is TextRef {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$text' && typeof (value as TextRef).$text === 'string';
}

/**
 * Replaces long strings by references. `intern(text)` returns the hash (and records the text);
 * the value is copied only along paths that change, so callers' objects are never mutated.
 */
export function internValue(value: unknown, intern: (text: string) => string): unknown {
  if (typeof value === 'string') {
    return value.length >= INTERN_MIN_LENGTH ? { $text: intern(value) } : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = internValue(value[i], intern);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const old = (value as Record<string, unknown>)[key];
    const v = internValue(old, intern);
    if (v !== old) (out ??= { ...(value as Record<string, unknown>) })[key] = v;
  }
  return out ?? value;
}

/** Interns the model-call and observation fields of a serialisable event object (returns a copy if needed). */
export function internEvent<E extends { type: string }>(event: E, intern: (text: string) => string): E {
  if (event.type === 'observation') {
    const obs = (event as unknown as { observation: unknown }).observation;
    const next = internValue(obs, intern);
    return next === obs ? event : { ...event, observation: next };
  }
  if (event.type === 'model-call') {
    const e = event as unknown as {
      request?: { messages?: Array<{ content?: unknown }> };
      response?: { text?: unknown };
    };
    let request = e.request;
    const messages = request?.messages;
    if (Array.isArray(messages)) {
      const next = internValue(messages.map((m) => m.content), intern) as unknown[];
      if (next.some((c, i) => c !== messages[i]?.content)) {
        request = { ...request, messages: messages.map((m, i) => ({ ...m, content: next[i] })) };
      }
    }
    let response = e.response;
    const text = response?.text;
    if (typeof text === 'string' && text.length >= INTERN_MIN_LENGTH) {
      response = { ...response, text: { $text: intern(text) } };
    }
    return request === e.request && response === e.response ? event : { ...event, request, response };
  }
  return event;
}

/** Where a reference failed to resolve: a field path relative to the event. */
export class UnknownTextRef extends Error {
  constructor(
    readonly hash: string,
    readonly path: string,
  ) {
    super(`unknown $text reference ${hash}`);
  }
}

function resolveValue(value: unknown, texts: ReadonlyMap<string, string>, path: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isTextRef(value)) {
    const text = texts.get(value.$text);
    if (text === undefined) throw new UnknownTextRef(value.$text, path);
    return text;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resolveValue(value[i], texts, `${path}[${i}]`);
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) obj[key] = resolveValue(obj[key], texts, `${path}.${key}`);
  return value;
}

/** Resolves references in place in a freshly parsed event (the reader owns that object). */
export function resolveEventRefs(event: Record<string, unknown>, texts: ReadonlyMap<string, string>): void {
  if (event.type === 'observation') {
    event.observation = resolveValue(event.observation, texts, 'observation');
  } else if (event.type === 'model-call') {
    const request = event.request as { messages?: unknown } | undefined;
    if (request && Array.isArray(request.messages)) {
      request.messages.forEach((m: unknown, i) => {
        if (m && typeof m === 'object' && 'content' in m) {
          const msg = m as { content: unknown };
          msg.content = resolveValue(msg.content, texts, `request.messages[${i}].content`);
        }
      });
    }
    const response = event.response as { text?: unknown } | undefined;
    if (response && typeof response === 'object' && 'text' in response) {
      response.text = resolveValue(response.text, texts, 'response.text');
    }
  }
}

export function textHash(text: string): string {
  return sha256(text);
}
