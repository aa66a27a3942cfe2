/**
 * Terraform resource names from what a person calls a key: lower case, letters, digits and `_`,
 * starting with a letter, unique among the names already taken.
 */
export function resourceName(wanted: string, taken: Set<string>, fallback = 'key'): string {
  let base = wanted
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  if (base === '') base = fallback;
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}
