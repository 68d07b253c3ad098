## La parte commands de faro.

## src/main.rs: lo que escriben los comandos.
cmd-wrote = Se escribió { $path }
cmd-created = Se creó { $file }
cmd-next = Siguiente paso: { $next }
cmd-next-translate = tradúcelo y luego ejecuta faro serve --open
cmd-next-edit-copies = edita las copias; el sitio usa primero sus propios archivos
cmd-serving = Vista previa en { $url } (Ctrl-C para detenerla)
cmd-rebuilt = Sitio armado de nuevo: { $files ->
        [one] 1 archivo cambió
       *[other] { $files } archivos cambiaron
    } ({ $rendered ->
        [one] 1 generado
       *[other] { $rendered } generados
    }) en { $ms } ms
cmd-updated = Actualizado: { $files ->
        [one] 1 archivo cambió
       *[other] { $files } archivos cambiaron
    } ({ $rendered ->
        [one] 1 generado
       *[other] { $rendered } generados
    }) en { $ms } ms
cmd-rebuild-failed = No se pudo volver a armar el sitio; la vista previa sigue mostrando la última versión que funcionaba.
cmd-stopped = Vista previa detenida.
cmd-no-browser = No se pudo abrir un navegador ({ $opener }); abre { $url } a mano.
cmd-check-missing-translations = Páginas sin traducción:
# Los títulos de las columnas sobre "es       campanas/x.md": el primero ocupa 8 caracteres.
cmd-check-missing-columns = idioma   páginas (archivos de origen)
cmd-check-external-links = Enlaces externos (listados, no visitados):
cmd-check-summary = faro check: { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }
cmd-froze = Se fijaron las cifras de un informe final en { $file } (guarda este archivo en git con un commit)
cmd-images-made = Imágenes: { $total } ({ $made ->
        [one] 1 hecha
       *[other] { $made } hechas
    }, { $reused } del caché)
cmd-pdfs-not-asked = PDF de los kits: no se hicieron (--no-pdf)
cmd-pdfs-no-chromium = PDF de los kits: no se hicieron porque no se encontró Chromium ni Chrome, así que los kits solo tienen sus documentos HTML; instala uno (apt-get install chromium) o indica cuál usar con FARO_CHROMIUM=/ruta
cmd-pdfs-made = PDF de los kits: { $total } ({ $printed ->
        [one] 1 impreso
       *[other] { $printed } impresos
    }, { $reused } del caché)
cmd-pdfs-made-with = PDF de los kits: { $total } ({ $printed ->
        [one] 1 impreso
       *[other] { $printed } impresos
    } con { $chromium }, { $reused } del caché)
cmd-urls-drafts = urls.txt: ni revisado ni actualizado (--drafts)
cmd-urls-updated = urls.txt: actualizado con las direcciones de este armado (el que se publica)
cmd-urls-checked = urls.txt: revisado, no actualizado (no es el armado que se publica: --record lo actualiza)
cmd-built = Sitio armado: { $pages ->
        [one] 1 página
       *[other] { $pages } páginas
    } ({ $languages }), { $files ->
        [one] 1 archivo
       *[other] { $files } archivos
    } en { $seconds } s, dentro de { $output }

## src/commands/check.rs: lo que encuentra faro check.
cmd-check-external-resource = la página carga `{ $value }` desde otro sitio (un <{ $tag }>)
cmd-check-external-resource-hint = no expongas a terceros a los lectores en riesgo: copia el archivo en static/
cmd-check-link-leaves-base = el enlace `{ $link }` sale de la ruta base del sitio, { $base }
cmd-check-link-no-slash = el enlace `{ $link }` lleva a una carpeta, pero le falta la barra final
cmd-check-link-no-slash-hint = escribe `{ $slashed }`: los servidores corrigen el enlace sin barra, pero con una petición más y no todos lo hacen
cmd-check-link-unpublished-hint = desde la página publicada lleva a { $target }, que tampoco se publica
cmd-check-link-to-nothing = el enlace `{ $link }` no lleva a ninguna página
cmd-check-relative-link-to-nothing = el enlace `{ $link }` no lleva a ninguna página (desde esta página lleva a { $target })
cmd-check-broken-anchor = el enlace `{ $link }` apunta a `#{ $id }`, que no está en esa página
cmd-check-image-no-alt = una imagen no tiene texto alternativo: `{ $tag }`
cmd-check-text-lang = el texto de esta página sigue en `{ $text }` (`text_lang`), no en `{ $lang }`
cmd-check-text-lang-hint = tradúcelo y luego borra `text_lang`; mientras tanto, los lectores ven un aviso y el texto queda marcado en el idioma en que está escrito
cmd-check-missing-translation = esta página no tiene traducción en `{ $lang }`
cmd-check-missing-translation-hint = quienes leen en `{ $lang }` y cambian de idioma llegan a la página de inicio de ese idioma
cmd-check-stale-translation = content/{ $source } se actualizó el { $updated }, después de esta traducción ({ $translated })
cmd-check-stale-translation-hint = actualiza la traducción y luego cambia su fecha en `updated`
cmd-check-translation-undated = content/{ $source } tiene fecha en `updated` y esta traducción no tiene ninguna
cmd-check-duplicate-title = otra página en `{ $lang }` tiene el mismo título: { $other }
cmd-check-orphan = ninguna otra página enlaza a esta
cmd-check-orphan-hint = enlázala desde una sección, un menú u otra página
cmd-check-unused-indicator = ninguna página muestra este indicador en un gráfico, ninguna meta lo mide y ninguna campaña lo cita
cmd-check-unused-indicator-hint = igual se publica en el índice de indicadores; muéstralo en un gráfico con {"{{< chart id >}}"} donde ayude

## src/commands/check/placeholders.rs: lo que faro init dejó para reemplazar.
cmd-check-example-base-url = `base_url` todavía es { $base_url }, en el dominio de ejemplo { $host }
cmd-check-example-base-url-hint = pon la dirección real del sitio: la usan los enlaces de los feeds, el mapa del sitio, las tarjetas para compartir y los códigos QR
cmd-check-sample-organization = `organization` ({ $lang }) todavía es el ejemplo "{ $name }"
cmd-check-sample-organization-hint = escribe el nombre de tu organización: se imprime en cada afiche, volante y portada de informe
cmd-check-sample-report-organization = la organización del informe todavía es el ejemplo "{ $name }"
cmd-check-sample-report-organization-hint = escribe el nombre de la organización que presenta el informe
cmd-check-draft-report = el informe { $year } todavía es un borrador
cmd-check-draft-report-hint = se publica marcado como borrador; escribe `status: final` cuando esté aprobado, y eso fija sus cifras
cmd-check-illustrative = las cifras de este indicador son ilustrativas (`illustrative: true`), no datos reales
cmd-check-illustrative-in-final = las cifras de este indicador son ilustrativas (`illustrative: true`), y el informe final { $years } las muestra
cmd-check-illustrative-hint = reemplázalas por cifras publicadas con su fuente y luego borra `illustrative`; o borra el indicador
cmd-check-not-committed = { $file } no está guardado en git (falta un commit)
cmd-check-changes-not-committed = { $file } tiene cambios que no están guardados en git (falta un commit)
cmd-check-uncommitted-hint = guárdalo con un commit: el flujo de publicación arma el sitio con lo que está en git, y se detiene si su armado cambia este archivo

## src/commands/scaffold.rs: faro init y faro new.
cmd-no-site = no hay site.yaml en { $dir }, así que no es un sitio de faro
cmd-no-site-hint = ejecuta el comando en la carpeta del sitio, o indica esa carpeta con --site DIR
cmd-cannot-create-folder = no se puede crear la carpeta: { $error }
cmd-cannot-write = no se puede escribir: { $error }
cmd-init-no-folder = no se indicó ninguna carpeta para el sitio nuevo
cmd-init-no-folder-hint = indica una carpeta nueva, por ejemplo `faro init mi-campana`
cmd-init-folder-not-empty = esta carpeta no está vacía; faro init solo escribe en una carpeta nueva o vacía
cmd-init-not-a-folder = esto ya existe y no es una carpeta; faro init solo escribe en una carpeta nueva o vacía
cmd-init-folder-not-empty-hint = indica una carpeta que todavía no exista, por ejemplo `faro init mi-campana`, y faro la crea
cmd-init-no-language = un sitio necesita al menos un idioma
cmd-init-no-language-hint = escribe los códigos de idioma, el principal primero: --languages es,en
cmd-init-not-a-language-code = `{ $lang }` no es un código de idioma
cmd-init-not-a-language-code-hint = usa códigos BCP 47 como `es`, `en`, `qu` o `pt-BR`, separados por comas
cmd-init-language-twice = el idioma `{ $lang }` aparece dos veces
cmd-new-empty-title = el título está vacío
cmd-new-empty-title-hint = ponle un título a la página, o quita --title para usar el nombre del archivo
cmd-new-page-exists = esta página ya existe; faro new no escribió ningún archivo
cmd-new-page-exists-hint = elige otro nombre, o abre este archivo para editar la página
cmd-new-address-taken = { $index } ya tiene la dirección de esta página; faro new no escribió ningún archivo
cmd-new-address-taken-hint = para agregar una página dentro de esa carpeta, llámala `{ $folder }/NOMBRE`
cmd-new-path-hint = indica la ruta de la página dentro de la carpeta de cada idioma, como `campanas/escuelas`; faro la escribe en content/<idioma>/campanas/escuelas.md
cmd-new-path-empty = la ruta de la página está vacía
cmd-new-path-absolute = la ruta debe ser relativa a la carpeta del idioma, no absoluta
cmd-new-path-folder = la ruta termina en una carpeta; termínala con el nombre del archivo de la página
cmd-new-path-outside = la ruta sale de las carpetas de idioma de content/
cmd-new-path-language = la ruta empieza con el idioma `{ $lang }`; faro new escribe la página en todos los idiomas
cmd-new-path-parent = la ruta no puede tener `..`: la página debe quedar dentro de content/
cmd-new-path-hidden = `{ $part }` empieza con un punto, y al armar el sitio se saltan esos archivos y carpetas
cmd-new-path-control = la ruta tiene un carácter de control
cmd-new-path-no-letters = `{ $part }` no tiene letras ni números, así que no le da una dirección a la página

## src/commands/theme.rs: faro theme strings y faro theme eject.
cmd-theme-not-a-site-language = `{ $lang }` no es un idioma de este sitio ({ $languages })
cmd-theme-not-a-site-language-hint = primero agrega `{ $lang }` a `languages` en site.yaml
cmd-theme-strings-exists = este archivo ya existe; faro theme strings no escribió nada
cmd-theme-strings-exists-hint = traduce los textos de ese archivo, o mira todos los textos con `faro theme strings { $lang } --stdout`
cmd-theme-eject-exists = este archivo ya existe; faro theme eject no escribió nada
cmd-theme-eject-exists-hint = borra este archivo o cámbiale el nombre para usar la versión del tema, y luego vuelve a ejecutar el comando; el sitio ya tiene su propia copia de cada plantilla del tema
cmd-theme-eject-exists-hint-lacking = borra este archivo o cámbiale el nombre para usar la versión del tema, y luego vuelve a ejecutar el comando; o copia solo lo que le falta al sitio: `faro theme eject { $templates }`
cmd-theme-eject-exists-hint-lacking-many = borra este archivo o cámbiale el nombre para usar la versión del tema, y luego vuelve a ejecutar el comando; o nombra plantillas que le faltan al sitio, como `faro theme eject { $first }` (le faltan { $count }: { $templates })
cmd-theme-unknown-template = el tema no tiene ninguna plantilla con este nombre
cmd-theme-unknown-template-hint = las plantillas del tema: { $templates }

## src/commands/pdf.rs: faro pdf.
cmd-pdf-no-chromium = para hacer un PDF se necesita un Chromium sin ventana (headless), y no se encontró ninguno
cmd-pdf-no-chromium-hint = instálalo (Debian o Ubuntu: `apt-get install chromium`; macOS: instala Google Chrome), o pon FARO_CHROMIUM=/ruta/a/chromium; también puedes imprimir la página del informe completo desde cualquier navegador
cmd-pdf-print-failed = Chromium no pudo imprimir el informe: { $error }
cmd-pdf-unknown-report = aquí no hay ningún informe con esa carpeta o dirección
cmd-pdf-unknown-report-hint = informes de este sitio: { $reports }
cmd-pdf-no-reports-hint = informes de este sitio: ninguno

## src/commands/serve/mod.rs: lo que impide que faro serve arranque.
cmd-serve-cannot-open = no se puede abrir la carpeta del sitio { $dir }: { $error }
cmd-serve-cannot-listen = no se puede escuchar en { $bind }:{ $port }: { $error } (¿hay otro faro serve funcionando? prueba con --port)

## src/commands/build.rs: faro build.
cmd-build-cannot-update-record = no se puede actualizar el registro de direcciones (urls.txt): { $error }
cmd-build-cannot-freeze = no se puede escribir la edición fijada: { $error }
