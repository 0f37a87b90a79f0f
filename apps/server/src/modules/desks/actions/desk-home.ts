import { desksHome } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const deskHome = defineHandler(desksHome, async () => {
  throw new Error('desksHome not implemented yet');
});
