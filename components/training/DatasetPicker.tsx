'use client';

import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { DatasetLocation } from '@/components/datasets/dataset-endpoints';
import { sampleCountWords } from '@/components/datasets/sample-count';
import { call } from '@/components/ui/api';
import type { DatasetMeta } from '@/engine/data/meta';
import * as datasetRoutes from '@/server/datasets/routes';
import type { BuiltinInfoSchema } from '@/server/datasets/schemas';
import type { DatasetSummary } from '@/server/datasets/summaries';

/** A dataset to train on: how the runs API names it, which is also where its batches are served. */
export interface DatasetChoice {
  key: string;
  label: string;
  ref: DatasetLocation;
}

type Builtin = z.infer<typeof BuiltinInfoSchema>;

/** The built-ins and the team's datasets (every version), as choices. */
export function useDatasetChoices(teamId: string): { choices: DatasetChoice[]; builtins: Builtin[]; error: string | null } {
  const [builtins, setBuiltins] = useState<Builtin[]>([]);
  const [team, setTeam] = useState<DatasetSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call(datasetRoutes.listBuiltins).then((r) => (r.ok ? setBuiltins(r.data.datasets) : setError(r.message)));
    void call(datasetRoutes.listDatasets, { params: { teamId } }).then((r) => r.ok && setTeam(r.data.datasets));
  }, [teamId]);
  const choices: DatasetChoice[] = [
    ...builtins.map((b) => ({
      key: `builtin:${b.name}`,
      label: b.title,
      ref: { builtin: b.name },
    })),
    ...team.flatMap((d) =>
      d.versions.map((v) => ({
        key: `${d.id}@${v.number}`,
        label: `${d.name} v${v.number} (${sampleCountWords(v.counts)})`,
        ref: { datasetId: d.id, number: v.number },
      })),
    ),
  ];
  return { choices, builtins, error };
}

/** The meta of the chosen dataset (shapes, classes, split sizes), fetched when the choice changes. */
export function useDatasetMeta(choice: DatasetChoice | undefined): { meta: DatasetMeta | null; error: string | null } {
  const [meta, setMeta] = useState<DatasetMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = choice?.key;
  const ref = choice?.ref;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the choice; its ref is a new object on every render
  useEffect(() => {
    setMeta(null);
    setError(null);
    if (!ref) return;
    let live = true;
    const request =
      'builtin' in ref
        ? call(datasetRoutes.builtinMeta, { params: { name: ref.builtin } })
        : call(datasetRoutes.versionMeta, { params: { datasetId: ref.datasetId, number: ref.number } });
    void request.then((r) => {
      if (!live) return;
      if (r.ok) setMeta(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [key]);
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
