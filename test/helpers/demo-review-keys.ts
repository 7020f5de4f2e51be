/**
 * The keys a sergeant presses in a real terminal to take the demo's most overdue case (CR/88397/26, DC
 * Doyle's) through the guided review to its last step: the three open actions done, carried over and
 * dropped with reasons, risk kept, one new action, no performance decision (DC Doyle's trigger is the
 * inspector's in the demo), welfare checked. The end-to-end tests that need a review at sign-off start here.
 */
import type {tmuxSession} from './tmux.js';

export const DEMO_REVIEW_REF = 'CR/88397/26';

type Session = Pick<ReturnType<typeof tmuxSession>, 'keys' | 'type' | 'waitForFrame'>;

/** From the desk with the case selected to step 7 (Sign-off); returns that screen, a whole frame. */
export async function demoReviewToSignOff({keys, type, waitForFrame}: Session): Promise<string> {
	const see = (t: string) => waitForFrame(JSON.stringify(t), s => s.includes(t));
	keys('R');
	await see(`Review ${DEMO_REVIEW_REF} - step 1 of 7: Since last review`);
	keys('Enter');
	await see('step 2 of 7: Previous actions');
	keys('1', 'Tab', 'Tab', '2', 'Tab');
	type('Awaiting the DFU report');
	keys('Tab', '3', 'Tab');
	type('Superseded by the CPS advice');
	keys('C-n');
	await see('step 3 of 7: Risk');
	keys('1', 'C-n');
	await see('step 4 of 7: Action plan');
	keys('Enter');
	type('Chase the DFU for the phone download');
	keys('C-n');
	// The sergeant's step 5 says who decides DC Doyle's trigger and asks for no decision.
	await see("Decision for DC Doyle (the inspector's");
	keys('C-n');
	await see('step 6 of 7: Welfare');
	keys('1', 'C-n');
	return see('step 7 of 7: Sign-off');
}
