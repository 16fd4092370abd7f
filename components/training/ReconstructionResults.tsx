'use client';

import type { ReconstructionEvaluation } from '@/engine/tasks/rebuild-quality';
import { SampleImage } from './SampleImage';

/** What an autoencoder makes of its inputs: PSNR, SSIM, and each input beside its rebuilt image. */
export function ReconstructionResults({ evaluation, splitWords }: { evaluation: ReconstructionEvaluation; splitWords: string }) {
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        On {splitWords}: PSNR {evaluation.psnr.toFixed(1)} dB over {evaluation.count} images
      </h3>
      <p className="muted small">
        {evaluation.ssim !== undefined ? `SSIM ${evaluation.ssim.toFixed(3)} (1 is the same image). ` : ''}Mean squared error{' '}
        {evaluation.mse.toPrecision(3)}. Around 20 dB a rebuilt image is blurry; above 30 dB it is hard to tell from the original.
      </p>
      <div className="samples" data-testid="reconstruction-samples">
        <h4>Inputs and what the model rebuilt</h4>
        <ul className="samples__grid samples__grid--pairs">
          {evaluation.samples.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are a fixed list in split order, without ids
            <li key={i}>
              <SampleImage features={s.features} shape={evaluation.featureShape} label={`Image ${i + 1}, input`} />
              <SampleImage features={s.output} shape={evaluation.featureShape} label={`Image ${i + 1}, rebuilt`} />
              <span className="muted small">input · rebuilt</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
