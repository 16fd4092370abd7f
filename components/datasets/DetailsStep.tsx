'use client';

import type { WizardTeam } from './UploadWizard';

export type UploadFormat = 'zip' | 'csv';

/** The upload's first step: the team it goes to, its name, where it comes from, and what kind of data it is. */
export function DetailsStep({
  teams,
  format,
  onFormat,
}: {
  teams: WizardTeam[];
  format: UploadFormat;
  onFormat(format: UploadFormat): void;
}) {
  return (
    <section className="panel stack">
      <div className="row">
        <label>
          Team
          <select name="team" defaultValue={teams[0]?.id}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flex: 1 }}>
          Dataset name
          <input name="name" required maxLength={200} placeholder="e.g. Leaf diseases" />
        </label>
      </div>
      <label>
        Description
        <input name="description" maxLength={2000} />
      </label>
      <div className="row">
        <label style={{ flex: 1 }}>
          Source
          <input name="source" maxLength={500} placeholder="Where the data comes from" />
        </label>
        <label>
          License
          <input name="license" maxLength={200} placeholder="e.g. CC BY 4.0" />
        </label>
      </div>
      <fieldset className="row">
        <legend>What kind of data?</legend>
        <label className="row">
          <input type="radio" name="format" checked={format === 'zip'} onChange={() => onFormat('zip')} /> Images (a zip or a folder of
          class folders)
        </label>
        <label className="row">
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => onFormat('csv')} /> A table (CSV)
        </label>
      </fieldset>
    </section>
  );
}
