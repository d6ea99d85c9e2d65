/// What a key does, as named in `keymap.conf` (kebab-case French, e.g. `page-suivante`).
///
/// Each action has a short ``label`` for the function-key bar and a ``helpDescription`` for the
/// help screen, so both are generated from the keymap and never disagree with it.
package enum KeyAction: String, Hashable, Sendable, CaseIterable {
    case aide
    case retour
    case quitter
    case pagePrecedente = "page-precedente"
    case pageSuivante = "page-suivante"
    case enregistrer
    case annuler
    case champSuivant = "champ-suivant"
    case champPrecedent = "champ-precedent"
    case lignePrecedente = "ligne-precedente"
    case ligneSuivante = "ligne-suivante"
    case ouvrir
    case nouveauTiers = "nouveau-tiers"
    case nouvellePersonne = "nouvelle-personne"
    case nouvelleOrganisation = "nouvelle-organisation"
    case modifier
    case historique
    case rechercher
    case brouillons
    case accueil
    case redessiner
    case ouvrirDoublon = "ouvrir-doublon"
    case nouveauDossier = "nouveau-dossier"
    case demarches
    case demarrer
    case pieces
    case changerPiece = "changer-piece"
    case imprimer
    case numeriser
    case arrivees
    case joindre
    case documents
    case suggestion
    case colonnePrecedente = "colonne-precedente"
    case colonneSuivante = "colonne-suivante"
    case filesInstruction = "files"
    case tableauDeBord = "tableau-de-bord"
    case prendreSuivant = "prendre-suivant"
    case trier
    case filtreEtat = "filtre-etat"
    case filtreDemarche = "filtre-demarche"
    case filtreAgent = "filtre-agent"
    case filtreEcheance = "filtre-echeance"
    case filtreAnciennete = "filtre-anciennete"
    case marquer
    case reattribuer
    case prendre
    case demanderPieces = "demander-pieces"
    case piecesRecues = "pieces-recues"
    case proposer
    case decider
    case renvoyer
    case rouvrir
    case note
    case dossierPrecedent = "dossier-precedent"
    case dossierSuivant = "dossier-suivant"
    case verifier
    case valider
    case debutChamp = "debut-champ"
    case finChamp = "fin-champ"
    case effacerMot = "effacer-mot"
    case effacerChamp = "effacer-champ"
    case effacerFin = "effacer-fin"
    case renouveler
    case allerAuChamp = "aller-au-champ"
    case limiter
    case doublons
    case memePersonne = "meme-personne"
    case personnesDifferentes = "personnes-differentes"
    case defaireFusion = "defaire-fusion"
    case effacement
    case garderAutre = "garder-autre"
    case inactifs
    case conserver
    case doublonsDecides = "doublons-decides"
    case rouvrirPaire = "rouvrir-paire"
    case premiereLigne = "premiere-ligne"
    case derniereLigne = "derniere-ligne"
    case doublonPrecedent = "doublon-precedent"
    case doublonSuivant = "doublon-suivant"

    /// The name used in `keymap.conf`.
    var name: String { rawValue }

    /// Up/Down and PgUp/PgDn on a list: the moves most screens answer.
    static let lineAndPageMoves: Set<KeyAction> = [.lignePrecedente, .ligneSuivante, .pagePrecedente, .pageSuivante]

    /// The short label shown in the function-key bar (at most 8 columns).
    var label: String {
        switch self {
        case .aide: "Aide"
        case .retour: "Retour"
        case .quitter: "Quitter"
        case .pagePrecedente: "PgPréc"
        case .pageSuivante: "PgSuiv"
        case .enregistrer: "Enreg."
        case .annuler: "Annuler"
        case .champSuivant: "Suivant"
        case .champPrecedent: "Précéd."
        case .lignePrecedente: "Haut"
        case .ligneSuivante: "Bas"
        case .ouvrir: "Ouvrir"
        case .nouveauTiers: "Nouveau"
        case .nouvellePersonne: "Personne"
        case .nouvelleOrganisation: "Organis."
        case .modifier: "Modifier"
        case .historique: "Hist."
        case .rechercher: "Cherche"
        case .brouillons: "Brouill."
        case .accueil: "Accueil"
        case .redessiner: "Redess."
        case .ouvrirDoublon: "Doublon"
        case .nouveauDossier: "Dossier"
        case .demarches: "Démarch."
        case .demarrer: "Démarrer"
        case .pieces: "Pièces"
        case .changerPiece: "Pièce"
        case .imprimer: "Imprimer"
        case .numeriser: "Numér."
        case .arrivees: "Arrivées"
        case .joindre: "Joindre"
        case .documents: "Jointes"
        case .suggestion: "Lu"
        case .colonnePrecedente: "Gauche"
        case .colonneSuivante: "Droite"
        case .filesInstruction: "Files"
        case .tableauDeBord: "Tableau"
        case .prendreSuivant: "Prendre"
        case .trier: "Tri"
        case .filtreEtat: "État"
        case .filtreDemarche: "Démarche"
        case .filtreAgent: "Agent"
        case .filtreEcheance: "Échéance"
        case .filtreAnciennete: "Ancien."
        case .marquer: "Marquer"
        case .reattribuer: "Réattr."
        case .prendre: "Prendre"
        case .demanderPieces: "DemPièce"
        case .piecesRecues: "Reçues"
        case .proposer: "Proposer"
        case .decider: "Décider"
        case .renvoyer: "Renvoyer"
        case .rouvrir: "Rouvrir"
        case .note: "Note"
        case .dossierPrecedent: "Dos.préc"
        case .dossierSuivant: "Dos.suiv"
        case .verifier: "Vérif."
        case .valider: "Valider"
        case .debutChamp: "Début"
        case .finChamp: "Fin"
        case .effacerMot: "EffMot"
        case .effacerChamp: "EffChamp"
        case .effacerFin: "EffFin"
        case .renouveler: "Renouv."
        case .allerAuChamp: "Aller à"
        case .limiter: "Limiter"
        case .doublons: "Doublons"
        case .memePersonne: "Même"
        case .personnesDifferentes: "Différ."
        case .defaireFusion: "Défusion"
        case .effacement: "Eff.RGPD"
        case .garderAutre: "Garder"
        case .inactifs: "Inactifs"
        case .conserver: "Conserv."
        case .doublonsDecides: "Décidées"
        case .rouvrirPaire: "Rouvrir"
        case .premiereLigne: "Premier"
        case .derniereLigne: "Dernier"
        case .doublonPrecedent: "Dbl.préc"
        case .doublonSuivant: "Dbl.suiv"
        }
    }

    /// What the action does, for the help screen (lowercase, no final period).
    var helpDescription: String {
        switch self {
        case .aide: "afficher cette aide"
        case .retour: "revenir à l'écran précédent"
        case .quitter: "quitter Guichet"
        case .pagePrecedente: "afficher la page précédente"
        case .pageSuivante: "afficher la page suivante"
        case .enregistrer: "enregistrer la saisie"
        case .annuler: "annuler la saisie en cours"
        case .champSuivant: "aller au champ suivant"
        case .champPrecedent: "revenir au champ précédent"
        case .lignePrecedente: "sélectionner la ligne précédente"
        case .ligneSuivante: "sélectionner la ligne suivante"
        case .ouvrir: "ouvrir l'élément sélectionné"
        case .nouveauTiers: "créer un tiers"
        case .nouvellePersonne: "créer une personne"
        case .nouvelleOrganisation: "créer une organisation"
        case .modifier: "modifier la fiche"
        case .historique: "afficher l'historique du champ choisi (ses valeurs et leur source)"
        case .rechercher: "rechercher un tiers"
        case .brouillons: "reprendre un brouillon"
        case .accueil: "revenir à l'accueil"
        case .redessiner: "redessiner l'écran"
        case .ouvrirDoublon: "ouvrir le tiers déjà connu au lieu d'en créer un autre"
        case .nouveauDossier: "ouvrir un dossier (choisir le demandeur, puis la démarche)"
        case .demarches: "consulter le catalogue des démarches et leurs fiches pratiques"
        case .demarrer: "démarrer la démarche choisie pour le tiers ouvert"
        case .pieces: "passer des champs du dossier à la liste des pièces, et retour"
        case .changerPiece: "changer l'état de la pièce choisie : déjà fournie, remise au guichet, manquante"
        case .imprimer: "imprimer"
        case .numeriser: "numériser une pièce au scanner du guichet"
        case .arrivees: "voir les fichiers arrivés des scanners réseau"
        case .joindre: "joindre le fichier choisi à un tiers ou à un dossier"
        case .documents: "voir les pièces jointes et chercher dans leur texte"
        case .suggestion: "reprendre dans le champ la valeur lue sur les pièces (OCR)"
        case .colonnePrecedente: "sélectionner la colonne précédente du tableau"
        case .colonneSuivante: "sélectionner la colonne suivante du tableau"
        case .filesInstruction: "ouvrir les files d'instruction des dossiers déposés"
        case .tableauDeBord: "ouvrir le tableau de bord des files (superviseurs)"
        case .prendreSuivant: "prendre le plus ancien dossier déposé non attribué (« prendre le suivant »)"
        case .trier: "changer l'ordre de la file"
        case .filtreEtat: "filtrer la file par état"
        case .filtreDemarche: "filtrer la file par démarche"
        case .filtreAgent: "filtrer la file par agent : tous, non attribués, les miens"
        case .filtreEcheance: "filtrer la file par échéance : dépassée, sous 7 jours"
        case .filtreAnciennete: "filtrer la file par ancienneté du dépôt"
        case .marquer: "marquer ou démarquer la ligne choisie"
        case .reattribuer: "réattribuer le dossier (ou les dossiers marqués) à un collègue"
        case .prendre: "prendre le dossier en instruction"
        case .demanderPieces: "demander des pièces au demandeur, avec une date limite"
        case .piecesRecues: "enregistrer l'arrivée des pièces demandées"
        case .proposer: "proposer une décision motivée (validation à deux niveaux)"
        case .decider: "décider ou valider la proposition, avec son motif"
        case .renvoyer: "renvoyer la proposition en instruction, avec le motif"
        case .rouvrir: "rouvrir un dossier décidé, avec le motif"
        case .note: "ajouter une note interne (jamais montrée au demandeur)"
        case .dossierPrecedent: "ouvrir le dossier précédent de la file"
        case .dossierSuivant: "ouvrir le dossier suivant de la file"
        case .verifier: "vérifier sur une pièce les faits marqués"
        case .valider: "valider les faits marqués avec un motif (superviseurs)"
        case .debutChamp: "aller au début du champ"
        case .finChamp: "aller à la fin du champ"
        case .effacerMot: "effacer le mot avant le curseur"
        case .effacerChamp: "effacer tout le champ"
        case .effacerFin: "effacer du curseur à la fin du champ"
        case .renouveler: "renouveler la démarche choisie (ou la première proposée) : le formulaire reprend le dossier précédent"
        case .allerAuChamp: "aller à un champ par son numéro ou les premières lettres de son libellé, puis Entrée"
        case .limiter: "limiter le traitement de la fiche (RGPD), ou lever la limitation, avec le motif (superviseurs)"
        case .doublons: "revoir les doublons probables du registre (superviseurs)"
        case .memePersonne: "décider que les deux fiches de la paire sont la même personne et les fusionner (la fusion se défait depuis la fiche gardée)"
        case .personnesDifferentes: "décider, après confirmation, que ce sont deux personnes différentes : la paire n'est plus proposée"
        case .defaireFusion: "défaire la fusion de la fiche avec celle qu'elle a absorbée, après confirmation (superviseurs)"
        case .effacement: "effacer les données de la personne à sa demande (RGPD), sauf ce que la loi conserve, avec le motif (superviseurs)"
        case .garderAutre: "garder l'autre fiche de la paire à la fusion « même personne » : c'est elle qui garde son numéro"
        case .inactifs: "voir les fiches inactives, à effacer ou conserver (RGPD, superviseurs)"
        case .conserver: "conserver la fiche choisie, avec le motif : elle quitte la liste pour la durée d'inactivité"
        case .doublonsDecides: "voir les paires déjà décidées, la dernière décision d'abord, pour en rendre une à la revue"
        case .rouvrirPaire: "rendre la paire choisie à la revue (sa décision « personnes différentes » annulée), avec le motif"
        case .premiereLigne: "aller à la première ligne"
        case .derniereLigne: "aller à la dernière ligne"
        case .doublonPrecedent: "choisir dans « Déjà connus ? » la fiche précédente (▸)"
        case .doublonSuivant: "choisir dans « Déjà connus ? » la fiche suivante (▸)"
        }
    }

    /// What the action does on the screens of `context`, for the help screen: the
    /// ``helpDescription``, unless the action does something more precise there.
    func helpDescription(in context: KeymapContext) -> String {
        switch (self, context) {
        case (.nouveauDossier, .fiche): "ouvrir un dossier pour ce tiers : choisir la démarche dans le catalogue « Démarches »"
        case (.nouveauDossier, .accueil): "ouvrir un dossier : rechercher le demandeur, puis sur sa fiche choisir la démarche"
        default: helpDescription
        }
    }
}
