import { z } from 'zod';
import { maskable } from '../wire/masked.js';
import { timestamp, uuid, version } from '../wire/primitives.js';
import { defineAction } from './define.js';
import { attachmentInput, attachmentView, fileOutput, serviceRequestStatuses } from './intake-common.js';
import { abilities } from './organisation-common.js';

/** A service request of a scheda (issue 5, point 2: status, time worked, notes, attachments). */
export const serviceRequestView = z.object({
  id: uuid,
  intakeId: uuid,
  serviceCode: z.string(),
  serviceLabel: z.string(),
  status: z.enum(serviceRequestStatuses),
  minutesWorked: z.number().int(),
  notes: maskable(z.string().nullable()),
  attachments: z.array(attachmentView),
  createdAt: timestamp,
  createdByName: z.string(),
  updatedAt: timestamp,
  version,
  abilities,
});
export type ServiceRequestView = z.infer<typeof serviceRequestView>;

export const serviceRequestsCreate = defineAction({
  name: 'serviceRequests.create',
  kind: 'mutation',
  access: 'context',
  summary: 'Nuova richiesta di servizio sulla scheda, con allegati (PDF, JPEG, PNG; tipo e dimensione controllati)',
  input: z.object({
    intakeId: uuid,
    serviceCode: z.string().trim().min(1).max(32),
    status: z.enum(serviceRequestStatuses).default('open'),
    minutesWorked: z.number().int().min(0).max(100_000).default(0),
    notes: z.string().trim().max(4000).nullable().optional(),
    attachments: z.array(attachmentInput).max(10).default([]),
  }),
  output: serviceRequestView,
});

export const serviceRequestsUpdate = defineAction({
  name: 'serviceRequests.update',
  kind: 'mutation',
  access: 'context',
  summary: 'Aggiorna stato, tempo impiegato, note e allegati di una richiesta di servizio',
  input: z.object({
    id: uuid,
    version,
    status: z.enum(serviceRequestStatuses).optional(),
    minutesWorked: z.number().int().min(0).max(100_000).optional(),
    notes: z.string().trim().max(4000).nullable().optional(),
    addAttachments: z.array(attachmentInput).max(10).default([]),
    removeAttachmentIds: z.array(uuid).max(50).default([]),
  }),
  output: serviceRequestView,
});

export const attachmentsGet = defineAction({
  name: 'attachments.get',
  kind: 'query',
  access: 'context',
  summary: 'Scarica un allegato (lettura registrata)',
  input: z.object({ id: uuid }),
  output: fileOutput.extend({ sha256: z.string() }),
});

export const serviceCatalogueItem = z.object({
  code: z.string(),
  label: z.string(),
  siussCode: z.string().nullable(),
  userArea: z.string().nullable(),
  deskService: z.boolean(),
  enabled: z.boolean(),
});
export type ServiceCatalogueItem = z.infer<typeof serviceCatalogueItem>;

export const serviceCatalogueFind = defineAction({
  name: 'serviceCatalogue.find',
  kind: 'query',
  access: 'context',
  summary: 'Catalogo dei servizi (codici SIUSS e servizi di sportello) per le richieste',
  input: z.object({ q: z.string().trim().max(100).optional(), includeDisabled: z.boolean().default(false) }),
  output: z.object({ items: z.array(serviceCatalogueItem) }),
});

export const serviceRequestsContracts = {
  [serviceRequestsCreate.name]: serviceRequestsCreate,
  [serviceRequestsUpdate.name]: serviceRequestsUpdate,
  [attachmentsGet.name]: attachmentsGet,
  [serviceCatalogueFind.name]: serviceCatalogueFind,
} as const;
