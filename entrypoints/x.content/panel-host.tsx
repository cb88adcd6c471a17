import { createRoot, type Root } from 'react-dom/client';
import { useStore } from 'zustand';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { VerdictPanel } from '../../components/verdict-panel/VerdictPanel';
import type { PanelHost } from '../../lib/composer/guard-types';
import type { PanelStore } from '../../lib/composer/panel-store';

export interface PanelActions {
  postAnyway(id: string): void;
  retry(id: string): void;
}

function ConnectedPanel({ id, store, actions }: { id: string; store: PanelStore; actions: PanelActions }) {
  const view = useStore(store, (state) => state.panels[id]);
  if (view === undefined) return null;
  return <VerdictPanel view={view} onPostAnyway={() => actions.postAnyway(id)} onRetry={() => actions.retry(id)} />;
}

/**
 * Mounts one shadow-root panel per composer, as the composer's last child, so it sits beside
 * the composer (inside X's modal, which keeps focus within itself). X re-renders its tree and may
 * drop foreign nodes: attaching again re-mounts a panel that went missing.
 */
export function createPanelHost(ctx: ContentScriptContext, store: PanelStore, actions: PanelActions): PanelHost {
  const panels = new Map<string, Promise<ShadowRootContentScriptUi<Root>>>();
  return {
    attach(id, root) {
      const existing = panels.get(id);
      if (existing !== undefined) {
        void existing.then((ui) => {
          if (!ui.shadowHost.isConnected && root.isConnected) ui.mount();
        });
        return;
      }
      const ui = createShadowRootUi<Root>(ctx, {
        name: 'checkpost-panel',
        position: 'inline',
        anchor: root,
        append: 'last',
        // X binds single-key shortcuts on the page; typing or pressing keys in the panel must not trigger them.
        isolateEvents: true,
        onMount(container) {
          const reactRoot = createRoot(container);
          reactRoot.render(<ConnectedPanel id={id} store={store} actions={actions} />);
          return reactRoot;
        },
        onRemove: (reactRoot) => reactRoot?.unmount(),
      });
      panels.set(id, ui);
      void ui.then((ready) => ready.mount());
    },
    detach(id) {
      void panels.get(id)?.then((ui) => ui.remove());
      panels.delete(id);
    },
  };
}
