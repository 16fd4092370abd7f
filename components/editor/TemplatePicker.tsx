'use client';

import { useMemo } from 'react';
import { TEMPLATES } from '@/engine/templates';
import { Dialog } from './Dialog';
import { TemplatePreview } from './TemplatePreview';
import { previewOf } from './template-preview';

/**
 * The eight starting points as cards (diagram, title, when to use it). Picking one replaces the
 * canvas's content — an ordinary edit that undo takes back.
 */
export function TemplatePicker({ onPick, onClose }: { onPick(name: string): void; onClose(): void }) {
  const cards = useMemo(() => TEMPLATES.map((t) => ({ ...t, preview: previewOf(t.build()) })), []);
  return (
    <Dialog label="Templates" onClose={onClose} className="templates-dialog">
      <header className="dialog__head">
        <h2>Start from a template</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="muted small">
        Each one is a complete, valid network. It replaces what is on the canvas; undo brings your diagram back.
      </p>
      <div className="template-grid">
        {cards.map((t) => (
          <button
            key={t.name}
            type="button"
            className="template-card"
            onClick={() => onPick(t.name)}
            aria-label={`Use template ${t.title}`}
          >
            <TemplatePreview preview={t.preview} title={t.title} />
            <strong>{t.title}</strong>
            <span className="muted small">{t.description}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
