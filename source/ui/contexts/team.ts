/**
 * The Team view's context (view 2): record or end an absence, and the inspector's queue of escalated
 * performance triggers (README "The review desk"): d on an officer whose trigger is escalated opens the
 * decision form; on anyone else it moves to the next one waiting (for the inspector: anyone else is told
 * who decides, desk-decisions.ts). The forms take every key while open
 * (forms.ts). Last in the keymap, so help lists them after the general keys.
 */
import {bind} from './binding.js';

export const TEAM_BINDINGS = [
	// Only a supervisor changes absences or decides triggers (`supervisors`): an officer is not offered them.
	// Team view (2): the absence form takes every key while it is open (Tab/↑↓ fields, ←/→ or a letter
	// picks the reason, Enter on Cover or after it saves, Esc cancels; changing one, Cover from/to after Cover are the
	// days the cover covers, as absence change --cover NAME --from D --to D); these open it and end an absence.
	// Last in the table (help lists them after the general keys): neither key is bound anywhere else.
	bind({
		command: 'absence-add',
		keys: ['a'],
		where: 'Team view',
		help: 'record an absence for the selected officer (reason category only, never a diagnosis)',
		palette: 'Team: record an absence',
		views: ['team'],
		supervisors: true,
	}),
	bind({
		command: 'absence-end',
		keys: ['E'],
		where: 'Team view',
		help: "end the selected officer's current absence today (asks first)",
		palette: 'Team: end an absence today',
		views: ['team'],
		supervisors: true,
	}),
	// README "Acting on a problem": c names or changes a cover (from a problem whose way it is, too); C cancels.
	bind({
		command: 'absence-change',
		keys: ['c'],
		where: 'Team view, problem detail',
		// "From today" is not always so (QA 8 D6: today stays a cover who has acted today): the form's Cover from says the day.
		help: "change the selected officer's absence: its cover (per Cover from, or for days typed), dates, reason",
		palette: 'Team: change an absence (cover, for some days too; dates, reason)',
		views: ['cases', 'team'],
		supervisors: true,
	}),
	bind({
		command: 'absence-cancel',
		keys: ['C'],
		where: 'Team view',
		help: "cancel the selected officer's absence not yet started (asks first)",
		palette: 'Team: cancel an absence not yet started',
		views: ['team'],
		supervisors: true,
	}),
	// The inspector's queue of escalated performance triggers (README "The review desk"): d on an officer
	// whose trigger is escalated opens the decision form; on anyone else it moves to the next one waiting.
	bind({
		command: 'trigger-decide',
		keys: ['d'],
		where: 'Team view',
		help: "decide an escalated performance trigger (inspector's queue; elsewhere: go to the next)",
		palette: 'Team: decide an escalated performance trigger (inspector)',
		views: ['team'],
		supervisors: true,
		// The inspector's alone: a sergeant or cover decides a trigger in a review's step 5 instead (QA 4 R-a).
		inspectors: true,
	}),
] as const;
