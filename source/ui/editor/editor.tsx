/** The editor area: a tab bar of open cases (and review mount points) over the active tab's view. */
import React from 'react';
import {Box, Text} from 'ink';
import type {DeskModel} from '../model/desk-model.js';
import type {DeskActor} from '../desk/desk-actor.js';
import {Pane} from '../pane/pane.js';
import {AmendMount, ReviewMount, ReviewQueueMount} from '../review/review-mount.js';
import type {ReviewKeys} from '../review/use-review-keys.js';
import {fit, truncate} from '../text.js';
import {Banner} from '../banner/banner.js';
import {CaseView} from './case-view.js';
import {ProblemView} from '../problem-detail/problem-view.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintKeyFor, hintLine, keysFor} from '../contexts/registry.js';
import {activeTab, tabTitle, type Tabs} from './tabs.js';

export interface EditorProps {
	model: DeskModel;
	/** Who is at the keyboard (the reviews opened here are theirs). */
	actor: DeskActor;
	tabs: Tabs;
	focused: boolean;
	width: number;
	height: number;
	/** Inner width and content rows, from the layout. */
	inner: number;
	rows: number;
	/** Keys for the review in the active tab, while it has the keyboard. */
	reviewKeys: ReviewKeys;
	/** The review, queue or amendment was left. */
	onReviewExit: () => void;
	/** A notice shown above the hint while no case is open (the first-run demo copy's), or null. */
	banner?: string | null;
}

/** Drawn again only when its props change (memo): the desk keeps reviewKeys and onReviewExit stable. */
export const Editor = React.memo(function Editor({
	model,
	actor,
	tabs,
	focused,
	width,
	height,
	inner,
	rows,
	reviewKeys,
	onReviewExit,
	banner = null,
}: EditorProps): React.JSX.Element {
	const tab = activeTab(tabs);
	const keymap = useKeymap();
	const tabKeys = `${hintKeyFor('prev-tab', keymap)} ${hintKeyFor('next-tab', keymap)} switch, ${hintLine(keymap, [['close-tab', 'close']])}`;
	const none = `No case open: the explorer's ${hintKeyFor('open', keymap)} opens one here; ${keysFor('palette', keymap).replace('/', ' or ')} finds any case.`;
	const review = {model, actor, width: inner, rows, keys: reviewKeys, onExit: onReviewExit};
	return (
		<Pane
			title="EDITOR"
			detail={tabs.tabs.length ? `${tabs.active + 1} of ${tabs.tabs.length} tabs (${tabKeys})` : 'no case open'}
			focused={focused}
			width={width}
			height={height}
		>
			<Text wrap="truncate">{fit(tabBar(tabs, inner), inner)}</Text>
			<Box flexDirection="column" paddingLeft={1}>
				{!tab && banner !== null && <Banner text={banner} width={inner} rows={rows - 2} />}
				{!tab && <Text wrap="truncate">{fit(none, inner)}</Text>}
				{tab?.kind === 'case' && <CaseView model={model} caseRef={tab.ref} scroll={tab.scroll} width={inner} rows={rows} />}
				{tab?.kind === 'problem' && (
					<ProblemView model={model} subject={tab} scroll={tab.scroll} width={inner} rows={rows} readerId={actor.officerId} />
				)}
				{tab?.kind === 'review' && <ReviewMount key={`review:${tab.ref}`} {...review} caseRef={tab.ref} />}
				{tab?.kind === 'amend' && <AmendMount key={`amend:${tab.ref}`} {...review} caseRef={tab.ref} />}
				{tab?.kind === 'review-queue' && <ReviewQueueMount key="queue" {...review} />}
			</Box>
		</Pane>
	);
});

/** "[CR/1/26] CR/2/26 ..." with the active tab in brackets, scrolled so the active tab is visible. */
function tabBar(tabs: Tabs, width: number): string {
	if (tabs.tabs.length === 0) return '(no tabs)';
	const parts = tabs.tabs.map((t, i) => (i === tabs.active ? `[${tabTitle(t)}]` : ` ${tabTitle(t)} `));
	let start = 0;
	const fits = (from: number) => parts.slice(from, tabs.active + 1).join('|').length <= width;
	while (start < tabs.active && !fits(start)) start++;
	return truncate((start > 0 ? '<|' : '') + parts.slice(start).join('|'), width);
}
