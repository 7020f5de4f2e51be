/**
 * Who the desk runs as, resolved when it starts (commands/desk.ts deskActorFor; README "Who you are",
 * "Signatures"): the officer from --as, their key loaded (a sealed one with FORTNIGHT_KEY_PASSPHRASE),
 * a key that cannot be read kept as the reason the desk gives before any signing, nobody identifiable
 * a usage error.
 */
import {writeFileSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {deskActorFor} from '../../source/commands/desk.js';
import {makeContext, UsageError} from '../../source/commands/context.js';
import type {StoreData} from '../../source/domain/model.js';
import {createSigningKey, openStore} from '../../source/store/index.js';
import {demoCopy, DEMO_TODAY, tempDir} from '../helpers/cli.js';

const context = (store: string, env: NodeJS.ProcessEnv, as?: string) =>
	makeContext({store, today: DEMO_TODAY, as, color: false, debug: false}, env);

describe("the desk's officer and key", () => {
	it("loads the officer's key; a sealed key needs its passphrase, and without it the reason is kept, not thrown", async () => {
		const {store: file} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir('fortnight-keys-')};
		const made = await createSigningKey('o0001', {env, passphrase: 'correct horse'});
		const store = await openStore(file);
		const sealed = await deskActorFor(context(file, env, 'DI Okafor'), store);
		expect(sealed).toMatchObject({officerId: 'o0001', source: '--as', key: null, keyFacts: {fingerprint: null}});
		expect(sealed.keyFacts.problem).toMatch(/is protected by a passphrase: set FORTNIGHT_KEY_PASSPHRASE/);
		expect(sealed.keyFacts.publicKeyFile).toBe(`${env.XDG_CONFIG_HOME}/fortnight/keys/o0001.pub.pem`);
		const open = await deskActorFor(context(file, {...env, FORTNIGHT_KEY_PASSPHRASE: 'correct horse'}, 'o0001'), store);
		expect(open.key?.officerId).toBe('o0001');
		expect(open.keyFacts).toMatchObject({fingerprint: made.fingerprint, problem: null});
		const wrong = await deskActorFor(context(file, {...env, FORTNIGHT_KEY_PASSPHRASE: 'wrong'}, 'o0001'), store);
		expect(wrong.keyFacts.problem).toMatch(/passphrase .* is wrong/);
		// Nobody else's key is taken for theirs: DS Brennan has none here.
		expect((await deskActorFor(context(file, env, 'DS Brennan'), store)).keyFacts).toMatchObject({fingerprint: null, problem: null});
	});

	it('the demo copy with nobody named runs as its sergeant; any other store stops with a usage error', async () => {
		const {store: file} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir('fortnight-keys-')};
		expect(await deskActorFor(context(file, env), await openStore(file))).toMatchObject({officerId: 'o0002', source: 'demo'});
		const data = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		writeFileSync(file, JSON.stringify({...data, referenceDate: null}));
		const real = context(file, env);
		real.identity.login = 'nobody-mapped';
		await expect(deskActorFor(real, await openStore(file))).rejects.toThrow(UsageError);
		await expect(deskActorFor(real, await openStore(file))).rejects.toThrow(/fortnight does not know who you are.*--as NAME/);
	});
});
