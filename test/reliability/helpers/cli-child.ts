// Runs the Polis CLI in a child process (`node --import tsx cli-child.ts run config.json --out DIR`), so a
// test can kill -9 it mid-run.
import { runCli } from '../../../src/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTty: false,
  env: { ...process.env, CI: '1' },
  cwd: process.cwd(),
});
process.exit(code);
