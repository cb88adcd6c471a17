/** Runs `work` now, or once more after the run in progress when asked meanwhile: calls coalesce. */
export function coalesced(work: () => Promise<boolean>): () => void {
  let running = false;
  let again = false;
  return () => {
    again = true;
    if (running) return;
    running = true;
    void (async () => {
      try {
        while (again) {
          again = false;
          if (!(await work())) break;
        }
      } finally {
        running = false;
      }
    })();
  };
}
