/**
 * Invented names and realistic case wording for the demo team and synthetic stores. Suspects and
 * victims appear by initials only.
 */
export const FIRST_NAMES = [
	'Sam', 'Priya', 'Joe', 'Helen', 'Lewis', 'Amira', 'Ben', 'Chloe', 'Mark', 'Tom', 'Rachel', 'Nadia', 'Owen', 'Grace',
	'Imran', 'Kate', 'Dan', 'Fiona', 'Ravi', 'Megan', 'Callum', 'Zara', 'Liam', 'Sian', 'Aaron', 'Beth', 'Yusuf', 'Jess',
	'Rhys', 'Holly', 'Kwame', 'Erin', 'Stuart', 'Leah', 'Marcus', 'Anna',
];
export const LAST_NAMES = [
	'Ashworth', 'Iqbal', 'Whitlock', 'Marsh', 'Grant', 'Shah', 'Carter', 'Evans', 'Doyle', 'Brennan', 'Okafor', 'Hughes',
	'Kowalski', 'Reid', 'Patel', 'Lloyd', 'Fraser', 'Morgan', 'Bishop', 'Nolan', 'Adeyemi', 'Walsh', 'Barker', 'Quinn',
	'Hartley', 'Mensah', 'Forde', 'Pritchard', 'Sutton', 'Kaur', 'Lawson', 'Begum', 'Turnbull', 'Yates', 'Ferris', 'Dunne',
];

export const OFFENCES: readonly (readonly [string, string])[] = [
	['Causing or inciting a child under 13 to engage in sexual activity', 'Incite child <13'],
	['Taking, making or distributing indecent photographs of children', 'IIOC make/distrib'],
	['Possession of indecent photographs of children', 'IIOC possession'],
	['Sexual communication with a child', 'Sexual comms child'],
	['Arranging or facilitating the commission of a child sex offence', 'Arranging CSO'],
	['Meeting a child following sexual grooming', 'Grooming meeting'],
	['Possession of prohibited images of children', 'Prohibited images'],
	['Causing a child to watch a sexual act', 'Cause child watch'],
	['Engaging in sexual activity in the presence of a child', 'Sex act presence'],
	['Paying for the sexual services of a child', 'Pay sexual service'],
];

export const UPDATE_TEXTS = [
	'Devices submitted to DFU for extraction. Awaiting a date for the download.',
	'Spoke to DFU: extraction queue is about 10 weeks. Chased again today.',
	'Images graded so far: Cat A 12, Cat B 40, Cat C 310. Grading continues.',
	'Victim\'s parent updated by phone on progress; no concerns raised.',
	'Liaised with children\'s social care; strategy meeting held, safeguarding plan in place.',
	'Comms data application submitted for the suspect\'s messaging account.',
	'Reviewed the download report; further accounts identified for enquiry.',
	'ABE interview with the victim completed; transcript requested.',
	'Suspect\'s solicitor contacted about the further interview date.',
	'File build under way; statements chased from two witnesses.',
	'Met CPS lawyer to discuss the evidential threshold; further work requested.',
	'Exhibits reviewed and continuity checked in the property system.',
	'CAID checks complete; no new victims identified so far.',
	'Second device returned from DFU; report received and reviewed.',
	'Intelligence package shared with the partner force.',
];

export const ACTION_TEXTS = [
	'Chase DFU for the extraction of the seized devices',
	'Grade the images on the seized laptop (Cat A to C)',
	'Obtain the ABE interview transcript',
	'Update the victim and family on progress',
	'Submit the file to CPS for charging advice',
	'Request comms data for the suspect\'s accounts',
	'Arrange a further interview with the suspect on the new disclosure',
	'Attend the safeguarding strategy meeting',
	'Review bail conditions with the custody sergeant',
	'Obtain statements from the remaining witnesses',
	'Complete CAID checks on the new images',
	'Review the DFU report and identify further lines of enquiry',
];

export const MATERIAL_LOCATIONS = [
	'Crimefile (electronic case file)',
	'DFU exhibit store, shelf 4B',
	'POLIT shared drive, cases folder',
	'Property store, sealed bags PB series',
	'Locked cabinet 2, POLIT office',
	'CPS case management system',
];

export const FORENSIC_ITEMS = [
	'Laptop (suspect)',
	'Mobile phone (suspect)',
	'External hard drive',
	'Tablet (suspect)',
	'Mobile phone (victim)',
	'USB memory stick',
	'Desktop tower PC',
];

export const CONCERN_TEXTS = [
	'Crime reports not updated in line with policy despite reminder at the last one-to-one.',
	'Told me the MG3 was nearly finished; nothing on the file to show work done.',
	'Missed the agreed date for the file submission without telling me.',
];

export const NOT_NOW_REASONS = [
	'Officer has agreed to bring updates up to date this fortnight; will review at the next one-to-one.',
	'Officer recently returned from sick leave on a recuperation plan; informal support first.',
];
