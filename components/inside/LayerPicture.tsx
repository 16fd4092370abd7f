import { isSpatial } from '@/engine/inspect/feature-maps';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { ActivationBars, PredictedClasses } from './ActivationBars';
import { FeatureMapGrid } from './FeatureMapGrid';

/** A layer's output as a picture: feature maps for a spatial output, bars for a vector, probabilities for the classifier's output. */
export function LayerPicture({ output, classes, last }: { output: LayerOutput; classes: string[] | null; last: boolean }) {
  if (isSpatial(output.shape)) return <FeatureMapGrid output={output} />;
  if (last && classes && output.values.length === classes.length) return <PredictedClasses output={output} classes={classes} />;
  return <ActivationBars output={output} labels={last ? classes : null} />;
}

/** `[28, 28, 6]` as `28 × 28 × 6`. */
export function shapeWords(shape: number[]): string {
  return shape.join(' × ');
}
