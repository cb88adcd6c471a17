/** A file seen on its way into a composer, before the site shows its preview. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reports image files as they are chosen (file input), pasted or dropped anywhere on the page,
 * so their analysis starts at once. Only a head start: the guard checks the previews the
 * composer actually shows, which is what gets posted.
 */
export function watchPickedFiles(win: Window, onFiles: (files: PickedFile[]) => void): () => void {
  const controller = new AbortController();
  const options = { capture: true, signal: controller.signal, passive: true };

  const take = (list: FileList | null | undefined) => {
    const images = [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    void Promise.all(images.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))).then(onFiles, () => undefined);
  };

  win.addEventListener(
    'change',
    (event) => {
      const input = event.target as HTMLInputElement | null;
      if (input?.type === 'file') take(input.files);
    },
    options,
  );
  win.addEventListener('paste', (event) => take(event.clipboardData?.files), options);
  win.addEventListener('drop', (event) => take(event.dataTransfer?.files), options);
  return () => controller.abort();
}

/**
 * Calls `onPicking` when a member of staff is about to add files: a file input is clicked (the
 * site's media button opens its chooser) or files are dragged over the page. The engine loads its
 * models meanwhile, while they choose; a text-only post never does either, so never loads them.
 */
export function watchFilePicking(win: Window, onPicking: () => void): () => void {
  const controller = new AbortController();
  const options = { capture: true, signal: controller.signal, passive: true };
  win.addEventListener(
    'click',
    (event) => {
      if ((event.target as HTMLInputElement | null)?.type === 'file') onPicking();
    },
    options,
  );
  win.addEventListener(
    'dragenter',
    (event) => {
      if (event.dataTransfer?.types.includes('Files') === true) onPicking();
    },
    options,
  );
  return () => controller.abort();
}
