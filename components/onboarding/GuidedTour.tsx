'use client';

import './onboarding.css';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '@/components/ui/api';
import * as onboarding from '@/server/onboarding/routes';
import { TOUR_STEP_KEY, TOUR_STEPS, type TourTab } from './tour-steps';
import { useTourTarget } from './useTourTarget';

type Phase = 'loading' | 'offer' | 'running' | 'closed';

/**
 * The optional guided first model: on a first visit a one-line offer in the project header; once
 * started, a small card beside the real control of each step (template, shapes, train, confusion
 * matrix, save), continuing across tabs. Finishing or closing it (Skip, ×, Escape) is stored on the
 * account, so it never comes back, on any browser.
 */
export function GuidedTour({ projectId, tab }: { projectId: string; tab: TourTab | null }) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [step, setStep] = useState(0);

  useEffect(() => {
    let live = true;
    const saved = Number(window.localStorage.getItem(TOUR_STEP_KEY) ?? Number.NaN);
    void call(onboarding.getTour).then((result) => {
      if (!live) return;
      if (!result.ok || result.data.state !== 'new') return setPhase('closed');
      if (Number.isInteger(saved) && saved >= 0 && saved < TOUR_STEPS.length) {
        setStep(saved);
        setPhase('running');
      } else setPhase('offer');
    });
    return () => {
      live = false;
    };
  }, []);

  const end = useCallback((state: 'done' | 'dismissed') => {
    window.localStorage.removeItem(TOUR_STEP_KEY);
    setPhase('closed');
    void call(onboarding.putTour, { body: { state } });
  }, []);

  const go = useCallback((next: number) => {
    window.localStorage.setItem(TOUR_STEP_KEY, String(next));
    setStep(next);
  }, []);

  if (phase === 'offer') {
    return (
      <section className="tour-offer" aria-label="Guided tour">
        <span>New here? A 5-step tour builds a first model with you.</span>
        <button
          type="button"
          className="button small primary"
          onClick={() => {
            go(0);
            setPhase('running');
          }}
        >
          Start the tour
        </button>
        <button type="button" className="button small" onClick={() => end('dismissed')}>
          No thanks
        </button>
      </section>
    );
  }
  if (phase !== 'running') return null;
  return <TourCard projectId={projectId} tab={tab} step={step} onStep={go} onEnd={end} />;
}

interface CardProps {
  projectId: string;
  tab: TourTab | null;
  step: number;
  onStep(step: number): void;
  onEnd(state: 'done' | 'dismissed'): void;
}

const TAB_NAMES: Record<TourTab, string> = { design: 'Design', train: 'Train' };

function TourCard({ projectId, tab, step, onStep, onEnd }: CardProps) {
  const current = TOUR_STEPS[step] ?? TOUR_STEPS[0];
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const target = useTourTarget(current?.targets ?? [], card);
  const last = step === TOUR_STEPS.length - 1;

  // Each step takes the focus, so a keyboard or screen reader user hears it and can act on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is what moves the focus
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onEnd('dismissed');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onEnd]);

  if (!current) return null;
  const elsewhere = !target.found && current.tab !== tab;
  const href = current.tab === 'design' ? `/projects/${projectId}` : `/projects/${projectId}/${current.tab}`;
  return (
    <section
      ref={card}
      className={`tour-card${target.found ? '' : ' tour-card--floating'}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby="tour-title"
      aria-describedby="tour-body"
      style={target.position ?? undefined}
      data-step={current.id}
    >
      <p className="tour-card__count muted small">
        Step {step + 1} of {TOUR_STEPS.length}
      </p>
      <h2 id="tour-title" ref={heading} tabIndex={-1}>
        {current.title}
      </h2>
      <p id="tour-body">{current.body}</p>
      {elsewhere ? (
        <p>
          <Link href={href} className="button small">
            Open the {TAB_NAMES[current.tab]} tab
          </Link>
        </p>
      ) : null}
      <div className="tour-card__actions">
        <button type="button" className="button small" onClick={() => onEnd('dismissed')}>
          Skip tour
        </button>
        <span className="tour-card__spacer" />
        {step > 0 ? (
          <button type="button" className="button small" onClick={() => onStep(step - 1)}>
            Back
          </button>
        ) : null}
        <button type="button" className="button small primary" onClick={() => (last ? onEnd('done') : onStep(step + 1))}>
          {last ? 'Finish' : 'Next'}
        </button>
      </div>
      <button type="button" className="tour-card__close" aria-label="Close the tour" onClick={() => onEnd('dismissed')}>
        ×
      </button>
    </section>
  );
}
