/**
 * Files travel in the JSON wire contract as base64 (contracts intake-common.ts `attachmentInput`,
 * `fileOutput`): read a chosen file into base64, and turn a downloaded one back into a Blob.
 */

/** The base64 part of a `data:` URL as FileReader.readAsDataURL gives it ("data:…;base64,XXXX"). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** A browser file as `{ filename, mediaType, contentBase64 }`; the server checks type, size and content. */
export function readFileBase64(file: Blob & { name: string }): Promise<{ filename: string; mediaType: string; contentBase64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ filename: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: base64OfDataUrl(String(reader.result)) });
    reader.onerror = () => reject(reader.error ?? new Error('file_unreadable'));
    reader.readAsDataURL(file);
  });
}

/** Bytes of a base64 string (atob: standard alphabet, as the server sends it). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers a downloaded file to the browser under its name (a blob URL, released right after). */
export function saveFile(file: { filename: string; mediaType: string; contentBase64: string }): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(file.contentBase64)], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
