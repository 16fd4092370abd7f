/**
 * The box a layer takes on the canvas, and where its ports sit on it, known without drawing it.
 *
 * The layer node has a fixed size (its rows never wrap; see `.layer-node` in the editor's
 * canvas.css, which must agree with the numbers here), so the layout (elk) and the canvas can both
 * use it up front: React Flow then culls off-screen layers from the first frame instead of mounting
 * and measuring all of them, which made a 500-layer design take seconds to open.
 */

/** Width and height of a layer node, in canvas units. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;

/** A port's square: 11 px, its centre on the node's edge line (canvas.css `.react-flow__handle.port`). */
const PORT_SIZE = 11;
/** The node's border; ports are placed inside it (absolutely positioned in the padding box). */
const BORDER = 1;
/** How far a port reaches out beyond the padding box (`top: -11.5px` / `bottom: -11.5px`). */
const PORT_OUTSET = 11.5;

export interface PortBox {
  id: string;
  type: 'source' | 'target';
  position: 'top' | 'bottom';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayerBox {
  width: number;
  height: number;
  /** Input ports (targets) along the top edge, outputs (sources) along the bottom, in order. */
  handles: PortBox[];
}

/** Where the i-th of n ports sits along the node's edge, in percent of its width. */
export function portOffset(index: number, count: number): number {
  return ((index + 1) / (count + 1)) * 100;
}

/**
 * The size of a layer node and the boxes of its ports, relative to its top-left corner, for the
 * port ids it shows.
 *
 * @example
 * layerBox({ inputs: ['in:0'], outputs: ['out:0'] })
 * // { width: 220, height: 84, handles: [{ id: 'in:0', type: 'target', position: 'top', x: 104.5, y: -10.5, … }, …] }
 */
export function layerBox(ports: { inputs: readonly string[]; outputs: readonly string[] }): LayerBox {
  const inner = NODE_WIDTH - 2 * BORDER;
  const along = (i: number, n: number) => BORDER + (inner * portOffset(i, n)) / 100 - PORT_SIZE / 2;
  const handles: PortBox[] = [
    ...ports.inputs.map((id, i) => ({
      id,
      type: 'target' as const,
      position: 'top' as const,
      x: along(i, ports.inputs.length),
      y: BORDER - PORT_OUTSET,
      width: PORT_SIZE,
      height: PORT_SIZE,
    })),
    ...ports.outputs.map((id, i) => ({
      id,
      type: 'source' as const,
      position: 'bottom' as const,
      x: along(i, ports.outputs.length),
      y: NODE_HEIGHT - BORDER + PORT_OUTSET - PORT_SIZE,
      width: PORT_SIZE,
      height: PORT_SIZE,
    })),
  ];
  return { width: NODE_WIDTH, height: NODE_HEIGHT, handles };
}
