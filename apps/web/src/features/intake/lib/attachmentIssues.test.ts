import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { attachmentIssues } from './attachmentIssues';

describe('attachmentIssues', () => {
  it('puts a refused file on the file input, with its name', () => {
    const error = new ApiError(422, 'precondition_failed', 'Operazione non possibile', [{ path: 'attachments.1.contentBase64', message: 'Il contenuto non corrisponde al tipo' }]);
    expect(attachmentIssues(error, ['a.pdf', 'finto.png'])).toEqual([{ path: 'attachments', message: 'finto.png: Il contenuto non corrisponde al tipo' }]);
  });
  it('leaves other failures to the general handling', () => {
    expect(attachmentIssues(new ApiError(422, 'precondition_failed', 'x', [{ path: 'outcome', message: 'y' }]), [])).toEqual([]);
    expect(attachmentIssues(new ApiError(409, 'conflict', 'x'), [])).toEqual([]);
    expect(attachmentIssues(new Error('boom'), [])).toEqual([]);
  });
});
