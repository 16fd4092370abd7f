'use client';

import { useEffect, useRef, useState } from 'react';
import { useEditor } from './EditorContext';
import { CheckedExportDialog } from './ExportDialog';
import { EXPORT_FORMATS, type ExportFormat, exportFiles } from './export-files';
import { icons } from './icons';
import { designWeights, importedWeights } from './imported-weights';
import { useCheckedExport } from './useCheckedExport';

/**
 * Export as TF.js files, Keras Python, TF.js TypeScript or ONNX. A graph with errors is refused, with
 * the errors shown in the problems list. The files are checked before they are offered (ExportDialog).
 */
export function ExportMenu({ onShowProblems }: { onShowProblems(): void }) {
  const { store, notify } = useEditor();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const checked = useCheckedExport();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (format: ExportFormat) => {
    setOpen(false);
    const { doc, analysis } = store.getState();
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (doc.nodes.length === 0) return notify('There is nothing to export yet.', 'error');
    if (errors.length > 0) {
      onShowProblems();
      return notify(
        `Export needs a model without errors; this one has ${errors.length}: ${errors[0]?.message}${errors.length > 1 ? ' …' : ''}`,
        'error',
      );
    }
    const label = EXPORT_FORMATS.find((f) => f.format === format)?.label ?? format;
    setBusy(format);
    await checked.start(label, async () => {
      const stored = format === 'ts' ? null : await designWeights(store);
      return exportFiles(format, doc, analysis, format === 'onnx' || format === 'keras' ? importedWeights(store) : undefined, stored);
    });
    setBusy(null);
  };

  return (
    <div className="menu" ref={menu}>
      <button
        type="button"
        className="tool tool--text"
        aria-label="Export"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        disabled={busy !== null}
        title="Export the model as code or TF.js files"
      >
        {icons.export} <span className="tool__label">{busy ? 'Exporting…' : 'Export'}</span>
      </button>
      {open ? (
        <div className="menu__list" role="menu" aria-label="Export">
          {EXPORT_FORMATS.map((f) => (
            <button key={f.format} type="button" role="menuitem" className="menu__item" onClick={() => void run(f.format)}>
              <span>{f.label}</span>
              <span className="menu__detail">{f.files}</span>
            </button>
          ))}
        </div>
      ) : null}
      <CheckedExportDialog checked={checked} onNotice={notify} />
    </div>
  );
}
