'use client';

import { type CSSProperties, forwardRef, memo, useDeferredValue, useMemo, useState } from 'react';
import { NODE_WIDTH } from '@/engine/import/layout';
import { categoryColor } from './categories';
import { useEditor } from './EditorContext';
import { type PaletteItem, paletteGroups } from './store';

/** The drag payload type of a palette item: the layer type id. */
export const PALETTE_MIME = 'application/x-netcanvas-layer';

/**
 * Every layer type by category, with search. Drag an item onto the canvas to place it there, or
 * click it to append it after the selected layer (connected), or to add it in the middle of the view.
 */
export const Palette = memo(
  forwardRef<HTMLInputElement>(function Palette(_props, searchRef) {
    const { store, notify, canvas } = useEditor();
    const [query, setQuery] = useState('');
    const deferred = useDeferredValue(query);
    const groups = useMemo(() => paletteGroups(deferred), [deferred]);
    const [closed, setClosed] = useState<Set<string>>(() => new Set(['preprocessing', 'wrapper']));

    const add = (item: PaletteItem) => {
      const state = store.getState();
      const after = state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined;
      const centre = canvas.current?.viewCentre() ?? { x: 0, y: 0 };
      const result = store.dispatch(
        'addNode',
        after !== undefined
          ? { type: item.type, after }
          : { type: item.type, position: { x: Math.round(centre.x - NODE_WIDTH / 2), y: Math.round(centre.y - 40) } },
      );
      if (!result.ok) {
        // Appending can be refused (a layer that cannot take this input): add it unconnected instead.
        const fallback = store.dispatch('addNode', {
          type: item.type,
          position: { x: Math.round(centre.x - NODE_WIDTH / 2), y: Math.round(centre.y) },
        });
        notify(fallback.ok ? `${result.reason} Added ${item.label} unconnected.` : result.reason, 'error');
        return;
      }
      if (typeof result.output === 'string') canvas.current?.focusNode(result.output);
    };

    return (
      <nav className="palette" aria-label="Layer palette">
        <div className="palette__search">
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search layers"
            aria-label="Search layers"
            aria-keyshortcuts="/"
            onKeyDown={(e) => {
              const first = groups[0]?.items[0];
              if (e.key === 'Enter' && first) add(first);
              if (e.key === 'Escape') {
                setQuery('');
                e.currentTarget.blur();
              }
            }}
          />
          <kbd className="palette__kbd">/</kbd>
        </div>
        <div className="palette__list">
          {groups.length === 0 ? <p className="palette__empty">No layer matches “{query}”.</p> : null}
          {groups.map((group) => {
            const open = deferred !== '' || !closed.has(group.category);
            return (
              <section key={group.category} className="palette__group" aria-label={group.label}>
                <button
                  type="button"
                  className="palette__heading"
                  aria-expanded={open}
                  onClick={() =>
                    setClosed((c) => {
                      const next = new Set(c);
                      if (next.has(group.category)) next.delete(group.category);
                      else next.add(group.category);
                      return next;
                    })
                  }
                >
                  <span className="palette__chevron" aria-hidden="true">
                    {open ? '▾' : '▸'}
                  </span>
                  {group.label}
                  <span className="palette__count">{group.items.length}</span>
                </button>
                {open ? (
                  <ul>
                    {group.items.map((item) => (
                      <li key={item.type}>
                        <button
                          type="button"
                          className="palette__item"
                          style={{ '--cat': categoryColor(item.category) } as CSSProperties}
                          draggable
                          onDragStart={(e) => {
                            e.dataTransfer.setData(PALETTE_MIME, item.type);
                            e.dataTransfer.setData('text/plain', item.label);
                            e.dataTransfer.effectAllowed = 'copy';
                          }}
                          onClick={() => add(item)}
                          title={item.doc}
                          aria-label={`Add ${item.label}`}
                          data-layer-type={item.type}
                        >
                          <span className="palette__dot" aria-hidden="true" />
                          {item.label}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </section>
            );
          })}
        </div>
        <p className="palette__hint">Drag onto the canvas, or click to add after the selected layer.</p>
      </nav>
    );
  }),
);
