/**
 * Editor tabs. A tab is a case's read view, or a mount point for the guided review (issue 5) of one
 * case or of the queue of reviews due. Pure operations; the desk reducer calls them.
 */
import {safeText} from '../../domain/safe-text.js';

export type Tab =
	| {kind: 'case'; ref: string; /** First visible line of the case view. */ scroll: number}
	| {kind: 'review'; ref: string}
	| {kind: 'amend'; ref: string}
	| {kind: 'review-queue'}
	/** A problem's detail (problem-detail/): its id and subject are kept so its keys work after it clears. */
	| {kind: 'problem'; id: string; ref: string | null; officerId: string; title: string; scroll: number};

export interface Tabs {
	tabs: readonly Tab[];
	/** Index of the active tab; -1 when none is open. */
	active: number;
}

export const NO_TABS: Tabs = {tabs: [], active: -1};

export function sameTab(a: Tab, b: Tab): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'review-queue') return true;
	if (a.kind === 'problem') return a.id === (b as {id: string}).id;
	return a.ref === (b as {ref: string}).ref;
}

/** Opens `tab`, or activates it when it is already open. */
export function openTab(t: Tabs, tab: Tab): Tabs {
	const at = t.tabs.findIndex(x => sameTab(x, tab));
	if (at !== -1) return {...t, active: at};
	return {tabs: [...t.tabs, tab], active: t.tabs.length};
}

export function closeActive(t: Tabs): Tabs {
	if (t.active < 0) return t;
	const tabs = t.tabs.filter((_, i) => i !== t.active);
	return {tabs, active: Math.min(t.active, tabs.length - 1)};
}

export function cycle(t: Tabs, delta: number): Tabs {
	if (t.tabs.length === 0) return t;
	return {...t, active: (t.active + delta + t.tabs.length) % t.tabs.length};
}

export function activeTab(t: Tabs): Tab | undefined {
	return t.active >= 0 ? t.tabs[t.active] : undefined;
}

export function updateActive(t: Tabs, f: (tab: Tab) => Tab): Tabs {
	const tab = activeTab(t);
	if (!tab) return t;
	const next = f(tab);
	if (next === tab) return t;
	return {...t, tabs: t.tabs.map((x, i) => (i === t.active ? next : x))};
}

/** The tab's title in the tab bar (a reference is store text: made safe). */
export function tabTitle(tab: Tab): string {
	if (tab.kind === 'case') return safeText(tab.ref);
	if (tab.kind === 'review') return `Review ${safeText(tab.ref)}`;
	if (tab.kind === 'amend') return `Amend ${safeText(tab.ref)}`;
	if (tab.kind === 'problem') return `Problem ${safeText(tab.title)}`;
	return 'Review queue';
}
