## La parte content de faro.

## src/yaml.rs: YAML que no se puede leer, dicho como qué revisar.
yaml-unclosed-quote = el texto que se abre con { $quote } aquí no se cierra: termínalo con { $quote } en la misma línea
yaml-no-key = esta línea no se lee como `clave: valor`: revisa sus comillas, los dos puntos después de la clave y su sangría
yaml-colon-in-value = dos puntos y un espacio dentro de un valor: pon todo el valor entre comillas (`title: "Línea 1818: gratis"`)
yaml-bad-start = un carácter que no puede empezar un valor (un tabulador, o `@` o `` ` `` al comienzo): usa espacios para la sangría o pon el valor entre comillas
yaml-list-indent = un elemento de la lista no está alineado con los demás: empieza cada uno con `- ` en la misma columna
yaml-bad-escape = una barra invertida dentro de comillas dobles: escribe `\\` para una, o usa comillas simples
yaml-cut-short = el archivo termina en medio de un valor: revisa si falta cerrar una comilla o un corchete
yaml-nul-hint = bórralo (o el `\0` que lo escribe)
yaml-repeated-key-hint = escribe cada clave una sola vez en su bloque; mientras tanto se lee la primera y esta se deja de lado

## src/markdown/mod.rs
missing-alt = la imagen `{ $src }` no tiene texto alternativo
missing-alt-hint = describe la imagen entre los corchetes: ![una niña llama a la Línea 1818](foto.jpg)
content-shortcode-hint = los shortcodes de faro son {"{{< chart ID >}}"}, {"{{< goals >}}"} y {"{{< roadmap >}}"}, cada uno solo en su línea; para enlazar una página (el ref de Hugo), escribe [texto](pagina.md)
content-raw-html = el HTML escrito en Markdown se muestra como texto, nunca se ejecuta
content-raw-html-hint = usa Markdown en su lugar; faro escapa el HTML para que el texto de una página nunca se convierta en un script

## src/markdown/shortcodes.rs
content-shortcode-unknown = `{ $code }` no es un shortcode
content-shortcode-unclosed = `{ $code }` no se cierra con `{">}}"}` en la misma línea
content-shortcode-foreign = `{ $code }` no es un shortcode que faro lea: se publicaría como texto

## src/markdown/slots.rs
content-caption-without-table = el título de la tabla `{ $id }` no va seguido de una tabla
content-caption-without-table-hint = escribe la línea del título justo encima de la tabla

## src/markdown/links.rs
link-to-missing-file = el enlace `{ $dest }` lleva a content/{ $target }, que no existe
link-to-missing-file-hint = enlaza otra página por su archivo, desde esta: [texto](../campanas/linea-1818.md)
content-link-outside-content = el enlace `{ $dest }` lleva fuera de content/
content-link-outside-base-hint = desde la página publicada lleva a { $url }, fuera de la ruta base del sitio { $base }
content-link-with-base = el enlace `{ $dest }` incluye la ruta base { $base }, que faro ya agrega a las rutas del sitio
content-link-with-base-hint = escribe `{ $plain }`: así sigue a `base_url` dondequiera que se publique el sitio
content-link-no-slash = el enlace `{ $dest }` lleva a una carpeta sin su barra final
content-link-no-slash-hint = escribe `{ $slashed }`: los servidores lo redirigen, con una solicitud más y no en todas partes
content-link-to-nothing = el enlace `{ $dest }` no lleva a nada que este sitio publique
content-link-to-nothing-hint = una ruta del sitio es la dirección de una página sin la ruta base (`/es/guia/`), o un archivo de static/
content-link-unpublished-hint = desde la página publicada lleva a { $url }, que tampoco se publica
content-link-to-draft = el enlace `{ $dest }` lleva a content/{ $target }, que es un borrador y no se publica
content-link-to-draft-hint = publica esa página (quita `draft: true`), quita el enlace, o revisa la vista previa con --drafts

## src/markdown/fragments.rs
content-anchor-missing = el enlace `{ $dest }` lleva a `#{ $fragment }`, que no está en esta página
content-anchor-missing-on = el enlace `{ $dest }` lleva a `#{ $fragment }`, que no está en content/{ $page }
content-anchor-no-headings-hint = esa página no tiene títulos; enlaza solo la página, o agrega el título
content-anchor-headings-hint = escribe las palabras de un título o su id: { $headings }

## src/content/mod.rs
content-outside-language = los archivos de content/ deben estar dentro de una carpeta de idioma, como content/es/
content-undeclared-language = la carpeta content/{ $lang }/ es para el idioma `{ $lang }`, que site.yaml no declara
content-undeclared-language-hint = agrega `{ $lang }` a `languages` en site.yaml, o cambia el nombre de la carpeta a uno de: { $languages }

## src/content/tree.rs
content-empty-slug = el slug está vacío: dale a la página un `slug` hecho de letras o números
content-unsafe-slug = el slug `{ $slug }` tiene `{ $char }`, que un servidor web decodificaría o cortaría
content-unsafe-slug-hint = escribe el slug como debe leerse, con letras, números y `-`
content-duplicate-index = esta carpeta ya tiene content/{ $other }; una carpeta es una sección (`_index.md`) o una página con sus archivos (`index.md`), no las dos
content-duplicate-url = esta página y content/{ $other } escriben las dos la dirección /{ $url }
content-duplicate-url-hint = dale a una de ellas otro `slug`
content-missing-home = el idioma `{ $lang }` no tiene página de inicio; cada idioma de site.yaml necesita una
content-missing-home-hint = crea content/{ $lang }/_index.md con un `title`
content-duplicate-translation-key = el translation_key `{ $key }` también lo usa content/{ $other } en el mismo idioma
content-duplicate-translation-key-hint = cada idioma puede tener una sola página por translation_key
content-ambiguous-translation = esta página y content/{ $other } son las dos traducciones de la misma página en `{ $lang }`
content-ambiguous-translation-hint = dale a cada página su propio translation_key, o quita uno

## src/content/page.rs: los datos de la página (front matter). Las palabras del lector de
## YAML (el "unknown field …" de serde) quedan como están; lo que faro dice alrededor, aquí.
content-toml-front-matter = los datos de la página (front matter) están en TOML, entre líneas `+++` (como en Zola y Hugo), y faro no los lee: escríbelos en YAML entre líneas `---` (`title = "Guía"` pasa a ser `title: "Guía"`)
content-json-front-matter = los datos de la página (front matter) están en JSON (como en Hugo), y faro no los lee: escríbelos en YAML entre líneas `---`
content-no-front-matter = el archivo debe empezar con los datos de la página (front matter) entre líneas `---`, con al menos un `title`
content-front-matter-unclosed = los datos de la página (front matter) que se abren en la línea 1 nunca se cierran con una línea `---`
content-missing-title = falta el campo `title`
front-matter-needs-title = toda página necesita un título: agrega una línea `title: "..."` entre las líneas `---`
front-matter-is-yaml = los datos de la página (front matter) son YAML: revisa comillas, dos puntos y sangría; las claves permitidas son { $keys }
content-tags-twice = `tags` está escrito dos veces: arriba y dentro de `taxonomies` (donde lo pone Zola); deja uno
content-title-empty = `title` está vacío
bad-date = `{ $key }` debe ser { $want ->
        [time] una hora escrita HH:MM:SS seguida de su diferencia horaria, como en 2025-02-10T10:00:00-05:00 o 2025-02-10T15:00:00Z
        [no-offset] una hora con su diferencia respecto a UTC (2025-02-10T10:00:00-05:00 en el Perú, o …Z), o solo el día: una hora sola no indica un momento exacto
       *[day] una fecha escrita AAAA-MM-DD, o una fecha y hora RFC 3339 como 2025-02-10T10:00:00-05:00
    }, no `{ $value }`
content-report-not-section = `report` va en el `_index.md` de la carpeta de un informe; sus otras páginas son los capítulos
content-sort-by-on-page = `sort_by` solo sirve en el `_index.md` de una sección

## src/content/keys.rs: claves de Hugo y Zola, y errores de tipeo.
content-both-spellings = `{ $peer }` es otra forma de escribir `{ $key }`, y esta página escribe las dos; deja una
content-did-you-mean = ¿quisiste decir `{ $key }`?
content-extra-hint = pon tus propios campos dentro de `extra:` (`extra: {"{"} { $key }: ... {"}"}`), donde las plantillas los leen como `page.extra.{ $key }`
content-peer-summary = faro no tiene la clave `summary`: `description` es lo que muestran las listas, los feeds, la búsqueda y los buscadores
content-peer-template = indica la plantilla con `template: page.html`
content-peer-categories = agrupa las páginas con `tags`, o con una taxonomía de site.yaml: `taxonomies: {"{"} categories: [...] {"}"}`
content-peer-keywords = ponlas como `tags`
content-peer-images = faro comparte una sola imagen: `image: /es/campanas/afiche.png`
content-peer-address = la dirección sale del nombre del archivo y del `slug`; conserva las direcciones antiguas con `aliases`
content-peer-publish-date = faro no programa páginas: deja la página con `draft: true` hasta que esté lista
content-peer-expiry-date = faro no hace vencer páginas: pon `draft: true` o borra la página, con un alias hacia la que la reemplaza
content-peer-generate-feeds = en el `_index.md` de una sección, `feed: true` escribe su feed Atom
content-peer-menus = los menús se escriben en site.yaml (`menus:`)
content-peer-authors = ponlo dentro de `extra:` (`extra: {"{"} authors: [...] {"}"}`), donde las plantillas lo leen como `page.extra`

## src/outline.rs
content-xref-outside-report = `[@{ $kind }:{ $id }]`: las referencias cruzadas funcionan en los capítulos de un informe
content-xref-to-nothing = `[@{ $kind }:{ $id }]` no lleva a nada: { $kind ->
        [fig] ningún gráfico de este informe muestra el indicador
        [tbl] ningún título de tabla de este informe tiene el id
       *[sec] ningún título de este informe tiene el id
    } `{ $id }`
content-xref-hint = escribe [@sec:id-del-titulo] para una sección (el id es el slug del título), [@fig:id-del-indicador] para un gráfico, o [@tbl:id] para una tabla con el título `Tabla: texto {"{"}#tbl:id{"}"}`

## src/text.rs y src/sources.rs: leer los archivos del sitio.
content-cannot-read = no se puede leer: { $error }
content-is-folder = no se puede leer: es una carpeta, no un archivo
content-not-utf8 = el archivo no es texto UTF-8
content-not-utf8-hint = guarda el archivo como UTF-8 en tu editor ("Guardar con codificación" > UTF-8)
content-nul = un carácter NUL (U+0000), que un texto publicado no puede tener
content-nul-hint = bórralo: el archivo solo debe tener texto
content-link-outside-site = este enlace (symlink) lleva fuera de la carpeta del sitio; nada fuera del sitio se lee ni se publica
content-link-outside-site-hint = copia el archivo dentro de la carpeta del sitio en vez de enlazarlo
content-special-file = se omitió: { $what ->
        [fifo] es un FIFO (tubería con nombre)
        [socket] es un socket
        [device] es un dispositivo
       *[other] no es un archivo común
    }, no un archivo, y nunca se abre
content-special-file-hint = sácalo de la carpeta del sitio, o cámbialo por un archivo común
content-link-skipped = este enlace (symlink) se omitió: { $why ->
        [folder] lleva a una carpeta
       *[broken] está roto
    }
content-link-skipped-hint = copia el archivo aquí en vez de enlazarlo

## src/href.rs: direcciones que la política de direcciones rechaza.
content-href-hint = enlaza con http:, https:, mailto: o tel:, o a un archivo del sitio
content-href-empty = `{ $href }` está vacío
content-href-hidden = `{ $href }` tiene un carácter oculto (U+{ $code }), que los navegadores se saltan
content-href-hidden-hint = vuelve a escribir la dirección: tiene un carácter que no se ve
content-href-spaces = `{ $href }` empieza o termina con un espacio
content-href-spaces-hint = quita los espacios alrededor de la dirección
content-href-backslash = `{ $href }` tiene una barra invertida, que los navegadores leen como `/`
content-href-backslash-hint = escribe `/`, o `%5C` para una barra invertida
content-href-char-reference = `{ $href }` tiene una referencia de carácter HTML (`&#…;`), que faro no decodifica y los navegadores podrían decodificar
content-href-char-reference-hint = escribe el carácter mismo, o codifícalo con porcentajes
content-href-no-scheme = `{ $href }` no tiene esquema: lleva a otro sitio con el esquema con que se haya abierto la página
content-href-no-scheme-hint = escribe el esquema: https://…
content-href-not-scheme = `{ $href }` empieza con `{ $start }:`, que no es un esquema
content-href-no-slashes = a `{ $href }` le falta `//` antes del servidor
content-href-user = `{ $href }` nombra un usuario antes del servidor, lo que oculta adónde lleva
content-href-port = `{ $href }` tiene un puerto que no es un número
content-href-port-range = `{ $href }` tiene un puerto mayor que 65535
content-href-host = `{ $href }` no tiene servidor, o uno que no es un nombre ni una dirección
content-href-authority-hint = escribe una dirección como https://example.org/pagina
content-href-incomplete = `{ $href }` no es una dirección `{ $scheme }:` completa
content-href-incomplete-hint = mailto:nombre@example.org, tel:+511818
content-href-scheme-refused = `{ $href }` se rechaza: no se permiten enlaces con el esquema `{ $scheme }:`
content-href-relative = `{ $href }` es una ruta relativa, y aquí no hay una página desde la cual leerla
content-href-relative-hint = empieza una ruta del sitio con `/` (`/es/indicadores/`), o escribe una dirección https:// completa
image-not-jpeg-or-png = este archivo tiene nombre de imagen JPEG o PNG pero no es ninguna de las dos, así que no se publica
image-damaged = esta imagen está cortada o dañada, así que no se publica
image-unreadable = esta imagen no se puede leer, así que no se publica: { $error }
image-unreadable-hint = guárdala de nuevo como JPEG o PNG (desde la cámara o un editor de imágenes): faro solo publica una foto cuando puede quitarle los metadatos (posición GPS, cámara) y hacer sus tamaños más pequeños
image-unreadable-here = la imagen `{ $src }` no se puede publicar: su error se indica en el archivo
