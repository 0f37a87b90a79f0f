import type { OfficeType } from '@siso/shared';

/**
 * Offices that work as a desk (issue 5, points 4 and 6): the intake desks proper and the professional
 * social service, which also receives schede sent to it (siso-original §5.1: the UdC sends to the
 * social service). Third-sector offices are not desks: they record schede *for* a desk as its access
 * points and neither send nor receive; second-level teams and administrative offices never take an
 * access.
 */
export const DESK_OFFICE_TYPES = ['sportello_accoglienza', 'sportello_stranieri', 'sportello_tematico', 'servizio_sociale_professionale'] as const satisfies readonly OfficeType[];

export function isDeskOffice(type: string): boolean {
  return (DESK_OFFICE_TYPES as readonly string[]).includes(type);
}
