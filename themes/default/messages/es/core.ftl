# Los mensajes de faro en la terminal y en el panel de errores de la vista previa, en español.
# Cada mensaje tiene un identificador; { $nombre } es un valor que faro completa.

build-failed = El sitio no se armó: { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }; { $previous }.
previous-kept = el sitio armado antes quedó como estaba
previous-replaced = el sitio nuevo está en su lugar, pero no lo que un armado escribe después
previous-moved = el sitio armado antes se movió a un lado (ver arriba)
hint = sugerencia

yaml-unclosed-quote = el texto que se abre con { $quote } aquí no se cierra: termínalo con { $quote } en la misma línea
yaml-no-key = esta línea no se lee como `clave: valor`: revisa sus comillas, los dos puntos después de la clave y su sangría
yaml-colon-in-value = dos puntos y un espacio dentro de un valor: pon todo el valor entre comillas (`title: "Línea 1818: gratis"`)
yaml-bad-start = un carácter que no puede empezar un valor (un tabulador, o `@` o `` ` `` al comienzo): usa espacios para la sangría o pon el valor entre comillas
yaml-list-indent = un elemento de la lista no está alineado con los demás: empieza cada uno con `- ` en la misma columna
yaml-bad-escape = una barra invertida dentro de comillas dobles: escribe `\\` para una, o usa comillas simples
yaml-cut-short = el archivo termina en medio de un valor: revisa si falta cerrar una comilla o un corchete

missing-alt = la imagen `{ $src }` no tiene texto alternativo
missing-alt-hint = describe la imagen entre los corchetes: ![una niña llama a la Línea 1818](foto.jpg)
bad-date = `{ $key }` debe ser una fecha escrita AAAA-MM-DD, o una fecha y hora RFC 3339 como 2025-02-10T10:00:00-05:00, no `{ $value }`
link-to-missing-file = el enlace `{ $dest }` lleva a content/{ $target }, que no existe
link-to-missing-file-hint = enlaza otra página por su archivo, desde esta: [texto](../campanas/linea-1818.md)
front-matter-needs-title = toda página necesita un título: agrega una línea `title: "..."` entre las líneas `---`
front-matter-is-yaml = los datos de la página (front matter) son YAML: revisa comillas, dos puntos y sangría; las claves permitidas son { $keys }
