## La parte site de faro.

## src/config.rs: las revisiones de site.yaml
config-not-an-email = `{ $email }` no es una dirección de correo (lleva una `@`, sin espacios ni los signos `<>"?:`)
config-missing-key = falta la clave `{ $key }`
config-missing-keys = falta la clave `{ $key }` (site.yaml también necesita { $others })
config-no-languages = `languages` debe tener al menos un idioma
config-not-a-language-code = `{ $lang }` no es un código de idioma (usa códigos como `es`, `en`, `qu`, `pt-BR`)
config-language-twice = el idioma `{ $lang }` aparece dos veces
config-bad-base-url = `{ $name }` debe ser una dirección http(s) completa, con dominio y sin usuario, consulta ni fragmento, como `https://example.org/campana/`: { $problem }
config-bad-base-url-hint = codifica con % lo que la ruta necesite (un espacio es %20); quita `?…` y `#…`
config-no-text-for-language = `{ $key }` no tiene texto para el idioma `{ $lang }`
config-text-for-undeclared-language = `{ $key }` tiene texto para `{ $lang }`, que no está en `languages`
config-not-a-phone = `{ $phone }` no es un número de teléfono que se pueda marcar: { $why ->
        [signs] tiene algo más que un número
        [long] es más largo de lo que se escribe un número (30 caracteres como máximo)
       *[digits] tiene muy pocos o demasiados dígitos (de 3 a 15)
    }; escribe un solo número, solo con dígitos, espacios, `+`, `-`, `.` y un código de área entre paréntesis, y pon las opciones, otros números u horarios en `description` (o en otra línea de ayuda)
config-bad-quick-exit-url = `quick_exit.url` debe ser una dirección http(s) de un sitio neutral, no `{ $url }`
config-suppress-below-zero = `statistics.suppress_below` debe ser al menos 1: la protección de las cifras pequeñas no se puede desactivar
config-bad-keep = `publish.keep` incluye `{ $keep }`: indica rutas dentro de la carpeta de salida, como `.git` o `CNAME`

## src/config/read.rs
config-not-a-mapping = site.yaml debe ser una lista de claves y valores (`base_url: …`, `languages: […]`, …)
config-alias-and-key = `{ $alias }` (el nombre que usa { $whose }) y `{ $key }` son la misma clave: deja solo una
config-is-a-list = `{ $key }` es una lista, con cada elemento en una línea que empieza con `- `
config-taxonomies-is-a-list = `{ $key }` es una lista, con cada elemento en una línea que empieza con `- `: `- {"{"} key: region, name: {"{"} es: Región, en: Region {"}"}, slug: {"{"} es: regiones, en: regions {"}"} {"}"}` (el mapa `{"{"} tag: tags {"}"}` de Hugo pasa a ser un elemento por cada taxonomía)

## src/config/keys.rs: una clave desconocida de site.yaml y dónde está ($level: top, section, entry, menu-entry)
config-unknown-key = la clave `{ $key }` no existe{ $level ->
        [top] {""}
        [entry] {" "}en un elemento de `{ $section }`
        [menu-entry] {" "}en un elemento del menú
       *[section] {" "}en `{ $section }`
    }
config-unknown-key-near = { config-unknown-key }: ¿quisiste decir `{ $near }`?
config-unknown-key-lacks = { config-unknown-key }: a site.yaml le falta { $lacks }; ¿es esta?
config-unknown-key-hint = las claves de aquí son { $keys }
# Claves de la configuración de Hugo y de Zola, con la de faro que hace lo mismo.
config-peer-language-code = { config-unknown-key }: el `languageCode` de Hugo es la lista `languages` de faro (con códigos como `es`, `en`, `qu`)
config-peer-default-content-language = { config-unknown-key }: el idioma principal de faro es el primero de `languages`
config-peer-default-language = { config-unknown-key }: el idioma principal de faro (el `default_language` de Zola) es el primero de `languages`
config-peer-menu = { config-unknown-key }: los menús de faro van en `menus`
config-peer-copyright = { config-unknown-key }: faro pone `organization` en el pie de página; no hay línea de copyright
config-peer-paginate = { config-unknown-key }: la cantidad de páginas por página de lista es `publish.page_size`
config-peer-robots = { config-unknown-key }: faro escribe robots.txt en la raíz del dominio (en una subcarpeta los buscadores no lo leen, así que no se escribe); `publish.index: false` pide que el sitio no aparezca en los buscadores
config-peer-feeds = { config-unknown-key }: una sección tiene su feed cuando su `_index.md` dice `feed: true`
config-peer-feed-limit = { config-unknown-key }: la cantidad de entradas por feed es `publish.feed_size`
config-peer-search-index = { config-unknown-key }: faro siempre arma el índice de búsqueda
config-peer-permalinks = { config-unknown-key }: las direcciones de faro siguen las carpetas de content/ y el `slug` de cada página
config-peer-translations = { config-unknown-key }: los textos de la interfaz están en i18n/<lang>.yaml (mira `faro theme strings <lang>`)
config-peer-author = { config-unknown-key }: faro nombra a quien publica en `organization`
config-peer-page-ref = { config-unknown-key }: el `pageRef` de Hugo es el `page` de faro, un archivo dentro de content/<lang>/
config-peer-weight = { config-unknown-key }: los elementos del menú se muestran en el orden en que están escritos
config-peer-identifier = { config-unknown-key }: los menús de faro tienen un solo nivel: sus elementos no llevan identificador
config-peer-parent = { config-unknown-key }: los menús de faro tienen un solo nivel: sus elementos no llevan elemento padre

## src/config/menus.rs
config-menus-not-a-map = `menus` debe ser un mapa: `{"{"} es: [entries] {"}"}` o `{"{"} main: {"{"} es: [entries] {"}"} {"}"}`
config-menus-mixed = `menus` mezcla sus dos formas: `{ $list }` tiene una lista (el menú principal del idioma `{ $list }`) y `{ $name }` un mapa (un menú llamado `{ $name }`); dentro de `menus`, una lista es el menú principal de un idioma y un mapa es un menú con nombre, por idiomas
config-menus-mixed-hint-into-main = mueve `{ $list }: [...]` dentro de `{ $main }:`: `menus: {"{"} { $main }: {"{"} { $list }: [...], ... {"}"} {"}"}`
config-menus-mixed-hint = escribe `menus: {"{"} { $main }: {"{"} { $list }: [...] {"}"}, { $name }: {"{"} ... {"}"} {"}"}`, moviendo la lista de cada idioma dentro de `{ $main }`
config-menu-not-a-list-or-map = `menus.{ $key }` debe ser una lista de elementos (el menú principal de un idioma) o un mapa de idiomas con sus listas (un menú con nombre)
config-menu-not-a-list = `menus.{ $name }.{ $lang }` debe ser una lista de elementos
config-main-menu-undeclared-language = `menus` tiene un menú para `{ $lang }`, que no está en `languages`
config-menu-undeclared-language = el menú `{ $name }` tiene elementos para `{ $lang }`, que no está en `languages`
config-menu-entry-undeclared-language = el elemento del menú `{ $name }` lleva al idioma `{ $lang }`, que no está en `languages`
config-menu-entry-page-or-url = el elemento del menú `{ $name }` necesita uno solo de `page` (un archivo dentro de content/{ $lang }/) o `url`

## src/config/languages.rs
config-language-bad-name = idioma `{ $code }`: `name` debe ser un texto para mostrar, como "Runasimi"
config-language-bad-locale = idioma `{ $code }`: `locale` debe ser un idioma y una región, como `qu_PE` o `es_419`, no `{ $locale }`
config-language-bad-direction = idioma `{ $code }`: `direction` es `ltr` (de izquierda a derecha) o `rtl` (de derecha a izquierda), no `{ $direction }`
config-language-own-fallback = el idioma `{ $code }` se nombra a sí mismo como su `fallback`
config-language-unknown-fallback = idioma `{ $code }`: `fallback` debe ser otro idioma de `languages` ({ $codes }), no `{ $fallback }`
config-language-fallback-loop = idioma `{ $code }`: su cadena de `fallback` vuelve a él ({ $fallback } …)

## src/i18n.rs: los textos de la interfaz del tema y del sitio (i18n/<lang>.yaml)
strings-extra-keys-missing = { $n ->
        [one] falta 1 texto de la interfaz
       *[other] faltan { $n } textos de la interfaz
    } para `{ $lang }`, que se muestran en otro idioma: { $keys }
strings-extra-keys-missing-hint = agrégalos a i18n/{ $lang }.yaml en tu sitio, o revisa cómo están escritos donde sí están
strings-copied-from-not-a-code = `{ $key }` no es el código de otro idioma
strings-copied-from-unknown = `{ $key }` nombra `{ $from }`, que no tiene textos aquí (sí tienen: { $known })
strings-copied-from-hint = `{ $key }` indica el idioma del que se copiaron los valores de este archivo (como `es`), para que un valor todavía sin traducir se muestre como de ese idioma; borra la línea para contar cada valor como propio de `{ $lang }`
# $langs: idiomas por su código, como "`es` and `en`".
strings-awaiting-copied-from-one = { $n } de los { $total } textos de la interfaz de `{ $lang }` siguen siendo el texto en { $langs } del que se copiaron
strings-awaiting-copied = { $n } de los { $total } textos de la interfaz de `{ $lang }` siguen siendo el texto del que se copiaron, en { $langs }
strings-awaiting-filled = { $n } de los { $total } textos de la interfaz de `{ $lang }` siguen en { $langs }, porque este archivo no los tiene
strings-awaiting-copied-and-filled = { $n } de los { $total } textos de la interfaz de `{ $lang }` siguen en { $langs }: { $copies } copiados en este archivo y todavía sin traducir, { $fills } que faltan en él y se toman de { $filled }
strings-awaiting-hint = tradúcelos en este archivo; mientras tanto, quienes visitan el sitio los ven como texto en { $langs }, marcado así
strings-awaiting-hint-missing = tradúcelos en este archivo y agrega los que faltan (`faro theme strings { $lang } --stdout` muestra todos los textos); mientras tanto, quienes visitan el sitio los ven como texto en { $langs }, marcado así
strings-missing = { $n ->
        [one] falta 1 texto de la interfaz
       *[other] faltan { $n } textos de la interfaz
    } del tema para `{ $lang }`: { $shown }{ $more ->
        [0] {""}
       *[other] {" "}y { $more } más
    }
strings-missing-no-file = el tema no tiene textos de la interfaz para `{ $lang }` y no se indica un `fallback`: { $n ->
        [one] falta 1 texto de la interfaz
       *[other] faltan { $n } textos de la interfaz
    } ({ $shown }{ $more ->
        [0] {""}
       *[other] {" "}y { $more } más
    })
strings-missing-hint = agrégalos a este archivo (`faro theme strings { $lang } --stdout` muestra todos los textos con lo que hay que traducir), o deja que otro idioma los complete: `- {"{"} code: { $lang }, fallback: { $fallback } {"}"}` en `languages`
strings-missing-no-file-hint = ejecuta `faro theme strings { $lang }` para escribir i18n/{ $lang }.yaml con todos los textos que hay que traducir, o deja que otro idioma los complete: `- {"{"} code: { $lang }, fallback: { $fallback } {"}"}` en `languages`

## src/i18n/site_file.rs: el archivo de textos de un sitio, revisado contra el del tema
strings-key-twice = `{ $key }` está escrita { $again ->
        [second] por segunda vez
       *[more] una vez más
    }{ $first ->
        [none] {""}
       *[other] {" "}(la primera, en la línea { $first })
    }
strings-key-twice-hint = en un archivo de textos cada clave va una sola vez: borra la que no quieres
strings-list-length = `{ $key }` tiene { $got ->
        [one] 1 elemento
       *[other] { $got } elementos
    } y la del tema tiene { $want }: pon los { $want }
strings-list-length-hint = faro toma los elementos de una lista por su posición, en el orden del tema (`faro theme strings { $lang } --stdout` lo muestra)
strings-text-not-list = en el tema, `{ $key }` es una lista de { $want } textos, no un solo texto
strings-text-not-list-hint = escríbelos entre corchetes, en el orden del tema: `{ $key }: ["…", "…"]` (`faro theme strings { $lang } --stdout` muestra los del tema)
strings-list-not-text = en el tema, `{ $key }` es un solo texto, no una lista
strings-list-not-text-hint = escríbelo como `{ $key }: "…"`, o con formas de plural como `{ $key }: {"{"} one: "…", other: "…" {"}"}`
strings-unknown-key-near = `{ $key }` no es un texto de la interfaz del tema: ¿quisiste decir `{ $near }`?
strings-unknown-key = `{ $key }` no es un texto de la interfaz del tema, y ninguna plantilla de este sitio lo usa
strings-unknown-key-hint = el archivo puede tener los textos del tema (`faro theme strings { $lang } --stdout` los muestra todos) y los que piden por su nombre las plantillas propias del sitio, como `t("{ $key }")` en templates/
# $shown: los marcadores, como "`{n}`, `{name}`".
strings-wrong-placeholders-none = { $shown } { $n ->
        [one] no es un marcador
       *[other] no son marcadores
    } de `{ $key }`, que no lleva ninguno
strings-wrong-placeholders = { $shown } { $n ->
        [one] no es un marcador
       *[other] no son marcadores
    } de `{ $key }`, que lleva { $takes }
strings-wrong-placeholders-hint = faro solo completa los marcadores del texto del tema y deja cualquier otro tal como está escrito; una traducción puede omitir alguno
strings-wrong-placeholders-hint-near = ¿quisiste decir `{"{"}{ $near }{"}"}`? faro solo completa los marcadores del texto del tema y deja cualquier otro tal como está escrito; una traducción puede omitir alguno

## src/theme.rs
theme-not-found = no se encontró el tema `{ $theme }`: no hay una carpeta themes/{ $theme }/

## src/render.rs: una plantilla que falla (su error es el texto en inglés de minijinja)
site-template-while-rendering = al armar { $page }

## src/urls.rs: una entrada de `aliases` de una página
site-alias-unsafe-char = el alias `{ $alias }` tiene `{ $char }`, que un servidor web decodificaría o cortaría
site-alias-percent-hint = escribe la dirección tal como se lee, `año` y no `a%C3%B1o`: un servidor decodifica primero los códigos con `%`
site-alias-query-hint = un alias es una ruta: un servidor nunca ve lo que va después de `#`, y `?` empieza una consulta
site-alias-backslash-hint = separa las carpetas con `/`
site-alias-invisible-hint = quita el carácter invisible
site-alias-not-plain = el alias `{ $alias }` no es una ruta simple
site-alias-not-plain-hint = escríbelo sin `.`, `..` ni `//`
site-alias-other-language = el alias `{ $alias }` está fuera de /{ $lang }/, el idioma de esta página
site-alias-other-language-hint = cada idioma guarda sus propias direcciones antiguas: pon este alias en la página de ese idioma
site-alias-reserved = el alias `{ $alias }` se llama como `{ $name }`, un archivo que faro escribe por su cuenta
site-alias-reserved-hint = un alias se convierte en una carpeta con una página que redirige: pon la dirección de la página antigua

## src/output/mod.rs, src/output/dir.rs: la carpeta de salida
output-replaces-site = la carpeta de salida reemplazaría los archivos propios del sitio
output-replaces-site-hint = elige una carpeta de salida fuera de content/, static/, templates/, themes/ e i18n/ que no contenga el sitio, como public/
output-kept-and-written = `publish.keep` conserva `{ $paths }` en la salida, y el sitio también lo escribe
output-kept-and-written-hint = quítalo del sitio (static/) o de `publish.keep`
# $link: adónde lleva la carpeta de salida, si es un enlace; `none` si no lo es.
output-is-a-file = `{ $output }`{ $link ->
        [none] {""}
       *[other] {" "}(un enlace a `{ $link }`)
    } es un archivo, no una carpeta: faro escribe el sitio en una carpeta que reemplaza entera
output-is-a-file-hint = arma el sitio en otra carpeta (`--output`) o mueve el archivo a otro lugar; no se cambió nada
output-foreign-files = `{ $output }`{ $link ->
        [none] {""}
       *[other] {" "}(un enlace a `{ $link }`)
    } tiene archivos que faro no escribió ({ $files }{ $more ->
        [0] {""}
       *[other] {" "}y { $more } más
    }): al armar el sitio solo se reemplaza una carpeta vacía o escrita por faro
output-foreign-files-hint = muévelos a otro lugar (a static/ para publicarlos con el sitio), ponlos en `publish.keep` en site.yaml para conservarlos ahí, o arma el sitio en otra carpeta; no se cambió nada
output-foreign-files-hint-no-manifest = muévelos a otro lugar (a static/ para publicarlos con el sitio), ponlos en `publish.keep` en site.yaml para conservarlos ahí, o arma el sitio en otra carpeta (las versiones de faro anteriores al registro `.faro-manifest` no guardaban la lista de sus archivos: si esta carpeta salió de una de ellas, bórrala una vez); no se cambió nada
output-cannot-write = no se pudo escribir { $file }: { $error }
output-cannot-move-aside = no se pudo mover a un lado el sitio anterior { $output } ({ $error })
# $step: qué falló (keep: llevar los archivos conservados; si no, poner el sitio nuevo en su lugar); $back: por qué no se pudo devolver la salida anterior, `none` si se devolvió.
output-swap-failed = { $step ->
        [keep] no se pudieron conservar los archivos que indica publish.keep ({ $error })
       *[move-in] no se pudo poner el sitio nuevo en { $output } ({ $error })
    }{ $back ->
        [none] {""}
       *[other] ; la salida anterior no se pudo devolver a su lugar ({ $back }) y está en { $old }
    }
