// The CLI's one live status line: redrawn in place on a terminal (log-update, which wraps to the
// terminal's width and erases every line it drew), plain lines when stderr is not a TTY or CI is set.
import { createLogUpdate } from 'log-update';
import type { CliIo } from './command.js';

export interface StatusLine {
  /** Whether the line is redrawn in place (a terminal) rather than printed as lines. */
  readonly live: boolean;
  /** The current status: redrawn on a terminal, ignored otherwise (print with `line`). */
  update(text: string): void;
  /** A line that stays (printed above the live status on a terminal). */
  line(text: string): void;
  /** Leaves the last status on screen. */
  done(): void;
}

/** Fewest milliseconds between two redraws (a fast offline run reports thousands of calls a second). */
const REDRAW_MS = 80;

export function statusLine(io: CliIo): StatusLine {
  if (!io.isTty || io.env.CI) {
    return { live: false, update: () => {}, line: (text) => io.stderr(`${text}\n`), done: () => {} };
  }
  const write = io.rawStderr ?? io.stderr;
  const stream = { write: (text: string) => (write(text), true), isTTY: true, columns: process.stderr.columns, rows: process.stderr.rows };
  const log = createLogUpdate(stream as unknown as NodeJS.WriteStream, { showCursor: true });
  let last = '';
  let drawnAt = -Infinity;
  return {
    live: true,
    update: (text) => {
      last = text;
      const now = performance.now();
      if (now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      log(text);
    },
    line: (text) => {
      log.clear();
      io.stderr(`${text}\n`);
      if (last) log(last);
    },
    done: () => {
      if (last) log(last);
      log.done();
    },
  };
}
