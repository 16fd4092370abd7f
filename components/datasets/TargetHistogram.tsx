/** How the numeric targets of a regression dataset are spread: an SVG histogram. */
export function TargetHistogram({ edges, counts }: { edges: number[]; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const width = 520;
  const height = 160;
  const barWidth = width / Math.max(counts.length, 1);
  const fmt = (v: number) => Number(v.toPrecision(3)).toLocaleString('en');
  return (
    <figure className="ds-chart" aria-label="Target distribution" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height + 18}`} width="100%" role="img" aria-label="Samples per range of the target">
        {counts.map((count, i) => {
          const h = (height * count) / max;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bins are positional
            <rect key={i} x={i * barWidth + 1} y={height - h} width={barWidth - 2} height={h} fill="#3b5bdb" opacity={0.85}>
              <title>
                {fmt(edges[i] as number)} – {fmt(edges[i + 1] as number)}: {count}
              </title>
            </rect>
          );
        })}
        <text x={0} y={height + 14}>
          {fmt(edges[0] ?? 0)}
        </text>
        <text x={width} y={height + 14} textAnchor="end">
          {fmt(edges[edges.length - 1] ?? 0)}
        </text>
      </svg>
      <figcaption className="small muted">Labelled samples per range of the target (all splits).</figcaption>
    </figure>
  );
}

/** Equal-width bins over the finite values. */
export function histogram(values: ArrayLike<number>, bins = 20): { edges: number[]; counts: number[] } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { edges: [0, 1], counts: [0] };
  const span = hi - lo || 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.floor(((v - lo) / span) * bins));
    counts[b] = (counts[b] as number) + 1;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => lo + (span * i) / bins), counts };
}
