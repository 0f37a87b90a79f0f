/** Population registry clients (docs/registry.md). */
export { startRegistry, type RegistryHandle, type RegistrySettings, type StartRegistryOptions } from './create-registry-client.js';
export {
  SYSTEM_CALL,
  type RegistryCall,
  type RegistryCallLogEntry,
  type RegistryCallSink,
  type RegistryChange,
  type RegistryChangeKind,
  type RegistryChanges,
  type RegistryClient,
  type RegistryLogger,
  type RegistryLookup,
  type RegistrySource,
  type RegistrySubject,
} from './registry-client.js';
export { RegistryUnavailableError, type RegistryFailure } from './registry-errors.js';
