'use client';

import { Dialog } from './Dialog';
import { shortcutHelp } from './store';
import { usePlatform } from './usePlatform';

const GESTURES: [string, string][] = [
  ['Add a layer', 'Drag it from the palette onto the canvas, or click it to add it after the selected layer'],
  ['Connect', 'Drag from an output port (bottom) to an input port (top); ports that cannot take it fade'],
  ['Select several', 'Shift-click layers, or Shift-drag a box around them'],
  ['Pan and zoom', 'Drag the empty canvas; scroll or pinch to zoom'],
  ['Rename a block', 'Double-click its title'],
  ['Open a model', 'Drop a model.json with its weight files, or a Keras model JSON, onto the canvas'],
];

/** Every keyboard shortcut (from the command registry) and the mouse gestures, by section. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const platform = usePlatform();
  const sections = shortcutHelp(platform);
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose} className="help">
      <header className="dialog__head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="help__grid">
        {sections.map((section) => (
          <section key={section.group} aria-label={section.title}>
            <h3>{section.title}</h3>
            <dl>
              {section.items.map((item) => (
                <div key={item.action} className="help__row">
                  <dt>{item.label}</dt>
                  <dd>
                    {item.keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="Mouse">
          <h3>Mouse</h3>
          <dl>
            {GESTURES.map(([what, how]) => (
              <div key={what} className="help__row help__row--wide">
                <dt>{what}</dt>
                <dd className="muted">{how}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
