/** Where plain HTTP is acceptable: only to this machine (the emulators, a local test server). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Why a URL may not carry a cloud's API calls, or undefined when it may: plain HTTP to another machine. */
export function plainHttpProblem(url: URL): string | undefined {
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `uses plain http to ${url.hostname}; requests and their signatures would travel unencrypted. Use https.`;
  }
  return undefined;
}
