/** `terraform { required_providers }`: what generated HCL needs, and its entries as `terraform fmt` writes them. */
import { attr, block, renderHcl, str, type HclItem } from './hcl';

/** A provider the generated HCL needs in `required_providers`. */
export interface ProviderRequirement {
  readonly localName: string;
  readonly source: string;
}

/** Generated HCL in two parts, so it can go into a new file or be merged into an existing one. */
export interface GeneratedTerraform {
  /** The providers it needs in `terraform { required_providers }`. */
  readonly providers: readonly ProviderRequirement[];
  /** Everything else (resources, imports, outputs, or a provider block), formatted, ending with one newline. */
  readonly body: string;
  /** Where it belongs in an existing file: after the last block of the first of these types the file has. */
  readonly placeAfter: readonly string[];
}

/** The entries of `required_providers`: `oci = { source = "oracle/oci" }`. */
export function providerEntries(providers: readonly ProviderRequirement[]): HclItem[] {
  return providers.map((p) => attr(p.localName, { object: [['source', str(p.source)]] }));
}

/** `required_providers { … }` with these entries, or `terraform { required_providers { … } }` when `inTerraformBlock`. */
export function renderRequiredProviders(providers: readonly ProviderRequirement[], inTerraformBlock: boolean): string {
  const required = block('required_providers', [], providerEntries(providers));
  return renderHcl([inTerraformBlock ? block('terraform', [], [required]) : required]);
}

/** The whole text of a new file: `terraform { required_providers }` (unless left out), a blank line, then the body. */
export function renderNewFile(generated: GeneratedTerraform, omitRequiredProviders = false): string {
  if (omitRequiredProviders || generated.providers.length === 0) return generated.body;
  return `${renderRequiredProviders(generated.providers, true)}\n${generated.body}`;
}

/** Whether text (a file, or one `required_providers` entry) sets `source` to this provider's address. */
export function declaresSource(text: string, source: string): boolean {
  const address = source.replace('/', '\\/');
  return new RegExp(`\\bsource\\s*=\\s*"(?:registry\\.terraform\\.io\\/)?${address}"`, 'i').test(text);
}
