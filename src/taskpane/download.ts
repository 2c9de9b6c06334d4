/**
 * Saving bytes as a file from the task pane: a Blob, an object URL and a link click, as browsers
 * download files. (Office on the web and new Outlook-style hosts allow it; where a host blocks
 * downloads the click does nothing visible, and the notice still names the file.)
 */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function saveBytes(bytes: Uint8Array, fileName: string, mime: string = DOCX_MIME, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Let the browser start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
