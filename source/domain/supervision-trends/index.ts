/** The inspector's weekly figures (reviews, triggers, bail, welfare check-ins): pure builders over a store snapshot. */
export {buildSupervisionTrends, type SupervisionTrends, type TrendSeries, type TrendOptions} from './build.js';
export {
	DECISION_KINDS,
	FLOW_FIGURES,
	STOCK_FIGURES,
	decidedCount,
	median,
	type Figure,
	type FigureName,
	type TraceRef,
	type WeekFigures,
} from './figures.js';
export {defaultTrendPeriod, weeksOf, weekIndexOf, TREND_DAYS, TREND_WEEKS} from './weeks.js';
export {triggerEpisodes, type TriggerEpisode} from './triggers.js';
export {weekSpan, reviewWords, triggerWords, bailWords, checkInWords} from './words.js';
