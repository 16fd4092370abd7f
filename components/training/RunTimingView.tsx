import type { RunPhase, RunTiming } from '@/engine/train/phase-clock';
import { timingSummary } from '@/engine/train/timing-summary';

/** One colour per phase: training stands out, the rest are told apart in the bar and the legend. */
const COLOURS: Record<RunPhase, string> = {
  setup: '#adb5bd',
  data: '#f59f00',
  augmentation: '#e8590c',
  tensors: '#ffd43b',
  training: '#2f9e44',
  validation: '#1c7ed6',
  checkpoint: '#ae3ec9',
  progress: '#f06595',
  yield: '#868e96',
  paused: '#dee2e6',
  test: '#4dabf7',
  evaluation: '#7950f2',
  artifacts: '#15aabf',
  other: '#ced4da',
};

const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en')} samples/s`;

/** "Where the time went": the run's wall time split into phases, as a bar and a table. */
export function RunTimingView({ timing }: { timing: RunTiming }) {
  const summary = timingSummary(timing);
  return (
    <div className="run-timing" data-testid="run-timing">
      <h3>Where the time went</h3>
      <p className="muted">
        {seconds(timing.wallMs)} in all
        {summary.endToEnd !== null && summary.loopAlone !== null && summary.ratio !== null ? (
          <>
            {' '}
            · {rate(summary.endToEnd)} end to end against {rate(summary.loopAlone)} for the training loop alone (
            <span data-testid="run-timing-ratio">{summary.ratio.toFixed(2)}×</span>)
          </>
        ) : null}
        {summary.biggestOverhead ? (
          <>
            {' '}
            · most time besides training: {summary.biggestOverhead.words} ({Math.round(summary.biggestOverhead.share * 100)} %)
          </>
        ) : null}
      </p>
      <div
        className="run-timing__bar"
        role="img"
        aria-label={summary.rows.map((r) => `${r.phase} ${Math.round(r.share * 100)} %`).join(', ')}
      >
        {summary.rows.map((r) => (
          <span key={r.phase} style={{ width: `${r.share * 100}%`, background: COLOURS[r.phase] }} title={`${r.words}: ${seconds(r.ms)}`} />
        ))}
      </div>
      <table className="run-timing__table">
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.phase} data-phase={r.phase}>
              <th scope="row">
                <span className="run-timing__swatch" style={{ background: COLOURS[r.phase] }} aria-hidden="true" />
                {r.words}
              </th>
              <td>{seconds(r.ms)}</td>
              <td>{(r.share * 100).toFixed(1)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
