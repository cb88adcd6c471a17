import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PanelView } from './panel-view';

/** What each composer's verdict panel shows, by composer id. The guard writes it, the panels read it. */
export interface PanelState {
  panels: Record<string, PanelView>;
  show(id: string, view: PanelView): void;
  remove(id: string): void;
}

export type PanelStore = StoreApi<PanelState>;

export const createPanelStore = (): PanelStore =>
  createStore<PanelState>()((set) => ({
    panels: {},
    show: (id, view) => set((state) => ({ panels: { ...state.panels, [id]: view } })),
    remove: (id) => set((state) => ({ panels: Object.fromEntries(Object.entries(state.panels).filter(([key]) => key !== id)) })),
  }));
