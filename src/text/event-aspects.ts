// What a question may ask about a conference itself rather than one of its talks: where it was held,
// how many came, how to get a ticket, what the writer took away, the party. Notes answer these in their
// introductions and conclusions with words of their own: "where was it held?" is answered by "ça se
// passait dans un ancien dépôt de tramways", "attendance" by "some 900 people came". Each aspect has the words that ask about it and, in
// both languages, the words that answer it. Common words ("people", "big") answer but never ask: "what
// did people say about X?" is a question about X. "Where" and "où" only hint: "where the Rust ecosystem
// is heading" asks about Rust, while "the party, where was it?" asks about the party's venue.

interface Aspect {
  asking: readonly string[];
  hinting?: readonly string[];
  answering: readonly string[];
}

const aspects: readonly Aspect[] = [
  {
    asking: ['venue', 'held', 'location', 'hosted', 'lieu', 'endroit'],
    hinting: ['where', 'où'],
    answering: ['venue', 'held', 'place', 'location', 'hosted', 'lieu', 'endroit', 'salle', 'salles', 'locaux', 'déroulait',
      'déroulée', 'déroulées', 'déroulé', 'theatre', 'theater', 'théâtre', 'hotel', 'hôtel', 'campus'],
  },
  {
    asking: ['attendance', 'attended', 'attendees', 'crowd', 'affluence'],
    answering: ['attendance', 'attended', 'attendees', 'attendee', 'crowd', 'audience', 'people', 'participants',
      'personnes', 'inscrits', 'affluence'],
  },
  {
    asking: ['ticket', 'tickets', 'lottery', 'registration', 'billet', 'billets', 'inscription', 'inscriptions'],
    answering: ['ticket', 'tickets', 'lottery', 'registration', 'billet', 'billets', 'tirées', 'tirage',
      'inscription', 'inscriptions', 'inscrits'],
  },
  {
    asking: ['takeaway', 'takeaways', 'overall', 'impression', 'impressions', 'verdict', 'worth', 'retiens', 'bilan',
      'vaut', 'valait'],
    answering: ['takeaway', 'takeaways', 'overall', 'impression', 'impressions', 'verdict', 'worth', 'retiens',
      'retiendrai', 'retenir', 'retenu', 'bilan', 'vaut', 'valait'],
  },
  {
    asking: ['party', 'dinner', 'food', 'catering', 'lunch', 'soirée', 'repas', 'buffet', 'traiteur'],
    answering: ['party', 'parties', 'dinner', 'drinks', 'food', 'catering', 'lunch', 'soirée', 'soirées', 'repas',
      'buffet', 'traiteur', 'déjeuner', 'boissons', 'apéro'],
  },
];

/** How a question word points at an aspect of the event, and the words that answer that aspect. */
export interface EventWord {
  asks: boolean;
  answering: readonly string[];
}

const byWord = new Map<string, EventWord>(
  aspects.flatMap(({ asking, hinting = [], answering }) => [
    ...asking.map((word) => [word, { asks: true, answering }] as const),
    ...hinting.map((word) => [word, { asks: false, answering }] as const),
  ]),
);

/** The aspect of the event a question word asks about or hints at, if any. */
export const eventWordOf = (word: string): EventWord | undefined => byWord.get(word.toLowerCase());
