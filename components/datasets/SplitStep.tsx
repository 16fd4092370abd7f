'use client';

/** The last step: how much is held back for validation and test, the split's seed, and the upload button. */
export function SplitStep({ disabled }: { disabled: boolean }) {
  return (
    <section className="panel row" aria-label="Split">
      <label>
        Validation %
        <input name="validation" type="number" min={0} max={90} defaultValue={15} />
      </label>
      <label>
        Test %
        <input name="test" type="number" min={0} max={90} defaultValue={15} />
      </label>
      <label>
        Seed
        <input name="seed" type="number" min={0} defaultValue={1} />
      </label>
      <span className="spacer" />
      <button type="submit" className="primary" disabled={disabled}>
        Upload
      </button>
    </section>
  );
}
