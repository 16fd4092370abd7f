/**
 * The globals engine/ may use beyond ES2023: those Node, browsers and Web Workers all provide, with the
 * members the engine calls. engine/tsconfig.json checks the engine against ES2023 and this file alone
 * (no DOM, no Node types), so code that would run in only one of them does not compile. The root
 * tsconfig leaves this file out: there the DOM and Node types declare these globals.
 */

/** A deep copy of plain data (graph documents). */
declare function structuredClone<T>(value: T): T;

declare function setTimeout(callback: () => void, ms?: number): unknown;

/** Monotonic time in milliseconds, for timing epochs. */
declare const performance: { now(): number };

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

/** Two connected ports; a message through them is a macrotask in browsers and workers. */
declare class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
}

interface MessagePort {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
