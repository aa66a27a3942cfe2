import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Marks every Secret, whichever copy of this class made it: a cloud adapter's bundle
 * (dist/clouds/<cloud>.js) makes secrets that the extension's bundle stores and redacts, and the
 * other way round. `Symbol.for` gives every bundle the same key.
 */
const SECRET_BRAND = Symbol.for('cloudKeys.Secret');

/**
 * An opaque secret value (a secret access key, a private key, a token, a passphrase).
 *
 * Every way a value usually becomes text (string conversion, template literals, JSON, `util.inspect`,
 * `console.log`) prints `[redacted]`. The only way to read the value is the explicit `reveal()`, so a
 * reviewer can find every place that handles a secret by searching for it. `isSecret` and
 * `instanceof Secret` both recognise a Secret made by another bundle's copy of this class.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') {
      throw new TypeError('a Secret holds a string');
    }
    this.#value = value;
  }

  /** `instanceof Secret` checks the brand, so it holds for a Secret of another bundle's copy. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return this === Secret ? isSecret(value) : Function.prototype[Symbol.hasInstance].call(this, value);
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

Object.defineProperty(Secret.prototype, SECRET_BRAND, { value: true });

/** Whether `value` is a Secret, made by this bundle's copy of the class or another's. */
export function isSecret(value: unknown): value is Secret {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SECRET_BRAND] === true;
}
