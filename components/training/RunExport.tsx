'use client';

import { CheckedExportDialog } from '@/components/editor/ExportDialog';
import { EXPORT_FORMATS, type ExportFormat, exportFiles } from '@/components/editor/export-files';
import { useCheckedExport } from '@/components/editor/useCheckedExport';
import { call, urlOf } from '@/components/ui/api';
import type { PackedWeights } from '@/engine/train/packed-weights';
import * as trainingRoutes from '@/server/training/routes';
import type { RunDetail } from '@/server/training/schemas';
import * as versionRoutes from '@/server/versions/routes';

/** The formats a run's trained network is offered in from its page (TypeScript code has no weights). */
const RUN_FORMATS: ExportFormat[] = ['tfjs', 'onnx', 'keras'];

/**
 * A run's trained network as TF.js files, ONNX or Keras: the design of the version it trained, with
 * the run's weights loaded by node, built and checked in this browser (ExportDialog) before the
 * download is offered.
 */
export function RunExport({ run, onNotice }: { run: RunDetail; onNotice(message: string): void }) {
  const checked = useCheckedExport();
  const exportAs = (format: ExportFormat) => {
    const label = EXPORT_FORMATS.find((f) => f.format === format)?.label ?? format;
    void checked.start(label, async () => {
      const [version, model, weights] = await Promise.all([
        call(versionRoutes.getVersion, { params: { projectId: run.projectId, number: run.versionNumber } }),
        call(trainingRoutes.runModel, { params: { runId: run.id } }),
        fetch(urlOf(trainingRoutes.runWeights, { params: { runId: run.id } })),
      ]);
      if (!version.ok) throw new Error(version.message);
      if (!model.ok) throw new Error(model.message);
      if (!weights.ok) throw new Error(`The run's weights could not be read (HTTP ${weights.status}).`);
      const stored: PackedWeights = {
        data: new Uint8Array(await weights.arrayBuffer()),
        specs: (model.data.weightsManifest as { weights: PackedWeights['specs'] }[]).flatMap((g) => g.weights),
        layerNodes: ((model.data.userDefinedMetadata as { layerNodes?: Record<string, string> } | undefined)?.layerNodes ?? {}) as Record<
          string,
          string
        >,
      };
      const { analyse } = await import('@/engine/analysis/analyse');
      const doc = version.data.graph;
      return exportFiles(format, doc, analyse(doc), undefined, stored);
    });
  };
  return (
    <>
      {RUN_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          onClick={() => exportAs(format)}
          disabled={checked.state?.phase === 'checking'}
        >
          Export {EXPORT_FORMATS.find((f) => f.format === format)?.label}
        </button>
      ))}
      <CheckedExportDialog checked={checked} onNotice={onNotice} />
    </>
  );
}
