// Seeded synthetic markets with the reference schema, for scale tests and benchmarks (e.g. 100 x 300).
// Like the reference datasets, every business descends from a "progenitor" customer whose items it
// always serves, so each customer has at least one business that can satisfy its menu needs.
import { Rng } from '../../core/rng.js';
import type { Business, Customer, Market } from './market-data.js';

export interface GenerateMarketOptions {
  /** Number of customers. */
  customers: number;
  /** Number of businesses (at least 1). */
  businesses: number;
  /** Root seed; the same options give the same market. */
  seed: number;
  /** Items per business menu. @default 12 */
  menuSize?: number;
}

const STYLES = ['Smoky', 'Spicy', 'Roasted', 'Crispy', 'Chipotle', 'Citrus', 'Savory', 'Grilled', 'Mole', 'Lime', 'Jalapeno', 'Pineapple'];
const DISHES = ['Tacos', 'Enchiladas', 'Burrito', 'Quesadilla', 'Tamales', 'Empanadas', 'Agua Fresca', 'Flan', 'Churros', 'Salad', 'Tostadas', 'Pozole', 'Sopes', 'Horchata'];
const FILLINGS = ['Chicken', 'Beef', 'Shrimp', 'Pork', 'Bean', 'Mushroom', 'Pumpkin', 'Corn'];
const AMENITIES = ['Onsite Parking', 'Live Music', 'Takes Reservations', 'Private Dining', 'Wheelchair Accessible', "Children's Menu", 'Outdoor Seating', 'Large Groups', 'Happy Hour', 'Free Wifi'];
const FIRST = ['Ana', 'Ben', 'Carla', 'Diego', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kira', 'Luis'];
const LAST = ['Young', 'Miller', 'Ng', 'Garcia', 'Okafor', 'Silva', 'Khan', 'Lopez', 'Berg', 'Tanaka'];
const PLACES = ['Cantina', 'Cocina', 'Taqueria', 'Kitchen', 'Grill', 'Casa'];

const money = (x: number): number => Math.round(x * 100) / 100;
const pad = (n: number): string => String(n).padStart(4, '0');

/** A synthetic market; deterministic in `seed`. */
export function generateMarket(options: GenerateMarketOptions): Market {
  const { customers: nc, businesses: nb, seed, menuSize = 12 } = options;
  if (!(nc >= 1 && nb >= 1)) throw new RangeError(`generateMarket: need customers >= 1 and businesses >= 1, got ${nc} x ${nb}`);
  const rng = Rng.fromSeed(seed, 'market-generator');
  const catalogue: Array<{ name: string; base: number }> = [];
  for (const s of STYLES) for (const f of FILLINGS) for (const d of DISHES) catalogue.push({ name: `${s} ${f} ${d}`, base: 2 + rng.next() * 14 });

  const customers: Customer[] = [];
  for (let i = 1; i <= nc; i++) {
    const items = rng.shuffle(catalogue).slice(0, rng.int(1, 3));
    const amenities = rng.shuffle(AMENITIES).slice(0, rng.int(0, 2));
    const names = items.map((it) => `'${it.name}' (1)`).join(' and ');
    customers.push({
      id: `customer_${pad(i)}`,
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      request: `Please find a business that serves ${names}${amenities.length ? ` and offers ${amenities.join(' and ').toLowerCase()}` : ''}; I want to order these items.`,
      menu_features: Object.fromEntries(items.map((it) => [it.name, money(it.base)])),
      amenity_features: amenities,
    });
  }

  const businesses: Business[] = [];
  for (let j = 1; j <= nb; j++) {
    const progenitor = customers[(j - 1) % nc] as Customer;
    const menu: Record<string, number> = {};
    for (const [item, price] of Object.entries(progenitor.menu_features)) menu[item] = money(price * (0.7 + rng.next() * 0.6));
    while (Object.keys(menu).length < Math.max(menuSize, Object.keys(menu).length)) {
      const it = rng.pick(catalogue);
      if (!(it.name in menu)) menu[it.name] = money(it.base * (0.7 + rng.next() * 0.6));
    }
    const amenity_features: Record<string, boolean> = {};
    for (const a of AMENITIES) amenity_features[a] = progenitor.amenity_features.includes(a) ? rng.bernoulli(0.6) : rng.bernoulli(0.4);
    const place = rng.pick(PLACES);
    businesses.push({
      id: `business_${pad(j)}`,
      name: `${rng.pick(STYLES)} ${place} ${j}`,
      description: `A ${place.toLowerCase()} serving Mexican classics and house specialities.`,
      rating: Math.round(rng.next() * 100) / 100,
      progenitor_customer: progenitor.id,
      menu_features: menu,
      amenity_features,
      min_price_factor: money(0.75 + rng.next() * 0.2),
    });
  }
  return { name: `synthetic_${nc}_${nb}_seed${seed}`, customers, businesses };
}
