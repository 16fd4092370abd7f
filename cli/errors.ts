/** Exit codes of the CLI contract: 0 valid, 1 the model has errors, 2 usage errors or unreadable files. */
export const EXIT = { ok: 0, modelErrors: 1, usage: 2 } as const;

/** A mistake in how the command was called or a file that cannot be read: exit code 2, message only. */
export class UsageError extends Error {}
