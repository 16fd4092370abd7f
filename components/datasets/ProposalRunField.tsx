'use client';

/**
 * Which finished run proposes labels: picked from the runs on this data, or any run by its id
 * (a run on another version of the data, say). Used by the class and the box labellers alike.
 */
export function ProposalRunField({
  runs,
  runId,
  onRunId,
  placeholder,
}: {
  runs: { id: string; title: string }[];
  runId: string;
  onRunId(runId: string): void;
  placeholder: string;
}) {
  return (
    <>
      {runs.length > 0 ? (
        <label>
          Model
          <select value={runId} onChange={(e) => onRunId(e.target.value)}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Run id
        <input value={runId} onChange={(e) => onRunId(e.target.value)} placeholder={placeholder} />
      </label>
    </>
  );
}
