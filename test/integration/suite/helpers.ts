export const EXTENSION_ID = 'cloud-keys.cloud-keys';

/** Polls `condition` until it holds, failing with `message` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${message} (waited ${timeoutMs} ms)`);
}
