import type { ReactNode } from 'react';

/** Small stroke icons for the toolbar (16 px, currentColor). Decorative: buttons carry the label. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const icons = {
  undo: (
    <Icon>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9" />
    </Icon>
  ),
  copy: (
    <Icon>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 5.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2" />
    </Icon>
  ),
  paste: (
    <Icon>
      <rect x="3" y="3" width="10" height="11" rx="1.5" />
      <path d="M6 3V2h4v1" />
      <path d="M5.5 7.5h5M5.5 10.5h3" />
    </Icon>
  ),
  duplicate: (
    <Icon>
      <rect x="2.5" y="2.5" width="8" height="8" rx="1.5" />
      <path d="M13.5 6v6.5a1 1 0 0 1-1 1H6" />
      <path d="M6.5 4.5v4M4.5 6.5h4" />
    </Icon>
  ),
  trash: (
    <Icon>
      <path d="M2.5 4.5h11M6 4.5V3h4v1.5" />
      <path d="M4 4.5l.7 9h6.6l.7-9" />
    </Icon>
  ),
  group: (
    <Icon>
      <rect x="1.5" y="1.5" width="13" height="13" rx="2" strokeDasharray="2.2 1.8" />
      <rect x="4.5" y="4.5" width="7" height="3" rx="0.8" />
      <rect x="4.5" y="9" width="7" height="2.5" rx="0.8" />
    </Icon>
  ),
  ungroup: (
    <Icon>
      <rect x="2" y="2" width="7" height="4" rx="1" />
      <rect x="7" y="10" width="7" height="4" rx="1" />
      <path d="M5.5 6v2.5a1.5 1.5 0 0 0 1.5 1.5" />
    </Icon>
  ),
  collapse: (
    <Icon>
      <rect x="2" y="5" width="12" height="6" rx="1.5" />
      <path d="m5.5 1.5 2.5 2 2.5-2M5.5 14.5l2.5-2 2.5 2" />
    </Icon>
  ),
  layout: (
    <Icon>
      <rect x="5.5" y="1.5" width="5" height="3" rx="0.8" />
      <rect x="1.5" y="11.5" width="5" height="3" rx="0.8" />
      <rect x="9.5" y="11.5" width="5" height="3" rx="0.8" />
      <path d="M8 4.5V8M4 11.5V8h8v3.5" />
    </Icon>
  ),
  fold: (
    <Icon>
      <rect x="1.5" y="1.5" width="4" height="3" rx="0.8" />
      <rect x="1.5" y="6.5" width="4" height="3" rx="0.8" />
      <rect x="10.5" y="1.5" width="4" height="3" rx="0.8" />
      <rect x="10.5" y="6.5" width="4" height="3" rx="0.8" />
      <path d="M3.5 9.5v4h9V9.5" />
    </Icon>
  ),
  find: (
    <Icon>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3.5 3.5" />
    </Icon>
  ),
  fit: (
    <Icon>
      <path d="M2 5.5V2h3.5M10.5 2H14v3.5M14 10.5V14h-3.5M5.5 14H2v-3.5" />
      <rect x="5.5" y="5.5" width="5" height="5" rx="1" />
    </Icon>
  ),
  /** A stopwatch: the profile overlay. */
  profile: (
    <Icon>
      <circle cx="8" cy="9" r="5" />
      <path d="M8 9V6.5M6.5 2h3M12 4.5l1-1" />
    </Icon>
  ),
  minimap: (
    <Icon>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <rect x="8" y="8" width="5" height="4" rx="0.6" />
    </Icon>
  ),
  import: (
    <Icon>
      <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5" />
      <path d="M2.5 11v2.5h11V11" />
    </Icon>
  ),
  export: (
    <Icon>
      <path d="M8 10V2M4.5 5.5 8 2l3.5 3.5" />
      <path d="M2.5 11v2.5h11V11" />
    </Icon>
  ),
  code: (
    <Icon>
      <path d="m5.5 4-4 4 4 4M10.5 4l4 4-4 4" />
    </Icon>
  ),
  canvas: (
    <Icon>
      <rect x="1.5" y="1.5" width="5" height="4" rx="1" />
      <rect x="9.5" y="10.5" width="5" height="4" rx="1" />
      <path d="M4 5.5v3.5a1.5 1.5 0 0 0 1.5 1.5h4" />
    </Icon>
  ),
  help: (
    <Icon>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4" />
      <circle cx="8" cy="11.6" r="0.4" fill="currentColor" />
    </Icon>
  ),
  templates: (
    <Icon>
      <rect x="1.5" y="1.5" width="5.5" height="5.5" rx="1" />
      <rect x="9" y="1.5" width="5.5" height="5.5" rx="1" />
      <rect x="1.5" y="9" width="5.5" height="5.5" rx="1" />
      <rect x="9" y="9" width="5.5" height="5.5" rx="1" />
    </Icon>
  ),
  save: (
    <Icon>
      <path d="M2.5 3.5a1 1 0 0 1 1-1h7.5l2.5 2.5v7.5a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1z" />
      <path d="M5 2.5v3h5v-3M5 13.5v-4h6v4" />
    </Icon>
  ),
} as const;
