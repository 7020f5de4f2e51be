/**
 * Text from the store, an import, the command line or the keyboard is hostile until made safe: a
 * crime-report update pasted from another system can carry terminal escape sequences (CSI, OSC
 * including OSC 52 clipboard writes and OSC 0 window titles, DCS), C0/C1 control characters, DEL,
 * Unicode bidi overrides that reorder what a reader sees, or invisible characters that make two names
 * look alike or smuggle text. This is the one sanitiser: the desk's views, the exports, the command
 * line's output and error messages, and typed or pasted text all go through it (README "Terminal
 * safety" lists how each kind is shown):
 * - a whole escape sequence (CSI, or OSC/DCS/SOS/PM/APC ended by BEL or ST, 7-bit or 8-bit) is removed:
 *   it is a command to the terminal, not text;
 * - a string introducer with no terminator (`ESC ]` to the end of the field) is not a sequence: its ESC
 *   is shown as ␛ and everything after it stays readable (a terminal would swallow the rest);
 * - every other C0 control and DEL is shown as its U+2400-block symbol (␇, ␛, ␡), a line break in
 *   one-line text as ␊;
 * - C1 controls, bidi controls and every other invisible character (Unicode format characters such as
 *   U+200B zero-width space, U+00AD soft hyphen, U+FEFF, tag characters U+E0000-E007F; U+2028/U+2029
 *   line and paragraph separators; Hangul fillers) are shown as "<U+XXXX>". The zero-width joiner and
 *   non-joiner are kept: emoji and Persian and Indic names need them.
 * Nothing is silently hidden and nothing reaches the terminal as a command.
 */

// Removed whole. CSI (ESC [ or 0x9B, parameters, intermediates, final); a string sequence (OSC ESC ], DCS
// ESC P, SOS ESC X, PM ESC ^, APC ESC _, or their C1 forms) whose body holds no control character before
// its terminator (BEL, ESC \ or 0x9C); any other escape (ESC, intermediates, a final that does not open a
// string). An unterminated string sequence matches none of these, so its ESC is made visible below.
const SEQUENCE = new RegExp(
	[
		'\\u001b\\[[0-?]*[ -/]*[@-~]',
		'\\u009b[0-?]*[ -/]*[@-~]',
		'(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[^\\u0000-\\u001f\\u007f-\\u009f]*(?:\\u0007|\\u001b\\\\|\\u009c)',
		'\\u001b[ -/]*[0-OQ-WY-\\\\`-~]',
	].join('|'),
	'g',
);

// Characters made visible: C0 controls other than tab, LF and CR (handled first), DEL, C1, the line and
// paragraph separators, Hangul fillers, tag characters, and every format character (bidi controls,
// zero-width space, soft hyphen, BOM...) except the zero-width joiner and non-joiner.
const UNSAFE_SOURCE = [
	'[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u115f\\u1160\\u3164\\uffa0\\u{e0000}-\\u{e007f}]',
	'(?![\\u200c\\u200d])\\p{Cf}',
].join('|');
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'gu');
const UNSAFE_ONE = new RegExp(UNSAFE_SOURCE, 'u');

/** Printable ASCII only: nothing to do (most names, references and dates). */
const PLAIN = /^[ -~]*$/;

/**
 * True when every character is below U+0080. Buffer.byteLength counts a string's UTF-8 bytes natively,
 * in well under a millisecond for megabytes, where a regular expression over the same text takes tens
 * (issue 18: `problems --json` at 5,000 cases prints 7.5 MB). Pure: no I/O, Node's global Buffer only.
 */
function isAscii(s: string): boolean {
	return Buffer.byteLength(s, 'utf8') === s.length;
}

/** What UNSAFE can match in ASCII text: C0 controls but tab, LF and CR (ESC among them), and DEL. */
const ASCII_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function visible(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀..␟
	if (code === 0x7f) return '\u2421'; // ␡
	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function clean(s: string, keepNewlines: boolean): string {
	if (PLAIN.test(s)) return s;
	let out = s.replace(SEQUENCE, '').replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
	if (keepNewlines) out = out.replace(/[\u2028\u2029]/g, '\n');
	else out = out.replace(/\n/g, '\u240a'); // ␊
	return out.replace(UNSAFE, visible);
}

/**
 * What someone typed, quoted back in a message about it (an unknown officer, a date that is not real):
 * every control character made visible and escape sequences kept as visible text (`Iq␛[2Jbal`), so the
 * person sees why it matched nothing; safeText would drop the sequence and quote "Iqbal", which reads as
 * nonsense beside "no officer matches" (README "Terminal safety").
 */
export function typedInQuotes(s: string): string {
	return PLAIN.test(s) ? s : s.replace(/[\t\n\r]/g, visible).replace(UNSAFE, visible);
}

/** One line, safe to draw or export: escape sequences removed, every control or invisible character made visible (newlines too). */
export function safeText(s: string): string {
	return clean(s, false);
}

/** As safeText, but line breaks (CR LF, CR, U+2028, U+2029) are kept as \n, for multi-line text such as update narratives. */
export function safeMultiline(s: string): string {
	return clean(s, true);
}

/**
 * Typed or pasted text made safe to hold in a field: as safeMultiline (a paste's escape sequences and
 * bracketed-paste markers removed, other controls made visible); in a one-line field line breaks become spaces.
 */
export function safeTyped(s: string, multiline: boolean): string {
	const out = clean(s, true);
	return multiline ? out : out.replace(/\n/g, ' ');
}

/** True when the text would be changed by safeText (used to warn on import and on paste). */
export function hasUnsafeText(s: string): boolean {
	return safeMultiline(s) !== s.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
}

/**
 * A quick pre-filter: false means safeText changes nothing but tabs and line breaks. For callers that
 * look at many fields and do more work only on the few that need it (Markdown escaping, import checks).
 */
export function mayBeUnsafe(s: string): boolean {
	return !PLAIN.test(s) && (s.includes('\u001b') || UNSAFE_ONE.test(s));
}

/**
 * JSON text (from JSON.stringify) with every character a terminal would act on or not show written as a
 * \u escape. JSON.stringify escapes C0 controls but leaves DEL, C1, bidi and invisible characters raw, and
 * JSON output is read in a terminal too. The data is unchanged: a JSON reader gets the same strings back.
 */
export function escapeJsonText(json: string): string {
	// ASCII JSON from JSON.stringify holds no raw C0 control (it escapes them all): only DEL can be left.
	if (isAscii(json) ? !json.includes('\u007f') : PLAIN.test(json) || !UNSAFE_ONE.test(json)) return json;
	const unit = (ch: string, i: number) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
	return json.replace(UNSAFE, ch => (ch.length === 1 ? unit(ch, 0) : unit(ch, 0) + unit(ch, 1)));
}

/**
 * Text its renderer has proved holds nothing safeOutput would change: JSON text that is printable ASCII
 * but for its line breaks, or that escapeJsonText has escaped (JSON.stringify escapes every C0 control,
 * CR among them; escapeJsonText every other character safeOutput acts on). Only a renderer that checks
 * this makes one (export/problems-json.ts); command.ts outCheckedPieces writes it without a second scan.
 */
export type CheckedOutput = string & {readonly checkedOutput: true};

/**
 * The last guard on everything the command line prints (its output and its messages): the same rules
 * as safeMultiline, but the layout of already-rendered output is kept (tabs, LF, CR LF and a leading
 * byte-order mark, which CSV output uses); a lone CR, which would let a line overwrite another, shows as ␍.
 * Rendered exports are already safe, so for them this changes nothing.
 */
export function safeOutput(text: string): string {
	const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
	const body = bom ? text.slice(1) : text;
	// In ASCII text UNSAFE can match only C0 controls (ESC among them) and DEL: one plain class decides,
	// and a lone CR is looked for only when there is a CR at all.
	const noLoneCr = !body.includes('\r') || !/\r(?!\n)/.test(body);
	if (isAscii(body) ? noLoneCr && !ASCII_UNSAFE.test(body) : noLoneCr && !body.includes('\u001b') && !UNSAFE_ONE.test(body)) return text;
	return (
		bom +
		body
			.replace(SEQUENCE, '')
			.replace(/\r(?!\n)/g, '\u240d')
			.replace(UNSAFE, visible)
	);
}
