import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * An opaque secret value (a secret access key, a private key, a token, a passphrase).
 *
 * Every way a value usually becomes text (string conversion, template literals, JSON, `util.inspect`,
 * `console.log`) prints `[redacted]`. The only way to read the value is the explicit `reveal()`, so a
 * reviewer can find every place that handles a secret by searching for it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') {
      throw new TypeError('a Secret holds a string');
    }
    this.#value = value;
  }

  /** The secret value itself. Call only where the value must leave the process or reach SecretStorage. */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret;
}
