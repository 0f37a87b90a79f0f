import { z } from 'zod';
import { pageInput, timestamp, uuid } from '../wire/primitives.js';
import { defineAction } from './define.js';

/** A link from an alert to the record it is about, resolved by the web app's router. */
export const recordLink = z.object({ kind: z.string(), id: z.string() });

export const alertView = z.object({
  id: uuid,
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: recordLink.nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type AlertView = z.infer<typeof alertView>;

export const alertsFind = defineAction({
  name: 'alerts.find',
  kind: 'query',
  access: 'context',
  summary: "Avvisi in-app dell'operatore (a lui, al suo ufficio o al suo ente)",
  input: pageInput.extend({ unreadOnly: z.boolean().default(false) }),
  output: z.object({ items: z.array(alertView), nextCursor: z.string().nullable(), unreadCount: z.number().int() }),
});

export const alertsMarkRead = defineAction({
  name: 'alerts.markRead',
  kind: 'mutation',
  access: 'context',
  summary: 'Segna come letti gli avvisi indicati (o tutti)',
  input: z.object({ ids: z.array(uuid).max(200).optional(), all: z.boolean().default(false) }),
  output: z.object({ updated: z.number().int() }),
});
