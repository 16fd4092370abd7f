/** Labelled samples per class as an SVG bar chart, with the counts written on the bars. */
export function ClassBalanceChart({ classes, counts }: { classes: string[]; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const bar = 22;
  const gap = 6;
  const labelWidth = 110;
  const width = 520;
  const height = classes.length * (bar + gap);
  return (
    <figure className="ds-chart" aria-label="Class balance" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Samples per class">
        {classes.map((name, i) => {
          const count = counts[i] ?? 0;
          const w = ((width - labelWidth - 60) * count) / max;
          const y = i * (bar + gap);
          return (
            <g key={name} data-testid={`class-${name}`}>
              <text x={labelWidth - 8} y={y + bar / 2 + 4} textAnchor="end">
                {name.length > 16 ? `${name.slice(0, 15)}…` : name}
              </text>
              <rect x={labelWidth} y={y} width={w} height={bar} rx={3} fill="#3b5bdb" opacity={0.85} />
              <text x={labelWidth + w + 6} y={y + bar / 2 + 4}>
                {count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">Labelled samples per class (all splits).</figcaption>
    </figure>
  );
}
