import type { Histogram, LayerHistogram } from '@/engine/inspect/histogram';

/** Every layer's weights as a small histogram, newest epoch; the range under each says how far they spread. */
export function WeightHistograms({ histograms, epoch }: { histograms: LayerHistogram[]; epoch: number }) {
  return (
    <div className="weight-histograms" data-testid="weight-histograms" data-epoch={epoch}>
      {histograms.map((h) => (
        <figure key={h.layer} className="weight-histogram" data-layer={h.layer}>
          <Bars histogram={h.kernel} label={`Weights of ${h.layer}`} />
          <figcaption className="small">
            <strong>{h.layer}</strong> · {h.size.toLocaleString('en')} weights
            <br />
            <span className="muted">
              {h.kernel.min.toFixed(3)} … {h.kernel.max.toFixed(3)}
            </span>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** One histogram as SVG bars, scaled to its tallest bin. */
export function Bars({ histogram, label }: { histogram: Histogram; label: string }) {
  const top = Math.max(1, ...histogram.counts);
  const width = 120;
  const height = 48;
  const bar = width / histogram.counts.length;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {histogram.counts.map((count, i) => {
        const h = (count / top) * (height - 2);
        // biome-ignore lint/suspicious/noArrayIndexKey: bins are positions, fixed for a histogram
        return <rect key={i} x={i * bar + 0.5} y={height - h} width={Math.max(1, bar - 1)} height={h} className="weight-histogram__bar" />;
      })}
    </svg>
  );
}
