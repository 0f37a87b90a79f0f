import { platformMatrix } from './platform.matrix.js';
import type { MatrixRow } from './types.js';

/** Every module's hand-written matrix; modules add theirs here. */
export const matrix: MatrixRow[] = [...platformMatrix];
