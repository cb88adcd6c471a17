export default defineBackground(() => {
  // The service worker routes messages between the site content scripts and the offscreen engine.
});
