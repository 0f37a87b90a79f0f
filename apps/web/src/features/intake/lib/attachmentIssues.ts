import { isApiError } from '../../../lib/api';

/**
 * The server refuses a file it cannot accept (type not allowed, content not matching the declared
 * type, too large) with 422 and a detail on `attachments.N.*` (or `addAttachments.N.*`): those become
 * an issue on the form's file input, naming the file, so the error shows by the field.
 */
export function attachmentIssues(error: unknown, fileNames: readonly string[], inputPath = 'attachments'): { path: string; message: string }[] {
  if (!isApiError(error) || (error.code !== 'precondition_failed' && error.code !== 'invalid_input')) return [];
  return error.details
    .filter((d) => /^(add)?[aA]ttachments\.\d+/.test(d.path))
    .map((d) => {
      const index = Number(d.path.split('.')[1]);
      const name = fileNames[index];
      return { path: inputPath, message: name ? `${name}: ${d.message}` : d.message };
    });
}
