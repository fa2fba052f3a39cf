// A horizontal bar chart in SVG, one bar per stage with its 0-100 score; the weakest stage is marked. The numbers
// are also in the chart's text, so a screen reader or a printout loses nothing.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * @param rows [{label, value (0-100 or null)}]
 * @param title accessible name of the chart
 */
export function barChart(rows, title) {
  // Sized so the text stays readable from a phone (about 350px wide) to a laptop (the CSS caps it at 480px).
  const rowHeight = 30;
  const labelWidth = 150;
  const width = 420;
  const barWidth = width - labelWidth - 40;
  const height = rows.length * rowHeight + 10;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  root.append(svg('title', {}, title));
  const scored = rows.filter(r => r.value !== null && r.value !== undefined);
  const weakest = scored.length > 1 ? Math.min(...scored.map(r => r.value)) : null;
  rows.forEach((row, i) => {
    const y = 5 + i * rowHeight;
    root.append(svg('text', { x: 0, y: y + 19 }, row.label));
    root.append(svg('rect', { class: 'track', x: labelWidth, y: y + 5, width: barWidth, height: 18, rx: 4 }));
    if (row.value !== null && row.value !== undefined) {
      const w = Math.max(2, (barWidth * Math.min(100, Math.max(0, row.value))) / 100);
      const cls = row.value === weakest ? 'bar weakest' : 'bar';
      root.append(svg('rect', { class: cls, x: labelWidth, y: y + 5, width: w, height: 18, rx: 4, 'data-stage': row.key ?? '' }));
    }
    const shown = row.value === null || row.value === undefined ? '–' : String(Math.round(row.value));
    root.append(svg('text', { x: labelWidth + barWidth + 8, y: y + 19 }, shown));
  });
  return root;
}
