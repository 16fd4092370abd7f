import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { createRun } from '@/server/training/create-run';
import { checkDatasetRef } from '@/server/training/dataset-ref';
import { getSweep } from '@/server/training/get-sweep';
import type { CreateSweepBody, RunSettings, Sweep } from '@/server/training/schemas';
import { getVersion } from '@/server/versions/get-version';

/** Most runs one sweep may queue. */
export const MAX_SWEEP_RUNS = 64;

type Axis = CreateSweepBody['axes'][number];

/** Every combination of the axes' values (the grid), in order. */
export function gridPoints(axes: Axis[]): Record<string, number | string>[] {
  let points: Record<string, number | string>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.setting]: v })));
  return points;
}

/** The settings of one grid point: the base with the point's values put in place. */
export function settingsAt(base: RunSettings, point: Record<string, number | string>): RunSettings {
  const training: Record<string, unknown> = { ...base.training };
  const units: Record<string, number> = { ...(base.units ?? {}) };
  for (const [setting, value] of Object.entries(point)) {
    if (setting.startsWith('units:')) units[setting.slice('units:'.length)] = Number(value);
    else training[setting] = value;
  }
  return { ...base, training: training as RunSettings['training'], ...(Object.keys(units).length > 0 ? { units } : {}) };
}

/**
 * A grid over up to three settings (learning rate, batch size, epochs, optimizer, a Dense layer's
 * units), each combination queued as one server run of the sweep.
 */
export async function createSweep(userId: string, projectId: string, body: CreateSweepBody): Promise<Sweep> {
  const points = gridPoints(body.axes);
  if (points.length > MAX_SWEEP_RUNS) throw badRequest(`The grid has ${points.length} points; a sweep runs at most ${MAX_SWEEP_RUNS}.`);
  const settingNames = body.axes.map((a) => a.setting);
  if (new Set(settingNames).size !== settingNames.length) throw badRequest('Each setting may be varied by one axis only.');
  const version = await getVersion(projectId, body.versionNumber);
  for (const axis of body.axes) {
    if (!axis.setting.startsWith('units:')) continue;
    const nodeId = axis.setting.slice('units:'.length);
    const node = version.graph.nodes.find((n) => n.id === nodeId);
    if (node?.type !== 'dense') throw badRequest(`"${nodeId}" is not a Dense layer of version ${body.versionNumber}.`);
    if (axis.values.some((v) => !Number.isInteger(Number(v)) || Number(v) < 1))
      throw badRequest('Units must be whole numbers of at least 1.');
  }
  const dataset = await checkDatasetRef(userId, body.dataset);
  const sweep = await db().sweep.create({
    data: {
      projectId,
      versionNumber: body.versionNumber,
      grid: body.axes,
      base: body.settings,
      ...dataset,
      createdById: userId,
    },
    select: { id: true },
  });
  for (const point of points) {
    await createRun(
      userId,
      projectId,
      {
        versionNumber: body.versionNumber,
        dataset: body.dataset,
        place: 'server',
        settings: settingsAt(body.settings, point),
        label: Object.entries(point)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      },
      sweep.id,
    );
  }
  return getSweep(projectId, sweep.id);
}
