import type { Preview } from './template-preview';

/** A network thumbnail: layer boxes in category colours and their connections. */
export function TemplatePreview({ preview, title }: { preview: Preview; title: string }) {
  return (
    <svg
      className="template-preview"
      viewBox={preview.viewBox}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Diagram of ${title}`}
    >
      {preview.lines.map((l) => (
        <path
          key={l.id}
          d={l.d}
          fill="none"
          stroke={l.skip ? '#f08c00' : '#adb5bd'}
          strokeWidth={l.skip ? 10 : 14}
          opacity={l.skip ? 0.75 : 1}
        />
      ))}
      {preview.rects.map((r) => (
        <rect key={r.id} x={r.x} y={r.y} width={r.width} height={r.height} rx={18} fill={r.color} opacity={0.85} />
      ))}
    </svg>
  );
}
