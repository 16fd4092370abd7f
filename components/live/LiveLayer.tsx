'use client';

import { useOnViewportChange, useReactFlow, useStore, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { type Peer, presenterOf } from '@/live/presence';
import type { LiveRoom } from './useLiveRoom';
import './live.css';

/**
 * The live room on the canvas, in the design's own coordinates: everyone else's pointer with their
 * name, and a frame in their colour around what they selected. It also shares this person's pointer
 * and view, and, while someone presents and this screen follows, moves the view with theirs.
 */
export function LiveLayer({ live }: { live: LiveRoom }) {
  const flow = useReactFlow();
  const domNode = useStore((s) => s.domNode);
  const { share, peers, following } = live;
  const frame = useRef(0);
  const presenter = presenterOf(peers);

  useEffect(() => {
    if (!domNode) return;
    const move = (e: PointerEvent) => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => share({ cursor: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) }));
    };
    const leave = () => share({ cursor: null });
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
    };
  }, [domNode, flow, share]);

  useOnViewportChange({ onChange: (viewport) => share({ viewport }) });

  // Moved only when the presenter's view itself changes, not on every presence update.
  const view = following ? presenter?.viewport : undefined;
  const target = view ? `${view.x} ${view.y} ${view.zoom}` : null;
  useEffect(() => {
    if (!target) return;
    const [x, y, zoom] = target.split(' ').map(Number) as [number, number, number];
    void flow.setViewport({ x, y, zoom }, { duration: 120 });
  }, [flow, target]);

  return (
    <ViewportPortal>
      {peers.map((peer) => (
        <PeerMarks key={peer.clientId} peer={peer} />
      ))}
    </ViewportPortal>
  );
}

const PeerMarks = memo(function PeerMarks({ peer }: { peer: Peer }) {
  const flow = useReactFlow();
  const { color, name } = peer.user;
  return (
    <>
      {(peer.selection ?? []).map((id) => {
        const node = flow.getInternalNode(id);
        if (!node) return null;
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? node.width ?? 0;
        const height = node.measured.height ?? node.height ?? 0;
        return (
          <div
            key={id}
            className="live-selection"
            data-peer={name}
            style={{ transform: `translate(${x - 4}px, ${y - 4}px)`, width: width + 8, height: height + 8, borderColor: color }}
          />
        );
      })}
      {peer.cursor ? (
        <div className="live-cursor" data-peer={name} style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}>
          <svg width="14" height="18" viewBox="0 0 14 18" aria-hidden="true">
            <path d="M0 0 L0 14 L4 10 L7 17 L9.5 16 L6.5 9 L12 9 Z" fill={color} stroke="#fff" strokeWidth="1" />
          </svg>
          <span className="live-cursor__name" style={{ background: color }}>
            {name}
            {peer.presenting ? ' · presenting' : ''}
          </span>
        </div>
      ) : null}
    </>
  );
});
