/**
 * The desk's first frame, drawn before the store is read: on a department store (tens of MB) reading
 * and checking the file takes seconds, and a blank terminal for that long looks like a hang. The same
 * panes the desk will fill, each saying in words what is happening.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {storeNames} from '../store-names.js';
import {Pane} from '../pane/pane.js';
import {useTerminalSize} from '../desk/use-terminal-size.js';
import {layoutFor, MIN_COLUMNS, MIN_ROWS} from '../desk/layout.js';
import {truncate} from '../text.js';
import {safeText} from '../../domain/safe-text.js';
import {Banner} from '../banner/banner.js';

export interface LoadingFrameProps {
	storePath: string;
	sizeBytes: number | null;
	/** The first-run demo copy's notice (README "Set up"), shown from the very first frame. */
	notice?: string | null;
}

export function LoadingFrame({storePath, sizeBytes, notice = null}: LoadingFrameProps): React.JSX.Element {
	const size = useTerminalSize(undefined);
	const L = layoutFor(size);
	const names = storeNames(storePath);
	const what = `Reading ${safeText(names.short)}${sizeBytes === null ? '' : ` (${(sizeBytes / 1e6).toFixed(1)} MB)`} and checking it...`;
	if (L.tooSmall) return <Text>{truncate(`fortnight needs ${MIN_COLUMNS}x${MIN_ROWS}; ${what}`, size.columns)}</Text>;
	return (
		<Box flexDirection="column" width={L.width} height={L.frameHeight} overflowY="hidden">
			<Box flexDirection="row" height={L.mainHeight}>
				<Box width={L.activityWidth} flexShrink={0} />
				<Pane title="CASES" detail="loading" focused={false} width={L.sidebarWidth} height={L.mainHeight}>
					<Text wrap="truncate">{truncate(what, L.sidebarWidth - 2)}</Text>
				</Pane>
				<Pane title="EDITOR" detail="no case open" focused={false} width={L.editorWidth} height={L.mainHeight}>
					{notice !== null && (
						<Box flexDirection="column" paddingLeft={1}>
							<Banner text={notice} width={L.editorInner} rows={L.editorRows} />
						</Box>
					)}
				</Pane>
			</Box>
			<Pane title="PROBLEMS" detail="the rules run once the store is read" focused={false} width={L.width} height={L.panelHeight} />
			<Text wrap="truncate">{truncate(`${safeText(names.long)} | loading... | q works once the desk is up`, L.width)}</Text>
		</Box>
	);
}
