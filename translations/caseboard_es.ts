<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>caseboard</name>
    <message>
        <source>CaseBoard: case management for homicide units, over an encrypted case file.</source>
        <translation>CaseBoard: gestión de casos para unidades de homicidios, sobre un archivo de casos cifrado.</translation>
    </message>
    <message>
        <source>Choose the case file at &lt;path&gt; to unlock.</source>
        <translation>Elige el archivo de casos en &lt;ruta&gt; para desbloquearlo.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>Open the demo case file signed in as its sergeant, creating it first if it is missing (the sign-in window offers its other accounts).</source>
        <translation>Abre el archivo de casos de demostración con la sesión iniciada como su sargento, y antes lo crea si no existe (la ventana de inicio de sesión ofrece sus demás cuentas).</translation>
    </message>
</context>
<context>
    <name>cb::AuditChain</name>
    <message>
        <source>entry %1 has no hash (written outside CaseBoard?)</source>
        <translation>la entrada %1 no tiene hash (¿escrita fuera de CaseBoard?)</translation>
    </message>
    <message>
        <source>entry %1 does not match its hash: it, or the entry before it, was edited, deleted, reordered or inserted outside CaseBoard</source>
        <translation>la entrada %1 no coincide con su hash: ella, o la entrada anterior, se editó, borró, reordenó o insertó fuera de CaseBoard</translation>
    </message>
    <message>
        <source>entry %1 follows entry %2: the entries between are missing</source>
        <translation>la entrada %1 sigue a la entrada %2: faltan las entradas intermedias</translation>
    </message>
    <message>
        <source>the audit trail ends at entry %1, but %2 holds entries up to %3: entries %4 to %3 were cut off the trail</source>
        <translation>el registro de auditoría termina en la entrada %1, pero %2 contiene entradas hasta la %3: se eliminaron del registro las entradas de la %4 a la %3</translation>
    </message>
    <message>
        <source>entry %1 of the audit trail is not the one %2 holds: the trail was rewritten from that entry on</source>
        <translation>la entrada %1 del registro de auditoría no es la que contiene %2: el registro se reescribió a partir de esa entrada</translation>
    </message>
</context>
<context>
    <name>cb::AutoBackup</name>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>No se puede crear la carpeta de copias de seguridad %1.</translation>
    </message>
    <message>
        <source>The automatic backup %1 is not in place after writing it; the older backups were kept.</source>
        <translation>La copia de seguridad automática %1 no está en su sitio después de escribirla; se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>Cannot delete the old backup %1.</source>
        <translation>No se puede borrar la copia de seguridad antigua %1.</translation>
    </message>
    <message>
        <source>Cannot delete the leftover file %1.</source>
        <translation>No se puede borrar el archivo sobrante %1.</translation>
    </message>
    <message>
        <source>The automatic backup %1 does not open after writing it (%2); the older backups were kept.</source>
        <translation>La copia de seguridad automática %1 no se abre después de escribirla (%2); se conservaron las copias anteriores.</translation>
    </message>
</context>
<context>
    <name>cb::Backup</name>
    <message>
        <source>check &quot;%1&quot; failed: %2</source>
        <translation>la comprobación &quot;%1&quot; falló: %2</translation>
    </message>
    <message>
        <source>%1 already exists; CaseBoard never overwrites a file.</source>
        <translation>%1 ya existe; CaseBoard nunca sobrescribe un archivo.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>La carpeta de %1 no existe.</translation>
    </message>
    <message>
        <source>The copy of %1 does not carry its application id and schema version.</source>
        <translation>La copia de %1 no lleva su identificador de aplicación ni su versión de esquema.</translation>
    </message>
    <message>
        <source>The copy failed its check &quot;integrity_check&quot;: %1</source>
        <translation>La copia no superó su comprobación &quot;integrity_check&quot;: %1</translation>
    </message>
    <message>
        <source>The copy failed its check &quot;cipher_integrity_check&quot;: %1</source>
        <translation>La copia no superó su comprobación &quot;cipher_integrity_check&quot;: %1</translation>
    </message>
    <message>
        <source>Cannot move the backup into place at %1.</source>
        <translation>No se puede colocar la copia de seguridad en su sitio en %1.</translation>
    </message>
    <message>
        <source>No backup was written to %1: %2</source>
        <translation>No se escribió ninguna copia de seguridad en %1: %2</translation>
    </message>
    <message>
        <source>No backup at %1.</source>
        <translation>No hay ninguna copia de seguridad en %1.</translation>
    </message>
    <message>
        <source>A backup cannot be restored over itself (%1).</source>
        <translation>Una copia de seguridad no puede restaurarse sobre sí misma (%1).</translation>
    </message>
    <message>
        <source>%1 was not changed.</source>
        <translation>%1 no se modificó.</translation>
    </message>
    <message>
        <source>Cannot copy %1 beside %2.</source>
        <translation>No se puede copiar %1 junto a %2.</translation>
    </message>
    <message>
        <source>The backup %1 was refused (check &quot;unlock&quot; failed): %2 %3</source>
        <translation>Se rechazó la copia de seguridad %1 (falló la comprobación &quot;unlock&quot;): %2 %3</translation>
    </message>
    <message>
        <source>The backup %1 was refused (%2). %3</source>
        <translation>Se rechazó la copia de seguridad %1 (%2). %3</translation>
    </message>
    <message>
        <source>Cannot move %1 aside to %2. %3</source>
        <translation>No se puede apartar %1 a %2. %3</translation>
    </message>
    <message>
        <source>Cannot move the restored file into place at %1. %2</source>
        <translation>No se puede colocar el archivo restaurado en su sitio en %1. %2</translation>
    </message>
</context>
<context>
    <name>cb::CaseFile</name>
    <message>
        <source>No case file at %1.</source>
        <translation>No hay ningún archivo de casos en %1.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a CaseBoard case file.</source>
        <translation>%1 está vacío: no es un archivo de casos de CaseBoard.</translation>
    </message>
    <message>
        <source>%1 is an unencrypted SQLite database, not a CaseBoard case file.</source>
        <translation>%1 es una base de datos SQLite sin cifrar, no un archivo de casos de CaseBoard.</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged (its size, %2 bytes, is not a whole number of pages). Restore it from a backup.</source>
        <translation>%1 está truncado o dañado (su tamaño, %2 bytes, no es un número entero de páginas). Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>A passphrase needs at least %1 characters; this one has %2. A few words with spaces make a good one.</source>
        <translation>Una frase de contraseña necesita al menos %1 caracteres; esta tiene %2. Unas cuantas palabras separadas por espacios forman una buena.</translation>
    </message>
    <message>
        <source>This passphrase is on the list of commonly used passwords; choose another.</source>
        <translation>Esta frase de contraseña está en la lista de contraseñas de uso común; elija otra.</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or %1 is damaged. The file was not changed.</source>
        <translation>La frase de contraseña es incorrecta, o %1 está dañado. El archivo no se modificó.</translation>
    </message>
    <message>
        <source>%1 is an encrypted database, but not a CaseBoard case file.</source>
        <translation>%1 es una base de datos cifrada, pero no un archivo de casos de CaseBoard.</translation>
    </message>
    <message>
        <source>%1 was written by a newer CaseBoard (schema %2; this one understands up to %3). It was not changed.</source>
        <translation>%1 fue escrito por una versión más reciente de CaseBoard (esquema %2; esta entiende hasta el %3). No se modificó.</translation>
    </message>
    <message>
        <source>Could not switch the case file to write-ahead logging (%1).</source>
        <translation>No se pudo pasar el archivo de casos al registro de escritura anticipada (%1).</translation>
    </message>
    <message>
        <source>%1 already exists; CaseBoard never overwrites a file.</source>
        <translation>%1 ya existe; CaseBoard nunca sobrescribe un archivo.</translation>
    </message>
    <message>
        <source>could not be completed: %1</source>
        <translation>no se pudo completar: %1</translation>
    </message>
    <message>
        <source>SQLite integrity</source>
        <translation>integridad de SQLite</translation>
    </message>
    <message>
        <source>cipher integrity (HMAC of every page)</source>
        <translation>integridad del cifrado (HMAC de cada página)</translation>
    </message>
    <message>
        <source>schema version</source>
        <translation>versión del esquema</translation>
    </message>
    <message>
        <source>schema %1, expected %2</source>
        <translation>esquema %1, se esperaba el %2</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>claves foráneas</translation>
    </message>
    <message>
        <source>%1 row %2 points at a missing %3</source>
        <translation>la fila %2 de %1 apunta a una fila inexistente de %3</translation>
    </message>
    <message>
        <source>audit completeness</source>
        <translation>completitud de la auditoría</translation>
    </message>
    <message>
        <source>%1: %2 without a &apos;create&apos; entry in the audit trail</source>
        <translation>%1: %2 sin una entrada &apos;create&apos; en el registro de auditoría</translation>
    </message>
    <message>
        <source>%1 %2: field %3 differs from the audit trail (changed outside CaseBoard?)</source>
        <translation>%1 %2: el campo %3 difiere del registro de auditoría (¿modificado fuera de CaseBoard?)</translation>
    </message>
    <message>
        <source>derived tables</source>
        <translation>tablas derivadas</translation>
    </message>
    <message>
        <source>derived_case_activity: case %1 does not match the audit trail</source>
        <translation>derived_case_activity: el caso %1 no coincide con el registro de auditoría</translation>
    </message>
    <message>
        <source>The key slots of %1 are damaged (neither copy of its header is whole). Restore it from a backup; the file was not changed.</source>
        <translation>Las ranuras de clave de %1 están dañadas (ninguna de las dos copias de su cabecera está completa). Restáurelo desde una copia de seguridad; el archivo no se modificó.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a login: a login is a member&apos;s badge, 1 to 64 characters without spaces around it.</source>
        <translation>&quot;%1&quot; no puede ser un nombre de usuario: un nombre de usuario es la placa de un miembro, de 1 a 64 caracteres sin espacios alrededor.</translation>
    </message>
    <message>
        <source>%1 has no recovery key.</source>
        <translation>%1 no tiene clave de recuperación.</translation>
    </message>
    <message>
        <source>%1 has no accounts left: open it with its recovery key.</source>
        <translation>A %1 no le quedan cuentas: ábralo con su clave de recuperación.</translation>
    </message>
    <message>
        <source>%1 has %2 accounts (%3): say which one signs in.</source>
        <translation>%1 tiene %2 cuentas (%3): indique con cuál se inicia sesión.</translation>
    </message>
    <message>
        <source>%1 has no account %2.</source>
        <translation>%1 no tiene ninguna cuenta %2.</translation>
    </message>
    <message>
        <source>%1 is damaged: its key slots open, but its first page does not. Restore it from a backup; the file was not changed.</source>
        <translation>%1 está dañado: sus ranuras de clave se abren, pero su primera página no. Restáurelo desde una copia de seguridad; el archivo no se modificó.</translation>
    </message>
    <message>
        <source>%1 is an old-format case file: it has no recovery key.</source>
        <translation>%1 es un archivo de casos de formato antiguo: no tiene clave de recuperación.</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged (its size, %2 bytes, is not its key header and whole pages). Restore it from a backup.</source>
        <translation>%1 está truncado o dañado (su tamaño, %2 bytes, no corresponde a su cabecera de claves más páginas completas). Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The account %1 of %2 is locked after %3 failed sign-ins within 15 minutes (since %4 UTC). An administrator must release it.</source>
        <translation>La cuenta %1 de %2 está bloqueada tras %3 inicios de sesión fallidos en 15 minutos (desde las %4 UTC). Un administrador debe desbloquearla.</translation>
    </message>
    <message>
        <source>The recovery key is wrong for %1. The database was not changed.</source>
        <translation>La clave de recuperación de %1 es incorrecta. La base de datos no se modificó.</translation>
    </message>
    <message>
        <source>The passphrase is wrong for %1, or %2 is damaged. That was the %3th failed sign-in within 15 minutes: the account is locked until an administrator releases it.</source>
        <translation>La frase de contraseña de %1 es incorrecta, o %2 está dañado. Ese fue el inicio de sesión fallido n.º %3 en 15 minutos: la cuenta queda bloqueada hasta que un administrador la desbloquee.</translation>
    </message>
    <message>
        <source>The passphrase is wrong for %1, or %2 is damaged. The database was not changed; the failed sign-in was counted (%3 within 15 minutes lock the account).</source>
        <translation>La frase de contraseña de %1 es incorrecta, o %2 está dañado. La base de datos no se modificó; el inicio de sesión fallido se contabilizó (%3 en 15 minutos bloquean la cuenta).</translation>
    </message>
    <message>
        <source>The key slot of %1 in %2 is damaged: it does not give the file&apos;s key. Restore the file from a backup, or open it with the recovery key.</source>
        <translation>La ranura de clave de %1 en %2 está dañada: no da la clave del archivo. Restaure el archivo desde una copia de seguridad, o ábralo con la clave de recuperación.</translation>
    </message>
    <message>
        <source>The passphrase is wrong for %1, or %2 is damaged.</source>
        <translation>La frase de contraseña de %1 es incorrecta, o %2 está dañado.</translation>
    </message>
    <message>
        <source>%1 is open elsewhere (another CaseBoard window or command). Close it there first; nothing was changed.</source>
        <translation>%1 está abierto en otro lugar (otra ventana o comando de CaseBoard). Ciérrelo allí primero; no se modificó nada.</translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check &quot;integrity_check&quot;: %1</source>
        <translation>La copia recifrada no superó su comprobación &quot;integrity_check&quot;: %1</translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check &quot;cipher_integrity_check&quot;: %1</source>
        <translation>La copia recifrada no superó su comprobación &quot;cipher_integrity_check&quot;: %1</translation>
    </message>
    <message>
        <source>The re-encrypted copy is not a case file.</source>
        <translation>La copia recifrada no es un archivo de casos.</translation>
    </message>
    <message>
        <source>Cannot move the re-encrypted copy into place at %1.</source>
        <translation>No se puede colocar la copia recifrada en su sitio en %1.</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 no se modificó: %2</translation>
    </message>
    <message>
        <source>%1 already has accounts: there is nothing to upgrade.</source>
        <translation>%1 ya tiene cuentas: no hay nada que actualizar.</translation>
    </message>
    <message>
        <source>The list of common passwords is missing from this build.</source>
        <translation>Falta la lista de contraseñas comunes en esta compilación.</translation>
    </message>
    <message>
        <source>This passphrase is a commonly used password with digits or symbols added, or repeated; choose another.</source>
        <translation>Esta frase de contraseña es una contraseña de uso común con dígitos o símbolos añadidos, o repetida; elija otra.</translation>
    </message>
    <message>
        <source>A passphrase cannot be made of your login or your name; choose another.</source>
        <translation>Una frase de contraseña no puede estar formada por su nombre de usuario ni por su nombre; elija otra.</translation>
    </message>
    <message>
        <source>An encrypted copy needs a passphrase.</source>
        <translation>Una copia cifrada necesita una frase de contraseña.</translation>
    </message>
    <message>
        <source>audit chain</source>
        <translation>cadena de auditoría</translation>
    </message>
    <message>
        <source>page %1 fails its HMAC check: it is damaged, or was changed outside CaseBoard</source>
        <translation>la página %1 no supera su comprobación HMAC: está dañada, o se modificó fuera de CaseBoard</translation>
    </message>
    <message>
        <source>pages that fail the HMAC check, in all: %1</source>
        <translation>páginas que no superan la comprobación HMAC, en total: %1</translation>
    </message>
    <message>
        <source>table %1: not checked past its first damaged page (SQLite reads no other page in the same check after one fails its HMAC)</source>
        <translation>tabla %1: no se comprobó más allá de su primera página dañada (SQLite no lee ninguna otra página en la misma comprobación después de que una no supere su HMAC)</translation>
    </message>
    <message>
        <source>%1 is damaged: the passphrase is right, but parts of the file cannot be read. Restore it from a backup; the file was not changed.</source>
        <translation>%1 está dañado: la frase de contraseña es correcta, pero partes del archivo no se pueden leer. Restáurelo desde una copia de seguridad; el archivo no se modificó.</translation>
    </message>
</context>
<context>
    <name>cb::CaseStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>required</source>
        <translation>campo obligatorio</translation>
    </message>
    <message>
        <source>must be between 0 and 130, not %1</source>
        <translation>debe estar entre 0 y 130, no %1</translation>
    </message>
    <message>
        <source>An action inside a bulk operation failed; nothing was written.</source>
        <translation>Falló una acción dentro de una operación por lotes; no se escribió nada.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>placa</translation>
    </message>
    <message>
        <source>%1 is already in use</source>
        <translation>%1 ya está en uso</translation>
    </message>
    <message>
        <source>No member with id %1.</source>
        <translation>No hay ningún miembro con el id %1.</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>número de caso</translation>
    </message>
    <message>
        <source>incident date</source>
        <translation>fecha del hecho</translation>
    </message>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 es una fecha futura</translation>
    </message>
    <message>
        <source>victims</source>
        <translation>víctimas</translation>
    </message>
    <message>
        <source>a case needs at least one victim</source>
        <translation>un caso necesita al menos una víctima</translation>
    </message>
    <message>
        <source>victim age</source>
        <translation>edad de la víctima</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 ya existe</translation>
    </message>
    <message>
        <source>No case with id %1.</source>
        <translation>No hay ningún caso con el id %1.</translation>
    </message>
    <message>
        <source>cannot be after %1, when the case&apos;s status changed</source>
        <translation>no puede ser posterior al %1, fecha en que cambió el estado del caso</translation>
    </message>
    <message>
        <source>No victim with id %1.</source>
        <translation>No hay ninguna víctima con el id %1.</translation>
    </message>
    <message>
        <source>age</source>
        <translation>edad</translation>
    </message>
    <message>
        <source>give a name or a description</source>
        <translation>indique un nombre o una descripción</translation>
    </message>
    <message>
        <source>No person with id %1.</source>
        <translation>No hay ninguna persona con el id %1.</translation>
    </message>
    <message>
        <source>charges</source>
        <translation>cargos</translation>
    </message>
    <message>
        <source>arrest date</source>
        <translation>fecha de arresto</translation>
    </message>
    <message>
        <source>is before the incident date %1</source>
        <translation>es anterior a la fecha del hecho, %1</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>the arrested person must be linked to this case first</source>
        <translation>primero hay que vincular a la persona arrestada con este caso</translation>
    </message>
    <message>
        <source>arresting officer</source>
        <translation>agente que efectuó el arresto</translation>
    </message>
    <message>
        <source>no member with id %1</source>
        <translation>no hay ningún miembro con el id %1</translation>
    </message>
    <message>
        <source>prosecution date</source>
        <translation>fecha de presentación a la fiscalía</translation>
    </message>
    <message>
        <source>No arrest with id %1.</source>
        <translation>No hay ningún arresto con el id %1.</translation>
    </message>
    <message>
        <source>is before the arrest</source>
        <translation>es anterior al arresto</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>%1 is before the incident date %2</source>
        <translation>%1 es anterior a la fecha del hecho, %2</translation>
    </message>
    <message>
        <source>Case %1 is %2, not open: reopen it first.</source>
        <translation>El caso %1 figura como %2, no como abierto: primero reábralo.</translation>
    </message>
    <message>
        <source>Case %1 cannot be cleared by arrest: no arrest is recorded on or before %2.</source>
        <translation>El caso %1 no puede esclarecerse por arresto: no consta ningún arresto el %2 ni antes.</translation>
    </message>
    <message>
        <source>clearing detective</source>
        <translation>detective que esclareció el caso</translation>
    </message>
    <message>
        <source>the offender identified</source>
        <translation>autor identificado</translation>
    </message>
    <message>
        <source>enough evidence to arrest, charge and prosecute</source>
        <translation>pruebas suficientes para arrestar, acusar y procesar</translation>
    </message>
    <message>
        <source>the offender&apos;s location known</source>
        <translation>paradero del autor conocido</translation>
    </message>
    <message>
        <source>a reason outside police control that prevents arrest and prosecution</source>
        <translation>un motivo ajeno al control policial que impide el arresto y el procesamiento</translation>
    </message>
    <message>
        <source>An exceptional clearance needs all four conditions; not recorded: %1.</source>
        <translation>El esclarecimiento por medios excepcionales requiere las cuatro condiciones; sin registrar: %1.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>say what prevents arrest and prosecution</source>
        <translation>indique qué impide el arresto y el procesamiento</translation>
    </message>
    <message>
        <source>Case %1 is already open.</source>
        <translation>El caso %1 ya está abierto.</translation>
    </message>
    <message>
        <source>%1 is before the current status took effect (%2)</source>
        <translation>%1 es anterior a la entrada en vigor del estado actual (%2)</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>%1 is not active and cannot be assigned cases.</source>
        <translation>%1 no está en servicio activo y no se le pueden asignar casos.</translation>
    </message>
    <message>
        <source>%1 is %2: only detectives and sergeants carry cases.</source>
        <translation>%1 figura como %2: solo los detectives y los sargentos llevan casos.</translation>
    </message>
    <message>
        <source>%1 is already the %2 detective on case %3.</source>
        <translation>%1 ya es el detective %2 del caso %3.</translation>
    </message>
    <message>
        <source>is before the current assignment began (%1)</source>
        <translation>es anterior al inicio de la asignación actual (%1)</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>No assignment with id %1.</source>
        <translation>No hay ninguna asignación con el id %1.</translation>
    </message>
    <message>
        <source>This assignment already ended on %1.</source>
        <translation>Esta asignación ya terminó el %1.</translation>
    </message>
    <message>
        <source>is before the start date %1</source>
        <translation>es anterior a la fecha de inicio, %1</translation>
    </message>
    <message>
        <source>lead description</source>
        <translation>descripción de la pista</translation>
    </message>
    <message>
        <source>created date</source>
        <translation>fecha de creación</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>fecha límite</translation>
    </message>
    <message>
        <source>is before the lead was created</source>
        <translation>es anterior a la creación de la pista</translation>
    </message>
    <message>
        <source>completed date</source>
        <translation>fecha de finalización</translation>
    </message>
    <message>
        <source>required when the lead is %1</source>
        <translation>obligatoria cuando la pista figura como %1</translation>
    </message>
    <message>
        <source>only a completed lead has one</source>
        <translation>solo la tiene una pista completada</translation>
    </message>
    <message>
        <source>assigned detective</source>
        <translation>detective asignado</translation>
    </message>
    <message>
        <source>No lead with id %1.</source>
        <translation>No hay ninguna pista con el id %1.</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>corrected note</source>
        <translation>nota corregida</translation>
    </message>
    <message>
        <source>note %1 is not a note of this case</source>
        <translation>la nota %1 no es de este caso</translation>
    </message>
    <message>
        <source>source</source>
        <translation>origen</translation>
    </message>
    <message>
        <source>unfounded date</source>
        <translation>fecha de declaración como infundado</translation>
    </message>
    <message>
        <source>%1 exists and was entered in CaseBoard</source>
        <translation>%1 ya existe y se registró en CaseBoard</translation>
    </message>
    <message>
        <source>%1 exists, imported from %2</source>
        <translation>%1 ya existe, importado de %2</translation>
    </message>
    <message>
        <source>A number could not be written to the audit trail.</source>
        <translation>No se pudo escribir un número en el registro de auditoría.</translation>
    </message>
    <message>
        <source>A binary value cannot be written to the audit trail.</source>
        <translation>No se puede escribir un valor binario en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Table %1 has no id column.</source>
        <translation>La tabla %1 no tiene columna id.</translation>
    </message>
    <message>
        <source>The new row could not be read back.</source>
        <translation>No se pudo volver a leer la fila nueva.</translation>
    </message>
    <message>
        <source>%1 is not an active member of the unit</source>
        <translation>%1 no es un miembro en servicio activo de la unidad</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3: %4.</source>
        <translation>%1 (%2) no puede %3: %4.</translation>
    </message>
    <message>
        <source>not an active member</source>
        <translation>no es un miembro en servicio activo</translation>
    </message>
</context>
<context>
    <name>cb::ContainerVfs</name>
    <message>
        <source>The case file storage layer could not be set up (%1).</source>
        <translation>No se pudo configurar la capa de almacenamiento del archivo de casos (%1).</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Cannot find</source>
        <translation>No se encuentra</translation>
    </message>
    <message>
        <source>Out of memory opening %1.</source>
        <translation>Memoria agotada al abrir %1.</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>No se puede abrir</translation>
    </message>
    <message>
        <source>Cannot read the size of</source>
        <translation>No se puede leer el tamaño de</translation>
    </message>
    <message>
        <source>Cannot read</source>
        <translation>No se puede leer</translation>
    </message>
    <message>
        <source>Cannot write %1: it is read-only.</source>
        <translation>No se puede escribir %1: es de solo lectura.</translation>
    </message>
    <message>
        <source>Cannot write</source>
        <translation>No se puede escribir</translation>
    </message>
    <message>
        <source>Cannot flush to disk</source>
        <translation>No se puede volcar al disco</translation>
    </message>
    <message>
        <source>Cannot lock</source>
        <translation>No se puede bloquear</translation>
    </message>
    <message>
        <source>%1 is busy: another CaseBoard is changing its accounts. Try again.</source>
        <translation>%1 está ocupado: otro CaseBoard está modificando sus cuentas. Vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>cb::Domain</name>
    <message>
        <source>Detective</source>
        <translation>Detective</translation>
    </message>
    <message>
        <source>Sergeant</source>
        <translation>Sargento</translation>
    </message>
    <message>
        <source>Command staff</source>
        <translation>Personal de mando</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Cleared by arrest</source>
        <translation>Esclarecido por arresto</translation>
    </message>
    <message>
        <source>Cleared by exceptional means</source>
        <translation>Esclarecido por medios excepcionales</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>Infundado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive (cold)</source>
        <translation>Inactivo (caso frío)</translation>
    </message>
    <message>
        <source>Argument</source>
        <translation>Riña</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>Violencia doméstica</translation>
    </message>
    <message>
        <source>Gang-related</source>
        <translation>Pandillas</translation>
    </message>
    <message>
        <source>Drug-related</source>
        <translation>Drogas</translation>
    </message>
    <message>
        <source>Robbery</source>
        <translation>Robo</translation>
    </message>
    <message>
        <source>Retaliation</source>
        <translation>Represalia</translation>
    </message>
    <message>
        <source>Child abuse</source>
        <translation>Maltrato infantil</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <source>Handgun</source>
        <translation>Arma corta</translation>
    </message>
    <message>
        <source>Rifle</source>
        <translation>Rifle</translation>
    </message>
    <message>
        <source>Shotgun</source>
        <translation>Escopeta</translation>
    </message>
    <message>
        <source>Firearm (other or unknown type)</source>
        <translation>Arma de fuego (otro tipo o tipo desconocido)</translation>
    </message>
    <message>
        <source>Knife or cutting instrument</source>
        <translation>Cuchillo o arma blanca</translation>
    </message>
    <message>
        <source>Blunt object</source>
        <translation>Objeto contundente</translation>
    </message>
    <message>
        <source>Hands, fists, feet</source>
        <translation>Manos, puños, pies</translation>
    </message>
    <message>
        <source>Strangulation</source>
        <translation>Estrangulamiento</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>Fuego</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>Poison or drugs</source>
        <translation>Veneno o drogas</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Negra</translation>
    </message>
    <message>
        <source>Hispanic</source>
        <translation>Hispana</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Blanca</translation>
    </message>
    <message>
        <source>Asian</source>
        <translation>Asiática</translation>
    </message>
    <message>
        <source>American Indian or Alaska Native</source>
        <translation>Indígena americana o nativa de Alaska</translation>
    </message>
    <message>
        <source>Native Hawaiian or Pacific Islander</source>
        <translation>Nativa de Hawái o de otras islas del Pacífico</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>Sospechoso</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>Secundario</translation>
    </message>
    <message>
        <source>Tip line</source>
        <translation>Línea de denuncias</translation>
    </message>
    <message>
        <source>Canvass</source>
        <translation>Puerta a puerta</translation>
    </message>
    <message>
        <source>Forensic</source>
        <translation>Forense</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Fast-track</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>Sin valor</translation>
    </message>
    <message>
        <source>A: death of the offender</source>
        <translation>A: muerte del autor</translation>
    </message>
    <message>
        <source>B: prosecution declined</source>
        <translation>B: la fiscalía no ejerce la acción penal</translation>
    </message>
    <message>
        <source>C: in custody of another jurisdiction</source>
        <translation>C: bajo custodia de otra jurisdicción</translation>
    </message>
    <message>
        <source>D: victim refused to cooperate</source>
        <translation>D: la víctima se negó a cooperar</translation>
    </message>
    <message>
        <source>E: juvenile, no custody</source>
        <translation>E: menor de edad, sin detención</translation>
    </message>
</context>
<context>
    <name>cb::FileSync</name>
    <message>
        <source>Cannot flush %1 to disk.</source>
        <translation>No se puede volcar %1 al disco.</translation>
    </message>
    <message>
        <source>Cannot flush the folder of %1 to disk.</source>
        <translation>No se puede volcar la carpeta de %1 al disco.</translation>
    </message>
</context>
<context>
    <name>cb::Permissions</name>
    <message>
        <source>read the case</source>
        <translation>leer el caso</translation>
    </message>
    <message>
        <source>open a case</source>
        <translation>abrir un caso</translation>
    </message>
    <message>
        <source>change the case</source>
        <translation>modificar el caso</translation>
    </message>
    <message>
        <source>add or change leads and notes</source>
        <translation>añadir o modificar pistas y notas</translation>
    </message>
    <message>
        <source>clear the case by exceptional means</source>
        <translation>esclarecer el caso por medios excepcionales</translation>
    </message>
    <message>
        <source>assign or reassign the case</source>
        <translation>asignar o reasignar el caso</translation>
    </message>
    <message>
        <source>restrict the case or lift the restriction</source>
        <translation>restringir el caso o levantar la restricción</translation>
    </message>
    <message>
        <source>manage members and accounts</source>
        <translation>gestionar miembros y cuentas</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>leer el registro de auditoría</translation>
    </message>
    <message>
        <source>read statistics</source>
        <translation>leer estadísticas</translation>
    </message>
    <message>
        <source>publish statistics</source>
        <translation>publicar estadísticas</translation>
    </message>
    <message>
        <source>export the case file</source>
        <translation>exportar el archivo de casos</translation>
    </message>
    <message>
        <source>back up the case file</source>
        <translation>hacer una copia de seguridad del archivo de casos</translation>
    </message>
    <message>
        <source>import into the case file</source>
        <translation>importar al archivo de casos</translation>
    </message>
    <message>
        <source>the case is restricted to its assigned detectives and their sergeants</source>
        <translation>el caso está restringido a sus detectives asignados y a sus sargentos</translation>
    </message>
    <message>
        <source>a detective works only on the cases assigned to them</source>
        <translation>un detective solo trabaja en los casos que tiene asignados</translation>
    </message>
    <message>
        <source>an exceptional clearance is approved by a sergeant</source>
        <translation>un esclarecimiento por medios excepcionales lo aprueba un sargento</translation>
    </message>
    <message>
        <source>only sergeants assign cases and restrict them</source>
        <translation>solo los sargentos asignan casos y los restringen</translation>
    </message>
    <message>
        <source>a sergeant works on the cases of their own team&apos;s detectives</source>
        <translation>un sargento trabaja en los casos de los detectives de su propio equipo</translation>
    </message>
    <message>
        <source>command staff read cases and statistics but change no case</source>
        <translation>el personal de mando lee casos y estadísticas, pero no modifica ningún caso</translation>
    </message>
    <message>
        <source>an administrator manages accounts and backups, not case content</source>
        <translation>un administrador gestiona cuentas y copias de seguridad, no el contenido de los casos</translation>
    </message>
    <message>
        <source>the audit trail is for administrators</source>
        <translation>el registro de auditoría es para los administradores</translation>
    </message>
    <message>
        <source>only administrators manage members and accounts</source>
        <translation>solo los administradores gestionan miembros y cuentas</translation>
    </message>
    <message>
        <source>your role does not allow it</source>
        <translation>su función no lo permite</translation>
    </message>
</context>
<context>
    <name>cb::ProcessHardening</name>
    <message>
        <source>Cannot turn core dumps off (setrlimit): %1</source>
        <translation>No se pueden desactivar los volcados de memoria (setrlimit): %1</translation>
    </message>
    <message>
        <source>Cannot mark the process as not dumpable (prctl): %1</source>
        <translation>No se puede marcar el proceso como no volcable (prctl): %1</translation>
    </message>
</context>
<context>
    <name>cb::auth::Accounts</name>
    <message>
        <source>%1 is an old-format case file without accounts: upgrade it first (caseboard-cli account upgrade).</source>
        <translation>%1 es un archivo de casos de formato antiguo sin cuentas: actualícelo primero (caseboard-cli account upgrade).</translation>
    </message>
    <message>
        <source>Only an administrator can %1; %2 is not one.</source>
        <translation>Solo un administrador puede %1; %2 no lo es.</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>esta sesión</translation>
    </message>
    <message>
        <source>The key slots of %1 are damaged. Restore it from a backup.</source>
        <translation>Las ranuras de clave de %1 están dañadas. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>%1 has no account %2.</source>
        <translation>%1 no tiene ninguna cuenta %2.</translation>
    </message>
    <message>
        <source>Cannot change the accounts of %1: the file is read-only.</source>
        <translation>No se pueden modificar las cuentas de %1: el archivo es de solo lectura.</translation>
    </message>
    <message>
        <source>add accounts</source>
        <translation>añadir cuentas</translation>
    </message>
    <message>
        <source>A member with the badge %1 exists already.</source>
        <translation>Ya existe un miembro con la placa %1.</translation>
    </message>
    <message>
        <source>The new member&apos;s badge (%1) must be the login (%2).</source>
        <translation>La placa del miembro nuevo (%1) debe ser el nombre de usuario (%2).</translation>
    </message>
    <message>
        <source>No member has the badge %1: an account belongs to a member. Add the member first, or give a name and a role.</source>
        <translation>Ningún miembro tiene la placa %1: una cuenta pertenece a un miembro. Añada primero el miembro, o indique un nombre y una función.</translation>
    </message>
    <message>
        <source>%1 has an account %2 already.</source>
        <translation>%1 ya tiene una cuenta %2.</translation>
    </message>
    <message>
        <source>change another account&apos;s passphrase</source>
        <translation>cambiar la frase de contraseña de otra cuenta</translation>
    </message>
    <message>
        <source>release locked accounts</source>
        <translation>desbloquear cuentas bloqueadas</translation>
    </message>
    <message>
        <source>The account %1 is not locked.</source>
        <translation>La cuenta %1 no está bloqueada.</translation>
    </message>
    <message>
        <source>replace the recovery key</source>
        <translation>sustituir la clave de recuperación</translation>
    </message>
    <message>
        <source>remove accounts</source>
        <translation>eliminar cuentas</translation>
    </message>
    <message>
        <source>The account you are signed in with (%1) cannot remove itself; ask another administrator.</source>
        <translation>La cuenta con la que ha iniciado sesión (%1) no puede eliminarse a sí misma; pídaselo a otro administrador.</translation>
    </message>
    <message>
        <source>%1 is the last account of %2; it cannot be removed.</source>
        <translation>%1 es la última cuenta de %2; no se puede eliminar.</translation>
    </message>
</context>
<context>
    <name>cb::auth::Crypto</name>
    <message>
        <source>The cryptographic library failed (%1: %2).</source>
        <translation>La biblioteca criptográfica falló (%1: %2).</translation>
    </message>
    <message>
        <source>The passphrase could not be hashed (Argon2id: %1).</source>
        <translation>No se pudo calcular el hash de la frase de contraseña (Argon2id: %1).</translation>
    </message>
</context>
<context>
    <name>cb::auth::KeyHeader</name>
    <message>
        <source>The case file has too many accounts to keep their keys in its header (%1 bytes, at most %2).</source>
        <translation>El archivo de casos tiene demasiadas cuentas para guardar sus claves en su cabecera (%1 bytes, como máximo %2).</translation>
    </message>
</context>
<context>
    <name>cb::auth::Lockout</name>
    <message>
        <source>%1: %2 earlier failed sign-ins not kept one by one</source>
        <translation>%1: %2 inicios de sesión fallidos anteriores no conservados uno a uno</translation>
    </message>
</context>
<context>
    <name>cb::auth::SignInLog</name>
    <message>
        <source>The sign-in record %1 is busy: another CaseBoard is signing in to the same case file. Try again.</source>
        <translation>El registro de inicios de sesión %1 está ocupado: otro CaseBoard está iniciando sesión en el mismo archivo de casos. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot lock the sign-in record %1 (is its folder writable?).</source>
        <translation>No se puede bloquear el registro de inicios de sesión %1 (¿se puede escribir en su carpeta?).</translation>
    </message>
    <message>
        <source>The sign-in record %1 (the failed sign-ins and locked accounts of %2) is damaged or cannot be read (%3), so CaseBoard cannot tell whether an account is locked. Sign in with the recovery key, which sets the record aside; the case file itself was not changed.</source>
        <translation>El registro de inicios de sesión %1 (los inicios de sesión fallidos y las cuentas bloqueadas de %2) está dañado o no se puede leer (%3), así que CaseBoard no puede saber si una cuenta está bloqueada. Inicie sesión con la clave de recuperación, que aparta el registro; el archivo de casos en sí no se modificó.</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>no es un archivo</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>ocupa más de %1 bytes</translation>
    </message>
    <message>
        <source>not a sign-in record of this CaseBoard</source>
        <translation>no es un registro de inicios de sesión de este CaseBoard</translation>
    </message>
    <message>
        <source>Cannot remove the sign-in record %1.</source>
        <translation>No se puede eliminar el registro de inicios de sesión %1.</translation>
    </message>
    <message>
        <source>Cannot write the sign-in record %1: %2</source>
        <translation>No se puede escribir el registro de inicios de sesión %1: %2</translation>
    </message>
    <message>
        <source>cannot make it owner-only</source>
        <translation>no se puede dejar accesible solo para su propietario</translation>
    </message>
    <message>
        <source>Cannot move the damaged sign-in record %1 aside to %2.</source>
        <translation>No se puede apartar el registro de inicios de sesión dañado %1 a %2.</translation>
    </message>
</context>
<context>
    <name>cb::cli::Bench</name>
    <message>
        <source>Cannot create a scratch folder for the import benchmark.</source>
        <translation>No se puede crear una carpeta temporal para la prueba de rendimiento de la importación.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cb::cli::Cli</name>
    <message>
        <source>--passphrase-file %1: %2</source>
        <translation>--passphrase-file %1: %2</translation>
    </message>
    <message>
        <source>--passphrase-file %1: the file is empty</source>
        <translation>--passphrase-file %1: el archivo está vacío</translation>
    </message>
    <message>
        <source>CASEBOARD_PASSPHRASE is set but empty</source>
        <translation>CASEBOARD_PASSPHRASE está definida pero vacía</translation>
    </message>
    <message>
        <source>no passphrase: use --passphrase-file FILE or set CASEBOARD_PASSPHRASE</source>
        <translation>no hay frase de contraseña: use --passphrase-file FILE o defina CASEBOARD_PASSPHRASE</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>Frase de contraseña: </translation>
    </message>
    <message>
        <source>Passphrase again: </source>
        <translation>Repita la frase de contraseña: </translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>las dos frases de contraseña no coinciden</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
    <message>
        <source>--seed: not a non-negative integer: %1</source>
        <translation>--seed: no es un entero no negativo: %1</translation>
    </message>
    <message>
        <source>--end-date: not a date (YYYY-MM-DD): %1</source>
        <translation>--end-date: no es una fecha (AAAA-MM-DD): %1</translation>
    </message>
    <message>
        <source>--years: not an integer: %1</source>
        <translation>--years: no es un entero: %1</translation>
    </message>
    <message>
        <source>Created the demo unit in %1: %2 members, %3 cases, %4 victims, %5 leads, %6 notes</source>
        <translation>Se creó la unidad de demostración en %1: %2 miembros, %3 casos, %4 víctimas, %5 pistas, %6 notas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Exported %1 cases, %2 audit entries to %3</source>
        <translation>Se exportaron %1 casos y %2 entradas de auditoría a %3</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 cases created, %3 updated with new victims, %4 unchanged, %5 victims added, %6 bad rows skipped</source>
        <translation>Se leyeron %1 filas: %2 casos creados, %3 actualizados con nuevas víctimas, %4 sin cambios, %5 víctimas añadidas, %6 filas erróneas omitidas</translation>
    </message>
    <message>
        <source>import: which file? caseboard-cli import [--format FORMAT] FILE</source>
        <translation>import: ¿qué archivo? caseboard-cli import [--format FORMAT] FILE</translation>
    </message>
    <message>
        <source>--format: unknown format %1 (known: json, wapo, chicago-portal)</source>
        <translation>--format: formato desconocido %1 (conocidos: json, wapo, chicago-portal)</translation>
    </message>
    <message>
        <source>--city and --skip-bad apply to --format wapo or chicago-portal only</source>
        <translation>--city y --skip-bad solo se aplican a --format wapo o chicago-portal</translation>
    </message>
    <message>
        <source>--city applies to --format wapo only</source>
        <translation>--city solo se aplica a --format wapo</translation>
    </message>
    <message>
        <source>Imported %1 members, %2 cases, %3 victims, %4 leads, %5 notes, %6 audit entries</source>
        <translation>Se importaron %1 miembros, %2 casos, %3 víctimas, %4 pistas, %5 notas, %6 entradas de auditoría</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALLÓ</translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation>versión del esquema %1</translation>
    </message>
    <message>
        <source>%1 failed verification</source>
        <translation>%1 no superó la verificación</translation>
    </message>
    <message>
        <source>stats: which statistic? one of %1</source>
        <translation>stats: ¿qué estadística? Una de: %1</translation>
    </message>
    <message>
        <source>stats: unknown statistic %1 (one of %2)</source>
        <translation>stats: estadística desconocida %1 (una de: %2)</translation>
    </message>
    <message>
        <source>--%1: not a date (YYYY-MM-DD): %2</source>
        <translation>--%1: no es una fecha (AAAA-MM-DD): %2</translation>
    </message>
    <message>
        <source>--%1: not a non-negative integer: %2</source>
        <translation>--%1: no es un entero no negativo: %2</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2</source>
        <translation>--from %1 es posterior a --to %2</translation>
    </message>
    <message>
        <source>--by: one of month, quarter, year, ytd, rolling12; not %1</source>
        <translation>--by: uno de month, quarter, year, ytd, rolling12; no %1</translation>
    </message>
    <message>
        <source>--group: one of %1; not %2</source>
        <translation>--group: uno de %1; no %2</translation>
    </message>
    <message>
        <source>--format: one of csv, json, table; not %1</source>
        <translation>--format: uno de csv, json, table; no %1</translation>
    </message>
    <message>
        <source>Generated %1: %2 members, %3 cases, %4 victims, %5 leads, %6 notes</source>
        <translation>Se generó %1: %2 miembros, %3 casos, %4 víctimas, %5 pistas, %6 notas</translation>
    </message>
    <message>
        <source>--runs: not a positive integer: %1</source>
        <translation>--runs: no es un entero positivo: %1</translation>
    </message>
    <message>
        <source>bench: %1 not found; the import benchmark is skipped</source>
        <translation>bench: no se encontró %1; se omite la prueba de rendimiento de la importación</translation>
    </message>
    <message>
        <source>Create a demo case file at --db with a realistic synthetic unit.</source>
        <translation>Crea un archivo de casos de demostración en --db con una unidad sintética realista.</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Semilla aleatoria (predeterminada: 1).</translation>
    </message>
    <message>
        <source>The demo&apos;s today (default: today).</source>
        <translation>La fecha de hoy de la demostración (predeterminada: hoy).</translation>
    </message>
    <message>
        <source>Years of cases (default 5).</source>
        <translation>Años de casos (predeterminado: 5).</translation>
    </message>
    <message>
        <source>Write the whole case file as JSON (docs/json-format.md).</source>
        <translation>Escribe todo el archivo de casos en JSON (docs/json-format.md).</translation>
    </message>
    <message>
        <source>Output file (default: standard output).</source>
        <translation>Archivo de salida (predeterminado: la salida estándar).</translation>
    </message>
    <message>
        <source>Import a JSON export into an empty case file, or a public homicide file (created if missing).</source>
        <translation>Importa una exportación JSON en un archivo de casos vacío, o un archivo público de homicidios (el archivo de casos se crea si no existe).</translation>
    </message>
    <message>
        <source>json (default: a CaseBoard export), wapo (the Washington Post homicide file) or chicago-portal (the City of Chicago portal extract).</source>
        <translation>json (predeterminado: una exportación de CaseBoard), wapo (el archivo de homicidios del Washington Post) o chicago-portal (el extracto del portal de datos de la Ciudad de Chicago).</translation>
    </message>
    <message>
        <source>wapo: import only this city.</source>
        <translation>wapo: importa solo esta ciudad.</translation>
    </message>
    <message>
        <source>wapo, chicago-portal: import the good rows and list the bad ones, instead of rejecting the whole file.</source>
        <translation>wapo, chicago-portal: importa las filas correctas y enumera las erróneas, en lugar de rechazar todo el archivo.</translation>
    </message>
    <message>
        <source>Check SQLite and cipher integrity, schema version, foreign keys and audit completeness.</source>
        <translation>Comprueba la integridad de SQLite y del cifrado, la versión del esquema, las claves foráneas y la completitud de la auditoría.</translation>
    </message>
    <message>
        <source>Clearance and caseload statistics: clearance, cohort, time-to-clear or caseload.</source>
        <translation>Estadísticas de esclarecimiento y de carga de trabajo: clearance, cohort, time-to-clear o caseload.</translation>
    </message>
    <message>
        <source>First day (default: January 1, four years before --to).</source>
        <translation>Primer día (predeterminado: el 1 de enero de cuatro años antes de --to).</translation>
    </message>
    <message>
        <source>Last day (default: --as-of).</source>
        <translation>Último día (predeterminado: --as-of).</translation>
    </message>
    <message>
        <source>The date T the figures are as of (default: today).</source>
        <translation>La fecha T a la que corresponden las cifras (predeterminada: hoy).</translation>
    </message>
    <message>
        <source>month, quarter, year, ytd or rolling12.</source>
        <translation>month, quarter, year, ytd o rolling12.</translation>
    </message>
    <message>
        <source>Break down by %1.</source>
        <translation>Desglosa por %1.</translation>
    </message>
    <message>
        <source>csv, json or table (default).</source>
        <translation>csv, json o table (predeterminado).</translation>
    </message>
    <message>
        <source>caseload: new primary cases a year (default 5).</source>
        <translation>caseload: casos nuevos como detective principal al año (predeterminado: 5).</translation>
    </message>
    <message>
        <source>caseload: days without activity (default 30).</source>
        <translation>caseload: días sin actividad (predeterminado: 30).</translation>
    </message>
    <message>
        <source>time-to-clear: print the Kaplan-Meier curve.</source>
        <translation>time-to-clear: imprime la curva de Kaplan-Meier.</translation>
    </message>
    <message>
        <source>Create a synthetic archive at --db at big-city scale (100 detectives, 20 years, 800 cases a year, 50 leads and 30 notes a case by default).</source>
        <translation>Crea un archivo histórico sintético en --db a escala de gran ciudad (de forma predeterminada, 100 detectives, 20 años, 800 casos al año, 50 pistas y 30 notas por caso).</translation>
    </message>
    <message>
        <source>The archive&apos;s today (default: today).</source>
        <translation>La fecha de hoy del archivo histórico (predeterminada: hoy).</translation>
    </message>
    <message>
        <source>Years of cases (default 20).</source>
        <translation>Años de casos (predeterminado: 20).</translation>
    </message>
    <message>
        <source>Detectives (default 100).</source>
        <translation>Detectives (predeterminado: 100).</translation>
    </message>
    <message>
        <source>Cases a year (default 800).</source>
        <translation>Casos al año (predeterminado: 800).</translation>
    </message>
    <message>
        <source>Mean leads a case (default 50).</source>
        <translation>Media de pistas por caso (predeterminada: 50).</translation>
    </message>
    <message>
        <source>Mean notes a case (default 30).</source>
        <translation>Media de notas por caso (predeterminada: 30).</translation>
    </message>
    <message>
        <source>Time opening, every statistic and the whole dashboard on a case file (medians), the Post file import when available, and peak memory.</source>
        <translation>Mide el tiempo de apertura, de cada estadística y de todo el panel sobre un archivo de casos (medianas), la importación del archivo del Post cuando está disponible, y el pico de memoria.</translation>
    </message>
    <message>
        <source>Runs of each measurement (default 5).</source>
        <translation>Ejecuciones de cada medición (predeterminado: 5).</translation>
    </message>
    <message>
        <source>The Washington Post file to time importing (default: $CASEBOARD_REAL_DATA/wapo-homicide-data.csv when set).</source>
        <translation>El archivo del Washington Post cuya importación se cronometra (predeterminado: $CASEBOARD_REAL_DATA/wapo-homicide-data.csv si esa variable está definida).</translation>
    </message>
    <message>
        <source>Print the versions of CaseBoard and SQLCipher.</source>
        <translation>Imprime las versiones de CaseBoard y de SQLCipher.</translation>
    </message>
    <message>
        <source>The case file (default: %1).</source>
        <translation>El archivo de casos (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Read the passphrase from the first line of FILE (- for standard input). Otherwise CASEBOARD_PASSPHRASE, otherwise a prompt.</source>
        <translation>Lee la frase de contraseña de la primera línea de FILE (- para la entrada estándar). Si no, de CASEBOARD_PASSPHRASE; si no, la pide.</translation>
    </message>
    <message>
        <source>Not accepted: see --passphrase-file.</source>
        <translation>No se admite: véase --passphrase-file.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Comandos:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Opciones globales:</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 usage error, 2 bad input, wrong passphrase or refused.</source>
        <translation>Estado de salida: 0 éxito, 1 error de uso, 2 entrada errónea, frase de contraseña incorrecta u operación rechazada.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>no se indicó ningún comando</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>comando desconocido: %1</translation>
    </message>
    <message>
        <source>--passphrase is not accepted: a passphrase on the command line shows in the process list and shell history. Use --passphrase-file FILE or CASEBOARD_PASSPHRASE.</source>
        <translation>--passphrase no se admite: una frase de contraseña en la línea de comandos se ve en la lista de procesos y en el historial del shell. Use --passphrase-file FILE o CASEBOARD_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Try &apos;caseboard-cli --help&apos;.</source>
        <translation>Pruebe &apos;caseboard-cli --help&apos;.</translation>
    </message>
    <message>
        <source>--recovery-key-file %1: %2</source>
        <translation>--recovery-key-file %1: %2</translation>
    </message>
    <message>
        <source>%1 has %2 accounts (%3): pass --user LOGIN</source>
        <translation>%1 tiene %2 cuentas (%3): indique --user LOGIN</translation>
    </message>
    <message>
        <source>Recovery key of %1 (shown this once only):</source>
        <translation>Clave de recuperación de %1 (se muestra solo esta vez):</translation>
    </message>
    <message>
        <source>Keep it offline and apart from the case file, e.g. printed in a safe: it opens the file when every passphrase is lost, and anyone who holds it can open the file.</source>
        <translation>Guárdela fuera de línea y separada del archivo de casos, p. ej., impresa en una caja fuerte: abre el archivo cuando se han perdido todas las frases de contraseña, y cualquiera que la tenga puede abrir el archivo.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>--name: the administrator&apos;s name cannot be empty</source>
        <translation>--name: el nombre del administrador no puede estar vacío</translation>
    </message>
    <message>
        <source>Created %1 with the administrator account %2</source>
        <translation>Se creó %1 con la cuenta de administrador %2</translation>
    </message>
    <message>
        <source>backup: where to? caseboard-cli backup --out FILE</source>
        <translation>backup: ¿dónde? caseboard-cli backup --out FILE</translation>
    </message>
    <message>
        <source>Backed up %1 to %2</source>
        <translation>Se hizo una copia de seguridad de %1 en %2</translation>
    </message>
    <message>
        <source>restore: from which backup? caseboard-cli --db FILE restore BACKUP</source>
        <translation>restore: ¿desde qué copia de seguridad? caseboard-cli --db FILE restore BACKUP</translation>
    </message>
    <message>
        <source>Restored %1 from %2; the file it replaced was kept beside it</source>
        <translation>Se restauró %1 desde %2; el archivo sustituido se conservó a su lado</translation>
    </message>
    <message>
        <source>no new passphrase: use --new-passphrase-file FILE</source>
        <translation>no hay frase de contraseña nueva: use --new-passphrase-file FILE</translation>
    </message>
    <message>
        <source>The new passphrase.</source>
        <translation>La frase de contraseña nueva.</translation>
    </message>
    <message>
        <source>account: which action? one of %1</source>
        <translation>account: ¿qué acción? una de %1</translation>
    </message>
    <message>
        <source>account: unknown action %1 (one of %2)</source>
        <translation>account: acción desconocida %1 (una de %2)</translation>
    </message>
    <message>
        <source>account %1: which account? caseboard-cli account %1 LOGIN</source>
        <translation>account %1: ¿qué cuenta? caseboard-cli account %1 LOGIN</translation>
    </message>
    <message>
        <source>Upgraded %1: it now has accounts; the first is %2, with the passphrase it had.</source>
        <translation>Se actualizó %1: ahora tiene cuentas; la primera es %2, con la frase de contraseña que tenía.</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>clave de recuperación</translation>
    </message>
    <message>
        <source>locked since %1 UTC</source>
        <translation>bloqueada desde las %1 UTC</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>--role: one of detective, sergeant, command, administrator; not %1</source>
        <translation>--role: uno de detective, sergeant, command, administrator; no %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>--role goes with --name, for a new member</source>
        <translation>--role va con --name, para un miembro nuevo</translation>
    </message>
    <message>
        <source>Added the account %1 to %2</source>
        <translation>Se añadió la cuenta %1 a %2</translation>
    </message>
    <message>
        <source>Removed the account %1 from %2 and re-encrypted it under a new key; backups made before still open with the passphrases they had.</source>
        <translation>Se eliminó la cuenta %1 de %2 y se volvió a cifrar con una clave nueva; las copias de seguridad hechas antes siguen abriéndose con las frases de contraseña que tenían.</translation>
    </message>
    <message>
        <source>Changed the passphrase of %1</source>
        <translation>Se cambió la frase de contraseña de %1</translation>
    </message>
    <message>
        <source>Released the account %1</source>
        <translation>Se desbloqueó la cuenta %1</translation>
    </message>
    <message>
        <source>Replaced the recovery key; the old one opens nothing any more.</source>
        <translation>Se sustituyó la clave de recuperación; la antigua ya no abre nada.</translation>
    </message>
    <message>
        <source>Create a new, empty case file at --db, with the administrator account --user (default admin), and print its recovery key once.</source>
        <translation>Crea un archivo de casos nuevo y vacío en --db, con la cuenta de administrador --user (predeterminada: admin), e imprime su clave de recuperación una sola vez.</translation>
    </message>
    <message>
        <source>The administrator&apos;s name (default: Administrator).</source>
        <translation>El nombre del administrador (predeterminado: Administrador).</translation>
    </message>
    <message>
        <source>Write an encrypted, consistent copy of the case file (SQLite&apos;s online backup), checked before it is put in place.</source>
        <translation>Escribe una copia cifrada y coherente del archivo de casos (copia de seguridad en línea de SQLite), que se comprueba antes de colocarla en su sitio.</translation>
    </message>
    <message>
        <source>The backup file to write (must not exist).</source>
        <translation>El archivo de copia de seguridad que se escribirá (no debe existir).</translation>
    </message>
    <message>
        <source>Replace the case file at --db with a backup, after every verify check has passed on it; the replaced file is kept beside it.</source>
        <translation>Sustituye el archivo de casos en --db por una copia de seguridad, después de que esta supere todas las comprobaciones de verify; el archivo sustituido se conserva a su lado.</translation>
    </message>
    <message>
        <source>Accounts: list; add LOGIN; remove LOGIN (re-keys the file); passwd [LOGIN]; unlock LOGIN; recovery-key (a new one); upgrade (give an old-format file accounts).</source>
        <translation>Cuentas: list; add LOGIN; remove LOGIN (cambia la clave del archivo); passwd [LOGIN]; unlock LOGIN; recovery-key (una nueva); upgrade (da cuentas a un archivo de formato antiguo).</translation>
    </message>
    <message>
        <source>add: the new member&apos;s name; upgrade: the administrator&apos;s.</source>
        <translation>add: el nombre del miembro nuevo; upgrade: el del administrador.</translation>
    </message>
    <message>
        <source>add: the new member&apos;s role (detective, sergeant, command, administrator).</source>
        <translation>add: la función del miembro nuevo (detective, sergeant, command, administrator).</translation>
    </message>
    <message>
        <source>add, passwd: read the new passphrase from the first line of FILE.</source>
        <translation>add, passwd: lee la frase de contraseña nueva de la primera línea de FILE.</translation>
    </message>
    <message>
        <source>The account that signs in (a member&apos;s badge). Default: the file&apos;s only account.</source>
        <translation>La cuenta que inicia sesión (la placa de un miembro). Predeterminada: la única cuenta del archivo.</translation>
    </message>
    <message>
        <source>Sign in with the recovery key in the first line of FILE instead of a passphrase.</source>
        <translation>Inicia sesión con la clave de recuperación de la primera línea de FILE en lugar de con una frase de contraseña.</translation>
    </message>
    <message>
        <source>Usage: caseboard-cli [--db FILE] [--user LOGIN] [--passphrase-file FILE] COMMAND [OPTIONS]</source>
        <translation>Uso: caseboard-cli [--db FILE] [--user LOGIN] [--passphrase-file FILE] COMMAND [OPTIONS]</translation>
    </message>
    <message>
        <source>audit trail against %1</source>
        <translation>registro de auditoría comparado con %1</translation>
    </message>
    <message>
        <source>Also check that the audit trail still holds every entry of an earlier copy of the file (a backup), opened with the same sign-in.</source>
        <translation>Comprueba también que el registro de auditoría aún contiene todas las entradas de una copia anterior del archivo (una copia de seguridad), abierta con las mismas credenciales de inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>cb::db::Database</name>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
    <message>
        <source>The key could not be set (%1).</source>
        <translation>No se pudo establecer la clave (%1).</translation>
    </message>
    <message>
        <source>No SQL statement in: %1</source>
        <translation>No hay ninguna sentencia SQL en: %1</translation>
    </message>
    <message>
        <source>More than one SQL statement in: %1</source>
        <translation>Hay más de una sentencia SQL en: %1</translation>
    </message>
    <message>
        <source>The SQL statement was never prepared.</source>
        <translation>La sentencia SQL nunca se preparó.</translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1.</source>
        <translation>No se puede vincular un valor de tipo %1.</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de datos</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written, so the change was not saved. Free some space on that disk, then try again.</source>
        <translation>El disco está lleno: no se pudo escribir %1, así que el cambio no se guardó. Libere espacio en ese disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The disk did not confirm that %1 was written (flushing it to the disk failed), so the change may not have been saved. Check the disk, then reopen the case file to see whether the change is there before you enter it again.</source>
        <translation>El disco no confirmó que %1 se escribiera (falló el volcado al disco), así que puede que el cambio no se haya guardado. Revise el disco y vuelva a abrir el archivo de casos para comprobar si el cambio está antes de introducirlo de nuevo.</translation>
    </message>
    <message>
        <source>The disk reported an error while reading %1 (it may be failing or disconnected). Check the disk, then try again; if it keeps happening, restore the file from a backup.</source>
        <translation>El disco informó de un error al leer %1 (puede estar fallando o desconectado). Revise el disco y vuelva a intentarlo; si sigue ocurriendo, restaure el archivo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>CaseBoard ran out of memory while working on %1, so the change was not saved. Close other programs, then try again.</source>
        <translation>CaseBoard se quedó sin memoria mientras trabajaba con %1, así que el cambio no se guardó. Cierre otros programas y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The disk reported an error while writing %1 (it may be failing or disconnected), so the change was not saved. Check the disk, then try again.</source>
        <translation>El disco informó de un error al escribir %1 (puede estar fallando o desconectado), así que el cambio no se guardó. Revise el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The disk reported an error while CaseBoard was using %1 (it may be failing or disconnected), so nothing was saved. Check the disk, then try again.</source>
        <translation>El disco informó de un error mientras CaseBoard usaba %1 (puede estar fallando o desconectado), así que no se guardó nada. Revise el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 is damaged: a part of it cannot be read, so this could not be done. Restore the file from a backup; caseboard-cli verify names the damaged pages.</source>
        <translation>%1 está dañado: una parte no se puede leer, así que esto no se pudo hacer. Restaure el archivo desde una copia de seguridad; caseboard-cli verify indica las páginas dañadas.</translation>
    </message>
</context>
<context>
    <name>cb::demo::DemoGenerator</name>
    <message>
        <source>Demo option %1: %2</source>
        <translation>Opción de la demostración %1: %2</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoria</translation>
    </message>
    <message>
        <source>must be between 1 and 30, not %1</source>
        <translation>debe estar entre 1 y 30, no %1</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 está fuera de rango</translation>
    </message>
    <message>
        <source>must be between 2 and 1000, not %1</source>
        <translation>debe estar entre 2 y 1000, no %1</translation>
    </message>
    <message>
        <source>must be between 1 and half the detectives (%1), not %2</source>
        <translation>debe estar entre 1 y la mitad de los detectives (%1), no %2</translation>
    </message>
    <message>
        <source>must be between 1 and 5000, not %1</source>
        <translation>debe estar entre 1 y 5000, no %1</translation>
    </message>
    <message>
        <source>must be between 1 and 4, not %1</source>
        <translation>debe estar entre 1 y 4, no %1</translation>
    </message>
    <message>
        <source>must be between 0 and 200, not %1</source>
        <translation>debe estar entre 0 y 200, no %1</translation>
    </message>
    <message>
        <source>The demo unit has no active detective left.</source>
        <translation>A la unidad de demostración no le queda ningún detective activo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n case(s): the demo unit is only generated into a case file without cases.</source>
        <translation>
            <numerusform>%1 ya tiene %n caso: la unidad de demostración solo se genera en un archivo de casos sin casos.</numerusform>
            <numerusform>%1 ya tiene %n casos: la unidad de demostración solo se genera en un archivo de casos sin casos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::io::Csv</name>
    <message>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>un campo entre comillas no se cierra antes del final del archivo</translation>
    </message>
    <message>
        <source>text after the closing quote</source>
        <translation>texto después de las comillas de cierre</translation>
    </message>
    <message>
        <source>a quote inside a field that is not quoted</source>
        <translation>comillas dentro de un campo que no va entre comillas</translation>
    </message>
</context>
<context>
    <name>cb::io::JsonExchange</name>
    <message>
        <source>Column %1.%2 has type %3, which the JSON exchange format cannot carry.</source>
        <translation>La columna %1.%2 es de tipo %3, que el formato de intercambio JSON no admite.</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>the boolean true</source>
        <translation>el booleano true</translation>
    </message>
    <message>
        <source>the boolean false</source>
        <translation>el booleano false</translation>
    </message>
    <message>
        <source>the text &quot;%1&quot;</source>
        <translation>el texto &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>the integer %1</source>
        <translation>el entero %1</translation>
    </message>
    <message>
        <source>the real number %1</source>
        <translation>el número real %1</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>un valor desconocido</translation>
    </message>
    <message>
        <source>%1: cannot be read.</source>
        <translation>%1: no se puede leer.</translation>
    </message>
    <message>
        <source>The case file is not empty (%1). A JSON export can only be imported into a new, empty case file.</source>
        <translation>El archivo de casos no está vacío (%1). Una exportación JSON solo puede importarse en un archivo de casos nuevo y vacío.</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>línea %1, columna %2</translation>
    </message>
    <message>
        <source>the file is empty, not a JSON export</source>
        <translation>el archivo está vacío, no es una exportación JSON</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>no es JSON válido (%1)</translation>
    </message>
    <message>
        <source>given twice in the same object</source>
        <translation>aparece dos veces en el mismo objeto</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>se esperaba un entero, se encontró %1</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;format&quot;: &quot;%1&quot;, found %2</source>
        <translation>se esperaba un objeto JSON con &quot;format&quot;: &quot;%1&quot;, se encontró %2</translation>
    </message>
    <message>
        <source>missing, so this is not a CaseBoard exchange file</source>
        <translation>falta, así que este no es un archivo de intercambio de CaseBoard</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;, found %2: this is not a CaseBoard exchange file</source>
        <translation>se esperaba &quot;%1&quot;, se encontró %2: este no es un archivo de intercambio de CaseBoard</translation>
    </message>
    <message>
        <source>this file was made by a newer CaseBoard (exchange format version %1; this CaseBoard reads version %2). Import it with a newer CaseBoard.</source>
        <translation>este archivo lo creó una versión más reciente de CaseBoard (versión %1 del formato de intercambio; este CaseBoard lee la versión %2). Impórtelo con una versión más reciente de CaseBoard.</translation>
    </message>
    <message>
        <source>%1 is not a version of the exchange format</source>
        <translation>%1 no es una versión del formato de intercambio</translation>
    </message>
    <message>
        <source>this file was made by a newer CaseBoard (schema %1; this case file has schema %2). Import it with a newer CaseBoard.</source>
        <translation>este archivo lo creó una versión más reciente de CaseBoard (esquema %1; este archivo de casos tiene el esquema %2). Impórtelo con una versión más reciente de CaseBoard.</translation>
    </message>
    <message>
        <source>the file has schema %1, this case file schema %2: open the original case file with this CaseBoard, which upgrades it, and export it again</source>
        <translation>el archivo tiene el esquema %1 y este archivo de casos, el esquema %2: abra el archivo de casos original con este CaseBoard, que lo actualiza, y expórtelo de nuevo</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>campo desconocido</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date and time, found %1</source>
        <translation>se esperaba una fecha y hora ISO 8601, se encontró %1</translation>
    </message>
    <message>
        <source>expected an object with one array of rows per table, found %1</source>
        <translation>se esperaba un objeto con un array de filas por tabla, se encontró %1</translation>
    </message>
    <message>
        <source>unknown table</source>
        <translation>tabla desconocida</translation>
    </message>
    <message>
        <source>missing (a table without rows is an empty array)</source>
        <translation>falta (una tabla sin filas es un array vacío)</translation>
    </message>
    <message>
        <source>expected an array of rows, found %1</source>
        <translation>se esperaba un array de filas, se encontró %1</translation>
    </message>
    <message>
        <source>expected an object (one row), found %1</source>
        <translation>se esperaba un objeto (una fila), se encontró %1</translation>
    </message>
    <message>
        <source>unknown column of table %1</source>
        <translation>columna desconocida de la tabla %1</translation>
    </message>
    <message>
        <source>missing (required)</source>
        <translation>falta (es obligatorio)</translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation>no puede ser null</translation>
    </message>
    <message>
        <source>%1 is out of range: integers have at most 64 bits, with a sign</source>
        <translation>%1 está fuera de rango: los enteros tienen como máximo 64 bits, con signo</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>se esperaba un número, se encontró %1</translation>
    </message>
    <message>
        <source>expected a text, found %1</source>
        <translation>se esperaba un texto, se encontró %1</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): &quot;%1&quot;</source>
        <translation>no es una fecha (AAAA-MM-DD): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not a time of day (HH:MM): &quot;%1&quot;</source>
        <translation>no es una hora del día (HH:MM): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected an integer, a real number, a text or null, found %1</source>
        <translation>se esperaba un entero, un número real, un texto o null, se encontró %1</translation>
    </message>
    <message>
        <source>unsupported column type</source>
        <translation>tipo de columna no admitido</translation>
    </message>
    <message>
        <source>refused by the case file (%1)</source>
        <translation>rechazado por el archivo de casos (%1)</translation>
    </message>
    <message>
        <source>a row refers to a row of this table that is not in the file</source>
        <translation>una fila hace referencia a una fila de esta tabla que no está en el archivo</translation>
    </message>
    <message>
        <source>refers to a row of %1 that is not in the file</source>
        <translation>hace referencia a una fila de %1 que no está en el archivo</translation>
    </message>
    <message>
        <source>there is no row with %1 %2 in %3</source>
        <translation>no hay ninguna fila con %1 %2 en %3</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>No se pudo escribir la exportación: %1</translation>
    </message>
    <message>
        <source>%1: binary data or an infinite number cannot be written in JSON.</source>
        <translation>%1: los datos binarios o un número infinito no se pueden escribir en JSON.</translation>
    </message>
</context>
<context>
    <name>cb::io::PublicImport</name>
    <message>
        <source>%1: 1 bad row</source>
        <translation>%1: 1 fila errónea</translation>
    </message>
    <message>
        <source>%1: %2 bad rows</source>
        <translation>%1: %2 filas erróneas</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 es una fecha futura</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date in the form YYYYMMDD</source>
        <translation>&quot;%1&quot; no es una fecha con el formato AAAAMMDD</translation>
    </message>
    <message>
        <source>%1 is not a calendar date</source>
        <translation>%1 no es una fecha de calendario válida</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time in the form MM/DD/YYYY hh:mm:ss AM</source>
        <translation>&quot;%1&quot; no es una fecha y hora con el formato MM/DD/AAAA hh:mm:ss AM</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an age from 0 to 130 or Unknown</source>
        <translation>&quot;%1&quot; no es una edad de 0 a 130 ni Unknown</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>&quot;%1&quot; no es uno de estos valores: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not True or False</source>
        <translation>&quot;%1&quot; no es True ni False</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; no es un número entero</translation>
    </message>
    <message>
        <source>empty, but %1 is given</source>
        <translation>vacío, pero %1 tiene valor</translation>
    </message>
    <message>
        <source>not valid UTF-8; read as Windows-1252 (see docs/import.md)</source>
        <translation>no es UTF-8 válido; se leyó como Windows-1252 (véase docs/import.md)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a coordinate from %2 to %3</source>
        <translation>&quot;%1&quot; no es una coordenada de %2 a %3</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected the %2 header</source>
        <translation>%1: el archivo está vacío; se esperaba el encabezado de %2</translation>
    </message>
    <message>
        <source>%1: line %2: header: %3</source>
        <translation>%1: línea %2: encabezado: %3</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; appears twice</source>
        <translation>la columna &quot;%1&quot; aparece dos veces</translation>
    </message>
    <message>
        <source>missing column %1</source>
        <translation>falta la columna %1</translation>
    </message>
    <message>
        <source>unexpected column %1</source>
        <translation>columna inesperada %1</translation>
    </message>
    <message>
        <source>the columns are not in the expected order (%1)</source>
        <translation>las columnas no están en el orden esperado (%1)</translation>
    </message>
    <message>
        <source>%1: line %2: not the %3 header: %4</source>
        <translation>%1: línea %2: no es el encabezado de %3: %4</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>se esperaban %1 campos, se encontraron %2</translation>
    </message>
    <message>
        <source>Washington Post</source>
        <translation>Washington Post</translation>
    </message>
    <message>
        <source>%1 is also on line %2</source>
        <translation>%1 también está en la línea %2</translation>
    </message>
    <message>
        <source>%1: no rows matched the city &quot;%2&quot;; the file&apos;s cities are: %3</source>
        <translation>%1: ninguna fila coincide con la ciudad &quot;%2&quot;; las ciudades del archivo son: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Chicago Data Portal</source>
        <translation>Chicago Data Portal</translation>
    </message>
    <message>
        <source>line %1: %2: %3</source>
        <translation>línea %1: %2: %3</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>%1: cannot be read.</source>
        <translation>%1: no se puede leer.</translation>
    </message>
</context>
<context>
    <name>cb::schema::Schema</name>
    <message>
        <source>The case file has schema version %1; this CaseBoard understands up to %2. Use a newer CaseBoard.</source>
        <translation>El archivo de casos tiene la versión de esquema %1; este CaseBoard entiende hasta la %2. Use una versión más reciente de CaseBoard.</translation>
    </message>
    <message>
        <source>Cannot migrate the case file from schema %1 to %2.</source>
        <translation>No se puede migrar el archivo de casos del esquema %1 al %2.</translation>
    </message>
    <message>
        <source>The audit table&apos;s rule for hashes was changed outside CaseBoard; the file cannot be upgraded.</source>
        <translation>La regla de los hashes de la tabla de auditoría se modificó fuera de CaseBoard; el archivo no se puede actualizar.</translation>
    </message>
</context>
<context>
    <name>cb::ui::AccountsDialog</name>
    <message>
        <source>Add an Account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>The member&apos;s badge number</source>
        <translation>El número de placa del miembro</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>New member&apos;s &amp;name:</source>
        <translation>&amp;Nombre del miembro nuevo:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>Initial &amp;passphrase:</source>
        <translation>Frase de contraseña &amp;inicial:</translation>
    </message>
    <message>
        <source>Tell it to the person in private; they can change it from the File menu.</source>
        <translation>Comuníquesela a la persona en privado; puede cambiarla desde el menú Archivo.</translation>
    </message>
    <message>
        <source>&amp;Add Account</source>
        <translation>&amp;Añadir cuenta</translation>
    </message>
    <message>
        <source>Enter the login: the member&apos;s badge number.</source>
        <translation>Introduzca el nombre de usuario: el número de placa del miembro.</translation>
    </message>
    <message>
        <source>No member has this badge: enter the new member&apos;s name and role.</source>
        <translation>Ningún miembro tiene esta placa: introduzca el nombre y la función del miembro nuevo.</translation>
    </message>
    <message>
        <source>For the member %1, %2.</source>
        <translation>Para el miembro %1, %2.</translation>
    </message>
    <message>
        <source>No member has this badge yet: one is added with the name and role below.</source>
        <translation>Todavía ningún miembro tiene esta placa: se añadirá uno con el nombre y la función de abajo.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Each person signs in with their own account; the login is their badge. Removing an account re-encrypts the case file under a new key.</source>
        <translation>Cada persona inicia sesión con su propia cuenta; el nombre de usuario es su placa. Al eliminar una cuenta, el archivo de casos se vuelve a cifrar con una clave nueva.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Re&amp;lease Lock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Let a person locked out after five failed sign-ins try again</source>
        <translation>Permite volver a intentarlo a una persona bloqueada tras cinco inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>clave de recuperación</translation>
    </message>
    <message>
        <source>LOCKED since %1 UTC</source>
        <translation>BLOQUEADA desde las %1 UTC</translation>
    </message>
    <message>
        <source>(recovery key)</source>
        <translation>(clave de recuperación)</translation>
    </message>
    <message>
        <source>The account was added.</source>
        <translation>Se añadió la cuenta.</translation>
    </message>
    <message>
        <source>Remove the Account</source>
        <translation>Eliminar la cuenta</translation>
    </message>
    <message>
        <source>Remove the account %1?</source>
        <translation>¿Eliminar la cuenta %1?</translation>
    </message>
    <message>
        <source>The case file is then re-encrypted under a new key, which takes a moment: the passphrase of %1 opens neither it nor any backup made from now on. Backups made before still open with it.</source>
        <translation>A continuación, el archivo de casos se vuelve a cifrar con una clave nueva, lo que tarda un momento: la frase de contraseña de %1 no abrirá ni el archivo ni ninguna copia de seguridad hecha a partir de ahora. Las copias de seguridad hechas antes siguen abriéndose con ella.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>The account %1 was removed and the case file re-encrypted under a new key.</source>
        <translation>Se eliminó la cuenta %1 y el archivo de casos se volvió a cifrar con una clave nueva.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message numerus="yes">
        <source>active, %n failed sign-in(s) since the last sign-in</source>
        <translation>
            <numerusform>activa, %n inicio de sesión fallido desde el último inicio de sesión</numerusform>
            <numerusform>activa, %n inicios de sesión fallidos desde el último inicio de sesión</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::BackupRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Error inesperado: %1</translation>
    </message>
    <message>
        <source>The automatic backup %1 does not open after writing it (%2); the older backups were kept.</source>
        <translation>La copia de seguridad automática %1 no se abre después de escribirla (%2); se conservaron las copias anteriores.</translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseListModel</name>
    <message>
        <source>(name unknown)</source>
        <translation>(nombre desconocido)</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <source>No recorded activity</source>
        <translation>Sin actividad registrada</translation>
    </message>
    <message>
        <source>Open leads past their due date: %1 of %2</source>
        <translation>Pistas abiertas vencidas: %1 de %2</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Fecha del hecho</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Víctimas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Primary detective</source>
        <translation>Detective principal</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Weapon</source>
        <translation>Arma</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>Pistas abiertas</translation>
    </message>
    <message>
        <source>Overdue leads</source>
        <translation>Pistas vencidas</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseListView</name>
    <message>
        <source>Search case number, victim, detective, area</source>
        <translation>Buscar número de caso, víctima, detective, área</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>All cleared</source>
        <translation>Todos los esclarecidos</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Only with &amp;overdue leads</source>
        <translation>Solo con pistas &amp;vencidas</translation>
    </message>
    <message>
        <source>%1 of 1 case</source>
        <translation>%1 de 1 caso</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cases</source>
        <translation>
            <numerusform>%1 de %n caso</numerusform>
            <numerusform>%1 de %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases yet</source>
        <translation>Todavía no hay casos</translation>
    </message>
    <message>
        <source>Cases recorded in this case file will be listed here.</source>
        <translation>Aquí aparecerán los casos registrados en este archivo de casos.</translation>
    </message>
    <message>
        <source>No case matches the filter</source>
        <translation>Ningún caso coincide con el filtro</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;#clear&quot;&gt;Clear the filter&lt;/a&gt; to see every case.</source>
        <translation>&lt;a href=&quot;#clear&quot;&gt;Quite el filtro&lt;/a&gt; para ver todos los casos.</translation>
    </message>
    <message>
        <source>Copy Case &amp;Number</source>
        <translation>Copiar el &amp;número de caso</translation>
    </message>
    <message>
        <source>Open Case &amp;Summary</source>
        <translation>Abrir el &amp;resumen del caso</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseSummaryDialog</name>
    <message>
        <source>No case with id %1.</source>
        <translation>No hay ningún caso con el id %1.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>Hecho:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>district %1</source>
        <translation>distrito %1</translation>
    </message>
    <message>
        <source>beat %1</source>
        <translation>sector %1</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Área:</translation>
    </message>
    <message>
        <source>Weapon:</source>
        <translation>Arma:</translation>
    </message>
    <message>
        <source>Circumstance:</source>
        <translation>Circunstancia:</translation>
    </message>
    <message>
        <source>%1 (domestic)</source>
        <translation>%1 (ámbito doméstico)</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (código %2)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Primary detective:</source>
        <translation>Detective principal:</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>Leads:</source>
        <translation>Pistas:</translation>
    </message>
    <message>
        <source>%1 in all, %2 open, %3 overdue</source>
        <translation>%1 en total, %2 abiertas, %3 vencidas</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Resumen:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Raza</translation>
    </message>
    <message>
        <source>(name unknown)</source>
        <translation>(nombre desconocido)</translation>
    </message>
    <message>
        <source>Victims (%1)</source>
        <translation>Víctimas (%1)</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Status history (%1)</source>
        <translation>Historial de estados (%1)</translation>
    </message>
    <message>
        <source>Detective</source>
        <translation>Detective</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>%1; ended: %2</source>
        <translation>%1; fin: %2</translation>
    </message>
    <message>
        <source>current</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>Assignments (%1)</source>
        <translation>Asignaciones (%1)</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>&amp;Reasignar…</translation>
    </message>
    <message>
        <source>Give the case a new primary detective</source>
        <translation>Asigna al caso un nuevo detective principal</translation>
    </message>
    <message>
        <source>Reassign the Case</source>
        <translation>Reasignar el caso</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>New primary &amp;detective:</source>
        <translation>Nuevo &amp;detective principal:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Reasignar</translation>
    </message>
</context>
<context>
    <name>cb::ui::ChangePassphraseDialog</name>
    <message>
        <source>Change Your Passphrase</source>
        <translation>Cambiar su frase de contraseña</translation>
    </message>
    <message>
        <source>The new passphrase of %1 applies at once; the old one then opens nothing in this case file. Backups made before still open with the old one.</source>
        <translation>La nueva frase de contraseña de %1 se aplica de inmediato; a partir de entonces, la antigua ya no abre nada en este archivo de casos. Las copias de seguridad hechas antes siguen abriéndose con la antigua.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>C&amp;hange Passphrase</source>
        <translation>&amp;Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Enter your current passphrase.</source>
        <translation>Introduzca su frase de contraseña actual.</translation>
    </message>
</context>
<context>
    <name>cb::ui::DemoCaseFile</name>
    <message>
        <source>Cannot create the folder %1 for the demo case file.</source>
        <translation>No se puede crear la carpeta %1 para el archivo de casos de demostración.</translation>
    </message>
    <message>
        <source>The demo case file could not be filled with cases: %1</source>
        <translation>No se pudo llenar de casos el archivo de casos de demostración: %1</translation>
    </message>
    <message>
        <source>Cannot move the old demo case file %1 aside to make a new one.</source>
        <translation>No se puede apartar el antiguo archivo de casos de demostración %1 para crear uno nuevo.</translation>
    </message>
    <message>
        <source>The demo unit has no members to sign in as.</source>
        <translation>La unidad de demostración no tiene miembros con los que iniciar sesión.</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not a member of the unit</source>
        <translation>no es miembro de la unidad</translation>
    </message>
</context>
<context>
    <name>cb::ui::MainWindow</name>
    <message>
        <source>CaseBoard — %1</source>
        <translation>CaseBoard — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open Another Case File…</source>
        <translation>&amp;Abrir otro archivo de casos…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Close the case file and return to the unlock window</source>
        <translation>Cierra el archivo de casos y vuelve a la ventana de desbloqueo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About CaseBoard</source>
        <translation>&amp;Acerca de CaseBoard</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 caso</translation>
    </message>
    <message numerus="yes">
        <source>%n cases</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the case list</source>
        <translation>No se puede leer la lista de casos</translation>
    </message>
    <message>
        <source>CaseBoard</source>
        <translation>CaseBoard</translation>
    </message>
    <message>
        <source>Open Case File</source>
        <translation>Abrir archivo de casos</translation>
    </message>
    <message>
        <source>Case files (*.caseboard);;All files (*)</source>
        <translation>Archivos de casos (*.caseboard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot show the case</source>
        <translation>No se puede mostrar el caso</translation>
    </message>
    <message>
        <source>About CaseBoard</source>
        <translation>Acerca de CaseBoard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CaseBoard %1&lt;/h3&gt;&lt;p&gt;Case management for homicide units, over an encrypted case file.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and SQLCipher.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CaseBoard %1&lt;/h3&gt;&lt;p&gt;Gestión de casos para unidades de homicidios, sobre un archivo de casos cifrado.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2 y SQLCipher.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Back &amp;Up Now…</source>
        <translation>&amp;Hacer una copia de seguridad ahora…</translation>
    </message>
    <message>
        <source>Write an encrypted copy of the case file to a file of your choice</source>
        <translation>Escribe una copia cifrada del archivo de casos en el archivo que usted elija</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Back Up the Case File</source>
        <translation>Copia de seguridad del archivo de casos</translation>
    </message>
    <message>
        <source>Case files (*.caseboard)</source>
        <translation>Archivos de casos (*.caseboard)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Another backup is being written; try again in a moment.</source>
        <translation>Se está escribiendo otra copia de seguridad; vuelva a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Copia de seguridad escrita en %1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
    <message>
        <source>Automatic backup written to %1</source>
        <translation>Copia de seguridad automática escrita en %1</translation>
    </message>
    <message>
        <source>Automatic backup written to %1; the oldest ones beyond the number kept were deleted.</source>
        <translation>Copia de seguridad automática escrita en %1; se borraron las más antiguas que excedían el número que se conserva.</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Copia de seguridad automática</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>La copia de seguridad automática falló</translation>
    </message>
    <message>
        <source>The daily automatic backup could not be written; the earlier backups were kept. %1</source>
        <translation>No se pudo escribir la copia de seguridad automática diaria; se conservaron las copias anteriores. %1</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>C&amp;uentas…</translation>
    </message>
    <message>
        <source>Add and remove the accounts of this case file, release locked ones</source>
        <translation>Añade y elimina las cuentas de este archivo de casos, y desbloquea las bloqueadas</translation>
    </message>
    <message>
        <source>The case file is closed.</source>
        <translation>El archivo de casos está cerrado.</translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation>Se cambió su frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>cb::ui::NewCaseFileForm</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Create Case File</source>
        <translation>&amp;Crear archivo de casos</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>Choose where to save the new case file.</source>
        <translation>Elija dónde guardar el nuevo archivo de casos.</translation>
    </message>
    <message>
        <source>New Case File</source>
        <translation>Nuevo archivo de casos</translation>
    </message>
    <message>
        <source>Case files (*.caseboard)</source>
        <translation>Archivos de casos (*.caseboard)</translation>
    </message>
    <message>
        <source>The administrator&apos;s account name: their badge number, or &quot;admin&quot;. Others get their accounts from the administrator later.</source>
        <translation>El nombre de la cuenta del administrador: su número de placa, o &quot;admin&quot;. Los demás reciben sus cuentas del administrador más adelante.</translation>
    </message>
    <message>
        <source>The administrator becomes a member of the unit under this name</source>
        <translation>El administrador pasa a ser miembro de la unidad con este nombre</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;account:</source>
        <translation>Cuenta del &amp;administrador:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>Keep the passphrase safe. The next step shows the recovery key, which opens the file if every passphrase is lost.</source>
        <translation>Guarde la frase de contraseña en un lugar seguro. El siguiente paso muestra la clave de recuperación, que abre el archivo si se pierden todas las frases de contraseña.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s account name (a badge number, or &quot;admin&quot;).</source>
        <translation>Introduzca el nombre de la cuenta del administrador (un número de placa, o &quot;admin&quot;).</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s full name.</source>
        <translation>Introduzca el nombre completo del administrador.</translation>
    </message>
</context>
<context>
    <name>cb::ui::PassphraseFields</name>
    <message>
        <source>The passphrase meets the rules.</source>
        <translation>La frase de contraseña cumple las reglas.</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>At least %1 characters. A few unrelated words with spaces make a good passphrase.</source>
        <translation>Al menos %1 caracteres. Unas cuantas palabras sin relación entre sí, separadas por espacios, forman una buena frase de contraseña.</translation>
    </message>
    <message>
        <source>Type the passphrase again.</source>
        <translation>Vuelva a escribir la frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>cb::ui::RecoveryKeyDialog</name>
    <message>
        <source>Recovery Key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This is the recovery key of %1.&lt;/b&gt; It opens the case file when every passphrase is lost, and an administrator can then give everyone new passphrases.&lt;/p&gt;&lt;p&gt;It is shown &lt;b&gt;this once&lt;/b&gt;. Keep it offline and apart from the case file, for example printed and locked in a safe: anyone who holds it can open the file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Esta es la clave de recuperación de %1.&lt;/b&gt; Abre el archivo de casos cuando se han perdido todas las frases de contraseña, y con ella un administrador puede dar a todos frases de contraseña nuevas.&lt;/p&gt;&lt;p&gt;Se muestra &lt;b&gt;solo esta vez&lt;/b&gt;. Guárdela fuera de línea y separada del archivo de casos, por ejemplo impresa y bajo llave en una caja fuerte: cualquiera que la tenga puede abrir el archivo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the key; CaseBoard clears it from the clipboard after 30 seconds</source>
        <translation>Copia la clave; CaseBoard la borra del portapapeles después de 30 segundos</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>&amp;Guardar en un archivo…</translation>
    </message>
    <message>
        <source>Write the key to a file only you can read, e.g. on a USB stick kept in a safe</source>
        <translation>Escribe la clave en un archivo que solo usted puede leer, p. ej., en una memoria USB guardada en una caja fuerte</translation>
    </message>
    <message>
        <source>I have stored the recovery &amp;key</source>
        <translation>He guardado la clave de &amp;recuperación</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>CaseBoard recovery key of %1

%2

It opens the case file when every passphrase is lost; anyone who holds it can open the file. Keep it offline, apart from the case file.
</source>
        <translation>Clave de recuperación de CaseBoard de %1

%2

Abre el archivo de casos cuando se han perdido todas las frases de contraseña; cualquiera que la tenga puede abrir el archivo. Guárdela fuera de línea, separada del archivo de casos.
</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds: paste the key where you keep it now.</source>
        <translation>Copiada. El portapapeles se borrará en 30 segundos: pegue ahora la clave donde vaya a guardarla.</translation>
    </message>
    <message>
        <source>Save the Recovery Key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>The recovery key could not be saved to %1: %2</source>
        <translation>No se pudo guardar la clave de recuperación en %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1 (readable by you only). Keep that file offline, apart from the case file.</source>
        <translation>Guardada en %1 (solo usted puede leerla). Guarde ese archivo fuera de línea, separado del archivo de casos.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviada a la impresora.</translation>
    </message>
</context>
<context>
    <name>cb::ui::RelativeTime</name>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>hace %n semana</numerusform>
            <numerusform>hace %n semanas</numerusform>
        </translation>
    </message>
    <message>
        <source>a month ago</source>
        <translation>hace un mes</translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>hace %n mes</numerusform>
            <numerusform>hace %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>hace %n año</numerusform>
            <numerusform>hace %n años</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::RestoreBackupDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose a backup to put in the place of %1. The backup is checked in full first; the damaged file is kept beside it, not deleted.</source>
        <translation>Elija una copia de seguridad para ponerla en lugar de %1. Antes se comprueba la copia por completo; el archivo dañado se guarda a su lado, no se borra.</translation>
    </message>
    <message>
        <source>%1 — automatic backup, %2</source>
        <translation>%1 — copia de seguridad automática, %2</translation>
    </message>
    <message>
        <source>There are no automatic backups of this case file. Choose a backup file.</source>
        <translation>No hay copias de seguridad automáticas de este archivo de casos. Elija un archivo de copia de seguridad.</translation>
    </message>
    <message>
        <source>&amp;Other Backup File…</source>
        <translation>&amp;Otro archivo de copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Choose a Backup</source>
        <translation>Elegir una copia de seguridad</translation>
    </message>
    <message>
        <source>Case files (*.caseboard);;All files (*)</source>
        <translation>Archivos de casos (*.caseboard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 opened with this passphrase, so it is not damaged: nothing was restored.</source>
        <translation>%1 se abrió con esta frase de contraseña, así que no está dañado: no se restauró nada.</translation>
    </message>
    <message>
        <source>%1 was restored from the backup %2.</source>
        <translation>%1 se restauró desde la copia de seguridad %2.</translation>
    </message>
    <message>
        <source>%1 was restored from the backup %2. The damaged file was kept as %3.</source>
        <translation>%1 se restauró desde la copia de seguridad %2. El archivo dañado se guardó como %3.</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Error inesperado: %1</translation>
    </message>
    <message>
        <source>Your badge number or account name</source>
        <translation>Su número de placa o nombre de cuenta</translation>
    </message>
    <message>
        <source>Use the recovery &amp;key instead</source>
        <translation>Usar la c&amp;lave de recuperación en su lugar</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>&amp;Passphrase or key:</source>
        <translation>&amp;Frase de contraseña o clave:</translation>
    </message>
</context>
<context>
    <name>cb::ui::SessionController</name>
    <message>
        <source>the recovery key</source>
        <translation>la clave de recuperación</translation>
    </message>
    <message>
        <source>the passphrase</source>
        <translation>la frase de contraseña</translation>
    </message>
    <message>
        <source>the passphrase of %1</source>
        <translation>la frase de contraseña de %1</translation>
    </message>
    <message>
        <source>CaseBoard locked itself after a time without use. Enter %1 to open %2 again.</source>
        <translation>CaseBoard se bloqueó tras un tiempo sin uso. Introduzca %1 para volver a abrir %2.</translation>
    </message>
    <message>
        <source>CaseBoard is locked. Enter %1 to open %2 again.</source>
        <translation>CaseBoard está bloqueado. Introduzca %1 para volver a abrir %2.</translation>
    </message>
</context>
<context>
    <name>cb::ui::SessionRole</name>
    <message>
        <source>Old-format case file: one passphrase, no accounts</source>
        <translation>Archivo de casos de formato antiguo: una sola frase de contraseña, sin cuentas</translation>
    </message>
    <message>
        <source>Opened with the recovery key</source>
        <translation>Abierto con la clave de recuperación</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1, %2</source>
        <translation>Sesión iniciada como %1, %2</translation>
    </message>
    <message>
        <source>Signed in as %1, not a member of the unit</source>
        <translation>Sesión iniciada como %1, no es miembro de la unidad</translation>
    </message>
</context>
<context>
    <name>cb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>CaseBoard locks itself after this long without keyboard or mouse use, and asks for the passphrase again. At most %1 minutes.</source>
        <translation>CaseBoard se bloquea tras este tiempo sin uso del teclado ni del ratón, y vuelve a pedir la frase de contraseña. Como máximo %1 minutos.</translation>
    </message>
    <message>
        <source>Back up the open case file &amp;automatically, once a day</source>
        <translation>Hacer una copia de seguridad &amp;automática del archivo abierto, una vez al día</translation>
    </message>
    <message>
        <source>Automatic backups are encrypted like the case file and kept in %1.</source>
        <translation>Las copias de seguridad automáticas se cifran como el archivo de casos y se guardan en %1.</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Bloquear tras:</translation>
    </message>
    <message>
        <source>Backups &amp;kept:</source>
        <translation>Copias &amp;conservadas:</translation>
    </message>
</context>
<context>
    <name>cb::ui::UnlockWindow</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Error inesperado: %1</translation>
    </message>
    <message>
        <source>CaseBoard</source>
        <translation>CaseBoard</translation>
    </message>
    <message>
        <source>Creating the demo unit: several years of invented cases. This takes a moment.</source>
        <translation>Creando la unidad de demostración: varios años de casos inventados. Esto tarda un momento.</translation>
    </message>
    <message>
        <source>Path of a .caseboard file</source>
        <translation>Ruta de un archivo .caseboard</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Case &amp;file:</source>
        <translation>&amp;Archivo de casos:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Create a New Case File…</source>
        <translation>&amp;Crear un archivo de casos nuevo…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>Abrir la &amp;demostración</translation>
    </message>
    <message>
        <source>A case file of invented cases to try CaseBoard with</source>
        <translation>Un archivo de casos inventados para probar CaseBoard</translation>
    </message>
    <message>
        <source>Open Case File</source>
        <translation>Abrir archivo de casos</translation>
    </message>
    <message>
        <source>Case files (*.caseboard);;All files (*)</source>
        <translation>Archivos de casos (*.caseboard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The demo could not be opened: %1</source>
        <translation>No se pudo abrir la demostración: %1</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Put a backup of this case file in its place; the damaged file is kept beside it</source>
        <translation>Pone una copia de seguridad de este archivo de casos en su lugar; el archivo dañado se guarda a su lado</translation>
    </message>
    <message>
        <source>Your badge number or account name</source>
        <translation>Su número de placa o nombre de cuenta</translation>
    </message>
    <message>
        <source>Leave it empty for a case file with a single account</source>
        <translation>Déjelo vacío para un archivo de casos con una sola cuenta</translation>
    </message>
    <message>
        <source>Use the recovery ke&amp;y instead</source>
        <translation>&amp;Usar la clave de recuperación en su lugar</translation>
    </message>
    <message>
        <source>The key shown once when the case file was created: it opens the file when every passphrase is lost</source>
        <translation>La clave que se mostró una sola vez al crear el archivo de casos: abre el archivo cuando se han perdido todas las frases de contraseña</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>Cue&amp;nta:</translation>
    </message>
    <message>
        <source>Sign in as S&amp;omeone Else</source>
        <translation>Iniciar sesión como &amp;otra persona</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Demo accounts, each with the passphrase “%1”:
%2</source>
        <translation>Cuentas de demostración, todas con la frase de contraseña “%1”:
%2</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>C&amp;lave de recuperación:</translation>
    </message>
    <message>
        <source>XXXX-XXXX-…, as it was shown when the file was created</source>
        <translation>XXXX-XXXX-…, tal como se mostró al crear el archivo</translation>
    </message>
    <message>
        <source>Sign in to a case file with your account and passphrase.</source>
        <translation>Inicie sesión en un archivo de casos con su cuenta y su frase de contraseña.</translation>
    </message>
    <message>
        <source>Create a new, empty case file, with yourself as its administrator. Everything in it is encrypted; each person signs in with their own account.</source>
        <translation>Cree un archivo de casos nuevo y vacío, con usted como administrador. Todo su contenido está cifrado; cada persona inicia sesión con su propia cuenta.</translation>
    </message>
    <message>
        <source>The demo case file of an earlier version, without accounts, was moved to %1 and a new demo was made. %2</source>
        <translation>El archivo de casos de demostración de una versión anterior, sin cuentas, se movió a %1 y se creó una demostración nueva. %2</translation>
    </message>
</context>
</TS>
