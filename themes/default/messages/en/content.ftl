## The content part of faro.

## src/yaml.rs: YAML that cannot be read, said as what to check.
yaml-unclosed-quote = the text opened with { $quote } here is not closed: end it with { $quote } on the same line
yaml-no-key = this line does not read as `key: value`: check its quotes, the colon after the key and its indentation
yaml-colon-in-value = a colon followed by a space inside a value: put the whole value in quotes (`title: "Línea 1818: gratis"`)
yaml-bad-start = a character that cannot start a value (a tab, or `@` or `` ` `` at the start): indent with spaces, or put the value in quotes
yaml-list-indent = a list item is not lined up with the others: start each with `- ` at the same indentation
yaml-bad-escape = a backslash inside double quotes: write `\\` for one, or use single quotes
yaml-cut-short = the file ends in the middle of a value: check for an unclosed quote or bracket
yaml-nul-hint = delete it (or the `\0` escape that writes it)
yaml-repeated-key-hint = write each key once in its mapping; until then the first one is read and this one is left out

## src/markdown/mod.rs
missing-alt = the image `{ $src }` has no alt text
missing-alt-hint = describe the image between the brackets: ![a girl calls the 1818 line](photo.jpg)
content-shortcode-hint = faro's shortcodes are {"{{< chart ID >}}"}, {"{{< goals >}}"} and {"{{< roadmap >}}"}, each alone on its line; to link to a page (Hugo's ref), write [text](page.md)
content-raw-html = raw HTML in Markdown is shown as text, never run
content-raw-html-hint = use Markdown instead; faro escapes HTML so that page text can never become script

## src/markdown/shortcodes.rs
content-shortcode-unknown = `{ $code }` is not a shortcode
content-shortcode-unclosed = `{ $code }` is not closed with `{">}}"}` on the same line
content-shortcode-foreign = `{ $code }` is not a shortcode faro reads: it would be published as text

## src/markdown/slots.rs
content-caption-without-table = the caption of table `{ $id }` is not followed by a table
content-caption-without-table-hint = write the caption line directly above the table

## src/markdown/links.rs
link-to-missing-file = the link `{ $dest }` points to content/{ $target }, which does not exist
link-to-missing-file-hint = link to another page by its file, relative to this one: [text](../campanas/linea-1818.md)
content-link-outside-content = the link `{ $dest }` points outside content/
content-link-outside-base-hint = from the published page it leads to { $url }, outside the site's base path { $base }
content-link-with-base = the link `{ $dest }` carries the base path { $base }, which faro adds to site paths
content-link-with-base-hint = write `{ $plain }`: it follows `base_url` wherever the site is published
content-link-no-slash = the link `{ $dest }` leads to a folder without its final slash
content-link-no-slash-hint = write `{ $slashed }`: hosts redirect it, a request more and not everywhere
content-link-to-nothing = the link `{ $dest }` leads to nothing this site publishes
content-link-to-nothing-hint = a site path is a page's URL without the base path (`/es/guia/`), or a file of static/
content-link-unpublished-hint = from the published page it leads to { $url }, which is not published either
content-link-to-draft = the link `{ $dest }` points to content/{ $target }, which is a draft and is not published
content-link-to-draft-hint = publish that page (remove `draft: true`), remove the link, or preview with --drafts

## src/markdown/fragments.rs
content-anchor-missing = the link `{ $dest }` points to `#{ $fragment }`, which is not on this page
content-anchor-missing-on = the link `{ $dest }` points to `#{ $fragment }`, which is not on content/{ $page }
content-anchor-no-headings-hint = that page has no headings; link to the page alone, or add the heading
content-anchor-headings-hint = write a heading's words or its id: { $headings }

## src/content/mod.rs
content-outside-language = files in content/ must be inside a language folder such as content/es/
content-undeclared-language = the folder content/{ $lang }/ is for language `{ $lang }`, which site.yaml does not declare
content-undeclared-language-hint = add `{ $lang }` to `languages` in site.yaml, or rename the folder to one of: { $languages }

## src/content/tree.rs
content-empty-slug = the slug is empty: give the page a `slug` made of letters or digits
content-unsafe-slug = the slug `{ $slug }` has `{ $char }`, which a web server would decode or cut
content-unsafe-slug-hint = write the slug as it should read, with letters, digits and `-`
content-duplicate-index = this folder already has content/{ $other }; a folder is either a section (`_index.md`) or a page bundle (`index.md`), not both
content-duplicate-url = this page and content/{ $other } both write the URL /{ $url }
content-duplicate-url-hint = give one of them a different `slug`
content-missing-home = language `{ $lang }` has no home page; every language in site.yaml needs one
content-missing-home-hint = create content/{ $lang }/_index.md with a `title`
content-duplicate-translation-key = translation_key `{ $key }` is also used by content/{ $other } in the same language
content-duplicate-translation-key-hint = each language may have one page per translation_key
content-ambiguous-translation = this page and content/{ $other } are both translations of the same page in `{ $lang }`
content-ambiguous-translation-hint = give each page its own translation_key, or remove one

## src/content/page.rs: front matter. The reader's own words (serde's "unknown field …")
## are kept as they are; what faro says around them is here.
content-toml-front-matter = the front matter is TOML, between `+++` lines (Zola's and Hugo's), which faro does not read: write it as YAML between `---` lines (`title = "Guía"` becomes `title: "Guía"`)
content-json-front-matter = the front matter is JSON (Hugo's), which faro does not read: write it as YAML between `---` lines
content-no-front-matter = the file must begin with front matter between `---` lines, with at least a `title`
content-front-matter-unclosed = the front matter opened on line 1 is never closed by a `---` line
content-missing-title = missing field `title`
front-matter-needs-title = every page needs a title: add a line `title: "..."` between the `---` lines
front-matter-is-yaml = front matter is YAML: check quotes, colons and indentation; allowed keys are { $keys }
content-tags-twice = `tags` is written twice: at the top and under `taxonomies` (Zola's place); keep one
content-title-empty = `title` is empty
bad-date = `{ $key }` must be { $want ->
        [time] a time written HH:MM:SS followed by its offset, as in 2025-02-10T10:00:00-05:00 or 2025-02-10T15:00:00Z
        [no-offset] a time with its offset from UTC (2025-02-10T10:00:00-05:00 in Peru, or …Z), or only the day: a time alone names no instant
       *[day] a date written YYYY-MM-DD, or an RFC 3339 date and time such as 2025-02-10T10:00:00-05:00
    }, not `{ $value }`
content-report-not-section = `report` belongs in the `_index.md` of a report's folder; its other pages are the chapters
content-sort-by-on-page = `sort_by` only applies to a section's `_index.md`

## src/content/keys.rs: keys of Hugo and Zola, and typos.
content-both-spellings = `{ $peer }` is another spelling of `{ $key }`, and this page writes both; keep one
content-did-you-mean = did you mean `{ $key }`?
content-extra-hint = put fields of your own under `extra:` (`extra: {"{"} { $key }: ... {"}"}`), where templates read them as `page.extra.{ $key }`
content-peer-summary = faro has no `summary` key: `description` is what lists, feeds, search and search engines show
content-peer-template = name the template with `template: page.html`
content-peer-categories = group pages with `tags`, or with a taxonomy of site.yaml: `taxonomies: {"{"} categories: [...] {"}"}`
content-peer-keywords = list them as `tags`
content-peer-images = faro shares one picture: `image: /es/campanas/afiche.png`
content-peer-address = the address comes from the file name and `slug`; keep old addresses with `aliases`
content-peer-publish-date = faro does not schedule pages: keep a page as `draft: true` until it is ready
content-peer-expiry-date = faro does not expire pages: set `draft: true` or delete the page, with an alias to its successor
content-peer-generate-feeds = on a section's `_index.md`, `feed: true` writes its Atom feed
content-peer-menus = menus are written in site.yaml (`menus:`)
content-peer-authors = put it under `extra:` (`extra: {"{"} authors: [...] {"}"}`), where templates read it as `page.extra`

## src/outline.rs
content-xref-outside-report = `[@{ $kind }:{ $id }]`: cross-references work in the chapters of a report
content-xref-to-nothing = `[@{ $kind }:{ $id }]` refers to nothing: { $kind ->
        [fig] no chart of this report shows the indicator
        [tbl] no table caption of this report has the id
       *[sec] no heading of this report has the id
    } `{ $id }`
content-xref-hint = write [@sec:heading-id] for a section (the id is the heading's slug), [@fig:indicator-id] for a chart, or [@tbl:id] for a table captioned `Tabla: text {"{"}#tbl:id{"}"}`

## src/text.rs and src/sources.rs: reading the site's files.
content-cannot-read = cannot read: { $error }
content-is-folder = cannot read: this is a folder, not a file
content-not-utf8 = the file is not UTF-8 text
content-not-utf8-hint = save the file as UTF-8 in your editor ("Save with encoding" > UTF-8)
content-nul = a NUL character (U+0000), which published text may not hold
content-nul-hint = delete it: the file should hold text only
content-link-outside-site = this link leads outside the site folder; nothing outside the site is read or published
content-link-outside-site-hint = copy the file into the site folder instead of linking to it
content-special-file = skipped: this is { $what ->
        [fifo] a FIFO (named pipe)
        [socket] a socket
        [device] a device
       *[other] not a regular file
    }, not a file, and is never opened
content-special-file-hint = remove it from the site folder, or replace it with a regular file
content-link-skipped = this link was skipped: it { $why ->
        [folder] leads to a folder
       *[broken] is broken
    }
content-link-skipped-hint = copy the file here instead of linking to it

## src/href.rs: addresses the URL policy refuses.
content-href-hint = link with http:, https:, mailto: or tel:, or to a file of the site
content-href-empty = `{ $href }` is empty
content-href-hidden = `{ $href }` contains a hidden character (U+{ $code }), which browsers skip
content-href-hidden-hint = retype the address: it holds a character that cannot be seen
content-href-spaces = `{ $href }` starts or ends with a space
content-href-spaces-hint = remove the spaces around the address
content-href-backslash = `{ $href }` contains a backslash, which browsers read as `/`
content-href-backslash-hint = write `/`, or `%5C` for a backslash
content-href-char-reference = `{ $href }` contains an HTML character reference (`&#…;`), which faro does not decode and browsers may
content-href-char-reference-hint = write the character itself, or percent-encode it
content-href-no-scheme = `{ $href }` has no scheme: it leads to another site by whatever scheme the page was opened with
content-href-no-scheme-hint = write the scheme: https://…
content-href-not-scheme = `{ $href }` begins with `{ $start }:`, which is no scheme
content-href-no-slashes = `{ $href }` lacks the `//` before the host
content-href-user = `{ $href }` names a user before the host, which hides where it leads
content-href-port = `{ $href }` has a port that is not a number
content-href-port-range = `{ $href }` has a port above 65535
content-href-host = `{ $href }` has no host, or a host that is not a name or an address
content-href-authority-hint = write an address such as https://example.org/page
content-href-incomplete = `{ $href }` is not a whole `{ $scheme }:` address
content-href-incomplete-hint = mailto:name@example.org, tel:+511818
content-href-scheme-refused = `{ $href }` is refused: links with the scheme `{ $scheme }:` are not allowed
content-href-relative = `{ $href }` is a relative path, and here there is no page for it to be relative to
content-href-relative-hint = start a path of the site with `/` (`/es/indicadores/`), or write a whole https:// address
image-not-jpeg-or-png = this file is named as a JPEG or PNG image but is neither, so it is not published
image-damaged = this image is cut short or damaged, so it is not published
image-unreadable = this image cannot be read, so it is not published: { $error }
image-unreadable-hint = save it again as a JPEG or PNG (from the camera or an image editor): faro publishes a photo only once it can remove its metadata (GPS position, camera) and make its smaller sizes
image-unreadable-here = the image `{ $src }` cannot be published: its error is reported at the file
