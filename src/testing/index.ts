// `polis/testing`: deterministic models and small helpers for testing code that calls models.
export { ScriptedClient, type ScriptedClientOptions, type ScriptedAnswer, type ScriptedRule } from '../models/scripted/scripted-client.js';
export { ReplayClient, type ModelCallRecord } from '../models/replay/replay-client.js';
export { scriptedModel, recordCalls, fakeSleep, type FakeSleep } from './model-helpers.js';
