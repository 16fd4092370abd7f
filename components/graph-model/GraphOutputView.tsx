import { ActivationBars, PredictedClasses } from '@/components/inside/ActivationBars';
import { FeatureMapGrid } from '@/components/inside/FeatureMapGrid';
import { shapeWords } from '@/components/inside/LayerPicture';
import { OutputPicture } from '@/components/inside/OutputPicture';
import { outputView, valueSummary } from '@/engine/graph-model/graph-model-output';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';

/** How many classes a vector output lists. */
const TOP = 5;

/**
 * One output of a prediction, drawn as what it is: the top classes of a vector (with the class
 * names, when given), a picture or mask for an image-shaped output, feature maps for many channels,
 * and otherwise its shape with a summary of its values.
 */
export function GraphOutputView({ output, classes }: { output: LayerOutput; classes: string[] | null }) {
  const view = outputView(output.shape);
  return (
    <figure className="graph-output" data-testid="graph-output" data-output={output.layer} data-view={view}>
      <figcaption>
        <code>{output.layer}</code> <span className="muted small">{shapeWords(output.shape) || 'a single value'}</span>
      </figcaption>
      {view === 'classes' ? (
        <>
          <PredictedClasses output={output} classes={classes} top={TOP} testId="graph-probabilities" />
          {output.values.length > TOP ? (
            <details>
              <summary className="small">All {output.values.length} values</summary>
              <ActivationBars output={output} labels={classes} />
            </details>
          ) : null}
        </>
      ) : view === 'image' ? (
        <OutputPicture output={output} label={output.layer} size={224} />
      ) : view === 'maps' ? (
        <FeatureMapGrid output={output} tile={64} />
      ) : (
        <ValueSummary output={output} />
      )}
    </figure>
  );
}

function ValueSummary({ output }: { output: LayerOutput }) {
  const { mean, first } = valueSummary(output);
  return (
    <p className="small" data-testid="graph-values">
      {output.values.length === 1 ? (
        <>
          Value: <strong>{output.values[0]?.toPrecision(4)}</strong>
        </>
      ) : (
        <>
          {output.values.length.toLocaleString('en-US')} values from <strong>{output.min.toPrecision(3)}</strong> to{' '}
          <strong>{output.max.toPrecision(3)}</strong>, mean {mean.toPrecision(3)}; first: {first.map((v) => v.toPrecision(3)).join(', ')}
          {output.values.length > first.length ? ' …' : ''}
        </>
      )}
    </p>
  );
}
