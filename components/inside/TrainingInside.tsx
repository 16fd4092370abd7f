'use client';

import './inside.css';
import { DecisionBoundary } from './DecisionBoundary';
import type { EpochViews, PlanePoints } from './epoch-views';
import { WeightHistograms } from './WeightHistograms';

/** Inside a browser run as it trains: the weights' histograms per layer and, for 2-D points, the decision boundary, after each epoch. */
export function TrainingInside({ views, plane }: { views: EpochViews | null; plane: PlanePoints | null }) {
  if (!views) return null;
  return (
    <section className="inside-training" aria-label="Inside the network while it trains">
      <h3>Inside the network</h3>
      <div className="inside-training__row">
        {views.grid ? <DecisionBoundary grid={views.grid} points={plane} epoch={views.epoch} classes={plane?.names ?? []} /> : null}
        <WeightHistograms histograms={views.histograms} epoch={views.epoch} />
      </div>
    </section>
  );
}
