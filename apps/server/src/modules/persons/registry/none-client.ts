/** No registry configured (SISO_REGISTRY=none): nothing is looked up, no change ever arrives. */
import type { RegistryChanges, RegistryClient, RegistryLookup } from './registry-client.js';

export class NoneRegistryClient implements RegistryClient {
  readonly source = 'none' as const;

  async lookup(): Promise<RegistryLookup> {
    return { person: null, warnings: ['Nessuna anagrafe collegata (SISO_REGISTRY=none)'] };
  }

  async changes(_subjects: unknown[], since: string | null): Promise<RegistryChanges> {
    return { changes: [], cursor: since ?? '', resolved: [], unknown: [] };
  }
}
