/** One measured row of `npm run verify`'s table: what was tried, what was seen, whether it held. */
export interface LiveRow {
  check: string;
  case: string;
  result: string;
  ok: boolean;
  ms: number;
}
