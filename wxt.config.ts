import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Checkpost',
    description: "Checks a school's social media post against its own policy, on this device, before it is published.",
    // WXT writes no CSP in production builds, and Chromium then refuses WebAssembly on extension pages.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
