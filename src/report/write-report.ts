// `polis report`: one self-contained HTML file for a run, a sweep or two runs side by side.
import { resolve } from 'node:path';
import { closeSync, openSync, renameSync, writeSync, writeFileSync } from 'node:fs';
import { buildView, defaultReportFile, viewTitle } from './build-view.js';
import type { ReportView } from './report-data.js';
import { renderReportHtml } from './render-html.js';

export interface WriteReportOptions {
  /** A run directory, trace file or sweep directory; two runs or traces for a side-by-side report. */
  paths: readonly string[];
  /** Output file. @default DIR/report.html (see `defaultReportFile`) */
  out?: string;
  /** Replace an existing output file. @default false */
  force?: boolean;
  /** Resolves relative paths. @default process.cwd() */
  cwd?: string;
}

export interface WrittenReport {
  file: string;
  bytes: number;
  view: ReportView['kind'];
}

/** Thrown when the output exists and `force` is not set. */
export class ReportExistsError extends Error {
  override readonly name = 'ReportExistsError';
  constructor(readonly file: string) {
    super(`${file} already exists; pass --force to replace it`);
  }
}

export async function writeReport(options: WriteReportOptions): Promise<WrittenReport> {
  const cwd = options.cwd ?? process.cwd();
  const view = await buildView(options.paths, cwd);
  const file = options.out ? resolve(cwd, options.out) : defaultReportFile(options.paths, cwd);
  const html = await renderReportHtml(view, viewTitle(view));
  if (options.force) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, html);
    renameSync(tmp, file);
  } else {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ReportExistsError(file);
      throw e;
    }
    try {
      writeSync(fd, html);
    } finally {
      closeSync(fd);
    }
  }
  return { file, bytes: Buffer.byteLength(html), view: view.kind };
}
