// Injected into fixture pages by x-page.ts (plain JS: test runners must not rewrite what runs in the page).
// Records, on the page's clock and to the mutation, when Checkpost's panel first shows a verdict.
(() => {
  const clock = { verdictAt: 0, kind: '' };
  window.__clock = clock;
  const verdictSelector = '.cp-panel-passed, .cp-panel-block, .cp-panel-warn, .cp-panel-cannot_check';
  const watchShadow = (root) => {
    const check = () => {
      const found = root.querySelector(verdictSelector);
      if (found !== null && clock.verdictAt === 0) {
        clock.verdictAt = performance.now();
        clock.kind = found.className;
      }
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true });
    check();
  };
  const seen = new WeakSet();
  const findHosts = () => {
    for (const host of document.querySelectorAll('checkpost-panel')) {
      if (host.shadowRoot !== null && !seen.has(host)) {
        seen.add(host);
        watchShadow(host.shadowRoot);
      }
    }
  };
  new MutationObserver(findHosts).observe(document, { subtree: true, childList: true });
  findHosts();
})();
