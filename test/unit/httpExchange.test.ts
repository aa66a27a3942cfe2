// The HTTP exchange the OCI SDK's requests go through: a request Node refuses before sending it is a
// failed request (the user reads "could not be reached … (code)"), never a signing problem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpExchange, RequestFailedError } from '../../src/util/httpExchange';

describe('createHttpExchange', () => {
  const exchange = createHttpExchange({ timeoutMs: 2_000 });

  it('fails a request whose header Node cannot send as a failed request, with Node’s code', async () => {
    await assert.rejects(
      exchange({ method: 'GET', url: 'http://127.0.0.1:9/', headers: { 'x-bad': 'line\nbreak' } }),
      (error: unknown) => error instanceof RequestFailedError && error.code === 'ERR_INVALID_CHAR',
    );
  });

  it('fails a URL that is not http or https as a failed request naming the scheme', async () => {
    await assert.rejects(
      exchange({ method: 'GET', url: 'ftp://example.invalid/', headers: {} }),
      (error: unknown) => error instanceof RequestFailedError && /ftp:/.test(String((error.cause as Error).message)),
    );
  });

  it('fails a malformed URL as a failed request', async () => {
    await assert.rejects(
      exchange({ method: 'GET', url: 'not a url', headers: {} }),
      (error: unknown) => error instanceof RequestFailedError,
    );
  });
});
