import { z } from 'zod';
import { dateOnly, uuid, version } from '../wire/primitives.js';
import { plainText } from '../wire/input-hygiene.js';
import { maskable } from '../wire/masked.js';
import { defineAction } from './define.js';
import { abilities } from './organisation-common.js';
import { personSummary } from './persons-common.js';

/**
 * Household and network of a person (siso-original §4.1 CS_A_FAMIGLIA_GRUPPO / CS_A_COMPONENTE):
 * - `household`: the nucleo familiare (convivente), declared or as the registry has it;
 * - `relatives`: other relatives; `network`: friends, neighbours, volunteers.
 * A person may appear in several groups (of their own and of other people).
 */
export const householdGroupKinds = ['household', 'relatives', 'network'] as const;
/** Availability of a member as a resource (CS_TB_DISPONIBILITA). */
export const availabilities = ['available', 'partial', 'unavailable'] as const;

const text = (max: number) => plainText(max).min(1);

export const householdMemberInput = z
  .object({
    /** A person of the registry, or a free-text member (name only) for someone not registered. */
    personId: uuid.nullable().optional(),
    displayName: text(200).nullable().optional(),
    /** ANPR relazione di parentela (tabella 5), relative to the person who owns the group. */
    relationship: z.string().regex(/^[0-9]{1,3}$/, 'invalid_format'),
    cohabiting: z.boolean().default(false),
    parentalResponsibility: z.boolean().default(false),
    availability: z.enum(availabilities).nullable().optional(),
    contact: text(200).nullable().optional(),
    note: text(500).nullable().optional(),
    validFrom: dateOnly.nullable().optional(),
    validTo: dateOnly.nullable().optional(),
  })
  .refine((m) => Boolean(m.personId) || Boolean(m.displayName), { message: 'persona_o_nome', path: ['personId'] })
  .refine((m) => !m.validTo || !m.validFrom || m.validTo >= m.validFrom, { message: 'date_invertite', path: ['validTo'] });
export type HouseholdMemberInput = z.infer<typeof householdMemberInput>;

export const householdMemberView = z.object({
  id: uuid,
  /** Null when the member is a free-text entry, or masked (a protected member's link is hidden). */
  person: personSummary.nullable(),
  displayName: maskable(z.string().nullable()),
  relationship: z.string(),
  relationshipLabel: z.string().nullable(),
  cohabiting: z.boolean(),
  parentalResponsibility: z.boolean(),
  availability: z.enum(availabilities).nullable(),
  contact: maskable(z.string().nullable()),
  note: maskable(z.string().nullable()),
  validFrom: dateOnly.nullable(),
  validTo: dateOnly.nullable(),
  source: z.enum(['manual', 'registry']),
});

export const householdGroupView = z.object({
  id: uuid,
  kind: z.enum(householdGroupKinds),
  livesAlone: maskable(z.boolean()),
  members: z.array(householdMemberView),
  /** Members hidden because they are protected people the actor is not granted. */
  hiddenMembers: z.number().int(),
  version,
  abilities,
});
export type HouseholdGroupView = z.infer<typeof householdGroupView>;

export const householdsGet = defineAction({
  name: 'households.get',
  kind: 'query',
  access: 'context',
  summary: 'Nucleo familiare, altri familiari e rete di una persona (lettura registrata)',
  input: z.object({ personId: uuid }),
  output: z.object({
    personId: uuid,
    /** Masked for a protected person unless the actor is among the granted operators. */
    groups: maskable(z.array(householdGroupView)),
    /** Groups of other people where this person appears as a member. */
    memberOf: maskable(z.array(z.object({ groupId: uuid, kind: z.enum(householdGroupKinds), owner: personSummary, relationship: z.string() }))),
  }),
});

export const householdsUpdate = defineAction({
  name: 'households.update',
  kind: 'mutation',
  access: 'context',
  summary: 'Aggiorna un gruppo (nucleo, familiari, rete) di una persona: componenti, parentela, convivenza, disponibilità',
  input: z.object({
    personId: uuid,
    groupId: uuid.optional(),
    version: version.optional(),
    kind: z.enum(householdGroupKinds),
    livesAlone: z.boolean().default(false),
    members: z.array(householdMemberInput).max(40),
  }).refine((i) => !i.groupId || i.version !== undefined, { message: 'required', path: ['version'] }),
  output: householdGroupView,
});

export const householdsContracts = {
  [householdsGet.name]: householdsGet,
  [householdsUpdate.name]: householdsUpdate,
} as const;
