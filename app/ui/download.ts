/** Hands `data` to the browser as a file download named `name` (nothing leaves the machine). */
export function downloadFile(name: string, data: BlobPart, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by then; the URL only keeps the bytes alive.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
