import { z } from 'zod';

/** The largest value of PostgreSQL's `integer`, the column type of version numbers, epochs, indexes… */
export const INT32_MAX = 2 ** 31 - 1;

const TOO_LARGE = { message: `Must be at most ${INT32_MAX}.` };

/**
 * An integer input that fits a 32-bit column: larger ones are a 400 that says the bound, not a
 * database error. `int32()` for JSON numbers, `int32.coerced()` for params and query strings.
 *
 * @example
 * z.object({ parent: int32().positive().nullable() })
 */
export function int32() {
  return z
    .number()
    .int()
    .min(-INT32_MAX - 1)
    .max(INT32_MAX, TOO_LARGE);
}

int32.coerced = () =>
  z.coerce
    .number()
    .int()
    .min(-INT32_MAX - 1)
    .max(INT32_MAX, TOO_LARGE);
