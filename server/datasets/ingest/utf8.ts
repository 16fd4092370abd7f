/**
 * Checks UTF-8 across chunk boundaries and counts lines, so an invalid byte can be reported by its
 * line number (a CSV saved in Latin-1 or Windows-1252 is the usual cause).
 */
export class Utf8LineChecker {
  /** 1-based number of the line being read. */
  line = 1;
  /** Continuation bytes still expected by the sequence in progress. */
  private need = 0;
  /** Lines with invalid bytes (each once), in order. */
  readonly badLines: number[] = [];

  check(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (this.need > 0) {
        if ((b & 0xc0) === 0x80) {
          this.need--;
          continue;
        }
        this.need = 0;
        this.bad();
      }
      if (b === 0x0a) this.line++;
      else if (b < 0x80) continue;
      else if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) this.need = 2;
      else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
      else this.bad();
    }
  }

  /** Call at the end: a sequence cut short by the end of the file is invalid too. */
  end(): void {
    if (this.need > 0) this.bad();
    this.need = 0;
  }

  private bad(): void {
    if (this.badLines[this.badLines.length - 1] !== this.line) this.badLines.push(this.line);
  }
}
