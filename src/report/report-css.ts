// The report's own styles (uPlot's stylesheet is added beside them).
export const REPORT_CSS = `
:root { font-family: system-ui, sans-serif; color: #1d2330; background: #fafbfc; }
body { margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.4rem; margin: 8px 0; } h2 { font-size: 1.1rem; margin: 24px 0 8px; border-bottom: 1px solid #dde1e6; padding-bottom: 4px; }
.meta { color: #566; font-size: .9rem; } .meta span { margin-right: 16px; }
table { border-collapse: collapse; font-size: .85rem; margin: 8px 0; }
th, td { border: 1px solid #dde1e6; padding: 3px 8px; text-align: right; } th { background: #eef1f4; }
td.text, th.text { text-align: left; }
.status-completed { background: #e3f6e8; } .status-failed { background: #fde2e1; } .status-stopped, .status-degraded { background: #fff3d6; } .status-pending { background: #eee; }
.chart { display: inline-block; margin: 8px 16px 8px 0; vertical-align: top; background: #fff; border: 1px solid #dde1e6; padding: 4px; }
.chart h3 { font-size: .9rem; margin: 2px 4px; }
.entry { background: #fff; border: 1px solid #dde1e6; border-left: 4px solid #7a8ca5; margin: 6px 0; padding: 6px 10px; font-size: .85rem; }
.entry.invalid { border-left-color: #d33; background: #fff6f5; }
.entry.defaulted { border-left-color: #e90; }
.entry .head { display: flex; flex-wrap: wrap; gap: 12px; color: #445; }
.entry .head b { color: #1d2330; }
.badge { border-radius: 3px; padding: 0 5px; background: #eef1f4; } .badge.bad { background: #d33; color: #fff; }
pre { white-space: pre-wrap; word-break: break-word; background: #f4f6f8; padding: 6px; margin: 4px 0; max-height: 24em; overflow: auto; }
details summary { cursor: pointer; color: #345; }
.controls { margin: 8px 0; } .controls label { margin-right: 12px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.delta-pos { color: #17692c; } .delta-neg { color: #b21f1f; }
#pager { margin: 8px 0; }
`;
