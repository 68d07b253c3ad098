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
