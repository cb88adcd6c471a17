/** Attributes whose changes can mean a composer appeared, changed its media or its parts. */
const WATCHED_ATTRIBUTES = ['src', 'style', 'data-testid', 'contenteditable', 'role'];

/**
 * Calls `onChange` (at most once per `throttleMs`) whenever the page may have changed a composer:
 * nodes added or removed, text typed, previews swapped. Observes from document_start, so
 * composers rendered before the page finished loading are seen too.
 */
export function watchPage(doc: Document, onChange: () => void, throttleMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, throttleMs);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  doc.addEventListener('input', schedule, true);
  schedule();
  return () => {
    observer.disconnect();
    doc.removeEventListener('input', schedule, true);
    clearTimeout(timer);
  };
}
