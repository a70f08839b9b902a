/** The report's stylesheet: system fonts only (no request for a web font), readable on screen and on paper. */
export const reportCss = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #dadce0; --tint: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: .4rem 0; }
.description { font-size: 1.05rem; max-width: 48rem; white-space: pre-line; overflow-wrap: anywhere; }
.run { color: var(--muted); font-size: .9rem; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.key-figures div { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .8rem; }
.key-figures dt { color: var(--muted); font-size: .85rem; }
.key-figures dd { margin: 0; }
.key-figures .value { display: block; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.key-figures .ci { display: block; color: var(--muted); font-size: .8rem; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0 2.5rem; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .92rem; max-width: 48rem; margin-top: .4rem; }
.files { font-size: .85rem; color: var(--muted); }
.table { overflow-x: auto; margin: .5rem 0 1.5rem; }
table { border-collapse: collapse; font-size: .88rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
th[scope=row], thead th:first-child { text-align: left; font-weight: 600; }
th small { display: block; font-weight: normal; color: var(--muted); font-size: .75rem; }
td small { display: block; color: var(--muted); font-size: .75rem; white-space: nowrap; }
td.absent { color: var(--rule); }
td.meaning, th.meaning { text-align: left; color: var(--muted); min-width: 16rem; white-space: normal; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  figure, tr, .key-figures div { break-inside: avoid; }
  /* Nothing may be cut at the page's edge: wide tables wrap and shrink, charts fit the page. */
  .table, figure { overflow: visible; }
  table { font-size: 7pt; }
  th, td, thead th, td small, th small { white-space: normal; padding: .15rem .25rem; }
  thead th { overflow-wrap: anywhere; } /* a long metric name may break; the figures and names below it do not */
  td.meaning, th.meaning { min-width: 0; }
  figure svg { min-width: 0 !important; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 15mm; }
`;
