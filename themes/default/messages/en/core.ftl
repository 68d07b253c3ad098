# faro's own messages on the terminal and in the preview's error panel, in English: the
# build summary and what all parts share. Each message has an id; { $name } is a value faro
# fills in. Each part of faro has its file here; a language gets a folder beside this one
# with the same files and ids.

build-failed = Build failed with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; { $previous }.
previous-kept = the previous output was left as it was
previous-replaced = the new site is in place, but not what a build writes after it
previous-moved = the previous output was moved aside (see above)
hint = hint
