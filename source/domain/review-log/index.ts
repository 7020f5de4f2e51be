/** The review log and the inspector's exception report: pure builders over a store snapshot. */
export {buildLogRows, filterLogRows, timeliness, type LogRow, type LogOptions} from './rows.js';
export {buildExceptionReport, hasExceptions, type ExceptionReport, type SergeantExceptions, type RuleResults} from './exceptions.js';
export {defaultPeriod, resolvePeriod, inPeriod, DEFAULT_PERIOD_DAYS, type Period} from './period.js';
export {sergeantIndex} from './sergeants.js';
export {headText, buildLogDocument, chainHeadOf, logRowsFor, type LogDocument, type LogDocumentOptions} from './document.js';
