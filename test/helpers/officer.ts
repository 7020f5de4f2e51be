/** A plain DC for tests of renderers: only the id and name matter to them. */
import type {Officer} from '../../source/domain/model.js';

export const officer = (id: string, name: string): Officer => ({
	id,
	collarNumber: '1',
	name,
	rank: 'DC',
	role: 'investigator',
	hoursPerWeek: 40,
	joinedUnit: '2020-01-01',
	imageExposed: true,
	mentorId: null,
	supervisorId: null,
	leftUnit: null,
});
