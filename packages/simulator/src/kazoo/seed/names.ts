/** Names for seeded people and things. Phone numbers come from the fictional 555-01xx block (see phone.ts). */
export const FIRST_NAMES = [
  'Ava', 'Liam', 'Mia', 'Ethan', 'Zoe', 'Lucas', 'Nora', 'Mason', 'Leah', 'Owen',
  'Ruby', 'Caleb', 'Ivy', 'Isaac', 'Hazel', 'Julian', 'Stella', 'Miles', 'Alice', 'Felix',
  'Priya', 'Diego', 'Amara', 'Kenji', 'Sofia', 'Tariq', 'Elena', 'Marcus', 'Yara', 'Bruno',
] as const;

export const LAST_NAMES = [
  'Johnson', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Okafor', 'Rossi', 'Hughes', 'Carter', 'Silva',
  'Bennett', 'Moreno', 'Fischer', 'Larsen', 'Brooks', 'Chen', 'Dubois', 'Ward', 'Ortiz', 'Foster',
] as const;

export const COMPANIES = [
  'Bayview Dental', 'Golden Gate Logistics', 'Mission Street Legal', 'Redwood Analytics', 'Sunset Realty',
  'Harbor Freight Co', 'Twin Peaks Studio', 'Presidio Health', 'Embarcadero Foods', 'Nob Hill Interiors',
] as const;

export const USER_AGENTS = ['Yealink SIP-T54W 96.86.0.70', 'Polycom VVX 450 6.4.3', 'Zoiper rv2.10.19', 'Grandstream GXP2170 1.0.11', 'Bria 6.6.3'] as const;

export const HANGUP_CAUSES = [
  ['NORMAL_CLEARING', 'sip:200'],
  ['NORMAL_CLEARING', 'sip:200'],
  ['NORMAL_CLEARING', 'sip:200'],
  ['ORIGINATOR_CANCEL', 'sip:487'],
  ['NO_ANSWER', 'sip:480'],
  ['USER_BUSY', 'sip:486'],
  ['CALL_REJECTED', 'sip:603'],
] as const;

export const MEDIA_NAMES = ['Main greeting', 'After hours greeting', 'Holiday closure', 'Music on hold', 'Queue announcement', 'Voicemail intro'] as const;
