/// The default key bindings: the text of the repository's `keymap.conf`, embedded at build time
/// by the KeymapEmbedding plugin (`DefaultKeymap.text`), so that the binary runs without the
/// source tree and the file is their one source.
///
/// ```swift
/// let keymap = DefaultKeymap.keymap
/// keymap.action(for: .function(1), in: .fiche)   // .aide
/// ```
enum DefaultKeymap {
    /// The file name used in error messages about the defaults.
    static let fileName = "keymap.conf"

    /// The parsed defaults (the text is checked by the tests, so parsing cannot fail).
    static let keymap: Keymap = {
        do {
            return try Keymap.parse(text, fileName: fileName)
        } catch {
            fatalError("Le fichier keymap.conf intégré est invalide : \(error)")
        }
    }()
<<<<<<< HEAD

    /// The exact text of `keymap.conf`.
    static let text = #"""
# Guichet : raccourcis clavier par défaut.
#
# Chaque ligne : bind <contexte> <touche> <action>
# Pour changer un raccourci, copiez seulement les lignes voulues dans
# ~/.config/guichet/keymap.conf (ou $XDG_CONFIG_HOME/guichet/keymap.conf) :
# vos lignes remplacent celles-ci pour le même contexte et la même touche.
# L'action « aucune » désactive une touche.
#
# Contextes : generic (partout, sauf si un écran la redéfinit), accueil,
#             recherche, fiche, saisie, catalogue, dossier, recepisse,
#             numerisation, arrivees, documents, file, instruction,
#             tableau, doublons, inactifs, aide.
# Touches : F1 à F12, Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp,
#           PgDn, Home, End, Insert, Delete, Backspace, Space, C-a à C-z (Ctrl),
#           M-a à M-z (Alt), ou un caractère seul.
# Actions : aide, retour, quitter, page-precedente, page-suivante,
#           enregistrer, annuler, champ-suivant, champ-precedent,
#           ligne-precedente, ligne-suivante, ouvrir, nouveau-tiers,
#           nouvelle-personne, nouvelle-organisation, modifier, historique,
#           rechercher, brouillons, accueil, redessiner, ouvrir-doublon,
#           nouveau-dossier, demarches, demarrer, pieces, changer-piece,
#           imprimer, numeriser, arrivees, joindre, documents, suggestion,
#           files, tableau-de-bord, prendre-suivant, trier, filtre-etat,
#           filtre-demarche, filtre-agent, filtre-echeance, filtre-anciennete,
#           marquer, reattribuer, prendre, demander-pieces, pieces-recues,
#           proposer, decider, renvoyer, rouvrir, note, dossier-precedent,
#           dossier-suivant, colonne-precedente, colonne-suivante,
#           debut-champ, fin-champ, effacer-mot, effacer-champ, effacer-fin,
#           doublons, meme-personne, personnes-differentes,
#           renouveler, aller-au-champ, verifier, valider, limiter,
#           defaire-fusion, effacement, garder-autre, inactifs, conserver,
#           doublons-decides, rouvrir-paire, premiere-ligne, derniere-ligne,
#           aucune.

# Partout : les touches des applications de guichet (F1 aide, F3 fin,
# F7/F8 pages, F12 annuler).
bind generic F1        aide
bind generic F3        retour
bind generic F7        page-precedente
bind generic F8        page-suivante
bind generic PgUp      page-precedente
bind generic PgDn      page-suivante
bind generic F12       annuler
bind generic Esc       annuler
bind generic Tab       champ-suivant
bind generic S-Tab     champ-precedent
bind generic Up        ligne-precedente
bind generic Down      ligne-suivante
bind generic Enter     ouvrir
bind generic C-f       rechercher
bind generic M-a       accueil
bind generic C-l       redessiner
bind generic C-q       quitter

# Édition d'un champ (saisie, recherche, invites) : début et fin du champ,
# effacer le mot avant le curseur, tout le champ, ou la fin. Liez une
# touche à « aucune » pour la rendre au champ.
bind generic Home      debut-champ
bind generic C-a       debut-champ
bind generic End       fin-champ
bind generic C-e       fin-champ
bind generic C-w       effacer-mot
bind generic C-u       effacer-champ
bind generic C-k       effacer-fin

# Accueil : le menu de départ. F3 y quitte l'application ; pas de pages
# ni d'annulation sur ce menu.
bind accueil F2        nouvelle-personne
bind accueil F3        quitter
bind accueil F4        nouvelle-organisation
bind accueil F5        rechercher
bind accueil F6        brouillons
bind accueil r         rechercher
bind accueil p         nouvelle-personne
bind accueil o         nouvelle-organisation
bind accueil n         nouveau-tiers
bind accueil b         brouillons
bind accueil F9        nouveau-dossier
bind accueil d         nouveau-dossier
bind accueil c         demarches
bind accueil F10       demarches
bind accueil a         arrivees
bind accueil f         files
bind accueil F11       files
bind accueil t         tableau-de-bord
bind accueil D         doublons
bind accueil i         inactifs
bind accueil q         quitter
bind accueil F7        aucune
bind accueil F8        aucune
bind accueil F12       aucune

# Recherche d'un tiers : créer la personne ou l'organisation introuvable.
bind recherche F2      nouvelle-personne
bind recherche F4      nouvelle-organisation

# Fiche d'un tiers : F11 (ou Entrée sur la ligne) renouvelle la démarche
# proposée en tête de fiche (« Renouveler »), F4 numérise une pièce, F10
# montre ses pièces ; les pages se tournent avec PgUp/PgDn. Inser (ou Espace)
# marque des faits, F2 les vérifie sur une pièce du tiers, Ctrl-V les valide
# avec un motif (superviseurs). Ctrl-R limite le traitement de la fiche
# (RGPD) ou lève la limitation, avec le motif (superviseurs). Ctrl-E efface
# les données de la personne à sa demande, sauf ce que la loi conserve, après
# avoir dit quoi et jusqu'à quand (superviseurs). Ctrl-D, sur une fiche qui
# en a absorbé une autre, défait la fusion depuis l'historique, après
# confirmation.
bind fiche F11         renouveler
bind fiche F2          verifier
bind fiche Insert      marquer
bind fiche C-v         valider
bind fiche C-r         limiter
bind fiche C-d         defaire-fusion
bind fiche C-e         effacement
bind fiche F5          historique
bind fiche F6          modifier
bind fiche F9          nouveau-dossier
bind fiche F4          numeriser
bind fiche F10         documents
bind fiche F7          aucune
bind fiche F8          aucune

# Saisie d'un formulaire : Entrée passe au champ suivant, F10 enregistre.
bind saisie F10        enregistrer
bind saisie C-s        enregistrer
bind saisie F6         ouvrir-doublon
bind saisie Enter      champ-suivant

# Catalogue des démarches et fiche pratique : F2 démarre la démarche choisie
# pour le tiers ouvert, F9 imprime la fiche pratique.
bind catalogue F2      demarrer
bind catalogue F9      imprimer

# Saisie d'un dossier : F5 passe des champs aux pièces, F6 change l'état de
# la pièce choisie, F9 la numérise au scanner, F11 montre les pièces jointes,
# F10 dépose le dossier, F3 garde le brouillon pour plus tard, F12
# l'abandonne. PgUp/PgDn tournent les pages. Ctrl-T reprend dans le champ la
# valeur lue sur les pièces (OCR). Ctrl-G va à un champ par son numéro ou
# les premières lettres de son libellé (puis Entrée).
bind dossier C-g       aller-au-champ
bind dossier F10       enregistrer
bind dossier C-s       enregistrer
bind dossier Enter     champ-suivant
bind dossier F5        pieces
bind dossier F6        changer-piece
bind dossier F9        numeriser
bind dossier F11       documents
bind dossier C-t       suggestion
bind dossier F7        aucune
bind dossier F8        aucune

# Récépissé : F9 l'imprime à nouveau.
bind recepisse F9      imprimer
bind recepisse Enter   retour

# Arrivées des scanners réseau : F2 joint le fichier choisi à un tiers ou à
# un dossier.
bind arrivees F2       joindre

# Files d'instruction : F2 prend le plus ancien dossier déposé non attribué,
# F4 change l'ordre, F5/F6/F9/F10/F11 filtrent par état, démarche, agent,
# échéance et ancienneté ; Espace marque des dossiers, r les réattribue ;
# Entrée ouvre le dossier choisi.
bind file F2           prendre-suivant
bind file F4           trier
bind file F5           filtre-etat
bind file F6           filtre-demarche
bind file F9           filtre-agent
bind file F10          filtre-echeance
bind file F11          filtre-anciennete
bind file Space        marquer
bind file r            reattribuer
bind file F12          aucune

# Instruction d'un dossier : Tab change d'onglet (Champs, Pièces,
# Historique, Notes internes) ; seules les actions permises à l'agent dans
# l'état du dossier sont proposées. F7/F8 : dossier précédent/suivant de la
# file ; PgUp/PgDn font défiler l'onglet.
bind instruction F2    prendre
bind instruction F4    demander-pieces
bind instruction F5    pieces-recues
bind instruction F6    proposer
bind instruction F9    decider
bind instruction F10   renvoyer
bind instruction F11   rouvrir
bind instruction r     reattribuer
bind instruction n     note
bind instruction F7    dossier-precedent
bind instruction F8    dossier-suivant
bind instruction F12   aucune

# Tableau de bord (superviseurs) : Tab et S-Tab (comme PgUp/PgDn) changent
# de page, Gauche et Droite choisissent la colonne, Entrée ouvre la file
# de la case choisie.
bind tableau Tab       page-suivante
bind tableau S-Tab     page-precedente
bind tableau Left      colonne-precedente
bind tableau Right     colonne-suivante

# Doublons (superviseurs) : Entrée ouvre la paire choisie côte à côte ; F5
# « même personne », F6 « personnes différentes » (après confirmation), F4
# garde l'autre fiche à la fusion (dans la liste comme sur la paire
# ouverte). F9 liste les paires décidées, où F11 rend une paire à la revue.
# Début et Fin vont à la première et à la dernière ligne.
bind doublons F5       meme-personne
bind doublons F6       personnes-differentes
bind doublons F4       garder-autre
bind doublons F9       doublons-decides
bind doublons F11      rouvrir-paire
bind doublons Home     premiere-ligne
bind doublons End      derniere-ligne

# Fiches inactives (superviseurs) : Entrée ouvre la fiche choisie (pour
# l'effacer) ; F5 la conserve, avec le motif.
bind inactifs F5       conserver

# Aide : Échap et F12 referment l'aide.
bind aide Esc          retour
bind aide F12          retour
bind aide q            retour

"""#
=======
>>>>>>> main
}
