/**
 * Whether a host is exempt from the proxy, by the usual `NO_PROXY` rules (and VS Code's
 * `http.noProxy`, which takes the same entries): a list separated by commas or spaces; `*` exempts
 * every host; `example.com` exempts it and its subdomains; `.example.com` or `*.example.com` only
 * the subdomains' suffix match; `host:port` only that port. IP literals match exactly.
 */
export function bypassesProxy(hostname: string, port: number, entries: readonly string[]): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  return entries
    .flatMap((entry) => entry.split(/[\s,]+/))
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const withPort = /^(.+):(\d+)$/.exec(entry);
      const pattern = (withPort && !entry.includes('::') ? withPort[1] : entry).replace(/^\[(.*)\]$/, '$1');
      if (withPort && !entry.includes('::') && Number(withPort[2]) !== port) return false;
      if (pattern.startsWith('*.') || pattern.startsWith('.')) return host.endsWith(pattern.replace(/^\*/, ''));
      return host === pattern || host.endsWith(`.${pattern}`);
    });
}

/** `NO_PROXY` / `no_proxy` from an environment, as one entry list. */
export function noProxyFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return [env.NO_PROXY, env.no_proxy].filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}
