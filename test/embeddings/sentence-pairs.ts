// Questions and note-like passages used to measure the static model's quality: each question's relevant passage
// should rank above the passages written for the other questions. French passages test English → French matching.

export interface Pair {
  question: string;
  passage: string;
}

export const ETSY_QUESTION = 'What did Etsy say about post-mortems?';
export const ETSY_FRENCH = 'Après chaque problème en prod chez Etsy, ils font des post-mortem publics.';
export const UNRELATED = 'Scaling One Direction live stream memcache';

export const pairs: Pair[] = [
  { question: ETSY_QUESTION, passage: ETSY_FRENCH },
  { question: 'How did they handle the traffic of a boy band live stream?', passage: UNRELATED },
  { question: 'What went wrong with the healthcare.gov website?', passage: "Le site healthcare.gov était instable dès son lancement : personne n'était responsable de l'intégration des modules." },
  { question: 'How do you migrate a database schema automatically?', passage: 'Pinterest automated its schema migrations so that engineers no longer run them by hand.' },
  { question: 'Can you run MySQL inside containers?', passage: 'Running MySQL databases in Docker containers needs persistent volumes and careful backups.' },
  { question: 'What is observability and why do metrics matter?', passage: 'Full observability means collecting metrics, logs and traces from every service you run.' },
  { question: 'Lessons from building a serverless API', passage: 'Our serverless API on AWS Lambda had cold starts and was hard to debug locally.' },
  { question: 'How did a startup scale its team and infrastructure?', passage: 'The startup grew from three founders to fifty employees and moved its servers to the cloud.' },
  { question: 'Is PHP still relevant for new projects?', passage: 'PHP 7 est beaucoup plus rapide et le langage redevient intéressant pour de nouveaux projets.' },
  { question: 'What storage file system did they present?', passage: 'OpenZFS est un système de fichiers avec snapshots, compression et contrôle d’intégrité des données.' },
  { question: 'How can we trust cryptography libraries?', passage: 'Trusting crypto means auditing the libraries and verifying the random number generators.' },
  { question: 'How to deploy code many times a day?', passage: 'Etsy deploys to production dozens of times a day with continuous deployment and feature flags.' },
];

export const FRENCH_ACCENTED = "L'équipe a présenté ses retours d'expérience : déploiements fréquents, élévation des droits, où ça a cassé.";

/** Texts the contract suite embeds (besides the pairs above). */
export const contractTexts = [
  ETSY_QUESTION,
  ETSY_FRENCH,
  UNRELATED,
  FRENCH_ACCENTED,
  'Consul does service discovery and health checks for the cluster.',
  'SaltStack pushes configuration to thousands of servers.',
];
