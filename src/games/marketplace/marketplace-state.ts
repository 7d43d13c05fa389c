// The marketplace's JSON-serialisable state and the observations each side gets.
import type { Proposal } from './marketplace-actions.js';
import type { SearchResult } from './search.js';

export interface MarketMessage {
  /** Position in the global message log (creation order = "created_at" order of the reference). */
  index: number;
  from: string;
  to: string;
  sentTick: number;
  /** Messages sent during tick t are delivered at tick t + 1. */
  deliverTick: number;
  kind: 'text' | 'proposal' | 'payment';
  content?: string;
  proposal?: Proposal;
  /** For payments: the paid proposal's id. */
  proposalId?: string;
}

export interface ProposalRecord {
  business: string;
  customer: string;
  proposal: Proposal;
  /** Index of the message that carried it. */
  messageIndex: number;
  deliverTick: number;
  paidTick?: number;
}

export interface CustomerProgress {
  searches: number;
  /** The latest search result (kept until the next search). */
  lastSearch: SearchResult | null;
  /** Businesses this customer has written to, in first-contact order. */
  contacted: string[];
  /** Result of the customer's last message check or rejected action, shown in its next observation. */
  lastResult: LastResult | null;
  /** Messages with index below this were fetched by check_messages. */
  fetchedIndex: number;
  /** Keys (`business/proposal id`) of paid proposals, in payment order. */
  paid: string[];
  ended: boolean;
}

export type LastResult =
  | { kind: 'messages'; indices: number[]; has_more: boolean }
  | { kind: 'rejected'; reason: string };

export interface MarketState {
  tick: number;
  messages: MarketMessage[];
  /** By key `business/proposal id`. */
  proposals: Record<string, ProposalRecord>;
  customers: Record<string, CustomerProgress>;
  /** Proposals that reached `apply` invalid (the engine normally stops them earlier via legality). */
  invalidProposals: Array<{ business: string; customer: string; tick: number; reason: string }>;
  /** Other illegal actions that reached `apply`; they are ignored. */
  rejected: Array<{ agent: string; tick: number; reason: string }>;
  /** Seed of the randomized `pick_any` baseline, drawn from the game's rng at init (so runs with one seed agree). */
  baselineSeed: number;
}

export const proposalKey = (business: string, id: string): string => `${business}/${id}`;

/** A business as a search result or proposal sender shows it. */
export interface BusinessProfile {
  id: string;
  name: string;
  description: string;
  rating: number;
  menu: Record<string, number>;
  amenities: string[];
}

export interface ShownMessage {
  index: number;
  from: string;
  to: string;
  tick: number;
  kind: MarketMessage['kind'];
  content?: string;
  proposal?: Proposal;
  proposalId?: string;
}

export interface KnownProposal {
  business: string;
  id: string;
  items: Proposal['items'];
  total_price: number;
  expiry_tick?: number;
  /** Arrival order among this customer's proposals (1 = first). */
  arrival: number;
  status: 'open' | 'expired' | 'paid';
}

export interface CustomerObservation {
  side: 'customer';
  tick: number;
  maxTicks: number;
  you: { id: string; name: string; request: string; items: Record<string, number>; amenities: string[] };
  searches: number;
  contacted: string[];
  lastSearch?: SearchResult & { profiles: BusinessProfile[] };
  lastMessages?: { messages: ShownMessage[]; has_more: boolean };
  lastRejection?: string;
  /** Delivered messages not fetched yet. */
  unread: number;
  /** Proposals fetched so far. */
  proposals: KnownProposal[];
  paid: boolean;
}

export interface BusinessObservation {
  side: 'business';
  tick: number;
  you: BusinessProfile;
  /** Per customer: delivered incoming and all outgoing messages, oldest first. */
  conversations: Record<string, ShownMessage[]>;
  /** Its proposals and whether they were paid. */
  proposals: Array<{ customer: string; id: string; total_price: number; paid: boolean }>;
}

export type MarketObservation = CustomerObservation | BusinessObservation;
