import type { breakGlassClasses } from '@siso/shared';

export type BreakGlassClass = (typeof breakGlassClasses)[number];
