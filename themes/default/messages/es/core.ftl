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
