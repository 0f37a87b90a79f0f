import { platformMatrix } from './platform.matrix.js';
import type { MatrixRow } from './types.js';
import { auditMatrix } from './audit.matrix.js';
import { accessMatrix } from './access.matrix.js';
import { organisationMatrix } from './organisation.matrix.js';
import { referenceMatrix } from './reference.matrix.js';
import { householdsMatrix } from './households.matrix.js';
import { personsMatrix } from './persons.matrix.js';
import { fieldsMatrix } from './fields.matrix.js';
import { intakeMatrix } from './intake.matrix.js';
import { proposalsMatrix } from './proposals.matrix.js';
import { serviceRequestsMatrix } from './service-requests.matrix.js';
import { consentsMatrix } from './consents.matrix.js';
import { desksMatrix } from './desks.matrix.js';
import { sharingMatrix } from './sharing.matrix.js';

/** Every module's hand-written matrix; modules add theirs here. */
export const matrix: MatrixRow[] = [...platformMatrix, ...accessMatrix, ...auditMatrix, ...organisationMatrix, ...referenceMatrix, ...householdsMatrix, ...personsMatrix, ...fieldsMatrix,
  ...intakeMatrix, ...proposalsMatrix, ...serviceRequestsMatrix, ...consentsMatrix, ...desksMatrix, ...sharingMatrix];
