import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors/input-error.js';
import { businessSchema, customerSchema, generateMarket, loadMarket } from '../../../src/games/marketplace/index.js';

describe('loadMarket', () => {
  it('reads the built-in datasets with their sizes', () => {
    const small = loadMarket('mexican_3_9');
    expect([small.customers.length, small.businesses.length]).toEqual([3, 9]);
    expect(small.customers[0]?.menu_features).toEqual({ 'Pineapple Jalapeno Agua Fresca': 3.99, 'Savory Pumpkin Empanadas': 9.49 });
    const big = loadMarket('mexican_10_30');
    expect([big.customers.length, big.businesses.length]).toEqual([10, 30]);
  });

  it('names the file and the field of an invalid record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'market-'));
    mkdirSync(join(dir, 'customers'));
    mkdirSync(join(dir, 'businesses'));
    writeFileSync(join(dir, 'customers', 'customer_0001.yaml'), 'id: c1\nname: A\nrequest: r\nmenu_features: {Taco: 2}\namenity_features: []\n');
    writeFileSync(
      join(dir, 'businesses', 'business_0001.yaml'),
      'id: b1\nname: B\ndescription: d\nrating: 0.5\nmenu_features: {Taco: "cheap"}\namenity_features: {}\nmin_price_factor: 0.8\n',
    );
    const error = (() => {
      try {
        loadMarket(dir);
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(join(dir, 'businesses', 'business_0001.yaml'));
    expect(error.field).toBe('menu_features.Taco');
    expect(error.message).toContain('business_0001.yaml');
  });
});

describe('generateMarket', () => {
  it('makes a schema-valid 100 x 300 market, the same for the same seed and different for another', () => {
    const a = generateMarket({ customers: 100, businesses: 300, seed: 7 });
    expect([a.customers.length, a.businesses.length]).toEqual([100, 300]);
    for (const c of a.customers) customerSchema.parse(c);
    for (const b of a.businesses) businessSchema.parse(b);
    expect(generateMarket({ customers: 100, businesses: 300, seed: 7 })).toEqual(a);
    expect(generateMarket({ customers: 100, businesses: 300, seed: 8 })).not.toEqual(a);
  });

  it('gives every customer at least one business serving all its items (its progeny)', () => {
    const m = generateMarket({ customers: 20, businesses: 40, seed: 3 });
    for (const c of m.customers) {
      expect(m.businesses.some((b) => Object.keys(c.menu_features).every((i) => i in b.menu_features))).toBe(true);
    }
  });
});
