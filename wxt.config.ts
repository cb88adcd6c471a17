import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { PACKAGED_FILES } from './models/manifest';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Checkpost',
    description: "Checks a school's social media post against its own policy, on this device, before it is published.",
    // storage: the popup's per-tab verdicts; offscreen: the engine's document; unlimitedStorage: the
    // roster's face templates in IndexedDB. No tabs, scripting or network permissions: nothing leaves the device.
    permissions: ['storage', 'offscreen', 'unlimitedStorage'],
    // Only the sites whose composers Checkpost guards (Facebook comes with its own adapter).
    host_permissions: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
    // WXT writes no CSP in production builds, and Chromium then refuses WebAssembly on extension pages.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
  hooks: {
    // Weights and wasm come from npm packages (models/manifest.ts), copied into the build: nothing is fetched at run time.
    'build:publicAssets': (wxt, files) => {
      for (const file of PACKAGED_FILES) files.push({ absoluteSrc: join(wxt.config.root, 'node_modules', file.source), relativeDest: file.destination });
    },
  },
});
