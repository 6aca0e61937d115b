// French ↔ English glossary for cross-lingual retrieval: English questions must reach French notes and the
// reverse, and neither the lexical index nor the English-only static embedding model can bridge the two
// languages on its own. Consumers use it to expand query words into the other language (at a lower weight)
// and to give a French word the vector of its English translation.
//
// How the list was made: scripts/glossary-candidates.mjs counts, for every content word of the French notes
// in the development corpus (French stop words removed), how many files use it. Words used in at least two
// files were taken in order of that document frequency; words written the same in both languages once
// accents are folded ("architecture", "docker", "vidéo") were skipped because they already match, as were
// grammatical words whose English equivalents are stop words, proper names, and French words that are also
// common English words with another meaning ("main", "but", "pays", "lecture"), since a consumer that does
// not know the question's language would expand them wrongly. The English equivalents were written by hand;
// every one is a word of the GloVe vocabulary the static model uses. A short second section adds everyday
// development and operations vocabulary ("panne", "conteneur") that the corpus is too small to rank, so
// that notes added later are not left untranslated for the commonest technical topics. A third section
// takes the words still untranslated that the French notes use at least twice, by number of occurrences: a
// long note is often the only one about its topic, and document frequency alone left its words out.
//
// Format, one entry a line: the French forms that occur in the notes (lowercase, accents as written, several
// inflections sharing one translation are separated by spaces), a colon, then one to three English words.
// Keys keep their accents so the list stays readable and correct French; consumers fold accents themselves.

const source = `
# From the notes, by document frequency
personne personnes: people, person
gens: people
fois: times, once
équipe équipes: team
temps: time
sujet sujets: topic, subject
monde: world, everyone
outil outils: tool
retour retours: feedback, review
qualité: quality
besoin besoins: need, needs
chose choses: thing, things
exemple exemples: example
travail: work, job
travailler travaille travaillent: work
donnée données: data
système systèmes: system
vue: view
parler parle parlé parlait parlent parlant: talk, speak
manière manières façon façons: way, manner
premier première premiers premières: first
utiliser utilise utilisé utilisés utilisées utilisent utilisant: use, using
utilisation: use, usage
langage langages: language
petit petite petits petites: small, little
technique techniques: technical, technique
niveau niveaux: level
bon bonne bons bonnes: good
projet projets: project
différents différentes: different, various
prendre: take
année années ans: year, years
compte: account, count
grâce: thanks
choix: choice
jour jours journée: day
sécurité: security
donner donne donné donnent: give
apprendre appris: learn
apprentissage: learning
partie parties: part
voir voit: see
grand grande grands grandes: big, large, great
comprendre compris compréhension: understand, understanding
développeur développeurs développeuse: developer
mettre: put, set
entreprise entreprises: company, business
serveur serveurs: server
ensemble: together
présenter présenté présentés: present, presented
salle salles: room
utilisateur utilisateurs: user, users
côté: side
développement: development
développer développé: develop, developed
passer: spend, pass
gestion: management
méthode méthodes: method
nouveau nouvelle nouveaux: new
nouveauté nouveautés: novelty, features
réussite réussir réussi: success, succeed
réel réelle réellement: real, actual
construire construit: build, built
mois: month
envie: desire, wish
suivre suivi: follow, tracking
agilité: agility
aujourd: today
chacun chacune: each
sens: meaning, sense
vite: fast, quickly
changer changement changements: change, changed
numérique numériques: digital
facile: easy
fin: end
idée idées: idea, ideas
améliorer amélioration améliorations: improve, improvement
clé clés: key, keys
entrée: entry, input
histoire: story, history
jeu jeux: game, games
créer créé créée crée: create, created
état états: state, status
informations: information
nombre: number
connaissance connaissances: knowledge
contexte: context
laisser laisse: let, leave
partager partage partagent: share, sharing
passé: past
atelier ateliers: workshop
composant composants: component, components
conception concevoir: design
cours: course, class
terme termes: term, terms
adapter adapté adaptés adaptées: adapt, adapted
découverte découvrir découvert découvre: discover, discovery
deuxième: second
échec échecs échouer: failure, fail
fonctionnement: functioning, operation
fonctionner fonctionne fonctionnent: work, function
gros grosse: big, large
programme: program, schedule
rapport: report, relation
aborder aborde abordé: address, tackle
actuellement: currently
classique: classic, conventional
contenu contenus: content
futur: future
artificielle: artificial
objectif objectifs: goal, objective
accessibilité: accessibility
problème problèmes: problem, issue
problématique problématiques: problem, issue, challenge
confiance: trust, confidence
forcément: necessarily
étape étapes: step, stage
fonction fonctions: function
lire: read
particulièrement: particularly
permettre permet permis permettant permettent: allow, enable
peur: fear
pratique pratiques: practice, practical
propre propres: clean, own
approche: approach
éviter évite: avoid
répondre répondu: answer, respond
réponse réponses: answer, response
société sociétés: company, society
trois: three
vie: life
aider aide aidé: help
choisir choisi choisit choisis choisies: choose, chosen
gérer gère: manage, handle
intéressant intéressante intéressants intéressantes: interesting
soucis: issue, worry
commencer commence commencé commencent: start, begin
disponible disponibles: available
disponibilité: availability
garder: keep
métier métiers: business, job, trade
moyen moyens: means, way
parfois: sometimes
concentrer: focus
dernier dernière derniers dernières: last, latest
informatique: computing, computer
ligne lignes: line, lines
participer: participate, attend
rapidement: quickly
taille tailles: size
valeur valeurs: value, values
cadre: framework, setting
cœur coeur: heart, core
déjeuner: lunch
derrière: behind
entendu: heard
éthique éthiques: ethics, ethical
historique: history, historical
intervenant intervenants: speaker, speakers
maintenant: now
ouvert ouvrir ouvre: open
ouverture: opening, openness
plaisir: pleasure, fun
possibilité possibilités: possibility
proposer propose proposé proposait: propose, offer
proposition: proposal
seul seule seuls: alone, only, single
analyse: analysis
appliquer appliqué: apply, applied
conserver: keep, preserve
coût coûts: cost, costs
discuter discussions: discuss, discussion
domaine domaines: domain, field
forme: form, shape
humain humaine humains: human
limite limites limiter limité: limit, limits
loin: far
résultat: result
merci: thanks
difficile: difficult, hard
difficulté: difficulty
venir: come
charge charges: load
accès accéder: access
avril: april
scène: stage
trouver trouvé trouve trouvent: find, found
lancer lancement: launch, start
occasion: opportunity, chance
processus: process
réseau réseaux: network, networks
simplement: simply
assurer: ensure
biais: bias
conseil conseils: advice, tip
défaut: default, flaw
autonomie: autonomy
chaîne: chain, pipeline
déployer déployé déployée déploiement: deploy, deployment
droit droits: right, rights, law
environnement: environment
espace: space
facilement: easily
fonctionnalité fonctionnalités: feature, features
logiciel: software
mot mots: word, words
perdre: lose
programmation: programming
tard: late
contrôle: control
début: beginning, start
écrire écrit écriture: write, written, writing
expliquer explique expliqué: explain
groupe groupes: group
mécanismes: mechanisms
mémoire: memory
mesure mesuré: measure, measured
penser pense: think
pensée: thought, thinking
plupart: most
politique: policy, politics
produit produits: product, products
produire: produce
succès: success
vrai vraie: true, real
complexe complexes: complex
compliqué: complicated
échange échanges échanger: exchange
effet: effect
heure heures: hour, hours
intérêt: interest
livre: book
montre montrent: shows
obtenir: get, obtain
organisateurs: organizers
organisation: organization
parcours: journey, path
pistes: leads, ideas
principe principes: principle, principles
rapide rapides: fast, quick
ressource ressources: resource, resources
semble: seems
stockage: storage
tâches: tasks
acteurs: actors, players
afficher affiche: display, show
agréable: pleasant
augmenter: increase
chiffres: numbers, figures
commun commune communes: common, shared
communiquer: communicate
constat: observation, finding
départ: start, departure
faciliter: facilitate, ease
gagner gagne: win, gain, earn
manque: lack
meilleur meilleure meilleures: best, better
membre membres: member, members
précieux précieuses: valuable, precious
professionnel: professional
puissant: powerful
quotidien: daily, everyday
rappel rappels: reminder
retard: delay
simplifier simplifie: simplify
sociale sociaux: social
lien: link
semaine semaines: week, weeks
existe existant existantes: exists, existing
cerveau: brain
erreur erreurs: error, mistake
consommation: consumption
finalement: finally
modèle modèles: model, models
directement: directly
énorme énormes: huge
fichier fichiers: file, files
mal: badly, bad
ajouter ajoute: add
compromis: compromise, tradeoff
nécessaire nécessaires: necessary, required
risque risques: risk, risks
tester testé: test, tested
avis: opinion
bonheur: happiness
comportement comportements: behavior
cognitifs cognitives: cognitive
librairies: libraries
nom: name
règles: rules
santé: health
soirée: evening, party
vérifier vérifie: check, verify
accepter: accept
appel: call
arriver arrive arrivé: arrive, happen
arrivée: arrival
beau belle: beautiful
boucle: loop
carte: card, map
corriger: fix, correct
entraîner entraînement: train, training
flux: flow, stream
graphique: chart, graph
haut haute: high
manger: eat
mentale: mental
navigateur navigateurs: browser
période: period
régler: fix, solve
rencontrer rencontre rencontré rencontres: meet, meeting
rythme: pace, rhythm
technologie: technology
taux: rate
utile utiles: useful
vendredi: friday
ancienne anciens: old, former
aperçu: overview
attaque attaques: attack
automatisation: automation
clairement: clearly
conscience: awareness
crise: crisis
essayer: try
essentiel: essential
humour: humor
matin: morning
mercredi: wednesday
moyenne: average
objet objets: object
ordinateur: computer
oublier oublie: forget
préparer: prepare
prêt prête: ready
recherche: research, search
responsabilités: responsibilities
tenir: hold
tomber: fall
tourner: run, turn
urgence urgences: emergency, urgent
visuel visuelle: visual
voix: voice
accord: agreement
actuel actuelle: current
ambiance: atmosphere, mood
annonce: announcement
automatique: automatic
avantage avantages: advantage, benefit
avenir: future
billet: post
capacité capacités: capacity, ability
classe: class
comparaison: comparison
concurrents: competitors
connaître connaitre connait connaissais: know
continuer: continue
contraire: opposite
coulisses: backstage
critiques: criticism, critical
démarche: approach, process
durée: duration, length
échelle: scale
efficacité: efficiency, effectiveness
efficace: efficient, effective
excellente: excellent
fort forte forts fortes: strong
fortement: strongly
fluidité: fluidity, smoothness
fonctionnel: functional
fréquence: frequency
habitude habitudes: habit, habits
langue langues: language, languages
liberté: freedom
lié liée: linked, related
loi: law
majeur: major
malheureusement: unfortunately
mouvement mouvements: movement
naturel: natural
physique: physical
pousser: push
précis préciser: precise, specify
prix: price, prize
probablement: probably
profils: profiles
réfléchir: think, reflect
réflexion réflexions: reflection, thinking
repas: meal
scalabilité: scalability
tendance: trend
uniquement: only
voie: way, path
emploi: job, employment
couverture: coverage
réactif: reactive, responsive
réactivité: responsiveness
requête requêtes: request, query
robustesse: robustness
robuste: robust
archi: architecture
couche: layer
créativité: creativity
définir: define
monolithe: monolith
monolithique: monolithic
persistance: persistence
disques: disks
écosystème: ecosystem
écran: screen
formation: training, course
licence: license
logique: logic, logical
propriétés: properties
stratégie: strategy
stratégique: strategic
alerte alerter: alert
calcul calculs calculer: computation, compute
compétences: skills
communauté: community
contraintes: constraints
dépendance dépendances: dependency, dependencies
esprit: mind, spirit
exécution: execution, running
graphes: graphs
maîtrise maîtriser: mastery, control
migrer: migrate
revue: review
supprimer supprime: delete, remove
tête: head
théorie: theory
théorique: theoretical
traitement: processing, treatment
traiter: process, handle
université: university
ville: city
voyage: travel, trip
accompagnement: support, coaching
collègues: colleagues
livrer: deliver, ship
maintenabilité: maintainability
maintenir: maintain
modification modifications modifier: change, modify
moteur: engine
plateforme: platform
priorité prioriser: priority, prioritize
réunions: meetings
réutiliser: reuse
sortie: release, output
sortir: release, leave
spécifications: specifications, specs
supervision: monitoring, supervision
trafic: traffic
veille: watch
transparence: transparency
paramètres: parameters, settings
indicateurs: indicators, metrics
journaux: logs
parfait parfaite parfaitement: perfect
prédire: predict
réduire: reduce
remplacer: replace
raconte: tells
résumé: summary
récupération récupérer: recovery, retrieve
souris: mouse
clavier: keyboard
argent: money
salaires: salaries, wages
femmes: women
homme hommes: man, men
enfant enfants: child, children
égalité inégalités: equality, inequality
reconnaissance: recognition
sentiment: feeling
cible: target
bruit: noise
vieux: old
vivre vécu: live, lived
écoute écouter: listen
bénéfique: beneficial
handicap: disability
boissons: drinks
aventure aventures: adventure
apprécie: appreciate
attendre attente: wait, expect
déçue: disappointed
demander demande demandait demandent: ask, request
dix: ten
évolue évoluent: evolve
fière: proud
intéresse intéresser: interest
interroger: question, ask
liste lister: list
manifeste: manifesto
mardi: tuesday
jeudi: thursday
marqué marqués: struck, marked
orientée orientées: oriented
poser posées: ask, raise
positif: positive
profiter profite: benefit, enjoy
rapidité: speed
représente: represents
retenir retenu retiens: remember, retain
rêve: dream
revoir: review, revisit
satisfaire: satisfy
soleil: sun
souhaite: wish
technos: technologies
tirer: draw, pull
vaut: worth
savoir sait sais: know
aller: go
doute: doubt
lieu: venue, place
devient: becomes
retrouver retrouve: find
nombreux nombreuses: many, numerous
prochaine: next
aimé aime adore adoré: like, love
variés: varied
matière: matter, subject
origine: origin
ère: era
claire clair claires: clear
dur: hard
raison: reason
possède: has, owns
repose: relies
subir: suffer, undergo
yeux: eyes
bilan: assessment, summary
correctement: correctly
créateur: creator
gars: guys
généralement: generally
marge: margin
ordre ordres: order
partout: everywhere
appli: app
apporter apporte apportent: bring
authentification: authentication
copains copines: friends
dîner: dinner
essentiellement: essentially
extérieur exterieur externes: external, outside
faille: flaw, vulnerability
impératif: imperative
indique: indicates
innover: innovate
jouer: play
levier: lever, leverage
libre: free, open
pouvoirs: powers
pression: pressure
principaux: main, principal
réalité: reality
rédaction: writing, editing
répartis réparties répartition: distributed, distribution
revenu: income, revenue
roue: wheel
salariés: employees
suffit: enough, suffices
appelle: calls
arrêter arrête: stop
atteindre: reach, achieve
auteur: author
blanc: white
boite: box, company
calendrier: calendar, schedule
casser cassait: break
chercheur: researcher
collectif: collective
commandes: commands, orders
couloirs: hallways, corridors
dédié dédiée: dedicated
dessin: drawing
déterminer: determine
devoir: duty, must
différemment: differently
eau: water
écologique écologiques: ecological, green
évènement: event
exercice: exercise
faute fautes: fault, mistake
fini terminé: finished, done
heureux: happy
importante importantes: important
insisté: insisted, stressed
interactif: interactive
intérieur internes: internal, inside
joueurs: players
londres: london
morale: moral, ethics
natives: native
pic: peak, spike
planté: crashed
porter: carry, port
potentiellement: potentially
proche: close, near
quantique: quantum
remplir: fill
retirer: remove, withdraw
spéciale: special
thème thèmes: theme, topic
voulu voulaient: wanted
acheter: buy
agence: agency
animaux: animals
apparaissent: appear
appréhender: grasp, understand
asie: asia
attentif: attentive, careful
bas: low, bottom
bleue: blue
bloc blocs: block, blocks
bois: wood
caractères: characters
chaud: hot
cherche: seeks, searches
citation: quote, quotation
clic clics: click, clicks
clôture: closing
colonnes: columns
complémentaires: complementary
compromettre: compromise
confiant: confident
configurés: configured
confort confortablement: comfort, comfortably
connecter: connect
connues: known
contribuer: contribute
corps: body
courbe: curve
culturel: cultural
curiosité: curiosity
découpe: split, cut
déléguer: delegate
demain: tomorrow
déplacement: travel, move
disparaître: disappear
doigt: finger
éclairage: lighting, insight
empêche: prevents
entière: whole, entire
épanoui: fulfilled
établir: establish
êtres: beings
éventuellement: possibly
évident: obvious
évoque évoqué: mentions, mentioned
excuses: apologies
expérimenter: experiment
fabuleux: fabulous
facettes: facets
faible: weak, low
famille: family
fille: girl, daughter
folie: madness
formule: formula
fournisseurs: suppliers, providers, vendors
fournit: provides
français: french
génial: great, awesome
humeur: mood
idéale: ideal
identifier: identify
identique: identical
immédiatement: immediately
indépendante indépendants: independent
inscrire inscrits: register, registered
inspirer: inspire
intégrer: integrate
internationale: international
invités: guests
juridiques: legal
largement: widely
larges: wide, broad
légitimité: legitimacy
lettres: letters
longue longues: long
loterie: lottery
ludique: playful, fun
lumière: light
magiques: magic
magnifique: magnificent
maître: master
majorité: majority
marché: market
marcher: walk, work
maturité: maturity
médias: media
mélange: mix, blend
métaphores: metaphors
mixité: diversity
moderne: modern
modularisation: modularization
monter: build, climb
noter: note
obligé: forced, obliged
offre offrir offertes: offer, offered
optique: perspective, optics
orateur orateurs: speaker, speakers
panorama: overview
paradigme: paradigm
pérenniser: sustain
performants performant: efficient
périmètre: scope
pertinentes: relevant
pieds: feet
pieuvre: octopus
pilote: pilot
pire: worse, worst
plaisant: pleasant
planète: planet
poids: weight
précédemment: previously
préféré préfère: favorite, prefer
prévoit prévu: plans, planned
productif: productive
progresser: progress, improve
prometteuse: promising
propagande: propaganda
psychologique: psychological
rarement: rarely
rassurent: reassure
reconnaître: recognize
récurrent: recurring
reflète: reflects
refuser: refuse
rejoint: joins
remercie: thanks
rempli remplie: full, filled
rendu: rendering
répétitives: repetitive
repousser: postpone, push
respecter: respect
rester resté: stay, remain
réunir: gather
riche: rich
saut: jump
série: series
servir: serve
siècle: century
signes: signs
signifie signifier: means, mean
simplicité: simplicity
soir: evening
sorte: kind, sort
spécifique: specific
suivante: next, following
supérieure: higher, superior
surpasser: surpass
sympa: nice
tarif: price, rate
tenter: try
toucher: touch, reach
trompent: mistaken
truc: thing
vache: cow
vendre: sell
visiter: visit
invite: invites
assister: attend
compter: count
mérite: deserves, merit
rajoute: adds
simples: simple
courant: current, common
divers: various
enjeux: stakes, issues
globalement: overall
influencer: influence
initialement: initially
nécessité: necessity, need
personnelles: personal
recevoir: receive
régulièrement: regularly
rouge: red
affaire: business, matter
conçu: designed
considérer: consider
crois: believe
extrêmement: extremely
normalement: normally
agiles: agile

# Domain supplement, not ranked by frequency
panne pannes: outage, failure, breakdown
conteneur conteneurs: container, containers
latence: latency
débit: throughput, bandwidth
sauvegarde sauvegardes: backup, backups
surveillance: monitoring
métriques: metrics
alertes: alerts
astreinte: pager, duty
recette: acceptance, staging
hébergement hébergé: hosting, hosted
dette: debt
fiabilité: reliability
fiable: reliable
vulnérabilité vulnérabilités: vulnerability
chiffrement chiffré: encryption, encrypted
recrutement embauche: hiring, recruitment
télétravail: remote
livraison: delivery
bibliothèque bibliothèques librairie: library
paquet paquets: package, packages
nœud nœuds: node, nodes
grappe: cluster
équilibrage: balancing
lenteur: slowness, slow
vitesse: speed
bogue bogues: bug, bugs
correctif correctifs: fix, patch
déploiements déploie déployés: deploy, deployments
journalisation: logging
facturation: billing
nuage: cloud
dépôt: repository, repo
branche branches: branch
fusion: merge
unitaires: unit
continu: continuous
automatiser automatisé: automate, automated
montée: rise, scaling
redémarrer redémarrage: restart
sécurisé: secure
attaquant attaquants: attacker, attackers
aveugles: blind
lecteur lecteurs: reader
couleur couleurs: color, colors
contraste: contrast
polices: fonts
typographie: typography
téléphone: phone
neurones: neurons
ia: ai
bdd: database

# Further words of the notes used at least twice, by occurrences (one long note may be the only one using them)
toujours: always
cas: case, cases
plusieurs: several
mieux: better
surtout: especially, mostly
rien: nothing
depuis: since
veut veulent vouloir: want, wants
souvent: often
jamais: never
suffisamment: enough
certains certaines certaine: some, certain
plein pleins: full, plenty
enfin: finally
suite: following, sequel
autour: around
rendre: make, render
ailleurs: elsewhere
travers: through, across
pris prises: taken
infos: info, information
delà: beyond
parmi parmis: among
possibles: possible
estimations estimation: estimate, estimates
harcèlement: harassment
bref: brief, short
faits: facts
fil: thread, wire
absolument: absolutely
concernant: regarding, concerning
vient viennent viendra venu: come, comes, came
allé allait allaient allais: went, going
crêpes: pancakes
exactement: exactly
aucune aucun: none, no
complétement: completely
dessus: above, top
totalité: entirety, whole
herméneutique: hermeneutics
inverse: reverse, opposite
mains: hands
sauf: except
bof: meh
scaler: scale, scaling
coder codeurs: code, coders
employeur: employer
gilets: vests, jackets
manuellement: manually
noeuds: nodes
bout: end, piece
quitte: quit, leave
mettant: putting
oeuvre: work
revient reviennent: returns, back
confs conf: conferences, conference
demandeurs demandeur: applicants, requester
existent: exist
fallait falloir faudrait: needed, need
genre: kind, like
rex: feedback, experience
aggréger: aggregate
batterie: battery
incroyable: incredible, amazing
nommé: named
pépinière: nursery, incubator
protéger: protect
victime: victim
voiture: car
auprès: with, near
avère: turns
concret concrète concrètement: concrete, practical
déroulait déroulée: held, unfolded
disait disais disant dites: said, saying
longtemps: long
malgré: despite
mise: setting, putting
prennent prends prenons: take
procédures: procedures
puisque puisqu: since
réserve: reserve
révolution: revolution
selon: according
sinon: otherwise
absorber: absorb
dedans: inside
exergue: highlight
hauteur: height
hors: outside
hôtel: hotel
justement: precisely
législation: legislation, law
moitié: half
pencher: lean
piles: stacks, batteries
près: near, close
seconde secondes: second, seconds
tours: towers, turns
acte actes: act, acts
anthropologique: anthropological
apprend: learns
catastrophes catastrophe: disaster, disasters
collaborateurs: employees, colleagues
consiste: consists
contient: contains
copie: copy
dispo: available
endroits endroit: places, place
fabrication fabriquer manufacture: manufacturing, make, factory
flou: blurry, vague
grilles: grids
inclusif: inclusive
intervient: intervenes
jointure: join
logguer: log
maillot: jersey
mener: lead
ouvrage: book
parallelle: parallel
pôle: department, pole
prévention: prevention
remonter: escalate, trace
souvenirs: memories
tournent: run, running
tromper: mistake, wrong
adn: dna
affectionne: likes
apéro: drinks
avoue avouer: admit
balader: wander
bouge: moves
commises: committed
compiler: compile
comprends: understand
condensé: condensed, summary
demeure: remains
dépassant: exceeding
économiques économie: economic, economy
éditions: editions
émotions: emotions
exécutants: executors
essence: gasoline
faux: false, wrong
graphisme: graphic, design
grave: serious
honnête: honest
lyonnais: lyon
marchent: work, walk
marionnette: puppet
monsieur messieurs: mister, gentlemen
obtient: gets, obtains
outre: besides
parviennent: manage
peine: hardly, penalty
perso: personal
poussent: push
propriétaires: proprietary, owners
provoque: causes
publics: public
questionner: question
relever: raise
remet: puts
rendant: making
repris: resumed, taken
rétrospective: retrospective
revendre: resell
sachant sache savent: knowing, know
semblent: seem
sud: south
supporter: withstand, handle
tas: pile, lots
temporaires: temporary
tenu: held
tient: holds, keeps
viennent: come
vigilance: vigilance, caution
accueil: welcome, reception
activité: activity
aléas: hazards
anormal: abnormal
approprier: appropriate
atteinte: breach, attack
balcons: balconies
bientôt: soon
binaire: binary
bloquant bloqué: blocking, blocked
bondé: crowded, packed
brevets: patents
carrière: career
centralisé: centralized
clarté: clarity
climatique: climate
colère: anger
combat: fight
comité: committee
concrétiser: realize
conférencier: speaker
conforme: compliant
congés: vacation, leave
consacrées: dedicated, devoted
constante: constant
contournement: workaround, bypass
coordonner: coordinate
croire: believe
déchiffrage: deciphering, decoding
déclic: trigger
décortiquent: dissect
dégage: frees, releases
démocratie: democracy
dignité: dignity
disparait: disappears
disposition: disposal, layout
dizaines: dozens, tens
dossier: folder
dynamisme: dynamism, energy
électrique: electric
empilement: stacking, pile
énergie: energy
étudier: study
évaluer: evaluate
exécuter executés: execute, run, executed
frappe: strike, typing
frontal: frontend, front
hâte: eager
hésitez: hesitate
hexagonale: hexagonal
imposteur: impostor
incohérence: inconsistency
inédites: unpublished, new
interagir: interact
interdit: forbidden, banned
intermédiaires: intermediaries, intermediate
intitulée: titled
inutile: useless
jaillissement: burst
jardin: garden
joli: pretty, nice
licencier virer: fire, dismiss
livrable: deliverable
lunaire: lunar
mathématiquement: mathematically
mauvaises: bad
maux: ills, pains
méritocratie: meritocracy
moderniser: modernize
monétaires: monetary
multiples: multiple
neurodiverses: neurodevelopmental
nez: nose
nucléaire: nuclear
numero: number
obligatoire: mandatory
occupe: handles
ordonne: orders
organisationnel: organizational
organismes: organizations, bodies
ouf: phew
oups: oops
paradoxale: paradoxical
perd perte: loses, loss
personnages: characters
plaît: please
prestataire: contractor, provider
prévisible: predictable
prévoir: plan, anticipate
professionalisme: professionalism
promesses: promises
pushé: pushed
rajoutons: add
rallie: joins
rapproche: closer
rassembler: gather
récompense: reward
redondance: redundancy
réduction: reduction
regarder: watch, look
régime: diet, regime
renvoie retournait retourné: returns, returned
réveil: alarm
revenus: revenue, income
sac: bag
saisine: referral
samedi: saturday
scénarios: scenarios
sélectionné: selected
séparée: separate
sert: serves
sexuel sexuelles: sexual
soigner: treat, care
spontanéité: spontaneity
stocker: store
supers: super
syntaxe: syntax
télé: television, tv
télécoms: telecom
tentatives: attempts
texte: text
tombent: fall
tracer: trace
tranche: slice, slot
transmettre: transmit
univers: universe
valide: valid
végétarien: vegetarian
vert: green
vingtaine: twenty
voient: see
`;

function parse(text: string): Map<string, readonly string[]> {
  const entries = new Map<string, readonly string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`glossary line without a colon: ${line}`);
    const english = line.slice(colon + 1).split(',').map((w) => w.trim()).filter((w) => w !== '');
    for (const french of line.slice(0, colon).trim().split(/\s+/)) {
      // A form listed twice gets the union of its translations rather than silently losing one.
      const merged = [...new Set([...(entries.get(french) ?? []), ...english])];
      entries.set(french, Object.freeze(merged));
    }
  }
  return entries;
}

function invert(forward: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> {
  const reverse = new Map<string, string[]>();
  for (const [french, englishWords] of forward) {
    for (const english of englishWords) {
      const list = reverse.get(english) ?? [];
      if (!list.includes(french)) list.push(french);
      reverse.set(english, list);
    }
  }
  return new Map([...reverse].map(([english, list]) => [english, Object.freeze(list)]));
}

/** French word (lowercase, accents as written) → English equivalents (lowercase single words). */
export const frenchToEnglish: ReadonlyMap<string, readonly string[]> = parse(source);

/** English word → the French forms that list it, derived from the same entries. */
export const englishToFrench: ReadonlyMap<string, readonly string[]> = invert(frenchToEnglish);
