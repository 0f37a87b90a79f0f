import { attachmentMediaTypes } from '@siso/shared';

/** A generated document as the API sends it (JSON wire contract: base64 content, name and media type). */
export interface WireFile {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

/** Base64 text → bytes (atob works on "binary strings", one char per byte). */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Bytes → base64, in slices: spreading a whole file into String.fromCharCode overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * A file picked by the operator, ready for an `attachmentInput` (the server checks type, size and
 * content again; a file the browser cannot type goes as octet-stream and is refused with its reason).
 */
export async function fileToAttachment(file: Blob & { name: string }): Promise<WireFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { filename: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: bytesToBase64(bytes) };
}

/** Whether the browser says the file is one of the accepted types (PDF, JPEG, PNG). */
export function isAcceptedAttachment(file: { type: string }): boolean {
  return (attachmentMediaTypes as readonly string[]).includes(file.type);
}

/** The `accept` attribute of a file input for the accepted attachment types. */
export const attachmentAccept = attachmentMediaTypes.join(',');

/** Saves a document answered by the API as a file (a temporary object URL and an `a[download]`). */
export function downloadWireFile(file: WireFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Released after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
