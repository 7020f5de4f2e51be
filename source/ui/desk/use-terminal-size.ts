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
	useEffect(() => {
		if (fixed) {
			setSize(prev => (prev.columns === fixed.columns && prev.rows === fixed.rows ? prev : fixed));
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
		// The size's numbers, not the object: callers pass a new `fixed` object on every render.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [stdout, fixed?.columns, fixed?.rows]);
	return size;
}
