/**
 * Who a desk or review screen under test runs as (README "Who you are"): by default the demo team's
 * sergeant, as the bundled demo's copy falls back to, else the officer named; with a signing key when
 * the test gives one.
 */
import {deskActor, type DeskActor} from '../../source/ui/desk/desk-actor.js';
import type {SigningKey} from '../../source/store/index.js';

/** DS Brennan, the demo team's sergeant. */
export const DEMO_SERGEANT = 'o0002';

export function actorAs(officerId: string, key: SigningKey | null = null, problem: string | null = null): DeskActor {
	return deskActor(officerId, officerId === DEMO_SERGEANT ? 'demo' : '--as', key, problem);
}

/** The demo's sergeant, as the desk runs on the demo copy with nobody named. */
export const SERGEANT_ACTOR: DeskActor = actorAs(DEMO_SERGEANT);
