/** The large tenancy every benchmark lists: each emulator's demo seed plus generated users, answering late. */
export const GENERATED_USERS = 2000;
export const LATENCY_MS = 20;
/** The share of requests answered 429 in the throttled listing. */
export const THROTTLED_RATIO = 0.05;
