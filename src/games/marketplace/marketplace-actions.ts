// Action schemas of the marketplace (spec 6.1): a discriminated union on `type` for each side.
import { z } from 'zod';

const constraintsSchema = z
  .object({
    rating_threshold: z.number().min(0).optional(),
    amenity_features: z.array(z.string()).optional(),
    menu_items: z.array(z.string()).optional(),
  })
  .strict();

export const customerActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('search'),
    query: z.string(),
    algorithm: z.enum(['simple', 'filtered', 'lexical', 'optimal']),
    constraints: constraintsSchema.optional(),
    limit: z.number().int().min(1).max(100).optional(),
    page: z.number().int().min(1).optional(),
  }),
  z.object({
    type: z.literal('send_messages'),
    messages: z.array(z.object({ to: z.string(), content: z.string().min(1) })).min(1),
  }),
  /** Accept a proposal: pays its total to the business that made it. */
  z.object({ type: z.literal('pay'), business: z.string(), proposal_id: z.string().min(1) }),
  /** Fetch delivered messages not fetched yet (oldest first). */
  z.object({ type: z.literal('check_messages'), limit: z.number().int().min(1).max(100).optional() }),
  z.object({ type: z.literal('end_transaction') }),
  z.object({ type: z.literal('wait') }),
]);

export const proposalItemSchema = z.object({
  item_name: z.string(),
  /** Validated by `legality` (>= 1, integer), not here, so that a bad quantity is counted as an invalid proposal. */
  quantity: z.number(),
  unit_price: z.number(),
});

export const proposalSchema = z.object({
  id: z.string().min(1),
  items: z.array(proposalItemSchema).min(1),
  total_price: z.number(),
  /** Last tick at which the proposal can be paid; none = never expires. */
  expiry_tick: z.number().int().optional(),
});

export const businessActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), to: z.string(), content: z.string().min(1) }),
  z.object({ type: z.literal('propose'), to: z.string(), proposal: proposalSchema }),
  z.object({ type: z.literal('wait') }),
]);

export type CustomerAction = z.infer<typeof customerActionSchema>;
export type BusinessAction = z.infer<typeof businessActionSchema>;
export type MarketAction = CustomerAction | BusinessAction;
export type Proposal = z.infer<typeof proposalSchema>;
