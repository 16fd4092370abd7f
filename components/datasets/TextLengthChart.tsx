import type { LengthHistogram } from '@/engine/data/text/sequence-length';

/** Texts per band of lengths in tokens, with the chosen sequence length marked: words right of the line are cut. */
export function TextLengthChart({ histogram, length }: { histogram: LengthHistogram; length: number }) {
  const max = Math.max(1, ...histogram.counts);
  const width = 520;
  const height = 120;
  const span = Math.max(histogram.counts.length * histogram.width, length + 1);
  const x = (tokens: number) => (width * tokens) / span;
  return (
    <figure className="ds-chart" aria-label="Text lengths" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height + 18}`} width="100%" role="img" aria-label="Texts per length in words">
        {histogram.counts
          .map((count, band) => ({ count, from: band * histogram.width }))
          .map(({ count, from }) => {
            const h = (height * count) / max;
            return (
              <rect
                key={from}
                x={x(from) + 1}
                y={height - h}
                width={Math.max(1, x(histogram.width) - 2)}
                height={h}
                fill="#3b5bdb"
                opacity={0.85}
              >
                <title>
                  {from}–{from + histogram.width - 1} words: {count}
                </title>
              </rect>
            );
          })}
        <line x1={x(length)} x2={x(length)} y1={0} y2={height} stroke="#c92a2a" strokeWidth={2} />
        <text x={Math.min(width - 4, x(length) + 4)} y={12} fill="#c92a2a" textAnchor={x(length) > width - 80 ? 'end' : 'start'}>
          {length}
        </text>
        <text x={0} y={height + 14}>
          0
        </text>
        <text x={width} y={height + 14} textAnchor="end">
          {span} words
        </text>
      </svg>
      <figcaption className="small muted">
        Texts per length in words (tokens); the red line is the sequence length, longer texts are cut.
      </figcaption>
    </figure>
  );
}
