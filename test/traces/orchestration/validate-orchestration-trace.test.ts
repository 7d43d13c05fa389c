// Rules from seed-systems.md section 0 (JSON Schema + the reference validate_trace.py of
// xxzcc/awesome-llm-mas-rl@a14d8de1d2ca). Each test breaks one rule of the shipped example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  referenceRules,
  validateOrchestrationTrace,
} from '../../../src/traces/orchestration/validate-orchestration-trace.js';

const example = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('../../../data/trace-schema/example_trace.json', import.meta.url), 'utf8'));

function errorsAfter(change: (t: Record<string, any>) => void) {
  const t = example();
  change(t);
  return validateOrchestrationTrace(t);
}

describe('validateOrchestrationTrace', () => {
  it('accepts the shipped example trace', () => {
    expect(validateOrchestrationTrace(example())).toEqual([]);
    expect(referenceRules(example())).toEqual([]);
  });

  it.each([
    ['a missing required top-level key', (t: any) => delete t.costs, ''],
    ['an unknown top-level key', (t: any) => (t.extra = 1), ''],
    ['an empty event list', (t: any) => (t.events = []), '/events'],
    ['edges that are not a list', (t: any) => (t.edges = {}), '/edges'],
    ['an event without an agent', (t: any) => delete t.events[3].agent, '/events/3'],
    ['an unknown event type', (t: any) => (t.events[0].type = 'teleport'), '/events/0/type'],
    ['a negative time', (t: any) => (t.events[2].t = -1), '/events/2/t'],
    ['an edge without a type', (t: any) => delete t.edges[0].type, '/edges/0'],
    ['an unknown edge type', (t: any) => (t.edges[1].type = 'magic'), '/edges/1/type'],
    ['a negative token cost', (t: any) => (t.costs.tokens = -5), '/costs/tokens'],
    ['a missing wall-clock cost', (t: any) => delete t.costs.wall_clock_s, '/costs'],
    ['a non-numeric reward', (t: any) => (t.rewards.team = 'high'), '/rewards/team'],
  ])('rejects %s (schema)', (_name, change, path) => {
    const errors = errorsAfter(change);
    expect(errors.map((e) => e.path)).toContain(path);
  });

  it('rejects duplicate event ids (reference rule)', () => {
    const errors = errorsAfter((t) => (t.events[4].id = 'e1'));
    expect(errors).toContainEqual({ path: '/events/4/id', message: 'duplicate event id e1', source: 'rule' });
  });

  it('rejects edges that point at no event (reference rule)', () => {
    const errors = errorsAfter((t) => t.edges.push({ src: 'e8', dst: 'e99', type: 'causal' }));
    expect(errors).toEqual([{ path: '/edges/8/dst', message: 'edge dst e99 is not an event id', source: 'rule' }]);
  });

  it('rejects any negative cost, not only the ones the schema names (reference rule)', () => {
    const errors = errorsAfter((t) => (t.costs.dollars = -0.5));
    expect(errors).toEqual([{ path: '/costs/dollars', message: 'cost dollars must be a number >= 0', source: 'rule' }]);
  });

  it('applies the reference rules on their own too', () => {
    const t = example();
    delete t.trace_id;
    t.events[1].t = -2;
    t.events.push({ id: 'e9', t: 0, type: 'spawn' });
    expect(referenceRules(t).map((e) => `${e.path} ${e.message}`)).toEqual([
      ' missing required key trace_id',
      '/events/1/t t must be a number >= 0',
      '/events/8 event missing required key agent',
    ]);
    expect(referenceRules([])).toEqual([{ path: '', message: 'expected a JSON object', source: 'rule' }]);
  });
});
