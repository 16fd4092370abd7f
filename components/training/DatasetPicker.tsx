'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/ui/api';
import type { DatasetMeta } from '@/engine/data/meta';

/** A dataset to train on: how the runs API names it, and where its batches are served. */
export interface DatasetChoice {
  key: string;
  label: string;
  ref: { builtin: string } | { datasetId: string; number: number };
  url: string;
}

interface Builtin {
  name: string;
  title: string;
  kind: string;
  task: string;
  description: string;
  source: string;
  license: string;
}
interface TeamDataset {
  id: string;
  name: string;
  kind: string;
  versions: { number: number; sampleCount: number; message: string }[];
}

/** The built-ins and the team's datasets (every version), as choices. */
export function useDatasetChoices(teamId: string): { choices: DatasetChoice[]; builtins: Builtin[]; error: string | null } {
  const [builtins, setBuiltins] = useState<Builtin[]>([]);
  const [team, setTeam] = useState<TeamDataset[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api<{ datasets: Builtin[] }>('GET', '/api/builtin-datasets').then((r) =>
      r.ok ? setBuiltins(r.data.datasets) : setError(r.message),
    );
    void api<{ datasets: TeamDataset[] }>('GET', `/api/teams/${teamId}/datasets`).then((r) => r.ok && setTeam(r.data.datasets));
  }, [teamId]);
  const choices: DatasetChoice[] = [
    ...builtins.map((b) => ({
      key: `builtin:${b.name}`,
      label: b.title,
      ref: { builtin: b.name },
      url: `/api/builtin-datasets/${b.name}`,
    })),
    ...team.flatMap((d) =>
      d.versions.map((v) => ({
        key: `${d.id}@${v.number}`,
        label: `${d.name} v${v.number} (${v.sampleCount} samples)`,
        ref: { datasetId: d.id, number: v.number },
        url: `/api/datasets/${d.id}/versions/${v.number}`,
      })),
    ),
  ];
  return { choices, builtins, error };
}

/** The meta of the chosen dataset (shapes, classes, split sizes), fetched when the choice changes. */
export function useDatasetMeta(choice: DatasetChoice | undefined): { meta: DatasetMeta | null; error: string | null } {
  const [meta, setMeta] = useState<DatasetMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = choice?.url;
  useEffect(() => {
    setMeta(null);
    setError(null);
    if (!url) return;
    let live = true;
    void api<DatasetMeta>('GET', `${url}/meta`).then((r) => {
      if (!live) return;
      if (r.ok) setMeta(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return { meta, error };
}

export function DatasetPicker({
  choices,
  value,
  onChange,
  builtins,
}: {
  choices: DatasetChoice[];
  value: string;
  onChange(key: string): void;
  builtins: Builtin[];
}) {
  const info = builtins.find((b) => `builtin:${b.name}` === value);
  const team = choices.filter((c) => !c.key.startsWith('builtin:'));
  return (
    <div className="field">
      <label htmlFor="train-dataset">Dataset</label>
      <select id="train-dataset" value={value} onChange={(e) => onChange(e.target.value)}>
        <optgroup label="Built-in">
          {choices
            .filter((c) => c.key.startsWith('builtin:'))
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
        </optgroup>
        {team.length > 0 ? (
          <optgroup label="Your team's datasets">
            {team.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {info ? (
        <small className="field__help">
          {info.description} Source: {info.source} ({info.license}).
        </small>
      ) : null}
    </div>
  );
}
