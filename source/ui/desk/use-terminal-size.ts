/** The terminal's size, following resizes (Ink redraws on resize; this makes the layout follow too). */
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import type {Size} from './layout.js';

function read(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export function useTerminalSize(fixed: Size | undefined): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => fixed ?? read(stdout));
	// The size's numbers, not the object: callers pass a new `fixed` object on every render.
	const columns = fixed?.columns;
	const rows = fixed?.rows;
	useEffect(() => {
		if (columns !== undefined && rows !== undefined) {
			setSize(prev => (prev.columns === columns && prev.rows === rows ? prev : {columns, rows}));
			return;
		}
		const onResize = () =>
			setSize(prev => {
				const next = read(stdout);
				return prev.columns === next.columns && prev.rows === next.rows ? prev : next;
			});
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, columns, rows]);
	return size;
}
