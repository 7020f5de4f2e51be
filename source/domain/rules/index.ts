// placeholder: rules API (the real module on branch `rules` replaces this file at merge).
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import type {Problem} from '../problem.js';

export function findProblems(_data: StoreData, _today: IsoDate): Problem[] {
	return [];
}
