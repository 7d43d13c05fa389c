// The report and viewer: data for a run, sweep or pair of runs (`buildView`), one self-contained HTML
// file (`writeReport`), and the live viewer (`startViewServer`).
export type * from './report-data.js';
export { buildView } from './build-view.js';
export { writeReport, ReportExistsError, type WriteReportOptions, type WrittenReport } from './write-report.js';
export { startViewServer, type ViewServer, type ViewServerOptions } from './server/view-server.js';
