'use client';

import { useEffect, useRef } from 'react';
import { type FeatureMap, featureMaps } from '@/engine/inspect/feature-maps';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { activationColour, digest } from './colours';

/** Most tiles drawn for one layer; a 512-filter layer shows its first 64 and says so. */
const MAX_TILES = 64;

/**
 * A convolution's output, one tile per filter, all on one colour scale (so tiles compare), with
 * the legend of the scale. Each tile carries a digest of its values for checking that it changed.
 */
export function FeatureMapGrid({ output, tile = 72 }: { output: LayerOutput; tile?: number }) {
  const maps = featureMaps(output);
  const limit = Math.max(Math.abs(output.min), Math.abs(output.max));
  const shown = maps.slice(0, MAX_TILES);
  return (
    <div className="feature-maps" data-testid="feature-maps" data-layer={output.layer} data-count={maps.length}>
      <ColourLegend limit={limit} />
      <ol className="feature-maps__tiles">
        {shown.map((m) => (
          <li key={m.channel}>
            <MapTile map={m} limit={limit} size={tile} />
            <span className="small muted">filter {m.channel + 1}</span>
          </li>
        ))}
      </ol>
      {maps.length > shown.length ? (
        <p className="muted small">
          The first {shown.length} of {maps.length} filters.
        </p>
      ) : null}
    </div>
  );
}

function MapTile({ map, limit, size }: { map: FeatureMap; limit: number; size: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(map.width, map.height);
    for (let p = 0; p < map.values.length; p++) {
      const [r, g, b] = activationColour(map.values[p] as number, limit);
      image.data.set([r, g, b, 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }, [map, limit]);
  const scale = size / Math.max(map.width, map.height);
  return (
    <canvas
      ref={canvas}
      width={map.width}
      height={map.height}
      style={{ width: map.width * scale, height: map.height * scale }}
      className="feature-map"
      data-testid="feature-map"
      data-signature={digest(map.values)}
      role="img"
      aria-label={`Filter ${map.channel + 1}: values from ${map.min.toFixed(2)} to ${map.max.toFixed(2)}`}
    />
  );
}

/** The diverging scale: −limit blue, 0 white, +limit red. */
export function ColourLegend({ limit }: { limit: number }) {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => `rgb(${activationColour(t * limit, limit).join(', ')})`);
  return (
    <div className="colour-legend small">
      <span className="muted">Colour scale:</span>
      <span>{(-limit).toFixed(2)}</span>
      <span className="colour-legend__bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{limit.toFixed(2)}</span>
    </div>
  );
}
