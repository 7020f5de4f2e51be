/**
 * Escape pressed twice quickly (or over a slow link) reaches the program as two ESC bytes in one read.
 * Ink reads "\x1b\x1b" as Alt+Escape and hands it to useInput exactly as it hands one Escape (escape and
 * meta both set), so the second press would be lost: backing out of a filter and then out of the pane
 * would take three presses. Nothing here binds Alt+Escape, so two ESC bytes are two Escapes
 * (docs/architecture.md, "The path of a key press"). Ink's useInput gives no way to tell the two apart;
 * its stdin context's event emitter carries each input event as read, before useInput's handler runs
 * when this listener is put first, so the flag below is set for exactly the event it describes.
 */
import {useEffect, useRef, type MutableRefObject} from 'react';
import {useStdin} from 'ink';

/** True while the input event being handled was two ESC bytes. */
export function useDoubleEscape(isActive: boolean): MutableRefObject<boolean> {
	const twice = useRef(false);
	const {internal_eventEmitter: events} = useStdin();
	useEffect(() => {
		if (!isActive || !events) return;
		const onInput = (raw: unknown) => {
			twice.current = raw === '\u001b\u001b';
		};
		events.prependListener('input', onInput);
		return () => {
			events.removeListener('input', onInput);
			twice.current = false;
		};
	}, [events, isActive]);
	return twice;
}
