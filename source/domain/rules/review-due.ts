// placeholder: rules API (branch `rules` replaces this file at merge)
import type {Risk, Settings} from '../model.js';

export function cadenceDays(risk: Risk, settings: Settings): number {
	return Math.min(settings.reviewCadenceDays[risk], settings.reviewCapDays);
}
