// Keeps recent items verbatim and folds older ones into a running summary written by a model, so long
// runs keep a bounded prompt. The summarising call goes through the same model stack as any other call.
import type { ModelClient } from '../../models/model.js';
import type { Memory, MemoryItem } from '../agent.js';

export interface SummaryMemoryOptions {
  model: ModelClient;
  /** Summarise when this many unsummarised items have piled up. @default 10 */
  every?: number;
  /** Items kept verbatim after a summary. @default 3 */
  keep?: number;
  /** Who owns the memory, for call contexts. */
  agentId: string;
}

export class SummaryMemory implements Memory {
  readonly kind = 'summary' as const;
  private summary: MemoryItem | undefined;
  private items: MemoryItem[] = [];
  private summaries = 0;
  private readonly every: number;
  private readonly keep: number;
  /** Recent rounds shown verbatim next to the summary. */
  readonly horizon: number;

  constructor(private readonly options: SummaryMemoryOptions) {
    this.every = options.every ?? 10;
    this.keep = options.keep ?? 3;
    if (this.keep >= this.every) throw new RangeError('summary memory: keep must be smaller than every');
    this.horizon = Math.max(1, this.keep);
  }

  async add(item: MemoryItem): Promise<void> {
    this.items.push(item);
    if (this.items.length < this.every) return;
    const folded = this.items.slice(0, this.items.length - this.keep);
    const previous = this.summary ? `Summary so far:\n${this.summary.text}\n\n` : '';
    const response = await this.options.model.generate({
      messages: [
        { role: 'system', content: 'You keep a concise first-person memory for an agent in a simulation. Keep facts, numbers, commitments and who did what.' },
        { role: 'user', content: `${previous}New events:\n${folded.map((i) => `- [turn ${i.turn}] ${i.text}`).join('\n')}\n\nWrite the updated summary in at most 120 words.` },
      ],
      call: { agentId: this.options.agentId, purpose: 'summarise', turn: item.turn, position: this.summaries },
    });
    this.summaries++;
    this.summary = { turn: item.turn, kind: 'summary', text: response.text.trim() };
    this.items = this.items.slice(-this.keep);
  }

  view(): MemoryItem[] {
    return this.summary ? [this.summary, ...this.items] : this.items.slice();
  }

  snapshot(): unknown {
    return { summary: this.summary, items: this.items, summaries: this.summaries };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as { summary?: MemoryItem; items?: MemoryItem[]; summaries?: number };
    this.summary = s.summary;
    this.items = (s.items ?? []).slice();
    this.summaries = s.summaries ?? 0;
  }
}
