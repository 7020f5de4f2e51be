/**
 * Text from the store, an import or the keyboard is hostile until made safe: a crime-report update
 * pasted from another system can carry terminal escape sequences (CSI, OSC including OSC 52 clipboard
 * writes, DCS), C0/C1 control characters, DEL, or Unicode bidi overrides that reorder what a reader
 * sees. Before any text is drawn in the desk or written to an export it goes through here: whole
 * escape sequences are removed, single control characters are made visible as U+2400-block symbols
 * or as "<U+XXXX>", so nothing is silently hidden and nothing reaches the terminal as a command.
 */

// ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P/X/^/_ ... ST),
// and two-character escapes. Also their 8-bit C1 forms (0x9B CSI, 0x9D OSC, 0x90 DCS, ...).
const ESCAPE_SEQUENCE =
	/\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[@-Z\\-_ -/]?[0-~]?/g;

// Bidi embedding, override and isolate controls (Trojan Source) and other invisible format characters.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function visible(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀..␟
	if (code === 0x7f) return '\u2421'; // ␡
	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function clean(s: string, keepNewlines: boolean): string {
	let out = s.replace(ESCAPE_SEQUENCE, '').replace(BIDI, ch => visible(ch));
	out = out.replace(/\r\n?/g, '\n');
	out = out.replace(/\t/g, '  ');
	const controls = keepNewlines ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g;
	return out.replace(controls, ch => visible(ch));
}

/** One line, safe to draw or export: escape sequences removed, every control character made visible (newlines too). */
export function safeText(s: string): string {
	return clean(s, false);
}

/** As safeText, but line breaks are kept (normalised to \n) for multi-line text such as update narratives. */
export function safeMultiline(s: string): string {
	return clean(s, true);
}

/** True when the text would be changed by safeText (used to warn on import and on paste). */
export function hasUnsafeText(s: string): boolean {
	return safeMultiline(s) !== s.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
}
