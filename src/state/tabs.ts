import { KIND_NAMES, type KindName } from '../kinds/index.js';

/** The tabs: one per kind (both customer lists share one), then the History and Settings screens, then Compare. */
export type TabId = KindName | 'history' | 'settings' | 'compare';
export const TABS: readonly TabId[] = [...KIND_NAMES, 'history', 'settings', 'compare'];
