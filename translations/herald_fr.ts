<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Alert</name>
    <message>
        <source>High failure rate</source>
        <translation>Taux d’échec élevé</translation>
    </message>
    <message>
        <source>The queue is not draining</source>
        <translation>La file d’attente ne se vide pas</translation>
    </message>
    <message>
        <source>Provider %1 is failing (circuit open)</source>
        <translation>Le fournisseur %1 est en échec (circuit ouvert)</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>State/region</source>
        <translation>État/région</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
</context>
<context>
    <name>CommandArguments</name>
    <message>
        <source>Connection profile name (default: the active one).</source>
        <translation>Nom du profil de connexion (par défaut : le profil actif).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>list: print JSON instead of a table.</source>
        <translation>list : affiche du JSON au lieu d&apos;un tableau.</translation>
    </message>
</context>
<context>
    <name>CopyCatalog</name>
    <message>
        <source>Could not read the columns of %1</source>
        <translation>Impossible de lire les colonnes de %1</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Password Not Saved</source>
        <translation>Mot de passe non enregistré</translation>
    </message>
    <message>
        <source>Check that the server is running and reachable from this computer, or work on this computer for now.</source>
        <translation>Vérifiez que le serveur fonctionne et qu’il est joignable depuis cet ordinateur, ou travaillez sur cet ordinateur pour l’instant.</translation>
    </message>
    <message>
        <source>Retry to type the password again, or edit the profile if the user name is wrong.</source>
        <translation>Cliquez sur Réessayer pour saisir à nouveau le mot de passe, ou modifiez le profil si le nom d’utilisateur est erroné.</translation>
    </message>
    <message>
        <source>This database was set up by a newer Herald. Update Herald, or use another database.</source>
        <translation>Cette base de données a été créée par une version plus récente de Herald. Mettez Herald à jour ou utilisez une autre base de données.</translation>
    </message>
    <message>
        <source>Retry, edit the profile, or work on this computer for now.</source>
        <translation>Réessayez, modifiez le profil ou travaillez sur cet ordinateur pour l’instant.</translation>
    </message>
    <message>
        <source>Cannot Open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>Edit Profile…</source>
        <translation>Modifier le profil…</translation>
    </message>
    <message>
        <source>Use This Computer</source>
        <translation>Utiliser cet ordinateur</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>No password was given for %1 on %2.</source>
        <translation>Aucun mot de passe n’a été saisi pour %1 sur %2.</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Travailler hors ligne</translation>
    </message>
</context>
<context>
    <name>DesktopMain</name>
    <message>
        <source>Offline Drafts Unavailable</source>
        <translation>Brouillons hors ligne indisponibles</translation>
    </message>
</context>
<context>
    <name>HeaderText</name>
    <message>
        <source>%1 must be one line (it goes into a mail header); remove the line break.</source>
        <translation>%1 doit tenir sur une seule ligne (il figure dans un en-tête du message) ; supprimez le retour à la ligne.</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>Bad email address</source>
        <translation>Adresse e-mail invalide</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>Sans nom</translation>
    </message>
    <message>
        <source>No EIN</source>
        <translation>Sans EIN</translation>
    </message>
    <message>
        <source>Wrong number of columns</source>
        <translation>Nombre de colonnes incorrect</translation>
    </message>
    <message>
        <source>Not UTF-8 text</source>
        <translation>Texte non UTF-8</translation>
    </message>
    <message>
        <source>Field too long</source>
        <translation>Champ trop long</translation>
    </message>
    <message>
        <source>Unreadable value</source>
        <translation>Valeur illisible</translation>
    </message>
    <message>
        <source>Quote never closed</source>
        <translation>Guillemet jamais fermé</translation>
    </message>
    <message>
        <source>Belongs to another row</source>
        <translation>Appartient à une autre ligne</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Could not create the schema_migrations table</source>
        <translation>Impossible de créer la table schema_migrations</translation>
    </message>
</context>
<context>
    <name>OfflineMode</name>
    <message>
        <source>Needs the server, and Herald is offline (%1 cannot be reached). This comes back when the server does.</source>
        <translation>Nécessite le serveur, et Herald est hors ligne (%1 est injoignable). Cela reviendra avec le serveur.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
</context>
<context>
    <name>ProfileOpener</name>
    <message>
        <source>There is no connection profile named &apos;%1&apos;. &apos;herald profile list&apos; shows them.</source>
        <translation>Il n’existe aucun profil de connexion nommé « %1 ». « herald profile list » les affiche.</translation>
    </message>
</context>
<context>
    <name>ProgressPrinter</name>
    <message>
        <source>%1: %2%</source>
        <translation>%1 : %2 %</translation>
    </message>
</context>
<context>
    <name>SendMetricsWriter</name>
    <message>
        <source>Could not add results to the send metrics</source>
        <translation>Impossible d’ajouter les résultats aux statistiques d’envoi</translation>
    </message>
    <message>
        <source>Could not add failure reasons to the send metrics</source>
        <translation>Impossible d’ajouter les motifs d’échec aux statistiques d’envoi</translation>
    </message>
</context>
<context>
    <name>SqlErrors</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: the database does not allow this to your role. Ask an administrator if you need it.</source>
        <translation>%1 : la base de données n’autorise pas cela à votre rôle. Demandez à un administrateur si vous en avez besoin.</translation>
    </message>
    <message>
        <source>%1: the database does not allow this on %2 to your role. Ask an administrator if you need it.</source>
        <translation>%1 : la base de données n’autorise pas cela sur %2 à votre rôle. Demandez à un administrateur si vous en avez besoin.</translation>
    </message>
</context>
<context>
    <name>SuppressionReason</name>
    <message>
        <source>Unsubscribed</source>
        <translation>Désabonnement</translation>
    </message>
    <message>
        <source>Hard bounce</source>
        <translation>Rejet définitif</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Plainte</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Ajout manuel</translation>
    </message>
</context>
<context>
    <name>SuppressionRepository</name>
    <message numerus="yes">
        <source>Could not lift the suppression of %n address(es)</source>
        <translation>
            <numerusform>Impossible de lever l’exclusion de %n adresse</numerusform>
            <numerusform>Impossible de lever l’exclusion de %n adresses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateIssue</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, ligne %2, colonne %3 : %4</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction</source>
        <translation>Impossible de démarrer une transaction</translation>
    </message>
    <message>
        <source>Could not commit</source>
        <translation>Impossible de valider la transaction</translation>
    </message>
</context>
<context>
    <name>herald</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>All active nonprofits</source>
        <translation>Toutes les associations actives</translation>
    </message>
    <message>
        <source>Segment #%1 (deleted)</source>
        <translation>Segment n° %1 (supprimé)</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; %3.</source>
        <translation>%1 « %2 » %3.</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>Impossible de se connecter à %1</translation>
    </message>
</context>
<context>
    <name>herald::AddressSuppressor</name>
    <message>
        <source>Could not mark the nonprofit of a suppressed address</source>
        <translation>Impossible de marquer l’association d’une adresse exclue</translation>
    </message>
</context>
<context>
    <name>herald::AlertBanner</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Ouvrir le &amp;tableau de bord</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>Hide these alerts; the banner comes back when another one is raised</source>
        <translation>Masquer ces alertes ; le bandeau revient quand une autre alerte se déclenche</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; since %2 — %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; depuis %2 — %3</translation>
    </message>
</context>
<context>
    <name>herald::AlertEvaluator</name>
    <message numerus="yes">
        <source>%1 % of %2 messages failed over the last %n minute(s) (alert above %3 %).</source>
        <translation>
            <numerusform>%1 % de %2 messages ont échoué en %n minute (alerte au-delà de %3 %).</numerusform>
            <numerusform>%1 % de %2 messages ont échoué pendant les %n dernières minutes (alerte au-delà de %3 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 messages waiting; the queue has not gone down for %n minute(s).</source>
        <translation>
            <numerusform>%1 messages en attente ; la file d’attente n’a pas diminué depuis %n minute.</numerusform>
            <numerusform>%1 messages en attente ; la file d’attente n’a pas diminué depuis %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages fail over to the next provider.</source>
        <translation>Les messages basculent vers le fournisseur suivant.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
</context>
<context>
    <name>herald::AlertRepository</name>
    <message>
        <source>Could not read the open alerts</source>
        <translation>Impossible de lire les alertes en cours</translation>
    </message>
    <message>
        <source>Could not clear the alert</source>
        <translation>Impossible de lever l’alerte</translation>
    </message>
    <message>
        <source>Could not record the alert</source>
        <translation>Impossible d’enregistrer l’alerte</translation>
    </message>
    <message>
        <source>Could not read the alert</source>
        <translation>Impossible de lire l’alerte</translation>
    </message>
    <message>
        <source>The alert was cleared meanwhile.</source>
        <translation>L’alerte a été levée entre-temps.</translation>
    </message>
    <message>
        <source>Could not read the alerts</source>
        <translation>Impossible de lire les alertes</translation>
    </message>
</context>
<context>
    <name>herald::AlertSettings</name>
    <message>
        <source>The failure rate must be between 0 and 100 %.</source>
        <translation>Le taux d’échec doit être compris entre 0 et 100 %.</translation>
    </message>
    <message>
        <source>The failure rate window must be 1 to 360 minutes.</source>
        <translation>La fenêtre du taux d’échec doit être de 1 à 360 minutes.</translation>
    </message>
    <message>
        <source>The queue alert time must be 0 (off) to 360 minutes.</source>
        <translation>Le délai d’alerte de la file d’attente doit être de 0 (désactivé) à 360 minutes.</translation>
    </message>
    <message>
        <source>The number of messages needed must not be negative.</source>
        <translation>Le nombre de messages requis ne doit pas être négatif.</translation>
    </message>
</context>
<context>
    <name>herald::AlertSettingsPanel</name>
    <message>
        <source>Alert while a provider&apos;s &amp;circuit is open (it keeps failing)</source>
        <translation>Alerter tant que le &amp;circuit d’un fournisseur est ouvert (il échoue encore)</translation>
    </message>
    <message>
        <source>Save &amp;alert settings</source>
        <translation>Enregistrer les réglages d’&amp;alerte</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alertes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>When to show a banner and a desktop notification about sending. These settings are kept in the database and apply to everyone using it.</source>
        <translation>Quand afficher un bandeau et une notification de bureau au sujet de l’envoi. Ces réglages sont conservés dans la base de données et s’appliquent à tous ceux qui l’utilisent.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> finished messages</source>
        <translation> messages terminés</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Failure rate &amp;above:</source>
        <translation>Taux d’échec &amp;au-delà de :</translation>
    </message>
    <message>
        <source>&amp;Over the last:</source>
        <translation>&amp;Sur les dernières :</translation>
    </message>
    <message>
        <source>With at &amp;least:</source>
        <translation>Avec au &amp;moins :</translation>
    </message>
    <message>
        <source>&amp;Queue not draining for:</source>
        <translation>&amp;File d’attente bloquée depuis :</translation>
    </message>
    <message>
        <source>Saved. Every Herald using this database alerts with these settings.</source>
        <translation>Enregistré. Chaque Herald qui utilise cette base de données alerte selon ces réglages.</translation>
    </message>
</context>
<context>
    <name>herald::AppSettingsRepository</name>
    <message>
        <source>Could not read setting &apos;%1&apos;</source>
        <translation>Impossible de lire le paramètre « %1 »</translation>
    </message>
    <message>
        <source>Setting &apos;%1&apos; is not set.</source>
        <translation>Le paramètre « %1 » n’est pas défini.</translation>
    </message>
    <message>
        <source>Could not store setting &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer le paramètre « %1 »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a public address for herald serve: give an http or https address without ? or #, such as https://mail.example.org/herald.</source>
        <translation>&apos;%1&apos; n’est pas une adresse publique pour herald serve : indiquez une adresse http ou https sans ? ni #, comme https://mail.example.org/herald.</translation>
    </message>
</context>
<context>
    <name>herald::ApprovalSection</name>
    <message>
        <source>A&amp;pprove</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <source>Approve this campaign as it is now: its template, audience and sender</source>
        <translation>Approuver cette campagne telle qu’elle est : son modèle, son audience et son expéditeur</translation>
    </message>
    <message>
        <source>Approved by %1 at %2.</source>
        <translation>Approuvée par %1 le %2.</translation>
    </message>
    <message>
        <source>Saving the new template, audience or sender withdraws this approval.</source>
        <translation>Enregistrer le nouveau modèle, la nouvelle audience ou le nouvel expéditeur retire cette approbation.</translation>
    </message>
    <message>
        <source>No approval needed to send now: %1 recipients, at most %2.</source>
        <translation>Aucune approbation nécessaire pour envoyer maintenant : %1 destinataires, %2 au plus.</translation>
    </message>
    <message>
        <source>The approval by %1 was withdrawn: the template, audience or sender changed.</source>
        <translation>L’approbation de %1 a été retirée : le modèle, l’audience ou l’expéditeur a changé.</translation>
    </message>
    <message>
        <source>Campaigns to more than %1 recipients need a second person&apos;s approval.</source>
        <translation>Les campagnes de plus de %1 destinataires demandent l’approbation d’une deuxième personne.</translation>
    </message>
</context>
<context>
    <name>herald::ApprovalSettingsPanel</name>
    <message>
        <source>Campaigns to more than</source>
        <translation>Les campagnes de plus de</translation>
    </message>
    <message>
        <source>Save appro&amp;val setting</source>
        <translation>Enregistrer l’appro&amp;bation</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approval of large sends&lt;/b&gt;</source>
        <translation>&lt;b&gt;Approbation des gros envois&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A large campaign can wait for a second person: until a sender or administrator other than its author approves it, the database refuses to queue or schedule it. Changing its template, audience or sender afterwards withdraws the approval.</source>
        <translation>Une grosse campagne peut attendre une deuxième personne : tant qu’un expéditeur ou un administrateur autre que son auteur ne l’a pas approuvée, la base de données refuse de la mettre en file ou de la programmer. Changer ensuite son modèle, son audience ou son expéditeur retire l’approbation.</translation>
    </message>
    <message>
        <source>recipients need approval</source>
        <translation>destinataires demandent une approbation</translation>
    </message>
    <message>
        <source>Approval does not apply to a database on this computer: one person has every right. It applies on a team server, where each person logs in as themselves.</source>
        <translation>L’approbation ne s’applique pas à une base de données sur cet ordinateur : une seule personne y a tous les droits. Elle s’applique sur un serveur d’équipe, où chacun se connecte sous son propre nom.</translation>
    </message>
    <message>
        <source>Kept in the database: it applies to everyone using it.</source>
        <translation>Conservé dans la base de données : s’applique à tous ceux qui l’utilisent.</translation>
    </message>
    <message>
        <source>Only an administrator may change this setting.</source>
        <translation>Seul un administrateur peut modifier ce réglage.</translation>
    </message>
    <message>
        <source>Saved. Campaigns to more than %1 recipients now need approval.</source>
        <translation>Enregistré. Les campagnes de plus de %1 destinataires demandent désormais une approbation.</translation>
    </message>
    <message>
        <source>Saved. Campaigns are queued without approval.</source>
        <translation>Enregistré. Les campagnes sont mises en file sans approbation.</translation>
    </message>
</context>
<context>
    <name>herald::AttachmentSummary</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Total: %1 of %2.</source>
        <translation>Total : %1 sur %2.</translation>
    </message>
</context>
<context>
    <name>herald::AttachmentsSection</name>
    <message>
        <source>Add Fi&amp;le…</source>
        <translation>Ajouter un fic&amp;hier…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Attach a file (such as the annual report) to every message of this campaign</source>
        <translation>Joindre un fichier (comme le rapport annuel) à chaque message de cette campagne</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>Impossible de lire &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c&apos;est un dossier</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is attached already; remove it first to attach it again.</source>
        <translation>« %1 » est déjà joint ; retirez-le d’abord pour le joindre à nouveau.</translation>
    </message>
    <message>
        <source>Attached when the campaign is saved</source>
        <translation>Joint à l’enregistrement de la campagne</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>Aucune pièce jointe.</translation>
    </message>
</context>
<context>
    <name>herald::Audience</name>
    <message>
        <source>Nonprofits with status %1</source>
        <translation>Associations au statut %1</translation>
    </message>
    <message>
        <source>All active nonprofits</source>
        <translation>Toutes les associations actives</translation>
    </message>
    <message>
        <source>Active nonprofits</source>
        <translation>Associations actives</translation>
    </message>
    <message>
        <source> tagged %1</source>
        <translation> avec l’étiquette %1</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <source> matching &apos;%1&apos;</source>
        <translation> correspondant à « %1 »</translation>
    </message>
</context>
<context>
    <name>herald::AudienceCounter</name>
    <message>
        <source>Could not count the audience &quot;%1&quot;</source>
        <translation>Impossible de compter l’audience « %1 »</translation>
    </message>
</context>
<context>
    <name>herald::AudienceSection</name>
    <message>
        <source>All active nonprofits</source>
        <translation>Toutes les associations actives</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segment : %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln destinataire</numerusform>
            <numerusform>%Ln destinataires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suppressed (on the suppression list, not sent)</source>
        <translation>
            <numerusform>%Ln exclu (sur la liste d’exclusion, non envoyé)</numerusform>
            <numerusform>%Ln exclus (sur la liste d’exclusion, non envoyés)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AuditLogDialog</name>
    <message>
        <source>Search who, action, what or details</source>
        <translation>Chercher qui, action, quoi ou détails</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Every role change, send, erasure and provider change, newest first. Nobody can change or delete these lines; on a team server the database writes who did it.</source>
        <translation>Chaque changement de rôle, envoi, effacement et changement de fournisseur, du plus récent au plus ancien. Personne ne peut modifier ni supprimer ces lignes ; sur un serveur d’équipe, la base de données écrit qui l’a fait.</translation>
    </message>
    <message>
        <source>Write the lines the search finds (all of them when it is empty) to a CSV file</source>
        <translation>Écrire dans un fichier CSV les lignes que trouve la recherche (toutes quand elle est vide)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1.</source>
        <translation>
            <numerusform>%n ligne écrite dans %1.</numerusform>
            <numerusform>%n lignes écrites dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AuditLogRepository</name>
    <message>
        <source>An audit line needs an action.</source>
        <translation>Une ligne du journal d’audit doit avoir une action.</translation>
    </message>
    <message>
        <source>An audit line needs the kind of thing acted on.</source>
        <translation>Une ligne du journal d’audit doit indiquer le type d’élément concerné.</translation>
    </message>
    <message>
        <source>Could not record &apos;%1&apos; of %2 %3 in the audit log</source>
        <translation>Impossible d’inscrire « %1 » de %2 %3 dans le journal d’audit</translation>
    </message>
    <message>
        <source>The audit log did not return the new line.</source>
        <translation>Le journal d’audit n’a pas renvoyé la nouvelle ligne.</translation>
    </message>
    <message>
        <source>Could not read the history of %1 %2</source>
        <translation>Impossible de lire l’historique de %1 %2</translation>
    </message>
    <message>
        <source>Could not read the audit log</source>
        <translation>Impossible de lire le journal d’audit</translation>
    </message>
    <message>
        <source>Could not count the audit log</source>
        <translation>Impossible de compter le journal d’audit</translation>
    </message>
    <message>
        <source>The count returned no row.</source>
        <translation>Le comptage n’a renvoyé aucune ligne.</translation>
    </message>
</context>
<context>
    <name>herald::AuditLogTableModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sur</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>herald::BackupAction</name>
    <message>
        <source>Back Up</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL server: back it up on the server with pg_dump, e.g. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE, and restore with pg_restore (README.md, &quot;Backing up a team server&quot;).</source>
        <translation>%1 est un serveur PostgreSQL : sauvegardez-le sur le serveur avec pg_dump, par ex. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE, et restaurez avec pg_restore (README.md, « Backing up a team server »).</translation>
    </message>
    <message>
        <source>Back Up the Database</source>
        <translation>Sauvegarder la base de données</translation>
    </message>
    <message>
        <source>Herald databases (*.sqlite);;All files (*)</source>
        <translation>Bases de données Herald (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Sauvegarde vers %1…</translation>
    </message>
    <message>
        <source>The database was backed up to %1. Restoring is opening that file: with Herald closed, put it in place of %2.</source>
        <translation>La base de données a été sauvegardée dans %1. Restaurer, c&apos;est ouvrir ce fichier : Herald fermé, mettez-le à la place de %2.</translation>
    </message>
</context>
<context>
    <name>herald::Branding</name>
    <message>
        <source>The organisation colour &apos;%1&apos; is not a colour: give it as # and six hexadecimal digits, such as %2.</source>
        <translation>La couleur de l’organisation « %1 » n’est pas une couleur : indiquez-la avec # et six chiffres hexadécimaux, par exemple %2.</translation>
    </message>
    <message>
        <source>The logo &apos;%1&apos; is not an image a message can show: give media:NAME for an image of the media library, an address starting with https://, or nothing.</source>
        <translation>Le logo « %1 » n’est pas une image qu’un message peut afficher : indiquez media:NOM pour une image de la médiathèque, une adresse commençant par https://, ou rien.</translation>
    </message>
    <message>
        <source>The organisation name &apos;%1&apos; contains {{ or }}, which messages would read as a placeholder.</source>
        <translation>Le nom de l’organisation « %1 » contient {{ ou }}, que les messages liraient comme un champ.</translation>
    </message>
</context>
<context>
    <name>herald::BrandingSettingsPanel</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Branding&lt;/b&gt;</source>
        <translation>&lt;b&gt;Identité visuelle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The starter designs that New on the Templates page offers use your organisation&apos;s colour for headings and buttons, and its logo on top (or its name, when there is no logo). Kept in the database: it applies to everyone using it.</source>
        <translation>Les modèles de départ que propose Nouveau sur la page Modèles utilisent la couleur de votre organisation pour les titres et les boutons, et son logo en haut (ou son nom, s’il n’y a pas de logo). Conservé dans la base de données : s’applique à tous ceux qui l’utilisent.</translation>
    </message>
    <message>
        <source>Pick the colour in a colour dialog</source>
        <translation>Choisir la couleur dans une boîte de dialogue</translation>
    </message>
    <message>
        <source>media:logo.png or https://example.org/logo.png</source>
        <translation>media:logo.png ou https://example.org/logo.png</translation>
    </message>
    <message>
        <source>An image of the media library as media:NAME, or an address starting with https://; shown at most %1 px wide. Empty: the organisation&apos;s name is shown instead.</source>
        <translation>Une image de la médiathèque sous la forme media:NOM, ou une adresse commençant par https:// ; affichée sur %1 px de large au plus. Vide : le nom de l’organisation est affiché à la place.</translation>
    </message>
    <message>
        <source>Organisation na&amp;me:</source>
        <translation>No&amp;m de l’organisation :</translation>
    </message>
    <message>
        <source>Organisation Colour</source>
        <translation>Couleur de l’organisation</translation>
    </message>
    <message>
        <source>Saved. New templates made from a starter design use this branding.</source>
        <translation>Enregistré. Les nouveaux modèles créés à partir d’un modèle de départ utilisent cette identité visuelle.</translation>
    </message>
    <message>
        <source>Save brand&amp;ing</source>
        <translation>Enregistrer l’&amp;identité visuelle</translation>
    </message>
    <message>
        <source>Organisation colo&amp;ur:</source>
        <translation>Co&amp;uleur de l’organisation :</translation>
    </message>
    <message>
        <source>Lo&amp;go:</source>
        <translation>Lo&amp;go :</translation>
    </message>
</context>
<context>
    <name>herald::BulkTagDialog</name>
    <message numerus="yes">
        <source>Tags for the %Ln selected nonprofit(s), separated by commas:</source>
        <translation>
            <numerusform>Étiquettes pour l’association sélectionnée (%Ln), séparées par des virgules :</numerusform>
            <numerusform>Étiquettes pour les %Ln associations sélectionnées, séparées par des virgules :</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Nonprofits</source>
        <translation>Étiqueter des associations</translation>
    </message>
    <message>
        <source>e.g. 2026-gala, food</source>
        <translation>p. ex. gala-2026, alimentation</translation>
    </message>
    <message>
        <source>&amp;Add Tags</source>
        <translation>&amp;Ajouter les étiquettes</translation>
    </message>
    <message>
        <source>&amp;Remove Tags</source>
        <translation>&amp;Retirer les étiquettes</translation>
    </message>
    <message>
        <source>Type at least one tag.</source>
        <translation>Saisissez au moins une étiquette.</translation>
    </message>
</context>
<context>
    <name>herald::ButtonDialog</name>
    <message>
        <source>Insert Button</source>
        <translation>Insérer un bouton</translation>
    </message>
    <message>
        <source>e.g. Donate now</source>
        <translation>p. ex. Faire un don</translation>
    </message>
    <message>
        <source>https://…, mailto:… or {{unsubscribe_url}}</source>
        <translation>https://…, mailto:… ou {{unsubscribe_url}}</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;ouleur :</translation>
    </message>
    <message>
        <source>Enter the button&apos;s label.</source>
        <translation>Saisissez le libellé du bouton.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: use #rrggbb, e.g. #1a5fb4, or Choose….</source>
        <translation>« %1 » n&apos;est pas une couleur : utilisez #rrggbb, p. ex. #1a5fb4, ou Choisir….</translation>
    </message>
</context>
<context>
    <name>herald::CampaignApprovalRepository</name>
    <message>
        <source>Could not read the approval setting</source>
        <translation>Impossible de lire le réglage d’approbation</translation>
    </message>
    <message>
        <source>The approval setting is missing.</source>
        <translation>Le réglage d’approbation est absent.</translation>
    </message>
    <message>
        <source>Approval of large sends needs a team server: on this computer one person has every right.</source>
        <translation>L’approbation des gros envois demande un serveur d’équipe : sur cet ordinateur, une seule personne a tous les droits.</translation>
    </message>
    <message>
        <source>Could not change the approval setting</source>
        <translation>Impossible de modifier le réglage d’approbation</translation>
    </message>
    <message>
        <source>Could not read the approval of campaign &apos;%1&apos;</source>
        <translation>Impossible de lire l’approbation de la campagne &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Approval does not apply on this computer: one person has every right, so campaigns are queued without it.</source>
        <translation>L’approbation ne s’applique pas sur cet ordinateur : une seule personne a tous les droits, les campagnes sont donc mises en file sans elle.</translation>
    </message>
    <message>
        <source>You wrote campaign &apos;%1&apos;, so you may not approve it; another sender or administrator must.</source>
        <translation>Vous avez écrit la campagne &apos;%1&apos; : vous ne pouvez pas l’approuver ; un autre expéditeur ou administrateur doit le faire.</translation>
    </message>
    <message>
        <source>Only a sender or an administrator may approve campaigns; %1 may not.</source>
        <translation>Seul un expéditeur ou un administrateur peut approuver des campagnes ; %1 ne le peut pas.</translation>
    </message>
    <message>
        <source>Could not approve campaign &apos;%1&apos;</source>
        <translation>Impossible d’approuver la campagne &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; goes to %2 recipients, more than %3, and cannot be queued or scheduled yet. %4.</source>
        <translation>La campagne &apos;%1&apos; va à %2 destinataires, plus de %3, et ne peut pas encore être mise en file ni programmée. %4.</translation>
    </message>
    <message>
        <source>Could not count the recipients of campaign #%1</source>
        <translation>Impossible de compter les destinataires de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read the approvals of campaigns</source>
        <translation>Impossible de lire les approbations des campagnes</translation>
    </message>
    <message>
        <source>Waiting for approval from a sender or administrator other than %1</source>
        <translation>En attente de l’approbation d’un expéditeur ou d’un administrateur autre que %1</translation>
    </message>
    <message>
        <source>its author</source>
        <translation>son auteur</translation>
    </message>
</context>
<context>
    <name>herald::CampaignAttachmentRepository</name>
    <message>
        <source>The attachments take %1: messages above %2 are more often put in spam or refused, and every recipient downloads them. A link to the file on your website is lighter.</source>
        <translation>Les pièces jointes pèsent %1 : les messages de plus de %2 finissent plus souvent en spam ou sont refusés, et chaque destinataire les télécharge. Un lien vers le fichier sur votre site est plus léger.</translation>
    </message>
    <message>
        <source>Could not read campaign %1</source>
        <translation>Impossible de lire la campagne %1</translation>
    </message>
    <message>
        <source>Campaign %1 does not exist.</source>
        <translation>La campagne %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is %2: its attachments can no longer change (its messages went or go out with the ones it has).</source>
        <translation>La campagne &apos;%1&apos; est à l&apos;état %2 : ses pièces jointes ne peuvent plus changer (ses messages sont partis ou partent avec celles qu&apos;elle a).</translation>
    </message>
    <message>
        <source>The attachment &apos;%1&apos; has no file name.</source>
        <translation>La pièce jointe &apos;%1&apos; n&apos;a pas de nom de fichier.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a content type (such as application/pdf).</source>
        <translation>&apos;%1&apos; n&apos;est pas un type de contenu (comme application/pdf).</translation>
    </message>
    <message>
        <source>Could not read the attachments of campaign %1</source>
        <translation>Impossible de lire les pièces jointes de la campagne %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was not attached: a campaign&apos;s attachments may take %3 in all, and this one&apos;s take %4 already.</source>
        <translation>&apos;%1&apos; (%2) n&apos;a pas été joint : les pièces jointes d&apos;une campagne peuvent peser %3 en tout, et celles-ci pèsent déjà %4.</translation>
    </message>
    <message>
        <source>Could not attach &apos;%1&apos;</source>
        <translation>Impossible de joindre &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign %1 has an attachment named &apos;%2&apos; already; detach it first to replace it.</source>
        <translation>La campagne %1 a déjà une pièce jointe nommée &apos;%2&apos; ; retirez-la d&apos;abord pour la remplacer.</translation>
    </message>
    <message>
        <source>Could not detach &apos;%1&apos;</source>
        <translation>Impossible de retirer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign %1 has no attachment named &apos;%2&apos;.</source>
        <translation>La campagne %1 n&apos;a pas de pièce jointe nommée &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::CampaignEditorDialog</name>
    <message numerus="yes">
        <source>Send “%1” now to %Ln recipient(s)?</source>
        <translation>
            <numerusform>Envoyer « %1 » maintenant à %Ln destinataire ?</numerusform>
            <numerusform>Envoyer « %1 » maintenant à %Ln destinataires ?</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. 2026 gala invitation</source>
        <translation>p. ex. invitation au gala 2026</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>Add a sender identity</source>
        <translation>Ajouter une identité d’expéditeur</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <source>Edit the chosen sender identity</source>
        <translation>Modifier l’identité d’expéditeur choisie</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Me demander</translation>
    </message>
    <message>
        <source>Send them again</source>
        <translation>Les renvoyer</translation>
    </message>
    <message>
        <source>Count them as sent</source>
        <translation>Les compter comme envoyés</translation>
    </message>
    <message>
        <source>When Herald stops in the middle of handing a message to the server, it cannot know whether that message went out.</source>
        <translation>Quand Herald s’arrête en pleine remise d’un message au serveur, il ne peut pas savoir si ce message est parti.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Expéditeur :</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>A&amp;udience :</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>Envoi :</translation>
    </message>
    <message>
        <source>&amp;Unknown outcomes:</source>
        <translation>Résultats &amp;inconnus :</translation>
    </message>
    <message>
        <source>&amp;Test Send…</source>
        <translation>Envoi de &amp;test…</translation>
    </message>
    <message>
        <source>Send the rendered message once to an address of yours</source>
        <translation>Envoyer une fois le message généré à l’une de vos adresses</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>&amp;Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Unschedule</source>
        <translation>&amp;Déprogrammer</translation>
    </message>
    <message>
        <source>Make the campaign a draft again; nothing has been queued yet</source>
        <translation>Remettre la campagne à l’état de brouillon ; rien n’a encore été mis en file d’attente</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>%1 — %2 &lt;%3&gt;</source>
        <translation>%1 — %2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>No sender identity yet: press New…</source>
        <translation>Pas encore d’identité d’expéditeur : cliquez sur Nouvelle…</translation>
    </message>
    <message>
        <source>New Campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Campagne %1</translation>
    </message>
    <message>
        <source>This campaign is %1; only drafts can be changed or queued.</source>
        <translation>Cette campagne est %1 ; seuls les brouillons peuvent être modifiés ou mis en file d’attente.</translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation>Pro&amp;grammer</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>Queue the campaign to start at the chosen time</source>
        <translation>Mettre la campagne en file d’attente pour qu’elle démarre à l’heure choisie</translation>
    </message>
    <message>
        <source>Queue the campaign now; the Sending page shows its progress</source>
        <translation>Mettre la campagne en file d’attente maintenant ; la page Envoi affiche sa progression</translation>
    </message>
    <message>
        <source>Send Campaign</source>
        <translation>Envoyer la campagne</translation>
    </message>
    <message>
        <source>Send “%1” now to %2?</source>
        <translation>Envoyer « %1 » maintenant à %2 ?</translation>
    </message>
    <message>
        <source>Send Now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Scheduling “%1”…</source>
        <translation>Programmation de « %1 »…</translation>
    </message>
    <message>
        <source>Queueing “%1” for its audience…</source>
        <translation>Mise en file d’attente de « %1 » pour son audience…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>Mise en file d’attente</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Enregistrer les modifications de « %1 » avant de fermer ?</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Sender Domain Not Ready</source>
        <translation>Domaine d’expéditeur pas prêt</translation>
    </message>
    <message>
        <source>“%1” goes to %2 recipients from %3, but the DNS records of %4 are not ready: %5.

Gmail and Yahoo refuse or junk bulk mail without SPF, DKIM and DMARC. Settings → Sender domains shows what to publish.</source>
        <translation>« %1 » part vers %2 destinataires depuis %3, mais les enregistrements DNS de %4 ne sont pas prêts : %5.

Gmail et Yahoo refusent ou classent en spam les envois en masse sans SPF, DKIM et DMARC. Paramètres → Domaines d’expéditeur indique ce qu’il faut publier.</translation>
    </message>
    <message>
        <source>Queue Anyway</source>
        <translation>Mettre en file d’attente quand même</translation>
    </message>
    <message>
        <source>&amp;Opens and clicks:</source>
        <translation>&amp;Ouvertures et clics :</translation>
    </message>
    <message>
        <source>I&amp;mages:</source>
        <translation>I&amp;mages :</translation>
    </message>
    <message>
        <source>Attac&amp;hments:</source>
        <translation>Pièces &amp;jointes :</translation>
    </message>
</context>
<context>
    <name>herald::CampaignLauncher</name>
    <message>
        <source>Campaign &apos;%1&apos; has no template; choose one.</source>
        <translation>La campagne « %1 » n’a pas de modèle ; choisissez-en un.</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; of campaign &apos;%2&apos; has an error: %3</source>
        <translation>Le modèle « %1 » de la campagne « %2 » contient une erreur : %3</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no sender identity; choose who it is from.</source>
        <translation>La campagne « %1 » n’a pas d’identité d’expéditeur ; choisissez de qui elle provient.</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos;: %2</source>
        <translation>Identité d’expéditeur « %1 » : %2</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos; has no postal address; every campaign must show one.</source>
        <translation>L’identité d’expéditeur « %1 » n’a pas d’adresse postale ; chaque campagne doit en afficher une.</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos; has no unsubscribe link address; recipients must be able to unsubscribe.</source>
        <translation>L’identité d’expéditeur « %1 » n’a pas d’adresse pour le lien de désabonnement ; les destinataires doivent pouvoir se désabonner.</translation>
    </message>
    <message>
        <source>The audience of campaign &apos;%1&apos; cannot be used: %2</source>
        <translation>L’audience de la campagne « %1 » est inutilisable : %2</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is %2; only a draft can be queued.</source>
        <translation>La campagne « %1 » est %2 ; seul un brouillon peut être mis en file d’attente.</translation>
    </message>
    <message>
        <source>The time to send (%1) has passed; choose a later one or send now.</source>
        <translation>L’heure d’envoi (%1) est passée ; choisissez-en une plus tardive ou envoyez maintenant.</translation>
    </message>
    <message>
        <source>Queueing campaign &apos;%1&apos; was cancelled; it is still a draft.</source>
        <translation>La mise en file d’attente de la campagne « %1 » a été annulée ; elle reste un brouillon.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no sender email; choose who it is from.</source>
        <translation>La campagne « %1 » n’a pas d’adresse d’expéditeur ; choisissez de qui elle vient.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no postal address; every campaign must show one.</source>
        <translation>La campagne « %1 » n’a pas d’adresse postale ; toute campagne doit en afficher une.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no unsubscribe link address; recipients must be able to unsubscribe.</source>
        <translation>La campagne « %1 » n’a pas d’adresse de lien de désabonnement ; les destinataires doivent pouvoir se désabonner.</translation>
    </message>
    <message>
        <source>The message of campaign &apos;%1&apos; has an error: %2</source>
        <translation>Le message de la campagne « %1 » contient une erreur : %2</translation>
    </message>
    <message>
        <source>Scheduled campaign &apos;%1&apos; (#%2) could not start and is a draft again: %3</source>
        <translation>La campagne programmée « %1 » (n° %2) n’a pas pu démarrer et redevient un brouillon : %3</translation>
    </message>
</context>
<context>
    <name>herald::CampaignLinkRepository</name>
    <message>
        <source>Could not replace the links of campaign #%1</source>
        <translation>Impossible de remplacer les liens de la campagne nº %1</translation>
    </message>
    <message>
        <source>Could not store link %1 of campaign #%2</source>
        <translation>Impossible d’enregistrer le lien %1 de la campagne nº %2</translation>
    </message>
    <message>
        <source>Could not read the links of campaign #%1</source>
        <translation>Impossible de lire les liens de la campagne nº %1</translation>
    </message>
</context>
<context>
    <name>herald::CampaignMessageComposer</name>
    <message>
        <source>Campaign &apos;%1&apos; cannot be rendered: %2</source>
        <translation>Impossible de générer la campagne « %1 » : %2</translation>
    </message>
    <message>
        <source>Message to %1 (send #%2): %3</source>
        <translation>Message à %1 (envoi n° %2) : %3</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; cannot be rendered: link %2: %3</source>
        <translation>La campagne &apos;%1&apos; ne peut pas être générée : lien %2 : %3</translation>
    </message>
</context>
<context>
    <name>herald::CampaignPanel</name>
    <message numerus="yes">
        <source>%n message(s) have an unknown outcome.</source>
        <translation>
            <numerusform>%n message a un résultat inconnu.</numerusform>
            <numerusform>%n messages ont un résultat inconnu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed</source>
        <translation>
            <numerusform>%n message en échec</numerusform>
            <numerusform>%n messages en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”? %n message(s) not sent yet will not be sent. This cannot be undone.</source>
        <translation>
            <numerusform>Annuler « %1 » ? %n message pas encore envoyé ne le sera pas. Cette action est irréversible.</numerusform>
            <numerusform>Annuler « %1 » ? %n messages pas encore envoyés ne le seront pas. Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed (the first %1 are listed)</source>
        <translation>
            <numerusform>%n message en échec (les %1 premiers sont listés)</numerusform>
            <numerusform>%n messages en échec (les %1 premiers sont listés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1 : %n message</numerusform>
            <numerusform>%1 : %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Cancel campaign…</source>
        <translation>Annuler la campagne…</translation>
    </message>
    <message>
        <source>Stop handing messages to the providers; resume any time.</source>
        <translation>Arrêter de remettre des messages aux fournisseurs ; vous pouvez reprendre à tout moment.</translation>
    </message>
    <message>
        <source>The connection broke after the message was handed over: the provider may or may not have delivered it.</source>
        <translation>La connexion a été coupée après la remise du message : le fournisseur l’a peut-être distribué, ou non.</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>Queue them again; a recipient may get the message twice.</source>
        <translation>Les remettre en file d’attente ; un destinataire peut recevoir le message deux fois.</translation>
    </message>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Marquer comme envoyés</translation>
    </message>
    <message>
        <source>Count them as delivered; nobody gets the message twice, some may not get it.</source>
        <translation>Les compter comme distribués ; personne ne reçoit le message deux fois, certains peuvent ne pas le recevoir.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Retry &amp;selected</source>
        <translation>Réessayer la &amp;sélection</translation>
    </message>
    <message>
        <source>Sent/s</source>
        <translation>Envoyés/s</translation>
    </message>
    <message>
        <source>Failed/s</source>
        <translation>Échecs/s</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>messages/s</translation>
    </message>
    <message>
        <source>Where the messages went</source>
        <translation>Où sont allés les messages</translation>
    </message>
    <message>
        <source>%p% — %1 of %2</source>
        <translation>%p % — %1 sur %2</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Envoyés %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>Échecs %1</translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation>Nouvel essai %1</translation>
    </message>
    <message>
        <source>Pending %1</source>
        <translation>En attente %1</translation>
    </message>
    <message>
        <source>Unknown %1</source>
        <translation>Inconnus %1</translation>
    </message>
    <message>
        <source>Suppressed %1</source>
        <translation>Exclus %1</translation>
    </message>
    <message>
        <source>%1 msgs/s · ETA %2</source>
        <translation>%1 msg/s · reste %2</translation>
    </message>
    <message>
        <source>Cancel Campaign</source>
        <translation>Annuler la campagne</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Annuler la campagne</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>Continuer l’envoi</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Échecs (%1)</translation>
    </message>
    <message>
        <source>Failed (no reply)</source>
        <translation>Échecs (sans réponse)</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnus</translation>
    </message>
    <message>
        <source>Every message handled.</source>
        <translation>Tous les messages ont été traités.</translation>
    </message>
    <message>
        <source>From the feedback mailbox (Settings → Bounces and complaints). Mailbox providers expect complaints under 0.3 % of the messages sent.</source>
        <translation>Depuis la boîte de retours (Paramètres → Rejets et plaintes). Les messageries attendent moins de 0,3 % de plaintes par rapport aux messages envoyés.</translation>
    </message>
    <message>
        <source>Bounced %1 (%2 %), soft bounces %3 · Complaints %4 (%5 %) · Unsubscribed %6</source>
        <translation>Rejetés %1 (%2 %), rejets temporaires %3 · Plaintes %4 (%5 %) · Désabonnés %6</translation>
    </message>
</context>
<context>
    <name>herald::CampaignProgressReader</name>
    <message>
        <source>Could not read the campaigns being sent</source>
        <translation>Impossible de lire les campagnes en cours d’envoi</translation>
    </message>
    <message>
        <source>Could not read why messages of campaign #%1 failed</source>
        <translation>Impossible de lire pourquoi des messages de la campagne n° %1 ont échoué</translation>
    </message>
</context>
<context>
    <name>herald::CampaignRepository</name>
    <message>
        <source>The sender identity (#%1) of campaign &apos;%2&apos; does not exist any more; choose another.</source>
        <translation>L’identité d’expéditeur (n° %1) de la campagne « %2 » n’existe plus ; choisissez-en une autre.</translation>
    </message>
    <message>
        <source>The segment (#%1) of campaign &apos;%2&apos; does not exist any more; choose another audience.</source>
        <translation>Le segment (n° %1) de la campagne « %2 » n’existe plus ; choisissez une autre audience.</translation>
    </message>
    <message>
        <source>The template (#%1) of campaign &apos;%2&apos; does not exist any more; choose another.</source>
        <translation>Le modèle (n° %1) de la campagne « %2 » n’existe plus ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Another campaign already has the UUID %1 of campaign &apos;%2&apos;.</source>
        <translation>Une autre campagne a déjà l’UUID %1 de la campagne « %2 ».</translation>
    </message>
    <message>
        <source>Could not add campaign &apos;%1&apos;</source>
        <translation>Impossible d’ajouter la campagne « %1 »</translation>
    </message>
    <message>
        <source>Could not save campaign &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer la campagne « %1 »</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Could not read campaign #%1</source>
        <translation>Impossible de lire la campagne n° %1</translation>
    </message>
    <message>
        <source>Campaign #%1 does not exist.</source>
        <translation>La campagne n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read campaign %1</source>
        <translation>Impossible de lire la campagne %1</translation>
    </message>
    <message>
        <source>No campaign has the UUID %1.</source>
        <translation>Aucune campagne n’a l’UUID %1.</translation>
    </message>
    <message>
        <source>Could not read campaigns</source>
        <translation>Impossible de lire les campagnes</translation>
    </message>
    <message>
        <source>Could not delete campaign #%1</source>
        <translation>Impossible de supprimer la campagne n° %1</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) is sending; pause or cancel it before deleting it.</source>
        <translation>La campagne « %1 » (n° %2) est en cours d’envoi ; mettez-la en pause ou annulez-la avant de la supprimer.</translation>
    </message>
    <message>
        <source>Could not archive campaign #%1</source>
        <translation>Impossible d’archiver la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not change the status of campaign #%1</source>
        <translation>Impossible de changer le statut de la campagne n° %1</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) is %3, not %4, so it was not made %5. Reload it to see its state.</source>
        <translation>La campagne « %1 » (n° %2) est %3 et non %4 ; elle n’est donc pas passée à %5. Rechargez-la pour voir son état.</translation>
    </message>
    <message>
        <source>Could not start scheduled campaigns</source>
        <translation>Impossible de démarrer les campagnes programmées</translation>
    </message>
</context>
<context>
    <name>herald::CampaignSendCounts</name>
    <message>
        <source>Could not count the messages of the campaigns</source>
        <translation>Impossible de compter les messages des campagnes</translation>
    </message>
    <message>
        <source>Could not fold the campaigns&apos; message counts</source>
        <translation>Impossible de regrouper les décomptes de messages des campagnes</translation>
    </message>
</context>
<context>
    <name>herald::CampaignValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nom de l’expéditeur</translation>
    </message>
    <message>
        <source>Sender email</source>
        <translation>E-mail de l’expéditeur</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>Adresse de réponse</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>The audience of campaign &apos;%1&apos; is not readable; choose it again.</source>
        <translation>L’audience de la campagne « %1 » est illisible ; choisissez-la à nouveau.</translation>
    </message>
    <message>
        <source>The message of campaign &apos;%1&apos; shows the image &apos;%2&apos;, which is not in the media library; import it or take it out of the template.</source>
        <translation>Le message de la campagne &apos;%1&apos; affiche l’image &apos;%2&apos;, qui n’est pas dans la médiathèque ; importez-la ou retirez-la du modèle.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; links its images from herald serve, but the public address of herald serve is not set (Settings → Engagement); set it or embed the images.</source>
        <translation>La campagne &apos;%1&apos; lie ses images depuis herald serve, mais l’adresse publique de herald serve n’est pas définie (Paramètres → Engagement) ; définissez-la ou intégrez les images.</translation>
    </message>
</context>
<context>
    <name>herald::CampaignsPage</name>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campagne</numerusform>
            <numerusform>%n campagnes</numerusform>
        </translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Afficher les &amp;archivées</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchiver</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Audience size</source>
        <translation>Taille de l’audience</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Programmée pour</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>New Campaign…</source>
        <translation>Nouvelle campagne…</translation>
    </message>
    <message>
        <source>Edit Campaign…</source>
        <translation>Modifier la campagne…</translation>
    </message>
    <message>
        <source>Duplicate Campaign</source>
        <translation>Dupliquer la campagne</translation>
    </message>
    <message>
        <source>Delete Campaign</source>
        <translation>Supprimer la campagne</translation>
    </message>
    <message>
        <source>Create a campaign</source>
        <translation>Créer une campagne</translation>
    </message>
    <message>
        <source>Open the selected campaign</source>
        <translation>Ouvrir la campagne sélectionnée</translation>
    </message>
    <message>
        <source>Copy the selected campaign into a new draft</source>
        <translation>Copier la campagne sélectionnée dans un nouveau brouillon</translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation>Supprimer le brouillon sélectionné</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivée)</translation>
    </message>
    <message>
        <source>No campaigns yet. Press New (%1) to pair a template with an audience.</source>
        <translation>Pas encore de campagne. Cliquez sur Nouvelle (%1) pour associer un modèle à une audience.</translation>
    </message>
    <message>
        <source>Unar&amp;chive</source>
        <translation>Désarc&amp;hiver</translation>
    </message>
    <message>
        <source>A campaign that is sending or scheduled cannot be archived.</source>
        <translation>Une campagne en cours d’envoi ou programmée ne peut pas être archivée.</translation>
    </message>
    <message>
        <source>Hide the campaign from the list (Show archived brings it back)</source>
        <translation>Masquer la campagne dans la liste (Afficher les archivées la fait réapparaître)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>Supprimer le brouillon « %1 » ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Draft (not started)</source>
        <translation>Brouillon (non démarrée)</translation>
    </message>
    <message>
        <source>Not started at its scheduled time, and a draft again: %1</source>
        <translation>Non démarrée à l’heure prévue, et redevenue brouillon : %1</translation>
    </message>
    <message>
        <source>A&amp;waiting approval</source>
        <translation>En attente d’a&amp;pprobation</translation>
    </message>
    <message>
        <source>Only the drafts that wait for a second person&apos;s approval before they can be sent</source>
        <translation>Seulement les brouillons qui attendent l’approbation d’une deuxième personne avant de pouvoir partir</translation>
    </message>
    <message>
        <source>Draft (awaiting approval)</source>
        <translation>Brouillon (à approuver)</translation>
    </message>
</context>
<context>
    <name>herald::ChartPanel</name>
    <message>
        <source>Save Chart as &amp;PNG…</source>
        <translation>Enregistrer le graphique en &amp;PNG…</translation>
    </message>
    <message>
        <source>Save Data as &amp;CSV…</source>
        <translation>Enregistrer les données en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image, or the data behind it as CSV</source>
        <translation>Enregistrer ce graphique en image PNG, ou ses données en CSV</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exporter %1</translation>
    </message>
    <message>
        <source>Could not save the chart to %1.</source>
        <translation>Impossible d’enregistrer le graphique dans %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Save Chart Data as CSV</source>
        <translation>Enregistrer les données du graphique en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>herald::ConnectionProfile</name>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Le profil doit avoir un nom.</translation>
    </message>
    <message>
        <source>The database file is not set.</source>
        <translation>Le fichier de la base de données n’est pas défini.</translation>
    </message>
    <message>
        <source>The database name is not set.</source>
        <translation>Le nom de la base de données n’est pas défini.</translation>
    </message>
    <message>
        <source>Port %1 is not between 1 and 65535.</source>
        <translation>Le port %1 n’est pas compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>SSL mode &apos;%1&apos; is not one of %2.</source>
        <translation>Le mode SSL « %1 » ne fait pas partie de %2.</translation>
    </message>
</context>
<context>
    <name>herald::ConnectionTestRow</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté : %1</translation>
    </message>
</context>
<context>
    <name>herald::CopyCatalog</name>
    <message>
        <source>Herald migrates the target itself</source>
        <translation>Herald migre lui-même la cible</translation>
    </message>
    <message>
        <source>the server counts the copied sends itself (a trigger on sends)</source>
        <translation>le serveur compte lui-même les envois copiés (un déclencheur sur sends)</translation>
    </message>
    <message>
        <source>a lease between running workers, made by the target&apos;s migration</source>
        <translation>un bail entre les processus en cours, créé par la migration de la cible</translation>
    </message>
    <message>
        <source>SQLite&apos;s full-text index of nonprofits; PostgreSQL indexes them itself</source>
        <translation>l&apos;index plein texte SQLite des associations ; PostgreSQL les indexe lui-même</translation>
    </message>
    <message>
        <source>SQLite&apos;s own bookkeeping</source>
        <translation>la comptabilité interne de SQLite</translation>
    </message>
    <message>
        <source>Could not list the tables</source>
        <translation>Impossible de lister les tables</translation>
    </message>
    <message>
        <source>The database has a table Herald does not know how to move: %1. Nothing was copied; this version of Herald cannot move this database.</source>
        <translation>La base de données a une table que Herald ne sait pas déplacer : %1. Rien n&apos;a été copié ; cette version de Herald ne peut pas déplacer cette base de données.</translation>
    </message>
    <message>
        <source>The server&apos;s database has no table %1; open it with this version of Herald first.</source>
        <translation>La base de données du serveur n&apos;a pas de table %1 ; ouvrez-la d&apos;abord avec cette version de Herald.</translation>
    </message>
    <message>
        <source>The server&apos;s table %1 has no column %2; nothing was copied.</source>
        <translation>La table %1 du serveur n&apos;a pas de colonne %2 ; rien n&apos;a été copié.</translation>
    </message>
    <message>
        <source>Could not read the server&apos;s foreign keys</source>
        <translation>Impossible de lire les clés étrangères du serveur</translation>
    </message>
    <message>
        <source>The server&apos;s foreign keys go round in a circle (%1); Herald cannot order the copy.</source>
        <translation>Les clés étrangères du serveur tournent en rond (%1) ; Herald ne peut pas ordonner la copie.</translation>
    </message>
    <message>
        <source>a team server&apos;s own approvals (schema 24): a new server starts with approval off and nothing approved</source>
        <translation>les approbations propres à un serveur d’équipe (schéma 24) : un nouveau serveur démarre avec l’approbation désactivée et rien d’approuvé</translation>
    </message>
    <message>
        <source>when this server last saw each login (schema 25); the logins are the server&apos;s own</source>
        <translation>quand ce serveur a vu chaque identifiant pour la dernière fois (schéma 25) ; les identifiants sont ceux du serveur</translation>
    </message>
</context>
<context>
    <name>herald::CsvBatchRunner</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>The first line of %1 is not a header of column names in UTF-8.</source>
        <translation>La première ligne de %1 n’est pas un en-tête de noms de colonnes en UTF-8.</translation>
    </message>
</context>
<context>
    <name>herald::CsvExportFile</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>L’export a été annulé ; %1 n’a pas été écrit.</translation>
    </message>
</context>
<context>
    <name>herald::CsvReader</name>
    <message>
        <source>Could not read the file: %1</source>
        <translation>Impossible de lire le fichier : %1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
</context>
<context>
    <name>herald::DashboardCharts</name>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nouvel essai</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Taille de la file d’attente</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>Sent/s</source>
        <translation>Envoyés/s</translation>
    </message>
    <message>
        <source>Failed/s</source>
        <translation>Échecs/s</translation>
    </message>
    <message>
        <source>Sends and failures per second</source>
        <translation>Envois et échecs par seconde</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>messages/s</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Taux d’échec</translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation>Seuil d’alerte</translation>
    </message>
    <message>
        <source>Failure rate (rolling window)</source>
        <translation>Taux d’échec (fenêtre glissante)</translation>
    </message>
    <message>
        <source>% of finished</source>
        <translation>% terminés</translation>
    </message>
    <message>
        <source>Send latency (P50, P95, P99)</source>
        <translation>Latence d’envoi (P50, P95, P99)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message numerus="yes">
        <source>Alert above %1 % (over %n min)</source>
        <translation>
            <numerusform>Alerte au-delà de %1 % (sur %n min)</numerusform>
            <numerusform>Alerte au-delà de %1 % (sur %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failure rate over %n min</source>
        <translation>
            <numerusform>Taux d’échec sur %n min</numerusform>
            <numerusform>Taux d’échec sur %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Tous les fournisseurs</translation>
    </message>
</context>
<context>
    <name>herald::DashboardPage</name>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Failure rate &amp;over:</source>
        <translation>Taux d’échec &amp;sur :</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Providers (every sending process)</source>
        <translation>Fournisseurs (tous les processus d’envoi)</translation>
    </message>
    <message>
        <source>Top failure reasons</source>
        <translation>Principaux motifs d’échec</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Circuit</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Expéditeurs</translation>
    </message>
    <message>
        <source>Rate now</source>
        <translation>Débit actuel</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>Impossible de lire les chiffres : %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Closed (healthy)</source>
        <translation>Fermé (sain)</translation>
    </message>
    <message>
        <source>Open (failing over)</source>
        <translation>Ouvert (bascule)</translation>
    </message>
    <message>
        <source>Half-open (probing)</source>
        <translation>Semi-ouvert (test)</translation>
    </message>
    <message>
        <source>Idle (no sender)</source>
        <translation>Inactif (aucun expéditeur)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1/s (slowed from %2/s)</source>
        <translation>%1/s (ralenti depuis %2/s)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No failures in this range</source>
        <translation>Aucun échec sur cette période</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>Bounces and complaints by campaign</source>
        <translation>Rejets et plaintes par campagne</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation>Rejets définitifs</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>Rejets temporaires</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Plaintes</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Désabonnements</translation>
    </message>
    <message>
        <source>The most recent campaigns that sent messages, from the feedback mailbox (Settings → Bounces and complaints). Mailbox providers expect complaints under 0.3 % of the messages sent.</source>
        <translation>Les campagnes les plus récentes ayant envoyé des messages, d’après la boîte de retours (Paramètres → Rejets et plaintes). Les fournisseurs de messagerie attendent moins de 0,3 % de plaintes sur les messages envoyés.</translation>
    </message>
    <message>
        <source>%L1</source>
        <translation>%L1</translation>
    </message>
    <message>
        <source>%L1 (%L2 %)</source>
        <translation>%L1 (%L2 %)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) sent</source>
        <translation>
            <numerusform>%n message envoyé</numerusform>
            <numerusform>%n messages envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>Above %1 %, the complaint rate at which a campaign pauses itself</source>
        <translation>Au-delà de %1 %, le taux de plaintes auquel une campagne se met en pause</translation>
    </message>
    <message>
        <source>No campaign has sent messages yet</source>
        <translation>Aucune campagne n’a encore envoyé de messages</translation>
    </message>
</context>
<context>
    <name>herald::DashboardReader</name>
    <message>
        <source>Could not read the send metrics</source>
        <translation>Impossible de lire les statistiques d’envoi</translation>
    </message>
    <message>
        <source>Could not read the send rate over time</source>
        <translation>Impossible de lire le débit d’envoi dans le temps</translation>
    </message>
    <message>
        <source>Could not read the failure reasons</source>
        <translation>Impossible de lire les causes d’échec</translation>
    </message>
    <message>
        <source>Could not read the queue depth over time</source>
        <translation>Impossible de lire l’évolution de la taille de la file d’attente</translation>
    </message>
    <message>
        <source>Could not read the queue depth</source>
        <translation>Impossible de lire la taille de la file d’attente</translation>
    </message>
    <message>
        <source>Could not read the providers</source>
        <translation>Impossible de lire les fournisseurs</translation>
    </message>
    <message>
        <source>Could not read the state of the providers</source>
        <translation>Impossible de lire l’état des fournisseurs</translation>
    </message>
    <message>
        <source>Could not read the current sending rate</source>
        <translation>Impossible de lire le débit d’envoi actuel</translation>
    </message>
</context>
<context>
    <name>herald::DashboardTiles</name>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 retrying · %2 in flight</source>
        <translation>%1 en nouvel essai · %2 en cours</translation>
    </message>
    <message>
        <source>no sample yet</source>
        <translation>pas encore d’échantillon</translation>
    </message>
    <message>
        <source>Sent per second</source>
        <translation>Envoyés par seconde</translation>
    </message>
    <message>
        <source>%1 sent · %2 failed in the range</source>
        <translation>%1 envoyés · %2 échecs sur la période</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Taux d’échec</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>over the last %n minute(s)</source>
        <translation>
            <numerusform>sur %n minute</numerusform>
            <numerusform>sur les %n dernières minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency P95</source>
        <translation>Latence P95</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>P50 %1 ms · P99 %2 ms</source>
        <translation>P50 %1 ms · P99 %2 ms</translation>
    </message>
</context>
<context>
    <name>herald::Database</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>%1 is not a usable Herald database: %2</source>
        <translation>%1 n’est pas une base de données Herald utilisable : %2</translation>
    </message>
    <message>
        <source>Connected to %1 but could not query it</source>
        <translation>Connecté à %1, mais impossible de l’interroger</translation>
    </message>
</context>
<context>
    <name>herald::DatabaseCopier</name>
    <message>
        <source>Copied %1 rows in %2 tables in %3 s (%4 rows/s). Counts match on both sides.</source>
        <translation>%1 lignes copiées dans %2 tables en %3 s (%4 lignes/s). Les comptes concordent des deux côtés.</translation>
    </message>
    <message>
        <source>%1 %2 = %3</source>
        <translation>%1 %2 = %3</translation>
    </message>
    <message>
        <source>%1 Table by table (this computer = server): %2.</source>
        <translation>%1 Table par table (cet ordinateur = serveur) : %2.</translation>
    </message>
    <message>
        <source>A move copies into a PostgreSQL server; %1 is not one.</source>
        <translation>Un déménagement copie vers un serveur PostgreSQL ; %1 n&apos;en est pas un.</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>La source et la cible sont la même base de données.</translation>
    </message>
    <message>
        <source>%1 has %2 rows here but %3 on the server</source>
        <translation>%1 a %2 lignes ici mais %3 sur le serveur</translation>
    </message>
    <message>
        <source>Moved %1 rows in %2 tables from %3 (%4)</source>
        <translation>%1 lignes déplacées dans %2 tables depuis %3 (%4)</translation>
    </message>
    <message>
        <source>Everything was copied, but the move could not be recorded in the audit log: %1</source>
        <translation>Tout a été copié, mais le déménagement n&apos;a pas pu être inscrit au journal d&apos;audit : %1</translation>
    </message>
    <message>
        <source>Could not check whether %1 is empty</source>
        <translation>Impossible de vérifier si %1 est vide</translation>
    </message>
    <message>
        <source>The server&apos;s database is not empty: table %1 has rows. Herald moves data only into an empty database, so nothing there is overwritten; make a new database for the team and move into that.</source>
        <translation>La base de données du serveur n&apos;est pas vide : la table %1 a des lignes. Herald ne déplace des données que vers une base vide, pour ne rien écraser ; créez une nouvelle base pour l&apos;équipe et déménagez-y.</translation>
    </message>
    <message>
        <source>Could not count the rows of %1</source>
        <translation>Impossible de compter les lignes de %1</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>Impossible de lire %1</translation>
    </message>
    <message>
        <source>The move was cancelled</source>
        <translation>Le déménagement a été annulé</translation>
    </message>
    <message>
        <source>Could not set the next id of %1</source>
        <translation>Impossible de fixer le prochain id de %1</translation>
    </message>
    <message>
        <source>The move failed: %1</source>
        <translation>Le déménagement a échoué : %1</translation>
    </message>
    <message>
        <source>%1. Nothing was copied: the server&apos;s database is still empty.</source>
        <translation>%1. Rien n&apos;a été copié : la base de données du serveur est toujours vide.</translation>
    </message>
    <message>
        <source>Could not empty %1</source>
        <translation>Impossible de vider %1</translation>
    </message>
    <message>
        <source>%1. The %2 tables copied so far were emptied again: the server&apos;s database is empty, ready for another try.</source>
        <translation>%1. Les %2 tables copiées jusqu&apos;ici ont été vidées de nouveau : la base de données du serveur est vide, prête pour un nouvel essai.</translation>
    </message>
    <message>
        <source>%1 (%2 rows)</source>
        <translation>%1 (%2 lignes)</translation>
    </message>
    <message>
        <source>%1. These tables were copied and could not be emptied again (%2): %3. Empty them or make a new database before trying again.</source>
        <translation>%1. Ces tables ont été copiées et n&apos;ont pas pu être vidées de nouveau (%2) : %3. Videz-les ou créez une nouvelle base avant de réessayer.</translation>
    </message>
    <message>
        <source>Could not copy table %1</source>
        <translation>Impossible de copier la table %1</translation>
    </message>
</context>
<context>
    <name>herald::DkimDomainKey</name>
    <message>
        <source>The selector is empty; it names the DNS record (&lt;selector&gt;._domainkey.&lt;domain&gt;).</source>
        <translation>Le sélecteur est vide ; il donne son nom à l’enregistrement DNS (&lt;selector&gt;._domainkey.&lt;domain&gt;).</translation>
    </message>
    <message>
        <source>The selector “%1” may hold only letters, digits, hyphens and dots.</source>
        <translation>Le sélecteur « %1 » ne peut contenir que des lettres, des chiffres, des tirets et des points.</translation>
    </message>
    <message>
        <source>“%1” is not a domain name such as example.org.</source>
        <translation>« %1 » n’est pas un nom de domaine comme example.org.</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyPair</name>
    <message>
        <source>unknown OpenSSL error</source>
        <translation>erreur OpenSSL inconnue</translation>
    </message>
    <message>
        <source>Could not write the private key: %1</source>
        <translation>Impossible d’écrire la clé privée : %1</translation>
    </message>
    <message>
        <source>Could not read the public key: %1</source>
        <translation>Impossible de lire la clé publique : %1</translation>
    </message>
    <message>
        <source>This is not a private key in PEM form (it should start with “-----BEGIN PRIVATE KEY-----” or “-----BEGIN RSA PRIVATE KEY-----”).</source>
        <translation>Ce n’est pas une clé privée au format PEM (elle devrait commencer par « -----BEGIN PRIVATE KEY----- » ou « -----BEGIN RSA PRIVATE KEY----- »).</translation>
    </message>
    <message>
        <source>The key has %1 bits; receivers ignore DKIM keys under %2 bits. Generate a %3-bit key instead.</source>
        <translation>La clé fait %1 bits ; les destinataires ignorent les clés DKIM de moins de %2 bits. Générez plutôt une clé de %3 bits.</translation>
    </message>
    <message>
        <source>Could not generate a key: %1</source>
        <translation>Impossible de générer une clé : %1</translation>
    </message>
    <message>
        <source>The key is an RSA key; an Ed25519 key is needed here.</source>
        <translation>La clé est une clé RSA ; une clé Ed25519 est nécessaire ici.</translation>
    </message>
    <message>
        <source>The key is an Ed25519 key; an RSA key is needed here.</source>
        <translation>La clé est une clé Ed25519 ; une clé RSA est nécessaire ici.</translation>
    </message>
    <message>
        <source>The key is neither an RSA nor an Ed25519 key; DKIM signs with those two only.</source>
        <translation>La clé n’est ni une clé RSA ni une clé Ed25519 ; DKIM ne signe qu’avec ces deux types.</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyRepository</name>
    <message>
        <source>The DKIM key for %1 has no public key.</source>
        <translation>La clé DKIM de %1 n’a pas de clé publique.</translation>
    </message>
    <message>
        <source>Could not save the DKIM key for %1</source>
        <translation>Impossible d’enregistrer la clé DKIM de %1</translation>
    </message>
    <message>
        <source>Could not read the DKIM key for %1</source>
        <translation>Impossible de lire la clé DKIM de %1</translation>
    </message>
    <message>
        <source>Herald has no DKIM key for %1.</source>
        <translation>Herald n’a aucune clé DKIM pour %1.</translation>
    </message>
    <message>
        <source>Could not read the DKIM keys</source>
        <translation>Impossible de lire les clés DKIM</translation>
    </message>
    <message>
        <source>Could not delete the DKIM key for %1</source>
        <translation>Impossible de supprimer la clé DKIM de %1</translation>
    </message>
    <message>
        <source>The Ed25519 key for %1 has no public key.</source>
        <translation>La clé Ed25519 de %1 n’a pas de clé publique.</translation>
    </message>
    <message>
        <source>%1 has no RSA key yet: receivers that do not know Ed25519 need one. Generate or import the RSA key first.</source>
        <translation>%1 n’a pas encore de clé RSA : les destinataires qui ne connaissent pas Ed25519 en ont besoin. Générez ou importez d’abord la clé RSA.</translation>
    </message>
    <message>
        <source>The RSA key of %1 already uses the selector %2: the Ed25519 key needs a record of its own.</source>
        <translation>La clé RSA de %1 utilise déjà le sélecteur %2 : la clé Ed25519 a besoin de son propre enregistrement.</translation>
    </message>
    <message>
        <source>Could not save the Ed25519 key for %1</source>
        <translation>Impossible d’enregistrer la clé Ed25519 de %1</translation>
    </message>
    <message>
        <source>Could not delete the Ed25519 key for %1</source>
        <translation>Impossible de supprimer la clé Ed25519 de %1</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyring</name>
    <message>
        <source>The private key of %1 is kept only until Herald closes: %2</source>
        <translation>La clé privée de %1 n’est conservée que jusqu’à la fermeture de Herald : %2</translation>
    </message>
    <message>
        <source>%1 names the file %2, which cannot be read: %3</source>
        <translation>%1 désigne le fichier %2, qui ne peut pas être lu : %3</translation>
    </message>
    <message>
        <source>The private DKIM key for %1 is not on this computer (%2). Import it in Settings → Sender domains, or give it to a headless worker in %3.</source>
        <translation>La clé DKIM privée de %1 n’est pas sur cet ordinateur (%2). Importez-la dans Paramètres → Domaines d’expéditeur, ou fournissez-la à un worker sans interface dans %3.</translation>
    </message>
    <message>
        <source>The private DKIM key for %1: %2</source>
        <translation>La clé DKIM privée de %1 : %2</translation>
    </message>
    <message>
        <source>The private DKIM key for %1 on this computer does not match the key in the database (selector %2); mail signed with it would fail. Import the current key in Settings → Sender domains.</source>
        <translation>La clé DKIM privée de %1 sur cet ordinateur ne correspond pas à la clé de la base de données (sélecteur %2) ; les messages signés avec elle échoueraient à la vérification. Importez la clé actuelle dans Paramètres → Domaines d’expéditeur.</translation>
    </message>
    <message>
        <source>The private Ed25519 DKIM key for %1 is not on this computer (%2). Import it in Settings → Sender domains, or give it to a headless worker in %3.</source>
        <translation>La clé DKIM Ed25519 privée de %1 n’est pas sur cet ordinateur (%2). Importez-la dans Paramètres → Domaines d’expéditeur, ou fournissez-la à un worker sans interface dans %3.</translation>
    </message>
</context>
<context>
    <name>herald::DkimSigner</name>
    <message>
        <source>its private key could not be read: %1</source>
        <translation>sa clé privée n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>its key cannot make RSA signatures: %1</source>
        <translation>sa clé ne peut pas produire de signatures RSA : %1</translation>
    </message>
    <message>
        <source>DKIM signing for %1 failed: %2</source>
        <translation>La signature DKIM pour %1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>herald::DomainCheckReport</name>
    <message>
        <source>pass</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>incorrect</translation>
    </message>
    <message>
        <source>lookup failed</source>
        <translation>échec de la requête</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>herald::EditorImport</name>
    <message>
        <source>Opened as HTML: the template has an HTML comment, which the visual editor would drop.</source>
        <translation>Ouvert en HTML : le modèle contient un commentaire HTML, que l’éditeur visuel supprimerait.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template uses CSS classes from a &lt;style&gt; block; the visual editor keeps only inline styles.</source>
        <translation>Ouvert en HTML : le modèle utilise des classes CSS d’un bloc &lt;style&gt; ; l’éditeur visuel ne garde que les styles en ligne.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template has a &lt;style&gt; block, whose rules the visual editor would drop.</source>
        <translation>Ouvert en HTML : le modèle contient un bloc &lt;style&gt;, dont l’éditeur visuel supprimerait les règles.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template uses a &lt;table&gt; layout, which the visual editor cannot keep.</source>
        <translation>Ouvert en HTML : le modèle utilise une mise en page en &lt;table&gt;, que l’éditeur visuel ne peut pas garder.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template has a &lt;%1&gt; element, which the visual editor cannot keep.</source>
        <translation>Ouvert en HTML : le modèle contient un élément &lt;%1&gt;, que l’éditeur visuel ne peut pas garder.</translation>
    </message>
    <message>
        <source>Opened as HTML: the style &quot;%1&quot; on &lt;%2&gt; would be lost in the visual editor.</source>
        <translation>Ouvert en HTML : le style « %1 » de &lt;%2&gt; serait perdu dans l’éditeur visuel.</translation>
    </message>
    <message>
        <source>Opened as HTML: the attribute %1=&quot;%2&quot; on &lt;%3&gt; would be lost in the visual editor.</source>
        <translation>Ouvert en HTML : l’attribut %1=&quot;%2&quot; de &lt;%3&gt; serait perdu dans l’éditeur visuel.</translation>
    </message>
</context>
<context>
    <name>herald::EditorToolbar</name>
    <message>
        <source>Paragraph style</source>
        <translation>Style de paragraphe</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraphe</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Titre 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Titre 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Titre 3</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the Bold button&apos;s letter</comment>
        <translation>G</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <source>I</source>
        <comment>the Italic button&apos;s letter</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Souligné</translation>
    </message>
    <message>
        <source>U</source>
        <comment>the Underline button&apos;s letter</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Text Colour…</source>
        <translation>Couleur du texte…</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Align Left</source>
        <translation>Aligner à gauche</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centrer</translation>
    </message>
    <message>
        <source>Align Right</source>
        <translation>Aligner à droite</translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lien…</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>Button…</source>
        <translation>Bouton…</translation>
    </message>
    <message>
        <source>Insert a button: a link that looks like a button</source>
        <translation>Insérer un bouton : un lien qui a l&apos;aspect d&apos;un bouton</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Filet</translation>
    </message>
    <message>
        <source>Insert a horizontal rule</source>
        <translation>Insérer un filet horizontal</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
</context>
<context>
    <name>herald::EmailAddress</name>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>has spaces around it</source>
        <translation>est entourée d’espaces</translation>
    </message>
    <message>
        <source>is longer than 254 characters</source>
        <translation>dépasse 254 caractères</translation>
    </message>
    <message>
        <source>has no &apos;@&apos;</source>
        <translation>n’a pas de « @ »</translation>
    </message>
    <message>
        <source>has nothing before the &apos;@&apos;</source>
        <translation>n’a rien avant le « @ »</translation>
    </message>
    <message>
        <source>has more than 64 characters before the &apos;@&apos;</source>
        <translation>a plus de 64 caractères avant le « @ »</translation>
    </message>
    <message>
        <source>has characters that are not allowed before the &apos;@&apos;</source>
        <translation>contient des caractères non autorisés avant le « @ »</translation>
    </message>
    <message>
        <source>has no domain after the &apos;@&apos;</source>
        <translation>n’a pas de domaine après le « @ »</translation>
    </message>
    <message>
        <source>has an invalid domain &apos;%1&apos;</source>
        <translation>a un domaine invalide « %1 »</translation>
    </message>
</context>
<context>
    <name>herald::EmailClientChecks</name>
    <message>
        <source>The image %1 has no alt text; many email clients show images only on request, and screen readers read the alt text instead.</source>
        <translation>L’image %1 n’a pas de texte alternatif ; beaucoup de clients de messagerie n’affichent les images que sur demande, et les lecteurs d’écran lisent le texte alternatif à leur place.</translation>
    </message>
    <message>
        <source>The image %1 is %2 px wide, wider than the %3 px layout; email clients cut it off or shrink it.</source>
        <translation>L’image %1 fait %2 px de large, plus que la mise en page de %3 px ; les clients de messagerie la coupent ou la rétrécissent.</translation>
    </message>
    <message>
        <source>The image %1 has a relative URL, which leads nowhere in an email; use a full address starting with https://.</source>
        <translation>L’image %1 a une URL relative, qui ne mène nulle part dans un e-mail ; utilisez une adresse complète commençant par https://.</translation>
    </message>
    <message>
        <source>The link %1 has a relative URL, which leads nowhere in an email; use a full address starting with https://.</source>
        <translation>Le lien %1 a une URL relative, qui ne mène nulle part dans un e-mail ; utilisez une adresse complète commençant par https://.</translation>
    </message>
    <message>
        <source>The HTML body is %1 KB; Gmail clips messages over 102 KB and hides the rest, the unsubscribe link included, behind &quot;View entire message&quot;.</source>
        <translation>Le corps HTML fait %1 Ko ; Gmail tronque les messages de plus de 102 Ko et cache le reste, lien de désinscription compris, derrière « Afficher l’intégralité du message ».</translation>
    </message>
</context>
<context>
    <name>herald::EngagementButton</name>
    <message>
        <source>En&amp;gagement…</source>
        <translation>En&amp;gagement…</translation>
    </message>
    <message>
        <source>Opens and clicks of the campaign, people&apos;s and machines&apos; apart</source>
        <translation>Ouvertures et clics de la campagne, ceux des personnes et ceux des machines séparés</translation>
    </message>
    <message>
        <source>Campaign Engagement…</source>
        <translation>Engagement de la campagne…</translation>
    </message>
    <message>
        <source>Opens and clicks of the selected campaign, people&apos;s and machines&apos; apart</source>
        <translation>Ouvertures et clics de la campagne sélectionnée, ceux des personnes et ceux des machines séparés</translation>
    </message>
</context>
<context>
    <name>herald::EngagementChart</name>
    <message>
        <source>Show &amp;machines</source>
        <translation>Afficher les &amp;machines</translation>
    </message>
    <message>
        <source>People&apos;s opens</source>
        <translation>Ouvertures des personnes</translation>
    </message>
    <message>
        <source>People&apos;s clicks</source>
        <translation>Clics des personnes</translation>
    </message>
    <message>
        <source>Machines&apos; opens</source>
        <translation>Ouvertures des machines</translation>
    </message>
    <message>
        <source>Machines&apos; clicks</source>
        <translation>Clics des machines</translation>
    </message>
    <message>
        <source>Days since the first delivery</source>
        <translation>Jours depuis la première remise</translation>
    </message>
    <message>
        <source>Per %1 hours</source>
        <translation>Par tranche de %1 heures</translation>
    </message>
    <message>
        <source>Opens and clicks in the first 7 days</source>
        <translation>Ouvertures et clics des 7 premiers jours</translation>
    </message>
    <message>
        <source>Add the opens and clicks of link scanners and image proxies, as light dashed lines.</source>
        <translation>Ajouter les ouvertures et les clics des analyseurs de liens et des proxys d’images, en pointillés clairs.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementDialog</name>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Engagement — %1</source>
        <translation>Engagement — %1</translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventFlusher</name>
    <message>
        <source>Recording opens and clicks again.</source>
        <translation>Les ouvertures et clics sont de nouveau enregistrés.</translation>
    </message>
    <message>
        <source>Could not record opens and clicks, keeping them in the spool %1 to try again: %2</source>
        <translation>Impossible d&apos;enregistrer les ouvertures et les clics ; ils restent dans le spool %1 pour un nouvel essai : %2</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n line(s) of %1 that are not events (a kill cuts off the last one).</source>
        <translation>
            <numerusform>%n ligne de %1 ignorée : ce n&apos;est pas un événement (un arrêt brutal coupe la dernière).</numerusform>
            <numerusform>%n lignes de %1 ignorées : ce ne sont pas des événements (un arrêt brutal coupe la dernière).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventLog</name>
    <message>
        <source>Could not count the opens and clicks recorded for campaign #%1</source>
        <translation>Impossible de compter les ouvertures et les clics enregistrés de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks recorded for campaign #%1</source>
        <translation>Impossible de lire les ouvertures et les clics enregistrés de la campagne n° %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not read the opens and clicks of %n message(s)</source>
        <translation>
            <numerusform>Impossible de lire les ouvertures et les clics de %n message</numerusform>
            <numerusform>Impossible de lire les ouvertures et les clics de %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventWriter</name>
    <message numerus="yes">
        <source>Could not record %n open(s) and click(s)</source>
        <translation>
            <numerusform>Impossible d’enregistrer %n ouverture ou clic</numerusform>
            <numerusform>Impossible d’enregistrer %n ouvertures et clics</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not record spool segment %1 of %2</source>
        <translation>Impossible d&apos;enregistrer le segment %1 du spool de %2</translation>
    </message>
    <message>
        <source>Could not forget the earlier spool segments of %1</source>
        <translation>Impossible d&apos;oublier les segments précédents du spool de %1</translation>
    </message>
    <message>
        <source>Could not forget the spool segments of %1</source>
        <translation>Impossible d&apos;oublier les segments du spool de %1</translation>
    </message>
    <message>
        <source>Could not prune old rows of engagement_spool_segments</source>
        <translation>Impossible de supprimer les anciennes lignes de engagement_spool_segments</translation>
    </message>
</context>
<context>
    <name>herald::EngagementFiguresBlock</name>
    <message>
        <source>Opens</source>
        <translation>Ouvertures</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>Ouvertures uniques</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Taux d’ouverture</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics uniques</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Taux de clic</translation>
    </message>
    <message>
        <source>Click-to-open rate</source>
        <translation>Taux de clic par ouverture</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Messages the receiving servers accepted; the rates are fractions of these.</source>
        <translation>Messages acceptés par les serveurs destinataires ; les taux en sont des fractions.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Opens and clicks Herald ascribes to a person reading the message.</source>
        <translation>Ouvertures et clics que Herald attribue à une personne qui lit le message.</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Opens and clicks by mail servers&apos; link scanners and image proxies (such as Apple Mail Privacy Protection), which fetch every message whether anyone reads it or not.</source>
        <translation>Ouvertures et clics des analyseurs de liens et des proxys d’images des serveurs de messagerie (comme la protection de la confidentialité de Mail d’Apple), qui récupèrent chaque message, qu’on le lise ou non.</translation>
    </message>
    <message>
        <source>≈ Approximate: anonymous tracking counts events, not people.</source>
        <translation>≈ Approximatif : le suivi anonyme compte des évènements, pas des personnes.</translation>
    </message>
    <message>
        <source>People: %1</source>
        <translation>Personnes : %1</translation>
    </message>
    <message>
        <source>Machines: %1</source>
        <translation>Machines : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them known from a click only (the image was not loaded).</source>
        <translation>
            <numerusform>%n d’entre elles connue par un clic seulement (l’image n’a pas été chargée).</numerusform>
            <numerusform>%n d’entre elles connues par un clic seulement (l’image n’a pas été chargée).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementLinksTable</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>People&apos;s clicks</source>
        <translation>Clics des personnes</translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation>Personnes ayant cliqué</translation>
    </message>
    <message>
        <source>Machines&apos; clicks</source>
        <translation>Clics des machines</translation>
    </message>
    <message>
        <source>The link&apos;s number in the message, as the Recipients tab lists it.</source>
        <translation>Le numéro du lien dans le message, tel que l’onglet Destinataires l’indique.</translation>
    </message>
    <message>
        <source>Recipients who clicked the link (per-recipient tracking only).</source>
        <translation>Destinataires ayant cliqué sur le lien (suivi par destinataire seulement).</translation>
    </message>
    <message>
        <source>Clicks by link scanners that open every link of a message.</source>
        <translation>Clics des analyseurs qui ouvrent tous les liens d’un message.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRecipientsModel</name>
    <message>
        <source>Only machines (mail scanners, image proxies) opened or clicked this message.</source>
        <translation>Seules des machines (analyseurs de courrier, proxys d’images) ont ouvert ce message ou cliqué dedans.</translation>
    </message>
    <message>
        <source>Machines only</source>
        <translation>Machines seulement</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>First opened</source>
        <translation>Première ouverture</translation>
    </message>
    <message>
        <source>First clicked</source>
        <translation>Premier clic</translation>
    </message>
    <message>
        <source>Links clicked</source>
        <translation>Liens cliqués</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRecipientsTab</name>
    <message>
        <source>Search name, address or city…</source>
        <translation>Rechercher un nom, une adresse ou une ville…</translation>
    </message>
    <message>
        <source>&amp;People only</source>
        <translation>&amp;Personnes seulement</translation>
    </message>
    <message>
        <source>Search recipients</source>
        <translation>Rechercher des destinataires</translation>
    </message>
    <message>
        <source>Leave out the recipients whose message only machines (link scanners, image proxies) opened or clicked.</source>
        <translation>Écarter les destinataires dont le message n’a été ouvert ou cliqué que par des machines (analyseurs de liens, proxys d’images).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s) opened or clicked</source>
        <translation>
            <numerusform>%Ln destinataire a ouvert ou cliqué</numerusform>
            <numerusform>%Ln destinataires ont ouvert ou cliqué</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementReport</name>
    <message>
        <source>Could not read the opens and clicks of campaign #%1</source>
        <translation>Impossible de lire les ouvertures et les clics de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of campaign #%1 by hour</source>
        <translation>Impossible de lire par heure les ouvertures et les clics de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read the clicks per link of campaign #%1</source>
        <translation>Impossible de lire les clics par lien de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of recent campaigns</source>
        <translation>Impossible de lire les ouvertures et les clics des campagnes récentes</translation>
    </message>
    <message>
        <source>Could not read who opened and clicked campaign #%1</source>
        <translation>Impossible de lire qui a ouvert la campagne n° %1 et cliqué dedans</translation>
    </message>
    <message>
        <source>Could not count who opened and clicked campaign #%1</source>
        <translation>Impossible de compter qui a ouvert la campagne n° %1 et cliqué dedans</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRetention</name>
    <message>
        <source>Opens and clicks are kept 1 to %1 months.</source>
        <translation>Les ouvertures et les clics sont conservés de 1 à %1 mois.</translation>
    </message>
    <message numerus="yes">
        <source>Could not remove opens and clicks older than %n month(s)</source>
        <translation>
            <numerusform>Impossible de supprimer les ouvertures et les clics de plus de %n mois</numerusform>
            <numerusform>Impossible de supprimer les ouvertures et les clics de plus de %n mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollerLease</name>
    <message>
        <source>Could not take the lease to roll up opens and clicks</source>
        <translation>Impossible de prendre le tour pour consolider les ouvertures et les clics</translation>
    </message>
    <message>
        <source>Could not give up the lease to roll up opens and clicks</source>
        <translation>Impossible de céder le tour pour consolider les ouvertures et les clics</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollup</name>
    <message numerus="yes">
        <source>Another process rolled up some of these %n open(s) and click(s) first; nothing was counted twice, and the next pass goes on from there</source>
        <translation>
            <numerusform>Un autre processus a consolidé en premier %n ouverture ou clic de ce lot ; rien n’a été compté deux fois, et la passe suivante reprend à partir de là</numerusform>
            <numerusform>Un autre processus a consolidé certains de ces %n ouvertures et clics en premier ; rien n’a été compté deux fois, et la passe suivante reprend à partir de là</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupReader</name>
    <message>
        <source>Could not read the opens and clicks waiting to be rolled up</source>
        <translation>Impossible de lire les ouvertures et les clics en attente de consolidation</translation>
    </message>
    <message numerus="yes">
        <source>Could not read the tracked links of %n campaign(s)</source>
        <translation>
            <numerusform>Impossible de lire les liens suivis de %n campagne</numerusform>
            <numerusform>Impossible de lire les liens suivis de %n campagnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the delivery times of %n message(s)</source>
        <translation>
            <numerusform>Impossible de lire l’heure de remise de %n message</numerusform>
            <numerusform>Impossible de lire les heures de remise de %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks of %n message(s) so far</source>
        <translation>
            <numerusform>Impossible de lire les clics déjà enregistrés de %n message</numerusform>
            <numerusform>Impossible de lire les clics déjà enregistrés de %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks around %n message(s)</source>
        <translation>
            <numerusform>Impossible de lire les clics voisins de %n message</numerusform>
            <numerusform>Impossible de lire les clics voisins de %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupWriter</name>
    <message numerus="yes">
        <source>Could not mark %n open(s) and click(s) as rolled up</source>
        <translation>
            <numerusform>Impossible de marquer %n ouverture ou clic comme consolidé</numerusform>
            <numerusform>Impossible de marquer %n ouvertures et clics comme consolidés</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks of the campaigns</source>
        <translation>Impossible d’ajouter aux ouvertures et aux clics des campagnes</translation>
    </message>
    <message>
        <source>Could not add to the clicks of the links</source>
        <translation>Impossible d’ajouter aux clics des liens</translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks per hour</source>
        <translation>Impossible d’ajouter aux ouvertures et aux clics par heure</translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks of the recipients</source>
        <translation>Impossible d’ajouter aux ouvertures et aux clics des destinataires</translation>
    </message>
    <message>
        <source>Could not add to the clicks of the recipients per link</source>
        <translation>Impossible d’ajouter aux clics des destinataires par lien</translation>
    </message>
</context>
<context>
    <name>herald::EngagementSettingsPanel</name>
    <message>
        <source>Save engagemen&amp;t settings</source>
        <translation>Enregistrer les réglages d’&amp;engagement</translation>
    </message>
    <message>
        <source>&lt;b&gt;Engagement&lt;/b&gt;</source>
        <translation>&lt;b&gt;Engagement&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tracked campaigns count opens and clicks through herald serve: the open pixel, the click redirects and the link to view a message in the browser point at this address. TLS ends at your organisation&apos;s web server, which forwards these requests to herald serve --listen. Without an address, campaigns are sent without tracking. Kept in the database: it applies to everyone using it.</source>
        <translation>Les campagnes suivies comptent les ouvertures et les clics via herald serve : le pixel d’ouverture, les redirections de clics et le lien pour afficher un message dans le navigateur pointent vers cette adresse. TLS se termine sur le serveur web de votre organisation, qui transmet ces requêtes à herald serve --listen. Sans adresse, les campagnes sont envoyées sans suivi. Enregistré dans la base de données : s’applique à tous ceux qui l’utilisent.</translation>
    </message>
    <message>
        <source>Per-recipient tracking: only for nonprofits whose consent is “Consent given” (Nonprofits → Edit); the others are counted anonymously, per campaign and link.</source>
        <translation>Suivi par destinataire : uniquement pour les associations dont le consentement est « Consentement donné » (Associations → Modifier) ; les autres sont comptées anonymement, par campagne et par lien.</translation>
    </message>
    <message>
        <source>Pu&amp;blic address of herald serve:</source>
        <translation>Adresse pu&amp;blique de herald serve :</translation>
    </message>
    <message>
        <source>Saved. Campaigns queued from now on are sent without tracking.</source>
        <translation>Enregistré. Les campagnes mises en file à partir de maintenant sont envoyées sans suivi.</translation>
    </message>
    <message>
        <source>Saved. Campaigns queued from now on are tracked through %1.</source>
        <translation>Enregistré. Les campagnes mises en file à partir de maintenant sont suivies via %1.</translation>
    </message>
    <message>
        <source>herald serve deletes older raw events, with the network and kind of program each came from. Reports (opens and clicks per campaign, link and hour) are kept regardless.</source>
        <translation>herald serve supprime les événements bruts plus anciens, avec le réseau et le type de programme de chacun. Les rapports (ouvertures et clics par campagne, lien et heure) sont conservés dans tous les cas.</translation>
    </message>
    <message>
        <source>Keep raw open and click &amp;events for:</source>
        <translation>Conserver les &amp;événements bruts d’ouverture et de clic :</translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <comment>after the number of months raw events are kept</comment>
        <translation>
            <numerusform> mois</numerusform>
            <numerusform> mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Raw opens and clicks are kept %n month(s).</source>
        <translation>
            <numerusform>Les ouvertures et clics bruts sont conservés %n mois.</numerusform>
            <numerusform>Les ouvertures et clics bruts sont conservés %n mois.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementSpool</name>
    <message>
        <source>Could not make the spool directory %1.</source>
        <translation>Impossible de créer le répertoire de spool %1.</translation>
    </message>
    <message>
        <source>Another herald serve uses the spool directory %1 (give each its own with --spool-dir).</source>
        <translation>Un autre herald serve utilise le répertoire de spool %1 (donnez-en un à chacun avec --spool-dir).</translation>
    </message>
    <message>
        <source>Cannot write in the spool directory %1.</source>
        <translation>Impossible d&apos;écrire dans le répertoire de spool %1.</translation>
    </message>
    <message>
        <source>Cannot read %1 in the spool directory.</source>
        <translation>Impossible de lire %1 dans le répertoire de spool.</translation>
    </message>
    <message>
        <source>Could not write to %1, keeping the events in memory: %2</source>
        <translation>Impossible d&apos;écrire dans %1 ; les événements restent en mémoire : %2</translation>
    </message>
    <message>
        <source>Writing to the spool %1 again.</source>
        <translation>Écriture dans le spool %1 rétablie.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Could not delete %1, which is in the database: %2</source>
        <translation>Impossible de supprimer %1, déjà dans la base de données : %2</translation>
    </message>
</context>
<context>
    <name>herald::EngagementText</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>per recipient</source>
        <translation>par destinataire</translation>
    </message>
    <message>
        <source>This campaign was tracked anonymously: Herald counts open and click events, not people. Someone who opens the message twice counts twice, so the rates come from the event totals and can pass 100 %.</source>
        <translation>Cette campagne a été suivie anonymement : Herald compte des évènements d’ouverture et de clic, pas des personnes. Quelqu’un qui ouvre le message deux fois compte deux fois ; les taux viennent donc des totaux d’évènements et peuvent dépasser 100 %.</translation>
    </message>
    <message>
        <source>Unknown with anonymous tracking: nobody&apos;s opens and clicks can be told apart.</source>
        <translation>Inconnu avec le suivi anonyme : les ouvertures et les clics de chacun ne peuvent pas être distingués.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementVerdict</name>
    <message>
        <source>Nothing marks this as a machine: a person&apos;s mail app or browser made the request.</source>
        <translation>Rien n’indique une machine : la requête vient de l’application de messagerie ou du navigateur d’une personne.</translation>
    </message>
    <message>
        <source>The person clicked a link in the message, so they opened it, even though the image did not load.</source>
        <translation>La personne a cliqué sur un lien du message, elle l’a donc ouvert, même si l’image ne s’est pas chargée.</translation>
    </message>
    <message>
        <source>Gmail&apos;s image proxy fetches the image when the person opens the message.</source>
        <translation>Le proxy d’images de Gmail télécharge l’image quand la personne ouvre le message.</translation>
    </message>
    <message>
        <source>Yahoo Mail&apos;s image proxy fetches the image when the person opens the message.</source>
        <translation>Le proxy d’images de Yahoo Mail télécharge l’image quand la personne ouvre le message.</translation>
    </message>
    <message>
        <source>Apple Mail Privacy Protection fetched the image for the mail app; it tells nothing about a person opening it.</source>
        <translation>La protection de la confidentialité de Mail d’Apple a téléchargé l’image pour l’application de messagerie ; cela ne dit rien d’une personne qui l’aurait ouvert.</translation>
    </message>
    <message>
        <source>The request named itself only &quot;Mozilla/5.0&quot;, as Apple&apos;s privacy fetcher does; no person&apos;s browser sends that alone.</source>
        <translation>La requête s’est présentée seulement comme « Mozilla/5.0 », comme le fait le téléchargeur de confidentialité d’Apple ; aucun navigateur d’une personne n’envoie cela seul.</translation>
    </message>
    <message>
        <source>A HEAD request only checks that the address works; browsers and mail apps ask for the content.</source>
        <translation>Une requête HEAD vérifie seulement que l’adresse répond ; les navigateurs et les applications de messagerie demandent le contenu.</translation>
    </message>
    <message>
        <source>The request did not say which program sent it; browsers and mail apps always do.</source>
        <translation>La requête n’a pas dit quel programme l’a envoyée ; les navigateurs et les applications de messagerie le disent toujours.</translation>
    </message>
    <message>
        <source>A mail security service checked the link or image before the person saw the message.</source>
        <translation>Un service de sécurité de la messagerie a vérifié le lien ou l’image avant que la personne ne voie le message.</translation>
    </message>
    <message>
        <source>A chat or social app fetched the address to show a preview of the link.</source>
        <translation>Une application de discussion ou un réseau social a téléchargé l’adresse pour afficher un aperçu du lien.</translation>
    </message>
    <message>
        <source>A script or command-line tool made the request, not a browser.</source>
        <translation>La requête vient d’un script ou d’un outil en ligne de commande, pas d’un navigateur.</translation>
    </message>
    <message>
        <source>A browser without a screen made the request, as automated checks do.</source>
        <translation>La requête vient d’un navigateur sans écran, comme le font les vérifications automatiques.</translation>
    </message>
    <message>
        <source>A robot (a crawler or another bot) named itself in the request.</source>
        <translation>Un robot (un robot d’indexation ou un autre bot) s’est nommé dans la requête.</translation>
    </message>
    <message>
        <source>The link is hidden in the message, where no person can see or click it; only programs follow it.</source>
        <translation>Le lien est caché dans le message, là où personne ne peut le voir ni cliquer dessus ; seuls des programmes le suivent.</translation>
    </message>
    <message>
        <source>The link was followed seconds after delivery, sooner than a person can read the message and click.</source>
        <translation>Le lien a été suivi quelques secondes après la remise, plus tôt qu’une personne ne peut lire le message et cliquer.</translation>
    </message>
    <message>
        <source>Several links of the message were followed within one second, faster than a person can click.</source>
        <translation>Plusieurs liens du message ont été suivis en moins d’une seconde, plus vite qu’une personne ne peut cliquer.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementView</name>
    <message>
        <source>E&amp;xport Events as CSV…</source>
        <translation>E&amp;xporter les évènements en CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Résumé</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>&amp;Liens</translation>
    </message>
    <message>
        <source>Re&amp;cipients</source>
        <translation>&amp;Destinataires</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the figures again</source>
        <translation>Relire les chiffres</translation>
    </message>
    <message>
        <source>Write every open and click of this campaign to a CSV file: time, kind, link, person or machine and why, and the recipient&apos;s address where tracked per recipient.</source>
        <translation>Écrire chaque ouverture et chaque clic de cette campagne dans un fichier CSV : heure, type, lien, personne ou machine et pourquoi, et l’adresse du destinataire en cas de suivi par destinataire.</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>first delivered %1</source>
        <translation>première remise le %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) delivered</source>
        <translation>
            <numerusform>%Ln message remis</numerusform>
            <numerusform>%Ln messages remis</numerusform>
        </translation>
    </message>
    <message>
        <source>Opens and clicks were not tracked for this campaign: its tracking was off when it was sent, so there is nothing to count. Choose anonymous or per-recipient tracking in the campaign editor (Opens and clicks) for the next one.</source>
        <translation>Les ouvertures et les clics de cette campagne n’ont pas été suivis : le suivi était désactivé lors de l’envoi, il n’y a donc rien à compter. Choisissez le suivi anonyme ou par destinataire dans l’éditeur de campagne (Ouvertures et clics) pour la prochaine.</translation>
    </message>
    <message>
        <source>&amp;Links (%1)</source>
        <translation>&amp;Liens (%1)</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>Exporter les évènements</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to %1.</source>
        <translation>
            <numerusform>%Ln évènement exporté vers %1.</numerusform>
            <numerusform>%Ln évènements exportés vers %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ExportRunner</name>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackIntake</name>
    <message>
        <source>No feedback mailbox is set up: enter its server and user in Settings → Bounces and complaints.</source>
        <translation>Aucune boîte de retours n’est configurée : saisissez son serveur et son utilisateur dans Paramètres → Rejets et plaintes.</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackIntakeRunner</name>
    <message numerus="yes">
        <source>Read %n message(s): </source>
        <translation>
            <numerusform>%n message lu : </numerusform>
            <numerusform>%n messages lus : </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hard bounce(s), %2 soft bounce(s), %3 complaint(s), %4 unsubscribe(s); %5 left unread for you.</source>
        <translation>%1 rejet(s) définitif(s), %2 rejet(s) temporaire(s), %3 plainte(s), %4 désabonnement(s) ; %5 laissé(s) non lu(s) pour vous.</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) paused for too many complaints.</source>
        <translation>
            <numerusform>%n campagne mise en pause pour trop de plaintes.</numerusform>
            <numerusform>%n campagnes mises en pause pour trop de plaintes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the feedback mailbox&apos;s server and user in Settings → Bounces and complaints.</source>
        <translation>Saisissez le serveur et l’utilisateur de la boîte de retours dans Paramètres → Rejets et plaintes.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackMailboxPanel</name>
    <message>
        <source>Check the server&apos;s certificate</source>
        <translation>Vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>&amp;Save mailbox</source>
        <translation>&amp;Enregistrer la boîte</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>Vérifier &amp;maintenant</translation>
    </message>
    <message>
        <source>imap.example.org</source>
        <translation>imap.example.org</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Aucun (cet ordinateur uniquement)</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Bounces and complaints</source>
        <translation>Rejets et plaintes</translation>
    </message>
    <message>
        <source>Herald reads delivery failures, spam complaints and emailed unsubscribes from this mailbox (use it as the sender&apos;s bounce and feedback-loop address). Messages are flagged, never deleted; what Herald does not understand stays unread for you.</source>
        <translation>Herald lit dans cette boîte les échecs de remise, les plaintes pour spam et les désabonnements reçus par e-mail (utilisez-la comme adresse de rejets et de boucle de rétroaction de l’expéditeur). Les messages sont marqués, jamais supprimés ; ce que Herald ne comprend pas reste non lu pour vous.</translation>
    </message>
    <message>
        <source>IMAP &amp;server:</source>
        <translation>Serveur &amp;IMAP :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Pause a campaign above a complaint &amp;rate of:</source>
        <translation>Mettre en pause une campagne au-delà d’un &amp;taux de plaintes de :</translation>
    </message>
    <message>
        <source>…once it has &amp;sent at least (messages):</source>
        <translation>…dès qu’elle a envo&amp;yé au moins (messages) :</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Saved, but the password is kept for this session only: %1</source>
        <translation>Enregistré, mais le mot de passe n’est conservé que pour cette session : %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackRepository</name>
    <message>
        <source>Could not look up the message a report is about</source>
        <translation>Impossible de retrouver le message concerné par un rapport</translation>
    </message>
    <message>
        <source>Could not look up the messages sent to an address</source>
        <translation>Impossible de retrouver les messages envoyés à une adresse</translation>
    </message>
    <message>
        <source>Could not record a %1 report</source>
        <translation>Impossible d’enregistrer un rapport de type %1</translation>
    </message>
    <message>
        <source>Could not read the bounces and complaints of campaign #%1</source>
        <translation>Impossible de lire les rejets et plaintes de la campagne n° %1</translation>
    </message>
    <message>
        <source>Campaign #%1 does not exist.</source>
        <translation>La campagne n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read the bounces and complaints of recent campaigns</source>
        <translation>Impossible de lire les rejets et plaintes des campagnes récentes</translation>
    </message>
</context>
<context>
    <name>herald::FieldMenu</name>
    <message>
        <source>Insert Field</source>
        <translation>Insérer un champ</translation>
    </message>
    <message>
        <source>No value for the nonprofit the preview shows</source>
        <translation>Aucune valeur pour l&apos;association affichée dans l&apos;aperçu</translation>
    </message>
</context>
<context>
    <name>herald::FirstAdmin</name>
    <message>
        <source>Could not check who owns the server&apos;s database</source>
        <translation>Impossible de vérifier à qui appartient la base de données du serveur</translation>
    </message>
    <message>
        <source>Only the owner of the server&apos;s tables (%1) or a superuser may move data into it, and %2 is neither. Ask %1 to make the move with Herald (logging in as %1), then to run GRANT herald_admin TO %2; so that you administer the team.</source>
        <translation>Seul le propriétaire des tables du serveur (%1) ou un superutilisateur peut y déplacer des données, et %2 n&apos;est ni l&apos;un ni l&apos;autre. Demandez à %1 de faire le déménagement avec Herald (connecté en tant que %1), puis d&apos;exécuter GRANT herald_admin TO %2; pour que vous administriez l&apos;équipe.</translation>
    </message>
    <message>
        <source>Could not check whether you are an admin: %1</source>
        <translation>Impossible de vérifier si vous êtes administrateur : %1</translation>
    </message>
    <message>
        <source>%1 already has the admin role (herald_admin).</source>
        <translation>%1 a déjà le rôle d&apos;administrateur (herald_admin).</translation>
    </message>
    <message>
        <source>%1 could not be made an admin (%2). Ask a superuser to run: %3;</source>
        <translation>%1 n&apos;a pas pu devenir administrateur (%2). Demandez à un superutilisateur d&apos;exécuter : %3;</translation>
    </message>
    <message>
        <source>%1 is now the team&apos;s first admin (herald_admin).</source>
        <translation>%1 est maintenant le premier administrateur de l&apos;équipe (herald_admin).</translation>
    </message>
</context>
<context>
    <name>herald::GdprService</name>
    <message>
        <source>Could not read the messages sent to &apos;%1&apos;</source>
        <translation>Impossible de lire les messages envoyés à « %1 »</translation>
    </message>
    <message>
        <source>Herald holds nothing about &apos;%1&apos;.</source>
        <translation>Herald ne détient rien sur « %1 ».</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Which address should be erased?</source>
        <translation>Quelle adresse faut-il effacer ?</translation>
    </message>
    <message>
        <source>GDPR erasure</source>
        <translation>Effacement RGPD</translation>
    </message>
    <message>
        <source>Could not erase &apos;%1&apos;</source>
        <translation>Impossible d’effacer « %1 »</translation>
    </message>
    <message>
        <source>Personal data erased; the address stays suppressed as %1.</source>
        <translation>Données personnelles effacées ; l’adresse reste exclue sous la forme %1.</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of the messages sent to the address</source>
        <translation>Impossible de lire les ouvertures et les clics des messages envoyés à l’adresse</translation>
    </message>
</context>
<context>
    <name>herald::HtmlBodyEditor</name>
    <message>
        <source>&lt;p&gt;Dear {{name}},&lt;/p&gt; … &lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Unsubscribe&lt;/a&gt; {{postal_address}}</source>
        <translation>&lt;p&gt;Chère association {{name}},&lt;/p&gt; … &lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Se désabonner&lt;/a&gt; {{postal_address}}</translation>
    </message>
    <message>
        <source>HTML body, source</source>
        <translation>Corps HTML, source</translation>
    </message>
    <message>
        <source>&amp;Visual</source>
        <translation>&amp;Visuel</translation>
    </message>
    <message>
        <source>HTML s&amp;ource</source>
        <translation>S&amp;ource HTML</translation>
    </message>
</context>
<context>
    <name>herald::ImageDialog</name>
    <message>
        <source>Insert Image</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>https://… or media:logo.png</source>
        <translation>https://… ou media:logo.png</translation>
    </message>
    <message>
        <source>What the image shows, e.g. Our volunteers at the food bank</source>
        <translation>Ce que montre l&apos;image, p. ex. Nos bénévoles à la banque alimentaire</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Image&apos;s own width</source>
        <translation>Largeur propre de l&apos;image</translation>
    </message>
    <message>
        <source>At most %1 px, the width of the message.</source>
        <translation>Au plus %1 px, la largeur du message.</translation>
    </message>
    <message>
        <source>&amp;Media Library…</source>
        <translation>&amp;Médiathèque…</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image :</translation>
    </message>
    <message>
        <source>&amp;Alt text:</source>
        <translation>&amp;Texte alternatif :</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Largeur :</translation>
    </message>
    <message>
        <source>Enter the image&apos;s address, or pick one from the media library.</source>
        <translation>Saisissez l&apos;adresse de l&apos;image, ou choisissez-en une dans la médiathèque.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image address a message can show: use one that starts with https://, or pick the image from the media library.</source>
        <translation>« %1 » n&apos;est pas une adresse d&apos;image qu&apos;un message peut afficher : utilisez une adresse commençant par https://, ou choisissez l&apos;image dans la médiathèque.</translation>
    </message>
</context>
<context>
    <name>herald::ImagesSection</name>
    <message>
        <source>Embedded in every message</source>
        <translation>Intégrées à chaque message</translation>
    </message>
    <message>
        <source>Every message carries the images: they show without any server, but each message is heavier.</source>
        <translation>Chaque message contient les images : elles s’affichent sans aucun serveur, mais chaque message est plus lourd.</translation>
    </message>
    <message>
        <source>Linked from herald serve</source>
        <translation>Liées depuis herald serve</translation>
    </message>
    <message>
        <source>Messages stay light: the images load from herald serve at the public address, so they need that server running.</source>
        <translation>Les messages restent légers : les images se chargent depuis herald serve à l’adresse publique, ce serveur doit donc fonctionner.</translation>
    </message>
    <message>
        <source>Embedded: %1
Linked: %2</source>
        <translation>Intégrées : %1
Liées : %2</translation>
    </message>
    <message>
        <source>This template shows no images of the media library: nothing is added to its messages.</source>
        <translation>Ce modèle n’affiche aucune image de la médiathèque : rien n’est ajouté à ses messages.</translation>
    </message>
    <message numerus="yes">
        <source>Every message carries the template&apos;s %n image(s): %1 KB more per message. They show without any server, but heavier messages are slower to send and more often clipped or filtered.</source>
        <translation>
            <numerusform>Chaque message contient la %n image du modèle : %1 Ko de plus par message. Elle s’affiche sans aucun serveur, mais les messages plus lourds sont plus lents à envoyer et plus souvent tronqués ou filtrés.</numerusform>
            <numerusform>Chaque message contient les %n images du modèle : %1 Ko de plus par message. Elles s’affichent sans aucun serveur, mais les messages plus lourds sont plus lents à envoyer et plus souvent tronqués ou filtrés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Light messages, but the public address of herald serve was not set when this campaign was queued: its images do not show.</source>
        <translation>Messages légers, mais l’adresse publique de herald serve n’était pas définie quand cette campagne a été mise en file : ses images ne s’affichent pas.</translation>
    </message>
    <message>
        <source>Light messages, but the images load from herald serve and its public address is not set (Settings → Engagement): the campaign cannot be queued until it is.</source>
        <translation>Messages légers, mais les images se chargent depuis herald serve et son adresse publique n’est pas définie (Paramètres → Engagement) : la campagne ne peut pas être mise en file tant qu’elle ne l’est pas.</translation>
    </message>
    <message>
        <source>Light messages: the images load from %1. They do not show while that server is down, and some email clients block remote images until the reader allows them.</source>
        <translation>Messages légers : les images se chargent depuis %1. Elles ne s’affichent pas tant que ce serveur est arrêté, et certains logiciels de messagerie bloquent les images distantes jusqu’à ce que le lecteur les autorise.</translation>
    </message>
    <message>
        <source>Not in the media library: %1.</source>
        <translation>Absentes de la médiathèque : %1.</translation>
    </message>
</context>
<context>
    <name>herald::ImapMailbox</name>
    <message>
        <source>Feedback mailbox %1 (%2): %3 failed: %4</source>
        <translation>Boîte de retours %1 (%2) : impossible de %3 : %4</translation>
    </message>
    <message>
        <source>searching folder &apos;%1&apos;</source>
        <translation>parcourir le dossier « %1 »</translation>
    </message>
    <message>
        <source>reading message %1</source>
        <translation>lire le message %1</translation>
    </message>
    <message>
        <source>flagging message %1</source>
        <translation>marquer le message %1</translation>
    </message>
</context>
<context>
    <name>herald::ImportDialog</name>
    <message numerus="yes">
        <source>%n column(s) separated by %1. Choose which field each column fills; columns set to “Ignore” are not read.</source>
        <translation>
            <numerusform>%n colonne séparée par des %1. Choisissez le champ que remplit chaque colonne ; les colonnes réglées sur « Ignorer » ne sont pas lues.</numerusform>
            <numerusform>%n colonnes séparées par des %1. Choisissez le champ que remplit chaque colonne ; les colonnes réglées sur « Ignorer » ne sont pas lues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Nonprofits from %1</source>
        <translation>Importer des associations depuis %1</translation>
    </message>
    <message>
        <source>%1 is empty: there is no header line to read the columns from.</source>
        <translation>%1 est vide : il n’y a pas de ligne d’en-tête où lire les colonnes.</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>points-virgules</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>virgules</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>Remplit</translation>
    </message>
    <message>
        <source>Field filled by column %1</source>
        <translation>Champ rempli par la colonne %1</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>Update existing nonprofits with the same:</source>
        <translation>Mettre à jour les associations existantes ayant le même :</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>Choisissez la colonne qui contient le nom.</translation>
    </message>
    <message>
        <source>Choose the column that holds the email address.</source>
        <translation>Choisissez la colonne qui contient l’adresse e-mail.</translation>
    </message>
    <message>
        <source>Choose the column that holds the EIN, or match by email.</source>
        <translation>Choisissez la colonne qui contient l’EIN, ou faites la correspondance par e-mail.</translation>
    </message>
</context>
<context>
    <name>herald::ImportReport</name>
    <message>
        <source>%1 added, %2 updated, %3 skipped (unchanged), %4 rejected.</source>
        <translation>%1 ajoutées, %2 mises à jour, %3 ignorées (inchangées), %4 rejetées.</translation>
    </message>
    <message>
        <source>%1 erased address(es) came back as unsubscribed.</source>
        <translation>%1 adresse(s) effacée(s) sont revenues comme désabonnées.</translation>
    </message>
    <message>
        <source>Cancelled: rows up to line %1 were stored, none after it.</source>
        <translation>Annulé : les lignes jusqu’à la ligne %1 ont été enregistrées, aucune après.</translation>
    </message>
    <message>
        <source>Stopped: %1 Rows up to line %2 were stored, none after it.</source>
        <translation>Arrêté : %1 Les lignes jusqu’à la ligne %2 ont été enregistrées, aucune après.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>herald::ImportRunView</name>
    <message>
        <source>Rows are stored in batches: Cancel keeps the batches already stored, and no half-imported row.</source>
        <translation>Les lignes sont enregistrées par lots : Annuler conserve les lots déjà enregistrés, sans ligne à moitié importée.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation>&amp;Enregistrer les lignes rejetées…</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Cancelling after the batch in hand…</source>
        <translation>Annulation après le lot en cours…</translation>
    </message>
    <message>
        <source>Read %1 of %2.</source>
        <translation>%1 lu sur %2.</translation>
    </message>
    <message>
        <source>Rejected Rows Not Saved</source>
        <translation>Lignes rejetées non enregistrées</translation>
    </message>
</context>
<context>
    <name>herald::ImportStaging</name>
    <message>
        <source>Could not prepare the import</source>
        <translation>Impossible de préparer l’import</translation>
    </message>
    <message>
        <source>Could not stage line %1</source>
        <translation>Impossible de préparer la ligne %1</translation>
    </message>
</context>
<context>
    <name>herald::IpNetwork</name>
    <message>
        <source>&apos;%1&apos; is not a network: write an address and a prefix length, such as 10.0.0.0/8 or ::1/128.</source>
        <translation>« %1 » n’est pas un réseau : écrivez une adresse et une longueur de préfixe, par exemple 10.0.0.0/8 ou ::1/128.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the prefix length after the slash must be a number from 0 to %2.</source>
        <translation>« %1 » : la longueur de préfixe après la barre oblique doit être un nombre de 0 à %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has address bits set after its prefix; did you mean %2/%3?</source>
        <translation>« %1 » a des bits d’adresse après son préfixe ; vouliez-vous dire %2/%3 ?</translation>
    </message>
</context>
<context>
    <name>herald::LanguageSection</name>
    <message>
        <source>&lt;b&gt;Language&lt;/b&gt;</source>
        <translation>&lt;b&gt;Langue&lt;/b&gt;</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Herald shows the chosen language when it starts again. Dates and numbers follow it.</source>
        <translation>Herald affiche la langue choisie à son prochain démarrage. Les dates et les nombres la suivent.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Restart Herald to see it in %1.</source>
        <translation>Redémarrez Herald pour l’afficher en %1.</translation>
    </message>
</context>
<context>
    <name>herald::LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>Modifier le lien</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>Insérer un lien</translation>
    </message>
    <message>
        <source>https://…, mailto:… or {{unsubscribe_url}}</source>
        <translation>https://…, mailto:… ou {{unsubscribe_url}}</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>&amp;Supprimer le lien</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Enter the address the link leads to.</source>
        <translation>Saisissez l&apos;adresse vers laquelle mène le lien.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address a message can link to: use one that starts with https:// or http://, a mailto: address, or a placeholder such as {{unsubscribe_url}}.</source>
        <translation>« %1 » n&apos;est pas une adresse vers laquelle un message peut pointer : utilisez une adresse commençant par https:// ou http://, une adresse mailto: ou un espace réservé comme {{unsubscribe_url}}.</translation>
    </message>
</context>
<context>
    <name>herald::LinkRewriter</name>
    <message>
        <source>Links cannot be tracked in a template that changes the mustache delimiters.</source>
        <translation>Impossible de suivre les liens d’un modèle qui change les délimiteurs mustache.</translation>
    </message>
</context>
<context>
    <name>herald::LocalStore</name>
    <message>
        <source>%1 (offline)</source>
        <translation>%1 (hors ligne)</translation>
    </message>
    <message>
        <source>Could not set up the sync journal in %1</source>
        <translation>Impossible de créer le journal de synchronisation dans %1</translation>
    </message>
    <message>
        <source>Could not read the sync journal</source>
        <translation>Impossible de lire le journal de synchronisation</translation>
    </message>
    <message>
        <source>Could not record the sync of %1 %2</source>
        <translation>Impossible d’enregistrer la synchronisation de %1 %2</translation>
    </message>
    <message>
        <source>Could not update the sync journal for %1 %2</source>
        <translation>Impossible de mettre à jour le journal de synchronisation pour %1 %2</translation>
    </message>
    <message>
        <source>Could not record the conflict on %1 &apos;%2&apos;</source>
        <translation>Impossible d’enregistrer le conflit sur %1 « %2 »</translation>
    </message>
    <message>
        <source>Could not read the conflict on %1 &apos;%2&apos;</source>
        <translation>Impossible de lire le conflit sur %1 « %2 »</translation>
    </message>
    <message>
        <source>The conflict on %1 &apos;%2&apos; was not recorded.</source>
        <translation>Le conflit sur %1 « %2 » n’a pas été enregistré.</translation>
    </message>
    <message>
        <source>Could not read the sync conflicts</source>
        <translation>Impossible de lire les conflits de synchronisation</translation>
    </message>
    <message>
        <source>Could not read sync conflict #%1</source>
        <translation>Impossible de lire le conflit de synchronisation n° %1</translation>
    </message>
    <message>
        <source>There is no sync conflict #%1.</source>
        <translation>Il n’existe aucun conflit de synchronisation n° %1.</translation>
    </message>
    <message>
        <source>Could not mark sync conflict #%1 resolved</source>
        <translation>Impossible de marquer le conflit de synchronisation n° %1 comme résolu</translation>
    </message>
    <message>
        <source>Could not write the sync log</source>
        <translation>Impossible d’écrire l’historique de synchronisation</translation>
    </message>
    <message>
        <source>Could not read the sync log</source>
        <translation>Impossible de lire l’historique de synchronisation</translation>
    </message>
    <message>
        <source>Could not record the time of the sync</source>
        <translation>Impossible d’enregistrer l’heure de la synchronisation</translation>
    </message>
    <message>
        <source>Could not read the drafts the server refused</source>
        <translation>Impossible de lire les brouillons refusés par le serveur</translation>
    </message>
    <message>
        <source>Could not record that the server refused %1 %2</source>
        <translation>Impossible d’enregistrer que le serveur a refusé %1 %2</translation>
    </message>
</context>
<context>
    <name>herald::MailboxSettings</name>
    <message>
        <source>The mailbox port must be between 1 and 65535.</source>
        <translation>Le port de la boîte doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The complaint rate that pauses a campaign must be above 0 % and below 100 %.</source>
        <translation>Le taux de plaintes qui met une campagne en pause doit être supérieur à 0 % et inférieur à 100 %.</translation>
    </message>
    <message>
        <source>The mailbox password would cross the network in clear: choose TLS or STARTTLS for &apos;%1&apos;.</source>
        <translation>Le mot de passe de la boîte circulerait en clair sur le réseau : choisissez TLS ou STARTTLS pour « %1 ».</translation>
    </message>
</context>
<context>
    <name>herald::MainWindow</name>
    <message>
        <source>%1 — Herald</source>
        <translation>%1 — Herald</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Nonprofits</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>À &amp;propos de Herald</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Herald checks the connection every few seconds.</source>
        <translation>Herald vérifie la connexion à quelques secondes d’intervalle.</translation>
    </message>
    <message>
        <source>Server unreachable — reconnecting…</source>
        <translation>Serveur injoignable — reconnexion…</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>À propos de Herald</translation>
    </message>
    <message>
        <source>Herald %1
Email campaigns for nonprofit organisations.

Data: %2 (%3)</source>
        <translation>Herald %1
Campagnes d’e-mails pour les associations.

Données : %2 (%3)</translation>
    </message>
    <message>
        <source>Sending in Progress</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Herald is sending a campaign. Stop sending and quit? Messages not sent yet stay in the queue and go out the next time Herald or a worker sends.</source>
        <translation>Herald envoie une campagne. Arrêter l’envoi et quitter ? Les messages pas encore envoyés restent dans la file d’attente et partiront la prochaine fois que Herald ou un worker enverra.</translation>
    </message>
    <message>
        <source>Stop sending and quit</source>
        <translation>Arrêter l’envoi et quitter</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Garder ouvert</translation>
    </message>
    <message>
        <source>Suppressions</source>
        <translation>Exclusions</translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>&amp;Load Sample Data</source>
        <translation>&amp;Charger les données d’exemple</translation>
    </message>
    <message>
        <source>&amp;Remove Sample Data…</source>
        <translation>&amp;Supprimer les données d’exemple…</translation>
    </message>
    <message>
        <source>What you may do is decided by the database&apos;s roles; actions your role may not take are disabled and say who may.</source>
        <translation>Ce que vous pouvez faire dépend des rôles de la base de données ; les actions que votre rôle ne permet pas sont désactivées et indiquent qui peut les faire.</translation>
    </message>
    <message>
        <source>&amp;Move to a Team Server…</source>
        <translation>&amp;Déménager vers un serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
</context>
<context>
    <name>herald::MediaImagePreparer</name>
    <message>
        <source>&apos;%1&apos; is not a PNG, JPEG or GIF image.</source>
        <translation>&apos;%1&apos; n&apos;est pas une image PNG, JPEG ou GIF.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be read: %2</source>
        <translation>Impossible de lire &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes more than %2 even at %3×%4 px; the media library takes images of %2 at most. Save it as a JPEG, or smaller.</source>
        <translation>&apos;%1&apos; pèse plus de %2 même à %3×%4 px ; la médiathèque accepte des images de %2 au plus. Enregistrez-la en JPEG, ou plus petite.</translation>
    </message>
</context>
<context>
    <name>herald::MediaLibraryDialog</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Copy Reference</source>
        <translation>&amp;Copier la référence</translation>
    </message>
    <message>
        <source>Choose an Image</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>Media Library</source>
        <translation>Médiathèque</translation>
    </message>
    <message>
        <source>Add PNG, JPEG or GIF images: wider than 1,200 px is scaled down, and each must take 1 MB at most</source>
        <translation>Ajouter des images PNG, JPEG ou GIF : au-delà de 1 200 px de large elles sont réduites, et chacune doit faire 1 Mo au plus</translation>
    </message>
    <message>
        <source>Copy media:NAME, the image&apos;s source in a template&apos;s HTML</source>
        <translation>Copier media:NAME, la source de l’image dans le HTML d’un modèle</translation>
    </message>
    <message>
        <source>I&amp;nsert</source>
        <translation>I&amp;nsérer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1
%2 · %3×%4</source>
        <translation>%1
%2 · %3×%4</translation>
    </message>
    <message>
        <source>%1 (%2, %3×%4 px, %5)</source>
        <translation>%1 (%2, %3×%4 px, %5)</translation>
    </message>
    <message>
        <source>The media library is empty: import PNG, JPEG or GIF images to show them in templates.</source>
        <translation>La médiathèque est vide : importez des images PNG, JPEG ou GIF pour les afficher dans les modèles.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 in all, shared by everyone using this database.</source>
        <translation>
            <numerusform>%n image, %1 en tout, partagée par tous ceux qui utilisent cette base de données.</numerusform>
            <numerusform>%n images, %1 en tout, partagées par tous ceux qui utilisent cette base de données.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Images</source>
        <translation>Importer des images</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n image(s)…</source>
        <translation>
            <numerusform>Importation de %n image…</numerusform>
            <numerusform>Importation de %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled; %n image(s) imported before that.</source>
        <translation>
            <numerusform>Importation annulée ; %n image importée avant cela.</numerusform>
            <numerusform>Importation annulée ; %n images importées avant cela.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) imported.</source>
        <translation>
            <numerusform>%n image importée.</numerusform>
            <numerusform>%n images importées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported:
%1</source>
        <translation>Non importées :
%1</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>Retirer l’image</translation>
    </message>
    <message>
        <source>Remove the image &apos;%1&apos; from the media library? Messages already sent with it linked will no longer show it.</source>
        <translation>Retirer l’image &apos;%1&apos; de la médiathèque ? Les messages déjà envoyés qui la lient ne l’afficheront plus.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Removed &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; retirée.</translation>
    </message>
    <message>
        <source>Copied %1: use it as an image&apos;s source in a template&apos;s HTML.</source>
        <translation>%1 copié : utilisez-le comme source d’une image dans le HTML d’un modèle.</translation>
    </message>
</context>
<context>
    <name>herald::MediaRepository</name>
    <message>
        <source>An image of the media library needs a name.</source>
        <translation>Une image de la médiathèque a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <source>Could not store the image &apos;%1&apos;</source>
        <translation>Impossible d&apos;enregistrer l&apos;image &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The media library has an image named &apos;%1&apos; already.</source>
        <translation>La médiathèque a déjà une image nommée &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Could not read the media library</source>
        <translation>Impossible de lire la médiathèque</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>Impossible de lire &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>Could not read the image &apos;%1&apos;</source>
        <translation>Impossible de lire l’image &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The media library has no image named &apos;%1&apos;.</source>
        <translation>La médiathèque n’a aucune image nommée &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The media library has no such image.</source>
        <translation>La médiathèque n’a pas cette image.</translation>
    </message>
    <message>
        <source>Could not find what uses the image &apos;%1&apos;</source>
        <translation>Impossible de trouver ce qui utilise l’image &apos;%1&apos;</translation>
    </message>
    <message>
        <source>template &apos;%1&apos;</source>
        <translation>le modèle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>campaign &apos;%1&apos;</source>
        <translation>la campagne &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; is still shown by %2; take it out of them first.</source>
        <translation>L’image &apos;%1&apos; est encore affichée par %2 ; retirez-la d’abord.</translation>
    </message>
    <message>
        <source>Could not remove the image &apos;%1&apos;</source>
        <translation>Impossible de retirer l’image &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::MessageBuilder</name>
    <message>
        <source>The %1 contains a line break; it would let the value add its own mail headers, so the message was not built.</source>
        <translation>Le champ %1 contient un retour à la ligne ; la valeur pourrait ajouter ses propres en-têtes, le message n’a donc pas été construit.</translation>
    </message>
    <message>
        <source>The %1 &apos;%2&apos; %3.</source>
        <translation>Le champ %1 « %2 » %3.</translation>
    </message>
    <message>
        <source>The reply-to &apos;%1&apos; %2.</source>
        <translation>L’adresse de réponse « %1 » %2.</translation>
    </message>
    <message>
        <source>The message has neither a text nor an HTML body.</source>
        <translation>Le message n’a ni corps texte ni corps HTML.</translation>
    </message>
    <message>
        <source>Addresses with non-ASCII characters before the &apos;@&apos; need SMTPUTF8, which Herald does not use yet.</source>
        <translation>Les adresses avec des caractères non ASCII avant le « @ » nécessitent SMTPUTF8, que Herald n’utilise pas encore.</translation>
    </message>
</context>
<context>
    <name>herald::Migrator</name>
    <message>
        <source>Could not read the schema version</source>
        <translation>Impossible de lire la version du schéma</translation>
    </message>
    <message>
        <source>This database has schema version %1, made by a newer Herald; this Herald knows versions up to %2. Update Herald to open it. The database was not changed.</source>
        <translation>Cette base de données a la version de schéma %1, créée par un Herald plus récent ; ce Herald connaît les versions jusqu’à %2. Mettez Herald à jour pour l’ouvrir. La base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>La migration %1 manque dans cette version.</translation>
    </message>
    <message>
        <source>Could not start migration %1</source>
        <translation>Impossible de démarrer la migration %1</translation>
    </message>
    <message>
        <source>Could not lock the schema for migration</source>
        <translation>Impossible de verrouiller le schéma pour la migration</translation>
    </message>
    <message>
        <source>Migration %1 (%2), statement %3 failed</source>
        <translation>La migration %1 (%2) a échoué à l’instruction %3</translation>
    </message>
    <message>
        <source>Could not record migration %1</source>
        <translation>Impossible d’enregistrer la migration %1</translation>
    </message>
    <message>
        <source>Could not commit migration %1</source>
        <translation>Impossible de valider la migration %1</translation>
    </message>
    <message>
        <source>Could not check who may update this database</source>
        <translation>Impossible de vérifier qui peut mettre à jour cette base de données</translation>
    </message>
    <message>
        <source>This database needs updating to schema %1; ask an administrator (the owner, %2) to open it with Herald once.</source>
        <translation>Cette base de données doit être mise à jour vers le schéma %1 ; demandez à un administrateur (le propriétaire, %2) de l’ouvrir une fois avec Herald.</translation>
    </message>
</context>
<context>
    <name>herald::MoveToServerDialog</name>
    <message>
        <source>Move to a Team Server</source>
        <translation>Déménager vers un serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Copies everything in %1 — nonprofits, templates, campaigns with their send history, metrics, providers (their secrets stay in this computer&apos;s keychain) — into an empty PostgreSQL database that a team shares. You become its first admin. Nothing here is changed or removed.</source>
        <translation>Copie tout ce que contient %1 — associations, modèles, campagnes avec leur historique d&apos;envoi, métriques, fournisseurs (leurs secrets restent dans le trousseau de cet ordinateur) — dans une base PostgreSQL vide que partage une équipe. Vous en devenez le premier administrateur. Rien n&apos;est modifié ni supprimé ici.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>From the keychain when empty</source>
        <translation>Du trousseau si vide</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Add the team&apos;s PostgreSQL server as a profile first (Settings → Connection profiles → Add PostgreSQL server…), with a new, empty database.</source>
        <translation>Ajoutez d&apos;abord le serveur PostgreSQL de l&apos;équipe comme profil (Paramètres → Profils de connexion → Ajouter un serveur PostgreSQL…), avec une base de données nouvelle et vide.</translation>
    </message>
    <message>
        <source>Each table&apos;s progress appears here when the move starts.</source>
        <translation>La progression de chaque table apparaît ici quand le déménagement commence.</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Déménager</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n table(s)…</source>
        <translation>
            <numerusform>Copie de %n table…</numerusform>
            <numerusform>Copie de %n tables…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 here = %2 on the server</source>
        <translation>%1 ici = %2 sur le serveur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitCache</name>
    <message>
        <source>Could not choose the nonprofits to keep offline</source>
        <translation>Impossible de choisir les associations à conserver hors ligne</translation>
    </message>
    <message>
        <source>Could not read the segments</source>
        <translation>Impossible de lire les segments</translation>
    </message>
    <message>
        <source>Could not clear the offline copy of the nonprofits</source>
        <translation>Impossible de vider la copie hors ligne des associations</translation>
    </message>
    <message>
        <source>Could not read the nonprofits to keep offline</source>
        <translation>Impossible de lire les associations à conserver hors ligne</translation>
    </message>
    <message>
        <source>Could not keep nonprofit &apos;%1&apos; offline</source>
        <translation>Impossible de conserver l’association « %1 » hors ligne</translation>
    </message>
    <message>
        <source>Could not keep the tags of nonprofit &apos;%1&apos; offline</source>
        <translation>Impossible de conserver hors ligne les étiquettes de l’association « %1 »</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitDialog</name>
    <message>
        <source>Add Nonprofit</source>
        <translation>Ajouter une association</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>info@example.org</source>
        <translation>info@example.org</translation>
    </message>
    <message>
        <source>12-3456789</source>
        <translation>12-3456789</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 2026-gala, food</source>
        <translation>Séparées par des virgules, p. ex. gala-2026, alimentation</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Désabonnée</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rejetée (bounce)</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>Plainte reçue</translation>
    </message>
    <message>
        <source>Only active nonprofits receive campaigns.</source>
        <translation>Seules les associations actives reçoivent des campagnes.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Intérêt légitime</translation>
    </message>
    <message>
        <source>Postal &amp;code:</source>
        <translation>Code &amp;postal :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>E&amp;IN:</source>
        <translation>E&amp;IN :</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Rue :</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>V&amp;ille :</translation>
    </message>
    <message>
        <source>State/&amp;region:</source>
        <translation>État/&amp;région :</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>Pa&amp;ys :</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes :</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;ut :</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>C&amp;onsentement :</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitImporter</name>
    <message>
        <source>The column mapping has %1 columns but the file has %2; map its columns again.</source>
        <translation>La correspondance des colonnes compte %1 colonnes mais le fichier en a %2 ; associez à nouveau ses colonnes.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitRepository</name>
    <message>
        <source>Could not update the tags of nonprofit #%1</source>
        <translation>Impossible de mettre à jour les étiquettes de l’association n° %1</translation>
    </message>
    <message>
        <source>Could not add tag &apos;%1&apos; to nonprofit #%2</source>
        <translation>Impossible d’ajouter l’étiquette « %1 » à l’association n° %2</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; is already used by &apos;%2&apos; (#%3).</source>
        <translation>L’e-mail « %1 » est déjà utilisé par « %2 » (n° %3).</translation>
    </message>
    <message>
        <source>EIN %1 is already used by &apos;%2&apos; (#%3).</source>
        <translation>L’EIN %1 est déjà utilisé par « %2 » (n° %3).</translation>
    </message>
    <message>
        <source>Could not save nonprofit &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer l’association « %1 »</translation>
    </message>
    <message>
        <source>Could not check the suppression list for &apos;%1&apos;</source>
        <translation>Impossible de consulter la liste d’exclusion pour « %1 »</translation>
    </message>
    <message>
        <source>Could not add nonprofit &apos;%1&apos;</source>
        <translation>Impossible d’ajouter l’association « %1 »</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Could not read nonprofit #%1</source>
        <translation>Impossible de lire l’association n° %1</translation>
    </message>
    <message>
        <source>Nonprofit #%1 does not exist.</source>
        <translation>L’association n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not look up email &apos;%1&apos;</source>
        <translation>Impossible de rechercher l’e-mail « %1 »</translation>
    </message>
    <message>
        <source>No nonprofit has the email &apos;%1&apos;.</source>
        <translation>Aucune association n’a l’e-mail « %1 ».</translation>
    </message>
    <message>
        <source>Could not delete nonprofit #%1</source>
        <translation>Impossible de supprimer l’association n° %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not add tags to %n nonprofit(s)</source>
        <translation>
            <numerusform>Impossible d’ajouter des étiquettes à %n association</numerusform>
            <numerusform>Impossible d’ajouter des étiquettes à %n associations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not remove tags from %n nonprofit(s)</source>
        <translation>
            <numerusform>Impossible de retirer des étiquettes de %n association</numerusform>
            <numerusform>Impossible de retirer des étiquettes de %n associations</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not count nonprofits</source>
        <translation>Impossible de compter les associations</translation>
    </message>
    <message>
        <source>Could not search nonprofits</source>
        <translation>Impossible de rechercher des associations</translation>
    </message>
    <message>
        <source>Could not read nonprofits</source>
        <translation>Impossible de lire les associations</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitRowParser</name>
    <message>
        <source>No column is mapped to the name.</source>
        <translation>Aucune colonne n’est associée au nom.</translation>
    </message>
    <message>
        <source>No column is mapped to the email address.</source>
        <translation>Aucune colonne n’est associée à l’adresse e-mail.</translation>
    </message>
    <message>
        <source>Rows are matched by EIN, but no column is mapped to the EIN.</source>
        <translation>Les lignes sont rapprochées par EIN, mais aucune colonne n’est associée à l’EIN.</translation>
    </message>
    <message>
        <source>The record is longer than %1 MiB.</source>
        <translation>L’enregistrement dépasse %1 Mio.</translation>
    </message>
    <message>
        <source>A quoted field starts here and is never closed; the rest of the file was read into it.</source>
        <translation>Un champ entre guillemets commence ici et n’est jamais fermé ; le reste du fichier y a été lu.</translation>
    </message>
    <message>
        <source>The row is not valid UTF-8 text (save the file as UTF-8).</source>
        <translation>La ligne n’est pas du texte UTF-8 valide (enregistrez le fichier en UTF-8).</translation>
    </message>
    <message>
        <source>The row has %1 columns; the header has %2.</source>
        <translation>La ligne a %1 colonnes ; l’en-tête en a %2.</translation>
    </message>
    <message>
        <source>Status &apos;%1&apos; is not one of active, unsubscribed, bounced, complained.</source>
        <translation>Le statut « %1 » ne fait pas partie de active, unsubscribed, bounced, complained.</translation>
    </message>
    <message>
        <source>Rows are matched by EIN and this row has none.</source>
        <translation>Les lignes sont rapprochées par EIN et cette ligne n’en a pas.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>State/Region</source>
        <translation>État/région</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; %2.</source>
        <translation>L’e-mail « %1 » %2.</translation>
    </message>
    <message>
        <source>EIN &apos;%1&apos; is not nine digits (like 12-3456789).</source>
        <translation>L’EIN « %1 » ne compte pas neuf chiffres (comme 12-3456789).</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; must be 1 to 64 characters without commas.</source>
        <translation>L’étiquette « %1 » doit compter de 1 à 64 caractères, sans virgule.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitsPage</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln nonprofit(s)</source>
        <translation>
            <numerusform>%Ln association</numerusform>
            <numerusform>%Ln associations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln nonprofit(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %Ln association ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer %Ln associations ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln nonprofit(s) to %1.</source>
        <translation>
            <numerusform>%Ln association exportée vers %1.</numerusform>
            <numerusform>%Ln associations exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Tag&amp;s…</source>
        <translation>Étiquette&amp;s…</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Confidentialité</translation>
    </message>
    <message>
        <source>Nonprofits</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>Search name or email…</source>
        <translation>Rechercher un nom ou un e-mail…</translation>
    </message>
    <message>
        <source>Add Nonprofit…</source>
        <translation>Ajouter une association…</translation>
    </message>
    <message>
        <source>Edit Nonprofit…</source>
        <translation>Modifier l’association…</translation>
    </message>
    <message>
        <source>Delete Nonprofits</source>
        <translation>Supprimer des associations</translation>
    </message>
    <message>
        <source>Add a nonprofit</source>
        <translation>Ajouter une association</translation>
    </message>
    <message>
        <source>Edit the selected nonprofit</source>
        <translation>Modifier l’association sélectionnée</translation>
    </message>
    <message>
        <source>Delete the selected nonprofits</source>
        <translation>Supprimer les associations sélectionnées</translation>
    </message>
    <message>
        <source>Tag Nonprofits…</source>
        <translation>Étiqueter des associations…</translation>
    </message>
    <message>
        <source>Add or remove tags on the selected nonprofits</source>
        <translation>Ajouter ou retirer des étiquettes sur les associations sélectionnées</translation>
    </message>
    <message>
        <source>Export Personal Data…</source>
        <translation>Exporter les données personnelles…</translation>
    </message>
    <message>
        <source>Erase Personal Data…</source>
        <translation>Effacer les données personnelles…</translation>
    </message>
    <message>
        <source>GDPR requests about the selected nonprofit</source>
        <translation>Demandes RGPD concernant l’association sélectionnée</translation>
    </message>
    <message>
        <source>Import Nonprofits…</source>
        <translation>Importer des associations…</translation>
    </message>
    <message>
        <source>Export Nonprofits…</source>
        <translation>Exporter des associations…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import nonprofits from a CSV file</source>
        <translation>Importer des associations depuis un fichier CSV</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the nonprofits shown to a CSV file</source>
        <translation>Exporter les associations affichées dans un fichier CSV</translation>
    </message>
    <message>
        <source>No nonprofit matches the filters (%1).</source>
        <translation>Aucune association ne correspond aux filtres (%1).</translation>
    </message>
    <message>
        <source>No nonprofit has “%1” in its name or email.</source>
        <translation>Aucune association n’a « %1 » dans son nom ou son e-mail.</translation>
    </message>
    <message>
        <source>No nonprofits yet. Press Add (%1) to enter the first one.</source>
        <translation>Pas encore d’association. Cliquez sur Ajouter (%1) pour saisir la première.</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Supprimer « %1 » ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Import Nonprofits</source>
        <translation>Importer des associations</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Import impossible</translation>
    </message>
    <message>
        <source>Export Nonprofits</source>
        <translation>Exporter des associations</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Personal Data</source>
        <translation>Exporter les données personnelles</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Everything Herald holds about %1 was written to %2.</source>
        <translation>Tout ce que Herald détient sur %1 a été écrit dans %2.</translation>
    </message>
    <message>
        <source>Erase Personal Data</source>
        <translation>Effacer les données personnelles</translation>
    </message>
    <message>
        <source>Erase “%1” (%2)? The row, its tags and the addresses in its sent messages are deleted; only an anonymised entry stays on the suppression list so that the address is never mailed again. This cannot be undone.</source>
        <translation>Effacer « %1 » (%2) ? La ligne, ses étiquettes et les adresses de ses messages envoyés sont supprimées ; seule une entrée anonymisée reste sur la liste d’exclusion pour que l’adresse ne reçoive plus jamais de message. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>%1 was erased; the address stays suppressed as an anonymised entry.</source>
        <translation>%1 a été effacé ; l’adresse reste exclue sous forme d’entrée anonymisée.</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln sample nonprofit(s), a template, a segment and a sender. Next: open Campaigns, select “Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider must be set up under Settings → Mail providers first).</source>
        <translation>
            <numerusform>%Ln association d’exemple chargée, avec un modèle, un segment et un expéditeur. Ensuite : ouvrez Campagnes, sélectionnez « Campagne d’exemple », appuyez sur Modifier… puis sur Envoi de test… pour vous envoyer un message (un fournisseur d’envoi doit d’abord être configuré dans Paramètres → Fournisseurs d’envoi).</numerusform>
            <numerusform>%Ln associations d’exemple chargées, avec un modèle, un segment et un expéditeur. Ensuite : ouvrez Campagnes, sélectionnez « Campagne d’exemple », appuyez sur Modifier… puis sur Envoi de test… pour vous envoyer un message (un fournisseur d’envoi doit d’abord être configuré dans Paramètres → Fournisseurs d’envoi).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineBanner</name>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>&amp;Go Online</source>
        <translation>&amp;Passer en ligne</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Travailler hors ligne</translation>
    </message>
    <message>
        <source>Resolve &amp;Conflicts…</source>
        <translation>Résoudre les &amp;conflits…</translation>
    </message>
    <message>
        <source>Stop Sync</source>
        <translation>Arrêter la synchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;Log…</source>
        <translation>&amp;Historique de synchronisation…</translation>
    </message>
    <message>
        <source>Offline: %1 cannot be reached. Keep drafting templates and campaigns; they are kept on this computer and sync when the server is back. Sending, dashboards and imports need the server.</source>
        <translation>Hors ligne : %1 est injoignable. Continuez à préparer modèles et campagnes ; ils sont conservés sur cet ordinateur et se synchronisent au retour du serveur. Les envois, le tableau de bord et les importations nécessitent le serveur.</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Prochain essai dans %n seconde.</numerusform>
            <numerusform>Prochain essai dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is back. Syncing your drafts…</source>
        <translation>Le serveur est de retour. Synchronisation de vos brouillons…</translation>
    </message>
    <message numerus="yes">
        <source>The server is back and your drafts are synced, except %n conflict(s) waiting for your decision.</source>
        <translation>
            <numerusform>Le serveur est de retour et vos brouillons sont synchronisés, sauf %n conflit qui attend votre décision.</numerusform>
            <numerusform>Le serveur est de retour et vos brouillons sont synchronisés, sauf %n conflits qui attendent votre décision.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is back and your drafts are synced.</source>
        <translation>Le serveur est de retour et vos brouillons sont synchronisés.</translation>
    </message>
    <message>
        <source>%1 stopped answering. Save what you are editing, then work offline: your drafts stay on this computer until the server is back.</source>
        <translation>%1 ne répond plus. Enregistrez ce que vous modifiez, puis travaillez hors ligne : vos brouillons restent sur cet ordinateur jusqu’au retour du serveur.</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) changed both here and on the server wait for your decision.</source>
        <translation>
            <numerusform>%n brouillon modifié ici et sur le serveur attend votre décision.</numerusform>
            <numerusform>%n brouillons modifiés ici et sur le serveur attendent votre décision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineController</name>
    <message>
        <source>Sync of the offline drafts failed: %1</source>
        <translation>La synchronisation des brouillons hors ligne a échoué : %1</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Le serveur n’a pas répondu.</translation>
    </message>
    <message>
        <source>Offline — drafts are kept on this computer</source>
        <translation>Hors ligne — les brouillons sont conservés sur cet ordinateur</translation>
    </message>
    <message>
        <source>%1 cannot be reached; Herald retries in the background.</source>
        <translation>%1 est injoignable ; Herald réessaie en arrière-plan.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Resolve Conflicts…</source>
        <translation>&amp;Résoudre les conflits…</translation>
    </message>
    <message>
        <source>Sync &amp;Log…</source>
        <translation>&amp;Historique de synchronisation…</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not sync; the sync log says why.</source>
        <translation>
            <numerusform>%n brouillon n’a pas pu être synchronisé ; l’historique de synchronisation indique pourquoi.</numerusform>
            <numerusform>%n brouillons n’ont pas pu être synchronisés ; l’historique de synchronisation indique pourquoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>Aucun conflit en attente.</translation>
    </message>
    <message>
        <source>Sync Log</source>
        <translation>Historique de synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) are kept on this computer: your role may not send them to the server; the sync log says why.</source>
        <translation>
            <numerusform>%n brouillon est conservé sur cet ordinateur : votre rôle ne peut pas l’envoyer au serveur ; le journal de synchronisation explique pourquoi.</numerusform>
            <numerusform>%n brouillons sont conservés sur cet ordinateur : votre rôle ne peut pas les envoyer au serveur ; le journal de synchronisation explique pourquoi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OneClickUnsubscribe</name>
    <message>
        <source>Request too large</source>
        <translation>Requête trop volumineuse</translation>
    </message>
    <message>
        <source>This request is larger than an unsubscribe request can be.</source>
        <translation>Cette requête est plus volumineuse qu’une demande de désabonnement ne peut l’être.</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Méthode non autorisée</translation>
    </message>
    <message>
        <source>Open the unsubscribe link in a browser.</source>
        <translation>Ouvrez le lien de désabonnement dans un navigateur.</translation>
    </message>
    <message>
        <source>This link does not work</source>
        <translation>Ce lien ne fonctionne pas</translation>
    </message>
    <message>
        <source>The unsubscribe link is incomplete or was changed. Open it again from the email you received, or reply to that email asking to be removed.</source>
        <translation>Le lien de désabonnement est incomplet ou a été modifié. Ouvrez-le de nouveau depuis l’e-mail reçu, ou répondez à cet e-mail en demandant à être retiré de la liste.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Se désabonner</translation>
    </message>
    <message>
        <source>Press the button to stop receiving these emails.</source>
        <translation>Cliquez sur le bouton pour ne plus recevoir ces e-mails.</translation>
    </message>
    <message>
        <source>Request not understood</source>
        <translation>Requête incomprise</translation>
    </message>
    <message>
        <source>An unsubscribe request must send List-Unsubscribe=One-Click as a form.</source>
        <translation>Une demande de désabonnement doit envoyer List-Unsubscribe=One-Click sous forme de formulaire.</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>Veuillez réessayer</translation>
    </message>
    <message>
        <source>Your request could not be recorded just now. Please try again in a few minutes.</source>
        <translation>Votre demande n’a pas pu être enregistrée pour le moment. Veuillez réessayer dans quelques minutes.</translation>
    </message>
    <message>
        <source>You are unsubscribed</source>
        <translation>Vous êtes désabonné</translation>
    </message>
    <message>
        <source>You will receive no more of these emails.</source>
        <translation>Vous ne recevrez plus ces e-mails.</translation>
    </message>
</context>
<context>
    <name>herald::PasswordDialog</name>
    <message>
        <source>Save password in the system keychain</source>
        <translation>Enregistrer le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <source>Herald needs the password of user &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Herald a besoin du mot de passe de l’utilisateur &lt;b&gt;%1&lt;/b&gt; sur &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Leave empty if the server needs none</source>
        <translation>Laissez vide si le serveur n’en demande pas</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>herald::PersonalDictionary</name>
    <message>
        <source>Could not read your dictionary %1: %2</source>
        <translation>Impossible de lire votre dictionnaire %1 : %2</translation>
    </message>
    <message>
        <source>Could not create the folder for your dictionary %1</source>
        <translation>Impossible de créer le dossier de votre dictionnaire %1</translation>
    </message>
    <message>
        <source>Could not save “%1” in your dictionary %2: %3</source>
        <translation>Impossible d’enregistrer « %1 » dans votre dictionnaire %2 : %3</translation>
    </message>
</context>
<context>
    <name>herald::PhonePreview</name>
    <message>
        <source>Phone, %1 px wide: the message is %2 px wide and does not shrink, so readers scroll sideways (as here) or see it zoomed out.</source>
        <translation>Téléphone de %1 px de large : le message fait %2 px de large et ne se réduit pas, les lecteurs défilent donc sur le côté (comme ici) ou le voient en petit.</translation>
    </message>
    <message>
        <source>Phone, %1 px wide: the message fits the screen.</source>
        <translation>Téléphone de %1 px de large : le message tient dans l’écran.</translation>
    </message>
    <message>
        <source>Only %1 px of its width show here: widen this pane.</source>
        <translation>Seuls %1 px de sa largeur sont visibles ici : élargissez ce panneau.</translation>
    </message>
</context>
<context>
    <name>herald::PlaceholderPage</name>
    <message>
        <source>This page is not built yet.</source>
        <translation>Cette page n’est pas encore construite.</translation>
    </message>
</context>
<context>
    <name>herald::PostgresCopy</name>
    <message>
        <source>Bulk loading needs a PostgreSQL connection.</source>
        <translation>Le chargement en masse nécessite une connexion PostgreSQL.</translation>
    </message>
    <message numerus="yes">
        <source>Could not load %n row(s) into %1</source>
        <translation>
            <numerusform>Impossible de charger %n ligne dans %1</numerusform>
            <numerusform>Impossible de charger %n lignes dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>herald::PreviewSender</name>
    <message>
        <source>Sample Sender (no sender identity yet)</source>
        <translation>Expéditeur d’exemple (pas encore d’identité d’expéditeur)</translation>
    </message>
    <message>
        <source>[Sample postal address] 1 Example Street, Exampletown</source>
        <translation>[Adresse postale d’exemple] 1 rue de l’Exemple, Exempleville</translation>
    </message>
    <message>
        <source>Could not read the sender identities</source>
        <translation>Impossible de lire les identités d’expéditeur</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
</context>
<context>
    <name>herald::ProfileDialog</name>
    <message>
        <source>Add PostgreSQL Server</source>
        <translation>Ajouter un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>e.g. Office server</source>
        <translation>p. ex. Serveur du bureau</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>Save password in the system keychain</source>
        <translation>Enregistrer le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>verify-full checks the server&apos;s certificate and name, so a password never goes to an impostor. prefer is enough on this computer.</source>
        <translation>verify-full vérifie le certificat et le nom du serveur, pour qu’un mot de passe n’aille jamais à un imposteur. prefer suffit sur cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Mode S&amp;SL :</translation>
    </message>
    <message>
        <source>Default for this host (%1)</source>
        <translation>Par défaut pour cet hôte (%1)</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Le profil doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is already a profile named &apos;%1&apos;.</source>
        <translation>Un profil nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>The database name is not set.</source>
        <translation>Le nom de la base de données n’est pas défini.</translation>
    </message>
    <message>
        <source>Password Not Saved</source>
        <translation>Mot de passe non enregistré</translation>
    </message>
    <message>
        <source>Password Not Removed</source>
        <translation>Mot de passe non supprimé</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>herald::ProgressRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>herald::ProviderDialog</name>
    <message>
        <source>Add Mail Provider</source>
        <translation>Ajouter un fournisseur d’envoi</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>e.g. Office mail server</source>
        <translation>p. ex. Serveur de messagerie du bureau</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <source>SendGrid (HTTP API)</source>
        <translation>SendGrid (API HTTP)</translation>
    </message>
    <message>
        <source>Implicit TLS (SMTPS, usually port 465)</source>
        <translation>TLS implicite (SMTPS, généralement port 465)</translation>
    </message>
    <message>
        <source>STARTTLS, required (usually port 587)</source>
        <translation>STARTTLS obligatoire (généralement port 587)</translation>
    </message>
    <message>
        <source>STARTTLS when offered</source>
        <translation>STARTTLS si proposé</translation>
    </message>
    <message>
        <source>None: plain text (test servers on this computer only)</source>
        <translation>Aucun : texte en clair (serveurs de test sur cet ordinateur uniquement)</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>&amp;Vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>Turn off only for a relay of your own with a self-made certificate.</source>
        <translation>Désactivez-le uniquement pour un relais à vous doté d’un certificat fait maison.</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the database.</source>
        <translation>Conservé dans le trousseau du système, jamais dans la base de données.</translation>
    </message>
    <message>
        <source>%1 The secret is kept only until Herald closes.</source>
        <translation>%1 Le secret n’est conservé que jusqu’à la fermeture de Herald.</translation>
    </message>
    <message>
        <source> msgs/s</source>
        <translation> msg/s</translation>
    </message>
    <message>
        <source>How many messages may go at once after a quiet spell.</source>
        <translation>Combien de messages peuvent partir d’un coup après une période calme.</translation>
    </message>
    <message>
        <source>Lower is tried first; the others take over when it fails.</source>
        <translation>Le plus bas est essayé en premier ; les autres prennent le relais en cas d’échec.</translation>
    </message>
    <message>
        <source>&amp;Use this provider</source>
        <translation>&amp;Utiliser ce fournisseur</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation>T&amp;LS :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Débit :</translation>
    </message>
    <message>
        <source>&amp;Burst:</source>
        <translation>&amp;Rafale :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Connexions :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d’API :</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>empty for api.sendgrid.com, or a proxy&apos;s address</source>
        <translation>vide pour api.sendgrid.com, ou l’adresse d’un proxy</translation>
    </message>
    <message>
        <source>Secret Not Saved</source>
        <translation>Secret non enregistré</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Nouveau fournisseur</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Connexion à %1:%2…</translation>
    </message>
    <message>
        <source>Asking SendGrid about the API key…</source>
        <translation>Interrogation de SendGrid sur la clé d’API…</translation>
    </message>
    <message>
        <source>&amp;Sign with the sender domain&apos;s DKIM key (Settings → Sender domains)</source>
        <translation>Si&amp;gner avec la clé DKIM du domaine d’expéditeur (Paramètres → Domaines d’expéditeur)</translation>
    </message>
    <message>
        <source>Turn off for a provider that signs with its own DKIM key, as most mail APIs do.</source>
        <translation>Désactivez pour un fournisseur qui signe avec sa propre clé DKIM, comme le font la plupart des API d’e-mail.</translation>
    </message>
    <message>
        <source>DKIM:</source>
        <translation>DKIM :</translation>
    </message>
    <message>
        <source>How many connections each sending process keeps open to this provider at once. Many providers limit this; more connections send faster.</source>
        <translation>Combien de connexions chaque processus d&apos;envoi garde ouvertes en même temps vers ce fournisseur. Beaucoup de fournisseurs les limitent ; plus de connexions envoient plus vite.</translation>
    </message>
</context>
<context>
    <name>herald::ProviderRepository</name>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Could not add provider &apos;%1&apos;</source>
        <translation>Impossible d’ajouter le fournisseur « %1 »</translation>
    </message>
    <message>
        <source>Could not save provider &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer le fournisseur « %1 »</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; (#%2) was deleted by someone else; your changes were not saved.</source>
        <translation>Le fournisseur « %1 » (n° %2) a été supprimé par quelqu’un d’autre ; vos modifications n’ont pas été enregistrées.</translation>
    </message>
    <message>
        <source>Could not read provider #%1</source>
        <translation>Impossible de lire le fournisseur n° %1</translation>
    </message>
    <message>
        <source>Provider #%1 does not exist.</source>
        <translation>Le fournisseur n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read the providers</source>
        <translation>Impossible de lire les fournisseurs</translation>
    </message>
    <message>
        <source>Could not delete provider #%1</source>
        <translation>Impossible de supprimer le fournisseur n° %1</translation>
    </message>
</context>
<context>
    <name>herald::ProviderStatusWriter</name>
    <message>
        <source>Could not record the state of the providers</source>
        <translation>Impossible d’enregistrer l’état des fournisseurs</translation>
    </message>
    <message>
        <source>Could not remove the provider states of stopped senders</source>
        <translation>Impossible de supprimer l’état des fournisseurs des expéditeurs arrêtés</translation>
    </message>
</context>
<context>
    <name>herald::ProviderValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; needs the SMTP server&apos;s host name (like smtp.example.org).</source>
        <translation>Le fournisseur « %1 » a besoin du nom d’hôte du serveur SMTP (comme smtp.example.org).</translation>
    </message>
    <message>
        <source>Host &apos;%1&apos; of provider &apos;%2&apos; has spaces in it.</source>
        <translation>L’hôte « %1 » du fournisseur « %2 » contient des espaces.</translation>
    </message>
    <message>
        <source>Port %1 of provider &apos;%2&apos; is not between 1 and 65535 (SMTP uses 587, 465 or 25).</source>
        <translation>Le port %1 du fournisseur « %2 » n’est pas compris entre 1 et 65535 (SMTP utilise 587, 465 ou 25).</translation>
    </message>
    <message>
        <source>The rate of provider &apos;%1&apos; must be more than 0 messages per second.</source>
        <translation>Le débit du fournisseur « %1 » doit être supérieur à 0 message par seconde.</translation>
    </message>
    <message>
        <source>The burst of provider &apos;%1&apos; must be at least 1 message.</source>
        <translation>La rafale du fournisseur « %1 » doit être d’au moins 1 message.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; needs at least 1 connection.</source>
        <translation>Le fournisseur « %1 » a besoin d’au moins 1 connexion.</translation>
    </message>
</context>
<context>
    <name>herald::ProvidersPanel</name>
    <message>
        <source>Add pro&amp;vider…</source>
        <translation>Ajouter un &amp;fournisseur…</translation>
    </message>
    <message>
        <source>E&amp;dit provider…</source>
        <translation>Mo&amp;difier le fournisseur…</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Retirer le fournisseur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail providers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fournisseurs d’envoi&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The SMTP servers and mail APIs Herald sends through, tried in order of priority; when one fails, the next takes over. Passwords and API keys are kept in the system keychain.</source>
        <translation>Les serveurs SMTP et API d’envoi par lesquels Herald envoie, essayés par ordre de priorité ; quand l’un échoue, le suivant prend le relais. Les mots de passe et clés d’API sont conservés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>SendGrid</source>
        <translation>SendGrid</translation>
    </message>
    <message>
        <source>%1 msgs/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>In use, but no secret saved</source>
        <translation>Utilisé, mais sans secret enregistré</translation>
    </message>
    <message>
        <source>No provider yet: add your organisation&apos;s SMTP server or a SendGrid API key to send.</source>
        <translation>Pas encore de fournisseur : ajoutez le serveur SMTP de votre organisation ou une clé d’API SendGrid pour envoyer.</translation>
    </message>
    <message>
        <source>Remove Provider</source>
        <translation>Retirer le fournisseur</translation>
    </message>
    <message>
        <source>Remove the provider “%1” (%2)? Its password or API key leaves the keychain too. Messages already sent through it are not touched.</source>
        <translation>Retirer le fournisseur « %1 » (%2) ? Son mot de passe ou sa clé d’API quitte aussi le trousseau. Les messages déjà envoyés par son intermédiaire ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>“%1” was removed.</source>
        <translation>« %1 » a été retiré.</translation>
    </message>
</context>
<context>
    <name>herald::QueueSampler</name>
    <message>
        <source>Could not read the queue samples</source>
        <translation>Impossible de lire les échantillons de la file d’attente</translation>
    </message>
    <message>
        <source>Could not sample the queue</source>
        <translation>Impossible d’échantillonner la file d’attente</translation>
    </message>
    <message>
        <source>Could not remove old queue samples</source>
        <translation>Impossible de supprimer les anciens échantillons de la file d’attente</translation>
    </message>
</context>
<context>
    <name>herald::RecentEngagementChart</name>
    <message>
        <source>Open rate</source>
        <translation>Taux d’ouverture</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Taux de clic</translation>
    </message>
    <message>
        <source>Opens and clicks by people, recent campaigns</source>
        <translation>Ouvertures et clics par des personnes, campagnes récentes</translation>
    </message>
    <message>
        <source>% of messages delivered</source>
        <translation>% des messages remis</translation>
    </message>
    <message>
        <source>People only: opens and clicks by machines (link scanners, privacy proxies) are left out, as are campaigns without tracking. ~ Approximate (lighter bars): anonymous tracking counts every open and click, so a person who opens twice counts twice.</source>
        <translation>Personnes seulement : les ouvertures et clics de machines (analyseurs de liens, proxys de confidentialité) sont exclus, ainsi que les campagnes sans suivi. ~ Approximatif (barres plus claires) : le suivi anonyme compte chaque ouverture et chaque clic, une personne qui ouvre deux fois compte donc deux fois.</translation>
    </message>
    <message>
        <source>%1, %2: %3 % of %L4 messages delivered</source>
        <translation>%1, %2 : %3 % de %L4 messages remis</translation>
    </message>
    <message>
        <source>~ %1</source>
        <translation>~ %1</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (nº %2)</translation>
    </message>
    <message>
        <source>No tracked campaigns yet</source>
        <translation>Aucune campagne suivie pour l’instant</translation>
    </message>
</context>
<context>
    <name>herald::RecipientPages</name>
    <message>
        <source>This message is no longer available.</source>
        <translation>Ce message n’est plus disponible.</translation>
    </message>
</context>
<context>
    <name>herald::SampleData</name>
    <message numerus="yes">
        <source>Removed the sample data: %n nonprofit(s)</source>
        <translation>
            <numerusform>Données d’exemple supprimées : %n association</numerusform>
            <numerusform>Données d’exemple supprimées : %n associations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n template(s)</source>
        <translation>
            <numerusform>, %n modèle</numerusform>
            <numerusform>, %n modèles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n segment(s)</source>
        <translation>
            <numerusform>, %n segment</numerusform>
            <numerusform>, %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n sender identit(y/ies)</source>
        <translation>
            <numerusform>, %n identité d’expéditeur</numerusform>
            <numerusform>, %n identités d’expéditeur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n campaign(s).</source>
        <translation>
            <numerusform> et %n campagne.</numerusform>
            <numerusform> et %n campagnes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not look for sample data</source>
        <translation>Impossible de chercher les données d’exemple</translation>
    </message>
    <message>
        <source>Could not look at the database</source>
        <translation>Impossible de consulter la base de données</translation>
    </message>
    <message>
        <source>Could not note a sample row</source>
        <translation>Impossible de noter une ligne d’exemple</translation>
    </message>
    <message>
        <source>The sample data is already loaded. Remove it first (Help → Remove Sample Data).</source>
        <translation>Les données d’exemple sont déjà chargées. Supprimez-les d’abord (Aide → Supprimer les données d’exemple).</translation>
    </message>
    <message>
        <source>Could not look at the nonprofits</source>
        <translation>Impossible de consulter les associations</translation>
    </message>
    <message>
        <source>Could not note the sample nonprofits</source>
        <translation>Impossible de noter les associations d’exemple</translation>
    </message>
    <message>
        <source>Could not read the sample nonprofits</source>
        <translation>Impossible de lire les associations d’exemple</translation>
    </message>
    <message numerus="yes">
        <source>Loading the sample data was cancelled after %n nonprofit(s); Help → Remove Sample Data takes them away.</source>
        <translation>
            <numerusform>Le chargement des données d’exemple a été annulé après %n association ; Aide → Supprimer les données d’exemple la retire.</numerusform>
            <numerusform>Le chargement des données d’exemple a été annulé après %n associations ; Aide → Supprimer les données d’exemple les retire.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample: Newsletter</source>
        <translation>Exemple : lettre d’information</translation>
    </message>
    <message>
        <source>News for {{name}}</source>
        <translation>Nouvelles pour {{name}}</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Hello, {{name}}&lt;/h1&gt;
&lt;p&gt;This is a sample newsletter to the nonprofits of {{city}}. Change it on the Templates page: a field in double braces, like the name above, is &lt;b&gt;filled in&lt;/b&gt; for each recipient.&lt;/p&gt;
&lt;p&gt;With best wishes,&lt;br&gt;{{from_name}}&lt;/p&gt;
&lt;hr&gt;
&lt;p style=&quot;font-size:12px;color:#666&quot;&gt;{{postal_address}}&lt;br&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Unsubscribe&lt;/a&gt;&lt;/p&gt;
</source>
        <translation>&lt;h1&gt;Bonjour {{name}},&lt;/h1&gt;
&lt;p&gt;Voici une lettre d’information d’exemple pour les associations de {{city}}. Modifiez-la sur la page Modèles : un champ entre doubles accolades, comme le nom ci-dessus, est &lt;b&gt;rempli&lt;/b&gt; pour chaque destinataire.&lt;/p&gt;
&lt;p&gt;Bien cordialement,&lt;br&gt;{{from_name}}&lt;/p&gt;
&lt;hr&gt;
&lt;p style=&quot;font-size:12px;color:#666&quot;&gt;{{postal_address}}&lt;br&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Se désabonner&lt;/a&gt;&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Hello, {{name}}

This is a sample newsletter to the nonprofits of {{city}}. Change it on the Templates page: a field in double braces, like the name above, is filled in for each recipient.

With best wishes,
{{from_name}}

--
{{postal_address}}
Unsubscribe: {{unsubscribe_url}}
</source>
        <translation>Bonjour {{name}},

Voici une lettre d’information d’exemple pour les associations de {{city}}. Modifiez-la sur la page Modèles : un champ entre doubles accolades, comme le nom ci-dessus, est rempli pour chaque destinataire.

Bien cordialement,
{{from_name}}

--
{{postal_address}}
Se désabonner : {{unsubscribe_url}}
</translation>
    </message>
    <message>
        <source>Sample: Burlington area</source>
        <translation>Exemple : région de Burlington</translation>
    </message>
    <message>
        <source>Sample sender</source>
        <translation>Expéditeur d’exemple</translation>
    </message>
    <message>
        <source>Sample Nonprofit Network</source>
        <translation>Réseau d’associations d’exemple</translation>
    </message>
    <message>
        <source>SAMPLE ADDRESS, 123 Example Street, Anytown (replace before a real send)</source>
        <translation>ADRESSE D’EXEMPLE, 123 Example Street, Anytown (à remplacer avant un envoi réel)</translation>
    </message>
    <message>
        <source>Sample campaign</source>
        <translation>Campagne d’exemple</translation>
    </message>
    <message>
        <source>Could not remove the sample data</source>
        <translation>Impossible de supprimer les données d’exemple</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; stays: campaign &apos;%2&apos; was sent with it.</source>
        <translation>Le modèle « %1 » reste : la campagne « %2 » a été envoyée avec lui.</translation>
    </message>
</context>
<context>
    <name>herald::SampleDataActions</name>
    <message>
        <source>Load Sample Data</source>
        <translation>Charger les données d’exemple</translation>
    </message>
    <message>
        <source>Loading the sample nonprofits…</source>
        <translation>Chargement des associations d’exemple…</translation>
    </message>
    <message>
        <source>Remove Sample Data</source>
        <translation>Supprimer les données d’exemple</translation>
    </message>
    <message>
        <source>Remove the sample nonprofits, template, segment, sender and campaign? What you added yourself stays.</source>
        <translation>Supprimer les associations, le modèle, le segment, l’expéditeur et la campagne d’exemple ? Ce que vous avez ajouté vous-même reste.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
</context>
<context>
    <name>herald::ScheduleSection</name>
    <message>
        <source>Send &amp;now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;À</translation>
    </message>
</context>
<context>
    <name>herald::SecretStore</name>
    <message>
        <source>The system keychain is turned off for this session.</source>
        <translation>Le trousseau du système est désactivé pour cette session.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Herald will ask for passwords each session instead of saving them.</source>
        <translation>Aucun trousseau du système n’est disponible (%1). Herald demandera les mots de passe à chaque session au lieu de les enregistrer.</translation>
    </message>
    <message>
        <source>No password is saved for %1.</source>
        <translation>Aucun mot de passe n’est enregistré pour %1.</translation>
    </message>
    <message>
        <source>Could not read %1 from the keychain: %2</source>
        <translation>Impossible de lire %1 dans le trousseau : %2</translation>
    </message>
    <message>
        <source>Could not save %1 in the keychain: %2. It is kept for this session only.</source>
        <translation>Impossible d’enregistrer %1 dans le trousseau : %2. Il est conservé pour cette session uniquement.</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain: %2</source>
        <translation>Impossible de retirer %1 du trousseau : %2</translation>
    </message>
</context>
<context>
    <name>herald::SegmentFilterBar</name>
    <message>
        <source>Sa&amp;ve as Segment…</source>
        <translation>&amp;Enregistrer comme segment…</translation>
    </message>
    <message>
        <source>Delete Segment</source>
        <translation>Supprimer le segment</translation>
    </message>
    <message>
        <source>any tag, e.g. gala, food</source>
        <translation>n’importe quelle étiquette, p. ex. gala, alimentation</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Se&amp;gment:</source>
        <translation>Se&amp;gment :</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes :</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source>All nonprofits</source>
        <translation>Toutes les associations</translation>
    </message>
    <message>
        <source>Save as Segment</source>
        <translation>Enregistrer comme segment</translation>
    </message>
    <message>
        <source>Campaigns can use this segment as their audience. Name:</source>
        <translation>Les campagnes peuvent utiliser ce segment comme audience. Nom :</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? The nonprofits in it are not deleted.</source>
        <translation>Supprimer le segment « %1 » ? Les associations qu’il contient ne sont pas supprimées.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
</context>
<context>
    <name>herald::SegmentRepository</name>
    <message>
        <source>A segment needs a name.</source>
        <translation>Un segment doit avoir un nom.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Could not add segment &apos;%1&apos;</source>
        <translation>Impossible d’ajouter le segment « %1 »</translation>
    </message>
    <message>
        <source>Could not save segment &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer le segment « %1 »</translation>
    </message>
    <message>
        <source>Could not read segment #%1</source>
        <translation>Impossible de lire le segment n° %1</translation>
    </message>
    <message>
        <source>Segment #%1 does not exist.</source>
        <translation>Le segment n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read the segments</source>
        <translation>Impossible de lire les segments</translation>
    </message>
    <message>
        <source>Could not delete segment #%1</source>
        <translation>Impossible de supprimer le segment n° %1</translation>
    </message>
    <message>
        <source>Could not count the segment</source>
        <translation>Impossible de compter le segment</translation>
    </message>
</context>
<context>
    <name>herald::SendEngine</name>
    <message>
        <source>No sending provider is set up and enabled. Add one in Settings → Providers.</source>
        <translation>Aucun fournisseur d’envoi n’est configuré et activé. Ajoutez-en un dans Paramètres → Fournisseurs.</translation>
    </message>
</context>
<context>
    <name>herald::SendGridTransport</name>
    <message>
        <source>SendGrid at %1: %2</source>
        <translation>SendGrid à %1 : %2</translation>
    </message>
    <message>
        <source>SendGrid refused the API key (401: %1). Check the key in the provider&apos;s settings.</source>
        <translation>SendGrid a refusé la clé d’API (401 : %1). Vérifiez la clé dans les paramètres du fournisseur.</translation>
    </message>
    <message>
        <source>SendGrid&apos;s API key may not do this (403: %1). Give the key the Mail Send permission.</source>
        <translation>La clé d’API SendGrid n’a pas le droit de faire cela (403 : %1). Donnez à la clé l’autorisation Mail Send.</translation>
    </message>
    <message>
        <source>SendGrid at %1 answered %2: %3</source>
        <translation>SendGrid à %1 a répondu %2 : %3</translation>
    </message>
    <message>
        <source>Accepted by SendGrid (%1).</source>
        <translation>Accepté par SendGrid (%1).</translation>
    </message>
    <message>
        <source>Accepted by SendGrid (%1), message id %2.</source>
        <translation>Accepté par SendGrid (%1), identifiant du message %2.</translation>
    </message>
    <message>
        <source>SendGrid accepted the API key, but it may not send mail: give it the Mail Send permission.</source>
        <translation>SendGrid a accepté la clé d’API, mais elle ne peut pas envoyer de messages : donnez-lui l’autorisation Mail Send.</translation>
    </message>
    <message numerus="yes">
        <source>SendGrid at %1 accepted the API key (%n permission(s), including Mail Send).</source>
        <translation>
            <numerusform>SendGrid à %1 a accepté la clé d’API (%n autorisation, dont Mail Send).</numerusform>
            <numerusform>SendGrid à %1 a accepté la clé d’API (%n autorisations, dont Mail Send).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendQueue</name>
    <message>
        <source>Could not queue campaign #%1</source>
        <translation>Impossible de mettre en file d’attente la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not claim messages to send</source>
        <translation>Impossible de réserver des messages à envoyer</translation>
    </message>
    <message>
        <source>Could not read the recipients of claimed messages</source>
        <translation>Impossible de lire les destinataires des messages réservés</translation>
    </message>
    <message numerus="yes">
        <source>Could not mark %n message(s) as being sent</source>
        <translation>
            <numerusform>Impossible de marquer %n message comme en cours d’envoi</numerusform>
            <numerusform>Impossible de marquer %n messages comme en cours d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not return %n message(s) to the queue</source>
        <translation>
            <numerusform>Impossible de remettre %n message dans la file d’attente</numerusform>
            <numerusform>Impossible de remettre %n messages dans la file d’attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not record the outcome of %n message(s)</source>
        <translation>
            <numerusform>Impossible d’enregistrer le résultat de %n message</numerusform>
            <numerusform>Impossible d’enregistrer le résultat de %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add hard bounces to the suppression list</source>
        <translation>Impossible d’ajouter les rejets définitifs à la liste d’exclusion</translation>
    </message>
    <message>
        <source>Could not mark bounced nonprofits</source>
        <translation>Impossible de marquer les associations rejetées</translation>
    </message>
    <message>
        <source>The sender stopped while handing this message to the provider; it may or may not have been delivered.</source>
        <translation>L’expéditeur s’est arrêté pendant la remise de ce message au fournisseur ; il a peut-être été distribué, ou non.</translation>
    </message>
    <message>
        <source>Could not recover expired leases</source>
        <translation>Impossible de récupérer les réservations expirées</translation>
    </message>
    <message>
        <source>Could not resend messages of unknown outcome</source>
        <translation>Impossible de renvoyer les messages au résultat inconnu</translation>
    </message>
    <message>
        <source>Could not mark messages of unknown outcome as sent</source>
        <translation>Impossible de marquer comme envoyés les messages au résultat inconnu</translation>
    </message>
    <message>
        <source>Could not complete finished campaigns</source>
        <translation>Impossible de clôturer les campagnes terminées</translation>
    </message>
    <message>
        <source>Could not resolve messages of unknown outcome in campaign #%1</source>
        <translation>Impossible de résoudre les messages au résultat inconnu de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not reopen campaign #%1</source>
        <translation>Impossible de rouvrir la campagne n° %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not retry %n failed message(s) of campaign #%1</source>
        <translation>
            <numerusform>Impossible de réessayer %n message en échec de la campagne n° %1</numerusform>
            <numerusform>Impossible de réessayer %n messages en échec de la campagne n° %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendRepository</name>
    <message>
        <source>Could not queue &apos;%1&apos; for campaign #%2</source>
        <translation>Impossible de mettre « %1 » en file d’attente pour la campagne n° %2</translation>
    </message>
    <message>
        <source>The queue did not return the new send.</source>
        <translation>La file d’attente n’a pas renvoyé le nouvel envoi.</translation>
    </message>
    <message>
        <source>Could not read send #%1</source>
        <translation>Impossible de lire l’envoi n° %1</translation>
    </message>
    <message>
        <source>Send #%1 does not exist.</source>
        <translation>L’envoi n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read the send of campaign #%1 to nonprofit #%2</source>
        <translation>Impossible de lire l’envoi de la campagne n° %1 à l’association n° %2</translation>
    </message>
    <message>
        <source>Campaign #%1 has not queued nonprofit #%2.</source>
        <translation>La campagne n° %1 n’a pas mis l’association n° %2 en file d’attente.</translation>
    </message>
    <message>
        <source>Could not read the sends of campaign #%1</source>
        <translation>Impossible de lire les envois de la campagne n° %1</translation>
    </message>
    <message>
        <source>Could not read when campaign #%1 was first delivered</source>
        <translation>Impossible de lire quand la campagne n° %1 a été remise pour la première fois</translation>
    </message>
</context>
<context>
    <name>herald::SenderDomainCheck</name>
    <message>
        <source>No SPF record: receivers cannot tell which servers may send for %1. Publish one that names your mail servers (add include:… for a mail provider, as its documentation says).</source>
        <translation>Aucun enregistrement SPF : les destinataires ne peuvent pas savoir quels serveurs peuvent envoyer pour %1. Publiez-en un qui nomme vos serveurs de messagerie (ajoutez include:… pour un fournisseur de messagerie, comme l’indique sa documentation).</translation>
    </message>
    <message>
        <source>%1 SPF records: receivers treat more than one as an error (RFC 7208). Merge them into one.</source>
        <translation>%1 enregistrements SPF : les destinataires considèrent qu’en avoir plusieurs est une erreur (RFC 7208). Fusionnez-les en un seul.</translation>
    </message>
    <message>
        <source>The SPF record ends in “+all”: it lets every server in the world send as %1. Use “~all”.</source>
        <translation>L’enregistrement SPF se termine par « +all » : il permet à n’importe quel serveur au monde d’envoyer au nom de %1. Utilisez « ~all ».</translation>
    </message>
    <message>
        <source>SPF is published.</source>
        <translation>SPF est publié.</translation>
    </message>
    <message>
        <source>Herald has no DKIM key for %1: generate or import one in Settings → Sender domains, then publish its record.</source>
        <translation>Herald n’a aucune clé DKIM pour %1 : générez-en ou importez-en une dans Paramètres → Domaines d’expéditeur, puis publiez son enregistrement.</translation>
    </message>
    <message>
        <source>No DKIM key is published at %1: receivers cannot check Herald&apos;s signatures.</source>
        <translation>Aucune clé DKIM n’est publiée à %1 : les destinataires ne peuvent pas vérifier les signatures de Herald.</translation>
    </message>
    <message>
        <source>The published key is the one Herald signs with.</source>
        <translation>La clé publiée est celle avec laquelle Herald signe.</translation>
    </message>
    <message>
        <source>The published key is revoked (empty p=): every signature fails. Publish Herald&apos;s key.</source>
        <translation>La clé publiée est révoquée (p= vide) : toutes les signatures échouent. Publiez la clé de Herald.</translation>
    </message>
    <message>
        <source>The published key is not the one Herald signs with: every signature fails. Replace it with Herald&apos;s key.</source>
        <translation>La clé publiée n’est pas celle avec laquelle Herald signe : toutes les signatures échouent. Remplacez-la par la clé de Herald.</translation>
    </message>
    <message>
        <source>No DMARC record: Gmail and Yahoo require one from bulk senders. Start with p=none and read the reports before tightening it.</source>
        <translation>Aucun enregistrement DMARC : Gmail et Yahoo en exigent un des expéditeurs en masse. Commencez par p=none et lisez les rapports avant de le durcir.</translation>
    </message>
    <message>
        <source>%1 DMARC records: receivers ignore them all when there is more than one. Keep one.</source>
        <translation>%1 enregistrements DMARC : les destinataires les ignorent tous lorsqu’il y en a plusieurs. N’en gardez qu’un.</translation>
    </message>
    <message>
        <source>The DMARC record must start with v=DMARC1 and carry a policy p=none, p=quarantine or p=reject.</source>
        <translation>L’enregistrement DMARC doit commencer par v=DMARC1 et comporter une politique p=none, p=quarantine ou p=reject.</translation>
    </message>
    <message>
        <source>DMARC is published (policy %1).</source>
        <translation>DMARC est publié (politique %1).</translation>
    </message>
    <message>
        <source>Could not ask DNS about %1: %2</source>
        <translation>Impossible d’interroger le DNS sur %1 : %2</translation>
    </message>
</context>
<context>
    <name>herald::SenderDomainsPanel</name>
    <message>
        <source>&amp;Generate DKIM key</source>
        <translation>&amp;Générer une clé DKIM</translation>
    </message>
    <message>
        <source>&amp;Import key…</source>
        <translation>&amp;Importer une clé…</translation>
    </message>
    <message>
        <source>&amp;Copy record</source>
        <translation>&amp;Copier l’enregistrement</translation>
    </message>
    <message>
        <source>Check &amp;DNS</source>
        <translation>Vérifier le &amp;DNS</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sender domains&lt;/b&gt;</source>
        <translation>&lt;b&gt;Domaines d’expéditeur&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Herald signs the mail of each domain your sender identities use with its DKIM key (the private key stays in the system keychain). Publish the TXT record below at your DNS host, then check that SPF, DKIM and DMARC pass: Gmail and Yahoo require all three from bulk senders.</source>
        <translation>Herald signe les messages de chaque domaine utilisé par vos identités d’expéditeur avec la clé DKIM de ce domaine (la clé privée reste dans le trousseau du système). Publiez l’enregistrement TXT ci-dessous chez votre hébergeur DNS, puis vérifiez que SPF, DKIM et DMARC sont valides : Gmail et Yahoo exigent les trois des expéditeurs en masse.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <source>DKIM key</source>
        <translation>Clé DKIM</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>The name of the DNS record: &lt;selector&gt;._domainkey.&lt;domain&gt;. A new key gets a new selector, so mail signed with the old key still verifies while it is delivered.</source>
        <translation>Le nom de l’enregistrement DNS : &lt;selector&gt;._domainkey.&lt;domain&gt;. Une nouvelle clé reçoit un nouveau sélecteur, afin que les messages signés avec l’ancienne clé restent vérifiables pendant leur remise.</translation>
    </message>
    <message>
        <source>Look up the SPF, DKIM and DMARC records of every sender domain</source>
        <translation>Consulter les enregistrements SPF, DKIM et DMARC de chaque domaine d’expéditeur</translation>
    </message>
    <message>
        <source>Domain / record</source>
        <translation>Domaine / enregistrement</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>DNS name</source>
        <translation>Nom DNS</translation>
    </message>
    <message>
        <source>Found, or the record to publish</source>
        <translation>Trouvé, ou l’enregistrement à publier</translation>
    </message>
    <message>
        <source>Selector:</source>
        <translation>Sélecteur :</translation>
    </message>
    <message>
        <source>DNS record to publish:</source>
        <translation>Enregistrement DNS à publier :</translation>
    </message>
    <message>
        <source>RSA, in the keychain</source>
        <translation>RSA, dans le trousseau</translation>
    </message>
    <message>
        <source>RSA, kept until Herald closes</source>
        <translation>RSA, conservée jusqu’à la fermeture de Herald</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none: mail goes out unsigned</source>
        <translation>aucune : les messages partent sans signature</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>all pass</source>
        <translation>tout est valide</translation>
    </message>
    <message>
        <source>No sender domains yet: add a sender identity (Campaigns → New campaign → sender) first.</source>
        <translation>Pas encore de domaine d’expéditeur : ajoutez d’abord une identité d’expéditeur (Campagnes → Nouvelle campagne → expéditeur).</translation>
    </message>
    <message>
        <source>No DKIM key for %1 yet: generate or import one.</source>
        <translation>Pas encore de clé DKIM pour %1 : générez-en ou importez-en une.</translation>
    </message>
    <message>
        <source>Replace DKIM Key</source>
        <translation>Remplacer la clé DKIM</translation>
    </message>
    <message>
        <source>%1 already has a DKIM key (selector %2). Herald signs with the new key from now on: publish its record before the next campaign, and keep the old record published for a few days.</source>
        <translation>%1 a déjà une clé DKIM (sélecteur %2). Herald signe désormais avec la nouvelle clé : publiez son enregistrement avant la prochaine campagne, et laissez l’ancien enregistrement publié quelques jours.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Keep the current key</source>
        <translation>Garder la clé actuelle</translation>
    </message>
    <message>
        <source>Generating a %1-bit RSA key for %2…</source>
        <translation>Génération d’une clé RSA de %1 bits pour %2…</translation>
    </message>
    <message>
        <source>Import DKIM Private Key</source>
        <translation>Importer une clé privée DKIM</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key *.private);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.key *.private);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 has a new %2-bit DKIM key. Publish the record above at your DNS host, then press Check DNS.</source>
        <translation>%1 a une nouvelle clé DKIM de %2 bits. Publiez l’enregistrement ci-dessus chez votre hébergeur DNS, puis cliquez sur Vérifier le DNS.</translation>
    </message>
    <message>
        <source>The TXT record for %1 is on the clipboard.</source>
        <translation>L’enregistrement TXT de %1 est dans le presse-papiers.</translation>
    </message>
    <message numerus="yes">
        <source>Asking DNS about %n domain(s)…</source>
        <translation>
            <numerusform>Interrogation du DNS pour %n domaine…</numerusform>
            <numerusform>Interrogation du DNS pour %n domaines…</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record passes.</source>
        <translation>Tous les enregistrements sont valides.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) need attention: publish the values shown (hover a row for why).</source>
        <translation>
            <numerusform>%n enregistrement demande votre attention : publiez les valeurs affichées (survolez une ligne pour savoir pourquoi).</numerusform>
            <numerusform>%n enregistrements demandent votre attention : publiez les valeurs affichées (survolez une ligne pour savoir pourquoi).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;Ed25519 key</source>
        <translation>Ajouter une clé &amp;Ed25519</translation>
    </message>
    <message>
        <source>A private RSA or Ed25519 key in PEM form (from opendkim-genkey, openssl or your mail provider); an Ed25519 key goes beside the domain&apos;s RSA key</source>
        <translation>Une clé privée RSA ou Ed25519 au format PEM (issue d’opendkim-genkey, d’openssl ou de votre fournisseur de messagerie) ; une clé Ed25519 s’ajoute à côté de la clé RSA du domaine</translation>
    </message>
    <message>
        <source>A second, Ed25519 key (RFC 8463) beside the RSA key, with a record of its own: mail carries both signatures, and receivers that do not know Ed25519 check the RSA one</source>
        <translation>Une deuxième clé, Ed25519 (RFC 8463), à côté de la clé RSA, avec son propre enregistrement : les messages portent les deux signatures, et les destinataires qui ne connaissent pas Ed25519 vérifient la signature RSA</translation>
    </message>
    <message>
        <source>RSA + Ed25519, in the keychain</source>
        <translation>RSA + Ed25519, dans le trousseau</translation>
    </message>
    <message>
        <source>RSA + Ed25519, kept until Herald closes</source>
        <translation>RSA + Ed25519, en mémoire jusqu’à la fermeture</translation>
    </message>
    <message>
        <source>%1 already has an Ed25519 DKIM key (selector %2). Herald signs with the new key from now on: publish its record before the next campaign, and keep the old record published for a few days.</source>
        <translation>%1 a déjà une clé DKIM Ed25519 (sélecteur %2). Herald signe désormais avec la nouvelle clé : publiez son enregistrement avant la prochaine campagne et laissez l’ancien publié quelques jours.</translation>
    </message>
    <message>
        <source>Generating an Ed25519 key for %1…</source>
        <translation>Génération d’une clé Ed25519 pour %1…</translation>
    </message>
    <message>
        <source>%1 has a new Ed25519 DKIM key beside its RSA key (selector %2). Publish both records above at your DNS host, then press Check DNS.</source>
        <translation>%1 a une nouvelle clé DKIM Ed25519 à côté de sa clé RSA (sélecteur %2). Publiez les deux enregistrements ci-dessus chez votre hébergeur DNS, puis cliquez sur Vérifier le DNS.</translation>
    </message>
    <message>
        <source>The TXT records for %1 and %2 are on the clipboard.</source>
        <translation>Les enregistrements TXT de %1 et %2 sont dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>herald::SenderIdentity</name>
    <message>
        <source>A sender identity needs a name.</source>
        <translation>Une identité d’expéditeur doit avoir un nom.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nom de l’expéditeur</translation>
    </message>
    <message>
        <source>Sender email</source>
        <translation>E-mail de l’expéditeur</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>Adresse de réponse</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désinscription</translation>
    </message>
    <message>
        <source>Sender email is required.</source>
        <translation>L’e-mail de l’expéditeur est obligatoire.</translation>
    </message>
    <message>
        <source>Sender email &apos;%1&apos; %2.</source>
        <translation>L’e-mail de l’expéditeur « %1 » %2.</translation>
    </message>
    <message>
        <source>Reply-to address &apos;%1&apos; %2.</source>
        <translation>L’adresse de réponse « %1 » %2.</translation>
    </message>
    <message>
        <source>Unsubscribe link &apos;%1&apos; is not a web address (https://…).</source>
        <translation>Le lien de désabonnement « %1 » n’est pas une adresse web (https://…).</translation>
    </message>
</context>
<context>
    <name>herald::SenderIdentityDialog</name>
    <message>
        <source>New Sender Identity</source>
        <translation>Nouvelle identité d’expéditeur</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Development office</source>
        <translation>p. ex. Service du développement</translation>
    </message>
    <message>
        <source>From &amp;name:</source>
        <translation>&amp;Nom de l’expéditeur :</translation>
    </message>
    <message>
        <source>Friends of the Library</source>
        <translation>Les Amis de la Bibliothèque</translation>
    </message>
    <message>
        <source>From &amp;email:</source>
        <translation>&amp;E-mail de l’expéditeur :</translation>
    </message>
    <message>
        <source>news@example.org</source>
        <translation>news@example.org</translation>
    </message>
    <message>
        <source>&amp;Reply-to:</source>
        <translation>&amp;Répondre à :</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Bulk mail must show the sender&apos;s postal address (CAN-SPAM).</source>
        <translation>Les envois en masse doivent afficher l’adresse postale de l’expéditeur (CAN-SPAM).</translation>
    </message>
    <message>
        <source>&amp;Postal address:</source>
        <translation>Adresse &amp;postale :</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe link:</source>
        <translation>Lien de &amp;désabonnement :</translation>
    </message>
    <message>
        <source>https://example.org/unsubscribe</source>
        <translation>https://example.org/unsubscribe</translation>
    </message>
</context>
<context>
    <name>herald::SenderIdentityRepository</name>
    <message>
        <source>Sender identity</source>
        <translation>Identité d’expéditeur</translation>
    </message>
    <message>
        <source>Could not add sender identity &apos;%1&apos;</source>
        <translation>Impossible d’ajouter l’identité d’expéditeur « %1 »</translation>
    </message>
    <message>
        <source>Could not save sender identity &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer l’identité d’expéditeur « %1 »</translation>
    </message>
    <message>
        <source>Could not read sender identity #%1</source>
        <translation>Impossible de lire l’identité d’expéditeur n° %1</translation>
    </message>
    <message>
        <source>Sender identity #%1 does not exist.</source>
        <translation>L’identité d’expéditeur n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read the sender identities</source>
        <translation>Impossible de lire les identités d’expéditeur</translation>
    </message>
    <message>
        <source>Could not delete sender identity #%1</source>
        <translation>Impossible de supprimer l’identité d’expéditeur n° %1</translation>
    </message>
</context>
<context>
    <name>herald::SenderJob</name>
    <message>
        <source>No provider is available: every one is failing or paused by its circuit breaker.</source>
        <translation>Aucun fournisseur disponible : tous échouent ou sont mis en pause par leur disjoncteur.</translation>
    </message>
</context>
<context>
    <name>herald::SendingController</name>
    <message numerus="yes">
        <source>Sending from this computer through %n provider(s).</source>
        <translation>
            <numerusform>Envoi depuis cet ordinateur par %n fournisseur.</numerusform>
            <numerusform>Envoi depuis cet ordinateur par %n fournisseurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sending: no campaign is waiting.</source>
        <translation>Pas d’envoi : aucune campagne n’attend.</translation>
    </message>
    <message>
        <source>Not sending: %1</source>
        <translation>Pas d’envoi : %1</translation>
    </message>
    <message>
        <source>Sending, with a problem: %1</source>
        <translation>Envoi en cours, avec un problème : %1</translation>
    </message>
    <message>
        <source>Stopping: returning unsent messages to the queue…</source>
        <translation>Arrêt : remise des messages non envoyés dans la file d’attente…</translation>
    </message>
</context>
<context>
    <name>herald::SendingMonitor</name>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are queued again.</source>
        <translation>
            <numerusform>%n message au résultat inconnu est remis en file d’attente.</numerusform>
            <numerusform>%n messages au résultat inconnu sont remis en file d’attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are counted as sent.</source>
        <translation>
            <numerusform>%n message au résultat inconnu est compté comme envoyé.</numerusform>
            <numerusform>%n messages au résultat inconnu sont comptés comme envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed message(s) are queued again.</source>
        <translation>
            <numerusform>%n message en échec est remis en file d’attente.</numerusform>
            <numerusform>%n messages en échec sont remis en file d’attente.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendingPage</name>
    <message>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Not sending: no campaign is waiting.</source>
        <translation>Pas d’envoi : aucune campagne n’attend.</translation>
    </message>
    <message>
        <source>No campaign is being sent. Queue one on the Campaigns page; it shows up here while it goes out.</source>
        <translation>Aucune campagne n’est en cours d’envoi. Mettez-en une en file d’attente dans la page Campagnes ; elle s’affiche ici pendant son envoi.</translation>
    </message>
    <message>
        <source>Bounces and complaints: %1</source>
        <translation>Rejets et plaintes : %1</translation>
    </message>
</context>
<context>
    <name>herald::SessionRole</name>
    <message>
        <source>Could not read what your login may do</source>
        <translation>Impossible de lire ce que votre identifiant peut faire</translation>
    </message>
    <message>
        <source>The server does not know this login.</source>
        <translation>Le serveur ne connaît pas cet identifiant.</translation>
    </message>
    <message>
        <source>no Herald role</source>
        <translation>aucun rôle Herald</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>processus d’envoi</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>éditeur</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>expéditeur</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>Editors, senders and administrators may add, change, import and delete nonprofits, segments, templates and campaign drafts.</source>
        <translation>Les éditeurs, expéditeurs et administrateurs peuvent ajouter, modifier, importer et supprimer des associations, segments, modèles et brouillons de campagne.</translation>
    </message>
    <message>
        <source>Senders and administrators may send test messages and queue, schedule, pause, resume and cancel campaigns.</source>
        <translation>Les expéditeurs et administrateurs peuvent envoyer des messages de test et mettre en file, planifier, suspendre, reprendre et annuler des campagnes.</translation>
    </message>
    <message>
        <source>Administrators may change providers, sender domains, DKIM keys and team settings, remove suppressions and erase personal data.</source>
        <translation>Les administrateurs peuvent modifier les fournisseurs, domaines d’envoi, clés DKIM et réglages de l’équipe, retirer des suppressions et effacer des données personnelles.</translation>
    </message>
    <message>
        <source>%1 You are signed in as %2 (%3).</source>
        <translation>%1 Vous êtes connecté en tant que %2 (%3).</translation>
    </message>
    <message>
        <source>This computer: every right</source>
        <translation>Cet ordinateur : tous les droits</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
</context>
<context>
    <name>herald::SettingsPage</name>
    <message>
        <source>Add &amp;PostgreSQL server…</source>
        <translation>Ajouter un serveur &amp;PostgreSQL…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>Rendre &amp;actif</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connection profiles&lt;/b&gt;</source>
        <translation>&lt;b&gt;Profils de connexion&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Herald keeps its data on this computer, or on a PostgreSQL server your team shares. Passwords are kept in the system keychain, never in the settings file.</source>
        <translation>Herald conserve ses données sur cet ordinateur ou sur un serveur PostgreSQL partagé par votre équipe. Les mots de passe sont conservés dans le trousseau du système, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open this profile when Herald starts</source>
        <translation>Ouvrir ce profil au démarrage de Herald</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Open now; not at next start</source>
        <translation>Ouvert ; pas au prochain démarrage</translation>
    </message>
    <message>
        <source>Opens at next start</source>
        <translation>S’ouvre au prochain démarrage</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Changes to “%1” take effect when Herald opens it again.</source>
        <translation>Les modifications de « %1 » prennent effet quand Herald le rouvre.</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Retirer le profil</translation>
    </message>
    <message>
        <source>Remove the profile “%1” (%2)? Its saved password leaves the keychain too. The data on the server is not touched.</source>
        <translation>Retirer le profil « %1 » (%2) ? Son mot de passe enregistré quitte aussi le trousseau. Les données du serveur ne sont pas touchées.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Password Not Removed</source>
        <translation>Mot de passe non supprimé</translation>
    </message>
    <message>
        <source>Herald keeps using “%1” until it closes; it opens “This computer” next time.</source>
        <translation>Herald continue d’utiliser « %1 » jusqu’à sa fermeture ; la prochaine fois, il ouvre « Cet ordinateur ».</translation>
    </message>
    <message>
        <source>“%1” opens the next time Herald starts.</source>
        <translation>« %1 » s’ouvrira au prochain démarrage de Herald.</translation>
    </message>
    <message>
        <source>Switch Profile</source>
        <translation>Changer de profil</translation>
    </message>
    <message>
        <source>“%1” is now the active profile. Switch to it now? Herald closes this connection and opens %2.</source>
        <translation>« %1 » est maintenant le profil actif. Y passer maintenant ? Herald ferme cette connexion et ouvre %2.</translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation>Changer maintenant</translation>
    </message>
    <message>
        <source>At next start</source>
        <translation>Au prochain démarrage</translation>
    </message>
</context>
<context>
    <name>herald::SharedRateBudget</name>
    <message>
        <source>Could not share the slow-down of provider &apos;%1&apos;</source>
        <translation>Impossible de partager le ralentissement du fournisseur « %1 »</translation>
    </message>
    <message>
        <source>Could not draw from the shared send schedule of provider &apos;%1&apos;</source>
        <translation>Impossible de puiser dans le calendrier d’envoi partagé du fournisseur « %1 »</translation>
    </message>
</context>
<context>
    <name>herald::SideBySidePreview</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation>&amp;Ordinateur</translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation>&amp;Texte brut</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <source>Subject: %1 (for %2)</source>
        <translation>Objet : %1 (pour %2)</translation>
    </message>
</context>
<context>
    <name>herald::SmtpTransport</name>
    <message>
        <source>SMTP %1:%2: %3</source>
        <translation>SMTP %1:%2 : %3</translation>
    </message>
    <message>
        <source>the server refused the sender (%1)</source>
        <translation>le serveur a refusé l&apos;expéditeur (%1)</translation>
    </message>
    <message>
        <source>the connection broke while sending (%1)</source>
        <translation>la connexion s&apos;est rompue pendant l&apos;envoi (%1)</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message numerus="yes">
        <source>no reply within %n second(s)</source>
        <translation>
            <numerusform>pas de réponse en %n seconde</numerusform>
            <numerusform>pas de réponse en %n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SpellChecker</name>
    <message>
        <source>Spell checking is off for %1: the dictionary %2 is missing (install the package %3).</source>
        <translation>La vérification orthographique est désactivée pour %1 : le dictionnaire %2 est absent (installez le paquet %3).</translation>
    </message>
    <message>
        <source>Spell checking is off for %1: the dictionary %2 is not in UTF-8 (it is in %3).</source>
        <translation>La vérification orthographique est désactivée pour %1 : le dictionnaire %2 n’est pas en UTF-8 (il est en %3).</translation>
    </message>
</context>
<context>
    <name>herald::SpellingMenu</name>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add “%1” to Dictionary</source>
        <translation>Ajouter « %1 » au dictionnaire</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>Ajouter au dictionnaire</translation>
    </message>
</context>
<context>
    <name>herald::SqliteBackup</name>
    <message>
        <source>Herald backs up only the database on this computer; for a PostgreSQL server use pg_dump (README.md, &quot;Backing up a team server&quot;).</source>
        <translation>Herald ne sauvegarde que la base de données de cet ordinateur ; pour un serveur PostgreSQL, utilisez pg_dump (README.md, « Backing up a team server »).</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or overwrite it (--force).</source>
        <translation>%1 existe déjà ; choisissez un autre fichier ou écrasez-le (--force).</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database it copies.</source>
        <translation>Une sauvegarde ne peut pas écraser la base de données qu&apos;elle copie.</translation>
    </message>
    <message>
        <source>The SQLite connection cannot be backed up (no sqlite3 handle).</source>
        <translation>La connexion SQLite ne peut pas être sauvegardée (pas de descripteur sqlite3).</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>Could not start reading the database: %1</source>
        <translation>Impossible de commencer à lire la base de données : %1</translation>
    </message>
    <message>
        <source>Could not start the backup: %1</source>
        <translation>Impossible de démarrer la sauvegarde : %1</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>La sauvegarde a été annulée ; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>Could not replace %1</source>
        <translation>Impossible de remplacer %1</translation>
    </message>
    <message>
        <source>Could not move the backup into place at %1</source>
        <translation>Impossible de mettre la sauvegarde en place à %1</translation>
    </message>
</context>
<context>
    <name>herald::StagedNonprofitMerge</name>
    <message>
        <source>Could not check the batch for keys used by other rows</source>
        <translation>Impossible de vérifier si le lot contient des clés utilisées par d’autres lignes</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation>« %1 » (n° %2)</translation>
    </message>
    <message>
        <source>EIN %1 is already used by %2.</source>
        <translation>L’EIN %1 est déjà utilisé par %2.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; is already used by %2.</source>
        <translation>L’e-mail « %1 » est déjà utilisé par %2.</translation>
    </message>
    <message>
        <source>Could not set aside rows whose key another row holds</source>
        <translation>Impossible de mettre de côté les lignes dont la clé est détenue par une autre ligne</translation>
    </message>
    <message>
        <source>Could not check the batch against erased addresses</source>
        <translation>Impossible de comparer le lot aux adresses effacées</translation>
    </message>
    <message>
        <source>Could not store the batch</source>
        <translation>Impossible d’enregistrer le lot</translation>
    </message>
    <message>
        <source>Could not replace the tags of the batch</source>
        <translation>Impossible de remplacer les étiquettes du lot</translation>
    </message>
</context>
<context>
    <name>herald::StarterChooserDialog</name>
    <message>
        <source>New Template</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Vierge</translation>
    </message>
    <message>
        <source>An empty template: you write everything.</source>
        <translation>Un modèle vide : vous écrivez tout.</translation>
    </message>
    <message>
        <source>Start from a blank template or a starter design. Starters use your organisation&apos;s colour, logo and name (Settings → Branding) and have the unsubscribe link and postal address in place.</source>
        <translation>Partez d’un modèle vierge ou d’un modèle de départ. Les modèles de départ utilisent la couleur, le logo et le nom de votre organisation (Paramètres → Identité visuelle) et contiennent déjà le lien de désinscription et l’adresse postale.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>An empty template.</source>
        <translation>Un modèle vide.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
</context>
<context>
    <name>herald::StarterDesigns</name>
    <message>
        <source>This season at %1</source>
        <translation>Cette saison chez %1</translation>
    </message>
    <message>
        <source>Dear friends at {{name}},</source>
        <translation>Chers amis de {{name}},</translation>
    </message>
    <message>
        <source>Thank you for being part of our community. Here is a short look at what we have done together these past months, and what comes next.</source>
        <translation>Merci de faire partie de notre communauté. Voici un bref aperçu de ce que nous avons accompli ensemble ces derniers mois, et de ce qui nous attend.</translation>
    </message>
    <message>
        <source>What we achieved together</source>
        <translation>Ce que nous avons accompli ensemble</translation>
    </message>
    <message>
        <source>Our volunteers gave more than 1,200 hours of their time.</source>
        <translation>Nos bénévoles ont donné plus de 1 200 heures de leur temps.</translation>
    </message>
    <message>
        <source>Forty families found support when they needed it most.</source>
        <translation>Quarante familles ont trouvé du soutien au moment où elles en avaient le plus besoin.</translation>
    </message>
    <message>
        <source>Two new partners joined our work in the neighbourhood.</source>
        <translation>Deux nouveaux partenaires ont rejoint notre action dans le quartier.</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>This autumn we start a mentoring programme, and we would love your ideas and your help to shape it.</source>
        <translation>Cet automne, nous lançons un programme de mentorat, et nous aimerions beaucoup compter sur vos idées et votre aide pour le construire.</translation>
    </message>
    <message>
        <source>Read the full update</source>
        <translation>Lire toutes les nouvelles</translation>
    </message>
    <message>
        <source>With warm wishes,</source>
        <translation>Bien chaleureusement,</translation>
    </message>
    <message>
        <source>News from %1</source>
        <translation>Des nouvelles de %1</translation>
    </message>
    <message>
        <source>You&apos;re invited</source>
        <translation>Vous êtes invités</translation>
    </message>
    <message>
        <source>Join us for an evening of stories, music and good company as we celebrate what we have built together this year.</source>
        <translation>Rejoignez-nous pour une soirée d’histoires, de musique et de bonne compagnie, pour fêter ce que nous avons construit ensemble cette année.</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>Thursday, 6 to 8 pm</source>
        <translation>Jeudi, de 18 h à 20 h</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Où :</translation>
    </message>
    <message>
        <source>Community Hall, 12 Market Street</source>
        <translation>Salle des fêtes, 12 rue du Marché</translation>
    </message>
    <message>
        <source>Reserve your place</source>
        <translation>Réservez votre place</translation>
    </message>
    <message>
        <source>Bring a colleague: everyone is welcome, and refreshments are on us.</source>
        <translation>Venez avec un collègue : tout le monde est le bienvenu, et les rafraîchissements sont offerts.</translation>
    </message>
    <message>
        <source>We look forward to seeing you,</source>
        <translation>Au plaisir de vous y voir,</translation>
    </message>
    <message>
        <source>You&apos;re invited: an evening with %1</source>
        <translation>Vous êtes invités : une soirée avec %1</translation>
    </message>
    <message>
        <source>Together we can do more</source>
        <translation>Ensemble, nous pouvons faire plus</translation>
    </message>
    <message>
        <source>Every week, people in our community turn to us for help. This year we want to say yes to every one of them, and we cannot do it alone.</source>
        <translation>Chaque semaine, des personnes de notre communauté se tournent vers nous pour demander de l’aide. Cette année, nous voulons répondre oui à chacune d’elles, et nous ne pouvons pas y arriver seuls.</translation>
    </message>
    <message>
        <source>A gift of any size goes straight to the work: meals served, classes taught, families supported.</source>
        <translation>Chaque don, quel que soit son montant, va directement à l’action : des repas servis, des cours donnés, des familles soutenues.</translation>
    </message>
    <message>
        <source>Give today</source>
        <translation>Donner aujourd’hui</translation>
    </message>
    <message>
        <source>Thank you for standing with us.</source>
        <translation>Merci d’être à nos côtés.</translation>
    </message>
    <message>
        <source>With gratitude,</source>
        <translation>Avec toute notre reconnaissance,</translation>
    </message>
    <message>
        <source>Will you help us reach our goal this year?</source>
        <translation>Nous aiderez-vous à atteindre notre objectif cette année ?</translation>
    </message>
    <message>
        <source>Big news to share</source>
        <translation>Une grande nouvelle</translation>
    </message>
    <message>
        <source>We wanted you to hear it from us first: next month we open a second centre, so we can welcome twice as many people.</source>
        <translation>Nous voulions que vous l’appreniez d’abord par nous : le mois prochain, nous ouvrons un deuxième centre pour accueillir deux fois plus de personnes.</translation>
    </message>
    <message>
        <source>Nothing changes in how you reach us, and everything we do together goes on as before.</source>
        <translation>Rien ne change pour nous joindre, et tout ce que nous faisons ensemble continue comme avant.</translation>
    </message>
    <message>
        <source>Find out more</source>
        <translation>En savoir plus</translation>
    </message>
    <message>
        <source>Warm regards,</source>
        <translation>Bien cordialement,</translation>
    </message>
    <message>
        <source>News from %1: we are growing</source>
        <translation>Des nouvelles de %1 : nous grandissons</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <source>News of the season: what you achieved together and what comes next.</source>
        <translation>Les nouvelles de la saison : ce que vous avez accompli ensemble et ce qui vous attend.</translation>
    </message>
    <message>
        <source>Event invitation</source>
        <translation>Invitation à un événement</translation>
    </message>
    <message>
        <source>An invitation with when and where, and a button to reply.</source>
        <translation>Une invitation avec la date et le lieu, et un bouton pour répondre.</translation>
    </message>
    <message>
        <source>Fundraising appeal</source>
        <translation>Appel aux dons</translation>
    </message>
    <message>
        <source>A warm request for support, with a button to give.</source>
        <translation>Une demande de soutien chaleureuse, avec un bouton pour donner.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>One piece of news, told simply, with a link to more.</source>
        <translation>Une nouvelle, racontée simplement, avec un lien pour en savoir plus.</translation>
    </message>
    <message>
        <source>There is no starter design &apos;%1&apos;. The starters are: %2.</source>
        <translation>Il n’y a pas de modèle de départ « %1 ». Les modèles de départ sont : %2.</translation>
    </message>
</context>
<context>
    <name>herald::StarterLayout</name>
    <message>
        <source>The team at %1</source>
        <comment>who signs a starter message</comment>
        <translation>L’équipe de %1</translation>
    </message>
    <message>
        <source>You receive this email because {{name}} is in touch with %1.</source>
        <translation>Vous recevez ce courriel parce que {{name}} est en contact avec %1.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <comment>the link in the footer of a starter message</comment>
        <translation>Se désabonner</translation>
    </message>
</context>
<context>
    <name>herald::StoredRow</name>
    <message>
        <source>Could not read %1 #%2</source>
        <translation>Impossible de lire %1 n° %2</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; (#%3) was deleted by someone else; your changes were not saved.</source>
        <translation>%1 « %2 » (n° %3) a été supprimé par quelqu’un d’autre ; vos modifications n’ont pas été enregistrées.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; (#%3) was changed by someone else since you opened it (your version %4, now %5). Reload it to see their changes.</source>
        <translation>%1 « %2 » (n° %3) a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert (votre version %4, maintenant %5). Rechargez-le pour voir ses modifications.</translation>
    </message>
    <message>
        <source>%1 name &apos;%2&apos; is already used by &apos;%3&apos; (#%4).</source>
        <translation>Le nom de %1 « %2 » est déjà utilisé par « %3 » (n° %4).</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionBatch</name>
    <message>
        <source>The row cannot be read as %1 columns of UTF-8 text.</source>
        <translation>La ligne ne peut pas être lue comme %1 colonnes de texte UTF-8.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; %2.</source>
        <translation>L’e-mail « %1 » %2.</translation>
    </message>
    <message>
        <source>Reason &apos;%1&apos; is not one of unsubscribed, hard_bounce, complaint, manual.</source>
        <translation>Le motif « %1 » ne fait pas partie de unsubscribed, hard_bounce, complaint, manual.</translation>
    </message>
    <message>
        <source>Date &apos;%1&apos; is not an ISO 8601 date (like 2026-03-01T12:00:00Z).</source>
        <translation>La date « %1 » n’est pas une date ISO 8601 (comme 2026-03-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>Could not add the batch to the suppression list</source>
        <translation>Impossible d’ajouter le lot à la liste d’exclusion</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionDialog</name>
    <message>
        <source>Suppress an Address</source>
        <translation>Exclure une adresse</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@exemple.org</translation>
    </message>
    <message>
        <source>e.g. asked by phone on 3 March</source>
        <translation>p. ex. demandé par téléphone le 3 mars</translation>
    </message>
    <message>
        <source>Herald never mails a suppressed address: it is left out whenever a campaign is queued.</source>
        <translation>Herald n’écrit jamais à une adresse exclue : elle est écartée chaque fois qu’une campagne est mise en file d’attente.</translation>
    </message>
    <message>
        <source>Kept as the entry&apos;s source; left empty, your user name is.</source>
        <translation>Conservé comme origine de l’entrée ; laissé vide, c’est votre nom d’utilisateur qui l’est.</translation>
    </message>
    <message>
        <source>Email &amp;address:</source>
        <translation>&amp;Adresse e-mail :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>&amp;Suppress</source>
        <translation>E&amp;xclure</translation>
    </message>
    <message>
        <source>%1 is already suppressed (%2, since %3).</source>
        <translation>%1 est déjà exclue (%2, depuis le %3).</translation>
    </message>
    <message>
        <source>%1 is already suppressed.</source>
        <translation>%1 est déjà exclue.</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionImporter</name>
    <message>
        <source>%1 has no &apos;email&apos; column.</source>
        <translation>%1 n’a pas de colonne « email ».</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionRepository</name>
    <message>
        <source>Email &apos;%1&apos; %2, so it cannot be suppressed.</source>
        <translation>L’e-mail « %1 » %2 ; il ne peut donc pas être exclu.</translation>
    </message>
    <message>
        <source>Could not suppress &apos;%1&apos;</source>
        <translation>Impossible d’exclure « %1 »</translation>
    </message>
    <message>
        <source>Could not lift the suppression of &apos;%1&apos;</source>
        <translation>Impossible de lever l’exclusion de « %1 »</translation>
    </message>
    <message>
        <source>Could not look up the suppression of &apos;%1&apos;</source>
        <translation>Impossible de consulter l’exclusion de « %1 »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not suppressed.</source>
        <translation>« %1 » n’est pas exclue.</translation>
    </message>
    <message>
        <source>Could not count the suppressions</source>
        <translation>Impossible de compter les exclusions</translation>
    </message>
    <message>
        <source>Could not read the suppressions</source>
        <translation>Impossible de lire les exclusions</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionTableModel</name>
    <message>
        <source>Erased address (anonymised)</source>
        <translation>Adresse effacée (anonymisée)</translation>
    </message>
    <message>
        <source>Erased on request; kept as %1 so that the address is never mailed again.</source>
        <translation>Effacée sur demande ; conservée sous la forme %1 pour que l’adresse ne reçoive plus jamais de message.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionsPage</name>
    <message>
        <source>Search addresses…</source>
        <translation>Rechercher des adresses…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Suppression List</source>
        <translation>Liste d’exclusion</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Tous les motifs</translation>
    </message>
    <message>
        <source>Suppress an Address…</source>
        <translation>Exclure une adresse…</translation>
    </message>
    <message>
        <source>Import Suppression List…</source>
        <translation>Importer une liste d’exclusion…</translation>
    </message>
    <message>
        <source>Export Suppression List…</source>
        <translation>Exporter la liste d’exclusion…</translation>
    </message>
    <message>
        <source>Remove from the Suppression List</source>
        <translation>Retirer de la liste d’exclusion</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Suppress an address by hand</source>
        <translation>Exclure une adresse à la main</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Add the addresses of a CSV file</source>
        <translation>Ajouter les adresses d’un fichier CSV</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the entries shown to a CSV file</source>
        <translation>Exporter les entrées affichées dans un fichier CSV</translation>
    </message>
    <message>
        <source>Lift the suppression of the selected addresses</source>
        <translation>Lever l’exclusion des adresses sélectionnées</translation>
    </message>
    <message numerus="yes">
        <source>%Ln suppressed address(es)</source>
        <translation>
            <numerusform>%Ln adresse exclue</numerusform>
            <numerusform>%Ln adresses exclues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>No suppressed address contains “%1”.</source>
        <translation>Aucune adresse exclue ne contient « %1 ».</translation>
    </message>
    <message>
        <source>No address is suppressed for the reason “%1”.</source>
        <translation>Aucune adresse n’est exclue pour le motif « %1 ».</translation>
    </message>
    <message>
        <source>Nothing is suppressed yet. Addresses arrive here when someone unsubscribes, a message bounces hard or a complaint comes in; Add (%1) suppresses one by hand.</source>
        <translation>Rien n’est encore exclu. Les adresses arrivent ici quand quelqu’un se désabonne, qu’un message est rejeté définitivement ou qu’une plainte arrive ; Ajouter (%1) en exclut une à la main.</translation>
    </message>
    <message>
        <source>%1 is suppressed: no campaign will mail it.</source>
        <translation>%1 est exclue : aucune campagne ne lui écrira.</translation>
    </message>
    <message>
        <source>Lift the suppression of %1? Herald will mail it again in every campaign whose audience includes it.</source>
        <translation>Lever l’exclusion de %1 ? Herald lui écrira de nouveau dans chaque campagne dont l’audience l’inclut.</translation>
    </message>
    <message numerus="yes">
        <source>Lift the suppression of %Ln address(es)? Herald will mail them again in every campaign whose audience includes them.</source>
        <translation>
            <numerusform>Lever l’exclusion de %Ln adresse ? Herald lui écrira de nouveau dans chaque campagne dont l’audience l’inclut.</numerusform>
            <numerusform>Lever l’exclusion de %Ln adresses ? Herald leur écrira de nouveau dans chaque campagne dont l’audience les inclut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them stand(s) for erased addresses. Herald keeps only their anonymised form so that a person who asked to be forgotten is never mailed again; without it, importing the address again would make it mailable.</source>
        <translation>
            <numerusform>%Ln d’entre elles correspond à une adresse effacée. Herald n’en conserve que la forme anonymisée pour qu’une personne ayant demandé l’oubli ne reçoive plus jamais de message ; sans elle, importer de nouveau l’adresse permettrait de lui écrire.</numerusform>
            <numerusform>%Ln d’entre elles correspondent à des adresses effacées. Herald n’en conserve que la forme anonymisée pour qu’une personne ayant demandé l’oubli ne reçoive plus jamais de message ; sans elle, importer de nouveau l’adresse permettrait de lui écrire.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Remove Suppressions</source>
        <translation>Retirer les exclusions</translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) can be mailed again.</source>
        <translation>
            <numerusform>%Ln adresse peut de nouveau recevoir des messages.</numerusform>
            <numerusform>%Ln adresses peuvent de nouveau recevoir des messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Suppression List</source>
        <translation>Importer une liste d’exclusion</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import Suppression List from %1</source>
        <translation>Importer une liste d’exclusion depuis %1</translation>
    </message>
    <message>
        <source>Export Suppression List</source>
        <translation>Exporter la liste d’exclusion</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln address(es) to %1.</source>
        <translation>
            <numerusform>%Ln adresse exportée dans %1.</numerusform>
            <numerusform>%Ln adresses exportées dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SyncConflictDialog</name>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Keep the &amp;Server&apos;s</source>
        <translation>Garder celle du &amp;serveur</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>Garder les &amp;deux</translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Yours (this computer)</source>
        <translation>La vôtre (cet ordinateur)</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Your version replaces the server&apos;s.</source>
        <translation>Votre version remplace celle du serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s version replaces yours on this computer.</source>
        <translation>La version du serveur remplace la vôtre sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Keeps the server&apos;s version and yours as a new draft of its own.</source>
        <translation>Garde la version du serveur, et la vôtre comme un nouveau brouillon distinct.</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>Décider &amp;plus tard</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Version du modèle</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Nom de l’expéditeur</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Adresse postale</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désinscription</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Programmée pour</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Unknown outcomes</source>
        <translation>Résultats inconnus</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Corps HTML</translation>
    </message>
    <message>
        <source>Plain-text body</source>
        <translation>Corps en texte brut</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segment : %1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <source>You changed it here, and on the server it was queued for sending since the last sync.</source>
        <translation>Vous l’avez modifié ici, et sur le serveur il a été mis en file d’attente d’envoi depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <source>It was changed both here and on the server since the last sync.</source>
        <translation>Il a été modifié ici et sur le serveur depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <source>You changed it here, and someone deleted it on the server.</source>
        <translation>Vous l’avez modifié ici, et quelqu’un l’a supprimé sur le serveur.</translation>
    </message>
    <message>
        <source>You deleted it here, and someone changed it on the server.</source>
        <translation>Vous l’avez supprimé ici, et quelqu’un l’a modifié sur le serveur.</translation>
    </message>
    <message>
        <source>Conflict %1 of %2 — %3 &apos;%4&apos;. %5 Nothing has been overwritten; choose which version to keep.</source>
        <translation>Conflit %1 sur %2 — %3 « %4 ». %5 Rien n’a été écrasé ; choisissez la version à garder.</translation>
    </message>
    <message>
        <source>&lt;p&gt;No bodies to compare.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun corps à comparer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Lines marked − are only in yours, + only on the server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les lignes marquées − ne figurent que dans la vôtre, celles marquées + que sur le serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>It was queued on the server; keep both to keep yours as a new draft.</source>
        <translation>Il a été mis en file d’attente sur le serveur ; gardez les deux pour conserver le vôtre comme nouveau brouillon.</translation>
    </message>
    <message>
        <source>Opens and clicks</source>
        <translation>Ouvertures et clics</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
</context>
<context>
    <name>herald::SyncEngine</name>
    <message>
        <source>changed here and on the server</source>
        <translation>modifié ici et sur le serveur</translation>
    </message>
    <message>
        <source>changed here, deleted on the server</source>
        <translation>modifié ici, supprimé sur le serveur</translation>
    </message>
    <message>
        <source>deleted here, changed on the server</source>
        <translation>supprimé ici, modifié sur le serveur</translation>
    </message>
    <message>
        <source>kept yours</source>
        <translation>la vôtre a été gardée</translation>
    </message>
    <message>
        <source>kept the server&apos;s</source>
        <translation>celle du serveur a été gardée</translation>
    </message>
    <message>
        <source>kept both</source>
        <translation>les deux ont été gardées</translation>
    </message>
    <message>
        <source>pushed: %1, pulled: %2, conflicts: %3 new, %4 open</source>
        <translation>envoyés : %1, reçus : %2, conflits : %3 nouveaux, %4 ouverts</translation>
    </message>
    <message>
        <source>The sync was stopped; what was synced so far is kept and the rest follows next time.</source>
        <translation>La synchronisation a été arrêtée ; ce qui a déjà été synchronisé est conservé et le reste suivra la prochaine fois.</translation>
    </message>
    <message>
        <source>now version %1 on the server</source>
        <translation>désormais version %1 sur le serveur</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>deleted on the server, or no longer a draft there</source>
        <translation>supprimé sur le serveur, ou n’y est plus un brouillon</translation>
    </message>
    <message>
        <source>same on both sides</source>
        <translation>identique des deux côtés</translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation>copie hors ligne</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is taken on the server</source>
        <translation>« %1 » est déjà pris sur le serveur</translation>
    </message>
    <message>
        <source>new on the server</source>
        <translation>nouveau sur le serveur</translation>
    </message>
    <message>
        <source>Could not look for the name &apos;%1&apos;</source>
        <translation>Impossible de rechercher le nom « %1 »</translation>
    </message>
    <message>
        <source>Sync conflict #%1 is about an unknown kind of row &apos;%2&apos;.</source>
        <translation>Le conflit de synchronisation n° %1 porte sur un type de ligne inconnu « %2 ».</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; changed on the server again just now; look at it again.</source>
        <translation>%1 « %2 » vient d’être de nouveau modifié sur le serveur ; réexaminez-le.</translation>
    </message>
    <message>
        <source>deleted on the server</source>
        <translation>supprimé sur le serveur</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is no longer a draft on the server (it was queued), so your version cannot replace it. Keep both to keep your version as a new draft.</source>
        <translation>%1 « %2 » n’est plus un brouillon sur le serveur (il a été mis en file d’attente), votre version ne peut donc pas le remplacer. Gardez les deux pour conserver votre version comme nouveau brouillon.</translation>
    </message>
    <message>
        <source>your version is now version %1 on the server</source>
        <translation>votre version est désormais la version %1 sur le serveur</translation>
    </message>
    <message>
        <source>the server&apos;s version %1 replaced yours</source>
        <translation>la version %1 du serveur a remplacé la vôtre</translation>
    </message>
    <message>
        <source>removed here as on the server</source>
        <translation>supprimé ici comme sur le serveur</translation>
    </message>
    <message>
        <source>my copy</source>
        <translation>ma copie</translation>
    </message>
    <message>
        <source>yours kept as the new draft &apos;%1&apos; (%2)</source>
        <translation>la vôtre conservée comme nouveau brouillon « %1 » (%2)</translation>
    </message>
    <message>
        <source>the server&apos;s version restored here</source>
        <translation>la version du serveur a été restaurée ici</translation>
    </message>
    <message>
        <source>%1 Kept on this computer; it is not sent again until you change it.</source>
        <translation>%1 Conservé sur cet ordinateur ; il n’est pas renvoyé tant que vous ne le modifiez pas.</translation>
    </message>
</context>
<context>
    <name>herald::SyncLogDialog</name>
    <message>
        <source>Sync Log</source>
        <translation>Historique de synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision; they open after the next sync.</source>
        <translation>
            <numerusform>%n conflit attend votre décision ; il s’ouvrira après la prochaine synchronisation.</numerusform>
            <numerusform>%n conflits attendent votre décision ; ils s’ouvriront après la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>Aucun conflit en attente.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>Envoyé au serveur</translation>
    </message>
    <message>
        <source>Received from the server</source>
        <translation>Reçu du serveur</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>Supprimé sur le serveur</translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation>Supprimé ici</translation>
    </message>
    <message>
        <source>Already the same</source>
        <translation>Déjà identique</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Renommé</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Conflit résolu</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Non synchronisé</translation>
    </message>
    <message>
        <source>Sync finished</source>
        <translation>Synchronisation terminée</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Sender identity</source>
        <translation>Identité d’expéditeur</translation>
    </message>
    <message>
        <source>Refused to your role, kept here</source>
        <translation>Refusé à votre rôle, conservé ici</translation>
    </message>
</context>
<context>
    <name>herald::SyncTable</name>
    <message>
        <source>Could not look up %1</source>
        <translation>Impossible de rechercher %1</translation>
    </message>
    <message>
        <source>Could not list the %1 rows</source>
        <translation>Impossible de lister les lignes de %1</translation>
    </message>
    <message>
        <source>Could not read %1 %2</source>
        <translation>Impossible de lire %1 %2</translation>
    </message>
    <message>
        <source>Could not set the audience of %1 &apos;%2&apos;</source>
        <translation>Impossible de définir l’audience de %1 « %2 »</translation>
    </message>
    <message>
        <source>Could not add %1 &apos;%2&apos;</source>
        <translation>Impossible d’ajouter %1 « %2 »</translation>
    </message>
    <message>
        <source>Could not keep version %1 of template %2</source>
        <translation>Impossible de conserver la version %1 du modèle %2</translation>
    </message>
    <message>
        <source>Could not save %1 &apos;%2&apos;</source>
        <translation>Impossible d’enregistrer %1 « %2 »</translation>
    </message>
    <message>
        <source>Could not delete %1 %2 on the server</source>
        <translation>Impossible de supprimer %1 %2 sur le serveur</translation>
    </message>
    <message>
        <source>Could not store %1 &apos;%2&apos; in the offline store</source>
        <translation>Impossible d’enregistrer %1 « %2 » dans le stockage hors ligne</translation>
    </message>
    <message>
        <source>Could not delete %1 %2 from the offline store</source>
        <translation>Impossible de supprimer %1 %2 du stockage hors ligne</translation>
    </message>
    <message>
        <source>Could not rename %1 &apos;%2&apos;</source>
        <translation>Impossible de renommer %1 « %2 »</translation>
    </message>
    <message>
        <source>There is no %1 %2 in the offline store.</source>
        <translation>Il n’y a aucun %1 %2 dans le stockage hors ligne.</translation>
    </message>
</context>
<context>
    <name>herald::TeamMemberDialog</name>
    <message>
        <source>Add a Person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ex. alice</translation>
    </message>
    <message>
        <source>&amp;Login name:</source>
        <translation>Nom de &amp;connexion :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>Set a &amp;password (Herald makes a strong one, shown once)</source>
        <translation>Définir un &amp;mot de passe (Herald en crée un robuste, affiché une fois)</translation>
    </message>
    <message>
        <source>&amp;No password (certificate or peer authentication)</source>
        <translation>&amp;Sans mot de passe (authentification par certificat ou peer)</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Connexion :</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Changer le rôle</translation>
    </message>
    <message>
        <source>Give the person a login name.</source>
        <translation>Donnez un nom de connexion à la personne.</translation>
    </message>
    <message>
        <source>%1 was added. Give them this password now: Herald does not keep it and will not show it again. They can change it later with their PostgreSQL client.</source>
        <translation>%1 a été ajouté. Donnez-lui ce mot de passe maintenant : Herald ne le garde pas et ne l’affichera plus. Il pourra le changer plus tard avec son client PostgreSQL.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
    <message>
        <source>Viewers read; editors write nonprofits, templates and drafts; senders also send; admins also manage providers, erasure and the team; a worker runs &apos;herald worker&apos; and &apos;herald intake&apos;, a public endpoint &apos;herald serve&apos;.</source>
        <translation>Les lecteurs lisent ; les rédacteurs écrivent organisations, modèles et brouillons ; les expéditeurs envoient aussi ; les administrateurs gèrent aussi fournisseurs, effacements et l’équipe ; un worker exécute &apos;herald worker&apos; et &apos;herald intake&apos;, un point d’accès public &apos;herald serve&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::TeamPanel</name>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Ajouter une personne…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Changer le r&amp;ôle…</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <source>A&amp;udit log…</source>
        <translation>Journal d’a&amp;udit…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Team&lt;/b&gt;</source>
        <translation>&lt;b&gt;Équipe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Who did what: role changes, sends, erasures, provider changes; searchable, exportable to CSV</source>
        <translation>Qui a fait quoi : changements de rôle, envois, effacements, changements de fournisseur ; recherche et export CSV</translation>
    </message>
    <message>
        <source>Each person logs in to the server as their own PostgreSQL role; the server allows what their role may do. Only admins may add, change or remove people.</source>
        <translation>Chaque personne se connecte au serveur avec son propre rôle PostgreSQL ; le serveur autorise ce que son rôle peut faire. Seuls les administrateurs peuvent ajouter, modifier ou retirer des personnes.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 (cannot log in)</source>
        <translation>%1 (ne peut pas se connecter)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Remove %1 from the team? Their login is dropped from the server: they can no longer connect. What they own in this database passes to its owner; the audit log keeps what they did.</source>
        <translation>Retirer %1 de l’équipe ? Sa connexion est supprimée du serveur : cette personne ne pourra plus se connecter. Ce qu’elle possède dans cette base de données passe à son propriétaire ; le journal d’audit garde ce qu’elle a fait.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>herald::TeamRepository</name>
    <message>
        <source>Viewer</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Rédacteur</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>This database is embedded on this computer: it is one person, with every right. A team shares a PostgreSQL server, where each person has a login and a role.</source>
        <translation>Cette base de données est intégrée à cet ordinateur : c’est une seule personne, avec tous les droits. Une équipe partage un serveur PostgreSQL, où chaque personne a une connexion et un rôle.</translation>
    </message>
    <message>
        <source>Could not read the team</source>
        <translation>Impossible de lire l’équipe</translation>
    </message>
    <message>
        <source>Could not add %1</source>
        <translation>Impossible d’ajouter %1</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>Impossible de changer le rôle de %1</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>Impossible de retirer %1</translation>
    </message>
    <message>
        <source>Public endpoint (serve)</source>
        <translation>Point d’accès public (serve)</translation>
    </message>
</context>
<context>
    <name>herald::TemplateEditor</name>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Corps HTML</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Corps texte</translation>
    </message>
    <message>
        <source>e.g. News for {{name}}</source>
        <translation>p. ex. Nouvelles pour {{name}}</translation>
    </message>
    <message>
        <source>Press Enter or double-click an issue to go to it.</source>
        <translation>Appuyez sur Entrée ou double-cliquez sur un problème pour y aller.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Saves a new version (%1)</source>
        <translation>Enregistre une nouvelle version (%1)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>&amp;HTML body:</source>
        <translation>Corps &amp;HTML :</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>O&amp;bjet :</translation>
    </message>
    <message>
        <source>%1 %2:%3</source>
        <translation>%1 %2:%3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No issues: this template can be saved and sent.</source>
        <translation>Aucun problème : ce modèle peut être enregistré et envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) to fix before saving</source>
        <translation>
            <numerusform>%n erreur à corriger avant d’enregistrer</numerusform>
            <numerusform>%n erreurs à corriger avant d’enregistrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n avertissement</numerusform>
            <numerusform>, %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>:</source>
        <translation> :</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n avertissement :</numerusform>
            <numerusform>%n avertissements :</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert &amp;Field</source>
        <translation>Insérer un &amp;champ</translation>
    </message>
    <message>
        <source>Inserts a placeholder, such as {{name}}, where you were typing: subject, HTML body or text body. Beside each, its value for the nonprofit the preview shows.</source>
        <translation>Insère un espace réservé, comme {{name}}, là où vous écriviez : objet, corps HTML ou corps texte. À côté de chacun, sa valeur pour l&apos;association affichée dans l&apos;aperçu.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;ngue :</translation>
    </message>
</context>
<context>
    <name>herald::TemplateFile</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not JSON (at byte %2: %3).</source>
        <translation>%1 n&apos;est pas du JSON (à l&apos;octet %2 : %3).</translation>
    </message>
    <message>
        <source>%1 is not a Herald template: &apos;herald template export&apos; writes them.</source>
        <translation>%1 n&apos;est pas un modèle Herald : &apos;herald template export&apos; les écrit.</translation>
    </message>
    <message>
        <source>In %1, &apos;%2&apos; must be text.</source>
        <translation>Dans %1, &apos;%2&apos; doit être du texte.</translation>
    </message>
</context>
<context>
    <name>herald::TemplateHistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>History of &apos;%1&apos;</source>
        <translation>Historique de « %1 »</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actuelle)</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Corps HTML</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Corps texte</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Restaurer cette version</translation>
    </message>
    <message>
        <source>Puts this version back in the editor and saves it as a new version.</source>
        <translation>Remet cette version dans l’éditeur et l’enregistre comme nouvelle version.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
</context>
<context>
    <name>herald::TemplateLanguageBox</name>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>The language of the interface: %1</source>
        <translation>La langue de l&apos;interface : %1</translation>
    </message>
    <message>
        <source>The language this template is written in: spelling is checked in it. Auto: the language of the interface (%1).</source>
        <translation>La langue dans laquelle ce modèle est écrit : l&apos;orthographe y est vérifiée. Auto : la langue de l&apos;interface (%1).</translation>
    </message>
</context>
<context>
    <name>herald::TemplatePreview</name>
    <message numerus="yes">
        <source>%n remote resource(s) not loaded: previews never reach the network.</source>
        <translation>
            <numerusform>%n ressource distante non chargée : les aperçus n’accèdent jamais au réseau.</numerusform>
            <numerusform>%n ressources distantes non chargées : les aperçus n’accèdent jamais au réseau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample Nonprofit (no nonprofits yet)</source>
        <translation>Association d’exemple (pas encore d’association)</translation>
    </message>
    <message>
        <source>Sampletown</source>
        <translation>Exempleville</translation>
    </message>
    <message>
        <source>Search nonprofits by name, email, EIN or city</source>
        <translation>Rechercher des associations par nom, e-mail, EIN ou ville</translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation>&amp;Texte brut</translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation>Aperçu &amp;pour :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Sender: sample values (no sender identity yet); the unsubscribe link is a real signed link on a sample address.</source>
        <translation>Expéditeur : valeurs d’exemple (pas encore d’identité d’expéditeur) ; le lien de désabonnement est un vrai lien signé vers une adresse d’exemple.</translation>
    </message>
    <message>
        <source>Sender: identity &apos;%1&apos; (%2).</source>
        <translation>Expéditeur : identité « %1 » (%2).</translation>
    </message>
    <message>
        <source>No nonprofit matches; showing a sample</source>
        <translation>Aucune association ne correspond ; un exemple est affiché</translation>
    </message>
    <message>
        <source>Cannot render: %1</source>
        <translation>Génération impossible : %1</translation>
    </message>
    <message>
        <source>Rendered for %1 as it will be sent.</source>
        <translation>Généré pour %1 tel qu’il sera envoyé.</translation>
    </message>
    <message>
        <source>Side &amp;by side…</source>
        <translation>Côte à &amp;côte…</translation>
    </message>
    <message>
        <source>Des&amp;ktop</source>
        <translation>&amp;Ordinateur</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>Mobi&amp;le</translation>
    </message>
    <message>
        <source>Desktop, phone and plain text side by side in a window of their own</source>
        <translation>Ordinateur, téléphone et texte brut côte à côte dans une fenêtre à part</translation>
    </message>
</context>
<context>
    <name>herald::TemplateRepository</name>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Could not add template &apos;%1&apos;</source>
        <translation>Impossible d’ajouter le modèle « %1 »</translation>
    </message>
    <message>
        <source>Could not keep version %1 of template &apos;%2&apos;</source>
        <translation>Impossible de conserver la version %1 du modèle « %2 »</translation>
    </message>
    <message>
        <source>Could not save template &apos;%1&apos;</source>
        <translation>Impossible d’enregistrer le modèle « %1 »</translation>
    </message>
    <message>
        <source>Could not read template #%1</source>
        <translation>Impossible de lire le modèle n° %1</translation>
    </message>
    <message>
        <source>Template #%1 does not exist.</source>
        <translation>Le modèle n° %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not read template %1</source>
        <translation>Impossible de lire le modèle %1</translation>
    </message>
    <message>
        <source>No template has the UUID %1.</source>
        <translation>Aucun modèle n’a l’UUID %1.</translation>
    </message>
    <message>
        <source>Could not read the templates</source>
        <translation>Impossible de lire les modèles</translation>
    </message>
    <message>
        <source>Could not read the campaigns that use template #%1</source>
        <translation>Impossible de lire les campagnes qui utilisent le modèle n° %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation>« %1 » (n° %2)</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; (#%2) cannot be deleted while campaigns use it: %3. Delete those campaigns or give them another template first.</source>
        <translation>Le modèle « %1 » (n° %2) ne peut pas être supprimé tant que des campagnes l’utilisent : %3. Supprimez ces campagnes ou donnez-leur d’abord un autre modèle.</translation>
    </message>
    <message>
        <source>Could not delete template #%1</source>
        <translation>Impossible de supprimer le modèle n° %1</translation>
    </message>
    <message>
        <source>Could not read the history of template #%1</source>
        <translation>Impossible de lire l’historique du modèle n° %1</translation>
    </message>
    <message>
        <source>Could not read version %1 of template #%2</source>
        <translation>Impossible de lire la version %1 du modèle n° %2</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; (#%2) has no version %3 (its versions go up to %4).</source>
        <translation>Le modèle « %1 » (n° %2) n’a pas de version %3 (ses versions vont jusqu’à %4).</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) has no template.</source>
        <translation>La campagne « %1 » (n° %2) n’a pas de modèle.</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Language &apos;%1&apos; is not a language code such as &apos;en&apos;, &apos;es&apos; or &apos;fr_CA&apos;.</source>
        <translation>La langue « %1 » n&apos;est pas un code de langue comme « en », « es » ou « fr_CA ».</translation>
    </message>
</context>
<context>
    <name>herald::TemplateSaver</name>
    <message numerus="yes">
        <source>Template &apos;%1&apos; was not saved: it has %n error(s).</source>
        <translation>
            <numerusform>Le modèle &apos;%1&apos; n&apos;a pas été enregistré : il a %n erreur.</numerusform>
            <numerusform>Le modèle &apos;%1&apos; n&apos;a pas été enregistré : il a %n erreurs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplateValidator</name>
    <message>
        <source>Partials ({{&gt;%1}}) are not supported.</source>
        <translation>Les partiels ({{&gt;%1}}) ne sont pas pris en charge.</translation>
    </message>
    <message>
        <source>Changing the delimiters is not supported.</source>
        <translation>Le changement de délimiteurs n’est pas pris en charge.</translation>
    </message>
    <message>
        <source>Unknown placeholder {{%1}}. Known: %2.</source>
        <translation>Espace réservé inconnu {{%1}}. Connus : %2.</translation>
    </message>
    <message>
        <source>{{%1}} is inserted without HTML escaping; a value with &lt; or &amp; would break the message. Use {{%1}}.</source>
        <translation>{{%1}} est inséré sans échappement HTML ; une valeur contenant &lt; ou &amp; casserait le message. Utilisez {{%1}}.</translation>
    </message>
    <message>
        <source>The subject is empty.</source>
        <translation>L’objet est vide.</translation>
    </message>
    <message>
        <source>The subject must be one line.</source>
        <translation>L’objet doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <source>Both bodies are empty: write an HTML or a plain-text body.</source>
        <translation>Les deux corps sont vides : rédigez un corps HTML ou texte brut.</translation>
    </message>
    <message>
        <source>The %1 body has no {{unsubscribe_url}} link; bulk mail must offer one (CAN-SPAM, RFC 8058).</source>
        <translation>Le corps %1 n’a pas de lien {{unsubscribe_url}} ; les envois en masse doivent en proposer un (CAN-SPAM, RFC 8058).</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>plain-text</source>
        <translation>texte brut</translation>
    </message>
    <message>
        <source>The %1 body has no {{postal_address}}; CAN-SPAM requires the sender&apos;s postal address in every message.</source>
        <translation>Le corps %1 n’a pas de {{postal_address}} ; CAN-SPAM exige l’adresse postale de l’expéditeur dans chaque message.</translation>
    </message>
</context>
<context>
    <name>herald::TemplatesPage</name>
    <message numerus="yes">
        <source>Not saved: the template has %n error(s), listed above. Activate one to go to it.</source>
        <translation>
            <numerusform>Non enregistré : le modèle contient %n erreur, listée ci-dessus. Activez-la pour y aller.</numerusform>
            <numerusform>Non enregistré : le modèle contient %n erreurs, listées ci-dessus. Activez-en une pour y aller.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete template &apos;%1&apos; with its %n saved version(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer le modèle « %1 » et sa %n version enregistrée ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer le modèle « %1 » et ses %n versions enregistrées ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copie %2)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Restaurer la version %1</translation>
    </message>
    <message>
        <source>Restoring version %1 replaces your unsaved changes. Restore it?</source>
        <translation>Restaurer la version %1 remplace vos modifications non enregistrées. La restaurer ?</translation>
    </message>
    <message>
        <source>Version %1 restored as version %2.</source>
        <translation>Version %1 restaurée en tant que version %2.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; has unsaved changes. Save them?</source>
        <translation>Le modèle « %1 » a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>New template, not saved yet.</source>
        <translation>Nouveau modèle, pas encore enregistré.</translation>
    </message>
    <message>
        <source>Version %1, saved %2.</source>
        <translation>Version %1, enregistrée %2.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Modifications non enregistrées.</translation>
    </message>
    <message>
        <source>A new template, blank or from a starter design (%1)</source>
        <translation>Un nouveau modèle, vierge ou à partir d’un modèle de départ (%1)</translation>
    </message>
    <message>
        <source>Media Li&amp;brary…</source>
        <translation>Média&amp;thèque…</translation>
    </message>
</context>
<context>
    <name>herald::TestMessageSender</name>
    <message>
        <source>Test address &apos;%1&apos; %2.</source>
        <translation>L’adresse de test « %1 » %2.</translation>
    </message>
    <message>
        <source>[Test] %1</source>
        <translation>[Test] %1</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; has a kind Herald cannot send with.</source>
        <translation>Le fournisseur « %1 » est d’un type avec lequel Herald ne peut pas envoyer.</translation>
    </message>
</context>
<context>
    <name>herald::TestSendDialog</name>
    <message>
        <source>&amp;Send Test</source>
        <translation>&amp;Envoyer le test</translation>
    </message>
    <message>
        <source>Test Send</source>
        <translation>Envoi de test</translation>
    </message>
    <message>
        <source>Search nonprofits…</source>
        <translation>Rechercher des associations…</translation>
    </message>
    <message>
        <source>The message is rendered with this nonprofit&apos;s name, city and unsubscribe link.</source>
        <translation>Le message est généré avec le nom, la ville et le lien de désabonnement de cette association.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>vous@example.org</translation>
    </message>
    <message>
        <source>Render &amp;for:</source>
        <translation>Générer &amp;pour :</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Envoyer &amp;à :</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
    <message>
        <source>No mail provider is set up. Add one under Settings → Providers first.</source>
        <translation>Aucun fournisseur d’envoi n’est configuré. Ajoutez-en d’abord un dans Paramètres → Fournisseurs.</translation>
    </message>
    <message>
        <source>Choose a nonprofit to render the message for and a provider to send it through.</source>
        <translation>Choisissez une association pour laquelle générer le message et un fournisseur par lequel l’envoyer.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent. The server replied: %1</source>
        <translation>Envoyé. Le serveur a répondu : %1</translation>
    </message>
    <message>
        <source>Not sent. The server replied: %1</source>
        <translation>Non envoyé. Le serveur a répondu : %1</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Pièces jointes :</translation>
    </message>
</context>
<context>
    <name>herald::TextBodyEditor</name>
    <message>
        <source>&amp;Generate text from HTML</source>
        <translation>&amp;Générer le texte à partir du HTML</translation>
    </message>
    <message>
        <source>Dear {{name}}, … Unsubscribe: {{unsubscribe_url}} {{postal_address}}</source>
        <translation>Chère association {{name}}, … Se désabonner : {{unsubscribe_url}} {{postal_address}}</translation>
    </message>
    <message>
        <source>Writes the plain-text body from the HTML body: paragraphs, lists, links as &quot;text (url)&quot;; {{placeholders}} are kept.</source>
        <translation>Rédige le corps texte brut à partir du corps HTML : paragraphes, listes, liens sous la forme « texte (url) » ; les {{espaces réservés}} sont conservés.</translation>
    </message>
    <message>
        <source>Edited by hand: the text body no longer follows the HTML body. Generate text from HTML makes it follow again.</source>
        <translation>Modifié à la main : le corps texte ne suit plus le corps HTML. Générer le texte à partir du HTML le fait suivre à nouveau.</translation>
    </message>
    <message>
        <source>&amp;Plain-text body:</source>
        <translation>Corps &amp;texte brut :</translation>
    </message>
    <message>
        <source>Generate text from HTML</source>
        <translation>Générer le texte à partir du HTML</translation>
    </message>
    <message>
        <source>Replace the plain-text body with text generated from the HTML body? Edit ▸ Undo (Ctrl+Z) in the text body brings it back.</source>
        <translation>Remplacer le corps texte brut par le texte généré à partir du corps HTML ? Édition ▸ Annuler (Ctrl+Z) dans le corps texte le rétablit.</translation>
    </message>
</context>
<context>
    <name>herald::TrackingSection</name>
    <message>
        <source>Links go out as written; the messages carry no open pixel.</source>
        <translation>Les liens partent tels qu’ils sont écrits ; les messages ne portent pas de pixel d’ouverture.</translation>
    </message>
    <message>
        <source>Opens and clicks are counted per campaign and per link; the links name no recipient.</source>
        <translation>Les ouvertures et les clics sont comptés par campagne et par lien ; les liens ne désignent aucun destinataire.</translation>
    </message>
    <message>
        <source>Also who opened and clicked, for the nonprofits whose consent allows it (“Consent given”); the others are counted anonymously.</source>
        <translation>Aussi qui a ouvert et cliqué, pour les associations dont le consentement le permet (« Consentement donné ») ; les autres sont comptées anonymement.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Anonymous (per campaign and link)</source>
        <translation>Anonyme (par campagne et par lien)</translation>
    </message>
    <message>
        <source>Per recipient (where consent allows)</source>
        <translation>Par destinataire (si le consentement le permet)</translation>
    </message>
    <message>
        <source>Off: %1
Anonymous: %2
Per recipient: %3</source>
        <translation>Désactivé : %1
Anonyme : %2
Par destinataire : %3</translation>
    </message>
    <message>
        <source>Not tracked: the public address of herald serve was not set when this campaign was queued.</source>
        <translation>Non suivie : l’adresse publique de herald serve n’était pas définie quand cette campagne a été mise en file.</translation>
    </message>
    <message>
        <source>Not tracked until the public address of herald serve is set under Settings → Engagement.</source>
        <translation>Non suivie tant que l’adresse publique de herald serve n’est pas définie dans Paramètres → Engagement.</translation>
    </message>
    <message numerus="yes">
        <source>Per recipient for %1 of %Ln recipient(s) (consent given); anonymous for the others.</source>
        <translation>
            <numerusform>Par destinataire pour %1 sur %Ln destinataire (consentement donné) ; anonyme pour les autres.</numerusform>
            <numerusform>Par destinataire pour %1 sur %Ln destinataires (consentement donné) ; anonyme pour les autres.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::UnsubscribeToken</name>
    <message>
        <source>The unsubscribe link is not valid.</source>
        <translation>Le lien de désabonnement n’est pas valide.</translation>
    </message>
</context>
<context>
    <name>herald::VisualEditor</name>
    <message>
        <source>HTML body, visual editor</source>
        <translation>Corps HTML, éditeur visuel</translation>
    </message>
    <message>
        <source>The clipboard holds an image, which cannot be pasted into a message: put it in the media library or on a web server and use Image… to insert it.</source>
        <translation>Le presse-papiers contient une image, qui ne peut pas être collée dans un message : placez-la dans la médiathèque ou sur un serveur web et utilisez Image… pour l&apos;insérer.</translation>
    </message>
</context>
<context>
    <name>herald::WelcomePanel</name>
    <message>
        <source>&amp;Load Sample Data</source>
        <translation>&amp;Charger les données d’exemple</translation>
    </message>
    <message>
        <source>Welcome to Herald</source>
        <translation>Bienvenue dans Herald</translation>
    </message>
    <message>
        <source>The database is empty. Choose how to begin:</source>
        <translation>La base de données est vide. Choisissez comment commencer :</translation>
    </message>
    <message>
        <source>Import a &amp;CSV File…</source>
        <translation>Importer un fichier CS&amp;V…</translation>
    </message>
    <message>
        <source>Connect to Your &amp;Team’s Server…</source>
        <translation>Se connecter au serveur de votre é&amp;quipe…</translation>
    </message>
    <message>
        <source>About 1,200 real Vermont organisations with example.org addresses, a starter template, a segment and a sender whose postal address is plainly fake. Help → Remove Sample Data takes it all away again.</source>
        <translation>Environ 1 200 vraies associations du Vermont avec des adresses example.org, un modèle de départ, un segment et un expéditeur dont l’adresse postale est manifestement fausse. Aide → Supprimer les données d’exemple retire le tout.</translation>
    </message>
    <message>
        <source>Your own list of organisations: Herald shows the columns it found and lets you match them before anything is stored.</source>
        <translation>Votre propre liste d’associations : Herald montre les colonnes trouvées et vous laisse les faire correspondre avant tout enregistrement.</translation>
    </message>
    <message>
        <source>Your colleagues already use Herald on a PostgreSQL server: add it as a connection profile in Settings and open it.</source>
        <translation>Vos collègues utilisent déjà Herald sur un serveur PostgreSQL : ajoutez-le comme profil de connexion dans Paramètres et ouvrez-le.</translation>
    </message>
</context>
<context>
    <name>herald::cli</name>
    <message>
        <source>No campaigns yet.</source>
        <translation>Pas encore de campagne.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>Could not write the message to standard output.</source>
        <translation>Impossible d’écrire le message sur la sortie standard.</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  ligne %1 : %2</translation>
    </message>
    <message>
        <source>  … and %1 more rejected rows (--report FILE lists them all).</source>
        <translation>  … et %1 autres lignes rejetées (--report FICHIER les liste toutes).</translation>
    </message>
    <message>
        <source>JSON output (--json), one object:
  range: {from, to (ISO 8601 UTC), seconds, step_seconds}
  totals: {sent, failed, retried, unknown, sent_per_second, failed_per_second,
           latency_ms: {count, mean, p50, p95, p99}}
  failure_rate: {range, recent, window_seconds}   (0..1: failed / (sent + failed))
  providers: [{name, and the same keys as totals}]
  top_failure_reasons: [{reason, count, example}]   (at most 5, most frequent first)
  queue: {pending, retrying, in_flight, sampled_at}   (the latest sample, not over the range;
         campaigns that are sending; sampled_at null when never sampled)
  provider_health: [{name, breaker (closed|half-open|open|idle), senders, current_per_second,
                     allowed_per_second, limit_per_second, last_error, last_error_at}]   (now)
  series: [{start (ISO 8601 UTC), sent_per_second, failed_per_second, failure_rate}]
          (one point per step_seconds; failure_rate over the rolling window)</source>
        <translation>Sortie JSON (--json), un objet :
  range: {from, to (ISO 8601 UTC), seconds, step_seconds}
  totals: {sent, failed, retried, unknown, sent_per_second, failed_per_second,
           latency_ms: {count, mean, p50, p95, p99}}
  failure_rate: {range, recent, window_seconds}   (0..1 : échecs / (envoyés + échecs))
  providers: [{name, et les mêmes clés que totals}]
  top_failure_reasons: [{reason, count, example}]   (5 au plus, les plus fréquents d’abord)
  queue: {pending, retrying, in_flight, sampled_at}   (le dernier échantillon, pas sur la période ;
         campagnes en cours d’envoi ; sampled_at null si jamais échantillonnée)
  provider_health: [{name, breaker (closed|half-open|open|idle), senders, current_per_second,
                     allowed_per_second, limit_per_second, last_error, last_error_at}]   (maintenant)
  series: [{start (ISO 8601 UTC), sent_per_second, failed_per_second, failure_rate}]
          (un point par step_seconds ; failure_rate sur la fenêtre glissante)</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignActions</name>
    <message>
        <source>Campaign &apos;%1&apos; is %2.</source>
        <translation>La campagne &apos;%1&apos; est à l&apos;état %2.</translation>
    </message>
    <message>
        <source>Campaign %1 was kept as a draft.</source>
        <translation>La campagne %1 reste un brouillon.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; was not approved.</source>
        <translation>La campagne &apos;%1&apos; n’a pas été approuvée.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is approved by %2 (%3 recipients).</source>
        <translation>La campagne &apos;%1&apos; est approuvée par %2 (%3 destinataires).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignAttachments</name>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>Impossible de lire &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c&apos;est un dossier</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was not attached: a campaign&apos;s attachments may take %3 in all.</source>
        <translation>&apos;%1&apos; (%2) n&apos;a pas été joint : les pièces jointes d&apos;une campagne peuvent peser %3 en tout.</translation>
    </message>
    <message>
        <source>Attached &apos;%1&apos; (%2, %3) to campaign %4.</source>
        <translation>&apos;%1&apos; (%2, %3) joint à la campagne %4.</translation>
    </message>
    <message>
        <source>Campaign %1 has no attachments.</source>
        <translation>La campagne %1 n&apos;a pas de pièces jointes.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Total: %1 of %2</source>
        <translation>Total : %1 sur %2</translation>
    </message>
    <message>
        <source>Detached &apos;%1&apos; from campaign %2.</source>
        <translation>&apos;%1&apos; retiré de la campagne %2.</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignCommand</name>
    <message>
        <source>render: the recipient, by nonprofit id or email address.</source>
        <translation>render : le destinataire, par identifiant d’association ou adresse e-mail.</translation>
    </message>
    <message>
        <source>id|email</source>
        <translation>id|e-mail</translation>
    </message>
    <message>
        <source>create: the campaign&apos;s name.</source>
        <translation>create : le nom de la campagne.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>create: the template&apos;s id (&apos;herald template list&apos;).</source>
        <translation>create : l&apos;id du modèle (&apos;herald template list&apos;).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>create: the sender identity&apos;s id (&apos;herald identity list&apos;).</source>
        <translation>create : l&apos;id de l&apos;identité d&apos;expéditeur (&apos;herald identity list&apos;).</translation>
    </message>
    <message>
        <source>create: send to this saved segment.</source>
        <translation>create : envoyer à ce segment enregistré.</translation>
    </message>
    <message>
        <source>create: send to all active nonprofits (the default).</source>
        <translation>create : envoyer à toutes les organisations actives (par défaut).</translation>
    </message>
    <message>
        <source>create: schedule it for this time, ISO 8601 (2026-05-01T09:00, local time, or with an offset such as Z or +02:00).</source>
        <translation>create : la programmer pour cette heure, ISO 8601 (2026-05-01T09:00, heure locale, ou avec un décalage comme Z ou +02:00).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>send, create --at: queue even when the sender domain&apos;s DNS is not ready.</source>
        <translation>send, create --at : mettre en file même si le DNS du domaine d&apos;expéditeur n&apos;est pas prêt.</translation>
    </message>
    <message>
        <source>create: how opens and clicks are tracked: off, anonymous (per campaign and link; the default) or per-recipient (for the nonprofits whose consent allows it, anonymous for the others). Nothing is tracked while the public address of herald serve is not set.</source>
        <translation>create : comment les ouvertures et les clics sont suivis : off (désactivé), anonymous (par campagne et par lien ; par défaut) ou per-recipient (par destinataire pour les associations dont le consentement le permet, anonyme pour les autres). Rien n’est suivi tant que l’adresse publique de herald serve n’est pas définie.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>list, show, attachments: print JSON instead of text.</source>
        <translation>list, show, attachments : affiche du JSON au lieu du texte.</translation>
    </message>
    <message>
        <source>create: how messages carry the media library images the template shows: embedded (the default; inside every message, which makes each one heavier) or linked (light messages; the images load from the public address of herald serve, which must be set and running).</source>
        <translation>create : comment les messages portent les images de la médiathèque que le modèle affiche : embedded (intégrées, par défaut ; dans chaque message, ce qui alourdit chacun) ou linked (liées : messages légers ; les images se chargent depuis l’adresse publique de herald serve, qui doit être définie et en marche).</translation>
    </message>
    <message>
        <source>Campaigns.

  list [--json]                     every campaign with its status, audience and counts
  show ID [--json]                  its status, tracking and image modes and messages counted by status:
                                    pending, sending, sent, failed, unknown, suppressed, cancelled
  render ID --nonprofit ID|EMAIL    the MIME message that nonprofit gets
  create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway]
         [--tracking off|anonymous|per-recipient] [--images embedded|linked]
                                    a draft (with --at, scheduled); prints its id
  send ID [--anyway]                queue it now, as the campaign editor&apos;s Send Now does: the campaign,
                                    template and sender identity are checked, suppressed addresses are
                                    left out, and a campaign to more than 5,000 recipients gets its
                                    sender domain&apos;s DNS (SPF, DKIM, DMARC) checked first
  pause ID | resume ID | cancel ID  as the Sending page&apos;s buttons
  approve ID                        approve a campaign written by somebody else, when the team server
                                    needs a second person&apos;s approval for large sends (Settings →
                                    Approval); a change of its template, audience or sender withdraws it
  attach ID FILE...                 send these files with every message (multipart/mixed); 10 MB in
                                    all at most, with a warning above 1 MB; drafts and scheduled only
  attachments ID [--json]           its attachments: file name, type, size and SHA-256
  detach ID NAME                    remove the attachment with this file name

Sending a campaign that was queued already does nothing and exits 0. A sender domain that is not
ready stops send and create --at unless --anyway is given. &apos;herald worker&apos; (or the window) sends
what is queued.

Exit status: 0 done, 1 failed or refused (the reason on standard error), 2 usage error.</source>
        <translation>Campagnes.

  list [--json]                     chaque campagne avec son état, son audience et ses comptes
  show ID [--json]                  son état, ses modes de suivi et d’images et ses messages par état :
                                    pending, sending, sent, failed, unknown, suppressed, cancelled
  render ID --nonprofit ID|EMAIL    le message MIME que reçoit cette organisation
  create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway]
         [--tracking off|anonymous|per-recipient] [--images embedded|linked]
                                    un brouillon (avec --at, programmé) ; affiche son id
  send ID [--anyway]                la met en file maintenant, comme Envoyer maintenant de l’éditeur : la
                                    campagne, le modèle et l’identité d’expéditeur sont vérifiés, les
                                    adresses supprimées sont exclues, et une campagne de plus de 5 000
                                    destinataires fait d’abord vérifier le DNS (SPF, DKIM, DMARC) du domaine
  pause ID | resume ID | cancel ID  comme les boutons de la page Envoi
  approve ID                        approuve une campagne écrite par quelqu’un d’autre, quand le serveur
                                    de l’équipe exige l’approbation d’une deuxième personne pour les
                                    gros envois (Paramètres → Approbation) ; un changement de son
                                    modèle, de son audience ou de son expéditeur la retire
  attach ID FILE...                 envoie ces fichiers avec chaque message (multipart/mixed) ; 10 Mo
                                    en tout au plus, avec un avertissement au-delà de 1 Mo ; brouillons
                                    et campagnes programmées seulement
  attachments ID [--json]           ses pièces jointes : nom de fichier, type, taille et SHA-256
  detach ID NAME                    retire la pièce jointe qui porte ce nom de fichier

Envoyer une campagne déjà en file ne fait rien et sort avec 0. Un domaine d’expéditeur qui n’est pas
prêt arrête send et create --at, sauf avec --anyway. &apos;herald worker&apos; (ou la fenêtre) envoie ce qui
est en file.

Code de sortie : 0 fait, 1 échec ou refus (la raison sur la sortie d’erreur), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>list, show ID, render ID, create, send ID, pause ID, resume ID, cancel ID, approve ID, attach ID FILE..., attachments ID or detach ID NAME.</source>
        <translation>list, show ID, render ID, create, send ID, pause ID, resume ID, cancel ID, approve ID, attach ID FILE..., attachments ID ou detach ID NAME.</translation>
    </message>
    <message>
        <source>Usage: herald campaign list [--json] | show ID [--json] | render ID --nonprofit ID|EMAIL | create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway] [--tracking off|anonymous|per-recipient] [--images embedded|linked] | send ID [--anyway] | pause ID | resume ID | cancel ID | approve ID | attach ID FILE... | attachments ID [--json] | detach ID NAME  (each with [--profile NAME]; &apos;herald campaign --help&apos; explains them)</source>
        <translation>Utilisation : herald campaign list [--json] | show ID [--json] | render ID --nonprofit ID|EMAIL | create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway] [--tracking off|anonymous|per-recipient] [--images embedded|linked] | send ID [--anyway] | pause ID | resume ID | cancel ID | approve ID | attach ID FILE... | attachments ID [--json] | detach ID NAME  (chacun avec [--profile NAME] ; &apos;herald campaign --help&apos; les explique)</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignQueueing</name>
    <message numerus="yes">
        <source>Campaign &apos;%1&apos; was queued already (%n message(s), now %2); nothing was queued again.</source>
        <translation>
            <numerusform>La campagne &apos;%1&apos; était déjà en file (%n message, maintenant %2) ; rien n&apos;a été remis en file.</numerusform>
            <numerusform>La campagne &apos;%1&apos; était déjà en file (%n messages, maintenant %2) ; rien n&apos;a été remis en file.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the DNS records of %1…</source>
        <translation>Vérification des enregistrements DNS de %1…</translation>
    </message>
    <message>
        <source>Warning: &apos;%1&apos; goes to %2 recipients from %3, but the DNS records of %4 are not ready: %5. Gmail and Yahoo refuse or junk bulk mail without SPF, DKIM and DMARC.</source>
        <translation>Attention : &apos;%1&apos; part vers %2 destinataires depuis %3, mais les enregistrements DNS de %4 ne sont pas prêts : %5. Gmail et Yahoo refusent ou classent en spam les envois en masse sans SPF, DKIM et DMARC.</translation>
    </message>
    <message>
        <source>Not queued: publish the records first (&apos;herald campaign send ID --anyway&apos; queues it regardless).</source>
        <translation>Pas mise en file : publiez d&apos;abord les enregistrements (&apos;herald campaign send ID --anyway&apos; la met en file malgré tout).</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is scheduled for %2.</source>
        <translation>La campagne &apos;%1&apos; est programmée pour %2.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n message(s) for &apos;%1&apos;</source>
        <translation>
            <numerusform>%n message mis en file pour &apos;%1&apos;</numerusform>
            <numerusform>%n messages mis en file pour &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n suppressed address(es) left out.</source>
        <translation>
            <numerusform> ; %n adresse supprimée exclue.</numerusform>
            <numerusform> ; %n adresses supprimées exclues.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignReports</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Campagne %1 : %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <source>Scheduled for: %1</source>
        <translation>Programmée pour : %1</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>Images : %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::CommandLine</name>
    <message>
        <source>Connection profiles: list, add, use, remove.</source>
        <translation>Profils de connexion : list, add, use, remove.</translation>
    </message>
    <message>
        <source>Import nonprofits or a suppression list from CSV, with a report.</source>
        <translation>Importer des associations ou une liste d’exclusion depuis un CSV, avec un rapport.</translation>
    </message>
    <message>
        <source>GDPR requests about one address: export its data as JSON, erase it.</source>
        <translation>Demandes RGPD concernant une adresse : exporter ses données en JSON, l’effacer.</translation>
    </message>
    <message>
        <source>Sending figures: rates, failure rate, latency, failure reasons, queue depth (text, JSON, Prometheus).</source>
        <translation>Chiffres d’envoi : débits, taux d’échec, latence, causes d’échec, profondeur de la file (texte, JSON, Prometheus).</translation>
    </message>
    <message>
        <source>Send queued campaigns without a window (several may share one PostgreSQL queue).</source>
        <translation>Envoyer les campagnes en file d’attente sans fenêtre (plusieurs peuvent partager une file PostgreSQL).</translation>
    </message>
    <message>
        <source>Herald: email campaigns for nonprofit organisations.
Without a command, the desktop application opens.

Commands:
</source>
        <translation>Herald : campagnes d’e-mails pour les associations.
Sans commande, l’application de bureau s’ouvre.

Commandes :
</translation>
    </message>
    <message>
        <source>
Run &apos;herald COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>
Lancez « herald COMMANDE --help » pour les options d’une commande.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Commands: %2. &apos;herald --help&apos; explains them.</source>
        <translation>Commande inconnue « %1 ». Commandes : %2. « herald --help » les explique.</translation>
    </message>
    <message>
        <source>Sync the drafts kept on this computer with the PostgreSQL server; lists conflicts.</source>
        <translation>Synchroniser les brouillons conservés sur cet ordinateur avec le serveur PostgreSQL ; liste les conflits.</translation>
    </message>
    <message>
        <source>Read bounces, complaints and mailto: unsubscribes from the feedback mailbox (IMAP).</source>
        <translation>Lire les rejets, les plaintes et les désabonnements mailto: dans la boîte de retours (IMAP).</translation>
    </message>
    <message>
        <source>Sender identities (From, Reply-To, postal address, unsubscribe link): list, add.</source>
        <translation>Identités d&apos;expéditeur (From, Reply-To, adresse postale, lien de désinscription) : lister, ajouter.</translation>
    </message>
    <message>
        <source>Mail providers (SMTP servers): list, add; the secret comes from HERALD_PROVIDER_SECRET_&lt;NAME&gt;.</source>
        <translation>Fournisseurs de messagerie (serveurs SMTP) : lister, ajouter ; le secret vient de HERALD_PROVIDER_SECRET_&lt;NAME&gt;.</translation>
    </message>
    <message>
        <source>The public endpoint: one-click unsubscribe, open pixel, click redirect, web view, /healthz.</source>
        <translation>Le point d&apos;accès public : désinscription en un clic, pixel d&apos;ouverture, redirection des clics, version web, /healthz.</translation>
    </message>
    <message>
        <source>The old name of &apos;serve&apos; (one-click unsubscribe and more).</source>
        <translation>L&apos;ancien nom de « serve » (désinscription en un clic et plus).</translation>
    </message>
    <message>
        <source>Export nonprofits (or a search), the suppression list or a campaign&apos;s opens and clicks to CSV.</source>
        <translation>Exporter en CSV des associations (ou une recherche), la liste d’exclusion ou les ouvertures et les clics d’une campagne.</translation>
    </message>
    <message>
        <source>Engagement reports: a campaign&apos;s opens, clicks and rates, people&apos;s and machines&apos; apart, and clicks per link.</source>
        <translation>Rapports d’engagement : ouvertures, clics et taux d’une campagne, des personnes et des machines séparément, et clics par lien.</translation>
    </message>
    <message>
        <source>Campaigns: list, show, create, send, pause, resume, cancel; attach files; render the message one nonprofit gets.</source>
        <translation>Campagnes : lister, afficher, créer, envoyer, mettre en pause, reprendre, annuler ; joindre des fichiers ; produire le message que reçoit une organisation.</translation>
    </message>
    <message>
        <source>The media library of images for messages: import (scaled to 1,200 px, at most 1 MB), list.</source>
        <translation>La médiathèque des images des messages : import (réduites à 1 200 px, 1 Mo au plus), list.</translation>
    </message>
    <message>
        <source>Message templates: list, export to JSON, import from JSON or from a starter design (checked as the Templates page checks them).</source>
        <translation>Modèles de message : lister, exporter en JSON, importer depuis JSON ou depuis un modèle de départ (vérifiés comme sur la page Modèles).</translation>
    </message>
    <message>
        <source>The people of a team server and their roles: list, add (a password shown once), set-role, remove.</source>
        <translation>Les personnes d’un serveur d’équipe et leurs rôles : list, add (un mot de passe affiché une fois), set-role, remove.</translation>
    </message>
    <message>
        <source>The database: &apos;db status&apos; connects, migrates and reports; &apos;db copy --to PROFILE&apos; moves it to a team server; &apos;db backup FILE&apos; backs it up.</source>
        <translation>La base de données : &apos;db status&apos; se connecte, migre et rend compte ; &apos;db copy --to PROFILE&apos; la déménage vers un serveur d&apos;équipe ; &apos;db backup FILE&apos; la sauvegarde.</translation>
    </message>
</context>
<context>
    <name>herald::cli::DbCommand</name>
    <message>
        <source>Profile: %1</source>
        <translation>Profil : %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Moteur : %1</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Emplacement : %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>Schema version: %1 (this Herald knows up to %2)</source>
        <translation>Version du schéma : %1 (ce Herald connaît jusqu’à %2)</translation>
    </message>
    <message>
        <source>The database: its state, a move to a team server, a backup.
  status              connect, migrate and report
  copy --to PROFILE   copy everything into an empty PostgreSQL database (--from: the source, else the active profile)
  backup FILE         back the embedded database up into FILE; restoring is opening that file (for PostgreSQL use pg_dump)</source>
        <translation>La base de données : son état, un déménagement vers un serveur d&apos;équipe, une sauvegarde.
  status              se connecter, migrer et rendre compte
  copy --to PROFILE   tout copier dans une base PostgreSQL vide (--from : la source, sinon le profil actif)
  backup FILE         sauvegarder la base intégrée dans FILE ; restaurer, c&apos;est ouvrir ce fichier (pour PostgreSQL, utilisez pg_dump)</translation>
    </message>
    <message>
        <source>status, copy or backup</source>
        <translation>status, copy ou backup</translation>
    </message>
    <message>
        <source>backup: the file to write</source>
        <translation>backup : le fichier à écrire</translation>
    </message>
    <message>
        <source>copy: the PostgreSQL profile to copy into.</source>
        <translation>copy : le profil PostgreSQL vers lequel copier.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>copy: the profile to copy from (else the active one).</source>
        <translation>copy : le profil depuis lequel copier (sinon le profil actif).</translation>
    </message>
    <message>
        <source>backup: overwrite FILE when it exists.</source>
        <translation>backup : écraser FILE s&apos;il existe.</translation>
    </message>
    <message>
        <source>Usage: herald db status [--profile NAME]
       herald db copy --to PROFILE [--from PROFILE]
       herald db backup FILE [--profile NAME] [--force]</source>
        <translation>Usage : herald db status [--profile NAME]
        herald db copy --to PROFILE [--from PROFILE]
        herald db backup FILE [--profile NAME] [--force]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a PostgreSQL profile: a move copies into a team server.</source>
        <translation>&apos;%1&apos; n&apos;est pas un profil PostgreSQL : un déménagement copie vers un serveur d&apos;équipe.</translation>
    </message>
    <message>
        <source>Copying to %1</source>
        <translation>Copie vers %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a PostgreSQL server: back it up with pg_dump (README.md, &quot;Backing up a team server&quot;), e.g. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE.</source>
        <translation>&apos;%1&apos; est un serveur PostgreSQL : sauvegardez-le avec pg_dump (README.md, « Backing up a team server »), par ex. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE.</translation>
    </message>
    <message>
        <source>Backing up to %1</source>
        <translation>Sauvegarde vers %1</translation>
    </message>
    <message>
        <source>Backed up %1 to %2. Restoring is opening that file: with Herald closed, put it in place of %1.</source>
        <translation>%1 sauvegardée dans %2. Restaurer, c&apos;est ouvrir ce fichier : Herald fermé, mettez-le à la place de %1.</translation>
    </message>
</context>
<context>
    <name>herald::cli::EngagementReportOutput</name>
    <message>
        <source>off (no opens or clicks are recorded)</source>
        <translation>désactivé (aucune ouverture ni aucun clic n’est enregistré)</translation>
    </message>
    <message>
        <source>anonymous (unique opens and clicks are not known; rates are approximate, from the totals)</source>
        <translation>anonyme (les ouvertures et les clics uniques ne sont pas connus ; les taux sont approximatifs, d’après les totaux)</translation>
    </message>
    <message>
        <source>per recipient</source>
        <translation>par destinataire</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Campagne %1 : %2</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>Remis : %1</translation>
    </message>
    <message>
        <source>First delivered: %1</source>
        <translation>Première remise : %1</translation>
    </message>
    <message>
        <source>Human</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Ouvertures</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>Ouvertures uniques</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Taux d’ouverture</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics uniques</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Taux de clic</translation>
    </message>
    <message>
        <source>Click-to-open rate</source>
        <translation>Taux de clic par ouverture</translation>
    </message>
    <message>
        <source>The first 7 days, a line per 24 hours from the first delivery (--json has every hour):</source>
        <translation>Les 7 premiers jours, une ligne par 24 heures depuis la première remise (--json donne chaque heure) :</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Depuis (UTC)</translation>
    </message>
    <message>
        <source>Human opens</source>
        <translation>Ouvertures (personnes)</translation>
    </message>
    <message>
        <source>Human clicks</source>
        <translation>Clics (personnes)</translation>
    </message>
    <message>
        <source>Machine opens</source>
        <translation>Ouvertures (machines)</translation>
    </message>
    <message>
        <source>Machine clicks</source>
        <translation>Clics (machines)</translation>
    </message>
    <message>
        <source>No tracked links.</source>
        <translation>Aucun lien suivi.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Unique clickers</source>
        <translation>Personnes ayant cliqué</translation>
    </message>
</context>
<context>
    <name>herald::cli::ExportCommand</name>
    <message>
        <source>The CSV file to write.</source>
        <translation>Le fichier CSV à écrire.</translation>
    </message>
    <message>
        <source>Only nonprofits whose name, email, EIN or city contains it.</source>
        <translation>Seulement les associations dont le nom, l’e-mail, l’EIN ou la ville le contient.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>name, email, ein, city, region, country, status or updated.</source>
        <translation>name, email, ein, city, region, country, status ou updated.</translation>
    </message>
    <message>
        <source>column</source>
        <translation>colonne</translation>
    </message>
    <message>
        <source>Sort from last to first.</source>
        <translation>Trier du dernier au premier.</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Export vers %1</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>%1 lignes écrites dans %2.</translation>
    </message>
    <message>
        <source>Exports nonprofits (all, or those a search finds) or the suppression list to CSV, or a campaign&apos;s raw opens and clicks:

  nonprofits FILE.csv [--search TEXT] [--sort COLUMN] [--descending]
  suppressions FILE.csv
  engagement ID FILE.csv   columns time (ISO 8601, UTC), kind (open or click), link_url, verdict
                           (human or machine), reason, agent_class, client_network and email (only
                           for per-recipient tracking; anonymous events name nobody); raw events
                           older than the retention period are no longer there

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Exporte en CSV des associations (toutes, ou celles que trouve une recherche) ou la liste d’exclusion, ou les ouvertures et les clics bruts d’une campagne :

  nonprofits FICHIER.csv [--search TEXTE] [--sort COLONNE] [--descending]
  suppressions FICHIER.csv
  engagement ID FICHIER.csv   colonnes time (ISO 8601, UTC), kind (open ou click), link_url, verdict
                              (human ou machine), reason, agent_class, client_network et email (seulement
                              avec le suivi par destinataire ; un événement anonyme ne nomme personne) ;
                              les événements bruts plus anciens que la durée de conservation n’y sont plus

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d’erreur), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>nonprofits, suppressions or engagement ID</source>
        <translation>nonprofits, suppressions ou engagement ID</translation>
    </message>
    <message>
        <source>Usage: herald export nonprofits|suppressions FILE.csv [--profile NAME] [--search TEXT] [--sort COLUMN] [--descending] | engagement ID FILE.csv [--profile NAME]</source>
        <translation>Utilisation : herald export nonprofits|suppressions FICHIER.csv [--profile NOM] [--search TEXTE] [--sort COLONNE] [--descending] | engagement ID FICHIER.csv [--profile NOM]</translation>
    </message>
</context>
<context>
    <name>herald::cli::GdprCommand</name>
    <message>
        <source>Answers GDPR requests about one email address.</source>
        <translation>Répond aux demandes RGPD concernant une adresse e-mail.</translation>
    </message>
    <message>
        <source>export FILE.json, or erase.</source>
        <translation>export FICHIER.json, ou erase.</translation>
    </message>
    <message>
        <source>The address the request is about.</source>
        <translation>L’adresse concernée par la demande.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>Confirm the erasure (it cannot be undone).</source>
        <translation>Confirmer l’effacement (irréversible).</translation>
    </message>
    <message>
        <source>Usage: herald gdpr export --email ADDRESS FILE.json | herald gdpr erase --email ADDRESS --yes</source>
        <translation>Utilisation : herald gdpr export --email ADRESSE FICHIER.json | herald gdpr erase --email ADRESSE --yes</translation>
    </message>
    <message>
        <source>Erasing &apos;%1&apos; deletes its personal data for good; add --yes to confirm.</source>
        <translation>Effacer « %1 » supprime définitivement ses données personnelles ; ajoutez --yes pour confirmer.</translation>
    </message>
    <message>
        <source>Everything Herald holds about &apos;%1&apos; is in %2.</source>
        <translation>Tout ce que Herald détient sur « %1 » se trouve dans %2.</translation>
    </message>
    <message>
        <source>Erased &apos;%1&apos;: %2 nonprofit row(s) deleted, %3 message(s) anonymised, %4 open(s) and click(s) deleted; the address stays suppressed as %5.</source>
        <translation>« %1 » effacée : %2 ligne(s) d’association supprimée(s), %3 message(s) anonymisé(s), %4 ouverture(s) et clic(s) supprimé(s) ; l’adresse reste exclue sous la forme %5.</translation>
    </message>
</context>
<context>
    <name>herald::cli::IdentityCommand</name>
    <message>
        <source>No sender identities yet.</source>
        <translation>Aucune identité d&apos;expéditeur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désinscription</translation>
    </message>
    <message>
        <source>Sender identities: who a campaign is from.

  list [--json]
  add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL]
      [--unsubscribe-url URL]     prints the new identity&apos;s id

Addresses and the unsubscribe link are checked as the sender identity dialog checks them. A campaign
can only be queued from an identity with a postal address and an unsubscribe link.

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Identités d&apos;expéditeur : de qui vient une campagne.

  list [--json]
  add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL]
      [--unsubscribe-url URL]     affiche l&apos;id de la nouvelle identité

Les adresses et le lien de désinscription sont vérifiés comme dans la boîte de dialogue d&apos;identité.
Une campagne ne peut être mise en file que depuis une identité avec adresse postale et lien de
désinscription.

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d&apos;erreur), 2 erreur d&apos;utilisation.</translation>
    </message>
    <message>
        <source>list or add.</source>
        <translation>list ou add.</translation>
    </message>
    <message>
        <source>add: what the identity is chosen by (&quot;Development office&quot;).</source>
        <translation>add : le nom sous lequel on choisit l&apos;identité (&quot;Bureau du développement&quot;).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>add: the From address.</source>
        <translation>add : l&apos;adresse From.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>add: the name shown with the From address.</source>
        <translation>add : le nom affiché avec l&apos;adresse From.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>add: where replies go (optional).</source>
        <translation>add : où vont les réponses (facultatif).</translation>
    </message>
    <message>
        <source>add: the sender&apos;s postal address, which bulk mail must show.</source>
        <translation>add : l&apos;adresse postale de l&apos;expéditeur, que tout envoi en masse doit afficher.</translation>
    </message>
    <message>
        <source>add: the address of the unsubscribe link (https://…).</source>
        <translation>add : l&apos;adresse du lien de désinscription (https://…).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Usage: herald identity list [--json] | herald identity add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL] [--unsubscribe-url URL]  (each with [--profile NAME])</source>
        <translation>Utilisation : herald identity list [--json] | herald identity add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL] [--unsubscribe-url URL]  (chacun avec [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::ImportCommand</name>
    <message>
        <source>Imports nonprofits or a suppression list from a CSV file (UTF-8, &apos;,&apos; or &apos;;&apos;).</source>
        <translation>Importe des associations ou une liste d’exclusion depuis un fichier CSV (UTF-8, « , » ou « ; »).</translation>
    </message>
    <message>
        <source>nonprofits or suppressions</source>
        <translation>nonprofits ou suppressions</translation>
    </message>
    <message>
        <source>The CSV file; its first line names the columns.</source>
        <translation>Le fichier CSV ; sa première ligne nomme les colonnes.</translation>
    </message>
    <message>
        <source>Match existing nonprofits by email (default) or ein.</source>
        <translation>Rapprocher les associations existantes par email (par défaut) ou ein.</translation>
    </message>
    <message>
        <source>Write every rejected row to this CSV file.</source>
        <translation>Écrire chaque ligne rejetée dans ce fichier CSV.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Give rows without an email the address &lt;EIN&gt;@DOMAIN (sample data).</source>
        <translation>Donner aux lignes sans e-mail l’adresse &lt;EIN&gt;@DOMAINE (données d’exemple).</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domaine</translation>
    </message>
    <message>
        <source>Rows committed together (default 5000).</source>
        <translation>Lignes validées ensemble (5000 par défaut).</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>lignes</translation>
    </message>
    <message>
        <source>Usage: herald import nonprofits|suppressions FILE.csv [--profile NAME] [--key email|ein] [--report FILE]</source>
        <translation>Utilisation : herald import nonprofits|suppressions FICHIER.csv [--profile NOM] [--key email|ein] [--report FICHIER]</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Import de %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::IntakeCommand</name>
    <message>
        <source>read %1: %2 hard bounce(s), %3 soft bounce(s), %4 complaint(s), %5 unsubscribe(s), %6 not matched, %7 not understood</source>
        <translation>%1 lu(s) : %2 rejet(s) définitif(s), %3 rejet(s) temporaire(s), %4 plainte(s), %5 désabonnement(s), %6 sans correspondance, %7 incompris</translation>
    </message>
    <message>
        <source>; campaign #%1 paused: its complaint rate passed the limit</source>
        <translation>; campagne n° %1 mise en pause : son taux de plaintes a dépassé la limite</translation>
    </message>
    <message>
        <source>Reads bounces, complaints and mailto: unsubscribes from the feedback mailbox set up in Settings, suppresses the addresses and pauses campaigns with too many complaints.</source>
        <translation>Lit les rejets, les plaintes et les désabonnements mailto: dans la boîte de retours configurée dans les Paramètres, exclut les adresses et met en pause les campagnes qui reçoivent trop de plaintes.</translation>
    </message>
    <message>
        <source>One pass, then exit.</source>
        <translation>Un seul passage, puis quitter.</translation>
    </message>
    <message>
        <source>Seconds between passes (default 300).</source>
        <translation>Secondes entre deux passages (300 par défaut).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
</context>
<context>
    <name>herald::cli::MediaCommand</name>
    <message>
        <source>The media library is empty.</source>
        <translation>La médiathèque est vide.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos; (%2×%3 px, %4 bytes, %5).</source>
        <translation>&apos;%1&apos; importée (%2×%3 px, %4 octets, %5).</translation>
    </message>
    <message>
        <source>The media library: images for messages, shared by the team.

  import FILE...   PNG, JPEG or GIF; wider than 1,200 px is scaled down, and an image must take 1 MB at
                   most after that (a JPEG is re-encoded at lower quality to fit)
  list [--json]    id, name, type, width, height and size

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>La médiathèque : les images des messages, partagées par l&apos;équipe.

  import FILE...   PNG, JPEG ou GIF ; plus de 1 200 px de large est réduit, et une image doit peser 1 Mo
                   au plus ensuite (un JPEG est réencodé en qualité moindre pour tenir)
  list [--json]    id, nom, type, largeur, hauteur et taille

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d&apos;erreur), 2 erreur d&apos;utilisation.</translation>
    </message>
    <message>
        <source>import FILE... or list.</source>
        <translation>import FILE... ou list.</translation>
    </message>
    <message>
        <source>Usage: herald media import FILE... | herald media list [--json]  (each with [--profile NAME])</source>
        <translation>Utilisation : herald media import FILE... | herald media list [--json]  (chacun avec [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::MhdHttpServer</name>
    <message>
        <source>Cannot listen on %1:%2 (is the port in use?)</source>
        <translation>Impossible d&apos;écouter sur %1:%2 (le port est-il déjà utilisé ?)</translation>
    </message>
</context>
<context>
    <name>herald::cli::ProfileCommand</name>
    <message>
        <source>Manages connection profiles.</source>
        <translation>Gère les profils de connexion.</translation>
    </message>
    <message>
        <source>list, add NAME, use NAME or remove NAME.</source>
        <translation>list, add NOM, use NOM ou remove NOM.</translation>
    </message>
    <message>
        <source>PostgreSQL host.</source>
        <translation>Hôte PostgreSQL.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>PostgreSQL port.</source>
        <translation>Port PostgreSQL.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Database name.</source>
        <translation>Nom de la base de données.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Nom d’utilisateur.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>disable, allow, prefer, require, verify-ca or verify-full (default: prefer for this machine, verify-full otherwise).</source>
        <translation>disable, allow, prefer, require, verify-ca ou verify-full (par défaut : prefer pour cet ordinateur, verify-full sinon).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>Usage: herald profile %1 NAME</source>
        <translation>Utilisation : herald profile %1 NOM</translation>
    </message>
    <message>
        <source>A profile named &apos;%1&apos; exists already.</source>
        <translation>Un profil nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Added profile &apos;%1&apos; (%2, sslmode %3).</source>
        <translation>Profil « %1 » ajouté (%2, sslmode %3).</translation>
    </message>
    <message>
        <source>There is no connection profile named &apos;%1&apos;.</source>
        <translation>Il n’existe aucun profil de connexion nommé « %1 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is now the active profile.</source>
        <translation>« %1 » est maintenant le profil actif.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the built-in database and cannot be removed.</source>
        <translation>« %1 » est la base de données intégrée et ne peut pas être retirée.</translation>
    </message>
    <message>
        <source>Removed profile &apos;%1&apos;.</source>
        <translation>Profil « %1 » retiré.</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;: use list, add, use or remove.</source>
        <translation>Action inconnue « %1 » : utilisez list, add, use ou remove.</translation>
    </message>
</context>
<context>
    <name>herald::cli::ProviderCommand</name>
    <message>
        <source>No mail providers yet.</source>
        <translation>Aucun fournisseur de messagerie pour l&apos;instant.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Rafale</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>No password given: set %1 wherever Herald sends (or type it in Settings → Mail providers).</source>
        <translation>Aucun mot de passe donné : définissez %1 partout où Herald envoie (ou saisissez-le dans Paramètres → Fournisseurs de messagerie).</translation>
    </message>
    <message>
        <source>No keychain here: Herald reads the password from %1 whenever it sends, so keep it set for &apos;herald worker&apos;.</source>
        <translation>Pas de trousseau ici : Herald lit le mot de passe dans %1 chaque fois qu&apos;il envoie, gardez-la donc définie pour &apos;herald worker&apos;.</translation>
    </message>
    <message>
        <source>The password from %1 is kept in the keychain.</source>
        <translation>Le mot de passe de %1 est conservé dans le trousseau.</translation>
    </message>
    <message>
        <source>Mail providers (SMTP servers).

  list [--json]      every provider, with where its secret comes from (environment, keychain or none)
  add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER]
      [--rate R] [--burst B] [--connections C] [--priority P]      prints the new provider&apos;s id

The password is never an argument. HERALD_PROVIDER_SECRET_&lt;NAME&gt; (the provider&apos;s name in capitals,
any character other than A-Z, 0-9 and _ as _, e.g. HERALD_PROVIDER_SECRET_OFFICE_RELAY) gives it:
&apos;provider add&apos; keeps it in the system keychain when there is one, and every Herald process that sends
reads the variable before the keychain, so a headless &apos;herald worker&apos; can be given it that way.

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Fournisseurs de messagerie (serveurs SMTP).

  list [--json]      chaque fournisseur, avec l&apos;origine de son secret (environment, keychain ou none)
  add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER]
      [--rate R] [--burst B] [--connections C] [--priority P]      affiche l&apos;id du nouveau fournisseur

Le mot de passe n&apos;est jamais un argument. HERALD_PROVIDER_SECRET_&lt;NAME&gt; (le nom du fournisseur en
majuscules, tout caractère autre que A-Z, 0-9 et _ remplacé par _, p. ex. HERALD_PROVIDER_SECRET_OFFICE_RELAY)
le donne : &apos;provider add&apos; le conserve dans le trousseau du système s&apos;il y en a un, et tout processus
Herald qui envoie lit la variable avant le trousseau ; un &apos;herald worker&apos; sans écran peut le recevoir ainsi.

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d&apos;erreur), 2 erreur d&apos;utilisation.</translation>
    </message>
    <message>
        <source>list or add.</source>
        <translation>list ou add.</translation>
    </message>
    <message>
        <source>add: the provider&apos;s name.</source>
        <translation>add : le nom du fournisseur.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>add: the SMTP server, and its port (default 587, or 465 with --tls implicit).</source>
        <translation>add : le serveur SMTP et son port (587 par défaut, ou 465 avec --tls implicit).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>hôte:port</translation>
    </message>
    <message>
        <source>add: implicit (SMTPS), starttls (required, the default), optional (STARTTLS when offered) or none (test servers on this computer only).</source>
        <translation>add : implicit (SMTPS), starttls (obligatoire, par défaut), optional (STARTTLS s&apos;il est proposé) ou none (serveurs de test sur cet ordinateur uniquement).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>add: the SMTP user name.</source>
        <translation>add : le nom d&apos;utilisateur SMTP.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>add: messages per second (default %1).</source>
        <translation>add : messages par seconde (%1 par défaut).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>débit</translation>
    </message>
    <message>
        <source>add: messages at once after a quiet spell (default %1).</source>
        <translation>add : messages d&apos;un coup après une période calme (%1 par défaut).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>add: connections each sending process keeps open (default %1).</source>
        <translation>add : connexions que chaque processus d&apos;envoi garde ouvertes (%1 par défaut).</translation>
    </message>
    <message>
        <source>add: lower is tried first (default %1).</source>
        <translation>add : le plus bas est essayé en premier (%1 par défaut).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Usage: herald provider list [--json] | herald provider add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER] [--rate R] [--burst B] [--connections C] [--priority P]  (each with [--profile NAME])</source>
        <translation>Utilisation : herald provider list [--json] | herald provider add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER] [--rate R] [--burst B] [--connections C] [--priority P]  (chacun avec [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::ReportCommand</name>
    <message>
        <source>Engagement reports.

  campaign ID [--json]   delivered messages; opens, unique opens, open rate, clicks, unique clicks,
                         click rate and click-to-open rate, people&apos;s (human) and machines&apos; apart;
                         opens and clicks in the first 7 days; clicks per link

Rates are fractions of delivered messages. With anonymous tracking nobody&apos;s opens are told apart, so
unique opens and clicks are unknown and the rates come from the totals (marked approximate).
--json prints the same with every hour of the first 7 days: keys campaign_id, name, status, tracking,
delivered, first_sent_at, uniques_known, approximate, human and machine (opens, unique_opens,
implied_opens, open_rate, clicks, unique_clicks, click_rate, click_to_open_rate; unknown or undefined
values are null), hourly (hour_start, human_opens, human_clicks, machine_opens, machine_clicks) and
links (link_no, url, human_clicks, unique_human_clickers, machine_clicks).

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Rapports d’engagement.

  campaign ID [--json]   messages remis ; ouvertures, ouvertures uniques, taux d’ouverture, clics,
                         clics uniques, taux de clic et taux de clic par ouverture, des personnes
                         (human) et des machines (machine) séparément ; ouvertures et clics des 7
                         premiers jours ; clics par lien

Les taux sont des fractions des messages remis. Avec le suivi anonyme, les ouvertures de chacun ne
sont pas distinguées : les ouvertures et les clics uniques sont inconnus et les taux viennent des
totaux (marqués approximatifs).
--json donne la même chose avec chaque heure des 7 premiers jours : clés campaign_id, name, status,
tracking, delivered, first_sent_at, uniques_known, approximate, human et machine (opens, unique_opens,
implied_opens, open_rate, clicks, unique_clicks, click_rate, click_to_open_rate ; les valeurs inconnues
ou indéfinies sont null), hourly (hour_start, human_opens, human_clicks, machine_opens, machine_clicks)
et links (link_no, url, human_clicks, unique_human_clickers, machine_clicks).

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d’erreur), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>campaign ID</source>
        <translation>campaign ID</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Afficher du JSON au lieu de texte.</translation>
    </message>
    <message>
        <source>Usage: herald report campaign ID [--json] [--profile NAME]</source>
        <translation>Utilisation : herald report campaign ID [--json] [--profile NOM]</translation>
    </message>
</context>
<context>
    <name>herald::cli::ServeCommand</name>
    <message>
        <source>Opens and clicks cannot be written to the database.</source>
        <translation>Les ouvertures et les clics ne peuvent pas être écrits dans la base de données.</translation>
    </message>
    <message>
        <source>The database does not answer: %1</source>
        <translation>La base de données ne répond pas : %1</translation>
    </message>
    <message>
        <source>Address and port to listen on, e.g. 127.0.0.1:8025.</source>
        <translation>Adresse et port d&apos;écoute, p. ex. 127.0.0.1:8025.</translation>
    </message>
    <message>
        <source>address:port</source>
        <translation>adresse:port</translation>
    </message>
    <message>
        <source>The address recipients reach this server at, e.g. https://mail.example.org/herald; stored for every Herald sharing the database (tracked links and the web view link use it).</source>
        <translation>L&apos;adresse à laquelle les destinataires joignent ce serveur, p. ex. https://mail.example.org/herald ; enregistrée pour tous les Herald qui partagent la base de données (les liens suivis et le lien de version web l&apos;utilisent).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>A proxy (address or network, e.g. 127.0.0.1/32) whose X-Forwarded-For header is believed; repeat for several. Without one the socket&apos;s peer is the client.</source>
        <translation>Un proxy (adresse ou réseau, p. ex. 127.0.0.1/32) dont l&apos;en-tête X-Forwarded-For est cru ; répétez pour plusieurs. Sans proxy, le client est l&apos;autre extrémité du socket.</translation>
    </message>
    <message>
        <source>cidr</source>
        <translation>cidr</translation>
    </message>
    <message>
        <source>Request threads (default: one per core).</source>
        <translation>Fils de requêtes (par défaut : un par cœur).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Usage: herald serve --listen ADDRESS:PORT, e.g. --listen 127.0.0.1:8025 (&apos;%1&apos; is not an IP address and port).</source>
        <translation>Usage : herald serve --listen ADRESSE:PORT, p. ex. --listen 127.0.0.1:8025 (« %1 » n&apos;est pas une adresse IP et un port).</translation>
    </message>
    <message>
        <source>--flush-ms must be between 1 and %1.</source>
        <translation>--flush-ms doit être compris entre 1 et %1.</translation>
    </message>
    <message>
        <source>--threads must be a number from 1 to 256.</source>
        <translation>--threads doit être un nombre de 1 à 256.</translation>
    </message>
    <message>
        <source>Listening on %1:%2</source>
        <translation>À l&apos;écoute sur %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n request(s); %1 open(s) and click(s) written.</source>
        <translation>
            <numerusform>Arrêté après %n requête ; %1 ouvertures et clics écrits.</numerusform>
            <numerusform>Arrêté après %n requêtes ; %1 ouvertures et clics écrits.</numerusform>
        </translation>
    </message>
    <message>
        <source>The spool %1 is full: new opens and clicks are not recorded.</source>
        <translation>Le spool %1 est plein : les nouvelles ouvertures et les nouveaux clics ne sont pas enregistrés.</translation>
    </message>
    <message>
        <source>How often recorded opens and clicks are written, in milliseconds (default 100, at most 250). Every open and click is first kept in the spool.</source>
        <translation>Fréquence d&apos;écriture des ouvertures et clics enregistrés, en millisecondes (100 par défaut, 250 au plus). Chaque ouverture et chaque clic passe d&apos;abord par le spool.</translation>
    </message>
    <message>
        <source>Where opens and clicks are kept until the database has them, one directory per herald serve (default: serve-spool/ADDRESS_PORT in Herald&apos;s data folder). A kill loses at most the last %1 ms of them; those a killed process left are written when herald serve next starts on that directory.</source>
        <translation>Où les ouvertures et les clics sont gardés jusqu&apos;à ce que la base de données les ait, un répertoire par herald serve (par défaut : serve-spool/ADRESSE_PORT dans le dossier de données de Herald). Un arrêt brutal en perd au plus les %1 dernières ms ; ceux qu&apos;un processus arrêté a laissés sont écrits au prochain démarrage de herald serve sur ce répertoire.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>répertoire</translation>
    </message>
    <message>
        <source>How large the spool may grow while the database does not take the events (default %1); past it new opens and clicks are answered but not recorded, and their log lines say so.</source>
        <translation>Taille maximale du spool tant que la base de données ne prend pas les événements (%1 par défaut) ; au-delà, les nouvelles ouvertures et les nouveaux clics reçoivent une réponse mais ne sont pas enregistrés, et leurs lignes de journal le disent.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>--spool-max-mb must be a number from 1 to 1048576.</source>
        <translation>--spool-max-mb doit être un nombre de 1 à 1048576.</translation>
    </message>
    <message numerus="yes">
        <source>%n open(s) and click(s) were not recorded: the spool %1 was full.</source>
        <translation>
            <numerusform>%n ouverture ou clic n&apos;a pas été enregistré : le spool %1 était plein.</numerusform>
            <numerusform>%n ouvertures et clics n&apos;ont pas été enregistrés : le spool %1 était plein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some opens and clicks could not be written to the database; they are kept in %1 and written when herald serve next starts with that spool.</source>
        <translation>Des ouvertures et des clics n&apos;ont pas pu être écrits dans la base de données ; ils sont gardés dans %1 et seront écrits au prochain démarrage de herald serve avec ce spool.</translation>
    </message>
    <message>
        <source>Herald&apos;s public endpoint, run behind your web server (which ends TLS): one-click unsubscribe (RFC 8058), the open pixel (/o/), the click redirect (/c/), the message as a web page (/v/), the media library&apos;s images for campaigns that link them (/m/), /healthz and /metrics (Prometheus: the sending figures of the last 15 minutes, as herald stats --prometheus prints them). Several may run against one PostgreSQL. &apos;herald unsubscribe-server&apos; is its old name.</source>
        <translation>Le point d&apos;accès public de Herald, derrière votre serveur web (qui termine TLS) : désabonnement en un clic (RFC 8058), le pixel d&apos;ouverture (/o/), la redirection des clics (/c/), le message en page web (/v/), les images de la médiathèque pour les campagnes qui les lient (/m/), /healthz et /metrics (Prometheus : les chiffres d&apos;envoi des 15 dernières minutes, tels que herald stats --prometheus les affiche). Plusieurs peuvent fonctionner sur un même PostgreSQL. « herald unsubscribe-server » est son ancien nom.</translation>
    </message>
</context>
<context>
    <name>herald::cli::StatsCommand</name>
    <message>
        <source>Prints sending figures for a time range: sends and failures per second, failure rate, latency percentiles, top failure reasons and queue depth.

</source>
        <translation>Affiche les chiffres d’envoi d’une période : envois et échecs par seconde, taux d’échec, percentiles de latence, principales causes d’échec et profondeur de la file.

</translation>
    </message>
    <message>
        <source>Print JSON (schema above).</source>
        <translation>Afficher du JSON (schéma ci-dessus).</translation>
    </message>
    <message>
        <source>Print Prometheus text exposition format.</source>
        <translation>Afficher au format d’exposition texte de Prometheus.</translation>
    </message>
    <message>
        <source>The time range up to now: 15m, 1h, 24h or 7d (default 1h).</source>
        <translation>La période jusqu’à maintenant : 15m, 1h, 24h ou 7d (1h par défaut).</translation>
    </message>
    <message>
        <source>range</source>
        <translation>période</translation>
    </message>
    <message>
        <source>Usage: herald stats [--profile NAME] [--json | --prometheus] [--range 15m|1h|24h|7d]</source>
        <translation>Utilisation : herald stats [--profile NOM] [--json | --prometheus] [--range 15m|1h|24h|7d]</translation>
    </message>
</context>
<context>
    <name>herald::cli::StatsReport</name>
    <message>
        <source>From %1 to %2 (UTC)</source>
        <translation>Du %1 au %2 (UTC)</translation>
    </message>
    <message>
        <source>Sent %1, failed %2, retried %3, unknown %4</source>
        <translation>Envoyés %1, échecs %2, réessayés %3, inconnus %4</translation>
    </message>
    <message>
        <source>Rate: %1 sent/s, %2 failed/s</source>
        <translation>Débit : %1 envoyés/s, %2 échecs/s</translation>
    </message>
    <message numerus="yes">
        <source>Failure rate: %1 % over the range, %2 % over the last %n minute(s)</source>
        <translation>
            <numerusform>Taux d’échec : %1 % sur la période, %2 % sur la dernière %n minute</numerusform>
            <numerusform>Taux d’échec : %1 % sur la période, %2 % sur les %n dernières minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency: P50 %1 ms, P95 %2 ms, P99 %3 ms</source>
        <translation>Latence : P50 %1 ms, P95 %2 ms, P99 %3 ms</translation>
    </message>
    <message>
        <source>Queue: %1 pending (%2 retrying), %3 in flight</source>
        <translation>File : %1 en attente (%2 en nouvel essai), %3 en cours</translation>
    </message>
    <message>
        <source>  Provider %1: sent %2, failed %3, P95 %4 ms</source>
        <translation>  Fournisseur %1 : envoyés %2, échecs %3, P95 %4 ms</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Top failure reasons:</source>
        <translation>Principales causes d’échec :</translation>
    </message>
    <message>
        <source>  %1: circuit %2, %3/s now, kept to %4/s of %5/s%6</source>
        <translation>  %1 : circuit %2, %3/s actuellement, limité à %4/s sur %5/s%6</translation>
    </message>
    <message>
        <source>, last error: %1</source>
        <translation>, dernière erreur : %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::SyncCommand</name>
    <message>
        <source>Syncs the drafts kept on this computer with the profile&apos;s PostgreSQL server.</source>
        <translation>Synchronise les brouillons conservés sur cet ordinateur avec le serveur PostgreSQL du profil.</translation>
    </message>
    <message>
        <source>Resolve every open conflict first: mine, server or both.</source>
        <translation>Résoudre d’abord tous les conflits ouverts : mine (la mienne), server (celle du serveur) ou both (les deux).</translation>
    </message>
    <message>
        <source>--keep takes mine, server or both, not &apos;%1&apos;.</source>
        <translation>--keep accepte mine, server ou both, pas « %1 ».</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; keeps its data on this computer; only PostgreSQL profiles have drafts to sync.</source>
        <translation>Le profil « %1 » conserve ses données sur cet ordinateur ; seuls les profils PostgreSQL ont des brouillons à synchroniser.</translation>
    </message>
    <message>
        <source>Cannot sync now: %1</source>
        <translation>Synchronisation impossible pour l’instant : %1</translation>
    </message>
    <message>
        <source>Conflict on %1 &apos;%2&apos; not resolved: %3</source>
        <translation>Conflit sur %1 « %2 » non résolu : %3</translation>
    </message>
    <message>
        <source>Resolved: %1 &apos;%2&apos; (%3)</source>
        <translation>Résolu : %1 « %2 » (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1 : %n ligne</numerusform>
            <numerusform>%1 : %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Synchronisation arrêtée : %1</translation>
    </message>
    <message>
        <source>What was synced is kept; run &apos;herald sync&apos; again to finish.</source>
        <translation>Ce qui a été synchronisé est conservé ; relancez « herald sync » pour terminer.</translation>
    </message>
    <message>
        <source>Pushed: %1</source>
        <translation>Envoyés : %1</translation>
    </message>
    <message>
        <source>Pulled: %1</source>
        <translation>Reçus : %1</translation>
    </message>
    <message>
        <source>Conflicts: %1 new, %2 open</source>
        <translation>Conflits : %1 nouveaux, %2 ouverts</translation>
    </message>
    <message>
        <source>Nonprofits kept offline: %1</source>
        <translation>Associations conservées hors ligne : %1</translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>Non synchronisé : %1</translation>
    </message>
    <message>
        <source>  conflict: %1 &apos;%2&apos; (%3)</source>
        <translation>  conflit : %1 « %2 » (%3)</translation>
    </message>
    <message>
        <source>Resolve them in Herald&apos;s sync dialog, or with --keep mine|server|both.</source>
        <translation>Résolvez-les dans la fenêtre de synchronisation de Herald, ou avec --keep mine|server|both.</translation>
    </message>
</context>
<context>
    <name>herald::cli::TeamCommand</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Nobody is in the team yet.</source>
        <translation>Personne n’est encore dans l’équipe.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Peut se connecter</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>list, add, set-role or remove.</source>
        <translation>list, add, set-role ou remove.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>add: read the password from standard input.</source>
        <translation>add : lire le mot de passe sur l’entrée standard.</translation>
    </message>
    <message>
        <source>add: no password (certificate or peer authentication).</source>
        <translation>add : sans mot de passe (authentification par certificat ou peer).</translation>
    </message>
    <message>
        <source>Usage: herald team list [--json] | herald team add NAME --role ROLE [--password-stdin | --no-password] | herald team set-role NAME ROLE | herald team remove NAME  (each with [--profile NAME])</source>
        <translation>Utilisation : herald team list [--json] | herald team add NOM --role RÔLE [--password-stdin | --no-password] | herald team set-role NOM RÔLE | herald team remove NOM  (chacune avec [--profile NOM])</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 a été retiré.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin : l’entrée standard ne contenait aucun mot de passe.</translation>
    </message>
    <message>
        <source>%1 was added as %2. Their password, shown this once:</source>
        <translation>%1 a été ajouté comme %2. Son mot de passe, affiché cette seule fois :</translation>
    </message>
    <message>
        <source>%1 was added as %2.</source>
        <translation>%1 a été ajouté comme %2.</translation>
    </message>
    <message>
        <source>The team on a PostgreSQL server: each person logs in as their own PostgreSQL role, in one of Herald&apos;s roles
(viewer, editor, sender, admin, worker, serve). Only admins may add, change or remove people; the server refuses
everyone else, and each change is in the audit log.

  list [--json]                 people, their role, whether they can log in, when Herald last saw them
  add NAME --role ROLE          a new login; prints a generated password once (PostgreSQL keeps its hash,
                                Herald keeps nothing)
      [--password-stdin]        the password from the first line of standard input instead
      [--no-password]           no password: certificate or peer authentication (pg_hba.conf)
  set-role NAME ROLE            moves a person to another role
  remove NAME                   drops the login; what it owns in this database goes to the owner

Herald changes only plain team members: never a superuser, the database&apos;s owner, a role that may create
roles, a role outside the team, or yourself. The embedded database (SQLite) is one person with every right.

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>L’équipe sur un serveur PostgreSQL : chaque personne se connecte avec son propre rôle PostgreSQL, dans l’un des
rôles de Herald (viewer, editor, sender, admin, worker, serve). Seuls les administrateurs peuvent ajouter, modifier ou
retirer des personnes ; le serveur refuse tous les autres, et chaque changement est dans le journal d’audit.

  list [--json]                 les personnes, leur rôle, si elles peuvent se connecter, quand Herald les a vues
  add NAME --role ROLE          une nouvelle connexion ; affiche une fois un mot de passe généré (PostgreSQL
                                garde son hachage, Herald ne garde rien)
      [--password-stdin]        le mot de passe lu sur la première ligne de l’entrée standard à la place
      [--no-password]           sans mot de passe : authentification par certificat ou peer (pg_hba.conf)
  set-role NAME ROLE            fait passer une personne à un autre rôle
  remove NAME                   supprime la connexion ; ce qu’elle possède dans cette base va au propriétaire

Herald ne modifie que les membres ordinaires de l’équipe : jamais un superutilisateur, le propriétaire de la base,
un rôle qui peut créer des rôles, un rôle hors de l’équipe, ni vous-même. La base intégrée (SQLite) est une seule
personne avec tous les droits.

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d’erreur), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>add: viewer, editor, sender, admin, worker (runs herald worker and herald intake) or serve (runs herald serve).</source>
        <translation>add : viewer, editor, sender, admin, worker (exécute herald worker et herald intake) ou serve (exécute herald serve).</translation>
    </message>
</context>
<context>
    <name>herald::cli::TemplateCommand</name>
    <message>
        <source>No templates yet.</source>
        <translation>Aucun modèle pour l&apos;instant.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Wrote template &apos;%1&apos; (version %2) to %3.</source>
        <translation>Modèle &apos;%1&apos; (version %2) écrit dans %3.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Message templates.

  list [--json]                     id, name, version and subject of every template
  export ID FILE                    write the template&apos;s name, subject and bodies to FILE (JSON)
  import FILE [--name NAME]         add the template in FILE (as written by export); prints its id
  starters [--json]                 id, title and description of the starter designs
  import starter:ID [--name NAME]   add a template made from the starter design ID (newsletter, event,
                                    appeal, announcement) in the organisation&apos;s branding (Settings →
                                    Branding) and the language Herald runs in; prints its id

An import is checked as the Templates page checks a save: a template with errors (mustache syntax,
unknown placeholders, no unsubscribe link or postal address) is refused and every issue is printed
on standard error with its part, line and column; warnings are printed and do not stop it.

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Modèles de message.

  list [--json]                     id, nom, version et objet de chaque modèle
  export ID FILE                    écrit le nom, l’objet et les corps du modèle dans FILE (JSON)
  import FILE [--name NAME]         ajoute le modèle de FILE (tel qu’écrit par export) ; affiche son id
  starters [--json]                 id, titre et description des modèles de départ
  import starter:ID [--name NAME]   ajoute un modèle créé à partir du modèle de départ ID (newsletter,
                                    event, appeal, announcement) avec l’identité visuelle de
                                    l’organisation (Paramètres → Identité visuelle) et dans la langue
                                    de Herald ; affiche son id

Une importation est vérifiée comme la page Modèles vérifie un enregistrement : un modèle avec des erreurs
(syntaxe mustache, champs inconnus, pas de lien de désinscription ni d’adresse postale) est refusé et
chaque problème est affiché sur la sortie d’erreur avec sa partie, sa ligne et sa colonne ; les
avertissements sont affichés et ne l’arrêtent pas.

Code de sortie : 0 fait, 1 échec (la raison sur la sortie d’erreur), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>list, export ID FILE, import FILE, starters or import starter:ID.</source>
        <translation>list, export ID FILE, import FILE, starters ou import starter:ID.</translation>
    </message>
    <message>
        <source>import: the name to give the template (default: the name in the file, or the starter&apos;s title).</source>
        <translation>import : le nom à donner au modèle (par défaut : celui du fichier, ou le titre du modèle de départ).</translation>
    </message>
    <message>
        <source>Usage: herald template list [--json] | herald template export ID FILE | herald template import FILE|starter:ID [--name NAME] | herald template starters [--json]  (each with [--profile NAME])</source>
        <translation>Utilisation : herald template list [--json] | herald template export ID FILE | herald template import FILE|starter:ID [--name NAME] | herald template starters [--json]  (chacun avec [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::WorkerCommand</name>
    <message>
        <source>Sends queued campaigns without a window.</source>
        <translation>Envoie les campagnes en file d’attente sans fenêtre.</translation>
    </message>
    <message>
        <source>Connection profile (default: the active one).</source>
        <translation>Profil de connexion (par défaut : le profil actif).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Messages leased per claim (default 500).</source>
        <translation>Messages réservés par demande (500 par défaut).</translation>
    </message>
    <message>
        <source>Lease length (default 120).</source>
        <translation>Durée de réservation (120 par défaut).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>How often expired leases are recovered (default 5000).</source>
        <translation>Fréquence de récupération des réservations expirées (5000 par défaut).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Exit once no campaign has anything left to send.</source>
        <translation>Quitter dès qu’aucune campagne n’a plus rien à envoyer.</translation>
    </message>
    <message>
        <source>No progress lines.</source>
        <translation>Pas de lignes de progression.</translation>
    </message>
    <message>
        <source>Worker %1 sending with %2 threads through %3 provider(s).</source>
        <translation>Worker %1 : envoi avec %2 fils par %3 fournisseur(s).</translation>
    </message>
    <message>
        <source>sent %1  failed %2  retrying %3  unknown %4  queued %5  %6/s%7</source>
        <translation>envoyés %1  échecs %2  nouvel essai %3  inconnus %4  en file %5  %6/s%7</translation>
    </message>
    <message>
        <source>Stopped: sent %1, failed %2, retrying %3, unknown %4.</source>
        <translation>Arrêté : envoyés %1, échecs %2, nouvel essai %3, inconnus %4.</translation>
    </message>
    <message>
        <source>Sending threads, over which each provider&apos;s connections are spread (default: one per processor core, %1 here).</source>
        <translation>Fils d&apos;envoi, entre lesquels se répartissent les connexions de chaque fournisseur (par défaut : un par cœur du processeur, %1 ici).</translation>
    </message>
</context>
</TS>
