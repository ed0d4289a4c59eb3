/** Hands a text or bytes to the browser as a file download (no server involved). */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download (or a preview tab) may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBytes(fileName, new TextEncoder().encode(text), type);
}
