// A worker thread that runs the cells it is sent with runCell (its own SharedModels): the
// worker-threads alternative to runSweep's in-process concurrency, for the benchmark only.
import { parentPort, workerData } from 'node:worker_threads';
import PQueue from 'p-queue';
import { SharedModels } from '../../src/engine/shared-models.js';
import { runCell } from '../../src/experiments/run-cell.js';
import type { SweepCell, SweepManifest } from '../../src/experiments/sweep-directory.js';
import { benchBuilder, type CellKind } from './bench-models.js';

const { manifest, dir, kind, concurrency } = workerData as { manifest: SweepManifest; dir: string; kind: CellKind; concurrency: number };
const models = new SharedModels();
const queue = new PQueue({ concurrency });
parentPort!.on('message', (cells: SweepCell[]) => {
  for (const cell of cells) void queue.add(() => runCell({ manifest, cell, dir, models, modelBuilder: () => benchBuilder(kind, models) }));
  void queue.onIdle().then(() => parentPort!.postMessage('done'));
});
parentPort!.postMessage('ready');
