import { createContext, useContext } from 'react';

/** What a masked field may offer: the record page's "Accesso di emergenza" dialog, when the actor may open one. */
export interface BreakGlassOffer {
  offer: () => void;
}

export const BreakGlassContext = createContext<BreakGlassOffer | null>(null);

/** The offer of the record page around, or null (no permission, nothing to open, or no record page). */
export function useBreakGlassOffer(): BreakGlassOffer | null {
  return useContext(BreakGlassContext);
}

/** The label of the field a masked value stands in (set by a row of a data view, read by its "Riservato"). */
export const ReservedFieldName = createContext<string | null>(null);
