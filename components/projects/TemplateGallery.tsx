import './template-gallery.css';
import { TemplatePreview } from '@/components/editor/TemplatePreview';
import type { Preview } from '@/components/editor/template-preview';

export interface TemplateCard {
  name: string;
  title: string;
  description: string;
  preview: Preview;
}

/**
 * "Start from": an empty canvas or one of the templates, as radio cards with a small diagram and a
 * line on when to use each. Part of the new-project form (its value is the `template` field).
 */
export function TemplateGallery({ templates }: { templates: TemplateCard[] }) {
  return (
    <fieldset className="template-gallery">
      <legend>Start from</legend>
      <label className="template-option">
        <input type="radio" name="template" value="" defaultChecked aria-label="Empty" aria-describedby="template-empty" />
        <span className="template-option__empty" aria-hidden="true">
          +
        </span>
        <strong>Empty</strong>
        <span id="template-empty" className="muted small">
          A blank canvas: drag layers from the palette, or drop a model file.
        </span>
      </label>
      {templates.map((t) => (
        <label key={t.name} className="template-option">
          <input type="radio" name="template" value={t.name} aria-label={t.title} aria-describedby={`template-${t.name}`} />
          <TemplatePreview preview={t.preview} title={t.title} />
          <strong>{t.title}</strong>
          <span id={`template-${t.name}`} className="muted small">
            {t.description}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
