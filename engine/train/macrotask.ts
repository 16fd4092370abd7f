/**
 * Resolves after pending timers, messages and I/O callbacks had a turn. TF.js on wasm and cpu
 * computes synchronously and its `data()` resolves in a microtask, so a training loop that only awaits
 * those never lets a worker see a "pause" message, renew a lease or flush a notification. Node has
 * `setImmediate`; browsers and Web Workers get a MessageChannel round trip (no 4 ms timer clamping).
 */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate?.(resolve));
  if (typeof g.MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new g.MessageChannel!();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A yield that only actually yields once `everyMs` have passed since the last one. */
export function throttledYield(everyMs: number): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    const now = Date.now();
    if (now - last < everyMs) return undefined;
    last = now;
    return macrotask();
  };
}
