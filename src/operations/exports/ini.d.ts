/** The parts of the `ini` package (1.x, no bundled types) that the exports use. */
declare module 'ini' {
  export function parse(text: string): Record<string, unknown>;
  export function stringify(value: Record<string, unknown>, options?: { section?: string; whitespace?: boolean }): string;
}
