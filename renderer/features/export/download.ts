/**
 * Hands a file to the browser as a download (the browser-served app has no save dialog). A
 * blob: URL followed by an `<a download>` is a navigation, which the page's CSP does not govern
 * (`connect-src 'none'` covers fetches only), and keeps the bytes out of the address bar.
 */
export function triggerDownload(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel a download the browser has not started reading yet.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
