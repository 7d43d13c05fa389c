// The marketplace's reference data: customers (what they want, what it is worth to them) and businesses
// (menus, amenities, ratings). Schema of microsoft/multi-agent-marketplace@fdaf34d `data/` (spec 6.1).
import { z } from 'zod';

export const customerSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The customer's request in words, shown to its assistant. */
    request: z.string(),
    /** Requested item -> the price the customer expects to pay (its value is 2x this when needs are met). */
    menu_features: z.record(z.string(), z.number().nonnegative()),
    /** Amenities the business must offer. */
    amenity_features: z.array(z.string()).default([]),
  })
  .strict();

export const businessSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string(),
    /** Rating in [0, 1]; search results are sorted by it. */
    rating: z.number().min(0),
    /** The customer this business was generated for (dataset bookkeeping). */
    progenitor_customer: z.string().optional(),
    /** Item -> menu price in dollars. */
    menu_features: z.record(z.string(), z.number().nonnegative()),
    /** Amenity -> offered. */
    amenity_features: z.record(z.string(), z.boolean()),
    /** Lowest price multiplier the business would accept (unused by the scripted protocol). */
    min_price_factor: z.number().nonnegative(),
  })
  .strict();

export type Customer = z.infer<typeof customerSchema>;
export type Business = z.infer<typeof businessSchema>;

/** One market: its name (folder or generator label) and both sides. */
export interface Market {
  name: string;
  customers: Customer[];
  businesses: Business[];
}

/** Σ of the customer's requested prices. */
export function requestedTotal(customer: Customer): number {
  return Object.values(customer.menu_features).reduce((a, b) => a + b, 0);
}

/** The business serves every item the customer requested. */
export function hasAllItems(business: Business, customer: Customer): boolean {
  return Object.keys(customer.menu_features).every((item) => item in business.menu_features);
}

/** The business offers every amenity the customer requires. */
export function hasAllAmenities(business: Business, customer: Customer): boolean {
  return customer.amenity_features.every((a) => business.amenity_features[a] === true);
}

/** What the requested basket (one of each item) costs at the business's menu prices. */
export function basketPrice(business: Business, customer: Customer): number {
  let total = 0;
  for (const item of Object.keys(customer.menu_features)) total += business.menu_features[item] ?? Number.NaN;
  return total;
}
