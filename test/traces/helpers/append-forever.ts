// Child process for the kill -9 test: creates the trace named in argv[2], then appends events until
// it is killed, printing "ready" once enough lines are on disk that the parent may kill it.
import { TraceWriter } from '../../../src/traces/trace-writer.js';
import { header } from './trace-files.js';

const file = process.argv[2]!;
const w = TraceWriter.create(file, header({ runId: 'kill-9' }));
const obs = 'the same long observation text '.repeat(12);
for (let i = 0; ; i++) {
  if (i % 3 === 0) w.append({ type: 'observation', time: i, agent: 'a', observation: { text: obs, i } });
  else w.append({ type: 'metric', time: i, name: 'step', value: i });
  if (i === 2000) process.stdout.write('ready\n');
}
