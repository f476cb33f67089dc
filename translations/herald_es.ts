<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Alert</name>
    <message>
        <source>High failure rate</source>
        <translation>Tasa de fallos alta</translation>
    </message>
    <message>
        <source>The queue is not draining</source>
        <translation>La cola no se vacía</translation>
    </message>
    <message>
        <source>Provider %1 is failing (circuit open)</source>
        <translation>El proveedor %1 está fallando (circuito abierto)</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State/region</source>
        <translation>Estado/región</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
</context>
<context>
    <name>CommandArguments</name>
    <message>
        <source>Connection profile name (default: the active one).</source>
        <translation>Nombre del perfil de conexión (predeterminado: el activo).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>list: print JSON instead of a table.</source>
        <translation>list: imprime JSON en lugar de una tabla.</translation>
    </message>
</context>
<context>
    <name>CopyCatalog</name>
    <message>
        <source>Could not read the columns of %1</source>
        <translation>No se pudieron leer las columnas de %1</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Password Not Saved</source>
        <translation>Contraseña no guardada</translation>
    </message>
    <message>
        <source>Check that the server is running and reachable from this computer, or work on this computer for now.</source>
        <translation>Compruebe que el servidor esté en marcha y se pueda alcanzar desde este equipo, o trabaje en este equipo por ahora.</translation>
    </message>
    <message>
        <source>Retry to type the password again, or edit the profile if the user name is wrong.</source>
        <translation>Pulse Reintentar para volver a escribir la contraseña, o edite el perfil si el nombre de usuario es incorrecto.</translation>
    </message>
    <message>
        <source>This database was set up by a newer Herald. Update Herald, or use another database.</source>
        <translation>Esta base de datos la creó una versión más reciente de Herald. Actualice Herald o use otra base de datos.</translation>
    </message>
    <message>
        <source>Retry, edit the profile, or work on this computer for now.</source>
        <translation>Reintente, edite el perfil o trabaje en este equipo por ahora.</translation>
    </message>
    <message>
        <source>Cannot Open %1</source>
        <translation>No se puede abrir %1</translation>
    </message>
    <message>
        <source>Edit Profile…</source>
        <translation>Editar perfil…</translation>
    </message>
    <message>
        <source>Use This Computer</source>
        <translation>Usar este equipo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>No password was given for %1 on %2.</source>
        <translation>No se indicó ninguna contraseña para %1 en %2.</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Trabajar sin conexión</translation>
    </message>
</context>
<context>
    <name>DesktopMain</name>
    <message>
        <source>Offline Drafts Unavailable</source>
        <translation>Borradores sin conexión no disponibles</translation>
    </message>
</context>
<context>
    <name>HeaderText</name>
    <message>
        <source>%1 must be one line (it goes into a mail header); remove the line break.</source>
        <translation>%1 debe ocupar una sola línea (va en una cabecera del correo); quite el salto de línea.</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>Bad email address</source>
        <translation>Dirección de correo no válida</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>Sin nombre</translation>
    </message>
    <message>
        <source>No EIN</source>
        <translation>Sin EIN</translation>
    </message>
    <message>
        <source>Wrong number of columns</source>
        <translation>Número de columnas incorrecto</translation>
    </message>
    <message>
        <source>Not UTF-8 text</source>
        <translation>No es texto UTF-8</translation>
    </message>
    <message>
        <source>Field too long</source>
        <translation>Campo demasiado largo</translation>
    </message>
    <message>
        <source>Unreadable value</source>
        <translation>Valor ilegible</translation>
    </message>
    <message>
        <source>Quote never closed</source>
        <translation>Comilla sin cerrar</translation>
    </message>
    <message>
        <source>Belongs to another row</source>
        <translation>Pertenece a otra fila</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Could not create the schema_migrations table</source>
        <translation>No se pudo crear la tabla schema_migrations</translation>
    </message>
</context>
<context>
    <name>OfflineMode</name>
    <message>
        <source>Needs the server, and Herald is offline (%1 cannot be reached). This comes back when the server does.</source>
        <translation>Necesita el servidor, y Herald está sin conexión (no se puede contactar con %1). Volverá cuando vuelva el servidor.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
</context>
<context>
    <name>ProfileOpener</name>
    <message>
        <source>There is no connection profile named &apos;%1&apos;. &apos;herald profile list&apos; shows them.</source>
        <translation>No hay ningún perfil de conexión llamado &apos;%1&apos;. &apos;herald profile list&apos; los muestra.</translation>
    </message>
</context>
<context>
    <name>ProgressPrinter</name>
    <message>
        <source>%1: %2%</source>
        <translation>%1: %2%</translation>
    </message>
</context>
<context>
    <name>SendMetricsWriter</name>
    <message>
        <source>Could not add results to the send metrics</source>
        <translation>No se pudieron añadir los resultados a las métricas de envío</translation>
    </message>
    <message>
        <source>Could not add failure reasons to the send metrics</source>
        <translation>No se pudieron añadir los motivos de fallo a las métricas de envío</translation>
    </message>
</context>
<context>
    <name>SqlErrors</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the database does not allow this to your role. Ask an administrator if you need it.</source>
        <translation>%1: la base de datos no permite esto a su rol. Pida a un administrador si lo necesita.</translation>
    </message>
    <message>
        <source>%1: the database does not allow this on %2 to your role. Ask an administrator if you need it.</source>
        <translation>%1: la base de datos no permite esto en %2 a su rol. Pida a un administrador si lo necesita.</translation>
    </message>
</context>
<context>
    <name>SuppressionReason</name>
    <message>
        <source>Unsubscribed</source>
        <translation>Baja voluntaria</translation>
    </message>
    <message>
        <source>Hard bounce</source>
        <translation>Rebote permanente</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Queja</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>SuppressionRepository</name>
    <message numerus="yes">
        <source>Could not lift the suppression of %n address(es)</source>
        <translation>
            <numerusform>No se pudo levantar la exclusión de %n dirección</numerusform>
            <numerusform>No se pudo levantar la exclusión de %n direcciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateIssue</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, línea %2, columna %3: %4</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction</source>
        <translation>No se pudo iniciar una transacción</translation>
    </message>
    <message>
        <source>Could not commit</source>
        <translation>No se pudo confirmar la transacción</translation>
    </message>
</context>
<context>
    <name>herald</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>All active nonprofits</source>
        <translation>Todas las organizaciones activas</translation>
    </message>
    <message>
        <source>Segment #%1 (deleted)</source>
        <translation>Segmento n.º %1 (eliminado)</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; %3.</source>
        <translation>%1 &apos;%2&apos; %3.</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>No se pudo conectar con %1</translation>
    </message>
</context>
<context>
    <name>herald::AddressSuppressor</name>
    <message>
        <source>Could not mark the nonprofit of a suppressed address</source>
        <translation>No se pudo marcar la organización de una dirección excluida</translation>
    </message>
</context>
<context>
    <name>herald::AlertBanner</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Abrir el &amp;panel</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Hide these alerts; the banner comes back when another one is raised</source>
        <translation>Ocultar estas alertas; el aviso vuelve cuando salte otra</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; since %2 — %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; desde %2 — %3</translation>
    </message>
</context>
<context>
    <name>herald::AlertEvaluator</name>
    <message numerus="yes">
        <source>%1 % of %2 messages failed over the last %n minute(s) (alert above %3 %).</source>
        <translation>
            <numerusform>El %1 % de %2 mensajes falló en %n minuto (alerta por encima del %3 %).</numerusform>
            <numerusform>El %1 % de %2 mensajes falló en los últimos %n minutos (alerta por encima del %3 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 messages waiting; the queue has not gone down for %n minute(s).</source>
        <translation>
            <numerusform>%1 mensajes en espera; la cola no ha bajado desde hace %n minuto.</numerusform>
            <numerusform>%1 mensajes en espera; la cola no ha bajado desde hace %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages fail over to the next provider.</source>
        <translation>Los mensajes pasan al siguiente proveedor.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
</context>
<context>
    <name>herald::AlertRepository</name>
    <message>
        <source>Could not read the open alerts</source>
        <translation>No se pudieron leer las alertas abiertas</translation>
    </message>
    <message>
        <source>Could not clear the alert</source>
        <translation>No se pudo cerrar la alerta</translation>
    </message>
    <message>
        <source>Could not record the alert</source>
        <translation>No se pudo registrar la alerta</translation>
    </message>
    <message>
        <source>Could not read the alert</source>
        <translation>No se pudo leer la alerta</translation>
    </message>
    <message>
        <source>The alert was cleared meanwhile.</source>
        <translation>Mientras tanto, la alerta se cerró.</translation>
    </message>
    <message>
        <source>Could not read the alerts</source>
        <translation>No se pudieron leer las alertas</translation>
    </message>
</context>
<context>
    <name>herald::AlertSettings</name>
    <message>
        <source>The failure rate must be between 0 and 100 %.</source>
        <translation>La tasa de fallos debe estar entre 0 y 100 %.</translation>
    </message>
    <message>
        <source>The failure rate window must be 1 to 360 minutes.</source>
        <translation>La ventana de la tasa de fallos debe ser de 1 a 360 minutos.</translation>
    </message>
    <message>
        <source>The queue alert time must be 0 (off) to 360 minutes.</source>
        <translation>El tiempo de alerta de la cola debe ser de 0 (desactivado) a 360 minutos.</translation>
    </message>
    <message>
        <source>The number of messages needed must not be negative.</source>
        <translation>El número de mensajes necesario no puede ser negativo.</translation>
    </message>
</context>
<context>
    <name>herald::AlertSettingsPanel</name>
    <message>
        <source>Alert while a provider&apos;s &amp;circuit is open (it keeps failing)</source>
        <translation>Alertar mientras el &amp;circuito de un proveedor esté abierto (sigue fallando)</translation>
    </message>
    <message>
        <source>Save &amp;alert settings</source>
        <translation>Guardar la configuración de &amp;alertas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alertas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>When to show a banner and a desktop notification about sending. These settings are kept in the database and apply to everyone using it.</source>
        <translation>Cuándo mostrar un aviso y una notificación de escritorio sobre el envío. Esta configuración se guarda en la base de datos y se aplica a todos los que la usan.</translation>
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
        <translation> mensajes terminados</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Failure rate &amp;above:</source>
        <translation>Tasa de fallos &amp;superior a:</translation>
    </message>
    <message>
        <source>&amp;Over the last:</source>
        <translation>&amp;En los últimos:</translation>
    </message>
    <message>
        <source>With at &amp;least:</source>
        <translation>Con al &amp;menos:</translation>
    </message>
    <message>
        <source>&amp;Queue not draining for:</source>
        <translation>Cola sin &amp;vaciarse durante:</translation>
    </message>
    <message>
        <source>Saved. Every Herald using this database alerts with these settings.</source>
        <translation>Guardado. Todos los Herald que usan esta base de datos alertan con esta configuración.</translation>
    </message>
</context>
<context>
    <name>herald::AppSettingsRepository</name>
    <message>
        <source>Could not read setting &apos;%1&apos;</source>
        <translation>No se pudo leer el ajuste &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Setting &apos;%1&apos; is not set.</source>
        <translation>El ajuste &apos;%1&apos; no está definido.</translation>
    </message>
    <message>
        <source>Could not store setting &apos;%1&apos;</source>
        <translation>No se pudo guardar el ajuste &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a public address for herald serve: give an http or https address without ? or #, such as https://mail.example.org/herald.</source>
        <translation>&apos;%1&apos; no es una dirección pública para herald serve: indique una dirección http o https sin ? ni #, como https://mail.example.org/herald.</translation>
    </message>
</context>
<context>
    <name>herald::ApprovalSection</name>
    <message>
        <source>A&amp;pprove</source>
        <translation>A&amp;probar</translation>
    </message>
    <message>
        <source>Approve this campaign as it is now: its template, audience and sender</source>
        <translation>Aprobar esta campaña tal como está ahora: su plantilla, su audiencia y su remitente</translation>
    </message>
    <message>
        <source>Approved by %1 at %2.</source>
        <translation>Aprobada por %1 el %2.</translation>
    </message>
    <message>
        <source>Saving the new template, audience or sender withdraws this approval.</source>
        <translation>Guardar la nueva plantilla, audiencia o remitente retira esta aprobación.</translation>
    </message>
    <message>
        <source>No approval needed to send now: %1 recipients, at most %2.</source>
        <translation>No hace falta aprobación para enviar ahora: %1 destinatarios, como máximo %2.</translation>
    </message>
    <message>
        <source>The approval by %1 was withdrawn: the template, audience or sender changed.</source>
        <translation>Se retiró la aprobación de %1: cambió la plantilla, la audiencia o el remitente.</translation>
    </message>
    <message>
        <source>Campaigns to more than %1 recipients need a second person&apos;s approval.</source>
        <translation>Las campañas a más de %1 destinatarios necesitan la aprobación de una segunda persona.</translation>
    </message>
</context>
<context>
    <name>herald::ApprovalSettingsPanel</name>
    <message>
        <source>Campaigns to more than</source>
        <translation>Las campañas a más de</translation>
    </message>
    <message>
        <source>Save appro&amp;val setting</source>
        <translation>Guardar ajuste de apro&amp;bación</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approval of large sends&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aprobación de envíos grandes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A large campaign can wait for a second person: until a sender or administrator other than its author approves it, the database refuses to queue or schedule it. Changing its template, audience or sender afterwards withdraws the approval.</source>
        <translation>Una campaña grande puede esperar a una segunda persona: hasta que la apruebe un remitente o administrador distinto de su autor, la base de datos se niega a ponerla en cola o programarla. Cambiar después su plantilla, audiencia o remitente retira la aprobación.</translation>
    </message>
    <message>
        <source>recipients need approval</source>
        <translation>destinatarios necesitan aprobación</translation>
    </message>
    <message>
        <source>Approval does not apply to a database on this computer: one person has every right. It applies on a team server, where each person logs in as themselves.</source>
        <translation>La aprobación no se aplica a una base de datos en este equipo: una sola persona tiene todos los derechos. Se aplica en un servidor de equipo, donde cada persona inicia sesión con su propio usuario.</translation>
    </message>
    <message>
        <source>Kept in the database: it applies to everyone using it.</source>
        <translation>Se guarda en la base de datos: se aplica a todos los que la usan.</translation>
    </message>
    <message>
        <source>Only an administrator may change this setting.</source>
        <translation>Solo un administrador puede cambiar este ajuste.</translation>
    </message>
    <message>
        <source>Saved. Campaigns to more than %1 recipients now need approval.</source>
        <translation>Guardado. Las campañas a más de %1 destinatarios necesitan ahora aprobación.</translation>
    </message>
    <message>
        <source>Saved. Campaigns are queued without approval.</source>
        <translation>Guardado. Las campañas se ponen en cola sin aprobación.</translation>
    </message>
</context>
<context>
    <name>herald::AttachmentSummary</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Total: %1 of %2.</source>
        <translation>Total: %1 de %2.</translation>
    </message>
</context>
<context>
    <name>herald::AttachmentsSection</name>
    <message>
        <source>Add Fi&amp;le…</source>
        <translation>Añadir arc&amp;hivo…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Attach a file (such as the annual report) to every message of this campaign</source>
        <translation>Adjunta un archivo (como el informe anual) a cada mensaje de esta campaña</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>No se pudo leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is attached already; remove it first to attach it again.</source>
        <translation>«%1» ya está adjunto; quítelo primero para adjuntarlo de nuevo.</translation>
    </message>
    <message>
        <source>Attached when the campaign is saved</source>
        <translation>Se adjunta al guardar la campaña</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>Sin adjuntos.</translation>
    </message>
</context>
<context>
    <name>herald::Audience</name>
    <message>
        <source>Nonprofits with status %1</source>
        <translation>Organizaciones con estado %1</translation>
    </message>
    <message>
        <source>All active nonprofits</source>
        <translation>Todas las organizaciones activas</translation>
    </message>
    <message>
        <source>Active nonprofits</source>
        <translation>Organizaciones activas</translation>
    </message>
    <message>
        <source> tagged %1</source>
        <translation> con la etiqueta %1</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <source> matching &apos;%1&apos;</source>
        <translation> que coinciden con &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::AudienceCounter</name>
    <message>
        <source>Could not count the audience &quot;%1&quot;</source>
        <translation>No se pudo contar la audiencia &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>herald::AudienceSection</name>
    <message>
        <source>All active nonprofits</source>
        <translation>Todas las organizaciones activas</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmento: %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln destinatario</numerusform>
            <numerusform>%Ln destinatarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suppressed (on the suppression list, not sent)</source>
        <translation>
            <numerusform>%Ln excluido (en la lista de exclusión, no se envía)</numerusform>
            <numerusform>%Ln excluidos (en la lista de exclusión, no se envían)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AuditLogDialog</name>
    <message>
        <source>Search who, action, what or details</source>
        <translation>Buscar quién, acción, qué o detalles</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Every role change, send, erasure and provider change, newest first. Nobody can change or delete these lines; on a team server the database writes who did it.</source>
        <translation>Cada cambio de rol, envío, borrado y cambio de proveedor, del más reciente al más antiguo. Nadie puede cambiar ni borrar estas líneas; en un servidor de equipo la base de datos escribe quién lo hizo.</translation>
    </message>
    <message>
        <source>Write the lines the search finds (all of them when it is empty) to a CSV file</source>
        <translation>Escribir en un archivo CSV las líneas que encuentra la búsqueda (todas cuando está vacía)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1.</source>
        <translation>
            <numerusform>%n línea escrita en %1.</numerusform>
            <numerusform>%n líneas escritas en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AuditLogRepository</name>
    <message>
        <source>An audit line needs an action.</source>
        <translation>Una línea del registro de auditoría necesita una acción.</translation>
    </message>
    <message>
        <source>An audit line needs the kind of thing acted on.</source>
        <translation>Una línea del registro de auditoría necesita el tipo de elemento afectado.</translation>
    </message>
    <message>
        <source>Could not record &apos;%1&apos; of %2 %3 in the audit log</source>
        <translation>No se pudo registrar &apos;%1&apos; de %2 %3 en el registro de auditoría</translation>
    </message>
    <message>
        <source>The audit log did not return the new line.</source>
        <translation>El registro de auditoría no devolvió la nueva línea.</translation>
    </message>
    <message>
        <source>Could not read the history of %1 %2</source>
        <translation>No se pudo leer el historial de %1 %2</translation>
    </message>
    <message>
        <source>Could not read the audit log</source>
        <translation>No se pudo leer el registro de auditoría</translation>
    </message>
    <message>
        <source>Could not count the audit log</source>
        <translation>No se pudo contar el registro de auditoría</translation>
    </message>
    <message>
        <source>The count returned no row.</source>
        <translation>El recuento no devolvió ninguna fila.</translation>
    </message>
</context>
<context>
    <name>herald::AuditLogTableModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>herald::BackupAction</name>
    <message>
        <source>Back Up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL server: back it up on the server with pg_dump, e.g. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE, and restore with pg_restore (README.md, &quot;Backing up a team server&quot;).</source>
        <translation>%1 es un servidor PostgreSQL: haga su copia de seguridad en el servidor con pg_dump, p. ej. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE, y restáurela con pg_restore (README.md, «Backing up a team server»).</translation>
    </message>
    <message>
        <source>Back Up the Database</source>
        <translation>Hacer una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>Herald databases (*.sqlite);;All files (*)</source>
        <translation>Bases de datos de Herald (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Copiando a %1…</translation>
    </message>
    <message>
        <source>The database was backed up to %1. Restoring is opening that file: with Herald closed, put it in place of %2.</source>
        <translation>Se hizo una copia de seguridad de la base de datos en %1. Restaurarla es abrir ese archivo: con Herald cerrado, póngalo en lugar de %2.</translation>
    </message>
</context>
<context>
    <name>herald::Branding</name>
    <message>
        <source>The organisation colour &apos;%1&apos; is not a colour: give it as # and six hexadecimal digits, such as %2.</source>
        <translation>El color de la organización «%1» no es un color: escríbalo como # y seis dígitos hexadecimales, por ejemplo %2.</translation>
    </message>
    <message>
        <source>The logo &apos;%1&apos; is not an image a message can show: give media:NAME for an image of the media library, an address starting with https://, or nothing.</source>
        <translation>El logotipo «%1» no es una imagen que un mensaje pueda mostrar: indique media:NOMBRE para una imagen de la biblioteca de medios, una dirección que empiece por https:// o nada.</translation>
    </message>
    <message>
        <source>The organisation name &apos;%1&apos; contains {{ or }}, which messages would read as a placeholder.</source>
        <translation>El nombre de la organización «%1» contiene {{ o }}, que los mensajes leerían como un marcador.</translation>
    </message>
</context>
<context>
    <name>herald::BrandingSettingsPanel</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Branding&lt;/b&gt;</source>
        <translation>&lt;b&gt;Identidad visual&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The starter designs that New on the Templates page offers use your organisation&apos;s colour for headings and buttons, and its logo on top (or its name, when there is no logo). Kept in the database: it applies to everyone using it.</source>
        <translation>Los diseños iniciales que ofrece Nueva en la página Plantillas usan el color de su organización en los títulos y los botones, y su logotipo arriba (o su nombre, si no hay logotipo). Se guarda en la base de datos: se aplica a todos los que la usan.</translation>
    </message>
    <message>
        <source>Pick the colour in a colour dialog</source>
        <translation>Elegir el color en un diálogo de colores</translation>
    </message>
    <message>
        <source>media:logo.png or https://example.org/logo.png</source>
        <translation>media:logo.png o https://example.org/logo.png</translation>
    </message>
    <message>
        <source>An image of the media library as media:NAME, or an address starting with https://; shown at most %1 px wide. Empty: the organisation&apos;s name is shown instead.</source>
        <translation>Una imagen de la biblioteca de medios como media:NOMBRE, o una dirección que empiece por https://; se muestra con %1 px de ancho como máximo. Vacío: se muestra el nombre de la organización.</translation>
    </message>
    <message>
        <source>Organisation na&amp;me:</source>
        <translation>No&amp;mbre de la organización:</translation>
    </message>
    <message>
        <source>Organisation Colour</source>
        <translation>Color de la organización</translation>
    </message>
    <message>
        <source>Saved. New templates made from a starter design use this branding.</source>
        <translation>Guardado. Las plantillas nuevas hechas a partir de un diseño inicial usan esta identidad visual.</translation>
    </message>
    <message>
        <source>Save brand&amp;ing</source>
        <translation>Guardar la &amp;identidad visual</translation>
    </message>
    <message>
        <source>Organisation colo&amp;ur:</source>
        <translation>Col&amp;or de la organización:</translation>
    </message>
    <message>
        <source>Lo&amp;go:</source>
        <translation>Lo&amp;gotipo:</translation>
    </message>
</context>
<context>
    <name>herald::BulkTagDialog</name>
    <message numerus="yes">
        <source>Tags for the %Ln selected nonprofit(s), separated by commas:</source>
        <translation>
            <numerusform>Etiquetas para la %Ln organización seleccionada, separadas por comas:</numerusform>
            <numerusform>Etiquetas para las %Ln organizaciones seleccionadas, separadas por comas:</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Nonprofits</source>
        <translation>Etiquetar organizaciones</translation>
    </message>
    <message>
        <source>e.g. 2026-gala, food</source>
        <translation>p. ej. gala-2026, alimentos</translation>
    </message>
    <message>
        <source>&amp;Add Tags</source>
        <translation>&amp;Añadir etiquetas</translation>
    </message>
    <message>
        <source>&amp;Remove Tags</source>
        <translation>&amp;Quitar etiquetas</translation>
    </message>
    <message>
        <source>Type at least one tag.</source>
        <translation>Escriba al menos una etiqueta.</translation>
    </message>
</context>
<context>
    <name>herald::ButtonDialog</name>
    <message>
        <source>Insert Button</source>
        <translation>Insertar botón</translation>
    </message>
    <message>
        <source>e.g. Donate now</source>
        <translation>p. ej. Dona ahora</translation>
    </message>
    <message>
        <source>https://…, mailto:… or {{unsubscribe_url}}</source>
        <translation>https://…, mailto:… o {{unsubscribe_url}}</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;olor:</translation>
    </message>
    <message>
        <source>Enter the button&apos;s label.</source>
        <translation>Escriba la etiqueta del botón.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: use #rrggbb, e.g. #1a5fb4, or Choose….</source>
        <translation>«%1» no es un color: use #rrggbb, p. ej. #1a5fb4, o Elegir….</translation>
    </message>
</context>
<context>
    <name>herald::CampaignApprovalRepository</name>
    <message>
        <source>Could not read the approval setting</source>
        <translation>No se pudo leer el ajuste de aprobación</translation>
    </message>
    <message>
        <source>The approval setting is missing.</source>
        <translation>Falta el ajuste de aprobación.</translation>
    </message>
    <message>
        <source>Approval of large sends needs a team server: on this computer one person has every right.</source>
        <translation>La aprobación de envíos grandes necesita un servidor de equipo: en este equipo una sola persona tiene todos los derechos.</translation>
    </message>
    <message>
        <source>Could not change the approval setting</source>
        <translation>No se pudo cambiar el ajuste de aprobación</translation>
    </message>
    <message>
        <source>Could not read the approval of campaign &apos;%1&apos;</source>
        <translation>No se pudo leer la aprobación de la campaña &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Approval does not apply on this computer: one person has every right, so campaigns are queued without it.</source>
        <translation>La aprobación no se aplica en este equipo: una sola persona tiene todos los derechos, así que las campañas se ponen en cola sin ella.</translation>
    </message>
    <message>
        <source>You wrote campaign &apos;%1&apos;, so you may not approve it; another sender or administrator must.</source>
        <translation>Usted escribió la campaña &apos;%1&apos;, así que no puede aprobarla; debe hacerlo otro remitente o administrador.</translation>
    </message>
    <message>
        <source>Only a sender or an administrator may approve campaigns; %1 may not.</source>
        <translation>Solo un remitente o un administrador puede aprobar campañas; %1 no puede.</translation>
    </message>
    <message>
        <source>Could not approve campaign &apos;%1&apos;</source>
        <translation>No se pudo aprobar la campaña &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; goes to %2 recipients, more than %3, and cannot be queued or scheduled yet. %4.</source>
        <translation>La campaña &apos;%1&apos; va a %2 destinatarios, más de %3, y aún no se puede poner en cola ni programar. %4.</translation>
    </message>
    <message>
        <source>Could not count the recipients of campaign #%1</source>
        <translation>No se pudieron contar los destinatarios de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read the approvals of campaigns</source>
        <translation>No se pudieron leer las aprobaciones de las campañas</translation>
    </message>
    <message>
        <source>Waiting for approval from a sender or administrator other than %1</source>
        <translation>Esperando la aprobación de un remitente o administrador distinto de %1</translation>
    </message>
    <message>
        <source>its author</source>
        <translation>su autor</translation>
    </message>
</context>
<context>
    <name>herald::CampaignAttachmentRepository</name>
    <message>
        <source>The attachments take %1: messages above %2 are more often put in spam or refused, and every recipient downloads them. A link to the file on your website is lighter.</source>
        <translation>Los adjuntos ocupan %1: los mensajes de más de %2 acaban más a menudo en spam o son rechazados, y cada destinatario los descarga. Un enlace al archivo en su sitio web es más ligero.</translation>
    </message>
    <message>
        <source>Could not read campaign %1</source>
        <translation>No se pudo leer la campaña %1</translation>
    </message>
    <message>
        <source>Campaign %1 does not exist.</source>
        <translation>La campaña %1 no existe.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is %2: its attachments can no longer change (its messages went or go out with the ones it has).</source>
        <translation>La campaña &apos;%1&apos; está en estado %2: sus adjuntos ya no pueden cambiar (sus mensajes salieron o salen con los que tiene).</translation>
    </message>
    <message>
        <source>The attachment &apos;%1&apos; has no file name.</source>
        <translation>El adjunto &apos;%1&apos; no tiene nombre de archivo.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a content type (such as application/pdf).</source>
        <translation>&apos;%1&apos; no es un tipo de contenido (como application/pdf).</translation>
    </message>
    <message>
        <source>Could not read the attachments of campaign %1</source>
        <translation>No se pudieron leer los adjuntos de la campaña %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was not attached: a campaign&apos;s attachments may take %3 in all, and this one&apos;s take %4 already.</source>
        <translation>&apos;%1&apos; (%2) no se adjuntó: los adjuntos de una campaña pueden ocupar %3 en total, y los de esta ya ocupan %4.</translation>
    </message>
    <message>
        <source>Could not attach &apos;%1&apos;</source>
        <translation>No se pudo adjuntar &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign %1 has an attachment named &apos;%2&apos; already; detach it first to replace it.</source>
        <translation>La campaña %1 ya tiene un adjunto llamado &apos;%2&apos;; quítelo primero para reemplazarlo.</translation>
    </message>
    <message>
        <source>Could not detach &apos;%1&apos;</source>
        <translation>No se pudo quitar &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign %1 has no attachment named &apos;%2&apos;.</source>
        <translation>La campaña %1 no tiene ningún adjunto llamado &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::CampaignEditorDialog</name>
    <message numerus="yes">
        <source>Send “%1” now to %Ln recipient(s)?</source>
        <translation>
            <numerusform>¿Enviar “%1” ahora a %Ln destinatario?</numerusform>
            <numerusform>¿Enviar “%1” ahora a %Ln destinatarios?</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. 2026 gala invitation</source>
        <translation>p. ej. invitación a la gala 2026</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>Add a sender identity</source>
        <translation>Añadir una identidad de remitente</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Ed&amp;itar…</translation>
    </message>
    <message>
        <source>Edit the chosen sender identity</source>
        <translation>Editar la identidad de remitente elegida</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Preguntarme</translation>
    </message>
    <message>
        <source>Send them again</source>
        <translation>Enviarlos de nuevo</translation>
    </message>
    <message>
        <source>Count them as sent</source>
        <translation>Contarlos como enviados</translation>
    </message>
    <message>
        <source>When Herald stops in the middle of handing a message to the server, it cannot know whether that message went out.</source>
        <translation>Cuando Herald se detiene mientras entrega un mensaje al servidor, no puede saber si ese mensaje salió.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Remitente:</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>A&amp;udiencia:</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>Enviar:</translation>
    </message>
    <message>
        <source>&amp;Unknown outcomes:</source>
        <translation>Resultados &amp;desconocidos:</translation>
    </message>
    <message>
        <source>&amp;Test Send…</source>
        <translation>Envío de &amp;prueba…</translation>
    </message>
    <message>
        <source>Send the rendered message once to an address of yours</source>
        <translation>Enviar una vez el mensaje generado a una dirección suya</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Unschedule</source>
        <translation>&amp;Desprogramar</translation>
    </message>
    <message>
        <source>Make the campaign a draft again; nothing has been queued yet</source>
        <translation>Volver a convertir la campaña en borrador; todavía no se ha puesto nada en cola</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>%1 — %2 &lt;%3&gt;</source>
        <translation>%1 — %2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>No sender identity yet: press New…</source>
        <translation>Aún no hay identidad de remitente: pulse Nueva…</translation>
    </message>
    <message>
        <source>New Campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Campaña %1</translation>
    </message>
    <message>
        <source>This campaign is %1; only drafts can be changed or queued.</source>
        <translation>Esta campaña está %1; solo los borradores se pueden cambiar o poner en cola.</translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation>Pro&amp;gramar</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>Enviar &amp;ahora</translation>
    </message>
    <message>
        <source>Queue the campaign to start at the chosen time</source>
        <translation>Poner la campaña en cola para que empiece a la hora elegida</translation>
    </message>
    <message>
        <source>Queue the campaign now; the Sending page shows its progress</source>
        <translation>Poner la campaña en cola ahora; la página Envío muestra su progreso</translation>
    </message>
    <message>
        <source>Send Campaign</source>
        <translation>Enviar campaña</translation>
    </message>
    <message>
        <source>Send “%1” now to %2?</source>
        <translation>¿Enviar “%1” ahora a %2?</translation>
    </message>
    <message>
        <source>Send Now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Scheduling “%1”…</source>
        <translation>Programando “%1”…</translation>
    </message>
    <message>
        <source>Queueing “%1” for its audience…</source>
        <translation>Poniendo “%1” en cola para su audiencia…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>Puesta en cola</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>¿Guardar los cambios de “%1” antes de cerrar?</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Comprobando %1…</translation>
    </message>
    <message>
        <source>Sender Domain Not Ready</source>
        <translation>Dominio del remitente no preparado</translation>
    </message>
    <message>
        <source>“%1” goes to %2 recipients from %3, but the DNS records of %4 are not ready: %5.

Gmail and Yahoo refuse or junk bulk mail without SPF, DKIM and DMARC. Settings → Sender domains shows what to publish.</source>
        <translation>“%1” se envía a %2 destinatarios desde %3, pero los registros DNS de %4 no están listos: %5.

Gmail y Yahoo rechazan o envían a spam el correo masivo sin SPF, DKIM y DMARC. En Configuración → Dominios de remitente verá qué debe publicar.</translation>
    </message>
    <message>
        <source>Queue Anyway</source>
        <translation>Poner en cola igualmente</translation>
    </message>
    <message>
        <source>&amp;Opens and clicks:</source>
        <translation>Aperturas y &amp;clics:</translation>
    </message>
    <message>
        <source>I&amp;mages:</source>
        <translation>I&amp;mágenes:</translation>
    </message>
    <message>
        <source>Attac&amp;hments:</source>
        <translation>Ad&amp;juntos:</translation>
    </message>
</context>
<context>
    <name>herald::CampaignLauncher</name>
    <message>
        <source>Campaign &apos;%1&apos; has no template; choose one.</source>
        <translation>La campaña &apos;%1&apos; no tiene plantilla; elija una.</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; of campaign &apos;%2&apos; has an error: %3</source>
        <translation>La plantilla &apos;%1&apos; de la campaña &apos;%2&apos; tiene un error: %3</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no sender identity; choose who it is from.</source>
        <translation>La campaña &apos;%1&apos; no tiene identidad de remitente; elija quién la envía.</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos;: %2</source>
        <translation>Identidad de remitente &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos; has no postal address; every campaign must show one.</source>
        <translation>La identidad de remitente &apos;%1&apos; no tiene dirección postal; toda campaña debe mostrar una.</translation>
    </message>
    <message>
        <source>Sender identity &apos;%1&apos; has no unsubscribe link address; recipients must be able to unsubscribe.</source>
        <translation>La identidad de remitente &apos;%1&apos; no tiene dirección para el enlace de baja; los destinatarios deben poder darse de baja.</translation>
    </message>
    <message>
        <source>The audience of campaign &apos;%1&apos; cannot be used: %2</source>
        <translation>No se puede usar la audiencia de la campaña &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is %2; only a draft can be queued.</source>
        <translation>La campaña &apos;%1&apos; está %2; solo se puede poner en cola un borrador.</translation>
    </message>
    <message>
        <source>The time to send (%1) has passed; choose a later one or send now.</source>
        <translation>La hora de envío (%1) ya pasó; elija una posterior o envíe ahora.</translation>
    </message>
    <message>
        <source>Queueing campaign &apos;%1&apos; was cancelled; it is still a draft.</source>
        <translation>Se canceló la puesta en cola de la campaña &apos;%1&apos;; sigue siendo un borrador.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no sender email; choose who it is from.</source>
        <translation>La campaña &apos;%1&apos; no tiene correo de remitente; elija de quién es.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no postal address; every campaign must show one.</source>
        <translation>La campaña &apos;%1&apos; no tiene dirección postal; toda campaña debe mostrar una.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; has no unsubscribe link address; recipients must be able to unsubscribe.</source>
        <translation>La campaña &apos;%1&apos; no tiene dirección para el enlace de baja; los destinatarios deben poder darse de baja.</translation>
    </message>
    <message>
        <source>The message of campaign &apos;%1&apos; has an error: %2</source>
        <translation>El mensaje de la campaña &apos;%1&apos; tiene un error: %2</translation>
    </message>
    <message>
        <source>Scheduled campaign &apos;%1&apos; (#%2) could not start and is a draft again: %3</source>
        <translation>La campaña programada &apos;%1&apos; (n.º %2) no pudo empezar y vuelve a ser un borrador: %3</translation>
    </message>
</context>
<context>
    <name>herald::CampaignLinkRepository</name>
    <message>
        <source>Could not replace the links of campaign #%1</source>
        <translation>No se pudieron reemplazar los enlaces de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not store link %1 of campaign #%2</source>
        <translation>No se pudo guardar el enlace %1 de la campaña n.º %2</translation>
    </message>
    <message>
        <source>Could not read the links of campaign #%1</source>
        <translation>No se pudieron leer los enlaces de la campaña n.º %1</translation>
    </message>
</context>
<context>
    <name>herald::CampaignMessageComposer</name>
    <message>
        <source>Campaign &apos;%1&apos; cannot be rendered: %2</source>
        <translation>No se puede generar la campaña &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Message to %1 (send #%2): %3</source>
        <translation>Mensaje para %1 (envío n.º %2): %3</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; cannot be rendered: link %2: %3</source>
        <translation>La campaña &apos;%1&apos; no se puede generar: enlace %2: %3</translation>
    </message>
</context>
<context>
    <name>herald::CampaignPanel</name>
    <message numerus="yes">
        <source>%n message(s) have an unknown outcome.</source>
        <translation>
            <numerusform>%n mensaje tiene un resultado desconocido.</numerusform>
            <numerusform>%n mensajes tienen un resultado desconocido.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed</source>
        <translation>
            <numerusform>%n mensaje falló</numerusform>
            <numerusform>%n mensajes fallaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”? %n message(s) not sent yet will not be sent. This cannot be undone.</source>
        <translation>
            <numerusform>¿Cancelar “%1”? %n mensaje aún no enviado no se enviará. No se puede deshacer.</numerusform>
            <numerusform>¿Cancelar “%1”? Los %n mensajes aún no enviados no se enviarán. No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed (the first %1 are listed)</source>
        <translation>
            <numerusform>%n mensaje falló (se muestran los primeros %1)</numerusform>
            <numerusform>%n mensajes fallaron (se muestran los primeros %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n mensaje</numerusform>
            <numerusform>%1: %n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Cancel campaign…</source>
        <translation>Cancelar campaña…</translation>
    </message>
    <message>
        <source>Stop handing messages to the providers; resume any time.</source>
        <translation>Dejar de entregar mensajes a los proveedores; puede reanudar cuando quiera.</translation>
    </message>
    <message>
        <source>The connection broke after the message was handed over: the provider may or may not have delivered it.</source>
        <translation>La conexión se cortó después de entregar el mensaje: puede que el proveedor lo haya entregado o no.</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Enviar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Queue them again; a recipient may get the message twice.</source>
        <translation>Volver a ponerlos en cola; un destinatario puede recibir el mensaje dos veces.</translation>
    </message>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Marcar como enviados</translation>
    </message>
    <message>
        <source>Count them as delivered; nobody gets the message twice, some may not get it.</source>
        <translation>Contarlos como entregados; nadie recibe el mensaje dos veces, algunos pueden no recibirlo.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Retry &amp;selected</source>
        <translation>Reintentar &amp;seleccionados</translation>
    </message>
    <message>
        <source>Sent/s</source>
        <translation>Enviados/s</translation>
    </message>
    <message>
        <source>Failed/s</source>
        <translation>Fallidos/s</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>mensajes/s</translation>
    </message>
    <message>
        <source>Where the messages went</source>
        <translation>Adónde fueron los mensajes</translation>
    </message>
    <message>
        <source>%p% — %1 of %2</source>
        <translation>%p% — %1 de %2</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Enviados %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>Fallidos %1</translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation>Reintentando %1</translation>
    </message>
    <message>
        <source>Pending %1</source>
        <translation>Pendientes %1</translation>
    </message>
    <message>
        <source>Unknown %1</source>
        <translation>Desconocidos %1</translation>
    </message>
    <message>
        <source>Suppressed %1</source>
        <translation>Excluidos %1</translation>
    </message>
    <message>
        <source>%1 msgs/s · ETA %2</source>
        <translation>%1 mens./s · quedan %2</translation>
    </message>
    <message>
        <source>Cancel Campaign</source>
        <translation>Cancelar campaña</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Cancelar campaña</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>Seguir enviando</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Fallidos (%1)</translation>
    </message>
    <message>
        <source>Failed (no reply)</source>
        <translation>Fallidos (sin respuesta)</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Suprimidos</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocidos</translation>
    </message>
    <message>
        <source>Every message handled.</source>
        <translation>Todos los mensajes procesados.</translation>
    </message>
    <message>
        <source>From the feedback mailbox (Settings → Bounces and complaints). Mailbox providers expect complaints under 0.3 % of the messages sent.</source>
        <translation>Del buzón de retroalimentación (Configuración → Rebotes y quejas). Los servicios de correo esperan menos de un 0,3 % de quejas sobre los mensajes enviados.</translation>
    </message>
    <message>
        <source>Bounced %1 (%2 %), soft bounces %3 · Complaints %4 (%5 %) · Unsubscribed %6</source>
        <translation>Rebotados %1 (%2 %), rebotes temporales %3 · Quejas %4 (%5 %) · Bajas %6</translation>
    </message>
</context>
<context>
    <name>herald::CampaignProgressReader</name>
    <message>
        <source>Could not read the campaigns being sent</source>
        <translation>No se pudieron leer las campañas en envío</translation>
    </message>
    <message>
        <source>Could not read why messages of campaign #%1 failed</source>
        <translation>No se pudo leer por qué fallaron mensajes de la campaña n.º %1</translation>
    </message>
</context>
<context>
    <name>herald::CampaignRepository</name>
    <message>
        <source>The sender identity (#%1) of campaign &apos;%2&apos; does not exist any more; choose another.</source>
        <translation>La identidad de remitente (n.º %1) de la campaña &apos;%2&apos; ya no existe; elija otra.</translation>
    </message>
    <message>
        <source>The segment (#%1) of campaign &apos;%2&apos; does not exist any more; choose another audience.</source>
        <translation>El segmento (n.º %1) de la campaña &apos;%2&apos; ya no existe; elija otra audiencia.</translation>
    </message>
    <message>
        <source>The template (#%1) of campaign &apos;%2&apos; does not exist any more; choose another.</source>
        <translation>La plantilla (n.º %1) de la campaña &apos;%2&apos; ya no existe; elija otra.</translation>
    </message>
    <message>
        <source>Another campaign already has the UUID %1 of campaign &apos;%2&apos;.</source>
        <translation>Otra campaña ya tiene el UUID %1 de la campaña &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Could not add campaign &apos;%1&apos;</source>
        <translation>No se pudo añadir la campaña &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not save campaign &apos;%1&apos;</source>
        <translation>No se pudo guardar la campaña &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Could not read campaign #%1</source>
        <translation>No se pudo leer la campaña n.º %1</translation>
    </message>
    <message>
        <source>Campaign #%1 does not exist.</source>
        <translation>La campaña n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read campaign %1</source>
        <translation>No se pudo leer la campaña %1</translation>
    </message>
    <message>
        <source>No campaign has the UUID %1.</source>
        <translation>Ninguna campaña tiene el UUID %1.</translation>
    </message>
    <message>
        <source>Could not read campaigns</source>
        <translation>No se pudieron leer las campañas</translation>
    </message>
    <message>
        <source>Could not delete campaign #%1</source>
        <translation>No se pudo eliminar la campaña n.º %1</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) is sending; pause or cancel it before deleting it.</source>
        <translation>La campaña &apos;%1&apos; (n.º %2) se está enviando; páusela o cancélela antes de eliminarla.</translation>
    </message>
    <message>
        <source>Could not archive campaign #%1</source>
        <translation>No se pudo archivar la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not change the status of campaign #%1</source>
        <translation>No se pudo cambiar el estado de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) is %3, not %4, so it was not made %5. Reload it to see its state.</source>
        <translation>La campaña &apos;%1&apos; (n.º %2) está %3, no %4, así que no se pasó a %5. Vuelva a cargarla para ver su estado.</translation>
    </message>
    <message>
        <source>Could not start scheduled campaigns</source>
        <translation>No se pudieron iniciar las campañas programadas</translation>
    </message>
</context>
<context>
    <name>herald::CampaignSendCounts</name>
    <message>
        <source>Could not count the messages of the campaigns</source>
        <translation>No se pudieron contar los mensajes de las campañas</translation>
    </message>
    <message>
        <source>Could not fold the campaigns&apos; message counts</source>
        <translation>No se pudieron consolidar los recuentos de mensajes de las campañas</translation>
    </message>
</context>
<context>
    <name>herald::CampaignValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Sender email</source>
        <translation>Correo del remitente</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>Dirección de respuesta</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>The audience of campaign &apos;%1&apos; is not readable; choose it again.</source>
        <translation>La audiencia de la campaña &apos;%1&apos; no se puede leer; vuelva a elegirla.</translation>
    </message>
    <message>
        <source>The message of campaign &apos;%1&apos; shows the image &apos;%2&apos;, which is not in the media library; import it or take it out of the template.</source>
        <translation>El mensaje de la campaña &apos;%1&apos; muestra la imagen &apos;%2&apos;, que no está en la biblioteca de medios; impórtela o quítela de la plantilla.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; links its images from herald serve, but the public address of herald serve is not set (Settings → Engagement); set it or embed the images.</source>
        <translation>La campaña &apos;%1&apos; enlaza sus imágenes desde herald serve, pero la dirección pública de herald serve no está definida (Configuración → Interacción); defínala o incruste las imágenes.</translation>
    </message>
</context>
<context>
    <name>herald::CampaignsPage</name>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaña</numerusform>
            <numerusform>%n campañas</numerusform>
        </translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Mostrar &amp;archivadas</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchivar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>Audience size</source>
        <translation>Tamaño de la audiencia</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Programada para</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>New Campaign…</source>
        <translation>Nueva campaña…</translation>
    </message>
    <message>
        <source>Edit Campaign…</source>
        <translation>Editar campaña…</translation>
    </message>
    <message>
        <source>Duplicate Campaign</source>
        <translation>Duplicar campaña</translation>
    </message>
    <message>
        <source>Delete Campaign</source>
        <translation>Eliminar campaña</translation>
    </message>
    <message>
        <source>Create a campaign</source>
        <translation>Crear una campaña</translation>
    </message>
    <message>
        <source>Open the selected campaign</source>
        <translation>Abrir la campaña seleccionada</translation>
    </message>
    <message>
        <source>Copy the selected campaign into a new draft</source>
        <translation>Copiar la campaña seleccionada en un nuevo borrador</translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation>Eliminar el borrador seleccionado</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivada)</translation>
    </message>
    <message>
        <source>No campaigns yet. Press New (%1) to pair a template with an audience.</source>
        <translation>Aún no hay campañas. Pulse Nueva (%1) para combinar una plantilla con una audiencia.</translation>
    </message>
    <message>
        <source>Unar&amp;chive</source>
        <translation>Desarc&amp;hivar</translation>
    </message>
    <message>
        <source>A campaign that is sending or scheduled cannot be archived.</source>
        <translation>No se puede archivar una campaña que se está enviando o está programada.</translation>
    </message>
    <message>
        <source>Hide the campaign from the list (Show archived brings it back)</source>
        <translation>Ocultar la campaña de la lista (Mostrar archivadas la vuelve a mostrar)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>¿Eliminar el borrador “%1”? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Draft (not started)</source>
        <translation>Borrador (no empezó)</translation>
    </message>
    <message>
        <source>Not started at its scheduled time, and a draft again: %1</source>
        <translation>No empezó a la hora programada y vuelve a ser un borrador: %1</translation>
    </message>
    <message>
        <source>A&amp;waiting approval</source>
        <translation>Esperando a&amp;probación</translation>
    </message>
    <message>
        <source>Only the drafts that wait for a second person&apos;s approval before they can be sent</source>
        <translation>Solo los borradores que esperan la aprobación de una segunda persona antes de poder enviarse</translation>
    </message>
    <message>
        <source>Draft (awaiting approval)</source>
        <translation>Borrador (espera aprobación)</translation>
    </message>
</context>
<context>
    <name>herald::ChartPanel</name>
    <message>
        <source>Save Chart as &amp;PNG…</source>
        <translation>Guardar el gráfico como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save Data as &amp;CSV…</source>
        <translation>Guardar los datos como &amp;CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image, or the data behind it as CSV</source>
        <translation>Guardar este gráfico como imagen PNG, o sus datos como CSV</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exportar %1</translation>
    </message>
    <message>
        <source>Could not save the chart to %1.</source>
        <translation>No se pudo guardar el gráfico en %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Guardar el gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Save Chart Data as CSV</source>
        <translation>Guardar los datos del gráfico como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>herald::ConnectionProfile</name>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>El perfil necesita un nombre.</translation>
    </message>
    <message>
        <source>The database file is not set.</source>
        <translation>No se ha indicado el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>The database name is not set.</source>
        <translation>No se ha indicado el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>Port %1 is not between 1 and 65535.</source>
        <translation>El puerto %1 no está entre 1 y 65535.</translation>
    </message>
    <message>
        <source>SSL mode &apos;%1&apos; is not one of %2.</source>
        <translation>El modo SSL &apos;%1&apos; no es uno de %2.</translation>
    </message>
</context>
<context>
    <name>herald::ConnectionTestRow</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Conectado: %1</translation>
    </message>
</context>
<context>
    <name>herald::CopyCatalog</name>
    <message>
        <source>Herald migrates the target itself</source>
        <translation>Herald migra el destino por sí mismo</translation>
    </message>
    <message>
        <source>the server counts the copied sends itself (a trigger on sends)</source>
        <translation>el servidor cuenta por sí mismo los envíos copiados (un disparador en sends)</translation>
    </message>
    <message>
        <source>a lease between running workers, made by the target&apos;s migration</source>
        <translation>un arrendamiento entre los procesos en marcha, creado por la migración del destino</translation>
    </message>
    <message>
        <source>SQLite&apos;s full-text index of nonprofits; PostgreSQL indexes them itself</source>
        <translation>el índice de texto completo de SQLite de las organizaciones; PostgreSQL las indexa por sí mismo</translation>
    </message>
    <message>
        <source>SQLite&apos;s own bookkeeping</source>
        <translation>la contabilidad interna de SQLite</translation>
    </message>
    <message>
        <source>Could not list the tables</source>
        <translation>No se pudieron listar las tablas</translation>
    </message>
    <message>
        <source>The database has a table Herald does not know how to move: %1. Nothing was copied; this version of Herald cannot move this database.</source>
        <translation>La base de datos tiene una tabla que Herald no sabe mover: %1. No se copió nada; esta versión de Herald no puede mover esta base de datos.</translation>
    </message>
    <message>
        <source>The server&apos;s database has no table %1; open it with this version of Herald first.</source>
        <translation>La base de datos del servidor no tiene la tabla %1; ábrala primero con esta versión de Herald.</translation>
    </message>
    <message>
        <source>The server&apos;s table %1 has no column %2; nothing was copied.</source>
        <translation>La tabla %1 del servidor no tiene la columna %2; no se copió nada.</translation>
    </message>
    <message>
        <source>Could not read the server&apos;s foreign keys</source>
        <translation>No se pudieron leer las claves foráneas del servidor</translation>
    </message>
    <message>
        <source>The server&apos;s foreign keys go round in a circle (%1); Herald cannot order the copy.</source>
        <translation>Las claves foráneas del servidor forman un círculo (%1); Herald no puede ordenar la copia.</translation>
    </message>
    <message>
        <source>a team server&apos;s own approvals (schema 24): a new server starts with approval off and nothing approved</source>
        <translation>las aprobaciones propias de un servidor de equipo (esquema 24): un servidor nuevo empieza con la aprobación desactivada y nada aprobado</translation>
    </message>
    <message>
        <source>when this server last saw each login (schema 25); the logins are the server&apos;s own</source>
        <translation>cuándo vio este servidor por última vez cada inicio de sesión (esquema 25); los inicios de sesión son del propio servidor</translation>
    </message>
</context>
<context>
    <name>herald::CsvBatchRunner</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>The first line of %1 is not a header of column names in UTF-8.</source>
        <translation>La primera línea de %1 no es una cabecera de nombres de columna en UTF-8.</translation>
    </message>
</context>
<context>
    <name>herald::CsvExportFile</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>Se canceló la exportación; no se escribió %1.</translation>
    </message>
</context>
<context>
    <name>herald::CsvReader</name>
    <message>
        <source>Could not read the file: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
</context>
<context>
    <name>herald::DashboardCharts</name>
    <message>
        <source>Local time</source>
        <translation>Hora local</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Tamaño de la cola</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensajes</translation>
    </message>
    <message>
        <source>Sent/s</source>
        <translation>Enviados/s</translation>
    </message>
    <message>
        <source>Failed/s</source>
        <translation>Fallidos/s</translation>
    </message>
    <message>
        <source>Sends and failures per second</source>
        <translation>Envíos y fallos por segundo</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>mensajes/s</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Tasa de fallos</translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation>Umbral de alerta</translation>
    </message>
    <message>
        <source>Failure rate (rolling window)</source>
        <translation>Tasa de fallos (ventana móvil)</translation>
    </message>
    <message>
        <source>% of finished</source>
        <translation>% terminados</translation>
    </message>
    <message>
        <source>Send latency (P50, P95, P99)</source>
        <translation>Latencia de envío (P50, P95, P99)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message numerus="yes">
        <source>Alert above %1 % (over %n min)</source>
        <translation>
            <numerusform>Alerta sobre el %1 % (en %n min)</numerusform>
            <numerusform>Alerta sobre el %1 % (en %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failure rate over %n min</source>
        <translation>
            <numerusform>Tasa de fallos en %n min</numerusform>
            <numerusform>Tasa de fallos en %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Global</translation>
    </message>
</context>
<context>
    <name>herald::DashboardPage</name>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Failure rate &amp;over:</source>
        <translation>Tasa de fallos &amp;en:</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Providers (every sending process)</source>
        <translation>Proveedores (todos los procesos de envío)</translation>
    </message>
    <message>
        <source>Top failure reasons</source>
        <translation>Principales motivos de fallo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Circuito</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Emisores</translation>
    </message>
    <message>
        <source>Rate now</source>
        <translation>Ritmo actual</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>No se pudieron leer las cifras: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Closed (healthy)</source>
        <translation>Cerrado (correcto)</translation>
    </message>
    <message>
        <source>Open (failing over)</source>
        <translation>Abierto (pasando al siguiente)</translation>
    </message>
    <message>
        <source>Half-open (probing)</source>
        <translation>Semiabierto (probando)</translation>
    </message>
    <message>
        <source>Idle (no sender)</source>
        <translation>Inactivo (sin emisor)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1/s (slowed from %2/s)</source>
        <translation>%1/s (reducido desde %2/s)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No failures in this range</source>
        <translation>Sin fallos en este periodo</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutos</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>Bounces and complaints by campaign</source>
        <translation>Rebotes y quejas por campaña</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation>Rebotes permanentes</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>Rebotes temporales</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Quejas</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>The most recent campaigns that sent messages, from the feedback mailbox (Settings → Bounces and complaints). Mailbox providers expect complaints under 0.3 % of the messages sent.</source>
        <translation>Las campañas más recientes que enviaron mensajes, según el buzón de retroalimentación (Configuración → Rebotes y quejas). Los proveedores de correo esperan menos de un 0,3 % de quejas sobre los mensajes enviados.</translation>
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
            <numerusform>%n mensaje enviado</numerusform>
            <numerusform>%n mensajes enviados</numerusform>
        </translation>
    </message>
    <message>
        <source>Above %1 %, the complaint rate at which a campaign pauses itself</source>
        <translation>Por encima del %1 %, la tasa de quejas a la que una campaña se pone en pausa</translation>
    </message>
    <message>
        <source>No campaign has sent messages yet</source>
        <translation>Ninguna campaña ha enviado mensajes todavía</translation>
    </message>
</context>
<context>
    <name>herald::DashboardReader</name>
    <message>
        <source>Could not read the send metrics</source>
        <translation>No se pudieron leer las métricas de envío</translation>
    </message>
    <message>
        <source>Could not read the send rate over time</source>
        <translation>No se pudo leer la tasa de envío a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Could not read the failure reasons</source>
        <translation>No se pudieron leer los motivos de fallo</translation>
    </message>
    <message>
        <source>Could not read the queue depth over time</source>
        <translation>No se pudo leer la evolución del tamaño de la cola</translation>
    </message>
    <message>
        <source>Could not read the queue depth</source>
        <translation>No se pudo leer el tamaño de la cola</translation>
    </message>
    <message>
        <source>Could not read the providers</source>
        <translation>No se pudieron leer los proveedores</translation>
    </message>
    <message>
        <source>Could not read the state of the providers</source>
        <translation>No se pudo leer el estado de los proveedores</translation>
    </message>
    <message>
        <source>Could not read the current sending rate</source>
        <translation>No se pudo leer el ritmo de envío actual</translation>
    </message>
</context>
<context>
    <name>herald::DashboardTiles</name>
    <message>
        <source>Waiting to send</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 retrying · %2 in flight</source>
        <translation>%1 reintentando · %2 en curso</translation>
    </message>
    <message>
        <source>no sample yet</source>
        <translation>aún sin muestra</translation>
    </message>
    <message>
        <source>Sent per second</source>
        <translation>Enviados por segundo</translation>
    </message>
    <message>
        <source>%1 sent · %2 failed in the range</source>
        <translation>%1 enviados · %2 fallidos en el periodo</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Tasa de fallos</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>over the last %n minute(s)</source>
        <translation>
            <numerusform>en %n minuto</numerusform>
            <numerusform>en los últimos %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency P95</source>
        <translation>Latencia P95</translation>
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
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>%1 is not a usable Herald database: %2</source>
        <translation>%1 no es una base de datos de Herald utilizable: %2</translation>
    </message>
    <message>
        <source>Connected to %1 but could not query it</source>
        <translation>Conectado a %1, pero no se pudo consultar</translation>
    </message>
</context>
<context>
    <name>herald::DatabaseCopier</name>
    <message>
        <source>Copied %1 rows in %2 tables in %3 s (%4 rows/s). Counts match on both sides.</source>
        <translation>Se copiaron %1 filas en %2 tablas en %3 s (%4 filas/s). Los recuentos coinciden en ambos lados.</translation>
    </message>
    <message>
        <source>%1 %2 = %3</source>
        <translation>%1 %2 = %3</translation>
    </message>
    <message>
        <source>%1 Table by table (this computer = server): %2.</source>
        <translation>%1 Tabla por tabla (este equipo = servidor): %2.</translation>
    </message>
    <message>
        <source>A move copies into a PostgreSQL server; %1 is not one.</source>
        <translation>Un traslado copia a un servidor PostgreSQL; %1 no lo es.</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>El origen y el destino son la misma base de datos.</translation>
    </message>
    <message>
        <source>%1 has %2 rows here but %3 on the server</source>
        <translation>%1 tiene %2 filas aquí pero %3 en el servidor</translation>
    </message>
    <message>
        <source>Moved %1 rows in %2 tables from %3 (%4)</source>
        <translation>Se trasladaron %1 filas en %2 tablas desde %3 (%4)</translation>
    </message>
    <message>
        <source>Everything was copied, but the move could not be recorded in the audit log: %1</source>
        <translation>Se copió todo, pero el traslado no se pudo registrar en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Could not check whether %1 is empty</source>
        <translation>No se pudo comprobar si %1 está vacía</translation>
    </message>
    <message>
        <source>The server&apos;s database is not empty: table %1 has rows. Herald moves data only into an empty database, so nothing there is overwritten; make a new database for the team and move into that.</source>
        <translation>La base de datos del servidor no está vacía: la tabla %1 tiene filas. Herald solo traslada datos a una base de datos vacía, para no sobrescribir nada; cree una base de datos nueva para el equipo y traslade a ella.</translation>
    </message>
    <message>
        <source>Could not count the rows of %1</source>
        <translation>No se pudieron contar las filas de %1</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>No se pudo leer %1</translation>
    </message>
    <message>
        <source>The move was cancelled</source>
        <translation>Se canceló el traslado</translation>
    </message>
    <message>
        <source>Could not set the next id of %1</source>
        <translation>No se pudo fijar el siguiente id de %1</translation>
    </message>
    <message>
        <source>The move failed: %1</source>
        <translation>El traslado falló: %1</translation>
    </message>
    <message>
        <source>%1. Nothing was copied: the server&apos;s database is still empty.</source>
        <translation>%1. No se copió nada: la base de datos del servidor sigue vacía.</translation>
    </message>
    <message>
        <source>Could not empty %1</source>
        <translation>No se pudo vaciar %1</translation>
    </message>
    <message>
        <source>%1. The %2 tables copied so far were emptied again: the server&apos;s database is empty, ready for another try.</source>
        <translation>%1. Las %2 tablas copiadas hasta ahora se vaciaron de nuevo: la base de datos del servidor está vacía, lista para otro intento.</translation>
    </message>
    <message>
        <source>%1 (%2 rows)</source>
        <translation>%1 (%2 filas)</translation>
    </message>
    <message>
        <source>%1. These tables were copied and could not be emptied again (%2): %3. Empty them or make a new database before trying again.</source>
        <translation>%1. Estas tablas se copiaron y no se pudieron vaciar de nuevo (%2): %3. Vacíelas o cree una base de datos nueva antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Could not copy table %1</source>
        <translation>No se pudo copiar la tabla %1</translation>
    </message>
</context>
<context>
    <name>herald::DkimDomainKey</name>
    <message>
        <source>The selector is empty; it names the DNS record (&lt;selector&gt;._domainkey.&lt;domain&gt;).</source>
        <translation>El selector está vacío; da nombre al registro DNS (&lt;selector&gt;._domainkey.&lt;domain&gt;).</translation>
    </message>
    <message>
        <source>The selector “%1” may hold only letters, digits, hyphens and dots.</source>
        <translation>El selector “%1” solo puede contener letras, dígitos, guiones y puntos.</translation>
    </message>
    <message>
        <source>“%1” is not a domain name such as example.org.</source>
        <translation>“%1” no es un nombre de dominio como example.org.</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyPair</name>
    <message>
        <source>unknown OpenSSL error</source>
        <translation>error desconocido de OpenSSL</translation>
    </message>
    <message>
        <source>Could not write the private key: %1</source>
        <translation>No se pudo escribir la clave privada: %1</translation>
    </message>
    <message>
        <source>Could not read the public key: %1</source>
        <translation>No se pudo leer la clave pública: %1</translation>
    </message>
    <message>
        <source>This is not a private key in PEM form (it should start with “-----BEGIN PRIVATE KEY-----” or “-----BEGIN RSA PRIVATE KEY-----”).</source>
        <translation>No es una clave privada en formato PEM (debería empezar por “-----BEGIN PRIVATE KEY-----” o “-----BEGIN RSA PRIVATE KEY-----”).</translation>
    </message>
    <message>
        <source>The key has %1 bits; receivers ignore DKIM keys under %2 bits. Generate a %3-bit key instead.</source>
        <translation>La clave tiene %1 bits; los receptores ignoran las claves DKIM de menos de %2 bits. Genere en su lugar una clave de %3 bits.</translation>
    </message>
    <message>
        <source>Could not generate a key: %1</source>
        <translation>No se pudo generar una clave: %1</translation>
    </message>
    <message>
        <source>The key is an RSA key; an Ed25519 key is needed here.</source>
        <translation>La clave es una clave RSA; aquí se necesita una clave Ed25519.</translation>
    </message>
    <message>
        <source>The key is an Ed25519 key; an RSA key is needed here.</source>
        <translation>La clave es una clave Ed25519; aquí se necesita una clave RSA.</translation>
    </message>
    <message>
        <source>The key is neither an RSA nor an Ed25519 key; DKIM signs with those two only.</source>
        <translation>La clave no es ni RSA ni Ed25519; DKIM solo firma con esos dos tipos.</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyRepository</name>
    <message>
        <source>The DKIM key for %1 has no public key.</source>
        <translation>La clave DKIM de %1 no tiene clave pública.</translation>
    </message>
    <message>
        <source>Could not save the DKIM key for %1</source>
        <translation>No se pudo guardar la clave DKIM de %1</translation>
    </message>
    <message>
        <source>Could not read the DKIM key for %1</source>
        <translation>No se pudo leer la clave DKIM de %1</translation>
    </message>
    <message>
        <source>Herald has no DKIM key for %1.</source>
        <translation>Herald no tiene ninguna clave DKIM para %1.</translation>
    </message>
    <message>
        <source>Could not read the DKIM keys</source>
        <translation>No se pudieron leer las claves DKIM</translation>
    </message>
    <message>
        <source>Could not delete the DKIM key for %1</source>
        <translation>No se pudo eliminar la clave DKIM de %1</translation>
    </message>
    <message>
        <source>The Ed25519 key for %1 has no public key.</source>
        <translation>La clave Ed25519 de %1 no tiene clave pública.</translation>
    </message>
    <message>
        <source>%1 has no RSA key yet: receivers that do not know Ed25519 need one. Generate or import the RSA key first.</source>
        <translation>%1 aún no tiene clave RSA: los receptores que no conocen Ed25519 la necesitan. Genere o importe primero la clave RSA.</translation>
    </message>
    <message>
        <source>The RSA key of %1 already uses the selector %2: the Ed25519 key needs a record of its own.</source>
        <translation>La clave RSA de %1 ya usa el selector %2: la clave Ed25519 necesita un registro propio.</translation>
    </message>
    <message>
        <source>Could not save the Ed25519 key for %1</source>
        <translation>No se pudo guardar la clave Ed25519 de %1</translation>
    </message>
    <message>
        <source>Could not delete the Ed25519 key for %1</source>
        <translation>No se pudo eliminar la clave Ed25519 de %1</translation>
    </message>
</context>
<context>
    <name>herald::DkimKeyring</name>
    <message>
        <source>The private key of %1 is kept only until Herald closes: %2</source>
        <translation>La clave privada de %1 solo se conserva hasta que Herald se cierre: %2</translation>
    </message>
    <message>
        <source>%1 names the file %2, which cannot be read: %3</source>
        <translation>%1 indica el archivo %2, que no se puede leer: %3</translation>
    </message>
    <message>
        <source>The private DKIM key for %1 is not on this computer (%2). Import it in Settings → Sender domains, or give it to a headless worker in %3.</source>
        <translation>La clave DKIM privada de %1 no está en este equipo (%2). Impórtela en Configuración → Dominios de remitente, o indíquesela a un worker sin ventana en %3.</translation>
    </message>
    <message>
        <source>The private DKIM key for %1: %2</source>
        <translation>La clave DKIM privada de %1: %2</translation>
    </message>
    <message>
        <source>The private DKIM key for %1 on this computer does not match the key in the database (selector %2); mail signed with it would fail. Import the current key in Settings → Sender domains.</source>
        <translation>La clave DKIM privada de %1 en este equipo no coincide con la clave de la base de datos (selector %2); el correo firmado con ella no pasaría la verificación. Importe la clave actual en Configuración → Dominios de remitente.</translation>
    </message>
    <message>
        <source>The private Ed25519 DKIM key for %1 is not on this computer (%2). Import it in Settings → Sender domains, or give it to a headless worker in %3.</source>
        <translation>La clave DKIM Ed25519 privada de %1 no está en este equipo (%2). Impórtela en Configuración → Dominios de remitente, o indíquesela a un worker sin ventana en %3.</translation>
    </message>
</context>
<context>
    <name>herald::DkimSigner</name>
    <message>
        <source>its private key could not be read: %1</source>
        <translation>no se pudo leer su clave privada: %1</translation>
    </message>
    <message>
        <source>its key cannot make RSA signatures: %1</source>
        <translation>su clave no puede hacer firmas RSA: %1</translation>
    </message>
    <message>
        <source>DKIM signing for %1 failed: %2</source>
        <translation>La firma DKIM para %1 falló: %2</translation>
    </message>
</context>
<context>
    <name>herald::DomainCheckReport</name>
    <message>
        <source>pass</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>incorrecto</translation>
    </message>
    <message>
        <source>lookup failed</source>
        <translation>consulta fallida</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>herald::EditorImport</name>
    <message>
        <source>Opened as HTML: the template has an HTML comment, which the visual editor would drop.</source>
        <translation>Abierta como HTML: la plantilla tiene un comentario HTML, que el editor visual eliminaría.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template uses CSS classes from a &lt;style&gt; block; the visual editor keeps only inline styles.</source>
        <translation>Abierta como HTML: la plantilla usa clases CSS de un bloque &lt;style&gt;; el editor visual solo conserva los estilos en línea.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template has a &lt;style&gt; block, whose rules the visual editor would drop.</source>
        <translation>Abierta como HTML: la plantilla tiene un bloque &lt;style&gt;, cuyas reglas el editor visual eliminaría.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template uses a &lt;table&gt; layout, which the visual editor cannot keep.</source>
        <translation>Abierta como HTML: la plantilla usa una maquetación con &lt;table&gt;, que el editor visual no puede conservar.</translation>
    </message>
    <message>
        <source>Opened as HTML: the template has a &lt;%1&gt; element, which the visual editor cannot keep.</source>
        <translation>Abierta como HTML: la plantilla tiene un elemento &lt;%1&gt;, que el editor visual no puede conservar.</translation>
    </message>
    <message>
        <source>Opened as HTML: the style &quot;%1&quot; on &lt;%2&gt; would be lost in the visual editor.</source>
        <translation>Abierta como HTML: el estilo «%1» de &lt;%2&gt; se perdería en el editor visual.</translation>
    </message>
    <message>
        <source>Opened as HTML: the attribute %1=&quot;%2&quot; on &lt;%3&gt; would be lost in the visual editor.</source>
        <translation>Abierta como HTML: el atributo %1=&quot;%2&quot; de &lt;%3&gt; se perdería en el editor visual.</translation>
    </message>
</context>
<context>
    <name>herald::EditorToolbar</name>
    <message>
        <source>Paragraph style</source>
        <translation>Estilo de párrafo</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Párrafo</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Título 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Título 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Título 3</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the Bold button&apos;s letter</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>I</source>
        <comment>the Italic button&apos;s letter</comment>
        <translation>K</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Subrayado</translation>
    </message>
    <message>
        <source>U</source>
        <comment>the Underline button&apos;s letter</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Text Colour…</source>
        <translation>Color del texto…</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <source>Align Left</source>
        <translation>Alinear a la izquierda</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centrar</translation>
    </message>
    <message>
        <source>Align Right</source>
        <translation>Alinear a la derecha</translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation>Lista con viñetas</translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation>Lista numerada</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Enlace…</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Insertar una imagen</translation>
    </message>
    <message>
        <source>Button…</source>
        <translation>Botón…</translation>
    </message>
    <message>
        <source>Insert a button: a link that looks like a button</source>
        <translation>Insertar un botón: un enlace con aspecto de botón</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Insert a horizontal rule</source>
        <translation>Insertar una línea horizontal</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>herald::EmailAddress</name>
    <message>
        <source>is empty</source>
        <translation>está vacía</translation>
    </message>
    <message>
        <source>has spaces around it</source>
        <translation>tiene espacios alrededor</translation>
    </message>
    <message>
        <source>is longer than 254 characters</source>
        <translation>tiene más de 254 caracteres</translation>
    </message>
    <message>
        <source>has no &apos;@&apos;</source>
        <translation>no tiene &apos;@&apos;</translation>
    </message>
    <message>
        <source>has nothing before the &apos;@&apos;</source>
        <translation>no tiene nada antes de la &apos;@&apos;</translation>
    </message>
    <message>
        <source>has more than 64 characters before the &apos;@&apos;</source>
        <translation>tiene más de 64 caracteres antes de la &apos;@&apos;</translation>
    </message>
    <message>
        <source>has characters that are not allowed before the &apos;@&apos;</source>
        <translation>tiene caracteres no permitidos antes de la &apos;@&apos;</translation>
    </message>
    <message>
        <source>has no domain after the &apos;@&apos;</source>
        <translation>no tiene dominio después de la &apos;@&apos;</translation>
    </message>
    <message>
        <source>has an invalid domain &apos;%1&apos;</source>
        <translation>tiene un dominio no válido &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::EmailClientChecks</name>
    <message>
        <source>The image %1 has no alt text; many email clients show images only on request, and screen readers read the alt text instead.</source>
        <translation>La imagen %1 no tiene texto alternativo; muchos clientes de correo solo muestran las imágenes a petición, y los lectores de pantalla leen el texto alternativo en su lugar.</translation>
    </message>
    <message>
        <source>The image %1 is %2 px wide, wider than the %3 px layout; email clients cut it off or shrink it.</source>
        <translation>La imagen %1 mide %2 px de ancho, más que el diseño de %3 px; los clientes de correo la recortan o la encogen.</translation>
    </message>
    <message>
        <source>The image %1 has a relative URL, which leads nowhere in an email; use a full address starting with https://.</source>
        <translation>La imagen %1 tiene una URL relativa, que en un correo no lleva a ninguna parte; use una dirección completa que empiece por https://.</translation>
    </message>
    <message>
        <source>The link %1 has a relative URL, which leads nowhere in an email; use a full address starting with https://.</source>
        <translation>El enlace %1 tiene una URL relativa, que en un correo no lleva a ninguna parte; use una dirección completa que empiece por https://.</translation>
    </message>
    <message>
        <source>The HTML body is %1 KB; Gmail clips messages over 102 KB and hides the rest, the unsubscribe link included, behind &quot;View entire message&quot;.</source>
        <translation>El cuerpo HTML ocupa %1 KB; Gmail recorta los mensajes de más de 102 KB y oculta el resto, incluido el enlace para darse de baja, tras «Ver mensaje completo».</translation>
    </message>
</context>
<context>
    <name>herald::EngagementButton</name>
    <message>
        <source>En&amp;gagement…</source>
        <translation>Interacció&amp;n…</translation>
    </message>
    <message>
        <source>Opens and clicks of the campaign, people&apos;s and machines&apos; apart</source>
        <translation>Aperturas y clics de la campaña, los de personas y los de máquinas por separado</translation>
    </message>
    <message>
        <source>Campaign Engagement…</source>
        <translation>Interacción de la campaña…</translation>
    </message>
    <message>
        <source>Opens and clicks of the selected campaign, people&apos;s and machines&apos; apart</source>
        <translation>Aperturas y clics de la campaña seleccionada, los de personas y los de máquinas por separado</translation>
    </message>
</context>
<context>
    <name>herald::EngagementChart</name>
    <message>
        <source>Show &amp;machines</source>
        <translation>Mostrar &amp;máquinas</translation>
    </message>
    <message>
        <source>People&apos;s opens</source>
        <translation>Aperturas de personas</translation>
    </message>
    <message>
        <source>People&apos;s clicks</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Machines&apos; opens</source>
        <translation>Aperturas de máquinas</translation>
    </message>
    <message>
        <source>Machines&apos; clicks</source>
        <translation>Clics de máquinas</translation>
    </message>
    <message>
        <source>Days since the first delivery</source>
        <translation>Días desde la primera entrega</translation>
    </message>
    <message>
        <source>Per %1 hours</source>
        <translation>Cada %1 horas</translation>
    </message>
    <message>
        <source>Opens and clicks in the first 7 days</source>
        <translation>Aperturas y clics en los primeros 7 días</translation>
    </message>
    <message>
        <source>Add the opens and clicks of link scanners and image proxies, as light dashed lines.</source>
        <translation>Añadir las aperturas y los clics de analizadores de enlaces y proxies de imágenes, en líneas discontinuas claras.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementDialog</name>
    <message>
        <source>Engagement</source>
        <translation>Interacción</translation>
    </message>
    <message>
        <source>Engagement — %1</source>
        <translation>Interacción — %1</translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventFlusher</name>
    <message>
        <source>Recording opens and clicks again.</source>
        <translation>Se vuelven a registrar aperturas y clics.</translation>
    </message>
    <message>
        <source>Could not record opens and clicks, keeping them in the spool %1 to try again: %2</source>
        <translation>No se pudieron registrar las aperturas y los clics; se guardan en la cola %1 para intentarlo de nuevo: %2</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n line(s) of %1 that are not events (a kill cuts off the last one).</source>
        <translation>
            <numerusform>Se omitió %n línea de %1 que no es un evento (una interrupción corta la última).</numerusform>
            <numerusform>Se omitieron %n líneas de %1 que no son eventos (una interrupción corta la última).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventLog</name>
    <message>
        <source>Could not count the opens and clicks recorded for campaign #%1</source>
        <translation>No se pudieron contar las aperturas y los clics registrados de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks recorded for campaign #%1</source>
        <translation>No se pudieron leer las aperturas y los clics registrados de la campaña n.º %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not read the opens and clicks of %n message(s)</source>
        <translation>
            <numerusform>No se pudieron leer las aperturas y los clics de %n mensaje</numerusform>
            <numerusform>No se pudieron leer las aperturas y los clics de %n mensajes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventWriter</name>
    <message numerus="yes">
        <source>Could not record %n open(s) and click(s)</source>
        <translation>
            <numerusform>No se pudo registrar %n apertura o clic</numerusform>
            <numerusform>No se pudieron registrar %n aperturas y clics</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not record spool segment %1 of %2</source>
        <translation>No se pudo registrar el segmento %1 de la cola de %2</translation>
    </message>
    <message>
        <source>Could not forget the earlier spool segments of %1</source>
        <translation>No se pudieron olvidar los segmentos anteriores de la cola de %1</translation>
    </message>
    <message>
        <source>Could not forget the spool segments of %1</source>
        <translation>No se pudieron olvidar los segmentos de la cola de %1</translation>
    </message>
    <message>
        <source>Could not prune old rows of engagement_spool_segments</source>
        <translation>No se pudieron borrar las filas antiguas de engagement_spool_segments</translation>
    </message>
</context>
<context>
    <name>herald::EngagementFiguresBlock</name>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>Aperturas únicas</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tasa de apertura</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics únicos</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tasa de clics</translation>
    </message>
    <message>
        <source>Click-to-open rate</source>
        <translation>Clics por apertura</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Messages the receiving servers accepted; the rates are fractions of these.</source>
        <translation>Mensajes que aceptaron los servidores de destino; las tasas son fracciones de estos.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Opens and clicks Herald ascribes to a person reading the message.</source>
        <translation>Aperturas y clics que Herald atribuye a una persona que lee el mensaje.</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Máquinas</translation>
    </message>
    <message>
        <source>Opens and clicks by mail servers&apos; link scanners and image proxies (such as Apple Mail Privacy Protection), which fetch every message whether anyone reads it or not.</source>
        <translation>Aperturas y clics de los analizadores de enlaces y proxies de imágenes de los servidores de correo (como la Protección de privacidad de Mail de Apple), que descargan cada mensaje lo lea alguien o no.</translation>
    </message>
    <message>
        <source>≈ Approximate: anonymous tracking counts events, not people.</source>
        <translation>≈ Aproximado: el seguimiento anónimo cuenta eventos, no personas.</translation>
    </message>
    <message>
        <source>People: %1</source>
        <translation>Personas: %1</translation>
    </message>
    <message>
        <source>Machines: %1</source>
        <translation>Máquinas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of them known from a click only (the image was not loaded).</source>
        <translation>
            <numerusform>%n de ellas conocida solo por un clic (la imagen no se cargó).</numerusform>
            <numerusform>%n de ellas conocidas solo por un clic (la imagen no se cargó).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementLinksTable</name>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>People&apos;s clicks</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation>Personas con clic</translation>
    </message>
    <message>
        <source>Machines&apos; clicks</source>
        <translation>Clics de máquinas</translation>
    </message>
    <message>
        <source>The link&apos;s number in the message, as the Recipients tab lists it.</source>
        <translation>El número del enlace en el mensaje, como lo muestra la pestaña Destinatarios.</translation>
    </message>
    <message>
        <source>Recipients who clicked the link (per-recipient tracking only).</source>
        <translation>Destinatarios que hicieron clic en el enlace (solo con seguimiento por destinatario).</translation>
    </message>
    <message>
        <source>Clicks by link scanners that open every link of a message.</source>
        <translation>Clics de analizadores que abren todos los enlaces de un mensaje.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRecipientsModel</name>
    <message>
        <source>Only machines (mail scanners, image proxies) opened or clicked this message.</source>
        <translation>Solo máquinas (analizadores de correo, proxies de imágenes) abrieron este mensaje o hicieron clic en él.</translation>
    </message>
    <message>
        <source>Machines only</source>
        <translation>Solo máquinas</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>First opened</source>
        <translation>Primera apertura</translation>
    </message>
    <message>
        <source>First clicked</source>
        <translation>Primer clic</translation>
    </message>
    <message>
        <source>Links clicked</source>
        <translation>Enlaces con clic</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Máquinas</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRecipientsTab</name>
    <message>
        <source>Search name, address or city…</source>
        <translation>Buscar nombre, dirección o ciudad…</translation>
    </message>
    <message>
        <source>&amp;People only</source>
        <translation>Solo &amp;personas</translation>
    </message>
    <message>
        <source>Search recipients</source>
        <translation>Buscar destinatarios</translation>
    </message>
    <message>
        <source>Leave out the recipients whose message only machines (link scanners, image proxies) opened or clicked.</source>
        <translation>Omitir los destinatarios cuyo mensaje solo abrieron o en el que solo hicieron clic máquinas (analizadores de enlaces, proxies de imágenes).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s) opened or clicked</source>
        <translation>
            <numerusform>%Ln destinatario abrió o hizo clic</numerusform>
            <numerusform>%Ln destinatarios abrieron o hicieron clic</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementReport</name>
    <message>
        <source>Could not read the opens and clicks of campaign #%1</source>
        <translation>No se pudieron leer las aperturas y los clics de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of campaign #%1 by hour</source>
        <translation>No se pudieron leer por hora las aperturas y los clics de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read the clicks per link of campaign #%1</source>
        <translation>No se pudieron leer los clics por enlace de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of recent campaigns</source>
        <translation>No se pudieron leer las aperturas y los clics de las campañas recientes</translation>
    </message>
    <message>
        <source>Could not read who opened and clicked campaign #%1</source>
        <translation>No se pudo leer quién abrió la campaña n.º %1 e hizo clic en ella</translation>
    </message>
    <message>
        <source>Could not count who opened and clicked campaign #%1</source>
        <translation>No se pudo contar quién abrió la campaña n.º %1 e hizo clic en ella</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRetention</name>
    <message>
        <source>Opens and clicks are kept 1 to %1 months.</source>
        <translation>Las aperturas y los clics se conservan de 1 a %1 meses.</translation>
    </message>
    <message numerus="yes">
        <source>Could not remove opens and clicks older than %n month(s)</source>
        <translation>
            <numerusform>No se pudieron eliminar las aperturas y los clics de hace más de %n mes</numerusform>
            <numerusform>No se pudieron eliminar las aperturas y los clics de hace más de %n meses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollerLease</name>
    <message>
        <source>Could not take the lease to roll up opens and clicks</source>
        <translation>No se pudo tomar el turno para consolidar las aperturas y los clics</translation>
    </message>
    <message>
        <source>Could not give up the lease to roll up opens and clicks</source>
        <translation>No se pudo ceder el turno para consolidar las aperturas y los clics</translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollup</name>
    <message numerus="yes">
        <source>Another process rolled up some of these %n open(s) and click(s) first; nothing was counted twice, and the next pass goes on from there</source>
        <translation>
            <numerusform>Otro proceso consolidó antes %n apertura o clic de este lote; nada se contó dos veces y la siguiente pasada sigue desde ahí</numerusform>
            <numerusform>Otro proceso consolidó antes algunas de estas %n aperturas y clics; nada se contó dos veces y la siguiente pasada sigue desde ahí</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupReader</name>
    <message>
        <source>Could not read the opens and clicks waiting to be rolled up</source>
        <translation>No se pudieron leer las aperturas y los clics pendientes de consolidar</translation>
    </message>
    <message numerus="yes">
        <source>Could not read the tracked links of %n campaign(s)</source>
        <translation>
            <numerusform>No se pudieron leer los enlaces con seguimiento de %n campaña</numerusform>
            <numerusform>No se pudieron leer los enlaces con seguimiento de %n campañas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the delivery times of %n message(s)</source>
        <translation>
            <numerusform>No se pudo leer la hora de entrega de %n mensaje</numerusform>
            <numerusform>No se pudieron leer las horas de entrega de %n mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks of %n message(s) so far</source>
        <translation>
            <numerusform>No se pudieron leer los clics hasta ahora de %n mensaje</numerusform>
            <numerusform>No se pudieron leer los clics hasta ahora de %n mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks around %n message(s)</source>
        <translation>
            <numerusform>No se pudieron leer los clics cercanos de %n mensaje</numerusform>
            <numerusform>No se pudieron leer los clics cercanos de %n mensajes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupWriter</name>
    <message numerus="yes">
        <source>Could not mark %n open(s) and click(s) as rolled up</source>
        <translation>
            <numerusform>No se pudo marcar como consolidada %n apertura o clic</numerusform>
            <numerusform>No se pudieron marcar como consolidadas %n aperturas y clics</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks of the campaigns</source>
        <translation>No se pudo sumar a las aperturas y los clics de las campañas</translation>
    </message>
    <message>
        <source>Could not add to the clicks of the links</source>
        <translation>No se pudo sumar a los clics de los enlaces</translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks per hour</source>
        <translation>No se pudo sumar a las aperturas y los clics por hora</translation>
    </message>
    <message>
        <source>Could not add to the opens and clicks of the recipients</source>
        <translation>No se pudo sumar a las aperturas y los clics de los destinatarios</translation>
    </message>
    <message>
        <source>Could not add to the clicks of the recipients per link</source>
        <translation>No se pudo sumar a los clics de los destinatarios por enlace</translation>
    </message>
</context>
<context>
    <name>herald::EngagementSettingsPanel</name>
    <message>
        <source>Save engagemen&amp;t settings</source>
        <translation>Guardar la configuración de &amp;interacción</translation>
    </message>
    <message>
        <source>&lt;b&gt;Engagement&lt;/b&gt;</source>
        <translation>&lt;b&gt;Interacción&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tracked campaigns count opens and clicks through herald serve: the open pixel, the click redirects and the link to view a message in the browser point at this address. TLS ends at your organisation&apos;s web server, which forwards these requests to herald serve --listen. Without an address, campaigns are sent without tracking. Kept in the database: it applies to everyone using it.</source>
        <translation>Las campañas con seguimiento cuentan aperturas y clics a través de herald serve: el píxel de apertura, las redirecciones de clics y el enlace para ver un mensaje en el navegador apuntan a esta dirección. TLS termina en el servidor web de su organización, que reenvía estas solicitudes a herald serve --listen. Sin dirección, las campañas se envían sin seguimiento. Se guarda en la base de datos: se aplica a todos los que la usan.</translation>
    </message>
    <message>
        <source>Per-recipient tracking: only for nonprofits whose consent is “Consent given” (Nonprofits → Edit); the others are counted anonymously, per campaign and link.</source>
        <translation>Seguimiento por destinatario: solo para las organizaciones cuyo consentimiento es «Consentimiento dado» (Organizaciones → Editar); las demás se cuentan de forma anónima, por campaña y enlace.</translation>
    </message>
    <message>
        <source>Pu&amp;blic address of herald serve:</source>
        <translation>Dirección pú&amp;blica de herald serve:</translation>
    </message>
    <message>
        <source>Saved. Campaigns queued from now on are sent without tracking.</source>
        <translation>Guardado. Las campañas que se pongan en cola a partir de ahora se envían sin seguimiento.</translation>
    </message>
    <message>
        <source>Saved. Campaigns queued from now on are tracked through %1.</source>
        <translation>Guardado. Las campañas que se pongan en cola a partir de ahora se siguen a través de %1.</translation>
    </message>
    <message>
        <source>herald serve deletes older raw events, with the network and kind of program each came from. Reports (opens and clicks per campaign, link and hour) are kept regardless.</source>
        <translation>herald serve borra los eventos sin procesar más antiguos, con la red y el tipo de programa de cada uno. Los informes (aperturas y clics por campaña, enlace y hora) se conservan siempre.</translation>
    </message>
    <message>
        <source>Keep raw open and click &amp;events for:</source>
        <translation>Conservar los &amp;eventos de apertura y clic sin procesar durante:</translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <comment>after the number of months raw events are kept</comment>
        <translation>
            <numerusform> mes</numerusform>
            <numerusform> meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Raw opens and clicks are kept %n month(s).</source>
        <translation>
            <numerusform>Las aperturas y los clics sin procesar se conservan %n mes.</numerusform>
            <numerusform>Las aperturas y los clics sin procesar se conservan %n meses.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementSpool</name>
    <message>
        <source>Could not make the spool directory %1.</source>
        <translation>No se pudo crear el directorio de cola %1.</translation>
    </message>
    <message>
        <source>Another herald serve uses the spool directory %1 (give each its own with --spool-dir).</source>
        <translation>Otro herald serve usa el directorio de cola %1 (dé a cada uno el suyo con --spool-dir).</translation>
    </message>
    <message>
        <source>Cannot write in the spool directory %1.</source>
        <translation>No se puede escribir en el directorio de cola %1.</translation>
    </message>
    <message>
        <source>Cannot read %1 in the spool directory.</source>
        <translation>No se puede leer %1 en el directorio de cola.</translation>
    </message>
    <message>
        <source>Could not write to %1, keeping the events in memory: %2</source>
        <translation>No se pudo escribir en %1; los eventos se guardan en memoria: %2</translation>
    </message>
    <message>
        <source>Writing to the spool %1 again.</source>
        <translation>Se vuelve a escribir en la cola %1.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>Could not delete %1, which is in the database: %2</source>
        <translation>No se pudo borrar %1, que ya está en la base de datos: %2</translation>
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
        <translation>desactivado</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anónimo</translation>
    </message>
    <message>
        <source>per recipient</source>
        <translation>por destinatario</translation>
    </message>
    <message>
        <source>This campaign was tracked anonymously: Herald counts open and click events, not people. Someone who opens the message twice counts twice, so the rates come from the event totals and can pass 100 %.</source>
        <translation>Esta campaña tuvo seguimiento anónimo: Herald cuenta eventos de apertura y de clic, no personas. Quien abre el mensaje dos veces cuenta dos veces, así que las tasas salen de los totales de eventos y pueden superar el 100 %.</translation>
    </message>
    <message>
        <source>Unknown with anonymous tracking: nobody&apos;s opens and clicks can be told apart.</source>
        <translation>Desconocido con seguimiento anónimo: no se pueden distinguir las aperturas y los clics de cada persona.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementVerdict</name>
    <message>
        <source>Nothing marks this as a machine: a person&apos;s mail app or browser made the request.</source>
        <translation>Nada indica que sea una máquina: la solicitud la hizo la aplicación de correo o el navegador de una persona.</translation>
    </message>
    <message>
        <source>The person clicked a link in the message, so they opened it, even though the image did not load.</source>
        <translation>La persona hizo clic en un enlace del mensaje, así que lo abrió, aunque la imagen no se cargara.</translation>
    </message>
    <message>
        <source>Gmail&apos;s image proxy fetches the image when the person opens the message.</source>
        <translation>El proxy de imágenes de Gmail descarga la imagen cuando la persona abre el mensaje.</translation>
    </message>
    <message>
        <source>Yahoo Mail&apos;s image proxy fetches the image when the person opens the message.</source>
        <translation>El proxy de imágenes de Yahoo Mail descarga la imagen cuando la persona abre el mensaje.</translation>
    </message>
    <message>
        <source>Apple Mail Privacy Protection fetched the image for the mail app; it tells nothing about a person opening it.</source>
        <translation>La Protección de privacidad de Mail de Apple descargó la imagen para la aplicación de correo; no dice nada de que una persona lo abriera.</translation>
    </message>
    <message>
        <source>The request named itself only &quot;Mozilla/5.0&quot;, as Apple&apos;s privacy fetcher does; no person&apos;s browser sends that alone.</source>
        <translation>La solicitud solo se identificó como «Mozilla/5.0», como hace el descargador de privacidad de Apple; ningún navegador de una persona envía solo eso.</translation>
    </message>
    <message>
        <source>A HEAD request only checks that the address works; browsers and mail apps ask for the content.</source>
        <translation>Una solicitud HEAD solo comprueba que la dirección funciona; los navegadores y las aplicaciones de correo piden el contenido.</translation>
    </message>
    <message>
        <source>The request did not say which program sent it; browsers and mail apps always do.</source>
        <translation>La solicitud no dijo qué programa la envió; los navegadores y las aplicaciones de correo siempre lo dicen.</translation>
    </message>
    <message>
        <source>A mail security service checked the link or image before the person saw the message.</source>
        <translation>Un servicio de seguridad del correo comprobó el enlace o la imagen antes de que la persona viera el mensaje.</translation>
    </message>
    <message>
        <source>A chat or social app fetched the address to show a preview of the link.</source>
        <translation>Una aplicación de chat o red social descargó la dirección para mostrar una vista previa del enlace.</translation>
    </message>
    <message>
        <source>A script or command-line tool made the request, not a browser.</source>
        <translation>La solicitud la hizo un script o una herramienta de línea de comandos, no un navegador.</translation>
    </message>
    <message>
        <source>A browser without a screen made the request, as automated checks do.</source>
        <translation>La solicitud la hizo un navegador sin pantalla, como hacen las comprobaciones automáticas.</translation>
    </message>
    <message>
        <source>A robot (a crawler or another bot) named itself in the request.</source>
        <translation>Un robot (un rastreador u otro bot) se identificó en la solicitud.</translation>
    </message>
    <message>
        <source>The link is hidden in the message, where no person can see or click it; only programs follow it.</source>
        <translation>El enlace está oculto en el mensaje, donde ninguna persona puede verlo ni hacer clic en él; solo los programas lo siguen.</translation>
    </message>
    <message>
        <source>The link was followed seconds after delivery, sooner than a person can read the message and click.</source>
        <translation>El enlace se siguió segundos después de la entrega, antes de que una persona pueda leer el mensaje y hacer clic.</translation>
    </message>
    <message>
        <source>Several links of the message were followed within one second, faster than a person can click.</source>
        <translation>Se siguieron varios enlaces del mensaje en menos de un segundo, más rápido de lo que una persona puede hacer clic.</translation>
    </message>
</context>
<context>
    <name>herald::EngagementView</name>
    <message>
        <source>E&amp;xport Events as CSV…</source>
        <translation>E&amp;xportar eventos a CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>&amp;Enlaces</translation>
    </message>
    <message>
        <source>Re&amp;cipients</source>
        <translation>&amp;Destinatarios</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the figures again</source>
        <translation>Volver a leer las cifras</translation>
    </message>
    <message>
        <source>Write every open and click of this campaign to a CSV file: time, kind, link, person or machine and why, and the recipient&apos;s address where tracked per recipient.</source>
        <translation>Escribir cada apertura y cada clic de esta campaña en un archivo CSV: hora, tipo, enlace, persona o máquina y por qué, y la dirección del destinatario si hubo seguimiento por destinatario.</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Seguimiento: %1</translation>
    </message>
    <message>
        <source>first delivered %1</source>
        <translation>primera entrega %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) delivered</source>
        <translation>
            <numerusform>%Ln mensaje entregado</numerusform>
            <numerusform>%Ln mensajes entregados</numerusform>
        </translation>
    </message>
    <message>
        <source>Opens and clicks were not tracked for this campaign: its tracking was off when it was sent, so there is nothing to count. Choose anonymous or per-recipient tracking in the campaign editor (Opens and clicks) for the next one.</source>
        <translation>No se hizo seguimiento de aperturas ni clics en esta campaña: el seguimiento estaba desactivado cuando se envió, así que no hay nada que contar. Elija seguimiento anónimo o por destinatario en el editor de campañas (Aperturas y clics) para la próxima.</translation>
    </message>
    <message>
        <source>&amp;Links (%1)</source>
        <translation>&amp;Enlaces (%1)</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>Exportar eventos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %Ln evento a %1.</numerusform>
            <numerusform>Se exportaron %Ln eventos a %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ExportRunner</name>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackIntake</name>
    <message>
        <source>No feedback mailbox is set up: enter its server and user in Settings → Bounces and complaints.</source>
        <translation>No hay ningún buzón de retroalimentación configurado: indique su servidor y su usuario en Configuración → Rebotes y quejas.</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackIntakeRunner</name>
    <message numerus="yes">
        <source>Read %n message(s): </source>
        <translation>
            <numerusform>Se leyó %n mensaje: </numerusform>
            <numerusform>Se leyeron %n mensajes: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hard bounce(s), %2 soft bounce(s), %3 complaint(s), %4 unsubscribe(s); %5 left unread for you.</source>
        <translation>%1 rebote(s) permanente(s), %2 rebote(s) temporal(es), %3 queja(s), %4 baja(s); %5 sin leer para usted.</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) paused for too many complaints.</source>
        <translation>
            <numerusform>%n campaña en pausa por demasiadas quejas.</numerusform>
            <numerusform>%n campañas en pausa por demasiadas quejas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the feedback mailbox&apos;s server and user in Settings → Bounces and complaints.</source>
        <translation>Indique el servidor y el usuario del buzón de retroalimentación en Configuración → Rebotes y quejas.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackMailboxPanel</name>
    <message>
        <source>Check the server&apos;s certificate</source>
        <translation>Comprobar el certificado del servidor</translation>
    </message>
    <message>
        <source>&amp;Save mailbox</source>
        <translation>&amp;Guardar buzón</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>Comprobar &amp;ahora</translation>
    </message>
    <message>
        <source>imap.example.org</source>
        <translation>imap.example.org</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (puerto 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (puerto 143)</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Ninguno (solo este equipo)</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <source>Bounces and complaints</source>
        <translation>Rebotes y quejas</translation>
    </message>
    <message>
        <source>Herald reads delivery failures, spam complaints and emailed unsubscribes from this mailbox (use it as the sender&apos;s bounce and feedback-loop address). Messages are flagged, never deleted; what Herald does not understand stays unread for you.</source>
        <translation>Herald lee de este buzón los fallos de entrega, las quejas por spam y las bajas recibidas por correo (úselo como dirección de rebotes y de bucle de retroalimentación del remitente). Los mensajes se marcan, nunca se eliminan; lo que Herald no entiende queda sin leer para usted.</translation>
    </message>
    <message>
        <source>IMAP &amp;server:</source>
        <translation>Servidor &amp;IMAP:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Cifrado:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>Carpe&amp;ta:</translation>
    </message>
    <message>
        <source>Pause a campaign above a complaint &amp;rate of:</source>
        <translation>Pausar una campaña si la tasa de quejas supe&amp;ra:</translation>
    </message>
    <message>
        <source>…once it has &amp;sent at least (messages):</source>
        <translation>…tras haber &amp;enviado al menos (mensajes):</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Saved, but the password is kept for this session only: %1</source>
        <translation>Guardado, pero la contraseña solo se conserva durante esta sesión: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>herald::FeedbackRepository</name>
    <message>
        <source>Could not look up the message a report is about</source>
        <translation>No se pudo buscar el mensaje al que se refiere un informe</translation>
    </message>
    <message>
        <source>Could not look up the messages sent to an address</source>
        <translation>No se pudieron buscar los mensajes enviados a una dirección</translation>
    </message>
    <message>
        <source>Could not record a %1 report</source>
        <translation>No se pudo registrar un informe de tipo %1</translation>
    </message>
    <message>
        <source>Could not read the bounces and complaints of campaign #%1</source>
        <translation>No se pudieron leer los rebotes y quejas de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Campaign #%1 does not exist.</source>
        <translation>La campaña n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read the bounces and complaints of recent campaigns</source>
        <translation>No se pudieron leer los rebotes y quejas de las campañas recientes</translation>
    </message>
</context>
<context>
    <name>herald::FieldMenu</name>
    <message>
        <source>Insert Field</source>
        <translation>Insertar campo</translation>
    </message>
    <message>
        <source>No value for the nonprofit the preview shows</source>
        <translation>Sin valor para la organización que muestra la vista previa</translation>
    </message>
</context>
<context>
    <name>herald::FirstAdmin</name>
    <message>
        <source>Could not check who owns the server&apos;s database</source>
        <translation>No se pudo comprobar quién es el propietario de la base de datos del servidor</translation>
    </message>
    <message>
        <source>Only the owner of the server&apos;s tables (%1) or a superuser may move data into it, and %2 is neither. Ask %1 to make the move with Herald (logging in as %1), then to run GRANT herald_admin TO %2; so that you administer the team.</source>
        <translation>Solo el propietario de las tablas del servidor (%1) o un superusuario puede trasladar datos a él, y %2 no es ninguno de los dos. Pida a %1 que haga el traslado con Herald (conectándose como %1) y que luego ejecute GRANT herald_admin TO %2; para que usted administre el equipo.</translation>
    </message>
    <message>
        <source>Could not check whether you are an admin: %1</source>
        <translation>No se pudo comprobar si usted es administrador: %1</translation>
    </message>
    <message>
        <source>%1 already has the admin role (herald_admin).</source>
        <translation>%1 ya tiene el rol de administrador (herald_admin).</translation>
    </message>
    <message>
        <source>%1 could not be made an admin (%2). Ask a superuser to run: %3;</source>
        <translation>No se pudo hacer administrador a %1 (%2). Pida a un superusuario que ejecute: %3;</translation>
    </message>
    <message>
        <source>%1 is now the team&apos;s first admin (herald_admin).</source>
        <translation>%1 es ahora el primer administrador del equipo (herald_admin).</translation>
    </message>
</context>
<context>
    <name>herald::GdprService</name>
    <message>
        <source>Could not read the messages sent to &apos;%1&apos;</source>
        <translation>No se pudieron leer los mensajes enviados a &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Herald holds nothing about &apos;%1&apos;.</source>
        <translation>Herald no guarda nada sobre &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Which address should be erased?</source>
        <translation>¿Qué dirección se debe borrar?</translation>
    </message>
    <message>
        <source>GDPR erasure</source>
        <translation>Supresión RGPD</translation>
    </message>
    <message>
        <source>Could not erase &apos;%1&apos;</source>
        <translation>No se pudo borrar &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Personal data erased; the address stays suppressed as %1.</source>
        <translation>Datos personales borrados; la dirección queda excluida como %1.</translation>
    </message>
    <message>
        <source>Could not read the opens and clicks of the messages sent to the address</source>
        <translation>No se pudieron leer las aperturas y los clics de los mensajes enviados a la dirección</translation>
    </message>
</context>
<context>
    <name>herald::HtmlBodyEditor</name>
    <message>
        <source>&lt;p&gt;Dear {{name}},&lt;/p&gt; … &lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Unsubscribe&lt;/a&gt; {{postal_address}}</source>
        <translation>&lt;p&gt;Estimada organización {{name}}:&lt;/p&gt; … &lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Darse de baja&lt;/a&gt; {{postal_address}}</translation>
    </message>
    <message>
        <source>HTML body, source</source>
        <translation>Cuerpo HTML, código fuente</translation>
    </message>
    <message>
        <source>&amp;Visual</source>
        <translation>&amp;Visual</translation>
    </message>
    <message>
        <source>HTML s&amp;ource</source>
        <translation>Códig&amp;o HTML</translation>
    </message>
</context>
<context>
    <name>herald::ImageDialog</name>
    <message>
        <source>Insert Image</source>
        <translation>Insertar imagen</translation>
    </message>
    <message>
        <source>https://… or media:logo.png</source>
        <translation>https://… o media:logo.png</translation>
    </message>
    <message>
        <source>What the image shows, e.g. Our volunteers at the food bank</source>
        <translation>Lo que muestra la imagen, p. ej. Nuestros voluntarios en el banco de alimentos</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Image&apos;s own width</source>
        <translation>Ancho propio de la imagen</translation>
    </message>
    <message>
        <source>At most %1 px, the width of the message.</source>
        <translation>Como máximo %1 px, el ancho del mensaje.</translation>
    </message>
    <message>
        <source>&amp;Media Library…</source>
        <translation>&amp;Biblioteca de medios…</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Imagen:</translation>
    </message>
    <message>
        <source>&amp;Alt text:</source>
        <translation>&amp;Texto alternativo:</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>A&amp;ncho:</translation>
    </message>
    <message>
        <source>Enter the image&apos;s address, or pick one from the media library.</source>
        <translation>Escriba la dirección de la imagen o elija una de la biblioteca de medios.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image address a message can show: use one that starts with https://, or pick the image from the media library.</source>
        <translation>«%1» no es una dirección de imagen que un mensaje pueda mostrar: use una que empiece por https:// o elija la imagen de la biblioteca de medios.</translation>
    </message>
</context>
<context>
    <name>herald::ImagesSection</name>
    <message>
        <source>Embedded in every message</source>
        <translation>Incrustadas en cada mensaje</translation>
    </message>
    <message>
        <source>Every message carries the images: they show without any server, but each message is heavier.</source>
        <translation>Cada mensaje lleva las imágenes: se ven sin ningún servidor, pero cada mensaje pesa más.</translation>
    </message>
    <message>
        <source>Linked from herald serve</source>
        <translation>Enlazadas desde herald serve</translation>
    </message>
    <message>
        <source>Messages stay light: the images load from herald serve at the public address, so they need that server running.</source>
        <translation>Los mensajes siguen siendo ligeros: las imágenes se cargan desde herald serve en la dirección pública, así que ese servidor debe estar en marcha.</translation>
    </message>
    <message>
        <source>Embedded: %1
Linked: %2</source>
        <translation>Incrustadas: %1
Enlazadas: %2</translation>
    </message>
    <message>
        <source>This template shows no images of the media library: nothing is added to its messages.</source>
        <translation>Esta plantilla no muestra imágenes de la biblioteca de medios: no se añade nada a sus mensajes.</translation>
    </message>
    <message numerus="yes">
        <source>Every message carries the template&apos;s %n image(s): %1 KB more per message. They show without any server, but heavier messages are slower to send and more often clipped or filtered.</source>
        <translation>
            <numerusform>Cada mensaje lleva la %n imagen de la plantilla: %1 KB más por mensaje. Se ve sin ningún servidor, pero los mensajes más pesados tardan más en enviarse y se recortan o filtran más a menudo.</numerusform>
            <numerusform>Cada mensaje lleva las %n imágenes de la plantilla: %1 KB más por mensaje. Se ven sin ningún servidor, pero los mensajes más pesados tardan más en enviarse y se recortan o filtran más a menudo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Light messages, but the public address of herald serve was not set when this campaign was queued: its images do not show.</source>
        <translation>Mensajes ligeros, pero la dirección pública de herald serve no estaba definida cuando se puso en cola esta campaña: sus imágenes no se ven.</translation>
    </message>
    <message>
        <source>Light messages, but the images load from herald serve and its public address is not set (Settings → Engagement): the campaign cannot be queued until it is.</source>
        <translation>Mensajes ligeros, pero las imágenes se cargan desde herald serve y su dirección pública no está definida (Configuración → Interacción): la campaña no puede ponerse en cola hasta que lo esté.</translation>
    </message>
    <message>
        <source>Light messages: the images load from %1. They do not show while that server is down, and some email clients block remote images until the reader allows them.</source>
        <translation>Mensajes ligeros: las imágenes se cargan desde %1. No se ven mientras ese servidor no funcione, y algunos clientes de correo bloquean las imágenes remotas hasta que el lector las permite.</translation>
    </message>
    <message>
        <source>Not in the media library: %1.</source>
        <translation>No están en la biblioteca de medios: %1.</translation>
    </message>
</context>
<context>
    <name>herald::ImapMailbox</name>
    <message>
        <source>Feedback mailbox %1 (%2): %3 failed: %4</source>
        <translation>Buzón de retroalimentación %1 (%2): no se pudo %3: %4</translation>
    </message>
    <message>
        <source>searching folder &apos;%1&apos;</source>
        <translation>buscar en la carpeta &apos;%1&apos;</translation>
    </message>
    <message>
        <source>reading message %1</source>
        <translation>leer el mensaje %1</translation>
    </message>
    <message>
        <source>flagging message %1</source>
        <translation>marcar el mensaje %1</translation>
    </message>
</context>
<context>
    <name>herald::ImportDialog</name>
    <message numerus="yes">
        <source>%n column(s) separated by %1. Choose which field each column fills; columns set to “Ignore” are not read.</source>
        <translation>
            <numerusform>%n columna separada por %1. Elija qué campo llena cada columna; las columnas en “Ignorar” no se leen.</numerusform>
            <numerusform>%n columnas separadas por %1. Elija qué campo llena cada columna; las columnas en “Ignorar” no se leen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Nonprofits from %1</source>
        <translation>Importar organizaciones desde %1</translation>
    </message>
    <message>
        <source>%1 is empty: there is no header line to read the columns from.</source>
        <translation>%1 está vacío: no hay línea de cabecera de la que leer las columnas.</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>punto y coma</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>comas</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>Llena</translation>
    </message>
    <message>
        <source>Field filled by column %1</source>
        <translation>Campo que llena la columna %1</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Dirección de correo</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>Update existing nonprofits with the same:</source>
        <translation>Actualizar las organizaciones existentes con el mismo:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>Elija la columna que contiene el nombre.</translation>
    </message>
    <message>
        <source>Choose the column that holds the email address.</source>
        <translation>Elija la columna que contiene la dirección de correo.</translation>
    </message>
    <message>
        <source>Choose the column that holds the EIN, or match by email.</source>
        <translation>Elija la columna que contiene el EIN, o busque coincidencias por correo.</translation>
    </message>
</context>
<context>
    <name>herald::ImportReport</name>
    <message>
        <source>%1 added, %2 updated, %3 skipped (unchanged), %4 rejected.</source>
        <translation>%1 añadidas, %2 actualizadas, %3 omitidas (sin cambios), %4 rechazadas.</translation>
    </message>
    <message>
        <source>%1 erased address(es) came back as unsubscribed.</source>
        <translation>%1 dirección(es) borrada(s) volvieron como dadas de baja.</translation>
    </message>
    <message>
        <source>Cancelled: rows up to line %1 were stored, none after it.</source>
        <translation>Cancelado: se guardaron las filas hasta la línea %1, ninguna después.</translation>
    </message>
    <message>
        <source>Stopped: %1 Rows up to line %2 were stored, none after it.</source>
        <translation>Detenido: %1 Se guardaron las filas hasta la línea %2, ninguna después.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>herald::ImportRunView</name>
    <message>
        <source>Rows are stored in batches: Cancel keeps the batches already stored, and no half-imported row.</source>
        <translation>Las filas se guardan por lotes: Cancelar conserva los lotes ya guardados y ninguna fila a medio importar.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation>&amp;Guardar filas rechazadas…</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Cancelling after the batch in hand…</source>
        <translation>Cancelando después del lote en curso…</translation>
    </message>
    <message>
        <source>Read %1 of %2.</source>
        <translation>Leído %1 de %2.</translation>
    </message>
    <message>
        <source>Rejected Rows Not Saved</source>
        <translation>Filas rechazadas no guardadas</translation>
    </message>
</context>
<context>
    <name>herald::ImportStaging</name>
    <message>
        <source>Could not prepare the import</source>
        <translation>No se pudo preparar la importación</translation>
    </message>
    <message>
        <source>Could not stage line %1</source>
        <translation>No se pudo preparar la línea %1</translation>
    </message>
</context>
<context>
    <name>herald::IpNetwork</name>
    <message>
        <source>&apos;%1&apos; is not a network: write an address and a prefix length, such as 10.0.0.0/8 or ::1/128.</source>
        <translation>&apos;%1&apos; no es una red: escriba una dirección y una longitud de prefijo, como 10.0.0.0/8 o ::1/128.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the prefix length after the slash must be a number from 0 to %2.</source>
        <translation>&apos;%1&apos;: la longitud de prefijo tras la barra debe ser un número de 0 a %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has address bits set after its prefix; did you mean %2/%3?</source>
        <translation>&apos;%1&apos; tiene bits de dirección activos después del prefijo; ¿quería decir %2/%3?</translation>
    </message>
</context>
<context>
    <name>herald::LanguageSection</name>
    <message>
        <source>&lt;b&gt;Language&lt;/b&gt;</source>
        <translation>&lt;b&gt;Idioma&lt;/b&gt;</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>Herald shows the chosen language when it starts again. Dates and numbers follow it.</source>
        <translation>Herald muestra el idioma elegido cuando se vuelve a iniciar. Las fechas y los números lo siguen.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Restart Herald to see it in %1.</source>
        <translation>Reinicie Herald para verlo en %1.</translation>
    </message>
</context>
<context>
    <name>herald::LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>Editar enlace</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>Insertar enlace</translation>
    </message>
    <message>
        <source>https://…, mailto:… or {{unsubscribe_url}}</source>
        <translation>https://…, mailto:… o {{unsubscribe_url}}</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>&amp;Quitar enlace</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Enter the address the link leads to.</source>
        <translation>Escriba la dirección a la que lleva el enlace.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address a message can link to: use one that starts with https:// or http://, a mailto: address, or a placeholder such as {{unsubscribe_url}}.</source>
        <translation>«%1» no es una dirección a la que un mensaje pueda enlazar: use una que empiece por https:// o http://, una dirección mailto: o un marcador como {{unsubscribe_url}}.</translation>
    </message>
</context>
<context>
    <name>herald::LinkRewriter</name>
    <message>
        <source>Links cannot be tracked in a template that changes the mustache delimiters.</source>
        <translation>No se puede hacer el seguimiento de los enlaces en una plantilla que cambia los delimitadores de mustache.</translation>
    </message>
</context>
<context>
    <name>herald::LocalStore</name>
    <message>
        <source>%1 (offline)</source>
        <translation>%1 (sin conexión)</translation>
    </message>
    <message>
        <source>Could not set up the sync journal in %1</source>
        <translation>No se pudo crear el registro de sincronización en %1</translation>
    </message>
    <message>
        <source>Could not read the sync journal</source>
        <translation>No se pudo leer el registro de sincronización</translation>
    </message>
    <message>
        <source>Could not record the sync of %1 %2</source>
        <translation>No se pudo registrar la sincronización de %1 %2</translation>
    </message>
    <message>
        <source>Could not update the sync journal for %1 %2</source>
        <translation>No se pudo actualizar el registro de sincronización de %1 %2</translation>
    </message>
    <message>
        <source>Could not record the conflict on %1 &apos;%2&apos;</source>
        <translation>No se pudo registrar el conflicto en %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Could not read the conflict on %1 &apos;%2&apos;</source>
        <translation>No se pudo leer el conflicto en %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>The conflict on %1 &apos;%2&apos; was not recorded.</source>
        <translation>El conflicto en %1 &apos;%2&apos; no se registró.</translation>
    </message>
    <message>
        <source>Could not read the sync conflicts</source>
        <translation>No se pudieron leer los conflictos de sincronización</translation>
    </message>
    <message>
        <source>Could not read sync conflict #%1</source>
        <translation>No se pudo leer el conflicto de sincronización n.º %1</translation>
    </message>
    <message>
        <source>There is no sync conflict #%1.</source>
        <translation>No existe el conflicto de sincronización n.º %1.</translation>
    </message>
    <message>
        <source>Could not mark sync conflict #%1 resolved</source>
        <translation>No se pudo marcar como resuelto el conflicto de sincronización n.º %1</translation>
    </message>
    <message>
        <source>Could not write the sync log</source>
        <translation>No se pudo escribir el historial de sincronización</translation>
    </message>
    <message>
        <source>Could not read the sync log</source>
        <translation>No se pudo leer el historial de sincronización</translation>
    </message>
    <message>
        <source>Could not record the time of the sync</source>
        <translation>No se pudo registrar la hora de la sincronización</translation>
    </message>
    <message>
        <source>Could not read the drafts the server refused</source>
        <translation>No se pudieron leer los borradores que el servidor rechazó</translation>
    </message>
    <message>
        <source>Could not record that the server refused %1 %2</source>
        <translation>No se pudo registrar que el servidor rechazó %1 %2</translation>
    </message>
</context>
<context>
    <name>herald::MailboxSettings</name>
    <message>
        <source>The mailbox port must be between 1 and 65535.</source>
        <translation>El puerto del buzón debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <source>The complaint rate that pauses a campaign must be above 0 % and below 100 %.</source>
        <translation>La tasa de quejas que pausa una campaña debe ser mayor que 0 % y menor que 100 %.</translation>
    </message>
    <message>
        <source>The mailbox password would cross the network in clear: choose TLS or STARTTLS for &apos;%1&apos;.</source>
        <translation>La contraseña del buzón viajaría por la red sin cifrar: elija TLS o STARTTLS para &apos;%1&apos;.</translation>
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
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>&amp;Acerca de Herald</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Herald checks the connection every few seconds.</source>
        <translation>Herald comprueba la conexión cada pocos segundos.</translation>
    </message>
    <message>
        <source>Server unreachable — reconnecting…</source>
        <translation>Servidor inalcanzable — reconectando…</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>Acerca de Herald</translation>
    </message>
    <message>
        <source>Herald %1
Email campaigns for nonprofit organisations.

Data: %2 (%3)</source>
        <translation>Herald %1
Campañas de correo para organizaciones sin ánimo de lucro.

Datos: %2 (%3)</translation>
    </message>
    <message>
        <source>Sending in Progress</source>
        <translation>Envío en curso</translation>
    </message>
    <message>
        <source>Herald is sending a campaign. Stop sending and quit? Messages not sent yet stay in the queue and go out the next time Herald or a worker sends.</source>
        <translation>Herald está enviando una campaña. ¿Detener el envío y salir? Los mensajes aún no enviados se quedan en la cola y saldrán la próxima vez que Herald o un worker envíe.</translation>
    </message>
    <message>
        <source>Stop sending and quit</source>
        <translation>Detener el envío y salir</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Mantener abierto</translation>
    </message>
    <message>
        <source>Suppressions</source>
        <translation>Exclusiones</translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>&amp;Load Sample Data</source>
        <translation>&amp;Cargar datos de ejemplo</translation>
    </message>
    <message>
        <source>&amp;Remove Sample Data…</source>
        <translation>&amp;Quitar datos de ejemplo…</translation>
    </message>
    <message>
        <source>What you may do is decided by the database&apos;s roles; actions your role may not take are disabled and say who may.</source>
        <translation>Lo que puede hacer lo deciden los roles de la base de datos; las acciones que su rol no permite están desactivadas e indican quién puede hacerlas.</translation>
    </message>
    <message>
        <source>&amp;Move to a Team Server…</source>
        <translation>&amp;Trasladar a un servidor de equipo…</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>&amp;Copia de seguridad…</translation>
    </message>
</context>
<context>
    <name>herald::MediaImagePreparer</name>
    <message>
        <source>&apos;%1&apos; is not a PNG, JPEG or GIF image.</source>
        <translation>&apos;%1&apos; no es una imagen PNG, JPEG ni GIF.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be read: %2</source>
        <translation>No se pudo leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes more than %2 even at %3×%4 px; the media library takes images of %2 at most. Save it as a JPEG, or smaller.</source>
        <translation>&apos;%1&apos; ocupa más de %2 incluso a %3×%4 px; la biblioteca de medios acepta imágenes de %2 como máximo. Guárdela como JPEG, o más pequeña.</translation>
    </message>
</context>
<context>
    <name>herald::MediaLibraryDialog</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Copy Reference</source>
        <translation>&amp;Copiar referencia</translation>
    </message>
    <message>
        <source>Choose an Image</source>
        <translation>Elegir una imagen</translation>
    </message>
    <message>
        <source>Media Library</source>
        <translation>Biblioteca de medios</translation>
    </message>
    <message>
        <source>Add PNG, JPEG or GIF images: wider than 1,200 px is scaled down, and each must take 1 MB at most</source>
        <translation>Añadir imágenes PNG, JPEG o GIF: las de más de 1.200 px de ancho se reducen, y cada una debe ocupar 1 MB como máximo</translation>
    </message>
    <message>
        <source>Copy media:NAME, the image&apos;s source in a template&apos;s HTML</source>
        <translation>Copiar media:NAME, la fuente de la imagen en el HTML de una plantilla</translation>
    </message>
    <message>
        <source>I&amp;nsert</source>
        <translation>I&amp;nsertar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
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
        <translation>La biblioteca de medios está vacía: importe imágenes PNG, JPEG o GIF para mostrarlas en las plantillas.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 in all, shared by everyone using this database.</source>
        <translation>
            <numerusform>%n imagen, %1 en total, compartida por todos los que usan esta base de datos.</numerusform>
            <numerusform>%n imágenes, %1 en total, compartidas por todos los que usan esta base de datos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Images</source>
        <translation>Importar imágenes</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n image(s)…</source>
        <translation>
            <numerusform>Importando %n imagen…</numerusform>
            <numerusform>Importando %n imágenes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled; %n image(s) imported before that.</source>
        <translation>
            <numerusform>Importación cancelada; antes se importó %n imagen.</numerusform>
            <numerusform>Importación cancelada; antes se importaron %n imágenes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) imported.</source>
        <translation>
            <numerusform>%n imagen importada.</numerusform>
            <numerusform>%n imágenes importadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported:
%1</source>
        <translation>No importadas:
%1</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>Quitar imagen</translation>
    </message>
    <message>
        <source>Remove the image &apos;%1&apos; from the media library? Messages already sent with it linked will no longer show it.</source>
        <translation>¿Quitar la imagen &apos;%1&apos; de la biblioteca de medios? Los mensajes ya enviados que la enlazan dejarán de mostrarla.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Removed &apos;%1&apos;.</source>
        <translation>Se quitó &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Copied %1: use it as an image&apos;s source in a template&apos;s HTML.</source>
        <translation>Copiado %1: úselo como fuente de una imagen en el HTML de una plantilla.</translation>
    </message>
</context>
<context>
    <name>herald::MediaRepository</name>
    <message>
        <source>An image of the media library needs a name.</source>
        <translation>Una imagen de la biblioteca de medios necesita un nombre.</translation>
    </message>
    <message>
        <source>Could not store the image &apos;%1&apos;</source>
        <translation>No se pudo guardar la imagen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The media library has an image named &apos;%1&apos; already.</source>
        <translation>La biblioteca de medios ya tiene una imagen llamada &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Could not read the media library</source>
        <translation>No se pudo leer la biblioteca de medios</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>No se pudo leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Could not read the image &apos;%1&apos;</source>
        <translation>No se pudo leer la imagen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The media library has no image named &apos;%1&apos;.</source>
        <translation>La biblioteca de medios no tiene ninguna imagen llamada &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The media library has no such image.</source>
        <translation>La biblioteca de medios no tiene esa imagen.</translation>
    </message>
    <message>
        <source>Could not find what uses the image &apos;%1&apos;</source>
        <translation>No se pudo averiguar qué usa la imagen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>template &apos;%1&apos;</source>
        <translation>la plantilla &apos;%1&apos;</translation>
    </message>
    <message>
        <source>campaign &apos;%1&apos;</source>
        <translation>la campaña &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; is still shown by %2; take it out of them first.</source>
        <translation>La imagen &apos;%1&apos; aún se muestra en %2; quítela de ahí primero.</translation>
    </message>
    <message>
        <source>Could not remove the image &apos;%1&apos;</source>
        <translation>No se pudo quitar la imagen &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::MessageBuilder</name>
    <message>
        <source>The %1 contains a line break; it would let the value add its own mail headers, so the message was not built.</source>
        <translation>El campo %1 contiene un salto de línea; permitiría que el valor añadiera sus propias cabeceras de correo, así que no se generó el mensaje.</translation>
    </message>
    <message>
        <source>The %1 &apos;%2&apos; %3.</source>
        <translation>El campo %1 &apos;%2&apos; %3.</translation>
    </message>
    <message>
        <source>The reply-to &apos;%1&apos; %2.</source>
        <translation>La dirección de respuesta &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>The message has neither a text nor an HTML body.</source>
        <translation>El mensaje no tiene cuerpo de texto ni HTML.</translation>
    </message>
    <message>
        <source>Addresses with non-ASCII characters before the &apos;@&apos; need SMTPUTF8, which Herald does not use yet.</source>
        <translation>Las direcciones con caracteres no ASCII antes de la &apos;@&apos; necesitan SMTPUTF8, que Herald aún no usa.</translation>
    </message>
</context>
<context>
    <name>herald::Migrator</name>
    <message>
        <source>Could not read the schema version</source>
        <translation>No se pudo leer la versión del esquema</translation>
    </message>
    <message>
        <source>This database has schema version %1, made by a newer Herald; this Herald knows versions up to %2. Update Herald to open it. The database was not changed.</source>
        <translation>Esta base de datos tiene la versión de esquema %1, creada por un Herald más reciente; este Herald conoce versiones hasta la %2. Actualice Herald para abrirla. La base de datos no se modificó.</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Falta la migración %1 en esta compilación.</translation>
    </message>
    <message>
        <source>Could not start migration %1</source>
        <translation>No se pudo iniciar la migración %1</translation>
    </message>
    <message>
        <source>Could not lock the schema for migration</source>
        <translation>No se pudo bloquear el esquema para la migración</translation>
    </message>
    <message>
        <source>Migration %1 (%2), statement %3 failed</source>
        <translation>Falló la migración %1 (%2), instrucción %3</translation>
    </message>
    <message>
        <source>Could not record migration %1</source>
        <translation>No se pudo registrar la migración %1</translation>
    </message>
    <message>
        <source>Could not commit migration %1</source>
        <translation>No se pudo confirmar la migración %1</translation>
    </message>
    <message>
        <source>Could not check who may update this database</source>
        <translation>No se pudo comprobar quién puede actualizar esta base de datos</translation>
    </message>
    <message>
        <source>This database needs updating to schema %1; ask an administrator (the owner, %2) to open it with Herald once.</source>
        <translation>Esta base de datos debe actualizarse al esquema %1; pida a un administrador (el propietario, %2) que la abra una vez con Herald.</translation>
    </message>
</context>
<context>
    <name>herald::MoveToServerDialog</name>
    <message>
        <source>Move to a Team Server</source>
        <translation>Trasladar a un servidor de equipo</translation>
    </message>
    <message>
        <source>Copies everything in %1 — nonprofits, templates, campaigns with their send history, metrics, providers (their secrets stay in this computer&apos;s keychain) — into an empty PostgreSQL database that a team shares. You become its first admin. Nothing here is changed or removed.</source>
        <translation>Copia todo lo que hay en %1 —organizaciones, plantillas, campañas con su historial de envíos, métricas, proveedores (sus secretos se quedan en el llavero de este equipo)— a una base de datos PostgreSQL vacía que comparte un equipo. Usted pasa a ser su primer administrador. Aquí no se cambia ni se elimina nada.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>From the keychain when empty</source>
        <translation>Del llavero si se deja vacío</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Add the team&apos;s PostgreSQL server as a profile first (Settings → Connection profiles → Add PostgreSQL server…), with a new, empty database.</source>
        <translation>Añada primero el servidor PostgreSQL del equipo como perfil (Configuración → Perfiles de conexión → Añadir servidor PostgreSQL…), con una base de datos nueva y vacía.</translation>
    </message>
    <message>
        <source>Each table&apos;s progress appears here when the move starts.</source>
        <translation>El progreso de cada tabla aparece aquí cuando empieza el traslado.</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Trasladar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n table(s)…</source>
        <translation>
            <numerusform>Copiando %n tabla…</numerusform>
            <numerusform>Copiando %n tablas…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 here = %2 on the server</source>
        <translation>%1 aquí = %2 en el servidor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitCache</name>
    <message>
        <source>Could not choose the nonprofits to keep offline</source>
        <translation>No se pudieron elegir las organizaciones que se guardan sin conexión</translation>
    </message>
    <message>
        <source>Could not read the segments</source>
        <translation>No se pudieron leer los segmentos</translation>
    </message>
    <message>
        <source>Could not clear the offline copy of the nonprofits</source>
        <translation>No se pudo vaciar la copia sin conexión de las organizaciones</translation>
    </message>
    <message>
        <source>Could not read the nonprofits to keep offline</source>
        <translation>No se pudieron leer las organizaciones que se guardan sin conexión</translation>
    </message>
    <message>
        <source>Could not keep nonprofit &apos;%1&apos; offline</source>
        <translation>No se pudo guardar sin conexión la organización &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not keep the tags of nonprofit &apos;%1&apos; offline</source>
        <translation>No se pudieron guardar sin conexión las etiquetas de la organización &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitDialog</name>
    <message>
        <source>Add Nonprofit</source>
        <translation>Añadir organización</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
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
        <translation>Separadas por comas, p. ej. gala-2026, alimentos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Dada de baja</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotada</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>Se quejó</translation>
    </message>
    <message>
        <source>Only active nonprofits receive campaigns.</source>
        <translation>Solo las organizaciones activas reciben campañas.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentimiento dado</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Interés legítimo</translation>
    </message>
    <message>
        <source>Postal &amp;code:</source>
        <translation>Código &amp;postal:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo:</translation>
    </message>
    <message>
        <source>E&amp;IN:</source>
        <translation>E&amp;IN:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>Ca&amp;lle:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>State/&amp;region:</source>
        <translation>Estado/&amp;región:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>Pa&amp;ís:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>E&amp;tiquetas:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Est&amp;ado:</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>C&amp;onsentimiento:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitImporter</name>
    <message>
        <source>The column mapping has %1 columns but the file has %2; map its columns again.</source>
        <translation>La correspondencia de columnas tiene %1 columnas, pero el archivo tiene %2; vuelva a asignar sus columnas.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitRepository</name>
    <message>
        <source>Could not update the tags of nonprofit #%1</source>
        <translation>No se pudieron actualizar las etiquetas de la organización n.º %1</translation>
    </message>
    <message>
        <source>Could not add tag &apos;%1&apos; to nonprofit #%2</source>
        <translation>No se pudo añadir la etiqueta &apos;%1&apos; a la organización n.º %2</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; is already used by &apos;%2&apos; (#%3).</source>
        <translation>El correo &apos;%1&apos; ya lo usa &apos;%2&apos; (n.º %3).</translation>
    </message>
    <message>
        <source>EIN %1 is already used by &apos;%2&apos; (#%3).</source>
        <translation>El EIN %1 ya lo usa &apos;%2&apos; (n.º %3).</translation>
    </message>
    <message>
        <source>Could not save nonprofit &apos;%1&apos;</source>
        <translation>No se pudo guardar la organización &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not check the suppression list for &apos;%1&apos;</source>
        <translation>No se pudo consultar la lista de exclusión para &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not add nonprofit &apos;%1&apos;</source>
        <translation>No se pudo añadir la organización &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Could not read nonprofit #%1</source>
        <translation>No se pudo leer la organización n.º %1</translation>
    </message>
    <message>
        <source>Nonprofit #%1 does not exist.</source>
        <translation>La organización n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not look up email &apos;%1&apos;</source>
        <translation>No se pudo buscar el correo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No nonprofit has the email &apos;%1&apos;.</source>
        <translation>Ninguna organización tiene el correo &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Could not delete nonprofit #%1</source>
        <translation>No se pudo eliminar la organización n.º %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not add tags to %n nonprofit(s)</source>
        <translation>
            <numerusform>No se pudieron añadir etiquetas a %n organización</numerusform>
            <numerusform>No se pudieron añadir etiquetas a %n organizaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not remove tags from %n nonprofit(s)</source>
        <translation>
            <numerusform>No se pudieron quitar etiquetas de %n organización</numerusform>
            <numerusform>No se pudieron quitar etiquetas de %n organizaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not count nonprofits</source>
        <translation>No se pudieron contar las organizaciones</translation>
    </message>
    <message>
        <source>Could not search nonprofits</source>
        <translation>No se pudieron buscar organizaciones</translation>
    </message>
    <message>
        <source>Could not read nonprofits</source>
        <translation>No se pudieron leer las organizaciones</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitRowParser</name>
    <message>
        <source>No column is mapped to the name.</source>
        <translation>Ninguna columna está asignada al nombre.</translation>
    </message>
    <message>
        <source>No column is mapped to the email address.</source>
        <translation>Ninguna columna está asignada a la dirección de correo.</translation>
    </message>
    <message>
        <source>Rows are matched by EIN, but no column is mapped to the EIN.</source>
        <translation>Las filas se emparejan por EIN, pero ninguna columna está asignada al EIN.</translation>
    </message>
    <message>
        <source>The record is longer than %1 MiB.</source>
        <translation>El registro ocupa más de %1 MiB.</translation>
    </message>
    <message>
        <source>A quoted field starts here and is never closed; the rest of the file was read into it.</source>
        <translation>Aquí empieza un campo entre comillas que nunca se cierra; el resto del archivo se leyó dentro de él.</translation>
    </message>
    <message>
        <source>The row is not valid UTF-8 text (save the file as UTF-8).</source>
        <translation>La fila no es texto UTF-8 válido (guarde el archivo como UTF-8).</translation>
    </message>
    <message>
        <source>The row has %1 columns; the header has %2.</source>
        <translation>La fila tiene %1 columnas; la cabecera tiene %2.</translation>
    </message>
    <message>
        <source>Status &apos;%1&apos; is not one of active, unsubscribed, bounced, complained.</source>
        <translation>El estado &apos;%1&apos; no es uno de active, unsubscribed, bounced, complained.</translation>
    </message>
    <message>
        <source>Rows are matched by EIN and this row has none.</source>
        <translation>Las filas se emparejan por EIN y esta fila no tiene.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>EIN</source>
        <translation>EIN</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State/Region</source>
        <translation>Estado/región</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; %2.</source>
        <translation>El correo &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>EIN &apos;%1&apos; is not nine digits (like 12-3456789).</source>
        <translation>El EIN &apos;%1&apos; no tiene nueve dígitos (como 12-3456789).</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; must be 1 to 64 characters without commas.</source>
        <translation>La etiqueta &apos;%1&apos; debe tener de 1 a 64 caracteres, sin comas.</translation>
    </message>
</context>
<context>
    <name>herald::NonprofitsPage</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln coincidencia</numerusform>
            <numerusform>%Ln coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln nonprofit(s)</source>
        <translation>
            <numerusform>%Ln organización</numerusform>
            <numerusform>%Ln organizaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln nonprofit(s)? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar %Ln organización? No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar %Ln organizaciones? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln nonprofit(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %Ln organización a %1.</numerusform>
            <numerusform>Se exportaron %Ln organizaciones a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Tag&amp;s…</source>
        <translation>Etiqueta&amp;s…</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacidad</translation>
    </message>
    <message>
        <source>Nonprofits</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Search name or email…</source>
        <translation>Buscar nombre o correo…</translation>
    </message>
    <message>
        <source>Add Nonprofit…</source>
        <translation>Añadir organización…</translation>
    </message>
    <message>
        <source>Edit Nonprofit…</source>
        <translation>Editar organización…</translation>
    </message>
    <message>
        <source>Delete Nonprofits</source>
        <translation>Eliminar organizaciones</translation>
    </message>
    <message>
        <source>Add a nonprofit</source>
        <translation>Añadir una organización</translation>
    </message>
    <message>
        <source>Edit the selected nonprofit</source>
        <translation>Editar la organización seleccionada</translation>
    </message>
    <message>
        <source>Delete the selected nonprofits</source>
        <translation>Eliminar las organizaciones seleccionadas</translation>
    </message>
    <message>
        <source>Tag Nonprofits…</source>
        <translation>Etiquetar organizaciones…</translation>
    </message>
    <message>
        <source>Add or remove tags on the selected nonprofits</source>
        <translation>Añadir o quitar etiquetas de las organizaciones seleccionadas</translation>
    </message>
    <message>
        <source>Export Personal Data…</source>
        <translation>Exportar datos personales…</translation>
    </message>
    <message>
        <source>Erase Personal Data…</source>
        <translation>Borrar datos personales…</translation>
    </message>
    <message>
        <source>GDPR requests about the selected nonprofit</source>
        <translation>Solicitudes RGPD sobre la organización seleccionada</translation>
    </message>
    <message>
        <source>Import Nonprofits…</source>
        <translation>Importar organizaciones…</translation>
    </message>
    <message>
        <source>Export Nonprofits…</source>
        <translation>Exportar organizaciones…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import nonprofits from a CSV file</source>
        <translation>Importar organizaciones desde un archivo CSV</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export the nonprofits shown to a CSV file</source>
        <translation>Exportar las organizaciones mostradas a un archivo CSV</translation>
    </message>
    <message>
        <source>No nonprofit matches the filters (%1).</source>
        <translation>Ninguna organización coincide con los filtros (%1).</translation>
    </message>
    <message>
        <source>No nonprofit has “%1” in its name or email.</source>
        <translation>Ninguna organización tiene “%1” en su nombre o correo.</translation>
    </message>
    <message>
        <source>No nonprofits yet. Press Add (%1) to enter the first one.</source>
        <translation>Aún no hay organizaciones. Pulse Añadir (%1) para introducir la primera.</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>¿Eliminar “%1”? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Import Nonprofits</source>
        <translation>Importar organizaciones</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Export Nonprofits</source>
        <translation>Exportar organizaciones</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Personal Data</source>
        <translation>Exportar datos personales</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Everything Herald holds about %1 was written to %2.</source>
        <translation>Todo lo que Herald guarda sobre %1 se escribió en %2.</translation>
    </message>
    <message>
        <source>Erase Personal Data</source>
        <translation>Borrar datos personales</translation>
    </message>
    <message>
        <source>Erase “%1” (%2)? The row, its tags and the addresses in its sent messages are deleted; only an anonymised entry stays on the suppression list so that the address is never mailed again. This cannot be undone.</source>
        <translation>¿Borrar “%1” (%2)? Se eliminan la fila, sus etiquetas y las direcciones de sus mensajes enviados; solo queda una entrada anonimizada en la lista de exclusión para que nunca se vuelva a escribir a esa dirección. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>%1 was erased; the address stays suppressed as an anonymised entry.</source>
        <translation>Se borró %1; la dirección sigue excluida como entrada anonimizada.</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln sample nonprofit(s), a template, a segment and a sender. Next: open Campaigns, select “Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider must be set up under Settings → Mail providers first).</source>
        <translation>
            <numerusform>Se cargó %Ln organización de ejemplo, una plantilla, un segmento y un remitente. Siguiente paso: abra Campañas, seleccione «Campaña de ejemplo», pulse Editar… y luego Envío de prueba… para enviarse un mensaje (antes debe configurar un proveedor de correo en Configuración → Proveedores de correo).</numerusform>
            <numerusform>Se cargaron %Ln organizaciones de ejemplo, una plantilla, un segmento y un remitente. Siguiente paso: abra Campañas, seleccione «Campaña de ejemplo», pulse Editar… y luego Envío de prueba… para enviarse un mensaje (antes debe configurar un proveedor de correo en Configuración → Proveedores de correo).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineBanner</name>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <source>&amp;Go Online</source>
        <translation>Co&amp;nectarse</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Trabajar sin conexión</translation>
    </message>
    <message>
        <source>Resolve &amp;Conflicts…</source>
        <translation>Resolver &amp;conflictos…</translation>
    </message>
    <message>
        <source>Stop Sync</source>
        <translation>Detener la sincronización</translation>
    </message>
    <message>
        <source>Sync &amp;Log…</source>
        <translation>&amp;Historial de sincronización…</translation>
    </message>
    <message>
        <source>Offline: %1 cannot be reached. Keep drafting templates and campaigns; they are kept on this computer and sync when the server is back. Sending, dashboards and imports need the server.</source>
        <translation>Sin conexión: no se puede contactar con %1. Siga preparando plantillas y campañas; se guardan en este equipo y se sincronizan cuando vuelva el servidor. Los envíos, el panel y las importaciones necesitan el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Próximo intento en %n segundo.</numerusform>
            <numerusform>Próximo intento en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is back. Syncing your drafts…</source>
        <translation>El servidor ha vuelto. Sincronizando sus borradores…</translation>
    </message>
    <message numerus="yes">
        <source>The server is back and your drafts are synced, except %n conflict(s) waiting for your decision.</source>
        <translation>
            <numerusform>El servidor ha vuelto y sus borradores están sincronizados, salvo %n conflicto que espera su decisión.</numerusform>
            <numerusform>El servidor ha vuelto y sus borradores están sincronizados, salvo %n conflictos que esperan su decisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is back and your drafts are synced.</source>
        <translation>El servidor ha vuelto y sus borradores están sincronizados.</translation>
    </message>
    <message>
        <source>%1 stopped answering. Save what you are editing, then work offline: your drafts stay on this computer until the server is back.</source>
        <translation>%1 ha dejado de responder. Guarde lo que está editando y trabaje sin conexión: sus borradores se quedan en este equipo hasta que vuelva el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) changed both here and on the server wait for your decision.</source>
        <translation>
            <numerusform>%n borrador modificado aquí y en el servidor espera su decisión.</numerusform>
            <numerusform>%n borradores modificados aquí y en el servidor esperan su decisión.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineController</name>
    <message>
        <source>Sync of the offline drafts failed: %1</source>
        <translation>Falló la sincronización de los borradores sin conexión: %1</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>El servidor no respondió.</translation>
    </message>
    <message>
        <source>Offline — drafts are kept on this computer</source>
        <translation>Sin conexión — los borradores se guardan en este equipo</translation>
    </message>
    <message>
        <source>%1 cannot be reached; Herald retries in the background.</source>
        <translation>No se puede contactar con %1; Herald lo reintenta en segundo plano.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Resolve Conflicts…</source>
        <translation>&amp;Resolver conflictos…</translation>
    </message>
    <message>
        <source>Sync &amp;Log…</source>
        <translation>&amp;Historial de sincronización…</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not sync; the sync log says why.</source>
        <translation>
            <numerusform>%n borrador no se pudo sincronizar; el historial de sincronización indica por qué.</numerusform>
            <numerusform>%n borradores no se pudieron sincronizar; el historial de sincronización indica por qué.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>No hay conflictos pendientes.</translation>
    </message>
    <message>
        <source>Sync Log</source>
        <translation>Historial de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) are kept on this computer: your role may not send them to the server; the sync log says why.</source>
        <translation>
            <numerusform>%n borrador se conserva en este equipo: su rol no puede enviarlo al servidor; el registro de sincronización explica por qué.</numerusform>
            <numerusform>%n borradores se conservan en este equipo: su rol no puede enviarlos al servidor; el registro de sincronización explica por qué.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OneClickUnsubscribe</name>
    <message>
        <source>Request too large</source>
        <translation>Solicitud demasiado grande</translation>
    </message>
    <message>
        <source>This request is larger than an unsubscribe request can be.</source>
        <translation>Esta solicitud es más grande de lo que puede ser una solicitud de baja.</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Método no permitido</translation>
    </message>
    <message>
        <source>Open the unsubscribe link in a browser.</source>
        <translation>Abra el enlace de baja en un navegador.</translation>
    </message>
    <message>
        <source>This link does not work</source>
        <translation>Este enlace no funciona</translation>
    </message>
    <message>
        <source>The unsubscribe link is incomplete or was changed. Open it again from the email you received, or reply to that email asking to be removed.</source>
        <translation>El enlace de baja está incompleto o se ha modificado. Ábralo de nuevo desde el correo que recibió, o responda a ese correo pidiendo que le den de baja.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Darse de baja</translation>
    </message>
    <message>
        <source>Press the button to stop receiving these emails.</source>
        <translation>Pulse el botón para dejar de recibir estos correos.</translation>
    </message>
    <message>
        <source>Request not understood</source>
        <translation>Solicitud no comprendida</translation>
    </message>
    <message>
        <source>An unsubscribe request must send List-Unsubscribe=One-Click as a form.</source>
        <translation>Una solicitud de baja debe enviar List-Unsubscribe=One-Click como formulario.</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>Inténtelo de nuevo</translation>
    </message>
    <message>
        <source>Your request could not be recorded just now. Please try again in a few minutes.</source>
        <translation>No se pudo registrar su solicitud en este momento. Inténtelo de nuevo dentro de unos minutos.</translation>
    </message>
    <message>
        <source>You are unsubscribed</source>
        <translation>Se ha dado de baja</translation>
    </message>
    <message>
        <source>You will receive no more of these emails.</source>
        <translation>Ya no recibirá más correos de este tipo.</translation>
    </message>
</context>
<context>
    <name>herald::PasswordDialog</name>
    <message>
        <source>Save password in the system keychain</source>
        <translation>Guardar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Contraseña para %1</translation>
    </message>
    <message>
        <source>Herald needs the password of user &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Herald necesita la contraseña del usuario &lt;b&gt;%1&lt;/b&gt; en &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Leave empty if the server needs none</source>
        <translation>Déjela vacía si el servidor no necesita ninguna</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
</context>
<context>
    <name>herald::PersonalDictionary</name>
    <message>
        <source>Could not read your dictionary %1: %2</source>
        <translation>No se pudo leer su diccionario %1: %2</translation>
    </message>
    <message>
        <source>Could not create the folder for your dictionary %1</source>
        <translation>No se pudo crear la carpeta de su diccionario %1</translation>
    </message>
    <message>
        <source>Could not save “%1” in your dictionary %2: %3</source>
        <translation>No se pudo guardar «%1» en su diccionario %2: %3</translation>
    </message>
</context>
<context>
    <name>herald::PhonePreview</name>
    <message>
        <source>Phone, %1 px wide: the message is %2 px wide and does not shrink, so readers scroll sideways (as here) or see it zoomed out.</source>
        <translation>Móvil de %1 px de ancho: el mensaje mide %2 px de ancho y no se reduce, así que los lectores se desplazan de lado (como aquí) o lo ven reducido.</translation>
    </message>
    <message>
        <source>Phone, %1 px wide: the message fits the screen.</source>
        <translation>Móvil de %1 px de ancho: el mensaje cabe en la pantalla.</translation>
    </message>
    <message>
        <source>Only %1 px of its width show here: widen this pane.</source>
        <translation>Aquí solo se ven %1 px de su ancho: ensanche este panel.</translation>
    </message>
</context>
<context>
    <name>herald::PlaceholderPage</name>
    <message>
        <source>This page is not built yet.</source>
        <translation>Esta página aún no está hecha.</translation>
    </message>
</context>
<context>
    <name>herald::PostgresCopy</name>
    <message>
        <source>Bulk loading needs a PostgreSQL connection.</source>
        <translation>La carga masiva necesita una conexión PostgreSQL.</translation>
    </message>
    <message numerus="yes">
        <source>Could not load %n row(s) into %1</source>
        <translation>
            <numerusform>No se pudo cargar %n fila en %1</numerusform>
            <numerusform>No se pudieron cargar %n filas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>herald::PreviewSender</name>
    <message>
        <source>Sample Sender (no sender identity yet)</source>
        <translation>Remitente de ejemplo (aún sin identidad de remitente)</translation>
    </message>
    <message>
        <source>[Sample postal address] 1 Example Street, Exampletown</source>
        <translation>[Dirección postal de ejemplo] Calle Ejemplo 1, Villaejemplo</translation>
    </message>
    <message>
        <source>Could not read the sender identities</source>
        <translation>No se pudieron leer las identidades de remitente</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
</context>
<context>
    <name>herald::ProfileDialog</name>
    <message>
        <source>Add PostgreSQL Server</source>
        <translation>Añadir servidor PostgreSQL</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>e.g. Office server</source>
        <translation>p. ej. Servidor de la oficina</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>Save password in the system keychain</source>
        <translation>Guardar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>verify-full checks the server&apos;s certificate and name, so a password never goes to an impostor. prefer is enough on this computer.</source>
        <translation>verify-full comprueba el certificado y el nombre del servidor, para que una contraseña nunca llegue a un impostor. prefer basta en este equipo.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Modo S&amp;SL:</translation>
    </message>
    <message>
        <source>Default for this host (%1)</source>
        <translation>Predeterminado para este servidor (%1)</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>El perfil necesita un nombre.</translation>
    </message>
    <message>
        <source>There is already a profile named &apos;%1&apos;.</source>
        <translation>Ya existe un perfil llamado &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The database name is not set.</source>
        <translation>No se ha indicado el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>Password Not Saved</source>
        <translation>Contraseña no guardada</translation>
    </message>
    <message>
        <source>Password Not Removed</source>
        <translation>Contraseña no eliminada</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
</context>
<context>
    <name>herald::ProgressRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>herald::ProviderDialog</name>
    <message>
        <source>Add Mail Provider</source>
        <translation>Añadir proveedor de correo</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>e.g. Office mail server</source>
        <translation>p. ej. Servidor de correo de la oficina</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <source>SendGrid (HTTP API)</source>
        <translation>SendGrid (API HTTP)</translation>
    </message>
    <message>
        <source>Implicit TLS (SMTPS, usually port 465)</source>
        <translation>TLS implícito (SMTPS, normalmente puerto 465)</translation>
    </message>
    <message>
        <source>STARTTLS, required (usually port 587)</source>
        <translation>STARTTLS obligatorio (normalmente puerto 587)</translation>
    </message>
    <message>
        <source>STARTTLS when offered</source>
        <translation>STARTTLS si se ofrece</translation>
    </message>
    <message>
        <source>None: plain text (test servers on this computer only)</source>
        <translation>Ninguno: texto sin cifrar (solo servidores de prueba en este equipo)</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>&amp;Verificar el certificado del servidor</translation>
    </message>
    <message>
        <source>Turn off only for a relay of your own with a self-made certificate.</source>
        <translation>Desactívelo solo para un relé propio con un certificado hecho por usted.</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the database.</source>
        <translation>Se guarda en el llavero del sistema, nunca en la base de datos.</translation>
    </message>
    <message>
        <source>%1 The secret is kept only until Herald closes.</source>
        <translation>%1 El secreto solo se conserva hasta que Herald se cierre.</translation>
    </message>
    <message>
        <source> msgs/s</source>
        <translation> mens./s</translation>
    </message>
    <message>
        <source>How many messages may go at once after a quiet spell.</source>
        <translation>Cuántos mensajes pueden salir a la vez tras un periodo tranquilo.</translation>
    </message>
    <message>
        <source>Lower is tried first; the others take over when it fails.</source>
        <translation>El más bajo se prueba primero; los demás toman el relevo cuando falla.</translation>
    </message>
    <message>
        <source>&amp;Use this provider</source>
        <translation>&amp;Usar este proveedor</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;uerto:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation>T&amp;LS:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Tasa:</translation>
    </message>
    <message>
        <source>&amp;Burst:</source>
        <translation>&amp;Ráfaga:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Conexiones:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>empty for api.sendgrid.com, or a proxy&apos;s address</source>
        <translation>vacío para api.sendgrid.com, o la dirección de un proxy</translation>
    </message>
    <message>
        <source>Secret Not Saved</source>
        <translation>Secreto no guardado</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Nuevo proveedor</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Conectando con %1:%2…</translation>
    </message>
    <message>
        <source>Asking SendGrid about the API key…</source>
        <translation>Consultando a SendGrid sobre la clave de API…</translation>
    </message>
    <message>
        <source>&amp;Sign with the sender domain&apos;s DKIM key (Settings → Sender domains)</source>
        <translation>&amp;Firmar con la clave DKIM del dominio del remitente (Configuración → Dominios de remitente)</translation>
    </message>
    <message>
        <source>Turn off for a provider that signs with its own DKIM key, as most mail APIs do.</source>
        <translation>Desactívelo para un proveedor que firma con su propia clave DKIM, como hacen la mayoría de las API de correo.</translation>
    </message>
    <message>
        <source>DKIM:</source>
        <translation>DKIM:</translation>
    </message>
    <message>
        <source>How many connections each sending process keeps open to this provider at once. Many providers limit this; more connections send faster.</source>
        <translation>Cuántas conexiones mantiene abiertas a la vez con este proveedor cada proceso que envía. Muchos proveedores lo limitan; más conexiones envían más rápido.</translation>
    </message>
</context>
<context>
    <name>herald::ProviderRepository</name>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Could not add provider &apos;%1&apos;</source>
        <translation>No se pudo añadir el proveedor &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not save provider &apos;%1&apos;</source>
        <translation>No se pudo guardar el proveedor &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; (#%2) was deleted by someone else; your changes were not saved.</source>
        <translation>Otra persona eliminó el proveedor &apos;%1&apos; (n.º %2); sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>Could not read provider #%1</source>
        <translation>No se pudo leer el proveedor n.º %1</translation>
    </message>
    <message>
        <source>Provider #%1 does not exist.</source>
        <translation>El proveedor n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read the providers</source>
        <translation>No se pudieron leer los proveedores</translation>
    </message>
    <message>
        <source>Could not delete provider #%1</source>
        <translation>No se pudo eliminar el proveedor n.º %1</translation>
    </message>
</context>
<context>
    <name>herald::ProviderStatusWriter</name>
    <message>
        <source>Could not record the state of the providers</source>
        <translation>No se pudo registrar el estado de los proveedores</translation>
    </message>
    <message>
        <source>Could not remove the provider states of stopped senders</source>
        <translation>No se pudieron eliminar los estados de proveedor de los emisores detenidos</translation>
    </message>
</context>
<context>
    <name>herald::ProviderValidator</name>
    <message>
        <source>Name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; needs the SMTP server&apos;s host name (like smtp.example.org).</source>
        <translation>El proveedor &apos;%1&apos; necesita el nombre del servidor SMTP (como smtp.example.org).</translation>
    </message>
    <message>
        <source>Host &apos;%1&apos; of provider &apos;%2&apos; has spaces in it.</source>
        <translation>El servidor &apos;%1&apos; del proveedor &apos;%2&apos; contiene espacios.</translation>
    </message>
    <message>
        <source>Port %1 of provider &apos;%2&apos; is not between 1 and 65535 (SMTP uses 587, 465 or 25).</source>
        <translation>El puerto %1 del proveedor &apos;%2&apos; no está entre 1 y 65535 (SMTP usa 587, 465 o 25).</translation>
    </message>
    <message>
        <source>The rate of provider &apos;%1&apos; must be more than 0 messages per second.</source>
        <translation>La tasa del proveedor &apos;%1&apos; debe ser mayor que 0 mensajes por segundo.</translation>
    </message>
    <message>
        <source>The burst of provider &apos;%1&apos; must be at least 1 message.</source>
        <translation>La ráfaga del proveedor &apos;%1&apos; debe ser de al menos 1 mensaje.</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; needs at least 1 connection.</source>
        <translation>El proveedor &apos;%1&apos; necesita al menos 1 conexión.</translation>
    </message>
</context>
<context>
    <name>herald::ProvidersPanel</name>
    <message>
        <source>Add pro&amp;vider…</source>
        <translation>Añadir pro&amp;veedor…</translation>
    </message>
    <message>
        <source>E&amp;dit provider…</source>
        <translation>E&amp;ditar proveedor…</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Quitar proveedor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail providers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Proveedores de correo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The SMTP servers and mail APIs Herald sends through, tried in order of priority; when one fails, the next takes over. Passwords and API keys are kept in the system keychain.</source>
        <translation>Los servidores SMTP y las API de correo a través de los que Herald envía, probados por orden de prioridad; cuando uno falla, el siguiente toma el relevo. Las contraseñas y claves de API se guardan en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
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
        <translation>%1 mens./s</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>In use, but no secret saved</source>
        <translation>En uso, pero sin secreto guardado</translation>
    </message>
    <message>
        <source>No provider yet: add your organisation&apos;s SMTP server or a SendGrid API key to send.</source>
        <translation>Aún no hay proveedor: añada el servidor SMTP de su organización o una clave de API de SendGrid para enviar.</translation>
    </message>
    <message>
        <source>Remove Provider</source>
        <translation>Quitar proveedor</translation>
    </message>
    <message>
        <source>Remove the provider “%1” (%2)? Its password or API key leaves the keychain too. Messages already sent through it are not touched.</source>
        <translation>¿Quitar el proveedor “%1” (%2)? Su contraseña o clave de API también sale del llavero. Los mensajes ya enviados a través de él no se tocan.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>“%1” was removed.</source>
        <translation>Se quitó “%1”.</translation>
    </message>
</context>
<context>
    <name>herald::QueueSampler</name>
    <message>
        <source>Could not read the queue samples</source>
        <translation>No se pudieron leer las muestras de la cola</translation>
    </message>
    <message>
        <source>Could not sample the queue</source>
        <translation>No se pudo tomar una muestra de la cola</translation>
    </message>
    <message>
        <source>Could not remove old queue samples</source>
        <translation>No se pudieron eliminar las muestras antiguas de la cola</translation>
    </message>
</context>
<context>
    <name>herald::RecentEngagementChart</name>
    <message>
        <source>Open rate</source>
        <translation>Tasa de apertura</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tasa de clics</translation>
    </message>
    <message>
        <source>Opens and clicks by people, recent campaigns</source>
        <translation>Aperturas y clics de personas, campañas recientes</translation>
    </message>
    <message>
        <source>% of messages delivered</source>
        <translation>% de los mensajes entregados</translation>
    </message>
    <message>
        <source>People only: opens and clicks by machines (link scanners, privacy proxies) are left out, as are campaigns without tracking. ~ Approximate (lighter bars): anonymous tracking counts every open and click, so a person who opens twice counts twice.</source>
        <translation>Solo personas: no se cuentan las aperturas y los clics de máquinas (analizadores de enlaces, proxies de privacidad) ni las campañas sin seguimiento. ~ Aproximado (barras más claras): el seguimiento anónimo cuenta cada apertura y cada clic, así que una persona que abre dos veces cuenta dos veces.</translation>
    </message>
    <message>
        <source>%1, %2: %3 % of %L4 messages delivered</source>
        <translation>%1, %2: %3 % de %L4 mensajes entregados</translation>
    </message>
    <message>
        <source>~ %1</source>
        <translation>~ %1</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (n.º %2)</translation>
    </message>
    <message>
        <source>No tracked campaigns yet</source>
        <translation>Aún no hay campañas con seguimiento</translation>
    </message>
</context>
<context>
    <name>herald::RecipientPages</name>
    <message>
        <source>This message is no longer available.</source>
        <translation>Este mensaje ya no está disponible.</translation>
    </message>
</context>
<context>
    <name>herald::SampleData</name>
    <message numerus="yes">
        <source>Removed the sample data: %n nonprofit(s)</source>
        <translation>
            <numerusform>Datos de ejemplo quitados: %n organización</numerusform>
            <numerusform>Datos de ejemplo quitados: %n organizaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n template(s)</source>
        <translation>
            <numerusform>, %n plantilla</numerusform>
            <numerusform>, %n plantillas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n segment(s)</source>
        <translation>
            <numerusform>, %n segmento</numerusform>
            <numerusform>, %n segmentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n sender identit(y/ies)</source>
        <translation>
            <numerusform>, %n identidad de remitente</numerusform>
            <numerusform>, %n identidades de remitente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n campaign(s).</source>
        <translation>
            <numerusform> y %n campaña.</numerusform>
            <numerusform> y %n campañas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not look for sample data</source>
        <translation>No se pudieron buscar los datos de ejemplo</translation>
    </message>
    <message>
        <source>Could not look at the database</source>
        <translation>No se pudo consultar la base de datos</translation>
    </message>
    <message>
        <source>Could not note a sample row</source>
        <translation>No se pudo registrar una fila de ejemplo</translation>
    </message>
    <message>
        <source>The sample data is already loaded. Remove it first (Help → Remove Sample Data).</source>
        <translation>Los datos de ejemplo ya están cargados. Quítelos primero (Ayuda → Quitar datos de ejemplo).</translation>
    </message>
    <message>
        <source>Could not look at the nonprofits</source>
        <translation>No se pudieron consultar las organizaciones</translation>
    </message>
    <message>
        <source>Could not note the sample nonprofits</source>
        <translation>No se pudieron registrar las organizaciones de ejemplo</translation>
    </message>
    <message>
        <source>Could not read the sample nonprofits</source>
        <translation>No se pudieron leer las organizaciones de ejemplo</translation>
    </message>
    <message numerus="yes">
        <source>Loading the sample data was cancelled after %n nonprofit(s); Help → Remove Sample Data takes them away.</source>
        <translation>
            <numerusform>La carga de los datos de ejemplo se canceló tras %n organización; Ayuda → Quitar datos de ejemplo la quita.</numerusform>
            <numerusform>La carga de los datos de ejemplo se canceló tras %n organizaciones; Ayuda → Quitar datos de ejemplo las quita.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample: Newsletter</source>
        <translation>Ejemplo: Boletín</translation>
    </message>
    <message>
        <source>News for {{name}}</source>
        <translation>Noticias para {{name}}</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Hello, {{name}}&lt;/h1&gt;
&lt;p&gt;This is a sample newsletter to the nonprofits of {{city}}. Change it on the Templates page: a field in double braces, like the name above, is &lt;b&gt;filled in&lt;/b&gt; for each recipient.&lt;/p&gt;
&lt;p&gt;With best wishes,&lt;br&gt;{{from_name}}&lt;/p&gt;
&lt;hr&gt;
&lt;p style=&quot;font-size:12px;color:#666&quot;&gt;{{postal_address}}&lt;br&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Unsubscribe&lt;/a&gt;&lt;/p&gt;
</source>
        <translation>&lt;h1&gt;Hola, {{name}}&lt;/h1&gt;
&lt;p&gt;Este es un boletín de ejemplo para las organizaciones de {{city}}. Cámbielo en la página Plantillas: un campo entre llaves dobles, como el nombre de arriba, se &lt;b&gt;rellena&lt;/b&gt; para cada destinatario.&lt;/p&gt;
&lt;p&gt;Un cordial saludo,&lt;br&gt;{{from_name}}&lt;/p&gt;
&lt;hr&gt;
&lt;p style=&quot;font-size:12px;color:#666&quot;&gt;{{postal_address}}&lt;br&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Darse de baja&lt;/a&gt;&lt;/p&gt;
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
        <translation>Hola, {{name}}

Este es un boletín de ejemplo para las organizaciones de {{city}}. Cámbielo en la página Plantillas: un campo entre llaves dobles, como el nombre de arriba, se rellena para cada destinatario.

Un cordial saludo,
{{from_name}}

--
{{postal_address}}
Darse de baja: {{unsubscribe_url}}
</translation>
    </message>
    <message>
        <source>Sample: Burlington area</source>
        <translation>Ejemplo: zona de Burlington</translation>
    </message>
    <message>
        <source>Sample sender</source>
        <translation>Remitente de ejemplo</translation>
    </message>
    <message>
        <source>Sample Nonprofit Network</source>
        <translation>Red de organizaciones de ejemplo</translation>
    </message>
    <message>
        <source>SAMPLE ADDRESS, 123 Example Street, Anytown (replace before a real send)</source>
        <translation>DIRECCIÓN DE EJEMPLO, 123 Example Street, Anytown (cámbiela antes de un envío real)</translation>
    </message>
    <message>
        <source>Sample campaign</source>
        <translation>Campaña de ejemplo</translation>
    </message>
    <message>
        <source>Could not remove the sample data</source>
        <translation>No se pudieron quitar los datos de ejemplo</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; stays: campaign &apos;%2&apos; was sent with it.</source>
        <translation>La plantilla &apos;%1&apos; se queda: la campaña &apos;%2&apos; se envió con ella.</translation>
    </message>
</context>
<context>
    <name>herald::SampleDataActions</name>
    <message>
        <source>Load Sample Data</source>
        <translation>Cargar datos de ejemplo</translation>
    </message>
    <message>
        <source>Loading the sample nonprofits…</source>
        <translation>Cargando las organizaciones de ejemplo…</translation>
    </message>
    <message>
        <source>Remove Sample Data</source>
        <translation>Quitar datos de ejemplo</translation>
    </message>
    <message>
        <source>Remove the sample nonprofits, template, segment, sender and campaign? What you added yourself stays.</source>
        <translation>¿Quitar las organizaciones, la plantilla, el segmento, el remitente y la campaña de ejemplo? Lo que usted añadió se conserva.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
</context>
<context>
    <name>herald::ScheduleSection</name>
    <message>
        <source>Send &amp;now</source>
        <translation>Enviar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;A las</translation>
    </message>
</context>
<context>
    <name>herald::SecretStore</name>
    <message>
        <source>The system keychain is turned off for this session.</source>
        <translation>El llavero del sistema está desactivado en esta sesión.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Herald will ask for passwords each session instead of saving them.</source>
        <translation>No hay llavero del sistema disponible (%1). Herald pedirá las contraseñas en cada sesión en lugar de guardarlas.</translation>
    </message>
    <message>
        <source>No password is saved for %1.</source>
        <translation>No hay contraseña guardada para %1.</translation>
    </message>
    <message>
        <source>Could not read %1 from the keychain: %2</source>
        <translation>No se pudo leer %1 del llavero: %2</translation>
    </message>
    <message>
        <source>Could not save %1 in the keychain: %2. It is kept for this session only.</source>
        <translation>No se pudo guardar %1 en el llavero: %2. Se conserva solo para esta sesión.</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain: %2</source>
        <translation>No se pudo quitar %1 del llavero: %2</translation>
    </message>
</context>
<context>
    <name>herald::SegmentFilterBar</name>
    <message>
        <source>Sa&amp;ve as Segment…</source>
        <translation>&amp;Guardar como segmento…</translation>
    </message>
    <message>
        <source>Delete Segment</source>
        <translation>Eliminar segmento</translation>
    </message>
    <message>
        <source>any tag, e.g. gala, food</source>
        <translation>cualquier etiqueta, p. ej. gala, alimentos</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Se&amp;gment:</source>
        <translation>Se&amp;gmento:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>E&amp;tiquetas:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>All nonprofits</source>
        <translation>Todas las organizaciones</translation>
    </message>
    <message>
        <source>Save as Segment</source>
        <translation>Guardar como segmento</translation>
    </message>
    <message>
        <source>Campaigns can use this segment as their audience. Name:</source>
        <translation>Las campañas pueden usar este segmento como audiencia. Nombre:</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? The nonprofits in it are not deleted.</source>
        <translation>¿Eliminar el segmento “%1”? Las organizaciones que contiene no se eliminan.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
</context>
<context>
    <name>herald::SegmentRepository</name>
    <message>
        <source>A segment needs a name.</source>
        <translation>Un segmento necesita un nombre.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Could not add segment &apos;%1&apos;</source>
        <translation>No se pudo añadir el segmento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not save segment &apos;%1&apos;</source>
        <translation>No se pudo guardar el segmento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not read segment #%1</source>
        <translation>No se pudo leer el segmento n.º %1</translation>
    </message>
    <message>
        <source>Segment #%1 does not exist.</source>
        <translation>El segmento n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read the segments</source>
        <translation>No se pudieron leer los segmentos</translation>
    </message>
    <message>
        <source>Could not delete segment #%1</source>
        <translation>No se pudo eliminar el segmento n.º %1</translation>
    </message>
    <message>
        <source>Could not count the segment</source>
        <translation>No se pudo contar el segmento</translation>
    </message>
</context>
<context>
    <name>herald::SendEngine</name>
    <message>
        <source>No sending provider is set up and enabled. Add one in Settings → Providers.</source>
        <translation>No hay ningún proveedor de envío configurado y activado. Añada uno en Configuración → Proveedores.</translation>
    </message>
</context>
<context>
    <name>herald::SendGridTransport</name>
    <message>
        <source>SendGrid at %1: %2</source>
        <translation>SendGrid en %1: %2</translation>
    </message>
    <message>
        <source>SendGrid refused the API key (401: %1). Check the key in the provider&apos;s settings.</source>
        <translation>SendGrid rechazó la clave de API (401: %1). Compruebe la clave en la configuración del proveedor.</translation>
    </message>
    <message>
        <source>SendGrid&apos;s API key may not do this (403: %1). Give the key the Mail Send permission.</source>
        <translation>La clave de API de SendGrid no tiene permiso para esto (403: %1). Dé a la clave el permiso Mail Send.</translation>
    </message>
    <message>
        <source>SendGrid at %1 answered %2: %3</source>
        <translation>SendGrid en %1 respondió %2: %3</translation>
    </message>
    <message>
        <source>Accepted by SendGrid (%1).</source>
        <translation>Aceptado por SendGrid (%1).</translation>
    </message>
    <message>
        <source>Accepted by SendGrid (%1), message id %2.</source>
        <translation>Aceptado por SendGrid (%1), id. de mensaje %2.</translation>
    </message>
    <message>
        <source>SendGrid accepted the API key, but it may not send mail: give it the Mail Send permission.</source>
        <translation>SendGrid aceptó la clave de API, pero no puede enviar correo: dele el permiso Mail Send.</translation>
    </message>
    <message numerus="yes">
        <source>SendGrid at %1 accepted the API key (%n permission(s), including Mail Send).</source>
        <translation>
            <numerusform>SendGrid en %1 aceptó la clave de API (%n permiso, incluido Mail Send).</numerusform>
            <numerusform>SendGrid en %1 aceptó la clave de API (%n permisos, incluido Mail Send).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendQueue</name>
    <message>
        <source>Could not queue campaign #%1</source>
        <translation>No se pudo poner en cola la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not claim messages to send</source>
        <translation>No se pudieron reservar mensajes para enviar</translation>
    </message>
    <message>
        <source>Could not read the recipients of claimed messages</source>
        <translation>No se pudieron leer los destinatarios de los mensajes reservados</translation>
    </message>
    <message numerus="yes">
        <source>Could not mark %n message(s) as being sent</source>
        <translation>
            <numerusform>No se pudo marcar %n mensaje como en envío</numerusform>
            <numerusform>No se pudieron marcar %n mensajes como en envío</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not return %n message(s) to the queue</source>
        <translation>
            <numerusform>No se pudo devolver %n mensaje a la cola</numerusform>
            <numerusform>No se pudieron devolver %n mensajes a la cola</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not record the outcome of %n message(s)</source>
        <translation>
            <numerusform>No se pudo registrar el resultado de %n mensaje</numerusform>
            <numerusform>No se pudo registrar el resultado de %n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add hard bounces to the suppression list</source>
        <translation>No se pudieron añadir los rebotes permanentes a la lista de exclusión</translation>
    </message>
    <message>
        <source>Could not mark bounced nonprofits</source>
        <translation>No se pudieron marcar las organizaciones rebotadas</translation>
    </message>
    <message>
        <source>The sender stopped while handing this message to the provider; it may or may not have been delivered.</source>
        <translation>El remitente se detuvo mientras entregaba este mensaje al proveedor; puede que se haya entregado o no.</translation>
    </message>
    <message>
        <source>Could not recover expired leases</source>
        <translation>No se pudieron recuperar las reservas caducadas</translation>
    </message>
    <message>
        <source>Could not resend messages of unknown outcome</source>
        <translation>No se pudieron reenviar los mensajes de resultado desconocido</translation>
    </message>
    <message>
        <source>Could not mark messages of unknown outcome as sent</source>
        <translation>No se pudieron marcar como enviados los mensajes de resultado desconocido</translation>
    </message>
    <message>
        <source>Could not complete finished campaigns</source>
        <translation>No se pudieron completar las campañas terminadas</translation>
    </message>
    <message>
        <source>Could not resolve messages of unknown outcome in campaign #%1</source>
        <translation>No se pudieron resolver los mensajes de resultado desconocido de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not reopen campaign #%1</source>
        <translation>No se pudo reabrir la campaña n.º %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not retry %n failed message(s) of campaign #%1</source>
        <translation>
            <numerusform>No se pudo reintentar %n mensaje fallido de la campaña n.º %1</numerusform>
            <numerusform>No se pudieron reintentar %n mensajes fallidos de la campaña n.º %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendRepository</name>
    <message>
        <source>Could not queue &apos;%1&apos; for campaign #%2</source>
        <translation>No se pudo poner en cola &apos;%1&apos; para la campaña n.º %2</translation>
    </message>
    <message>
        <source>The queue did not return the new send.</source>
        <translation>La cola no devolvió el nuevo envío.</translation>
    </message>
    <message>
        <source>Could not read send #%1</source>
        <translation>No se pudo leer el envío n.º %1</translation>
    </message>
    <message>
        <source>Send #%1 does not exist.</source>
        <translation>El envío n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read the send of campaign #%1 to nonprofit #%2</source>
        <translation>No se pudo leer el envío de la campaña n.º %1 a la organización n.º %2</translation>
    </message>
    <message>
        <source>Campaign #%1 has not queued nonprofit #%2.</source>
        <translation>La campaña n.º %1 no ha puesto en cola a la organización n.º %2.</translation>
    </message>
    <message>
        <source>Could not read the sends of campaign #%1</source>
        <translation>No se pudieron leer los envíos de la campaña n.º %1</translation>
    </message>
    <message>
        <source>Could not read when campaign #%1 was first delivered</source>
        <translation>No se pudo leer cuándo se entregó por primera vez la campaña n.º %1</translation>
    </message>
</context>
<context>
    <name>herald::SenderDomainCheck</name>
    <message>
        <source>No SPF record: receivers cannot tell which servers may send for %1. Publish one that names your mail servers (add include:… for a mail provider, as its documentation says).</source>
        <translation>No hay registro SPF: los receptores no pueden saber qué servidores pueden enviar en nombre de %1. Publique uno que indique sus servidores de correo (añada include:… para un proveedor de correo, según indique su documentación).</translation>
    </message>
    <message>
        <source>%1 SPF records: receivers treat more than one as an error (RFC 7208). Merge them into one.</source>
        <translation>%1 registros SPF: los receptores consideran un error que haya más de uno (RFC 7208). Combínelos en uno solo.</translation>
    </message>
    <message>
        <source>The SPF record ends in “+all”: it lets every server in the world send as %1. Use “~all”.</source>
        <translation>El registro SPF termina en “+all”: permite que cualquier servidor del mundo envíe como %1. Use “~all”.</translation>
    </message>
    <message>
        <source>SPF is published.</source>
        <translation>SPF está publicado.</translation>
    </message>
    <message>
        <source>Herald has no DKIM key for %1: generate or import one in Settings → Sender domains, then publish its record.</source>
        <translation>Herald no tiene ninguna clave DKIM para %1: genere o importe una en Configuración → Dominios de remitente y luego publique su registro.</translation>
    </message>
    <message>
        <source>No DKIM key is published at %1: receivers cannot check Herald&apos;s signatures.</source>
        <translation>No hay ninguna clave DKIM publicada en %1: los receptores no pueden verificar las firmas de Herald.</translation>
    </message>
    <message>
        <source>The published key is the one Herald signs with.</source>
        <translation>La clave publicada es la que Herald usa para firmar.</translation>
    </message>
    <message>
        <source>The published key is revoked (empty p=): every signature fails. Publish Herald&apos;s key.</source>
        <translation>La clave publicada está revocada (p= vacío): todas las firmas fallan. Publique la clave de Herald.</translation>
    </message>
    <message>
        <source>The published key is not the one Herald signs with: every signature fails. Replace it with Herald&apos;s key.</source>
        <translation>La clave publicada no es la que Herald usa para firmar: todas las firmas fallan. Sustitúyala por la clave de Herald.</translation>
    </message>
    <message>
        <source>No DMARC record: Gmail and Yahoo require one from bulk senders. Start with p=none and read the reports before tightening it.</source>
        <translation>No hay registro DMARC: Gmail y Yahoo lo exigen a los remitentes masivos. Empiece con p=none y lea los informes antes de endurecerlo.</translation>
    </message>
    <message>
        <source>%1 DMARC records: receivers ignore them all when there is more than one. Keep one.</source>
        <translation>%1 registros DMARC: los receptores los ignoran todos cuando hay más de uno. Conserve solo uno.</translation>
    </message>
    <message>
        <source>The DMARC record must start with v=DMARC1 and carry a policy p=none, p=quarantine or p=reject.</source>
        <translation>El registro DMARC debe empezar por v=DMARC1 y contener una política p=none, p=quarantine o p=reject.</translation>
    </message>
    <message>
        <source>DMARC is published (policy %1).</source>
        <translation>DMARC está publicado (política %1).</translation>
    </message>
    <message>
        <source>Could not ask DNS about %1: %2</source>
        <translation>No se pudo consultar el DNS sobre %1: %2</translation>
    </message>
</context>
<context>
    <name>herald::SenderDomainsPanel</name>
    <message>
        <source>&amp;Generate DKIM key</source>
        <translation>&amp;Generar clave DKIM</translation>
    </message>
    <message>
        <source>&amp;Import key…</source>
        <translation>&amp;Importar clave…</translation>
    </message>
    <message>
        <source>&amp;Copy record</source>
        <translation>&amp;Copiar registro</translation>
    </message>
    <message>
        <source>Check &amp;DNS</source>
        <translation>Comprobar &amp;DNS</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sender domains&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dominios de remitente&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Herald signs the mail of each domain your sender identities use with its DKIM key (the private key stays in the system keychain). Publish the TXT record below at your DNS host, then check that SPF, DKIM and DMARC pass: Gmail and Yahoo require all three from bulk senders.</source>
        <translation>Herald firma el correo de cada dominio que usan sus identidades de remitente con la clave DKIM de ese dominio (la clave privada se queda en el llavero del sistema). Publique el registro TXT de abajo en su servicio de DNS y luego compruebe que SPF, DKIM y DMARC son correctos: Gmail y Yahoo exigen los tres a los remitentes masivos.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Selector</translation>
    </message>
    <message>
        <source>DKIM key</source>
        <translation>Clave DKIM</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>The name of the DNS record: &lt;selector&gt;._domainkey.&lt;domain&gt;. A new key gets a new selector, so mail signed with the old key still verifies while it is delivered.</source>
        <translation>El nombre del registro DNS: &lt;selector&gt;._domainkey.&lt;domain&gt;. Una clave nueva recibe un selector nuevo, para que el correo firmado con la clave anterior se siga verificando mientras se entrega.</translation>
    </message>
    <message>
        <source>Look up the SPF, DKIM and DMARC records of every sender domain</source>
        <translation>Consultar los registros SPF, DKIM y DMARC de todos los dominios de remitente</translation>
    </message>
    <message>
        <source>Domain / record</source>
        <translation>Dominio / registro</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>DNS name</source>
        <translation>Nombre DNS</translation>
    </message>
    <message>
        <source>Found, or the record to publish</source>
        <translation>Encontrado, o el registro que debe publicar</translation>
    </message>
    <message>
        <source>Selector:</source>
        <translation>Selector:</translation>
    </message>
    <message>
        <source>DNS record to publish:</source>
        <translation>Registro DNS que debe publicar:</translation>
    </message>
    <message>
        <source>RSA, in the keychain</source>
        <translation>RSA, en el llavero</translation>
    </message>
    <message>
        <source>RSA, kept until Herald closes</source>
        <translation>RSA, se conserva hasta que Herald se cierre</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none: mail goes out unsigned</source>
        <translation>ninguna: el correo sale sin firmar</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin comprobar</translation>
    </message>
    <message>
        <source>all pass</source>
        <translation>todo correcto</translation>
    </message>
    <message>
        <source>No sender domains yet: add a sender identity (Campaigns → New campaign → sender) first.</source>
        <translation>Aún no hay dominios de remitente: primero añada una identidad de remitente (Campañas → Nueva campaña → remitente).</translation>
    </message>
    <message>
        <source>No DKIM key for %1 yet: generate or import one.</source>
        <translation>Aún no hay clave DKIM para %1: genere o importe una.</translation>
    </message>
    <message>
        <source>Replace DKIM Key</source>
        <translation>Sustituir la clave DKIM</translation>
    </message>
    <message>
        <source>%1 already has a DKIM key (selector %2). Herald signs with the new key from now on: publish its record before the next campaign, and keep the old record published for a few days.</source>
        <translation>%1 ya tiene una clave DKIM (selector %2). A partir de ahora Herald firma con la clave nueva: publique su registro antes de la próxima campaña y mantenga publicado el registro anterior durante unos días.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sustituir</translation>
    </message>
    <message>
        <source>Keep the current key</source>
        <translation>Conservar la clave actual</translation>
    </message>
    <message>
        <source>Generating a %1-bit RSA key for %2…</source>
        <translation>Generando una clave RSA de %1 bits para %2…</translation>
    </message>
    <message>
        <source>Import DKIM Private Key</source>
        <translation>Importar clave privada DKIM</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key *.private);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.key *.private);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 has a new %2-bit DKIM key. Publish the record above at your DNS host, then press Check DNS.</source>
        <translation>%1 tiene una nueva clave DKIM de %2 bits. Publique el registro de arriba en su servicio de DNS y luego pulse Comprobar DNS.</translation>
    </message>
    <message>
        <source>The TXT record for %1 is on the clipboard.</source>
        <translation>El registro TXT de %1 está en el portapapeles.</translation>
    </message>
    <message numerus="yes">
        <source>Asking DNS about %n domain(s)…</source>
        <translation>
            <numerusform>Consultando el DNS sobre %n dominio…</numerusform>
            <numerusform>Consultando el DNS sobre %n dominios…</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record passes.</source>
        <translation>Todos los registros son correctos.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) need attention: publish the values shown (hover a row for why).</source>
        <translation>
            <numerusform>%n registro requiere atención: publique los valores mostrados (pase el puntero sobre una fila para ver el motivo).</numerusform>
            <numerusform>%n registros requieren atención: publique los valores mostrados (pase el puntero sobre una fila para ver el motivo).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;Ed25519 key</source>
        <translation>Añadir clave &amp;Ed25519</translation>
    </message>
    <message>
        <source>A private RSA or Ed25519 key in PEM form (from opendkim-genkey, openssl or your mail provider); an Ed25519 key goes beside the domain&apos;s RSA key</source>
        <translation>Una clave privada RSA o Ed25519 en formato PEM (de opendkim-genkey, openssl o de su proveedor de correo); una clave Ed25519 se añade junto a la clave RSA del dominio</translation>
    </message>
    <message>
        <source>A second, Ed25519 key (RFC 8463) beside the RSA key, with a record of its own: mail carries both signatures, and receivers that do not know Ed25519 check the RSA one</source>
        <translation>Una segunda clave, Ed25519 (RFC 8463), junto a la clave RSA, con su propio registro: el correo lleva las dos firmas, y los receptores que no conocen Ed25519 comprueban la RSA</translation>
    </message>
    <message>
        <source>RSA + Ed25519, in the keychain</source>
        <translation>RSA + Ed25519, en el llavero</translation>
    </message>
    <message>
        <source>RSA + Ed25519, kept until Herald closes</source>
        <translation>RSA + Ed25519, se conservan hasta que Herald se cierre</translation>
    </message>
    <message>
        <source>%1 already has an Ed25519 DKIM key (selector %2). Herald signs with the new key from now on: publish its record before the next campaign, and keep the old record published for a few days.</source>
        <translation>%1 ya tiene una clave DKIM Ed25519 (selector %2). Herald firma con la nueva clave a partir de ahora: publique su registro antes de la próxima campaña y mantenga publicado el registro antiguo unos días.</translation>
    </message>
    <message>
        <source>Generating an Ed25519 key for %1…</source>
        <translation>Generando una clave Ed25519 para %1…</translation>
    </message>
    <message>
        <source>%1 has a new Ed25519 DKIM key beside its RSA key (selector %2). Publish both records above at your DNS host, then press Check DNS.</source>
        <translation>%1 tiene una nueva clave DKIM Ed25519 junto a su clave RSA (selector %2). Publique los dos registros de arriba en su proveedor de DNS y pulse Comprobar DNS.</translation>
    </message>
    <message>
        <source>The TXT records for %1 and %2 are on the clipboard.</source>
        <translation>Los registros TXT de %1 y %2 están en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>herald::SenderIdentity</name>
    <message>
        <source>A sender identity needs a name.</source>
        <translation>Una identidad de remitente necesita un nombre.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Sender email</source>
        <translation>Correo del remitente</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>Dirección de respuesta</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Enlace de baja</translation>
    </message>
    <message>
        <source>Sender email is required.</source>
        <translation>El correo del remitente es obligatorio.</translation>
    </message>
    <message>
        <source>Sender email &apos;%1&apos; %2.</source>
        <translation>El correo del remitente &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>Reply-to address &apos;%1&apos; %2.</source>
        <translation>La dirección de respuesta &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>Unsubscribe link &apos;%1&apos; is not a web address (https://…).</source>
        <translation>El enlace de baja &apos;%1&apos; no es una dirección web (https://…).</translation>
    </message>
</context>
<context>
    <name>herald::SenderIdentityDialog</name>
    <message>
        <source>New Sender Identity</source>
        <translation>Nueva identidad de remitente</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>e.g. Development office</source>
        <translation>p. ej. Oficina de desarrollo</translation>
    </message>
    <message>
        <source>From &amp;name:</source>
        <translation>&amp;Nombre del remitente:</translation>
    </message>
    <message>
        <source>Friends of the Library</source>
        <translation>Amigos de la Biblioteca</translation>
    </message>
    <message>
        <source>From &amp;email:</source>
        <translation>&amp;Correo del remitente:</translation>
    </message>
    <message>
        <source>news@example.org</source>
        <translation>news@example.org</translation>
    </message>
    <message>
        <source>&amp;Reply-to:</source>
        <translation>&amp;Responder a:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Bulk mail must show the sender&apos;s postal address (CAN-SPAM).</source>
        <translation>El correo masivo debe mostrar la dirección postal del remitente (CAN-SPAM).</translation>
    </message>
    <message>
        <source>&amp;Postal address:</source>
        <translation>Dirección &amp;postal:</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe link:</source>
        <translation>Enlace de &amp;baja:</translation>
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
        <translation>Identidad de remitente</translation>
    </message>
    <message>
        <source>Could not add sender identity &apos;%1&apos;</source>
        <translation>No se pudo añadir la identidad de remitente &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not save sender identity &apos;%1&apos;</source>
        <translation>No se pudo guardar la identidad de remitente &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not read sender identity #%1</source>
        <translation>No se pudo leer la identidad de remitente n.º %1</translation>
    </message>
    <message>
        <source>Sender identity #%1 does not exist.</source>
        <translation>La identidad de remitente n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read the sender identities</source>
        <translation>No se pudieron leer las identidades de remitente</translation>
    </message>
    <message>
        <source>Could not delete sender identity #%1</source>
        <translation>No se pudo eliminar la identidad de remitente n.º %1</translation>
    </message>
</context>
<context>
    <name>herald::SenderJob</name>
    <message>
        <source>No provider is available: every one is failing or paused by its circuit breaker.</source>
        <translation>No hay ningún proveedor disponible: todos fallan o su disyuntor los ha pausado.</translation>
    </message>
</context>
<context>
    <name>herald::SendingController</name>
    <message numerus="yes">
        <source>Sending from this computer through %n provider(s).</source>
        <translation>
            <numerusform>Enviando desde este equipo a través de %n proveedor.</numerusform>
            <numerusform>Enviando desde este equipo a través de %n proveedores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sending: no campaign is waiting.</source>
        <translation>Sin enviar: ninguna campaña está esperando.</translation>
    </message>
    <message>
        <source>Not sending: %1</source>
        <translation>Sin enviar: %1</translation>
    </message>
    <message>
        <source>Sending, with a problem: %1</source>
        <translation>Enviando, con un problema: %1</translation>
    </message>
    <message>
        <source>Stopping: returning unsent messages to the queue…</source>
        <translation>Deteniendo: devolviendo a la cola los mensajes no enviados…</translation>
    </message>
</context>
<context>
    <name>herald::SendingMonitor</name>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are queued again.</source>
        <translation>
            <numerusform>%n mensaje de resultado desconocido vuelve a estar en cola.</numerusform>
            <numerusform>%n mensajes de resultado desconocido vuelven a estar en cola.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are counted as sent.</source>
        <translation>
            <numerusform>%n mensaje de resultado desconocido se cuenta como enviado.</numerusform>
            <numerusform>%n mensajes de resultado desconocido se cuentan como enviados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed message(s) are queued again.</source>
        <translation>
            <numerusform>%n mensaje fallido vuelve a estar en cola.</numerusform>
            <numerusform>%n mensajes fallidos vuelven a estar en cola.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendingPage</name>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Not sending: no campaign is waiting.</source>
        <translation>Sin enviar: ninguna campaña está esperando.</translation>
    </message>
    <message>
        <source>No campaign is being sent. Queue one on the Campaigns page; it shows up here while it goes out.</source>
        <translation>No se está enviando ninguna campaña. Ponga una en cola en la página Campañas; aparecerá aquí mientras sale.</translation>
    </message>
    <message>
        <source>Bounces and complaints: %1</source>
        <translation>Rebotes y quejas: %1</translation>
    </message>
</context>
<context>
    <name>herald::SessionRole</name>
    <message>
        <source>Could not read what your login may do</source>
        <translation>No se pudo leer lo que su usuario puede hacer</translation>
    </message>
    <message>
        <source>The server does not know this login.</source>
        <translation>El servidor no conoce este usuario.</translation>
    </message>
    <message>
        <source>no Herald role</source>
        <translation>sin rol de Herald</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>proceso de envío</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lector</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>editor</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>remitente</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propietario</translation>
    </message>
    <message>
        <source>Editors, senders and administrators may add, change, import and delete nonprofits, segments, templates and campaign drafts.</source>
        <translation>Los editores, remitentes y administradores pueden añadir, cambiar, importar y eliminar organizaciones, segmentos, plantillas y borradores de campañas.</translation>
    </message>
    <message>
        <source>Senders and administrators may send test messages and queue, schedule, pause, resume and cancel campaigns.</source>
        <translation>Los remitentes y administradores pueden enviar mensajes de prueba y poner en cola, programar, pausar, reanudar y cancelar campañas.</translation>
    </message>
    <message>
        <source>Administrators may change providers, sender domains, DKIM keys and team settings, remove suppressions and erase personal data.</source>
        <translation>Los administradores pueden cambiar proveedores, dominios de envío, claves DKIM y ajustes del equipo, quitar supresiones y borrar datos personales.</translation>
    </message>
    <message>
        <source>%1 You are signed in as %2 (%3).</source>
        <translation>%1 Ha iniciado sesión como %2 (%3).</translation>
    </message>
    <message>
        <source>This computer: every right</source>
        <translation>Este equipo: todos los permisos</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Sesión de %1 (%2)</translation>
    </message>
</context>
<context>
    <name>herald::SettingsPage</name>
    <message>
        <source>Add &amp;PostgreSQL server…</source>
        <translation>Añadir servidor &amp;PostgreSQL…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>Hacer &amp;activo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connection profiles&lt;/b&gt;</source>
        <translation>&lt;b&gt;Perfiles de conexión&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Herald keeps its data on this computer, or on a PostgreSQL server your team shares. Passwords are kept in the system keychain, never in the settings file.</source>
        <translation>Herald guarda sus datos en este equipo o en un servidor PostgreSQL que comparte su equipo de trabajo. Las contraseñas se guardan en el llavero del sistema, nunca en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Open this profile when Herald starts</source>
        <translation>Abrir este perfil cuando se inicie Herald</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Open now; not at next start</source>
        <translation>Abierto ahora; no en el próximo inicio</translation>
    </message>
    <message>
        <source>Opens at next start</source>
        <translation>Se abre en el próximo inicio</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Changes to “%1” take effect when Herald opens it again.</source>
        <translation>Los cambios en “%1” se aplican cuando Herald lo vuelva a abrir.</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Quitar perfil</translation>
    </message>
    <message>
        <source>Remove the profile “%1” (%2)? Its saved password leaves the keychain too. The data on the server is not touched.</source>
        <translation>¿Quitar el perfil “%1” (%2)? Su contraseña guardada también sale del llavero. Los datos del servidor no se tocan.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Password Not Removed</source>
        <translation>Contraseña no eliminada</translation>
    </message>
    <message>
        <source>Herald keeps using “%1” until it closes; it opens “This computer” next time.</source>
        <translation>Herald sigue usando “%1” hasta que se cierre; la próxima vez abrirá “Este equipo”.</translation>
    </message>
    <message>
        <source>“%1” opens the next time Herald starts.</source>
        <translation>“%1” se abrirá la próxima vez que se inicie Herald.</translation>
    </message>
    <message>
        <source>Switch Profile</source>
        <translation>Cambiar de perfil</translation>
    </message>
    <message>
        <source>“%1” is now the active profile. Switch to it now? Herald closes this connection and opens %2.</source>
        <translation>“%1” es ahora el perfil activo. ¿Cambiar a él ahora? Herald cierra esta conexión y abre %2.</translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation>Cambiar ahora</translation>
    </message>
    <message>
        <source>At next start</source>
        <translation>En el próximo inicio</translation>
    </message>
</context>
<context>
    <name>herald::SharedRateBudget</name>
    <message>
        <source>Could not share the slow-down of provider &apos;%1&apos;</source>
        <translation>No se pudo compartir la ralentización del proveedor &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not draw from the shared send schedule of provider &apos;%1&apos;</source>
        <translation>No se pudo tomar del calendario de envío compartido del proveedor &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>herald::SideBySidePreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation>&amp;Escritorio</translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation>&amp;Texto sin formato</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Móvil</translation>
    </message>
    <message>
        <source>Subject: %1 (for %2)</source>
        <translation>Asunto: %1 (para %2)</translation>
    </message>
</context>
<context>
    <name>herald::SmtpTransport</name>
    <message>
        <source>SMTP %1:%2: %3</source>
        <translation>SMTP %1:%2: %3</translation>
    </message>
    <message>
        <source>the server refused the sender (%1)</source>
        <translation>el servidor rechazó el remitente (%1)</translation>
    </message>
    <message>
        <source>the connection broke while sending (%1)</source>
        <translation>la conexión se cortó durante el envío (%1)</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>el servidor cerró la conexión</translation>
    </message>
    <message numerus="yes">
        <source>no reply within %n second(s)</source>
        <translation>
            <numerusform>sin respuesta en %n segundo</numerusform>
            <numerusform>sin respuesta en %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SpellChecker</name>
    <message>
        <source>Spell checking is off for %1: the dictionary %2 is missing (install the package %3).</source>
        <translation>La revisión ortográfica está desactivada para %1: falta el diccionario %2 (instale el paquete %3).</translation>
    </message>
    <message>
        <source>Spell checking is off for %1: the dictionary %2 is not in UTF-8 (it is in %3).</source>
        <translation>La revisión ortográfica está desactivada para %1: el diccionario %2 no está en UTF-8 (está en %3).</translation>
    </message>
</context>
<context>
    <name>herald::SpellingMenu</name>
    <message>
        <source>No suggestions</source>
        <translation>Sin sugerencias</translation>
    </message>
    <message>
        <source>Add “%1” to Dictionary</source>
        <translation>Añadir «%1» al diccionario</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>Añadir al diccionario</translation>
    </message>
</context>
<context>
    <name>herald::SqliteBackup</name>
    <message>
        <source>Herald backs up only the database on this computer; for a PostgreSQL server use pg_dump (README.md, &quot;Backing up a team server&quot;).</source>
        <translation>Herald solo hace copias de seguridad de la base de datos de este equipo; para un servidor PostgreSQL use pg_dump (README.md, «Backing up a team server»).</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or overwrite it (--force).</source>
        <translation>%1 ya existe; elija otro archivo o sobrescríbalo (--force).</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database it copies.</source>
        <translation>Una copia de seguridad no puede sobrescribir la base de datos que copia.</translation>
    </message>
    <message>
        <source>The SQLite connection cannot be backed up (no sqlite3 handle).</source>
        <translation>No se puede hacer copia de seguridad de la conexión SQLite (no hay identificador sqlite3).</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>No se pudo crear %1: %2</translation>
    </message>
    <message>
        <source>Could not start reading the database: %1</source>
        <translation>No se pudo empezar a leer la base de datos: %1</translation>
    </message>
    <message>
        <source>Could not start the backup: %1</source>
        <translation>No se pudo iniciar la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>Se canceló la copia de seguridad; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La copia de seguridad falló: %1</translation>
    </message>
    <message>
        <source>Could not replace %1</source>
        <translation>No se pudo reemplazar %1</translation>
    </message>
    <message>
        <source>Could not move the backup into place at %1</source>
        <translation>No se pudo colocar la copia de seguridad en %1</translation>
    </message>
</context>
<context>
    <name>herald::StagedNonprofitMerge</name>
    <message>
        <source>Could not check the batch for keys used by other rows</source>
        <translation>No se pudo comprobar si el lote tiene claves usadas por otras filas</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation>&apos;%1&apos; (n.º %2)</translation>
    </message>
    <message>
        <source>EIN %1 is already used by %2.</source>
        <translation>El EIN %1 ya lo usa %2.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; is already used by %2.</source>
        <translation>El correo &apos;%1&apos; ya lo usa %2.</translation>
    </message>
    <message>
        <source>Could not set aside rows whose key another row holds</source>
        <translation>No se pudieron apartar las filas cuya clave tiene otra fila</translation>
    </message>
    <message>
        <source>Could not check the batch against erased addresses</source>
        <translation>No se pudo comparar el lote con las direcciones borradas</translation>
    </message>
    <message>
        <source>Could not store the batch</source>
        <translation>No se pudo guardar el lote</translation>
    </message>
    <message>
        <source>Could not replace the tags of the batch</source>
        <translation>No se pudieron reemplazar las etiquetas del lote</translation>
    </message>
</context>
<context>
    <name>herald::StarterChooserDialog</name>
    <message>
        <source>New Template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>En blanco</translation>
    </message>
    <message>
        <source>An empty template: you write everything.</source>
        <translation>Una plantilla vacía: usted lo escribe todo.</translation>
    </message>
    <message>
        <source>Start from a blank template or a starter design. Starters use your organisation&apos;s colour, logo and name (Settings → Branding) and have the unsubscribe link and postal address in place.</source>
        <translation>Empiece con una plantilla en blanco o con un diseño inicial. Los diseños iniciales usan el color, el logotipo y el nombre de su organización (Configuración → Identidad visual) y ya incluyen el enlace de baja y la dirección postal.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>An empty template.</source>
        <translation>Una plantilla vacía.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
</context>
<context>
    <name>herald::StarterDesigns</name>
    <message>
        <source>This season at %1</source>
        <translation>Esta temporada en %1</translation>
    </message>
    <message>
        <source>Dear friends at {{name}},</source>
        <translation>Queridos amigos de {{name}},</translation>
    </message>
    <message>
        <source>Thank you for being part of our community. Here is a short look at what we have done together these past months, and what comes next.</source>
        <translation>Gracias por formar parte de nuestra comunidad. Aquí tienen un breve resumen de lo que hemos hecho juntos estos meses y de lo que viene.</translation>
    </message>
    <message>
        <source>What we achieved together</source>
        <translation>Lo que logramos juntos</translation>
    </message>
    <message>
        <source>Our volunteers gave more than 1,200 hours of their time.</source>
        <translation>Nuestros voluntarios dedicaron más de 1.200 horas de su tiempo.</translation>
    </message>
    <message>
        <source>Forty families found support when they needed it most.</source>
        <translation>Cuarenta familias encontraron apoyo cuando más lo necesitaban.</translation>
    </message>
    <message>
        <source>Two new partners joined our work in the neighbourhood.</source>
        <translation>Dos nuevas entidades se sumaron a nuestro trabajo en el barrio.</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>Próximamente</translation>
    </message>
    <message>
        <source>This autumn we start a mentoring programme, and we would love your ideas and your help to shape it.</source>
        <translation>Este otoño empezamos un programa de mentoría y nos encantaría contar con sus ideas y su ayuda para darle forma.</translation>
    </message>
    <message>
        <source>Read the full update</source>
        <translation>Leer la noticia completa</translation>
    </message>
    <message>
        <source>With warm wishes,</source>
        <translation>Con nuestros mejores deseos,</translation>
    </message>
    <message>
        <source>News from %1</source>
        <translation>Noticias de %1</translation>
    </message>
    <message>
        <source>You&apos;re invited</source>
        <translation>Están invitados</translation>
    </message>
    <message>
        <source>Join us for an evening of stories, music and good company as we celebrate what we have built together this year.</source>
        <translation>Acompáñennos en una velada de historias, música y buena compañía para celebrar lo que hemos construido juntos este año.</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Cuándo:</translation>
    </message>
    <message>
        <source>Thursday, 6 to 8 pm</source>
        <translation>Jueves, de 18:00 a 20:00</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Community Hall, 12 Market Street</source>
        <translation>Centro Cívico, calle Mayor 12</translation>
    </message>
    <message>
        <source>Reserve your place</source>
        <translation>Reserve su plaza</translation>
    </message>
    <message>
        <source>Bring a colleague: everyone is welcome, and refreshments are on us.</source>
        <translation>Traigan a un compañero: todos son bienvenidos, y el refrigerio corre de nuestra cuenta.</translation>
    </message>
    <message>
        <source>We look forward to seeing you,</source>
        <translation>Esperamos verles allí,</translation>
    </message>
    <message>
        <source>You&apos;re invited: an evening with %1</source>
        <translation>Están invitados: una velada con %1</translation>
    </message>
    <message>
        <source>Together we can do more</source>
        <translation>Juntos podemos hacer más</translation>
    </message>
    <message>
        <source>Every week, people in our community turn to us for help. This year we want to say yes to every one of them, and we cannot do it alone.</source>
        <translation>Cada semana, personas de nuestra comunidad acuden a nosotros en busca de ayuda. Este año queremos decir que sí a cada una de ellas, y no podemos hacerlo solos.</translation>
    </message>
    <message>
        <source>A gift of any size goes straight to the work: meals served, classes taught, families supported.</source>
        <translation>Cualquier donación, sea del tamaño que sea, va directa a nuestro trabajo: comidas servidas, clases impartidas, familias acompañadas.</translation>
    </message>
    <message>
        <source>Give today</source>
        <translation>Donar hoy</translation>
    </message>
    <message>
        <source>Thank you for standing with us.</source>
        <translation>Gracias por estar a nuestro lado.</translation>
    </message>
    <message>
        <source>With gratitude,</source>
        <translation>Con gratitud,</translation>
    </message>
    <message>
        <source>Will you help us reach our goal this year?</source>
        <translation>¿Nos ayudan a alcanzar nuestra meta este año?</translation>
    </message>
    <message>
        <source>Big news to share</source>
        <translation>Una gran noticia</translation>
    </message>
    <message>
        <source>We wanted you to hear it from us first: next month we open a second centre, so we can welcome twice as many people.</source>
        <translation>Queríamos que lo supieran por nosotros primero: el mes que viene abrimos un segundo centro para acoger al doble de personas.</translation>
    </message>
    <message>
        <source>Nothing changes in how you reach us, and everything we do together goes on as before.</source>
        <translation>Nada cambia en la forma de contactarnos, y todo lo que hacemos juntos sigue como siempre.</translation>
    </message>
    <message>
        <source>Find out more</source>
        <translation>Más información</translation>
    </message>
    <message>
        <source>Warm regards,</source>
        <translation>Un cordial saludo,</translation>
    </message>
    <message>
        <source>News from %1: we are growing</source>
        <translation>Noticias de %1: crecemos</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Boletín</translation>
    </message>
    <message>
        <source>News of the season: what you achieved together and what comes next.</source>
        <translation>Las noticias de la temporada: lo que lograron juntos y lo que viene.</translation>
    </message>
    <message>
        <source>Event invitation</source>
        <translation>Invitación a un evento</translation>
    </message>
    <message>
        <source>An invitation with when and where, and a button to reply.</source>
        <translation>Una invitación con el cuándo y el dónde, y un botón para responder.</translation>
    </message>
    <message>
        <source>Fundraising appeal</source>
        <translation>Campaña de donaciones</translation>
    </message>
    <message>
        <source>A warm request for support, with a button to give.</source>
        <translation>Una cálida petición de apoyo, con un botón para donar.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>One piece of news, told simply, with a link to more.</source>
        <translation>Una noticia contada con sencillez, con un enlace para saber más.</translation>
    </message>
    <message>
        <source>There is no starter design &apos;%1&apos;. The starters are: %2.</source>
        <translation>No hay ningún diseño inicial «%1». Los diseños iniciales son: %2.</translation>
    </message>
</context>
<context>
    <name>herald::StarterLayout</name>
    <message>
        <source>The team at %1</source>
        <comment>who signs a starter message</comment>
        <translation>El equipo de %1</translation>
    </message>
    <message>
        <source>You receive this email because {{name}} is in touch with %1.</source>
        <translation>Recibe este correo porque {{name}} está en contacto con %1.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <comment>the link in the footer of a starter message</comment>
        <translation>Darse de baja</translation>
    </message>
</context>
<context>
    <name>herald::StoredRow</name>
    <message>
        <source>Could not read %1 #%2</source>
        <translation>No se pudo leer %1 n.º %2</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; (#%3) was deleted by someone else; your changes were not saved.</source>
        <translation>Otra persona eliminó %1 &apos;%2&apos; (n.º %3); sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; (#%3) was changed by someone else since you opened it (your version %4, now %5). Reload it to see their changes.</source>
        <translation>Otra persona cambió %1 &apos;%2&apos; (n.º %3) desde que lo abrió (su versión %4, ahora %5). Vuelva a cargarlo para ver sus cambios.</translation>
    </message>
    <message>
        <source>%1 name &apos;%2&apos; is already used by &apos;%3&apos; (#%4).</source>
        <translation>El nombre de %1 &apos;%2&apos; ya lo usa &apos;%3&apos; (n.º %4).</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionBatch</name>
    <message>
        <source>The row cannot be read as %1 columns of UTF-8 text.</source>
        <translation>La fila no se puede leer como %1 columnas de texto UTF-8.</translation>
    </message>
    <message>
        <source>Email &apos;%1&apos; %2.</source>
        <translation>El correo &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>Reason &apos;%1&apos; is not one of unsubscribed, hard_bounce, complaint, manual.</source>
        <translation>El motivo &apos;%1&apos; no es uno de unsubscribed, hard_bounce, complaint, manual.</translation>
    </message>
    <message>
        <source>Date &apos;%1&apos; is not an ISO 8601 date (like 2026-03-01T12:00:00Z).</source>
        <translation>La fecha &apos;%1&apos; no es una fecha ISO 8601 (como 2026-03-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>Could not add the batch to the suppression list</source>
        <translation>No se pudo añadir el lote a la lista de exclusión</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionDialog</name>
    <message>
        <source>Suppress an Address</source>
        <translation>Excluir una dirección</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <source>e.g. asked by phone on 3 March</source>
        <translation>p. ej., lo pidió por teléfono el 3 de marzo</translation>
    </message>
    <message>
        <source>Herald never mails a suppressed address: it is left out whenever a campaign is queued.</source>
        <translation>Herald nunca escribe a una dirección excluida: se deja fuera cada vez que se pone en cola una campaña.</translation>
    </message>
    <message>
        <source>Kept as the entry&apos;s source; left empty, your user name is.</source>
        <translation>Se guarda como origen de la entrada; si se deja vacío, se guarda su nombre de usuario.</translation>
    </message>
    <message>
        <source>Email &amp;address:</source>
        <translation>&amp;Dirección de correo:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>&amp;Suppress</source>
        <translation>&amp;Excluir</translation>
    </message>
    <message>
        <source>%1 is already suppressed (%2, since %3).</source>
        <translation>%1 ya está excluida (%2, desde %3).</translation>
    </message>
    <message>
        <source>%1 is already suppressed.</source>
        <translation>%1 ya está excluida.</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionImporter</name>
    <message>
        <source>%1 has no &apos;email&apos; column.</source>
        <translation>%1 no tiene columna &apos;email&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionRepository</name>
    <message>
        <source>Email &apos;%1&apos; %2, so it cannot be suppressed.</source>
        <translation>El correo &apos;%1&apos; %2, así que no se puede excluir.</translation>
    </message>
    <message>
        <source>Could not suppress &apos;%1&apos;</source>
        <translation>No se pudo excluir &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not lift the suppression of &apos;%1&apos;</source>
        <translation>No se pudo levantar la exclusión de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not look up the suppression of &apos;%1&apos;</source>
        <translation>No se pudo consultar la exclusión de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not suppressed.</source>
        <translation>&apos;%1&apos; no está excluida.</translation>
    </message>
    <message>
        <source>Could not count the suppressions</source>
        <translation>No se pudieron contar las exclusiones</translation>
    </message>
    <message>
        <source>Could not read the suppressions</source>
        <translation>No se pudieron leer las exclusiones</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionTableModel</name>
    <message>
        <source>Erased address (anonymised)</source>
        <translation>Dirección borrada (anonimizada)</translation>
    </message>
    <message>
        <source>Erased on request; kept as %1 so that the address is never mailed again.</source>
        <translation>Borrada a petición; se guarda como %1 para no volver a escribir nunca a la dirección.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadida</translation>
    </message>
</context>
<context>
    <name>herald::SuppressionsPage</name>
    <message>
        <source>Search addresses…</source>
        <translation>Buscar direcciones…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Suppression List</source>
        <translation>Lista de exclusión</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Todos los motivos</translation>
    </message>
    <message>
        <source>Suppress an Address…</source>
        <translation>Excluir una dirección…</translation>
    </message>
    <message>
        <source>Import Suppression List…</source>
        <translation>Importar lista de exclusión…</translation>
    </message>
    <message>
        <source>Export Suppression List…</source>
        <translation>Exportar lista de exclusión…</translation>
    </message>
    <message>
        <source>Remove from the Suppression List</source>
        <translation>Quitar de la lista de exclusión</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>Suppress an address by hand</source>
        <translation>Excluir una dirección a mano</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Add the addresses of a CSV file</source>
        <translation>Añadir las direcciones de un archivo CSV</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export the entries shown to a CSV file</source>
        <translation>Exportar las entradas mostradas a un archivo CSV</translation>
    </message>
    <message>
        <source>Lift the suppression of the selected addresses</source>
        <translation>Levantar la exclusión de las direcciones seleccionadas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln suppressed address(es)</source>
        <translation>
            <numerusform>%Ln dirección excluida</numerusform>
            <numerusform>%Ln direcciones excluidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln coincidencia</numerusform>
            <numerusform>%Ln coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>No suppressed address contains “%1”.</source>
        <translation>Ninguna dirección excluida contiene “%1”.</translation>
    </message>
    <message>
        <source>No address is suppressed for the reason “%1”.</source>
        <translation>Ninguna dirección está excluida por el motivo “%1”.</translation>
    </message>
    <message>
        <source>Nothing is suppressed yet. Addresses arrive here when someone unsubscribes, a message bounces hard or a complaint comes in; Add (%1) suppresses one by hand.</source>
        <translation>Todavía no hay nada excluido. Las direcciones llegan aquí cuando alguien se da de baja, un mensaje rebota de forma permanente o llega una queja; Añadir (%1) excluye una a mano.</translation>
    </message>
    <message>
        <source>%1 is suppressed: no campaign will mail it.</source>
        <translation>%1 está excluida: ninguna campaña le escribirá.</translation>
    </message>
    <message>
        <source>Lift the suppression of %1? Herald will mail it again in every campaign whose audience includes it.</source>
        <translation>¿Levantar la exclusión de %1? Herald volverá a escribirle en cada campaña cuya audiencia la incluya.</translation>
    </message>
    <message numerus="yes">
        <source>Lift the suppression of %Ln address(es)? Herald will mail them again in every campaign whose audience includes them.</source>
        <translation>
            <numerusform>¿Levantar la exclusión de %Ln dirección? Herald volverá a escribirle en cada campaña cuya audiencia la incluya.</numerusform>
            <numerusform>¿Levantar la exclusión de %Ln direcciones? Herald volverá a escribirles en cada campaña cuya audiencia las incluya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them stand(s) for erased addresses. Herald keeps only their anonymised form so that a person who asked to be forgotten is never mailed again; without it, importing the address again would make it mailable.</source>
        <translation>
            <numerusform>%Ln de ellas corresponde a una dirección borrada. Herald solo guarda su forma anonimizada para no volver a escribir nunca a una persona que pidió ser olvidada; sin ella, importar de nuevo la dirección permitiría volver a escribirle.</numerusform>
            <numerusform>%Ln de ellas corresponden a direcciones borradas. Herald solo guarda su forma anonimizada para no volver a escribir nunca a una persona que pidió ser olvidada; sin ella, importar de nuevo la dirección permitiría volver a escribirle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Remove Suppressions</source>
        <translation>Quitar exclusiones</translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) can be mailed again.</source>
        <translation>
            <numerusform>Ya se puede volver a escribir a %Ln dirección.</numerusform>
            <numerusform>Ya se puede volver a escribir a %Ln direcciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Suppression List</source>
        <translation>Importar lista de exclusión</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import Suppression List from %1</source>
        <translation>Importar lista de exclusión desde %1</translation>
    </message>
    <message>
        <source>Export Suppression List</source>
        <translation>Exportar lista de exclusión</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln address(es) to %1.</source>
        <translation>
            <numerusform>Se exportó %Ln dirección a %1.</numerusform>
            <numerusform>Se exportaron %Ln direcciones a %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SyncConflictDialog</name>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Conservar la &amp;mía</translation>
    </message>
    <message>
        <source>Keep the &amp;Server&apos;s</source>
        <translation>Conservar la del &amp;servidor</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>Conservar &amp;ambas</translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Yours (this computer)</source>
        <translation>La suya (este equipo)</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Your version replaces the server&apos;s.</source>
        <translation>Su versión sustituye a la del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s version replaces yours on this computer.</source>
        <translation>La versión del servidor sustituye a la suya en este equipo.</translation>
    </message>
    <message>
        <source>Keeps the server&apos;s version and yours as a new draft of its own.</source>
        <translation>Conserva la versión del servidor y la suya como un borrador nuevo aparte.</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>Decidir &amp;después</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Versión de la plantilla</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Dirección del remitente</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Enlace de baja</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Programada para</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Creado por</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Unknown outcomes</source>
        <translation>Resultados desconocidos</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definición</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Cuerpo HTML</translation>
    </message>
    <message>
        <source>Plain-text body</source>
        <translation>Cuerpo en texto sin formato</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmento: %1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>You changed it here, and on the server it was queued for sending since the last sync.</source>
        <translation>Lo cambió aquí y, desde la última sincronización, en el servidor se puso en cola para enviarlo.</translation>
    </message>
    <message>
        <source>It was changed both here and on the server since the last sync.</source>
        <translation>Se cambió aquí y en el servidor desde la última sincronización.</translation>
    </message>
    <message>
        <source>You changed it here, and someone deleted it on the server.</source>
        <translation>Lo cambió aquí y alguien lo eliminó en el servidor.</translation>
    </message>
    <message>
        <source>You deleted it here, and someone changed it on the server.</source>
        <translation>Lo eliminó aquí y alguien lo cambió en el servidor.</translation>
    </message>
    <message>
        <source>Conflict %1 of %2 — %3 &apos;%4&apos;. %5 Nothing has been overwritten; choose which version to keep.</source>
        <translation>Conflicto %1 de %2 — %3 &apos;%4&apos;. %5 No se ha sobrescrito nada; elija qué versión conservar.</translation>
    </message>
    <message>
        <source>&lt;p&gt;No bodies to compare.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No hay cuerpos que comparar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Lines marked − are only in yours, + only on the server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Las líneas marcadas con − solo están en la suya; las marcadas con +, solo en el servidor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>It was queued on the server; keep both to keep yours as a new draft.</source>
        <translation>Se puso en cola en el servidor; conserve ambas para guardar la suya como un borrador nuevo.</translation>
    </message>
    <message>
        <source>Opens and clicks</source>
        <translation>Aperturas y clics</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
</context>
<context>
    <name>herald::SyncEngine</name>
    <message>
        <source>changed here and on the server</source>
        <translation>cambiado aquí y en el servidor</translation>
    </message>
    <message>
        <source>changed here, deleted on the server</source>
        <translation>cambiado aquí, eliminado en el servidor</translation>
    </message>
    <message>
        <source>deleted here, changed on the server</source>
        <translation>eliminado aquí, cambiado en el servidor</translation>
    </message>
    <message>
        <source>kept yours</source>
        <translation>se conservó la suya</translation>
    </message>
    <message>
        <source>kept the server&apos;s</source>
        <translation>se conservó la del servidor</translation>
    </message>
    <message>
        <source>kept both</source>
        <translation>se conservaron ambas</translation>
    </message>
    <message>
        <source>pushed: %1, pulled: %2, conflicts: %3 new, %4 open</source>
        <translation>enviados: %1, recibidos: %2, conflictos: %3 nuevos, %4 abiertos</translation>
    </message>
    <message>
        <source>The sync was stopped; what was synced so far is kept and the rest follows next time.</source>
        <translation>Se detuvo la sincronización; lo sincronizado hasta ahora se conserva y el resto se sincronizará la próxima vez.</translation>
    </message>
    <message>
        <source>now version %1 on the server</source>
        <translation>ahora versión %1 en el servidor</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>deleted on the server, or no longer a draft there</source>
        <translation>eliminado en el servidor, o ya no es un borrador allí</translation>
    </message>
    <message>
        <source>same on both sides</source>
        <translation>igual en ambos lados</translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation>copia sin conexión</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is taken on the server</source>
        <translation>&apos;%1&apos; ya existe en el servidor</translation>
    </message>
    <message>
        <source>new on the server</source>
        <translation>nuevo en el servidor</translation>
    </message>
    <message>
        <source>Could not look for the name &apos;%1&apos;</source>
        <translation>No se pudo buscar el nombre &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Sync conflict #%1 is about an unknown kind of row &apos;%2&apos;.</source>
        <translation>El conflicto de sincronización n.º %1 trata de un tipo de fila desconocido &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; changed on the server again just now; look at it again.</source>
        <translation>%1 &apos;%2&apos; acaba de cambiar otra vez en el servidor; vuelva a revisarlo.</translation>
    </message>
    <message>
        <source>deleted on the server</source>
        <translation>eliminado en el servidor</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is no longer a draft on the server (it was queued), so your version cannot replace it. Keep both to keep your version as a new draft.</source>
        <translation>%1 &apos;%2&apos; ya no es un borrador en el servidor (se puso en cola), así que su versión no puede sustituirlo. Conserve ambas para guardar su versión como un borrador nuevo.</translation>
    </message>
    <message>
        <source>your version is now version %1 on the server</source>
        <translation>su versión es ahora la versión %1 en el servidor</translation>
    </message>
    <message>
        <source>the server&apos;s version %1 replaced yours</source>
        <translation>la versión %1 del servidor sustituyó a la suya</translation>
    </message>
    <message>
        <source>removed here as on the server</source>
        <translation>eliminado aquí como en el servidor</translation>
    </message>
    <message>
        <source>my copy</source>
        <translation>mi copia</translation>
    </message>
    <message>
        <source>yours kept as the new draft &apos;%1&apos; (%2)</source>
        <translation>la suya se conservó como el nuevo borrador &apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>the server&apos;s version restored here</source>
        <translation>la versión del servidor se restauró aquí</translation>
    </message>
    <message>
        <source>%1 Kept on this computer; it is not sent again until you change it.</source>
        <translation>%1 Se conserva en este equipo; no se vuelve a enviar hasta que lo cambie.</translation>
    </message>
</context>
<context>
    <name>herald::SyncLogDialog</name>
    <message>
        <source>Sync Log</source>
        <translation>Historial de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision; they open after the next sync.</source>
        <translation>
            <numerusform>%n conflicto espera su decisión; se abrirá tras la próxima sincronización.</numerusform>
            <numerusform>%n conflictos esperan su decisión; se abrirán tras la próxima sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>No hay conflictos pendientes.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>Enviado al servidor</translation>
    </message>
    <message>
        <source>Received from the server</source>
        <translation>Recibido del servidor</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>Eliminado en el servidor</translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation>Eliminado aquí</translation>
    </message>
    <message>
        <source>Already the same</source>
        <translation>Ya era igual</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Renombrado</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Conflicto resuelto</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>No sincronizado</translation>
    </message>
    <message>
        <source>Sync finished</source>
        <translation>Sincronización terminada</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Sender identity</source>
        <translation>Identidad de remitente</translation>
    </message>
    <message>
        <source>Refused to your role, kept here</source>
        <translation>Rechazado para su rol, conservado aquí</translation>
    </message>
</context>
<context>
    <name>herald::SyncTable</name>
    <message>
        <source>Could not look up %1</source>
        <translation>No se pudo buscar %1</translation>
    </message>
    <message>
        <source>Could not list the %1 rows</source>
        <translation>No se pudieron listar las filas de %1</translation>
    </message>
    <message>
        <source>Could not read %1 %2</source>
        <translation>No se pudo leer %1 %2</translation>
    </message>
    <message>
        <source>Could not set the audience of %1 &apos;%2&apos;</source>
        <translation>No se pudo definir la audiencia de %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Could not add %1 &apos;%2&apos;</source>
        <translation>No se pudo añadir %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Could not keep version %1 of template %2</source>
        <translation>No se pudo conservar la versión %1 de la plantilla %2</translation>
    </message>
    <message>
        <source>Could not save %1 &apos;%2&apos;</source>
        <translation>No se pudo guardar %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Could not delete %1 %2 on the server</source>
        <translation>No se pudo eliminar %1 %2 en el servidor</translation>
    </message>
    <message>
        <source>Could not store %1 &apos;%2&apos; in the offline store</source>
        <translation>No se pudo guardar %1 &apos;%2&apos; en el almacén sin conexión</translation>
    </message>
    <message>
        <source>Could not delete %1 %2 from the offline store</source>
        <translation>No se pudo eliminar %1 %2 del almacén sin conexión</translation>
    </message>
    <message>
        <source>Could not rename %1 &apos;%2&apos;</source>
        <translation>No se pudo renombrar %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>There is no %1 %2 in the offline store.</source>
        <translation>No hay ningún %1 %2 en el almacén sin conexión.</translation>
    </message>
</context>
<context>
    <name>herald::TeamMemberDialog</name>
    <message>
        <source>Add a Person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Cambiar el rol</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ej. alicia</translation>
    </message>
    <message>
        <source>&amp;Login name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Set a &amp;password (Herald makes a strong one, shown once)</source>
        <translation>Poner una &amp;contraseña (Herald crea una segura, mostrada una vez)</translation>
    </message>
    <message>
        <source>&amp;No password (certificate or peer authentication)</source>
        <translation>&amp;Sin contraseña (autenticación por certificado o peer)</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Acceso:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Cambiar el rol</translation>
    </message>
    <message>
        <source>Give the person a login name.</source>
        <translation>Dé a la persona un nombre de usuario.</translation>
    </message>
    <message>
        <source>%1 was added. Give them this password now: Herald does not keep it and will not show it again. They can change it later with their PostgreSQL client.</source>
        <translation>Se añadió a %1. Entréguele esta contraseña ahora: Herald no la guarda y no volverá a mostrarla. Podrá cambiarla después con su cliente de PostgreSQL.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Hecho</translation>
    </message>
    <message>
        <source>Viewers read; editors write nonprofits, templates and drafts; senders also send; admins also manage providers, erasure and the team; a worker runs &apos;herald worker&apos; and &apos;herald intake&apos;, a public endpoint &apos;herald serve&apos;.</source>
        <translation>Los lectores leen; los editores escriben organizaciones, plantillas y borradores; los remitentes además envían; los administradores además gestionan proveedores, borrados y el equipo; un trabajador ejecuta &apos;herald worker&apos; y &apos;herald intake&apos;, un punto de acceso público &apos;herald serve&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::TeamPanel</name>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Cambiar r&amp;ol…</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>A&amp;udit log…</source>
        <translation>Registro de a&amp;uditoría…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Team&lt;/b&gt;</source>
        <translation>&lt;b&gt;Equipo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Who did what: role changes, sends, erasures, provider changes; searchable, exportable to CSV</source>
        <translation>Quién hizo qué: cambios de rol, envíos, borrados, cambios de proveedor; con búsqueda y exportable a CSV</translation>
    </message>
    <message>
        <source>Each person logs in to the server as their own PostgreSQL role; the server allows what their role may do. Only admins may add, change or remove people.</source>
        <translation>Cada persona se conecta al servidor con su propio rol de PostgreSQL; el servidor permite lo que su rol puede hacer. Solo los administradores pueden añadir, cambiar o quitar personas.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>%1 (cannot log in)</source>
        <translation>%1 (no puede conectarse)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar a %1</translation>
    </message>
    <message>
        <source>Remove %1 from the team? Their login is dropped from the server: they can no longer connect. What they own in this database passes to its owner; the audit log keeps what they did.</source>
        <translation>¿Quitar a %1 del equipo? Su usuario se elimina del servidor: ya no podrá conectarse. Lo que posea en esta base de datos pasa a su propietario; el registro de auditoría conserva lo que hizo.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>herald::TeamRepository</name>
    <message>
        <source>Viewer</source>
        <translation>Lector</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Trabajador</translation>
    </message>
    <message>
        <source>This database is embedded on this computer: it is one person, with every right. A team shares a PostgreSQL server, where each person has a login and a role.</source>
        <translation>Esta base de datos está integrada en este ordenador: es una sola persona, con todos los derechos. Un equipo comparte un servidor PostgreSQL, donde cada persona tiene un usuario y un rol.</translation>
    </message>
    <message>
        <source>Could not read the team</source>
        <translation>No se pudo leer el equipo</translation>
    </message>
    <message>
        <source>Could not add %1</source>
        <translation>No se pudo añadir a %1</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>No se pudo cambiar el rol de %1</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>No se pudo quitar a %1</translation>
    </message>
    <message>
        <source>Public endpoint (serve)</source>
        <translation>Punto de acceso público (serve)</translation>
    </message>
</context>
<context>
    <name>herald::TemplateEditor</name>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Cuerpo HTML</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Cuerpo de texto</translation>
    </message>
    <message>
        <source>e.g. News for {{name}}</source>
        <translation>p. ej. Noticias para {{name}}</translation>
    </message>
    <message>
        <source>Press Enter or double-click an issue to go to it.</source>
        <translation>Pulse Intro o haga doble clic en un problema para ir a él.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Saves a new version (%1)</source>
        <translation>Guarda una versión nueva (%1)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>&amp;HTML body:</source>
        <translation>Cuerpo &amp;HTML:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>As&amp;unto:</translation>
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
        <translation>Sin problemas: esta plantilla se puede guardar y enviar.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) to fix before saving</source>
        <translation>
            <numerusform>%n error que corregir antes de guardar</numerusform>
            <numerusform>%n errores que corregir antes de guardar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n advertencia</numerusform>
            <numerusform>, %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>:</source>
        <translation>:</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n advertencia:</numerusform>
            <numerusform>%n advertencias:</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert &amp;Field</source>
        <translation>Insertar &amp;campo</translation>
    </message>
    <message>
        <source>Inserts a placeholder, such as {{name}}, where you were typing: subject, HTML body or text body. Beside each, its value for the nonprofit the preview shows.</source>
        <translation>Inserta un marcador, como {{name}}, donde estaba escribiendo: asunto, cuerpo HTML o cuerpo de texto. Junto a cada uno, su valor para la organización que muestra la vista previa.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
</context>
<context>
    <name>herald::TemplateFile</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not JSON (at byte %2: %3).</source>
        <translation>%1 no es JSON (en el byte %2: %3).</translation>
    </message>
    <message>
        <source>%1 is not a Herald template: &apos;herald template export&apos; writes them.</source>
        <translation>%1 no es una plantilla de Herald: &apos;herald template export&apos; las escribe.</translation>
    </message>
    <message>
        <source>In %1, &apos;%2&apos; must be text.</source>
        <translation>En %1, &apos;%2&apos; debe ser texto.</translation>
    </message>
</context>
<context>
    <name>herald::TemplateHistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>History of &apos;%1&apos;</source>
        <translation>Historial de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actual)</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Cuerpo HTML</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Cuerpo de texto</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Restaurar esta versión</translation>
    </message>
    <message>
        <source>Puts this version back in the editor and saves it as a new version.</source>
        <translation>Vuelve a poner esta versión en el editor y la guarda como nueva versión.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
</context>
<context>
    <name>herald::TemplateLanguageBox</name>
    <message>
        <source>Auto</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>The language of the interface: %1</source>
        <translation>El idioma de la interfaz: %1</translation>
    </message>
    <message>
        <source>The language this template is written in: spelling is checked in it. Auto: the language of the interface (%1).</source>
        <translation>El idioma en que está escrita esta plantilla: la ortografía se revisa en él. Automático: el idioma de la interfaz (%1).</translation>
    </message>
</context>
<context>
    <name>herald::TemplatePreview</name>
    <message numerus="yes">
        <source>%n remote resource(s) not loaded: previews never reach the network.</source>
        <translation>
            <numerusform>%n recurso remoto no cargado: las vistas previas nunca acceden a la red.</numerusform>
            <numerusform>%n recursos remotos no cargados: las vistas previas nunca acceden a la red.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample Nonprofit (no nonprofits yet)</source>
        <translation>Organización de ejemplo (aún no hay organizaciones)</translation>
    </message>
    <message>
        <source>Sampletown</source>
        <translation>Villaejemplo</translation>
    </message>
    <message>
        <source>Search nonprofits by name, email, EIN or city</source>
        <translation>Buscar organizaciones por nombre, correo, EIN o ciudad</translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation>&amp;Texto sin formato</translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation>Vista previa &amp;para:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Asunto:</translation>
    </message>
    <message>
        <source>Sender: sample values (no sender identity yet); the unsubscribe link is a real signed link on a sample address.</source>
        <translation>Remitente: valores de ejemplo (aún no hay identidad de remitente); el enlace de baja es un enlace firmado real a una dirección de ejemplo.</translation>
    </message>
    <message>
        <source>Sender: identity &apos;%1&apos; (%2).</source>
        <translation>Remitente: identidad &apos;%1&apos; (%2).</translation>
    </message>
    <message>
        <source>No nonprofit matches; showing a sample</source>
        <translation>Ninguna organización coincide; se muestra un ejemplo</translation>
    </message>
    <message>
        <source>Cannot render: %1</source>
        <translation>No se puede generar: %1</translation>
    </message>
    <message>
        <source>Rendered for %1 as it will be sent.</source>
        <translation>Generado para %1 tal como se enviará.</translation>
    </message>
    <message>
        <source>Side &amp;by side…</source>
        <translation>&amp;Lado a lado…</translation>
    </message>
    <message>
        <source>Des&amp;ktop</source>
        <translation>E&amp;scritorio</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>&amp;Móvil</translation>
    </message>
    <message>
        <source>Desktop, phone and plain text side by side in a window of their own</source>
        <translation>Escritorio, móvil y texto sin formato lado a lado en una ventana propia</translation>
    </message>
</context>
<context>
    <name>herald::TemplateRepository</name>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Could not add template &apos;%1&apos;</source>
        <translation>No se pudo añadir la plantilla &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not keep version %1 of template &apos;%2&apos;</source>
        <translation>No se pudo conservar la versión %1 de la plantilla &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Could not save template &apos;%1&apos;</source>
        <translation>No se pudo guardar la plantilla &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Could not read template #%1</source>
        <translation>No se pudo leer la plantilla n.º %1</translation>
    </message>
    <message>
        <source>Template #%1 does not exist.</source>
        <translation>La plantilla n.º %1 no existe.</translation>
    </message>
    <message>
        <source>Could not read template %1</source>
        <translation>No se pudo leer la plantilla %1</translation>
    </message>
    <message>
        <source>No template has the UUID %1.</source>
        <translation>Ninguna plantilla tiene el UUID %1.</translation>
    </message>
    <message>
        <source>Could not read the templates</source>
        <translation>No se pudieron leer las plantillas</translation>
    </message>
    <message>
        <source>Could not read the campaigns that use template #%1</source>
        <translation>No se pudieron leer las campañas que usan la plantilla n.º %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation>&apos;%1&apos; (n.º %2)</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; (#%2) cannot be deleted while campaigns use it: %3. Delete those campaigns or give them another template first.</source>
        <translation>La plantilla &apos;%1&apos; (n.º %2) no se puede eliminar mientras la usen campañas: %3. Elimine esas campañas o deles antes otra plantilla.</translation>
    </message>
    <message>
        <source>Could not delete template #%1</source>
        <translation>No se pudo eliminar la plantilla n.º %1</translation>
    </message>
    <message>
        <source>Could not read the history of template #%1</source>
        <translation>No se pudo leer el historial de la plantilla n.º %1</translation>
    </message>
    <message>
        <source>Could not read version %1 of template #%2</source>
        <translation>No se pudo leer la versión %1 de la plantilla n.º %2</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; (#%2) has no version %3 (its versions go up to %4).</source>
        <translation>La plantilla &apos;%1&apos; (n.º %2) no tiene versión %3 (sus versiones llegan hasta la %4).</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; (#%2) has no template.</source>
        <translation>La campaña &apos;%1&apos; (n.º %2) no tiene plantilla.</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <source>Name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Language &apos;%1&apos; is not a language code such as &apos;en&apos;, &apos;es&apos; or &apos;fr_CA&apos;.</source>
        <translation>El idioma &apos;%1&apos; no es un código de idioma como &apos;en&apos;, &apos;es&apos; o &apos;fr_CA&apos;.</translation>
    </message>
</context>
<context>
    <name>herald::TemplateSaver</name>
    <message numerus="yes">
        <source>Template &apos;%1&apos; was not saved: it has %n error(s).</source>
        <translation>
            <numerusform>La plantilla &apos;%1&apos; no se guardó: tiene %n error.</numerusform>
            <numerusform>La plantilla &apos;%1&apos; no se guardó: tiene %n errores.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplateValidator</name>
    <message>
        <source>Partials ({{&gt;%1}}) are not supported.</source>
        <translation>No se admiten los parciales ({{&gt;%1}}).</translation>
    </message>
    <message>
        <source>Changing the delimiters is not supported.</source>
        <translation>No se admite cambiar los delimitadores.</translation>
    </message>
    <message>
        <source>Unknown placeholder {{%1}}. Known: %2.</source>
        <translation>Marcador desconocido {{%1}}. Conocidos: %2.</translation>
    </message>
    <message>
        <source>{{%1}} is inserted without HTML escaping; a value with &lt; or &amp; would break the message. Use {{%1}}.</source>
        <translation>{{%1}} se inserta sin escapar el HTML; un valor con &lt; o &amp; rompería el mensaje. Use {{%1}}.</translation>
    </message>
    <message>
        <source>The subject is empty.</source>
        <translation>El asunto está vacío.</translation>
    </message>
    <message>
        <source>The subject must be one line.</source>
        <translation>El asunto debe ocupar una sola línea.</translation>
    </message>
    <message>
        <source>Both bodies are empty: write an HTML or a plain-text body.</source>
        <translation>Los dos cuerpos están vacíos: escriba un cuerpo HTML o de texto sin formato.</translation>
    </message>
    <message>
        <source>The %1 body has no {{unsubscribe_url}} link; bulk mail must offer one (CAN-SPAM, RFC 8058).</source>
        <translation>El cuerpo %1 no tiene enlace {{unsubscribe_url}}; el correo masivo debe ofrecer uno (CAN-SPAM, RFC 8058).</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>plain-text</source>
        <translation>de texto sin formato</translation>
    </message>
    <message>
        <source>The %1 body has no {{postal_address}}; CAN-SPAM requires the sender&apos;s postal address in every message.</source>
        <translation>El cuerpo %1 no tiene {{postal_address}}; CAN-SPAM exige la dirección postal del remitente en cada mensaje.</translation>
    </message>
</context>
<context>
    <name>herald::TemplatesPage</name>
    <message numerus="yes">
        <source>Not saved: the template has %n error(s), listed above. Activate one to go to it.</source>
        <translation>
            <numerusform>No guardada: la plantilla tiene %n error, indicado arriba. Actívelo para ir a él.</numerusform>
            <numerusform>No guardada: la plantilla tiene %n errores, indicados arriba. Active uno para ir a él.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete template &apos;%1&apos; with its %n saved version(s)? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar la plantilla &apos;%1&apos; con su %n versión guardada? No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar la plantilla &apos;%1&apos; con sus %n versiones guardadas? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Guardar plantilla</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copia %2)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Restaurar la versión %1</translation>
    </message>
    <message>
        <source>Restoring version %1 replaces your unsaved changes. Restore it?</source>
        <translation>Restaurar la versión %1 sustituye sus cambios sin guardar. ¿Restaurarla?</translation>
    </message>
    <message>
        <source>Version %1 restored as version %2.</source>
        <translation>Versión %1 restaurada como versión %2.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; has unsaved changes. Save them?</source>
        <translation>La plantilla &apos;%1&apos; tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
    <message>
        <source>New template, not saved yet.</source>
        <translation>Plantilla nueva, aún sin guardar.</translation>
    </message>
    <message>
        <source>Version %1, saved %2.</source>
        <translation>Versión %1, guardada %2.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Cambios sin guardar.</translation>
    </message>
    <message>
        <source>A new template, blank or from a starter design (%1)</source>
        <translation>Una plantilla nueva, en blanco o a partir de un diseño inicial (%1)</translation>
    </message>
    <message>
        <source>Media Li&amp;brary…</source>
        <translation>Bi&amp;blioteca de medios…</translation>
    </message>
</context>
<context>
    <name>herald::TestMessageSender</name>
    <message>
        <source>Test address &apos;%1&apos; %2.</source>
        <translation>La dirección de prueba &apos;%1&apos; %2.</translation>
    </message>
    <message>
        <source>[Test] %1</source>
        <translation>[Prueba] %1</translation>
    </message>
    <message>
        <source>Provider &apos;%1&apos; has a kind Herald cannot send with.</source>
        <translation>El proveedor &apos;%1&apos; es de un tipo con el que Herald no puede enviar.</translation>
    </message>
</context>
<context>
    <name>herald::TestSendDialog</name>
    <message>
        <source>&amp;Send Test</source>
        <translation>&amp;Enviar prueba</translation>
    </message>
    <message>
        <source>Test Send</source>
        <translation>Envío de prueba</translation>
    </message>
    <message>
        <source>Search nonprofits…</source>
        <translation>Buscar organizaciones…</translation>
    </message>
    <message>
        <source>The message is rendered with this nonprofit&apos;s name, city and unsubscribe link.</source>
        <translation>El mensaje se genera con el nombre, la ciudad y el enlace de baja de esta organización.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>usted@example.org</translation>
    </message>
    <message>
        <source>Render &amp;for:</source>
        <translation>Generar &amp;para:</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Enviar &amp;a:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
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
        <translation>No hay ningún proveedor de correo configurado. Añada uno primero en Configuración → Proveedores.</translation>
    </message>
    <message>
        <source>Choose a nonprofit to render the message for and a provider to send it through.</source>
        <translation>Elija una organización para la que generar el mensaje y un proveedor por el que enviarlo.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent. The server replied: %1</source>
        <translation>Enviado. El servidor respondió: %1</translation>
    </message>
    <message>
        <source>Not sent. The server replied: %1</source>
        <translation>No enviado. El servidor respondió: %1</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Adjuntos:</translation>
    </message>
</context>
<context>
    <name>herald::TextBodyEditor</name>
    <message>
        <source>&amp;Generate text from HTML</source>
        <translation>&amp;Generar texto a partir del HTML</translation>
    </message>
    <message>
        <source>Dear {{name}}, … Unsubscribe: {{unsubscribe_url}} {{postal_address}}</source>
        <translation>Estimada organización {{name}}: … Darse de baja: {{unsubscribe_url}} {{postal_address}}</translation>
    </message>
    <message>
        <source>Writes the plain-text body from the HTML body: paragraphs, lists, links as &quot;text (url)&quot;; {{placeholders}} are kept.</source>
        <translation>Escribe el cuerpo de texto sin formato a partir del cuerpo HTML: párrafos, listas, enlaces como &quot;texto (url)&quot;; los {{marcadores}} se conservan.</translation>
    </message>
    <message>
        <source>Edited by hand: the text body no longer follows the HTML body. Generate text from HTML makes it follow again.</source>
        <translation>Editado a mano: el cuerpo de texto ya no sigue al cuerpo HTML. Generar texto a partir del HTML hace que vuelva a seguirlo.</translation>
    </message>
    <message>
        <source>&amp;Plain-text body:</source>
        <translation>Cuerpo de &amp;texto sin formato:</translation>
    </message>
    <message>
        <source>Generate text from HTML</source>
        <translation>Generar texto a partir del HTML</translation>
    </message>
    <message>
        <source>Replace the plain-text body with text generated from the HTML body? Edit ▸ Undo (Ctrl+Z) in the text body brings it back.</source>
        <translation>¿Sustituir el cuerpo de texto sin formato por el texto generado a partir del cuerpo HTML? Editar ▸ Deshacer (Ctrl+Z) en el cuerpo de texto lo recupera.</translation>
    </message>
</context>
<context>
    <name>herald::TrackingSection</name>
    <message>
        <source>Links go out as written; the messages carry no open pixel.</source>
        <translation>Los enlaces salen tal como están escritos; los mensajes no llevan píxel de apertura.</translation>
    </message>
    <message>
        <source>Opens and clicks are counted per campaign and per link; the links name no recipient.</source>
        <translation>Las aperturas y los clics se cuentan por campaña y por enlace; los enlaces no identifican a ningún destinatario.</translation>
    </message>
    <message>
        <source>Also who opened and clicked, for the nonprofits whose consent allows it (“Consent given”); the others are counted anonymously.</source>
        <translation>También quién abrió e hizo clic, para las organizaciones cuyo consentimiento lo permite («Consentimiento dado»); las demás se cuentan de forma anónima.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Anonymous (per campaign and link)</source>
        <translation>Anónimo (por campaña y enlace)</translation>
    </message>
    <message>
        <source>Per recipient (where consent allows)</source>
        <translation>Por destinatario (si el consentimiento lo permite)</translation>
    </message>
    <message>
        <source>Off: %1
Anonymous: %2
Per recipient: %3</source>
        <translation>Desactivado: %1
Anónimo: %2
Por destinatario: %3</translation>
    </message>
    <message>
        <source>Not tracked: the public address of herald serve was not set when this campaign was queued.</source>
        <translation>Sin seguimiento: la dirección pública de herald serve no estaba definida cuando esta campaña se puso en cola.</translation>
    </message>
    <message>
        <source>Not tracked until the public address of herald serve is set under Settings → Engagement.</source>
        <translation>Sin seguimiento hasta que se defina la dirección pública de herald serve en Configuración → Interacción.</translation>
    </message>
    <message numerus="yes">
        <source>Per recipient for %1 of %Ln recipient(s) (consent given); anonymous for the others.</source>
        <translation>
            <numerusform>Por destinatario para %1 de %Ln destinatario (consentimiento dado); anónimo para los demás.</numerusform>
            <numerusform>Por destinatario para %1 de %Ln destinatarios (consentimiento dado); anónimo para los demás.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::UnsubscribeToken</name>
    <message>
        <source>The unsubscribe link is not valid.</source>
        <translation>El enlace de baja no es válido.</translation>
    </message>
</context>
<context>
    <name>herald::VisualEditor</name>
    <message>
        <source>HTML body, visual editor</source>
        <translation>Cuerpo HTML, editor visual</translation>
    </message>
    <message>
        <source>The clipboard holds an image, which cannot be pasted into a message: put it in the media library or on a web server and use Image… to insert it.</source>
        <translation>El portapapeles contiene una imagen, que no se puede pegar en un mensaje: póngala en la biblioteca de medios o en un servidor web y use Imagen… para insertarla.</translation>
    </message>
</context>
<context>
    <name>herald::WelcomePanel</name>
    <message>
        <source>&amp;Load Sample Data</source>
        <translation>&amp;Cargar datos de ejemplo</translation>
    </message>
    <message>
        <source>Welcome to Herald</source>
        <translation>Bienvenido a Herald</translation>
    </message>
    <message>
        <source>The database is empty. Choose how to begin:</source>
        <translation>La base de datos está vacía. Elija cómo empezar:</translation>
    </message>
    <message>
        <source>Import a &amp;CSV File…</source>
        <translation>Importar un archivo CS&amp;V…</translation>
    </message>
    <message>
        <source>Connect to Your &amp;Team’s Server…</source>
        <translation>C&amp;onectar con el servidor de su equipo…</translation>
    </message>
    <message>
        <source>About 1,200 real Vermont organisations with example.org addresses, a starter template, a segment and a sender whose postal address is plainly fake. Help → Remove Sample Data takes it all away again.</source>
        <translation>Unas 1.200 organizaciones reales de Vermont con direcciones example.org, una plantilla inicial, un segmento y un remitente con una dirección postal claramente falsa. Ayuda → Quitar datos de ejemplo lo quita todo de nuevo.</translation>
    </message>
    <message>
        <source>Your own list of organisations: Herald shows the columns it found and lets you match them before anything is stored.</source>
        <translation>Su propia lista de organizaciones: Herald muestra las columnas que encontró y le deja asignarlas antes de guardar nada.</translation>
    </message>
    <message>
        <source>Your colleagues already use Herald on a PostgreSQL server: add it as a connection profile in Settings and open it.</source>
        <translation>Sus compañeros ya usan Herald en un servidor PostgreSQL: añádalo como perfil de conexión en Configuración y ábralo.</translation>
    </message>
</context>
<context>
    <name>herald::cli</name>
    <message>
        <source>No campaigns yet.</source>
        <translation>Aún no hay campañas.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Could not write the message to standard output.</source>
        <translation>No se pudo escribir el mensaje en la salida estándar.</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  línea %1: %2</translation>
    </message>
    <message>
        <source>  … and %1 more rejected rows (--report FILE lists them all).</source>
        <translation>  … y %1 filas rechazadas más (--report ARCHIVO las lista todas).</translation>
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
        <translation>Salida JSON (--json), un objeto:
  range: {from, to (ISO 8601 UTC), seconds, step_seconds}
  totals: {sent, failed, retried, unknown, sent_per_second, failed_per_second,
           latency_ms: {count, mean, p50, p95, p99}}
  failure_rate: {range, recent, window_seconds}   (0..1: fallidos / (enviados + fallidos))
  providers: [{name, y las mismas claves que totals}]
  top_failure_reasons: [{reason, count, example}]   (como mucho 5, los más frecuentes primero)
  queue: {pending, retrying, in_flight, sampled_at}   (la última muestra, no del periodo;
         campañas que se están enviando; sampled_at null si nunca se tomó una muestra)
  provider_health: [{name, breaker (closed|half-open|open|idle), senders, current_per_second,
                     allowed_per_second, limit_per_second, last_error, last_error_at}]   (ahora)
  series: [{start (ISO 8601 UTC), sent_per_second, failed_per_second, failure_rate}]
          (un punto por step_seconds; failure_rate sobre la ventana móvil)</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignActions</name>
    <message>
        <source>Campaign &apos;%1&apos; is %2.</source>
        <translation>La campaña &apos;%1&apos; está en estado %2.</translation>
    </message>
    <message>
        <source>Campaign %1 was kept as a draft.</source>
        <translation>La campaña %1 se conservó como borrador.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; was not approved.</source>
        <translation>La campaña &apos;%1&apos; no se aprobó.</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is approved by %2 (%3 recipients).</source>
        <translation>La campaña &apos;%1&apos; está aprobada por %2 (%3 destinatarios).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignAttachments</name>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Could not read &apos;%1&apos;: %2</source>
        <translation>No se pudo leer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was not attached: a campaign&apos;s attachments may take %3 in all.</source>
        <translation>&apos;%1&apos; (%2) no se adjuntó: los adjuntos de una campaña pueden ocupar %3 en total.</translation>
    </message>
    <message>
        <source>Attached &apos;%1&apos; (%2, %3) to campaign %4.</source>
        <translation>&apos;%1&apos; (%2, %3) adjuntado a la campaña %4.</translation>
    </message>
    <message>
        <source>Campaign %1 has no attachments.</source>
        <translation>La campaña %1 no tiene adjuntos.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Total: %1 of %2</source>
        <translation>Total: %1 de %2</translation>
    </message>
    <message>
        <source>Detached &apos;%1&apos; from campaign %2.</source>
        <translation>&apos;%1&apos; quitado de la campaña %2.</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignCommand</name>
    <message>
        <source>render: the recipient, by nonprofit id or email address.</source>
        <translation>render: el destinatario, por id. de organización o dirección de correo.</translation>
    </message>
    <message>
        <source>id|email</source>
        <translation>id|correo</translation>
    </message>
    <message>
        <source>create: the campaign&apos;s name.</source>
        <translation>create: el nombre de la campaña.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>create: the template&apos;s id (&apos;herald template list&apos;).</source>
        <translation>create: el id de la plantilla (&apos;herald template list&apos;).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>create: the sender identity&apos;s id (&apos;herald identity list&apos;).</source>
        <translation>create: el id de la identidad del remitente (&apos;herald identity list&apos;).</translation>
    </message>
    <message>
        <source>create: send to this saved segment.</source>
        <translation>create: enviar a este segmento guardado.</translation>
    </message>
    <message>
        <source>create: send to all active nonprofits (the default).</source>
        <translation>create: enviar a todas las organizaciones activas (predeterminado).</translation>
    </message>
    <message>
        <source>create: schedule it for this time, ISO 8601 (2026-05-01T09:00, local time, or with an offset such as Z or +02:00).</source>
        <translation>create: programarla para esta hora, ISO 8601 (2026-05-01T09:00, hora local, o con un desfase como Z o +02:00).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>send, create --at: queue even when the sender domain&apos;s DNS is not ready.</source>
        <translation>send, create --at: poner en cola aunque el DNS del dominio del remitente no esté listo.</translation>
    </message>
    <message>
        <source>create: how opens and clicks are tracked: off, anonymous (per campaign and link; the default) or per-recipient (for the nonprofits whose consent allows it, anonymous for the others). Nothing is tracked while the public address of herald serve is not set.</source>
        <translation>create: cómo se siguen las aperturas y los clics: off (desactivado), anonymous (por campaña y enlace; el valor predeterminado) o per-recipient (por destinatario para las organizaciones cuyo consentimiento lo permite, anónimo para las demás). No se sigue nada mientras la dirección pública de herald serve no esté definida.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>list, show, attachments: print JSON instead of text.</source>
        <translation>list, show, attachments: imprime JSON en lugar de texto.</translation>
    </message>
    <message>
        <source>create: how messages carry the media library images the template shows: embedded (the default; inside every message, which makes each one heavier) or linked (light messages; the images load from the public address of herald serve, which must be set and running).</source>
        <translation>create: cómo llevan los mensajes las imágenes de la biblioteca de medios que muestra la plantilla: embedded (incrustadas, el valor predeterminado; dentro de cada mensaje, lo que hace cada uno más pesado) o linked (enlazadas: mensajes ligeros; las imágenes se cargan desde la dirección pública de herald serve, que debe estar definida y en marcha).</translation>
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
        <translation>Campañas.

  list [--json]                     cada campaña con su estado, audiencia y recuentos
  show ID [--json]                  su estado, sus modos de seguimiento e imágenes y sus mensajes por estado:
                                    pending, sending, sent, failed, unknown, suppressed, cancelled
  render ID --nonprofit ID|EMAIL    el mensaje MIME que recibe esa organización
  create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway]
         [--tracking off|anonymous|per-recipient] [--images embedded|linked]
                                    un borrador (con --at, programado); imprime su id
  send ID [--anyway]                la pone en cola ahora, como Enviar ahora del editor de campañas: se
                                    comprueban la campaña, la plantilla y la identidad del remitente, se
                                    excluyen las direcciones suprimidas, y una campaña a más de 5.000
                                    destinatarios comprueba antes el DNS (SPF, DKIM, DMARC) de su dominio
  pause ID | resume ID | cancel ID  como los botones de la página Envío
  approve ID                        aprueba una campaña escrita por otra persona, cuando el servidor
                                    del equipo exige la aprobación de una segunda persona para los
                                    envíos grandes (Configuración → Aprobación); un cambio de su
                                    plantilla, audiencia o remitente la retira
  attach ID FILE...                 envía estos archivos con cada mensaje (multipart/mixed); 10 MB
                                    en total como máximo, con un aviso por encima de 1 MB; solo
                                    borradores y programadas
  attachments ID [--json]           sus adjuntos: nombre de archivo, tipo, tamaño y SHA-256
  detach ID NAME                    quita el adjunto con este nombre de archivo

Enviar una campaña que ya estaba en cola no hace nada y sale con 0. Un dominio del remitente que no
está listo detiene send y create --at salvo que se indique --anyway. &apos;herald worker&apos; (o la ventana)
envía lo que está en cola.

Estado de salida: 0 hecho, 1 fallo o rechazo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>list, show ID, render ID, create, send ID, pause ID, resume ID, cancel ID, approve ID, attach ID FILE..., attachments ID or detach ID NAME.</source>
        <translation>list, show ID, render ID, create, send ID, pause ID, resume ID, cancel ID, approve ID, attach ID FILE..., attachments ID o detach ID NAME.</translation>
    </message>
    <message>
        <source>Usage: herald campaign list [--json] | show ID [--json] | render ID --nonprofit ID|EMAIL | create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway] [--tracking off|anonymous|per-recipient] [--images embedded|linked] | send ID [--anyway] | pause ID | resume ID | cancel ID | approve ID | attach ID FILE... | attachments ID [--json] | detach ID NAME  (each with [--profile NAME]; &apos;herald campaign --help&apos; explains them)</source>
        <translation>Uso: herald campaign list [--json] | show ID [--json] | render ID --nonprofit ID|EMAIL | create --name NAME --template ID --identity ID [--segment ID | --all] [--at TIME] [--anyway] [--tracking off|anonymous|per-recipient] [--images embedded|linked] | send ID [--anyway] | pause ID | resume ID | cancel ID | approve ID | attach ID FILE... | attachments ID [--json] | detach ID NAME  (cada uno con [--profile NAME]; &apos;herald campaign --help&apos; los explica)</translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignQueueing</name>
    <message numerus="yes">
        <source>Campaign &apos;%1&apos; was queued already (%n message(s), now %2); nothing was queued again.</source>
        <translation>
            <numerusform>La campaña &apos;%1&apos; ya estaba en cola (%n mensaje, ahora %2); no se volvió a poner nada en cola.</numerusform>
            <numerusform>La campaña &apos;%1&apos; ya estaba en cola (%n mensajes, ahora %2); no se volvió a poner nada en cola.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the DNS records of %1…</source>
        <translation>Comprobando los registros DNS de %1…</translation>
    </message>
    <message>
        <source>Warning: &apos;%1&apos; goes to %2 recipients from %3, but the DNS records of %4 are not ready: %5. Gmail and Yahoo refuse or junk bulk mail without SPF, DKIM and DMARC.</source>
        <translation>Aviso: &apos;%1&apos; va a %2 destinatarios desde %3, pero los registros DNS de %4 no están listos: %5. Gmail y Yahoo rechazan o mandan a spam el correo masivo sin SPF, DKIM y DMARC.</translation>
    </message>
    <message>
        <source>Not queued: publish the records first (&apos;herald campaign send ID --anyway&apos; queues it regardless).</source>
        <translation>No se puso en cola: publique antes los registros (&apos;herald campaign send ID --anyway&apos; la pone en cola de todos modos).</translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is scheduled for %2.</source>
        <translation>La campaña &apos;%1&apos; está programada para %2.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n message(s) for &apos;%1&apos;</source>
        <translation>
            <numerusform>%n mensaje en cola para &apos;%1&apos;</numerusform>
            <numerusform>%n mensajes en cola para &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n suppressed address(es) left out.</source>
        <translation>
            <numerusform>; %n dirección suprimida excluida.</numerusform>
            <numerusform>; %n direcciones suprimidas excluidas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignReports</name>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Suprimidos</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Campaña %1: %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Scheduled for: %1</source>
        <translation>Programada para: %1</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Seguimiento: %1</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>Imágenes: %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::CommandLine</name>
    <message>
        <source>Connection profiles: list, add, use, remove.</source>
        <translation>Perfiles de conexión: list, add, use, remove.</translation>
    </message>
    <message>
        <source>Import nonprofits or a suppression list from CSV, with a report.</source>
        <translation>Importar organizaciones o una lista de exclusión desde CSV, con un informe.</translation>
    </message>
    <message>
        <source>GDPR requests about one address: export its data as JSON, erase it.</source>
        <translation>Solicitudes RGPD sobre una dirección: exportar sus datos como JSON, borrarla.</translation>
    </message>
    <message>
        <source>Sending figures: rates, failure rate, latency, failure reasons, queue depth (text, JSON, Prometheus).</source>
        <translation>Cifras de envío: tasas, tasa de fallos, latencia, motivos de fallo, profundidad de la cola (texto, JSON, Prometheus).</translation>
    </message>
    <message>
        <source>Send queued campaigns without a window (several may share one PostgreSQL queue).</source>
        <translation>Enviar campañas en cola sin ventana (varios pueden compartir una cola PostgreSQL).</translation>
    </message>
    <message>
        <source>Herald: email campaigns for nonprofit organisations.
Without a command, the desktop application opens.

Commands:
</source>
        <translation>Herald: campañas de correo para organizaciones sin ánimo de lucro.
Sin orden, se abre la aplicación de escritorio.

Órdenes:
</translation>
    </message>
    <message>
        <source>
Run &apos;herald COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>
Ejecute &apos;herald ORDEN --help&apos; para ver las opciones de una orden.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Commands: %2. &apos;herald --help&apos; explains them.</source>
        <translation>Orden desconocida &apos;%1&apos;. Órdenes: %2. &apos;herald --help&apos; las explica.</translation>
    </message>
    <message>
        <source>Sync the drafts kept on this computer with the PostgreSQL server; lists conflicts.</source>
        <translation>Sincronizar los borradores guardados en este equipo con el servidor PostgreSQL; enumera los conflictos.</translation>
    </message>
    <message>
        <source>Read bounces, complaints and mailto: unsubscribes from the feedback mailbox (IMAP).</source>
        <translation>Leer rebotes, quejas y bajas por mailto: del buzón de retroalimentación (IMAP).</translation>
    </message>
    <message>
        <source>Sender identities (From, Reply-To, postal address, unsubscribe link): list, add.</source>
        <translation>Identidades del remitente (From, Reply-To, dirección postal, enlace de baja): listar, añadir.</translation>
    </message>
    <message>
        <source>Mail providers (SMTP servers): list, add; the secret comes from HERALD_PROVIDER_SECRET_&lt;NAME&gt;.</source>
        <translation>Proveedores de correo (servidores SMTP): listar, añadir; el secreto viene de HERALD_PROVIDER_SECRET_&lt;NAME&gt;.</translation>
    </message>
    <message>
        <source>The public endpoint: one-click unsubscribe, open pixel, click redirect, web view, /healthz.</source>
        <translation>El punto de acceso público: baja con un clic, píxel de apertura, redirección de clics, vista web, /healthz.</translation>
    </message>
    <message>
        <source>The old name of &apos;serve&apos; (one-click unsubscribe and more).</source>
        <translation>El nombre anterior de &apos;serve&apos; (baja con un clic y más).</translation>
    </message>
    <message>
        <source>Export nonprofits (or a search), the suppression list or a campaign&apos;s opens and clicks to CSV.</source>
        <translation>Exportar a CSV organizaciones (o una búsqueda), la lista de exclusión o las aperturas y los clics de una campaña.</translation>
    </message>
    <message>
        <source>Engagement reports: a campaign&apos;s opens, clicks and rates, people&apos;s and machines&apos; apart, and clicks per link.</source>
        <translation>Informes de interacción: aperturas, clics y tasas de una campaña, de personas y de máquinas por separado, y clics por enlace.</translation>
    </message>
    <message>
        <source>Campaigns: list, show, create, send, pause, resume, cancel; attach files; render the message one nonprofit gets.</source>
        <translation>Campañas: listar, mostrar, crear, enviar, pausar, reanudar, cancelar; adjuntar archivos; generar el mensaje que recibe una organización.</translation>
    </message>
    <message>
        <source>The media library of images for messages: import (scaled to 1,200 px, at most 1 MB), list.</source>
        <translation>La biblioteca de medios con las imágenes de los mensajes: import (reducidas a 1.200 px, 1 MB como máximo), list.</translation>
    </message>
    <message>
        <source>Message templates: list, export to JSON, import from JSON or from a starter design (checked as the Templates page checks them).</source>
        <translation>Plantillas de mensaje: listar, exportar a JSON, importar desde JSON o desde un diseño inicial (comprobadas como en la página Plantillas).</translation>
    </message>
    <message>
        <source>The people of a team server and their roles: list, add (a password shown once), set-role, remove.</source>
        <translation>Las personas de un servidor de equipo y sus roles: list, add (una contraseña mostrada una vez), set-role, remove.</translation>
    </message>
    <message>
        <source>The database: &apos;db status&apos; connects, migrates and reports; &apos;db copy --to PROFILE&apos; moves it to a team server; &apos;db backup FILE&apos; backs it up.</source>
        <translation>La base de datos: &apos;db status&apos; conecta, migra e informa; &apos;db copy --to PROFILE&apos; la traslada a un servidor de equipo; &apos;db backup FILE&apos; hace una copia de seguridad.</translation>
    </message>
</context>
<context>
    <name>herald::cli::DbCommand</name>
    <message>
        <source>Profile: %1</source>
        <translation>Perfil: %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Motor: %1</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Ubicación: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>Schema version: %1 (this Herald knows up to %2)</source>
        <translation>Versión del esquema: %1 (este Herald conoce hasta la %2)</translation>
    </message>
    <message>
        <source>The database: its state, a move to a team server, a backup.
  status              connect, migrate and report
  copy --to PROFILE   copy everything into an empty PostgreSQL database (--from: the source, else the active profile)
  backup FILE         back the embedded database up into FILE; restoring is opening that file (for PostgreSQL use pg_dump)</source>
        <translation>La base de datos: su estado, un traslado a un servidor de equipo, una copia de seguridad.
  status              conectar, migrar e informar
  copy --to PROFILE   copiar todo a una base de datos PostgreSQL vacía (--from: el origen; si no, el perfil activo)
  backup FILE         copiar la base de datos integrada en FILE; restaurar es abrir ese archivo (para PostgreSQL use pg_dump)</translation>
    </message>
    <message>
        <source>status, copy or backup</source>
        <translation>status, copy o backup</translation>
    </message>
    <message>
        <source>backup: the file to write</source>
        <translation>backup: el archivo que se escribe</translation>
    </message>
    <message>
        <source>copy: the PostgreSQL profile to copy into.</source>
        <translation>copy: el perfil PostgreSQL al que copiar.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>copy: the profile to copy from (else the active one).</source>
        <translation>copy: el perfil desde el que copiar (si no, el activo).</translation>
    </message>
    <message>
        <source>backup: overwrite FILE when it exists.</source>
        <translation>backup: sobrescribir FILE si existe.</translation>
    </message>
    <message>
        <source>Usage: herald db status [--profile NAME]
       herald db copy --to PROFILE [--from PROFILE]
       herald db backup FILE [--profile NAME] [--force]</source>
        <translation>Uso: herald db status [--profile NAME]
     herald db copy --to PROFILE [--from PROFILE]
     herald db backup FILE [--profile NAME] [--force]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a PostgreSQL profile: a move copies into a team server.</source>
        <translation>&apos;%1&apos; no es un perfil PostgreSQL: un traslado copia a un servidor de equipo.</translation>
    </message>
    <message>
        <source>Copying to %1</source>
        <translation>Copiando a %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a PostgreSQL server: back it up with pg_dump (README.md, &quot;Backing up a team server&quot;), e.g. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE.</source>
        <translation>&apos;%1&apos; es un servidor PostgreSQL: haga su copia de seguridad con pg_dump (README.md, «Backing up a team server»), p. ej. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE.</translation>
    </message>
    <message>
        <source>Backing up to %1</source>
        <translation>Copia de seguridad en %1</translation>
    </message>
    <message>
        <source>Backed up %1 to %2. Restoring is opening that file: with Herald closed, put it in place of %1.</source>
        <translation>Copia de seguridad de %1 hecha en %2. Restaurarla es abrir ese archivo: con Herald cerrado, póngalo en lugar de %1.</translation>
    </message>
</context>
<context>
    <name>herald::cli::EngagementReportOutput</name>
    <message>
        <source>off (no opens or clicks are recorded)</source>
        <translation>desactivado (no se registran aperturas ni clics)</translation>
    </message>
    <message>
        <source>anonymous (unique opens and clicks are not known; rates are approximate, from the totals)</source>
        <translation>anónimo (no se conocen las aperturas ni los clics únicos; las tasas son aproximadas, a partir de los totales)</translation>
    </message>
    <message>
        <source>per recipient</source>
        <translation>por destinatario</translation>
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
        <translation>Campaña %1: %2</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>Seguimiento: %1</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>Entregados: %1</translation>
    </message>
    <message>
        <source>First delivered: %1</source>
        <translation>Primera entrega: %1</translation>
    </message>
    <message>
        <source>Human</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquinas</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>Aperturas únicas</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tasa de apertura</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics únicos</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tasa de clics</translation>
    </message>
    <message>
        <source>Click-to-open rate</source>
        <translation>Clics por apertura</translation>
    </message>
    <message>
        <source>The first 7 days, a line per 24 hours from the first delivery (--json has every hour):</source>
        <translation>Los primeros 7 días, una línea cada 24 horas desde la primera entrega (--json da cada hora):</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Desde (UTC)</translation>
    </message>
    <message>
        <source>Human opens</source>
        <translation>Aperturas de personas</translation>
    </message>
    <message>
        <source>Human clicks</source>
        <translation>Clics de personas</translation>
    </message>
    <message>
        <source>Machine opens</source>
        <translation>Aperturas de máquinas</translation>
    </message>
    <message>
        <source>Machine clicks</source>
        <translation>Clics de máquinas</translation>
    </message>
    <message>
        <source>No tracked links.</source>
        <translation>No hay enlaces con seguimiento.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Unique clickers</source>
        <translation>Personas con clic</translation>
    </message>
</context>
<context>
    <name>herald::cli::ExportCommand</name>
    <message>
        <source>The CSV file to write.</source>
        <translation>El archivo CSV que se escribirá.</translation>
    </message>
    <message>
        <source>Only nonprofits whose name, email, EIN or city contains it.</source>
        <translation>Solo las organizaciones cuyo nombre, correo, EIN o ciudad lo contenga.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>name, email, ein, city, region, country, status or updated.</source>
        <translation>name, email, ein, city, region, country, status o updated.</translation>
    </message>
    <message>
        <source>column</source>
        <translation>columna</translation>
    </message>
    <message>
        <source>Sort from last to first.</source>
        <translation>Ordenar del último al primero.</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Exportando a %1</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>%1 filas escritas en %2.</translation>
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
        <translation>Exporta a CSV organizaciones (todas o las que encuentra una búsqueda) o la lista de exclusión, o las aperturas y los clics en bruto de una campaña:

  nonprofits ARCHIVO.csv [--search TEXTO] [--sort COLUMNA] [--descending]
  suppressions ARCHIVO.csv
  engagement ID ARCHIVO.csv   columnas time (ISO 8601, UTC), kind (open o click), link_url, verdict
                              (human o machine), reason, agent_class, client_network y email (solo
                              con seguimiento por destinatario; los eventos anónimos no nombran a
                              nadie); los eventos en bruto más antiguos que el periodo de
                              conservación ya no están

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>nonprofits, suppressions or engagement ID</source>
        <translation>nonprofits, suppressions o engagement ID</translation>
    </message>
    <message>
        <source>Usage: herald export nonprofits|suppressions FILE.csv [--profile NAME] [--search TEXT] [--sort COLUMN] [--descending] | engagement ID FILE.csv [--profile NAME]</source>
        <translation>Uso: herald export nonprofits|suppressions ARCHIVO.csv [--profile NOMBRE] [--search TEXTO] [--sort COLUMNA] [--descending] | engagement ID ARCHIVO.csv [--profile NOMBRE]</translation>
    </message>
</context>
<context>
    <name>herald::cli::GdprCommand</name>
    <message>
        <source>Answers GDPR requests about one email address.</source>
        <translation>Responde a solicitudes RGPD sobre una dirección de correo.</translation>
    </message>
    <message>
        <source>export FILE.json, or erase.</source>
        <translation>export ARCHIVO.json, o erase.</translation>
    </message>
    <message>
        <source>The address the request is about.</source>
        <translation>La dirección a la que se refiere la solicitud.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>Confirm the erasure (it cannot be undone).</source>
        <translation>Confirmar el borrado (no se puede deshacer).</translation>
    </message>
    <message>
        <source>Usage: herald gdpr export --email ADDRESS FILE.json | herald gdpr erase --email ADDRESS --yes</source>
        <translation>Uso: herald gdpr export --email DIRECCIÓN ARCHIVO.json | herald gdpr erase --email DIRECCIÓN --yes</translation>
    </message>
    <message>
        <source>Erasing &apos;%1&apos; deletes its personal data for good; add --yes to confirm.</source>
        <translation>Borrar &apos;%1&apos; elimina sus datos personales para siempre; añada --yes para confirmarlo.</translation>
    </message>
    <message>
        <source>Everything Herald holds about &apos;%1&apos; is in %2.</source>
        <translation>Todo lo que Herald guarda sobre &apos;%1&apos; está en %2.</translation>
    </message>
    <message>
        <source>Erased &apos;%1&apos;: %2 nonprofit row(s) deleted, %3 message(s) anonymised, %4 open(s) and click(s) deleted; the address stays suppressed as %5.</source>
        <translation>Borrada &apos;%1&apos;: %2 fila(s) de organización eliminada(s), %3 mensaje(s) anonimizado(s), %4 apertura(s) y clic(s) eliminado(s); la dirección queda excluida como %5.</translation>
    </message>
</context>
<context>
    <name>herald::cli::IdentityCommand</name>
    <message>
        <source>No sender identities yet.</source>
        <translation>Aún no hay identidades del remitente.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Enlace de baja</translation>
    </message>
    <message>
        <source>Sender identities: who a campaign is from.

  list [--json]
  add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL]
      [--unsubscribe-url URL]     prints the new identity&apos;s id

Addresses and the unsubscribe link are checked as the sender identity dialog checks them. A campaign
can only be queued from an identity with a postal address and an unsubscribe link.

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>Identidades del remitente: de quién es una campaña.

  list [--json]
  add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL]
      [--unsubscribe-url URL]     imprime el id de la nueva identidad

Las direcciones y el enlace de baja se comprueban como en el diálogo de identidad del remitente. Una
campaña solo puede ponerse en cola desde una identidad con dirección postal y enlace de baja.

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>list or add.</source>
        <translation>list o add.</translation>
    </message>
    <message>
        <source>add: what the identity is chosen by (&quot;Development office&quot;).</source>
        <translation>add: el nombre con el que se elige la identidad (&quot;Oficina de desarrollo&quot;).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>add: the From address.</source>
        <translation>add: la dirección From.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>add: the name shown with the From address.</source>
        <translation>add: el nombre que se muestra con la dirección From.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>add: where replies go (optional).</source>
        <translation>add: adónde van las respuestas (opcional).</translation>
    </message>
    <message>
        <source>add: the sender&apos;s postal address, which bulk mail must show.</source>
        <translation>add: la dirección postal del remitente, que el correo masivo debe mostrar.</translation>
    </message>
    <message>
        <source>add: the address of the unsubscribe link (https://…).</source>
        <translation>add: la dirección del enlace de baja (https://…).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Usage: herald identity list [--json] | herald identity add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL] [--unsubscribe-url URL]  (each with [--profile NAME])</source>
        <translation>Uso: herald identity list [--json] | herald identity add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL] [--unsubscribe-url URL]  (cada uno con [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::ImportCommand</name>
    <message>
        <source>Imports nonprofits or a suppression list from a CSV file (UTF-8, &apos;,&apos; or &apos;;&apos;).</source>
        <translation>Importa organizaciones o una lista de exclusión desde un archivo CSV (UTF-8, &apos;,&apos; o &apos;;&apos;).</translation>
    </message>
    <message>
        <source>nonprofits or suppressions</source>
        <translation>nonprofits o suppressions</translation>
    </message>
    <message>
        <source>The CSV file; its first line names the columns.</source>
        <translation>El archivo CSV; su primera línea nombra las columnas.</translation>
    </message>
    <message>
        <source>Match existing nonprofits by email (default) or ein.</source>
        <translation>Emparejar las organizaciones existentes por email (predeterminado) o ein.</translation>
    </message>
    <message>
        <source>Write every rejected row to this CSV file.</source>
        <translation>Escribir cada fila rechazada en este archivo CSV.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Give rows without an email the address &lt;EIN&gt;@DOMAIN (sample data).</source>
        <translation>Dar a las filas sin correo la dirección &lt;EIN&gt;@DOMINIO (datos de ejemplo).</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>dominio</translation>
    </message>
    <message>
        <source>Rows committed together (default 5000).</source>
        <translation>Filas confirmadas juntas (predeterminado 5000).</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>Usage: herald import nonprofits|suppressions FILE.csv [--profile NAME] [--key email|ein] [--report FILE]</source>
        <translation>Uso: herald import nonprofits|suppressions ARCHIVO.csv [--profile NOMBRE] [--key email|ein] [--report ARCHIVO]</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importando %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::IntakeCommand</name>
    <message>
        <source>read %1: %2 hard bounce(s), %3 soft bounce(s), %4 complaint(s), %5 unsubscribe(s), %6 not matched, %7 not understood</source>
        <translation>leídos %1: %2 rebote(s) permanente(s), %3 rebote(s) temporal(es), %4 queja(s), %5 baja(s), %6 sin correspondencia, %7 no comprendidos</translation>
    </message>
    <message>
        <source>; campaign #%1 paused: its complaint rate passed the limit</source>
        <translation>; campaña n.º %1 en pausa: su tasa de quejas superó el límite</translation>
    </message>
    <message>
        <source>Reads bounces, complaints and mailto: unsubscribes from the feedback mailbox set up in Settings, suppresses the addresses and pauses campaigns with too many complaints.</source>
        <translation>Lee los rebotes, las quejas y las bajas por mailto: del buzón de retroalimentación definido en Configuración, excluye las direcciones y pausa las campañas con demasiadas quejas.</translation>
    </message>
    <message>
        <source>One pass, then exit.</source>
        <translation>Una pasada y salir.</translation>
    </message>
    <message>
        <source>Seconds between passes (default 300).</source>
        <translation>Segundos entre pasadas (predeterminado 300).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
</context>
<context>
    <name>herald::cli::MediaCommand</name>
    <message>
        <source>The media library is empty.</source>
        <translation>La biblioteca de medios está vacía.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos; (%2×%3 px, %4 bytes, %5).</source>
        <translation>&apos;%1&apos; importada (%2×%3 px, %4 bytes, %5).</translation>
    </message>
    <message>
        <source>The media library: images for messages, shared by the team.

  import FILE...   PNG, JPEG or GIF; wider than 1,200 px is scaled down, and an image must take 1 MB at
                   most after that (a JPEG is re-encoded at lower quality to fit)
  list [--json]    id, name, type, width, height and size

Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.</source>
        <translation>La biblioteca de medios: imágenes para los mensajes, compartidas por el equipo.

  import FILE...   PNG, JPEG o GIF; más de 1.200 px de ancho se reduce, y una imagen debe ocupar 1 MB
                   como máximo después (un JPEG se recodifica con menor calidad para caber)
  list [--json]    id, nombre, tipo, ancho, alto y tamaño

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>import FILE... or list.</source>
        <translation>import FILE... o list.</translation>
    </message>
    <message>
        <source>Usage: herald media import FILE... | herald media list [--json]  (each with [--profile NAME])</source>
        <translation>Uso: herald media import FILE... | herald media list [--json]  (cada uno con [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::MhdHttpServer</name>
    <message>
        <source>Cannot listen on %1:%2 (is the port in use?)</source>
        <translation>No se puede escuchar en %1:%2 (¿está el puerto en uso?)</translation>
    </message>
</context>
<context>
    <name>herald::cli::ProfileCommand</name>
    <message>
        <source>Manages connection profiles.</source>
        <translation>Gestiona los perfiles de conexión.</translation>
    </message>
    <message>
        <source>list, add NAME, use NAME or remove NAME.</source>
        <translation>list, add NOMBRE, use NOMBRE o remove NOMBRE.</translation>
    </message>
    <message>
        <source>PostgreSQL host.</source>
        <translation>Servidor PostgreSQL.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>PostgreSQL port.</source>
        <translation>Puerto de PostgreSQL.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>puerto</translation>
    </message>
    <message>
        <source>Database name.</source>
        <translation>Nombre de la base de datos.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Nombre de usuario.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>disable, allow, prefer, require, verify-ca or verify-full (default: prefer for this machine, verify-full otherwise).</source>
        <translation>disable, allow, prefer, require, verify-ca o verify-full (predeterminado: prefer para este equipo, verify-full para los demás).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>Usage: herald profile %1 NAME</source>
        <translation>Uso: herald profile %1 NOMBRE</translation>
    </message>
    <message>
        <source>A profile named &apos;%1&apos; exists already.</source>
        <translation>Ya existe un perfil llamado &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Added profile &apos;%1&apos; (%2, sslmode %3).</source>
        <translation>Perfil &apos;%1&apos; añadido (%2, sslmode %3).</translation>
    </message>
    <message>
        <source>There is no connection profile named &apos;%1&apos;.</source>
        <translation>No hay ningún perfil de conexión llamado &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is now the active profile.</source>
        <translation>&apos;%1&apos; es ahora el perfil activo.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the built-in database and cannot be removed.</source>
        <translation>&apos;%1&apos; es la base de datos integrada y no se puede quitar.</translation>
    </message>
    <message>
        <source>Removed profile &apos;%1&apos;.</source>
        <translation>Perfil &apos;%1&apos; quitado.</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;: use list, add, use or remove.</source>
        <translation>Acción desconocida &apos;%1&apos;: use list, add, use o remove.</translation>
    </message>
</context>
<context>
    <name>herald::cli::ProviderCommand</name>
    <message>
        <source>No mail providers yet.</source>
        <translation>Aún no hay proveedores de correo.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Ráfaga</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>No password given: set %1 wherever Herald sends (or type it in Settings → Mail providers).</source>
        <translation>No se dio contraseña: defina %1 allí donde Herald envíe (o escríbala en Ajustes → Proveedores de correo).</translation>
    </message>
    <message>
        <source>No keychain here: Herald reads the password from %1 whenever it sends, so keep it set for &apos;herald worker&apos;.</source>
        <translation>Aquí no hay llavero: Herald lee la contraseña de %1 cada vez que envía, así que manténgala definida para &apos;herald worker&apos;.</translation>
    </message>
    <message>
        <source>The password from %1 is kept in the keychain.</source>
        <translation>La contraseña de %1 se guarda en el llavero.</translation>
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
        <translation>Proveedores de correo (servidores SMTP).

  list [--json]      cada proveedor, con el origen de su secreto (environment, keychain o none)
  add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER]
      [--rate R] [--burst B] [--connections C] [--priority P]      imprime el id del nuevo proveedor

La contraseña nunca es un argumento. HERALD_PROVIDER_SECRET_&lt;NAME&gt; (el nombre del proveedor en
mayúsculas, cualquier carácter que no sea A-Z, 0-9 o _ como _, p. ej. HERALD_PROVIDER_SECRET_OFFICE_RELAY)
la da: &apos;provider add&apos; la guarda en el llavero del sistema si lo hay, y todo proceso de Herald que envía
lee la variable antes que el llavero, así que un &apos;herald worker&apos; sin pantalla puede recibirla así.

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>list or add.</source>
        <translation>list o add.</translation>
    </message>
    <message>
        <source>add: the provider&apos;s name.</source>
        <translation>add: el nombre del proveedor.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>add: the SMTP server, and its port (default 587, or 465 with --tls implicit).</source>
        <translation>add: el servidor SMTP y su puerto (predeterminado 587, o 465 con --tls implicit).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:puerto</translation>
    </message>
    <message>
        <source>add: implicit (SMTPS), starttls (required, the default), optional (STARTTLS when offered) or none (test servers on this computer only).</source>
        <translation>add: implicit (SMTPS), starttls (obligatorio, predeterminado), optional (STARTTLS si se ofrece) o none (solo servidores de prueba en este equipo).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>add: the SMTP user name.</source>
        <translation>add: el nombre de usuario SMTP.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>add: messages per second (default %1).</source>
        <translation>add: mensajes por segundo (predeterminado %1).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>ritmo</translation>
    </message>
    <message>
        <source>add: messages at once after a quiet spell (default %1).</source>
        <translation>add: mensajes de una vez tras un periodo tranquilo (predeterminado %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>número</translation>
    </message>
    <message>
        <source>add: connections each sending process keeps open (default %1).</source>
        <translation>add: conexiones que cada proceso de envío mantiene abiertas (predeterminado %1).</translation>
    </message>
    <message>
        <source>add: lower is tried first (default %1).</source>
        <translation>add: el menor se prueba primero (predeterminado %1).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>Usage: herald provider list [--json] | herald provider add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER] [--rate R] [--burst B] [--connections C] [--priority P]  (each with [--profile NAME])</source>
        <translation>Uso: herald provider list [--json] | herald provider add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER] [--rate R] [--burst B] [--connections C] [--priority P]  (cada uno con [--profile NAME])</translation>
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
        <translation>Informes de interacción.

  campaign ID [--json]   mensajes entregados; aperturas, aperturas únicas, tasa de apertura, clics,
                         clics únicos, tasa de clics y clics por apertura, de personas (human) y de
                         máquinas (machine) por separado; aperturas y clics de los primeros 7 días;
                         clics por enlace

Las tasas son fracciones de los mensajes entregados. Con seguimiento anónimo no se distinguen las
aperturas de cada persona, así que las aperturas y los clics únicos se desconocen y las tasas salen de
los totales (marcadas como aproximadas).
--json da lo mismo con cada hora de los primeros 7 días: claves campaign_id, name, status, tracking,
delivered, first_sent_at, uniques_known, approximate, human y machine (opens, unique_opens,
implied_opens, open_rate, clicks, unique_clicks, click_rate, click_to_open_rate; los valores
desconocidos o indefinidos son null), hourly (hour_start, human_opens, human_clicks, machine_opens,
machine_clicks) y links (link_no, url, human_clicks, unique_human_clickers, machine_clicks).

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>campaign ID</source>
        <translation>campaign ID</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Imprimir JSON en lugar de texto.</translation>
    </message>
    <message>
        <source>Usage: herald report campaign ID [--json] [--profile NAME]</source>
        <translation>Uso: herald report campaign ID [--json] [--profile NOMBRE]</translation>
    </message>
</context>
<context>
    <name>herald::cli::ServeCommand</name>
    <message>
        <source>Opens and clicks cannot be written to the database.</source>
        <translation>No se pueden escribir las aperturas y los clics en la base de datos.</translation>
    </message>
    <message>
        <source>The database does not answer: %1</source>
        <translation>La base de datos no responde: %1</translation>
    </message>
    <message>
        <source>Address and port to listen on, e.g. 127.0.0.1:8025.</source>
        <translation>Dirección y puerto en que escuchar, p. ej. 127.0.0.1:8025.</translation>
    </message>
    <message>
        <source>address:port</source>
        <translation>dirección:puerto</translation>
    </message>
    <message>
        <source>The address recipients reach this server at, e.g. https://mail.example.org/herald; stored for every Herald sharing the database (tracked links and the web view link use it).</source>
        <translation>La dirección en que los destinatarios llegan a este servidor, p. ej. https://mail.example.org/herald; se guarda para todos los Herald que comparten la base de datos (la usan los enlaces con seguimiento y el de vista web).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>A proxy (address or network, e.g. 127.0.0.1/32) whose X-Forwarded-For header is believed; repeat for several. Without one the socket&apos;s peer is the client.</source>
        <translation>Un proxy (dirección o red, p. ej. 127.0.0.1/32) cuya cabecera X-Forwarded-For se cree; repítalo para varios. Sin ninguno, el cliente es el otro extremo del socket.</translation>
    </message>
    <message>
        <source>cidr</source>
        <translation>cidr</translation>
    </message>
    <message>
        <source>Request threads (default: one per core).</source>
        <translation>Hilos de peticiones (por omisión: uno por núcleo).</translation>
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
        <translation>Uso: herald serve --listen DIRECCIÓN:PUERTO, p. ej. --listen 127.0.0.1:8025 (&apos;%1&apos; no es una dirección IP y un puerto).</translation>
    </message>
    <message>
        <source>--flush-ms must be between 1 and %1.</source>
        <translation>--flush-ms debe estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>--threads must be a number from 1 to 256.</source>
        <translation>--threads debe ser un número de 1 a 256.</translation>
    </message>
    <message>
        <source>Listening on %1:%2</source>
        <translation>Escuchando en %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n request(s); %1 open(s) and click(s) written.</source>
        <translation>
            <numerusform>Detenido tras %n petición; %1 aperturas y clics escritos.</numerusform>
            <numerusform>Detenido tras %n peticiones; %1 aperturas y clics escritos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The spool %1 is full: new opens and clicks are not recorded.</source>
        <translation>La cola %1 está llena: las nuevas aperturas y clics no se registran.</translation>
    </message>
    <message>
        <source>How often recorded opens and clicks are written, in milliseconds (default 100, at most 250). Every open and click is first kept in the spool.</source>
        <translation>Cada cuánto se escriben las aperturas y los clics registrados, en milisegundos (100 por defecto, 250 como máximo). Cada apertura y clic se guarda primero en la cola.</translation>
    </message>
    <message>
        <source>Where opens and clicks are kept until the database has them, one directory per herald serve (default: serve-spool/ADDRESS_PORT in Herald&apos;s data folder). A kill loses at most the last %1 ms of them; those a killed process left are written when herald serve next starts on that directory.</source>
        <translation>Dónde se guardan las aperturas y los clics hasta que la base de datos los tiene, un directorio por herald serve (por defecto: serve-spool/DIRECCIÓN_PUERTO en la carpeta de datos de Herald). Una interrupción pierde como mucho los últimos %1 ms; los que dejó un proceso interrumpido se escriben cuando herald serve vuelve a arrancar en ese directorio.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>directorio</translation>
    </message>
    <message>
        <source>How large the spool may grow while the database does not take the events (default %1); past it new opens and clicks are answered but not recorded, and their log lines say so.</source>
        <translation>Cuánto puede crecer la cola mientras la base de datos no acepta los eventos (%1 por defecto); por encima, las nuevas aperturas y clics se responden pero no se registran, y sus líneas de registro lo dicen.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>--spool-max-mb must be a number from 1 to 1048576.</source>
        <translation>--spool-max-mb debe ser un número de 1 a 1048576.</translation>
    </message>
    <message numerus="yes">
        <source>%n open(s) and click(s) were not recorded: the spool %1 was full.</source>
        <translation>
            <numerusform>%n apertura o clic no se registró: la cola %1 estaba llena.</numerusform>
            <numerusform>%n aperturas y clics no se registraron: la cola %1 estaba llena.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some opens and clicks could not be written to the database; they are kept in %1 and written when herald serve next starts with that spool.</source>
        <translation>Algunas aperturas y clics no se pudieron escribir en la base de datos; se guardan en %1 y se escribirán cuando herald serve vuelva a arrancar con esa cola.</translation>
    </message>
    <message>
        <source>Herald&apos;s public endpoint, run behind your web server (which ends TLS): one-click unsubscribe (RFC 8058), the open pixel (/o/), the click redirect (/c/), the message as a web page (/v/), the media library&apos;s images for campaigns that link them (/m/), /healthz and /metrics (Prometheus: the sending figures of the last 15 minutes, as herald stats --prometheus prints them). Several may run against one PostgreSQL. &apos;herald unsubscribe-server&apos; is its old name.</source>
        <translation>El punto de acceso público de Herald, detrás de su servidor web (que termina TLS): baja con un clic (RFC 8058), el píxel de apertura (/o/), la redirección de clics (/c/), el mensaje como página web (/v/), las imágenes de la biblioteca de medios para las campañas que las enlazan (/m/), /healthz y /metrics (Prometheus: las cifras de envío de los últimos 15 minutos, tal como las imprime herald stats --prometheus). Pueden funcionar varios contra un mismo PostgreSQL. &apos;herald unsubscribe-server&apos; es su nombre antiguo.</translation>
    </message>
</context>
<context>
    <name>herald::cli::StatsCommand</name>
    <message>
        <source>Prints sending figures for a time range: sends and failures per second, failure rate, latency percentiles, top failure reasons and queue depth.

</source>
        <translation>Imprime cifras de envío de un intervalo de tiempo: envíos y fallos por segundo, tasa de fallos, percentiles de latencia, principales motivos de fallo y profundidad de la cola.

</translation>
    </message>
    <message>
        <source>Print JSON (schema above).</source>
        <translation>Imprimir JSON (esquema arriba).</translation>
    </message>
    <message>
        <source>Print Prometheus text exposition format.</source>
        <translation>Imprimir en el formato de exposición de texto de Prometheus.</translation>
    </message>
    <message>
        <source>The time range up to now: 15m, 1h, 24h or 7d (default 1h).</source>
        <translation>El intervalo de tiempo hasta ahora: 15m, 1h, 24h o 7d (predeterminado 1h).</translation>
    </message>
    <message>
        <source>range</source>
        <translation>intervalo</translation>
    </message>
    <message>
        <source>Usage: herald stats [--profile NAME] [--json | --prometheus] [--range 15m|1h|24h|7d]</source>
        <translation>Uso: herald stats [--profile NOMBRE] [--json | --prometheus] [--range 15m|1h|24h|7d]</translation>
    </message>
</context>
<context>
    <name>herald::cli::StatsReport</name>
    <message>
        <source>From %1 to %2 (UTC)</source>
        <translation>De %1 a %2 (UTC)</translation>
    </message>
    <message>
        <source>Sent %1, failed %2, retried %3, unknown %4</source>
        <translation>Enviados %1, fallidos %2, reintentados %3, desconocidos %4</translation>
    </message>
    <message>
        <source>Rate: %1 sent/s, %2 failed/s</source>
        <translation>Tasa: %1 enviados/s, %2 fallidos/s</translation>
    </message>
    <message numerus="yes">
        <source>Failure rate: %1 % over the range, %2 % over the last %n minute(s)</source>
        <translation>
            <numerusform>Tasa de fallos: %1 % en el intervalo, %2 % en el último %n minuto</numerusform>
            <numerusform>Tasa de fallos: %1 % en el intervalo, %2 % en los últimos %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency: P50 %1 ms, P95 %2 ms, P99 %3 ms</source>
        <translation>Latencia: P50 %1 ms, P95 %2 ms, P99 %3 ms</translation>
    </message>
    <message>
        <source>Queue: %1 pending (%2 retrying), %3 in flight</source>
        <translation>Cola: %1 pendientes (%2 reintentando), %3 en curso</translation>
    </message>
    <message>
        <source>  Provider %1: sent %2, failed %3, P95 %4 ms</source>
        <translation>  Proveedor %1: enviados %2, fallidos %3, P95 %4 ms</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Top failure reasons:</source>
        <translation>Principales motivos de fallo:</translation>
    </message>
    <message>
        <source>  %1: circuit %2, %3/s now, kept to %4/s of %5/s%6</source>
        <translation>  %1: circuito %2, %3/s ahora, limitado a %4/s de %5/s%6</translation>
    </message>
    <message>
        <source>, last error: %1</source>
        <translation>, último error: %1</translation>
    </message>
</context>
<context>
    <name>herald::cli::SyncCommand</name>
    <message>
        <source>Syncs the drafts kept on this computer with the profile&apos;s PostgreSQL server.</source>
        <translation>Sincroniza los borradores guardados en este equipo con el servidor PostgreSQL del perfil.</translation>
    </message>
    <message>
        <source>Resolve every open conflict first: mine, server or both.</source>
        <translation>Resolver primero todos los conflictos abiertos: mine (la mía), server (la del servidor) o both (ambas).</translation>
    </message>
    <message>
        <source>--keep takes mine, server or both, not &apos;%1&apos;.</source>
        <translation>--keep admite mine, server o both, no &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; keeps its data on this computer; only PostgreSQL profiles have drafts to sync.</source>
        <translation>El perfil &apos;%1&apos; guarda sus datos en este equipo; solo los perfiles PostgreSQL tienen borradores que sincronizar.</translation>
    </message>
    <message>
        <source>Cannot sync now: %1</source>
        <translation>No se puede sincronizar ahora: %1</translation>
    </message>
    <message>
        <source>Conflict on %1 &apos;%2&apos; not resolved: %3</source>
        <translation>Conflicto en %1 &apos;%2&apos; sin resolver: %3</translation>
    </message>
    <message>
        <source>Resolved: %1 &apos;%2&apos; (%3)</source>
        <translation>Resuelto: %1 &apos;%2&apos; (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n fila</numerusform>
            <numerusform>%1: %n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Sincronización detenida: %1</translation>
    </message>
    <message>
        <source>What was synced is kept; run &apos;herald sync&apos; again to finish.</source>
        <translation>Lo sincronizado se conserva; ejecute &apos;herald sync&apos; de nuevo para terminar.</translation>
    </message>
    <message>
        <source>Pushed: %1</source>
        <translation>Enviados: %1</translation>
    </message>
    <message>
        <source>Pulled: %1</source>
        <translation>Recibidos: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1 new, %2 open</source>
        <translation>Conflictos: %1 nuevos, %2 abiertos</translation>
    </message>
    <message>
        <source>Nonprofits kept offline: %1</source>
        <translation>Organizaciones guardadas sin conexión: %1</translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>No sincronizado: %1</translation>
    </message>
    <message>
        <source>  conflict: %1 &apos;%2&apos; (%3)</source>
        <translation>  conflicto: %1 &apos;%2&apos; (%3)</translation>
    </message>
    <message>
        <source>Resolve them in Herald&apos;s sync dialog, or with --keep mine|server|both.</source>
        <translation>Resuélvalos en el diálogo de sincronización de Herald, o con --keep mine|server|both.</translation>
    </message>
</context>
<context>
    <name>herald::cli::TeamCommand</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Nobody is in the team yet.</source>
        <translation>Aún no hay nadie en el equipo.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Puede conectarse</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>list, add, set-role or remove.</source>
        <translation>list, add, set-role o remove.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>add: read the password from standard input.</source>
        <translation>add: leer la contraseña de la entrada estándar.</translation>
    </message>
    <message>
        <source>add: no password (certificate or peer authentication).</source>
        <translation>add: sin contraseña (autenticación por certificado o peer).</translation>
    </message>
    <message>
        <source>Usage: herald team list [--json] | herald team add NAME --role ROLE [--password-stdin | --no-password] | herald team set-role NAME ROLE | herald team remove NAME  (each with [--profile NAME])</source>
        <translation>Uso: herald team list [--json] | herald team add NOMBRE --role ROL [--password-stdin | --no-password] | herald team set-role NOMBRE ROL | herald team remove NOMBRE  (cada uno con [--profile NOMBRE])</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 es ahora %2.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>Se quitó a %1.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: la entrada estándar no contenía ninguna contraseña.</translation>
    </message>
    <message>
        <source>%1 was added as %2. Their password, shown this once:</source>
        <translation>Se añadió a %1 como %2. Su contraseña, mostrada esta única vez:</translation>
    </message>
    <message>
        <source>%1 was added as %2.</source>
        <translation>Se añadió a %1 como %2.</translation>
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
        <translation>El equipo en un servidor PostgreSQL: cada persona se conecta con su propio rol de PostgreSQL, en uno de los roles
de Herald (viewer, editor, sender, admin, worker, serve). Solo los administradores pueden añadir, cambiar o quitar
personas; el servidor rechaza a los demás, y cada cambio queda en el registro de auditoría.

  list [--json]                 personas, su rol, si pueden conectarse, cuándo las vio Herald por última vez
  add NAME --role ROLE          un usuario nuevo; imprime una vez una contraseña generada (PostgreSQL guarda
                                su hash, Herald no guarda nada)
      [--password-stdin]        la contraseña de la primera línea de la entrada estándar en su lugar
      [--no-password]           sin contraseña: autenticación por certificado o peer (pg_hba.conf)
  set-role NAME ROLE            pasa a una persona a otro rol
  remove NAME                   elimina el usuario; lo que posee en esta base de datos pasa al propietario

Herald solo cambia miembros normales del equipo: nunca un superusuario, el propietario de la base de datos, un
rol que puede crear roles, un rol ajeno al equipo, ni a usted mismo. La base de datos integrada (SQLite) es una
sola persona con todos los derechos.

Estado de salida: 0 hecho, 1 falló (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>add: viewer, editor, sender, admin, worker (runs herald worker and herald intake) or serve (runs herald serve).</source>
        <translation>add: viewer, editor, sender, admin, worker (ejecuta herald worker y herald intake) o serve (ejecuta herald serve).</translation>
    </message>
</context>
<context>
    <name>herald::cli::TemplateCommand</name>
    <message>
        <source>No templates yet.</source>
        <translation>Aún no hay plantillas.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Wrote template &apos;%1&apos; (version %2) to %3.</source>
        <translation>Plantilla &apos;%1&apos; (versión %2) escrita en %3.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
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
        <translation>Plantillas de mensaje.

  list [--json]                     id, nombre, versión y asunto de cada plantilla
  export ID FILE                    escribe el nombre, el asunto y los cuerpos de la plantilla en FILE (JSON)
  import FILE [--name NAME]         añade la plantilla de FILE (como la escribe export); imprime su id
  starters [--json]                 id, título y descripción de los diseños iniciales
  import starter:ID [--name NAME]   añade una plantilla hecha con el diseño inicial ID (newsletter, event,
                                    appeal, announcement) con la identidad visual de la organización
                                    (Configuración → Identidad visual) y en el idioma en que funciona
                                    Herald; imprime su id

Una importación se comprueba como la página Plantillas comprueba al guardar: una plantilla con errores
(sintaxis mustache, marcadores desconocidos, sin enlace de baja o dirección postal) se rechaza y cada
problema se imprime en la salida de error con su parte, línea y columna; los avisos se imprimen y no la
detienen.

Estado de salida: 0 hecho, 1 fallo (el motivo en la salida de error), 2 error de uso.</translation>
    </message>
    <message>
        <source>list, export ID FILE, import FILE, starters or import starter:ID.</source>
        <translation>list, export ID FILE, import FILE, starters o import starter:ID.</translation>
    </message>
    <message>
        <source>import: the name to give the template (default: the name in the file, or the starter&apos;s title).</source>
        <translation>import: el nombre que dar a la plantilla (predeterminado: el del archivo, o el título del diseño inicial).</translation>
    </message>
    <message>
        <source>Usage: herald template list [--json] | herald template export ID FILE | herald template import FILE|starter:ID [--name NAME] | herald template starters [--json]  (each with [--profile NAME])</source>
        <translation>Uso: herald template list [--json] | herald template export ID FILE | herald template import FILE|starter:ID [--name NAME] | herald template starters [--json]  (cada uno con [--profile NAME])</translation>
    </message>
</context>
<context>
    <name>herald::cli::WorkerCommand</name>
    <message>
        <source>Sends queued campaigns without a window.</source>
        <translation>Envía campañas en cola sin ventana.</translation>
    </message>
    <message>
        <source>Connection profile (default: the active one).</source>
        <translation>Perfil de conexión (predeterminado: el activo).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Messages leased per claim (default 500).</source>
        <translation>Mensajes reservados por solicitud (predeterminado 500).</translation>
    </message>
    <message>
        <source>Lease length (default 120).</source>
        <translation>Duración de la reserva (predeterminado 120).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>How often expired leases are recovered (default 5000).</source>
        <translation>Cada cuánto se recuperan las reservas caducadas (predeterminado 5000).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Exit once no campaign has anything left to send.</source>
        <translation>Salir cuando ninguna campaña tenga nada pendiente de enviar.</translation>
    </message>
    <message>
        <source>No progress lines.</source>
        <translation>Sin líneas de progreso.</translation>
    </message>
    <message>
        <source>Worker %1 sending with %2 threads through %3 provider(s).</source>
        <translation>Worker %1 enviando con %2 hilos a través de %3 proveedor(es).</translation>
    </message>
    <message>
        <source>sent %1  failed %2  retrying %3  unknown %4  queued %5  %6/s%7</source>
        <translation>enviados %1  fallidos %2  reintentando %3  desconocidos %4  en cola %5  %6/s%7</translation>
    </message>
    <message>
        <source>Stopped: sent %1, failed %2, retrying %3, unknown %4.</source>
        <translation>Detenido: enviados %1, fallidos %2, reintentando %3, desconocidos %4.</translation>
    </message>
    <message>
        <source>Sending threads, over which each provider&apos;s connections are spread (default: one per processor core, %1 here).</source>
        <translation>Hilos de envío, entre los que se reparten las conexiones de cada proveedor (por omisión: uno por núcleo del procesador, %1 aquí).</translation>
    </message>
</context>
</TS>
