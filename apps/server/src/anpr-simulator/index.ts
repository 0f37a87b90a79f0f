/** ANPR contract simulator (docs/registry.md). */
export { startAnprSimulator, type AnprSimulator, type AnprSimulatorOptions, type SimResidentsAdmin } from './simulator.js';
export { simulatedResidents } from './generate.js';
export type { ChangeKind, FeedEntry, SimChangeInput } from './changes.js';
export type { Fault, FaultMode, FaultTarget } from './faults.js';
export type { ResidentInput, SimAddress, SimPlace, SimResident } from './residents.js';
export type { SimCall } from './routes-anpr.js';
