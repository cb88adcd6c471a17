// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFilePicking, watchPickedFiles, type PickedFile } from '../../../lib/composer/picked-files-browser';

const photo = (name: string, type = 'image/jpeg') => new File([new Uint8Array([1, 2, 3])], name, { type });

/** A FileList as the browser hands it over (happy-dom cannot build one from a DataTransfer). */
const fileList = (...files: File[]) => Object.assign([...files], { item: (index: number) => files[index] ?? null }) as unknown as FileList;

describe('picked files', () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  const watch = () => {
    const seen = vi.fn<(files: PickedFile[]) => void>();
    stop = watchPickedFiles(window, seen);
    return seen;
  };

  it('reports image files chosen in a file input, and nothing else', async () => {
    const seen = watch();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    Object.defineProperty(input, 'files', { value: fileList(photo('trip.jpg'), photo('notes.pdf', 'application/pdf')) });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen.mock.calls[0]?.[0]).toEqual([{ name: 'trip.jpg', bytes: new Uint8Array([1, 2, 3]) }]);
  });

  it('reports images pasted or dropped anywhere on the page', async () => {
    const seen = watch();
    const paste = new Event('paste', { bubbles: true });
    Object.defineProperty(paste, 'clipboardData', { value: { files: fileList(photo('image.png', 'image/png')) } });
    document.body.dispatchEvent(paste);
    const drop = new Event('drop', { bubbles: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: fileList(photo('dragged.jpg')) } });
    document.body.dispatchEvent(drop);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    expect(seen.mock.calls.map((call) => call[0].map((file) => file.name))).toEqual([['image.png'], ['dragged.jpg']]);
  });

  it('says when files are about to be added: a file input clicked or files dragged in, not other clicks or drags', () => {
    const picking = vi.fn();
    stop = watchFilePicking(window, picking);
    const input = document.createElement('input');
    input.type = 'file';
    const button = document.createElement('button');
    document.body.append(input, button);
    button.click();
    const textDrag = new Event('dragenter', { bubbles: true });
    Object.defineProperty(textDrag, 'dataTransfer', { value: { types: ['text/plain'] } });
    document.body.dispatchEvent(textDrag);
    expect(picking).not.toHaveBeenCalled();
    input.click();
    const fileDrag = new Event('dragenter', { bubbles: true });
    Object.defineProperty(fileDrag, 'dataTransfer', { value: { types: ['Files'] } });
    document.body.dispatchEvent(fileDrag);
    expect(picking).toHaveBeenCalledTimes(2);
  });
});
