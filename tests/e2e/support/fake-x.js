// Plays X's part on the fixture pages (tests/fixtures/dom/x): shows previews of attached media as
// X does (blob: img + background-image), and publishes on its Post button, Ctrl/Cmd+Enter or a
// focused button's Enter/Space, through handlers delegated from the React root like React's.
// Every publish is recorded in window.__fakeX.sent, which the tests read.
(() => {
  const root = document.getElementById('react-root');
  const state = { sent: [], previews: [] };
  window.__fakeX = state;

  const composerOf = (element) => element.closest('[role="dialog"]') ?? element.closest('.composer');
  const stripFor = (element) => {
    const composer = composerOf(element);
    if (composer === null) return null;
    const editor = element.closest('.composer-body');
    return (editor ?? composer).querySelector('[data-testid="attachments"]');
  };

  const addPreviews = (strip, files) => {
    for (const file of files) {
      if (!file.type.startsWith('image/')) continue;
      const src = URL.createObjectURL(file);
      const item = document.createElement('div');
      item.setAttribute('role', 'group');
      item.className = 'attachment';
      item.innerHTML = `<div class="attachment-bg" style="background-image: url(&quot;${src}&quot;);"></div><img alt="" draggable="true" src="${src}"><button aria-label="Remove media" data-testid="removeMedia" role="button" type="button">✕</button>`;
      strip.append(item);
      state.previews.push({ at: performance.now(), name: file.name });
    }
  };

  const publish = (composer) => {
    const texts = [...composer.querySelectorAll('[data-testid^="tweetTextarea_"][contenteditable="true"]')].map((editor) => editor.innerText.trim());
    const images = composer.querySelectorAll('[data-testid="attachments"] img').length;
    state.sent.push({ at: performance.now(), texts, images });
    for (const editor of composer.querySelectorAll('[contenteditable="true"]')) editor.textContent = '';
    for (const strip of composer.querySelectorAll('[data-testid="attachments"]')) strip.replaceChildren();
    const toast = document.createElement('div');
    toast.setAttribute('data-testid', 'toast');
    toast.setAttribute('role', 'alert');
    toast.textContent = 'Your post was sent.';
    document.body.append(toast);
  };

  root.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-testid="removeMedia"]');
    if (remove !== null) {
      const item = remove.closest('.attachment');
      URL.revokeObjectURL(item.querySelector('img').src);
      item.remove();
      return;
    }
    const button = event.target.closest('[data-testid^="tweetButton"], .post-button');
    if (button !== null) publish(composerOf(button));
  });

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.closest('[contenteditable="true"]')) {
      event.preventDefault();
      publish(composerOf(event.target));
    }
  });

  root.addEventListener('change', (event) => {
    if (event.target.type !== 'file') return;
    const strip = stripFor(event.target) ?? composerOf(event.target).querySelector('[data-testid="attachments"]');
    addPreviews(strip, event.target.files);
    event.target.value = '';
  });

  root.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    addPreviews(stripFor(event.target), files);
  });
})();
