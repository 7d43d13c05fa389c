import type { Command } from 'commander';
import { startViewServer } from '../../report/server/view-server.js';
import { CliExit, EXIT, type CliIo } from '../command.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('view')
    .description('serve the report views live from disk on 127.0.0.1 (pages large traces, tails a running one); two runs side by side')
    .argument('<dir-or-trace...>', 'a run directory, trace file or sweep directory; two runs to compare')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', (v) => Number.parseInt(v, 10))
    .action(async (paths: string[], opts: { port?: number }) => {
      if (paths.length > 2) throw new CliExit(EXIT.usage, 'polis view: give one run or sweep, or two runs to compare');
      if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port >= 0 && opts.port < 65536)) {
        throw new CliExit(EXIT.usage, 'polis view: --port must be an integer from 0 to 65535');
      }
      const server = await startViewServer({ paths, cwd: io.cwd, ...(opts.port === undefined ? {} : { port: opts.port }) });
      io.stdout(`polis view: ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
