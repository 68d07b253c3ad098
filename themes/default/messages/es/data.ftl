## La parte data de faro.

## src/data/indicators/mod.rs: archivos de indicadores (data/indicators/).
data-indicators-unreadable = no se puede leer: { $error }
data-csv-without-yaml = este archivo CSV no tiene al lado un archivo YAML con el mismo nombre
data-duplicate-indicator = { $yml } y { $yaml } dan el mismo identificador de indicador
data-duplicate-indicator-hint = deja solo uno de los dos archivos
data-bad-indicator-id = `{ $id }` no puede ser el identificador de un indicador: usa minúsculas, dígitos y guiones
data-bad-indicator-id-hint = el nombre del archivo es el identificador y forma parte de la dirección del indicador, por ejemplo victimas-por-anio.yaml
data-bad-source-date = `source.date` debe ser una fecha escrita AAAA-MM-DD, no `{ $date }`
data-suppress-below-zero = `suppress_below` debe ser al menos 1: la protección de los conteos pequeños no se puede desactivar
data-baseline-below-threshold = la línea de base de { $value } es menor que `suppress_below` ({ $threshold }): publicaría un conteo pequeño de personas
data-baseline-below-threshold-hint = da la línea de base como porcentaje (measure: percent), o quítala
data-baseline-gives-away = la línea de base de { $value } es el total de { $year }, que está oculto para proteger conteos pequeños: lo publicaría
data-does-not-add-up = los valores del desglose `{ $dim }` en el período `{ $period }` suman { $sum }, no este total de { $value }
data-does-not-add-up-hint = si una parte del total no está desglosada, pon `adds_up: at-most` en breakdowns.{ $dim }; si una persona puede contarse en varios valores, `adds_up: overlapping`
data-total-cannot-be-protected = el período `{ $period }` (el total) no se puede proteger: se oculte lo que se oculte, lo publicado lo deja en menos de { $threshold } valores posibles
data-cell-cannot-be-protected = el período `{ $period }` ({ $what }) no se puede proteger: se oculte lo que se oculte, lo publicado lo deja en menos de { $threshold } valores posibles
data-cannot-be-protected-hint = dos conteos pequeños cuyo total no es pequeño se delatan entre sí; junta los grupos pequeños (por ejemplo en `other`) o publica menos desgloses
data-no-text-for-language = `{ $key }` no tiene texto para el idioma `{ $lang }`
data-bad-breakdown = desglose `{ $id }`: { $error }
data-value-needs-labels = el valor `{ $key }` del desglose `{ $id }` necesita una etiqueta por idioma, como {"{"} es: Mujeres, en: Women {"}"}
data-key-out-of-range = `{ $key }.value`: { data-out-of-range }
data-target-without-year = el objetivo (`target`) no tiene `year`: indica para cuándo debe alcanzarse
data-baseline-without-year = la línea de base no tiene `year`
data-series-and-csv = los valores están tanto en `series` como en { $csv }; deja solo uno
data-no-values = el indicador no tiene valores: agrega filas en `series` o un archivo CSV a su lado
data-too-many-rows = más de { $max } filas: un indicador puede tener como máximo { $max }
data-too-many-rows-hint = publica un resumen (por año, por región) en lugar de registros individuales

## src/data/indicators/rows.rs: las filas de un indicador, de `series` o de su archivo CSV.
data-not-a-number = `{ $text }` no es un número
data-not-a-number-hint = escribe los números con dígitos y punto decimal, sin unidades: 79.6, no 79,6 %
data-unknown-column = `{ $column }` no es `period`, ni `value`, ni un desglose declarado en `breakdowns`
data-unknown-breakdown-value = `{ $text }` no es un valor del desglose `{ $dim }`, así que no tiene etiqueta
data-unknown-breakdown-value-hint = agrégalo en breakdowns.{ $dim }.values con una etiqueta por idioma
data-row-without-period = esta fila no tiene `period`
data-row-without-value = esta fila no tiene `value`
data-csv-bad-header = no se puede leer el encabezado del CSV: { $error }
data-csv-bad-row = no se puede leer esta fila del CSV: { $error }
data-period-twice = el período `{ $period }` aparece dos veces (la primera en la línea { $first })
data-cell-twice = el período `{ $period }` ({ $what }) aparece dos veces (la primera en la línea { $first })
# Por qué un valor no corresponde a su medida ($why), dicho después de lo que es el valor.
data-out-of-range = { $why ->
        [percent] { $value } no es un porcentaje entre 0 y 100
        [negative] { $value } personas no puede ser un conteo
        [fraction] { $value } no es un número entero de personas
        [too-many] { $value } son más personas de las que existen
        [too-large] { $value } es demasiado grande para publicarse como cifra
       *[not-a-number] `{ $value }` no es un número
    }

## src/data/goals.rs: data/goals.yaml y data/roadmap.yaml.
data-goal-twice = el identificador de meta `{ $id }` se usa dos veces
data-goal-unknown-indicator = la meta `{ $goal }` tiene un objetivo en el indicador `{ $indicator }`, que no existe
data-indicator-files-hint = los indicadores son los archivos de data/indicators/; el identificador es el nombre del archivo sin .yaml
data-goal-target-out-of-range = el objetivo de la meta `{ $goal }` en `{ $indicator }`: { data-out-of-range }
data-goal-down-needs-baseline = el indicador `{ $indicator }` debe bajar, así que necesita una `baseline` (línea de base) desde la cual medir el avance
data-action-twice = el identificador de acción `{ $id }` se usa dos veces
data-action-unknown-goal = la acción `{ $action }` pertenece a la meta `{ $goal }`, que no está en data/goals.yaml
data-action-bad-due = acción `{ $action }`: `due` debe ser una fecha escrita AAAA-MM-DD, no `{ $due }`

## src/data/editions.rs: ediciones congeladas de los informes finales (data/editions/) y lo que las revisa.
data-revised-target = el informe { $year } congeló la meta `{ $goal }` / indicador `{ $indicator }` en { $latest ->
        [none] sin valor
       *[other] { $latest }
    } ({ $period }), { $status ->
        [achieved] lograda
        [on-track] en camino
        [behind] atrasada
       *[no-data] sin datos
    }; los datos ahora dan { $now_latest ->
        [none] sin valor
       *[other] { $now_latest }
    } ({ $now_period }), { $now_status ->
        [achieved] lograda
        [on-track] en camino
        [behind] atrasada
       *[no-data] sin datos
    }
data-revised-target-gone = el informe { $year } congeló la meta `{ $goal }` / indicador `{ $indicator }` en { $latest ->
        [none] sin valor
       *[other] { $latest }
    } ({ $period }), { $status ->
        [achieved] lograda
        [on-track] en camino
        [behind] atrasada
       *[no-data] sin datos
    }; ya no está en los datos
data-revised-target-hint = el informe publicado conserva sus valores congelados; si la cifra se revisó, dilo en el informe del próximo año
data-revised-figures = el informe { $year } congeló las cifras del indicador `{ $indicator }`; sus datos hasta { $year } cambiaron desde entonces
data-revised-figures-hint = el informe publicado conserva sus cifras y gráficos congelados
data-revised-list = el informe { $year } registró sus { $what ->
        [goals] metas
       *[actions] acciones
    } al congelarse; agregadas después, y que no están en él: { $added }
data-revised-action = el informe { $year } congeló la acción `{ $action }` como { $status }; los datos ahora dicen { $now_status }
data-revised-action-gone = el informe { $year } congeló la acción `{ $action }` como { $status }; los datos ahora no dicen nada

## src/model/checks.rs: lo que una página pide al sitio (gráficos, bloques de informe, taxonomías, campañas).
data-chart-unknown-indicator = el shortcode del gráfico nombra `{ $id }`, que no es un indicador
report-block-outside-report = `{"{{"}< { $name } >{"}}"}` solo funciona en un capítulo de un informe de rendición de cuentas
report-block-outside-report-hint = un informe es una carpeta cuyo _index.md tiene un bloque `report:`; sus páginas son los capítulos
data-unknown-taxonomy = `{ $key }` no es una taxonomía de este sitio
data-unknown-taxonomy-hint = decláralo en `taxonomies` de site.yaml (key, name y slug por idioma), o usa `tags`
data-unknown-template = la plantilla `{ $template }` no existe en el tema ni en templates/
kit-empty-message = el `message` de la campaña está vacío
kit-empty-message-hint = escribe el mensaje clave en una o dos oraciones
kit-too-many-figures = una campaña tiene como máximo { $max } cifras clave; esta tiene { $figures }
kit-too-many-figures-hint = quédate con las cifras más fuertes: un afiche se lee desde lejos
kit-figure-unknown-indicator = la cifra clave { $n } nombra `{ $id }`, que no es un indicador
kit-figure-without-total = el indicador `{ $id }` no tiene un total para mostrar como cifra clave
kit-figure-without-total-hint = nombra un indicador con una fila de total, o escribe la cifra con `value` y `label`
kit-figure-incomplete = la cifra clave { $n } necesita `indicator` (y quizá un `label`), o bien `value` y `label`
kit-figure-incomplete-hint = por ejemplo `{"{"} value: "83,6 %", label: "conocía a su tratante", source: "CIES, 2022" {"}"}`
data-text-lang-own = `text_lang: { $lang }` es el idioma de la propia página
data-text-lang-unknown = `text_lang: { $lang }` no es un idioma del sitio ni uno que faro conozca
data-text-lang-hint = text_lang indica el idioma en que el texto sigue escrito mientras espera su traducción; bórralo cuando esté traducido
data-term-without-slug = el término `{ $term }` no tiene letras ni dígitos, así que no tiene una dirección donde listarse
data-term-without-slug-hint = escribe el término con al menos una letra o un dígito, o quítalo

## src/model/mod.rs: páginas y direcciones que nombra site.yaml.
data-menu-url-without-slash = el enlace `{ $url }` de la entrada de menú `{ $name }` lleva a una carpeta sin su barra final
data-menu-url-without-slash-hint = escribe `{ $slashed }`: los servidores lo redirigen, con una petición más y no en todas partes
data-menu-url-to-nothing = el enlace `{ $url }` de la entrada de menú `{ $name }` no lleva a nada que este sitio publique
data-menu-url-to-nothing-hint = una ruta del sitio es la dirección de una página sin la ruta base (`/es/guia/`), o un archivo de static/; `page:` nombra una página por su archivo
data-menu-page-missing = la entrada de menú `{ $name }` lleva a content/{ $lang }/{ $src }, que no existe
data-safety-page-missing = `quick_exit.safety_page` lleva a content/{ $lang }/{ $src }, que no existe

## src/pages/kits/: kits de campaña (logo, código QR, tarjeta para redes, PDF, ZIP).
kit-logo-hint = pon el archivo en static/ y escribe ahí su ruta, por ejemplo `logo: logo.svg`
kit-logo-bad-type = el logo `{ $logo }` debe ser un archivo SVG, PNG o JPEG
kit-logo-bad-path = el logo `{ $logo }` debe ser una ruta dentro de static/, sin `..`
kit-logo-unreadable = el logo `{ $logo }` no se puede leer: { $error }
kit-logo-outside = el logo `{ $logo }` lleva fuera de la carpeta del sitio, y no se lee
kit-logo-special = el logo `{ $logo }` es { $kind ->
        [fifo] un FIFO (tubería con nombre)
        [socket] un socket
        [device] un dispositivo
       *[other] algo que no es un archivo común
    }, no un archivo, y no se lee
kit-logo-missing = el logo `{ $logo }` no está en static/
kit-qr-failed = no se puede hacer un código QR de { $text }: { $error }
kit-card-bad-svg = la tarjeta para redes no es un SVG válido: { $error }
kit-card-no-memory = no hay memoria para la tarjeta para redes
kit-card-png-failed = no se puede convertir la tarjeta a PNG: { $error }
kit-zip-failed = no se puede hacer { $zip }: { $error }

## src/pages/publish.rs: alias (redirecciones) y el registro de direcciones publicadas (urls.txt).
data-alias-to-itself = el alias `{ $alias }` es la dirección de esta misma página, así que se redirigiría a sí mismo
data-alias-is-a-page = el alias `{ $alias }` es la dirección de otra página, /{ $other }{ $case ->
        [same] {""}
       *[other] , salvo por mayúsculas y minúsculas
    }
data-alias-twice = el alias `{ $alias }` también es alias de content/{ $rel }{ $case ->
        [same] {""}
       *[other] {" "}(salvo por mayúsculas y minúsculas)
    }
data-url-removed = { $url } se publicó antes y este armado la quitaría
data-url-removed-hint = agrega `aliases: ["{ $url }"]` a los datos de la página (front matter) de la página que la reemplaza, para que los enlaces a ella sigan funcionando

## src/pages/claims.rs: dos salidas en una misma dirección, o una dirección que un servidor no serviría.
# Cómo nombra un mensaje a cada lado del choque ($subject_kind, $other_kind y sus valores).
data-claim-subject = { $subject_kind ->
        [this-page] esta página
        [this-file] este archivo
        [page] content/{ $subject_arg }
        [alias] el alias `{ $subject_arg }` de content/{ $subject_arg2 }
        [theme-file] el archivo del tema { $subject_arg } (generado)
        [generated-file] { $subject_arg } (generado)
        [sitemap] el mapa del sitio (generado)
        [feed] el canal Atom /{ $subject_arg } (generado)
        [indicators] las páginas de indicadores en { $subject_arg } (generadas)
        [kit] el kit de campaña de { $subject_arg } (generado)
        [full-view] la vista completa de { $subject_arg } (generada)
        [search-index] el índice de búsqueda en { $subject_arg } (generado)
        [search-page] la página de búsqueda en { $subject_arg } (generada)
        [lists] las listas de { $subject_arg } en { $subject_arg2 } (generadas)
        [not-found] la página 404 (generada)
        [root] la página raíz, que lleva al idioma principal (generada)
       *[file] { $subject_arg }
    }
data-claim-other = { $other_kind ->
        [this-page] esta página
        [this-file] este archivo
        [page] content/{ $other_arg }
        [alias] el alias `{ $other_arg }` de content/{ $other_arg2 }
        [theme-file] el archivo del tema { $other_arg } (generado)
        [generated-file] { $other_arg } (generado)
        [sitemap] el mapa del sitio (generado)
        [feed] el canal Atom /{ $other_arg } (generado)
        [indicators] las páginas de indicadores en { $other_arg } (generadas)
        [kit] el kit de campaña de { $other_arg } (generado)
        [full-view] la vista completa de { $other_arg } (generada)
        [search-index] el índice de búsqueda en { $other_arg } (generado)
        [search-page] la página de búsqueda en { $other_arg } (generada)
        [lists] las listas de { $other_arg } en { $other_arg2 } (generadas)
        [not-found] la página 404 (generada)
        [root] la página raíz, que lleva al idioma principal (generada)
       *[file] { $other_arg }
    }
data-clash-case = { data-claim-subject } escribe /{ $path } y { data-claim-other } escribe /{ $other_path }: las dos solo se diferencian en mayúsculas y minúsculas, que muchos servidores no distinguen
data-clash-file-and-folder = { data-claim-subject } escribe /{ $path } y { data-claim-other } escribe /{ $other_path }: una sería un archivo donde la otra necesita una carpeta
data-clash-same = { data-claim-subject } y { data-claim-other } escriben los dos /{ $path }
data-clash-page-hint = dale a la página otro `slug`, u otro nombre de archivo o carpeta
data-clash-alias-hint = cambia o quita el alias: esa dirección ya está ocupada
data-clash-file-hint = cambia el nombre del archivo o muévelo: esa dirección ya está ocupada
data-clash-generated-hint = dos páginas generadas comparten una dirección: revisa los textos `*_slug` en i18n/ y los slugs de las taxonomías en site.yaml
data-unsafe-output-path = { data-claim-subject } se publicaría en /{ $path }, cuyo `{ $char }` un servidor web decodificaría o cortaría
data-unsafe-output-path-hint = cámbiale el nombre sin `%`, `?`, `#`, `\` ni caracteres de control

## src/print.rs: un PDF de un kit que Chromium no pudo imprimir ($file es el nombre del PDF).
kit-print-no-folder = { $file }: no se puede crear { $folder }: { $error }
kit-print-cannot-write = { $file }: no se puede escribir { $html }: { $error }
kit-print-chromium-failed = { $file }: Chromium no pudo imprimir: { $error }
kit-print-cannot-read = { $file }: no se puede leer el PDF: { $error }
