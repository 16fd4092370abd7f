'use client';

import { useEffect, useRef, useState } from 'react';
import { useEditor } from './EditorContext';
import { download, EXPORT_FORMATS, type ExportFormat, exportFiles } from './export-files';
import { icons } from './icons';
import { importedWeights } from './imported-weights';

/**
 * Export as TF.js files, Keras Python, TF.js TypeScript or ONNX. A graph with errors is refused, with
 * the errors shown in the problems list.
 */
export function ExportMenu({ onShowProblems }: { onShowProblems(): void }) {
  const { store, notify } = useEditor();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
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
    setBusy(format);
    try {
      const { files, note } = await exportFiles(format, doc, analysis, format === 'onnx' ? importedWeights(store) : undefined);
      for (const file of files) download(file);
      notify(`Exported ${files.map((f) => f.name).join(' and ')}${note ? `, ${note}` : ''}.`);
    } catch (error) {
      notify(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(null);
    }
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
    </div>
  );
}
