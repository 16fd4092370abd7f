/** Figures of a run in words: loss, accuracy in per cent, counts as whole numbers. */
export function formatMetric(key: string, value: number): string {
  if (/ccuracy$/.test(key)) return `${(value * 100).toFixed(2)} %`;
  if (key === 'epochs' || key === 'bestEpoch') return String(Math.round(value));
  if (key === 'samplesPerSecond') return `${Math.round(value).toLocaleString('en')}`;
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

export function metricWords(key: string): string {
  const words: Record<string, string> = { samplesPerSecond: 'samples/s', bestEpoch: 'best epoch', stoppedEarly: 'stopped early' };
  if (words[key]) return words[key];
  return key
    .replace(/^val([A-Z])/, (_, c: string) => `validation ${c.toLowerCase()}`)
    .replace(/^test([A-Z])/, (_, c: string) => `test ${c.toLowerCase()}`)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
}

const ORDER = ['testAccuracy', 'testLoss', 'valAccuracy', 'valLoss', 'accuracy', 'loss', 'epochs', 'bestEpoch', 'samplesPerSecond'];

export function MetricsTable({ metrics, testId }: { metrics: Record<string, number>; testId?: string }) {
  const keys = Object.keys(metrics).sort(
    (a, b) => ((ORDER.indexOf(a) + 100) % 100) - ((ORDER.indexOf(b) + 100) % 100) || a.localeCompare(b),
  );
  return (
    <dl className="metrics" data-testid={testId}>
      {keys.map((k) => (
        <div key={k}>
          <dt>{metricWords(k)}</dt>
          <dd>{formatMetric(k, metrics[k] as number)}</dd>
        </div>
      ))}
    </dl>
  );
}
