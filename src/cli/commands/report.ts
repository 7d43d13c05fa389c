import type { Command } from 'commander';
import { ReportExistsError, writeReport } from '../../report/write-report.js';
import { CliExit, EXIT, type CliIo } from '../command.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('write one self-contained HTML report (charts, transcripts, comparison) of a run, a sweep, or two runs side by side')
    .argument('<dir-or-trace...>', 'a run directory, trace file or sweep directory; two runs for a side-by-side report')
    .option('--out <file>', 'output file (default: DIR/report.html)')
    .option('--force', 'replace an existing output file')
    .action(async (paths: string[], opts: { out?: string; force?: boolean }) => {
      if (paths.length > 2) throw new CliExit(EXIT.usage, 'polis report: give one run or sweep, or two runs to compare');
      try {
        const written = await writeReport({ paths, cwd: io.cwd, ...(opts.out ? { out: opts.out } : {}), force: Boolean(opts.force) });
        io.stdout(`wrote ${written.file} (${written.view} report, ${(written.bytes / 1024).toFixed(0)} KiB)\n`);
      } catch (e) {
        if (e instanceof ReportExistsError) throw new CliExit(EXIT.failed, `polis report: ${e.message}`);
        throw e;
      }
    });
}
