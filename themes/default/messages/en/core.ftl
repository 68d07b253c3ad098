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

# YAML that cannot be read, said as what to check.
yaml-unclosed-quote = the text opened with { $quote } here is not closed: end it with { $quote } on the same line
yaml-no-key = this line does not read as `key: value`: check its quotes, the colon after the key and its indentation
yaml-colon-in-value = a colon followed by a space inside a value: put the whole value in quotes (`title: "Línea 1818: gratis"`)
yaml-bad-start = a character that cannot start a value (a tab, or `@` or `` ` `` at the start): indent with spaces, or put the value in quotes
yaml-list-indent = a list item is not lined up with the others: start each with `- ` at the same indentation
yaml-bad-escape = a backslash inside double quotes: write `\\` for one, or use single quotes
yaml-cut-short = the file ends in the middle of a value: check for an unclosed quote or bracket

# Common findings.
missing-alt = the image `{ $src }` has no alt text
missing-alt-hint = describe the image between the brackets: ![a girl calls the 1818 line](photo.jpg)
bad-date = `{ $key }` must be a date written YYYY-MM-DD, or an RFC 3339 date and time such as 2025-02-10T10:00:00-05:00, not `{ $value }`
link-to-missing-file = the link `{ $dest }` points to content/{ $target }, which does not exist
link-to-missing-file-hint = link to another page by its file, relative to this one: [text](../campanas/linea-1818.md)
front-matter-needs-title = every page needs a title: add a line `title: "..."` between the `---` lines
front-matter-is-yaml = front matter is YAML: check quotes, colons and indentation; allowed keys are { $keys }
