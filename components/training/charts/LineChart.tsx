'use client';

import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** `y` (left axis, default) or `y2` (right axis). */
  scale?: 'y' | 'y2';
  dash?: number[];
  width?: number;
  /** Draw each point (for sparse per-epoch series). */
  points?: boolean;
}

export interface LineChartProps {
  title: string;
  x: number[];
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  y2Label?: string;
  height?: number;
  /** Changes when the data grew (the arrays may be the same objects). */
  revision?: number;
  testId?: string;
  /** Tick labels by x position (for x values that are words, placed at 0, 1, 2…). */
  xTicks?: string[];
  /** A logarithmic x-axis (swept learning rates). */
  xLog?: boolean;
  /** A dashed vertical line at this x with a label (where a run's phase 2 begins). */
  marker?: { x: number; label: string } | null;
}

/** Draws the marker line after the series, in canvas pixels. */
function drawMarker(u: uPlot, marker: { x: number; label: string }): void {
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const left = u.valToPos(marker.x, 'x', true);
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = '#868e96';
  ctx.lineWidth = dpr;
  ctx.setLineDash([4 * dpr, 4 * dpr]);
  ctx.beginPath();
  ctx.moveTo(left, bbox.top);
  ctx.lineTo(left, bbox.top + bbox.height);
  ctx.stroke();
  ctx.fillStyle = '#495057';
  ctx.font = `${11 * dpr}px sans-serif`;
  ctx.fillText(marker.label, left + 4 * dpr, bbox.top + 12 * dpr);
  ctx.restore();
}

/**
 * A canvas line chart (uPlot: draws thousands of points in a few milliseconds), redrawn in place as
 * the series grow. Sized to its container; a legend shows the values under the cursor.
 */
export function LineChart({
  title,
  x,
  series,
  xLabel,
  yLabel,
  y2Label,
  height = 220,
  revision,
  testId,
  xTicks,
  xLog,
  marker,
}: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Read by the draw hook, so a marker that appears later needs no new chart.
  const markerRef = useRef(marker);
  markerRef.current = marker;
  const plot = useRef<uPlot | null>(null);
  const shape = `${series.map((s) => `${s.label}:${s.scale ?? 'y'}`).join('|')}|${y2Label ?? ''}|${xTicks?.join(',') ?? ''}|${xLog ?? false}`;

  // (Re)create the chart when the set of series changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the series' structure
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      scales: {
        x: {
          time: false,
          ...(xLog ? { distr: 3 as const } : {}),
          ...(xTicks ? { range: [-0.5, xTicks.length - 0.5] as uPlot.Range.MinMax } : {}),
        },
        y: { auto: true },
        ...(y2Label ? { y2: { auto: true } } : {}),
      },
      axes: [
        xTicks
          ? {
              label: xLabel,
              size: 40,
              splits: () => xTicks.map((_, i) => i),
              values: (_u: uPlot, splits: number[]) => splits.map((i) => xTicks[i] ?? ''),
            }
          : xLog
            ? {
                label: xLabel,
                size: 40,
                splits: () => x,
                values: (_u: uPlot, splits: number[]) => splits.map((v) => String(Number(v.toPrecision(3)))),
              }
            : // Whole steps only: epochs and batches have no halves.
              { label: xLabel, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000] },
        { label: yLabel, scale: 'y', size: 56 },
        ...(y2Label ? [{ label: y2Label, scale: 'y2', side: 1 as const, grid: { show: false }, size: 56 }] : []),
      ],
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.5,
          scale: s.scale ?? 'y',
          spanGaps: true,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: s.points ?? false, size: 5, fill: s.color },
        })),
      ],
      legend: { live: true },
      hooks: {
        draw: [
          (u: uPlot) => {
            if (markerRef.current) drawMarker(u, markerRef.current);
          },
        ],
      },
      cursor: { drag: { x: true, y: false } },
    };
    plot.current = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height, xLabel, yLabel]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw on every revision of the data
  useEffect(() => {
    plot.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [revision, x, series, marker?.x]);

  return (
    <figure className="chart" data-testid={testId} data-points={x.length} data-marker={marker ? marker.x : undefined}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart__plot" />
    </figure>
  );
}
