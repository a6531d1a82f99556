/// The page's style sheet, inline so that the file is complete on its own: readable on a laptop screen, and
/// printed on A4 with one section per page, the charts two to a row, the colours kept and the folded
/// tables left out (the CSV files hold them).
enum ReportStyle {
    static let css = """
    :root { --text: #1f2328; --muted: #5b636d; --line: #d8dee4; --soft: #f5f7f9; --accent: #0b5394; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0 auto; max-width: 1280px; padding: 20px 28px 40px; color: var(--text); background: #fff;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
      "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
    header.page { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 14px; }
    header.page .kind { color: var(--accent); font-weight: 600; font-size: 13px; letter-spacing: .02em; }
    h1 { font-size: 24px; margin: 2px 0 4px; }
    header.page p { margin: 0; color: var(--muted); }
    nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 8px 0 0; font-size: 13px; }
    nav a { color: var(--accent); text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    h2 { font-size: 19px; margin: 28px 0 6px; padding-left: 10px; border-left: 4px solid var(--accent); }
    section.overview h2 { margin-top: 6px; }
    h3 { font-size: 15.5px; margin: 18px 0 6px; }
    h4 { font-size: 14px; margin: 14px 0 6px; color: #333; break-after: avoid; }
    .id, .plan-id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
    .plan-id { color: var(--text); font-weight: 600; white-space: nowrap; }
    .plan-name { color: var(--muted); }
    p.note { color: var(--muted); font-size: 12.5px; margin: 2px 0 8px; max-width: 1000px; }
    p.good { color: #1b5e20; }
    .key-figures { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 10px 0 4px; }
    .figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: var(--soft); }
    .figure-label { font-size: 12.5px; color: var(--muted); }
    .figure-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
    .figure-note { font-size: 12px; color: var(--muted); }
    table.data { border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; margin: 4px 0 6px; }
    table.data caption { text-align: left; font-size: 12px; color: var(--muted); padding: 2px 0 4px; caption-side: top; }
    table.data th, table.data td { padding: 3px 8px; border-bottom: 1px solid #e8ebee; text-align: left; vertical-align: top; }
    table.data thead th { background: var(--soft); border-bottom: 1px solid var(--line); font-weight: 600; font-size: 12px; }
    table.data tbody th { font-weight: normal; }
    table.data .num { text-align: right; white-space: nowrap; }
    table.data tr.flag td { background: #fff4e5; }
    table.ranking { width: 100%; }
    .rank-chart-card { max-width: 640px; }
    .rank-chip { display: inline-block; min-width: 28px; padding: 1px 6px; border-radius: 3px; white-space: nowrap; text-align: right; }
    table.worst { min-width: 60%; }
    .plan-tag { white-space: nowrap; }
    table.ranking thead th { vertical-align: bottom; }
    .bar-cell { display: inline-flex; align-items: center; gap: 6px; justify-content: flex-end; width: 100%; }
    .bar-track { display: inline-block; width: 90px; height: 9px; background: #f1f1f1; border-radius: 2px; overflow: hidden; }
    .bar { display: block; height: 100%; background: #d62728; opacity: .75; }
    .bar-value { min-width: 52px; text-align: right; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
    ul.legend { list-style: none; padding: 0; margin: 6px 0 10px; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12.5px; }
    ul.legend.mini { font-size: 11.5px; margin: 2px 0 2px; gap: 2px 12px; }
    .line-sample { display: inline-block; width: 22px; height: 0; vertical-align: middle; margin-right: 5px; }
    .area-sample { display: inline-block; width: 16px; height: 10px; opacity: .3; margin-right: 5px; vertical-align: -1px; }
    .marker-sample { display: inline-block; font-size: 9px; font-weight: 600; padding: 0 3px; background: rgba(0,114,178,.3); border-radius: 2px; margin-right: 5px; }
    .cell-sample { display: inline-block; min-width: 40px; text-align: center; font-size: 11px; padding: 1px 4px; border-radius: 2px; margin-right: 4px; }
    .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
    figure { margin: 0; }
    .chart-card, .heat-map-card, .scatter-card, .births-card, .ratio-card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: #fff; break-inside: avoid; }
    .chart-card figcaption, .heat-map-card figcaption { font-weight: 600; font-size: 13.5px; margin-bottom: 2px; }
    .chart-card figcaption { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 10px; }
    .chart-card figcaption .short, .chart-card figcaption .ok { font-weight: normal; font-size: 11.5px; color: var(--muted); white-space: nowrap; }
    .chart-card figcaption .short .swatch { width: 8px; height: 8px; margin-right: 3px; }
    .chart-card figcaption .ok { color: #1b5e20; }
    svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
    svg.chart text { font-size: 10px; fill: #3d4248; font-family: inherit; }
    svg.chart .note { fill: #777; font-size: 9px; }
    svg.chart .grid { stroke: #e7e9ec; stroke-width: 1; }
    svg.chart .axis { stroke: #9aa0a6; stroke-width: 1; }
    svg.chart .shaded { fill: #eef0f2; }
    svg.chart .shortfall { fill-opacity: .2; }
    svg.chart .band { fill-opacity: .18; }
    svg.chart .marker rect { fill-opacity: .28; }
    svg.chart .marker text { font-size: 9px; font-weight: 600; fill: #1f1f1f; }
    svg.chart .marker-label { font-size: 9px; fill: #666; }
    svg.heat-map text { font-size: 10px; }
    svg.heat-map .group { font-weight: 600; fill: #1f2328; }
    svg.heat-map .row-label { fill: #1f2328; }
    svg.scatter .point-label { font-size: 11px; font-weight: 600; fill: #1f2328; }
    svg.scatter .axis-label { font-size: 11px; fill: #5b636d; }
    .heat-maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 12px; }
    .coverage-maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
    .scatter-card { max-width: 640px; }
    .comparison-table { overflow-x: auto; margin-top: 10px; }
    .assumption-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 8px; }
    .births-card { grid-column: span 2; grid-row: span 2; }
    .ratio-card { padding: 5px 8px; }
    .ratio-card figcaption { font-size: 12px; display: flex; flex-wrap: wrap; gap: 0 6px; align-items: baseline; }
    .ratio-card .method, .births-card .method { color: var(--muted); font-size: 11px; }
    .births-card figcaption { font-weight: 600; font-size: 13px; }
    .births-card .method { font-weight: normal; margin-left: 6px; }
    .ratio-card .ratio-value { font-weight: 650; font-variant-numeric: tabular-nums; margin-left: auto; }
    .ratio-card .method { flex-basis: 100%; }
    details.data-table { margin-top: 4px; }
    details.data-table summary { cursor: pointer; font-size: 12px; color: var(--accent); }
    .table-scroll { overflow-x: auto; }
    footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
    @media (max-width: 900px) {
      .key-figures { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    }
    @page { size: A4; margin: 12mm 11mm; }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      nav, details.data-table { display: none; }
      section { break-before: page; }
      section.overview { break-before: auto; }
      h2 { margin-top: 0; }
      h3, h4 { break-after: avoid; }
      .chart-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
      .heat-maps { grid-template-columns: 1fr; }
      svg.heat-map { max-width: 470px !important; }
      .table-scroll, .comparison-table { overflow: visible; }
      table.data th, table.data td { padding: 2px 4px; }
      table.data .num { white-space: normal; }
      .assumption-grid { grid-template-columns: repeat(4, minmax(0, 1fr)); }
      .key-figures { gap: 6px; }
      .figure-value { font-size: 18pt; }
      table.data { font-size: 7.5pt; width: 100%; }
      tr, figure { break-inside: avoid; }
    }
    """
}
