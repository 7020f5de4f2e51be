/**
 * `fortnight keys`: signing keys (README, "Signatures"). init makes your key pair and, in a store with
 * no key yet, enrols it as the store's first (self-signed, and it says so); enrol lets the team's
 * inspector (anyone) or sergeant (the team's other officers) vouch for someone's public key; export
 * prints enrolled public keys in PEM for an auditor's own tools (openssl); list shows who is enrolled.
 */
import {createPublicKey} from 'node:crypto';
import {promises as fsp} from 'node:fs';
import {shortDate} from '../domain/dates.js';
import type {EnrolmentData, Officer, StoreData} from '../domain/model.js';
import {fullName} from '../domain/people.js';
import {mayEnrolFirst} from '../domain/permissions.js';
import {enrolAdvice, foreignKeyWarning, hasEnrolledKey, keyEnrolledFor} from '../domain/signing.js';
import {safeText} from '../domain/safe-text.js';
import {enrolledForOthers, officerName, severalKeysWords, sharedKeysWords, type EnrolledKey} from '../domain/enrolled-keys.js';
import {makeEntry, createSigningKey, loadSigningKey, fingerprintOf, mayEnrol} from '../store/index.js';
import {out, type Command} from './command.js';
import {readForReader} from './read-scope.js';
import {actorFor, checkNamedActor, RefusalError, UsageError, type Context} from './context.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {officerFlag} from './resolve.js';
import {pathRefusal} from './typed-path.js';

const HELP = `Usage
  fortnight keys init [--force]                      make your signing key (as --as / FORTNIGHT_USER)
  fortnight keys enrol OFFICER --public-key FILE.pem  vouch for an officer's public key
  fortnight keys list [--json]                        who has an enrolled key
  fortnight keys export OFFICER                       their enrolled public key(s), PEM

Every review, amendment, performance decision and enrolment in the chain is signed with its author's
Ed25519 key once the store has its first enrolled key. Your private key is kept in
$XDG_CONFIG_HOME/fortnight/keys/ (else ~/.config/fortnight/keys/), mode 0600; with FORTNIGHT_KEY_PASSPHRASE
set, init seals it with that passphrase (scrypt and AES-256-GCM) and signing needs the same variable.

init    makes the key pair. In a store with no enrolled key yet, it enrols yours as the first (you are
        then the store's creator, and the entry says so): only the team's inspector or sergeant may, and
        anyone else is refused (exit 2) with who can. Otherwise it writes your public key beside the
        private one (.pub.pem) and says who can enrol it: the team's inspector, or its sergeant.
        --force replaces an existing key: when your old key is enrolled, the new one is enrolled at once,
        signed with the old; otherwise have it enrolled by the inspector. When a key enrolled in your
        name is not the one on this computer, init says so first.
enrol   the team's inspector may enrol anyone's key; the team's sergeant only a first key, of an officer
        he line-manages or of the inspector while she has none (a second key only by the inspector).
        A public key already enrolled for another officer is refused, naming them: whoever holds one key
        signs as everyone it is enrolled for.
list    who is enrolled, by whom; an officer with more than one enrolled key is pointed out, and a key
        enrolled for more than one officer is a PROBLEM line.
export  for auditors: "openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -in HASH -sigfile SIG"
        checks one entry (HASH the entry's hash as text, SIG its base64 "sig" decoded).

Exit 2 when you are not entitled, the key file is not an Ed25519 public key, or the officer is unknown;
the store is then unchanged.`;

const command: Command = {
	name: 'keys',
	summary: "signing keys: make yours, enrol someone's, list and export",
	help: HELP,
	flags: {force: {type: 'boolean', default: false}, publicKey: {type: 'string'}, json: {type: 'boolean', default: false}},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action === 'init') return init(ctx, args, flags);
		if (action === 'enrol' || action === 'enroll') return enrol(ctx, args, flags);
		if (action === 'list') return list(ctx, args, flags);
		if (action === 'export') return exportKeys(ctx, args);
		throw new UsageError(
			action
				? `Unknown keys action "${safeText(action).slice(0, 40)}": use init, enrol, list or export.`
				: 'Say what to do: fortnight keys init|enrol|list|export.',
		);
	},
};
export default command;

const enrolments = (data: StoreData) => data.chain.filter(e => e.kind === 'enrolment');

/** The chain's enrolled keys, in chain order (enrolled-keys.ts). */
const enrolledKeys = (data: StoreData): EnrolledKey[] =>
	enrolments(data).map(e => ({
		seq: e.seq,
		officerId: e.data.officerId,
		fingerprint: e.data.fingerprint,
		by: e.data.by,
		first: e.data.first,
	}));

/**
 * Refuses (exit 2, nothing saved) a public key already enrolled for another officer (QA 9 D5): one key is
 * one officer's, since whoever holds it signs as everyone it is enrolled for; the likeliest cause is the
 * wrong officer's .pub.pem picked up, so the file and its owner are named.
 */
function refuseSharedKey(data: StoreData, officer: Officer, fingerprint: string, file: string): void {
	const others = enrolledForOthers(enrolledKeys(data), officer.id, fingerprint);
	if (others.length === 0) return;
	const name = officerName(data.officers);
	const holders = [...new Set(others.map(k => k.officerId))].map(id => {
		const seqs = others.filter(k => k.officerId === id).map(k => k.seq);
		return `${name(id)} (${seqs.length === 1 ? 'entry' : 'entries'} ${seqs.join(', ')})`;
	});
	throw new UsageError(
		`The key in ${safeText(file)} (fingerprint ${fingerprint.slice(0, 16)}...) is already enrolled for ${holders.join(' and ')}: ` +
			`one key is one officer's, since whoever holds it signs as everyone it is enrolled for. Enrol ${safeText(fullName(officer))}'s ` +
			`own public key, the ${officer.id}.pub.pem their "fortnight keys init" wrote. Nothing was saved.`,
	);
}

function noWords(args: string[], what: string): void {
	if (args.length > 0) throw new UsageError(`"fortnight keys ${what}" takes no more words (got "${safeText(args[0]!).slice(0, 40)}").`);
}

async function init(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	noWords(args, 'init');
	const store = await openForCommand(ctx);
	const me = actorFor(ctx, store.snapshot()).officer;
	// The first enrolment makes the store's creator: only the team's inspector or sergeant (README "Signatures").
	const firstRefused = (data: StoreData) => {
		if (enrolments(data).length > 0) return;
		const may = mayEnrolFirst(data, me.id);
		if (!may.ok) throw new RefusalError(`${may.reason} No key was made and the store is unchanged.`);
	};
	firstRefused(store.snapshot());
	const pass = ctx.env['FORTNIGHT_KEY_PASSPHRASE'] || undefined;
	// An enrolment after the first is signed by an enrolled key of whoever vouches (README "Signatures"): an
	// officer enrols their own new key only with a key of theirs already enrolled (a key replaced with
	// --force, signed with the old one: permissions.ts mayEnrolKey); otherwise someone else vouches for it.
	const old = flags['force'] === true ? await loadSigningKey(me.id, {passphrase: pass, env: ctx.env}).catch(() => null) : null;
	const oldEnrolled = (data: StoreData) =>
		old !== null &&
		mayEnrol(data, me.id, me.id, hasEnrolledKey(data, me.id)) &&
		keyEnrolledFor(data, me.id, fingerprintOf(createPublicKey(old.privateKey)));
	const made = await createSigningKey(me.id, {passphrase: pass, replace: flags['force'] === true, env: ctx.env});
	const signedAt = nowInstant(ctx);
	const snap = store.snapshot();
	let first = enrolments(snap).length === 0;
	// Someone else's key must be vouched for; only the store's first enrols itself.
	if (first || oldEnrolled(snap))
		await store.apply(data => {
			firstRefused(data);
			first = enrolments(data).length === 0;
			if (!first && !oldEnrolled(data)) return data;
			const enrolment: EnrolmentData = {
				officerId: me.id,
				publicKey: made.publicKeyPem,
				fingerprint: made.fingerprint,
				date: ctx.today,
				by: me.id,
				first,
			};
			return {...data, chain: [...data.chain, makeEntry(data.chain, 'enrolment', enrolment, signedAt, first ? made.key : old!)]};
		});
	const enrolled = store.snapshot().chain.some(e => e.kind === 'enrolment' && e.data.fingerprint === made.fingerprint);
	// A key already enrolled in this officer's name that is not the one just made is said first (REVIEW-9 N7).
	const foreign = enrolled ? null : foreignKeyWarning(store.snapshot(), me.id, made.fingerprint);
	const lines = [
		...(foreign === null ? [] : [foreign]),
		`Made your signing key (${safeText(fullName(me))}, fingerprint ${made.fingerprint.slice(0, 16)}...) in ` +
			`${made.file}${pass ? ', sealed with FORTNIGHT_KEY_PASSPHRASE' : ''}.`,
	];
	if (enrolled && first)
		lines.push(
			`It is the first key in ${ctx.storePath}: you are enrolled as the store's creator, and from now on every entry in its chain must be signed by an ` +
				`enrolled key.`,
		);
	else if (enrolled) lines.push('It is enrolled: what you sign from now on is checked against it.');
	else {
		const pub = made.file.replace(/\.key$/, '.pub.pem');
		await fsp.writeFile(pub, made.publicKeyPem, {mode: 0o644});
		lines.push(
			`Your public key is in ${pub}. ${capital(enrolAdvice(store.snapshot(), me.id, ctx.today, fullName))}:`,
			`  fortnight keys enrol ${me.id} --public-key ${pub}`,
		);
	}
	await out(ctx, lines.join('\n') + '\n');
	return 0;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Refuses (exit 2, before anything is written) an enrolment its signer could not sign: an enrolment is
 * signed by an enrolled key of the one who makes it (README "Signatures"), so someone entitled whose own
 * key is not enrolled, or whose key on this computer is not the enrolled one, is told so and who enrols
 * theirs (QA 4 R-f: the store refused it afterwards, exit 3, with advice that went round in a circle).
 */
function refuseUnenrolledSigner(ctx: Context, data: StoreData, me: Officer, fingerprint: string | null): void {
	const nothing = 'Nothing was saved.';
	if (!hasEnrolledKey(data, me.id)) {
		throw new RefusalError(
			`${safeText(fullName(me))} has no enrolled key in this store, so cannot sign an enrolment: an enrolment is signed with the ` +
				`enrolling officer's own enrolled key. ${capital(enrolAdvice(data, me.id, ctx.today, fullName, 'your key'))} first ` +
				`("fortnight keys enrol ${me.id} --public-key FILE.pem", FILE.pem from your "fortnight keys init"). ${nothing}`,
		);
	}
	if (fingerprint !== null && !keyEnrolledFor(data, me.id, fingerprint)) {
		throw new RefusalError(
			`Your signing key on this computer (fingerprint ${fingerprint.slice(0, 16)}...) is not the one enrolled for ` +
				`${safeText(fullName(me))} in this store, so it cannot sign an enrolment: use the enrolled key's computer, or have this ` +
				`one enrolled. ${nothing}`,
		);
	}
}

async function enrol(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	if (args.length !== 1) throw new UsageError('Name one officer: fortnight keys enrol OFFICER --public-key FILE.pem.');
	const file = flags['publicKey'];
	if (typeof file !== 'string' || file === '')
		throw new UsageError('--public-key FILE.pem is required: the officer\'s public key, from their "fortnight keys init".');
	// Named back in what follows, so it must print as typed (typed-path.ts; QA 9 D10).
	const unprintable = pathRefusal(file, '--public-key', 'Nothing was read or saved.');
	if (unprintable !== null) throw new UsageError(unprintable);
	const pem = await fsp.readFile(file, 'utf8').catch(() => {
		throw new UsageError(`--public-key: cannot read ${safeText(file)}.`);
	});
	let fingerprint: string;
	let publicKey: string;
	try {
		const k = createPublicKey(pem.slice(0, 2000));
		if (k.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
		fingerprint = fingerprintOf(k);
		publicKey = k.export({type: 'spki', format: 'pem'}).toString();
	} catch {
		throw new UsageError(`--public-key: ${safeText(file)} is not an Ed25519 public key in PEM (make one with "fortnight keys init").`);
	}
	const store = await openForCommand(ctx);
	const data = store.snapshot();
	const officer = officerFlag(data.officers, args[0]!, 'OFFICER');
	const me = actorFor(ctx, data).officer;
	if (enrolments(data).length === 0)
		throw new UsageError('No key is enrolled in this store yet: the first is its creator\'s own, made with "fortnight keys init".');
	const hasKey = hasEnrolledKey(data, officer.id);
	if (!mayEnrol(data, me.id, officer.id, hasKey)) {
		// A second key is never the sergeant's to vouch for: whoever holds it signs as the officer (REVIEW-9 D1).
		const already = hasKey
			? `${safeText(fullName(officer))} already has an enrolled key, and a replacement is enrolled only by the team's inspector or with ` +
				`their own enrolled key ("fortnight keys init --force" as themselves). `
			: '';
		throw new UsageError(
			`${safeText(fullName(me))} may not enrol keys for ${safeText(fullName(officer))}: ` +
				`${already}${capital(enrolAdvice(data, officer.id, ctx.today, fullName, 'the key'))}. Nothing was saved.`,
		);
	}
	refuseSharedKey(data, officer, fingerprint, file);
	refuseUnenrolledSigner(ctx, data, me, null);
	const key = await loadSigningKey(me.id, {env: ctx.env});
	if (!key) throw new UsageError(`You have no signing key on this machine to sign the enrolment with: run "fortnight keys init" first.`);
	refuseUnenrolledSigner(ctx, data, me, fingerprintOf(createPublicKey(key.privateKey)));
	const signedAt = nowInstant(ctx);
	await store.apply(d => {
		// Asked again of the store as saved: someone may have enrolled the key since it was read.
		refuseSharedKey(d, officer, fingerprint, file);
		const enrolment: EnrolmentData = {officerId: officer.id, publicKey, fingerprint, date: ctx.today, by: me.id, first: false};
		return {...d, chain: [...d.chain, makeEntry(d.chain, 'enrolment', enrolment, signedAt, key)]};
	});
	await out(
		ctx,
		`Enrolled ${safeText(fullName(officer))}'s key (fingerprint ${fingerprint.slice(0, 16)}...), signed by you, ${safeText(fullName(me))}.\n`,
	);
	return 0;
}

async function list(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	noWords(args, 'list');
	const {data} = await readForReader(ctx);
	checkNamedActor(ctx, data);
	const rows = enrolments(data).map(e => ({
		seq: e.seq,
		officerId: e.data.officerId,
		officer: safeText(fullName(data.officers.find(o => o.id === e.data.officerId))),
		fingerprint: e.data.fingerprint,
		date: e.data.date,
		by: e.data.by,
		first: e.data.first,
	}));
	if (flags['json']) {
		await out(ctx, JSON.stringify(rows, null, 2) + '\n');
		return 0;
	}
	if (rows.length === 0) {
		await out(
			ctx,
			'No signing keys are enrolled in this store: its chain is hashed but not signed. "fortnight keys init" enrols the first.\n',
		);
		return 0;
	}
	const name = (id: string) => safeText(fullName(data.officers.find(o => o.id === id)));
	const lines = rows.map(
		r =>
			`${r.officer} (${r.officerId})  ${r.fingerprint.slice(0, 16)}...  enrolled ${shortDate(r.date)} by ` +
			`${r.first ? "themselves, as the store's creator" : name(r.by)}`,
	);
	// More than one key for one officer: whoever holds any of them signs as that officer (REVIEW-9 D1).
	for (const warning of severalKeysWords(rows, officerName(data.officers))) lines.push(warning);
	// One key for several officers: whoever holds it signs as any of them (QA 9 D5).
	for (const {words} of sharedKeysWords(rows, officerName(data.officers))) lines.push(`PROBLEM: ${capital(words)}.`);
	await out(ctx, lines.join('\n') + '\n');
	return 0;
}

async function exportKeys(ctx: Context, args: string[]): Promise<number> {
	if (args.length !== 1) throw new UsageError('Name one officer: fortnight keys export OFFICER.');
	const {data} = await readForReader(ctx);
	checkNamedActor(ctx, data);
	const officer = officerFlag(data.officers, args[0]!, 'OFFICER');
	const keys = enrolments(data).filter(e => e.data.officerId === officer.id);
	if (keys.length === 0) throw new UsageError(`${safeText(fullName(officer))} has no enrolled key in this store.`);
	await out(ctx, keys.map(e => e.data.publicKey.trimEnd()).join('\n') + '\n');
	return 0;
}
