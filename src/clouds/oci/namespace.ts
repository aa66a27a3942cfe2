import type { ObjectStorageClient } from 'oci-objectstorage';
import { checked, NamespaceSchema } from './schemas';
import { sdkScope } from './sdkScope';

/** Runs one SDK call the adapter's way (retries, cancellation, CloudErrors); see `callSdk`. */
export type SdkCaller = <T>(what: string, operation: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/**
 * The tenancy's Object Storage namespace (GetNamespace, `GET /n/`), checked before use. A body
 * that is not a namespace is a `server` CloudError carrying the request id of that response.
 */
export async function readObjectStorageNamespace(client: ObjectStorageClient, call: SdkCaller, signal?: AbortSignal): Promise<string> {
  const what = 'reading the Object Storage namespace of the tenancy';
  let requestId: string | undefined;
  const response = await call(
    what,
    async () => {
      const answer = await client.getNamespace({});
      requestId = sdkScope.getStore()?.requestId;
      return answer;
    },
    signal,
  );
  return checked(NamespaceSchema, response.value, what, requestId);
}
