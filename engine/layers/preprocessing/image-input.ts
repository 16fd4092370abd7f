import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';

/**
 * The image layers work on batches of channels-last images only: TF.js's image kernels take exactly
 * (batch, height, width, channels), whatever shape its symbolic rules let through.
 */
export function expectImages(shape: Shape, what: string): LayerIssue | null {
  if (shape.length === 4) return null;
  return {
    code: 'rank_mismatch',
    port: 0,
    message: `${what} works on images (height, width, channels), but its input has ${shape.length - 1} axes per sample.`,
    hint: 'Feed it images shaped (height, width, channels); add a Reshape layer before it if they are flat.',
  };
}

export const interpolationHelp =
  'How new pixels are computed: bilinear blends the 4 nearest pixels (smooth), nearest copies the closest one (keeps hard edges and label values).';
