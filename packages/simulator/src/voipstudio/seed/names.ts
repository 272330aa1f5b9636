/** Name and place lists for seeding. Phone numbers come from ranges reserved for fiction (see phone.ts). */
export const FIRST_NAMES = [
  'Olivia', 'Noah', 'Amelia', 'Liam', 'Isla', 'Mateo', 'Sofia', 'Lukas', 'Hannah', 'Oscar',
  'Chloe', 'Arjun', 'Maya', 'Tomasz', 'Elena', 'Kwame', 'Freya', 'Diego', 'Aisha', 'Jonas',
  'Grace', 'Hugo', 'Leila', 'Marco', 'Ingrid', 'Samuel', 'Zara', 'Pablo', 'Nina', 'Felix',
  'Emma', 'Ravi', 'Clara', 'Owen', 'Yuki', 'Anton', 'Lucia', 'Ethan', 'Mei', 'Rory',
] as const;

export const LAST_NAMES = [
  'Walker', 'Novak', 'Fernandez', 'Okafor', 'Lindqvist', 'Patel', 'Müller', 'Rossi', 'Kowalska', 'Dubois',
  'Hughes', 'Tanaka', 'Silva', 'Jensen', 'Moreau', 'Byrne', 'Costa', 'Nguyen', 'Schmidt', 'Reyes',
  'Campbell', 'Haddad', 'Fischer', 'Romero', 'Andersen', 'Clarke', 'Mensah', 'Ivanova', 'Baker', 'Ortega',
] as const;

export const COMPANIES = [
  'Northwind Traders', 'Bluebird Logistics', 'Harbour Dental', 'Greenleaf Organics', 'Atlas Engineering',
  'Copperfield Legal', 'Brightside Lettings', 'Summit Outdoor', 'Kestrel Analytics', 'Maple & Oak Interiors',
] as const;

export const CONTACT_GROUPS = ['Customers', 'Suppliers', 'Partners', 'VIP customers'] as const;

export const CITIES = [
  ['London', 'GB'], ['Manchester', 'GB'], ['Leeds', 'GB'], ['Dublin', 'IE'], ['Madrid', 'ES'],
  ['Berlin', 'DE'], ['Warsaw', 'PL'], ['Lisbon', 'PT'], ['New York', 'US'], ['Toronto', 'CA'],
] as const;

export const USER_AGENTS = ['VoIPstudio 3.4.0 / win32', 'VoIPstudio 3.4.0 / darwin', 'Yealink SIP-T54W 96.86.0.70', 'VoIPstudio iOS 2.9.1'] as const;

export const SMS_TEXTS = [
  'Hi, can you call me back when you have a minute?',
  'Your appointment is confirmed for tomorrow at 10:30.',
  'Thanks, the parcel arrived safely.',
  'Running 10 minutes late, sorry!',
  'Please send the updated quote to my email.',
  'Reminder: your invoice is due on Friday.',
  'Is the office open on Saturday?',
  'Great talking to you today, speak soon.',
] as const;

export const CHAT_LINES = [
  'Hello, I have a question about my order.',
  'Sure, could you share the order number?',
  'Do you ship to Ireland?',
  'Yes, delivery takes 2-3 working days.',
  'How do I reset my password?',
  'I have sent you a reset link by email.',
  'Can I upgrade my plan mid-month?',
  'Of course, the difference is charged pro rata.',
] as const;

export const TRANSCRIPTS = [
  'Hello, thanks for calling, how can I help? I would like to change my delivery address.',
  'Good morning, I am calling about the quote you sent last week.',
  'Hi, just confirming our meeting on Thursday at two.',
] as const;
