import { serviceCatalogueFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const findServiceCatalogue = defineHandler(serviceCatalogueFind, async () => {
  throw new Error('serviceCatalogueFind not implemented yet');
});
