## The site part of faro.

## src/config.rs: site.yaml's checks
config-not-an-email = `{ $email }` is not an email address (one `@`, no spaces or `<>"?:` signs)
config-missing-key = missing field `{ $key }`
config-missing-keys = missing field `{ $key }` (site.yaml also needs { $others })
config-no-languages = `languages` must list at least one language
config-not-a-language-code = `{ $lang }` is not a language code (use codes such as `es`, `en`, `qu`, `pt-BR`)
config-language-twice = language `{ $lang }` is listed twice
config-bad-base-url = `{ $name }` must be an absolute http(s) URL with a host and no user, query or fragment, such as `https://example.org/campana/`: { $problem }
config-bad-base-url-hint = percent-encode what a path needs (a space is %20); leave out `?…` and `#…`
config-no-text-for-language = `{ $key }` has no text for language `{ $lang }`
config-text-for-undeclared-language = `{ $key }` has text for `{ $lang }`, which is not in `languages`
config-not-a-phone = `{ $phone }` is not a phone number to dial: it { $why ->
        [signs] holds more than a number
        [long] is longer than a number is written (30 characters at most)
       *[digits] has too few or too many digits (3 to 15)
    }; write one number, with only digits, spaces, `+`, `-`, `.` and an area code in parentheses, and any options, other numbers or hours in `description` (or another help line)
config-bad-quick-exit-url = `quick_exit.url` must be an http(s) address of a neutral site, not `{ $url }`
config-suppress-below-zero = `statistics.suppress_below` must be at least 1: protection of small counts cannot be turned off
config-bad-keep = `publish.keep` lists `{ $keep }`: give paths inside the output folder, such as `.git` or `CNAME`

## src/config/read.rs
config-not-a-mapping = site.yaml must be a mapping of keys (`base_url: …`, `languages: […]`, …)
config-alias-and-key = `{ $alias }` ({ $whose }'s name) and `{ $key }` are the same key: keep one of them
config-is-a-list = `{ $key }` is a list, each entry on a line starting with `- `
config-taxonomies-is-a-list = `{ $key }` is a list, each entry on a line starting with `- `: `- {"{"} key: region, name: {"{"} es: Región, en: Region {"}"}, slug: {"{"} es: regiones, en: regions {"}"} {"}"}` (Hugo's `{"{"} tag: tags {"}"}` map becomes one entry per taxonomy)

## src/config/keys.rs: an unknown key of site.yaml, where it is ($level: top, section, entry of a list, menu-entry)
config-unknown-key = unknown field `{ $key }`{ $level ->
        [top] {""}
        [entry] {" "}in an entry of `{ $section }`
        [menu-entry] {" "}in a menu entry
       *[section] {" "}in `{ $section }`
    }
config-unknown-key-near = { config-unknown-key }: did you mean `{ $near }`?
config-unknown-key-lacks = { config-unknown-key }: site.yaml lacks { $lacks }; is this it?
config-unknown-key-hint = the keys here are { $keys }
# Keys of Hugo's and Zola's configuration, answered with faro's.
config-peer-language-code = { config-unknown-key }: Hugo's `languageCode` is faro's `languages` list (codes such as `es`, `en`, `qu`)
config-peer-default-content-language = { config-unknown-key }: faro's default language is the first one in `languages`
config-peer-default-language = { config-unknown-key }: faro's default language (Zola's `default_language`) is the first one in `languages`
config-peer-menu = { config-unknown-key }: faro's menus are under `menus`
config-peer-copyright = { config-unknown-key }: faro prints `organization` in the footer; there is no copyright line
config-peer-paginate = { config-unknown-key }: the number of pages per list page is `publish.page_size`
config-peer-robots = { config-unknown-key }: faro writes robots.txt at a host's root (under a subpath crawlers never read it, so it is left out); `publish.index: false` asks not to be indexed
config-peer-feeds = { config-unknown-key }: a section has a feed when its `_index.md` says `feed: true`
config-peer-feed-limit = { config-unknown-key }: the number of entries per feed is `publish.feed_size`
config-peer-search-index = { config-unknown-key }: faro always builds the search index
config-peer-permalinks = { config-unknown-key }: faro's URLs follow the folders of content/ and each page's `slug`
config-peer-translations = { config-unknown-key }: interface strings are in i18n/<lang>.yaml (see `faro theme strings <lang>`)
config-peer-author = { config-unknown-key }: faro names the publisher in `organization`
config-peer-page-ref = { config-unknown-key }: Hugo's `pageRef` is faro's `page`, a file under content/<lang>/
config-peer-weight = { config-unknown-key }: menu entries are shown in the order they are written
config-peer-identifier = { config-unknown-key }: faro's menus are one level: entries have no identifier
config-peer-parent = { config-unknown-key }: faro's menus are one level: entries have no parent

## src/config/menus.rs
config-menus-not-a-map = `menus` must be a map: `{"{"} es: [entries] {"}"}` or `{"{"} main: {"{"} es: [entries] {"}"} {"}"}`
config-menus-mixed = `menus` mixes its two forms: `{ $list }` holds a list (the main menu of language `{ $list }`) and `{ $name }` a map (a menu named `{ $name }`); under `menus`, a list is a language's main menu and a map is a named menu of languages
config-menus-mixed-hint-into-main = move `{ $list }: [...]` under `{ $main }:`: `menus: {"{"} { $main }: {"{"} { $list }: [...], ... {"}"} {"}"}`
config-menus-mixed-hint = write `menus: {"{"} { $main }: {"{"} { $list }: [...] {"}"}, { $name }: {"{"} ... {"}"} {"}"}`, moving each language's list under `{ $main }`
config-menu-not-a-list-or-map = `menus.{ $key }` must be a list of entries (the main menu of a language) or a map of languages to lists (a named menu)
config-menu-not-a-list = `menus.{ $name }.{ $lang }` must be a list of entries
config-main-menu-undeclared-language = `menus` has a menu for `{ $lang }`, which is not in `languages`
config-menu-undeclared-language = menu `{ $name }` has entries for `{ $lang }`, which is not in `languages`
config-menu-entry-undeclared-language = menu entry `{ $name }` leads into language `{ $lang }`, which is not in `languages`
config-menu-entry-page-or-url = menu entry `{ $name }` needs exactly one of `page` (a file under content/{ $lang }/) or `url`

## src/config/languages.rs
config-language-bad-name = language `{ $code }`: `name` must be a text to show, such as "Runasimi"
config-language-bad-locale = language `{ $code }`: `locale` must be a language and a region, such as `qu_PE` or `es_419`, not `{ $locale }`
config-language-bad-direction = language `{ $code }`: `direction` is `ltr` (left to right) or `rtl` (right to left), not `{ $direction }`
config-language-own-fallback = language `{ $code }` names itself as its `fallback`
config-language-unknown-fallback = language `{ $code }`: `fallback` must be another language of `languages` ({ $codes }), not `{ $fallback }`
config-language-fallback-loop = language `{ $code }`: its `fallback` chain comes back to it ({ $fallback } …)

## src/i18n.rs: the interface strings of the theme and the site (i18n/<lang>.yaml)
strings-extra-keys-missing = { $n ->
        [one] 1 interface string is
       *[other] { $n } interface strings are
    } missing for `{ $lang }` and shown in another language: { $keys }
strings-extra-keys-missing-hint = add them to i18n/{ $lang }.yaml in your site, or check their spelling where they are given
strings-copied-from-not-a-code = `{ $key }` is not another language's code
strings-copied-from-unknown = `{ $key }` names `{ $from }`, which has no strings here ({ $known } have)
strings-copied-from-hint = `{ $key }` names the language this file's values were copied from (such as `es`), so a value not yet translated is shown as that language's; delete the line to count every value as `{ $lang }`'s own
# $langs: languages as code, such as "`es` and `en`".
strings-awaiting-copied-from-one = { $n } of the { $total } interface strings of `{ $lang }` are still the { $langs } text they were copied from
strings-awaiting-copied = { $n } of the { $total } interface strings of `{ $lang }` are still the text they were copied from, in { $langs }
strings-awaiting-filled = { $n } of the { $total } interface strings of `{ $lang }` are still in { $langs }, since this file lacks them
strings-awaiting-copied-and-filled = { $n } of the { $total } interface strings of `{ $lang }` are still in { $langs }: { $copies } copied into this file and not yet translated, { $fills } missing from it and filled from { $filled }
strings-awaiting-hint = translate them in this file; until then readers see them as { $langs } text, marked so
strings-awaiting-hint-missing = translate them in this file and add those missing (`faro theme strings { $lang } --stdout` prints every string); until then readers see them as { $langs } text, marked so
strings-missing = { $n ->
        [one] 1 interface string
       *[other] { $n } interface strings
    } of the theme { $n ->
        [one] is
       *[other] are
    } missing for `{ $lang }`: { $shown }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }
strings-missing-no-file = the theme has no interface strings for `{ $lang }` and it names no `fallback`: { $n ->
        [one] 1 interface string
       *[other] { $n } interface strings
    } missing ({ $shown }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    })
strings-missing-hint = add them to this file (`faro theme strings { $lang } --stdout` prints every string with the text to translate), or let another language fill them: `- {"{"} code: { $lang }, fallback: { $fallback } {"}"}` in `languages`
strings-missing-no-file-hint = run `faro theme strings { $lang }` to write i18n/{ $lang }.yaml with every string to translate, or let another language fill them: `- {"{"} code: { $lang }, fallback: { $fallback } {"}"}` in `languages`

## src/i18n/site_file.rs: a site's strings file checked against the theme's
strings-key-twice = `{ $key }` is written { $again ->
        [second] a second time
       *[more] once more
    }{ $first ->
        [none] {""}
       *[other] {" "}(first at line { $first })
    }
strings-key-twice-hint = a key may be given once in a strings file: delete the one you do not mean
strings-list-length = `{ $key }` has { $got ->
        [one] 1 entry
       *[other] { $got } entries
    } where the theme's has { $want }: give all { $want }
strings-list-length-hint = faro takes a list's entries by position, in the theme's order (`faro theme strings { $lang } --stdout` prints it)
strings-text-not-list = `{ $key }` is a list of { $want } texts in the theme, not a single text
strings-text-not-list-hint = write them in brackets, in the theme's order: `{ $key }: ["…", "…"]` (`faro theme strings { $lang } --stdout` prints the theme's)
strings-list-not-text = `{ $key }` is a single text in the theme, not a list
strings-list-not-text-hint = write it as `{ $key }: "…"`, or with plural forms as `{ $key }: {"{"} one: "…", other: "…" {"}"}`
strings-unknown-key-near = `{ $key }` is not an interface string of the theme: did you mean `{ $near }`?
strings-unknown-key = `{ $key }` is not an interface string of the theme, and no template of this site names it
strings-unknown-key-hint = the file may hold the theme's strings (`faro theme strings { $lang } --stdout` prints them all) and strings the site's own templates ask for by name, as `t("{ $key }")` in templates/
# $shown: the placeholders, such as "`{n}`, `{name}`".
strings-wrong-placeholders-none = { $shown } { $n ->
        [one] is not a placeholder
       *[other] are not placeholders
    } of `{ $key }`, which takes none
strings-wrong-placeholders = { $shown } { $n ->
        [one] is not a placeholder
       *[other] are not placeholders
    } of `{ $key }`, which takes { $takes }
strings-wrong-placeholders-hint = faro fills only the placeholders of the theme's text and prints any other as written; a translation may leave one out
strings-wrong-placeholders-hint-near = did you mean `{"{"}{ $near }{"}"}`? faro fills only the placeholders of the theme's text and prints any other as written; a translation may leave one out

## src/theme.rs
theme-not-found = theme `{ $theme }` not found: there is no folder themes/{ $theme }/

## src/render.rs: a template that fails (its error is minijinja's own English)
site-template-while-rendering = while rendering { $page }

## src/urls.rs: an `aliases` entry of a page
site-alias-unsafe-char = the alias `{ $alias }` has `{ $char }`, which a web server would decode or cut
site-alias-percent-hint = write the address as it reads, `año` and not `a%C3%B1o`: a server decodes `%` escapes first
site-alias-query-hint = an alias is a path: a server never sees what follows `#`, and `?` starts a query
site-alias-backslash-hint = separate folders with `/`
site-alias-invisible-hint = remove the invisible character
site-alias-not-plain = the alias `{ $alias }` is not a plain path
site-alias-not-plain-hint = write it without `.`, `..` or `//`
site-alias-other-language = the alias `{ $alias }` is outside /{ $lang }/, this page's language
site-alias-other-language-hint = each language keeps its own old addresses: put this alias on the page in that language
site-alias-reserved = the alias `{ $alias }` is named like `{ $name }`, a file faro writes itself
site-alias-reserved-hint = an alias becomes a folder with a redirect page in it: give the old page's address

## src/output/mod.rs, src/output/dir.rs: the output folder
output-replaces-site = the output folder would replace the site's own files
output-replaces-site-hint = choose an output folder outside content/, static/, templates/, themes/ and i18n/ that does not contain the site, such as public/
output-kept-and-written = `publish.keep` keeps `{ $paths }` in the output, and the site writes it too
output-kept-and-written-hint = remove it from the site (static/) or from `publish.keep`
# $link: where the output folder, a link, leads; `none` when it is not a link.
output-is-a-file = `{ $output }`{ $link ->
        [none] {""}
       *[other] {" "}(a link to `{ $link }`)
    } is a file, not a folder: faro writes the site into a folder it replaces whole
output-is-a-file-hint = build into another folder (`--output`), or move the file away; nothing was changed
output-foreign-files = `{ $output }`{ $link ->
        [none] {""}
       *[other] {" "}(a link to `{ $link }`)
    } holds files faro did not write ({ $files }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }): a build replaces only a folder that is empty or that faro wrote
output-foreign-files-hint = move them away (into static/ to publish them with the site), list them under `publish.keep` in site.yaml to keep them there, or build into another folder; nothing was changed
output-foreign-files-hint-no-manifest = move them away (into static/ to publish them with the site), list them under `publish.keep` in site.yaml to keep them there, or build into another folder (faro builds before the manifest `.faro-manifest` kept no record of their files: if this folder is the output of one, delete it once); nothing was changed
output-cannot-write = cannot write { $file }: { $error }
output-cannot-move-aside = cannot move the previous { $output } aside ({ $error })
# $step: what failed (keep: carrying the kept files, else moving the new site in); $back: why the previous output could not be put back, `none` when it was.
output-swap-failed = { $step ->
        [keep] cannot keep the files publish.keep lists ({ $error })
       *[move-in] cannot move the new site into { $output } ({ $error })
    }{ $back ->
        [none] {""}
       *[other] ; the previous output could not be put back ({ $back }) and is in { $old }
    }
