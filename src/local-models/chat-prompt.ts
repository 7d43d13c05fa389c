// Renders chat messages into prompt tokens with the model's own chat template, leaving one turn open so
// that a continuation (an answer, or a user's follow-up) can be scored or generated inside it.
import { LlamaText, resolveChatWrapper, type ChatHistoryItem, type ChatWrapper, type LlamaModel, type Token } from 'node-llama-cpp';
import type { ChatMessage } from '../models/model.js';

const PLACEHOLDER = '\uE000polis-open-turn\uE000';

// Resolving a Jinja chat wrapper analyses the template (about a second): do it once per model.
const wrappers = new WeakMap<LlamaModel, ChatWrapper>();
export function chatWrapperFor(model: LlamaModel): ChatWrapper {
  let wrapper = wrappers.get(model);
  if (!wrapper) {
    wrapper = resolveChatWrapper(model);
    wrappers.set(model, wrapper);
  }
  return wrapper;
}

/**
 * Which turn is left open:
 * - the last message is `assistant`: its text is kept and the turn stays open (the continuation goes on with it);
 * - the last message is `user` with empty content: a user turn is opened (the continuation is the user's words);
 * - otherwise a new assistant turn is opened after all messages.
 */
export function renderChatPrompt(model: LlamaModel, messages: readonly ChatMessage[]): Token[] {
  const last = messages.at(-1);
  const openPrefix = last && (last.role === 'assistant' || (last.role === 'user' && last.content === '')) ? last.content : undefined;
  const closed = openPrefix === undefined ? messages : messages.slice(0, -1);
  const history: ChatHistoryItem[] = closed.map(toHistoryItem);
  history.push(last?.role === 'user' && openPrefix !== undefined
    ? { type: 'user', text: PLACEHOLDER }
    : { type: 'model', response: [(openPrefix ?? '') + PLACEHOLDER] });
  const { contextText } = chatWrapperFor(model).generateContextState({ chatHistory: history });
  const values: LlamaText['values'][number][] = [];
  for (const value of contextText.values) {
    if (typeof value === 'string' && value.includes(PLACEHOLDER)) {
      values.push(value.slice(0, value.indexOf(PLACEHOLDER)));
      break;
    }
    values.push(value);
  }
  return withBos(model, LlamaText(values).tokenize(model.tokenizer));
}

/** Raw text prompt tokens, with BOS when the model wants one. */
export function renderTextPrompt(model: LlamaModel, text: string): Token[] {
  return withBos(model, model.tokenize(text));
}

function withBos(model: LlamaModel, tokens: Token[]): Token[] {
  const bos = model.tokens.bos;
  if (bos === null || !model.tokens.shouldPrependBosToken || tokens[0] === bos) return tokens;
  return [bos, ...tokens];
}

export function toHistoryItem(m: ChatMessage): ChatHistoryItem {
  if (m.role === 'system') return { type: 'system', text: m.content };
  if (m.role === 'user') return { type: 'user', text: m.content };
  return { type: 'model', response: [m.content] };
}
