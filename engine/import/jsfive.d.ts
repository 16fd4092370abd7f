/**
 * The part of jsfive (a pure JavaScript HDF5 reader) NetCanvas uses. jsfive ships no types; its
 * objects throw strings or errors on anything malformed, so every call is guarded by the caller.
 */
declare module 'jsfive' {
  /** Attribute values: strings, numbers, arrays of them, or null for types jsfive cannot decode. */
  export type Attributes = Record<string, unknown>;

  export class Group {
    readonly name: string;
    /** Names of the links (groups and datasets) in this group. */
    readonly keys: string[];
    readonly attrs: Attributes;
    /** A group or dataset by relative or absolute path; throws when it does not exist. */
    get(path: string): Group | Dataset | null;
  }

  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }

  export class Dataset {
    readonly name: string;
    readonly shape: number[];
    /** A numpy-style type string (`<f4`, `>f8`, `<i8`, `S12`) or a tuple for variable-length and reference types. */
    readonly dtype: string | unknown[];
    readonly attrs: Attributes;
    /** All values, flattened in C order. */
    readonly value: unknown[];
  }
}
